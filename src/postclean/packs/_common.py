"""Pieces shared by several packs: counts, poster-stat blocks, name/rank look-back, button vocabularies."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Any

import attrs
import regex

from ..dates import DATE_LINE_RE, parse_date
from ..labels import RANK_RE, label_alternation, label_field
from ..text import TextView, word_count

__all__ = [
    "StatBlock",
    "find_stat_blocks",
    "is_name_like",
    "is_rank_like",
    "parse_count",
    "poster_facts",
]

_COUNT_RE = regex.compile(
    r"^\s*(?P<sign>[-+−–]?)\s*(?P<num>\d{1,3}(?:[,.\s\u202f\xa0]\d{3})+|\d+)(?:[.,](?P<frac>\d+))?\s*(?P<suf>[kKmM])?\s*$"
)


def parse_count(text: str | None) -> int | None:
    """``"65,195"`` -> 65195, ``"-55"`` -> -55, ``"1.2K"`` -> 1200, ``"65.195"`` -> 65195; else ``None``."""
    if not text:
        return None
    m = _COUNT_RE.match(text)
    if not m:
        return None
    digits = regex.sub(r"[,.\s\u202f\xa0]", "", m.group("num"))
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


_LABELS = label_alternation()
_BULLET = r"[-•*·▪◦]"
#: A stat line: a label alone (value on the next line) or ``Label: value``.
STAT_LINE_RE = regex.compile(
    rf"^[ \t]*(?P<bullet>{_BULLET}[ \t]*)?(?P<label>{_LABELS})[ \t]*"
    rf"(?::[ \t]*(?P<value>\S[^\n]{{0,80}}?)|:?)[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)
_BULLET_VALUE_RE = regex.compile(rf"^[ \t]*{_BULLET}[ \t]*(?P<value>[^\n]{{0,80}}?)[ \t]*$")
_CORE_FIELDS = frozenset({"joined", "messages", "reaction_score", "points"})
_POST_NUMBER_RE = regex.compile(r"^[ \t]*#\s?(?P<n>\d{1,7})[ \t]*$")
_RELATIVE_DATE_RE = regex.compile(
    r"^[ \t]*(?:(?:Today|Yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+at\s+\d{1,2}:\d{2}"
    r"\s*(?:[AP]M)?|A moment ago|\d{1,3}\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago)[ \t]*$",
    regex.IGNORECASE,
)


@attrs.frozen
class StatBlock:
    """A run of poster-stat lines: ``start``..``end`` (inclusive) and the ``(label, value)`` pairs found."""

    start: int
    end: int
    pairs: tuple[tuple[str, str | None], ...]
    #: A lone bullet pair (``- Location`` / ``- Leeds``): too weak to claim the name line above it.
    single: bool = False


def find_stat_blocks(view: TextView, *, min_items: int = 2) -> list[StatBlock]:
    """Runs of stat lines (bullet or ``Label: value`` form) in ``view``; values may sit on the next line."""
    items: dict[int, regex.Match[str]] = {}
    for first, _last, m in view.finditer(STAT_LINE_RE):
        items[first] = m
    if not items:
        return []
    blocks: list[StatBlock] = []
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
            pairs.append((label, value))
            j = k
        fields = {label_field(label) for label, _ in pairs}
        if len(pairs) >= min_items and (fields & _CORE_FIELDS or len(pairs) >= 3):
            blocks.append(StatBlock(i, end, tuple(pairs)))
        elif (
            len(pairs) == 1
            and bullet_values == 1
            and items[i].group("bullet")
            and pairs[0][1]
            and word_count(pairs[0][1]) <= 8
        ):
            blocks.append(StatBlock(i, end, tuple(pairs), single=True))
    return blocks


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
    return not s.startswith(("-", "•", "#", ">"))


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


def poster_facts(
    name: str | None, ranks: list[str], pairs: tuple[tuple[str, str | None], ...]
) -> dict[str, Any]:
    """Turn a name, rank lines and stat pairs into ``author.*`` facts."""
    facts: dict[str, Any] = {}
    extra: dict[str, str] = {}
    if name:
        facts["author.name"] = name.strip()
    if ranks:
        facts["author.rank"] = ranks[0].strip()
        if len(ranks) > 1:
            facts["author.banner"] = " / ".join(r.strip() for r in ranks[1:])
    for label, value in pairs:
        _set_stat(facts, extra, label, value)
    if extra:
        facts["author.extra"] = extra
    return facts


def look_back_for_poster(view: TextView, start: int) -> tuple[int, str | None, list[str]]:
    """From a stat block at ``start``, look back for rank lines and the name; return (first line, name, ranks)."""
    prev = [i for i in range(start - 1, max(-1, start - 6), -1) if view.is_live(i)][:4]
    ranks: list[str] = []
    first = start
    name: str | None = None
    k = 0
    while k < len(prev) and len(ranks) < 2 and is_rank_like(view.lines[prev[k]]):
        # a rank line must be directly above what follows it (blank lines allowed)
        ranks.insert(0, view.lines[prev[k]].strip())
        first = prev[k]
        k += 1
    if k < len(prev) and is_name_like(view.lines[prev[k]]):
        name = view.lines[prev[k]].strip()
        first = prev[k]
        k += 1
        # XenForo prints the name twice (avatar alt + name) or the avatar letter alone.
        if k < len(prev):
            above = view.lines[prev[k]].strip()
            if above == name or (len(above) == 1 and above == name[:1].upper()):
                first = prev[k]
    elif ranks:
        name = ranks.pop(0)
    return first, name, ranks


def after_block(view: TextView, end: int) -> tuple[int, dict[str, Any]]:
    """Post date and ``#N`` lines right after an author block: return the new end and their facts."""
    facts: dict[str, Any] = {}
    for _ in range(2):
        nxt = view.first_live(end + 1)
        if not nxt or nxt[0] > end + 2:
            break
        line = view.lines[nxt[0]]
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
