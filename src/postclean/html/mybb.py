"""MyBB 1.8 (``div.post``) and 1.6 (``table`` postbit) thread pages."""

from __future__ import annotations

import dataclasses

from selectolax.lexbor import LexborHTMLParser

from ._base import EnginePack, Spec, certain_then_rest
from ._detect import has

__all__ = ["PACK", "detect"]

MYBB18 = Spec(
    engine="mybb",
    prefix="MBH",
    post="div.post[id^=post_]",
    body="div.post_body",
    author="div.author_information .largetext a, div.author_information strong a, .author_information a",
    user_block="div.post_author",
    rank="div.author_information span.smalltext",
    stat_lines="div.author_statistics .author_row, div.author_statistics br + *, div.author_statistics",
    date="span.post_date",
    number="div.post_head .float_right a, .post_head strong a",
    permalink="div.post_head .float_right a",
    post_id_attrs=("id",),
    quote="blockquote.mycode_quote, blockquote",
    quote_head="cite",
    signature="div.signature",
    edit_note="span.edited_post, span.post_edit",
    drop="div.codeblock > div.title, .mycode_quote cite, a.quick_jump",
    chrome="div.post_controls, div.post_meta",
    # (MyBB 1.8 prints "Thread Modes" in a strong of its own in the same td.thead, before the title)
    title="td.thead h1, td.thead > div > strong:not(:has(#thread_modes)), .thead strong, h1",
    page_current=".pagination .pagination_current",
    page_last=".pagination a.pagination_page, .pagination a.pagination_last",
)

MYBB16 = dataclasses.replace(
    MYBB18,
    post="table.tborder[id^=post_]",
    body="div.post_body, td.post_content",
    user_block="td.post_author",
    author="td.post_author strong a, .largetext a",
)

#: The archive (``archive/index.php?thread-12.html``, the "stripped down version" search engines index): each
#: post a bare ``div.post`` with the name in ``div.author h2``, ``div.dateline`` and ``div.message``.
ARCHIVE = dataclasses.replace(
    MYBB18,
    post="#container > div.post:has(> div.message)",
    body="div.message",
    author="div.author h2 a, div.author h2, div.author",
    user_block="",
    rank="",
    stat_lines="",
    date="div.dateline",
    number="",
    permalink="",
    signature="",
    edit_note="",
    chrome="",
    title="#fullversion a, h1",
    page_current=".multipage > strong:not(:first-child)",
    page_last=".multipage > a, .multipage > strong:not(:first-child)",
)


def _certain(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """MyBB for certain: its post body ids."""
    if has(tree, "div.post div.post_body[id^=pid_]"):
        return 1.0, "1.8"
    return 0.0, None


def _rest(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """MyBB from its scripts and credit."""
    strong = 'Powered By <a href="https://mybb.com"' in html or "var MyBBEditor" in html
    if strong or "MyBB Group" in html:
        return 0.8, "1.8" if has(tree, "div.post_body") or has(tree, "#fullversion") else None
    return 0.0, None


detect = certain_then_rest(_certain, _rest, "MyBB: ``MyBBEditor``/``MyBB.`` scripts, ``Powered By MyBB`` credit, post markup.")


PACK = EnginePack(
    name="mybb",
    prefix="MBH",
    detect=detect,
    certain=_certain,
    rest=_rest,
    certain_probes=("div.post div.post_body[id^=pid_]",),
    rest_probes=("div.post_body", "#fullversion"),
    specs=(MYBB18, MYBB16, ARCHIVE),
    doc="MyBB thread pages.",
)
