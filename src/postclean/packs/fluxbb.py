"""FluxBB / PunBB, text form: ``#N {date}`` post headers with poster blocks, edit notes, status lines."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .._lazy import lazy
from ..labels import STAT_LABELS
from ..phrases import alternation, phrases
from ..rules import Hit, RulePack, rule
from ..text import TextView, any_literal, word_count
from ._classic import CLASSIC_DATE, BlockSpec, alt, block_hits, date_facts, line_re, weighted_sniff
from ._common import iter_line_matches
from .page import free_spans
from .phpbb import _WROTE, REPLY_SUBJECT_TRIGGER
from .phpbb import quote as _phpbb_quote
from .phpbb import reply_subject as _phpbb_reply_subject

__all__ = ["PACK"]

_F = regex.IGNORECASE | regex.MULTILINE | regex.VERSION1

#: ``#1 2025-11-01 15:14:37`` / ``#3 Today 10:04:11``.
_HEADER_RE = lazy(rf"^[ \t]*+(?:[-•][ \t]*)?\#(?P<num>\d{{1,7}})[ \t]+(?P<date>{CLASSIC_DATE})[ \t]*$", _F)
_POST_RE = lazy(
    r"^[ \t]*+(?:[-•][ \t]*)?(?:Website|E-mail|Email|PM|(?:Re|Aw|Odp|Ответ|Réf|R|Rif|Antw|SV|VS):[ \t]?[^\n]{1,200})[ \t]*$",
    _F,
)
#: The avatar as w3m prints an image without alt text (``[44]``, its file name), between the title and the stats.
_AVATAR_RE = lazy(r"^[ \t]*+\[[^\]\n]{1,40}\][ \t]*$")
_SPEC = BlockSpec(header=_HEADER_RE, pre=_AVATAR_RE, post=_POST_RE, single_ok=True)


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
_NEXT = alt("fluxbb_next")
_NOTICE_RE = line_re(
    rf"Powered by (?:FluxBB|PunBB)[^\n]{{0,60}}|{alt('fluxbb_chrome')}|"
    # the guest's status, maybe with the invitation to log in or register after it (``… to post a reply.``)
    rf"(?:{alt('fluxbb_not_logged')})(?:[ \t]+[^\n]{{0,80}}?(?:{alt('smf_register')})[^\n]{{0,60}})?|"
    rf"(?:{alt('fluxbb_topics')})[ \t]?:[ \t]*(?:{alt('fluxbb_searches')})[ \t]*\|[ \t]*(?:{alt('fluxbb_searches')})|"
    rf"(?:{alt('fluxbb_pages')})[ \t]?:(?:[ \t]*\d+)*(?:[ \t]+(?:{_NEXT}))?|(?:{_NEXT})"
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


_JUMP_RE = line_re(alt("fluxbb_jump_to"))
_GO_RE = line_re(alt("pager_go"))
_BOXED_RE = lazy(rf"^\[[ \t]*(?P<opt>[^\]\n]{{1,80}}?)[ \t]*\](?:[ \t]*\[?(?:{alt('pager_go')})\]?)?[ \t]*$", _F)
_JUMP_WORDS = tuple(dict.fromkeys(p.lower() for p in phrases("fluxbb_jump_to")))


@rule("FLX006", "jump-menu", tags=["navigation"], scope="document", trigger=_JUMP_WORDS)
def jump_menu(view: TextView) -> Iterator[Hit]:
    """With FluxBB sniffed: the forum jump menu at the foot of the page, its label and its options flattened to
    one line (``Jump to`` / ``Newbie Corner Installation Kernel & Hardware …``), or one option a line, and the
    menu's button (``Go``).

    Example (removed)::

        Jump to
        Newbie Corner Installation Kernel & Hardware Applications & Desktop Environments Laptop Issues
    """
    if view.engine != "fluxbb":
        return
    n = len(view)
    for i, line in enumerate(view.original):
        if len(line) > 40 or not _JUMP_RE.match(line):
            continue
        end = i
        k = i + 1
        while k < n and k - end <= 3:
            s = view.lines[k].strip()
            if not s or view.claimed[k]:
                k += 1
                continue
            if _GO_RE.match(s):
                end = k
                break
            m = _BOXED_RE.match(s)  # lynx, w3m: the selected option in brackets, the button beside it
            if m is not None:
                if _forum_list(m.group("opt")):
                    end = k
                break
            if not _forum_list(s):
                break
            end = k
            k += 1
        if end > i or (view.is_live(i) and not view.first_live(i + 1, 1)):
            # (the label alone only at the end of the text: a main-content extractor dropped the menu)
            yield from free_spans(view, i, end, "forum jump menu")


def _forum_list(line: str) -> bool:
    """The jump menu's forum names on one line (``Newbie Corner Installation Kernel & Hardware …``: eight words
    at least, no sentence in them, most words capitalised), or a few of them (``Behaviour and training Health
    and food``, one option: no punctuation, the first word capitalised, short words)."""
    words = line.split()
    if not words or len(line) > 3000 or any(w[-1] in ".!?" for w in words):
        return False
    alpha = [w for w in words if w[0].isalpha()]
    if len(words) >= 8 and alpha and sum(1 for w in alpha if w[0].isupper()) >= 0.7 * len(alpha):
        return True
    if len(words) > 12 or any(w[-1] in ":;," for w in words):
        return False
    return words[0][:1].isupper() and sum(len(w) for w in words) / len(words) <= 12


_CRUMB_RE = lazy(r"^[ \t]*+(?:[-*•][ \t]+)?»[ \t\xa0]*(?:\S[^\n»]{0,120})?$")
_BULLET_RE = lazy(r"^[ \t]*+[-*•][ \t]+")
_POWERED_RE = line_re(alternation("powered_by"))


@rule("FLX007", "crumbs", tags=["navigation"], scope="document", trigger="»")
def crumbs(view: TextView) -> Iterator[Hit]:
    """With FluxBB sniffed: the breadcrumb trail one item a line (``Index`` / ``» Forum`` / ``» Topic``), above
    and below the posts; and the credit split at its link (``Powered by`` / ``FluxBB``).

    Example (removed)::

        Index
        » Behaviour and training
        » Cat ignores the new scratching post
    """
    if view.engine != "fluxbb":
        return
    live = view.live_indices()
    pos = 0
    while pos + 1 < len(live):
        i = live[pos]
        head = _BULLET_RE.sub("", view.lines[i]).strip()
        if (
            not _CRUMB_RE.match(view.lines[live[pos + 1]])
            or _CRUMB_RE.match(view.lines[i])
            or len(head) > 40
            or word_count(head) > 4
            or head[-1] in ".!?:;,"
        ):
            pos += 1
            continue
        end = pos
        while end + 1 < len(live) and live[end + 1] - live[end] <= 2 and _CRUMB_RE.match(view.lines[live[end + 1]]):
            end += 1
            if view.lines[live[end]].strip().lstrip("-*• \t") == "»" and end + 1 < len(live):
                end += 1  # the separator alone on its line, the item on the next (one text node a line)
        yield Hit(i, live[end], "breadcrumb trail, one item a line")
        pos = end + 1
    for pos, i in enumerate(live[:-1]):
        if _POWERED_RE.match(view.lines[i]) and view.lines[live[pos + 1]].strip() in ("FluxBB", "PunBB"):
            yield Hit(i, live[pos + 1], "software credit")


_SNIFF_POST_HEADER_RE = lazy(
    r"^[ \t]*+#\d+(?:[ \t]|\n[ \t]*+)\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[ \t]*$", regex.MULTILINE
)
#: ``Registered: 2016-02-11`` in every language (the board's default date format is not localised).
_JOINED = "|".join(
    dict.fromkeys(regex.escape(label) for labels in STAT_LABELS["joined"].values() for label in labels)
)
_SNIFF_JOINED_RE = lazy(rf"^[ \t]*+(?:{_JOINED})[ \t]?: \d{{4}}-\d{{2}}-\d{{2}}[ \t]*$", regex.MULTILINE)
_SNIFF_EDITED_RE = lazy(
    rf"(?:{alternation('classic_last_edited_by')}) [^\n()]{{1,60}} \(\d{{4}}-\d{{2}}-\d{{2}} \d{{2}}:\d{{2}}:\d{{2}}\)"
)
#: The guest's status line under the menu, every language (``You are not logged in.``, ``Вы не вошли.``).
_SNIFF_NOT_LOGGED_RE = lazy(rf"^[ \t]*+(?:{alt('fluxbb_not_logged')})[ \t]*$", regex.MULTILINE)
_NOT_LOGGED_WORDS = tuple(phrases("fluxbb_not_logged"))
_SNIFF = (
    (_SNIFF_POST_HEADER_RE, 0.5),
    (_SNIFF_JOINED_RE, 0.35),
    (_SNIFF_EDITED_RE, 0.4),
    (lazy(r"FluxBB|PunBB"), 0.5),
    (lazy(r"^[ \t]*+Offline[ \t]*$", regex.MULTILINE), 0.2),
    (_SNIFF_NOT_LOGGED_RE, 0.2),
)
#: Cheap tests every text these patterns match passes: the ISO date after a colon, or in brackets (a search led
#: by its literal).
_COLON_DATE_RE = lazy(r":[ ]?\d{4}-\d\d-\d\d[ \t]*$", regex.MULTILINE)
_BRACKET_DATE_RE = lazy(r"\(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\)")
_SNIFF_NEEDS = {
    _SNIFF_POST_HEADER_RE: lambda head: "#" in head,
    _SNIFF_JOINED_RE: lambda head: _COLON_DATE_RE.search(head) is not None,
    _SNIFF_EDITED_RE: lambda head: _BRACKET_DATE_RE.search(head) is not None,
    _SNIFF_NOT_LOGGED_RE: lambda head: any_literal(head, _NOT_LOGGED_WORDS),
}


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from a FluxBB page (two distinctive signals for 0.5)."""
    return weighted_sniff(text, _SNIFF, _SNIFF_NEEDS)


@rule(
    "FLX008",
    "reply-subject",
    tags=["headline", "post-meta"],
    scope="document",
    trigger=REPLY_SUBJECT_TRIGGER,
    fingerprint=False,
)
def reply_subject(view: TextView) -> Iterator[Hit]:
    """Each post's heading, ``Re: {title}``, where it stands apart from the poster block (inscriptis,
    markdownify: FLX001 takes it under the block): read as phpBB's ``PHB009`` reads it.

    Example (removed)::

        Re: Tide tables for the estuary
    """
    yield from _phpbb_reply_subject.detect(view)


_ANNOUNCE_RE = line_re(alt("fluxbb_announcement"))
_ANNOUNCE_WORDS = tuple(dict.fromkeys(p.lower() for p in phrases("fluxbb_announcement")))
#: An announcement is a few short paragraphs.
_ANNOUNCE_LINES = 12


@rule("FLX009", "announcement", tags=["notice"], stage="generic", scope="thread", trigger=_ANNOUNCE_WORDS)
def announcement(view: TextView) -> Iterator[Hit]:
    """With FluxBB sniffed: the board announcement over the posts (``Announcement`` and its text, in the page
    header of every page), the text left as a post of no author before the first poster's.

    Example (removed)::

        Announcement
        The board moves to the new server on Sunday night.
    """
    posts: tuple[tuple[int, int, str | None], ...] = view.context.get("posts") or ()
    if view.engine != "fluxbb" or len(posts) < 2 or posts[0][2] is not None or posts[1][2] is None:
        return
    a, b, _who = posts[0]
    for i in range(a, b + 1):
        line = view.original[i]
        if len(line) > 40 or not _ANNOUNCE_RE.match(line):
            continue
        first = i if view.is_live(i) else None
        last: int | None = None
        for k in range(i + 1, min(b + 1, i + 1 + _ANNOUNCE_LINES)):
            if view.claimed[k] and view.original[k].strip():
                break  # the announcement ends at the chrome under it (the breadcrumbs, the pager)
            if view.lines[k].strip():
                first = k if first is None else first
                last = k
        else:
            if k < b:
                return  # longer than an announcement
        if first is not None and last is not None:
            yield Hit(first, last, "board announcement")
        return


PACK = RulePack(
    name="fluxbb",
    prefix="FLX",
    rules=(author_block, post_header, edit_note, board_chrome, quote, jump_menu, crumbs, reply_subject, announcement),
    sniff=sniff,
    description="FluxBB / PunBB pages flattened to text",
)
