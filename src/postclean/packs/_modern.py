"""Pieces shared by the modern-engine text packs (Discourse, NodeBB, Flarum, Vanilla, Invision).

Patterns are built from :mod:`postclean.phrases` so a new language is a data change. Phrase placeholders:
``{n}`` a count, ``{user}`` a user name, ``{x}`` any short text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from .._lazy import lazy
from ..model import LinkCard
from ..phrases import PHRASES
from ..rules import Hit
from ..text import DOMAIN_LINE_RE, TextView, could_match, finditer_lines, is_title_like, word_count

__all__ = [
    "BARE_INT_RE",
    "COUNT",
    "RELATIVE_TIME",
    "US_DATE",
    "count_matches",
    "embed_cards",
    "is_handle_like",
    "known_authors",
    "line_re",
    "phrase_alt",
    "phrase_list",
    "remember_authors",
    "whole_line_hits",
]

#: A count as forums print it: ``12``, ``1,204``, ``1204``, ``3.2k``, ``10.2K``.
COUNT = r"(?:\d{1,3}(?:[,.\u202f\xa0]\d{3})+|\d{1,9})(?:[.,]\d)?[kKmM]?"
#: A line holding only a small integer (post numbers, like and vote counters).
BARE_INT_RE = lazy(r"^[ \t]*+(?P<n>\d{1,5})[ \t]*$")
#: ``3/5/2021`` (US numeric dates, IPS quote citations).
US_DATE = r"\d{1,2}/\d{1,2}/\d{2,4}"
#: Relative times: ``3 hours ago``, ``vor 3 Stunden``, ``il y a 2 jours``, ``Just now``, ``Yesterday``, ``1 yr``.
RELATIVE_TIME = (
    r"(?:(?:about[ \t]+|an?[ \t]+|\d{1,3}[ \t]*)(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|"
    r"years?|yrs?|mo|wk|[smhdwy])[ \t]+ago|Just now|Yesterday|Today|A moment ago"
    r"|vor[ \t]+\d{1,3}[ \t]+(?:Sekunden|Minuten|Minute|Stunden|Stunde|Tagen|Tag|Wochen|Woche|Monaten|Monat|Jahren|Jahr)"
    r"|il[ \t]+y[ \t]+a[ \t]+\d{1,3}[ \t]+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)"
    r"|hace[ \t]+\d{1,3}[ \t]+(?:segundos?|minutos?|horas?|días?|semanas?|meses|mes|años?)"
    r"|há[ \t]+\d{1,3}[ \t]+(?:segundos?|minutos?|horas?|dias?|semanas?|meses|mês|anos?)"
    r"|\d{1,3}[ \t]+(?:secondi|minuti|ore|giorni|settimane|mesi|anni)[ \t]+fa"
    r"|\d{1,3}[ \t]+(?:seconden|minuten|uur|dagen|weken|maanden|jaar)[ \t]+geleden"
    r"|\d{1,3}[ \t]+(?:sekund|minut|godzin|godz\.|dni|tygodni|miesięcy|lat)[ \t]+temu"
    r"|\d{1,3}[ \t]+(?:секунд[ау]?|минут[ау]?|час(?:а|ов)?|дн(?:я|ей)|день|недел[ьию]|месяц(?:а|ев)?|год(?:а)?|лет)[ \t]+назад)"
)

_PLACEHOLDERS = {
    r"\{n\}": COUNT,
    r"\{user\}": r"[^\n]{1,60}?",
    r"\{x\}": r"[^\n]{1,160}?",
    r"\{w\}": r"(?:[\p{L}-]+[ \t]+){0,2}",  # up to two words (then no blank before the next word)
}


def _escape(phrase: str) -> str:
    esc = regex.escape(phrase)
    esc = regex.sub(r"\\ ", r"[ \\t]+", esc)
    esc = esc.replace(r"\.\.\.", r"(?:\.\.\.|…)").replace("…", r"(?:\.\.\.|…)")
    esc = regex.sub(r"['’]", "['’]", esc)
    for k, v in _PLACEHOLDERS.items():
        esc = esc.replace(k, v)
    return esc


def phrase_list(concept: str, *, min_words: int = 0, max_words: int = 99) -> list[str]:
    """The phrases of ``concept`` in every language, longest first, optionally filtered by word count."""
    out: list[str] = []
    for items in PHRASES[concept].values():
        for p in items:
            n = len(p.split())
            if min_words <= n <= max_words and p not in out:
                out.append(p)
    return sorted(out, key=len, reverse=True)


def phrase_alt(*concepts: str, min_words: int = 0, max_words: int = 99) -> str:
    """Regex alternation (no group) over the phrases of ``concepts`` (placeholders expanded)."""
    parts: list[str] = []
    for c in concepts:
        for p in phrase_list(c, min_words=min_words, max_words=max_words):
            e = _escape(p)
            if e not in parts:
                parts.append(e)
    return "|".join(parts) or r"(?!)"


def line_re(body: str, *, flags: int = 0) -> regex.Pattern[str]:
    """``body`` as a whole-line pattern (leading/trailing blanks allowed), multiline."""
    return lazy(rf"^[ \t\xa0]*+(?:{body})[ \t\xa0]*$", regex.MULTILINE | flags)


def whole_line_hits(view: TextView, pattern: regex.Pattern[str]) -> Iterator[tuple[int, regex.Match[str]]]:
    """``(line, match)`` for live lines that ``pattern`` matches whole (single line)."""
    for first, last, m in view.finditer(pattern):
        if first == last and view.is_live(first):
            yield first, m


_HANDLE_RE = lazy(r"^[\w][\w.\-]{0,38}[\w]$|^\w$")


def is_handle_like(s: str) -> bool:
    """A forum handle: one token of word characters, dots and hyphens (``raoul``, ``Mr_Epeen``, ``sid.m``)."""
    return bool(_HANDLE_RE.match(s.strip()))


def is_short_line(line: str, *, max_words: int = 6, max_len: int = 60) -> bool:
    """A short line without sentence punctuation at its end."""
    s = line.strip()
    return bool(s) and len(s) <= max_len and word_count(s) <= max_words and s[-1] not in ".!?,;:"


_AUTHORS_KEY = "modern.authors"


def remember_authors(view: TextView, names: Iterable[str]) -> None:
    """Record poster names found by a split rule so post rules can recognise ``{user}:`` quote titles."""
    store = view.context.setdefault(_AUTHORS_KEY, set())
    for n in names:
        if n:
            store.add(n.strip().lower())


def known_authors(view: TextView) -> set[str]:
    """Poster names recorded by :func:`remember_authors` (lower case)."""
    found = view.context.get(_AUTHORS_KEY)
    return found if isinstance(found, set) else set()


def count_matches(pattern: regex.Pattern[str], text: str, limit: int = 2) -> int:
    """Matches of ``pattern`` in ``text``, counting no further than ``limit`` (for cheap sniffing)."""
    n = 0
    if not could_match(pattern, text):
        return n
    for _m in finditer_lines(pattern, text):
        n += 1
        if n >= limit:
            break
    return n


#: A link embed's summary has at least this many words (a title and a domain alone prove no card).
_EMBED_SUMMARY_WORDS = 6


def _embed_title(line: str) -> bool:
    """Whether ``line`` reads as an embed's title: a headline, not a line introducing the link (``Read this:``)."""
    s = line.strip()
    return is_title_like(s, max_words=20) and not s.endswith(":") and DOMAIN_LINE_RE.match(s) is None


def embed_cards(view: TextView, *, domain_first: bool) -> Iterator[Hit]:
    """The link embeds an engine's rich editor renders for a pasted URL, flattened one part a line, in the
    engine's order: ``domain`` / ``title`` / ``summary`` (``domain_first``: Invision's rich embed) or ``title`` /
    ``domain`` / ``summary`` (Vanilla's). The domain is a bare host on its own line, as no poster writes one;
    the summary a sentence of six words or more. Moved to ``article.link_card``."""
    for d, _last, dm in view.finditer(DOMAIN_LINE_RE):
        if not view.is_live(d) or "." not in dm.group("domain").strip("."):
            continue
        after = [k for k in view.first_live(d + 1, 2) if k <= d + 4]
        if domain_first:
            if len(after) < 2:
                continue
            t, s = after
        else:
            before = next((k for k in range(d - 1, max(-1, d - 4), -1) if view.lines[k].strip()), None)
            if not after or before is None or not view.is_live(before):
                continue
            t, s = before, after[0]
        title, summary = view.lines[t].strip(), view.lines[s].strip()
        if not _embed_title(title) or word_count(summary) < _EMBED_SUMMARY_WORDS or DOMAIN_LINE_RE.match(summary):
            continue
        card = LinkCard(title=title, summary=summary, domain=dm.group("domain"))
        yield Hit(min(t, d), s, "link embed", {"article.link_card": card}, moved_to="article.link_card")
