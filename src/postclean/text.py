"""A line view over text for rules, and the shared regex pieces rules are built from.

Rules never see the DOM: they see a :class:`TextView`, the lines of one post (or of the whole document for
``scope="document"`` rules) with the lines that earlier rules already claimed blanked out.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator, Mapping
from typing import Any

import regex

__all__ = [
    "DOMAIN_LINE_RE",
    "TextView",
    "finditer_within",
    "is_title_like",
    "normalize_newlines",
    "word_count",
]

_WORD_RE = regex.compile(r"\w+")
_NEWLINES_RE = regex.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")

#: A line that is only a bare domain name, like a link card's footer (``www.example.co.jp``).
DOMAIN_LINE_RE = regex.compile(
    r"^[ \t]*(?P<domain>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,24}|xn--[a-z0-9-]{2,30}))\.?"
    r"(?:[ \t]+(?P=domain))?[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)


def normalize_newlines(text: str) -> str:
    """Turn CRLF, CR and other line separators into ``\\n``."""
    return _NEWLINES_RE.sub("\n", text)


def word_count(text: str) -> int:
    """Number of ``\\w+`` tokens."""
    return len(_WORD_RE.findall(text))


_TITLE_END_BAD = frozenset(".,;:")


def is_title_like(line: str, *, max_words: int = 28, min_words: int = 2) -> bool:
    """A headline-shaped line: a few words, starts with a capital/digit/quote, no sentence-final period."""
    s = line.strip()
    if not s or len(s) > 300:
        return False
    if s[-1] in _TITLE_END_BAD and not s.endswith("..."):
        return False
    first = s[0]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘«¿¡(["):
        return False
    n = word_count(s)
    return min_words <= n <= max_words


def finditer_within(
    pattern: regex.Pattern[str], within: regex.Pattern[str], text: str, endpos: int | None = None
) -> Iterator[regex.Match[str]]:
    """The matches of ``pattern`` in ``text``, looked for only inside the matches of the cheaper ``within``.

    The same as ``pattern.finditer(text)`` when every match of ``pattern`` lies inside one match of
    ``within`` (for a whole-line pattern: ``within`` matches every line it could match, as a whole line).
    """
    for region in within.finditer(text, 0, len(text) if endpos is None else endpos):
        yield from pattern.finditer(text, region.start(), region.end())


class TextView:
    """Lines of a post (or document) as rules see them.

    ``lines`` are the current line texts: lines already claimed by an earlier rule are ``""`` and
    :meth:`is_live` is false for them. Indices are relative to the view; ``base`` is the absolute line number
    of index 0 in the input. ``facts`` holds what earlier rules found (read-only for rules), ``engine`` the
    engine detected for the document, ``seen`` a set of normalised lines from earlier posts.
    """

    __slots__ = (
        "_starts",
        "_text",
        "base",
        "claimed",
        "context",
        "engine",
        "facts",
        "lines",
        "original",
    )

    def __init__(
        self,
        lines: list[str],
        *,
        base: int = 0,
        engine: str | None = None,
        facts: Mapping[str, Any] | None = None,
        context: dict[str, Any] | None = None,
    ) -> None:
        self.original: tuple[str, ...] = tuple(lines)
        self.lines: list[str] = list(lines)
        self.claimed: list[bool] = [False] * len(lines)
        self.base = base
        self.engine = engine
        self.facts: Mapping[str, Any] = facts if facts is not None else {}
        self.context: dict[str, Any] = context if context is not None else {}
        self._text: str | None = None
        self._starts: list[int] | None = None

    def __len__(self) -> int:
        return len(self.lines)

    # -- text access -----------------------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """The current lines joined with ``\\n`` (claimed lines are empty)."""
        if self._text is None:
            self._text = "\n".join(self.lines)
        return self._text

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *itertools.accumulate(len(x) + 1 for x in self.lines)][:-1] or [0]
        return self._starts

    def line_at(self, offset: int) -> int:
        """Index of the line containing character ``offset`` of :attr:`text`."""
        return max(0, bisect.bisect_right(self._line_starts(), offset) - 1)

    def line_start(self, index: int) -> int:
        """Character offset in :attr:`text` where line ``index`` starts."""
        return self._line_starts()[index]

    def finditer(
        self, pattern: regex.Pattern[str], *, within: regex.Pattern[str] | None = None
    ) -> Iterator[tuple[int, int, regex.Match[str]]]:
        """Run ``pattern`` over :attr:`text` once; yield ``(first_line, last_line, match)`` per match.

        ``within`` (a speed-up) is a cheap pattern whose matches hold every match of ``pattern``, such as the
        lines ending in a digit; ``pattern`` then runs only inside them (see :func:`finditer_within`).
        """
        text = self.text
        matches = pattern.finditer(text) if within is None else finditer_within(pattern, within, text)
        for m in matches:
            if m.end() == m.start():
                continue
            first = self.line_at(m.start())
            last = self.line_at(max(m.start(), m.end() - 1))
            yield first, last, m

    # -- line access -----------------------------------------------------------------------------------------
    def is_live(self, index: int) -> bool:
        """True if line ``index`` is unclaimed and not blank."""
        return 0 <= index < len(self.lines) and not self.claimed[index] and bool(self.lines[index].strip())

    def iter_lines(self) -> Iterator[tuple[int, str]]:
        """Yield ``(index, text)`` for every live line."""
        for i, line in enumerate(self.lines):
            if not self.claimed[i] and line.strip():
                yield i, line

    def live_indices(self, start: int = 0, stop: int | None = None) -> list[int]:
        """Indices of live lines in ``[start, stop)``."""
        stop = len(self.lines) if stop is None else min(stop, len(self.lines))
        return [i for i in range(max(0, start), stop) if not self.claimed[i] and self.lines[i].strip()]

    def first_live(self, start: int = 0, count: int = 1) -> list[int]:
        """The first ``count`` live line indices at or after ``start``."""
        out: list[int] = []
        for i in range(max(0, start), len(self.lines)):
            if not self.claimed[i] and self.lines[i].strip():
                out.append(i)
                if len(out) >= count:
                    break
        return out

    def last_live(self, count: int = 1) -> list[int]:
        """The last ``count`` live line indices, in ascending order."""
        out: list[int] = []
        for i in range(len(self.lines) - 1, -1, -1):
            if not self.claimed[i] and self.lines[i].strip():
                out.append(i)
                if len(out) >= count:
                    break
        out.reverse()
        return out

    def free(self, start: int, end: int) -> bool:
        """True if no line in ``start..end`` (inclusive) is claimed."""
        return not any(self.claimed[start : end + 1])

    # -- mutation (engine only) ------------------------------------------------------------------------------
    def claim(self, start: int, end: int) -> None:
        """Mark lines ``start..end`` as removed. Called by the engine, not by rules."""
        for i in range(start, end + 1):
            self.claimed[i] = True
            self.lines[i] = ""
        self._text = None
        self._starts = None

    def cut(self, index: int, cols: tuple[int, int]) -> str:
        """Remove a column span from line ``index``; return the removed text. Called by the engine."""
        line = self.lines[index]
        a, b = cols
        removed = line[a:b]
        rest = line[:a] + line[b:]
        self.lines[index] = rest
        if not rest.strip():
            self.claimed[index] = True
            self.lines[index] = ""
        self._text = None
        self._starts = None
        return removed
