"""vBulletin 3/4/5, text form. (Rules arrive with issue 4; the pack is registered so the run order is fixed.)"""

from __future__ import annotations

from ..rules import RulePack

__all__ = ["PACK"]

PACK = RulePack(
    name="vbulletin", prefix="VB", rules=(), description="vBulletin 3/4/5 pages flattened to text"
)
