"""MyBB 1.6/1.8, text form: poster blocks, ``({date}) X Wrote:`` quotes, edit notes, postbit buttons."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from .._lazy import lazy
from ..labels import label_alternation
from ..model import Quote
from ..phrases import alternation, phrases
from ..rules import Hit, RulePack, rule
from ..text import TextView, word_count
from ._classic import (
    CLASSIC_DATE,
    CLASSIC_LABELS,
    BlockSpec,
    alt,
    block_hits,
    classic_poster_facts,
    date_facts,
    forum_jump_menus,
    glued_reply_quote,
    line_re,
    seen_run,
    status_tail,
    weighted_sniff,
)
from ._common import iter_line_matches
from ._sniff import literal_led
from .page import free_spans
from .vbulletin import thanks as _vb_thanks

__all__ = ["PACK"]

_F = regex.IGNORECASE | regex.MULTILINE | regex.VERSION1

_MODIFIED = alt("classic_last_modified")
_STATUS = alt("mybb_status")
_EDIT_TAIL = rf"\((?:{_MODIFIED})[ \t]?:[^\n()]{{1,200}}(?:\([^\n()]{{0,40}}\)[^\n()]{{0,80}})?\)"
_POST_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?:\#(?P<num>\d{{1,7}})|(?P<date>{CLASSIC_DATE})(?:[ \t]*(?P<edit>{_EDIT_TAIL}))?"
    rf"|Warning Level:[^\n]{{0,20}}|{_STATUS})[ \t]*$",
    _F,
)
_PRE_RE = lazy(rf"^[ \t]*+(?:[-•][ \t]*)?(?:{_STATUS}|\*+)[ \t]*$", _F)
#: The postbit's buttons (``Website Find``, ``Reply``, ``Suchen``, ``Antworten Zitieren Melden`` …), every language.
_BUTTON = alt("mybb_buttons")
#: (Resiliparse glues the links of a row: ``ReplyReport``)
_BUTTONS_RE = line_re(rf"{_BUTTON}(?:[ \t]*+{_BUTTON}){{0,8}}")
#: A poster block starts below the buttons of the post above, or below the thread's tool links (``Thread Modes``),
#: the pager or the guest greeting.
_STOP_RE = line_re(
    rf"{_BUTTON}(?:[ \t]*+{_BUTTON}){{0,8}}|{alt('mybb_thread_chrome')}|"
    rf"{alt('mybb_pages')}[ \t]*\(\d+\)[ \t]*:[^\n]{{0,120}}|{alt('mybb_hello_guest')}[^\n]{{0,80}}"
)
_SPEC = BlockSpec(pre=_PRE_RE, post=_POST_RE, single_ok=True, stoppers=_STOP_RE, name_gap=True)


@rule("MYB006", "glued-post-head", tags=["author-block", "post-meta"], stage="structure", trigger="#")
def glued_post_head(view: TextView) -> Iterator[Hit]:
    """A poster's last stat, ``#N`` and the post date glued to the first line of the post: cut from that line.

    html2text writes MyBB's post head (the last profile line, the post number, the date) and the message's first
    line as one line. The poster block (``MYB001``) ends above that line; the head is cut off it, so the message
    keeps its first line; the stat, number and date move to ``post.author``, ``post.number`` and ``post.date``.

    Example (removed span)::

        Reputation: 7 #3 02-24-2019, 05:31 PM
    """
    for i, line in view.iter_lines():
        if "#" not in line or ":" not in line:
            continue
        m = _GLUED_HEAD_RE.match(line)
        if m is None:
            continue
        facts = classic_poster_facts(None, [], [(m.group("label"), m.group("value"))])
        facts["post.number"] = int(m.group("num"))
        facts.update(date_facts(m.group("date")))
        yield Hit(i, i, "post head glued to the text", facts, cols=(0, m.end()), moved_to="author")


#: The postbit's last stat, the post number and the date glued to the post's first line (html2text puts the
#: post head and the message on one line): ``Reputation: 7 #3 2019-02-24, 05:31 PM The problem is…``.
_GLUED_HEAD_RE = lazy(
    rf"^[ \t]*+(?P<label>{label_alternation()})[ \t]*:[ \t]*(?P<value>-?\d[\d,.]*)[ \t]+\#(?P<num>\d{{1,7}})"
    rf"[ \t]+(?P<date>(?>{CLASSIC_DATE}))[ \t]+(?=\S)",
    _F,
)


# (not a fingerprint: name, user title, ``Posts:`` and a date is the poster block of most classic engines, Simple:Press's
# too; MyBB's own stats and quote headers are what its sniffer reads)
@rule("MYB001", "author-block", tags=["author-block"], stage="split", scope="document", fingerprint=False)
def author_block(view: TextView) -> Iterator[Hit]:
    """Poster block: name, user title, ``Posts:`` / ``Threads:`` / ``Joined:`` / ``Reputation:``, then ``#N`` and
    the post date (with ``(This post was last modified: …)``).

    The block opens each post and moves to ``post.author``, ``post.number``, ``post.date`` and
    ``post.edit_note``.

    Example (removed)::

        quillpen
        Junior Member
        Posts: 116
        Threads: 23
        Joined: Feb 2019
        Reputation: 7
        #3
        02-24-2019, 05:31 PM
    """
    first = True
    for h in block_hits(view, _SPEC, "poster block, post number and date", engine="mybb"):
        if first:
            h = _without_title(view, h)
            first = False
        m = _GLUED_HEAD_RE.match(view.lines[h.end]) if h.end > h.start else None
        if m is None:
            yield h
            continue
        # the last stat runs into the message's first line: the block ends above it (MYB006 cuts the head)
        facts = dict(h.facts)
        extra = facts.get("author.extra")
        if isinstance(extra, dict):
            extra = {k: v for k, v in extra.items() if k != m.group("label")}
            if extra:
                facts["author.extra"] = extra
            else:
                del facts["author.extra"]
        yield Hit(h.start, h.end - 1, h.reason, facts, moved_to=h.moved_to)


#: The postbit's whole statistics row, the post number and the date on one line, the message's first line after
#: them (html2text writes MyBB 1.8's postbit ``<div>``s inline): ``Posts:53 Threads:7 Joined:Jun 2022 Reputation: 4
#: #2 06-11-2023, 09:15 AM The problem is…``.
_LABEL = CLASSIC_LABELS
_STATS_ROW_RE = lazy(
    rf"^[ \t]*+(?P<stats>(?:{_LABEL})[ \t]?:[ \t]?[^\n#:]{{1,40}}?(?:[ \t]+(?:{_LABEL})[ \t]?:[ \t]?[^\n#:]{{1,40}}?){{1,12}})"
    rf"[ \t]+\#(?P<num>\d{{1,7}})[ \t]+(?P<date>(?>{CLASSIC_DATE}))(?:[ \t]+(?=\S)|[ \t]*$)",
    _F,
)
_PAIR_RE = lazy(rf"(?<!\S)(?=\S)(?P<label>{_LABEL})[ \t]?:[ \t]?(?P<value>[^\n#:]{{1,40}}?)(?=[ \t]+(?:{_LABEL})[ \t]?:|[ \t]*$)", _F)
#: The postbit's buttons glued to the message's last line, the next poster's name after them when a post follows
#: (``…the wrong stuff? Find Reply spokewrench``).
_BUTTONS_TAIL_RE = lazy(
    rf"(?<=[.!?…)\"»”])[ \t]*+(?P<buttons>(?:{_BUTTON})(?:[ \t]+(?:{_BUTTON})){{0,8}})"
    rf"(?:[ \t]+(?P<name>[^\s:#()][^\n:#()]{{0,40}}?))?[ \t]*$",
    _F,
)
_TITLE_RE = lazy(r"^[ \t]*+[^\W\d][^\n:#()]{0,38}$")
_NAME_RE = lazy(r"^[ \t]*+[^\s:#()][^\n:#()]{0,40}$")


def _stats_rows(view: TextView) -> Iterator[tuple[int, regex.Match[str]]]:
    """``(line, match)`` of the statistics rows glued to a message (``_STATS_ROW_RE``)."""
    for i, line in view.iter_lines():
        if "#" in line and ":" in line:
            m = _STATS_ROW_RE.match(line)
            if m is not None:
                yield i, m


def _row_facts(m: regex.Match[str]) -> dict[str, Any]:
    pairs = [(p.group("label"), p.group("value")) for p in _PAIR_RE.finditer(m.group("stats"))]
    facts = classic_poster_facts(None, [], pairs)
    facts["post.number"] = int(m.group("num"))
    facts.update(date_facts(m.group("date")))
    return facts


def _glued_tail(view: TextView, k: int) -> regex.Match[str] | None:
    """The buttons (and the next poster's name) at the end of line ``k``, when the line holds a message too."""
    line = view.lines[k]
    m = _BUTTONS_TAIL_RE.search(line)
    if m is None or m.start("buttons") == 0 or not line[: m.start("buttons")].strip():
        return None
    return m


@rule("MYB010", "inline-postbit", tags=["author-block"], stage="split", scope="document", trigger="#")
def inline_postbit(view: TextView) -> Iterator[Hit]:
    """MyBB's postbit written inline (html2text): the poster's name and user title over a line that starts with
    the whole statistics row, ``#N`` and the date, the message's first line after them.

    The name and title open the post (the name may end the line above, after the buttons of the post before:
    see ``MYB011``); the row moves to ``post.author``, ``post.number`` and ``post.date`` (``MYB011`` cuts it).

    Example (removed)::

        spokewrench
        Member
    """
    if view.engine not in (None, "mybb"):
        return
    for i, m in _stats_rows(view):
        up = [k for k in range(i - 1, max(-1, i - 4), -1) if view.is_live(k)][:2]
        if len(up) < 2 or not _TITLE_RE.match(view.lines[up[0]]) or word_count(view.lines[up[0]]) > 4:
            continue
        title, above = up
        facts = _row_facts(m)
        facts["author.rank"] = view.lines[title].strip()
        if _NAME_RE.match(view.lines[above]) and word_count(view.lines[above]) <= 4:
            facts["author.name"] = classic_poster_facts(view.lines[above], [], [])["author.name"]
            yield Hit(above, title, "inline poster block", facts, moved_to="author")
            continue
        tail = _glued_tail(view, above)
        if tail is not None and tail.group("name"):
            facts["author.name"] = tail.group("name").strip()
            yield Hit(title, title, "inline poster block (the name ends the line above)", facts, moved_to="author")


@rule("MYB011", "inline-postbit-cuts", tags=["author-block", "buttons"], stage="structure", scope="document", trigger="#")
def inline_postbit_cuts(view: TextView) -> Iterator[Hit]:
    """With MyBB's postbit written inline (``MYB010``): the statistics row, ``#N`` and the date cut from the
    message's first line, and the postbit's buttons (with the next poster's name) cut from its last line.

    Example (removed span)::

        Posts:53 Threads:7 Joined:Jun 2022 Reputation: 4 #2 06-11-2023, 09:15 AM
    """
    if view.engine not in (None, "mybb"):
        return
    rows = list(_stats_rows(view))
    if not rows:
        return
    for i, m in rows:
        yield Hit(i, i, "inline postbit statistics", _row_facts(m), cols=(0, m.end()), moved_to="author")
    first = rows[0][0]
    heads = {i for i, _m in rows}
    for k, line in view.iter_lines():
        if k < first or not line or len(line) < 8:
            continue
        tail = _glued_tail(view, k)
        if tail is None:
            continue
        if tail.group("name"):
            # the next poster's name: a user title and a statistics row follow
            if not any(k + 1 < h <= k + 4 for h in heads):
                continue
        elif len(tail.group("buttons").split()) < 2:
            continue
        start = tail.start("buttons")
        while start > 0 and line[start - 1] in " \t":
            start -= 1
        yield Hit(k, k, "postbit buttons glued to the message", cols=(start, len(line)), moved_to=None)


def _without_title(view: TextView, h: Hit) -> Hit:
    """The first poster block without the thread title above the name: MyBB prints the title in the thread's
    table head, right above the first post, so a short title reads as the name (and the name as a user title).
    The top line goes when it repeats a line above it (the page title, the breadcrumb's last item) and two
    title lines follow it (MyBB prints one user title under the name; the title line then is the name)."""
    facts = h.facts
    name, rank, banner = facts.get("author.name"), facts.get("author.rank"), facts.get("author.banner")
    if not (isinstance(name, str) and isinstance(rank, str) and isinstance(banner, str)):
        return h
    at = next((k for k in range(h.start, h.end + 1) if view.lines[k].strip() == name), None)
    if at is None:
        return h
    key = name.casefold()
    # (or MyBB's online status, printed beside the name, ends the line under it: ``Renate_Falk Offline``)
    status_below = status_tail(rank) and not status_tail(name)
    if not status_below and not any(view.original[k].strip().casefold() == key for k in range(at)):
        return h
    facts = dict(facts)
    facts["author.name"] = classic_poster_facts(rank, [], [])["author.name"]  # (``Renate_Falk Offline``)
    ranks = banner.split(" / ")
    facts["author.rank"] = ranks[0]
    if len(ranks) > 1:
        facts["author.banner"] = " / ".join(ranks[1:])
    else:
        del facts["author.banner"]
    nxt = view.first_live(at + 1, 1)
    start = nxt[0] if nxt and at == h.start else h.start
    return Hit(start, h.end, h.reason, facts, moved_to=h.moved_to)


_EDIT_RE = lazy(rf"(?<![ \t])[ \t]*(?P<note>{_EDIT_TAIL})", _F)
#: A post's date line with its edit note and nothing else: ``11/06/2023, 09:15 (Ce message a été modifié le : …)``.
_DATE_EDIT_RE = lazy(rf"^[ \t]*+(?:[-•][ \t]*)?(?P<date>(?>{CLASSIC_DATE}))[ \t]*{_EDIT_TAIL}[ \t]*$", _F)
_EDIT_REASON_RE = lazy(r"^[ \t]*+Edit Reason:[^\n]{0,200}$", _F)


@rule("MYB002", "edit-note", tags=["edit-note"], trigger=_MODIFIED)
def edit_note(view: TextView) -> Iterator[Hit]:
    """``(This post was last modified: {date} by X.)`` (cut from the date line) to ``post.edit_note``; a line
    that holds only the post's date and the note (the converter dropped the poster block above it, as trafilatura
    does) goes whole, the date to ``post.date``.

    Example (removed span)::

        10-02-2024, 04:45 PM (This post was last modified: 10-02-2024, 04:47 PM by quillpen.)
    """
    for first, last, m in view.finditer(_EDIT_RE):
        if first != last:
            continue
        start = view.line_start(first)
        cols = (m.start() - start, m.end() - start)
        note = m.group("note").strip("() \t")
        facts: dict[str, object] = {"post.edit_note": note}
        # the post's date line with the note (the converter dropped the poster block above it): the date goes too
        dated = _DATE_EDIT_RE.match(view.lines[first])
        if dated is not None:
            facts.update(date_facts(dated.group("date")))
            yield Hit(first, first, "post date and edit note", facts, moved_to="edit_note")
            continue
        yield Hit(first, first, "edit note", facts, cols=cols, moved_to="edit_note")
    for i, _m in iter_line_matches(view, _EDIT_REASON_RE):
        yield Hit(i, i, "edit reason")
    # one text node a line (BeautifulSoup): the note's start, the editor's name (a link), its end
    for i, m in iter_line_matches(view, _EDIT_HEAD_RE):
        nxt = view.first_live(i + 1, 3)
        if len(nxt) < 2 or nxt[-1] > i + 6 or not _NAME_ALONE_RE.match(view.lines[nxt[0]]):
            continue
        end = nxt[1]
        tail = view.lines[end].strip()
        if not _EDIT_END_RE.match(tail):
            continue
        if not tail.endswith(")") and len(nxt) > 2 and view.lines[nxt[2]].strip() == ")":
            end, tail = nxt[2], tail + ")"
        if not tail.endswith(")"):
            continue
        name = view.lines[nxt[0]].strip()
        note = f"{m.group('head').strip().lstrip('(')} {name}{tail[:-1].rstrip()}"
        yield Hit(i, end, "edit note", {"post.edit_note": note}, moved_to="edit_note")


_EDIT_HEAD_RE = lazy(
    rf"^[ \t]*+(?P<head>\((?:{_MODIFIED})[ \t]?:[^\n()]{{1,80}}?[ \t](?:{alt('mybb_edited_by')}))[ \t]*$", _F
)
_NAME_ALONE_RE = lazy(r"^[ \t]*+[^\s()][^\n()]{0,40}$")
_EDIT_END_RE = lazy(r"^\.(?:[ \t]*[^\n()]{1,60}\.)?\)?$")


_WROTE = alternation("wrote")
_QUOTE_RE = lazy(
    rf"^[ \t]*+(?:\((?P<date>{CLASSIC_DATE})\)[ \t]*)?(?P<user>[^\n()]{{1,60}}?)[ \t]+(?:{_WROTE}|Wrote)[ \t]?:"
    rf"(?:[ \t]*\((?P<date2>{CLASSIC_DATE})\))?[ \t]*(?P<text>[^\n]*?)[ \t]*$",
    regex.MULTILINE | regex.VERSION1,
)


@rule(
    "MYB003",
    "quote",
    tags=["quote"],
    stage="structure",
    trigger=tuple(dict.fromkeys(p.lower() for p in phrases("wrote"))),
)
def quote(view: TextView) -> Iterator[Hit]:
    """``({date}) X Wrote: text`` quote headers (capital ``Wrote``, dated); glued text moves to ``post.quotes``.

    Example (removed)::

        (2019-02-24, 05:31 PM) marlin Wrote: The ferry was late again.
    """
    for i, m in iter_line_matches(view, _QUOTE_RE):
        top = i
        dated = bool(m.group("date") or m.group("date2"))
        if not dated:
            # one text node a line: the date in brackets on the line above (``(11.06.2023, 07:42)`` / ``X schrieb:``)
            above = next((k for k in range(i - 1, max(-1, i - 3), -1) if view.is_live(k)), None)
            if above is not None and _QUOTE_DATE_RE.match(view.lines[above]):
                top, dated = above, True
        if "Wrote:" not in m.group(0) and not dated:
            continue
        if not dated and view.engine != "mybb":
            continue
        user = m.group("user").strip()
        if len(user) > 40 or user[-1:] in ".,;:!?":
            continue
        text = m.group("text").strip()
        if not text and not view.first_live(i + 1):
            continue
        if top == i:
            glued = glued_reply_quote(view, i, m, user, tight=True)
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
        yield Hit(top, end, f"quote of {user}'s post", facts, moved_to="quotes" if lines else None)


_QUOTE_DATE_RE = lazy(rf"^[ \t]*+\((?>{CLASSIC_DATE})\)[ \t]*$", _F)


@rule("MYB004", "post-buttons", tags=["buttons"])
def post_buttons(view: TextView) -> Iterator[Hit]:
    """Postbit buttons (``Website Find``, ``Reply``, ``Quote``, ``Report``) in text sniffed as MyBB.

    Example (removed)::

        Website Find
        Reply
    """
    if view.engine != "mybb":
        return
    for i, _m in iter_line_matches(view, _BUTTONS_RE):
        yield Hit(i, i, "post buttons")


_HELLO = alt("mybb_hello_guest")
_NEXT_PREV = alt("mybb_next_prev")
_THREAD_CHROME = alt("mybb_thread_chrome")
#: The search box's placeholder as a browser cuts it to the field's width (``Inserisci le parole chiav``): its
#: first twelve characters, then the rest of it or not.
_KEYWORDS_CUT = "|".join(
    dict.fromkeys(regex.escape(p[:12]).replace(r"\ ", r"[ \t]") for p in phrases("mybb_enter_keywords"))
)
_NOTICE_RE = line_re(
    rf"{_HELLO}(?:[ \t]+[^\s!?.,:;]{{1,20}}(?:[ \t][^\s!?.,:;]{{1,12}})?[ \t]+[^\s!?.,:;]{{1,20}})?|"
    rf"Powered By MyBB[^\n]{{0,80}}|{alt('mybb_thread_prefix')}[^\n]{{0,400}}|"
    rf"{alt('mybb_pages')}[ \t]*\(\d+\)[ \t]*:[^\n]{{0,120}}|«[ \t]*{_NEXT_PREV}[ \t]*\|[ \t]*{_NEXT_PREV}[ \t]*»|"
    rf"{_THREAD_CHROME}(?:[ \t]*\|[ \t]*{_THREAD_CHROME})?|"
    rf"\[?[ \t]*(?:{alt('mybb_enter_keywords')})[ \t_]*+\]?(?:[ \t]*\[?[ \t]*{_THREAD_CHROME}[ \t]*\]?)?|"
    rf"\[?[ \t]*(?:{_KEYWORDS_CUT})[^\n\[\]_]{{0,40}}?[ \t_]*+\]?[ \t]*\[?[ \t]*{_THREAD_CHROME}[ \t]*\]?|"
    rf"(?:{alt('mybb_login_labels')})[ \t_]*|"
    r"The contents of this message are hidden because [^\n]{1,60} is on your ignore list\.|Show this Post|"
    r"This post is awaiting approval\.|This post by [^\n]{1,60} has been deleted\.|Attached Files|"
    r"[^\n]{1,120}\(Size: [\d.,]+ [KMG]?B / Downloads: \d+\)"
)


#: MyBB-only lines: the guest greeting and the 'users browsing this thread' count.
_STRONG_RE = lazy(rf"^[ \t\xa0]*+(?:[-•*·][ \t]*)?(?:{_HELLO}|{alt('mybb_thread_prefix')}[ \t]*\d)", _F)


@rule("MYB012", "thanks", tags=["reactions"], trigger=r"thank|like|dank|merci|agrade|ringrazi|bedank|dzięk|спасибо")
def thanks(view: TextView) -> Iterator[Hit]:
    """The thanks add-ons' lines under a post (``Thanks given by: X, Y``, ``The following 2 users thanked X for
    this post:`` + names), as vBulletin's (the same ``classic_thanks`` phrases), to ``post.reactions``.

    Example (removed)::

        Thanks given by: marlin, kestrel
    """
    yield from _vb_thanks.detect(view)


@rule("MYB005", "board-chrome", tags=["notice", "navigation"])
def board_chrome(view: TextView) -> Iterator[Hit]:
    """MyBB notices and thread chrome: ``Hello There, Guest!``, ``Pages (2):``, ``Powered By MyBB``, attachments.

    Generic lines go only in text sniffed as MyBB.

    Example (removed)::

        Users browsing this thread: 1 Guest(s)
    """
    for i, m in iter_line_matches(view, _NOTICE_RE):
        s = m.group(0)
        strong = "MyBB" in s or "(Size:" in s or "ignore list" in s or _STRONG_RE.match(s) is not None
        if strong or view.engine == "mybb":
            yield Hit(i, i, "board notice")


_SNIFF_FIND_RE = lazy(r"^[ \t]*+(?:Website )?(?:Email )?(?:PM )?Find[ \t]*$", regex.MULTILINE)
_SNIFF_FIND_LED_RE = literal_led(_SNIFF_FIND_RE, "Find") or _SNIFF_FIND_RE
_SNIFF = (
    (lazy(rf"\((?:{_MODIFIED})[ \t]?: "), 0.5),
    (lazy(r"\) ?[^\n()]{1,40} Wrote: "), 0.4),
    # the quote header in other languages: ``(11.06.2023, 07:42) X schrieb:``, the date's time before the ``)``
    (lazy(rf"\d\d\) ?[^\n()]{{1,40}} (?:{_WROTE})[ \t]?: ", regex.VERSION1), 0.4),
    (lazy(r"^[ \t]*+Threads: \d", regex.MULTILINE), 0.2),
    (lazy(r"^[ \t]*+Reputation: -?\d", regex.MULTILINE), 0.2),
    (lazy(r"MyBB"), 0.4),
    (_SNIFF_FIND_RE, 0.3),
    (lazy(r"Pages \(\d+\):"), 0.3),
    (lazy(r"Hello There, Guest!"), 0.4),
    (lazy(rf"(?:{alt('mybb_pages')}) \(\d+\) ?:", regex.VERSION1), 0.2),
    (lazy(rf"(?:{_HELLO})", regex.VERSION1), 0.3),
)
#: Cheap tests every text these patterns match passes: the same line led by its literal (the regex engine scans
#: for a literal quickly; "Find" alone is a common word).
_SNIFF_NEEDS = {_SNIFF_FIND_RE: lambda head: _SNIFF_FIND_LED_RE.search(head) is not None}


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from a MyBB page (two distinctive signals for 0.5)."""
    return weighted_sniff(text, _SNIFF, _SNIFF_NEEDS)


_GO_RE = line_re(alternation("pager_go"))


@rule(
    "MYB007",
    "forum-jump",
    tags=["navigation"],
    scope="document",
    trigger=tuple(dict.fromkeys(p.lower() for p in phrases("forum_jump"))),
)
def forum_jump(view: TextView) -> Iterator[Hit]:
    """The forum jump menu's options, one a line (BeautifulSoup, lxml): the fixed items (``Private Messages``,
    ``User Control Panel`` …), then the forum tree, sub-forums led by dashes (``-- General Support`` /
    ``---- Plugin Releases``), top forums indented. The run under a ``Forum Jump:`` label, with three dash-led
    or fixed-item lines at least (two fixed items among them when fewer than three are dash-led); it ends at
    the first line that is not a short name, or not indented inside the tree (:func:`forum_jump_menus`).

    Example (removed, under ``Forum Jump:``)::

        Private Messages
        Forum Home
         Support
        -- General Support
        -- Installation and Upgrades
        ---- Upgrade Scripts
    """
    for i, end in forum_jump_menus(view):
        if end is not None:
            yield from free_spans(view, i, end, "forum jump menu")
            continue
        line = view.original[i]
        if view.engine == "mybb" and line.rstrip().endswith(":") and view.is_live(i):
            # the label alone (a main-content extractor dropped the menu), and its button under it
            nxt = view.first_live(i + 1, 1)
            end = nxt[0] if nxt and nxt[0] - i <= 3 and _GO_RE.match(view.lines[nxt[0]]) else i
            yield Hit(i, end, "forum jump label")


_FOOTER_LINK_RE = line_re(alt("mybb_footer_links"))
_FOOTER_END_RE = line_re(alt("mybb_footer_end"))
_FOOTER_WORDS = tuple(dict.fromkeys(p.lower() for p in phrases("mybb_footer_links")))


@rule("MYB008", "footer-links", tags=["navigation"], scope="document", trigger=_FOOTER_WORDS)
def footer_links(view: TextView) -> Iterator[Hit]:
    """The footer's links, one a line: ``Forum Team``, ``Contact Us``, the board's name, then ``Return to Top``,
    ``Lite (Archive) Mode`` …. The board's name is free text: it goes only between a team or contact link above
    it and the footer's last links below it (three lines at most between them).

    Example (removed)::

        Forum Team
        Contact Us
        Harbour Rowing Club
        Return to Top
    """
    if view.engine != "mybb":
        return
    n = len(view)
    for i, line in enumerate(view.original):
        if len(line) > 60 or not _FOOTER_LINK_RE.match(line):
            continue
        if i > 0 and _FOOTER_LINK_RE.match(view.original[i - 1]):
            continue  # the run's first link already took this one
        run = [i]
        k = i + 1
        free = 0
        while k < n and k - run[-1] <= 3:
            s = view.original[k]
            if not s.strip():
                k += 1
                continue
            if _FOOTER_END_RE.match(s):
                run.append(k)
                break
            if _FOOTER_LINK_RE.match(s):
                run.append(k)
            elif free < 2 and len(s.strip()) <= 60 and word_count(s) <= 6 and s.strip()[-1] not in ".!?:;,":
                run.append(k)
                free += 1
            else:
                break
            k += 1
        else:
            continue
        if k < n and _FOOTER_END_RE.match(view.original[k]):
            yield from free_spans(view, run[0], run[-1], "footer links")


_SEPARATORS = frozenset({"›", "»", "«", "|", "»»", "«»"})
_NEXT_PREV_LINE_RE = line_re(_NEXT_PREV)
_PREFIX_ALONE_RE = line_re(alt("mybb_thread_prefix"))
_POWERED_ALONE_RE = line_re(rf"(?:{alternation('powered_by')}|Powered By)[ \t]*:?")
_GROUP_RE = lazy(r"^[ \t]*+MyBB Group[ \t]*$", regex.MULTILINE)


def _short(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 60 and word_count(s) <= 8 and s[-1] not in ".!?:;,"


@rule("MYB009", "split-chrome", tags=["navigation", "notice"], scope="document")
def split_chrome(view: TextView) -> Iterator[Hit]:
    """MyBB's chrome as one text node a line (BeautifulSoup, lxml): the breadcrumb trail with its ``›`` alone on
    lines between the forum names, ``«`` / ``Next Oldest`` / ``|`` / ``Next Newest`` / ``»``, ``Current time:``
    over its date, and the credit in pieces (``Powered By`` / ``MyBB`` / ``, © 2002-2023`` / ``MyBB Group`` /
    ``.``). A trail counts with two separators or more; the next/previous links by their words.

    Example (removed)::

        Harbour Rowing Club
        ›
        Boats and kit
        ›
        Oars and rowlocks
    """
    if view.engine != "mybb":
        return
    live = view.live_indices()
    pos = 0
    while pos < len(live):
        i = live[pos]
        s = view.lines[i].strip()
        if s in _SEPARATORS or _short(s):
            # a run of short lines and lone separators, alternating
            run = [i]
            seps = 0
            arrows = 0
            words = 0
            q = pos + 1
            prev_sep = s in _SEPARATORS
            seps += prev_sep
            arrows += s == "›"
            words += bool(_NEXT_PREV_LINE_RE.match(s))
            while q < len(live) and live[q] - run[-1] <= 3:
                t = view.lines[live[q]].strip()
                sep = t in _SEPARATORS
                if sep == prev_sep and not (sep and t in "«»" ):
                    break
                if not sep and not _short(t):
                    break
                run.append(live[q])
                seps += sep
                arrows += t == "›"
                words += bool(_NEXT_PREV_LINE_RE.match(t))
                prev_sep = sep
                q += 1
            if seps >= 2 and (arrows >= 2 or words >= 1) and len(run) >= 4:
                yield Hit(run[0], run[-1], "breadcrumb or thread links, one text node a line")
                pos = q
                continue
        if _PREFIX_ALONE_RE.match(s):
            nxt = view.first_live(i + 1, 1)
            if nxt and nxt[0] - i <= 2 and len(view.lines[nxt[0]].strip()) <= 80:
                yield Hit(i, nxt[0], "board notice, one text node a line")
                pos = live.index(nxt[0]) + 1
                continue
        pos += 1
    for first, _last, _m in view.finditer(_GROUP_RE):
        top = first
        for k in range(first - 1, max(-1, first - 6), -1):
            if _POWERED_ALONE_RE.match(view.original[k]):
                top = k
                break
        if top == first:
            continue
        end = first
        nxt = view.first_live(first + 1, 1)
        if nxt and nxt[0] - first <= 2 and view.lines[nxt[0]].strip() == ".":
            end = nxt[0]
        yield from free_spans(view, top, end, "software credit, one text node a line")


PACK = RulePack(
    name="mybb",
    prefix="MYB",
    rules=(author_block, inline_postbit, glued_post_head, inline_postbit_cuts, edit_note, quote, post_buttons, thanks, board_chrome, forum_jump, footer_links, split_chrome),
    sniff=sniff,
    description="MyBB 1.6/1.8 pages flattened to text",
)
