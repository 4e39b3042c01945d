"""Pieces shared by several packs: counts, poster-stat blocks, name/rank look-back, button vocabularies."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs
import regex

from .._lazy import lazy
from ..dates import DATE_LINE_RE, DATE_RE, parse_date
from ..labels import RANK_RE, STAT_LABELS, label_alternation, label_field
from ..phrases import alternation, phrases
from ..text import TextView, _automaton, could_match, folded, match_at, necessary_literals, word_count

__all__ = [
    "StatBlock",
    "find_stat_blocks",
    "has_stat_label",
    "is_name_like",
    "is_rank_like",
    "parse_count",
    "poster_facts",
]

_COUNT_RE = lazy(
    r"^\s*(?P<sign>[-+−–]?)\s*(?P<num>\d{1,3}(?:[,.\s\u202f\xa0]\d{3})+|\d+)(?:[.,](?P<frac>\d+))?\s*(?P<suf>[kKmM])?\s*$"
)


_COUNT_SEP_RE = lazy(r"[,.\s\u202f\xa0]")


def parse_count(text: str | None) -> int | None:
    """``"65,195"`` -> 65195, ``"-55"`` -> -55, ``"1.2K"`` -> 1200, ``"65.195"`` -> 65195; else ``None``."""
    if not text:
        return None
    m = _COUNT_RE.match(text)
    if not m:
        return None
    digits = _COUNT_SEP_RE.sub("", m.group("num"))
    value = float(digits + ("." + m.group("frac") if m.group("frac") else ""))
    suf = (m.group("suf") or "").lower()
    if suf == "k":
        value *= 1_000
    elif suf == "m":
        value *= 1_000_000
    elif m.group("frac"):
        return None  # a decimal without a suffix is not a count
    sign = -1 if m.group("sign") in ("-", "−", "–") else 1
    return sign * round(value)


_DIGIT_RE = lazy(r"\d")


def is_digit(c: str) -> bool:
    """True for a character ``regex`` reads as ``\\d`` (a quick ASCII test first)."""
    return bool(c) and (c in "0123456789" if c < "\x80" else _DIGIT_RE.match(c) is not None)


def has_digit(s: str) -> bool:
    """True when ``s`` holds a character ``regex`` reads as ``\\d``."""
    return _DIGIT_RE.search(s) is not None


_YEAR_RE = lazy(r"\d{4}")


def has_year(s: str) -> bool:
    """True when ``s`` holds four digits in a row (every :data:`~postclean.dates.DATE_RE` date does)."""
    return _YEAR_RE.search(s) is not None


#: How a :data:`~postclean.dates.DATE_LINE_RE` line can end (case-folded), a digit aside: am/pm, a zone, ``г.``,
#: ``日`` or ``(GMT…)``.
_DATE_LINE_ENDS = frozenset("m.tcz)г日")


def may_be_date_line(line: str) -> bool:
    """A cheap necessary test for ``DATE_LINE_RE.match(line)``: four digits in a row (the year), and a digit or
    one of :data:`_DATE_LINE_ENDS` at the end of the line."""
    c = line.rstrip(" \t")[-1:]
    return (is_digit(c) or c.casefold() in _DATE_LINE_ENDS) and has_year(line)


class LineHeads:
    """A cheap necessary test for a line-anchored pattern: the line, after its leading blanks (and one optional
    bullet), starts with one of a few literal heads, compared case-insensitively (as ``regex.IGNORECASE`` does).

    ``words`` are the plain texts the pattern's alternatives start with; only their first word (up to a blank or
    a ``{placeholder}``) is used, or the whole text with ``first_word=False`` (its blanks must be literal blanks
    of the pattern). ``digits``: a line starting with a digit (``\\d``) passes too. ``blanks``: the characters the
    pattern allows before the head. Used with :func:`matches_at` to run a costly pattern only on the lines that
    pass.
    """

    __slots__ = ("_firsts", "_lead", "blanks", "bullets", "digits", "keys", "longest", "short", "size")

    def __init__(
        self,
        words: Iterable[str],
        *,
        blanks: str = " \t",
        bullets: str = "",
        digits: bool = False,
        first_word: bool = True,
        size: int = 3,
    ) -> None:
        heads: set[str] = set()
        for w in words:
            head = (w.split()[0] if w.split() else "") if first_word else w
            head = head.split("{")[0]
            if not head:
                raise ValueError(f"no literal head in {w!r}")
            heads.add(head.casefold())
        keys: dict[str, list[str]] = {}
        for h in sorted(heads):
            if len(h) >= size:
                keys.setdefault(h[:size], []).append(h)
        #: first ``size`` characters -> the heads that start with them
        self.keys = {k: tuple(v) for k, v in keys.items()}
        self.short = tuple(sorted(h for h in heads if len(h) < size))
        self.longest = max(len(h) for h in heads)
        self.size = size
        self.blanks = blanks
        self.bullets = bullets
        self.digits = digits
        self._firsts = frozenset(h[0] for h in heads)
        #: first character of a line -> whether the line may pass (filled as characters are met)
        self._lead: dict[str, bool] = {}

    def _starts(self, s: str) -> bool:
        h = s[: self.longest].casefold()
        heads = self.keys.get(h[: self.size])
        if (heads is not None and h.startswith(heads)) or h.startswith(self.short):
            return True
        return self.digits and is_digit(s[:1])

    def _may_lead(self, c: str) -> bool:
        """Whether a line starting with ``c`` may pass (a blank or bullet may still be followed by a head)."""
        return (
            c in self.blanks
            or c in self.bullets
            or (self.digits and is_digit(c))
            or c.casefold()[:1] in self._firsts
        )

    def test(self, line: str) -> bool:
        """False when no match of the pattern can start on ``line``."""
        s = line.lstrip(self.blanks)
        if not s:
            return False
        if self._starts(s):
            return True
        return bool(self.bullets) and s[0] in self.bullets and self._starts(s[1:].lstrip(self.blanks))

    def lines(self, view: TextView) -> list[int]:
        """Indices of the lines of ``view`` that pass :meth:`test` (every non-empty line when the text holds a
        capital dotted I, which ``regex`` matches to ``i`` but ``str.casefold`` does not)."""
        lines = view.lines
        if "\u0130" in view.text:
            return [i for i, line in enumerate(lines) if line]
        keys, short, size, longest, bullets, digits, blanks = (
            self.keys,
            self.short,
            self.size,
            self.longest,
            self.bullets,
            self.digits,
            self.blanks,
        )
        lead = self._lead
        out: list[int] = []
        for i, line in enumerate(lines):
            if not line:
                continue
            ok = lead.get(line[0])
            if ok is None:
                ok = lead[line[0]] = self._may_lead(line[0])
            if not ok:
                continue
            s = line.lstrip(blanks)
            if not s:
                continue
            h = s[:longest].casefold()
            heads = keys.get(h[:size])
            if (heads is not None and h.startswith(heads)) or h.startswith(short):
                out.append(i)
                continue
            c = s[0]
            if (digits and (c in "0123456789" or (c >= "\x80" and is_digit(c)))) or (
                c in bullets and self._starts(s[1:].lstrip(blanks))
            ):
                out.append(i)
        return out


def lines_with(view: TextView, needles: Iterable[str], *, at_least: int = 1) -> list[int]:
    """Indices of the lines of ``view`` holding ``at_least`` occurrences of the ``needles`` (case-folded, compared
    with the case-folded text): a cheap necessary test for a case-insensitive pattern that needs them.

    Every non-empty line when the text holds a capital dotted I (``regex`` matches it to ``i``, ``str.casefold``
    does not).
    """
    text = view.text
    if "\u0130" in text:
        return [i for i, line in enumerate(view.lines) if line]
    folds = tuple(x.casefold() for x in needles)
    counts: dict[int, int] = {}
    ft = folded(text)
    if len(ft) == len(text):  # one character for one: offsets hold
        for x in folds:
            p = ft.find(x)
            while p >= 0:
                i = view.line_at(p)
                counts[i] = counts.get(i, 0) + 1
                p = ft.find(x, p + len(x))
    else:
        for i, line in enumerate(view.lines):
            if line:
                fl = line.casefold()
                found = sum(fl.count(x) for x in folds)
                if found:
                    counts[i] = found
    return sorted(i for i, c in counts.items() if c >= at_least)


def literal_lines(view: TextView, pattern: regex.Pattern[str]) -> list[int]:
    """Indices of the lines of ``view`` holding one of ``pattern``'s necessary literals (:func:`necessary_literals`,
    case-folded if the pattern ignores case), found in one pass: with :func:`matches_at`, the lines a pattern whose
    matches never cross a line end can match, for a pattern that would cost a scan of every line (a long
    alternation of phrases). Every line when the pattern gives no literals.

    Every non-empty line when the pattern ignores case and the text holds a capital dotted I (as
    :func:`lines_with`).
    """
    guard = necessary_literals(pattern)
    if guard is None or any("\n" in w for w in guard[0]):
        return list(range(len(view.lines)))
    words, fold = guard
    text = view.text
    if fold:
        if "\u0130" in text:
            return [i for i, line in enumerate(view.lines) if line]
        hay = folded(text)
        if len(hay) != len(text):  # offsets do not hold: line by line
            return [i for i, line in enumerate(view.lines) if line and any(w in line.casefold() for w in words)]
    else:
        hay = text
    automaton = _automaton(words)
    if automaton is None:
        return lines_with(view, words) if fold else [i for i, line in enumerate(view.lines) if any(w in line for w in words)]
    out: list[int] = []
    line_at = view.line_at
    last = -1
    # (matches do not overlap: an occurrence not reported overlaps one reported, on the same line, as no literal
    # holds a line break)
    for _k, start, _end in automaton.find_matches_as_indexes(hay):
        i = line_at(start)
        if i != last:
            out.append(i)
            last = i
    return out


def matches_at(
    view: TextView, pattern: regex.Pattern[str], lines: Iterable[int]
) -> Iterator[tuple[int, int, regex.Match[str]]]:
    """What ``view.finditer(pattern)`` yields for a line-anchored pattern, trying only the lines ``lines``.

    ``pattern`` must start every match at a line start and never match empty; ``lines`` (ascending) must hold
    every line a match can start on (a cheap necessary test picks them, see :class:`LineHeads`). Matches may
    run over several lines: a line inside an earlier match is skipped, as a scan would skip it.
    """
    text = view.text
    if "\u0130" in text and not could_match(pattern, text):
        # as view.finditer does: its case-folded literal test misses a capital dotted I that regex reads as i
        return
    done = 0
    for i in lines:
        pos = view.line_start(i)
        if pos < done:
            continue
        m = match_at(pattern, text, pos)
        if m is not None and m.end() > pos:
            done = m.end()
            yield i, view.line_at(m.end() - 1), m


_LABELS = label_alternation()
_BULLET = r"[-•*·▪◦]"
#: A stat line: a label alone (value on the next line) or ``Label: value``.
STAT_LINE_RE = lazy(
    rf"^[ \t]*+(?P<bullet>{_BULLET}[ \t]*)?(?P<label>{_LABELS})[ \t]*"
    rf"(?::[ \t]*(?P<value>\S[^\n]{{0,80}}?)|:?)[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)
#: Every stat label (those :func:`~postclean.labels.label_alternation` lists), for :class:`LineHeads`.
_ALL_LABELS = tuple(x.lower() for langs in STAT_LABELS.values() for labels in langs.values() for x in labels)
_STAT_HEADS = LineHeads(_ALL_LABELS, bullets="-•*·▪◦")
_BULLET_VALUE_RE = lazy(rf"^[ \t]*+{_BULLET}[ \t]*(?P<value>[^\n]{{0,80}}?)[ \t]*$")
#: The next ``Label:`` inside a value: a row of stats on one line (``Messages: 3 Likes Received: 1``), a known
#: label or one to three capitalised words.
_NEXT_LABEL_RE = lazy(
    rf"(?<![ \t])[ \t]+(?P<label>(?i:{_LABELS})|\p{{Lu}}[\w'-]*(?:[ \t]+\w[\w'-]*){{0,2}})[ \t]*:[ \t]*"
)
_CORE_FIELDS = frozenset({"joined", "messages", "reaction_score", "points"})
#: A row of stat pairs on one line, labels without colons (``Joined Nov 12, 2011 Posts 1,295``), as converters
#: that keep a ``dl`` row on one line write it; anything after the pairs (custom fields) is kept as extra info.
_ROW_VALUE = rf"(?:{DATE_RE.pattern}|\p{{Lu}}\p{{Ll}}{{2,8}}\.?[ \t]+\d{{4}}|-?\d[\d,.]*[KkMm]?)"
#: A location's value is free text (``Location Glasgow``): inside a row only, with another pair after it.
_LOCATION_LABELS = "|".join(
    regex.escape(x).replace(r"\ ", r"[ \t]+") for labels in STAT_LABELS["location"].values() for x in labels
)
#: (A label may be glued to its value, ``JoinedNov 4, 2011 Messages4,210``: converters that join a ``dt`` and its
#: ``dd`` with nothing between when the page's markup has no whitespace between them.)
_ROW_PAIR = (
    rf"(?:(?:{_LABELS})[ \t]*:?[ \t]*{_ROW_VALUE}"
    rf"|(?:{_LOCATION_LABELS})[ \t]*:?[ \t]+[^\n]{{1,40}}?(?=[ \t]+(?:{_LABELS})[ \t]*:?[ \t]*{_ROW_VALUE}))"
)
_ROW_PAIR_RE = lazy(
    rf"(?P<label>{_LABELS})[ \t]*:?[ \t]*(?P<value>{_ROW_VALUE})"
    rf"|(?P<label>{_LOCATION_LABELS})[ \t]*:?[ \t]+(?P<value>[^\n]{{1,40}}?)(?=[ \t]+(?:{_LABELS})[ \t]*:?[ \t]*{_ROW_VALUE})",
    regex.IGNORECASE | regex.VERSION1,
)
_ROW_RE = lazy(
    rf"^[ \t]*+(?:{_BULLET}[ \t]*)?(?P<pairs>(?:{_ROW_PAIR}[ \t]+){{1,7}}{_ROW_PAIR})"
    r"(?:[ \t]+(?P<rest>[^\n]{1,80}?))?[ \t]*$",
    regex.IGNORECASE | regex.VERSION1,
)
_POST_NUMBER_RE = lazy(r"^[ \t]*+#\s?(?P<n>\d{1,7})[ \t]*$")
_RELATIVE_DATE_RE = lazy(
    r"^[ \t]*+(?:(?:Today|Yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+at\s+\d{1,2}:\d{2}"
    r"\s*(?:[AP]M)?|A moment ago|\d{1,3}\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago)[ \t]*$",
    regex.IGNORECASE,
)


@attrs.frozen
class StatBlock:
    """A run of poster-stat lines: ``start``..``end`` (inclusive) and the ``(label, value)`` pairs found."""

    start: int
    end: int
    pairs: tuple[tuple[str, str | None], ...]
    #: Bullet pairs of custom fields only, up to three (``- Location`` / ``- Leeds``): too weak to claim the name
    #: line above them.
    single: bool = False
    #: A lone ``Posts: 4958`` line (a core stat with a count or date): a poster block only under a name line.
    lone: bool = False


#: The last view state :func:`find_stat_blocks` read with ``min_items=2`` (its lines and claimed flags) and what it
#: found with ``lone``.
_LAST_BLOCKS: list[tuple[tuple[str, ...], tuple[bool, ...], list[StatBlock]]] = []


def find_stat_blocks(view: TextView, *, min_items: int = 2, lone: bool = False) -> list[StatBlock]:
    """Runs of stat lines (bullet or ``Label: value`` form) in ``view``; values may sit on the next line.

    With ``lone``, also single ``Posts: 4958`` lines (:attr:`StatBlock.lone`).

    The blocks depend on the view's lines and claimed flags only: XenForo's XF001 and GEN012 read the same text
    when no rule between them took a line, and the blocks without ``lone`` are those with it but the lone ones
    (only that branch makes one), so the last state's blocks are remembered."""
    if min_items != 2:
        return _find_stat_blocks(view, min_items=min_items, lone=lone)
    lines, claimed = tuple(view.lines), tuple(view.claimed)
    last = _LAST_BLOCKS[0] if _LAST_BLOCKS else None
    if last is not None and last[0] == lines and last[1] == claimed:
        blocks = last[2]
    else:
        blocks = _find_stat_blocks(view, lone=True)
        _LAST_BLOCKS[:] = [(lines, claimed, blocks)]
    return list(blocks) if lone else [b for b in blocks if not b.lone]


def _find_stat_blocks(view: TextView, *, min_items: int = 2, lone: bool = False) -> list[StatBlock]:
    """:func:`find_stat_blocks`, read afresh."""
    items: dict[int, regex.Match[str]] = {}
    heads = _STAT_HEADS.lines(view)
    for first, _last, m in matches_at(view, STAT_LINE_RE, heads):
        items[first] = m
    blocks: list[StatBlock] = [row for i in heads if i not in items and (row := _stat_row(view, i)) is not None]
    if not items:
        return blocks
    n = len(view)
    indices = sorted(items)
    used: set[int] = set()
    for i in indices:
        if i in used:
            continue
        pairs: list[tuple[str, str | None]] = []
        bullet_values = 0
        j = i
        end = i
        while j in items and j not in used:
            m = items[j]
            used.add(j)
            label = " ".join(m.group("label").split())
            value = m.group("value")
            end = j
            k = j + 1
            while k < n and not view.lines[k].strip() and not view.claimed[k]:
                k += 1
            if value is None and k < n and k not in items and view.is_live(k):
                candidate = view.lines[k]
                vm = _BULLET_VALUE_RE.match(candidate)
                if m.group("bullet"):
                    if vm:
                        value = vm.group("value") or None
                        bullet_values += 1
                        end = k
                        k += 1
                elif len(candidate.strip()) <= 40 and word_count(candidate) <= 5:
                    value = candidate.strip()
                    end = k
                    k += 1
                while k < n and not view.lines[k].strip() and not view.claimed[k]:
                    k += 1
            if value is not None and ":" in value:
                pairs.extend(_split_row(label, value))
            else:
                pairs.append((label, value))
            j = k
        fields = {label_field(label) for label, _ in pairs}
        if fields & _CORE_FIELDS:
            more = _custom_pairs(view, j, items)
            if more is not None:
                pairs.extend(more[0])
                end = more[1]
        if len(pairs) >= min_items and (fields & _CORE_FIELDS or len(pairs) >= 3):
            blocks.append(StatBlock(i, end, tuple(pairs)))
        elif (
            len(pairs) <= 3
            and bullet_values == len(pairs)
            and items[i].group("bullet")
            and all(v and word_count(v) <= 8 for _label, v in pairs)
            # (a count's label over a word is a menu: ``- Post`` / ``- Home``, ``- Threads`` / ``- TikTok``; so is
            # a website's label over words that are no address: ``- Homepage`` / ``- Online Help``)
            and all(_single_value_fits(label_field(label), v or "") for label, v in pairs)
        ):
            # custom fields alone (``- Location`` / ``- Leeds`` / ``- Occupation`` / ``- Electrician``)
            blocks.append(StatBlock(i, end, tuple(pairs), single=True))
        elif (
            lone
            and len(pairs) == 1
            and not items[i].group("bullet")
            and ":" in items[i].group(0)
            and fields & _CORE_FIELDS
            and pairs[0][1]
            and _LONE_VALUE_RE.match(pairs[0][1])
            # (a long line is text, ``Chapter 3: The drive north …``, not the next field of a profile)
            and not (j < n and _FIELD_HEAD_RE.match(view.lines[j]) and len(view.lines[j].strip()) <= _FIELD_LINE_MAX)
        ):
            blocks.append(StatBlock(i, end, tuple(pairs), lone=True))
    return sorted(blocks, key=lambda b: b.start)


#: The fields whose value is a count (a menu's next item is a word).
_COUNT_FIELDS = frozenset(["messages", "reaction_score", "points", "extra:Threads", "extra:Best answers"])


def _single_value_fits(field: str | None, value: str) -> bool:
    """Whether ``value`` can be the value of ``field`` in a block of custom fields alone: a count for a count's
    label, an address (a dot or a slash in it) for a website's."""
    if field in _COUNT_FIELDS:
        return parse_count(value) is not None
    if field == "website":
        return "." in value or "/" in value
    return True


#: A ``Label:`` line (``Iscritto il: 12 mar 2011``): after a lone stat, the rest of a profile another rule reads
#: (a label of three characters or more: ``Re: {subject}`` is the post's subject line).
_FIELD_HEAD_RE = lazy(r"^[ \t]*+[^\W\d_][^:\n]{2,28}:")
#: The longest line read as a profile's ``Label: value`` field.
_FIELD_LINE_MAX = 80
#: The value of a lone stat line: a count (``4,958``, ``25.8k``) or a date (``Mar 2016``).
_LONE_VALUE_RE = lazy(rf"^[ \t]*+(?:{_ROW_VALUE})[ \t]*$", regex.IGNORECASE | regex.VERSION1)


def _stat_row(view: TextView, i: int) -> StatBlock | None:
    """Line ``i`` as a row of stat pairs without colons (:data:`_ROW_RE`), when it holds a core stat."""
    line = view.lines[i]
    if len(line) > 300 or not any(map(str.isdigit, line)):
        return None
    m = _ROW_RE.match(line)
    if m is None:
        return None
    pairs: list[tuple[str, str | None]] = [
        (" ".join(p.group("label").split()), p.group("value")) for p in _ROW_PAIR_RE.finditer(m.group("pairs"))
    ]
    labels = [label_field(label) or label.lower() for label, _v in pairs]
    if len(pairs) < 2 or len(set(labels)) < len(labels) or not set(labels) & _CORE_FIELDS:
        return None  # a repeated label is a tally (``41 points 42 points``), not a poster's stats
    if m.group("rest"):
        pairs.append(("info", m.group("rest").strip()))
    return StatBlock(i, i, tuple(pairs))


#: ``{name} [{title}] Label: value Label: value`` on one line: a poster block that a converter joining inline
#: elements wrote on one line (inscriptis on FluxBB's and phpBB's profile columns).
_NAMED_ROW_RE = lazy(
    rf"^[ \t]*+(?P<who>[^\s:][^\n:]{{0,80}}?)[ \t]+(?P<label>{_LABELS}|{alternation('classic_stat_labels')})[ \t]*:"
    rf"[ \t]*(?P<rest>\S[^\n]{{0,200}}?)[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)


def _named_row_lines(view: TextView) -> list[int]:
    """The lines a :data:`_NAMED_ROW_RE` row can be on: two colons or more, and one of the pattern's necessary
    literals (a label's word) up to the first colon, where the label stands (neither the name nor a label holds a
    colon). Such a line's match ends on it: the lines left out hide no line from :func:`matches_at`."""
    if "\u0130" in view.text:
        return lines_with(view, (":",), at_least=2)  # (every line, as lines_with tries with a capital dotted I)
    # (a colon is its own case fold, and no other character's: lines_with's count, without an offset look-up
    # for each colon of the text)
    lines = [i for i, line in enumerate(view.lines) if line.count(":") >= 2]
    guard = necessary_literals(_NAMED_ROW_RE)
    if not lines or guard is None:
        return lines
    words, fold = guard
    ac = _automaton(words)
    out: list[int] = []
    for i in lines:
        line = view.lines[i]
        head = line[: line.find(":") + 1]
        if fold:
            head = head.casefold()
        if ac.find_matches_as_indexes(head) if ac is not None else any(w in head for w in words):
            out.append(i)
    return out


def named_stat_rows(view: TextView) -> Iterator[tuple[int, list[str], tuple[tuple[str, str | None], ...]]]:
    """Lines holding a whole poster block: ``(line, who, pairs)`` for ``{name} [{title}] Label: value …``.

    ``who`` is the words before the first label (the name, then the title). Every pair has a value, no label
    repeats, one is a core stat (join date, post count, reaction score, points), and every count and join date
    reads as one: a sentence with two labels in it is not a row."""
    if view.text.count(":") < 2:
        return
    for first, last, m in matches_at(view, _NAMED_ROW_RE, _named_row_lines(view)):
        if first != last:
            continue
        who = m.group("who").split()
        if not who or len(who) > 7 or who[-1][-1] in ".!?,;" or not is_name_like(who[0]):
            continue
        # (FluxBB's contact links after the stats: ``… Posts: 73 Website``)
        rest = _CONTACT_TAIL_RE.sub("", m.group("rest"))
        pairs = _split_row(" ".join(m.group("label").split()), rest, max_words=8)
        fields = [label_field(label) or label.lower() for label, _v in pairs]
        if len(pairs) < 2 or len(set(fields)) < len(fields) or not set(fields) & _CORE_FIELDS:
            continue
        if not all(v and _stat_value_ok(f, v) for f, (_label, v) in zip(fields, pairs, strict=True)):
            continue
        yield first, who, tuple(pairs)


_STAT_LABEL_SEARCH_RE = lazy(rf"(?<![^\s])(?:{_LABELS})[ \t]*:", regex.IGNORECASE)


_STAT_LABEL_LEAD_RE = lazy(rf"(?<![ \t])[ \t]*+(?:{_LABELS})[ \t]*:", regex.IGNORECASE)


def starts_with_stat_label(text: str) -> bool:
    """Whether ``text`` starts (after blanks) with a stat label and its colon (``Location:``): more of a poster
    block, not post text."""
    return ":" in text and _STAT_LABEL_LEAD_RE.match(text) is not None


def has_stat_label(line: str) -> bool:
    """Whether ``line`` holds a stat label with its colon (``Posts:``, ``Registriert:``) as a word."""
    return ":" in line and _STAT_LABEL_SEARCH_RE.search(line) is not None


#: FluxBB's contact links after the stats (``… Posts: 73 Website``), phpBB's empty ``Contact:`` label.
_CONTACT_TAIL_RE = lazy(rf"(?<![ \t])(?:[ \t]+(?:Website|E-mail|Email|PM|{alternation('contact_label')}))+$")


def _stat_value_ok(field: str, value: str) -> bool:
    """Whether ``value`` reads as a value of ``field``: a count for counts, a date for a join date, short text
    for the rest."""
    if field in ("messages", "reaction_score", "points"):
        return parse_count(value) is not None
    if field == "joined":
        return DATE_RE.search(value) is not None or _MONTH_YEAR_RE.match(value.strip()) is not None
    return word_count(value) <= 8 and value.rstrip()[-1:] not in ".!?"


_WHOLE_DATE_RE = lazy(rf"(?:{DATE_RE.pattern})$", DATE_RE.flags)
_MONTH_YEAR_RE = lazy(r"\p{L}{3,9}\.?[ \t]+\d{4}$")


def _split_row(label: str, value: str, *, max_words: int = 4) -> list[tuple[str, str | None]]:
    """``Messages`` / ``3 Likes Received: 1 Best Answers: 0`` -> the pairs of a row of stats written on one line.

    A value that holds no further ``Label:``, or whose parts are not short values, stays whole."""
    pairs: list[tuple[str, str | None]] = []
    pos = 0
    whole: list[tuple[str, str | None]] = [(label, value)]
    for m in _NEXT_LABEL_RE.finditer(value):
        found = " ".join(m.group("label").split())
        cut = m.start()
        if label_field(found) is None and " " in found:
            # capitalised words before a known label belong to the value (``Brisbane, AU Registered:``)
            words = found.split(" ")
            for k in range(1, len(words)):
                if label_field(" ".join(words[k:])) is not None:
                    cut = value.index(words[k], m.start("label"))
                    found = " ".join(words[k:])
                    break
        part = value[pos:cut].strip()
        if not part or part[-1] in ".!?,;" or (word_count(part) > max_words and not _WHOLE_DATE_RE.match(part)):
            return whole  # a sentence, not a row of short values
        pairs.append((label, part))
        label, pos = found, m.end()
    pairs.append((label, value[pos:] or None))
    return pairs


_CUSTOM_LABEL_RE = lazy(r"^[ \t]*+(?P<label>\p{Lu}[\p{L}'’-]*(?:[ ]\p{L}[\p{L}'’-]*){0,3})[ \t]*$")
_POST_META_RE = lazy(r"^[ \t]*+\#[ ]?\d{1,7}[ \t]*$")


def _custom_pairs(
    view: TextView, k: int, items: Mapping[int, object]
) -> tuple[list[tuple[str, str | None]], int] | None:
    """Custom profile fields after a stat run, as one-node-per-line text writes them: a label line (``Member
    Type``) over a value line (``Student or Learner``), blank lines between pairs. Taken only when the post's
    date or ``#N`` line follows them, as it follows XenForo's poster block."""
    n = len(view)
    pairs: list[tuple[str, str | None]] = []
    end: int | None = None
    while k < n and len(pairs) < 8:
        if not view.is_live(k) or k in items:
            break
        lm = _CUSTOM_LABEL_RE.match(view.lines[k])
        if lm is None or len(lm.group("label")) > 30:
            break
        v = k + 1
        if v >= n or not view.is_live(v) or v in items:
            break
        value = view.lines[v].strip()
        if len(value) > 40 or word_count(value) > 6 or value[-1] in ".!?:;" or DATE_LINE_RE.match(value):
            break
        pairs.append((lm.group("label"), value))
        end = v
        k = v + 1
        while k < n and not view.lines[k].strip() and not view.claimed[k]:
            k += 1
    if end is None or k >= n or not view.is_live(k):
        return None
    line = _LEAD_BULLET_RE.sub("", view.lines[k], count=1)  # ``* Feb 20, 2010``: a post-header link list
    if not (DATE_LINE_RE.match(line) or _POST_META_RE.match(line)):
        return None
    return pairs, end


def is_rank_like(line: str) -> bool:
    """A user-title line: short, with a rank word (``Senior Member``) or all capitals (``ELITE MEMBER``)."""
    s = line.strip()
    if not s or len(s) > 48 or word_count(s) > 5 or s[-1] in ".!?,;:":
        return False
    if RANK_RE.search(s):
        return True
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters) and word_count(s) <= 4


def is_name_like(line: str) -> bool:
    """A user-name line: short, no sentence punctuation at the end, not a date, not a URL."""
    s = line.strip()
    if not s or len(s) > 50 or word_count(s) > 6 or s[-1] in '.!?,;:"”)':
        return False
    if "://" in s or DATE_LINE_RE.match(s):
        return False
    if "," in s and _NAME_COMMA_DATE_RE.search(s):
        return False  # a post's signature line ``{name}, {date}`` (XenForo 1's message meta), not a name
    return not s.startswith(("-", "•", "#", ">"))


_NAME_COMMA_DATE_RE = lazy(rf",[ \t]+(?:{DATE_RE.pattern})", regex.IGNORECASE | regex.VERSION1)


def _set_stat(facts: dict[str, Any], extra: dict[str, str], label: str, value: str | None) -> None:
    field = label_field(label) or f"extra:{label}"
    if value is None or not value.strip():
        return
    value = value.strip()
    if field == "joined":
        d = parse_date(value)
        if d is not None:
            facts.setdefault("author.joined", d.date() if isinstance(d, _dt.datetime) else d)
        else:
            extra.setdefault(label, value)
    elif field in ("messages", "reaction_score", "points"):
        count = parse_count(value)
        if count is not None:
            facts.setdefault(f"author.{field}", count)
        else:
            extra.setdefault(label, value)
    elif field in ("location", "country", "website"):
        facts.setdefault(f"author.{field}", value)
    else:
        extra.setdefault(field.split(":", 1)[1], value)


_LIST_NUMBER_RE = lazy(r"^\d{1,4}\.[ \t]+(?=\S)")


def poster_facts(
    name: str | None, ranks: list[str], pairs: tuple[tuple[str, str | None], ...]
) -> dict[str, Any]:
    """Turn a name, rank lines and stat pairs into ``author.*`` facts."""
    facts: dict[str, Any] = {}
    extra: dict[str, str] = {}
    if name:
        # Posts in an ordered list (XenForo 1's ``ol.messageList``) come out of layout-keeping converters with
        # the list number before the name: ``2. quillpen``.
        name = _LIST_NUMBER_RE.sub("", name.strip(), count=1) or name.strip()
        facts["author.name"] = name
    if ranks:
        rank = ranks[0].strip()
        if name and rank.startswith(name + " ") and len(rank) > len(name) + 1:
            rank = rank[len(name) + 1 :].strip()  # XenForo 1 prints the name again before the title
        facts["author.rank"] = rank
        if len(ranks) > 1:
            facts["author.banner"] = " / ".join(r.strip() for r in ranks[1:])
    for label, value in pairs:
        _set_stat(facts, extra, label, value)
    if extra:
        facts["author.extra"] = extra
    return facts


#: An avatar's alt text alone on its line (table ``avatar_alt_alone``), casefolded.
_AVATAR_ALONE = frozenset(p.casefold() for p in phrases("avatar_alt_alone"))


def look_back_for_poster(view: TextView, start: int) -> tuple[int, str | None, list[str]]:
    """From a stat block at ``start``, look back for rank lines and the name; return (first line, name, ranks)."""
    prev = [i for i in range(start - 1, max(-1, start - 12), -1) if view.is_live(i)][:6]
    ranks: list[str] = []
    first = start
    name: str | None = None
    k = 0
    # a block written as one list (``- quillpen`` / ``- Posts: 524`` / ``- Joined: …``: trafilatura on phpBB's
    # profile column) has its name and ranks as list items too
    listed = _LEAD_BULLET_RE.match(view.lines[start]) is not None
    lines = [_LEAD_BULLET_RE.sub("", view.lines[i], count=1) if listed else view.lines[i] for i in prev]
    if prev and lines[0].strip().casefold() in _AVATAR_ALONE:
        first, k = prev[0], 1  # the avatar's alt text between the title and the stats (ProBoards)
    if ":" in view.lines[start]:
        # a board's custom profile fields over a ``Label: value`` block (``Programs: BA Gold``): the block's, not
        # a name (the label of a field the tables do not know)
        while k < len(prev) and k < 3 and _CUSTOM_FIELD_LINE_RE.match(lines[k]) and prev[k] == start - 1 - k:
            first = prev[k]
            k += 1
    while k < len(prev) and len(ranks) < 4 and is_rank_like(lines[k]):
        if k + 1 < len(prev) and lines[k + 1].strip() == lines[k].strip():
            break  # a name in capitals printed twice (avatar alt + name), not a title
        # a rank line must be directly above what follows it (blank lines allowed)
        ranks.insert(0, lines[k].strip())
        first = prev[k]
        k += 1
    if k < len(prev) and is_name_like(lines[k]):
        name = lines[k].strip()
        first = prev[k]
        k += 1
        # XenForo prints the name twice (avatar alt + name) or the avatar letter alone.
        if k < len(prev):
            above = lines[k].strip()
            if above == name or (len(above) == 1 and above == name[:1].upper()):
                first = prev[k]
    elif ranks:
        name = ranks.pop(0)
    return first, name, ranks


_LEAD_BULLET_RE = lazy(rf"^[ \t]*+{_BULLET}[ \t]+")
#: A custom profile field on one line: a capitalised label of three letters or more (no ``Re:`` subject) and a
#: short value that ends no sentence.
_CUSTOM_FIELD_LINE_RE = lazy(
    r"^[ \t]*+(?=[^\n]{1,80}$)\p{Lu}\p{L}{2,}(?:[ ]\p{L}++){0,2}:[ \t]++[^\n]*[^\s.!?:;,][ \t]*$"
)


def after_block(view: TextView, end: int) -> tuple[int, dict[str, Any]]:
    """Post date and ``#N`` lines right after an author block: return the new end and their facts.

    Either may be a list item (``- Jun 4, 2024`` / ``- #1``), as extractors write a post's header links."""
    facts: dict[str, Any] = {}
    for _ in range(2):
        nxt = view.first_live(end + 1)
        if not nxt or nxt[0] > end + 2:
            break
        line = view.lines[nxt[0]]
        if line.lstrip(" \t")[:1] in "-•*·▪◦":
            line = _LEAD_BULLET_RE.sub("", line, count=1)
        if "post.date_raw" not in facts and (DATE_LINE_RE.match(line) or _RELATIVE_DATE_RE.match(line)):
            facts["post.date_raw"] = line.strip()
            d = parse_date(line)
            if d is not None:
                facts["post.date"] = d
            end = nxt[0]
        elif "post.number" not in facts and (pm := _POST_NUMBER_RE.match(line)):
            facts["post.number"] = int(pm.group("n"))
            end = nxt[0]
        else:
            break
    return end, facts


def iter_line_matches(view: TextView, pattern: regex.Pattern[str]) -> Iterator[tuple[int, regex.Match[str]]]:
    """``(line, match)`` for single-line matches of ``pattern`` over the view."""
    for first, last, m in view.finditer(pattern):
        if first == last:
            yield first, m


def quote_block(view: TextView, i: int, *, below: bool = False) -> tuple[int, int] | None:
    """The first and last lines of the blockquote (``>``-led input lines, a Markdown converter's quote box) that
    holds the quote header on line ``i``, or with ``below`` that starts on the first line under the header (over
    blank lines); None when there is none. A claimed line ends it; the box's blank lines before the header
    (``>`` alone) are in it."""
    shown = view.lines if view.source is None else view.source
    start = i
    if not shown[i].lstrip(" ").startswith(">"):
        nxt = view.first_live(i + 1) if below else []
        if not nxt or nxt[0] - i > 2 or view.claimed[i + 1] or not shown[nxt[0]].lstrip(" ").startswith(">"):
            return None
        start = nxt[0]
    end = start
    for k in range(start + 1, len(view)):
        if view.claimed[k] or not shown[k].lstrip(" ").startswith(">"):
            break
        end = k
    while start > 0 and not view.claimed[start - 1] and not view.lines[start - 1].strip():
        if not shown[start - 1].lstrip(" ").startswith(">"):
            break
        start -= 1  # the box's blank first lines (``>`` alone)
    return start, end
