"""Discuz! X (X2.5 – X3.5), text form: poster columns (name, ``主题`` / ``帖子`` / ``积分`` counts, user group), post
heads (``楼主`` / ``沙发`` / ``5#`` and ``发表于 2024-3-5 14:22 | 只看该作者``), quote headers, edit notes, the button
row under each post and the page's chrome.

Every word comes from the data tables (``discuz_*`` concepts of :mod:`postclean.phrases`, the stat labels of
:mod:`postclean.labels`, the relative dates of :mod:`postclean.dates`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from .._lazy import lazy
from ..dates import AGO_SUFFIX, AGO_UNITS, JUST_NOW, RELATIVE_DAYS
from ..labels import STAT_LABELS
from ..model import Quote
from ..phrases import PHRASES, alternation, phrases
from ..rules import Hit, RulePack, rule
from ..text import TextView, any_literal
from ._classic import classic_poster_facts, date_facts, weighted_sniff
from .page import free_spans

__all__ = ["PACK"]

_F = regex.MULTILINE | regex.VERSION1
_FI = _F | regex.IGNORECASE


def _words(*tables: dict[str, tuple[str, ...]]) -> str:
    items = sorted({w for t in tables for ws in t.values() for w in ws}, key=len, reverse=True)
    return "|".join(regex.escape(w) for w in items)


_REL_DAYS = "|".join(regex.escape(w) for t in RELATIVE_DAYS.values() for w in t)
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
#: A post date as Discuz! prints it: ``2024-3-5 14:22``, ``2024年3月5日 14:22``, ``前天 08:12``, ``3 天前``, ``刚刚``.
DZ_DATE = (
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:[ \t]+{_TIME})?"
    rf"|\d{{4}}年\d{{1,2}}月\d{{1,2}}日(?:[ \t]*+{_TIME})?"
    rf"|(?:{_REL_DAYS})[ \t]*+{_TIME}"
    rf"|\d{{1,3}}[ \t]*+(?:{_words(AGO_UNITS)})[ \t]*+(?:{_words(AGO_SUFFIX)})"
    rf"|{_words(JUST_NOW)})"
)

_POSTED = alternation("quote_posted_at")
_POSTED_WORDS = tuple(phrases("quote_posted_at"))
_FLOORS = alternation("discuz_floors")
_LINKS = alternation("discuz_post_links")
_FLOOR = rf"(?:{_FLOORS}|\d{{1,7}}[ \t]*\^?\#)"

#: After ``发表于``: the date, then the post's links (``| 只看该作者 | 倒序浏览 | 阅读模式``), then whatever follows.
_AFTER_RE = lazy(
    rf"(?<![ \t])[ \t]*+(?P<date>{DZ_DATE})_?(?P<links>(?:[ \t|]*+(?:{_LINKS}))*+)[ \t|]*+",
    _FI,
)
#: What may stand before ``发表于`` on a post head: the floor, an image marker, table bars, bold marks.
_PRE_RE = lazy(
    rf"^(?:[ \t|*_]|\[[^\]\n]{{0,60}}\]|!\[[^\]\n]{{0,60}}\](?:\([^)\n]{{0,200}}\))?|(?P<floor>{_FLOOR}))*+$",
    _FI,
)
_POSTED_RE = lazy(_POSTED, regex.IGNORECASE)
_WIDE_GAP_RE = lazy(r"(?<=\S)[ \t]{3,}+")
_LINK_LINE_RE = lazy(rf"^[ \t|]*+(?:(?:{_LINKS})[ \t|]*+)*+$", _FI)
_FLOOR_LINE_RE = lazy(rf"^[ \t|*_]*+(?P<floor>{_FLOOR})[ \t*_]*+$", _FI)

# -- the poster column ----------------------------------------------------------------------------------------

_STAT_FIELD: dict[str, str] = {}
for _field, _langs in STAT_LABELS.items():
    for _w in _langs.get("zh", ()):
        _STAT_FIELD[_w] = _field
_LABEL = "|".join(regex.escape(w) for w in sorted(_STAT_FIELD, key=len, reverse=True))
_NUM = r"-?\d[\d,.]*"
#: ``12`` / ``12 187 640`` / ``主题`` / ``主题 帖子 积分`` / ``积分640`` / ``12主题| 187帖子| 640积分`` / ``[avatar]``.
_NUMS_RE = lazy(rf"^[ \t|]*+{_NUM}(?:[ \t|]++{_NUM})*+[ \t|]*+$")
_LABELS_RE = lazy(rf"^[ \t|]*+(?:{_LABEL})(?:[ \t|]++(?:{_LABEL}))*+[ \t|]*+$")
_PAIR_RE = lazy(rf"(?P<l>{_LABEL})[ \t:：|]*+(?P<v>{_NUM}|\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:[ \t]+{_TIME})?)")
_RPAIR_RE = lazy(rf"(?P<v>{_NUM})[ \t]*+(?P<l>{_LABEL})")
_PAIRS_LINE_RE = lazy(
    rf"^[ \t|]*+(?:(?:{_LABEL})[ \t:：|]*+(?:{_NUM}|\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:[ \t]+{_TIME})?)[ \t|]*+)++$"
    rf"|^[ \t|]*+(?:{_NUM}[ \t]*+(?:{_LABEL})[ \t|]*+)++$"
)
_AVATAR_RE = lazy(r"^[ \t]*+(?:\[[^\]\n]{1,80}\]|!\[[^\]\n]{0,60}\])[ \t]*+$")
_GROUPS = tuple(phrases("discuz_user_groups"))
_NAME_BAD = frozenset("，。！？；：,.!?;:[]()<>{}=/\\")


def _stat_line(s: str) -> bool:
    return bool(_NUMS_RE.match(s) or _LABELS_RE.match(s) or _PAIRS_LINE_RE.match(s) or _AVATAR_RE.match(s))


def _name_like(s: str) -> bool:
    s = s.strip(" \t|*_")
    return 1 <= len(s) <= 30 and not any(c in _NAME_BAD for c in s) and not s.isdigit()


_RANK_TAIL_RE = lazy(r"^(?P<pairs>[^\n]*?\d[^\d\n]{1,8}?)[ \t]++(?P<rank>[^\d\s|][^\n|]{0,19})$")


def _column_line(s: str) -> tuple[str, list[tuple[str, str | None]], str | None] | None:
    """The poster column on one line, its cells between bars (html2text): ``青柠小院 | 12主题| 187帖子| 640积分
    中级会员`` -> (name, stat pairs, rank); None for another line."""
    if "|" not in s:
        return None
    cells = [c.strip(" \t*_") for c in s.split("|")]
    cells = [c for c in cells if c]
    if len(cells) < 2 or not _name_like(cells[0]) or _PAIRS_LINE_RE.match(cells[0]):
        return None
    rank: str | None = None
    pairs: list[tuple[str, str | None]] = []
    for n, cell in enumerate(cells[1:], 1):
        if _AVATAR_RE.match(cell):
            continue
        if not _PAIRS_LINE_RE.match(cell):
            m = _RANK_TAIL_RE.match(cell) if n == len(cells) - 1 else None
            if m is None or not _PAIRS_LINE_RE.match(m.group("pairs")):
                return None
            cell, rank = m.group("pairs"), m.group("rank").strip()
        pairs.extend(_read_stats([cell]))
    return (cells[0], pairs, rank) if pairs else None


def _read_stats(lines: list[str]) -> list[tuple[str, str | None]]:
    """(label, value) pairs from the poster column's lines: glued pairs, or a row of numbers and a row of labels
    (in either order, or one a line)."""
    pairs: list[tuple[str, str | None]] = []
    nums: list[str] = []
    labels: list[str] = []
    for s in lines:
        if _PAIRS_LINE_RE.match(s):
            for m in (_PAIR_RE if _PAIR_RE.match(s.strip(" \t|")) else _RPAIR_RE).finditer(s):
                pairs.append((m.group("l"), m.group("v")))
        elif _NUMS_RE.match(s):
            nums.extend(regex.findall(_NUM, s))
        elif _LABELS_RE.match(s):
            labels.extend(w for w in regex.split(r"[ \t|]+", s.strip(" \t|")) if w)
    if labels and len(nums) >= len(labels):
        pairs = list(zip(labels, nums[: len(labels)], strict=True)) + pairs
    return pairs


def _floor_number(floor: str | None) -> int | None:
    if not floor:
        return None
    digits = "".join(c for c in floor if c.isdigit())
    if digits:
        return int(digits)
    word = floor.strip()
    for words in PHRASES["discuz_floors"].values():
        if word in words:
            return words.index(word) % 4 + 1
    return None


class _Head:
    """A post head: ``line`` holds ``发表于``, ``last`` is its last line (the date and the post's links may stand
    one a line under it), ``end`` the column where the head ends on ``last``."""

    __slots__ = ("beside", "end", "facts", "last", "line", "x")

    def __init__(self, line: int, last: int, end: int, facts: dict[str, Any]) -> None:
        self.x = 0  # the column where the head starts (far from 0: a two-column layout)
        self.beside: tuple[str, ...] = ()  # the poster column's cell on the head's line, left of it
        self.line = line
        self.last = last
        self.end = end
        self.facts = facts


def _column_start(view: TextView, i: int, indent: int) -> int:
    """``indent`` when the head on line ``i``, indented that far, stands in the right column of a two-column
    layout (the line above holds a left cell, then a wide gap up to about that column); else 0 (an indented
    head alone: an image marker blanked, a list's indent)."""
    if indent < _TWO_COLUMNS:
        return 0
    above = view.first_live(max(0, i - 3), 3)
    for k in reversed([k for k in above if k < i]):
        body = view.lines[k].rstrip()
        lead = len(body) - len(body.lstrip())
        if lead < indent - 4 and any(g.end() >= indent - 8 for g in _WIDE_GAP_RE.finditer(body, lead)):
            return indent
        break
    return 0


def _heads(view: TextView) -> list[_Head]:
    """Post heads: lines with ``发表于 {date}`` led by nothing but the floor and markers, or, in two-column
    layouts, by the poster column's cells (cut off by a wide gap); the date may stand on the next line and the
    post's links one a line under it (one text node a line)."""
    cached = view.context.get("dz_heads")
    if cached is not None and cached[0] is view.lines:
        return list(cached[1])
    out: list[_Head] = []
    for i, line in enumerate(view.lines):
        if not line or not view.is_live(i) or not any_literal(line, _POSTED_WORDS):
            continue
        m = _POSTED_RE.search(line)
        if m is None:
            continue
        pre = line[: m.start()]
        cell = _WIDE_GAP_RE.split(pre)[-1]  # (two columns: the poster column's cells before a wide gap)
        pm = _PRE_RE.match(cell)
        column: dict[str, Any] = {}
        if pm is None and "|" in pre:
            # the poster column's cells, then the head, on one line (html2text)
            bar = pre.find("|")
            while bar >= 0 and pm is None:
                col = _column_line(pre[:bar])
                if col is not None:
                    pm = _PRE_RE.match(pre[bar + 1 :])
                    if pm is not None:
                        column = classic_poster_facts(col[0], [col[2]] if col[2] else [], col[1])
                bar = pre.find("|", bar + 1)
        if pm is None:
            continue
        last = i
        after = _AFTER_RE.match(line, m.end())
        if after is None and not line[m.end() :].strip(" \t_"):
            # one text node a line (bs4, selectolax): ``发表于`` / ``2023-6-18 21:07`` / ``|`` / ``只看该作者``
            nxt = view.first_live(i + 1, 1)
            if nxt and nxt[0] - i <= 2:
                last = nxt[0]
                after = _AFTER_RE.match(view.lines[last])
                if after is not None and view.lines[last][after.end() :].strip():
                    after = None  # (a date that opens a sentence)
        if after is None:
            continue
        end = after.end()
        if not view.lines[last][end:].strip(" \t|*_"):
            # the post's links one a line under the date (``|`` / ``只看该作者``)
            for k in view.live_indices(last + 1, min(len(view), last + 12)):
                if not _LINK_LINE_RE.match(view.lines[k]):
                    break
                last, end = k, len(view.lines[k])
        facts = {**column, **date_facts(after.group("date"))}
        if pm.group("floor"):
            facts["post.number"] = _floor_number(pm.group("floor"))
        head = _Head(i, last, end, facts)
        left = pre[: len(pre) - len(cell)]
        head.x = len(left) if left.strip() else _column_start(view, i, len(pre) - len(pre.lstrip()))
        if head.x >= _TWO_COLUMNS and left.strip() and _stat_line(left.strip()):
            head.beside = (left.strip(),)
        out.append(head)
    view.context["dz_heads"] = (view.lines, tuple(out))
    return out


#: A left cell this far (or farther) from the line's start is a two-column layout's (w3m, inscriptis).
_TWO_COLUMNS = 12


def _cells(line: str, x: int) -> tuple[str, str, int]:
    """(left cell, right cell, column where the right one starts) of a line in a two-column layout whose right
    column starts near ``x``; with ``x`` small (one column) the whole line is the left cell."""
    if x < _TWO_COLUMNS:
        return line.strip(), "", len(line)
    body = line.rstrip()
    indent = len(body) - len(body.lstrip())
    if indent >= x - 4:
        return "", body.strip(), indent
    gap = next((g for g in _WIDE_GAP_RE.finditer(body, indent) if g.end() >= x - 8), None)
    if gap is None:
        return body.strip(), "", len(line)
    return body[: gap.start()].strip(), body[gap.end() :].strip(), gap.end()


def _block(view: TextView, head: _Head) -> tuple[int, dict[str, Any]]:
    """The first line of the poster column above ``head`` and its facts (in a two-column layout, the column's
    cells beside and under the head too)."""
    facts: dict[str, Any] = {}
    x = head.x
    start = head.line

    def up(k: int) -> int:
        while k >= 0 and not view.lines[k].strip():
            if not view.is_live(k) and view.claimed[k]:
                return -1
            k -= 1
        return k

    def cell(k: int) -> str | None:
        left, right, _at = _cells(view.lines[k], x)
        if right and not _FLOOR_LINE_RE.match(right) and not _AVATAR_RE.match(right):
            return None  # (the message column holds text here: a post's)
        if right and (fm := _FLOOR_LINE_RE.match(right)):
            n = _floor_number(fm.group("floor"))
            if n is not None:
                head.facts.setdefault("post.number", n)
        return left

    k = up(head.line - 1)
    if "author.name" in head.facts:
        return start, facts  # (the column stood on the head's line)
    if k >= 1 and view.lines[k].strip(" \t^") == "#" and _NUMS_RE.match(view.lines[up(k - 1)] if up(k - 1) >= 0 else ""):
        # the floor ``5#`` one text node a line: ``5`` / ``#``
        j = up(k - 1)
        head.facts.setdefault("post.number", int(view.lines[j].strip()))
        start = j
        k = up(j - 1)
    elif k >= 0 and x < _TWO_COLUMNS and (fm := _FLOOR_LINE_RE.match(view.lines[k])):
        n = _floor_number(fm.group("floor"))
        if n is not None:
            head.facts.setdefault("post.number", n)
        start = k
        k = up(k - 1)
    stat_lines: list[str] = list(head.beside)
    ranks: list[str] = []
    top_stat: int | None = head.line if head.beside else None
    pending_rank: tuple[int, str] | None = None
    steps = 0
    while k >= 0 and steps < 24:
        steps += 1
        got = cell(k)
        if got is None:
            break
        s = got
        col = _column_line(s)
        if col is not None:
            stat_lines.append("")
            facts.update(classic_poster_facts(col[0], ([col[2]] if col[2] else []) + ranks[::-1], col[1]))
            for label, value in _read_stats(stat_lines[::-1]):
                facts.update({key: v for key, v in classic_poster_facts(None, [], [(label, value)]).items()
                              if key not in facts})
            return k, facts
        if not s:
            start = min(start, k)  # (a floor alone in the message column)
        elif _stat_line(s):
            stat_lines.append(s)
            if pending_rank is not None:
                ranks.append(pending_rank[1])
                pending_rank = None
            top_stat = k
        elif s in _GROUPS or (pending_rank is None and top_stat is None and _name_like(s) and len(s) <= 12
                             and not _FLOOR_LINE_RE.match(s)):
            if s in _GROUPS:
                ranks.append(s)
                top_stat = k if top_stat is None else min(top_stat, k)
            else:
                pending_rank = (k, s)
        elif pending_rank is None and _name_like(s) and len(s) <= 30:
            pending_rank = (k, s)  # the name above the counts
            break
        else:
            break
        k = up(k - 1)
    below, more_ranks = _below_stats(view, head)
    stat_lines = stat_lines[::-1] + below
    if top_stat is None:
        return start, facts  # (no counts: a short line above the head may be the last line of a post)
    name_line: int | None = None
    name = ""
    if pending_rank is not None and pending_rank[0] < top_stat:
        name_line, name = pending_rank
    elif pending_rank is not None:
        ranks.append(pending_rank[1])
    facts.update(classic_poster_facts(name.strip(" \t|*_") if name else None, ranks[::-1] + more_ranks, _read_stats(stat_lines)))
    return (name_line if name_line is not None else top_stat), facts


def _below(view: TextView, head: _Head) -> list[tuple[int, str, int]]:
    """In a two-column layout, the poster column's cells under the head, beside the message: (line, cell,
    column where the message's text starts, or the line's length)."""
    x = head.x
    out: list[tuple[int, str, int]] = []
    if x < _TWO_COLUMNS:
        return out
    last_kept = head.last
    after_stat = True
    rank = False
    for k in range(head.last + 1, min(len(view), head.last + 16)):
        if not view.is_live(k):
            if view.claimed[k]:
                break
            continue
        left, right, at = _cells(view.lines[k], x)
        if not left:
            continue
        if _stat_line(left) and _column_line(left) is None:
            after_stat = True
        elif not rank and (left in _GROUPS or (after_stat and k - last_kept <= 3 and _name_like(left) and len(left) <= 12)):
            rank = True
            after_stat = False
        else:
            break
        last_kept = k
        out.append((k, left, at if right else len(view.lines[k])))
    return out


def _below_stats(view: TextView, head: _Head) -> tuple[list[str], list[str]]:
    stats: list[str] = []
    ranks: list[str] = []
    for _k, left, _at in _below(view, head):
        (stats if _stat_line(left) else ranks).append(left)
    return stats, ranks


@rule("DZ001", "author-block", tags=["author-block", "post-meta"], stage="split", scope="document",
      trigger=_POSTED)
def author_block(view: TextView) -> Iterator[Hit]:
    """With Discuz! sniffed: the poster column (name, ``主题`` / ``帖子`` / ``积分`` counts, user group) and the
    post head under it (floor ``楼主`` / ``沙发`` / ``5#``, ``发表于 {date} | 只看该作者 | 倒序浏览``): opens each
    post; the name, stats, rank, date and floor number move to the post.

    Example (removed)::

        青柠小院
        12
        主题
        187
        帖子
        中级会员
        楼主
        发表于 2023-6-18 21:07 | 只看该作者 | 倒序浏览 | 阅读模式
    """
    if view.engine != "discuz":
        return
    for head in _heads(view):
        start, facts = _block(view, head)
        facts.update(head.facts)
        line = view.lines[head.last]
        rest = line[head.end :].strip(" \t|*_")
        if not rest:
            yield Hit(start, head.last, "poster column and post head", facts, moved_to="author")
        elif start < head.line:
            yield Hit(start, head.line - 1, "poster column", facts, moved_to="author")
        else:
            yield Hit(head.line, head.line, "post head", facts, cols=(0, head.end), moved_to="author")


@rule("DZ002", "post-head", tags=["post-meta"], scope="document", trigger=_POSTED)
def post_head(view: TextView) -> Iterator[Hit]:
    """With Discuz! sniffed: a post head that shares its line with the post's first words (html2text prints the
    head and the message cell on one line): the head is cut, the text stays; and in two-column layouts (w3m,
    inscriptis) the poster column's cells beside the message (``主题 帖子 积分``, the user group) under it.

    Example (removed)::

        | 楼主 发表于 2023-6-18 21:07 | 只看该作者 | 今年的番茄裂了
    """
    if view.engine != "discuz":
        return
    _signature_keys(view)  # (for DZ007, which reads one post at a time)
    for head in _heads(view):
        line = view.lines[head.line]
        if view.is_live(head.line) and line[head.end :].strip(" \t|*_"):
            yield Hit(head.line, head.line, "post head", cols=(0, head.end))
        for k, _left, at in _below(view, head):
            if at >= len(view.lines[k]):
                yield Hit(k, k, "poster column beside the message")
            else:
                yield Hit(k, k, "poster column beside the message", cols=(0, at))


_GLUED_QUOTE_RE = lazy(rf"^[ \t>]*+(?P<user>[^\n|]{{1,40}}?)[ \t]*+(?:{_POSTED})[ \t]*+(?P<date>{DZ_DATE})[ \t]*+$", _FI)


@rule("DZ003", "quote", tags=["quote"], stage="structure", trigger=_POSTED)
def quote(view: TextView) -> Iterator[Hit]:
    """With Discuz! sniffed: a quote's header ``{name} 发表于 {date}`` and the quoted lines under it, up to the
    first line that is not the start of an earlier post's text (or the first blank line), move to
    ``post.quotes``.

    Example (removed)::

        老周种菜 发表于 2023-6-18 21:40
        裂果多半是水分忽多忽少。
    """
    if view.engine != "discuz":
        return
    n = len(view)
    for i, line in enumerate(view.lines):
        if not line or not any_literal(line, _POSTED_WORDS):
            continue
        m = _GLUED_QUOTE_RE.match(line)
        if m is None or not view.is_live(i):
            continue
        user = _WIDE_GAP_RE.split(m.group("user"))[-1].strip(" \t>*_")  # (two columns: the message column's)
        if not _name_like(user):
            continue
        end = i
        body: list[str] = []
        k = i + 1
        while k < n and view.is_live(k) and view.lines[k].strip() and len(body) < 8:
            s = view.lines[k].strip(" \t>")
            if not view.original[k].lstrip().startswith(">") and body:
                break
            body.append(s)
            end = k
            k += 1
            if not view.original[k - 1].lstrip().startswith(">"):
                break  # one line of quoted text when the box is not marked (Discuz! cuts a quote to its start)
        yield Hit(i, end, "quote", {"quote": Quote(author=user, text="\n".join(body))}, moved_to="quotes")


_EDIT_RE = lazy(
    rf"^[ \t]*+(?P<note>(?:{alternation('discuz_edited_by')})[ \t]*+(?P<user>[^\n]{{1,40}}?)[ \t]*+"
    rf"(?:{alternation('discuz_edited_at')})[ \t]*+(?P<date>{DZ_DATE})[ \t]*+(?:{alternation('discuz_edited_tail')})?)"
    r"[ \t]*+$",
    _FI,
)


@rule("DZ004", "edit-note", tags=["edit-note"], trigger=alternation("discuz_edited_by"))
def edit_note(view: TextView) -> Iterator[Hit]:
    """``本帖最后由 {user} 于 {date} 编辑`` (any engine: the words are Discuz!'s own) to ``post.edit_note``.

    Example (removed)::

        本帖最后由 青柠小院 于 2023-6-19 10:02 编辑
    """
    for i, line in enumerate(view.lines):
        if line and view.is_live(i):
            m = _EDIT_RE.match(line)
            if m is not None:
                yield Hit(i, i, "edit note", {"post.edit_note": m.group("note").strip()}, moved_to="edit_note")


def _row(concept: str) -> str:
    return rf"(?:{alternation(concept)})"


_SEP = r"[ \t|/·]*+"
_BUTTONS_RE = lazy(rf"^{_SEP}(?:{_row('discuz_buttons')}{_SEP})++$", _FI)
_BUTTON_MARKS = tuple(phrases("discuz_button_marks"))
_PAGE_LINE_RE = lazy(rf"^[ \t|*_]*+(?:{_row('discuz_page_lines')}[ \t|*_]*+)++$", _FI)
_FOOTER_RE = lazy(rf"^[ \t]*+(?:{_row('discuz_footer_links')})(?:[ \t]*+\|[ \t]*+[^\n|]{{1,40}}){{1,8}}[ \t]*+$", _FI)
_LOGIN_RE = lazy(
    rf"^[ \t]*+(?:{_row('discuz_login_prompt')})?[ \t]*+(?:{_row('discuz_login_links')})"
    rf"(?:[ \t]*+\|?[ \t]*+(?:{_row('discuz_login_links')}))*+[ \t]*+$"
    rf"|^[ \t]*+(?:{_row('discuz_login_prompt')})[ \t]*+$",
    _FI,
)
_PAGER_RE = lazy(
    rf"^[ \t|*_]*+(?:(?:\d{{1,5}}|\.\.\.|…|\[[ \t]*\d{{0,5}}[ \t_]*\]|\d{{1,5}}_|/[ \t]*+\d{{1,5}}[ \t]*+"
    rf"{_row('discuz_page_unit')}|{_row('discuz_pager')}|{_row('discuz_page_lines')})[ \t|*_]*+)++$",
    _FI,
)
_PAGER_WORDS = tuple(phrases("discuz_pager")) + tuple(phrases("discuz_page_unit"))
_THREAD_STATS_RE = lazy(
    rf"^[ \t|]*+(?:{_row('discuz_views')})[ \t]*+[:：]?[ \t]*+\d[\d,]*+[ \t]*+\|?[ \t]*+"
    rf"(?:{_row('discuz_replies')})[ \t]*+[:：]?[ \t]*+\d[\d,]*+[ \t|]*+$",
    _FI,
)
_CREDIT_RE = lazy(
    rf"^[ \t]*+(?:(?:{alternation('powered_by')})[ \t]*+Discuz![^\n]{{0,40}}|(?:©|\(C\)|&copy;)[ \t]*+\d{{4}}(?:-\d{{4}})?"
    r"[ \t]*+Comsenz[^\n]{0,40}|GMT[+-]\d{1,2}[^\n]{0,120})$",
    _FI,
)
_CRUMB_RE = lazy(r"^[ \t]*+[^\n›»]{1,40}(?:[ \t]*+[›»][ \t]*+[^\n›»]{1,60}){2,12}[ \t]*+$")


@rule("DZ005", "page-chrome", tags=["navigation", "notice", "buttons"], scope="document")
def page_chrome(view: TextView) -> Iterator[Hit]:
    """With Discuz! sniffed: the button row under each post (``回复`` / ``使用道具 举报``), the pager (``1 2 / 2 页
    下一页``, ``返回列表 发新帖``), the thread's counts (``查看: 2318 | 回复: 14``), the breadcrumb trail (``首页 ›
    论坛 › …``), the reply prompt (``您需要登录后才可以回帖 登录 | 立即注册``), the footer (``Archiver|手机版|小黑屋``,
    ``Powered by Discuz! X3.4``, ``© 2001-2024 Comsenz Inc.``) and the page's other lines of links.

    Example (removed)::

        回复
        使用道具 举报
    """
    if view.engine != "discuz":
        return
    taken: set[int] = set()
    for hit in _pieces(view):
        taken.update(range(hit.start, hit.end + 1))
        yield hit
    for i, line in enumerate(view.lines):
        if not line or not view.is_live(i) or len(line) > 300 or i in taken:
            continue
        s = line.strip()
        if not s:
            continue
        if _BUTTONS_RE.match(s):
            # a lone ``回复`` line counts when a row of Discuz!'s own buttons is near it
            if any_literal(s, _BUTTON_MARKS) or any(
                any_literal(view.original[k], _BUTTON_MARKS) and _BUTTONS_RE.match(view.original[k].strip())
                for k in range(i + 1, min(len(view), i + 4))
            ):
                yield Hit(i, i, "post buttons")
            continue
        if (
            _PAGE_LINE_RE.match(s)
            or _FOOTER_RE.match(s)
            or _LOGIN_RE.match(s)
            or (any_literal(s, _PAGER_WORDS) and _PAGER_RE.match(s))
            or _THREAD_STATS_RE.match(s)
            or _CREDIT_RE.match(s)
            or (("›" in s or "»" in s) and _CRUMB_RE.match(s))
        ):
            yield Hit(i, i, "page chrome")


#: The footer one text node a line (bs4, selectolax): ``Archiver`` / ``|`` / ``手机版`` / … / ``Powered by`` /
#: ``Discuz!`` / ``X3.4`` / ``© 2001-2023`` / ``Comsenz Inc.``; the pager and reply prompt above it likewise.
_PIECE_RE = lazy(
    rf"^[ \t|]*+(?:(?:{_row('discuz_footer_links')}|{_row('discuz_login_links')}|{_row('discuz_login_prompt')}|"
    rf"{_row('discuz_pager')}|{_row('discuz_page_lines')}|{alternation('powered_by')}|Discuz!|X?\d\.\d{{1,2}}|"
    r"(?:©|\(C\))[ \t]*+\d{4}(?:-\d{4})?|Comsenz Inc\.?|\d{1,5})[ \t|]*+)?$",
    _FI,
)
_PIECE_MARKS = ("Discuz!", "Comsenz", *phrases("discuz_footer_links"))


def _pieces(view: TextView) -> Iterator[Hit]:
    """Runs of footer pieces one a line holding the footer's own words, a short line (the site's name) after a
    bar allowed."""
    n = len(view)
    i = 0
    while i < n:
        if not view.lines[i].strip() or not _PIECE_RE.match(view.lines[i]):
            i += 1
            continue
        j = i
        end = i
        marks = 0
        while j < n:
            s = view.lines[j].strip()
            if not s and view.is_live(j):
                j += 1
                continue
            if not view.is_live(j) and view.claimed[j]:
                j += 1
                continue
            if _PIECE_RE.match(s):
                marks += any_literal(s, _PIECE_MARKS)
                end = j
            elif view.lines[end].strip() == "|" and _name_like(s) and len(s) <= 20:
                end = j  # the site's name among the footer links
            else:
                break
            j += 1
        if marks and end > i:
            yield from free_spans(view, i, end, "page footer, one piece a line")
        i = max(j, i + 1)


_RATING_HEAD_RE = lazy(rf"^[ \t|]*+(?:{alternation('discuz_rating_head')})[ \t]*+\d{{1,6}}[^\n]{{0,80}}$", _FI)
_RATING_ROW_RE = lazy(
    rf"^[ \t|]*+(?:[^\n]{{0,40}}[ \t|]++)?[+-][ \t]?\d{{1,6}}(?:[ \t|]++[^\n]{{0,80}})?$|^[ \t|]*+(?:{_row('discuz_rating_words')}"
    rf"[ \t|]*+)++$",
    _FI,
)


@rule("DZ006", "rating", tags=["reactions"], trigger=alternation("discuz_rating_head"))
def rating(view: TextView) -> Iterator[Hit]:
    """The rating table under a post: ``参与人数 3 积分 +6 收起 理由``, a row per rater (``老周种菜 + 2 很有用``),
    ``查看全部评分``.

    Example (removed)::

        参与人数 1 积分 +2 收起 理由
        老周种菜 + 2 很有用
        查看全部评分
    """
    n = len(view)
    for i, line in enumerate(view.lines):
        if not line or not view.is_live(i) or not _RATING_HEAD_RE.match(line):
            continue
        end = i
        k = i + 1
        while k < n and k - end <= 2:
            s = view.lines[k].strip()
            if not s:
                k += 1
                continue
            if _RATING_ROW_RE.match(s):
                end = k
                k += 1
                continue
            break
        yield Hit(i, end, "rating table", moved_to="reactions")


def _signature_keys(view: TextView) -> frozenset[str]:
    """The lines that close two posts or more (the last line before a button row or a post head; in two columns
    the message column's cell), read once for the document and kept for DZ007, which reads posts."""
    found = view.context.get("dz_signatures")
    if found is not None:
        return frozenset(found)
    ends: dict[str, int] = {}
    stops = {h.line for h in _heads(view)}
    last: int | None = None
    for i in range(len(view)):
        shown = view.original[i].strip()
        if i in stops or (shown != "" and _BUTTONS_RE.match(shown) is not None):
            key = _WIDE_GAP_RE.split(view.lines[last].strip())[-1] if last is not None else ""
            if 2 <= len(key) <= 60:
                ends[key] = ends.get(key, 0) + 1
            last = None
        elif view.lines[i].strip() and view.is_live(i):
            last = i
    keys = frozenset(k for k, n in ends.items() if n >= 2)
    view.context["dz_signatures"] = keys
    return keys


@rule("DZ007", "signature", tags=["signature"], stage="structure", trigger=_POSTED)
def signature(view: TextView) -> Iterator[Hit]:
    """With Discuz! sniffed: the signature, the post's last line (above the button row) when it closes another
    post too (Discuz! prints it between the message and the button row); in two columns the message column's
    cell of that line.

    Example (removed)::

        小院不大，四季有花
    """
    keys = view.context.get("dz_signatures")
    if view.engine != "discuz" or not keys:
        return
    for i in range(len(view) - 1, -1, -1):
        shown = view.original[i].strip()
        if not view.lines[i].strip() or not view.is_live(i) or _BUTTONS_RE.match(shown):
            continue
        line = view.lines[i].rstrip()
        key = _WIDE_GAP_RE.split(line.strip())[-1]
        if key in keys:
            cols = (len(line) - len(key), len(line)) if line.strip() != key else None
            yield Hit(i, i, "signature", {"post.signature": key}, cols=cols, moved_to="signature")
        return


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from a Discuz! page: a cheap literal test first (the post head's
    ``发表于`` or the credit), then two distinct signals for 0.5."""
    head = text[:300_000]
    if "发表于" not in head and "發表於" not in head and "Discuz!" not in head:
        return 0.0
    return weighted_sniff(head, _SNIFF)


_SNIFF = (
    (lazy(r"Powered by[ \t*_\[]*+Discuz!"), 0.6),
    (lazy(rf"(?:{alternation('discuz_post_links', ('zh',))})"), 0.35),
    (lazy(rf"(?:{_POSTED})[ \t]*+{DZ_DATE}", regex.IGNORECASE), 0.2),
    (lazy(rf"^[ \t|*_]*+(?:{alternation('discuz_floors')})[ \t*_]*+$", _F), 0.25),
    (lazy(r"使用道具"), 0.3),
    (lazy(rf"(?:{alternation('discuz_edited_by', ('zh',))})[^\n]{{1,40}}(?:{alternation('discuz_edited_tail', ('zh',))})"),
     0.3),
    (lazy(r"Comsenz"), 0.3),
    (lazy(rf"^[ \t]*+(?:{alternation('discuz_page_lines', ('zh',))})[ \t]*+$", _F), 0.15),
)


PACK = RulePack(
    name="discuz",
    prefix="DZ",
    rules=(author_block, post_head, quote, edit_note, page_chrome, rating, signature),
    sniff=sniff,
    description="Discuz! X pages flattened to text",
)
