"""page chrome of any site (navigation, login prompts, footers, lists of other threads), text form. (Rules arrive with issue 4; the pack is registered so the run order is fixed.)"""

from __future__ import annotations

from ..rules import RulePack

__all__ = ["PACK"]

PACK = RulePack(
    name="page",
    prefix="PAGE",
    rules=(),
    description="page chrome of any site (navigation, login prompts, footers, lists of other threads) pages flattened to text",
)
