"""A line view over text for rules, and the shared regex pieces rules are built from.

Rules never see the DOM: they see a :class:`TextView`, the lines of one post (or of the whole document for
``scope="document"`` rules) with the lines that earlier rules already claimed blanked out.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator, Mapping
from typing import Any, cast

import regex

from ._lazy import lazy
from .wrapping import cut_parts, joined_columns

__all__ = [
    "DOMAIN_LINE_RE",
    "TextView",
    "could_match",
    "finditer_lines",
    "finditer_within",
    "folded",
    "guarded_search",
    "is_title_like",
    "line_key",
    "necessary_literals",
    "normalize_newlines",
    "search_lines",
    "word_count",
]

_WORD_RE = lazy(r"\w+")
_NEWLINES_RE = lazy(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")

#: File-name extensions that are not top-level domains in practice (``.zip`` and ``.mov`` are, rarely): a line
#: holding only ``1765928704298.png`` is an attachment's name, not a domain.
_FILE_EXTENSIONS = (
    "png|jpe?g|gif|webp|bmp|svg|tiff?|heic|avif|ico|pdf|txt|log|zip|rar|7z|gz|tgz|bz2|xz|tar|exe|msi|dll|apk|"
    "dmg|iso|img|bin|mp[34]|m4a|mov|avi|mkv|wmv|flac|wav|ogg|docx?|xlsx?|pptx?|odt|csv|json|xml|yaml|yml|html?|"
    "php|js|ts|css|py|java|cpp|rb|cfg|ini|conf|bat|ps1|sql|db|dat|bak|tmp|torrent|stl|gcode|dwg|psd|eps"
)
#: A line that is only a bare domain name, like a link card's footer (``www.example.co.jp``).
DOMAIN_LINE_RE = lazy(
    r"^[ \t]*+(?P<domain>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
    rf"(?!(?:{_FILE_EXTENSIONS})\.?(?:[ \t]|$))(?:[a-z]{{2,24}}|xn--[a-z0-9-]{{2,30}}))\.?"
    r"(?:[ \t]+(?P=domain))?[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)


_LEAD_BULLET_RE = lazy(r"^[ \t\xa0]*+(?:[-•*·▪◦][ \t\xa0]*)+")


def line_key(line: str) -> str:
    """A line as compared with copies of it elsewhere in the thread: blanks collapsed, leading bullets dropped.

    Some extractors print a post's copy (a quote, a preview) as a list item: ``• Text`` repeats ``Text``.

    >>> line_key("  •  The river   rose.") == line_key("The river rose.")
    True
    """
    head = line.lstrip(" \t\xa0")[:1]
    if head and head in _KEY_BULLETS:  # a bullet may go: the regex (a blank line: it cannot match)
        line = _LEAD_BULLET_RE.sub("", line, count=1)
    return " ".join(line.split())


_KEY_BULLETS = "-•*·▪◦"  # the bullets _LEAD_BULLET_RE drops


def normalize_newlines(text: str) -> str:
    """Turn CRLF, CR and other line separators into ``\\n``."""
    if not any(c in text for c in _LINE_SEPARATORS):
        return text  # nothing to replace: a substring test per separator costs less than the regex scan
    return _NEWLINES_RE.sub("\n", text)


#: The characters :data:`_NEWLINES_RE` replaces (``\\r`` also as the first of ``\\r\\n``).
_LINE_SEPARATORS = ("\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85")


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


# ----------------------------------------------------------------------------------------------- literal guards
#
# A regex scan over a whole document costs far more than a plain substring test. Most rule and sniffer patterns
# need some literal text (a label, one of a few phrases): when none of those literals occurs, the pattern cannot
# match and the scan is skipped. The literals are read off the pattern source once per pattern.

#: Escaped characters that stand for themselves.
_LIT_ESCAPES = frozenset("\\.^$*+?{}[]()|/#&~-'\"!,:;<=>@%`_ ")
#: Literal sets with more members than this are not worth testing one by one.
_MAX_LITERALS = 24


#: ... and sets with more members than this are no guard at all: without ``ahocorasick_rs`` each literal is a
#: scan of the text; with it (see :class:`_GuardIndex`) a set costs a set look-up whatever its size.
_MAX_GUARD = 4 * _MAX_LITERALS
_MAX_INDEXED_GUARD = 512


def _literal_cap() -> int:
    return _MAX_GUARD if _guard_index() is None else _MAX_INDEXED_GUARD


class _Unparsable(Exception):
    pass


def _skip_class(src: str, i: int, nested: bool) -> int:
    """Index just past the character class opening at ``src[i] == "["``."""
    j = i + 1
    if src[j : j + 1] == "^":
        j += 1
    if src[j : j + 1] == "]":
        j += 1
    while j < len(src):
        c = src[j]
        if c == "\\":
            j += 2
            continue
        if c == "[" and (nested or src[j + 1 : j + 2] == ":"):
            j = _skip_class(src, j, nested)
            continue
        if c == "]":
            return j + 1
        j += 1
    raise _Unparsable


def _group_close(src: str, i: int, nested: bool) -> int:
    """Index of the ``)`` closing the group opening at ``src[i] == "("``."""
    depth = 0
    j = i
    while j < len(src):
        c = src[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _skip_class(src, j, nested)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    raise _Unparsable


def _alternatives(src: str, nested: bool) -> list[str]:
    parts: list[str] = []
    depth = start = i = 0
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _skip_class(src, i, nested)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(src[start:i])
            start = i + 1
        i += 1
    if depth:
        raise _Unparsable
    parts.append(src[start:])
    return parts


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    def key(o: frozenset[str]) -> tuple[bool, bool, int, int]:
        shortest = min(len(x) for x in o)
        # a set holding a one-character literal is no guard at all (see necessary_literals): any other wins
        return (
            shortest >= 3 and len(o) <= _MAX_LITERALS,
            shortest >= 2,
            -len(o) if shortest >= 3 else shortest,
            shortest,
        )

    options = [o for o in options if o and len(o) <= _literal_cap()]
    return max(options, key=key) if options else None


def _sequence_literals(src: str, nested: bool) -> frozenset[str] | None:
    """Literals one of which every match of the (alternation-free at top level) ``src`` contains."""
    # a literal character, a mandatory group's literals, or None
    atoms: list[str | frozenset[str] | None] = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            nxt = src[i + 1 : i + 2]
            if not nxt:
                raise _Unparsable
            if nxt in _LIT_ESCAPES:
                atoms.append(nxt)
                i += 2
            elif nxt in "pPNxuUgk" or nxt.isdigit() or nxt == "0":
                raise _Unparsable  # arguments of these escapes are not worth parsing
            else:
                atoms.append(None)  # \d, \w, \s, \b, \n, \t …
                i += 2
        elif c == "[":
            atoms.append(None)
            i = _skip_class(src, i, nested)
        elif c == "(":
            close = _group_close(src, i, nested)
            inner: str | None = src[i + 1 : close]
            if inner is not None and inner.startswith("?"):
                if inner.startswith("?:"):
                    inner = inner[2:]
                elif inner.startswith("?P<"):
                    gt = inner.find(">")
                    if gt < 0:
                        raise _Unparsable
                    inner = inner[gt + 1 :]
                else:
                    inner = None  # look-arounds, inline flags, atomic groups, back-references: opaque
            atoms.append(_literals(inner, nested) if inner is not None else None)
            i = close + 1
        elif c in "?*+{":
            if c == "{":
                close_b = src.find("}", i)
                if close_b < 0:
                    raise _Unparsable
                low = src[i + 1 : close_b].split(",")[0].strip()
                optional = not low.isdigit() or int(low) == 0
                i = close_b + 1
            else:
                optional = c != "+"
                i += 1
            if not atoms:
                raise _Unparsable
            last = atoms[-1]
            # an optional atom contributes nothing; a repeated one breaks the literal run that follows it
            atoms[-1] = None if optional or isinstance(last, str) else last
            if not optional and isinstance(last, str):
                atoms.append(last)
                atoms.append(None)
            while i < n and src[i] in "?+":
                i += 1  # lazy or possessive marker
        elif c in ".^$":
            atoms.append(None)
            i += 1
        elif c in "|)":
            raise _Unparsable
        else:
            atoms.append(c)
            i += 1
    options: list[frozenset[str]] = []
    run = ""
    for a in [*atoms, None]:
        if isinstance(a, str):
            run += a
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        if isinstance(a, frozenset):
            options.append(a)
    return _best(options)


def _literals(src: str, nested: bool) -> frozenset[str] | None:
    found: set[str] = set()
    for alt in _alternatives(src, nested):
        lits = _sequence_literals(alt, nested)
        if lits is None:
            return None
        found |= lits
    return frozenset(found)


#: pattern -> (literals, whether to test them case-folded) or None when the pattern gives no usable literals
_GUARDS: dict[regex.Pattern[str], tuple[tuple[str, ...], bool] | None] = {}
_INLINE_FLAGS_RE = lazy(r"\A\(\?([a-zA-Z]+)\)")


def necessary_literals(pattern: regex.Pattern[str]) -> tuple[tuple[str, ...], bool] | None:
    """Literals one of which occurs in every match of ``pattern``, and whether they must be looked for in the
    case-folded text (:func:`folded`); ``None`` when no such literals can be read off the pattern."""
    try:
        return _GUARDS[pattern]
    except KeyError:
        pass
    result: tuple[tuple[str, ...], bool] | None = None
    src = pattern.pattern
    flags = pattern.flags
    m = _INLINE_FLAGS_RE.match(src)
    inline = m.group(1) if m else ""
    if m:
        src = src[m.end() :]
    if not (flags & regex.VERBOSE or "x" in inline):
        try:
            lits = _literals(src, bool(flags & regex.VERSION1 or "V1" in inline))
        except _Unparsable:
            lits = None
        if lits and min(len(x) for x in lits) >= 2 and len(lits) <= _literal_cap():
            fold = bool(flags & regex.IGNORECASE or "i" in inline)
            result = (tuple(sorted({x.casefold() for x in lits} if fold else lits)), fold)
    _GUARDS[pattern] = result
    return result


_FOLDED: tuple[str, str] = ("", "")


def folded(text: str) -> str:
    """``text.casefold()``, remembered for the last text asked about."""
    global _FOLDED
    last = _FOLDED
    if last[0] is text:
        return last[1]
    out = text.casefold()
    _FOLDED = (text, out)
    return out


#: Above this many literals, one Aho-Corasick pass (the optional ``ahocorasick_rs``) costs less than a substring
#: scan per literal (each scan of a text that lacks the literal reads all of it).
_AC_MIN_LITERALS = 8
_AUTOMATA: dict[tuple[str, ...], Any] = {}


def _automaton(words: tuple[str, ...]) -> Any:
    """A cached Aho-Corasick automaton of ``words``, or None without the ``ahocorasick_rs`` package."""
    try:
        return _AUTOMATA[words]
    except KeyError:
        pass
    try:
        import ahocorasick_rs
    except ImportError:
        out = None
    else:
        out = ahocorasick_rs.AhoCorasick(list(words), implementation=ahocorasick_rs.Implementation.DFA)
    _AUTOMATA[words] = out
    return out


def any_literal(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` occurs in ``text`` (``any(w in text for w in words)``, one pass for many words).

    A text asked about again (a document's sniffers ask about it dozens of times) is answered from the
    :class:`_GuardIndex`'s one pass over it, with a set look-up."""
    known = _indexed(text, words, False)
    return _any_literal(text, words) if known is None else known


def _indexed(text: str, literals: tuple[str, ...], fold: bool) -> bool | None:
    """Whether one of ``literals`` occurs in ``text`` (case-folded when ``fold``), answered from the
    :class:`_GuardIndex`; ``None`` when the index cannot answer (no index, literals it does not cover, a text it
    has not indexed)."""
    index = _guard_index()
    if index is None:
        return None
    state = index.covers(literals, fold)
    if state is None:
        return None
    found = index.found(text, fold, state)
    return None if found is None else not found.isdisjoint(literals)


def _any_literal(text: str, words: tuple[str, ...]) -> bool:
    """:func:`any_literal` without the index."""
    if len(words) >= _AC_MIN_LITERALS:
        ac = _automaton(words)
        if ac is not None:
            return bool(ac.find_matches_as_indexes(text))
    return any(w in text for w in words)


class _GuardIndex:
    """Every guard literal of :func:`could_match` seen so far, in one Aho-Corasick automaton per case mode, and
    which of them each recent text holds.

    The rules ask about the same few texts (the document, a post) dozens of times, each time with another
    pattern's literals: one pass listing all the indexed literals a text holds answers every later question
    about that text with a set look-up. Literals first seen after the automata were built are tested the old way
    until enough of them wait (then the automata are rebuilt), so a cold process does not rebuild per pattern.

    Thread-safe without a lock: a state (literals, automaton) is replaced whole, and a text's finding is used
    only with the state it was made with.
    """

    #: a text gets its pass on its second question (texts asked about once cost one plain test)
    _PASS_AFTER = 2
    #: rebuild once this many literals wait (or a tenth of the indexed ones, if more)
    _REBUILD_AT = 24
    #: texts remembered at once (a document and its posts); the table starts over when full
    _TEXTS = 48

    def __init__(self) -> None:
        empty: tuple[frozenset[str], Any] = (frozenset(), None)
        #: per case mode (raw, folded): the indexed literals and their automaton
        self.states: list[tuple[frozenset[str], Any]] = [empty, empty]
        self.pending: tuple[set[str], set[str]] = (set(), set())
        #: id(text) -> [text, questions so far, (state, found) raw, (state, found) folded]
        self.texts: dict[int, list[Any]] = {}

    def covers(self, lits: tuple[str, ...], fold: bool) -> tuple[frozenset[str], Any] | None:
        """The state that indexes all of ``lits``; None if there is none yet (they are queued, and the automaton
        rebuilt when enough wait)."""
        state = self.states[fold]
        if state[0].issuperset(lits):
            return state
        pending = self.pending[fold]
        pending.update(w for w in lits if w.strip() and w not in state[0])
        if len(pending) >= max(self._REBUILD_AT, len(state[0]) // 10):
            import ahocorasick_rs

            words = state[0] | pending
            pending.clear()
            automaton = ahocorasick_rs.AhoCorasick(
                sorted(words), store_patterns=True, implementation=ahocorasick_rs.Implementation.DFA
            )
            state = self.states[fold] = (frozenset(words), automaton)
            if state[0].issuperset(lits):
                return state
        return None

    def found(self, text: str, fold: bool, state: tuple[frozenset[str], Any]) -> frozenset[str] | None:
        """The literals of ``state`` that ``text`` (case-folded with ``fold``) holds; None until its pass is due."""
        texts = self.texts
        entry = texts.get(id(text))
        if entry is None or entry[0] is not text:
            if len(texts) >= self._TEXTS:
                texts.clear()
            entry = texts[id(text)] = [text, 0, None, None]
        done = entry[2 + fold]
        if done is not None and done[0] is state:
            return cast("frozenset[str]", done[1])
        entry[1] += 1
        if entry[1] < self._PASS_AFTER:
            return None
        hay = folded(text) if fold else text
        got = frozenset(state[1].find_matches_as_strings(hay, overlapping=True))
        entry[2 + fold] = (state, got)
        return got


def _guard_index() -> _GuardIndex | None:
    """The :class:`_GuardIndex`, or None without the ``ahocorasick_rs`` package."""
    if not _INDEX:
        try:
            import ahocorasick_rs  # noqa: F401
        except ImportError:
            _INDEX.append(None)
        else:
            _INDEX.append(_GuardIndex())
    return _INDEX[0]


_INDEX: list[_GuardIndex | None] = []


def could_match(pattern: regex.Pattern[str], text: str) -> bool:
    """False when ``pattern`` cannot match anywhere in ``text`` (none of its necessary literals occurs)."""
    guard = necessary_literals(pattern)
    if guard is None:
        return True
    lits, fold = guard
    known = _indexed(text, lits, fold)
    if known is not None:
        return known
    hay = folded(text) if fold else text
    return _any_literal(hay, lits)


def guarded_search(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    """``pattern.search(text)``, skipped when a cheap literal test shows it cannot match."""
    return search_lines(pattern, text) if could_match(pattern, text) else None


# -- matching at a position ------------------------------------------------------------------------------------
# ``pattern.match(text, pos)`` is not bounded by the line at ``pos``: when the pattern holds a literal after a
# part of unbounded width (``^[ \t]*+Offline``, ``[^\n]{1,60}?[ \t]+said:``), the regex engine first looks for
# that literal from ``pos`` on and fails when it is not found, reading the rest of the text. Trying such a
# pattern at every candidate line of a text where the literal is rare (the ``:`` of ``Bob said:`` in a long
# story full of ``said``) costs quadratic time. A pattern that cannot match a line break needs nothing beyond
# the line's end: it is tried with ``endpos`` there (the same match, found in time linear in the line).

_ONE_LINE: dict[regex.Pattern[str], bool] = {}
#: Escapes that cannot match a line break: tab, word and digit classes, non-blank, zero-width assertions other
#: than the text's end, and escaped punctuation and space.
_SAFE_ESCAPES = frozenset("tdwSbBAKG ") | frozenset(r"""\.-^$|?*+()[]{}/'"#&~!%,:;<=>@_`""")
#: ``\p{…}`` classes that hold no line break (letters, marks, numbers, punctuation, symbols).
_SAFE_PROPS = ("L", "M", "N", "P", "S")
#: A scoped or global DOTALL or VERBOSE flag.
_DOT_FLAG_RE = regex.compile(r"\(\?[a-zA-Z0-9^-]*[sx]")


def _safe_escape(src: str, i: int) -> int:
    """The end of the escape at ``src[i]`` (a backslash) when it cannot match a line break, else -1."""
    e = src[i + 1 : i + 2]
    if e == "p" and src[i + 2 : i + 3] == "{":
        j = src.find("}", i)
        return j + 1 if src[i + 3 : j].lstrip("^").startswith(_SAFE_PROPS) else -1
    if e == "x" and len(src) >= i + 4:
        code = src[i + 2 : i + 4]
        return i + 4 if code.isalnum() and code.lower() not in ("0a", "0b", "0c", "0d") else -1
    return i + 2 if e in _SAFE_ESCAPES else -1


def _one_line_source(src: str, multiline: bool) -> bool:
    """Whether the regex source ``src`` can only match inside one line (conservative: False when unsure; a
    ``$`` without MULTILINE means the text's end, which ``endpos`` moves)."""
    if "\n" in src or _DOT_FLAG_RE.search(src):
        return False
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            i = _safe_escape(src, i)
            if i < 0:
                return False
        elif c == "[":
            j = i + 1
            negated = src[j : j + 1] == "^"
            j += negated
            if src[j : j + 1] == "]":
                j += 1
            body_start = j
            while j < n and src[j] != "]":
                if src[j] == "[":
                    return False  # a nested class (VERSION1): not read here
                j += 2 if src[j] == "\\" else 1
            if j >= n:
                return False
            body = src[body_start:j]
            if negated:
                if "\\n" not in body and "\\s" not in body:
                    return False  # a negated class without the line break matches it
            elif not _one_line_class(body):
                return False
            i = j + 1
        elif c == "$" and not multiline:
            return False
        else:
            i += 1
    return True


def _one_line_class(body: str) -> bool:
    """Whether the positive class body ``body`` holds no line break (no escape but safe ones, no range over
    the control characters)."""
    k = 0
    while k < len(body):
        if body[k] == "\\":
            k = _safe_escape(body, k)
            if k < 0:
                return False
        elif body[k] == "-" and 0 < k < len(body) - 1 and (body[k - 1] <= "\n" or body[k + 1] in "\\\n"):
            return False  # a range that may hold the line break
        else:
            k += 1
    return True


def one_line(pattern: regex.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` lies inside one line (a conservative reading of its source)."""
    known = _ONE_LINE.get(pattern)
    if known is None:
        flags = pattern.flags
        known = _ONE_LINE[pattern] = not flags & (regex.DOTALL | regex.VERBOSE) and _one_line_source(
            pattern.pattern, bool(flags & regex.MULTILINE)
        )
    return known


def match_at(pattern: regex.Pattern[str], text: str, pos: int) -> regex.Match[str] | None:
    """``pattern.match(text, pos)``, in time bound by the line at ``pos`` when ``pattern`` matches inside one
    line (see above)."""
    if one_line(pattern):
        end = text.find("\n", pos)
        return pattern.match(text, pos, len(text) if end < 0 else end + 1)
    return pattern.match(text, pos)


# -- line-anchored patterns ------------------------------------------------------------------------------------
# Most rule patterns are whole-line patterns: ``^…$`` under MULTILINE. The regex engine tries such a pattern at
# every character position, and ``^`` fails at all but line starts, which costs ~15 ns per character. The same
# pattern behind a literal newline (``\n\K(?:…)``) lets the engine jump from newline to newline with a fast
# literal scan: 5-10 times faster on prose. ``\K`` keeps the newline out of the match, so spans and groups are
# those of the original pattern; the first line (and a line start right after a match that ended with its
# newline) is tried with the original pattern.

_LINE_VARIANTS: dict[regex.Pattern[str], regex.Pattern[str] | None] = {}
_USES: dict[regex.Pattern[str], int] = {}
#: A pattern gets its fast form on this many-th use: compiling costs about what compiling the pattern did,
#: so patterns used once or twice (a short run, a rare engine) do not pay for it.
_VARIANT_AFTER = 3


def top_level_alternatives(source: str, nested: bool = False) -> list[str] | None:
    """``source`` (a regex) split at its top-level ``|``; None when it cannot be parsed safely. ``nested``:
    the pattern is VERSION1, where classes nest."""
    try:
        return _alternatives(source, nested)
    except _Unparsable:
        return None


def line_variant(pattern: regex.Pattern[str]) -> regex.Pattern[str] | None:
    """The newline-led form of a line-anchored MULTILINE pattern (every top-level alternative starts with
    ``^``), or None when ``pattern`` is not one."""
    try:
        return _LINE_VARIANTS[pattern]
    except KeyError:
        pass
    out: regex.Pattern[str] | None = None
    src = pattern.pattern
    if (
        pattern.flags & regex.MULTILINE
        and not pattern.flags & regex.VERBOSE
        and src.startswith("^")
        and "\\K" not in src
    ):
        alts = top_level_alternatives(src, bool(pattern.flags & regex.VERSION1))
        if alts and all(a.startswith("^") for a in alts):
            try:
                out = regex.compile("\\n\\K(?:" + src + ")", pattern.flags, cache_pattern=False)
            except regex.error:
                out = None
    _LINE_VARIANTS[pattern] = out
    return out


def _fast_form(pattern: regex.Pattern[str]) -> regex.Pattern[str] | None:
    """:func:`line_variant`, built on the pattern's :data:`_VARIANT_AFTER`-th use (None before)."""
    try:
        return _LINE_VARIANTS[pattern]
    except KeyError:
        pass
    uses = _USES.get(pattern, 0) + 1
    if uses < _VARIANT_AFTER:
        _USES[pattern] = uses
        return None
    return line_variant(pattern)


#: The newline-led form pays per line, the plain pattern per character: the first wins only on texts whose
#: lines average at least this many characters. (Measured over the rule and sniffer calls on the corpus texts of
#: three extractors: the total is about the same for any threshold from 0 to 16 and 1.27 times it at 32; most of
#: the patterns reject a line at its first characters, so a line costs the newline-led form little.)
FAST_MIN_LINE_CHARS = 12


def _long_lines(text: str, pos: int, n: int) -> bool:
    return n - pos >= FAST_MIN_LINE_CHARS * (text.count("\n", pos, n) + 1)


def _search(
    pattern: regex.Pattern[str], fast: regex.Pattern[str] | None, text: str, pos: int, n: int
) -> regex.Match[str] | None:
    if fast is None:
        return pattern.search(text, pos, n)
    if pos == 0 or (0 < pos <= n and text[pos - 1] == "\n"):
        m = pattern.match(text, pos, n)
        if m is not None:
            return m
    return fast.search(text, pos, n)


def search_lines(
    pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> regex.Match[str] | None:
    """``pattern.search(text, pos, endpos)``, faster for line-anchored patterns on prose-like text (see
    :func:`line_variant` and :data:`FAST_MIN_LINE_CHARS`)."""
    n = len(text) if endpos is None else min(endpos, len(text))
    fast = _fast_form(pattern) if _long_lines(text, pos, n) else None
    return _search(pattern, fast, text, pos, n)


def finditer_lines(
    pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[regex.Match[str]]:
    """The non-empty matches of ``pattern.finditer(text, pos, endpos)``, faster for line-anchored patterns on
    prose-like text."""
    n = len(text) if endpos is None else min(endpos, len(text))
    fast = _fast_form(pattern) if _long_lines(text, pos, n) else None
    if fast is None:
        yield from (x for x in pattern.finditer(text, pos, n) if x.end() > x.start())
        return
    p = pos
    while p <= n:
        m = _search(pattern, fast, text, p, n)
        if m is None:
            return
        if m.end() > m.start():
            yield m
            p = m.end()
        else:
            p = m.start() + 1


def finditer_within(
    pattern: regex.Pattern[str], within: regex.Pattern[str], text: str, endpos: int | None = None
) -> Iterator[regex.Match[str]]:
    """The matches of ``pattern`` in ``text``, looked for only inside the matches of the cheaper ``within``.

    The same as ``pattern.finditer(text)`` when every match of ``pattern`` lies inside one match of
    ``within`` (for a whole-line pattern: ``within`` matches every line it could match, as a whole line).
    """
    if not could_match(pattern, text):
        return
    for region in finditer_lines(within, text, 0, len(text) if endpos is None else endpos):
        yield from finditer_lines(pattern, text, region.start(), region.end())


def _same_columns(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ at most in one character (a bullet)."""
    return a == b or (len(a) == len(b) and sum(1 for x, y in zip(a, b, strict=True) if x != y) <= 1)


class TextView:
    """Lines of a post (or document) as rules see them.

    ``lines`` are the current line texts: lines already claimed by an earlier rule are ``""`` and
    :meth:`is_live` is false for them. Indices are relative to the view; ``base`` is the absolute line number
    of index 0 in the input. ``facts`` holds what earlier rules found (read-only for rules), ``engine`` the
    engine detected for the document, ``seen`` a set of normalised lines from earlier posts.

    ``source`` (None unless the text door showed the rules a reader's view of the input, see
    :mod:`postclean.layout`) holds the input lines as written, claimed and cut along with ``lines``; bodies
    are built from it. Rules read ``lines``.
    """

    __slots__ = (
        "_live",
        "_live_of",
        "_starts",
        "_text",
        "base",
        "claimed",
        "context",
        "engine",
        "facts",
        "lines",
        "original",
        "source",
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
        self.source: list[str] | None = None
        self._text: str | None = None
        self._starts: list[int] | None = None
        #: the live lines as (index, text), for :meth:`iter_lines` (dozens of rules walk them between changes)
        self._live: list[tuple[int, str]] | None = None
        self._live_of: tuple[list[str], list[bool]] | None = None  # the lists it was made from

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
        if not could_match(pattern, text):
            return
        matches = finditer_lines(pattern, text) if within is None else finditer_within(pattern, within, text)
        for m in matches:
            first = self.line_at(m.start())
            last = self.line_at(max(m.start(), m.end() - 1))
            yield first, last, m

    # -- line access -----------------------------------------------------------------------------------------
    def is_live(self, index: int) -> bool:
        """True if line ``index`` is unclaimed and not blank."""
        return 0 <= index < len(self.lines) and not self.claimed[index] and bool(self.lines[index].strip())

    def iter_lines(self) -> Iterator[tuple[int, str]]:
        """Yield ``(index, text)`` for every live line."""
        live = self._live
        of = self._live_of
        # (made again after each claim or cut, and when ``lines`` or ``claimed`` was replaced: the engine sets
        # them on a new view)
        if live is None or of is None or of[0] is not self.lines or of[1] is not self.claimed:
            lines, claimed = self.lines, self.claimed
            live = [(i, line) for i, line in enumerate(lines) if not claimed[i] and line.strip()]
            self._live = live
            self._live_of = (lines, claimed)
        return iter(live)

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
            if self.source is not None:
                self.source[i] = ""
        self._text = None
        self._starts = None
        self._live = None

    def cut(self, index: int, cols: tuple[int, int]) -> str:
        """Remove a column span from line ``index``; return the removed text. Called by the engine.

        With a :attr:`source`, the same columns go from the source line when the line is its end with at most a
        bullet written differently (the rules read it without indentation or with ``-`` for ``*``); otherwise
        what is left of the line replaces it.
        """
        line = self.lines[index]
        a, b = cols
        removed = line[a:b]
        rest = line[:a] + line[b:]
        self.lines[index] = rest
        if self.source is not None:
            src = self.source[index]
            colmap: list[int] | None = None
            shown = src
            if "\n" in src:  # a wrapped line's input lines (see postclean.wrapping)
                shown, colmap = joined_columns(src)
            d = len(shown) - len(line)  # the indentation the rules did not see
            if d >= 0 and _same_columns(shown[d:], line):
                if colmap is None:
                    removed = src[d + a : d + b]
                    self.source[index] = src[: d + a] + src[d + b :]
                else:
                    start, end = colmap[d + a], colmap[d + b - 1] + 1
                    removed = src[start:end]
                    self.source[index] = src[:start] + src[end:]
            else:
                read = self.context.get("read")
                left = cut_parts(src, line, cols, read) if colmap is not None and read is not None else None
                self.source[index] = rest if left is None else left
        if not rest.strip():
            self.claimed[index] = True
            self.lines[index] = ""
            if self.source is not None:
                self.source[index] = ""
        self._text = None
        self._starts = None
        self._live = None
        return removed
