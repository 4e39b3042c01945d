"""Stack Exchange, text form. (Rules arrive with issue 4; the pack is registered so the run order is fixed.)"""

from __future__ import annotations

from ..rules import RulePack

__all__ = ["PACK"]

PACK = RulePack(
    name="stackexchange", prefix="SE", rules=(), description="Stack Exchange pages flattened to text"
)
