"""Lemmy post pages: the post (``article#postContent``) and the comment tree (``article.comment-node``)."""

from __future__ import annotations

import dataclasses

from selectolax.lexbor import LexborHTMLParser

from ._base import Draft, EnginePack, Spec, certain_then_rest, extract_with_spec, nest_by_holder
from ._detect import has
from ._dom import select

__all__ = ["PACK", "detect"]

POST = Spec(
    engine="lemmy",
    prefix="LMH",
    post="div.post-listing",
    body="#postContent .md-div, article#postContent",
    author="a.person-listing span, a.person-listing",
    author_attrs=(),
    user_block="a.person-listing",
    date="span.moment-time",
    quote="",
    drop=".visually-hidden",
    chrome=".post-title, .btn",
    title="div.post-title h1, h1",
)

COMMENT = dataclasses.replace(
    POST,
    post="article.comment-node",
    nested=True,
    body=".comment-content .md-div, .comment-content",
    chrome=".comment-bottom-btns",
    # the comment's link button (to the comment on its home instance)
    permalink=".comment-bottom-btns a[href*='/comment/'], a.btn[href*='/comment/']",
)


def extract(tree: LexborHTMLParser, url: str | None) -> list[Draft]:
    """The post, then each comment in page order, with the reply tree (the post is its root)."""
    drafts = extract_with_spec(tree, POST)[:1]
    comments = extract_with_spec(tree, COMMENT)
    if comments:
        if drafts:
            drafts[0].depth = 0
        nest_by_holder(select(tree, COMMENT.post), comments, drafts[0] if drafts else None)
    drafts.extend(comments)
    return drafts


def _certain(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Lemmy for certain: its site root."""
    if has(tree, "div.lemmy-site, #app.lemmy-site"):
        return 1.0, None
    return 0.0, None


def _rest(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Lemmy from its comment markup."""
    if has(tree, "article.comment-node") and "lemmy" in html[:5000].lower():
        return 0.8, None
    return 0.0, None


detect = certain_then_rest(_certain, _rest, "Lemmy: ``#app.lemmy-site`` root and ``comment-node`` articles.")


PACK = EnginePack(
    name="lemmy",
    prefix="LMH",
    detect=detect,
    certain=_certain,
    rest=_rest,
    certain_probes=("div.lemmy-site, #app.lemmy-site",),
    rest_probes=("article.comment-node",),
    specs=(POST,),
    extract=extract,
    doc="Lemmy post pages.",
)
