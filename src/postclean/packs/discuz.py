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
_DATE_RE = lazy(DZ_DATE)

_POSTED = alternation("quote_posted_at")
_POSTED_WORDS = tuple(phrases("quote_posted_at"))
_FLOORS = alternation("discuz_floors")
_LINKS = alternation("discuz_post_links")
_FLOOR = rf"(?:{_FLOORS}|\d{{1,7}}[ \t]*\^?\#)"

#: After ``发表于``: the date, then the post's links (``| 只看该作者 | 倒序浏览 | 阅读模式``), then whatever follows.
_AFTER_RE = lazy(
    rf"[ \t]*+(?P<date>{DZ_DATE})_?(?P<links>(?:[ \t|]*+(?:{_LINKS}))*+)[ \t|]*+",
    _FI,
)
#: What may stand before ``发表于`` on a post head: the floor, an image marker, table bars, bold marks.
_PRE_RE = lazy(
    rf"^(?:[ \t|*_]|\[[^\]\n]{{0,60}}\]|!\[[^\]\n]{{0,60}}\](?:\([^)\n]{{0,200}}\))?|(?P<floor>{_FLOOR}))*+$",
    _FI,
)
_LONE_DATE_RE = lazy(rf"^[ \t_]*+(?P<date>{DZ_DATE})[ \t_]*+$", _FI)
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
    __slots__ = ("end", "facts", "floor_line", "last", "line", "links", "start")

    def __init__(self, line: int, facts: dict[str, Any], links: bool, end: int) -> None:
        self.line = line
        self.facts = facts
        self.links = links
        self.start = line
        self.end = end
        self.floor_line: int | None = None
        self.last = line


def _heads(view: TextView) -> list[_Head]:
    """Post heads: lines with ``发表于 {date}`` led by nothing but the floor and markers, or, in two-column
    layouts, by the poster column's cells (cut off by a wide gap)."""
    cached = view.context.get("dz_heads")
    if cached is not None and cached[0] is view.lines:
        return list(cached[1])
    out: list[_Head] = []
    for i, line in enumerate(view.lines):
        if not line or not view.is_live(i) or not any_literal(line, _POSTED_WORDS):
            continue
        m = regex.search(_POSTED, line, regex.IGNORECASE)
        if m is None:
            continue
        after = _AFTER_RE.match(line, m.end())
        last = i
        if after is None and not line[m.end() :].strip(" \t_"):
            # one text node a line (bs4, selectolax): ``发表于`` / ``2023-6-18 21:07`` / ``|`` / ``只看该作者``
            nxt = view.first_live(i + 1, 1)
            if nxt and nxt[0] - i <= 2 and _LONE_DATE_RE.match(view.lines[nxt[0]]):
                last = nxt[0]
                after = _AFTER_RE.match(view.lines[last])
        if after is None:
            continue
        if not view.lines[last][after.end() if last == i else len(view.lines[last]) :].strip(" \t|*_"):
            # the post's links one a line under the date (``|`` / ``只看该作者``)
            for k in view.live_indices(last + 1, min(len(view), last + 12)):
                if not _LINK_LINE_RE.match(view.lines[k]):
                    break
                last = k
        pre = line[: m.start()]
        cell = regex.split(r"[ \t]{3,}", pre)[-1] if regex.search(r"\S[ \t]{3,}", pre) else pre
        pm = _PRE_RE.match(cell)
        links = bool(after.group("links").strip(" \t|"))
        if pm is None:
            continue
        facts = date_facts(after.group("date"))
        floor = pm.group("floor")
        if last != i and _LONE_DATE_RE.match(view.lines[i + 1 if view.lines[i + 1].strip() else i + 2]):
            facts = date_facts(_LONE_DATE_RE.match(view.lines[i + 1 if view.lines[i + 1].strip() else i + 2]).group("date"))  # type: ignore[union-attr]
        head_ = _Head(i, facts, links or last != i, after.end() if last == i else len(view.lines[last]))
        head_.end = after.end() if last == i else len(view.lines[last])
        head_.last = last
        out.append(head_)
        if floor:
            facts["post.number"] = _floor_number(floor)
    view.context["dz_heads"] = (view.lines, tuple(out))
    return out


def _block(view: TextView, head: _Head) -> tuple[int, dict[str, Any]]:
    """The first line of the poster column above ``head`` and its facts."""
    facts: dict[str, Any] = {}
    k = head.line - 1
    start = head.line

    def up(k: int) -> int:
        while k >= 0 and not view.lines[k].strip():
            if not view.is_live(k) and view.claimed[k]:
                return -1
            k -= 1
        return k

    k = up(k)
    if k >= 0 and (fm := _FLOOR_LINE_RE.match(view.lines[k])):
        head.floor_line = k
        if "post.number" not in head.facts:
            n = _floor_number(fm.group("floor"))
            if n is not None:
                head.facts["post.number"] = n
        start = k
        k = up(k - 1)
    stat_lines: list[str] = []
    ranks: list[str] = []
    top_stat: int | None = None
    pending_rank: tuple[int, str] | None = None
    steps = 0
    while k >= 0 and steps < 24:
        steps += 1
        s = view.lines[k].strip()
        if _stat_line(s):
            stat_lines.append(s)
            if pending_rank is not None:
                ranks.append(pending_rank[1])
                pending_rank = None
            top_stat = k
        elif s in _GROUPS or (pending_rank is None and top_stat is None and _name_like(s) and len(s) <= 12
                             and not _FLOOR_LINE_RE.match(s)):
            if s in _GROUPS:
                ranks.append(s)
                top_stat = k if top_stat is None else top_stat
                if top_stat is not None:
                    top_stat = min(top_stat, k)
            else:
                pending_rank = (k, s)
        else:
            break
        k = up(k - 1)
    if top_stat is None:
        if pending_rank is not None and _name_like(pending_rank[1]):
            # only a name above the head (a column without counts)
            facts["author.name"] = pending_rank[1].strip(" \t|*_")
            return pending_rank[0], facts
        return start, facts
    if pending_rank is not None:
        name_line: int | None = pending_rank[0]
        name = pending_rank[1]
    else:
        name_line = None
        name = ""
        j = up(top_stat - 1)
        if j >= 0 and top_stat - j <= 2 and _name_like(view.lines[j]):
            name_line, name = j, view.lines[j]
    facts.update(classic_poster_facts(name.strip(" \t|*_") if name else None, ranks[::-1], _read_stats(stat_lines[::-1])))
    return (name_line if name_line is not None else top_stat), facts


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
    head and the message cell on one line): the head is cut, the text stays.

    Example (removed)::

        | 楼主 发表于 2023-6-18 21:07 | 只看该作者 | 今年的番茄裂了
    """
    if view.engine != "discuz":
        return
    for head in _heads(view):
        line = view.lines[head.line]
        if view.is_live(head.line) and line[head.end :].strip(" \t|*_"):
            yield Hit(head.line, head.line, "post head", cols=(0, head.end))


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
        user = m.group("user").strip(" \t>*_")
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
    for i, line in enumerate(view.lines):
        if not line or not view.is_live(i) or len(line) > 300:
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


@rule("DZ007", "signature", tags=["signature"], stage="structure", scope="document", trigger=_POSTED)
def signature(view: TextView) -> Iterator[Hit]:
    """With Discuz! sniffed: the signature, a short line that closes two posts or more (Discuz! prints it
    between the message and the button row, or the next poster column): the last line before a button row
    or a post head, seen there twice.

    Example (removed)::

        小院不大，四季有花
    """
    if view.engine != "discuz":
        return
    ends: dict[str, list[int]] = {}
    stops = {h.start for h in _heads(view)}
    n = len(view)
    last: int | None = None
    for i in range(n):
        s = view.lines[i].strip()
        stop = i in stops or (s != "" and _BUTTONS_RE.match(s) is not None)
        if stop and last is not None:
            key = view.lines[last].strip()
            if 2 <= len(key) <= 60:
                ends.setdefault(key, []).append(last)
            last = None
        elif s and view.is_live(i):
            last = i
    for key, at in ends.items():
        if len(at) >= 2:
            for i in at:
                yield Hit(i, i, "signature", {"post.signature": key}, moved_to="signature")


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
