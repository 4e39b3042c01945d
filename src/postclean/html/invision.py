"""Invision Community (IPS 4 ``article.cPost`` and IPS 5 ``article.ipsEntry``) topic pages."""

from __future__ import annotations

import dataclasses

from selectolax.lexbor import LexborHTMLParser

from ._base import Draft, EnginePack, Spec, poster_from_line
from ._detect import has
from ._dom import Node, attr, node_text, select

__all__ = ["PACK", "detect", "identify"]


def _stats(post: Node, draft: Draft) -> None:
    """IPS shows counts as ``3.2k`` with the exact figure in a ``title`` (``3,249 posts``)."""
    for n in select(post, "[data-role=stats] [title], li[data-role=stats] li"):
        t = attr(n, "title") or node_text(n)
        if t:
            poster_from_line(t, draft.poster)
    for li in select(post, "ul.ipsEntry__authorStats li"):
        label = node_text(li.css_first("[data-i-el=label]"))
        num = node_text(li.css_first("[data-i-el=number]"))
        if label and num:
            poster_from_line(f"{num} {label}", draft.poster)
    # profile fields the site added (``<span class="ft">Location</span>: <span class="fc">Leeds</span>``)
    for li in select(post, "li[data-role=custom-field], .ipsEntry__author-column [data-role=custom-field]"):
        poster_from_line(node_text(li), draft.poster)
    group = post.css_first("li[data-role=group], .ipsEntry__group")
    if group is not None and "rank" not in draft.poster:
        g = node_text(group)
        if g:
            draft.poster["rank"] = g[:120]


_SHARED = dict(
    quote="blockquote.ipsQuote",
    quote_head=".ipsQuote_citation",
    quote_body=".ipsQuote_contents",
    quote_author_attrs=("data-ipsquote-username",),
    signature="div[data-role=memberSignature]",
    reactions="div.ipsReact, .ipsReact_blurb, [data-role=reactionBlurb], .ipsEntry__footer .ipsReact",
    edit_note="span[data-excludequote] strong, .ipsComment_edited, [data-excludequote]",
    card="div.ipsRichEmbed, div.ipsEmbeddedOther, .ipsEmbeddedBrowser",
    card_title=".ipsRichEmbed_itemTitle, h3, a",
    card_desc=".ipsRichEmbed_snippet, p",
    # [data-nosnippet] marks ad slots that themes inject into the post content
    drop=".ipsQuote_citation, .ipsSpoiler_header, .ipsHide, [data-role=reactionInteraction], "
    ".ipsType_reset.ipsType_medium.ipsType_light, [data-nosnippet]",
    title="h1.ipsType_pageTitle, .ipsPageHeader__title, h1",
    page_current=".ipsPagination_active, .ipsPagination__page--active, [aria-current=page]",
    page_last=".ipsPagination_page, .ipsPagination_last, .ipsPagination__page",
    hook=_stats,
)

IPS4 = Spec(
    engine="invision",
    prefix="IPH",
    # every IPS 4 post carries id="elComment_{id}"; ad slots dressed as posts (no id) are left out
    post="article.cPost[id^=elComment_], article.ipsComment[id^=elComment_]",
    body="div[data-role=commentContent]",
    author="aside .cAuthorPane_author, .cAuthorPane_author, .ipsComment_author strong",
    user_block="aside.ipsComment_author, aside.cAuthorPane",
    rank=".cAuthorPane_info li[data-role=group], .cAuthorPane_info li:first-child",
    date=".ipsComment_meta time, time",
    permalink=".ipsComment_meta a[href*=comment]",
    # the ``#2`` link in the post's tools
    number="ul.ipsComment_tools a[href*=findComment], .ipsComment_meta a[href*=findComment]",
    post_id_attrs=("id",),
    chrome="ul.ipsComment_controls, .ipsItemControls, .cPostShareMenu, ul.ipsComment_tools",
    **_SHARED,  # type: ignore[arg-type]
)

IPS5 = dataclasses.replace(
    IPS4,
    post="article.ipsEntry--post, article.ipsEntry",
    author=".ipsEntry__username .ipsUsername, .ipsEntry__username a, .ipsEntry__username",
    user_block="aside.ipsEntry__author-column, aside.ipsEntry__header",
    rank=".ipsEntry__group",
    date=".ipsEntry__date time, .ipsEntry__meta time, time",
    permalink=".ipsEntry__date a",
    chrome=".ipsEntry__footer, .ipsEntry__controls, menu.ipsEntry__controls",
)


def identify(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Invision for certain: ``body.ipsApp``; ``ipsEntry`` posts tell version 5 from 4."""
    body = tree.body
    cls = (body.attributes.get("class") or "") if body is not None else ""
    if "ipsApp" in cls:
        if has(tree, "article.ipsEntry"):
            return 1.0, "5"
        return 1.0, "4"
    return 0.0, None


def detect(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Invision: ``body.ipsApp`` plus ``cPost`` (4) or ``ipsEntry`` (5) posts."""
    score, version = identify(html, tree, url)
    if score:
        return score, version
    return _rest(html, tree, url)


def _rest(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """:func:`detect` on a page :func:`identify` did not name: the uncertain signs."""
    if has(tree, "article.cPost"):
        return 0.8, "4"
    if "Powered by Invision Community" in html:
        return 0.6, None
    return 0.0, None


PACK = EnginePack(
    name="invision",
    prefix="IPH",
    detect=detect,
    identify=identify,
    rest=_rest,
    rest_probes=("article.cPost",),
    specs=(IPS5, IPS4),
    doc="Invision Community 4 and 5 topic pages.",
)
