"""Vanilla Forums discussion pages (classic ``li.ItemComment`` markup)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ._base import EnginePack, Spec
from ._detect import has

__all__ = ["PACK", "detect"]

VANILLA = Spec(
    engine="vanilla",
    prefix="VAH",
    post="div.ItemDiscussion, li.ItemComment, li.Item.Comment, div.Discussion",
    body="div.Message, .Item-Body .userContent",
    author="span.Author a.Username, a.Username, .Author .Username",
    user_block="div.AuthorWrap, span.Author, .Item-Header",
    rank="span.AuthorTitle, .MItem.AuthorTitle, .RoleTitle",
    stat_lines="span.AuthorLocation, .MItem.PostCount, .MItem.CountComments",
    date="span.DateCreated time, time, .DateCreated",
    permalink="a.Permalink",
    post_id_attrs=("id",),
    quote="blockquote.Quote, blockquote.UserQuote, .UserQuote, blockquote",
    quote_head=".QuoteAuthor, .blockquote-header, .embedQuote-header",
    quote_body=".QuoteText, .blockquote-content, .embedQuote-body",
    signature="div.Signature, .UserSignature",
    reactions="div.Reactions, .ReactionRecord",
    edit_note="span.DateUpdated, .DateUpdated",
    card=".embedExternal.embedLink, .embedLink, .js-embed.embedResponsive:not(.embedImage)",
    card_title=".embedLink-title, h3",
    card_desc=".embedLink-excerpt, p",
    drop=".embedImage-link + .sr-only",
    chrome="div.Options, .Reactions .ReactButton, .MItem.Flag",
    title="h1, .PageTitle h1",
)


def detect(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Vanilla: ``body#vanilla_discussion_index`` / ``class="Vanilla"``, ``li.ItemComment``."""
    body = tree.body
    bid = (body.attributes.get("id") or "") if body is not None else ""
    cls = (body.attributes.get("class") or "") if body is not None else ""
    if bid.startswith("vanilla_") or "Vanilla" in cls.split():
        return 1.0, None
    if has(tree, "li.ItemComment, div.ItemDiscussion"):
        return 0.8, None
    if "Powered by Vanilla" in html:
        return 0.6, None
    return 0.0, None


PACK = EnginePack(name="vanilla", prefix="VAH", detect=detect, specs=(VANILLA,), doc="Vanilla discussions.")
