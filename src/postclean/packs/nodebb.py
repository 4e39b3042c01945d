"""NodeBB, text form: post headers (status, name, ``wrote``, ``#N``), reply footers, ``said in`` quotes, topic chrome."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from .._lazy import lazy
from ..dates import parse_date
from ..phrases import PHRASES
from ..rules import Hit, RulePack, rule
from ..text import TextView, any_literal, could_match, word_count
from ._common import iter_line_matches
from ._modern import BARE_INT_RE, COUNT, line_re, phrase_alt, phrase_list, remember_authors, whole_line_hits
from ._sniff import LineScan, count_lines, factored_source

__all__ = ["PACK"]

_STATUS = phrase_alt("nodebb_status")
#: ``J Offline`` — the avatar letter and the visually hidden status label (a list bullet before them: inscriptis;
#: glued, ``JOffline``: text browsers).
_STATUS_RE = lazy(rf"^[ \t]*+(?:[*•-][ \t]+)?(?P<letter>\w{{1,2}}?)[ \t]*(?:{_STATUS})[ \t]*$", regex.IGNORECASE)
_STATUS_LINE_RE = lazy(rf"(?m)^[ \t]*+(?:[*•-][ \t]+)?\w{{1,2}}[ \t]+(?:{_STATUS})[ \t]*$", regex.IGNORECASE)
_WROTE = phrase_alt("nodebb_wrote")
_WROTE_RE = lazy(rf"^[ \t]*+(?:{_WROTE})(?:[ \t]+(?P<rest>[^\n]{{0,80}}?))?[ \t]*$", regex.IGNORECASE)
_NUM_RE = lazy(r"^[ \t]*+#(?P<n>\d{1,6})[ \t]*$")
_WROTE_AGO_RE = lazy(
    r"^(?:on[ \t]+)?(?P<when>[^\n]{1,60}?)(?:[ \t]+(?:last edited by|zuletzt editiert von)[^\n]*)?$"
)


_STATUS_ALONE_RE = lazy(rf"^[ \t]*+(?:{_STATUS})[ \t]*$", regex.IGNORECASE)
_LETTER_RE = lazy(r"^[ \t]*+(?P<letter>\w{1,2})[ \t]*$")


def _split_status(view: TextView, i: int) -> regex.Match[str] | None:
    """The avatar letter on its own line with the status on the next one (``R`` / ``Offline``)."""
    lm = _LETTER_RE.match(view.lines[i])
    if not lm or lm.group("letter").isdigit():
        return None
    nxt = view.first_live(i + 1)
    if nxt and nxt[0] - i <= 2 and _STATUS_ALONE_RE.match(view.lines[nxt[0]]):
        return lm
    return None


def _is_nodebb(view: TextView) -> bool:
    return view.engine == "nodebb"


@rule("NBB001", "post-header", tags=["author-block", "post-meta"], stage="split", scope="document")
def post_header(view: TextView) -> Iterator[Hit]:
    """Post header: avatar letter + status (``J Offline``), name, group badges, ``wrote …`` / ``last edited by``, ``#N``.

    NodeBB's Harmony and Persona themes print the poster's avatar letter with a hidden presence label, the
    name, group badges, the ``wrote`` link (with the relative time once JavaScript ran) and the post index. The
    run opens each post; the name moves to ``post.author``.

    Example (removed)::

        J Offline
        J Offline
        julian
        NodeBB
        wrote on last edited by
        #1
    """
    n = len(view)
    i = 0
    names: list[str] = []
    while i < n:
        if not view.is_live(i):
            i += 1
            continue
        m = _STATUS_RE.match(view.lines[i]) or _split_status(view, i)
        wm = None if m or _SAID_IN_ALONE_RE.match(view.lines[i]) else _WROTE_RE.match(view.lines[i])
        if not m and not (wm and _is_nodebb(view)):
            i += 1
            continue
        start = i
        letter = m.group("letter") if m else None
        if wm:
            # name line directly above a ``wrote`` line (engine sniffed)
            prev = [k for k in range(i - 1, max(-1, i - 3), -1) if view.is_live(k)]
            if not prev or word_count(view.lines[prev[0]]) > 6:
                i += 1
                continue
            start = prev[0]
        k = i + 1 if m else i
        lines: list[int] = []
        wrote_at = None
        while k < n and k - i <= 8:
            if not view.is_live(k):
                k += 1
                continue
            s = view.lines[k]
            if (_STATUS_RE.match(s) or _STATUS_ALONE_RE.match(s)) and not lines:
                lines.append(k)
            elif _SAID_IN_ALONE_RE.match(s):
                break
            elif _WROTE_RE.match(s):
                wrote_at = k
                break
            elif word_count(s) <= 8 and len(s) <= 80:
                lines.append(k)
            else:
                break
            k += 1
        if wrote_at is None and not (m and lines):
            i += 1
            continue
        end = wrote_at if wrote_at is not None else lines[-1]
        edit_at = None
        if wrote_at is not None:
            # ``wrote`` / ``last edited by X`` on two lines (one text node a line)
            nxt = view.first_live(end + 1)
            if nxt and nxt[0] - end <= 2 and _WROTE_RE.match(view.lines[nxt[0]]):
                edit_at = end = nxt[0]
        if m and wrote_at is None:
            # Persona without a ``wrote`` line: status, then the name line only
            end = next((x for x in lines if not _STATUS_RE.match(view.lines[x])), lines[-1])
        nxt = view.first_live(end + 1)
        number = None
        if nxt and nxt[0] - end <= 2 and (nm := _NUM_RE.match(view.lines[nxt[0]])):
            number = int(nm.group("n"))
            end = nxt[0]
        facts: dict[str, Any] = {}
        heads = [
            view.lines[x].strip()
            for x in range(start, end + 1)
            if view.is_live(x) and not _STATUS_RE.match(view.lines[x])
        ]
        heads = [
            h
            for h in heads
            if not _WROTE_RE.match(h)
            and not _NUM_RE.match(h)
            and not _STATUS_ALONE_RE.match(h)
            and h != letter
        ]
        if wm and not m:
            heads = [view.lines[start].strip()]
        if heads:
            name = heads[0]
            parts = name.split()
            if letter and len(parts) > 1 and parts[0] == letter and len(parts[0]) <= 2:
                name = " ".join(parts[1:])
            name = name.split(" @")[0].split(" | ")[0].strip()
            facts["author.name"] = name
            names.append(name)
            if len(heads) > 1:
                facts["author.rank"] = heads[1]
        if wrote_at is not None:
            w = _WROTE_RE.match(view.lines[wrote_at])
            rest = (w.group("rest") or "") if w else ""
            d = parse_date(rest) if rest else None
            if d is not None:
                facts["post.date"] = d
                facts["post.date_raw"] = rest.strip()
            if "edited" in view.lines[wrote_at].lower():
                facts["post.edit_note"] = view.lines[wrote_at].strip()
        if edit_at is not None:
            facts["post.edit_note"] = view.lines[edit_at].strip()
        if number is not None:
            facts["post.number"] = number
        yield Hit(start, end, "post header (status, name, wrote, #N)", facts, moved_to="author")
        i = end + 1
    remember_authors(view, names)


_LAST_REPLY = phrase_alt("nodebb_last_reply")
_REPLIES = phrase_alt("replies_count")
_QUOTE_WORD = phrase_alt("post_controls", max_words=1)
_FOOTER_RE = line_re(
    # (lynx, w3m and html2text glue the avatars' letters, the count and ``Last reply``: ``T2 repliesLast reply``)
    rf"(?:\w{{1,2}}[ \t]+){{0,8}}(?:\p{{Lu}}{{1,8}}(?=\d))?(?:{COUNT})[ \t]*(?:{_REPLIES})[ \t]*(?:{_LAST_REPLY})"
    rf"(?:[ \t]+(?:{_QUOTE_WORD})){{0,3}}(?:[ \t]+-?\d{{1,5}})?(?:[ \t]*__)?"
    # (the end of a Markdown link that wraps the avatar, the count and ``Last reply``: ``Last reply](#)``)
    rf"|(?:{_LAST_REPLY})(?:\]\([^()\s]{{0,300}}+\))?+(?:[ \t]+(?:{_QUOTE_WORD})){{0,3}}(?:[ \t]+-?\d{{1,5}})?"
    rf"|(?:{_QUOTE_WORD})[ \t]+(?:{_QUOTE_WORD})[ \t]+-?\d{{1,5}}",
    flags=regex.IGNORECASE,
)
#: An avatar's letter alone on its line, as a list item too (``- J``: markdownify's avatar link, its image gone).
_AVATAR_ALONE_RE = lazy(r"^(?:[-•*][ \t]++)?+\p{L}$")
_REPLY_COUNT_RE = lazy(rf"^[ \t]*+(?:{COUNT})[ \t]+(?:{_REPLIES})[ \t]*$", regex.IGNORECASE)
_REPLIES_TAIL_RE = lazy(
    rf"^[ \t]*+[^\n]{{1,120}}?[ \t]+(?:{COUNT})[ \t]+(?:{_REPLIES})[ \t]*$", regex.IGNORECASE
)


@rule(
    "NBB002",
    "post-footer",
    tags=["reactions", "buttons"],
    trigger=(
        "reply",
        "replies",
        "antwort",
        "réponse",
        "respuesta",
        "resposta",
        "rispost",
        "reactie",
        "antwoord",
        "odpowied",
        "ответ",
    ),
)
def post_footer(view: TextView) -> Iterator[Hit]:
    """Post footer: ``J S 2 Replies Last reply``, ``Reply Quote 0``, the bare vote count after it, and (NodeBB
    sniffed) the ``{L} {user}`` header of the reply preview that follows.

    Example (removed)::

        J S 2 Replies Last reply
        12
    """
    for i, _m in whole_line_hits(view, _FOOTER_RE):
        yield Hit(i, i, "post footer (replies, last reply, votes)", moved_to=None)
        prev = [k for k in range(i - 1, max(-1, i - 3), -1) if view.is_live(k)]
        if prev and _REPLY_COUNT_RE.match(view.lines[prev[0]]):
            yield Hit(prev[0], prev[0], "reply counter")
            # the repliers' avatar letters over it (``T`` / ``2 replies`` / ``Last reply``: one node a line)
            for k in range(prev[0] - 1, max(-1, prev[0] - 4), -1):
                if not view.is_live(k):
                    continue
                if _AVATAR_ALONE_RE.match(view.lines[k].strip()):
                    yield Hit(k, k, "avatar letter of a replier")
                    continue
                break
        nxt = view.first_live(i + 1)
        if nxt and nxt[0] - i <= 2 and BARE_INT_RE.match(view.lines[nxt[0]]):
            yield Hit(
                nxt[0],
                nxt[0],
                "vote count",
                {"post.reactions": view.lines[nxt[0]].strip()},
                moved_to="reactions",
            )
            nxt = view.first_live(nxt[0] + 1)
        if _is_nodebb(view) and nxt:
            s = view.lines[nxt[0]].strip()
            parts = s.split(" ", 1)
            if (
                len(parts) == 2
                and len(parts[0]) == 1
                and parts[1][:1].upper() == parts[0].upper()
                and word_count(parts[1]) <= 4
            ):
                yield Hit(nxt[0], nxt[0], "reply preview header")
            elif nxt[0] - i <= 3 and _AVATAR_ALONE_RE.match(s):
                yield Hit(nxt[0], nxt[0], "avatar letter under the footer")
    if _is_nodebb(view):
        for i, line in view.iter_lines():
            if _REPLIES_TAIL_RE.match(line) and word_count(line) <= 12:
                yield Hit(i, i, "reply summary")


#: ``said in`` alone on a line: the middle of a quote header written one text node a line.
_SAID_IN_ALONE_RE = lazy(rf"^[ \t]*+(?:{phrase_alt('nodebb_said_in')})[ \t]*$", regex.IGNORECASE)
#: The word some languages put before the mention (``Пользователь @X написал в …:``, table ``nodebb_said_in_pre``).
_SAID_PRE = rf"(?:(?:{phrase_alt('nodebb_said_in_pre')})[ \t]+)?"
_SAID_IN_RE = lazy(
    rf"^[ \t]*+{_SAID_PRE}@[ \t]?(?P<name>[^\n]{{1,60}}?)[ \t]+(?:{phrase_alt('nodebb_said_in')})[ \t]+(?P<topic>[^\n]{{1,200}}?)[ \t]*:[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)
_SAID_IN_GLUED_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]*)?(?P<head>{_SAID_PRE}@[ \t]?(?P<name>[^\s:]{{1,40}})[ \t]+(?:{phrase_alt('nodebb_said_in')})[ \t]+[^\n:]{{1,160}}:[ \t]+)(?=\S)",
    regex.IGNORECASE | regex.MULTILINE,
)
#: (the mention's ``@`` left out: ``Пользователь X написал в …:``)
_USER_SAID_IN_RE = lazy(
    rf"^[ \t]*+(?:{phrase_alt('nodebb_said_in_pre')})[ \t]+(?P<name>[^\n@]{{1,60}}?)[ \t]+(?:{phrase_alt('nodebb_said_in')})"
    r"[ \t]+(?P<topic>[^\n]{1,200}?)[ \t]*:[ \t]*$",
    regex.MULTILINE,
)


@rule(
    "NBB003",
    "quote-header",
    tags=["quote"],
    stage="structure",
    in_html=True,
    trigger=(
        "said in",
        "sagte in",
        "a dit dans",
        "dijo en",
        "disse em",
        "ha detto in",
        "zei in",
        " w",
        "написал в",
    ),
)
def quote_header(view: TextView) -> Iterator[Hit]:
    """Quote header inserted by NodeBB's composer: ``@{user} said in {topic}:`` (and translations).

    The quoted text follows as a blockquote without an end marker, so only the header goes; repeated quoted
    lines are left to de-duplication.

    Example (removed)::

        @JonB said in Which version for Ubuntu:
    """
    for pattern in (_SAID_IN_RE, _USER_SAID_IN_RE):
        for i, m in whole_line_hits(view, pattern):
            yield Hit(i, i, f"quote header ({m.group('name').strip()})")
    for first, last, m in view.finditer(_SAID_IN_GLUED_RE):
        if first != last or not view.is_live(first):
            continue
        start = view.line_start(first)
        a, b = m.start("head") - start, m.end("head") - start
        if b < len(view.lines[first].rstrip()):
            yield Hit(
                first, first, f"quote header ({m.group('name').strip()}) glued to the text", cols=(a, b)
            )
    yield from _split_quote_headers(view)


_MENTION_RE = lazy(r"^[ \t]*+@[ \t]?(?P<name>[^\s@]{1,60})[ \t]*$")
_COLON_ALONE_RE = lazy(r"^[ \t]*+:[ \t]*$")
#: the word before the mention in Russian (``Пользователь @X написал в …:``)
_USER_WORD_RE = lazy(rf"^[ \t]*+(?:{phrase_alt('nodebb_said_in_pre')})[ \t]*$")


def _split_quote_headers(view: TextView) -> Iterator[Hit]:
    """``@X`` / ``said in`` / ``{topic}`` / ``:``, the quote header one text node a line (selectolax,
    BeautifulSoup)."""
    for i, line in view.iter_lines():
        if len(line) > 40 or not _SAID_IN_ALONE_RE.match(line):
            continue
        up = [k for k in range(i - 1, max(-1, i - 3), -1) if view.is_live(k)][:1]
        mention = _MENTION_RE.match(view.lines[up[0]]) if up else None
        if mention is None:
            continue
        start = up[0]
        above = [k for k in range(start - 1, max(-1, start - 3), -1) if view.is_live(k)][:1]
        if above and _USER_WORD_RE.match(view.lines[above[0]]):
            start = above[0]
        topic = view.first_live(i + 1)
        if not topic or topic[0] - i > 2 or len(view.lines[topic[0]]) > 200:
            continue
        end = topic[0]
        if not view.lines[end].rstrip().endswith(":"):
            colon = view.first_live(end + 1)
            if not colon or colon[0] - end > 2 or not _COLON_ALONE_RE.match(view.lines[colon[0]]):
                continue
            end = colon[0]
        yield Hit(start, end, f"quote header ({mention.group('name')}), one text node a line")


_TC_ALT = phrase_alt("nodebb_topic_chrome", min_words=2)
_TOPIC_CHROME_RE = line_re(
    rf"(?:{_TC_ALT})(?:[ \t]+(?:{_TC_ALT}))*"
    + r"|Getting fed up of having to scroll through the same posts each visit\?[^\n]*"
    + r"|(?:Scheduled|Pinned|Locked|Moved|Unread)(?:[ \t]+(?:Scheduled|Pinned|Locked|Moved|Unread)){2,}[^\n]{0,60}"
    + r"|(?:\w[ \t]+)?[^\n]{1,40}?[ \t](?:has[ \t]+)?(?:marked this topic as solved|marked this topic as unsolved|locked this topic|unlocked this topic|pinned this topic|unpinned this topic|moved this topic|forked this topic|referenced this topic)(?:[ \t]+(?:on|from|to|in))?[^\n]{0,80}"
    + rf"|(?:{COUNT})[ \t]+(?:{phrase_alt('posts_count')})[ \t]+(?:{COUNT})[ \t]+\w+(?:[ \t]+(?:{COUNT})[ \t]+\w+){{1,3}}",
    flags=regex.IGNORECASE,
)
#: The post navigator's position, ``1 out of 3`` (table ``nodebb_out_of``).
_OUT_OF_RE = line_re(rf"\d{{1,6}}[ \t]+(?:{phrase_alt('nodebb_out_of')})[ \t]+\d{{1,6}}", flags=regex.IGNORECASE)
_TOPIC_CHROME_SHORT_RE = line_re(
    phrase_alt("nodebb_topic_chrome", max_words=1) + "|" + phrase_alt("post_controls", max_words=3),
    flags=regex.IGNORECASE,
)


_STAT_LINE_RE = lazy(
    rf"^[ \t]*+(?:{COUNT})[ \t]+(?:{phrase_alt('posts_count')}|{phrase_alt('views_count')}|{phrase_alt('users_count')}"
    rf"|{phrase_alt('votes_count')})[ \t]*$",
    regex.IGNORECASE,
)
#: The same statistics written value over label, one text node a line (``12`` / ``Posts`` / ``5`` / ``Posters``).
_STAT_LABEL_RE = lazy(
    rf"^[ \t]*+(?:{phrase_alt('posts_count')}|{phrase_alt('views_count')}|{phrase_alt('users_count')})[ \t]*$",
    regex.IGNORECASE,
)
_COUNT_LINE_RE = lazy(rf"^[ \t]*+{COUNT}[ \t]*$")


def _split_stats(view: TextView) -> Iterator[tuple[int, int]]:
    """``(count line, label line)`` of the topic statistics written value over label, where two such pairs
    follow each other (one pair alone may be post text: ``12`` / ``Posts``)."""
    pairs: list[tuple[int, int]] = []
    for i, line in view.iter_lines():
        if len(line) <= 40 and _STAT_LABEL_RE.match(line):
            prev = [k for k in range(i - 1, max(-1, i - 3), -1) if view.is_live(k)]
            if prev and _COUNT_LINE_RE.match(view.lines[prev[0]]):
                pairs.append((prev[0], i))
    for n, (a, b) in enumerate(pairs):
        before = pairs[n - 1] if n else None
        after = pairs[n + 1] if n + 1 < len(pairs) else None
        if (before and a - before[1] <= 2) or (after and after[0] - b <= 2):
            yield a, b


@rule(
    "NBB004",
    "topic-chrome",
    tags=["navigation", "notice"],
    # (no trigger: with NodeBB sniffed it takes the vote count, a bare number, in any language)
)
def topic_chrome(view: TextView) -> Iterator[Hit]:
    """Topic chrome: sort menu, ``Log in to reply``, ``12 Posts 5 Posters 3.2k Views 2 Watching``, guest prompts.

    Example (removed)::

        Oldest to Newest
        Log in to reply
    """
    for i, _m in whole_line_hits(view, _TOPIC_CHROME_RE):
        yield Hit(i, i, "NodeBB topic chrome")
    if _is_nodebb(view):
        for i, _m in whole_line_hits(view, _TOPIC_CHROME_SHORT_RE):
            yield Hit(i, i, "NodeBB control")
        stats = [i for i, line in view.iter_lines() if _STAT_LINE_RE.match(line)]
        for i in stats:
            if any(abs(i - k) <= 2 and k != i for k in stats):
                yield Hit(i, i, "topic statistics")
        first_stat: int | None = min(stats) if stats else None
        for a, b in _split_stats(view):
            yield Hit(a, b, "topic statistics")
            first_stat = a if first_stat is None else min(first_stat, a)
        sort_menu = [i for i, _m in whole_line_hits(view, _SORT_RE)]
        anchor = min([x for x in (first_stat, *sort_menu[:1]) if x is not None], default=None)
        if anchor is not None:
            yield from _crumbs_over_stats(view, anchor)
        live = [
            i
            for i in view.live_indices()
            if not (_TOPIC_CHROME_RE.match(view.lines[i]) or _TOPIC_CHROME_SHORT_RE.match(view.lines[i]))
        ]
        if len(live) > 1 and BARE_INT_RE.match(view.lines[live[-1]]):
            yield Hit(
                live[-1],
                live[-1],
                "vote count",
                {"post.reactions": view.lines[live[-1]].strip()},
                moved_to="reactions",
            )


_CRUMB_ROOT_RE = line_re(phrase_alt("breadcrumb_roots"), flags=regex.IGNORECASE)


#: The sort menu's entries (each language's first three ``nodebb_topic_chrome`` phrases).
_SORT_RE = line_re(
    "|".join(regex.escape(p) for items in PHRASES["nodebb_topic_chrome"].values() for p in items[:3]),
    flags=regex.IGNORECASE,
)


def _crumbs_over_stats(view: TextView, anchor: int) -> Iterator[Hit]:
    """The breadcrumb trail written one text node a line (``Home`` / ``{category}`` / ``{title}``) and the topic's
    title and category under it, right over the topic statistics or the sort menu (line ``anchor``): short
    lines up to a breadcrumb root; what is left of the statistics between them goes too."""
    above = [k for k in range(anchor - 1, max(-1, anchor - 20), -1) if view.is_live(k)][:9]
    for n, k in enumerate(above):
        line = view.lines[k]
        if len(line) > 200:
            return
        if _CRUMB_ROOT_RE.match(line):
            if n >= 1:
                for x in above[: n + 1]:
                    yield Hit(x, x, "breadcrumbs and topic title, one text node a line")
            return


#: The suggested topics' heading under the navigator (table ``related_headings``).
_SUGGESTED_RE = line_re(rf"(?:#+[ \t]*)?(?:{phrase_alt('related_headings')})", flags=regex.IGNORECASE)


@rule("NBB006", "post-navigator", tags=["navigation"], scope="document")
def post_navigator(view: TextView) -> Iterator[Hit]:
    """With NodeBB sniffed: the post navigator's position under the posts, ``1 out of 3`` (``1 von 3``, ``1 sur
    3`` …, table ``nodebb_out_of``), a line of its own right under the last post's footer or vote count, or
    right over the suggested topics' heading or last in the text.

    Example (removed)::

        1 out of 3
    """
    if not _is_nodebb(view):
        return
    for i, _m in whole_line_hits(view, _OUT_OF_RE):
        # under the last post's footer: chrome or its vote count above, never a post's own line
        k = i - 1
        while k >= 0 and not view.lines[k].strip() and not view.claimed[k]:
            k -= 1
        if k < 0 or view.claimed[k] or BARE_INT_RE.match(view.lines[k]) or _FOOTER_RE.match(view.lines[k]):
            yield Hit(i, i, "post navigator")
            continue
        # or over the suggested topics' heading, or last in the text (the converter dropped the post footers)
        nxt = view.first_live(i + 1)
        if not nxt or _SUGGESTED_RE.match(view.lines[nxt[0]]):
            yield Hit(i, i, "post navigator")


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from a NodeBB page."""
    head = text[:200_000]
    score = 0.0
    # count_matches(_STATUS_LINE_RE, head) >= 2, the line scan first: it costs less than the literal guard
    if count_lines(_SNIFF_STATUS_RE, head) >= 2 and could_match(_STATUS_LINE_RE, head):
        score += 0.3
    if any_literal(head, _SNIFF_FOOTER_WORDS) and _SNIFF_FOOTER.search(head):
        score += 0.3
    if any_literal(head, _SNIFF_SAID_IN) and (_SAID_IN_RE.search(head) or _SAID_IN_GLUED_RE.search(head)):
        score += 0.2
    if "NodeBB" in head:
        score += 0.3
    if any_literal(head, _SNIFF_SORT):
        score += 0.2
    if "#" in head and _SNIFF_WROTE_RE.search(head):
        score += 0.2
    # the post navigator over the suggested topics' heading, or the text's last line
    last = text[-80:].rstrip().rpartition("\n")[2]
    if (len(last) <= 30 and _OUT_OF_RE.match(last)) or (
        any_literal(head, _SNIFF_SUGGESTED) and _SNIFF_NAVIGATOR_RE.search(head)
    ):
        score += 0.3
    return min(1.0, score)


#: ``_STATUS_LINE_RE`` with its multiline flag given as a flag, so that it gets the newline-to-newline scan, and
#: its status phrases factored (a whole-line pattern: the same lines match).
_SNIFF_STATUS_RE = lazy(
    factored_source(_STATUS_LINE_RE.pattern.removeprefix("(?m)")), _STATUS_LINE_RE.flags
)
_SNIFF_FOOTER = LineScan(_FOOTER_RE)
_SNIFF_WROTE_RE = lazy(
    rf"^[ \t]*+(?:{phrase_alt('nodebb_wrote')})(?:[ \t][^\n]{{0,60}})?\n(?:[ \t]*\n)*[ \t]*#\d+[ \t]*$",
    regex.MULTILINE | regex.IGNORECASE,
)
#: The post navigator right over the suggested topics' heading (``1 out of 3`` / ``Suggested Topics``).
_SNIFF_NAVIGATOR_RE = lazy(
    rf"^[ \t]*+\d{{1,6}}[ \t]+(?:{phrase_alt('nodebb_out_of')})[ \t]+\d{{1,6}}[ \t]*\n(?:[ \t]*\n){{0,2}}"
    rf"[ \t]*+(?:#+[ \t]*)?(?:{phrase_alt('related_headings')})[ \t]*$",
    regex.MULTILINE,
)
_SNIFF_SUGGESTED = tuple(phrase_list("related_headings"))
#: Literal guards of the sniffer's tests, in every language: the footer's ``Last reply`` and ``Reply Quote`` (as
#: written, any case), `` said in ``, and the sort menu's entries.
_SNIFF_FOOTER_WORDS = tuple(
    dict.fromkeys(
        (
            *(p[1:] for p in phrase_list("nodebb_last_reply")),
            # two buttons side by side, each language's reply and quote (``Reply Quote``, ``Antworten Zitieren``):
            # a single button word is in most forum texts and would open the footer scan on all of them
            *(
                f"{a[1:]} {b}"
                for items in PHRASES["buttons"].values()
                for a, b in ((items[0], items[1]), (items[1], items[0]))
            ),
        )
    )
)
_SNIFF_SAID_IN = tuple(f" {p} " for p in phrase_list("nodebb_said_in"))
#: (each language's first three ``nodebb_topic_chrome`` phrases are the sort menu's entries)
_SNIFF_SORT = tuple(dict.fromkeys(p for items in PHRASES["nodebb_topic_chrome"].values() for p in items[:3]))


_GLUED_AVATAR_RE = lazy(
    r"^[ \t]*+(?:•[ \t]*)?(?P<name>[^\W\d_][\w.-]{0,30}(?:[ \t][\w.-]{1,30}){0,2}?[\p{Ll}\d])(?P<letter>\p{Lu})[ \t]*$",
    regex.MULTILINE,
)
_AVATAR_LETTER_RE = lazy(r"^[ \t]*+•[ \t]*\p{Lu}[ \t]*$", regex.MULTILINE)


@rule("NBB005", "glued-avatar-name", tags=["author-block"], stage="split", scope="document")
def glued_avatar_name(view: TextView) -> Iterator[Hit]:
    """A poster name glued to its avatar letter (``julianJ``), or the avatar letter alone (``• K``).

    NodeBB draws the avatar as a letter in a coloured circle right after the name link; Resiliparse joins the
    two with no space. The name (without the letter) moves to ``post.author`` and the line opens a post. The
    letter must repeat the name's first letter, except in text sniffed as NodeBB (the avatar may follow the
    user name while the display name differs); a lone bulleted letter counts only there.

    Example (removed)::

        • julianJ
    """
    for i, m in iter_line_matches(view, _GLUED_AVATAR_RE):
        name = m.group("name")
        if m.group("letter") == name[0].upper() or view.engine == "nodebb":
            yield Hit(i, i, "poster name with avatar letter", {"author.name": name}, moved_to="author")
    if view.engine == "nodebb":
        for i, _m in iter_line_matches(view, _AVATAR_LETTER_RE):
            yield Hit(i, i, "avatar letter")


PACK = RulePack(
    name="nodebb",
    prefix="NBB",
    rules=(post_header, quote_header, post_footer, topic_chrome, glued_avatar_name, post_navigator),
    sniff=sniff,
    description="NodeBB pages flattened to text",
)
