"""vBulletin 3/4/5, text form: poster blocks, ``Originally Posted by`` quotes, signatures, edit notes, buttons."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
import regex

from .._lazy import lazy
from ..labels import RANK_RE, STAT_LABELS, label_alternation, label_field
from ..model import Quote
from ..phrases import PHRASES, alternation, phrases
from ..rules import Hit, RulePack, rule
from ..text import TextView, any_literal, could_match, word_count
from ._classic import (
    CLASSIC_DATE,
    CLASSIC_LABELS,
    EDIT_REASON_RE,
    STAT_LINE_RE,
    BlockSpec,
    Guarded,
    _candidate,
    alt,
    block_hits,
    candidate_lines,
    classic_poster_facts,
    date_facts,
    forum_jump_menus,
    line_re,
    match_lines,
    seen_run,
    weighted_sniff,
)
from ._common import LineHeads, iter_line_matches, literal_lines, matches_at
from .generic import opens_share_widget
from .page import free_spans

__all__ = ["PACK"]

_F = regex.IGNORECASE | regex.MULTILINE | regex.VERSION1
#: An image without alt text as w3m prints it, its file's name in brackets (``[progress]``, ``[edit_40b]``),
#: before vBulletin 4's post buttons and edit note.
_IMG = r"(?:\[[\w-]{1,24}\][ \t]*+)"
_CLASSIC = frozenset({"vbulletin", "phpbb", "smf", "mybb", "fluxbb"})

_MENU = alt("classic_member_menu")
_STATUS = alt("classic_online_status", user=r"(?P<user>[^\n]{1,60}?)")
_STATUS_NOGROUP = alt("classic_online_status")
_MENU_RE = line_re(rf"{_MENU}|{_STATUS_NOGROUP}")
#: Each member-menu and online-status phrase's longest word (``View Forum Posts``, ``Ver mensagens do fórum`` …),
#: with the literals of ``_MENU_NEEDLE`` and ``member_menu``'s trigger.
_MENU_NEEDLE_WORDS = (
    r"Profil|profil|perfil|Profiel|profiel|posty|Просмотр|Сообщения|anzeigen|Private|Posts by|Homepage|homepage|Blog|Articles|Avatar|Awatar|Аватар|Buddy|Contacts|Message|"
    r"Nachricht|Beiträge|message|mensaje|Mensaje|mensagem|Mensagem|messaggio|Messaggio|bericht|Privébericht|"
    r"wiadomo|сообщен|Личное|профиль|ffline|nline|Kontakt|déconnecté|connecté|desconectado|línea|in linea|"
    r"jest|форума|Send PM|Send an email|Send email|E-Mail|threads started"
)
#: Each member-menu and online-status phrase that none of the words above finds (``View Forum Posts``, ``Ver
#: mensagens do fórum`` …; without its ``{user}``): the needle and ``member_menu``'s trigger take them too.
_MENU_WORDS = "|".join(
    sorted(
        {
            r"[ \t]+".join(regex.escape(w) for w in p.replace("{user}", "").split())
            for concept in ("classic_member_menu", "classic_online_status")
            for ps in PHRASES[concept].values()
            for p in ps
            if regex.search(_MENU_NEEDLE_WORDS, p) is None
        }
    )
)
_MENU_NEEDLE = lazy(_MENU_NEEDLE_WORDS + "|" + _MENU_WORDS if _MENU_WORDS else _MENU_NEEDLE_WORDS)
_MENU_PHRASES = [
    p for concept in ("classic_member_menu", "classic_online_status") for ps in PHRASES[concept].values() for p in ps
]
#: The most characters other than blanks a ``_MENU_RE`` line holds (name, phrase, bullet): longer lines are prose.
_MENU_MAX = 62 + max(len("".join(p.replace("{user}", "").split()).casefold()) for p in _MENU_PHRASES)
#: Where a ``_MENU_RE`` line can start (phrases led by a name end in one of ``_MENU_TAILS`` instead).
_MENU_HEADS = LineHeads([p for p in _MENU_PHRASES if not p.startswith("{")], bullets="-•*·")
_MENU_TAILS = tuple(sorted({p.split()[-1].casefold() for p in _MENU_PHRASES if p.startswith("{")}))
_MENU_TAIL_MAX = max(len(t) for t in _MENU_TAILS)


def _menu_line(line: str) -> bool:
    """``_MENU_NEEDLE`` and ``_MENU_RE`` match ``line``; cheap tests first: a menu or status line is short and
    starts or ends with one of the phrases' words."""
    if not line or len(line) - line.count(" ") - line.count("\t") > _MENU_MAX:
        return False
    if not _MENU_HEADS.test(line) and "\u0130" not in line:
        tail = line.rstrip(" \t\xa0")[-_MENU_TAIL_MAX:].casefold()
        if not tail.endswith(_MENU_TAILS):
            return False
    return _MENU_NEEDLE.search(line) is not None and _MENU_RE.match(line) is not None


_OP = r"Original Poster|Thread Starter|Topic Starter|Thread Author|Author|OP|Old|New"
#: vBulletin 3's post-status icon text before the header's date (``Old``, ``Alt``, ``Ancien`` …).
_OLD = alt("vb_post_old")

#: vB post header: ``05-13-2016, 02:15 PM #6``, ``2016-02-01, 02:21 Link # 3021``, ``#1 | Link``, table rows.
_HEADER_RE = lazy(
    rf"^[ \t|]*+(?:[-•][ \t]*|\d{{1,3}}\.[ \t]++)?(?:(?:{_OLD})[ \t]+)?(?:(?P<date>{CLASSIC_DATE})[ \t|\xa0]*+)?(?:Link[ \t]*)?"
    rf"\#[ \t]?(?P<num>\d{{1,7}})(?:[ \t]*\\?\|?[ \t]*(?:Link|Report Post))?(?P<rank>[^\n#|]{{0,40}}?)[ \t|]*$",
    _F,
)
_PRE_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?:{_MENU}|{_STATUS}|(?:{_OP})|\*+|(?:Join Date|Posts)[ \t]*:?[ \t]*|"
    r"vbmenu_register\([^()\n]{0,60}\);|\xa0*+\|[ \t\xa0]*+Link)[ \t]*$",
    _F,
)
_POST_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?:Share|Tweet|\#[ \t]?(?P<num>\d{{1,7}})|(?P<date>{CLASSIC_DATE})|"
    r"\d[\d,.]*[ \t]+(?:Post|Thread)\(s\)|Thanked[ \t]+\d[\d,.]*[ \t]+Times[ \t]+in[ \t]+\d[\d,.]*[ \t]+Posts?|"
    r"(?:Rep Power|Mentioned|Tagged|Quoted)(?:[ \t]*:?[ \t]*\d[\d,.]*)?)[ \t]*$",
    _F,
)
_STOP_RE = line_re(r"Reply With Quote|Comment|Post Cancel|Quote|Reply|Top|Logged")

_EVIDENCE_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?:Share|Tweet|Mentioned|Tagged|Quoted|Rep Power|\d[\d,.]*[ \t]+(?:Post|Thread)\(s\)|"
    rf"{_MENU}|{_STATUS_NOGROUP})",
    _F,
)
_PRE_HEADS = LineHeads(
    [*(p for p in _MENU_PHRASES if not p.startswith("{")), *_OP.split("|"), "*", "Join Date", "Posts", "vbmenu_register", "|"],
    blanks=" \t\xa0",
    bullets="-•",
)
_EVIDENCE_HEADS = LineHeads(
    [*(p for p in _MENU_PHRASES if not p.startswith("{")), "Share", "Tweet", "Mentioned", "Tagged", "Quoted", "Rep"],
    bullets="-•",
    digits=True,
)


def _pre_shape(line: str) -> bool:
    """A cheap necessary test for ``_PRE_RE``: a line that starts like one, or ends like a status line."""
    return (
        _PRE_HEADS.test(line)
        or line.rstrip(" \t")[-_MENU_TAIL_MAX:].casefold().endswith(_MENU_TAILS)
        or "\u0130" in line
    )


def _evidence_shape(line: str) -> bool:
    """A cheap necessary test for ``_EVIDENCE_RE`` (a prefix match): a line that starts like one, or holds the
    last word of a status phrase."""
    if _EVIDENCE_HEADS.test(line) or "\u0130" in line:
        return True
    folded = line.casefold()
    return any(t in folded for t in _MENU_TAILS)


_SPEC = BlockSpec(
    header=_HEADER_RE,
    pre=Guarded(_PRE_RE, _pre_shape),
    post=_POST_RE,
    stoppers=_STOP_RE,
    evidence=Guarded(_EVIDENCE_RE, _evidence_shape),
)


# -- the poster beside the post (inscriptis lays table cells side by side) ----------------------------------

#: ``Label: value`` in the poster column.
_SIDE_PAIR_RE = lazy(r"^(?P<label>[^\W\d_][^:\n]{0,24}):[ \t]*(?P<value>[^\n]{1,30})$")


def _columns(line: str) -> tuple[int, int, int] | None:
    """``(left start, left end, right start)`` of a line holding two cells side by side: text, a gap of three
    blanks or more, text; or None."""
    a = len(line) - len(line.lstrip(" "))
    if a >= len(line):
        return None
    gap = line.find("   ", a)
    if gap < 0:
        return None
    c = gap
    while c < len(line) and line[c] == " ":
        c += 1
    if c >= len(line) or not line[c:].strip():
        return None
    if a >= c - a:
        return None  # a cell far right with one right of it (lynx right-aligns a status line in a wide page)
    return a, gap, c


def _side_item(view: TextView, k: int, c: int) -> tuple[int, str] | None:
    """Line ``k`` as a poster-column line beside a text column at ``c``: ``(cut end, its left text)``."""
    text = view.lines[k]
    ind = len(text) - len(text.lstrip(" "))
    if ind >= c - 2:
        return None
    left_end, cut = len(text.rstrip()), len(text)
    if left_end > c - 2:
        cols = _columns(text)
        if cols is None or cols[1] > c - 2:
            return None
        # (the reply's text may start a little left of a quote box's text, beside the poster's last stat:
        # ``Posts: 174       Completely normal …``)
        if cols[2] != c and (not c - 12 <= cols[2] < c or not _SIDE_PAIR_RE.match(text[ind : cols[1]].strip())):
            return None
        left_end, cut = cols[1], cols[2]
    left = text[ind:left_end].strip()
    if not left or len(left) > 40 or word_count(left) > 6:
        return None
    return cut, left


def _side_run(view: TextView, first: int, c: int, back: bool) -> list[tuple[int, int, str]]:
    """Poster-column lines from ``first`` on (text-column and blank lines between them), or, ``back``, the
    poster-column lines right above ``first`` (blank lines between)."""
    items: list[tuple[int, int, str]] = []
    step = -1 if back else 1
    k = first
    while 0 <= k < len(view.lines) and abs(k - first) <= 24:
        if view.is_live(k):
            text = view.lines[k]
            if not back and len(text) - len(text.lstrip(" ")) == c:
                k += step  # the text column alone
                continue
            item = _side_item(view, k, c)
            if item is None:
                break
            items.append((k, *item))
        k += step
    if back:
        return items[::-1]
    while items and not _SIDE_PAIR_RE.match(items[-1][2]):
        items.pop()  # the column ends at its last stat (a button row may stand below it, at the same indent)
    return items


def _side_blocks(view: TextView) -> Iterator[tuple[list[tuple[int, int]], dict[str, object]]]:
    """Poster blocks in a column of their own left of the post text (vBulletin's legacy postbit, table cells
    laid side by side): ``[(line, cut end)]`` and the poster facts.

    A line holding a poster cell and text at column ``C`` (three blanks or more between) anchors the block; the
    poster-column lines above and below it (name, title, ``Join Date: Mar 2016``) end before ``C``, with text
    lines at ``C`` between them. A block needs a name line first and a join date or post count.
    """
    done = -1
    for i, line in view.iter_lines():
        if i <= done or "   " not in line or (cols := _columns(line)) is None:
            continue
        c = cols[2]
        if _side_item(view, i, c) is None:
            continue
        items = _side_run(view, i - 1, c, back=True) + _side_run(view, i, c, back=False)
        if not any(k == i for k, *_x in items):
            continue  # (the line is no poster cell: the column ended above it, a status and buttons row)
        pairs = [
            (m.group("label"), m.group("value").strip()) for *_x, t in items if (m := _SIDE_PAIR_RE.match(t))
        ]
        if not pairs or _SIDE_PAIR_RE.match(items[0][2]):
            continue
        if not {label_field(label) for label, _v in pairs} & {"joined", "messages"}:
            continue
        ranks = [t for *_x, t in items[1:] if not _SIDE_PAIR_RE.match(t) and any(ch.isalnum() for ch in t)]
        done = items[-1][0]
        yield [(k, cut) for k, cut, _t in items], classic_poster_facts(items[0][2], ranks, pairs)


@rule("VB013", "side-author-block", tags=["author-block"], stage="split", scope="document", trigger=r"   ")
def side_author_block(view: TextView) -> Iterator[Hit]:
    """A poster block in a column beside the post text: its first line, which opens the post (``VB014`` takes
    the rest of the column).

    inscriptis lays vBulletin's legacy postbit (a table: poster cell, message cell) out side by side, so the
    name, title and stats share lines with the post's first lines. Only the poster's column is cut; the text
    beside it stays. A line whose left cell stands further right than the gap after it (lynx right-aligns the
    status and buttons row of a wide page) holds no poster column.

    Example (removed span)::

        quillpen               The new boat arrives next week.
    """
    for items, facts in _side_blocks(view):
        line, cut = items[0]
        yield Hit(line, line, "poster column beside the text", facts, cols=(0, cut), moved_to="author")


@rule("VB014", "side-author-column", tags=["author-block"], stage="structure", trigger=r"   ")
def side_author_column(view: TextView) -> Iterator[Hit]:
    """The rest of a poster column beside the post text, below the line that opened the post (``VB013``): the
    title and ``Join Date: …`` / ``Posts: …`` are cut from each line, the text beside them stays.

    Example (removed span)::

        Join Date: Mar 2016    I tried every driver since then.
    """
    for i, line in view.iter_lines():
        if i == 0 or "   " not in line or (cols := _columns(line)) is None:
            continue
        items = _side_run(view, 1, cols[2], back=False)
        if any(k == i for k, *_x in items) and any(_SIDE_PAIR_RE.match(t) for *_x, t in items):
            for k, cut, _t in items:
                yield Hit(k, k, "poster column beside the text", cols=(0, cut))
            return
        break  # (the first line of two cells is no poster column's: a status and buttons row)
    # A post of a line or two beside a longer column: the stats come under the text, no line holds both. The
    # column's position is the post's first line's (the name beside the text, ``VB013``'s).
    if len(view) < 2 or (cols := _columns(view.original[0])) is None:
        return
    items = _side_run(view, 1, cols[2], back=False)
    pairs = [m.group("label") for *_x, t in items if (m := _SIDE_PAIR_RE.match(t))]
    if {label_field(label) for label in pairs} & {"joined", "messages"}:
        for k, cut, _t in items:
            yield Hit(k, k, "poster column under the text", cols=(0, cut))


#: A gap between two cells of w3m's table line (three blanks or more).
_STATS_GAP_RE = lazy(r"(?<=\S)[ \t]{3,}+(?=\S)")
#: The stats' cell starts this far into the line at least.
_STATS_MIN_COLUMN = 16
#: ``{name} {name} is offline``: the name's link, then the status image's alt text that repeats it.
_ONLINE_TAILS = "|".join(
    dict.fromkeys(
        regex.escape(phrase[len("{user} ") :])
        for group in PHRASES["classic_online_status"].values()
        for phrase in group
        if phrase.startswith("{user} ")
    )
)
_STATUS_SEARCH_RE = lazy(rf"^(?P<user>[^\n]{{1,80}}?)[ \t]++(?:{_ONLINE_TAILS})[ \t]*$", _F)


def _doubled_name(before: str) -> str | None:
    """The name that ends ``before`` twice (``Bram Okafor Bram Okafor``: the name's link, then the status
    image's alt text), after the avatar's alt text the narrow cell wrapped (``Okafor's``)."""
    words = before.split()
    for n in range(min(6, len(words) // 2), 0, -1):
        if words[-n:] == words[-2 * n : -n]:
            return " ".join(words[-n:])
    return None


@rule("VB024", "stats-beside-name", tags=["author-block"], stage="split", scope="document", trigger=alt("vb_join_date"))
def stats_beside_name(view: TextView) -> Iterator[Hit]:
    """vBulletin 3's horizontal postbit flattened by w3m: the row under the post header holds the avatar, the
    name with its online status and the user title in the left cells and the stats in the right one, so each
    line of the poster block is ``{left cell}    Join Date: Jun 2006``. The post header (``Old {date}  #3``)
    and the run of such lines under it (the right cell a stat, the left one short) open the post and go whole
    to ``post.author``; the name is the one the status repeats (``Bram Okafor Bram Okafor is offline``).

    Example (removed)::

        Old 03-14-2009, 07:52 PM                  #1
                                          Join Date: Jun 2006
        quillpen quillpen is offline      Posts: 1,318
        Senior Member                     Thanks: 14
    """
    if view.engine not in (None, "vbulletin"):
        return
    for i, hm in match_lines(view, _HASH_NEEDLE, _HEADER_RE):
        run: list[int] = []
        pairs: list[tuple[str, str | None]] = []
        lefts: list[str] = []
        for k in range(i + 1, min(len(view), i + 14)):
            line = view.lines[k]
            if view.claimed[k]:
                break
            if not line.strip():
                continue
            gaps = list(_STATS_GAP_RE.finditer(line.rstrip()))
            right_at = gaps[-1].end() if gaps else len(line) - len(line.lstrip(" \t"))
            if right_at < _STATS_MIN_COLUMN:
                break
            m = STAT_LINE_RE.match(line[right_at:])
            left = line[:right_at].strip() if gaps else ""
            if m is None or len(left) > 60 or word_count(left) > 8:
                break
            value = m.group("value") or m.group("glued") or m.group("spaced")
            if value:
                pairs.append((m.group("label"), value))
            if left:
                lefts.append(left)
            run.append(k)
        if len(run) < 2 or not lefts or not {label_field(label) for label, _v in pairs} & {"joined", "messages"}:
            continue
        name = None
        for left in lefts:
            cell = _STATS_GAP_RE.split(left)[-1]
            if (sm := _STATUS_SEARCH_RE.match(cell)) is not None:
                name = _doubled_name(sm.group("user"))
                if name is not None:
                    break
        ranks: list[str] = []
        if name is None and _candidate(lefts[0]):
            name, ranks = lefts[0], [x for x in lefts[1:] if _candidate(x)]  # (inscriptis: no status, no avatar)
        facts = classic_poster_facts(name, ranks, pairs)
        if hm.group("date"):
            facts.update(date_facts(hm.group("date")))
        facts["post.number"] = int(hm.group("num"))
        yield Hit(i, run[-1], "post header, poster block beside the stats", facts, moved_to="author")
    yield from _piped_stats(view)


#: html2text's row of the horizontal postbit (read without the Markdown): the avatar's and the name's cells, the
#: name and the user title in one, then every stat in one cell (``| | Bram Okafor Senior Member | | Join Date:
#: Jun 2006 Location: Dundee Posts: 1,318``)
_PIPED_STATS_RE = lazy(
    rf"^[ \t|]*+(?P<who>[^|\n]{{1,80}}?)[ \t]*+\|[ \t|]*+(?P<stats>(?:{alt('vb_join_date')})[ \t]*:[^|\n]{{1,400}}?)[ \t|]*$",
    _F,
)
_PIPED_LABEL_RE = lazy(rf"(?<![^\s|])(?P<label>{CLASSIC_LABELS})[ \t]*:[ \t]*", _F)


def _piped_stats(view: TextView) -> Iterator[Hit]:
    """The horizontal postbit's poster row as html2text writes it (a Markdown table row, see
    :data:`_PIPED_STATS_RE`) with the post header above it: the post's head."""
    for i in candidate_lines(view, _JOIN_NEEDLE):
        m = _PIPED_STATS_RE.match(view.lines[i])
        if m is None:
            continue
        who = m.group("who").strip()
        rank = RANK_RE.search(who)
        name = who[: rank.start()].strip() if rank is not None else who
        if not name or not _candidate(name):
            continue
        stats = m.group("stats")
        labels = list(_PIPED_LABEL_RE.finditer(stats))
        pairs: list[tuple[str, str | None]] = [
            (lm.group("label"), stats[lm.end() : nxt.start() if nxt is not None else len(stats)].strip())
            for lm, nxt in zip(labels, [*labels[1:], None], strict=True)
        ]
        facts = classic_poster_facts(name, [who[rank.start() :]] if rank is not None else [], pairs)
        start = i
        up = next((k for k in range(i - 1, max(-1, i - 4), -1) if view.is_live(k)), None)
        if up is not None and (hm := _HEADER_RE.match(view.lines[up])) is not None:
            start = up
            if hm.group("date"):
                facts.update(date_facts(hm.group("date")))
            facts["post.number"] = int(hm.group("num"))
        yield Hit(start, i, "post header, poster row of a Markdown table", facts, moved_to="author")


# -- the post list as a list (lynx and w3m print vBulletin 4's ``<ol>`` of posts with list numbers) -----------

#: A list item that may open a post: ``1. March 12th, 2015, 07:15 PM #1``, or with the list number read as a
#: bullet (``- March 12th, …``); the header is checked on the rest.
_ITEM_HEADER_RE = lazy(r"^[ \t]*+(?:[-•]|\d{1,3}\.)[ \t]++(?P<rest>[^\n]{5,90}?)[ \t]*$", regex.MULTILINE)
#: A text browser's list bullet (lynx ``*`` / ``+`` / ``o``, w3m ``•`` / ``□`` / ``☆``) before a member-menu item.
_ITEM_BULLET_RE = lazy(r"^[ \t]*+[*+o•□☆◦▪·-][ \t]++")
#: The horizontal rule lynx (``____``) and w3m (``━━━━``) draw inside vBulletin 4's poster block.
_BLOCK_RULE_RE = lazy(r"^[ \t]*+(?:_{10,}+|━{10,}+|─{10,}+)[ \t]*$")
#: An image's alt text in brackets (w3m: ``[reputation]``).
_BRACKETED_RE = lazy(r"\[[^\[\]\n]{1,30}\]")
_ITEM_BLOCK_LINES = 30


def _item_block(view: TextView, i: int, header: regex.Match[str]) -> tuple[int, dict[str, object]] | None:
    """The poster block under the post header of line ``i``: ``(last line, facts)``, or None.

    Name; member-menu items (bulleted) and the online status; user title (an avatar's alt text, the name, and
    reputation images' ``[alt]`` after it); lynx's rule line; then the stats, label and value on lines of their
    own or ``Label: value``. The block needs a join date or a post count."""
    lines = view.lines
    nxt = view.first_live(i + 1, _ITEM_BLOCK_LINES)
    if not nxt or nxt[0] - i > 3:
        return None
    name: str | None = lines[nxt[0]].strip()
    if not name or len(name) > 40 or word_count(name) > 5 or _menu_line(name) or ":" in name:
        return None
    last = nxt[0]
    pos = 1
    if label_field(name):  # a stat label where the name stands: the converter dropped the name (Resiliparse)
        name, last, pos = None, nxt[0] - 1, 0
    ranks: list[str] = []
    pairs: list[tuple[str, str]] = []
    while pos < len(nxt):
        k = nxt[pos]
        if k - last > 3:
            break
        raw = lines[k].strip()
        bare = _ITEM_BULLET_RE.sub("", lines[k]).strip()
        if not pairs and (_menu_line(bare) or _BLOCK_RULE_RE.match(raw)):
            last = k
            pos += 1
            continue
        if label_field(raw.rstrip(":")) and pos + 1 < len(nxt) and nxt[pos + 1] - k <= 2:
            value = lines[nxt[pos + 1]].strip()
            if 0 < len(value) <= 40 and not label_field(value.rstrip(":")):
                pairs.append((raw.rstrip(":"), value))
                last = nxt[pos + 1]
                pos += 2
                continue
        m = _SIDE_PAIR_RE.match(raw)
        if m is not None and label_field(m.group("label")):
            pairs.append((m.group("label"), m.group("value").strip()))
            last = k
            pos += 1
            continue
        if pairs or len(ranks) >= 2:
            break
        rank = " ".join(_BRACKETED_RE.sub(" ", raw).split())
        if name and rank.endswith(" " + name):
            rank = rank[: -len(name) - 1].rstrip()
        if name and rank.startswith(name + " "):  # the online status's alt text before the title (``quillpen is offline …``)
            rest = rank[len(name) + 1 :]
            tail = next((t for t in _STATUS_TAILS if rest.casefold().startswith(t.casefold())), None)
            if tail is not None:
                rank = rest[len(tail) :].strip()
                if not rank:
                    last = k
                    pos += 1
                    continue
        if not rank or len(rank) > 60 or word_count(rank) > 6 or rank[-1] in ".!?:;,":
            break
        ranks.append(rank)
        last = k
        pos += 1
    if not {label_field(label) for label, _v in pairs} & {"joined", "messages"}:
        return None
    facts: dict[str, object] = {}
    if header.group("date"):
        facts.update(date_facts(header.group("date")))
    facts["post.number"] = int(header.group("num"))
    facts.update(classic_poster_facts(name, ranks, pairs))
    return last, facts


@rule("VB020", "list-author-block", tags=["author-block"], stage="split", scope="document", trigger=r"#")
def list_author_block(view: TextView) -> Iterator[Hit]:
    """A post header as a list item and the poster block under it, as lynx and w3m print vBulletin 4's post
    list (an ``<ol>``): ``1. {date} #1``, the name, the member menu's items with the browser's bullets, the
    online status, the user title (with the avatar's alt text, the name, after it), lynx's rule line, and each
    stat's label and value on lines of their own.

    Example (removed)::

        1. March 12th, 2015, 07:15 PM #1
           quillpen
              + View Profile
           quillpen is offline
           Senior Member quillpen
            Join Date
                    Nov 2011
            Posts
                    3,920
    """
    if view.engine != "vbulletin" or not could_match(_ITEM_HEADER_RE, view.text):
        return
    bare: list[tuple[int, regex.Match[str]]] = []
    blocks = 0
    for i, m in iter_line_matches(view, _ITEM_HEADER_RE):
        header = _HEADER_RE.match(m.group("rest"))
        if header is None or not header.group("date"):
            continue
        block = _item_block(view, i, header)
        if block is None:
            bare.append((i, header))
            continue
        blocks += 1
        end, facts = block
        for h in free_spans(view, i, end, "poster block under a list item's post header", facts=facts, moved_to="author"):
            yield _titled(h)  # (Resiliparse: a default user title joined to the name, or alone)
    # a post header whose poster block the converter dropped (Resiliparse may drop one post's block): it still
    # opens a post, where the other headers of the list open theirs
    for i, header in bare if blocks else ():
        if not view.claimed[i]:
            facts = {**date_facts(header.group("date")), "post.number": int(header.group("num"))}
            yield Hit(i, i, "list item's post header, its poster block dropped", facts, moved_to="date")


@rule("VB001", "author-block", tags=["author-block"], stage="split", scope="document")
def author_block(view: TextView) -> Iterator[Hit]:
    """Poster block: post header (``05-13-2016, 02:15 PM #6``), name, member menu, title and stats.

    vBulletin prints the post date and ``#N`` above the poster, a member menu (``View Profile`` …), the user
    title and ``Join Date`` / ``Location`` / ``Posts`` (with a colon in vB3/vB5, label and value on their own
    lines in vB4's ``dl.userstats``). The block opens each post, so it splits the thread; its contents move to
    ``post.author``, the date and number to ``post.date`` / ``post.number``.

    Example (removed)::

        05-13-2016, 02:15 PM #6
        quillpen
        View Profile
        Senior Member
        Join Date
        Mar 2014
        Posts
        628
    """
    side: set[int] | None = None
    reason = "poster block: header, name, title and member stats"
    taken: set[int] = set()
    for h in block_hits(view, _SPEC, reason, engine="vbulletin"):
        if side is None:
            side = {k for items, _f in _side_blocks(view) for k, _c in items} if "   " in view.text else set()
        if not any(k in side for k in range(h.start, h.end + 1)):
            taken.update(range(h.start, h.end + 1))
            yield _titled(h)  # a poster column beside the text is VB013's: taking its lines whole would take the text
    if view.engine == "vbulletin":
        yield from _lone_titles(view, taken)


# -- VB017: a poster's stats on one line in the page's language, the name and the post header above ---------------

_MESSAGE_LABELS = "|".join(
    regex.escape(x).replace(r"\ ", r"[ \t]+")
    for x in sorted({x for xs in STAT_LABELS["messages"].values() for x in xs}, key=len, reverse=True)
)
#: A join date as vBulletin prints it: ``Nov 2011``, ``novembre 2011``, ``11.2011``, ``04.11.2011``.
_JOINED_VALUE = r"[^\W\d_]{3,12}\.?[ \t]+\d{4}|\d{1,2}[./-](?:\d{1,2}[./-])?\d{4}"
#: A post count: ``3,920``, ``3.920``, ``3 920``, ``27``.
_COUNT = r"\d{1,3}(?:[,.\xa0\u202f ]\d{3})++|\d{1,7}"
_JOIN_NEEDLE = lazy(alt("vb_join_date"), regex.IGNORECASE)
#: ``{title} {Join Date} {date} [{Label} {value} …] {Posts} {count}`` (labels with or without colons), then the
#: end of the line or a table cell's ``|`` (html2text: the post's first line beside the stats).
_ONE_LINE_STATS_RE = lazy(
    rf"^[ \t|]*+(?:[-•][ \t]++)?(?:(?P<who>[^\s:|#]++(?:[ \t][^\s:|#]++){{0,7}})[ \t]++)?"
    rf"(?P<stats>(?P<jl>{alt('vb_join_date')})[ \t]*+:?[ \t]*+(?P<joined>{_JOINED_VALUE})"
    rf"(?P<mid>(?:[ \t]++(?:{label_alternation()})[ \t]*+:?[ \t]*+[^\n|:]{{1,40}}?){{0,4}}?)"
    rf"[ \t]++(?P<pl>{_MESSAGE_LABELS})[ \t]*+:?[ \t]*+(?P<posts>{_COUNT}))[ \t]*+(?P<end>\||$)",
    _F,
)
_MID_LABEL_RE = lazy(rf"(?<![ \t])[ \t]*+(?<=[ \t])(?P<label>{label_alternation()})[ \t]*+:?[ \t]*+", _F)
#: A Markdown link at the start of a line: the name's link before the user title (html2text).
_LEAD_LINK_RE = lazy(r"^[ \t]*+\[(?P<label>(?:[^\[\]\\\n]|\\.){1,60})\]\(")


def _one_line_pairs(m: regex.Match[str]) -> list[tuple[str, str | None]]:
    """The ``(label, value)`` pairs of a ``_ONE_LINE_STATS_RE`` match."""
    pairs: list[tuple[str, str | None]] = [(m.group("jl"), m.group("joined"))]
    mid = m.group("mid")
    found = list(_MID_LABEL_RE.finditer(mid))
    for k, lm in enumerate(found):
        value = mid[lm.end() : found[k + 1].start() if k + 1 < len(found) else len(mid)].strip()
        pairs.append((lm.group("label"), value or None))
    pairs.append((m.group("pl"), m.group("posts")))
    return pairs


def _head_above(view: TextView, i: int) -> tuple[int, list[int]] | None:
    """The post header (``{date} #N``) over the stats line ``i`` and the name/title lines between (member-menu
    lines and blank lines skipped), or None."""
    cands: list[int] = []
    k = i - 1
    while k >= 0 and i - k <= 12:
        if view.claimed[k]:
            return None
        line = view.lines[k]
        if line.strip():
            if _HEADER_RE.match(line):
                return (k, cands[::-1]) if cands else None
            if not _menu_line(line):
                s = line.strip()
                linked = view.source is not None and _LEAD_LINK_RE.match(view.source[k]) is not None
                if len(cands) >= 2 or len(s) > 60 or word_count(s) > 8 or (s[-1] in ".!?:,;" and not linked):
                    return None  # (a name's link may have a badge's text after it: ``quillpen .``)
                cands.append(k)
        k -= 1
    return None


def _name_and_rank(view: TextView, k: int) -> tuple[str, list[str]]:
    """The name on line ``k`` and the user title after it on the same line when the name is a Markdown link
    (``[quillpen](member.php?u=7) Senior Member``)."""
    line = view.lines[k].strip().lstrip("-•").strip()
    src = view.source[k] if view.source is not None else None
    lm = _LEAD_LINK_RE.match(src) if src else None
    if lm is not None:
        name = regex.sub(r"\\(.)", r"\1", lm.group("label")).strip()
        if name and line.startswith(name):
            rank = line[len(name) :].strip()
            return name, [rank] if any(c.isalnum() for c in rank) else []
    return line, []


@rule("VB017", "one-line-stats-block", tags=["author-block"], stage="split", scope="document", trigger=alt("vb_join_date"))
def one_line_stats_block(view: TextView) -> Iterator[Hit]:
    """A poster block whose stats stand on one line in the page's language, labels with or without colons
    (``Senior Member Join Date Nov 2011 Location Norwich Posts 3,920``: inscriptis joins vBulletin 4's
    ``dl.userstats``; ``Registriert seit: 06.2012 Beiträge: 174 | {text}``: html2text sets vBulletin 3's stats
    cell beside the post's first line), under the post header and the name (member-menu lines between). Labels
    come from tables ``vb_join_date`` and ``STAT_LABELS``. The header, name and stats go; text after the stats
    cell stays.

    Example (removed)::

        12.03.2015, 19:15 #1
        quillpen
        Erfahrener Benutzer Registriert seit 11.2011 Ort Kassel Beiträge 3.920
    """
    if view.engine != "vbulletin":
        return
    for i, m in match_lines(view, _JOIN_NEEDLE, _ONE_LINE_STATS_RE):
        head = _head_above(view, i)
        if head is None:
            continue
        header_at, cands = head
        hm = _HEADER_RE.match(view.lines[header_at])
        assert hm is not None
        name, ranks = _name_and_rank(view, cands[0])
        ranks += [view.lines[c].strip() for c in cands[1:]]
        who = (m.group("who") or "").strip()
        if who:
            ranks.append(who)
        facts = classic_poster_facts(name, ranks, _one_line_pairs(m))
        if hm.group("date"):
            facts.update(date_facts(hm.group("date")))
        facts["post.number"] = int(hm.group("num"))
        reason = "poster block: header, name, title and stats on one line"
        line = view.lines[i]
        if not line[m.end() :].strip():
            yield Hit(header_at, i, reason, facts, moved_to="author")
            continue
        title = _title_cell(view, i, line[m.end() :].strip())
        if title is not None:
            facts["post.title"] = title  # the post's title in bold under the stats cell, a rule under it
            yield Hit(header_at, i, reason, facts, moved_to="author")
            continue
        yield Hit(header_at, i - 1, reason, facts, moved_to="author")
        cut = m.end()
        while cut < len(line) and line[cut] in " \t":
            cut += 1
        yield Hit(i, i, reason, facts, cols=(0, cut), moved_to="author")


_BOLD_CELL_RE = lazy(r"\|[ \t]*+\*\*(?P<title>[^*\n]{1,200})\*\*[ \t]*$")


def _title_cell(view: TextView, i: int, rest: str) -> str | None:
    """``rest`` (the text after the stats cell of line ``i``) when the input writes it in bold, the whole cell,
    and a blank line follows it (html2text on vBulletin 3's ``<strong>`` post title over its ``<hr>``), else
    None."""
    if view.source is None or not rest:
        return None
    bm = _BOLD_CELL_RE.search(view.source[i])
    if bm is None or bm.group("title").strip() != rest:
        return None
    # (the rule under it is a layout line the rules do not see: a blank line follows the title in the input)
    breaks = view.context.get("breaks")
    return rest if breaks is not None and view.base + i < len(breaks) and breaks[view.base + i] else None


#: A default user title alone on its line (table ``vb_user_titles``).
_TITLE_LINE_RE = line_re(alt("vb_user_titles"))
_BULLET_LINE_RE = lazy(r"^[ \t]*+[-•*][ \t]*$")


def _lone_titles(view: TextView, taken: set[int]) -> Iterator[Hit]:
    """A poster block a main-content extractor cut down to its user title (trafilatura keeps ``Benutzer`` under
    the post's list item, ``-``, and drops the name and stats): the title, and the bullet over it, open a post."""
    for i, _m in iter_line_matches(view, _TITLE_LINE_RE):
        if i in taken:
            continue
        k = i - 1
        while k >= 0 and not view.lines[k].strip() and i - k <= 3:
            k -= 1
        if k < 0 or k in taken or not view.is_live(k) or not _BULLET_LINE_RE.match(view.lines[k]):
            continue
        nxt = view.first_live(i + 1)
        if not nxt or nxt[0] - i > 12:
            continue
        yield Hit(k, i, "user title alone under a post's list item", {"author.rank": view.lines[i].strip()}, moved_to="author")


#: vBulletin's default user titles (table ``vb_user_titles``), casefolded.
_USER_TITLES = frozenset(" ".join(p.split()).casefold() for ps in PHRASES["vb_user_titles"].values() for p in ps)


def _titled(h: Hit) -> Hit:
    """``h`` with a user title read as the name put right: a block's name line that is only a default user title
    (``Member``: the converter dropped the name) is the rank, and a default title before one word (``Senior
    Member Sarah_W``, Resiliparse's title and avatar text joined) is the rank before the name."""
    name = h.facts.get("author.name")
    if not isinstance(name, str):
        return h
    words = name.split()
    folded = " ".join(words).casefold()
    facts = dict(h.facts)
    if folded in _USER_TITLES:
        del facts["author.name"]
        facts["author.rank"] = " ".join(words)
        if "author.rank" in h.facts:
            facts["author.banner"] = " / ".join(str(h.facts[k]) for k in ("author.rank", "author.banner") if k in h.facts)
        return attrs.evolve(h, facts=facts)
    if len(words) >= 2 and " ".join(words[:-1]).casefold() in _USER_TITLES and "author.rank" not in h.facts:
        facts["author.name"] = words[-1]
        facts["author.rank"] = " ".join(words[:-1])
        return attrs.evolve(h, facts=facts)
    return h


#: The stat labels of a poster block on one line: vBulletin's own (English), and every language's of the
#: classic tables (``Registriert seit``, ``Ort``, ``Beiträge``).
_INLINE_LABEL = (
    rf"Join Date|Registered|Location|Posts|Age|Rep Power|Gender|{alt('vb_join_date')}|{alt('classic_stat_labels')}"
)
_INLINE_PAIR = (
    rf"(?P<label>{_INLINE_LABEL})[ \t]*:[ \t]*"
    r"(?P<value>[^\W\d_]{3,9}\.?[ \t]+\d{4}|\d[\d,.]*|[^\n:]{1,40}?)"
)
_INLINE_BLOCK_RE = lazy(
    rf"^[ \t|]*+(?P<who>[^\n:|]{{0,60}}?)[ \t]*(?P<stats>(?:{_INLINE_PAIR}[ \t]+){{1,6}}{_INLINE_PAIR})[ \t|]*"
    r"(?=$|[ \t|]{2,}|\|)",
    regex.MULTILINE | regex.VERSION1,
)
_PAIR_RE = lazy(
    _INLINE_PAIR + rf"(?=[ \t]+(?:{_INLINE_LABEL})[ \t]*:|[ \t|]*$)",
    regex.VERSION1,
)


#: vBulletin's own (English) labels of a one-line poster block.
_VB_LABELS = frozenset({"Join Date", "Registered", "Location", "Posts", "Age", "Rep Power", "Gender"})
_INLINE_NEEDLE = lazy(rf"(?:Join Date|Registered|Posts|{alt('vb_join_date')})[ \t]*:", regex.IGNORECASE)
#: The join-date labels of every language (the rule's trigger words).
_JOIN_WORDS = ("Join Date", "Registered", *(p for ps in PHRASES["vb_join_date"].values() for p in ps))


@rule("VB002", "inline-author-block", tags=["author-block"], stage="split", scope="document", trigger=_JOIN_WORDS)
def inline_author_block(view: TextView) -> Iterator[Hit]:
    """A poster block on one line: ``Registered User Join Date: Mar 2016 Posts: 1`` (table cells joined); the
    labels in every language of the tables (``Registriert seit: 06.2012 Ort: Kassel Beiträge: 2.318``), a join
    date or a post count among the values.

    Example (removed span)::

        Senior Member Join Date: Mar 2016 Location: Leeds Posts: 1,204
    """
    for first, m in match_lines(view, _INLINE_NEEDLE, _INLINE_BLOCK_RE):
        stats = m.group("stats")
        pairs = [(p.group("label"), p.group("value")) for p in _PAIR_RE.finditer(stats)]
        fields = {label_field(" ".join(p[0].split())) for p in pairs}
        if len(pairs) < 2 or not fields & {"joined", "messages"}:
            continue
        who = m.group("who").strip()
        if not who and first > 0 and view.is_live(first - 1) and not all(p[0] in _VB_LABELS for p in pairs):
            continue  # localised labels under a line (html2text: name and title, then the stats): GEN012 reads both
        facts = classic_poster_facts(None, [who] if who else [], pairs)
        if "author.joined" not in facts and "author.messages" not in facts:
            continue  # (labels with words after them, not a date or a count: a sentence)
        cols = (m.start(), m.end())
        line = view.lines[first]
        while cols[1] < len(line) and line[cols[1]] in " \t|":
            cols = (cols[0], cols[1] + 1)
        yield Hit(first, first, "poster block on one line", facts, cols=cols, moved_to="author")


_HASH_NEEDLE = lazy(r"#\d")
_GLUED_HEADER_RE = lazy(
    rf"^[ \t]*+(?P<head>(?P<date>{CLASSIC_DATE})[ \t]+\#(?P<num>\d{{1,7}}))[ \t]+(?=\S[^\n]{{40,}}$)", _F
)


@rule("VB003", "glued-post-header", tags=["post-meta"], stage="split", scope="document", trigger=r"#\d")
def glued_post_header(view: TextView) -> Iterator[Hit]:
    """A post header glued to the start of the post text: ``12-03-2024, 07:51 PM #9 The text…``.

    When a poster block is missing (deleted or guest posters), the date and ``#N`` run into the first line
    of the post; they are cut, open a new post and give its date and number.

    Example (removed span)::

        12-03-2024, 07:51 PM #9 Several things matter when you choose a host for a small shop.
    """
    for i, m in match_lines(view, _HASH_NEEDLE, _GLUED_HEADER_RE):
        facts = date_facts(m.group("date"))
        facts["post.number"] = int(m.group("num"))
        cols = (m.start("head"), m.end())
        yield Hit(i, i, "post header glued to the text", facts, cols=cols, moved_to="date")


_QUOTE_LABEL = alt("quote")
_VIEW_POST = alt("vb_view_post")
_QUOTE_HEADER_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?P<lead>{_QUOTE_LABEL}:?[ \t]*)?(?:{alt('originally_posted_by')})[ \t]*"
    rf"(?P<user>[^\n]{{1,60}}?):?(?:(?:[ \t]*{_VIEW_POST}[ \t]*|[ \t]{{3,}}+)(?P<text>[^\n]*?))?[ \t]*$",
    _F,
)
_QUOTE_ALONE_RE = lazy(rf"^[ \t]*+{_QUOTE_LABEL}:[ \t]*$", _F)
#: ``Bob wrote:`` alone on its line (and the quoted words glued after it, as article extractors join them).
_WROTE_LINE_RE = lazy(rf"^[ \t]*+[^\n:]{{1,60}}?[ \t]+(?:{alt('wrote')}|{alt('quote_head_verbs')}):", _F)
_QUOTE_HEAD_WORDS = phrases("originally_posted_by")
#: The header split by one text node a line: ``Originally Posted by`` alone, the name on the next line.
_QUOTE_SPLIT_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?P<lead>{_QUOTE_LABEL}:?[ \t]*)?(?:{alt('originally_posted_by')})[ \t]*$", _F
)
_VIEW_POST_RE = lazy(rf"^[ \t]*+{_VIEW_POST}[ \t]*$", _F)
_VIEW_POST_IN_RE = lazy(_VIEW_POST, _F)


def _prev_live(view: TextView, i: int) -> int | None:
    """The live line above ``i`` across blank lines only (one text node a line leaves runs of them)."""
    k = i - 1
    while k >= 0 and i - k <= 8 and not view.claimed[k] and not view.lines[k].strip():
        k -= 1
    return k if k >= 0 and i - k <= 8 and view.is_live(k) else None


def _plausible(user: str) -> bool:
    s = user.strip()
    return bool(s) and len(s) <= 40 and word_count(s) <= 5 and s[-1] not in ",;:!?"


def _text_follows(view: TextView, i: int) -> bool:
    """Text follows line ``i`` on the next line, or after one blank line (inscriptis sets a quote's header apart
    from the quoted text)."""
    if view.is_live(i + 1):
        return True
    return i + 1 < len(view.lines) and not view.claimed[i + 1] and view.is_live(i + 2)


@rule(
    "VB004",
    "quote",
    tags=["quote"],
    stage="structure",
    trigger=alt("originally_posted_by"),
)
def quote(view: TextView) -> Iterator[Hit]:
    """``Quote:`` / ``Originally Posted by X`` (``View Post``) quote headers; quoted text to ``post.quotes``.

    The quoted text moves with the header when its extent is clear: glued to the header
    (``Originally posted by X View PostThe text``, or after a run of blanks where the quote box's cells were
    joined: ``Originally Posted by X      The text``) or repeating an earlier post of the thread. Otherwise only
    the header lines go. Where the engine is not a classic one, a bare header needs text under it (on the next
    line, or after one blank line).

    Example (removed)::

        Quote:
        Originally Posted by marlin
    """
    for i, m in iter_line_matches(view, _QUOTE_HEADER_RE):
        user = m.group("user").strip()
        if not _plausible(user):
            continue
        strong = m.group("lead") is not None or m.group("text") is not None or _VIEW_POST_IN_RE.search(m.group(0))
        if not strong and view.engine not in _CLASSIC and not _text_follows(view, i):
            continue
        start = i
        prev = [k for k in range(i - 1, max(-1, i - 3), -1) if view.is_live(k)][:1]
        if prev and _QUOTE_ALONE_RE.match(view.lines[prev[0]]):
            start = prev[0]
        text = (m.group("text") or "").strip()
        end = i
        lines = [text] if text else []
        run = seen_run(view, i + 1)
        if run is not None:
            lines += [view.lines[k].strip() for k in range(i + 1, run + 1) if view.lines[k].strip()]
            end = run
        facts = {"quote": Quote(author=user, text="\n".join(lines))} if lines else {}
        yield Hit(start, end, f"quote of {user}'s post", facts, moved_to="quotes" if lines else None)
    for i, _m in iter_line_matches(view, _QUOTE_SPLIT_RE):
        nxt = view.first_live(i + 1)
        if not nxt or nxt[0] - i > 2 or not _plausible(view.lines[nxt[0]]):
            continue
        user, end = view.lines[nxt[0]].strip(), nxt[0]
        after = view.first_live(end + 1)
        if after and after[0] - end <= 2 and _VIEW_POST_RE.match(view.lines[after[0]]):
            end = after[0]
        start = i
        above = _prev_live(view, i)
        if above is not None and _QUOTE_ALONE_RE.match(view.lines[above]):
            start = above
        run = seen_run(view, end + 1)
        if run is not None:
            text = "\n".join(view.lines[k].strip() for k in range(end + 1, run + 1) if view.lines[k].strip())
            facts = {"quote": Quote(author=user, text=text)}
            yield Hit(start, run, f"quote of {user}'s post", facts, moved_to="quotes")
        else:
            yield Hit(start, end, f"quote of {user}'s post")


#: vBulletin 3's quote box as one table row (html2text): ``Quote: | Originally Posted by {name} {quoted text}``.
_QUOTE_CELL_RE = lazy(
    rf"^[ \t|]*+{_QUOTE_LABEL}:?[ \t]*+\|[ \t]*+(?:{alt('originally_posted_by')})[ \t]++(?P<rest>\S[^\n]{{0,2000}})$", _F
)
_QUOTE_CELL_NEEDLE = lazy(rf"\|[ \t]*+(?:{alt('originally_posted_by')})", _F)


def _quoted_name(view: TextView, rest: str) -> str:
    """The quoted poster's name at the start of ``rest``: the longest name of an earlier post's poster that
    starts it, else its first word."""
    names: set[str] = {str(name) for name, _key in view.context.get("tails", ())}
    for name in sorted(names, key=len, reverse=True):
        if rest.startswith(name) and (len(rest) == len(name) or not rest[len(name)].isalnum()):
            return name
    return str(rest.split()[0])


@rule("VB018", "quote-row", tags=["quote"], stage="structure", trigger=alt("originally_posted_by"))
def quote_row(view: TextView) -> Iterator[Hit]:
    """vBulletin 3's quote box laid out as one table row, ``Quote:`` and ``Originally Posted by X`` in cells
    side by side and the quoted text after the name (html2text drops the ``View Post`` button's image between
    them). The quoted poster is the name of an earlier post's poster that starts the cell, else its first word;
    the quoted text (the rest of the row) moves to ``post.quotes``.

    Example (removed)::

        Quote: | Originally Posted by marlin The ferry leaves at nine on Sundays.
    """
    if view.engine != "vbulletin":
        return
    for i, m in match_lines(view, _QUOTE_CELL_NEEDLE, _QUOTE_CELL_RE):
        rest = m.group("rest").strip()
        user = _quoted_name(view, rest)
        text = rest[len(user) :].strip()
        facts = {"quote": Quote(author=user, text=text)} if text else {}
        yield Hit(i, i, f"quote of {user}'s post", facts, moved_to="quotes" if text else None)


_LABEL_RE = lazy(
    rf"^[ \t]*+(?:{_QUOTE_LABEL}|{alt('classic_code_header')})(?:[ \t]*:)?[ \t]*$", _F
)


@rule("VB005", "block-label", tags=["quote"], trigger=rf"^[ \t]*+(?:{_QUOTE_LABEL}|{alt('classic_code_header')})")
def block_label(view: TextView) -> Iterator[Hit]:
    """Lone ``Quote:`` / ``Code:`` / ``PHP Code:`` labels of quote and code boxes (classic engines only); in
    vBulletin text a ``Quote:`` label far right as the post's last line too (inscriptis: the next post's quote
    box label printed above its poster column).

    Example (removed)::

        Quote:
    """
    if view.engine not in _CLASSIC:
        return
    for i, m in iter_line_matches(view, _LABEL_RE):
        if view.first_live(i + 1) or _label_over_next_poster(view, i):
            yield Hit(i, i, f"box label ({m.group(0).strip()})")


#: How far right of the line's start a label stands in a column of its own (inscriptis' message cell).
_TEXT_COLUMN_MIN = 20


def _label_over_next_poster(view: TextView, i: int) -> bool:
    """Line ``i`` (a box label) ends a vBulletin post and stands in the text column, right of the poster
    column: inscriptis prints the next post's quote box label above that post's poster column (``VB013``
    opens the post at the name under it)."""
    line = view.lines[i]
    return (
        view.engine == "vbulletin"
        and len(line) - len(line.lstrip(" ")) >= _TEXT_COLUMN_MIN
        and _QUOTE_ALONE_RE.match(line) is not None
        and not view.live_indices(i + 1)
    )


#: The separator vBulletin prints is 18 underscores; a longer rule is a page divider, not a signature's (lynx
#: writes every ``<hr>`` as underscores across the page, between a post's title and its text too).
_SIG_RE = lazy(r"^[ \t]*+_{10,40}[ \t]*$", regex.MULTILINE)
#: In text of no known engine, a signature after the separator is short: this many lines at most, none a
#: paragraph longer than this.
_SIG_LINES = 6
_SIG_LINE_CHARS = 200


def _before_quote_header(view: TextView, i: int, end: int) -> int:
    """The signature under the separator on line ``i`` ends before a quote header in it (``Quote:`` alone, ``Bob
    wrote:``, ``Originally Posted by Bob``): in text of no known engine, where an article extractor dropped the
    next post's head, that is the next post's text quoting another, no line of a signature."""
    for j in range(i + 1, end + 1):
        line = view.lines[j]
        if (":" in line or any_literal(line, _QUOTE_HEAD_WORDS)) and (
            _QUOTE_ALONE_RE.match(line) or _WROTE_LINE_RE.match(line) or _QUOTE_HEADER_RE.match(line)
        ):
            k = j - 1
            while k > i and not view.lines[k].strip():
                k -= 1
            return k
    return end


def _loose_paragraphs(view: TextView, i: int, end: int) -> bool:
    """Whether the lines after the separator on line ``i`` (to ``end``) start after a blank line and hold two
    blocks or more set apart by blank lines: paragraphs, where a signature stands right under its rule."""
    if i + 1 > end or view.lines[i + 1].strip():
        return False
    blocks = 0
    inside = False
    for j in range(i + 1, end + 1):
        if view.lines[j].strip():
            if not inside:
                blocks += 1
            inside = True
        else:
            inside = False
    return blocks >= 2


@rule("VB006", "signature", tags=["signature"], stage="news", trigger=r"_{10}")
def signature(view: TextView) -> Iterator[Hit]:
    """The ``__________________`` signature separator and the signature after it (to the end of the post).

    A line of more than 40 underscores is a page divider (a text browser's ``<hr>``), not a separator; in text of
    no known engine, a separator with nothing after it is none either (a text browser's empty form field).

    Example (removed)::

        __________________
        Visit my model railway blog
    """
    for i, _m in iter_line_matches(view, _SIG_RE):
        end = i
        k = i + 1
        while k < len(view) and not view.claimed[k]:
            if view.lines[k].strip():
                end = k
                if end - i > 15:
                    break  # a longer tail is no signature (and reading on would cost quadratic time)
            k += 1
        if end - i > 15:
            continue
        if view.engine is None:
            end = _before_quote_header(view, i, end)
        tail = [view.lines[j].strip() for j in range(i + 1, end + 1) if view.lines[j].strip()]
        sig = "\n".join(tail)
        if not sig and view.engine is None:
            continue  # a line of underscores alone, in a text of no known engine: an empty form field, a rule
        if view.engine is None and (len(tail) > _SIG_LINES or any(len(x) > _SIG_LINE_CHARS for x in tail)):
            continue  # a text browser's empty form field (a search box) above the page's own paragraphs
        if view.engine is None and (any(_SIG_RE.match(x) for x in tail) or _loose_paragraphs(view, i, end)):
            # another separator in it, or paragraphs set apart from the separator and from each other: the text
            # of posts whose heads are gone (a second cleaning), not one signature
            continue
        yield Hit(i, end, "signature", {"post.signature": sig or None}, moved_to="signature")


_EDIT_NOTE = (
    rf"(?P<note>{alt('classic_last_edited_by')}[ \t]+(?P<user>[^;:\n]{{1,60}}?)"
    # ``; 01-21-2008 at 04:18 PM.``, or the German packs' ``(12.03.2015 um 21:30 Uhr)``
    rf"(?:(?:[ \t]*;|[ \t]+:)[ \t]*(?P<when>[^\n]{{1,80}}?\d[^\n]{{0,40}}?)"
    rf"|[ \t]+(?P<when>\(\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}[^()\n]{{0,30}}?\d{{1,2}}[:.h]\d{{2}}[^()\n]{{0,12}}\)))"
    rf"(?:\.{{1,2}}[ \t]*(?:{alt('classic_edit_reason')})[ \t]*:[ \t]*[^\n]{{0,200}}?)?)[ \t]*$"
)
_EDIT_RE = lazy(rf"^[ \t]*+{_IMG}?{_EDIT_NOTE}", _F)
#: The edit note glued to the end of the post's last sentence, no blank between (trafilatura on vBulletin 5:
#: ``…winter tyres.Last edited by X; 03-12-2015, 02:40 PM.``): where it starts, and the note from there.
_GLUED_EDIT_AT_RE = lazy(rf"[.!?)][ \t]?+(?=(?:{alt('classic_last_edited_by')})[ \t])", _F)
#: (a table row's cell ends with `` |``: trafilatura on vBulletin 3 keeps the post in a row of cells)
_EDIT_TAIL_RE = lazy(_EDIT_NOTE.removesuffix(r"[ \t]*$") + r"[ \t]*+\|?[ \t]*$", _F)
_GLUED_WHEN_RE = lazy(r"(?<![ \t])[ \t]*+[;:(][ \t]*+\d")
_REASON_RE = EDIT_REASON_RE


@rule("VB007", "edit-note", tags=["edit-note"], trigger=r"edit|geändert|bearbeitet|modif|edici|ediç|bewerkt|gewijzigd|bijgewerkt|edyt|zmienion|редакт|Отредакт")
def edit_note(view: TextView) -> Iterator[Hit]:
    """``Last edited by X; 01-21-2008 at 04:18 PM.`` (and a ``Reason:`` line); moves to ``post.edit_note``.

    Example (removed)::

        Last edited by quillpen; 12-25-2009 at 01:51 PM.
        Reason: typo
    """
    for i, _m in iter_line_matches(view, _EDIT_RE):
        end = i
        nxt = view.first_live(i + 1)
        if nxt and nxt[0] <= i + 2 and _REASON_RE.match(view.lines[nxt[0]]):
            end = nxt[0]
        note = " ".join(view.lines[k].strip() for k in range(i, end + 1) if view.lines[k].strip())
        yield Hit(i, end, "edit note", {"post.edit_note": note}, moved_to="edit_note")
    if view.engine == "vbulletin":
        for i, m in iter_line_matches(view, _GLUED_EDIT_AT_RE):
            line = view.lines[i]
            at = m.end() - view.line_start(i)
            t = _EDIT_TAIL_RE.match(line, at)
            if t is not None and line[:at].strip() and _GLUED_WHEN_RE.match(line, t.end("user")):
                note = line[at:].strip(" \t|")
                yield Hit(i, i, "edit note glued to the text", {"post.edit_note": note}, cols=(at, len(line)), moved_to="edit_note")


_BUTTON = alt("classic_post_buttons")
_THANKS_BUTTON = alt("vb_thanks_button")
#: The post buttons, the thanks add-on's button (``Danke Mit Zitat antworten``) only beside another one (twice,
#: as vBulletin 4's button prints its icon's alt text and its label: ``Thanks Thanks Reply With Quote …``; last
#: in vBulletin 3's post foot: ``Report Post   Reply With Quote Thanks``).
_BUTTONS_RE = lazy(
    rf"^[ \t]*+{_IMG}?(?:(?:{_THANKS_BUTTON})[ \t\xa0]*[|•·]?[ \t\xa0]*){{0,2}}(?:{_BUTTON})"
    rf"(?:[ \t\xa0]*[|•·]?[ \t\xa0]*(?:{_BUTTON}|{_THANKS_BUTTON}))*[ \t\xa0]*$",
    _F,
)
#: The thanks add-on's button on a line of its own (taken when a post-buttons line follows).
_THANKS_BUTTON_RE = line_re(_THANKS_BUTTON)
#: The fixed words of the online statuses (``is offline``, ``ist online`` …), for the standard ``re`` module,
#: which scans a text for plain words much faster than ``regex`` (case-sensitive: it is slow otherwise).
_STATUS_WORD_SCAN = re.compile(
    "|".join(
        re.escape(p.replace("{user}", "").strip())
        for items in PHRASES["classic_online_status"].values()
        for p in items
        if p.startswith("{user} ")
    )
)
#: The poster's online status and the post's buttons on one line (vBulletin 3's post foot, cells joined), the
#: thanks add-on's button among them.
_STATUS_BUTTONS_RE = lazy(
    rf"^[ \t]*+(?:{_STATUS_NOGROUP})[ \t\xa0]+(?:(?:{_THANKS_BUTTON})[ \t\xa0]*[|•·]?[ \t\xa0]*)?(?:{_BUTTON})"
    rf"(?:[ \t\xa0]*[|•·]?[ \t\xa0]*(?:{_BUTTON}|{_THANKS_BUTTON}))*[ \t\xa0]*$",
    _F,
)
#: vBulletin 5's post controls and vote count (``3 like``, ``Comment``), in every language of the tables, and
#: vBulletin 3's new-reply button (``Reply``, ``Antwort``, ``Ответ``).
_VB5_CONTROL = alt("vb5_post_controls")
_WEAK_BUTTONS_RE = line_re(
    rf"(?:{_VB5_CONTROL}|\d[\d,.]*[ \t]+(?:{alt('vb5_vote_count')}))(?:[ \t]+(?:{_VB5_CONTROL}))*|"
    rf"{alt('vb3_reply_button')}"
)


@rule("VB008", "post-buttons", tags=["buttons"])
def post_buttons(view: TextView) -> Iterator[Hit]:
    """``Reply With Quote``, ``Multi-Quote This Message``, ``Report Post`` and (in vBulletin text) ``Comment``;
    also after the poster's online status on the same line (``quillpen is offline Report Post Reply With Quote``,
    the thanks add-on's button among them), and vBulletin 3's new-reply button (table ``vb3_reply_button``).

    Example (removed)::

        Reply With Quote
    """
    buttons = [i for i, _m in iter_line_matches(view, _BUTTONS_RE)]
    for i in buttons:
        yield Hit(i, i, "post buttons")
    for i, _m in iter_line_matches(view, _THANKS_BUTTON_RE):
        nxt = view.first_live(i + 1)
        if nxt and nxt[0] <= i + 2 and nxt[0] in buttons:
            yield Hit(i, i, "thanks button before the post buttons")
    for m in _STATUS_WORD_SCAN.finditer(view.text):  # (only lines holding an online status are tried)
        i = view.line_at(m.start())
        if view.is_live(i) and _STATUS_BUTTONS_RE.match(view.lines[i]):
            yield Hit(i, i, "online status and post buttons")
    if view.engine == "vbulletin":
        for i, _m in iter_line_matches(view, _WEAK_BUTTONS_RE):
            if not opens_share_widget(view, i):  # (``Share`` over the networks' names: GEN003 takes them all)
                yield Hit(i, i, "post buttons")


@rule("VB009", "member-menu", tags=["author-block", "buttons"], trigger=r"Profile|Private|Posts by|Homepage|is o|Avatar|Profil|profil|perfil|Profiel|profiel|posty|Просмотр|anzeigen|Nachricht|message|mensaje|mensagem|messaggi|bericht|wiadomo|сообщ|Сообщ|nline|ffline|connect|línea|linea|форума|Awatar|Аватар|" + _MENU_WORDS)
def member_menu(view: TextView) -> Iterator[Hit]:
    """Member menu (``View Public Profile``, ``Find More Posts by X``), online status and avatar alt lines.

    The poster's name printed just above the menu goes with it.

    Example (removed)::

        quillpen
        View Public Profile
        Send a private message to quillpen
        Find More Posts by quillpen
    """
    hits = [i for i, line in enumerate(view.lines) if _menu_line(line)]
    done: set[int] = set()
    for i in hits:
        if i in done:
            continue
        start = i
        j = i
        while True:
            nxt = view.first_live(j + 1)
            if nxt and nxt[0] <= j + 2 and nxt[0] in hits:
                j = nxt[0]
                done.add(j)
            else:
                break
        prev = [k for k in range(i - 1, max(-1, i - 3), -1) if view.is_live(k)][:1]
        if prev:
            above = view.lines[prev[0]].strip()
            menu = " ".join(view.lines[k] for k in range(i, j + 1))
            # the name in the menu's items, or (vBulletin 3's popup head) a name that stands alone on another line
            # of the page too: the poster's name above the post
            if above and len(above) <= 40 and word_count(above) <= 3 and (
                (j > i and above in menu)
                or (above[-1] not in ".!?:" and (_stands_alone_elsewhere(view, prev[0]) or _status_above(view, prev[0])))
            ):
                start = prev[0]
        yield Hit(start, j, "member menu")


def _status_above(view: TextView, i: int) -> bool:
    """Line ``i``'s text is the name of an online status a few lines above (``quillpen is offline``, the status
    and buttons row over vBulletin 3's popup menu; w3m prints the name elsewhere only in a column beside text)."""
    s = view.lines[i].strip()
    for k in range(max(0, i - 6), i):
        line = view.original[k].strip()
        if line.startswith(s + " ") and any(line[len(s) + 1 :].casefold().startswith(t.casefold()) for t in _STATUS_TAILS):
            return True
    return False


def _stands_alone_elsewhere(view: TextView, i: int) -> bool:
    """Line ``i``'s text is a whole line elsewhere in the view too, before it."""
    s = view.lines[i].strip()
    return any(view.original[k].strip() == s for k in range(max(0, i - 400), i - 1))


_THANKS_RE = lazy(rf"^[ \t|]*+(?:[-•*][ \t]*+|\d{{1,3}}\.[ \t]++)?(?:{alt('classic_thanks')})[ \t]*(?P<who>[^\n]{{0,400}})$", _F)
#: A line of names: ``marlin, kestrel, Omar G.`` (short items, no sentence; phpBB's thanks list parts them with
#: ``•``).
#: The thanks line's phrase with the thanked user (the post's author) in group ``user``.
_THANKED_USER = r"(?P<user>[^\n]{1,60}?)"
_THANKED_RE = lazy(
    rf"^[ \t|]*+(?:[-•*][ \t]*+|\d{{1,3}}\.[ \t]++)?(?:{alt('classic_thanks', user=_THANKED_USER)})", _F
)
_NAMES_RE = lazy(r"^[ \t]*+[^\s,.!?•][^,•\n]{0,40}(?:[,•][ \t]*[^,•\n]{1,40}){0,60}[ \t]*$")
#: The thanks line cut around the thanked name's link (one text node a line): the words before the name, and
#: those after it, from the ``classic_thanks`` templates.
_THANKS_PARTS = [p.split("{user}") for ps in PHRASES["classic_thanks"].values() for p in ps if "{user}" in p[1:]]


def _parts_re(parts: set[str]) -> str:
    items = sorted((x.strip() for x in parts if x.strip()), key=len, reverse=True)
    return "|".join(regex.escape(x).replace(r"\ ", r"[ \t]+").replace(r"\{n\}", r"\d[\d,.]*") for x in items)


_THANKS_HEAD_RE = line_re(_parts_re({h for h, _t in _THANKS_PARTS}))
_THANKS_TAIL_RE = line_re(_parts_re({t for _h, t in _THANKS_PARTS}))
_THANK_DATE_RE = lazy(r"\([^()\n]{1,40}\)")


def _names_line(line: str) -> bool:
    """``line`` (matched by ``_NAMES_RE``) lists names, each maybe with the date of its thanks in brackets
    (``Petra_H (12.03.2015)``): not a sentence."""
    if line.rstrip().endswith("."):
        return False
    return word_count(_THANK_DATE_RE.sub("", line).replace("•", " ")) <= 3 * (line.count(",") + line.count("•") + 1)


#: Words after a thanks label from which, unless they list names, the line is running text.
_PROSE_WORDS = 12
_LIKES_RE = line_re(r"Likes?|Like Tree\s?\d+\s?Likes?|\d[\d,]*[ \t]+Likes?|\d+[ \t]+Thanks|Thanks|Thanked by:?")


@rule("VB010", "thanks", tags=["reactions"], trigger=r"thank|like|dank|merci|agrade|ringrazi|bedank|dzięk|спасибо")
def thanks(view: TextView) -> Iterator[Hit]:
    """Thanks/like add-on lines: ``The Following 3 Users Say Thank You to X For This Useful Post:`` + names.

    The thanked user ``X`` is the post's author: in text sniffed as vBulletin it is the post's author name when
    its poster block left none (a main-content extractor drops the name and keeps the title, or nothing).

    Example (removed)::

        The Following 2 Users Say Thank You to quillpen For This Useful Post:
        marlin, kestrel
    """
    for i, m in iter_line_matches(view, _THANKS_RE):
        who = m.group("who").strip(" \t|")
        if word_count(who) >= _PROSE_WORDS and not _names_line(who):
            continue  # the label glued to the post's text (a flattened poster column): no line of its own
        end = i
        if not who:
            nxt = view.first_live(i + 1)
            if nxt and nxt[0] <= i + 2 and _NAMES_RE.match(view.lines[nxt[0]]):
                who = view.lines[nxt[0]].strip()
                end = nxt[0]
        if end > i and not _names_line(view.lines[end]):
            who, end = "", i
        facts: dict[str, object] = {"post.reactions": who or None}
        if view.engine == "vbulletin" and (t := _THANKED_RE.match(view.lines[i])) is not None and t.group("user"):
            facts["author.name"] = t.group("user").strip()  # (the box names the post's author: the name a block lost)
        yield Hit(i, end, "thanks line", facts, moved_to="reactions")
    for i, _m in iter_line_matches(view, _THANKS_HEAD_RE):
        nxt = view.first_live(i + 1, 3)
        if len(nxt) < 2 or nxt[1] > i + 4 or len(view.lines[nxt[0]].strip()) > 60:
            continue
        if not _THANKS_TAIL_RE.match(view.lines[nxt[1]]):
            continue
        end = nxt[1]
        who = ""
        if len(nxt) > 2 and nxt[2] <= end + 2 and _NAMES_RE.match(view.lines[nxt[2]]) and _names_line(view.lines[nxt[2]]):
            who, end = view.lines[nxt[2]].strip(), nxt[2]
        yield Hit(i, end, "thanks line, one part a line", {"post.reactions": who or None}, moved_to="reactions")
    if view.engine == "vbulletin":
        for i, _m in iter_line_matches(view, _LIKES_RE):
            yield Hit(i, i, "likes line")


#: The like add-on's summary after the names (``like this.``, ``gefällt das.``; nine languages), alone on its line
#: where the names were links (one text node a line).
_LIKES_THIS = alternation("xf_likes_this")
_LIKES_THIS_LINE_RE = lazy(rf"^[ \t]*+(?:{_LIKES_THIS})[ \t]*$", _F)
_LIST_AND = alternation("list_and")
#: Between the names, one a line: a comma, or the list's ``and`` (``and`` / ``, and``).
_LIKER_SEP_RE = lazy(rf"^[ \t]*+(?:,|,?[ \t]*(?:{_LIST_AND}))[ \t]*$", _F)


def _liker_name(line: str) -> bool:
    """``line`` reads as a member's name (or the list's last item, ``2 others``): short, a few words, no
    sentence end."""
    s = line.strip()
    return 0 < len(s) <= 40 and word_count(s) <= 4 and s[-1] not in ".!?:;"


def _above(view: TextView, i: int) -> int | None:
    """The live line right over line ``i`` (a blank line between them at most)."""
    for k in (i - 1, i - 2):
        if k >= 0 and view.is_live(k):
            return k
    return None


@rule("VB022", "likes-summary", tags=["reactions"], trigger=tuple(p.lower() for p in phrases("xf_likes_this")))
def likes_summary(view: TextView) -> Iterator[Hit]:
    """The like add-on's summary under a post written one name a line (the names were links: ``alice`` / ``,`` /
    ``bob`` / ``and`` / ``2 others`` / ``like this.``), on a text sniffed as vBulletin. The names move to
    ``post.reactions``. (On one line, ``alice, bob and 2 others like this.``, GEN010 reads it.)

    Example (removed)::

        kestrel
         and
        marlin
         like this.
    """
    if view.engine != "vbulletin":
        return  # (XenForo's XF005 reads its own; elsewhere "My wife and I like this." is a sentence)
    for i, line in view.iter_lines():
        if len(line) <= 40 and line.rstrip().endswith(".") and _LIKES_THIS_LINE_RE.match(line):
            k = _above(view, i)
            if k is None or not _liker_name(view.lines[k]):
                continue
            start, names = k, [view.lines[k].strip()]
            for _ in range(30):
                sep = _above(view, start)
                if sep is None or not _LIKER_SEP_RE.match(view.lines[sep]):
                    break
                name = _above(view, sep)
                if name is None or not _liker_name(view.lines[name]) or _LIKER_SEP_RE.match(view.lines[name]):
                    break
                names[:0] = [view.lines[name].strip(), view.lines[sep].strip()]
                start = name
            who = " ".join(names).replace(" ,", ",")
            yield Hit(start, i, "likes summary, one name a line", {"post.reactions": who}, moved_to="reactions")


_LEFTOVER_RE = lazy(
    rf"^[ \t|]*+(?:[-•][ \t]*)?(?:(?:Old[ \t]+)?{CLASSIC_DATE}[ \t|]*+(?:Link[ \t]*)?\#[ \t]?\d{{1,7}}[^\n]{{0,40}}"
    r"|(?:Link[ \t]*)?\#[ \t]?\d{1,7}(?:[ \t]*\\?\|?[ \t]*(?:Link|Report Post))?"
    r"|Mentioned|Tagged|Quoted|\d[\d,.]*[ \t]+(?:Post|Thread)\(s\)|Rep Power(?:[ \t]*:?[ \t]*\d+)?"
    r"|Original Poster|Thread Starter|Posting Rules|Similar Threads"
    r"|Thanked[ \t]+\d[\d,.]*[ \t]+Times[ \t]+in[ \t]+\d[\d,.]*[ \t]+Posts?)[ \t|]*$",
    _F,
)


_LEFTOVER_NEEDLE = lazy(
    r"#|Mentioned|Tagged|Quoted|Post\(s\)|Thread\(s\)|Rep Power|Original Poster|Thread Starter|Posting Rules|"
    r"Similar Threads|Thanked"
)


#: A post header line that opens with a date (compiled once, with the rule patterns).
_DATED_HEADER_RE = lazy(rf"^[ \t|]*+(?:[-•][ \t]*)?(?:(?:{_OLD})[ \t]+)?{CLASSIC_DATE}", _F)


# (not a fingerprint: on a text not sniffed as vBulletin it takes only the dated header, ``{date} #6``, which
# bbPress, phpBB themes and others print too)
@rule(
    "VB011",
    "post-header",
    tags=["post-meta"],
    trigger=r"#|Mentioned|Tagged|Quoted|Post\(s\)|Rep Power|Poster|Starter|Posting Rules|Similar Threads|Thanked",
    fingerprint=False,
)
def post_header(view: TextView) -> Iterator[Hit]:
    """Leftover post-header and stat lines: ``05-13-2016, 02:15 PM #6``, ``#13``, ``Mentioned`` / ``3 Post(s)``.

    Only in text sniffed as vBulletin (``#13`` alone is too weak elsewhere), except a dated header line.

    Example (removed)::

        #13
        Mentioned
        39 Post(s)
    """
    for i, m in match_lines(view, _LEFTOVER_NEEDLE, _LEFTOVER_RE):
        dated = _DATED_HEADER_RE.match(m.group(0)) is not None
        if view.engine == "vbulletin" or dated:
            facts = date_facts(m.group(0).split("#")[0].strip(" |-\t")) if dated else {}
            yield Hit(i, i, "post header line", facts, moved_to="date" if dated else None)


_NOTICE_RE = line_re(
    r"Powered by vBulletin[^\n]{0,200}|Copyright ©?[^\n]{0,40}(?:Jelsoft Enterprises|vBulletin Solutions)[^\n]{0,120}|"
    r"All times are GMT[^\n]{0,80}|Currently Active Users Viewing This Thread:[^\n]{0,200}|"
    rf"(?:{alt('vb_thread_label')})[ \t]?:[ \t]+[^\n]{{1,200}}|View Full Version[ \t]*:[^\n]{{0,200}}|"
    rf"(?:{alt('vb_notice_starts')})[^\n]{{0,600}}|"
    # a notice with its dismiss button's text before it (``Dismiss NoticeThis site uses cookies…``), a list
    # item's number before them (Resiliparse numbers the notices' list: ``1. Dismiss Notice This site …``)
    rf"(?:\d{{1,3}}\.[ \t]++)?(?:{alt('vb_dismiss_notice')})(?:[^\n]{{0,600}})|"
    # the toolbar items, one a line or several on one (``Thread Tools Search this Thread Display Modes``)
    rf"{alt('vb_thread_chrome')}(?:[ \t]+{alt('vb_thread_chrome')}){{0,6}}"
)
_LANGS = f"{alt('language_endonyms')}|{alt('language_exonyms')}"
#: vBulletin 4's notice list item with its dismiss button's text, its list number kept (w3m).
_NUMBERED_NOTICE_RE = lazy(rf"^[ \t]*+\d{{1,2}}\.[ \t]++(?:{alt('vb_dismiss_notice')})[^\n]{{0,600}}$", _F)
#: The selected item of vBulletin's quick language chooser in the footer: ``-- English (US)``, ``-- Deutsch (Sie)``.
_LANG_CHOOSER_RE = lazy(
    rf"^[ \t]*+(?:--[ \t]*(?:{_LANGS})(?:[ \t]*\([^()\n]{{1,24}}\))*"
    # (or as lynx shows the drop-down, in brackets, where it may print a name's last characters twice:
    # ``[-- Españoll]``, ``[-- Português (Brasil))]``, ``[-- Русский (RU)й (RU)]``)
    rf"|\[--[ \t]*(?:{_LANGS})(?:[ \t]*+\([^()\n]{{1,24}}\)|\)|[^\s()\[\]]{{1,3}}+)*+\])[ \t]*$",
    _F,
)
#: A footer link (``Contact Us``, the site's name, ``Archive``): a few words, no sentence.
_FOOTER_LINK_RE = lazy(r"^[ \t]*+[^\s.!?:][^\n.!?:]{0,40}[ \t]*$")
#: A line of the inline script in vBulletin 4's footer (``<!--``, ``// Main vBulletin Javascript …``,
#: ``vBulletin_init();``, ``//-->``), printed by converters that keep a script's text.
_FOOTER_SCRIPT_RE = lazy(r"^[ \t]*+(?:<!--|//|-->)[^\n]{0,80}$|^[ \t]*+[\w.$]{1,40}\([^()\n]{0,40}\);[ \t]*$")
#: What closes vBulletin's footer links: the time-zone line, the credit, the copyright.
_FOOTER_END_RE = lazy(rf"^[ \t]*+(?:{alt('all_times_are')}|Powered by|Copyright|©)", _F)
#: vBulletin 3's similar-threads table: its column heads, and a row (title, starter, forum, replies, last post).
_SIMILAR_HEAD_RE = line_re(alt("vb_similar_columns"))
_SIMILAR_ROW_RE = lazy(rf"^[ \t]*+[^\n]{{3,300}}?[ \t]\d[\d,.]*[ \t]+{CLASSIC_DATE}[ \t]*$", _F)
#: vBulletin 4's new-reply button, ``+ Reply to Thread`` (the ``+`` on a line of its own, or before the word; a
#: reader of bulleted text reads a lone ``+`` as a bullet, ``-``).
_NEW_REPLY_RE = lazy(rf"^[ \t]*+(?:\+[ \t]*+(?P<word>{alt('vb_reply_to_thread')})?|-)[ \t]*$", _F)
_NEW_REPLY_WORD_RE = line_re(alt("vb_reply_to_thread"))
#: vBulletin 4's similar-threads list (``ol.similarthreads``) under its heading: each row a title, ``By {user} in
#: forum {forum}``, ``Replies: 7`` and ``Last Post: {date}``, one field a line or a label's value on the next lines.
_SIMILAR_HEADING_RE = line_re(alternation("related_headings"))
_SIMILAR_BY = alt("vb_similar_by")
_SIMILAR_IN = alt("vb_similar_in_forum")
_SIMILAR_STAT = alt("vb_similar_stats")
#: A row's field: a label alone (its value on the next lines) or with its value (``By x in forum y``).
_SIMILAR_FIELD_RE = lazy(
    rf"^(?:(?P<by>{_SIMILAR_BY})(?:[ \t]++[^\n]{{1,60}}?[ \t]{_SIMILAR_IN}[ \t]++[^\n]{{1,60}})?"
    rf"|(?P<in>{_SIMILAR_IN})(?:[ \t]++[^\n]{{1,60}})?|(?P<stat>{_SIMILAR_STAT})(?P<value>[ \t]*+[^\n]{{0,60}}))$",
    _F,
)
_LIST_NUMBER_RE = lazy(r"^\d{1,3}\.(?:[ \t]++|$)")
#: A one-word toolbar menu (``Display``, ``Ansicht``): taken next to other thread-chrome lines only.
_TOOLBAR_WORD_RE = line_re(alt("vb_toolbar_words"))


#: vBulletin 3's navbar login form, one or several of its labels a line (``User Name Remember Me?`` / ``Password``).
_LOGIN_LABEL = alt("vb3_navbar_login")
_LOGIN_ROW_RE = line_re(rf"(?:{_LOGIN_LABEL})(?:[ \t]++(?:{_LOGIN_LABEL})){{0,3}}")
_LOGIN_PAIR_RE = line_re(rf"(?:{_LOGIN_LABEL})(?:[ \t]++(?:{_LOGIN_LABEL})){{1,3}}")


#: The labels as :func:`_widget_login_row` looks for them (case-folded, longest first).
_LOGIN_WORDS = tuple(sorted({p.casefold() for ps in PHRASES["vb3_navbar_login"].values() for p in ps}, key=len, reverse=True))
#: A form field as a text browser draws it: a check box (``[ ]``, ``[X]``), an empty text field's underscores.
_WIDGET_RE = lazy(r"\[[ xX*]?\]++|_++")
#: A line that may hold form fields (the literal guard of :func:`_widget_login_row`).
_WIDGET_LINE_RE = lazy(r"^[^\n]*?(?:\[[ xX*]?\]|__)[^\n]*$", regex.MULTILINE)


def _widget_login_row(line: str) -> bool:
    """A row of the login form as lynx draws it: its labels and fields (``User Name User Name_ [ ] Remember
    Me?``, ``Password  __________ Log in``), the name field showing its label cut to the field's size
    (``Nom d'util``); a label and a field at least, nothing else."""
    s = line.casefold()
    labels = 0
    for w in _LOGIN_WORDS:
        if w in s:
            labels += s.count(w)
            s = s.replace(w, " ")
    s, fields = _WIDGET_RE.subn(" ", s)
    if not labels or not fields:
        return False
    rest = " ".join(s.split())
    return not rest or (len(rest) >= 2 and any(w.startswith(rest) for w in _LOGIN_WORDS))


def _login_rows(view: TextView) -> Iterator[Hit]:
    """The navbar login form's label lines: a line of two labels or more, and a line of one label next to it;
    or the form's rows as lynx draws them, labels and fields (:func:`_widget_login_row`)."""
    rows = [i for i, _m in iter_line_matches(view, _LOGIN_ROW_RE)]
    pairs = {i for i in rows if _LOGIN_PAIR_RE.match(view.lines[i])}
    if could_match(_WIDGET_LINE_RE, view.text):
        for i, m in iter_line_matches(view, _WIDGET_LINE_RE):
            if len(m.group(0).strip()) <= 200 and _widget_login_row(m.group(0)):
                yield Hit(i, i, "login form")
    for i in rows:
        if i in pairs or any(k in pairs for k in range(i - 2, i + 3)):
            yield Hit(i, i, "login form")


_LOGIN_CELL_RE = lazy(rf"^{_LOGIN_LABEL}$", _F)


def _login_cells(view: TextView) -> Iterator[Hit]:
    """The navbar login form as table rows (html2text: ``| User Name |  | Remember Me?`` / ``Password |  |``):
    every cell empty or a label, a row of two labels or more and a row of one next to it."""
    if "|" not in view.text:
        return
    rows: dict[int, int] = {}
    for i, _m in iter_line_matches(view, _LOGIN_ROW_RE_CELL):
        line = view.lines[i]
        if "|" not in line or len(line) > 200:
            continue
        cells = [c.strip() for c in line.split("|")]
        if all(not c or _LOGIN_CELL_RE.match(c) for c in cells):
            rows[i] = sum(1 for c in cells if c)
    for i, n in rows.items():
        if n >= 2 or any(rows.get(k, 0) >= 2 for k in range(i - 2, i + 3)):
            yield Hit(i, i, "login form")


#: The navbar login form's labels in a column right of other text (inscriptis sets the breadcrumb and the login
#: form side by side: ``Tank Talk > Water Quality  User Name    Remember Me?`` / ``{title}      Password``).
_LOGIN_TAIL_RE = lazy(
    rf"(?<![ \t])[ \t]*+(?<=[ \t]{{2}})(?P<tail>(?:{_LOGIN_LABEL})(?:[ \t]{{2,}}+(?:{_LOGIN_LABEL})){{0,3}})[ \t]*$", _F
)
_LOGIN_NEEDLE = lazy(_LOGIN_LABEL, _F)


def _login_tails(view: TextView) -> Iterator[Hit]:
    """The navbar login form's labels at the end of lines that hold other text before them (two blanks or
    more between): a tail of two labels or more, and a tail of one next to it. The text before them stays."""
    text = view.text
    if "  " not in text and "\t" not in text:
        return  # (a tail stands two blanks or more right of the text: a text without such a gap has none)
    tails: dict[int, tuple[int, int]] = {}
    for i in candidate_lines(view, _LOGIN_NEEDLE):
        line = view.lines[i]
        if len(line) > 400 or ("  " not in line and "\t" not in line):
            continue
        m = _LOGIN_TAIL_RE.search(line)
        if m is None or not line[: m.start()].strip():
            continue
        tails[i] = (m.start("tail"), len(_LOGIN_PAIR_SPLIT_RE.findall(m.group("tail"))) + 1)
    for i, (start, n) in tails.items():
        if n >= 2 or any(tails.get(k, (0, 0))[1] >= 2 for k in range(i - 2, i + 3)):
            yield Hit(i, i, "login form beside the text", cols=(start, len(view.lines[i])))


_LOGIN_PAIR_SPLIT_RE = lazy(r"(?<![ \t])[ \t]{2,}+(?=\S)")


#: A line that starts with a login label, maybe after a table cell's ``|`` (candidates for ``_login_cells``).
_LOGIN_ROW_RE_CELL = lazy(rf"^[ \t|]*+(?:{_LOGIN_LABEL})[ \t]*+\|", _F)


@rule("VB012", "thread-chrome", tags=["navigation", "notice"])
def thread_chrome(view: TextView) -> Iterator[Hit]:
    """vBulletin thread and footer chrome: ``Results 1 to 10 of 15``, ``Thread Tools``, credit line.

    ``Thread: {title}`` and the display-mode lines go only in text sniffed as vBulletin, as do the footer links
    under the language chooser, vBulletin 3's similar-threads table, vBulletin 4's similar-threads list (its
    rows one field a line, ``By`` / name / ``in forum`` / forum / ``Replies:`` / count …, tables
    ``vb_similar_by``, ``vb_similar_in_forum``, ``vb_similar_stats``) and vBulletin 4's ``+ Reply to Thread``
    button (table ``vb_reply_to_thread``), and vBulletin 3's navbar login labels (table ``vb3_navbar_login``: a
    line of two labels or more, ``User Name Remember Me?``, and a line of one next to it; as table rows too,
    ``| User Name |  | Remember Me?`` / ``Password |  |``), vBulletin 3's pager
    as one table row (``| | Page 1 of 2 | 1 | 2 | > |``, tables ``pager_page``, ``pager_of``, ``pager_steps``)
    and the language chooser with the footer links beside it (``-- English (US)    Contact Us - Archive``);
    and the boxes under vBulletin 3's posts written as table rows (trafilatura: ``| Similar Threads |  |  |``), read
    from their cells. The navbar login form may be drawn as lynx does, a line of labels and fields
    (``Password  __________ Log in``), and the language chooser may be in brackets (``[-- English (US)]``, lynx's
    drop-down).

    Example (removed)::

        Powered by vBulletin® Version 4.2.3
    """
    taken: list[int] = []
    # (a scan of every line for the phrases costs ~10 times a pass finding the lines that hold one; no match
    # crosses a line end)
    for i, last, m in matches_at(view, _NOTICE_RE, literal_lines(view, _NOTICE_RE)):
        if i != last:
            continue
        s = m.group(0).strip()
        if view.engine == "vbulletin" or "vBulletin" in s or "GMT" in s or "Viewing" in s:
            taken.append(i)
            yield Hit(i, i, "thread chrome")
    if view.engine == "vbulletin":
        yield from _table_rows(view, set(taken))
        for i, _m in iter_line_matches(view, _NUMBERED_NOTICE_RE):
            yield Hit(i, i, "notice (a list item)")
        yield from _footer_links(view)
        yield from _similar_rows(view)
        yield from _similar_list(view)
        yield from _new_reply(view)
        yield from _login_rows(view)
        yield from _login_cells(view)
        yield from _login_tails(view)
        yield from _pager_row(view)
        yield from _footer_row(view)
    if view.engine == "vbulletin" and taken:
        near = set(taken)
        for i, _m in iter_line_matches(view, _TOOLBAR_WORD_RE):
            if any(k in near for k in range(i - 3, i + 4)):
                yield Hit(i, i, "thread toolbar menu")


#: The online statuses' words after a name (``is offline``, ``ist offline``, ``вне форума`` …).
_STATUS_TAILS = sorted(
    {p[len("{user} ") :] for ps in PHRASES["classic_online_status"].values() for p in ps if p.startswith("{user} ")},
    key=len,
    reverse=True,
)
_STATUS_TAIL_WORDS = tuple(_STATUS_TAILS)
_SNIFF_STATUS_RE = lazy(
    r"[ \t](?:" + "|".join(regex.escape(t).replace(r"\ ", " ") for t in _STATUS_TAILS) + r")[ \t]*$", regex.MULTILINE
)
_PAGE_OF = rf"(?:{alternation('pager_page')})[ \t]+\d{{1,5}}[ \t]+(?:{alternation('pager_of')})[ \t]+\d{{1,5}}"
_PAGE_OF_RE = lazy(_PAGE_OF, regex.IGNORECASE)
_PAGE_OF_CELL_RE = lazy(rf"^{_PAGE_OF}$", regex.IGNORECASE)
#: A cell of vBulletin 3's pager row: a page number, an arrow, a step (``Next``, ``Last``) or the reply button.
_PAGER_CELL_RE = lazy(
    rf"^(?:\d{{1,5}}|[<>«»]{{1,2}}|(?:{alternation('pager_steps')}|{alternation('pager_ends')}|{alt('vb3_reply_button')})"
    r"(?:[ \t]*[<>«»]{1,2})?)$",
    regex.IGNORECASE,
)


def _pager_row(view: TextView) -> Iterator[Hit]:
    """vBulletin 3's pager as one table row (html2text: ``| | Page 1 of 2 | 1 | 2 | > |``; the reply button's
    image, when it has no text, reads as nothing): every cell empty, a page number, an arrow, a step or the
    reply button, one of them ``Page 1 of 2`` (tables ``pager_page``, ``pager_of``, ``pager_steps``)."""
    for i in candidate_lines(view, _PAGE_OF_RE):
        line = view.lines[i]
        if "|" not in line or len(line) > 300:
            continue
        cells = [c.strip() for c in line.split("|")]
        if sum(1 for c in cells if _PAGE_OF_CELL_RE.match(c)) != 1:
            continue
        if all(not c or _PAGE_OF_CELL_RE.match(c) or _PAGER_CELL_RE.match(c) for c in cells):
            yield Hit(i, i, "pager row")


#: The language chooser with the footer links beside it on one line (inscriptis, html2text: table cells).
_LANG_ROW_RE = lazy(
    rf"^[ \t]*+--[ \t]*(?:{alt('language_endonyms')}|{alt('language_exonyms')})(?:[ \t]*\([^()\n]{{1,24}}\))*"
    r"(?:[ \t]*+\||[ \t]{2,}+)[ \t]*+(?P<links>\S[^\n]{0,200}?)[ \t]*$",
    _F,
)


def _footer_row(view: TextView) -> Iterator[Hit]:
    """The language chooser and the footer links on one line, ``-- English (US)    Contact Us - {site} -
    Archive - Top``: each link a few words, no sentence."""
    if "--" not in view.text:
        return
    for i, m in iter_line_matches(view, _LANG_ROW_RE):
        parts = m.group("links").split(" - ")
        if len(parts) >= 2 and all(_FOOTER_LINK_RE.match(x) and word_count(x) <= 5 for x in parts):
            yield Hit(i, i, "language chooser and footer links")


def _similar_rows(view: TextView) -> Iterator[Hit]:
    """The column heads of vBulletin 3's similar-threads table and the rows under them, each ending with the
    reply count and the last post's date."""
    original = "\n".join(view.original)  # (the heads may be taken already, with a first row)
    if not could_match(_SIMILAR_HEAD_RE, original):
        return
    for m in _SIMILAR_HEAD_RE.finditer(original):
        i = original.count("\n", 0, m.start())
        if view.is_live(i):
            yield Hit(i, i, "similar threads: column heads")
        for k in view.first_live(i + 1, 10):
            if not _SIMILAR_ROW_RE.match(view.lines[k]):
                break
            yield Hit(k, k, "similar threads: row")


def _cells(line: str) -> str | None:
    """A table row's cells joined by one blank (``| Similar Threads |  |  |`` -> ``Similar Threads``), or None
    when ``line`` is no table row (a flattener that keeps tables, trafilatura, writes ``| cell | cell |``)."""
    s = line.strip(" \t\xa0")
    if len(s) < 3 or s[0] != "|" or s[-1] != "|":
        return None
    return " ".join(c.strip(" \t\xa0") for c in s[1:-1].split("|") if c.strip(" \t\xa0"))


def _table_rows(view: TextView, taken: set[int]) -> Iterator[Hit]:
    """vBulletin 3's boxes under the posts as table rows (trafilatura): the who-is-reading line, the similar
    threads' heading, column heads and rows, the posting-rules heading and statements, each read from its
    cells joined (``| Similar Threads |  |  |`` / ``| Thread | Thread Starter | Forum | Replies | Last Post |``)."""
    heads = False
    for i, line in enumerate(view.lines):
        if i in taken or not view.is_live(i) or "|" not in line:
            continue
        row = _cells(line)
        if not row:
            continue
        if _NOTICE_RE.match(row) or _SIMILAR_HEADING_RE.match(row):
            yield Hit(i, i, "thread chrome (a table row)")
        elif _SIMILAR_HEAD_RE.match(row):
            heads = True
            yield Hit(i, i, "similar threads: column heads (a table row)")
        elif heads and _SIMILAR_ROW_RE.match(row):
            yield Hit(i, i, "similar threads: row (a table row)")
        else:
            heads = False


def _new_reply(view: TextView) -> Iterator[Hit]:
    """vBulletin 4's ``+ Reply to Thread`` button, or its ``+`` alone with the button's word on the next line."""
    if "+" not in view.text and "-" not in view.text:
        return
    for i, m in iter_line_matches(view, _NEW_REPLY_RE):
        if m.group("word"):
            yield Hit(i, i, "new-reply button")
            continue
        nxt = next((k for k in range(i + 1, min(len(view), i + 3)) if view.original[k].strip()), None)
        if nxt is not None and _NEW_REPLY_WORD_RE.match(view.original[nxt]):
            yield Hit(i, i, "new-reply button")
            if view.is_live(nxt):  # (the word may be taken as a button already)
                yield Hit(nxt, nxt, "new-reply button")


def _similar_item(line: str) -> str:
    """``line`` without its blanks, list bullet and list number (``1. ``)."""
    s = line.strip(" \t\xa0")
    if len(s) > 2 and s[0] in "-•*" and s[1] in " \t":
        s = s[2:].lstrip()
    m = _LIST_NUMBER_RE.match(s)
    return s[m.end() :] if m else s


def _similar_list(view: TextView) -> Iterator[Hit]:
    """vBulletin 4's similar-threads list: its heading and rows (``_SIMILAR_FIELD_RE``), a row's fields on one
    line each or split into label and value lines (one text node a line), the thread titles (a line followed by
    the row's ``By`` field) and list numbers between them. The list needs a row's stat labels."""
    lines = view.original
    original = "\n".join(lines)  # (the heading may be taken already, with a first row)
    if not could_match(_SIMILAR_HEADING_RE, original):
        return
    for hm in _SIMILAR_HEADING_RE.finditer(original):
        i = original.count("\n", 0, hm.start())
        end = i
        stats = 0
        expect = 0  # value lines still expected after a label alone
        dated = False  # the values expected are the last post's date and time (lines with digits)
        k = i + 1
        gap = 0
        while k < len(lines) and k - i < 200:
            raw = lines[k]
            if not raw.strip():
                gap += 1
                if gap > 4:
                    break
                k += 1
                continue
            gap = 0
            item = _similar_item(raw)
            m = _SIMILAR_FIELD_RE.match(item) if item else None
            if not item:
                pass  # a list number alone
            elif m is not None:
                label_alone = m.group("stat") is not None and not m.group("value").strip()
                expect, dated = 0, False
                if m.group("stat") is not None:
                    stats += 1
                    if label_alone:
                        expect, dated = 2, True
                elif item.strip() == (m.group("by") or m.group("in") or "").strip():
                    expect = 1  # the user (the forum) on the next line
            elif expect and len(item) <= 60 and word_count(item) <= 6 and (not dated or any(c.isdigit() for c in item)):
                expect -= 1
            else:
                expect = 0
                nxt = next((j for j in range(k + 1, min(len(lines), k + 6)) if lines[j].strip()), None)
                title = len(item) <= 200 and word_count(item) <= 24 and item[-1:] not in ".:;,"
                if not title or nxt is None:
                    break
                after = _similar_item(lines[nxt])
                n = _SIMILAR_FIELD_RE.match(after) if after else None
                if n is None or (n.group("by") is None and n.group("stat") is None):
                    break
            end = k
            k += 1
        if stats >= 2 and end > i:
            yield from free_spans(view, i, end, "similar threads")


def _footer_links(view: TextView) -> Iterator[Hit]:
    """The language chooser's ``-- English (US)`` and the footer links under it (``Contact Us`` / site name /
    ``Archive`` …), up to the time-zone or credit line that ends vBulletin's footer (or the end of the text)."""
    for i, _m in iter_line_matches(view, _LANG_CHOOSER_RE):
        links: list[int] = []
        k = i + 1
        gap = 0
        end_found = False
        while k < len(view) and len(links) <= 14:
            line = view.lines[k]
            if view.claimed[k] and _FOOTER_END_RE.match(view.original[k]):
                end_found = True  # (another rule took the time-zone line already)
                break
            if not line.strip() or view.claimed[k]:
                gap += not view.claimed[k]
                if gap > 4:
                    break
                k += 1
                continue
            gap = 0
            if _FOOTER_END_RE.match(line):
                end_found = True
                break
            if _FOOTER_SCRIPT_RE.match(line):
                links.append(k)  # the inline script's text between the links and the time line (vB4)
                k += 1
                continue
            item = line.strip(" \t\xa0")
            if len(item) > 2 and item[0] in "-•*" and item[1] in " \t":
                item = item[2:]  # a list bullet (html2text writes the links as a list)
            parts = item.split(" - ") if " - " in item and len(item) <= 160 else [item]
            if any(not _FOOTER_LINK_RE.match(x) or word_count(x) > 5 for x in parts):
                break
            links.append(k)
            k += 1
        if not end_found and view.first_live(k):
            links = []
        yield Hit(i, i, "language chooser")
        for k in links:
            yield Hit(k, k, "footer link")


_SNIFF_RULE_RE = lazy(r"^[ \t]*+_{18}[ \t]*$", regex.MULTILINE)
_SNIFF_DATE_RE = lazy(r"^[ \t]*+\d{2}-\d{2}-\d{4}, \d{2}:\d{2} [AP]M[ \t]*#\d+", regex.MULTILINE)
#: vBulletin 5's vote count and post controls, one a line (trafilatura keeps them as list items: ``- 3 like`` /
#: ``- Comment`` / ``- Quote`` / ``- Like``), in every language of the tables: the count and three controls under it.
_VB5_VOTE_WORDS = tuple(p for ps in PHRASES["vb5_vote_count"].values() for p in ps)
_SNIFF_VB5_CONTROLS_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]*+)?\d[\d,.]*+[ \t]++(?:{alt('vb5_vote_count')})[ \t]*+\n"
    rf"(?:[ \t]*+(?:[-•*][ \t]*+)?(?:{_VB5_CONTROL})[ \t]*+\n){{3}}",
    _F,
)
#: vBulletin 3's post header as a table row (trafilatura keeps the table): ``| 14.03.2019, 20:15 | #1 |``.
_SNIFF_VB3_ROW_RE = lazy(rf"^[ \t]*+\|[ \t]*+{CLASSIC_DATE}[ \t]*+\|[ \t]*+\#\d{{1,7}}[ \t]*+\|", _F)
_SNIFF = (
    (lazy(rf"^[ \t]*+(?:{alt('originally_posted_by')})\b", _F), 0.35),
    (lazy(rf"^[ \t]*+(?:(?:{_THANKS_BUTTON})[ \t]+)?(?:{alt('vb_reply_with_quote')})[ \t]*$", regex.MULTILINE), 0.35),
    # the join-date label (``Join Date``; in the other languages, whose labels are common words, with its date
    # after it: ``Registriert seit`` / ``11.2011``)
    (
        lazy(
            rf"^[ \t]*+(?:[-•][ \t]*)?(?:Join Date\b|(?:{alt('vb_join_date')})[ \t]*:?[ \t]*"
            r"(?:\n[ \t]*+(?:[-•][ \t]*)?)?(?:[^\W\d_]{3,9}\.?[ \t]+)?\d{1,4}[./-]?\d)",
            regex.MULTILINE,
        ),
        0.25,
    ),
    (_SNIFF_STATUS_RE, 0.3),
    (lazy(r"View Public Profile|Find More Posts by|View Forum Posts"), 0.3),
    # (not ``Last edited by Name; 2 Oct, 2023 @ 8:47pm``: Steam's edit note, its time after an ``@``)
    (lazy(rf"(?:{alt('classic_last_edited_by')})[ \t]+[^;(\n]{{1,60}}(?:; (?![^\n@]{{1,24}}@[ \t]*+\d)|[ \t]\(\d)"), 0.3),
    (_SNIFF_RULE_RE, 0.2),
    (lazy(r"vBulletin"), 0.5),
    (_SNIFF_DATE_RE, 0.4),
    (lazy(r"^[ \t]*+Rep Power\b|^[ \t]*+\d+ Post\(s\)$", regex.MULTILINE), 0.3),
    (lazy(r"^[ \t]*+Post Cancel[ \t]*$", regex.MULTILINE), 0.3),
    (_SNIFF_VB5_CONTROLS_RE, 0.35),
    (_SNIFF_VB3_ROW_RE, 0.35),
)
#: Substring tests every text these patterns match passes (the literal guards they get by themselves are weak).
_SNIFF_NEEDS = {
    _SNIFF_STATUS_RE: lambda head: any_literal(head, _STATUS_TAIL_WORDS),
    _SNIFF_RULE_RE: lambda head: "__________________" in head,
    _SNIFF_DATE_RE: lambda head: "#" in head and (" AM" in head or " PM" in head),
    _SNIFF_VB5_CONTROLS_RE: lambda head: any(w in head for w in _VB5_VOTE_WORDS),
    _SNIFF_VB3_ROW_RE: lambda head: "| #" in head,
}


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from a vBulletin page (two distinctive signals for 0.5)."""
    return weighted_sniff(text, _SNIFF, _SNIFF_NEEDS)


_RULE_STATEMENT = "|".join(
    regex.escape(p).replace(r"\ ", r"\s+") for p in sorted(PHRASES["vb_posting_rules"]["en"], key=len, reverse=True)
)
_RULES_BOX_RE = lazy(rf"(?:\s*+(?:{_RULE_STATEMENT}))++\s*+", regex.IGNORECASE)
_RULES_HEAD_RE = lazy(r"^[ \t]*+Posting Rules[ \t]*$")


@rule("VB015", "posting-rules", tags=["notice"], scope="document", trigger=("posting rules",))
def posting_rules(view: TextView) -> Iterator[Hit]:
    """The posting-rules box under its ``Posting Rules`` heading when a converter writes each text node on a
    line of its own (BeautifulSoup, lxml): ``You`` / ``may not`` / ``post new threads`` … ``BB code`` / ``is``
    / ``On`` … ``Forum Rules`` (table ``vb_posting_rules``). The lines go as far as they still spell the
    box's statements.

    Example (removed, under ``Posting Rules``)::

        You
        may not
        post new threads
        BB code
        is
        On
    """
    for i, line in enumerate(view.original):
        if len(line) > 40 or "Posting" not in line or not _RULES_HEAD_RE.match(line):
            continue
        joined = ""
        good: int | None = None
        for k in range(i + 1, min(len(view), i + 80)):
            if view.claimed[k] or not view.lines[k].strip():
                continue
            joined += " " + view.lines[k].strip()
            if _RULES_BOX_RE.fullmatch(joined, partial=True) is None:
                break
            if _RULES_BOX_RE.fullmatch(joined) is not None:
                good = k
        if good is not None and good > i + 2:
            yield from free_spans(view, i + 1, good, "posting rules")


# -- VB016: vBulletin 5's poster block with its stat labels gone ----------------------------------------------

#: vBulletin 5 prints a poster's stats as ``<li><label>Join Date:</label> Sep 2011</li>``; Resiliparse drops the
#: labels (form elements), leaving the values as list items: a month and year, then a count.
_BARE_JOINED_RE = lazy(r"^(?P<indent>[ \t]*+)[-•][ \t]++(?P<value>[^\W\d_]{3,9}\.?[ \t]+\d{4})[ \t]*$")
_BARE_COUNT_RE = lazy(r"^(?P<indent>[ \t]*+)[-•][ \t]++(?P<value>\d{1,3}(?:[,.\xa0\u202f ]?\d{3})*+)[ \t]*$")
_NAME_ITEM_RE = lazy(r"^(?P<indent>[ \t]*+)[-•][ \t]++(?P<name>\S[^\n]{0,39}?)[ \t]*$")


@rule("VB016", "bare-value-author-block", tags=["author-block"], stage="split", scope="document")
def bare_value_author_block(view: TextView) -> Iterator[Hit]:
    """vBulletin 5's poster block with the stat labels gone: the name as a list item, the user title under it,
    then the join date and the post count as the only items of a list nested deeper (Resiliparse drops
    ``<label>``).

    Example (removed)::

          • quillpen
            Senior Member
            • Jan 2009
            • 6,058
    """
    lines = view.lines
    for i in range(2, len(lines) - 1):
        line = lines[i]
        if not line.rstrip()[-1:].isdigit() or (j := _BARE_JOINED_RE.match(line)) is None:
            continue
        c = _BARE_COUNT_RE.match(lines[i + 1])
        if c is None or c.group("indent") != j.group("indent") or view.claimed[i] or view.claimed[i + 1]:
            continue
        if i + 2 < len(lines) and (more := _NAME_ITEM_RE.match(lines[i + 2])) and more.group("indent") == c.group("indent"):
            continue  # the list goes on: not the two stats of a poster block
        # the name item above (the user title between), in a list nested less deep than the stats
        k = i - 1
        ranks: list[str] = []
        if not _NAME_ITEM_RE.match(lines[k]):
            title = lines[k].strip()
            if not title or word_count(title) > 4 or title[-1] in ".!?:,;" or view.claimed[k]:
                continue
            ranks.append(title)
            k -= 1
        n = _NAME_ITEM_RE.match(lines[k])
        if (
            n is None
            or view.claimed[k]
            or len(n.group("indent")) >= len(j.group("indent"))
            or word_count(n.group("name")) > 4
            or n.group("name")[-1] in ".!?:,;"
        ):
            continue
        pairs = (("Join Date", j.group("value")), ("Posts", c.group("value")))
        facts = classic_poster_facts(n.group("name").strip(), ranks, pairs)
        yield Hit(k, i + 1, "poster block without its stat labels", facts, moved_to="author")


# -- VB021: the forum jump menu, one option a line ---------------------------------------------------------------


@rule(
    "VB021",
    "forum-jump",
    tags=["navigation"],
    scope="document",
    trigger=tuple(dict.fromkeys(p.lower() for p in phrases("forum_jump"))),
    fingerprint=False,  # (MyBB prints the same menu)
)
def forum_jump(view: TextView) -> Iterator[Hit]:
    """vBulletin's forum jump menu, its options one a line (BeautifulSoup, lxml): under ``Forum Jump``, the
    fixed items (``User Control Panel``, ``Private Messages``, ``Subscriptions``, ``Who's Online``, ``Search
    Forums``, ``Forums Home``), then every forum's name, sub-forums indented (:func:`forum_jump_menus`, as
    MyBB's ``MYB007`` reads it), on a text sniffed as vBulletin. A label without such a run under it is kept.

    Example (removed)::

        Forum Jump
        User Control Panel
        Private Messages
        Subscriptions
        Who's Online
         Garden
             Vegetables
    """
    if view.engine != "vbulletin":
        return  # (on a text no pack claims, the menu is MyBB's MYB007's)
    for i, end in forum_jump_menus(view):
        if end is not None:
            yield from free_spans(view, i, end, "forum jump menu")


# -- VB023 ----------------------------------------------------------------------------------------------------

_ATTACH_WORDS = tuple(sorted({w.lower() for ws in PHRASES["classic_attachments"].values() for w in ws}))
#: the size and view count vBulletin prints after an attached file's name (``(48.6 KB, 37 views)``)
_VB_FILE_STATS = r"\([\d.,]++[ \t]*+(?:KB|KiB|MB|MiB|GB|bytes?|B),[^()\n]{1,40}\)"
_VB_ATTACH_HEAD_RE = lazy(rf"^[ \t]*+(?:{alt('classic_attachments')})(?:[ \t]*+:)?(?P<rest>[ \t|][^\n]*+)?$", _F)
_VB_FILE_STATS_RE = lazy(rf"{_VB_FILE_STATS}[ \t]*$", _F)
_VB_FILE_RE = lazy(
    rf"^[^\n]{{0,300}}?{_VB_FILE_STATS}[ \t]*$|^[ \t]*+[^\s/\\]{{1,120}}\.[a-z0-9]{{2,5}}[ \t]*$|^[ \t]*+-{{3}}\|-{{3}}[ \t]*$",
    _F,
)


@rule("VB023", "attachments", tags=["link-card"], trigger=_ATTACH_WORDS)
def attachments(view: TextView) -> Iterator[Hit]:
    """The attachment box under a message: ``Attached Images`` / ``Attached Files`` (``classic_attachments``)
    over the files, each with its size and view count (``pump.jpg (48.6 KB, 37 views)``, an icon's alt text
    before it), or the whole box on one line (inscriptis, html2text's table). Only when one file line shows
    the size and count.

    Example (removed)::

        Attached Images
        File Type: jpg  harbour.jpg (48.6 KB, 37 views)
    """
    if view.engine not in (None, "vbulletin"):
        return
    for i, m in iter_line_matches(view, _VB_ATTACH_HEAD_RE):
        rest = m.group("rest") or ""
        stats = bool(rest.strip()) and _VB_FILE_STATS_RE.search(rest) is not None
        if rest.strip() and not stats:
            continue
        end = i
        k = i
        while True:
            nxt = view.first_live(k + 1)
            if not nxt or nxt[0] > k + 3 or not _VB_FILE_RE.match(view.lines[nxt[0]]):
                break
            k = end = nxt[0]
            stats = stats or _VB_FILE_STATS_RE.search(view.lines[k]) is not None
        if stats:
            yield Hit(i, end, "attachment box")


PACK = RulePack(
    name="vbulletin",
    prefix="VB",
    rules=(
        stats_beside_name,
        one_line_stats_block,
        list_author_block,
        author_block,
        side_author_block,
        inline_author_block,
        glued_post_header,
        side_author_column,
        quote,
        quote_row,
        block_label,
        signature,
        edit_note,
        post_buttons,
        member_menu,
        thanks,
        attachments,
        post_header,
        thread_chrome,
        posting_rules,
        bare_value_author_block,
        forum_jump,
        likes_summary,
    ),
    sniff=sniff,
    description="vBulletin 3/4/5 pages flattened to text",
)
