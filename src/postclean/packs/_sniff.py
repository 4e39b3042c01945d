"""Helpers that keep the engine sniffers cheap.

Every sniffer runs on every text, so most of its signals must be rejected without a regex scan of the whole
document (about 5 ns per character even when nothing matches): a plain substring test for a literal the match
needs, or a scan that the regex engine can drive by a literal.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import regex

from .._lazy import lazy
from ..text import (
    _automaton,
    _group_close,
    _skip_class,
    could_match,
    finditer_lines,
    guarded_search,
    line_variant,
    match_at,
    necessary_literals,
    search_lines,
    top_level_alternatives,
)

__all__ = [
    "LINE_END_SPACE",
    "LineScan",
    "LiteralSets",
    "count_lines",
    "factored_source",
    "first_char_re",
    "line_union",
    "lines_ending_in",
    "literal_led",
    "requires",
    "signal_found",
    "stays_on_line",
    "warm_scans",
]

#: The characters ``str.rstrip()`` removes, except the newline (``str.isspace``; none lies above U+3000).
LINE_END_SPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c != "\n")

_END_RES: dict[str, regex.Pattern[str]] = {}


def lines_ending_in(text: str, chars: str) -> Iterator[str]:
    """The lines of ``text`` (as ``text.split("\\n")`` gives them) whose ``rstrip()`` ends with one of ``chars``,
    in order: the regex engine looks for those characters, not every line."""
    pattern = _END_RES.get(chars)
    if pattern is None:
        pattern = regex.compile(
            f"[{regex.escape(chars)}][{regex.escape(LINE_END_SPACE)}]*$", regex.MULTILINE, cache_pattern=False
        )
        _END_RES[chars] = pattern
    for m in pattern.finditer(text):
        yield text[text.rfind("\n", 0, m.start()) + 1 : m.end()]


def count_lines(pattern: regex.Pattern[str], text: str, limit: int = 2) -> int:
    """Non-empty matches of ``pattern`` in ``text`` (see :func:`~postclean.text.finditer_lines`), counting no
    further than ``limit``; unlike ``_modern.count_matches`` without the literal guard, for patterns whose
    guard costs more than the scan (test the guard afterwards: ``count_lines(p, t) >= 2 and could_match(p, t)``
    is ``count_matches(p, t) >= 2``)."""
    n = 0
    for _m in finditer_lines(pattern, text):
        n += 1
        if n >= limit:
            break
    return n


def signal_found(pattern: regex.Pattern[str], text: str) -> bool:
    """``guarded_search(pattern, text) is not None``, the cheaper test first: a guard made of one case-folded
    literal costs a case-fold of the whole text, more than the regex engine's own scan for that literal, so
    there the search runs first and the guard only when it finds something."""
    guard = necessary_literals(pattern)
    if guard is not None and guard[1] and len(guard[0]) == 1:
        return pattern.search(text) is not None and could_match(pattern, text)
    return guarded_search(pattern, text) is not None


# -- whole-line patterns --------------------------------------------------------------------------------------
# A whole-line pattern ``^[ \t\xa0]*(?:A|B|…)[ \t\xa0]*$`` is tried at every line start; with dozens of phrase
# alternatives (case-insensitive) each try costs far more than the newline-to-newline scan itself. A look-ahead
# for the characters the alternatives can start with rejects most lines at once, and several such patterns
# are looked for in one scan (their union): a text matching none of them, as most texts do, costs one scan.

_LINE_HEAD = r"^[ \t\xa0]*+(?:"
_LINE_TAIL = r")[ \t\xa0]*$"
_SHORTHANDS = frozenset("dw")


def _quantified_optional(src: str, i: int) -> bool:
    """Whether the atom ending at ``src[i]`` is made optional by a quantifier (``?``, ``*``, ``{0,…}``)."""
    nxt = src[i : i + 1]
    if nxt in ("?", "*"):
        return True
    if nxt == "{":
        low = src[i + 1 : src.find("}", i) if "}" in src[i:] else i + 1].split(",")[0].strip()
        return not low.isdigit() or int(low) == 0
    return False


#: Characters whose full case folding is more than one character (``ß`` -> ``ss``, ``ﬁ`` -> ``fi``).
_MULTI_FOLD = regex.escape(
    "".join(c for c in map(chr, range(0x80, 0x10000)) if len(c.casefold()) > 1), special_only=True
)


def first_char_re(src: str, nested: bool = False) -> str | None:
    """A regex matching one character, every character that a match of the regex source ``src`` can start
    with (a superset); None when that is not easily read off the source (or a match can be empty)."""
    alts = top_level_alternatives(src)
    if not alts:
        return None
    chars: set[str] = set()
    items: list[str] = []
    for a in alts:
        if not a:
            return None
        c = a[0]
        if c == "\\":
            nxt = a[1:2]
            if nxt in _SHORTHANDS:
                item = a[:2]
            elif nxt and not nxt.isalnum() and nxt.isascii():
                chars.add(nxt)
                item = ""
            else:
                return None
            end = 2
        elif c == "[":
            end = _skip_class(a, 0, nested)
            item = a[:end]
        elif c == "(":
            close = _group_close(a, 0, nested)
            inner = a[1:close]
            if inner.startswith("?:"):
                inner = inner[2:]
            elif inner.startswith("?P<") and ">" in inner:
                inner = inner[inner.index(">") + 1 :]
            elif inner.startswith("?"):
                return None  # look-arounds, inline flags, atomic groups …
            sub = first_char_re(inner, nested)
            if sub is None:
                return None
            end = close + 1
            item = sub
        elif c in ".^$|)*+?{}":
            return None
        else:
            chars.add(c)
            end = 1
            item = ""
        if _quantified_optional(a, end):
            return None
        if item and item not in items:
            items.append(item)
    if chars:
        items.insert(0, "[" + "".join(regex.escape(x) for x in sorted(chars)) + "]")
    return items[0] if len(items) == 1 else "(?:" + "|".join(items) + ")"


class _Opaque(Exception):
    pass


_QUANTIFIER_RE = lazy(r"(?:[*+?]|\{\d*(?:,\d*)?\})[?+]?")
_FLAGS_GROUP_RE = lazy(r"\(\?[a-zA-Z]*(?:-[a-zA-Z]+)?:")
_ESCAPE_LENGTHS = {"x": 4, "u": 6, "U": 10}


def _atoms(src: str, nested: bool, factor: bool = True) -> list[str]:
    """``src`` (free of top-level ``|``) cut into atoms, each with its quantifier; with ``factor``, non-capturing
    groups come back factored (:func:`factored_source`) and capturing groups are refused."""
    out: list[str] = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            nxt = src[i + 1 : i + 2]
            if nxt in _ESCAPE_LENGTHS:
                end = i + _ESCAPE_LENGTHS[nxt]
            elif nxt in ("p", "P", "N") and src[i + 2 : i + 3] == "{":
                end = src.index("}", i) + 1
            elif not nxt or nxt.isdigit() or nxt in "gkpPN":
                raise _Opaque  # back-references and other escapes with arguments
            else:
                end = i + 2
            atom = src[i:end]
        elif c == "[":
            end = _skip_class(src, i, nested)
            atom = src[i:end]
        elif c == "(":
            close = _group_close(src, i, nested)
            end = close + 1
            flags = _FLAGS_GROUP_RE.match(src, i)
            if not factor:
                atom = src[i:end]
            elif flags is not None:
                atom = flags.group() + factored_source(src[flags.end() : close], nested) + ")"
            elif src.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
                atom = src[i:end]
            else:
                raise _Opaque  # capturing groups (their numbers would change) and other constructs
        elif c in "|)*+?{":
            raise _Opaque
        else:
            end = i + 1
            atom = c
        q = _QUANTIFIER_RE.match(src, end)
        if q is not None:
            atom += q.group()
            end = q.end()
        out.append(atom)
        i = end
    return out


def factored_source(src: str, nested: bool = False) -> str:
    """``src`` with its alternations factored by common leading atoms (``ab|ac`` → ``a(?:b|c)``), recursively.

    A text has a match of the result exactly when it has one of ``src`` (the alternatives' order, hence which
    match is found, may differ: for a whole-line pattern the match is the line either way). The regex engine
    tries dozens of phrase alternatives one after the other at each position: factored, it tries a few.
    Raises ``_Opaque`` for sources it does not take apart (capturing groups, back-references …)."""
    alts = top_level_alternatives(src)
    if alts is None:
        raise _Opaque
    trie: dict[str, Any] = {}
    for alt in alts:
        node = trie
        for atom in _atoms(alt, nested):
            node = node.setdefault(atom, {})
        node[""] = None  # end of an alternative

    def emit(node: dict[str, Any]) -> str:
        parts = [atom + emit(child) for atom, child in node.items() if atom]
        if "" in node and parts:
            parts.append("")
        if len(parts) <= 1:
            return parts[0] if parts else ""
        return "(?:" + "|".join(parts) + ")"

    return emit(trie)


_NAMED_GROUP_RE = lazy(r"\(\?P<\w+>")


def _group_body(atom: str) -> str | None:
    """The body of an unquantified group atom that consumes text (plain, named, non-capturing, scoped flags)."""
    if not (atom.startswith("(") and atom.endswith(")")):
        return None
    if not atom.startswith("(?"):
        return atom[1:-1]
    opening = _NAMED_GROUP_RE.match(atom) or _FLAGS_GROUP_RE.match(atom)
    return atom[opening.end() : -1] if opening is not None else None


def requires(src: str, atom: str, nested: bool = False) -> bool:
    """Whether every match of the regex source ``src`` holds a match of ``atom``, an atom written exactly as in
    ``src`` with its quantifier (``\\d{4}``): true when every alternative has it in its sequence, at top level
    or in a group that is itself required. False when that cannot be read off the source."""
    try:
        alts = top_level_alternatives(src)
        if alts is None:
            return False
        for alt in alts:
            atoms = _atoms(alt, nested, factor=False)
            if atom in atoms:
                continue
            bodies = [b for b in map(_group_body, atoms) if b is not None]
            if not any(requires(b, atom, nested) for b in bodies):
                return False
        return True
    except (_Opaque, ValueError):
        return False


def _literal_char(atom: str) -> str | None:
    """The character an unquantified atom stands for, or None when it is not a literal character."""
    if len(atom) == 1 and atom not in ".^$":
        return atom
    if len(atom) == 2 and atom[0] == "\\" and not atom[1].isalnum() and atom[1].isascii():
        return atom[1]
    return None


def literal_led(pattern: regex.Pattern[str], literal: str) -> regex.Pattern[str] | None:
    """A pattern that finds a match in exactly the texts ``pattern`` does, written to start with ``literal``
    (``^[ \\t]*Top[ \\t]*$`` → ``Top(?<=^[ \\t]*Top)[ \\t]*$``): the regex engine then looks for the literal
    quickly instead of trying every position, and checks what stands before it in the look-behind. Only for
    whether a text has a match: the matches themselves differ. None unless ``literal`` is spelt out as plain
    characters at the top level of ``pattern`` (a single alternative)."""
    nested = bool(pattern.flags & regex.VERSION1)
    src = pattern.pattern
    alts = top_level_alternatives(src)
    if alts is None or len(alts) != 1 or not literal or pattern.flags & regex.VERBOSE:
        return None
    try:
        atoms = _atoms(src, nested, factor=False)
    except (_Opaque, ValueError):
        return None
    chars = [_literal_char(a) for a in atoms]
    n = len(literal)
    for i in range(len(atoms) - n + 1):
        if all(chars[i + k] == literal[k] for k in range(n)):
            lead = "".join(atoms[i : i + n])
            before = "".join(atoms[: i + n])
            return regex.compile(
                f"{lead}(?<={before}){''.join(atoms[i + n :])}", pattern.flags, cache_pattern=False
            )
    return None


#: Pieces of regex source that can match a newline (or whose argument might); ``\S`` cannot.
_NEWLINE_PIECES = ("\\s", "\\W", "\\D", "\\n", "\\R", "\\X", "\\p", "\\P", "\\N", "\\x", "\\u", "\\U", "\\0")


def stays_on_line(pattern: regex.Pattern[str]) -> bool:
    """Whether no match of ``pattern`` can hold a newline: true when its source has no piece that could match
    one (a negated class, ``\\s``, ``.`` under DOTALL …). False when in doubt."""
    src = pattern.pattern
    return (
        not pattern.flags & (regex.DOTALL | regex.VERBOSE)
        and "[^" not in src
        and not any(piece in src for piece in _NEWLINE_PIECES)
    )


def _leading_literals(src: str, nested: bool) -> list[str] | None:
    """For each alternative of ``src``, the source of the literal characters it starts with (looking into a
    leading group); an empty string for an alternative that starts otherwise. None if ``src`` is not parsed."""
    alts = top_level_alternatives(src)
    if alts is None:
        return None
    out: list[str] = []
    for alt in alts:
        try:
            atoms = _atoms(alt, nested, factor=False)
        except (_Opaque, ValueError):
            return None
        lead: list[str] = []
        for atom in atoms:
            if _literal_char(atom) is None:
                break
            lead.append(atom)
        if lead:
            out.append("".join(lead))
            continue
        body = _group_body(atoms[0]) if atoms else None
        inner = _leading_literals(body, nested) if body is not None else None
        if inner is None:
            out.append("")
        else:
            out.extend(inner)
    return out


class LineScan:
    """Whether a line of a text matches one of several whole-line patterns (``_modern.line_re`` patterns:
    ``^[ \t\xa0]*(?:BODY)[ \t\xa0]*$``, multiline): ``search(text)`` is ``any(search_lines(p, text) for p in
    patterns)``.

    The regex engine tries a whole-line pattern at every line start, and with dozens of phrase alternatives each
    try costs far more than the newline-to-newline scan itself. Patterns with the same flags are joined into one
    whose alternatives are factored by their common prefixes (:func:`factored_source`), behind a look-ahead for
    the characters they can start with. When every alternative starts with a literal word, a smaller pattern
    first finds the lines that start with one of those words, and only they are tried with the whole pattern.
    Patterns of another form are looked for one by one. The joined patterns are compiled on first use.
    """

    def __init__(self, *patterns: regex.Pattern[str]) -> None:
        self.patterns = patterns
        self._parts: list[tuple[regex.Pattern[str], regex.Pattern[str] | None]] | None = None
        _SCANS.append(self)

    @property
    def parts(self) -> list[tuple[regex.Pattern[str], regex.Pattern[str] | None]]:
        """(whole pattern, scanner or None) for each set of flags; empty when a pattern has another form."""
        if self._parts is None:
            parts: list[tuple[regex.Pattern[str], regex.Pattern[str] | None]] = []
            groups: dict[int, list[regex.Pattern[str]]] = {}
            for p in self.patterns:
                groups.setdefault(p.flags, []).append(p)
            for flags, group in groups.items():
                part = _line_scan_part(flags, group)
                if part is None:
                    parts = []
                    break
                parts.append(part)
            self._parts = parts
        return self._parts

    def search(self, text: str) -> bool:
        """Whether one of the patterns matches somewhere in ``text``."""
        parts = self.parts
        if not parts:
            return any(search_lines(p, text) is not None for p in self.patterns)
        for full, scanner in parts:
            if scanner is None:
                if search_lines(full, text) is not None:
                    return True
            elif any(match_at(full, text, m.start()) for m in finditer_lines(scanner, text)):
                return True
        return False


#: Every :class:`LineScan`, for :func:`warm_scans`.
_SCANS: list[LineScan] = []


def warm_scans() -> None:
    """Build every :class:`LineScan`'s joined patterns, and their newline-led forms, now instead of on first use."""
    for scan in _SCANS:
        for full, scanner in scan.parts:
            line_variant(full)
            if scanner is not None:
                line_variant(scanner)


def _line_scan_part(
    flags: int, patterns: list[regex.Pattern[str]]
) -> tuple[regex.Pattern[str], regex.Pattern[str] | None] | None:
    """The joined pattern and the scanner (see :class:`LineScan`) for ``patterns``, which share ``flags``."""
    if not flags & regex.MULTILINE or flags & regex.VERBOSE:
        return None
    bodies: list[str] = []
    for p in patterns:
        src = p.pattern
        if not src.startswith(_LINE_HEAD) or not src.endswith(_LINE_TAIL):
            return None
        body = src[len(_LINE_HEAD) : -len(_LINE_TAIL)]
        if top_level_alternatives(body) is None:
            return None  # the head's group does not enclose the whole body
        bodies.append(body)
    nested = bool(flags & regex.VERSION1)
    joined = "|".join(bodies)
    first = first_char_re(joined, nested)
    literals = _leading_literals(joined, nested)
    if first is not None and flags & regex.IGNORECASE and nested:
        # full case folding: ``ß`` matches ``ss``, ``ﬁ`` matches ``fi``; a one-character guard must let them in
        first = f"(?:{first}|[{_MULTI_FOLD}])"
    ahead = f"(?={first})" if first is not None else ""
    with contextlib.suppress(_Opaque):
        joined = factored_source(joined, nested)
    full = regex.compile(rf"^[ \t\xa0]*+{ahead}(?:{joined}{_LINE_TAIL}", flags, cache_pattern=False)
    if literals is None or "" in literals or not ahead:
        return full, None
    lead = "|".join(dict.fromkeys(literals))
    with contextlib.suppress(_Opaque):
        lead = factored_source(lead, nested)
    return full, regex.compile(rf"^[ \t\xa0]*+{ahead}(?:{lead})", flags, cache_pattern=False)


def line_union(*patterns: regex.Pattern[str]) -> regex.Pattern[str] | None:
    """One pattern matching the lines that any of the whole-line ``patterns`` (same flags; see
    :class:`LineScan`) matches; None when they do not all have that form or those flags."""
    if len({p.flags for p in patterns}) != 1:
        return None
    part = _line_scan_part(patterns[0].flags, list(patterns))
    return part[0] if part is not None else None


class LiteralSets:
    """The literal tests of several sniffer signals in one pass: ``found(text)`` tells which of the named sets of
    literals have one of their literals in ``text`` (one Aho-Corasick pass over the union when the optional
    ``ahocorasick_rs`` is there, a substring test per literal otherwise)."""

    def __init__(self, **sets: tuple[str, ...]) -> None:
        self.sets = sets
        words: list[str] = []
        owners: list[frozenset[str]] = []
        for word in dict.fromkeys(w for items in sets.values() for w in items):
            words.append(word)
            owners.append(frozenset(name for name, items in sets.items() if word in items))
        self._words = tuple(words)
        self._owners = tuple(owners)

    def found(self, text: str) -> frozenset[str]:
        """The names of the sets one of whose literals occurs in ``text``."""
        ac = _automaton(self._words)
        out: set[str] = set()
        if ac is None:
            for word, owners in zip(self._words, self._owners, strict=True):
                if not owners <= out and word in text:
                    out |= owners
            return frozenset(out)
        for index, _start, _end in ac.find_matches_as_indexes(text, overlapping=True):
            out |= self._owners[index]
        return frozenset(out)
