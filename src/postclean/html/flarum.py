"""Flarum discussion pages (the server-rendered no-JS content and the JS post stream)."""

from __future__ import annotations

import dataclasses

from selectolax.lexbor import LexborHTMLParser

from ._base import EnginePack, Spec, certain_then_rest
from ._detect import has

__all__ = ["PACK", "detect"]

STREAM = Spec(
    engine="flarum",
    prefix="FLH",
    post="article.CommentPost, article.Post",
    body="div.Post-body",
    # (``.username`` first: without an uploaded avatar Flarum prints the initial in a span beside the name)
    author=".PostUser-name .username, h3.PostUser-name, .PostUser-name a, .PostUser-name",
    user_block="header.Post-header .PostUser, div.PostUser",
    date="span.PostMeta-time time, time",
    number=".PostMeta-number",
    quote="blockquote",
    quote_head="cite",
    quote_mention="a.PostMention",
    reactions=".Post-likedBy",
    edit_note=".PostEdited",
    # the fof/link-preview extension's card under a pasted URL
    card="div.LinkPreview",
    card_title=".LinkPreview-title",
    card_desc=".LinkPreview-description",
    card_domain=".LinkPreview-domain",
    drop="a.PostMention i, .Post-mentionedBy",
    chrome="aside.Post-actions, footer.Post-footer, ul.Post-controls",
    title="h1.DiscussionHero-title, .container > h1, h1",
)

#: No-JS content: ``#flarum-content`` / ``noscript`` with plain ``article`` blocks.
NOSCRIPT = dataclasses.replace(
    STREAM,
    post="#flarum-content article, .container article, article",
)


def _certain(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Flarum for certain: its loader and payload."""
    if "flarum-loading" in html or "flarum-json-payload" in html or "flarum.core" in html:
        return 1.0, None
    return 0.0, None


def _rest(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Flarum from its post markup."""
    if has(tree, "div.PostUser, article.CommentPost"):
        return 0.8, None
    return 0.0, None


detect = certain_then_rest(_certain, _rest, "Flarum: ``#flarum-loading``, ``flarum-json-payload``, ``PostUser`` markup.")


PACK = EnginePack(
    name="flarum",
    prefix="FLH",
    detect=detect,
    certain=_certain,
    rest=_rest,
    rest_probes=("div.PostUser, article.CommentPost",),
    specs=(STREAM, NOSCRIPT),
    doc="Flarum discussion pages.",
)
