"""Rule packs. Each pack lists its rules explicitly; :data:`DEFAULT_PACKS` is the order they run in."""

from __future__ import annotations

from ..rules import RulePack
from . import generic, news, xenforo

__all__ = ["DEFAULT_PACKS", "pack_by_name"]

#: Built-in packs, engine packs first, then news and generic (stages order the run; see ``rules.STAGES``).
DEFAULT_PACKS: tuple[RulePack, ...] = (xenforo.PACK, news.PACK, generic.PACK)


def pack_by_name(name: str) -> RulePack:
    """The built-in pack called ``name`` (``"xenforo"``, ``"news"``, ``"generic"`` …)."""
    for pack in DEFAULT_PACKS:
        if pack.name == name:
            return pack
    raise KeyError(f"no pack named {name!r}; packs: {', '.join(p.name for p in DEFAULT_PACKS)}")
