"""Simple Machines Forum 1.x/2.x, text form: poster blocks, ``« Reply #N on: »``, ``Quote from:``, likes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import regex

from .._lazy import lazy
from ..labels import RANK_RE
from ..model import Quote
from ..phrases import phrases
from ..rules import Hit, RulePack, rule
from ..text import TextView, word_count
from ._classic import (
    _BESIDE_MIN_COLUMN,
    CLASSIC_DATE,
    STAT_LINE_RE,
    BesideHead,
    BlockSpec,
    _candidate,
    alt,
    beside_hits,
    block_hits,
    candidate_lines,
    classic_poster_facts,
    date_facts,
    glued_reply_quote,
    line_re,
    seen_run,
    subject_then,
    weighted_sniff,
)
from ._common import has_stat_label, iter_line_matches

__all__ = ["PACK"]

_F = regex.IGNORECASE | regex.MULTILINE | regex.VERSION1

_REPLY = alt("classic_reply_number")
#: ``« Reply #1 on: March 10, 2009, 07:23:49 AM »`` / ``« on: … »`` (2.0) or ``#1`` / ``{date}`` (2.1).
_KEYINFO = (
    rf"(?:«[ \t]*(?:(?:{_REPLY})[ \t]*\#(?P<num>\d{{1,7}})[ \t]+)?(?:on|am|le|en|el|em|il|op|dnia|:)?:?[ \t]*"
    rf"(?P<date>{CLASSIC_DATE})[ \t]*»)"
)
_KEYINFO_RE = lazy(rf"^[ \t]*+{_KEYINFO}[ \t]*$", _F)
_LONE_OPEN_RE = lazy(r"^[ \t]*+«[ \t]*$", regex.MULTILINE)
_LONE_CLOSE_RE = lazy(r"^[ \t]*+»[ \t]*$", regex.MULTILINE)
_POSTLINE_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?:{_KEYINFO}|\#(?P<num2>\d{{1,7}})|(?P<date2>{CLASSIC_DATE}))[ \t]*$", _F
)
_LOGGED = alt("classic_logged")
_VIEW_PROFILE = alt("smf_view_profile")
#: w3m: the images it names by their file (``[xx]``, the post's message icon; ``[ip]`` beside ``Logged``)
_ICON = r"\[(?:xx|thumbup|thumbdown|exclamation|question|lamp|smiley|angry|cheesy|grin|sad|wink|clip|ip)\]"
_BLOCK_TAIL_RE = lazy(
    rf"^[ \t]*+(?:[-•□][ \t]*)?(?:{_LOGGED}|{_VIEW_PROFILE}|WWW|Email|Personal Message \((?:Offline|Online)\)|"
    rf"{_ICON}|"
    # (w3m: the empty list item of the profile's icon row, its items one level down)
    r"(?<=[-•□][ \t]*)|"
    r"Show IP address|Offline|Online|Thread Starter|Topic starter|\*+|"
    # the profile's social links (SMF 2.1 custom fields), one a list item: ``1. quillpen on Facebook``
    r"(?:\d{1,2}\.[ \t]*)?[^\s]{1,40}[ \t]+on[ \t]+(?:Facebook|Twitter|X|Instagram|YouTube|LinkedIn|GitHub|Steam|Discord))"
    r"[ \t]*$",
    _F,
)
#: (lynx prints the status icon's alt text before the status: ``Offline Offline``)
_PRE_RE = lazy(
    r"^[ \t]*+(?:[-•][ \t]*)?(?:\*+|(?:Offline|Online)(?:[ \t]+(?:Offline|Online))?|Thread Starter|Topic starter)[ \t]*$", _F
)
_REPORT = alt("smf_report")
_BUTTON = alt("smf_buttons")
#: (``Report to moderator   Logged``: the post's foot, both on one line, is no poster's name either)
_STOP_RE = line_re(
    rf"(?:{_LOGGED}|{_REPORT})(?:[ \t]+{_ICON})?(?:[ \t]+(?:{_LOGGED}|{_REPORT}))?|{_BUTTON}|(?:{alt('smf_pages')})[ \t]*+:?[ \t]*+\[?[ \t]*+\d+(?:[^\d\n][^\n]{{0,120}}+)?"
)


_EVIDENCE_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?:{_LOGGED}|«|{_VIEW_PROFILE}|Personal Message|Karma|Show IP address)", _F
)
#: blank lines a flattener that writes one text node a line (and the theme's indentation as lines of tabs)
#: leaves between the poster's profile, the subject and the split post header
_NODE_GAP = 30


def _live_after(view: TextView, i: int, limit: int) -> int | None:
    """The first live line after ``i`` over at most ``limit`` blank lines (None past a claimed line)."""
    k = i + 1
    while k < len(view) and k - i <= limit + 1:
        if view.claimed[k]:
            return None
        if view.lines[k].strip():
            return k
        k += 1
    return None


def _live_before(view: TextView, i: int, limit: int) -> int | None:
    """The last live line before ``i`` over at most ``limit`` blank lines (None past a claimed line)."""
    k = i - 1
    while k >= 0 and i - k <= limit + 1:
        if view.claimed[k]:
            return None
        if view.lines[k].strip():
            return k
        k -= 1
    return None


def split_keyinfo(view: TextView, i: int) -> tuple[int, regex.Match[str]] | None:
    """SMF 2.0's post header split by one text node a line (``&#171; <strong>Reply #1 on:</strong> {date}
    &#187;``): ``«`` / ``Reply #1 on:`` / ``{date} »`` from line ``i``; its last line and ``_KEYINFO_RE``'s match
    on the joined form."""
    if view.lines[i].strip() != "«":
        return None
    parts = ["«"]
    k = i
    for _ in range(3):
        nxt = _live_after(view, k, _NODE_GAP)
        if nxt is None:
            return None
        piece = view.lines[nxt].strip()
        if len(piece) > 80:
            return None
        parts.append(piece)
        k = nxt
        if piece.endswith("»"):
            m = _KEYINFO_RE.match(" ".join(parts))
            return (k, m) if m is not None else None
    return None


def _keyinfo_facts(m: regex.Match[str]) -> dict[str, Any]:
    facts: dict[str, Any] = date_facts(m.group("date"))
    if m.group("num"):
        facts["post.number"] = int(m.group("num"))
    return facts


_SUBJECT_THEN = subject_then(_POSTLINE_RE, repeat=2)


def _closing(view: TextView, end: int) -> tuple[int, dict[str, Any]]:
    """The subject and the ``« Reply #N on: {date} »`` line under a poster block, also with the header split
    one text node a line (and the blank lines such a flattener leaves between them)."""
    last, facts = _SUBJECT_THEN(view, end)
    if last > end:
        return last, facts
    k = _live_after(view, end, _NODE_GAP)
    if k is None:
        return end, facts
    split = split_keyinfo(view, k)
    subject: str | None = None
    if split is None:
        subject = view.lines[k].strip()
        nxt = _live_after(view, k, _NODE_GAP)
        if len(subject) > 160 or nxt is None or (split := split_keyinfo(view, nxt)) is None:
            return end, facts
    stop, m = split
    facts = _keyinfo_facts(m)
    if subject:
        facts["post.title"] = subject
    return stop, facts


_SPEC = BlockSpec(
    evidence=_EVIDENCE_RE,
    pre=_PRE_RE, post=_BLOCK_TAIL_RE, closing=_closing, name_gap=True,
    single_ok=True, stoppers=_STOP_RE,
)


@rule("SMF001", "author-block", tags=["author-block"], stage="split", scope="document")
def author_block(view: TextView) -> Iterator[Hit]:
    """Poster block: name, member group(s), ``Posts: N`` (``Karma``, ``Gender`` …), ``View Profile`` (table
    ``smf_view_profile``), ``Logged``, then the subject and ``« Reply #N on: {date} »`` (SMF 2.0) or ``#N`` and
    the date (SMF 2.1). A post's foot (``Report to moderator   Logged``) above the next poster is no name.

    The block opens each post and moves to ``post.author`` / ``post.date`` / ``post.number``.

    Example (removed)::

        quillpen

        Global Moderator
        Posts: 1,193
        Logged
        Re: Tide tables
        « Reply #1 on: March 10, 2009, 07:23:49 AM »
    """
    yield from block_hits(view, _SPEC, "poster block, subject and reply header", engine="smf")


#: the ``« Reply #N on: {date} »`` cell anywhere on a line (the right cell of a two-column layout's line), with
#: the post's buttons beside it (w3m: ``Reply with quote``)
_KEYINFO_CELL_RE = lazy(rf"{_KEYINFO}(?:[ \t]{{2,}}+(?P<buttons>\S[^\n]{{0,59}}?))?[ \t]*$", _F)
_KEYINFO_NEEDLE_RE = lazy(r"«")
#: the subject's cell: w3m names the message icon before it (``[xx]``)
_SUBJECT_CELL_RE = lazy(rf"^(?:{_ICON}[ \t]*+)?(?P<subject>[^\n]{{1,160}}?)[ \t]*$")
_BUTTON_CELL = rf"(?:{_BUTTON}|{alt('classic_post_buttons')})"
_BUTTONS_CELL_RE = lazy(rf"^{_BUTTON_CELL}(?:[ \t]++{_BUTTON_CELL}){{0,6}}+[ \t]*$", _F)
_BESIDE_TAIL_RE = lazy(rf"^(?:{_VIEW_PROFILE})$", _F)


def _beside_subject(cell: str) -> str | None:
    m = _SUBJECT_CELL_RE.match(cell)
    return m.group("subject") if m else None


@rule("SMF009", "beside-header", tags=["author-block", "post-meta"], stage="split", scope="document", trigger=r"«")
def beside_header(view: TextView) -> Iterator[Hit]:
    """SMF 1.1's post table with the poster column printed beside the message (inscriptis, w3m): the name's
    cell beside the subject, the member group's beside ``« Reply #N on: {date} »``, then ``Offline``, ``Posts:``,
    ``Location:`` and ``View Profile`` cells beside the message's lines. The head's lines go to ``post.author``
    / ``post.date`` / ``post.title``; of the other lines only the poster's cells go, the message text beside
    them stays.

    Example (removed: the head, the left cells)::

        quillpen               Re: Rye starter
          Hero Member          « Reply #1 on: March 10, 2009, 07:23:49 AM »
          Offline              My kitchen stays cold all winter.
          Posts: 1,288
    """
    if view.engine not in (None, "smf"):
        return
    heads: list[BesideHead] = []
    for i in candidate_lines(view, _KEYINFO_NEEDLE_RE):
        line = view.lines[i]
        m = _KEYINFO_CELL_RE.search(line)
        if m is None or m.start() < _BESIDE_MIN_COLUMN or line[m.start() - 2 : m.start()].strip():
            continue
        if m.group("buttons") and not _BUTTONS_CELL_RE.match(m.group("buttons")):
            continue
        heads.append(BesideHead(i, m.start(), _keyinfo_facts(m)))
    yield from beside_hits(view, heads, subject=_beside_subject, tail=_BESIDE_TAIL_RE, reason="post header beside the poster column")
    yield from _piped_heads(view)


#: html2text's table row of the subject and the reply header (read without the Markdown): ``| | | {subject}
#: « Reply #1 on: {date} » |``
_PIPED_KEYINFO_RE = lazy(rf"^[ \t]*+\|[ \t|]*+(?P<subject>[^|\n]{{0,160}}?)[ \t]*+{_KEYINFO}[ \t|]*$", _F)
#: a Markdown link's label (not an image's)
_LINK_LABEL_RE = lazy(r"(?<!!)\[(?P<label>[^\[\]\n]{1,60})\]\(")
#: the name's cell over it, the member group after the name: ``| | Ivo Marchetti Hero Member``
_PIPED_NAME_RE = lazy(r"^[ \t]*+\|[ \t|]*+(?P<who>[^|\n]{1,80}?)[ \t|]*$")


def _piped_heads(view: TextView) -> Iterator[Hit]:
    """SMF 1.1's post table as html2text writes it: the name and member group in one cell, the status and the
    stats one a line, then the subject and the reply header in one row."""
    for i in candidate_lines(view, _KEYINFO_NEEDLE_RE):
        m = _PIPED_KEYINFO_RE.match(view.lines[i])
        if m is None:
            continue
        pairs: list[tuple[str, str | None]] = []
        start = None
        k = i - 1
        while k >= 0 and i - k <= 12 and not view.claimed[k]:
            line = view.lines[k]
            if line.strip():
                if (nm := _PIPED_NAME_RE.match(line)) is not None:
                    start = k
                    break
                sm = STAT_LINE_RE.match(line)
                if sm is not None and (value := sm.group("value") or sm.group("glued") or sm.group("spaced")):
                    pairs.insert(0, (sm.group("label"), value))
                elif not _PRE_RE.match(line):
                    break
            k -= 1
        if start is None or nm is None or not pairs:
            continue  # (a member's stats between the name's cell and the header: no signature's cell)
        who = nm.group("who").strip()
        # the name is the profile link's label (``**[Ivo Marchetti](…)** Hero Member``), else what is left of a
        # member group's rank word
        lm = _LINK_LABEL_RE.search(view.source[start]) if view.source is not None else None
        if lm is not None and who.startswith(lm.group("label").strip()):
            name, ranks = lm.group("label").strip(), [who[len(lm.group("label").strip()) :].strip()]
        else:
            rank = RANK_RE.search(who)
            name = who[: rank.start()].strip() if rank is not None else who
            ranks = [who[rank.start() :]] if rank is not None else []
        if not name or not _candidate(name) or has_stat_label(name):
            continue
        facts = classic_poster_facts(name, ranks, pairs)
        facts.update(_keyinfo_facts(m))
        if m.group("subject").strip():
            facts["post.title"] = m.group("subject").strip()
        yield Hit(start, i, "poster cell, stats and reply header, a Markdown table", facts, moved_to="author")


@rule("SMF002", "reply-header", tags=["post-meta"], trigger=r"«")
def reply_header(view: TextView) -> Iterator[Hit]:
    """``« Reply #1 on: March 10, 2009, 07:23:49 AM »`` / ``« on: {date} »``: to ``post.date`` / ``post.number``.

    Also split one text node a line (``«`` / ``Reply #3 on:`` / ``{date} »``).

    Example (removed)::

        « Reply #3 on: March 10, 2009, 07:23:49 AM »
    """
    for i, m in iter_line_matches(view, _KEYINFO_RE):
        yield Hit(i, i, "reply header", _keyinfo_facts(m), moved_to="date")
    for i, _m in iter_line_matches(view, _LONE_OPEN_RE):
        if (split := split_keyinfo(view, i)) is not None:
            yield Hit(i, split[0], "reply header", _keyinfo_facts(split[1]), moved_to="date")


_QUOTE_FROM = alt("classic_quote_from")
_QUOTE_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?:{_QUOTE_FROM}):[ \t]*(?P<user>[^\n]{{1,60}}?)"
    rf"(?:[ \t]+(?:on|am|le|el|em|il|op|dnia|—)[ \t]+(?P<date>{CLASSIC_DATE}))?"
    rf"(?:[ \t]*(?P<text>(?<=\d[ \t]*[AP]M[ \t]*|\d[ \t]*)\S[^\n]*?))?[ \t]*$",
    _F,
)


@rule("SMF003", "quote", tags=["quote"], stage="structure", trigger=_QUOTE_FROM)
def quote(view: TextView) -> Iterator[Hit]:
    """``Quote from: X on {date}`` quote headers; quoted text glued on the same line moves to ``post.quotes``.

    Example (removed)::

        Quote from: marlin on June 09, 2024, 03:29:46 AM
    """
    for i, m in iter_line_matches(view, _QUOTE_RE):
        user = m.group("user").strip()
        if m.group("date") is None and (len(user) > 40 or user[-1:] in ".!?,"):
            continue
        text = (m.group("text") or "").strip()
        if not text and not view.first_live(i + 1):
            continue
        glued = glued_reply_quote(view, i, m, user)
        if glued is not None:
            yield glued  # the reply glued after the quoted text stays
            continue
        lines = [text] if text else []
        end = i
        run = seen_run(view, i + 1)
        if run is not None:
            lines += [view.lines[k].strip() for k in range(i + 1, run + 1) if view.lines[k].strip()]
            end = run
        facts: dict[str, object] = {"quote": Quote(author=user, text="\n".join(lines))} if lines else {}
        yield Hit(i, end, f"quote of {user}'s post", facts, moved_to="quotes" if lines else None)


_EDIT_RE = lazy(
    rf"^[ \t]*+«?[ \t]*(?P<note>(?:{alt('classic_last_edit')}):[ \t]*[^\n»]{{4,80}}?"
    rf"(?:[ \t]+(?:by|von|par|por|da|door|przez|—)[ \t]+[^\n»]{{1,60}}?)?)[ \t]*»?"
    # (a table layout prints the post's ``Logged`` beside it: ``« Last Edit: … »   [ip] Logged``)
    rf"(?:(?:[ \t]{{2,}}+|[ \t]*+\|[ \t]*+)(?:{_ICON}[ \t]*+)?(?:{_LOGGED}))?[ \t]*$",
    _F,
)
_REASON_RE = lazy(rf"^[ \t]*+(?:{alt('classic_edit_reason')})[ \t]*:[ \t]*[^\n]{{0,200}}$", _F)


@rule("SMF004", "edit-note", tags=["edit-note"], trigger=r"Edit|geändert|Bearbeitung|édition|modific|edición|edição|modifica|bewerkt|edycja|редакт")
def edit_note(view: TextView) -> Iterator[Hit]:
    """``« Last Edit: March 10, 2009, 07:24:50 AM by X »`` (+ ``Reason:``) to ``post.edit_note``.

    Example (removed)::

        « Last Edit: March 10, 2009, 07:24:50 AM by quillpen »
    """
    for i, m in iter_line_matches(view, _EDIT_RE):
        if not regex.search(r"\d", m.group("note")):
            continue
        start = end = i
        # one text node a line: ``«`` / ``Last Edit: … by X`` / ``»``
        above, below = _live_before(view, i, _NODE_GAP), _live_after(view, i, _NODE_GAP)
        if (
            above is not None
            and below is not None
            and _LONE_OPEN_RE.match(view.lines[above])
            and _LONE_CLOSE_RE.match(view.lines[below])
        ):
            start, end = above, below
        nxt = view.first_live(i + 1)
        if nxt and nxt[0] <= i + 2 and _REASON_RE.match(view.lines[nxt[0]]):
            end = nxt[0]
        yield Hit(start, end, "edit note", {"post.edit_note": m.group("note").strip()}, moved_to="edit_note")
    # one text node a line, the label in its own element: ``«`` / ``Last Edit:`` / ``{date} by X »``
    for i, _m in iter_line_matches(view, _EDIT_LABEL_RE):
        value_at = _live_after(view, i, _NODE_GAP)
        if value_at is None or len(view.lines[value_at]) > 160:
            continue
        em = _EDIT_RE.match(f"{view.lines[i].strip()} {view.lines[value_at].strip()}")
        if em is None or not regex.search(r"\d", em.group("note")):
            continue
        first = i
        open_at = _live_before(view, i, _NODE_GAP)
        if open_at is not None and _LONE_OPEN_RE.match(view.lines[open_at]):
            first = open_at
        yield Hit(first, value_at, "edit note, one text node a line", {"post.edit_note": em.group("note").strip()},
                  moved_to="edit_note")


_EDIT_LABEL_RE = line_re(rf"«?[ \t]*(?:{alt('classic_last_edit')}):")
_LIKES_RE = line_re(alt("classic_likes_this"))
_STRONG_RE = line_re(
    rf"(?:\|[ \t]*+)?(?:{_ICON}[ \t]+)?(?:{_LOGGED}|{_REPORT}|QuoteMulti-Quote|Quote Multi-Quote|Quote selected text|Show IP address)"
    rf"(?:[ \t]+{_ICON})?(?:[ \t]+(?:{_LOGGED}|{_REPORT}))?"
)
_WEAK_RE = line_re(rf"(?:{_BUTTON})(?:[ \t]*[▲▼])?(?:[ \t]+(?:{_BUTTON}))*")




def _literals(*concepts: str) -> tuple[str, ...]:
    """Lower-cased literals of ``concepts``' phrases (the longest piece between placeholders), for triggers."""
    out: dict[str, None] = {}
    for c in concepts:
        for p in phrases(c):
            piece = max((x.strip() for x in regex.split(r"\{\w+\}", p)), key=len)
            if piece:
                out[piece.lower()] = None
    return tuple(out)


#: (every line the SMF005 patterns match holds one of these, lower-cased)
_BUTTON_WORDS = (*_literals("classic_logged", "smf_report", "smf_buttons", "classic_likes_this"), "quote", "show ip")


@rule("SMF005", "post-buttons", tags=["buttons", "reactions"], trigger=_BUTTON_WORDS)
def post_buttons(view: TextView) -> Iterator[Hit]:
    """``Logged``, ``Report to moderator``, ``QuoteMulti-Quote`` and ``2 people like this.``; other quick buttons
    (``Quote``, ``Modify``, ``Like``) only in text sniffed as SMF.

    Example (removed)::

        Report to moderator   Logged
        1 person likes this.
    """
    for i, _m in iter_line_matches(view, _STRONG_RE):
        yield Hit(i, i, "post buttons")
    for i, m in iter_line_matches(view, _LIKES_RE):
        yield Hit(i, i, "likes line", {"post.reactions": m.group(0).strip()}, moved_to="reactions")
    if view.engine == "smf":
        for i, _m in iter_line_matches(view, _WEAK_RE):
            yield Hit(i, i, "post buttons")


_STARTED_RE = lazy(
    rf"^[ \t]*+Started by (?P<user>[^\n,]{{1,60}}),[ \t]*(?P<date>{CLASSIC_DATE})[ \t]*$", _F
)
#: a count as SMF prints it (``1,234``, ``1.234``, ``1 234``)
_COUNT = r"\d(?:[\d,.]|[ \xa0\u202f](?=\d))*+"
_TOPIC_RE = line_re(
    r"SMF [\d.]+[^\n]{0,20}© \d{4}[^\n]{0,40}Simple Machines[^\n]{0,40}|Powered by SMF[^\n]{0,80}|"
    rf"Simple Machines Forum|Previous topic - Next topic|«[ \t]*(?:{alt('smf_previous')})[ \t]+(?:{alt('smf_next')})[ \t]*»|"
    rf"(?P<viewing>\d+[ \t]+[^\W\d]+[ \t]+[^\W\d]+[ \t]+\d+[ \t]+[^\W\d]+[ \t]+(?:{alt('smf_viewing')}))|"
    rf"(?:{alt('smf_page_created')})[ \t]+[\d.,]+[ \t]+[^\W\d]+\.?[ \t]+[^\W\d]+:?[ \t]+\d+(?:[ \t]+[^\W\d]+)?\.|"
    rf"(?:{alt('smf_pages')}):?[ \t]*\[?[ \t]*\d+[ \t]*\]?(?:[ \t]+\[?[ \t]*\d+[ \t]*\]?)*[^\n]{{0,20}}|"
    rf"(?:{alt('smf_author_col')})[ \t]+(?:{alt('smf_topic_label')}):[ \t]*[^\n]{{1,200}}?"
    rf"[ \t]*\((?:{alt('smf_read_times', n=_COUNT)})\)"
)


_TOPIC_WORDS = (
    "started by",
    "smf",
    "simple machines",
    "topic",
    "»",
    *_literals("smf_viewing", "smf_page_created", "smf_pages", "smf_read_times"),
)


@rule("SMF006", "topic-chrome", tags=["navigation", "post-meta"], scope="document", trigger=_TOPIC_WORDS)
def topic_chrome(view: TextView) -> Iterator[Hit]:
    """``Started by X, {date}`` (the starter is kept), ``Previous topic - Next topic``, SMF credit lines and the
    footer links under the credit (``XHTML`` / ``RSS`` / ``WAP2``).

    Example (removed)::

        Started by quillpen, June 04, 2024, 11:23:55 AM
    """
    for i, m in iter_line_matches(view, _STARTED_RE):
        yield Hit(
            i,
            i,
            "topic starter line",
            {"doc.starter": m.group("user").strip(), "doc.started": m.group("date")},
            moved_to="starter",
        )
    for i, m in iter_line_matches(view, _TOPIC_RE):
        s = m.group(0)
        if view.engine == "smf" or "Simple Machines" in s or "SMF" in s or m.group("viewing") is not None:
            yield Hit(i, i, "topic chrome")
            if "Simple Machines" in s:
                yield from _footer_icons(view, i)


#: The links beside SMF 2.0's credit line (``XHTML`` / ``RSS`` / ``WAP2``; ``CSS`` in older themes), one a line.
_FOOTER_ICON_RE = line_re(r"(?:Valid[ \t]+)?(?:XHTML|CSS)|RSS|WAP2")


def _footer_icons(view: TextView, i: int) -> Iterator[Hit]:
    """The footer links under SMF's credit line ``i``."""
    for k in view.first_live(i + 1, 4):
        if k > i + 16 or not _FOOTER_ICON_RE.match(view.lines[k]):
            break
        yield Hit(k, k, "footer link")


_HEADER_RE = line_re(
    rf"(?:{alt('smf_welcome')}),[ \t]*(?:{alt('smf_guest')})\.[^\n]{{0,100}}?(?:{alt('smf_register')})[ \t]*[.!]?|"
    rf"(?:{alt('smf_quick_login')})|"
    # SMF 1.1: ``Hello Guest`` with the current date after it, the link for a lost activation mail
    rf"(?:{alt('smf_hello')}|{alt('smf_welcome')})[ \t,]+(?:{alt('smf_guest')})[.!]?(?:[ \t]+[^\n]{{0,40}}?\b(?:19|20)\d\d\b[^\n]{{0,30}})?|"
    rf"(?:{alt('smf_activation_missed')})|"
    # the quick login's session lengths, the select's options on one line: ``1 Hour 1 Day 1 Week 1 Month Forever``
    r"(?:1[ \t]+[^\W\d]{2,12}[ \t]+){3}1[ \t]+[^\W\d]{2,12}(?:[ \t]+[^\W\d]{2,12}){1,2}|"
    rf"(?P<news>(?:{alt('smf_news')}):)"
)
#: a breadcrumb of the linktree, one a line: ``Bread and sourdough »``
#: (a name may hold guillemets itself, ``Форум «Хлебная горница» »``: then a blank before the last one)
_CRUMB_RE = lazy(r"^[ \t]*+(?:[-•*][ \t]*)?(?:[^\n»]{1,80}?|[^\n]{1,80}?[ \t])»[ \t]*$", regex.MULTILINE)
_HEADER_WORDS = (*_literals("smf_welcome", "smf_hello", "smf_activation_missed", "smf_quick_login", "smf_news"), "»")


@rule("SMF007", "guest-header", tags=["navigation", "notice"], scope="document", trigger=_HEADER_WORDS)
def guest_header(view: TextView) -> Iterator[Hit]:
    """SMF 2.0's header for guests: ``Welcome, Guest. Please login or register.``, the quick login (its session
    lengths and legend), the ``News:`` box with its text, and the linktree's ``Board »`` lines (text sniffed as
    SMF only).

    Example (removed)::

        Welcome, Guest. Please login or register.
        Login with username, password and session length
    """
    if view.engine != "smf":
        return
    for i, m in iter_line_matches(view, _HEADER_RE):
        end = i
        if m.group("news") is not None:
            # the news item under its label (one paragraph)
            nxt = view.first_live(i + 1)
            if nxt and nxt[0] <= i + 3 and word_count(view.lines[nxt[0]]) <= 60:
                end = nxt[0]
        yield Hit(i, end, "guest header")
    spans = [
        (i, i)
        for i, _m in iter_line_matches(view, _CRUMB_RE)
        if word_count(view.lines[i]) <= 10 and not _NEXT_RE.match(view.lines[i])
    ]
    for i, _m in iter_line_matches(view, _LONE_CLOSE_RE):
        # one text node a line: ``Bread and sourdough`` / ``»`` (the board's name one line up)
        above = _live_before(view, i, _NODE_GAP)
        ok = above is not None and word_count(view.lines[above]) <= 10 and "»" not in view.lines[above]
        spans.append((above, i) if ok and above is not None else (i, i))
    spans.sort()
    run: list[tuple[int, int]] = []
    for span in [*spans, (-9, -9)]:
        if run and (span[0] < 0 or any(view.is_live(k) for k in range(run[-1][1] + 1, span[0]))):
            if len(run) >= 2:
                yield Hit(run[0][0], run[-1][1], "linktree")
            run = []
        if span[0] >= 0:
            run.append(span)


_JUMP = rf"(?:{alt('forum_jump')}|{alt('fluxbb_jump_to')})"
#: the forum jump's label alone (its select's options follow, one a line) or as w3m prints the whole form:
#: ``Jump to: [=> Bread and sourdough   ] [go]``
_JUMP_RE = line_re(
    rf"{_JUMP}[ \t]*:(?:(?P<form>[ \t]*\[[^\]\n]{{1,80}}\][ \t]*\[[^\]\n]{{1,20}}\])|(?P<opts>(?:[ \t]*+=>[^=\n]{{1,80}}+){{1,60}}+))?"
)
#: the jump's options: separator dashes, ``=> Board``
_JUMP_OPTION_RE = lazy(r"^[ \t]*+(?:-{5,}+|=>[ \t]*\S[^\n]{0,60})[ \t]*$")
#: one text node a line: ``Pages: [`` / ``1`` / ``]`` / ``2``, ``« previous`` / ``next »``, the credit line
#: ``SMF 2.0.19`` / ``|`` / ``SMF © 2021`` / ``,`` / ``Simple Machines``
_PAGES_HEAD_RE = line_re(rf"(?:{alt('smf_pages')}):[ \t]*\[?")
_PAGE_PIECE_RE = lazy(r"^[ \t]*+(?:\[|\]|\d{1,5}|\.\.\.|…)[ \t]*$")
_PREV_RE = line_re(rf"«[ \t]*(?:{alt('smf_previous')})")
_NEXT_RE = line_re(rf"(?:{alt('smf_next')})[ \t]*»")
_CREDIT_HEAD_RE = line_re(r"SMF[ \t]+\d[\d.]*")
_CREDIT_END_RE = line_re(r"Simple Machines(?:[ \t]+LLC)?")
_SPLIT_WORDS = (*_literals("forum_jump", "fluxbb_jump_to", "smf_pages", "smf_previous"), "smf")


def _run_of(view: TextView, i: int, piece: Callable[[str], bool], limit: int) -> int:
    """The last line of the run of live lines after ``i`` that ``piece`` accepts (at most ``limit`` lines)."""
    last = i
    for _ in range(limit):
        k = _live_after(view, last, _NODE_GAP)
        if k is None or not piece(view.lines[k]):
            break
        last = k
    return last


@rule("SMF008", "split-chrome", tags=["navigation"], scope="document", trigger=_SPLIT_WORDS)
def split_chrome(view: TextView) -> Iterator[Hit]:
    """Chrome around SMF's topic that flatteners writing one text node a line split over several lines (text
    sniffed as SMF only): the forum jump (``Jump to:`` and its options, or w3m's ``Jump to: [=> Board ] [go]``),
    the page index (``Pages: [`` / ``1`` / ``]`` / ``2``), ``« previous`` / ``next »`` and the credit line
    (``SMF 2.0.19`` / ``|`` / ``SMF © 2021`` / ``,`` / ``Simple Machines``, with the links under it).

    Example (removed)::

        Jump to:
        -----------------------------
        Baking
        -----------------------------
         => Bread and sourdough
    """
    if view.engine != "smf":
        return
    for i, m in iter_line_matches(view, _JUMP_RE):
        if m.group("form") is not None or m.group("opts") is not None:
            yield Hit(i, i, "forum jump")  # (w3m's form; the options on the label's line: ``Jump to: => A => B``)
            continue
        last = i
        dash = False
        for _ in range(200):
            k = _live_after(view, last, _NODE_GAP)
            if k is None:
                break
            line = view.lines[k]
            if _JUMP_OPTION_RE.match(line):
                dash = "=>" not in line
            elif not (dash and len(line) <= 60 and word_count(line) <= 6):
                break  # (a category's name stands between two lines of dashes)
            else:
                dash = False
            last = k
        if last > i:
            yield Hit(i, last, "forum jump")
    for i, _m in iter_line_matches(view, _PAGES_HEAD_RE):
        last = _run_of(view, i, lambda line: _PAGE_PIECE_RE.match(line) is not None, 40)
        if any(view.lines[k].strip().isdigit() for k in range(i + 1, last + 1)):
            yield Hit(i, last, "page index")
    for i, _m in iter_line_matches(view, _PREV_RE):
        k = _live_after(view, i, _NODE_GAP)
        if k is not None and _NEXT_RE.match(view.lines[k]):
            yield Hit(i, k, "previous and next topic")
    for i, _m in iter_line_matches(view, _CREDIT_HEAD_RE):
        last = _run_of(view, i, lambda line: len(line.strip()) <= 30 and not _CREDIT_END_RE.match(line), 6)
        k = _live_after(view, last, _NODE_GAP)
        if k is not None and _CREDIT_END_RE.match(view.lines[k]):
            yield Hit(i, k, "credit line")
            yield from _footer_icons(view, k)


_SNIFF_ON_RE = lazy(rf"«[ \t]*(?:(?:{_REPLY})[ \t]*\#\d+[ \t]+)?(?:on|am|le|en|el|em|il|op|dnia)?:[ \t]", _F)
_SNIFF_LIKES_RE = lazy(r"\d+ (?:person likes|people like) this\.")
#: ``« Last Edit: {date} by {user} »`` (2.0 writes it between guillemets; 2.1 in English without them)
_SNIFF_EDIT_RE = lazy(rf"(?:{alt('classic_last_edit')}):[ \t]*[^\n]{{4,60}}", _F)
_SNIFF = (
    (_SNIFF_ON_RE, 0.5),
    (lazy(rf"^[ \t]*+(?:{_QUOTE_FROM})[ \t]*:[ \t]", _F), 0.35),
    (lazy(rf"^[ \t]*+(?:{_LOGGED})[ \t]*$", _F), 0.3),
    (_SNIFF_EDIT_RE, 0.3),
    (lazy(r"Simple Machines|Powered by SMF"), 0.5),
    (lazy(_REPORT), 0.3),
    (_SNIFF_LIKES_RE, 0.3),
    (lazy(r"^[ \t]*+Started by [^\n,]{1,60}, ", regex.MULTILINE), 0.2),
)
#: Substring tests every text these patterns match passes (the literal guards they get by themselves are weak).
_SNIFF_NEEDS = {
    _SNIFF_ON_RE: lambda head: "«" in head,
    # (an unanchored case-insensitive alternation costs a try at every character: only where it can be)
    _SNIFF_EDIT_RE: lambda head: "«" in head or "Last Edit" in head,
    _SNIFF_LIKES_RE: lambda head: "person likes this." in head or "people like this." in head,
}


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from an SMF page (two distinctive signals for 0.5)."""
    return weighted_sniff(text, _SNIFF, _SNIFF_NEEDS)


PACK = RulePack(
    name="smf",
    prefix="SMF",
    rules=(beside_header, author_block, reply_header, quote, edit_note, post_buttons, topic_chrome, guest_header, split_chrome),
    sniff=sniff,
    description="Simple Machines Forum 1.x/2.x pages flattened to text",
)
