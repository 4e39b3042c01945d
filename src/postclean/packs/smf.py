"""Simple Machines Forum 1.x/2.x, text form. (Rules arrive with issue 4; the pack is registered so the run order is fixed.)"""

from __future__ import annotations

from ..rules import RulePack

__all__ = ["PACK"]

PACK = RulePack(
    name="smf", prefix="SMF", rules=(), description="Simple Machines Forum 1.x/2.x pages flattened to text"
)
