"""Rules, hits, packs, and select/ignore resolution.

A rule *detects*: it looks at a :class:`~postclean.text.TextView` and yields :class:`Hit` objects (a line range,
optionally a column span inside one line, a reason and the metadata facts it found). The engine decides what
is cut, resolves overlaps and merges facts into the result. Rules are plain functions wrapped by :func:`rule`;
a pack lists its rules explicitly in one tuple.
"""

from __future__ import annotations

import difflib
import inspect
import re
from collections.abc import Callable, Collection, Container, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import attrs
import regex

from ._lazy import lazy
from .text import _group_close, _skip_class, _Unparsable, finditer_lines, search_lines, top_level_alternatives

if TYPE_CHECKING:
    from .text import TextView

__all__ = [
    "STAGES",
    "TAGS",
    "Hit",
    "Rule",
    "RulePack",
    "SelectionError",
    "resolve_selection",
    "rule",
]

#: The closed vocabulary of rule tags.
TAGS = frozenset(
    {
        "author-block",
        "quote",
        "signature",
        "reactions",
        "buttons",
        "headline",
        "credit",
        "byline",
        "dateline",
        "link-card",
        "navigation",
        "edit-note",
        "whitespace",
        "duplicate",
        "notice",
        "post-meta",
        "markup",
    }
)

#: Stage names in run order. Within a stage, rules run in pack order, then in the pack's tuple order.
#: ``layout`` rules (document scope) see every input line before blank lines are set aside (see
#: ``Cleaner.clean_text``); they remove lines that are notation rather than text.
STAGES: tuple[str, ...] = ("layout", "split", "structure", "chrome", "news", "generic")

#: ``document``: once over the whole text, before posts are split; ``post``: on each post; ``thread``: once
#: after every post is cleaned, over the whole text with ``context["posts"]`` (see ``Cleaner._thread_pass``).
Scope = Literal["document", "post", "thread"]


@attrs.frozen
class Hit:
    """What a rule found: lines ``start``..``end`` (inclusive, relative to the view), and why.

    ``cols`` narrows a hit to a column span of a single line (``start == end``): the rest of the line stays. (A
    split rule's hit opens a post, except a column cut with no ``facts``: a poster's cell beside the message.)
    ``facts`` maps dotted field names (``author.messages``, ``article.title``, ``post.date``, ``quote`` …) to
    values the engine merges into the result (``quote`` takes a :class:`~postclean.model.Quote` and ``comment``
    a :class:`~postclean.model.Comment`: each hit adds one to its post, in line order); ``moved_to`` names where
    the removed text went, for the explanation.
    """

    start: int
    end: int
    reason: str
    facts: Mapping[str, object] = attrs.field(factory=dict)
    cols: tuple[int, int] | None = None
    moved_to: str | None = None


Detector = Callable[["TextView"], Iterable[Hit]]


@attrs.frozen
class Rule:
    """A named, coded detector. Build one with :func:`rule`."""

    code: str
    name: str
    summary: str
    tags: frozenset[str]
    detect: Detector = attrs.field(repr=False)
    stage: str = "chrome"
    scope: Scope = "post"
    doc: str = attrs.field(default="", repr=False)
    #: Optional cheap pre-check: when this pattern finds nothing in the whole document, the rule is skipped
    #: for every post (a speed-up only; it must match whenever the rule could hit).
    trigger: regex.Pattern[str] | None = attrs.field(default=None, repr=False)
    #: Optional speed-up for a ``trigger`` whose every alternative starts a line (``^``, MULTILINE): a cheap
    #: case-sensitive MULTILINE pattern that matches at the start of each line where a match of ``trigger`` can
    #: start (it may match more); ``trigger`` is then tried only there, instead of being searched for in the whole
    #: document. The answer is the same.
    trigger_lines: regex.Pattern[str] | None = attrs.field(default=None, repr=False)
    #: Like ``trigger`` but faster: lower-case literals, one of which must occur in the lower-cased document.
    trigger_words: tuple[str, ...] = attrs.field(default=(), repr=False)
    #: For an engine pack's rule: it also runs on the post bodies the HTML door extracted for that engine (chrome
    #: that lives inside the message markup, such as an inline quote header). Rules of the shared packs always do.
    in_html: bool = False
    #: Lower-case literals the rule looks for in the document through ``view.context["probe"]`` (a
    #: :class:`LiteralProbe` of the lower-cased document, when the engine gives one): the probe indexes them, so
    #: that asking it costs a set look-up.
    probe_words: tuple[str, ...] = attrs.field(default=(), repr=False)
    #: For an engine pack's rule: whether what it removes names the engine (a text no sniffer recognised gets
    #: the engine whose rules took its chrome). False for shapes other engines print too (a stat line, an edit
    #: note, ``X wrote:``). A set of reasons: only the hits given one of those reasons name the engine (the rule's
    #: other hits are shapes other engines print too).
    fingerprint: bool | frozenset[str] = True

    def names_engine(self, reason: str) -> bool:
        """Whether a hit of this rule given ``reason`` names the rule's engine (see :attr:`fingerprint`)."""
        return reason in self.fingerprint if isinstance(self.fingerprint, frozenset) else self.fingerprint

    def triggered(self, text: str, lowered: str, probe: Container[str] | None = None) -> bool:
        """False when the document cannot hold anything this rule removes: neither a trigger word occurs nor
        the trigger pattern matches (a rule with no trigger always runs).

        ``probe`` (a speed-up) answers ``w in probe`` as ``w in lowered`` does, faster (a :class:`LiteralProbe`).
        """
        if not self.trigger_words and self.trigger is None:
            return True
        if isinstance(probe, LiteralProbe):
            holds = probe.holds_any
        else:
            hay: Container[str] = lowered if probe is None else probe

            def holds(words: tuple[str, ...]) -> bool:
                return any(w in hay for w in words)

        if self.trigger_words and holds(self.trigger_words):
            return True
        if self.trigger is None:
            return False
        literals, sure = trigger_plan(self.trigger)
        if literals is not None:
            # A literal check is much cheaper than a case-insensitive alternation scan.
            if not holds(literals):
                return False
            if sure and holds(sure):
                return True
        if self.trigger_lines is not None:
            at = self.trigger.match
            return any(at(text, m.start()) is not None for m in finditer_lines(self.trigger_lines, text))
        return search_lines(self.trigger, text) is not None

    def __attrs_post_init__(self) -> None:
        if self.stage not in STAGES:
            raise ValueError(f"rule {self.code}: unknown stage {self.stage!r}; use one of {STAGES}")
        unknown = set(self.tags) - TAGS
        if unknown:
            raise ValueError(f"rule {self.code}: unknown tags {sorted(unknown)}; allowed: {sorted(TAGS)}")


def rule(
    code: str,
    name: str,
    *,
    tags: Sequence[str] = (),
    stage: str = "chrome",
    scope: Scope = "post",
    trigger: str | Sequence[str] | None = None,
    trigger_pattern: str | None = None,
    trigger_lines: str | None = None,
    in_html: bool = False,
    probe_words: Iterable[str] = (),
    fingerprint: bool | Iterable[str] = True,
) -> Callable[[Detector], Rule]:
    """Decorator turning a detector function into a :class:`Rule`.

    The function's docstring becomes the rule's documentation; its first line is the summary. ``trigger`` is
    an optional pre-check (a speed-up: the rule is skipped for documents where it finds nothing): a regex
    string, or a sequence of literals (case-insensitive) one of which must occur; ``trigger_pattern`` adds a
    regex alternative to the literals (the rule runs when either finds something); ``trigger_lines`` a cheap
    pattern matching every line where the regex ``trigger`` can match (see :attr:`Rule.trigger_lines`). ``in_html`` marks an engine
    pack's rule that also runs on bodies the HTML door extracted (see :attr:`Rule.in_html`); ``probe_words`` are
    literals it asks the document probe about (see :attr:`Rule.probe_words`); ``fingerprint=False`` marks a rule whose
    hits do not name its engine, a set of reasons the hits that do (see :attr:`Rule.fingerprint`).

    >>> import regex
    >>> from postclean import Hit
    >>> @rule("MY001", "shout-line", tags=["notice"])
    ... def shout(view):
    ...     '''A line that is only "FIRST!".'''
    ...     for i, line in view.iter_lines():
    ...         if line.strip() == "FIRST!":
    ...             yield Hit(i, i, "first-post shout")
    >>> shout.code, shout.summary
    ('MY001', 'A line that is only "FIRST!".')
    """

    def wrap(fn: Detector) -> Rule:
        doc = inspect.cleandoc(fn.__doc__ or "")
        summary = doc.splitlines()[0] if doc else name
        return Rule(
            code=code,
            name=name,
            summary=summary,
            tags=frozenset(tags),
            detect=fn,
            stage=stage,
            scope=scope,
            doc=doc,
            trigger=_compile_trigger(trigger if isinstance(trigger, str) else trigger_pattern),
            trigger_lines=lazy(trigger_lines, regex.MULTILINE) if trigger_lines else None,
            trigger_words=tuple(w.lower() for w in trigger)
            if trigger and not isinstance(trigger, str)
            else (),
            in_html=in_html,
            probe_words=tuple(probe_words),
            fingerprint=fingerprint if isinstance(fingerprint, bool) else frozenset(fingerprint),
        )

    return wrap


def _compile_trigger(pattern: str | None) -> regex.Pattern[str] | None:
    return lazy(pattern, regex.IGNORECASE | regex.MULTILINE) if pattern else None


@attrs.frozen
class RulePack:
    """An engine's (or a concern's) rules, in run order, plus an optional text sniffer.

    ``sniff(text)`` returns a confidence in ``[0, 1]`` that the text comes from this pack's engine.
    """

    name: str
    prefix: str
    rules: tuple[Rule, ...]
    sniff: Callable[[str], float] | None = attrs.field(default=None, repr=False)
    description: str = ""


class SelectionError(ValueError):
    """A ``select``/``ignore`` entry matches no rule code, prefix, name, tag or pack."""


def _matches(r: Rule, pack: RulePack | None, sel: str) -> bool:
    s = sel.strip()
    if not s:
        return False
    return (
        r.code == s.upper()
        or r.code.startswith(s.upper())
        or r.name == s.lower()
        or s.lower() in r.tags
        or (pack is not None and pack.name == s.lower())
    )


def resolve_selection(
    entries: Sequence[tuple[Rule, RulePack | None]],
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
) -> list[tuple[Rule, RulePack | None]]:
    """Filter ``(rule, pack)`` pairs by ``select`` then ``ignore`` (codes, prefixes, names, tags, pack names).

    Raises :class:`SelectionError` naming the closest valid selectors when an entry matches nothing.
    """
    vocabulary: set[str] = set()
    for r, pack in entries:
        vocabulary.update({r.code, r.name, *r.tags})
        if pack is not None:
            vocabulary.update({pack.name, pack.prefix})

    def check(items: Iterable[str] | None, label: str) -> list[str]:
        if items is None:
            return []
        if isinstance(items, str):
            items = [items]
        out = []
        for item in items:
            if not isinstance(item, str):
                raise SelectionError(f"{label} entries must be strings, got {type(item).__name__}")
            if not any(_matches(r, p, item) for r, p in entries):
                close = difflib.get_close_matches(item, sorted(vocabulary), n=3, cutoff=0.5)
                hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
                raise SelectionError(
                    f"{label}: {item!r} matches no rule code, prefix, name, tag or pack{hint}"
                )
            out.append(item)
        return out

    sel = check(select, "select")
    ign = check(ignore, "ignore")
    chosen = [(r, p) for r, p in entries if not sel or any(_matches(r, p, s) for s in sel)]
    return [(r, p) for r, p in chosen if not any(_matches(r, p, s) for s in ign)]


#: trigger pattern -> (necessary lower-case literals or None, those of them whose finding is the same as a match)
_TRIGGER_PLANS: dict[regex.Pattern[str], tuple[tuple[str, ...] | None, tuple[str, ...]]] = {}


def trigger_plan(pattern: regex.Pattern[str]) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    """:func:`_trigger_plan`, remembered per pattern."""
    plan = _TRIGGER_PLANS.get(pattern)
    if plan is None:
        plan = _TRIGGER_PLANS[pattern] = _trigger_plan(pattern)
    return plan


def trigger_literals(rules: Iterable[Rule]) -> set[str]:
    """Every literal that :meth:`Rule.triggered` may look for in a lower-cased document for ``rules`` (and their
    :attr:`Rule.probe_words`)."""
    out: set[str] = set()
    for r in rules:
        out.update(r.trigger_words)
        out.update(r.probe_words)
        if r.trigger is not None:
            out.update(trigger_plan(r.trigger)[0] or ())
    return out


class LiteralIndex:
    """Which of a fixed set of literals occur in a text, found in one pass instead of one scan per literal.

    The ASCII literals of at least :attr:`MIN_CHARS` characters go into one pattern, a trie of them (``ab|ac`` as
    ``a(?:b|c)``) inside a look-ahead, so that it stops at every position where one of them starts and reports the
    longest one starting there; every literal starting there is a prefix of that one. The standard ``re`` module
    runs it: it tries a trie of plain characters several times faster than ``regex`` does. The characters are
    compared as they are (no case folding): :meth:`probe` answers ``w in text`` exactly.

    A literal with non-ASCII characters can only occur in a text holding all of them: those few (most texts have
    none of the letters of the other languages' literals) are looked for one by one.

    With the optional ``ahocorasick_rs`` package installed (the ``fast`` extra), one Aho-Corasick automaton of
    all the literals does the whole look-up instead, about ten times faster; the answers are the same.
    """

    #: Shorter literals are looked for with ``in``: they occur at so many positions that a pass reporting each of
    #: them would cost more than the scan, which finds a common one quickly.
    MIN_CHARS = 3

    __slots__ = (
        "_ascii",
        "_automaton",
        "_blank",
        "_lines_apart",
        "_needs",
        "_one_line",
        "_prefixes",
        "_splits",
        "literals",
    )

    def __init__(self, literals: Iterable[str], *, automaton: bool = True) -> None:
        """``automaton=False``: the trie pass even when ``ahocorasick_rs`` is installed."""
        self.literals = frozenset(w for w in literals if len(w) >= self.MIN_CHARS)
        ascii_only = {w for w in self.literals if w.isascii()}
        #: ASCII literal -> the literals that are prefixes of it (itself included)
        self._prefixes: dict[str, tuple[str, ...]] = {
            w: tuple(sorted(w[:k] for k in range(self.MIN_CHARS, len(w) + 1) if w[:k] in ascii_only))
            for w in ascii_only
        }
        self._ascii = _trie_pattern(ascii_only)
        #: no ASCII literal holds a newline: each lies on one line, and a repeated line need not be scanned again
        self._one_line = not any("\n" in w for w in ascii_only)
        #: non-ASCII literal -> its non-ASCII characters
        self._needs: dict[str, frozenset[str]] = {
            w: frozenset(c for c in w if not c.isascii()) for w in sorted(self.literals - ascii_only)
        }
        #: the probes' :meth:`LiteralProbe.holds_any` plans, shared (see there)
        self._splits: dict[tuple[str, ...], tuple[frozenset[str], tuple[str, ...]]] = {}
        #: literals of blanks only (``"   "``): they can occur at every position of a padded text, so the
        #: automaton leaves them to a substring test
        self._blank = tuple(sorted(w for w in self.literals if not w.strip()))
        self._automaton = _aho_corasick(self.literals - set(self._blank)) if automaton else None
        #: no literal holds a newline: each line need be scanned once
        self._lines_apart = not any("\n" in w for w in self.literals)

    def found(self, text: str) -> frozenset[str]:
        """The indexed literals that occur in ``text``."""
        if self._automaton is not None:
            hay = _distinct_lines(text) if self._lines_apart else text
            hits = set(self._automaton(hay))
            hits.update(w for w in self._blank if w in hay)
            return frozenset(hits)
        out: set[str] = set()
        if self._ascii is not None:
            for longest in set(self._ascii.findall(_distinct_lines(text) if self._one_line else text)):
                out.update(self._prefixes[longest])
        if self._needs and not text.isascii():
            chars = set(_NON_ASCII_RE.findall(text))
            out.update(w for w, need in self._needs.items() if need <= chars and w in text)
        return frozenset(out)

    def probe(self, text: str) -> LiteralProbe:
        """A container telling whether a string occurs in ``text`` (``w in probe`` is ``w in text``)."""
        return LiteralProbe(text, self.literals, self.found(text), self._splits)


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def _aho_corasick(literals: Collection[str]) -> Callable[[str], list[str]] | None:
    """A function listing every occurrence of ``literals`` in a text (overlapping ones too), by one Aho-Corasick
    automaton of the optional ``ahocorasick_rs`` package; None when it is not installed or there are no
    literals."""
    if not literals:
        return None
    try:
        import ahocorasick_rs
    except ImportError:
        return None
    automaton = ahocorasick_rs.AhoCorasick(
        sorted(literals), store_patterns=True, implementation=ahocorasick_rs.Implementation.DFA
    )

    def occurrences(text: str) -> list[str]:
        found: list[str] = automaton.find_matches_as_strings(text, overlapping=True)
        return found

    return occurrences


def _distinct_lines(text: str) -> str:
    """``text`` with each line only at its first occurrence: it holds the same strings without a newline (pages
    repeat their button rows, signatures and menus)."""
    return "\n".join(dict.fromkeys(text.split("\n")))


class LiteralProbe:
    """``w in probe`` is ``w in text``: a set look-up for the literals of a :class:`LiteralIndex`, a scan of
    ``text`` for any other string."""

    __slots__ = ("_found", "_indexed", "_splits", "text")

    def __init__(
        self,
        text: str,
        indexed: frozenset[str],
        found: frozenset[str],
        splits: dict[tuple[str, ...], tuple[frozenset[str], tuple[str, ...]]] | None = None,
    ) -> None:
        self.text = text
        self._indexed = indexed
        self._found = found
        #: words asked about -> (those of them indexed, the others), remembered across the probes of one index
        self._splits = {} if splits is None else splits

    @property
    def indexed(self) -> frozenset[str]:
        """The literals whose occurrence the probe found in one pass (those of its :class:`LiteralIndex`)."""
        return self._indexed

    @property
    def found(self) -> frozenset[str]:
        """Those of :attr:`indexed` that occur in the text."""
        return self._found

    def __contains__(self, w: object) -> bool:
        if w in self._indexed:
            return w in self._found
        return isinstance(w, str) and w in self.text

    def _split(self, words: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
        """``words`` as (those indexed, the others), remembered across the probes of one index."""
        split = self._splits.get(words)
        if split is None:
            indexed = self._indexed
            split = (frozenset(w for w in words if w in indexed), tuple(w for w in words if w not in indexed))
            self._splits[words] = split
        return split

    def holds_any(self, words: tuple[str, ...]) -> bool:
        """``any(w in probe for w in words)``: one set operation for the indexed words."""
        split = self._split(words)
        if not split[0].isdisjoint(self._found):
            return True
        text = self.text
        return any(w in text for w in split[1])

    def present(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """The words of ``words`` that occur in the text (``tuple(w for w in words if w in probe)`` in another
        order): one set operation for the indexed words."""
        indexed, others = self._split(words)
        text = self.text
        return (*(indexed & self._found), *(w for w in others if w in text))


_Trie = dict[str, "_Trie"]


def _trie_pattern(literals: Collection[str]) -> re.Pattern[str] | None:
    """``(?=(…))`` around a trie of ``literals`` that prefers the longest one; None for no literals."""
    if not literals:
        return None
    root: _Trie = {}
    for w in sorted(literals):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alternatives = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile("(?=(" + emit(root) + "))")


def _trigger_plan(pattern: regex.Pattern[str]) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    """How to pre-check ``pattern`` with plain substring tests on the lower-cased text.

    Returns the literals one of which occurs in every match (lower-cased), and those of them whose finding is
    finding a match: all of them when the pattern is no more than those literals (an IGNORECASE alternation of
    plain words, blanks matched by ``[ \\t]+`` aside), else the ASCII ones that are a whole alternative.
    ``(None, ())`` when no such literals can be read off the pattern.
    """
    if pattern.flags & regex.VERBOSE:
        return None, ()
    source = pattern.pattern
    if "(?" in source.replace("(?:", ""):
        return None, ()  # inline flags or look-arounds: keep the pattern
    alternatives = _split_alternatives(source)
    if not alternatives:
        return None, ()
    literals: list[str] = []
    sure: list[str] = []
    folds = bool(pattern.flags & regex.IGNORECASE)
    every = folds
    for alternative in alternatives:
        runs, pure = _literal_runs(alternative)
        if not runs:
            return None, ()
        every = every and pure
        lit = max(runs, key=len).lower()
        if lit not in literals:
            literals.append(lit)
        # an ASCII word found in the lower-cased text is one IGNORECASE finds (its letters lower-case only from
        # their capitals, the Kelvin sign and a dotted capital I, all of which IGNORECASE takes for them)
        if folds and pure and lit.isascii() and lit not in sure:
            sure.append(lit)
    return tuple(literals), tuple(literals) if every else tuple(sure)


def _split_alternatives(source: str) -> list[str] | None:
    """The top-level ``|`` alternatives of a pattern (wrapping ``(?:…)`` groups removed); None if malformed."""
    while True:
        parts = top_level_alternatives(source)
        if parts is None:
            return None
        if len(parts) == 1 and source.startswith("(?:") and _group_end(source, 0) == len(source):
            source = source[3:-1]
            continue
        return parts


def _group_end(source: str, i: int) -> int:
    """Index just past the group opening at ``source[i] == "("`` (past the end when it is not closed)."""
    try:
        return _group_close(source, i, False) + 1
    except _Unparsable:
        return len(source) + 1


def _class_end(source: str, i: int) -> int:
    """Index just past the character class opening at ``source[i] == "["`` (past the end when not closed)."""
    try:
        return _skip_class(source, i, False)
    except _Unparsable:
        return len(source) + 1


#: Escaped characters that stand for themselves.
_LITERAL_ESCAPES = frozenset("\\.^$*+?{}[]()|/#&~-'\"!,:;<=>@%`_ ")


def _literal_runs(alternative: str) -> tuple[list[str], bool]:
    """Runs of literal characters every match of ``alternative`` contains, and whether it is one plain literal."""
    atoms: list[str | None] = []  # a literal character, or None for anything else
    i, n = 0, len(alternative)
    while i < n:
        c = alternative[i]
        if c == "\\":
            nxt = alternative[i + 1 : i + 2]
            atoms.append(nxt if nxt in _LITERAL_ESCAPES else None)
            if nxt in ("p", "P", "N", "x", "u", "U") or nxt.isdigit():
                return [], False  # \p{…}, \N{…}, \xhh, back-references: do not try
            i += 2
        elif c == "[":
            atoms.append(None)
            i = _class_end(alternative, i)
        elif c == "(":
            atoms.append(None)
            i = _group_end(alternative, i)
        elif c in "?*+{":
            if atoms:
                atoms[-1] = None  # an optional or repeated atom is not a fixed literal
            atoms.append(None)
            if c == "{":
                j = alternative.find("}", i)
                if j < 0:
                    return [], False
                i = j
            i += 1
        elif c in ".^$|)":
            atoms.append(None)
            i += 1
        else:
            atoms.append(c)
            i += 1
    runs: list[str] = []
    run = ""
    for a in atoms:
        if a is None:
            if run:
                runs.append(run)
            run = ""
        else:
            run += a
    if run:
        runs.append(run)
    return runs, bool(atoms) and None not in atoms
