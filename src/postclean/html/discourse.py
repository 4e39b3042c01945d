"""Discourse topic pages: the crawler (no-JS) view and the Ember view saved from a browser."""

from __future__ import annotations

import dataclasses

import regex
from selectolax.lexbor import LexborHTMLParser

from .._lazy import lazy
from ._base import Draft, EnginePack, Spec
from ._detect import generator, has
from ._dom import Node, clean_inline, node_text

__all__ = ["PACK", "detect", "identify"]

_BODY_SHARED = dict(
    quote="aside.quote",
    quote_head="div.title",
    quote_body="blockquote",
    quote_author_attrs=("data-username",),
    card="aside.onebox",
    card_title="article.onebox-body h3, article.onebox-body h4, .onebox-body a",
    card_desc="article.onebox-body p",
    card_domain="header.source a, header.source",
    drop=".meta .informations, div.lightbox-wrapper div.meta, a.anchor, .codeblock-button-wrapper, "
    ".cooked-selection-barrier, .badge-wrapper, .quote-controls",
)

_FULL_NAME_RE = lazy(r"^\((?P<n>[^()]{1,80})\)$")


def _crawler_hook(post: Node, draft: Draft) -> None:
    """The crawler view prints ``{username} ({Full Name})`` when the site shows full names, and
    ``{username} {Action}`` (``system Closed``, ``Pinned``, ``Unlisted`` …) for small-action posts: those are
    topic-status notices, not user posts."""
    creator = post.css_first("span.creator")
    if creator is None:
        return
    link = creator.css_first("a")
    rest = clean_inline(node_text(creator).replace(node_text(link), "", 1)) if link is not None else ""
    if not rest:
        return
    m = _FULL_NAME_RE.match(rest)
    if m is not None:
        draft.poster.setdefault("extra", {})["full_name"] = m["n"].strip()
    elif len(rest) <= 40 and not regex.search(r"\d", rest):
        draft.discard = f"{draft.author or ''} {rest}".strip()


CRAWLER = Spec(
    engine="discourse",
    prefix="DCH",
    post="div.crawler-post, div.topic-body.crawler-post, [itemtype*=DiscussionForumPosting] > div.post",
    body="div.post[itemprop=text], div.post[itemprop=articleBody], div.post",
    author="span.creator [itemprop=name], span.creator a, .creator",
    user_block="div.crawler-post-meta span.creator",
    date="span.crawler-post-infos time, time.post-time, [itemprop=datePublished]",
    number="span[itemprop=position]",
    post_id_attrs=("id",),
    reactions="div[itemprop=interactionStatistic], .post-likes",
    chrome="div.crawler-post-infos, .crawler-linkback-list",
    title="#topic-title h1, #topic-title a, h1",
    hook=_crawler_hook,
    **_BODY_SHARED,  # type: ignore[arg-type]
)

EMBER = dataclasses.replace(
    CRAWLER,
    post="article.boxed[data-post-id], article.topic-post, article[id^=post_]",
    body="div.cooked",
    author=".names .first.username, .names .username a, .names a",
    user_block=".topic-meta-data .names",
    date=".post-date [data-time], .post-date, .relative-date",
    number="",
    post_id_attrs=("data-post-id", "id"),
    reactions=".post-controls .like-count, .discourse-reactions-counter",
    chrome="section.post-menu-area, nav.post-controls, .post-actions, .post-links-container",
    title=".fancy-title, #topic-title h1, h1",
    hook=None,
)


_GENERATOR_RE = lazy(r"Discourse\s+([\w.-]+)")


def identify(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Discourse for certain: generator meta (``Discourse 3.4.0 …``)."""
    m = _GENERATOR_RE.match(generator(tree))
    if m:
        return 1.0, m.group(1).removesuffix("-latest")
    return 0.0, None


def detect(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Discourse: generator meta (``Discourse 3.4.0 …``), crawler markup, theme meta."""
    score, version = identify(html, tree, url)
    if score:
        return score, version
    return _rest(html, tree, url)


def _rest(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """:func:`detect` on a page :func:`identify` did not name: the uncertain signs."""
    if has(tree, "div.crawler-post, meta[name=discourse_theme_id], meta[name=discourse_current_homepage]"):
        return 0.9, None
    if "Powered by Discourse" in html or "discourse-cdn" in html:
        return 0.6, None
    return 0.0, None


PACK = EnginePack(
    name="discourse",
    prefix="DCH",
    detect=detect,
    identify=identify,
    rest=_rest,
    rest_probes=("div.crawler-post, meta[name=discourse_theme_id], meta[name=discourse_current_homepage]",),
    specs=(CRAWLER, EMBER),
    doc="Discourse crawler view (div.crawler-post) and Ember view (article.boxed).",
)
