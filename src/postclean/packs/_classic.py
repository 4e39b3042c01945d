"""Pieces shared by the classic engine packs (vBulletin, phpBB, SMF, MyBB, FluxBB).

Dates as these engines print them (US numeric ``05-13-2016, 02:15 PM`` included, which
:func:`postclean.dates.parse_date` does not read), phrase templates from :mod:`postclean.phrases` turned into
patterns, and the poster-block finder the packs' split rules are built on: a run of stat lines (``Join Date:
Mar 2010`` / ``Posts: 1,234``, bullet, label-then-value and glued forms), widened upwards over the poster's
name, user title, member menu and the engine's post header (``05-13-2016, 02:15 PM #6``), and downwards over
the lines that close the block (``Logged``, ``Share``, ``#2``, the post date, ``Post by X » {date}``).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol

import attrs
import regex

from .._lazy import lazy
from ..dates import DATE_RE, SLASHED_DATE, parse_date
from ..labels import RANK_RE, STAT_LABELS, label_alternation, label_field
from ..phrases import PHRASES, alternation
from ..text import TextView, line_key, word_count
from ._common import LineHeads, has_stat_label, matches_at, parse_count
from ._sniff import signal_found

if TYPE_CHECKING:
    from ..rules import Hit

__all__ = [
    "CLASSIC_DATE",
    "STARTER_BADGE_RE",
    "BesideHead",
    "Block",
    "BlockSpec",
    "Guarded",
    "alt",
    "beside_hits",
    "block_hits",
    "classic_poster_facts",
    "find_blocks",
    "forum_jump_menus",
    "left_cell",
    "line_re",
    "parse_classic_date",
    "status_tail",
]

_FLAGS = regex.IGNORECASE | regex.MULTILINE | regex.VERSION1

USER = r"[^\n]{1,60}?"
NUM = r"\d[\d,.]*"


def alt(concept: str, *, user: str = USER, n: str = NUM) -> str:
    """Alternation of a phrase concept; ``{user}`` and ``{n}`` placeholders become patterns; longest first."""
    items: list[str] = []
    for phrases in PHRASES[concept].values():
        for p in phrases:
            if p not in items:
                items.append(p)
    parts: list[str] = []
    suffixes: list[str] = []
    for p in sorted(items, key=len, reverse=True):
        lead = p.startswith("{user}")
        esc = regex.escape(p[6:] if lead else p)
        # html2text glues a name's link to the word before it inside bold text (``Danke zu[Petra](…)``) and sets
        # an apostrophe apart after the bold mark (``**L 'utilisateur``); the apostrophe may be typographic
        esc = esc.replace(r"\ \{user\}", r"[ \t]*\{user\}").replace("'", r"[ \t]?['’]")
        esc = esc.replace(r"\ ", r"[ \t]+").replace(r"\{user\}", user).replace(r"\{n\}", n)
        (suffixes if lead else parts).append(esc)
    if suffixes:
        # one lazy scan for the name, then the suffixes (much cheaper than one scan per template)
        parts.append(user + "(?:" + "|".join(suffixes) + ")")
    return "(?:" + "|".join(parts) + ")"


#: ``Reason: …`` line that vBulletin and phpBB print under an edit note, in every language of the tables.
EDIT_REASON_RE = lazy(
    rf"^[ \t]*+(?:{alt('classic_edit_reason')})[ \t]*:[ \t]*[^\n]{{0,200}}$",
    regex.IGNORECASE | regex.MULTILINE | regex.VERSION1,
)


def line_re(body: str, flags: int = _FLAGS) -> regex.Pattern[str]:
    """A whole-line pattern (leading/trailing blanks, no-break spaces among them, and an optional list bullet
    allowed)."""
    return lazy(rf"^[ \t\xa0]*+(?:[-•*·][ \t]*)?(?:{body})[ \t\xa0]*$", flags)


# ----------------------------------------------------------------------------------------------- dates

_TIME = r"\d{1,2}(?::\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?|h\d{2})"
_RELATIVE_WORDS = (
    r"Today|Yesterday|Heute|Gestern|Aujourd'hui|Aujourd’hui|Hier|Hoy|Ayer|Hoje|Ontem|Oggi|Ieri|Vandaag|Gisteren|"
    r"Dzisiaj|Wczoraj|Сегодня|Вчера"
)
_RELATIVE = (
    rf"(?:(?:{_RELATIVE_WORDS}),?(?:[ \t]+(?:at|um|à|a las|às|alle|om|o|в))?[ \t]+{_TIME}"
    r"|\d{1,3}[ \t]+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)[ \t]+ago"
    r"|(?:a|one|\d{1,2})[ \t]+Weeks?[ \t]+Ago(?:[ \t]+at[ \t]+" + _TIME + r")?)"
)
#: ``12/03/2015, 21h02`` (day first; French, Spanish and Portuguese language packs), named groups dropped.
_SLASHED = regex.sub(r"\(\?P<\w+>", "(?:", SLASHED_DATE)
_NUMERIC = rf"(?:\d{{1,2}}-\d{{1,2}}-\d{{4}}|\d{{4}}-\d{{1,2}}-\d{{1,2}})(?:,?[^\S\n]+(?:at[^\S\n]+)?{_TIME})?"
#: A post date as the classic engines print it: numeric (US or ISO), relative, or any :data:`DATE_RE` form.
#: (``DATE_RE``'s optional am/pm after ``\s*`` can swallow a line break; the look-behind gives it back.)
CLASSIC_DATE = rf"(?:{_NUMERIC}|{_RELATIVE}|{DATE_RE.pattern}|{_SLASHED})(?<!\s)"
CLASSIC_DATE_RE = lazy(CLASSIC_DATE, _FLAGS)
DATE_ONLY_LINE_RE = lazy(rf"^[ \t]*+(?:[-•][ \t]*)?{CLASSIC_DATE}[ \t]*$", _FLAGS)

_US_RE = lazy(
    r"(?P<a>\d{1,2})-(?P<b>\d{1,2})-(?P<y>\d{4})|(?P<y2>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})"
)
_TIME_RE = lazy(
    r"(?P<h>\d{1,2})[:h](?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:[ \t]?(?P<ap>[AaPp])\.?[Mm]\.?)?"
)


def parse_classic_date(text: str) -> _dt.date | _dt.datetime | None:
    """Parse the classic engines' post dates; US numeric ``05-13-2016, 02:15 PM`` is month first.

    >>> parse_classic_date("05-13-2016, 02:15 PM")
    datetime.datetime(2016, 5, 13, 14, 15)
    >>> parse_classic_date("2025-11-01 15:14:37")
    datetime.datetime(2025, 11, 1, 15, 14, 37)
    >>> parse_classic_date("Mon Mar 04, 2019 10:05 am")
    datetime.datetime(2019, 3, 4, 10, 5)
    """
    m = _US_RE.search(text)
    if m is not None and DATE_RE.search(text[: m.start()]) is None:
        if m.group("y"):
            a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
            mo, d = (a, b) if a <= 12 else (b, a)
        else:
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        try:
            day = _dt.date(y, mo, d)
        except ValueError:
            return parse_date(text)
        t = _TIME_RE.search(text, m.end())
        if t is None or t.start() - m.end() > 6:
            return day
        h, mi, s = int(t.group("h")), int(t.group("mi")), int(t.group("s") or 0)
        ap = (t.group("ap") or "").lower()
        if ap == "p" and h < 12:
            h += 12
        elif ap == "a" and h == 12:
            h = 0
        if h > 23 or mi > 59 or s > 59:
            return day
        return _dt.datetime(y, mo, d, h, mi, s)
    return parse_date(text)


def date_facts(raw: str) -> dict[str, Any]:
    """``post.date`` / ``post.date_raw`` facts for a date string."""
    raw = raw.strip()
    facts: dict[str, Any] = {"post.date_raw": raw}
    d = parse_classic_date(raw)
    if d is not None:
        facts["post.date"] = d
    return facts


# ----------------------------------------------------------------------------------------------- stat lines

_MONTH_YEAR_RE = lazy(r"^[ \t]*+(?P<m>[^\W\d_]{3,12})\.?[ \t]+(?P<y>\d{4})[ \t]*$")


def _month_year(value: str) -> _dt.date | None:
    m = _MONTH_YEAR_RE.match(value)
    if m is None:
        return None
    d = parse_date(f"1 {m.group('m')} {m.group('y')}")
    return d.date() if isinstance(d, _dt.datetime) else d


_EXTRA_FIELDS = {
    "from": "location",
    "registered": "joined",
    "join date": "joined",
    "threads": "extra:Threads",
    "thread(s)": "extra:Threads",
}


_JOINED_STEMS = ("join", "regist", "inscri", "iscritt", "dołącz", "rejestr", "зарегистр", "регистр", "ingreso", "lid sinds")
_MESSAGES_STEMS = ("posts", "beiträge", "messag", "mensag", "mensaj", "berichten", "posty", "postów", "сообщ")


def _field(label: str) -> str | None:
    key = " ".join(label.split()).lower()
    found = _EXTRA_FIELDS.get(key) or label_field(key)
    if found is None:
        if key.startswith(_JOINED_STEMS):
            return "joined"
        if key.startswith(_MESSAGES_STEMS):
            return "messages"
    return found


#: An online-status word glued to the end of the name line (``quillpen Offline``; MyBB prints it beside the name).
_STATUS_TAIL_RE = lazy(rf"(?<=\S)[ \t]+(?:{alt('classic_offline')})[ \t]*$", regex.IGNORECASE)


def status_tail(line: str) -> bool:
    """Whether ``line`` ends with an online-status word after a name (``quillpen Offline``)."""
    return _STATUS_TAIL_RE.search(line.strip()) is not None


def classic_poster_facts(
    name: str | None, ranks: list[str], pairs: Iterable[tuple[str, str | None]]
) -> dict[str, Any]:
    """``author.*`` facts from a name, user-title lines and ``(label, value)`` pairs."""
    facts: dict[str, Any] = {}
    extra: dict[str, str] = {}
    if name:
        facts["author.name"] = _STATUS_TAIL_RE.sub("", name.strip())
    ranks = [r.strip() for r in ranks if r.strip()]
    if ranks:
        facts["author.rank"] = ranks[0]
        if len(ranks) > 1:
            facts["author.banner"] = " / ".join(ranks[1:])
    for label, value in pairs:
        label = " ".join(label.split()).rstrip(":")
        if value is None or not value.strip():
            continue
        value = value.strip()
        field = _field(label) or f"extra:{label}"
        if field == "joined":
            d = _month_year(value) or parse_classic_date(value)
            if isinstance(d, _dt.datetime):
                d = d.date()
            if d is not None:
                facts.setdefault("author.joined", d)
                continue
        elif field in ("messages", "reaction_score", "points"):
            count = parse_count(value)
            if count is not None:
                facts.setdefault(f"author.{field}", count)
                continue
        elif field in ("location", "country", "website"):
            facts.setdefault(f"author.{field}", value)
            continue
        key = field.split(":", 1)[1] if field.startswith("extra:") else label
        extra.setdefault(key, value)
    if extra:
        facts["author.extra"] = extra
    return facts


_LABELS = "|".join(
    dict.fromkeys(
        [
            alt("classic_stat_labels")[3:-1],
            label_alternation(),
        ]
    )
)
#: Every poster-statistics label, classic engines' and the shared table's (an alternation, no group).
CLASSIC_LABELS = _LABELS
_CORE = frozenset({"joined", "messages"})
_GLUED_VALUE = rf"(?:[^\W\d_]{{3,9}}\.?[ \t]+\d{{4}}|{CLASSIC_DATE}|-?\d[\d,.]*[kKmM]?(?:[ \t]+(?:Post|Thread)\(s\))?)"
#: ``Label: value``, ``Label:`` alone, ``Label`` alone (value on the next line) or ``Label value`` / glued
#: ``LabelValue`` when the value is a date or a number.
STAT_LINE_RE = lazy(
    rf"^[ \t]*+(?P<bullet>[-•*·▪][ \t]*)?(?P<label>{_LABELS})"
    rf"(?:[ \t]*:[ \t]*(?P<value>[^\n]{{0,80}}?)|[ \t]*(?P<glued>{_GLUED_VALUE})|[ \t]{{2,}}+(?P<spaced>\S[^\n]{{0,40}}?))?[ \t]*$",
    _FLAGS,
)
#: ``Label value`` joined by one blank, the value free text (``Location Earth``): a stat line only between two
#: others (BeautifulSoup's ``get_text()`` joins vBulletin 4's ``dt``/``dd`` cells so), see :func:`_runs`.
_SPACED_PAIR_RE = lazy(
    rf"^[ \t]*+(?:[-•*·▪][ \t]*)?(?P<label>{_LABELS})[ \t]++(?P<value>[^\s:][^\n:]{{0,40}}?)[ \t]*$", _FLAGS
)
#: Where a :data:`STAT_LINE_RE` match can start (see :class:`LineHeads`).
_STAT_HEADS = LineHeads(
    [
        *(p for phrases in PHRASES["classic_stat_labels"].values() for p in phrases),
        *(x for langs in STAT_LABELS.values() for labels in langs.values() for x in labels),
    ],
    bullets="-•*·▪",
)
_VALUE_LINE_RE = lazy(r"^[ \t]*+(?:[-•*·▪][ \t]*)?(?P<value>[^\n]{1,60}?)[ \t]*$")
#: A value alone on its line, as one-node-per-line text puts it under a ``Label:`` line: a count or a date (a
#: count grouped by blanks too, as French, Polish and Russian write thousands: ``1 234``).
_NEXT_VALUE_RE = lazy(rf"^[ \t]*+(?:{_GLUED_VALUE}|\d{{1,3}}(?:[ \xa0\u202f]\d{{3}})++)[ \t]*$", _FLAGS)
#: A custom profile field inside a poster block: ``Primary OS: Mac OS X`` (short label, short value).
_CUSTOM_FIELD_RE = lazy(
    r"^[ \t]*+(?:[-•*·▪][ \t]*)?(?P<label>[^\W\d_][^:\n]{0,28}?):[ \t]*(?P<value>[^\n]{0,60}?)[ \t]*$"
)
_CUSTOM_FIELD_LONG_RE = lazy(
    r"^[ \t]*+(?:[-•*·▪][ \t]*)?(?P<label>[^\W\d_][^:\n]{0,28}?):[ \t]*(?P<value>[^\n]{61,120}?)[ \t]*$"
)
#: A custom field's label alone on its line (``Programs:``), its value on the next.
_LABEL_ALONE_RE = lazy(r"^[ \t]*+(?:[-•*·▪][ \t]*)?[^\W\d_][^:\n]{0,28}:[ \t]*$")
#: ``quillpen wrote:`` is a quote header, not a profile field, even right under the stats.
_QUOTE_LABEL_RE = lazy(rf"(?:{alternation('wrote')}|{alternation('said')})[ \t]*$", regex.IGNORECASE)
_BULLET_ONLY_RE = lazy(r"^[ \t]*+[-•*·▪][ \t]*$")
_LIST_ITEM_RE = lazy(r"^[ \t]*+[-•*·▪][ \t]+\S")
_SUBJECT_LABEL_RE = lazy(r"^(?:Re|Aw|Odp|R|SV|VS|Antw|Rif|Réf|Ответ|Quote|Code|Reason|Edit Reason)$", regex.IGNORECASE)


@attrs.frozen
class Block:
    """A poster block: lines ``start``..``end`` and what was read from it.

    ``evidence``: an engine-specific line (post header, closing line) was found around the stats.
    """

    start: int
    end: int
    facts: dict[str, Any]
    evidence: bool = False


class LineMatcher(Protocol):
    """What a :class:`BlockSpec` needs of a pattern: ``match`` at the start of one line."""

    def match(self, string: str, /) -> regex.Match[str] | None: ...


@attrs.frozen
class Guarded:
    """``pattern`` behind a cheap necessary ``test``: :meth:`match` runs the pattern only on lines that pass."""

    pattern: regex.Pattern[str]
    test: Callable[[str], bool]

    def match(self, string: str, /) -> regex.Match[str] | None:
        return self.pattern.match(string) if self.test(string) else None


@attrs.frozen
class BlockSpec:
    """What one engine's poster block looks like around its stat lines.

    ``header`` matches the line that opens a post above the block (vB ``05-13-2016, 02:15 PM #6``, FluxBB
    ``#1 2025-11-01 15:14:37``); its groups ``date``, ``num`` and ``rank`` (a user title glued on) become facts.
    ``pre`` matches lines that may stand between the name and the stats (member menu, online status,
    avatar alt, ``Original Poster``). ``post`` matches lines that may follow the stats and still belong to
    the block; ``closing`` (a callable) may claim further lines (subject, date, post-by lines) and return
    their facts. ``name_gap``: the name may sit above a blank line (SMF prints it in its own heading).
    """

    header: LineMatcher | None = None
    pre: LineMatcher | None = None
    post: LineMatcher | None = None
    closing: Callable[[TextView, int], tuple[int, dict[str, Any]]] | None = None
    name_gap: bool = False
    single_ok: bool = False
    stoppers: LineMatcher | None = None
    #: lines inside the block that prove the engine (default: any header or closing line)
    evidence: LineMatcher | None = None
    #: ``pre`` lines that stand above the name when they stand above one (phpBB's avatar alt text, a thread
    #: starter's badge): no line above them is the name or a rank
    top: bool = False


_SENTENCE_END = frozenset('.!?,;:"”)')


def _candidate(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 50 or word_count(s) > 6 or s[-1] in _SENTENCE_END:
        return False
    if "://" in s or s.startswith(("#", ">", "[", "(")):
        return False  # (``(95.79 KiB) Downloaded 478 times``: an attachment's size above the next block)
    return DATE_ONLY_LINE_RE.match(s) is None


def _prose(line: str) -> bool:
    """A line of a post's text: a sentence of three words or more, or seven words or more, most of them words
    of letters (not a pagination row's numbers)."""
    s = line.strip()
    n = word_count(s)
    if n >= 3 and s[-1:] in ".!?…":
        return True
    return n >= 7 and sum(1 for w in s.split() if w[:1].isalpha()) * 3 >= len(s.split()) * 2


def _long_rank(view: TextView, i: int, spec: BlockSpec) -> bool:
    """A custom rank title too long for :func:`_candidate` (``Keeper of the old lighthouse and its logbooks``),
    taken only right under a name that sits under the avatar line (``User avatar``) ``spec.pre`` matches."""
    s = view.lines[i].strip()
    if spec.pre is None or not s or len(s) > 90 or word_count(s) > 12 or s[-1] in _SENTENCE_END:
        return False
    if i < 2 or not view.is_live(i - 1) or not view.is_live(i - 2) or not _candidate(view.lines[i - 1]):
        return False
    return spec.pre.match(view.lines[i - 2]) is not None


def _stat_items(view: TextView) -> dict[int, regex.Match[str]]:
    """Stat lines of ``view`` (computed once per view: the five classic packs share the scan)."""
    cache = view.context.setdefault("classic_stat_items", {})
    key = (id(view.original), view.base, len(view))
    found: dict[int, tuple[str, regex.Match[str]]] | None = cache.get(key)
    if found is None:
        found = {}
        for first, last, m in matches_at(view, STAT_LINE_RE, _STAT_HEADS.lines(view)):
            if first == last:
                found[first] = (view.lines[first], m)
        cache[key] = found
    return {i: m for i, (line, m) in found.items() if not view.claimed[i] and view.lines[i] == line}


def candidate_lines(view: TextView, needle: regex.Pattern[str]) -> list[int]:
    """Indices of live lines holding ``needle`` (a cheap pre-filter before a costly per-line pattern)."""
    out: list[int] = []
    last = -1
    for m in needle.finditer(view.text):
        i = view.line_at(m.start())
        if i != last and not view.claimed[i]:
            out.append(i)
            last = i
    return out


def match_lines(
    view: TextView, needle: regex.Pattern[str], pattern: regex.Pattern[str]
) -> Iterator[tuple[int, regex.Match[str]]]:
    """``(line, match)`` for live lines holding ``needle`` that ``pattern`` matches (matched per line)."""
    for i in candidate_lines(view, needle):
        m = pattern.match(view.lines[i])
        if m is not None:
            yield i, m


def _blank_run(view: TextView, k: int) -> int:
    """How many input lines the blank line ``k`` stands for (the rules see a run of blank lines as one)."""
    dropped: list[int] | None = view.context.get("dropped")
    return 1 if dropped is None else 1 + dropped[view.base + k]


def _next_live(view: TextView, i: int, limit: int = 2) -> int | None:
    k = i + 1
    blanks = 0
    while k < len(view) and not view.is_live(k):
        if view.claimed[k]:
            return None
        blanks += _blank_run(view, k)
        if blanks > limit:
            return None
        k += 1
    return k if k < len(view) else None


def _short_value(view: TextView, k: int | None, items: Mapping[int, object]) -> bool:
    """Line ``k`` as the last free value of a run (``Founded:`` / ``Antiquity``, one text node a line): a word or
    three, not a sentence, not a field itself."""
    if k is None or k in items:
        return False
    cand = view.lines[k].strip()
    return len(cand) <= 30 and word_count(cand) <= 3 and cand[-1:] not in ".!?:" and ":" not in cand


def _value_inside(view: TextView, k: int | None, items: Mapping[int, object]) -> bool:
    """Line ``k`` as the free value of the ``Label:`` line above it (one text node a line): short, not a field
    itself, and another stat line or ``Label:`` line right below it, so that the run goes on, or the post's
    number or date (MyBB's ``Location:`` / ``Leipzig`` / ``#1`` / ``{date}``: the block's last field)."""
    if k is None or k in items:
        return False
    cand = view.lines[k].strip()
    if len(cand) > 80 or word_count(cand) > 12 or _CUSTOM_FIELD_RE.match(cand):
        return False
    nxt = _next_live(view, k, 1)
    if nxt is None:
        return False
    after = view.lines[nxt]
    return (
        nxt in items
        or _LABEL_ALONE_RE.match(after) is not None
        or (len(after.strip()) <= 80 and (_HASH_NUM_RE.match(after) is not None or DATE_ONLY_LINE_RE.match(after) is not None))
    )


def _runs(view: TextView, items: dict[int, regex.Match[str]]) -> Iterator[tuple[int, int, list[tuple[str, str | None]]]]:
    """Runs of stat lines (with values on the next line and custom fields in between)."""
    used: set[int] = set()
    n = len(view)
    for i in sorted(items):
        if i in used:
            continue
        pairs: list[tuple[str, str | None]] = []
        j: int | None = i
        end = i
        customs = 0
        while j is not None and j < n:
            m = items.get(j)
            if m is not None and j not in used:
                used.add(j)
                label = " ".join(m.group("label").split())
                value = m.group("value")
                if value and "    " in value:
                    value = _CELL_GAP_RE.split(value, maxsplit=1)[0]  # (a cell of another column beside it)
                if value is None and m.group("glued"):
                    value = m.group("glued")
                if value is None and m.group("spaced"):
                    value = m.group("spaced")  # ``Location   Lisbon``: label and value cells joined by blanks
                end = j
                if value == "":
                    # ``Label:`` alone, its number or date on the next line (one text node per line)
                    k = _next_live(view, j, 1)
                    if k is not None and k not in items and _NEXT_VALUE_RE.match(view.lines[k]):
                        value = view.lines[k].strip()
                        end = k
                    elif k is not None and _value_inside(view, k, items):
                        value = view.lines[k].strip()  # ``Location:`` / ``Lisbon`` / ``Posts:``
                        end = k
                    elif sum(1 for _, v in pairs if v) >= 2 and _short_value(view, k, items):
                        # the run's last ``Label:``, its value a word or three on the next line (``Location:`` /
                        # ``Lisbon``) under two stats with values
                        assert k is not None
                        value = view.lines[k].strip()
                        end = k
                elif value is None and m.group(0).rstrip()[-1:] != ":":
                    k = _next_live(view, j, 1)
                    if k is not None and k not in items:
                        vm = _VALUE_LINE_RE.match(view.lines[k])
                        cand = view.lines[k].strip()
                        if vm and len(cand) <= 60 and word_count(cand) <= 8 and not _CUSTOM_FIELD_RE.match(cand):
                            value = vm.group("value")
                            end = k
                pairs.append((label, value))
                j = _next_live(view, end, 1)
                continue
            if j is not None and pairs and customs < 8:
                line = view.lines[j]
                nxt = _next_live(view, j, 1)
                if nxt is not None and nxt in items and (sp := _SPACED_PAIR_RE.match(line)) is not None:
                    value = sp.group("value")
                    if word_count(value) <= 5 and value[-1] not in _SENTENCE_END:
                        # ``Join Date Aug 2004`` / ``Location Earth`` / ``Posts 8,197``: between two stat lines
                        pairs.append((" ".join(sp.group("label").split()), value))
                        end = j
                        j = nxt
                        continue
                cm = _CUSTOM_FIELD_RE.match(line)
                if cm is None and nxt is not None and nxt in items:
                    cm = _CUSTOM_FIELD_LONG_RE.match(line)  # between two stats a longer value is still a field
                if (
                    cm
                    and "://" not in cm.group("label")
                    and not _SUBJECT_LABEL_RE.match(cm.group("label"))
                    and not _QUOTE_LABEL_RE.search(cm.group("label"))
                    and not _reads_as_sentence(cm.group("label"), cm.group("value"))
                ):
                    # a custom field counts only inside a run, right after a run of two known pairs, or
                    # right after one known pair when its own value is a count or a date (``Founded: 2019``)
                    value_like = bool(cm.group("value")) and _NEXT_VALUE_RE.match(cm.group("value")) is not None
                    # (or, one text node a line, its value alone on the next line and a stat line after that)
                    split_value = (
                        not cm.group("value")
                        and nxt is not None
                        and nxt not in items
                        and _NEXT_VALUE_RE.match(view.lines[nxt]) is not None
                    )  # ``Founded:`` / ``2019``
                    inside = split_value or (
                        not cm.group("value")
                        and (
                            _value_inside(view, nxt, items)
                            or (bool(pairs[-1][1]) and _short_value(view, nxt, items))
                        )
                    )
                    if len(pairs) >= 2 or (nxt is not None and nxt in items) or value_like or inside:
                        value = cm.group("value") or None
                        end = j
                        if inside:
                            assert nxt is not None
                            value, end = view.lines[nxt].strip(), nxt  # ``Programs:`` / ``BA Gold`` / ``Posts:``
                            nxt = _next_live(view, nxt, 1)
                        pairs.append((cm.group("label").strip(), value))
                        customs += 1
                        j = nxt
                        continue
                if _BULLET_ONLY_RE.match(line):
                    # (part of the run only when a stat follows: else the next block's, over its name)
                    j = _next_live(view, j, 1)
                    continue
            break
        yield i, end, pairs


def find_blocks(view: TextView, spec: BlockSpec) -> list[Block]:
    """Poster blocks in ``view`` shaped as ``spec`` describes."""
    items = _stat_items(view)
    if not items:
        return []
    blocks: list[Block] = []
    for start, end, pairs in _runs(view, items):
        fields = {_field(label) for label, _ in pairs}
        valued = sum(1 for _, v in pairs if v)
        header_at, name, ranks, first, header_facts = _look_up(view, start, spec)
        strong = (fields & _CORE and len(pairs) >= 2 and valued >= 2) or (len(pairs) >= 3 and valued >= 3)
        weak_ok = (
            bool(fields & _CORE)
            and valued >= 1
            and header_at is not None
        )
        last, close_facts = _look_down(view, end, spec, numbered="post.number" in header_facts)
        closed = last > end and name is not None and spec.single_ok
        if not (strong or weak_ok or (closed and fields & _CORE and valued >= 1)):
            continue
        facts = classic_poster_facts(name, ranks, pairs)
        facts.update({k: v for k, v in header_facts.items() if v is not None})
        for k, v in close_facts.items():
            facts.setdefault(k, v)
        if spec.evidence is not None:
            evidence = header_at is not None or any(
                spec.evidence.match(view.lines[k]) for k in range(first, last + 1) if view.is_live(k)
            )
        else:
            evidence = header_at is not None or last > end
        blocks.append(Block(first, last, facts, evidence=evidence))
    return blocks


_BARE_NUM_RE = lazy(r"^[ \t]*+\d{1,7}[ \t]*$")


def _live_above(view: TextView, i: int) -> int | None:
    k = i - 1
    while k >= 0 and i - k <= 6 and not view.claimed[k] and not view.lines[k].strip():
        k -= 1
    return k if k >= 0 and i - k <= 6 and view.is_live(k) else None


_HASH_NUM_RE = lazy(r"^[ \t]*+\#\d{1,7}[ \t]*$")


def _split_header(view: TextView, i: int, header: LineMatcher) -> tuple[int, regex.Match[str]] | None:
    """A post header split by one text node a line: ``{date}`` / ``#`` / ``4`` (line ``i`` the number) or ``#4`` /
    ``{date}`` (line ``i`` the date); its first line and the header pattern's match on the joined form."""
    if not _BARE_NUM_RE.match(view.lines[i]):
        # FluxBB's ``#4`` / ``{date}`` (line ``i`` the date)
        num_at = _live_above(view, i)
        if num_at is None or len(view.lines[i]) > 80 or not _HASH_NUM_RE.match(view.lines[num_at]):
            return None
        if DATE_ONLY_LINE_RE.match(view.lines[i]) is None:
            return None  # (a name under a ``#N`` line is not the post's date: vBulletin's ``#2`` / ``{name}``)
        hm = header.match(f"{view.lines[num_at].strip()} {view.lines[i].strip()}")
        return (num_at, hm) if hm is not None else None
    hash_at = _live_above(view, i)
    if hash_at is None or view.lines[hash_at].strip() != "#":
        return None
    num = view.lines[i].strip()
    date_at = _live_above(view, hash_at)
    if date_at is not None and len(view.lines[date_at]) <= 80:
        hm = header.match(f"{view.lines[date_at].strip()} #{num}")
        if hm is not None:
            return date_at, hm
    hm = header.match(f"#{num}")
    return (hash_at, hm) if hm is not None else None


def _look_up(
    view: TextView, start: int, spec: BlockSpec
) -> tuple[int | None, str | None, list[str], int, dict[str, Any]]:
    """Walk up from a stat run: header line, name, ranks, the block's first line and header facts."""
    cands: list[int] = []
    pre_lines: list[int] = []
    header_at: int | None = None
    header_facts: dict[str, Any] = {}
    i = start - 1
    blanks = 0
    gap_at: int | None = None
    topped = False  # a name is under a ``spec.top`` line (see BlockSpec.top)
    gap_named = False  # (``spec.name_gap``) the name was found above its blank line, or may be there (see below)
    under_text = False  # the walk stopped at a line of text (a post's), not at chrome
    while i >= 0 and start - i <= 14:
        if view.claimed[i]:
            break
        line = view.lines[i]
        if not line.strip():
            blanks += _blank_run(view, i)
            if blanks > 1 and cands:
                break
            if cands and not spec.name_gap and spec.header is not None:
                if gap_at is None:
                    gap_at = len(cands)
                i -= 1
                continue
            if cands and not spec.name_gap:
                above = i - 1
                while above >= 0 and not view.lines[above].strip() and not view.claimed[above]:
                    above -= 1
                if above < 0 or view.claimed[above]:
                    break
                up = view.lines[above]
                if not (
                    (spec.pre is not None and spec.pre.match(up))
                    or (spec.header is not None and spec.header.match(up))
                    or _BULLET_ONLY_RE.match(up)
                ):
                    break
            i -= 1
            continue
        blanks = 0
        if spec.header is not None and (hm := spec.header.match(line)):
            header_at = i
            header_facts = _header_facts(hm)
            if "post.date_raw" not in header_facts and _HASH_NUM_RE.match(line):
                # ``{date}`` / ``#2``: the header's date one text node up (one text node a line)
                date_at = _live_above(view, i)
                if (
                    date_at is not None
                    and len(view.lines[date_at]) <= 80
                    and DATE_ONLY_LINE_RE.match(view.lines[date_at])
                ):
                    joined = spec.header.match(f"{view.lines[date_at].strip()} {line.strip()}")
                    if joined is not None and (facts := _header_facts(joined)).get("post.date_raw"):
                        header_at, header_facts = date_at, facts
            break
        if spec.header is not None and (split := _split_header(view, i, spec.header)) is not None:
            header_at, hm = split
            header_facts = _header_facts(hm)
            break
        if spec.stoppers is not None and spec.stoppers.match(line):
            break
        if (spec.pre is not None and spec.pre.match(line)) or _BULLET_ONLY_RE.match(line):
            pre_lines.append(i)
            topped = topped or (spec.top and bool(cands))
            i -= 1
            continue
        if topped:
            break
        if not (_candidate(line) or (not cands and _long_rank(view, i, spec))) or len(cands) >= 4:
            under_text = len(cands) < 4 and not pre_lines and _prose(line)
            # (``spec.name_gap``: four lines or more over the stats, its top line the name as under SMF 2's heading)
            gap_named = gap_named or (spec.name_gap and len(cands) >= 4)
            break
        if cands and spec.name_gap and not view.lines[i + 1].strip() and len(cands) >= 1:
            # SMF: the name heading stands alone above a blank line; the group titles follow it.
            cands.append(i)
            gap_named = True
            break
        cands.append(i)
        i -= 1
    if header_at is None and gap_at is not None:
        cands = cands[:gap_at]
        pre_lines = [p for p in pre_lines if not cands or p > cands[-1]]
    cands.reverse()  # top to bottom
    name: str | None = None
    ranks: list[str] = []
    if header_at is not None:
        glued = header_facts.pop("_rank", None)
        cands = _from_name(view, cands)
        if cands:
            name = _unbullet(view.lines[cands[0]])
            ranks = [_unbullet(view.lines[c]) for c in cands[1:]]
            if (user := _status_user_over(view, spec, pre_lines, cands[0])) is not None and user != name:
                # the name is the online status's (or avatar's) above the lines: they are all titles
                # (vBulletin 3's horizontal postbit: ``{name}'s Avatar`` / ``{name} {name} is offline`` / ``{title}``)
                name, ranks = user, [name, *ranks]
        if glued:
            ranks.insert(0, glued)
        first = header_at
        bullet = _live_above(view, header_at)
        if bullet is not None and bullet == header_at - 1 and _BULLET_ONLY_RE.match(view.lines[bullet]):
            first = bullet  # the list item the header opens (trafilatura: ``-`` / ``{date} #2``)
    else:
        twice: list[int] = []
        if len(cands) > 2 and not gap_named:
            # without a header: a name and one free-form title, more only when they look like ranks (also where
            # the name may stand over a blank line but does not: SMF 1.1's table rows, a signature above them)
            keep = 2
            while keep < len(cands) and (
                RANK_RE.search(view.lines[cands[-keep]])
                # (SMF: the member groups a list under the name, as html2text prints the profile's ``ul``)
                or (spec.name_gap and _LIST_ITEM_RE.match(view.lines[cands[-keep]]))
            ):
                keep += 1
            # (the name printed twice, a list item over it: w3m on vBulletin 5's ``• quillpen`` / ``quillpen``)
            if keep < len(cands) and _unbullet(view.lines[cands[-keep - 1]]) == _unbullet(view.lines[cands[-keep]]):
                twice.append(cands[-keep - 1])
            cands, under_text = cands[-keep:], False
        if (
            len(cands) == 2
            and not spec.name_gap
            and not RANK_RE.search(view.lines[cands[1]])
            and (under_text or _NOT_A_NAME_RE.search(view.lines[cands[0]]))
        ):
            # a name without a title, under the last line of the post above (``Thank you`` / ``jahboater`` /
            # ``Posts:``) or under a line no name looks like (a number, a line of code)
            cands = cands[1:]
        cands = _from_name(view, cands)
        if cands:
            name = _unbullet(view.lines[cands[0]])
            ranks = [_unbullet(view.lines[c]) for c in cands[1:]]
        first = min([start, *cands, *pre_lines, *twice])
    if name is None:
        for p in pre_lines:
            pm = spec.pre.match(view.lines[p]) if spec.pre is not None else None
            if pm is not None and pm.groupdict().get("user"):
                name = pm.group("user").strip()
                break
    if name and any(STARTER_BADGE_RE.match(view.lines[p]) for p in pre_lines):
        header_facts["doc.starter"] = name  # the thread starter's badge (``Topic Author``) is on this block
    return header_at, name, ranks, first, header_facts


#: The thread starter's badge some styles print above the name in each of their posts (``Topic Author``).
STARTER_BADGE_RE = line_re(alt("classic_topic_author"))


#: Lines that are no poster's name: a bare number, a line of code or a path, a pagination step (``Next``).
_NOT_A_NAME_RE = lazy(rf"^[ \t]*+(?:\d+|{alt('pager_steps')})[ \t]*$|[=<>{{}}\\/]", _FLAGS)


def _status_user_over(view: TextView, spec: BlockSpec, pre_lines: list[int], top: int) -> str | None:
    """The user a ``pre`` line names (an online status, an avatar's alt text) nearest above line ``top``, the
    name given twice (the name's link and the status icon's alt text, ``quillpen quillpen is offline``) once."""
    if spec.pre is None:
        return None
    for p in pre_lines:  # (bottom to top)
        if p < top and (pm := spec.pre.match(view.lines[p])) is not None and (user := pm.groupdict().get("user")):
            words = user.split()
            half = len(words) // 2
            if len(words) % 2 == 0 and words[:half] == words[half:]:
                words = words[:half]
            return " ".join(words)
    return None


def _from_name(view: TextView, cands: list[int]) -> list[int]:
    """``cands`` (name and rank lines, top to bottom) without list items at the top that continue a list above
    them over a line that is no list item: the last items of a list over the block (a pagination row's
    ``Next``, an attachment's size) are not the name. (A block printed as a list, one item a line, keeps its
    name.) A list item the input writes with another bullet or indentation than the item above is in another
    list (inscriptis nests lists with ``*``, ``+``, ``o``: vBulletin 5's post controls, ``+ Report``, over the
    next post's ``* name``), so it stays the name."""
    k = 0
    while (
        k < len(cands) - 1
        and not _LIST_ITEM_RE.match(view.lines[cands[k + 1]])
        and _LIST_ITEM_RE.match(view.lines[cands[k]])
        and (above_at := _live_above(view, cands[k])) is not None
        and _LIST_ITEM_RE.match(view.lines[above_at])
        and _one_list(view, above_at, cands[k])
    ):
        k += 1
    return cands[k:]


def _one_list(view: TextView, a: int, b: int) -> bool:
    """Lines ``a`` and ``b`` (list items as the rules see them) have the same bullet at the same column in the
    input (true when the rules see the input as written)."""
    if view.source is None:
        return True
    x, y = view.source[a], view.source[b]
    xs, ys = x.lstrip(" \t"), y.lstrip(" \t")
    return len(x) - len(xs) == len(y) - len(ys) and xs[:1] == ys[:1]


def _unbullet(line: str) -> str:
    return line.strip().lstrip("-•*·▪").strip()


def _header_facts(m: regex.Match[str]) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    groups = m.groupdict()
    date = next((v for k, v in groups.items() if k.startswith("date") and v), None)
    num = next((v for k, v in groups.items() if k.startswith("num") and v), None)
    if date:
        facts.update(date_facts(date))
    if num:
        facts["post.number"] = int(num)
    if groups.get("rank") and groups["rank"].strip():
        facts["_rank"] = groups["rank"].strip()
    if groups.get("user") and groups["user"].strip():
        facts["author.name"] = groups["user"].strip()
    if groups.get("edit") and groups["edit"].strip():
        facts["post.edit_note"] = groups["edit"].strip()
    return facts


def _look_down(view: TextView, end: int, spec: BlockSpec, *, numbered: bool = False) -> tuple[int, dict[str, Any]]:
    """The post lines (``#N``, date, share) under a block, and the closing lines; ``numbered``: the block's header
    above already gave the post's number, so a ``#N`` below it is the next post's header (a post with no text
    between the two blocks), not this block's."""
    facts: dict[str, Any] = {}
    last = end
    if spec.post is not None:
        k = _next_live(view, last, 2)
        while k is not None and k - last <= 3 and spec.post.match(view.lines[k]):
            m = spec.post.match(view.lines[k])
            assert m is not None
            if numbered and m.groupdict().get("num"):
                break
            for key, value in _header_facts(m).items():
                if key != "_rank":
                    facts.setdefault(key, value)
            last = k
            k = _next_live(view, last, 2)
    if spec.closing is not None:
        last2, more = spec.closing(view, last)
        for key, value in more.items():
            facts.setdefault(key, value)
        last = last2
    return last, facts


CLASSIC_ENGINES = frozenset({"vbulletin", "phpbb", "smf", "mybb", "fluxbb"})


def block_hits(view: TextView, spec: BlockSpec, reason: str, *, engine: str) -> Iterator[Any]:
    """Hits for :func:`find_blocks` results.

    In text sniffed as ``engine`` every block counts; in text sniffed as another classic engine none does
    (that engine's pack reads its blocks); otherwise only blocks with engine-specific lines around them.
    """

    if view.engine != engine and view.engine in CLASSIC_ENGINES:
        return
    from .page import forum_stats_lines

    stats: frozenset[int] | None = None
    for b in find_blocks(view, spec):
        if view.engine == engine or b.evidence:
            if stats is None:
                stats = forum_stats_lines(view)
            if stats and any(k in stats for k in range(b.start, b.end + 1)):
                continue  # a forum-statistics block: PAGE006's, not a poster
            yield from poster_hits(view, b.start, b.end, reason, b.facts)


def poster_hits(view: TextView, start: int, end: int, reason: str, facts: Mapping[str, Any]) -> Iterator[Any]:
    """The hit of a poster block on lines ``start``..``end`` (a split rule's: it opens a post). In a two-column
    layout (w3m prints the poster column and the message column side by side) the message column's text beside
    the block stays: the block ends at its first line with such a cell, of which only the left cell goes (each
    hit of a split rule opens a post, so a second hit after the post's text would make two posts of one)."""
    from ..rules import Hit

    beside = _cells_beside(view, start, end)
    if not beside:
        yield Hit(start, end, reason, facts, moved_to="author")
        return
    first = min(beside)
    # (a stat's value read up to the line's end holds the cell beside it)
    facts = {k: _CELL_GAP_RE.split(v, maxsplit=1)[0] if isinstance(v, str) else v for k, v in facts.items()}
    if first > start:
        yield Hit(start, first - 1, reason, facts, moved_to="author")
        facts = {}
    yield Hit(first, first, reason, facts, cols=(0, beside[first]), moved_to="author")


#: A gap this wide (or wider) between two cells of a line: a text browser's two-column table (w3m prints the
#: poster column and the message column side by side) ...
_CELL_GAP_RE = lazy(r"(?<=\S)[ \t]{4,}+(?=\S)")
#: ... when the right cell starts this far into the line at least, and the left one (the page's first column)
#: is indented less than this.
_CELL_MIN_COLUMN = 16
_CELL_MAX_INDENT = 4


def _cells_beside(view: TextView, start: int, end: int) -> dict[int, int]:
    """Lines of the poster block ``start``..``end`` that hold a right-hand cell beside it, by the column where
    the cell starts: text after a wide gap, starting at the column where the lines of the message column (lines
    of the block or around it that are blank up to that column) start."""
    cands: dict[int, int] = {}
    for k in range(start, end + 1):
        line = view.lines[k]
        if "    " not in line or not line[:_CELL_MAX_INDENT].strip():
            continue  # (an indented poster column, inscriptis': VB013/VB014 read it)
        gaps = list(_CELL_GAP_RE.finditer(line.rstrip()))
        if gaps and gaps[-1].end() >= _CELL_MIN_COLUMN:
            cands[k] = gaps[-1].end()
    if not cands:
        return {}
    columns: set[int] = set()
    for k in range(max(0, start - 3), min(len(view), end + 4)):
        line = view.lines[k]
        body = line.lstrip(" ")
        if body and len(line) - len(body) >= _CELL_MIN_COLUMN:
            columns.add(len(line) - len(body))
    return {k: c for k, c in cands.items() if c in columns}


# ----------------------------------------------------------------------------------------------- quotes


def seen_run(view: TextView, start: int, *, max_lines: int = 200) -> int | None:
    """Last line of the run of lines from ``start`` that repeat text of earlier posts (quoted text), or None.

    The run must hold at least one long line (eight words or more); blank lines inside are allowed. It ends at
    its last long line: short lines after it ("Thanks!", "+1") are more likely the reply that follows the quote,
    repeating a short line someone posted earlier, than the end of the quoted text.
    """
    seen = view.context.get("seen", {})
    if not seen:
        return None
    last: int | None = None
    i = start
    n = len(view)
    while i < n and i - start < max_lines:
        if not view.is_live(i):
            if view.claimed[i]:
                break
            i += 1
            continue
        key = line_key(view.lines[i])
        if key not in seen:
            break
        if word_count(key) >= 8:
            last = i
        i += 1
    return last


def copied_run(view: TextView, start: int, stop: int) -> int | None:
    """Last line of the run of lines from ``start`` (before ``stop``) whose text is found above them, in the
    view's earlier lines or in earlier posts (quoted text), or None: the end of a quote that lost its end
    marker, the reply after it being the first line that repeats nothing above. Like :func:`seen_run`, the run
    ends at its last long line (eight words or more); blank lines inside are allowed."""
    blob: str | None = None
    last: int | None = None
    for k in range(start, stop):
        if not view.is_live(k):
            if view.claimed[k]:
                break
            continue
        x = " ".join(view.lines[k].split())
        if not x:
            continue
        if blob is None:
            blob = _earlier_text(view, start)
        if x not in blob:
            break
        if word_count(x) >= 8:
            last = k
    return last


#: Characters a quote glued to the reply after it may end with (the end of its last sentence).
_QUOTE_END_CHARS = frozenset(".!?…)\"”'»:;")


#: How much of the text before a glued quote (characters) is searched for its copy: the posts a reply quotes
#: are seldom far above it, and the search stays bounded on very long inputs.
_QUOTE_WINDOW = 300_000


class _Earlier:
    """The normalized lines of a view (blanks collapsed, empty lines left out) and of ``context["seen"]``, with
    the running sizes :func:`_earlier_text` picks its window by: each glued quote reads its window from them
    instead of normalizing up to :data:`_QUOTE_WINDOW` characters of lines again (quadratic time on a long
    text full of glued quotes)."""

    __slots__ = ("blob", "count", "key_sizes", "keys", "lines", "original", "seen", "sizes")

    def __init__(self, view: TextView) -> None:
        self.original = view.original
        self.lines: list[str] = []
        self.count = [0]  # count[k]: how many of ``lines`` lie above line k
        for line in view.original:
            x = " ".join(line.split())
            if x:
                self.lines.append(x)
            self.count.append(len(self.lines))
        self.sizes = [0, *itertools.accumulate(len(x) + 1 for x in self.lines)]
        self.blob = " ".join(self.lines)  # line j starts at sizes[j]
        self.seen: dict[str, int] | None = None
        self.keys: list[str] = []  # the keys of ``seen`` in order, and their running sizes
        self.key_sizes = [0]

    def seen_keys(self, seen: dict[str, int]) -> tuple[list[str], list[int]]:
        if seen is not self.seen:
            self.seen, self.keys, self.key_sizes = seen, [], [0]
        new = len(seen) - len(self.keys)
        if new > 0:  # the dict only grows: its new keys are its last ones
            added = list(itertools.islice(reversed(seen), new))[::-1]
            self.keys.extend(added)
            last = self.key_sizes[-1]
            self.key_sizes.extend(last + n for n in itertools.accumulate(len(x) + 1 for x in added))
        return self.keys, self.key_sizes


def _earlier_text(view: TextView, i: int) -> str:
    """The text above line ``i``, up to :data:`_QUOTE_WINDOW` characters back: the view's lines, then the
    lines of earlier posts (``context["seen"]``), blanks collapsed, joined by a space as a quote that unwraps
    them reads. (The lines nearest ``i`` are taken until their sizes, each plus one, reach the window.)"""
    cache = view.context.get("_earlier")
    if not isinstance(cache, _Earlier) or cache.original is not view.original:
        cache = view.context["_earlier"] = _Earlier(view)
    sizes = cache.sizes
    c = cache.count[i]
    j = max(0, bisect.bisect_right(sizes, sizes[c] - _QUOTE_WINDOW, 0, c + 1) - 1) if c else 0
    own = cache.blob[sizes[j] : sizes[c] - 1] if c > j else None
    size = sizes[c] - sizes[j]
    if size >= _QUOTE_WINDOW:
        return own or ""
    keys, key_sizes = cache.seen_keys(view.context.get("seen", {}))
    m = len(keys)
    if not m:
        return own or ""
    k = max(0, bisect.bisect_right(key_sizes, key_sizes[m] - (_QUOTE_WINDOW - size), 0, m + 1) - 1)
    earlier = " ".join(keys[k:m])
    return earlier if own is None else f"{earlier} {own}"


def quoted_prefix(view: TextView, i: int, text: str, *, tight: bool = False) -> int | None:
    """Where the quoted text glued to a quote header ends, when the reply is glued after it on the same line.

    Some extractors (Readability, lxml's ``text_content()``) write a post's nodes with no break between them:
    ``X wrote:The quoted sentence.My answer to it.`` The quoted part repeats an earlier post of the page; the
    reply does not. Returns the column in ``text`` where the longest start of it found in earlier posts ends
    (snapped back to the end of a sentence or a word), or None: the whole text repeats an earlier post, no
    earlier post holds its start (a quote of a post on another page), or too little is left after it. The
    lines above line ``i`` in the view count as an earlier post (text not split into posts). With ``tight``, the
    reply must be glued with no space at all (``…the text.My answer``): a quote header written with its text
    glued on (``X said:The text``) comes from an extractor that joins every node so; a space there is the
    quoted post's own (its copy above may be a shorter quote of it).
    """
    norm: list[str] = []
    cols: list[int] = []
    blank = True
    for k, c in enumerate(text):
        if c.isspace():
            if not blank:
                norm.append(" ")
                cols.append(k)
            blank = True
            continue
        norm.append(c)
        cols.append(k)
        blank = False
    t = "".join(norm).rstrip()
    if len(t) < 80:
        return None
    blob = _earlier_text(view, i)
    if t in blob:
        return None
    lo, hi = 0, len(t)  # t[:lo] is in blob, t[:hi] is not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if t[:mid] in blob:
            lo = mid
        else:
            hi = mid
    if lo < 40 or word_count(t[:lo]) < 6:
        return None
    end = lo
    for p in range(lo, max(lo - 60, 1), -1):
        if tight and " " in t[p - 1 : p + 1]:
            continue
        if t[p - 1] in _QUOTE_END_CHARS or t[p] == " " or (t[p - 1].islower() and t[p].isupper()):
            end = p
            break
    else:
        if tight:
            return None
    if word_count(t[end:]) < 3:
        return None
    return cols[end]


def glued_reply_quote(
    view: TextView, i: int, m: regex.Match[str], user: str, *, tight: bool = False
) -> Hit | None:
    """The hit for a quote header whose ``text`` group holds the quoted text and, glued after it, the reply
    (see :func:`quoted_prefix`): header and quoted text go to ``post.quotes``, the reply stays. None when the
    whole text is the quote. ``tight``: see :func:`quoted_prefix`."""
    from ..model import Quote
    from ..rules import Hit

    raw = m.group("text") or ""
    text = raw.strip()
    if not text:
        return None
    cut = quoted_prefix(view, i, text, tight=tight)
    if cut is None:
        return None
    col = m.start("text") - view.line_start(i) + len(raw) - len(raw.lstrip()) + cut
    return Hit(
        i,
        i,
        f"quote of {user}'s post, the reply glued after it",
        {"quote": Quote(author=user, text=text[:cut].strip())},
        cols=(0, col),
        moved_to="quotes",
    )


def _reads_as_sentence(label: str, value: str) -> bool:
    """Whether a ``label: value`` line under a poster's stats is the post's first sentence rather than a
    custom profile field: a label of four words or more (``The ferry leaves at 9``), a colon inside a time or
    a ratio (``9:30``), or a value that goes on as a sentence (``The ferry: it leaves at noon.``)."""
    label, value = label.strip(), value.strip()
    if word_count(label) >= 4:
        return True
    if label[-1:].isdigit() and value[:1].isdigit():
        return True
    return word_count(value) >= 4 and value[-1:] in ".!?" and value[:1].islower()


def _free_field(line: str) -> bool:
    """A profile line without a label (a custom field's value, a rank image's text): short, not a sentence."""
    s = line.strip()
    if _CUSTOM_FIELD_RE.match(s):
        return len(s) <= 80
    return 0 < len(s) <= 60 and word_count(s) <= 6 and s[-1] not in ".!?:;,"


def subject_then(
    pattern: regex.Pattern[str],
    *,
    repeat: int = 2,
    free: int = 0,
    stoppers: regex.Pattern[str] | None = None,
    buttons: int = 0,
) -> Callable[[TextView, int], tuple[int, dict[str, Any]]]:
    """A ``BlockSpec.closing`` that takes an optional post-subject line followed by lines matching ``pattern``.

    phpBB prints ``{subject}`` then ``Post by X » {date}`` after the profile; SMF ``{subject}`` / ``#N`` /
    ``{date}``. The subject is taken only when a ``pattern`` line follows it. Up to ``free`` short unlabelled
    lines (custom profile fields shown by value only) may stand between the block and the subject; they are
    taken only when the ``pattern`` line follows, and never when they match ``stoppers`` (button rows). Up to
    ``buttons`` lines matching ``stoppers`` may stand there too, as the post's own buttons (phpBB 3 prints
    ``Reply with quote`` between the profile and the subject): taken, like the rest, only when the ``pattern``
    line follows.
    """

    def closing(view: TextView, end: int) -> tuple[int, dict[str, Any]]:
        facts: dict[str, Any] = {}
        last = end
        k = _next_live(view, last, 2)
        if k is None:
            return last, facts
        skipped = hopped = 0
        while not pattern.match(view.lines[k]):
            line = view.lines[k].strip()
            button = buttons > 0 and stoppers is not None and stoppers.match(line) is not None
            # (after the post's buttons w3m leaves a line of blanks between two empty lines)
            nxt = _next_live(view, k, 3 if button else 2)
            if nxt is None:
                return last, facts
            if button and hopped < buttons:
                hopped += 1
                k = nxt
                continue
            if len(line) <= 160 and not button:
                after: int | None = nxt
                if buttons > 0 and stoppers is not None:
                    # phpBB 3.3 prints the post's buttons between the subject and the byline (a flattener
                    # may write a button's link and its icon text as two lines)
                    for _ in range(2):
                        if after is None or pattern.match(view.lines[after]) or not stoppers.match(view.lines[after]):
                            break
                        after = _next_live(view, after, 2)
                if after is not None and pattern.match(view.lines[after]):
                    facts["post.title"] = line
                    k = after
                    break
            if skipped >= free or not _free_field(line) or (stoppers is not None and stoppers.match(line)):
                return last, facts
            skipped += 1
            k = nxt
        taken = 0
        while k is not None and taken < repeat and (m := pattern.match(view.lines[k])):
            for key, value in _header_facts(m).items():
                if key != "_rank":
                    facts.setdefault(key, value)
            last = k
            taken += 1
            k = _next_live(view, last, 2)
        return last, facts

    return closing


def weighted_sniff(
    text: str,
    signals: Iterable[tuple[regex.Pattern[str], float]],
    needs: Mapping[regex.Pattern[str], Callable[[str], bool]] | None = None,
) -> float:
    """Sum the weights of the signal patterns found in ``text`` (first 300,000 characters).

    Fewer than two distinct signals stay under 0.5, so one stray phrase never decides the engine. ``needs``
    maps a pattern to a cheap test of the head (substring tests) that every text the pattern matches in passes:
    when it fails, the pattern is not looked for.
    """
    head = text[:300_000]
    score = 0.0
    found = 0
    for pattern, weight in signals:
        need = needs.get(pattern) if needs else None
        if (need is None or need(head)) and signal_found(pattern, head):
            score += weight
            found += 1
    if found < 2:
        return min(score, 0.45)
    return min(1.0, score)


# -- the forum jump menu, one option a line (MyBB, vBulletin) --------------------------------------------------

_JUMP_HEAD_RE = lazy(rf"^[ \t]*+(?:{alternation('forum_jump')})[ \t]*:?[ \t]*$", _FLAGS)
_JUMP_BRANCH_RE = lazy(r"^[ \t]*+-{2,}[ \t]*\S")
#: The menu's fixed items (``Private Messages``, ``User Control Panel``, ``Who's Online`` …), every language.
_JUMP_ITEM_RE = line_re(alternation("forum_jump_items"))
_JUMP_GO_RE = line_re(alternation("pager_go"))


def forum_jump_menus(view: TextView) -> Iterator[tuple[int, int | None]]:
    """The forum jump menus of a text, options one a line (BeautifulSoup, lxml): ``(label line, last line)``,
    the last line ``None`` where the label has no menu under it.

    Under a ``Forum Jump`` label (nine languages), the fixed items (``Private Messages``, ``User Control
    Panel`` …), then the forum tree, sub-forums led by dashes (``-- General Support``) or indented (vBulletin
    3 pads them with blanks), top forums indented. The run counts with three dash-led or fixed-item lines at
    least (two fixed items among them when fewer than three are dash-led); it ends at the first line that is
    not a short name, or not indented inside a dashed tree. The menu's button (``Go``) a few lines under it
    is its last line.
    """
    n = len(view)
    for i, line in enumerate(view.original):
        if len(line) > 40 or not _JUMP_HEAD_RE.match(line):
            continue
        run: list[int] = []
        branches = items = 0
        k = i + 1
        while k < n:
            s = view.lines[k].strip()
            if view.claimed[k] or not s:
                if run and k - run[-1] > 3:
                    break
                k += 1
                continue
            if _JUMP_BRANCH_RE.match(s):
                branches += 1
            elif _JUMP_ITEM_RE.match(s):
                items += 1
            elif len(s) > 60 or word_count(s) > 8 or s[-1] in ".!?:;,":
                break
            elif branches and not view.lines[k][:1].isspace():
                break  # in the tree, a top forum's name is indented (the option's padding): the menu ended
            run.append(k)
            k += 1
        if not (branches >= 3 or (branches + items >= 3 and items >= 2)):
            yield i, None
            continue
        end = run[-1]
        nxt = view.first_live(end + 1, 1)
        if nxt and nxt[0] - end <= 8 and _JUMP_GO_RE.match(view.lines[nxt[0]]):
            end = nxt[0]  # the menu's button (``Go``), a few script lines below when they are kept
        yield i, end


# ------------------------------------------------------------------------------- poster column beside the message

#: Two blanks or more before a cell of a two-column table line (inscriptis and w3m print a classic theme's poster
#: column and message column side by side, padded with blanks).
_BESIDE_GAP_RE = lazy(r"(?<=\S)[ \t]{2,}+(?=\S)")
#: The message column's text starts up to this many columns left of its header (inscriptis pads the header
#: cell, w3m shifts a column by one).
_BESIDE_SLACK = 4
#: The post header's cell starts this far into the line at least.
_BESIDE_MIN_COLUMN = 16
#: Lines looked at after a post header for the poster column beside the message.
_BESIDE_MAX_LINES = 80


def left_cell(line: str, column: int) -> tuple[str, int] | None:
    """The left cell of a line of a two-column layout whose right column starts near ``column``, and where the
    rest of the line (the right cell) starts (the line's length when it has none); None when the line has no
    text left of the column."""
    s = len(line) - len(line.lstrip(" \t"))
    if s >= len(line) or s >= column - _BESIDE_SLACK:
        return None
    for m in _BESIDE_GAP_RE.finditer(line, s):
        if m.end() >= column - _BESIDE_SLACK:
            return line[s : m.start()].strip(), m.end()
    return line[s:].rstrip(), len(line)


@attrs.frozen
class BesideHead:
    """A post header printed beside the poster column (see :func:`beside_hits`): the header's right cell on
    line ``line`` matched by ``match`` at ``column``."""

    line: int
    column: int
    facts: dict[str, Any]


def beside_hits(
    view: TextView,
    heads: Iterable[BesideHead],
    *,
    subject: Callable[[str], str | None],
    tail: regex.Pattern[str] | None,
    reason: str,
) -> Iterator[Hit]:
    """Hits of post heads and poster columns printed side by side with the message (a classic theme's table,
    flattened by inscriptis or w3m): each post's name, rank and stats are the left cells of the lines whose
    right cells are the post header and the message.

    A head is two lines: the line with the post header's date cell (``heads``) and the line over it (the
    subject's cell); the poster's name is the left cell of the first of them that has one, the rank the left
    cell of the other (or of the next line). The head's lines go whole, to ``post.author``; then, down to the
    first blank line after the stats (further over lines whose left cell matches ``tail``: ``View Profile``),
    each line's left cell goes (a column cut: the message text beside it stays, whole) and its ``Label: value``
    cells go to the author's facts. ``subject`` reads the post title from the subject cell.
    """
    from ..rules import Hit

    found = sorted({h.line: h for h in heads}.values(), key=lambda h: h.line)
    starts: list[int] = []
    for h in found:
        up = h.line - 1
        starts.append(up if up >= 0 and view.lines[up].strip() and not view.claimed[up] else h.line)
    for n, h in enumerate(found):
        start = starts[n]
        if view.claimed[h.line] or (start < h.line and view.claimed[start]):
            continue
        limit = min(starts[n + 1] if n + 1 < len(found) else len(view), h.line + _BESIDE_MAX_LINES)
        column = h.column
        if start < h.line:
            # the message column starts where the line over the header's second cell does, when further left
            # (w3m: the message icon's cell before the subject's, empty beside the date)
            first = view.lines[start]
            s = len(first) - len(first.lstrip(" \t"))
            if s < _BESIDE_MIN_COLUMN:
                gap = _BESIDE_GAP_RE.search(first, s)
                s = gap.end() if gap is not None else column
            if _BESIDE_MIN_COLUMN <= s < column:
                column = s
        cells = [left_cell(view.lines[k], column) for k in range(start, h.line + 1)]
        lefts = [c[0] for c in cells if c is not None and c[0]]
        if not lefts or not _candidate(lefts[0]) or has_stat_label(lefts[0]):
            continue
        name, ranks = lefts[0], lefts[1:]
        facts: dict[str, Any] = dict(h.facts)
        if start < h.line:
            first = view.lines[start]
            cell = cells[0]
            right = first[cell[1] :] if cell is not None else first
            title = subject(right.strip())
            if title:
                facts["post.title"] = title
        cuts: list[tuple[int, int]] = []
        pairs: list[tuple[str, str | None]] = []
        seen_label = ended = False
        last_label = -2
        for k in range(h.line + 1, limit):
            if view.claimed[k]:
                break
            line = view.lines[k]
            if not line.strip():
                ended = ended or seen_label
                continue
            cell = left_cell(line, column)
            if cell is None:
                continue
            text, at = cell
            if at == len(line) and len(line.rstrip()) > column:
                break  # a line across both columns: no table row (a footer, the text after the table)
            if ended and (tail is None or not tail.match(text)):
                break
            m = None if ended else STAT_LINE_RE.match(text)
            if m is not None and (m.group("value") is not None or m.group("glued") or m.group("spaced")):
                value = m.group("value") or m.group("glued") or m.group("spaced")
                pairs.append((m.group("label"), value))
                seen_label, last_label = True, k
            elif seen_label and not ended and last_label == k - 1 and pairs and not has_stat_label(text):
                label, value = pairs[-1]
                pairs[-1] = (label, f"{value or ''} {text}".strip())  # a value the narrow column wrapped
                last_label = k
            elif not seen_label and _candidate(text) and not (tail is not None and tail.match(text)):
                ranks.append(text)
            cuts.append((k, at))
        if not seen_label:
            continue  # no stats beside the message: not this layout
        for key, value in classic_poster_facts(name, [r for r in ranks if not _BESIDE_NOT_RANK_RE.match(r)], pairs).items():
            facts.setdefault(key, value)
        yield Hit(start, h.line, reason, facts, moved_to="author")
        for k, at in cuts:
            yield Hit(k, k, "poster column beside the message", cols=(0, at), moved_to="author")


#: Left cells under the name that are no rank: the online status, the rank's stars, the avatar's alt text.
_BESIDE_NOT_RANK_RE = lazy(
    rf"^(?:(?:{alternation('classic_offline')})(?:[ \t]*(?:{alternation('classic_offline')}))?|[*★☆]+|"
    rf"{alternation('classic_user_avatar')})$",
    _FLAGS,
)
