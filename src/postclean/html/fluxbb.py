"""FluxBB (and PunBB-style) viewtopic pages: ``div.blockpost`` posts."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ._base import EnginePack, Spec, certain_then_rest
from ._detect import has

__all__ = ["PACK", "detect"]

FLUXBB = Spec(
    engine="fluxbb",
    prefix="FXH",
    post="div.blockpost",
    body="div.postmsg",
    author="div.postleft dl dt strong, div.postleft dt a, div.postleft dt",
    user_block="div.postleft",
    rank="dd.usertitle",
    stat_lines="div.postleft dd",
    date="h2 a, h2 span a",
    number="h2 .conr",
    permalink="h2 a",
    post_id_attrs=("id",),
    quote="div.quotebox",
    quote_head="cite",
    signature="div.postsignature",
    edit_note="p.postedit",
    drop="div.codebox > p:first-child, .codebox h4",
    chrome="div.postfoot, div.postfootright, ul.bblinks",
    title="div.crumbs li:last-child strong, .crumbs strong a, h1",
    page_current=".pagelink strong",
    page_last=".pagelink a",
)


def _certain(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """FluxBB for certain: its ``pun`` ids or credit."""
    if has(tree, "#punviewtopic, #punwrap") or 'Powered by <a href="http://fluxbb.org/">FluxBB' in html:
        return 1.0, None
    return 0.0, None


def _rest(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """FluxBB from its post markup."""
    if has(tree, "div.blockpost div.postmsg"):
        return 0.9, None
    return 0.0, None


detect = certain_then_rest(_certain, _rest, "FluxBB: ``#punviewtopic``/``pun`` ids, ``Powered by FluxBB`` credit, ``div.blockpost``.")


PACK = EnginePack(
    name="fluxbb",
    prefix="FXH",
    detect=detect,
    certain=_certain,
    rest=_rest,
    certain_probes=("#punviewtopic, #punwrap",),
    rest_probes=("div.blockpost div.postmsg",),
    specs=(FLUXBB,),
    doc="FluxBB topic pages.",
)
