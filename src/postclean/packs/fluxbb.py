"""FluxBB / PunBB, text form: ``#N {date}`` post headers with poster blocks, edit notes, status lines."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .._lazy import lazy
from ..rules import Hit, RulePack, rule
from ..text import TextView
from ._classic import CLASSIC_DATE, BlockSpec, alt, block_hits, date_facts, line_re, weighted_sniff
from ._common import iter_line_matches
from .phpbb import _WROTE
from .phpbb import quote as _phpbb_quote

__all__ = ["PACK"]

_F = regex.IGNORECASE | regex.MULTILINE | regex.VERSION1

#: ``#1 2025-11-01 15:14:37`` / ``#3 Today 10:04:11``.
_HEADER_RE = lazy(rf"^[ \t]*+(?:[-•][ \t]*)?\#(?P<num>\d{{1,7}})[ \t]+(?P<date>{CLASSIC_DATE})[ \t]*$", _F)
_POST_RE = lazy(
    r"^[ \t]*+(?:[-•][ \t]*)?(?:Website|E-mail|Email|PM|(?:Re|Aw|Odp|Ответ|Réf|R|Rif|Antw|SV|VS):[ \t]?[^\n]{1,200})[ \t]*$",
    _F,
)
_SPEC = BlockSpec(header=_HEADER_RE, post=_POST_RE, single_ok=True)


@rule("FLX001", "author-block", tags=["author-block"], stage="split", scope="document")
def author_block(view: TextView) -> Iterator[Hit]:
    """Post header and poster block: ``#2 2024-08-03 14:22:38`` / name / title / ``From:`` / ``Registered:`` /
    ``Posts:`` (and ``Website``, the ``Re: {subject}`` line).

    The block opens each post and moves to ``post.author``, ``post.number`` and ``post.date``.

    Example (removed)::

        #2 2024-08-03 14:22:38
        quillpen
        Member
        From: Leeds
        Registered: 2012-09-03
        Posts: 1,365
    """
    yield from block_hits(view, _SPEC, "post header and poster block", engine="fluxbb")


@rule("FLX002", "post-header", tags=["post-meta"], stage="split", scope="document", trigger=r"^[ \t]*+(?:[-•][ \t]*)?#\d")
def post_header(view: TextView) -> Iterator[Hit]:
    """A ``#N {date}`` header line without a poster block (guests, removed users): opens a post.

    Example (removed)::

        #4 2024-08-03 16:12:45
    """
    for i, m in iter_line_matches(view, _HEADER_RE):
        facts = date_facts(m.group("date"))
        facts["post.number"] = int(m.group("num"))
        yield Hit(i, i, "post header", facts, moved_to="date")


_EDIT_RE = lazy(
    rf"^[ \t]*+(?P<note>(?:{alt('classic_last_edited_by')})[ \t]+[^\n()]{{1,60}}?[ \t]*\((?P<date>{CLASSIC_DATE})\))[ \t]*$",
    _F,
)


@rule("FLX003", "edit-note", tags=["edit-note"], trigger=r"\(")
def edit_note(view: TextView) -> Iterator[Hit]:
    """``Last edited by X (2025-11-01 15:15:18)`` to ``post.edit_note``.

    Example (removed)::

        Last edited by quillpen (2024-08-03 11:02:20)
    """
    for i, m in iter_line_matches(view, _EDIT_RE):
        yield Hit(i, i, "edit note", {"post.edit_note": m.group("note").strip()}, moved_to="edit_note")


@rule("FLX005", "quote", tags=["quote"], stage="structure", trigger=_WROTE)
def quote(view: TextView) -> Iterator[Hit]:
    """``X wrote:`` quote headers, as phpBB's (FluxBB prints a quote box's ``<cite>`` the same way); text glued
    to the header, and following lines that repeat earlier posts, move to ``post.quotes``.

    Example (removed)::

        kestrel wrote:
    """
    yield from _phpbb_quote.detect(view)


_STATUS_RE = line_re(alt("classic_offline"))
_NOTICE_RE = line_re(
    r"You are not logged in\.|Powered by (?:FluxBB|PunBB)[^\n]{0,60}|Board footer|Atom topic feed|RSS topic feed|"
    r"Topics: Active \| Unanswered|Pages: \d+(?:[ \t]+\d+)*(?:[ \t]+Next)?|Jump to|Post reply|Quick post|"
    r"Report|Quote|Delete|Edit"
)


@rule("FLX004", "board-chrome", tags=["notice", "navigation", "author-block"])
def board_chrome(view: TextView) -> Iterator[Hit]:
    """``Offline`` / ``Online`` status lines closing each post, ``You are not logged in.``, ``Powered by FluxBB``
    (text sniffed as FluxBB only, except the credit and login lines).

    Example (removed)::

        Offline
    """
    for i, m in iter_line_matches(view, _NOTICE_RE):
        s = m.group(0)
        if view.engine == "fluxbb" or "FluxBB" in s or "PunBB" in s:
            yield Hit(i, i, "board notice")
    if view.engine == "fluxbb":
        for i, _m in iter_line_matches(view, _STATUS_RE):
            yield Hit(i, i, "online status")


@rule("FLX006", "jump-menu", tags=["navigation"], scope="document", trigger=("jump to",))
def jump_menu(view: TextView) -> Iterator[Hit]:
    """With FluxBB sniffed: the forum jump menu at the foot of the page, its label and its options flattened to
    one line (``Jump to`` / ``Newbie Corner Installation Kernel & Hardware …``).

    Example (removed)::

        Jump to
        Newbie Corner Installation Kernel & Hardware Applications & Desktop Environments Laptop Issues
    """
    if view.engine != "fluxbb":
        return
    for i, line in view.iter_lines():
        if line.strip() == "Jump to":
            nxt = view.first_live(i + 1)
            if nxt and nxt[0] <= i + 2 and _forum_list(view.lines[nxt[0]]):
                yield Hit(i, nxt[0], "forum jump menu")


def _forum_list(line: str) -> bool:
    """The jump menu's forum names on one line (``Newbie Corner Installation Kernel & Hardware …``): eight
    words at least, no sentence in them, most words capitalised."""
    words = line.split()
    if len(words) < 8 or len(line) > 3000 or any(w[-1] in ".!?" for w in words):
        return False
    alpha = [w for w in words if w[0].isalpha()]
    return bool(alpha) and sum(1 for w in alpha if w[0].isupper()) >= 0.7 * len(alpha)


_SNIFF_POST_HEADER_RE = lazy(
    r"^[ \t]*+#\d+ \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[ \t]*$", regex.MULTILINE
)
_SNIFF = (
    (_SNIFF_POST_HEADER_RE, 0.5),
    (lazy(r"^[ \t]*+Registered: \d{4}-\d{2}-\d{2}[ \t]*$", regex.MULTILINE), 0.35),
    (lazy(r"Last edited by [^\n()]{1,60} \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\)"), 0.4),
    (lazy(r"FluxBB|PunBB"), 0.5),
    (lazy(r"^[ \t]*+Offline[ \t]*$", regex.MULTILINE), 0.2),
    (lazy(r"^[ \t]*+You are not logged in\.[ \t]*$", regex.MULTILINE), 0.2),
)
#: Substring tests every text these patterns match passes (the literal guard it gets by itself is none).
_SNIFF_NEEDS = {_SNIFF_POST_HEADER_RE: lambda head: "#" in head}


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from a FluxBB page (two distinctive signals for 0.5)."""
    return weighted_sniff(text, _SNIFF, _SNIFF_NEEDS)


PACK = RulePack(
    name="fluxbb",
    prefix="FLX",
    rules=(author_block, post_header, edit_note, board_chrome, quote, jump_menu),
    sniff=sniff,
    description="FluxBB / PunBB pages flattened to text",
)
