"""Discourse, text form: crawler-view post headers, post numbers, likes, topic lists, footer, quote titles."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import regex

from .._lazy import lazy
from ..dates import DATE_LINE_RE, DATE_RE, SHORT_DATE, SHORT_DATE_LINE_RE, parse_date
from ..rules import Hit, RulePack, rule
from ..text import TextView, could_match, guarded_search, search_lines, word_count
from ._common import has_digit, has_year, is_digit, matches_at, may_be_date_line
from ._modern import (
    BARE_INT_RE,
    COUNT,
    RELATIVE_TIME,
    count_matches,
    is_handle_like,
    known_authors,
    line_re,
    phrase_alt,
    phrase_list,
    remember_authors,
    whole_line_hits,
)
from ._sniff import LineScan, requires

__all__ = ["PACK"]

_ACTIONS = (
    r"(?:Closed|Opened|Pinned|Unpinned|Pinned globally|Listed|Unlisted|Archived|Unarchived|Split this topic"
    r"|Merged this topic|Moved this topic|Geschlossen|Fermé|Cerrado|Fechado|Chiuso|Gesloten|Zamknięty|Закрыто)"
)
_DATE = rf"(?:{DATE_RE.pattern})"
#: ``raoul (Raoul) May 3, 2024, 8:45am 1`` / ``hayley.p 2 May 2025 18:48 1`` / ``system Closed … 7``.
_ONE_LINE_RE = lazy(
    rf"^[ \t]*+(?P<user>[\w][\w.\-]{{0,38}})(?:[ \t]+\((?P<full>[^()\n]{{1,60}})\))?(?:[ \t]+(?P<action>{_ACTIONS}))?"
    rf"[ \t]+(?P<date>{_DATE})[ \t]+\#?(?P<num>\d{{1,5}})[ \t]*$",
    regex.MULTILINE | regex.IGNORECASE | regex.VERSION1,
)
#: Lines ending in a digit: every ``_ONE_LINE_RE`` match is one of them (a cheap pre-filter).
_DIGIT_END_LINE_RE = lazy(r"^[^\n]*\d[ \t]*$", regex.MULTILINE)
_NUMBER_RE = lazy(r"^[\d.,]+$")
_FULL_NAME_RE = lazy(r"^[ \t]*+\((?P<full>[^()\n]{1,60})\)[ \t]*$")
_LIKES_ALT = phrase_alt("likes_count")
_LIKES_RE = line_re(
    rf"(?:{COUNT})[ \t]*(?:{_LIKES_ALT})|(?:❤️?|♥️?|💜|👍)[ \t]*(?:{COUNT})?|(?:{COUNT})[ \t]*(?:❤️?|♥️?)"
)
#: The credit line (table ``discourse_powered``), or its shape in any translation: a few words, ``Discourse,``, then
#: a clause that ends at most two words after ``JavaScript``, no sentence mark.
_POWERED_RE = line_re(
    rf"{phrase_alt('discourse_powered')}"
    rf"|[^\n,.!?]{{1,40}}?Discourse,[ \t]*[^\n.!?]{{1,80}}?JavaScript\w*+(?:[ \t]+[^\s.!?]++){{0,2}}",
    flags=regex.IGNORECASE,
)


def _is_discourse(view: TextView) -> bool:
    return view.engine == "discourse"


def _prev_live(view: TextView, i: int, limit: int = 12) -> int | None:
    j = i - 1
    while j >= 0 and i - j <= limit:
        if view.is_live(j):
            return j
        if view.claimed[j]:
            return None
        j -= 1
    return None


def _gap_before(view: TextView, i: int) -> int:
    """Blank lines directly above line ``i``."""
    n, j = 0, i - 1
    while j >= 0 and not view.lines[j].strip() and not view.claimed[j]:
        n += 1
        j -= 1
    return n


def _header_facts(
    name: str | None, full: str | None, date_raw: str | None, num: int | None
) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    if name:
        facts["author.name"] = name
    if full and full != name:
        facts["author.extra"] = {"full_name": full}
    if date_raw:
        facts["post.date_raw"] = date_raw
        d = parse_date(date_raw)
        if d is not None:
            facts["post.date"] = d
    if num is not None:
        facts["post.number"] = num
    return facts


def _prose_between(view: TextView, a: int, b: int) -> bool:
    return any(word_count(view.lines[k]) >= 4 for k in range(a + 1, b) if view.is_live(k))


@rule("DSC001", "post-header", tags=["author-block", "post-meta"], stage="split", scope="document")
def post_header(view: TextView) -> Iterator[Hit]:
    """Crawler-view post header: user name, full name, date and post number, in any of the flattened shapes.

    Discourse's no-JavaScript view (what scrapers get) prints ``{user} ({Full Name}) {date} {N}`` above each post.
    html-text keeps it on one line; other extractors break it into lines, keep only the name and the number with
    blank lines between (trafilatura), or only the post number (Resiliparse). The header opens each post, so it
    also splits the thread; the name and date move to ``post.author`` / ``post.date``. Bare numbers are taken as
    post numbers only when they climb through the thread (Discourse sniffed, or a run of consecutive numbers).

    Example (removed)::

        raoul (Raoul) May 3, 2024, 8:45am 1
    """
    engine_ok = _is_discourse(view)
    taken: set[int] = set()
    hits: list[Hit] = []
    names: list[str] = []
    lines = view.lines
    digits = [i for i, line in enumerate(lines) if line and has_digit(line)]  # every shape below holds one
    # a one-line header ends in the post number and holds a date (with a four-digit year)
    ends = [i for i in digits if is_digit(lines[i].rstrip(" \t")[-1:]) and has_year(lines[i])]
    for first, last, m in matches_at(view, _ONE_LINE_RE, ends):
        if first != last:
            continue
        d = parse_date(m.group("date"))
        if d is None:
            continue
        facts = _header_facts(m.group("user"), m.group("full"), m.group("date").strip(), int(m.group("num")))
        if m.group("action"):
            facts["post.event"] = m.group("action")
        hits.append(Hit(first, first, "post header (name, date, post number)", facts, moved_to="author"))
        taken.add(first)
        names.append(m.group("user"))
    # Multi-line shapes, anchored on a bare post-number line or a date line.
    candidates: list[tuple[int, int, int | None, str | None, str | None, str | None, bool]] = []
    for i in digits:
        if i in taken or not view.is_live(i):
            continue
        line = lines[i]
        bm = BARE_INT_RE.match(line)
        dm = None if bm or not may_be_date_line(line) else DATE_LINE_RE.match(line)
        # the date and the post number on one line under the name (lynx: ``July 26, 2025, 4:32pm 1``)
        dn = None if bm or dm or not has_year(line) else _DATE_NUM_RE.match(line)
        if dn is not None:
            dm = DATE_LINE_RE.match(dn.group("date"))
        if not bm and not dm:
            continue
        start, num, date_raw, name, full = i, None, None, None, None
        if bm:
            num = int(bm.group("n"))
            j = _prev_live(view, i)
            if (
                j is not None
                and j not in taken
                and may_be_date_line(view.lines[j])
                and DATE_LINE_RE.match(view.lines[j])
            ):
                date_raw, start = view.lines[j].strip(), j
                j = _prev_live(view, j, 3)
        else:
            date_raw = line.strip() if dn is None else dn.group("date").strip()
            if dn is not None:
                num = int(dn.group("num"))
            j = _prev_live(view, i, 3)
            if j is not None and _LINK_URL_RE.match(view.lines[j]):
                j = _prev_live(view, j, 3)  # the post's ``<link>`` (links2: ``Link: {url}``) between name and date
        if j is not None and j not in taken:
            fm = _FULL_NAME_RE.match(view.lines[j])
            if fm:
                full = fm.group("full")
                j2 = _prev_live(view, j, 3)
                if j2 is not None and is_handle_like(view.lines[j2]):
                    name, start = view.lines[j2].strip(), j2
            elif (
                is_handle_like(view.lines[j])
                and not _NUMBER_RE.match(view.lines[j].strip())
                and (date_raw is not None or not bm or _blank_lines(view, j, i) >= 2)
            ):
                name, start = view.lines[j].strip(), j
            elif date_raw is not None and (um := _USER_FULL_RE.match(view.lines[j])) and is_handle_like(um["user"]):
                name, full, start = um["user"], um["full"], j  # ``{user} ({Full Name})`` on one line
        end = i
        if dm:
            if name is None:
                continue
            nxt = [] if num is not None else view.first_live(i + 1)
            if nxt and nxt[0] - i <= 3 and (nm := BARE_INT_RE.match(view.lines[nxt[0]])):
                num, end = int(nm.group("n")), nxt[0]
        candidates.append(
            (start, end, num, name, full, date_raw, bm is not None and name is None and date_raw is None)
        )
    named = [c for c in candidates if c[3] is not None]
    named_nums = [c[2] for c in named if c[2] is not None]
    named_ok = engine_ok or (len(named_nums) >= 2 and named_nums == sorted(set(named_nums)))
    bare_ok: set[int] = set()
    if engine_ok:
        last = 0
        for c in sorted(candidates, key=lambda c: c[0]):
            if (
                c[6]
                and c[2] is not None
                and last < c[2] <= last + 30
                and (c[0] == 0 or _gap_before(view, c[0]) or _after_likes(view, c[0]))
                and not _over_count_label(view, c[1])
            ):
                bare_ok.add(c[0])
                last = c[2]
            elif not c[6] and c[2] is not None and c[3] is not None:
                last = max(last, c[2])
    # A run of >= 3 consecutive numbers with prose between them (the only evidence without the engine; with it,
    # numbers the pass above left, such as those after a post that ends with a lone line: a text cleaned once
    # must not lose them on a second pass, where the engine is no longer sniffed).
    # (a named header's number counts in the run: ``1`` … ``2`` … ``Koz`` / ``3``)
    run: list[tuple[int, int, int | None, str | None, str | None, str | None, bool]] = []
    numbered = [c for c in candidates if c[6] or (c[3] is not None and c[2] is not None and c[5] is None)]
    for c in sorted(numbered, key=lambda c: c[0]):
        if run and c[2] == (run[-1][2] or 0) + 1 and _prose_between(view, run[-1][0], c[0]):
            run.append(c)
        else:
            if len(run) >= 3:
                bare_ok.update(x[0] for x in run)
            run = [c]
    if len(run) >= 3:
        bare_ok.update(x[0] for x in run)
    for c in candidates:
        start, end, num, name, full, date_raw, is_bare = c
        if is_bare:
            if start in bare_ok:
                hits.append(
                    Hit(start, end, "post number", _header_facts(None, None, None, num), moved_to="post")
                )
        elif name is not None and (named_ok or start in bare_ok or (date_raw is not None and num is not None)):
            if date_raw is None and num is None:
                continue
            hits.append(
                Hit(
                    start,
                    end,
                    "post header (name, date, post number)",
                    _header_facts(name, full, date_raw, num),
                    moved_to="author",
                )
            )
            names.append(name)
    remember_authors(view, names)
    yield from sorted(hits, key=lambda h: h.start)


#: Between the names and the date of an Ember head: the edit counter (lynx: ``(BUTTON) 1``).
_EDITS_RE = lazy(r"^[ \t]*+(?:\(BUTTON\)[ \t]*+)?\d{1,3}[ \t]*$")
#: Above the names: the avatar, as w3m (``[1]``) or html2text (an image link) print it.
_AVATAR_LINE_RE = lazy(r"^[ \t]*+(?:\[\d{1,3}\]|\[!\[[^\[\]\n]{0,80}\]\([^()\n]{0,300}\)\]\([^()\n]{0,300}\))[ \t]*$")
#: A Markdown link (html2text): its text is what the page shows.
_MD_LINK_RE = lazy(r"\[([^\[\]\n]{1,80})\]\([^()\n]{0,300}\)")
#: A full name: a capitalised word, then up to four more.
_FULL_NAME_RE_WORDS = lazy(r"^\p{Lu}[\p{L}'’.\-]*+(?:[ \t]++[\p{L}'’.\-]++){0,4}$")
#: Where a user name glued to the full name after it can end: a lower-case letter, digit or ``_`` before a capital.
_GLUE_RE = lazy(r"(?<=[\p{Ll}\d_])(?=\p{Lu}\p{Ll})")
_CAMEL_RE = lazy(r"\p{Ll}\p{Lu}")
_EMBER_FIRST = "discourse.ember_first"
_MAP_LABEL_SET = frozenset(p.lower() for p in phrase_list("discourse_topic_map"))


def _unlink(line: str) -> str:
    s = line.strip()
    return _MD_LINK_RE.sub(r"\1", s) if "](" in s else s


def _plain_handle(s: str) -> bool:
    """A user name alone that does not read as a word of prose: lower-case first, or holding ``_``, ``.``,
    ``-`` or a digit."""
    return is_handle_like(s) and not s.isdigit() and (s[:1].islower() or any(c in "_.-" or c.isdigit() for c in s))


def _split_names(s: str) -> tuple[str, str | None] | None:
    """(user, full name) of an Ember head's names line: ``user``, ``userFull Name`` (text browsers glue the two
    spans), ``user Full Name`` or ``Full Name user``."""
    if len(s) > 100 or s.lower() in _MAP_LABEL_SET:
        return None
    if is_handle_like(s):
        return (s, None) if _plain_handle(s) else None
    for m in _GLUE_RE.finditer(s):
        user, full = s[: m.start()], s[m.start() :]
        if len(user) >= 2 and is_handle_like(user) and _FULL_NAME_RE_WORDS.match(full) and not _CAMEL_RE.search(full):
            return user, full
    parts = s.split()
    if len(parts) >= 2:
        if _plain_handle(parts[0]) and _FULL_NAME_RE_WORDS.match(" ".join(parts[1:])):
            return parts[0], " ".join(parts[1:])
        if _plain_handle(parts[-1]) and not parts[-1][:1].isupper() and _FULL_NAME_RE_WORDS.match(" ".join(parts[:-1])):
            return parts[-1], " ".join(parts[:-1])
    return None


def _ember_head(view: TextView, i: int) -> tuple[int, str, str | None] | None:
    """(first line, user, full name) of the Ember head whose date is line ``i``."""
    j = _prev_live(view, i, 3)
    if j is not None and _EDITS_RE.match(view.lines[j]):
        j = _prev_live(view, j, 3)
    if j is None:
        return None
    s = _unlink(view.lines[j])
    names: tuple[str, str | None] | None = None
    start = j
    if _FULL_NAME_RE_WORDS.match(s):
        # the full name on its own line under the user name
        k = _prev_live(view, j, 3)
        # (a capitalised word above is a user name only when the full name starts with it: ``Reply`` is no user)
        if k is not None and (_plain_handle(u := _unlink(view.lines[k])) or (
            is_handle_like(u) and s.lower().startswith(u.lower())
        )):
            names, start = (u, s), k
    if names is None:
        names = _split_names(s)
    if names is None:
        return None
    a = _prev_live(view, start, 2)
    if a is not None and _AVATAR_LINE_RE.match(view.lines[a]):
        start = a
    return start, names[0], names[1]


@rule("DSC010", "ember-post-header", tags=["author-block", "post-meta"], stage="split", scope="document")
def ember_post_header(view: TextView) -> Iterator[Hit]:
    """With Discourse sniffed: the post head of the full JavaScript (Ember) view, which has no post number and a
    date without a year: the user name (and full name), maybe the edit counter, then ``Mar 3`` / ``Jan '23`` /
    ``2h``.

    Text browsers glue the user name to the full name (``quillpenQuill Penrose``); other extractors put them on
    one line or two. The head opens each post; the user name goes to ``post.author`` (the full name to
    ``author.extra``), the short date to ``post.date_raw``. Two heads at least: one name over a date is a list.

    Example (removed)::

        quillpenQuill Penrose
        Mar 3
    """
    if not _is_discourse(view):
        return
    heads: list[tuple[int, int, str, str | None, str]] = []
    for i, line in enumerate(view.lines):
        if not line or len(line) > 60 or not has_digit(line) or len(line.strip()) > 14 or not view.is_live(i):
            continue
        s = _unlink(line)
        if not SHORT_DATE_LINE_RE.match(s):
            continue
        head = _ember_head(view, i)
        if head is not None and all(k == i or view.is_live(k) or not view.lines[k].strip() for k in range(head[0], i)):
            heads.append((head[0], i, head[1], head[2], s.strip()))
    if len(heads) < 2:
        return
    view.context[_EMBER_FIRST] = heads[0][0]
    remember_authors(view, [h[2] for h in heads])
    for start, end, user, full, date_raw in heads:
        yield Hit(start, end, "post header (name, date)", _header_facts(user, full, date_raw, None), moved_to="author")


_USER_FULL_RE = lazy(r"^[ \t]*+(?P<user>[^\s()]{1,40})[ \t]+\((?P<full>[^()\n]{1,60})\)[ \t]*$")
_LINK_URL_RE = lazy(r"^[ \t]*+Link:[ \t]+https?://\S+[ \t]*$")
_DATE_NUM_RE = lazy(r"^[ \t]*+(?P<date>[^\n]{6,60}?)[ \t]+(?P<num>\d{1,5})[ \t]*$")


def _blank_lines(view: TextView, a: int, b: int) -> int:
    """The input's blank lines between lines ``a`` and ``b`` (the rules see a run of them as one)."""
    dropped: list[int] | None = view.context.get("dropped")
    return sum(
        1 + (dropped[view.base + k] if dropped is not None else 0)
        for k in range(a + 1, b)
        if not view.lines[k].strip()
    )


def _over_count_label(view: TextView, i: int) -> bool:
    """Whether the next line is a count's label (``replies``, ``views``, ``users``, ``likes``): the number on line
    ``i`` is that count, not a post number."""
    nxt = view.first_live(i + 1)
    if not nxt or nxt[0] - i > 3:
        return False
    m = _MAP_COUNT_RE.match(_unlink(view.lines[nxt[0]]))
    return m is not None and not m.group("n") and bool(m.group("label"))


def _after_likes(view: TextView, i: int) -> bool:
    j = _prev_live(view, i, 4)
    return j is not None and _LIKES_RE.match(view.lines[j]) is not None


@rule("DSC002", "likes-line", tags=["reactions"], trigger=r"\d[ \t]*\S|❤|♥", fingerprint=False)
def likes_line(view: TextView) -> Iterator[Hit]:
    """A post's like counter on its own line: ``8 Likes``, ``1 Like``, ``❤ 12``, ``12 ♥`` (and translations).

    Example (removed)::

        8 Likes
    """
    for i, m in whole_line_hits(view, _LIKES_RE):
        yield Hit(i, i, "like counter", {"post.reactions": m.group(0).strip()}, moved_to="reactions")


_TOPIC_HEADER_RE = line_re(phrase_alt("topic_list_header"), flags=regex.IGNORECASE)
_TOPIC_WORDS = (
    "Topic",
    "Replies",
    "Views",
    "Activity",
    "Thema",
    "Antworten",
    "Aufrufe",
    "Aktivität",
    "Sujet",
    "Réponses",
    "Vues",
    "Activité",
    "Tema",
    "Respuestas",
    "Vistas",
    "Actividad",
    "Tópico",
    "Respostas",
    "Visualizações",
    "Atividade",
    "Argomento",
    "Risposte",
    "Visualizzazioni",
    "Attività",
    "Antwoorden",
    "Weergaven",
    "Activiteit",
    "Temat",
    "Odpowiedzi",
    "Wyświetlenia",
    "Aktywność",
    "Ответы",
    "Просмотры",
    "Активность",
)
_TOPIC_WORD_RE = line_re("|".join(regex.escape(w) for w in _TOPIC_WORDS), flags=regex.IGNORECASE)
_RELATED_RE = line_re(phrase_alt("related_topics"), flags=regex.IGNORECASE)
_ACTIVITY = rf"(?:{_DATE}|[A-Z][a-z]{{2,8}}\.?[ \t]+\d{{1,2}}|[A-Z][a-z]{{2,8}}[ \t]+'?\d{{2,4}}|\d{{1,2}}[ \t]+[A-Za-z]{{3,9}}|\d{{1,3}}[smhdwy]|{RELATIVE_TIME})"
_TOPIC_ROW_STATS_RE = lazy(
    rf"^[ \t]*+(?:[^\n]{{0,200}}?[ \t]+)?(?:{COUNT})[ \t]+(?:{COUNT})[ \t]+(?:{_ACTIVITY})[ \t]*$",
    regex.IGNORECASE | regex.VERSION1,
)
_BROWSE_MORE_RE = line_re(
    r"Want to read more\? Browse other topics in [^\n]{1,120} or view latest topics\.|There (?:are|is) \d+ unread and \d+ new topics? remaining[^\n]{0,200}",
)


@rule(
    "DSC003",
    "related-topics",
    tags=["navigation"],
    trigger=r"Topic|Replies|Views|Activity|Thema|Sujet|Tema|Temat|Тема|Argomento|Tópico",
)
def related_topics(view: TextView) -> Iterator[Hit]:
    """``Related topics`` / ``Suggested Topics`` table under a thread: header, columns, and title/stats rows.

    Discourse lists other topics under every thread as a table (``Topic Replies Views Activity``); flattened, it
    becomes a heading, the column names, then per row the title, category, tags and ``{replies} {views} {date}``.
    The block runs from the heading to the last stats row.

    Example (removed)::

        Related topics
        Topic Replies Views Activity
        Printer will not wake from sleep
        Hardware
        4 350 February 26, 2021
    """
    n = len(view)
    i = 0
    while i < n:
        line = view.lines[i]
        if not view.is_live(i):
            i += 1
            continue
        start = None
        head_end = i
        if _TOPIC_HEADER_RE.match(line):
            start = i
        elif _RELATED_RE.match(line) or (
            _TOPIC_WORD_RE.match(line)
            and line.strip() in ("Topic", "Thema", "Sujet", "Tema", "Tópico", "Argomento", "Temat", "Тема")
        ):
            # heading then the column names, possibly one per line
            k = i + 1
            cols = 0
            while (
                k < n
                and k - i <= 8
                and (
                    not view.lines[k].strip()
                    or _TOPIC_WORD_RE.match(view.lines[k])
                    or _TOPIC_HEADER_RE.match(view.lines[k])
                )
            ):
                if view.lines[k].strip():
                    cols += 4 if _TOPIC_HEADER_RE.match(view.lines[k]) else 1
                    head_end = k
                k += 1
            if cols >= 3 or (_TOPIC_WORD_RE.match(line) and cols >= 2):
                start = i
        if start is None:
            i += 1
            continue
        if start > 0:
            p = _prev_live(view, start, 3)
            if p is not None and _RELATED_RE.match(view.lines[p]):
                start = p
        last_row = first_row = None
        k = head_end + 1
        since = 0
        while k < n and since <= 6:
            s = view.lines[k]
            if view.is_live(k):
                if _TOPIC_ROW_STATS_RE.match(s):
                    last_row = k
                    first_row = k if first_row is None else first_row
                    since = 0
                elif len(s) > 300 or _POWERED_RE.match(s):
                    break
                else:
                    since += 1
            k += 1
        end = last_row if last_row is not None else head_end
        nxt = view.first_live(end + 1)
        if nxt and _BROWSE_MORE_RE.match(view.lines[nxt[0]]):
            end = nxt[0]
        elif (
            nxt
            and last_row is not None
            and first_row is not None
            and first_row < last_row
            and nxt[0] <= last_row + 2
            and _category_like(view.lines[nxt[0]])
            and (below := view.first_live(first_row + 1))
            and below[0] < last_row
            and _category_like(view.lines[below[0]])
        ):
            end = nxt[0]  # the last row's category under its stats, as under the first row (w3m)
        if view.free(start, end):
            yield Hit(start, end, "list of related topics")
        i = end + 1


_FOOTER_LINK_RE = line_re(rf"(?:[-•*+][ \t]+)?(?:{phrase_alt('footer_links')})", flags=regex.IGNORECASE)


def _category_like(line: str) -> bool:
    """A topic row's category (or tag) line: a name of up to three words, no sentence."""
    s = line.strip()
    return 0 < len(s) <= 40 and word_count(s) <= 3 and s[-1] not in ".!?:,;"


@rule("DSC004", "footer", tags=["navigation"], trigger=r"Discourse")
def footer(view: TextView) -> Iterator[Hit]:
    """Page footer: ``Powered by Discourse, best viewed with JavaScript enabled`` and the footer links above it.

    Whatever short lines follow the credit are the site's own footer and go with it.

    Example (removed)::

        Home
        Categories
        Guidelines
        Terms of Service
        Privacy Policy
        Powered by Discourse, best viewed with JavaScript enabled
    """
    for i, line in view.iter_lines():
        # the credit split over three lines by an inline link: ``Powered by`` / ``Discourse`` / ``, best viewed …``
        if line.strip() == "Powered by":
            nxt = view.first_live(i + 1, 2)
            if (
                len(nxt) == 2
                and view.lines[nxt[0]].strip() == "Discourse"
                and view.lines[nxt[1]].strip().startswith(", best viewed with JavaScript")
            ):
                yield Hit(i, nxt[1], "Discourse footer")
    last_long = last_live = -1  # (found once: asked for each credit line, it would cost quadratic time)
    for i, _m in whole_line_hits(view, _POWERED_RE):
        start = i
        j = _prev_live(view, i, 3)
        while j is not None and _FOOTER_LINK_RE.match(view.lines[j]):
            start = j
            j = _prev_live(view, j, 3)
        end = i
        if last_live < 0:
            live = view.live_indices()
            last_live = live[-1] if live else i
            last_long = max(
                (k for k in live if word_count(view.lines[k]) > 12 or len(view.lines[k]) > 120), default=-1
            )
        if last_live > i and last_long < i + 1:
            end = last_live  # only short lines after the credit: the site's own footer
        yield Hit(start, end, "Discourse footer")


_MAP_LABELS = phrase_alt("replies_count", "views_count", "users_count")
_TOPIC_MAP_RE = line_re(
    rf"(?:(?:created|last reply|erstellt|letzte Antwort|créé|dernière réponse|creado|última respuesta)[ \t]*(?:[^\n]{{0,30}}?)[ \t]*)?"
    rf"(?:(?:{COUNT})[ \t]+(?:{_MAP_LABELS}|{_LIKES_ALT})[ \t]*){{1,6}}",
    flags=regex.IGNORECASE,
)


@rule("DSC005", "topic-map", tags=["post-meta"], trigger=r"\d[ \t]+\w", fingerprint=False)
def topic_map(view: TextView) -> Iterator[Hit]:
    """Topic-map and reply counters: ``2 Replies``, ``1.2k Views``, ``8 Users``, ``created … 14 replies 3 links``.

    Example (removed)::

        12 replies
        1.2k views
    """
    for i, m in whole_line_hits(view, _TOPIC_MAP_RE):
        if len(m.group(0)) <= 200:
            yield Hit(i, i, "topic statistics")


_MAP_DATE_LABEL_RE = lazy(
    rf"^(?:[-*•+][ \t]++)?(?:\#{{1,6}}[ \t]++)?(?:{phrase_alt('discourse_topic_map')})"
    rf"(?:[ \t]*+(?:{_DATE}|{SHORT_DATE}))?[ \t]*$",
    regex.IGNORECASE | regex.VERSION1,
)
_MAP_COUNT_RE = lazy(
    rf"^(?:[-*•+][ \t]++)?(?:\#{{1,6}}[ \t]++)?(?:(?P<n>{COUNT})[ \t]*+)?(?P<label>{_MAP_LABELS}|{_LIKES_ALT})?[ \t]*$",
    regex.IGNORECASE | regex.VERSION1,
)


def _map_piece(line: str) -> bool:
    """A piece of the topic map broken over lines: a date label (and its date), a date, a count, a count label."""
    s = _unlink(line)
    if len(s) > 60:
        return False
    if _MAP_DATE_LABEL_RE.match(s) or SHORT_DATE_LINE_RE.match(s) or (may_be_date_line(s) and DATE_LINE_RE.match(s)):
        return True
    m = _MAP_COUNT_RE.match(s)
    return m is not None and bool(m.group("n") or m.group("label"))


@rule(
    "DSC011",
    "topic-map-lines",
    tags=["post-meta"],
    trigger=tuple(phrase_list("discourse_topic_map")),
    fingerprint=False,
)
def topic_map_lines(view: TextView) -> Iterator[Hit]:
    """With Discourse sniffed: the JavaScript view's topic map broken over lines, one label or figure a line:
    ``created`` / ``Mar 3`` / ``last reply`` / ``Mar 5`` / ``4`` / ``replies`` / ``312`` / ``views`` …

    The block opens with the ``created`` (or ``last reply``) label and runs while the lines are its pieces (dates,
    counts, the count labels of tables ``replies_count``, ``views_count``, ``users_count``, ``likes_count``).

    Example (removed)::

        created
        Mar 3
        last reply
        Mar 5
        4
        replies
    """
    if not _is_discourse(view):
        return
    n = len(view)
    i = 0
    while i < n:
        if not view.is_live(i) or len(view.lines[i]) > 80 or not _MAP_DATE_LABEL_RE.match(_unlink(view.lines[i])):
            i += 1
            continue
        end, pieces, k = i, 1, i + 1
        while k < n and (not view.lines[k].strip() or (view.is_live(k) and _map_piece(view.lines[k]))):
            if view.lines[k].strip():
                end, pieces = k, pieces + 1
            k += 1
        if pieces >= 3:
            yield Hit(i, end, "topic map")
        i = end + 1


_AVATAR_MARK_RE = lazy(r"^[●•*+-][ \t]++")


@rule("DSC006", "quote-title", tags=["quote"], stage="structure", trigger=r":[ \t]*$")
def quote_title(view: TextView) -> Iterator[Hit]:
    """A quote's title line ``{user}:`` where ``{user}`` posted in the thread (or is a handle, Discourse sniffed).

    Discourse renders a quote as an aside titled with the quoted poster's name and a colon; the quoted text
    follows without an end marker, so only the title goes (repeated quoted lines are left to de-duplication).

    Example (removed)::

        rimelek:

    Kept: ``Ingredients:`` (not a poster of the thread).
    """
    authors = known_authors(view)
    if not authors and not _is_discourse(view):
        return
    for i, line in view.iter_lines():
        s = _AVATAR_MARK_RE.sub("", line.strip(), count=1)  # (w3m writes the avatar as ``●``)
        if not s.endswith(":") or len(s) > 42:
            continue
        name = s[:-1].strip()
        if not is_handle_like(name):
            continue
        known = name.lower() in authors
        handle = _is_discourse(view) and bool(regex.search(r"[_\d]", name)) and not name.isdigit()
        if (known or handle) and view.first_live(i + 1):
            yield Hit(i, i, f"quote title ({name})")


_NOTICE_ALT = phrase_alt("discourse_notices", min_words=2)
_SOLVED_ALT = phrase_alt("solved_by", min_words=3)
_NOTICE_RE = line_re(rf"{_NOTICE_ALT}|{_SOLVED_ALT}", flags=regex.IGNORECASE)
_SHORT_NOTICE_RE = line_re(
    rf"{phrase_alt('discourse_notices', max_words=1)}|{phrase_alt('solved_by', max_words=1)}"
)
_IMAGE_META_RE = line_re(r"[^\n]{0,160}?\d{2,5}[×x]\d{2,5}[ \t]+\d[\d.,]*[ \t]*(?:[KMG]i?B|kB|bytes)")
_WELCOME_RE = line_re(
    r"This is the first time [^\n]{1,60} has posted — let[’']s welcome them to our community!"
    r"|It[’']s been a while since we[’']ve seen [^\n]{1,60} — their last post was [^\n]{1,60}\."
    r"|\d{1,3}[ \t]+(?:days?|months?|years?)[ \t]+later"
)


@rule(
    "DSC007",
    "notice",
    tags=["notice", "navigation"],
    trigger=(
        "topic",
        "original",
        "page",
        "post",
        "reply",
        "×",
        "later",
        "solved",
        "gelöst",
        "résolu",
        "resuelto",
        "while",
        "expand",
        "notified",
    ),
)
def notice(view: TextView) -> Iterator[Hit]:
    """Fixed Discourse lines: ``Solved by {user} in post #N``, image size captions, ``show original``,
    ``next page →``, welcome notices, ``3 months later`` time gaps. (The auto-close notice, ``This topic was
    automatically closed …``, stays: it is the thread's own last entry, and the corpus's ground truth keeps it.)

    Example (removed)::

        Solved by kestrelbay in post #4
    """
    for i, _m in whole_line_hits(view, _NOTICE_RE):
        yield Hit(i, i, "Discourse notice")
    for i, _m in whole_line_hits(view, _IMAGE_META_RE):
        yield Hit(i, i, "image size caption")
    for i, _m in whole_line_hits(view, _WELCOME_RE):
        yield Hit(i, i, "Discourse notice")
    if _is_discourse(view):
        for i, _m in whole_line_hits(view, _SHORT_NOTICE_RE):
            yield Hit(i, i, "Discourse notice")


_BUTTONS_RE = line_re(phrase_alt("post_controls"), flags=regex.IGNORECASE)


@rule("DSC008", "buttons-and-counters", tags=["buttons", "reactions"])
def buttons_and_counters(view: TextView) -> Iterator[Hit]:
    """With Discourse sniffed: lone post-control labels (``Reply``, ``Share``, ``Like``) and bare counter numbers
    at a post's end or beside a control (the like and reply counts of the JavaScript view).

    Example (removed)::

        Reply
        3
    """
    if not _is_discourse(view):
        return
    controls: set[int] = set()
    for i, _m in whole_line_hits(view, _BUTTONS_RE):
        controls.add(i)
        yield Hit(i, i, "post control")
    live = view.live_indices()
    if not live:
        return
    last = live[-1]
    for i in live:
        if BARE_INT_RE.match(view.lines[i]) and int(view.lines[i]) < 10_000:
            near = any(abs(i - c) <= 2 for c in controls)
            if i == last or near:
                yield Hit(i, i, "counter number")


_SITE_TITLE_SEP = lazy(r"(?<![ \t])[ \t]+[-–|][ \t]+")


@rule("DSC009", "page-header", tags=["navigation", "headline"], scope="document", trigger=None)
def page_header(view: TextView) -> Iterator[Hit]:
    """With Discourse sniffed, whole-page text: the short lines above the first post (page title, site name,
    topic title, category and tags); the topic title goes to ``doc.title``.

    Example (removed)::

        Printer keeps waking up - Hardware - Example Forum
        Example Forum
        Printer keeps waking up
        Hardware
    """
    if not _is_discourse(view):
        return
    first_header = None
    for k, line in enumerate(view.original[:60]):
        if _ONE_LINE_RE.match(line):
            first_header = k
            break
        # the name, then the date and post number on the next line (lynx; links2 prints the post's ``<link>``
        # between them)
        if k and has_year(line) and (dn := _DATE_NUM_RE.match(line)) and DATE_LINE_RE.match(dn.group("date")):
            above = k - 1
            if above and _LINK_URL_RE.match(view.original[above]):
                above -= 1
            name_line = view.original[above]
            if is_handle_like(name_line) or _USER_FULL_RE.match(name_line):
                first_header = above
                break
    if first_header is None:
        first_header = view.context.get(_EMBER_FIRST)
    if first_header is None or first_header == 0 or first_header > 40:
        return
    live = [i for i in range(first_header) if view.is_live(i)]
    if not live or any(word_count(view.lines[i]) > 16 or view.lines[i].rstrip().endswith(".") for i in live):
        return
    facts: dict[str, Any] = {}
    top = view.lines[live[0]].strip()
    parts = _SITE_TITLE_SEP.split(top)
    if len(parts) >= 2:
        facts["doc.title"] = parts[0].strip()
    yield Hit(
        live[0], live[-1], "page header above the first post", facts, moved_to="title" if facts else None
    )


_NUM_GAP_RE = lazy(r"(?:^|\n)[ \t]*\n[ \t]*(\d{1,4})[ \t]*\n")


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from a Discourse page (each signal weak alone)."""
    head = text[:200_000]
    score = 0.0
    if "Discourse" in head and search_lines(_POWERED_RE, head):
        score += 0.45
    if _count_one_line_headers(head, 60_000) >= 2 and could_match(_ONE_LINE_RE, head):
        score += 0.3
    # one scan for the likes, topic list and related topics lines; each looked for alone only when it finds one
    if _SNIFF_LINES.search(head):
        if count_matches(_LIKES_RE, head) >= 2:
            score += 0.25
        if guarded_search(_TOPIC_HEADER_RE, head) or guarded_search(_RELATED_RE, head):
            score += 0.2
    nums: list[int] = []
    for m in _num_gaps(head):
        nums.append(int(m.group(1)))
        if len(nums) >= 12:
            break
    climb = sum(1 for a, b in itertools.pairwise(nums) if 0 < b - a <= 3)
    if climb >= 2:
        score += 0.3
    if ":" in head and _SNIFF_EMOJI_RE.search(head):
        score += 0.1
    return min(1.0, score)


_SNIFF_LINES = LineScan(_LIKES_RE, _TOPIC_HEADER_RE, _RELATED_RE)
_SNIFF_EMOJI_RE = lazy(r"(?:^|\s):[a-z_]{2,30}:(?:\s|$)")
#: ``_NUM_GAP_RE`` after the start of the text: led by a newline, which the regex engine looks for quickly.
_NUM_GAP_NL_RE = lazy(r"\n[ \t]*\n[ \t]*(\d{1,4})[ \t]*\n")


def _num_gaps(head: str) -> Iterator[regex.Match[str]]:
    """``_NUM_GAP_RE.finditer(head)``: its ``^`` branch can only match at the start of the text."""
    first = _NUM_GAP_RE.match(head)
    if first is not None:
        yield first
        yield from _NUM_GAP_NL_RE.finditer(head, first.end())
    else:
        yield from _NUM_GAP_NL_RE.finditer(head)


_DIGITS = "0123456789"
_YEAR_RE = lazy(r"\d{4}")


@functools.cache
def _one_line_has_year() -> bool:
    """Whether every ``_ONE_LINE_RE`` match holds a four-digit year (its date forms all do)."""
    return requires(_ONE_LINE_RE.pattern, _YEAR_RE.pattern, nested=True)


def _is_digit(c: str) -> bool:
    """Whether ``\\d`` may match the character ``c`` (also true of characters this Python's Unicode data does not
    know yet: the regex module's may be newer)."""
    return c in _DIGITS if c.isascii() else c.isdecimal() or unicodedata.category(c) == "Cn"


def _may_be_one_line_header(line: str, year: bool) -> bool:
    """False for lines ``_ONE_LINE_RE`` cannot match: it ends in a post number (one to five digits after a blank
    or ``#``) and, when ``year`` (:func:`_one_line_has_year`), the date before it has a four-digit year."""
    s = line.rstrip(" \t")
    if not s or not _is_digit(s[-1]):
        return False
    body = s.rstrip(_DIGITS)
    if body[-1:].isascii():  # the number's digits are all ASCII: check what stands before them
        if len(s) - len(body) > 5:
            return False
        before = body[-2:-1] if body[-1:] == "#" else body[-1:]
        if before.isascii() and before not in (" ", "\t"):
            return False
    return not year or _YEAR_RE.search(body) is not None


def _count_one_line_headers(head: str, limit: int) -> int:
    """Lines of ``head[:limit]`` that ``_ONE_LINE_RE`` matches, counting no further than 2 (what
    ``finditer_within(_ONE_LINE_RE, _DIGIT_END_LINE_RE, head, limit)`` finds), looked for line by line: the
    pattern is tried only on lines that :func:`_may_be_one_line_header` lets through."""
    n = 0
    year = _one_line_has_year()
    text = head[:limit]
    # only the lines whose last character is a digit, a blank or not ASCII: found by the regex engine
    ends = [m.start() for m in _HEADER_END_RE.finditer(text)]
    if text and _HEADER_END_CHAR_RE.match(text, len(text) - 1):
        ends.append(len(text))  # the last line, without a newline after it
    for end in ends:
        start = text.rfind("\n", 0, end) + 1
        if _may_be_one_line_header(text[start:end], year) and search_lines(_ONE_LINE_RE, head, start, end):
            n += 1
            if n >= 2:
                break
    return n


#: The last character of a line that :func:`_count_one_line_headers` looks at: a digit, a blank or not ASCII.
_HEADER_END_CHAR_RE = re.compile(r"[0-9 \t\x80-\U0010ffff]")
#: The newline after such a character. Led by the newline, which ``re`` scans for quickly (a pattern led by the
#: character class, anchored by ``$``, is tried at every position: twenty times slower).
_HEADER_END_RE = re.compile(r"\n(?<=[0-9 \t\x80-\U0010ffff]\n)")


PACK = RulePack(
    name="discourse",
    prefix="DSC",
    rules=(
        post_header,
        ember_post_header,
        page_header,
        likes_line,
        related_topics,
        footer,
        topic_map,
        topic_map_lines,
        quote_title,
        notice,
        buttons_and_counters,
    ),
    sniff=sniff,
    description="Discourse pages flattened to text",
)
