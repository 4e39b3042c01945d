"""vBulletin 3 (table postbits), 4 (``li.postcontainer``) and 5 (``li.b-post``) thread pages."""

from __future__ import annotations

import regex
from selectolax.lexbor import LexborHTMLParser

from ._base import EnginePack, Spec
from ._detect import generator, has, html_attr

__all__ = ["PACK", "detect"]

_QUOTE = dict(
    quote=".bbcode_container .bbcode_quote, div.bbcode_quote, div[style*='margin:20px']",
    quote_head=".bbcode_postedby, div.smallfont, td.alt2 > div:first-child",
    quote_body=".bbcode_quote .message, .quote_container .message, div[style*='font-style:italic']",
)
_DROP = ".bbcode_description, .bbcode_container > .bbcode_description, img[alt='View Post']"

VB5 = Spec(
    engine="vbulletin",
    prefix="VBH",
    post="li.b-post.js-post, li.b-post",
    body=".js-post__content-text, [itemprop=text]",
    author=".b-userinfo__details .author a, .author strong a, .b-userinfo .author, "
    "[itemprop=author] [itemprop=name]",
    user_block=".b-userinfo, .userinfo",
    rank=".usertitle, .b-userinfo__rank",
    stat_lines="li.b-userinfo__additional-info",
    date="time[itemprop=dateCreated], .b-post__timestamp time, .b-post__timestamp",
    number=".b-post__count",
    post_id_attrs=("data-node-id", "id"),
    signature=".b-post__signature, .signature",
    reactions=".b-post-control__label.votecount, .votecount",
    edit_note=".b-post__edit, .edit-info",
    drop=_DROP,
    chrome=".b-post__footer, ul.js-post-controls, ul.b-sharing-menu, .b-comments",
    title="h1.main-title, .b-topic__title, h1",
    **_QUOTE,  # type: ignore[arg-type]
)

VB4 = Spec(
    engine="vbulletin",
    prefix="VBH",
    post="li.postcontainer, li.postbitlegacy, li.postbit",
    body="[id^=post_message_] blockquote.postcontent, [id^=post_message_], blockquote.postcontent",
    author=".username_container .username strong, .username_container .username, a.username",
    user_block=".userinfo, .userinfo_noavatar",
    rank=".usertitle",
    pairs="dl.userstats, .userinfo_extra dl",
    date=".postdate .date, span.date, .posthead .date",
    number="a.postcounter",
    permalink="a.postcounter",
    signature=".signaturecontainer, blockquote.signature, .signature",
    reactions=".postfoot .likes, [id^=post_thanks_box], .vbseo_liked",
    edit_note="blockquote.lastedited, .lastedited",
    drop=_DROP,
    chrome=".postfoot, .postcontrols, .postlinking",
    title="#pagetitle h1 .threadtitle, #pagetitle h1, h1",
    page_current=".pagination .selected a, .pagination span.selected",
    page_last=".pagination a",
    **_QUOTE,  # type: ignore[arg-type]
)

VB3 = Spec(
    engine="vbulletin",
    prefix="VBH",
    post="div[id^=edit], table[id^=post]",
    post_id_re=r"^(?:edit|post)\d+$",
    body="[id^=post_message_]",
    author="a.bigusername, .bigusername",
    user_block="[id^=postmenu_]",
    rank="[id^=postmenu_] + div.smallfont",
    stat_lines="td.alt2 div.smallfont > div, .tcell.alt2 div.smallfont > div",
    date="td.thead, .thead .tcell, .thead",
    number="a[id^=postcount]",
    permalink="a[id^=postcount]",
    reactions=".vbseo_liked, [id^=post_thanks_box]",
    drop=_DROP,
    title="td.navbar strong, .navbar strong, h1",
    **_QUOTE,  # type: ignore[arg-type]
)


def detect(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """vBulletin: generator meta (``vBulletin 4.2.3``), ``vbulletin_html`` ids, postbit markup."""
    m = regex.search(r"vBulletin\s*([\d.]+)?", generator(tree))
    if m:
        return 1.0, m.group(1) or None
    if has(tree, "li.b-post[data-node-id]"):
        return 0.9, "5"
    if html_attr(html, "id") == "vbulletin_html" or has(tree, "li.postcontainer, ol#posts"):
        return 0.9, "4"
    if "vbulletin_global.js" in html or "vbulletin_css" in html or has(tree, "[id^=post_message_]"):
        return 0.8, "3"
    return 0.0, None


PACK = EnginePack(name="vbulletin", prefix="VBH", detect=detect, specs=(VB5, VB4, VB3),
                  doc="vBulletin 3, 4 and 5 thread pages.")
