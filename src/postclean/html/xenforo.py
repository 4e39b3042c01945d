"""XenForo 2 (2.0–2.3, incl. the VerticalScope "MessageCard" theme) and XenForo 1 thread pages."""

from __future__ import annotations

import dataclasses

import regex
from selectolax.lexbor import LexborHTMLParser

from .._lazy import lazy
from ..phrases import alternation
from ._base import Draft, EnginePack, Spec
from ._detect import generator, has, html_attr
from ._dom import Node, _parse_loose, attr, first

__all__ = ["PACK_XF1", "PACK_XF2", "detect_xf1", "detect_xf2", "identify_xf1", "identify_xf2"]

_QUOTE = dict(
    quote="blockquote.bbCodeBlock--quote, div.bbCodeBlock--quote, blockquote.bbCodeQuote, div.bbCodeQuote",
    quote_head=".bbCodeBlock-title, .attribution",
    quote_body=".bbCodeBlock-expandContent, .bbCodeBlock-content, .quoteContainer .quote, .quote",
    quote_author_attrs=("data-quote", "data-author"),
)
_DROP = (
    ".bbCodeBlock-expandLink, .bbCodeBlock-shrinkLink, .bbCodeBlock--code > .bbCodeBlock-title, "
    ".bbCodeSpoiler-button, .bbCodeSpoiler-button-title, .js-unfurl-favicon, .u-srOnly, .js-selectToQuoteEnd, "
    ".quoteExpand, .messageTextEndMarker, .bbCodeCode > .type, .bbCodeBlock-sourceJump, .message-newIndicator"
)

#: The screen-reader label before the reactions list (``Reactions:``, ``Reaktionen:``), an icon's name before it.
_REACTIONS_LABEL_RE = lazy(
    rf"^(?:(?:{alternation('reaction_names')}|{alternation('reactions_label')})\s+)?(?:{alternation('reactions_label')})\s*:\s*",
    regex.IGNORECASE,
)


def _xf2_hook(post: Node, draft: Draft) -> None:
    """Fallbacks for themes that move the attribution: the lightbox caption ``{author} · {date}`` that every
    XF2 post carries on ``.message-userContent``, and the reactions list without its screen-reader label."""
    if draft.date is None:
        cap = attr(first(post, ".message-userContent[data-lb-caption-desc], [data-lb-caption-desc]"),
                   "data-lb-caption-desc")
        if cap and "·" in cap:
            raw = cap.rsplit("·", 1)[1].strip()
            d = _parse_loose(raw)
            if d is not None:
                draft.date, draft.date_raw = d, raw
    if draft.reactions:
        draft.reactions = _REACTIONS_LABEL_RE.sub("", draft.reactions) or None


XF2 = Spec(
    engine="xenforo",
    prefix="XFH",
    post="article.message--post, article.message.js-post",
    body=".message-body .bbWrapper, .message-content .bbWrapper, .message-body",
    author="h4.message-name .username, .message-name .username, .message-name",
    author_attrs=("data-author",),
    user_block=".message-cell--user, .message-user",
    rank=".message-userTitle, .userTitle",
    banner=".message-userBanner, .userBanner",
    pairs=".message-userExtras",
    date=".message-attribution-main time, header.message-attribution time, time.u-dt",
    number=".message-attribution-opposite a, .message-attribution-opposite li",
    permalink=".message-attribution-main a[href]",
    post_id_attrs=("data-content", "id"),
    signature=".message-signature",
    reactions=".reactionsBar, .message-reactionSummary",
    edit_note=".message-lastEdit",
    card=".bbCodeBlock--unfurl",
    card_title=".contentRow-header, .js-unfurl-title",
    card_desc=".contentRow-snippet, .js-unfurl-desc",
    drop=_DROP,
    chrome="footer.message-footer, .message-actionBar, .actionBar, section.message-attachments",
    title=".p-title-value, h1.p-title-value",
    page_current=".pageNav-page--current",
    page_last=".pageNav-main .pageNav-page",
    hook=_xf2_hook,
    **_QUOTE,  # type: ignore[arg-type]
)

#: VerticalScope forums run XenForo 2 with their own "MessageCard" post template.
XF2_CARD = dataclasses.replace(
    XF2,
    post=".js-messageCard, .MessageCard[id^=js-post-]",
    author=".MessageCard__user-info__name, [itemprop=author] [itemprop=name]",
    user_block=".MessageCard__header",
    rank=".MessageCard__user-title",
    banner="",
    pairs="",
    stat_lines=".MessageCard__user-details > span",
    date="meta[itemprop=datePublished], .MessageCard__date-created time, time.u-dt",
    number=".MessageCard__post-position",
    permalink=".MessageCard__date-created",
    post_id_attrs=("id",),
    chrome="footer.message-footer, .MessageCard__comment-options, .message-actionBar, .actionBar, "
    ".MessageCard__footer",
)

XF1 = Spec(
    engine="xenforo",
    prefix="XFH",
    post="li.message[id^=post-], ol.messageList > li.message",
    body="blockquote.messageText, .messageContent .messageText, .messageContent article",
    author=".messageUserBlock .userText .username, .messageUserInfo a.username, .messageMeta .username",
    author_attrs=("data-author",),
    user_block=".messageUserInfo",
    rank=".userTitle",
    banner=".userBanner",
    pairs=".extraUserInfo",
    date=".messageMeta .DateTime, .datePermalink .DateTime, .datePermalink",
    number=".postNumber",
    permalink="a.datePermalink",
    signature=".signature",
    reactions=".likesSummary",
    edit_note=".editDate",
    drop=_DROP,
    chrome=".messageMeta",
    title=".titleBar h1",
    page_current=".PageNav .currentPage",
    page_last=".PageNav a",
    **_QUOTE,  # type: ignore[arg-type]
)


def identify_xf2(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """XenForo 2 for certain: ``<html id="XF">`` (version in ``data-xf``)."""
    if html_attr(html, "id") == "XF":
        return 1.0, html_attr(html, "data-xf") or "2"
    return 0.0, None


def detect_xf2(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """XenForo 2: ``<html id="XF">`` (version in ``data-xf``), or its post markup."""
    score, version = identify_xf2(html, tree, url)
    if score:
        return score, version
    return _rest_xf2(html, tree, url)


def _rest_xf2(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """:func:`detect_xf2` on a page without ``<html id="XF">``: its post markup, the generator or credit."""
    version = html_attr(html, "data-xf")
    if has(tree, "article.message--post, .js-messageCard"):
        return 0.8, version or "2"
    if "XenForo" in generator(tree) or "Community platform by XenForo" in html:
        return 0.6, version or "2"
    return 0.0, None


_XF1_VERSION_RE = lazy(r"XenForo[^0-9<]{0,20}(1\.\d+(?:\.\d+)?)")


def identify_xf1(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """XenForo 1 for certain: ``<html id="XenForo">``."""
    if html_attr(html, "id") == "XenForo":
        m = _XF1_VERSION_RE.search(html[-20000:])
        return 1.0, m.group(1) if m else "1"
    return 0.0, None


def detect_xf1(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """XenForo 1: ``<html id="XenForo">`` or ``css.php?css=xenforo`` or ``li.message`` posts."""
    for check in (identify_xf1, _certain_xf1):
        score, version = check(html, tree, url)
        if score:
            return score, version
    return _rest_xf1(html, tree, url)


def _certain_xf1(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """XenForo 1 for certain from its stylesheet URL (``css.php?css=xenforo``)."""
    if "css.php?css=xenforo" in html:
        m = _XF1_VERSION_RE.search(html[-20000:])
        return 1.0, m.group(1) if m else "1"
    return 0.0, None


def _rest_xf1(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """XenForo 1 from its post list markup."""
    if has(tree, "ol.messageList > li.message[data-author]"):
        return 0.7, "1"
    return 0.0, None


PACK_XF2 = EnginePack(
    name="xenforo",
    prefix="XFH",
    detect=detect_xf2,
    specs=(XF2, XF2_CARD),
    doc="XenForo 2 thread_view pages.",
    identify=identify_xf2,
    rest=_rest_xf2,
    rest_probes=("article.message--post, .js-messageCard",),
)
PACK_XF1 = EnginePack(
    name="xenforo",
    prefix="XFH",
    detect=detect_xf1,
    identify=identify_xf1,
    certain=_certain_xf1,
    rest=_rest_xf1,
    rest_probes=("ol.messageList > li.message[data-author]",),
    specs=(XF1,),
    doc="XenForo 1 thread pages (ol.messageList).",
)
