"""Rule packs. Each pack lists its rules explicitly; :data:`DEFAULT_PACKS` is the order they run in."""

from __future__ import annotations

from ..rules import RulePack
from . import (
    discourse,
    discuz,
    flarum,
    fluxbb,
    generic,
    invision,
    lemmy,
    mybb,
    news,
    nodebb,
    page,
    phpbb,
    reddit,
    smf,
    stackexchange,
    vanilla,
    vbulletin,
    xenforo,
)

__all__ = ["DEFAULT_PACKS", "pack_by_name"]

#: Built-in packs, engine packs first, then news and generic (stages order the run; see ``rules.STAGES``).
DEFAULT_PACKS: tuple[RulePack, ...] = (
    xenforo.PACK,
    vbulletin.PACK,
    phpbb.PACK,
    smf.PACK,
    mybb.PACK,
    fluxbb.PACK,
    discuz.PACK,
    discourse.PACK,
    nodebb.PACK,
    flarum.PACK,
    vanilla.PACK,
    invision.PACK,
    stackexchange.PACK,
    reddit.PACK,
    lemmy.PACK,
    page.PACK,
    news.PACK,
    generic.PACK,
)


def pack_by_name(name: str) -> RulePack:
    """The built-in pack called ``name`` (``"xenforo"``, ``"news"``, ``"generic"`` …)."""
    for pack in DEFAULT_PACKS:
        if pack.name == name:
            return pack
    raise KeyError(f"no pack named {name!r}; packs: {', '.join(p.name for p in DEFAULT_PACKS)}")
