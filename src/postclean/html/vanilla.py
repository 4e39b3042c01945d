"""Vanilla Forums discussion pages (classic ``li.ItemComment`` markup)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ._base import Draft, EnginePack, Spec
from ._detect import has
from ._dom import Node, node_text


def _hook(post: Node, draft: Draft) -> None:
    """``span.AuthorLocation`` carries the location without a label."""
    loc = node_text(post.css_first(".AuthorInfo .AuthorLocation, span.AuthorLocation"))
    if loc and "location" not in draft.poster:
        draft.poster["location"] = loc[:200]

__all__ = ["PACK", "detect", "identify"]

VANILLA = Spec(
    engine="vanilla",
    prefix="VAH",
    # div.Discussion alone also names the MessageList wrapper; the opening post is div.ItemDiscussion
    post="div.ItemDiscussion, li.ItemComment, li.Item.Comment",
    body="div.Message, .Item-Body .userContent",
    author="span.Author a.Username, a.Username, .Author .Username",
    user_block="div.AuthorWrap, span.Author, .Item-Header",
    rank="span.AuthorTitle, .MItem.AuthorTitle, .RoleTitle, .AuthorInfo .Rank",
    stat_lines=".MItem.PostCount, .MItem.CountComments",
    date="span.DateCreated time, time, .DateCreated",
    permalink="a.Permalink",
    post_id_attrs=("id",),
    # (the rich editor quotes a post as a card: ``div.embedQuote`` with the poster's name, a date and an excerpt)
    quote="blockquote.Quote, blockquote.UserQuote, .UserQuote, blockquote, div.embedExternal.embedQuote",
    quote_head=".QuoteAuthor, .blockquote-header, .embedQuote-header",
    quote_author=".embedQuote-userName",
    quote_body=".QuoteText, .blockquote-content, .embedQuote-excerpt, .embedQuote-body",
    signature="div.Signature, .UserSignature",
    # div.Reactions holds the reaction buttons; the record of who reacted is .ReactionRecord
    reactions=".ReactionRecord",
    edit_note="span.DateUpdated, .DateUpdated",
    card=".embedExternal.embedLink, .embedLink, .js-embed.embedResponsive:not(.embedImage)",
    card_title=".embedLink-title, h3",
    card_desc=".embedLink-excerpt, p",
    drop=".embedImage-link + .sr-only",
    chrome="div.Options, div.Reactions, .MItem.Flag",
    title=".PageTitle h1, h1",
    hook=_hook,
)


def identify(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Vanilla for certain: ``body#vanilla_discussion_index`` / ``class="Vanilla"``."""
    body = tree.body
    bid = (body.attributes.get("id") or "") if body is not None else ""
    cls = (body.attributes.get("class") or "") if body is not None else ""
    if bid.startswith("vanilla_") or "Vanilla" in cls.split():
        return 1.0, None
    return 0.0, None


def detect(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Vanilla: ``body#vanilla_discussion_index`` / ``class="Vanilla"``, ``li.ItemComment``."""
    score, version = identify(html, tree, url)
    if score:
        return score, version
    return _rest(html, tree, url)


def _rest(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """:func:`detect` on a page :func:`identify` did not name: the uncertain signs."""
    if has(tree, "li.ItemComment, div.ItemDiscussion"):
        return 0.8, None
    if "Powered by Vanilla" in html:
        return 0.6, None
    return 0.0, None


PACK = EnginePack(
    name="vanilla",
    prefix="VAH",
    detect=detect,
    specs=(VANILLA,),
    doc="Vanilla discussions.",
    identify=identify,
    rest=_rest,
    rest_probes=("li.ItemComment, div.ItemDiscussion",),
)
