"""Simple Machines Forum (SMF 1.1, 2.0 and 2.1) topic pages."""

from __future__ import annotations

import dataclasses

import regex
from selectolax.lexbor import LexborHTMLParser

from ._base import EnginePack, Spec, certain_then_rest
from ._detect import has

__all__ = ["PACK", "detect"]

SMF = Spec(
    engine="smf",
    prefix="SMH",
    post="div.windowbg[id^=msg], div.windowbg2[id^=msg], div[id^=msg].post_wrapper, #forumposts .post_wrapper",
    post_id_re=r"^msg\d+$|^$",
    body="div.inner[id^=msg_], div.post div.inner, div.post",
    author="div.poster h4 a, div.poster h4, .poster .name",
    user_block="div.poster",
    rank="ul.user_info li.membergroup, ul li.membergroup, li.title, ul li.postgroup",
    stat_lines="ul.user_info li, div.poster ul li",
    date="div.postinfo a.smalltext, .keyinfo .smalltext, div.keyinfo .postinfo, .keyinfo",
    number="span.page_number, .keyinfo .smalltext strong",
    permalink=".keyinfo a[href*=msg], .postinfo a[href*=msg]",
    quote="blockquote.bbc_standard_quote, blockquote.bbc_alternate_quote, blockquote",
    quote_head="cite",
    signature="div.signature",
    # li.like_count holds "{n} people like this"; li.smflikebutton is only the Like button
    reactions="li.like_count, .like_count",
    edit_note="span.modified, div.modified, .smalltext.modified",
    drop="div.codeheader, .quoteheader, .codeoperation",
    chrome="ul.quickbuttons, div.moderatorbar .reportlinks, .under_message, li.smflikebutton",
    title="#top_section h2, h2.display_title, #forumposts h3.catbg, h1",
    page_current=".pagelinks .current_page, .pagelinks strong",
    page_last=".pagelinks a.nav_page, .pagelinks a",
)

#: SMF 1.1 (table layout): each post a ``td.windowbg``/``td.windowbg2`` in the quick-moderation form, the poster's
#: name and stats in the cell spanning two rows, "« Reply #3 on: DATE »" over the message, a quote's "Quote from:
#: NAME on DATE" a ``div.quoteheader`` printed before its ``div.quote``, "Logged" and the edit note below.
SMF11 = dataclasses.replace(
    SMF,
    post="#quickModForm td.windowbg:has(div.post), #quickModForm td.windowbg2:has(div.post)",
    post_id_re="",
    body="div.post",
    author="td[rowspan] > b > a, td[rowspan] > b",
    user_block="td[rowspan]",
    rank="",
    stat_lines="",
    date="td[valign=middle] > div.smalltext",
    number="",
    permalink="div[id^=subject_] a",
    post_id_attrs=(),
    quote="div.quote",
    quote_head="",
    quote_head_before="div.quoteheader",
    edit_note="div[id^=modified_] i",
    drop="div.codeheader",
    chrome="td[align=right][valign=bottom]",
)


#: The print page (``action=printpage``, SMF 2.0 and 2.1): under ``div#posts``, each post a ``div.postheader``
#: ("Title: <strong>subject</strong>", "Post by: <strong>NAME</strong> on <strong>DATE</strong>", some themes
#: print the date in ``em``) and the message in the ``div.postbody`` after it.
SMF_PRINT = Spec(
    engine="smf",
    prefix="SMH",
    post="#posts > .postheader",
    body_after=".postbody",
    body=".postbody",
    author=".postheader > strong:nth-of-type(2)",
    date=".postheader > strong:nth-of-type(3), .postheader > em",
    post_id_attrs=(),
    quote=SMF.quote + ", div.quote",
    quote_head="cite",
    quote_head_before="div.quoteheader",
    drop="div.codeheader, div.quotefooter",
    title="#posts > .postheader > strong",
)


def _version(html: str) -> str:
    m = regex.search(r"SMF\s+(2\.\d+(?:\.\d+)?)", html[-30000:])
    return (m.group(1) if m else None) or "2"


def _certain(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """SMF for certain: its script variables."""
    if "smf_scripturl" in html or "smf_theme_url" in html:
        return 1.0, _version(html)
    return 0.0, None


def _rest(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """SMF from its credit and post markup."""
    if "Simple Machines" in html and has(tree, "div.post_wrapper"):
        return 0.9, _version(html)
    if "Simple Machines" in html and has(tree, "#posts > .postheader + .postbody"):
        return 0.9, _version(html)
    return 0.0, None


detect = certain_then_rest(_certain, _rest, "SMF: ``smf_scripturl`` variables, ``Simple Machines`` credit, ``div#msg`` posts.")


PACK = EnginePack(
    name="smf",
    prefix="SMH",
    detect=detect,
    certain=_certain,
    rest=_rest,
    rest_probes=("div.post_wrapper", "#posts > .postheader + .postbody"),
    specs=(SMF, SMF11, SMF_PRINT),
    doc="SMF 1.1 and 2.x topic pages and print pages.",
)
