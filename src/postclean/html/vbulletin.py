"""vBulletin 3 (table postbits), 4 (``li.postcontainer``) and 5 (``li.b-post``) thread pages."""

from __future__ import annotations

import regex
from selectolax.lexbor import LexborHTMLParser

from .._lazy import lazy
from ._base import Draft, EnginePack, Spec, make_removal
from ._detect import generator, has, html_attr
from ._dom import Node, clean_inline, node_path, node_text, render_lines

__all__ = ["PACK", "detect", "identify"]

_QUOTE = dict(
    # vB3: a margin-styled wrapper holding a "Quote:" label and a td.alt2 / div.alt2 panel (code boxes use
    # pre.alt2, so they are not taken for quotes)
    quote=".bbcode_container .bbcode_quote, div.bbcode_quote, div[style*='margin']:has(td.alt2), "
    "div[style*='margin']:has(div.alt2)",
    quote_head=".bbcode_postedby, div.smallfont, .alt2 > div:first-child, label",
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
    permalink="a.b-post__count[href]",
    post_id_attrs=("data-node-id", "id"),
    signature=".b-post__signature, .signature",
    reactions=".b-post-control__label.votecount, .votecount",
    edit_note=".b-post__edit, .edit-info",
    drop=_DROP,
    chrome=".b-post__footer, ul.js-post-controls, ul.b-sharing-menu, .b-comments",
    title="h1.main-title, .b-topic__title, h1",
    page_current=".js-pagenav .js-pagenav-current-button",
    page_last=".js-pagenav .js-pagenav-last-button, .js-pagenav a.page",
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
    pairs="dl.userstats, dl.userinfo_extra, .userinfo_extra dl",
    date=".postdate .date, span.date, .posthead .date",
    number="a.postcounter",
    permalink="a.postcounter",
    signature=".signaturecontainer, blockquote.signature, .signature",
    reactions=".postfoot .likes, [id^=post_thanks_box], .vbseo_liked",
    edit_note="blockquote.lastedited, .lastedited",
    drop=_DROP,
    chrome=".postfoot, .postcontrols, .postlinking",
    # the Post Thank You add-on's box: an li.postcontainer of its own after the thanked post
    reactions_post="li[id^=post_thanks_box]",
    title="#pagetitle h1 .threadtitle, #pagetitle h1, h1",
    page_current=".pagination .selected a, .pagination span.selected",
    page_last=".pagination a",
    **_QUOTE,  # type: ignore[arg-type]
)

_SIG_RULE_RE = lazy(r"^\s*_{6,}\s*")
_EDITED_RE = lazy(r"^\s*Last edited by\b", regex.IGNORECASE)


def _vb3_hook(post: Node, draft: Draft) -> None:
    """vB3 prints the signature and the edit note after the message div, with no class of their own: the
    signature is the block that starts with the ``__________________`` rule (after ``<!-- sig -->``), the edit
    note the one that starts with ``Last edited by``."""
    body = post.css_first("[id^=post_message_]")
    if body is None:
        return
    sib = body.next
    steps = 0
    while sib is not None and steps < 12:
        steps += 1
        if sib.tag in ("div", "span", "em"):
            text = node_text(sib)
            if draft.signature is None and _SIG_RULE_RE.match(text):
                lines = render_lines(sib, images=False)
                if lines:
                    lines[0] = _SIG_RULE_RE.sub("", lines[0])
                sig = "\n".join(lines).strip()
                if sig:
                    draft.signature = sig
                    draft.removals.append(make_removal("VBH", "signature", text, node_path(sib, depth=2)))
            elif draft.edit_note is None and _EDITED_RE.match(text):
                draft.edit_note = clean_inline(text)
                draft.removals.append(make_removal("VBH", "edit-note", text, node_path(sib, depth=2)))
        sib = sib.next


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
    # "Page 2 of 5" sits in the first cell of div.pagenav; the current page is td.alt2 > strong
    page_current="div.pagenav td.alt2 strong, div.pagenav td.alt2",
    page_last="div.pagenav td.vbmenu_control",
    hook=_vb3_hook,
    **_QUOTE,  # type: ignore[arg-type]
)


#: The archive (``archive/index.php/t-123.html``, the "View Full Version" pages search engines index, vB 3 and 4):
#: each post a ``div.post`` of ``div.posttop`` (``div.username``, ``div.date``) and ``div.posttext``; quotes
#: keep the vB3 quote markup.
ARCHIVE = Spec(
    engine="vbulletin",
    prefix="VBH",
    post="div.post:has(> div.posttop > div.username)",
    body="div.posttext",
    author="div.posttop > div.username",
    date="div.posttop > div.date",
    post_id_attrs=(),
    drop=_DROP,
    title="p.largefont a, h1",
    page_last="#pagenumbers a",
    **_QUOTE,  # type: ignore[arg-type]
)


_GENERATOR_RE = lazy(r"vBulletin\s*([\d.]+)?")
_ARCHIVE_CREDIT_RE = lazy(r"vBulletin\W{0,8}(?:v|Version\s*+)([345])\.\d")


def identify(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """vBulletin for certain: generator meta (``vBulletin 4.2.3``)."""
    m = _GENERATOR_RE.search(generator(tree))
    if m:
        return 1.0, m.group(1) or None
    return 0.0, None


def detect(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """vBulletin: generator meta (``vBulletin 4.2.3``), ``vbulletin_html`` ids, postbit markup."""
    score, version = identify(html, tree, url)
    if score:
        return score, version
    return _rest(html, tree, url)


def _rest(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """:func:`detect` on a page :func:`identify` did not name: the uncertain signs."""
    if has(tree, "li.b-post[data-node-id]"):
        return 0.9, "5"
    if html_attr(html, "id") == "vbulletin_html" or has(tree, "li.postcontainer, ol#posts"):
        return 0.9, "4"
    if "vbulletin_global.js" in html or "vbulletin_css" in html or has(tree, "[id^=post_message_]"):
        return 0.8, "3"
    if has(tree, "div.post > div.posttop > div.username") and tree.css_first("div.post > div.posttext") is not None:
        # the archive: its credit names the version ("vBulletin® v3.8.7", "Version 4.2.5")
        m = _ARCHIVE_CREDIT_RE.search(node_text(tree.css_first("#copyright")))
        return (0.9, m.group(1)[0]) if m else (0.7, None)
    return 0.0, None


PACK = EnginePack(
    name="vbulletin",
    prefix="VBH",
    detect=detect,
    identify=identify,
    rest=_rest,
    rest_probes=(
        "li.b-post[data-node-id]",
        "li.postcontainer, ol#posts",
        "[id^=post_message_]",
        "div.post > div.posttop > div.username",
    ),
    specs=(VB5, VB4, VB3, ARCHIVE),
    doc="vBulletin 3, 4 and 5 thread pages and the archive.",
)
