"""Page chrome of any site, text form: navigation, breadcrumbs, login prompts, footers, lists of other threads.

Plain text converters (html-text on a whole page, BeautifulSoup ``get_text()``, browser copy-paste) keep the
page around the posts: menus, breadcrumbs, sign-in prompts, footers, "Similar threads" lists and forum
statistics. These rules find them whatever engine made the page. They work on the whole document
(``scope="document"``) because menus and lists do not respect post boundaries, and they remove *blocks*:
a lone short line is only chrome when it stands in a run of chrome lines, a heading only with its list.
The vocabularies are data in :mod:`postclean.phrases` (every language listed there is recognised).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress
from operator import is_not

import regex

from .._lazy import lazy
from ..dates import DATE_RE
from ..phrases import alternation, phrases
from ..rules import Hit, RulePack, rule
from ..text import TextView, word_count
from ._classic import CLASSIC_ENGINES
from ._common import lines_with, literal_lines, matches_at
from ._modern import phrase_alt as _modern_alt

__all__ = ["PACK", "forum_stats_lines", "free_spans", "is_nav_line", "norm_line"]

_BULLET_RE = lazy(r"^[ \t]*+(?:[-•*·▪◦►»›]|\d{1,2}[.)])[ \t]+")
_SPACES_RE = lazy(r"\s+")
_TRAIL_RE = lazy(r"(?<![ \t])[ \t]*[|·•:]+[ \t]*$")


_BULLET_FIRST = "-•*·▪◦►»›"
_TRAIL_LAST = "|·•:"


def norm_line(line: str) -> str:
    """A line for vocabulary look-up: bullet and trailing separators dropped, blanks collapsed, lower case."""
    s = line.strip()
    if not s:
        return s
    # the patterns only apply when the (stripped) line starts with a bullet or a digit / ends with a separator
    if s[0] in _BULLET_FIRST or (s[0].isdigit() and (s[1:2] in ".)" or s[2:3] in ".)")):
        s = _BULLET_RE.sub("", s)
    if s[-1] in _TRAIL_LAST:
        s = _TRAIL_RE.sub("", s)
    if "  " not in s and s.isprintable():
        return s.lower()  # no blank but single spaces (all other whitespace is unprintable), none at the ends
    return _SPACES_RE.sub(" ", s).strip().lower()


def _vocab(*concepts: str) -> frozenset[str]:
    out: set[str] = set()
    for c in concepts:
        for p in phrases(c):
            out.add(_SPACES_RE.sub(" ", p).strip().lower().rstrip(".:!"))
    return frozenset(out)


_NAV = _vocab("nav_words")
_NAV_MAX_WORDS = max(len(p.split()) for p in _NAV)
_SEPARATORS = frozenset({"|", "·", "•", "-", "–", "/", "›", "»", ">", "×"})


def _segment(tokens: list[str], vocab: frozenset[str], max_words: int) -> int:
    """Number of vocabulary phrases ``tokens`` splits into exactly (separators allowed), or 0."""
    n = len(tokens)
    best = [0] + [-1] * n  # best[i]: phrases covering tokens[:i], -1 = impossible
    for i in range(n):
        if best[i] < 0:
            continue
        if tokens[i] in _SEPARATORS:
            if best[i + 1] < best[i]:
                best[i + 1] = best[i]
            continue
        for k in range(1, min(max_words, n - i) + 1):
            if " ".join(tokens[i : i + k]).rstrip(".:!") in vocab and best[i + k] < best[i] + 1:
                best[i + k] = best[i] + 1
    return max(best[n], 0)


_NAV_FIRST = frozenset(p.split()[0] for p in _NAV)


def is_nav_line(line: str) -> int:
    """How many navigation phrases ``line`` consists of (``"New posts Search forums"`` -> 2), or 0."""
    if len(line) > 200:
        return 0
    return _nav_count(norm_line(line))


def _nav_count(s: str) -> int:
    """:func:`is_nav_line` on a line already passed through :func:`norm_line`."""
    if not s or len(s) > 160:
        return 0
    first = s.split(" ", 1)[0]
    if first not in _NAV_FIRST and first not in _SEPARATORS:
        return 0
    if s.rstrip(".:!") in _NAV:
        return 1
    tokens = s.split()
    if len(tokens) < 2 or len(tokens) > 24:
        return 0
    return _segment(tokens, _NAV, _NAV_MAX_WORDS)


def _alt(concept: str) -> str:
    parts = []
    for p in phrases(concept):
        esc = regex.escape(p).replace(r"\ ", r"[ \t]+")
        parts.append(esc.replace("…", r"(?:…|\.\.\.)"))
    return "|".join(parts)


def _trigger_words(*groups: Iterable[str]) -> tuple[str, ...]:
    """Lower-cased trigger words without those holding another one (which finds every document they find): the
    same trigger, fewer scans of the document."""
    words = list(dict.fromkeys(w.lower() for g in groups for w in g))
    return tuple(w for w in words if not any(v != w and v in w for v in words))


class _Heads:
    """A cheap necessary test for ``pattern.match(line)``, where the IGNORECASE ``pattern`` needs the line to start
    (after ``[ \\t]*``, and ``#+[ \\t]*`` when ``hashes``) with one of ``phrases`` (blanks as ``[ \\t]+``): the
    line's first letters, lower-cased, must be those of a phrase's first word.

    Only ASCII letters are compared (for them IGNORECASE is lower-casing): a line whose first letters are not
    ASCII passes (a letter such as ``ſ`` or ``İ`` matches ``s`` or ``i`` under IGNORECASE but does not lower-case
    to it).
    """

    __slots__ = ("digits", "hashes", "keys")

    def __init__(self, phrases: Iterable[str], *, hashes: bool = False, digits: bool = False) -> None:
        self.keys = frozenset(p.split(" ", 1)[0].split("…", 1)[0].lower()[:3] for p in phrases)
        self.hashes = hashes
        self.digits = digits  # the pattern has an alternative starting with a digit

    def may_match(self, line: str) -> bool:
        rest = line.lstrip(" \t")
        if self.hashes and rest[:1] == "#":
            rest = rest.lstrip("#").lstrip(" \t")
        start = rest[:3]
        if not start.isascii() or (self.digits and start[:1].isdigit()):
            return True
        start = start.lower()
        return "" in self.keys or not self.keys.isdisjoint((start[:1], start[:2], start))


def _full_line(concept: str, tail: str = r"[ \t]*[.!:…]?") -> regex.Pattern[str]:
    return lazy(
        rf"^[ \t]*+(?:[-•*][ \t]+)?(?:{_alt(concept)}){tail}[ \t]*$", regex.IGNORECASE | regex.MULTILINE
    )


# -- shared predicates (each rule also uses the others' lines as glue for its runs) ---------------------------

_LOGIN_GENERIC_RE = lazy(
    r"^[ \t]*+(?:please[ \t]+)?(?:log[ \t]?in|sign[ \t]?in|sign[ \t]?up|register|join[ \t]+now)"
    r"(?:[ \t]*(?:or|and|/)[ \t]*(?:log[ \t]?in|sign[ \t]?in|sign[ \t]?up|register|create[ \t]+an[ \t]+account))?"
    r"(?:[ \t]+(?:to|in[ \t]+order[ \t]+to)[ \t]+(?:reply|comment|post|vote|answer|continue|join[^\n]{0,30}|view[^\n]{0,30}|"
    r"see[^\n]{0,30}|participate|download[^\n]{0,30}|remove[^\n]{0,30}|hide[^\n]{0,30}|customi[sz]e[^\n]{0,30}))?"
    r"(?:[ \t]+in[ \t]+seconds)?[ \t]*[.!]?[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)
_JS_RE = lazy(rf"^[ \t]*+(?:{_alt('js_notices')})[^\n]{{0,160}}$", regex.IGNORECASE | regex.MULTILINE)
_POWERED_RE = lazy(
    rf"^[ \t]*+(?:[^\n]{{0,60}}?[ \t|·-])?(?:{_alt('powered_by')})[ \t]+(?P<what>[\p{{Lu}}\d\"“'][^\n]{{0,140}})$",
    regex.MULTILINE,
)
_COPYRIGHT_RE = lazy(
    r"^[ \t]*+(?:[^\n]{0,40}?(?:(?:©|\([cC]\))[ \t]*(?:\d{4}|\p{Lu})|(?:[Cc]opyright|COPYRIGHT)[ \t]*(?:©|\([cC]\))?[ \t]*\d{4})"
    rf"[^\n]{{0,200}}|[^\n]{{0,160}}(?:{_alt('all_rights_reserved')})[^\n]{{0,80}})$",
    regex.MULTILINE,
)
#: A short line that opens with the copyright sign (``© 2026 Example, Inc. All rights reserved.``, ``© Example
#: Ltd 2025``): a site's notice wherever it stands. Cookie or consent text printed after the footer can leave it
#: in the first two thirds of a page, and a first cleaning's cuts above it move it into the last third: the
#: position test alone would keep it once and take it on a second cleaning.
_SITE_NOTICE_RE = lazy(r"^(?:©|\([cC]\)[ \t]*+\d{4})[ \t]*+[\p{Lu}\d][^\s]*+(?:[ \t]++[^\s]++){0,7}+[ \t]*+$")
_TIMES_RE = lazy(
    rf"^[ \t]*+(?:{_alt('all_times_are')})[ \t:]+(?:GMT|UTC|[\d:]{{3,}}|[+-]\d|[\p{{Lu}}\d])[^\n]{{0,80}}$",
    regex.MULTILINE,
)
#: A page's generation time: the opening words, a number and its unit, perhaps a query count after them
#: (``Time to create page: 0.142 seconds``, ``Page generated in 0.05 s with 21 queries``).
_GENERATED_RE = lazy(
    rf"^[ \t]*+(?:{_alt('page_generated_in')})[ \t]*+:?[ \t]*+\d{{1,3}}(?:[.,]\d{{1,6}})?[ \t]*+[^\W\d]{{1,12}}\.?"
    r"(?:[ \t,]++[^\W\d]{1,12}[ \t]++\d{1,6}[ \t]++[^\W\d]{1,12})?[ \t.]*$",
    regex.IGNORECASE,
)


_LOGIN_SET = _vocab("login_prompts")
_JUMP_SET = _vocab("jump_links")
#: Affiliate disclosures: the line starts with one; the publisher line holds its group's description.
_DISCLOSURE_RE = lazy(
    rf"^[ \t]*+(?:(?:{_alt('site_disclosures')})[^\n]{{0,160}}"
    rf"|[^\n]{{1,80}}?[ \t]+(?:{_alt('publisher_group')})[^\n]{{0,80}})$",
    regex.IGNORECASE,
)
_DISCLOSURE_HINTS = ("commission", "provision", "comisión", "comissão", "commissione", "prowizj", "комисси", "amazon associate")
_FOOTER_HINTS: tuple[str, ...] = _trigger_words(
    sorted(
        {"©", "(c)", "copyright", *_DISCLOSURE_HINTS}
        | {p.lower() for c in ("all_rights_reserved", "all_times_are", "powered_by", "page_generated_in") for p in phrases(c)}
        | {" ".join(p.lower().split()[:2]) for p in phrases("publisher_group")}
    )
)  # (without the hints that hold another one: a line holds one of them if and only if it holds one of all)


def _holds(s: str, words: tuple[str, ...]) -> bool:
    """Whether lower-cased ``s`` holds one of ``words``."""
    return any(map(s.lower().__contains__, words))


#: (words, size) -> (the ``original`` lines of the last document looked at, the words they hold)
_PRESENT: dict[tuple[tuple[str, ...], int], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _present(view: TextView, words: tuple[str, ...], size: int) -> tuple[str, ...]:
    """The ``words`` that the lower-cased original lines of ``view`` of at most ``size`` characters (stripped)
    hold, remembered for the last document: one scan of the text per word instead of one per line.

    A line of the view that is still its original line (``view.lines[i] is view.original[i]``) can only hold
    these; a line an earlier rule cut may hold any of ``words``.

    With the document's probe in ``view.context`` (the engine's text door), only the words the document holds
    are looked for: the original lines are lines of the document, and a word without a newline lies on one line,
    which lower-cases alike in both texts (the capital sigma, the one letter whose lower case depends on its
    neighbours, looks no further than the line).
    """
    last = _PRESENT.get((words, size))
    if last is not None and last[0] is view.original:
        return last[1]
    probe = view.context.get("probe")
    asked = words if probe is None else tuple(w for w in words if "\n" in w or w in probe)
    found: tuple[str, ...] = ()
    if asked:
        low = "\n".join([x for x in view.original if len(x) <= size or len(x.strip()) <= size]).lower()
        found = tuple(w for w in asked if w in low)
    _PRESENT[(words, size)] = (view.original, found)
    return found


def _line_hints(view: TextView, words: tuple[str, ...], size: int) -> tuple[tuple[str, ...], set[str]]:
    """The ``words`` a line of ``view`` of at most ``size`` characters (stripped) may hold: the document's
    (:func:`_present`), all of them for a line in the returned set of lines an earlier rule cut."""
    changed = set(compress(view.lines, map(is_not, view.lines, view.original)))
    changed.discard("")  # a removed line
    return _present(view, words, size), changed


def _is_login(line: str, norm: str | None = None) -> bool:
    if len(line) > 200:
        return False
    n = norm_line(line) if norm is None else norm
    if n.rstrip(".!:…") in _LOGIN_SET:
        return True
    return ("log" in n or "sign" in n or "regist" in n or "join" in n) and bool(_LOGIN_GENERIC_RE.match(line))


def _is_jump(line: str, norm: str | None = None) -> bool:
    if len(line) > 80:
        return False
    n = norm_line(line) if norm is None else norm
    return n.rstrip(".!:…") in _JUMP_SET


def _is_footer(line: str, hints: tuple[str, ...] = _FOOTER_HINTS) -> bool:
    s = line.strip()
    if not s or len(s) > 400:
        return False
    if not _holds(s, hints) or word_count(s) > 40:
        return False
    if _TIMES_RE.match(s):
        return True
    m = _POWERED_RE.match(s)
    if (m and word_count(s) <= 16 and ", " not in m.group("what")[:40]) or (m and "©" in s):
        return True
    return bool(_COPYRIGHT_RE.match(s)) and word_count(s) <= 30


_WORD_END = ".!:…|·•"  # trailing punctuation a vocabulary look-up may drop (norm_line and the rules)


def _first_words(*groups: Iterable[str]) -> frozenset[str]:
    """The first words of the phrases of ``groups``, without trailing punctuation (see :func:`_may_start`)."""
    return frozenset(w.split(" ", 1)[0].rstrip(_WORD_END) for group in groups for w in group)


#: The first words of normalised navigation, jump and login lines (norm_line), and how _LOGIN_GENERIC_RE's start.
_MENU_FIRST = _first_words(_NAV, _SEPARATORS, _JUMP_SET, _LOGIN_SET)
_LOGIN_FIRST = _first_words(_LOGIN_SET)
_JUMP_FIRST = _first_words(_JUMP_SET)
_LOGIN_STARTS = ("please", "log", "sign", "regist", "join")


def _may_start(s: str, first_words: frozenset[str], logins: bool = True) -> bool:
    """A cheap necessary test for a stripped line to be a vocabulary line (its norm_line, trailing punctuation
    aside, a phrase) whose phrase starts with one of ``first_words``: its first word, lower-cased as norm_line does,
    is one; ``logins``: or the line may be one of _LOGIN_GENERIC_RE."""
    if not s:
        return False
    if s[0] in _BULLET_FIRST or (s[0].isdigit() and (s[1:2] in ".)" or s[2:3] in ".)")):
        return True  # a bullet (_BULLET_RE) may go: the first word is another
    first = s.split(None, 1)[0]
    low = first.lower()
    if low.rstrip(_WORD_END) in first_words:
        return True
    # IGNORECASE (_LOGIN_GENERIC_RE) may take a non-ASCII letter that lower-casing does not
    return logins and (low.startswith(_LOGIN_STARTS) or not first[:6].isascii())


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII = tuple(map(chr, range(128)))


class _Starts:
    """A cheap necessary test, one pass over a view's lines, for a stripped line whose first word, lower-cased and
    without trailing punctuation (as :func:`_may_start` reads it), is one of ``words``, or which starts, lower-cased,
    with one of ``prefixes``: :meth:`lines` returns a superset of those lines.

    Kept: every line whose first character after blanks is no ASCII letter (a bullet, a digit, another blank, a
    letter that lower-casing may turn into another) or whose first characters are not all ASCII; a line of ASCII
    letters is looked at as ASCII, which lower-cases in place: its first three characters must start a word or a
    prefix (a set look-up), then its first word (read from the line's first characters, longer than any word) must
    be one or the line start with a prefix. Words that do not start with an ASCII letter need no test: a line
    starting with one cannot be one.
    """

    __slots__ = ("heads", "prefixes", "size", "words")

    def __init__(self, words: Iterable[str], prefixes: Iterable[str] = ()) -> None:
        self.words = frozenset(w for w in words if w[:1] in _ASCII_LETTERS)
        self.prefixes = tuple(sorted({p.lower() for p in prefixes if p[:1] in _ASCII_LETTERS}))
        # (a word's ASCII start and a non-ASCII letter after it: the line's first characters read that far)
        self.size = max(map(len, (*self.words, *self.prefixes, "      "))) + 1
        heads: set[str] = set()
        for w in (*self.words, *self.prefixes):
            w = w[:3]
            if not w.isascii():
                continue  # a line starting so holds a non-ASCII letter in its first characters: kept
            heads.add(w)  # the word itself, or a line that is the word
            if len(w) < 3:  # a short word and whatever ASCII follows it in the first three characters
                tails = _ASCII if len(w) == 2 else (*_ASCII, *(a + b for a in _ASCII for b in _ASCII))
                heads.update(w + t for t in tails)
        self.heads = frozenset(heads)

    def lines(self, view: TextView) -> list[int]:
        """Indices of the lines of ``view`` that may start so (empty lines left out)."""
        heads, letters = self.heads, _ASCII_LETTERS
        texts = view.lines
        maybe = [
            i
            for i, line in enumerate(texts)
            if line and (line[0] not in letters or line[:3].lower() in heads or not line[:6].isascii())
        ]
        words, prefixes, size = self.words, self.prefixes, self.size
        out: list[int] = []
        for i in maybe:
            h = texts[i]
            if h[0] in " \t":
                h = h.lstrip(" \t")
                if not h:
                    continue  # a blank line
            h = h[:size]
            if h[0] not in letters or not h.isascii():
                out.append(i)
                continue
            low = h.lower()
            if (prefixes and low.startswith(prefixes)) or low.split(None, 1)[0].rstrip(_WORD_END) in words:
                out.append(i)
        return out


#: How menu, login and jump lines start (:func:`_may_start` with _MENU_FIRST) and separator lines.
_MENU_STARTS = _Starts(_MENU_FIRST, _LOGIN_STARTS)


#: A line of nothing but a separator between links (``|``, ``·``), as extractors that write one text node a line
#: leave it.
_SEPARATOR_LINE_RE = lazy(r"^[ \t]*+[|·•/][ \t]*$")


def _is_glue(line: str, hints: tuple[str, ...] = _FOOTER_HINTS) -> bool:
    """Any page-chrome line: a glue line extends a run of navigation lines.

    ``hints``: the footer hints the line may hold (:func:`_present`; a line holding none is no footer).
    """
    size = len(line)
    if size > 300:
        return False
    if size <= 12 and _SEPARATOR_LINE_RE.match(line):
        return True  # ``|`` between two links, one text node a line
    n = norm_line(line) if size <= 200 and _may_start(line.strip(), _MENU_FIRST) else ""
    if n:
        if _nav_count(n):
            return True
        bare = n.rstrip(".!:…")  # _is_jump and _is_login, spelled out
        if (size <= 80 and bare in _JUMP_SET) or bare in _LOGIN_SET:
            return True
        if ("log" in n or "sign" in n or "regist" in n or "join" in n) and _LOGIN_GENERIC_RE.match(line):
            return True
    if hints and _is_footer(line, hints):
        return True
    # a line without any of "›»>→" is never taken for a breadcrumb trail here
    return (
        size <= 240
        and ("›" in line or "»" in line or "→" in line or ">" in line)
        and _is_bread(line, separators=False)
    )


def _before(run: list[int], i: int) -> int:
    """The line before ``i`` in ``run`` (-1 at its start)."""
    k = run.index(i)
    return run[k - 1] if k else -1


def _after(run: list[int], i: int) -> int:
    """The line after ``i`` in ``run`` (-1 at its end)."""
    k = run.index(i)
    return run[k + 1] if k + 1 < len(run) else -1


def _runs(view: TextView, pred: Callable[[str], object], gap: int = 2) -> Iterator[list[int]]:
    """Runs of live lines satisfying ``pred``; up to ``gap`` blank lines (and any removed lines) may separate them."""
    run: list[int] = []
    last = -1
    for i, line in view.iter_lines():
        if pred(line):
            blanks = sum(1 for k in range(last + 1, i) if not view.claimed[k]) if run else 0
            if run and blanks > gap:
                yield run
                run = []
            run.append(i)
            last = i
        elif run:
            yield run
            run = []
    if run:
        yield run


def _runs_in(view: TextView, lines: Iterable[int], pred: Callable[[str], object], gap: int = 2) -> Iterator[list[int]]:
    """:func:`_runs` when ``pred`` is false on every live line outside ``lines`` (ascending): the lines in between
    are only looked at to find a live one (which ends a run) or to count blanks."""
    texts, claimed = view.lines, view.claimed
    run: list[int] = []
    last = -1
    for i in lines:
        line = texts[i]
        if claimed[i] or not line.strip():
            continue
        if run:
            for k in range(last + 1, i):
                if not claimed[k] and texts[k].strip():
                    yield run  # a live line in between, on which pred is false
                    run = []
                    break
        if pred(line):
            if run and sum(1 for k in range(last + 1, i) if not claimed[k]) > gap:
                yield run
                run = []
            run.append(i)
            last = i
        elif run:
            yield run
            run = []
    if run:
        yield run


def free_spans(view: TextView, start: int, end: int, reason: str, **kw: object) -> Iterator[Hit]:
    """Hits for the unclaimed stretches of lines ``start..end``: a block may hold lines another rule took.

    Keyword arguments (``facts``, ``moved_to``) go to the first hit only.
    """
    a: int | None = None
    first = True
    for k in range(start, end + 2):
        free = k <= end and not view.claimed[k]
        if free and a is None:
            a = k
        elif not free and a is not None:
            b = k - 1
            while b > a and not view.lines[b].strip():
                b -= 1
            if view.live_indices(a, b + 1):
                yield Hit(a, b, reason, **(kw if first else {}))  # type: ignore[arg-type]
                first = False
            a = None


_SHARE_HEAD_RE = lazy(
    rf"^[ \t]*+(?:Share(?:[ \t]+this(?:[ \t]+\w+)?)?|{alternation('share_label')})[ \t]*:?[ \t]*$", regex.IGNORECASE
)


# -- PAGE001 -------------------------------------------------------------------------------------------------


_SHARE_ITEM_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]*)?(?:{alternation('share_items')}|Facebook|Twitter|X|Bluesky|Reddit|Pinterest|Tumblr|"
    r"WhatsApp|LinkedIn|Telegram|VK|Messenger|Mastodon|Threads)[ \t]*$",
    regex.IGNORECASE,
)


def _without_share_widgets(view: TextView, run: list[int]) -> list[int]:
    """``run`` without the share widgets inside it (``Teilen:`` and the networks under it): GEN003's."""
    out: list[int] = []
    k = 0
    while k < len(run):
        if _SHARE_HEAD_RE.match(view.lines[run[k]]):
            k += 1
            while k < len(run) and _SHARE_ITEM_RE.match(view.lines[run[k]]):
                k += 1
            continue
        out.append(run[k])
        k += 1
    return out


@rule("PAGE001", "nav-menu", tags=["navigation"], scope="document", probe_words=_FOOTER_HINTS)
def nav_menu(view: TextView) -> Iterator[Hit]:
    """Menus of short navigation words: ``Forums`` / ``What's new`` / ``Members`` / ``Log in`` / ``Register``.

    A whole-page text keeps the site's menus and footer links, one item a line or several on one line. A
    line counts when it consists only of navigation phrases (in any listed language); it is removed when it
    holds two or more of them, or stands in a run with other page-chrome lines. A lone ``Home`` between
    paragraphs stays.

    Example (removed)::

        Forums
        What's new
        Members
        Log in Register
    """
    hints, changed = _line_hints(view, _FOOTER_HINTS, 400)
    # _is_glue's lines: those starting as a menu, login or jump line (_may_start) or a separator line does, those
    # holding a breadcrumb arrow and those holding a footer hint (a line an earlier rule cut may hold any)
    lines = set(_MENU_STARTS.lines(view))
    lines.update(lines_with(view, ("›", "»", "→", ">")))
    if changed or hints:
        lines.update(lines_with(view, _FOOTER_HINTS if changed else hints))
    glue = _runs_in(view, sorted(lines), lambda line: _is_glue(line, _FOOTER_HINTS if line in changed else hints))
    for run in glue:
        if _SHARE_HEAD_RE.match(view.lines[run[0]]):
            continue  # a share widget: GEN003's
        counts = {i: is_nav_line(view.lines[i]) for i in _without_share_widgets(view, run)}
        if sum(1 for c in counts.values() if c) == 0:
            continue
        total = sum(counts.values()) + sum(1 for c in counts.values() if not c)
        if total < 2:
            continue
        for i, c in counts.items():
            if c:
                yield Hit(i, i, "navigation menu")
            elif _SEPARATOR_LINE_RE.match(view.lines[i]) and counts.get(_before(run, i)) and counts.get(_after(run, i)):
                yield Hit(i, i, "separator between navigation links")


# -- PAGE002 -------------------------------------------------------------------------------------------------

_ROOTS = _alt("breadcrumb_roots")
_SEG = r"[^\n›»>→|]{1,80}?"
_BREAD_RE = lazy(
    rf"^[ \t]*+(?:(?:{_ROOTS})(?:[ \t]++(?:{_ROOTS}))?[ \t]*(?:[›»>→/|]|::)[ \t]*(?:{_SEG}[ \t]*(?:[›»>→]|::)[ \t]*){{0,8}}{_SEG}"
    rf"|(?:{_SEG}[ \t]*[›»→][ \t]*){{2,9}}{_SEG})[ \t]*[›»>→]?[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)
#: How a trail of the first kind (_BREAD_RE) starts: a cheap necessary test for lines without ``›``/``»``/``→``.
_BREAD_HEAD_RE = lazy(rf"^[ \t]*+(?:{_ROOTS})", regex.IGNORECASE | regex.MULTILINE)


def _is_bread(line: str, separators: bool = True) -> bool:
    """``_BREAD_RE.match(line)``, costly, tried only when a trail can be there: a trail holds ``›``/``»``/``→``
    (two of them, if it does not start at a root) or starts at a root followed by one of ``>/|`` or ``::``.
    ``separators=False`` takes the ``/`` and ``|`` separators and ``::`` as absent."""
    if "›" in line or "»" in line or "→" in line:
        return bool(_BREAD_RE.match(line))
    if not (">" in line or (separators and ("/" in line or "|" in line or "::" in line))):
        return False
    return bool(_BREAD_HEAD_RE.match(line)) and bool(_BREAD_RE.match(line))


@rule("PAGE002", "breadcrumbs", tags=["navigation"], scope="document", trigger=["›", "»", ">", "→", "::"])
def breadcrumbs(view: TextView) -> Iterator[Hit]:
    """Breadcrumb trails: ``Home › Forums › Hardware``, ``Forums > General > Topic``, ``A » B » C``.

    A trail starts at a breadcrumb root (``Home``, ``Forums``, ``Board index``, ``Startseite``, ``Accueil`` …;
    two roots with no separator between them too: XenForo 1 writes no arrow after its home crumb, so w3m and
    lynx print ``Home Forums> Growing Food>``) or has at least two ``›``/``»``/``→`` separators between short segments. ``>`` alone needs a root, since
    it also appears in code and comparisons.

    Example (removed)::

        Home › Forums › Hardware › Graphics cards
    """
    for i, line in view.iter_lines():
        if len(line) > 300 or not _is_bread(line):
            continue
        segments = regex.split(r"[›»>→|]|::", line)
        if any(word_count(s) > 12 for s in segments) or line.rstrip().endswith((".", "?", "!")):
            continue
        yield Hit(i, i, "breadcrumb trail")


# -- PAGE003 -------------------------------------------------------------------------------------------------


@rule(
    "PAGE003",
    "login-prompt",
    tags=["notice", "navigation"],
    scope="document",
    # every spelling of the pattern ``log[ \t]?in|sign[ \t]?(?:in|up)|regist|join`` as a word (a literal check of
    # the lower-cased text: a case-insensitive scan of the pattern cost ~1 ms a document), and the phrases that
    # hold none of them
    trigger=_trigger_words(
        (
            "regist",
            "join",
            *(f"{a}{gap}{b}" for a, b in (("log", "in"), ("sign", "in"), ("sign", "up")) for gap in ("", " ", "\t")),
        ),
        phrases("login_prompts"),
    ),
)
def login_prompt(view: TextView) -> Iterator[Hit]:
    """Sign-in prompts: ``Log in or sign up``, ``Sign in to reply``, ``Create an account``, ``Register now``.

    Whole lines only, from the phrase table or the shape "log in/sign up/register [or …] [to reply/comment …]".
    ``You must log in or register to reply here.`` is XenForo's (XF007).

    Example (removed)::

        Log in or sign up to reply
        Create an account
    """
    for i, line in view.iter_lines():
        if len(line) < 200 and _may_start(line.strip(), _LOGIN_FIRST) and _is_login(line):
            yield Hit(i, i, "login or registration prompt")


# -- PAGE013 -------------------------------------------------------------------------------------------------


def _literal_heads(concept: str) -> tuple[str, ...]:
    """The lower-cased text before the first placeholder of each of ``concept``'s templates (a trigger)."""
    return tuple(dict.fromkeys(p.split("{", 1)[0].strip().lower() for p in phrases(concept)))


_THREAD_STATS_RE = lazy(
    r"^[ \t]*+(?:[-•*·][ \t]++)?(?:" + _modern_alt("thread_stats_lines") + r")[ \t]*+$", regex.IGNORECASE | regex.MULTILINE
)


@rule(
    "PAGE013",
    "thread-stats-line",
    tags=["navigation", "post-meta"],
    scope="document",
    trigger=_literal_heads("thread_stats_lines"),
)
def thread_stats_line(view: TextView) -> Iterator[Hit]:
    """A thread's counts as a sentence of their own above or under its posts (bbPress and other blog-forum
    plugins): ``Viewing 5 posts - 1 through 5 (of 5 total)``, ``This topic has 4 replies, 4 voices, and was last
    updated 2 days ago by …`` (nine languages). Whole lines only: a sentence that quotes the words stays.

    Example (removed)::

        Viewing 5 posts - 1 through 5 (of 5 total)
    """
    for first, last, _m in view.finditer(_THREAD_STATS_RE):
        if first == last and view.is_live(first) and len(view.lines[first]) <= 300:
            yield Hit(first, first, "thread counts line")


# -- PAGE004 -------------------------------------------------------------------------------------------------


@rule("PAGE004", "footer", tags=["navigation", "notice"], scope="document", probe_words=_FOOTER_HINTS)
def footer(view: TextView) -> Iterator[Hit]:
    """Footer lines: ``Powered by …``, ``© 2024 …``, ``All rights reserved``, ``All times are GMT``, the page's
    generation time (``Time to create page: 0.142 seconds``).

    ``Powered by`` must be followed by a name (a capital or a digit) on a short line, so prose such as
    "Powered by the wind, the boat …" stays; copyright lines count only in the last third of the text or the
    first lines of a page (a credit inside a reposted article is the news pack's).

    Example (removed)::

        Powered by vBulletin® Version 4.2.5
        © 2024 Example Forums. All rights reserved.
        All times are GMT -5. The time now is 04:12 PM.
        Time to create page: 0.142 seconds
    """
    hints, changed = _line_hints(view, _FOOTER_HINTS, 400)
    if not hints and not changed:
        return  # every hit holds a footer hint
    live = view.live_indices()
    if not live:
        return
    tail_from = live[int(len(live) * 2 / 3)] if len(live) >= 6 else 0
    for i in live:
        line = view.lines[i]
        s = line.strip()
        if (
            not s
            or len(s) > 400
            or not _holds(s, _FOOTER_HINTS if line in changed else hints)
            or word_count(s) > 40
        ):
            continue
        if _TIMES_RE.match(s):
            yield Hit(i, i, "forum time-zone footer")
            continue
        if i >= tail_from and _GENERATED_RE.match(s):
            yield Hit(i, i, "page generation time")
            continue
        if _DISCLOSURE_RE.match(s):
            yield Hit(i, i, "affiliate disclosure or publisher line")
            continue
        m = _POWERED_RE.match(s)
        if m and ((word_count(s) <= 16 and ", " not in m.group("what")[:40]) or "©" in s):
            yield Hit(i, i, "software credit")
            continue
        if s.lower().rstrip(":") in _POWERED_ALONE and (name := _credit_name_below(view, i)) is not None:
            # ``Powered by`` / ``NodeBB``: the credit's link text on a line of its own (one text node a line)
            yield Hit(i, name, "software credit (the name on the next line)")
            continue
        if (
            (i >= tail_from or i <= live[min(3, len(live) - 1)] or _SITE_NOTICE_RE.match(s))
            and _COPYRIGHT_RE.match(s)
            and word_count(s) <= 30
        ):
            yield Hit(i, i, "copyright footer")


_POWERED_ALONE = frozenset(p.lower() for p in phrases("powered_by"))
#: The software's name under a ``Powered by`` line: one to three words, the first a capital or a digit.
_CREDIT_NAME_RE = lazy(r"^[ \t]*+[\p{Lu}\d][\w.®™-]{0,30}+(?:[ \t]++[\w.®™-]{1,30}+){0,2}+[ \t]*+$")


_CREDIT_TAIL_RE = lazy(r"^[ \t]*+[,|·][ \t]*+[^\s|][^\n]{0,60}$")


def _credit_name_below(view: TextView, i: int) -> int | None:
    """The line of the software's name right under a lone ``Powered by`` (blank lines between), or None."""
    nxt = view.first_live(i + 1, 2)
    if not nxt or nxt[0] - i > 3 or not _CREDIT_NAME_RE.match(view.lines[nxt[0]]):
        return None
    # the rest of the credit line under the name (``, best viewed with JavaScript enabled`` / ``| Contributors``)
    if len(nxt) > 1 and nxt[1] - nxt[0] <= 2 and _CREDIT_TAIL_RE.match(view.lines[nxt[1]]):
        return nxt[1]
    return nxt[0]


# -- PAGE005 -------------------------------------------------------------------------------------------------

_RELATED_RE = lazy(
    rf"^[ \t]*+(?:#+[ \t]*)?(?P<head>{_alt('related_headings')}|{_alt('qa_related_headings')})"
    r"(?:[ \t]+(?:r/)?[\w.-]{1,40})?[ \t]*(?:\(\d+\))?[ \t]*[:.…]?[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)
_STAT_ITEM_RE = lazy(
    r"^[ \t]*+(?:[-•*·<>X×][ \t]*)*(?:[\d.,]+[kKmM]?[ \t]*)?(?:[·•|][ \t]*)?(?:[\d.,]+[kKmM]?[ \t]*"
    r"(?:comments?|replies|reply|views?|posts?|votes?|points?|answers?|messages?)?|\w{1,12}[ \t]+\d{1,2},?[ \t]+\d{4}"
    r"|(?:Replies|Views|Posts|Messages|Answers|Votes)[ \t:]*[\d.,]+[kKmM]?)?[ \t]*$",
    regex.IGNORECASE,
)
#: The headings of _RELATED_RE that the tables write with a small first letter (``other discussions``).
_LOWER_HEADS = frozenset(
    p for c in ("related_headings", "qa_related_headings") for p in phrases(c) if p[:1].islower()
)


def _head_cased(head: str) -> bool:
    """Whether ``head`` (a _RELATED_RE heading, matched ignoring case) is written as a heading: a capital first,
    or as the tables write it. A small first letter is a sentence the flattening broke at a link (``… as the
    manual`` / ``linked below`` / ``, the fix works``), not a list's heading."""
    return not head[:1].islower() or regex.sub(r"[ \t]+", " ", head) in _LOWER_HEADS


_QA_SIDEBAR_RE = lazy(rf"^[ \t]*+(?:#+[ \t]*)?(?:{_alt('qa_related_headings')})[ \t]*:?[ \t]*$", regex.IGNORECASE)
_MAX_ITEM_WORDS = 24
#: (a question title holds up to 150 characters: slashes and abbreviations count as words)
_MAX_QUESTION_WORDS = 32
_NETWORK_HEAD_RE = lazy(rf"^[ \t]*+(?:#+[ \t]*)?(?:{_alt('qa_network_heading')})", regex.IGNORECASE)
_SENTENCE_BREAK_RE = lazy(r"\w[.!?][ \t]+[\p{Lu}(\"“]")


_TITLED_RELATED_RE = lazy(
    rf"^[ \t]*+(?:\p{{Lu}}[\w&'’.-]*[ \t]+){{1,4}}(?:{_alt('related_headings')})[ \t]*:?[ \t]*$", regex.IGNORECASE
)
_LATEST_BY_RE = lazy(rf"^[ \t]*+(?:[-•*][ \t]*)?(?:{_alt('xf_latest_by')})[ \t]+\S", regex.MULTILINE)


_LATEST_BY_WORDS = tuple(dict.fromkeys(p for p in phrases("xf_latest_by")))
_LATEST_BY_PROBE = tuple(dict.fromkeys(p.lower() for p in _LATEST_BY_WORDS))


#: A topic list's header row as a Markdown table (``| Topic | | Replies | Views | Activity |``): cells empty or
#: column heads (table ``topic_list_columns``), three heads or more.
_COLUMN = _alt("topic_list_columns")
_TABLE_HEAD_RE = lazy(
    rf"^[ \t]*+\|?+(?:[ \t]*+(?:{_COLUMN})?+[ \t]*+\|){{2,8}}+[ \t]*+(?:{_COLUMN})?+[ \t]*+\|?+[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)
_COLUMN_RE = lazy(rf"(?<![\w])(?:{_COLUMN})(?![\w])", regex.IGNORECASE)


def _table_heads(view: TextView, known: set[int]) -> list[int]:
    """Header rows of a topic-list table (``_TABLE_HEAD_RE``) naming three columns or more: a list of other
    threads under them, its heading gone or on the line above."""
    out: list[int] = []
    for first, last, m in view.finditer(_TABLE_HEAD_RE):
        if first != last or first in known or not view.is_live(first):
            continue
        if any(k in known for k in range(first - 3, first)):
            continue  # the heading above opens the list already
        if len(_COLUMN_RE.findall(m.group(0))) >= 3:
            out.append(first)
    return out


def _titled_heads(view: TextView, known: set[int]) -> list[int]:
    """Headings that are a widget's own title ending in a heading phrase (``Pakistan Defence Latest Posts``),
    over XenForo's new-posts list (a ``Latest: {user}`` line among the five lines under it)."""
    probe = view.context.get("probe")
    if probe is not None:
        if not any(w in probe for w in _LATEST_BY_PROBE):
            return []
    elif not any(w in view.text for w in _LATEST_BY_WORDS):
        return []
    found: list[int] = []
    for first, _last, _m in view.finditer(_LATEST_BY_RE):
        for k in range(first - 1, max(-1, first - 6), -1):
            if k in known or view.claimed[k]:
                break
            if view.lines[k].strip() and _TITLED_RELATED_RE.match(view.lines[k]):
                if k not in found:
                    found.append(k)
                break
    return found


#: A topic row's counts and its last activity's date in any language (``14 1208 30 сентября 2023 г.``).
_COUNTS_DATE_RE = lazy(
    rf"^(?:[\d.,]+[kKmM]?[ \t]+){{0,3}}(?:{DATE_RE.pattern})[ \t]*$", regex.IGNORECASE | regex.VERSION1
)


def _item_kind(line: str, questions: bool = False) -> str | None:
    """``"stat"`` for a count/date line, ``"title"`` for a title-like line, else ``None``. ``questions``: the
    list holds question titles, which may end with a period or run on after their question mark."""
    s = line.strip()
    if not s:
        return None
    if _STAT_ITEM_RE.match(s) or (s[-1:] in "0123456789.)" and _COUNTS_DATE_RE.match(s)):
        return "stat"
    n = word_count(s)
    if n > (_MAX_QUESTION_WORDS if questions else _MAX_ITEM_WORDS) or len(s) > 240:
        return None
    row = s.count("|") >= 2  # a table's row (Markdown): a title and its counts in cells
    if s[-1] in ":;," or (
        s[-1] in ".!" and n >= 4 and not s.endswith(("...", "…")) and not (questions and s[-1] == ".") and not row
    ):
        return None  # sentences end with a period; thread titles do not
    if (
        n >= 10
        and not s.endswith("?")
        and not questions
        and not row
        and _SENTENCE_BREAK_RE.search(s)
        # (a title and its post count, ``…for an older cat? Cat Care11 Posts``: NodeBB through trafilatura)
        and not (s[-1].isalpha() and _POSTS_TAIL_RE.search(s))
    ):
        return None  # two sentences: prose, not a title
    return "title"


def _two_word_heading(line: str) -> bool:
    """Whether ``line`` is a heading phrase of two words or more and nothing else (``Related Discussions``, not
    ``Related`` or ``Related reading:``)."""
    m = _RELATED_RE.match(line)
    head = m.group("head") if m is not None else ""
    return word_count(head) >= 2 and line.strip().rstrip(":.… \t").casefold() == head.strip().casefold()


def _next_text_line(view: TextView, i: int) -> int | None:
    """The first line after ``i`` holding text (taken or not), or None at the text's end."""
    return next((k for k in range(i + 1, len(view)) if view.original[k].strip()), None)


def _prose_over_count(line: str) -> bool:
    """Whether ``line``, a long line over a count line, reads as a comment's sentences rather than a long thread
    title: it ends with a period or exclamation mark after eight words or more, or holds two sentences and ends
    with sentence punctuation."""
    s = line.strip()
    if s[-1:] not in ".!?" or s.endswith(("...", "…")):
        return False
    n = word_count(s)
    return (s[-1] != "?" and n >= 8) or (n >= 10 and _SENTENCE_BREAK_RE.search(s) is not None)


#: A topic's post count glued to the end of its title, the count's label last (table ``posts_count``).
_POSTS_TAIL_RE = lazy(rf"\d[ \t]?(?:{_alt('posts_count')})$", regex.IGNORECASE)


@rule(
    "PAGE005",
    "related-list",
    tags=["navigation", "link-card"],
    scope="document",
    # the most frequent words first
    trigger=_trigger_words(
        ("related", "linked", "recommended", "trending"),
        phrases("related_headings"),
        phrases("qa_related_headings"),
        phrases("topic_list_columns"),
    ),
    probe_words=[p.lower() for p in phrases("xf_latest_by")],
)
def related_list(view: TextView) -> Iterator[Hit]:
    """ "Similar threads" / "Latest posts" / "Related topics" headings with the list of thread titles under them.

    The heading alone is not enough: at least two short title-like or count/date lines must follow. The list
    ends at the first line that reads like prose (a long line, or a sentence of eight words or more). A topic
    list's table header (``| Topic | | Replies | Views | Activity |``) heads a list too when its heading is gone.

    Example (removed)::

        Similar threads
        Best budget soldering iron?
        Replies 12 Views 1K
        Fume extractor recommendations
        Replies 4 Views 380
    """
    n = len(view)
    # (tried only on the lines holding one of the headings' literals, found in one pass; no match crosses a line end)
    heads = [
        i
        for i, last, m in matches_at(view, _RELATED_RE, literal_lines(view, _RELATED_RE))
        if i == last and not view.claimed[i] and _head_cased(m.group("head"))
    ]
    heads.extend(_titled_heads(view, set(heads)))
    heads.extend(_table_heads(view, set(heads)))
    heads.sort()
    head_lines = set(heads)
    for i in heads:
        line = view.lines[i]
        questions = _NETWORK_HEAD_RE.match(line) is not None
        items: list[int] = []
        titles = 0
        blanks = 0
        j = i + 1
        while j < n and len(items) < 80:
            if not view.is_live(j):
                blanks += not view.claimed[j]
                if blanks > 3:
                    break
                j += 1
                continue
            blanks = 0
            kind = _item_kind(view.lines[j])
            if kind is None and questions and _item_kind(view.lines[j], questions=True):
                # a question title ending with a period, when the list goes on after it
                nxt = view.first_live(j + 1)
                if nxt and nxt[0] <= j + 2 and _item_kind(view.lines[nxt[0]]) is not None:
                    kind = "title"
            if kind is None:
                # a long title followed by its count line (old Reddit, Discourse lists) is still an item
                nxt = view.first_live(j + 1)
                if (
                    nxt
                    and nxt[0] <= j + 2
                    and len(view.lines[j]) <= 600
                    # (not a comment's sentences over its vote count: Disqus, ``…none in.`` / ``3``)
                    and not _prose_over_count(view.lines[j])
                    and _STAT_ITEM_RE.match(view.lines[nxt[0]].strip())
                    and regex.search(r"\d", view.lines[nxt[0]])
                ):
                    kind = "title"
                else:
                    break
            if kind == "title" and j in head_lines:
                break  # the next list starts; it gets its own hit
            items.append(j)
            titles += kind == "title"
            j += 1
        # one title is a list too under a Q&A sidebar heading when another list's heading follows it
        nxt = view.first_live(items[-1] + 1) if len(items) == 1 else []
        single = (
            titles == 1
            and bool(nxt)
            and nxt[0] in head_lines
            and nxt[0] <= items[-1] + 3
            and _QA_SIDEBAR_RE.match(line) is not None
        )
        # one title is a list too when it ends the text under a heading of two words or more (``Related
        # Discussions`` / ``Repotting in autumn?``: a sidebar box with one thread in it, the page's last line or
        # the footer's ``Powered by …`` next)
        after = _next_text_line(view, items[0]) if len(items) == 1 and titles == 1 else -1
        last = (
            (after is None or (after >= 0 and _is_footer(view.original[after])))
            and _two_word_heading(line)
            and not _prose_over_count(view.lines[items[0]])
        )
        if (len(items) >= 2 and titles >= 1) or single or last:
            yield from free_spans(view, i, items[-1], f"list of other threads ({line.strip()})")


# -- PAGE006 -------------------------------------------------------------------------------------------------

_STATS_HEAD_RE = _full_line("forum_stats_headings")
_STAT_LABELS = _alt("forum_stats_labels")
_STAT_PAIR_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]*)?(?P<label>{_STAT_LABELS})[ \t]*:?[ \t]*(?P<value>[\d][\d,.\s]*[kKmM]?|[^\n]{{1,40}})?[ \t]*$",
    regex.IGNORECASE,
)
_STRONG_STAT = lazy(
    r"^(?:threads|topics|members|latest member|newest member|discussions|themen|mitglieder|neuestes mitglied|"
    r"sujets|membres|dernier membre|temas|miembros|último miembro|tópicos|membros|membro mais recente|"
    r"discussioni|membri|ultimo iscritto|onderwerpen|leden|nieuwste lid|wątki|tematy|najnowszy użytkownik|"
    r"темы|пользователи|участники|новый пользователь|guests|gäste|invités|invitados|visitantes|ospiti|gasten|goście|гости)$",
    regex.IGNORECASE,
)
#: A statistic's value alone on its line (a list item too, as the label before it: ``- posts`` / ``- 24M``).
_NUM_LINE_RE = lazy(r"^[ \t]*+(?:[-•*][ \t]+)?\d[\d,.\s]*[kKmM]?[ \t]*$")
_BROWSING_RE = lazy(
    rf"^[ \t]*+(?:{_alt('users_browsing')})[^\n]{{0,400}}$|^[ \t]*+Total:[ \t]*\d+[ \t]*\((?:members|Mitglieder|membres|miembros|membros|membri|leden|użytkownicy|пользователей)[^\n]{{0,80}}\)[ \t]*$"
    r"|^[ \t]*+\d[\d,]*[ \t]+(?:users?|members?|guests?)[ \t]+(?:online|are online|browsing)[^\n]{0,120}$",
    regex.IGNORECASE | regex.MULTILINE,
)


_STATS_HEADS = _vocab("forum_stats_headings")
_THREAD_COUNTS = frozenset(
    (
        "threads",
        "topics",
        "discussions",
        "themen",
        "sujets",
        "temas",
        "tópicos",
        "discussioni",
        "onderwerpen",
        "wątki",
        "tematy",
        "темы",
    )
)
_STAT_FIRST = frozenset(p.lower().split()[0] for p in phrases("forum_stats_labels"))
_STATS_FIRST = _first_words(_STATS_HEADS, _STAT_FIRST)  # how headings and statistic pairs start
_BROWSING_HINTS = (
    *{p.lower().split()[0] for p in phrases("users_browsing")},
    "total:",
    "online",
    "browsing",
)
#: How _BROWSING_RE's lines start.
_BROWSING_HEADS = _Heads((*phrases("users_browsing"), "Total:"), digits=True)
#: How the lines PAGE006 starts at may start (_BROWSING_HEADS, and _may_start with _STATS_FIRST).
_STATS_STARTS = _Starts(_STATS_FIRST, _BROWSING_HEADS.keys)
assert "" not in _BROWSING_HEADS.keys  # (an empty key would let every line pass)
_JS_HINTS = tuple({p.lower().split()[0] for p in phrases("js_notices")})
_JS_HEADS = _Heads(phrases("js_notices"))


def _norm_at(view: TextView, i: int, norms: dict[int, str]) -> str:
    """:func:`norm_line` of line ``i``, remembered in ``norms`` (for one rule run: the view does not change)."""
    s = norms.get(i)
    if s is None:
        s = norms[i] = norm_line(view.lines[i])
    return s


def _stat_pair(view: TextView, i: int, norms: dict[int, str] | None = None) -> tuple[str, int] | None:
    """A forum-statistics pair at line ``i``: (label, last line) with the value on the line or the next one."""
    line = view.lines[i]
    if len(line) > 80:
        return None
    norm = norm_line(line) if norms is None else _norm_at(view, i, norms)
    if norm.split(" ", 1)[0].rstrip(":") not in _STAT_FIRST:
        return None
    m = _STAT_PAIR_RE.match(line)
    if not m:
        return None
    label = " ".join(m.group("label").split()).lower()
    value = (m.group("value") or "").strip()
    if value:
        if not value[:1].isdecimal() and not label.startswith(
            (
                "latest",
                "newest",
                "neuest",
                "dernier",
                "último",
                "ultimo",
                "nieuwste",
                "najnowszy",
                "новый",
                "membro mais",
            )
        ):
            return None
        return label, i
    nxt = view.first_live(i + 1)
    if nxt and nxt[0] <= i + 2:
        val = view.lines[nxt[0]]
        if _NUM_LINE_RE.match(val) or (label.startswith(("latest", "newest")) and word_count(val) <= 4):
            return label, nxt[0]
    return None


@rule(
    "PAGE006",
    "forum-stats",
    tags=["navigation", "notice"],
    scope="document",
)
def forum_stats(view: TextView) -> Iterator[Hit]:
    """Forum statistics and "who is online" blocks: ``Threads 1,234`` ``Messages 5,678`` ``Members 910``.

    Needs two or more statistic pairs close together, one of them a forum-wide count (threads, topics,
    members, latest member), or a heading such as ``Forum statistics`` / ``Who is online``; also the lines
    ``Users browsing this thread: …`` and ``Total: 2 (members: 0, guests: 2)``.

    Example (removed)::

        Forum statistics
        Threads
        12,408
        Messages
        301,118
        Members
        9,310
        Latest member
        quietfox
    """
    n = len(view)
    norms: dict[int, str] = {}
    # Where something can start: a browsing line (it holds a hint), a heading or a statistic pair (at most 80
    # characters, the first word a label's); the lines in between are passed over as the loop below would.
    starts: list[tuple[int, bool, bool]] = []  # (line, may be a browsing line, is a heading)
    texts = view.lines
    for k in _STATS_STARTS.lines(view):
        line = texts[k]
        if view.claimed[k] or len(line) > 500 or not line.strip():
            continue
        browsing = _BROWSING_HEADS.may_match(line) and _holds(line, _BROWSING_HINTS)
        head = False
        if len(line) <= 80 and _may_start(line.strip(), _STATS_FIRST, logins=False):
            norm = _norm_at(view, k, norms)
            head = norm.rstrip(".:!") in _STATS_HEADS
            if head or norm.split(" ", 1)[0].rstrip(":") in _STAT_FIRST:
                starts.append((k, browsing, head))
                continue
        if browsing:
            starts.append((k, browsing, head))
    i = 0
    for k, browsing, head in starts:
        if k < i:
            continue
        i = k
        line = view.lines[i]
        if browsing and _BROWSING_RE.match(line):
            yield Hit(i, i, "users browsing / online count")
            i += 1
            continue
        if len(line) > 80:
            continue  # neither a heading nor a statistic pair (_stat_pair): nothing starts here
        start = i
        j = i + 1 if head else i
        labels: list[str] = []
        end = i
        while j < n:
            if not view.is_live(j):
                if j - end > 2:
                    break
                j += 1
                continue
            pair = _stat_pair(view, j, norms)
            if pair is None:
                break
            labels.append(pair[0])
            end = pair[1]
            j = pair[1] + 1
        # thread/topic counts alone are no proof: MyBB and SMF print them in the poster's stats too
        strong = any(_STRONG_STAT.match(lb) and lb.lower() not in _THREAD_COUNTS for lb in labels)
        if (len(labels) >= 2 and strong) or (head and labels):
            start, end = _about_box(view, start, end)
            yield from free_spans(view, start, end, "forum statistics")
            i = end + 1
        elif labels:
            # a later start inside this run reads a part of it, which proves no more: skip the run (a long
            # run of stat lines would otherwise be read again from each of its lines)
            i = end + 1


_SINCE_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]+)?(?:{_alt('forum_stats_since')})[ \t]*:?(?:[ \t]*(?P<year>(?:19|20)\d\d))?[ \t]*$",
    regex.IGNORECASE,
)
_YEAR_LINE_RE = lazy(r"^[ \t]*+(?:[-•*][ \t]+)?(?:19|20)\d\d[ \t]*$")
#: How a forum's about-box title line may end (not a sentence: no sentence punctuation, no colon).
_SENTENCE_END = (".", "!", "?", ":", ";", ",")


def _about_box(view: TextView, start: int, end: int) -> tuple[int, int]:
    """Widen the statistics run ``start..end`` to the forum's about box when one closes it with the founding year
    (``Since`` / ``1999``): the box's title line directly above the run (the forum's name, after a blank) and
    the description directly under the year (``A forum community dedicated to …``) go with it."""
    k = end + 1
    if k >= len(view) or not view.is_live(k):
        return start, end
    m = _SINCE_RE.match(view.lines[k]) if len(view.lines[k]) <= 40 else None
    if m is None:
        return start, end
    if m.group("year") is None:
        if k + 1 >= len(view) or not view.is_live(k + 1) or not _YEAR_LINE_RE.match(view.lines[k + 1]):
            return start, end
        k += 1
    end = k
    # the title: a short name line between a blank (or the page's start) and the run
    t = start - 1
    if t >= 0 and view.is_live(t):
        title = view.lines[t].strip()
        if (
            title
            and len(title) <= 60
            and word_count(title) <= 6
            and not title.endswith(_SENTENCE_END)
            and (t == 0 or not view.lines[t - 1].strip())
        ):
            start = t
    # the description: one sentence or two under the year, then a blank, a short line or the end
    d = end + 1
    if d < len(view) and view.is_live(d):
        desc = view.lines[d].strip()
        after = view.lines[d + 1].strip() if d + 1 < len(view) else ""
        if word_count(desc) >= 6 and len(desc) <= 400 and desc.endswith((".", "!")) and len(after) <= 60:
            end = d
    return start, end


def forum_stats_lines(view: TextView) -> frozenset[int]:
    """Lines of ``view`` that :func:`forum_stats` (PAGE006) reads as forum statistics.

    Author-block rules run first (split stage) and also read runs of ``Messages`` / ``Posts`` pairs; they
    leave these lines alone so that a ``Forum statistics`` / ``Who is online`` block is not taken for a poster.
    """
    out: set[int] = set()
    for h in forum_stats.detect(view):
        out.update(range(h.start, h.end + 1))
    return frozenset(out)


# -- PAGE007 -------------------------------------------------------------------------------------------------


#: A statement of page script that an extractor printed as text: a long line that starts like one ...
_SCRIPT_SOURCE_RE = lazy(
    r"^(?:(?:window|document|self|googletag|dataLayer)\.[\w$.]+[ \t]*(?:=|\()|(?:var|let|const)[ \t]+[\w$]+[ \t]*="
    r"|\(?function[ \t]*\w*\(|!function[ \t]*\()"
)
#: ... and is that long, with that many statement ends.
_SCRIPT_MIN_CHARS = 300
_SCRIPT_MIN_SEMICOLONS = 3


def _script_source(line: str) -> bool:
    """A line of minified page script: long, opening with a script statement at its first column (a code block
    in a post is indented), several ``;`` in it."""
    return (
        len(line) >= _SCRIPT_MIN_CHARS
        and line.count(";") >= _SCRIPT_MIN_SEMICOLONS
        and _SCRIPT_SOURCE_RE.match(line) is not None
    )


_SCROLL = alternation("scroll_buttons")
_SCROLL_RE = lazy(rf"^[ \t]*+(?:{_SCROLL})(?:[ \t]+(?:{_SCROLL}))?[ \t]*$", regex.IGNORECASE | regex.MULTILINE)


@rule("PAGE011", "scroll-buttons", tags=["navigation", "buttons"], scope="document")
def scroll_buttons(view: TextView) -> Iterator[Hit]:
    """The buttons that scroll a thread page to its top or bottom (``Back`` / ``Top``, ``Top Bottom``; table
    ``scroll_buttons``, nine languages): up to three such lines that end the text, on pages of a modern forum
    engine (XenForo 2 prints them last; Resiliparse keeps them), or two different ones at least where no engine
    was recognised.

    Example (removed, at the end of a XenForo page)::

        Back
        Top
    """
    if view.engine in CLASSIC_ENGINES:
        return  # (the classic engines' packs take their own ``Top`` links, with the post they end)
    run: list[int] = []
    for i in range(len(view) - 1, max(-1, len(view) - 61), -1):
        line = view.lines[i]
        if not line.strip() or view.claimed[i]:
            continue
        if len(run) >= 3 or len(line) > 40 or not _SCROLL_RE.match(line):
            break
        run.append(i)
    if view.engine is None and len({" ".join(view.lines[i].split()).lower() for i in run}) < 2:
        return  # with no engine known, two different buttons at least (``Back`` / ``Top``): a lone "Top" stays
    for i in run:
        yield Hit(i, i, "scroll buttons at the end of the page")


_LINK_REL_RE = lazy(r"^[ ]{2,}#[^\s#][^\n]*$", regex.MULTILINE)
#: The relations of ``<link>`` elements (``rel``), as elinks and links2 print them.
_LINK_RELS = (
    r"canonical|alternate|preload|modulepreload|prefetch|preconnect|dns-prefetch|manifest|next|prev|previous|"
    r"first|last|up|start|search|icon|shortcut|stylesheet|amphtml|image_src|apple-touch-icon(?:-precomposed)?|"
    r"apple-touch-startup-image|mask-icon|help|contents|index|author|license|home|pingback|edituri|wlwmanifest|"
    r"publisher|me|self|shortlink|shorturl|compression-dictionary|preload stylesheet|prefetch stylesheet"
)
#: A relation first, then what else the element names (more relations, a language: ``alternate en-GB``).
_LINK_LINE_RE = lazy(
    rf"^[ \t]*+Link:[ \t]+(?:{_LINK_RELS})(?![\w-])(?:[ \t]+[\w-]{{1,30}}){{0,6}}[ \t]*$", regex.MULTILINE
)


@rule("PAGE012", "link-rel-line", tags=["navigation"], scope="document", trigger=["#", "link:"])
def link_rel_line(view: TextView) -> Iterator[Hit]:
    """The line lynx prints first for the page's ``<link>`` elements: their titles or relations after a ``#``
    (``#next``, ``#alternate alternate``, ``#{Site} Feed for question '…'``), indented, as the first line of the
    text. A Markdown heading has a blank after its ``#``; a hashtag in a post is not the text's first line.
    elinks and links2 print one ``Link: {rel}`` line for each (``Link: canonical``, ``Link: preload``): the run
    of them that opens the text.

    Example (removed, as the first line)::

           #Harbour Talk RSS Feed next
    """
    first = view.first_live(0)
    # (as the input has it: a reader's view of a bulleted text takes the indentation away)
    if first and _LINK_REL_RE.match((view.source or view.lines)[first[0]]):
        yield Hit(first[0], first[0], "lynx's line of the page's <link> elements")
        return
    # elinks and links2: one ``Link: {rel}`` line each, at the top
    run = []
    for i in view.live_indices(0, 80):
        if not _LINK_LINE_RE.match(view.lines[i]):
            break
        run.append(i)
    if run:
        yield Hit(run[0], run[-1], "the page's <link> elements (elinks, links2)")


# -- PAGE020 -------------------------------------------------------------------------------------------------

#: A line that opens with an archive view's chrome phrase: the phrase alone, or with a colon and the thread's title
#: (``View Full Version : Reviving a starter``), or MyBB's notice sentence with its link's words after it.
_ARCHIVE_LINE_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]++)?(?:{_alt('archive_view_chrome')})(?:[ \t]*+[:.][^\n]{{0,150}}+)?[ \t]*$"
)
#: A ``Label: URL`` line of MyBB's reference list (the label may be empty: ``: https://…``).
_REFERENCE_LINE_RE = lazy(r"^[ \t]*+(?:[-•*][ \t]++)?[^\n:]{0,80}+:[ \t]*+(?:https?://|www\.)\S++[ \t]*$")
_REFERENCE_MAX_LINES = 6


@rule(
    "PAGE020",
    "archive-view-chrome",
    tags=["navigation", "notice"],
    scope="document",
    trigger=tuple(dict.fromkeys(p.lower() for p in phrases("archive_view_chrome"))),
)
def archive_view_chrome(view: TextView) -> Iterator[Hit]:
    """The chrome of the archive views search engines index (vBulletin's and MyBB's "stripped down" thread
    pages): the link to the full version (``View Full Version : {title}``, ``Full Version: {title}``), MyBB's
    ``You're currently viewing a stripped down version of our content. View the full version with proper
    formatting.``, and its ``Reference URL's`` list with the ``Label: URL`` lines under it (nine languages).
    Whole lines that open with the phrase as the software prints it (its case: ``Full version: I bought it``
    in a post stays), the title after it short; a sentence that only mentions a full version stays.

    Example (removed)::

        Full Version: Tuning a second-hand cello
    """
    for i, line in view.iter_lines():
        if len(line) > 300 or not _ARCHIVE_LINE_RE.match(line):
            continue
        end = i
        k = i
        for _ in range(_REFERENCE_MAX_LINES):
            nxt = view.first_live(k + 1)
            if not nxt or nxt[0] > k + 2 or not _REFERENCE_LINE_RE.match(view.lines[nxt[0]]):
                break
            k = end = nxt[0]
        yield Hit(i, end, "archive view chrome (link to the full version, reference list)")


@rule("PAGE007", "skip-links", tags=["navigation"], scope="document")
def skip_links(view: TextView) -> Iterator[Hit]:
    """Skip and jump links and script notices: ``Skip to content``, ``Back to top``, ``Jump to``, ``Loading…``;
    a long line of page script an extractor printed as text (``window.adConfig = {…}; …``).

    Example (removed)::

        Skip to main content
        Back to top
    """
    for i, line in view.iter_lines():
        if len(line) > 200:
            if _script_source(line):
                yield Hit(i, i, "page script printed as text")
            continue
        if len(line) <= 80 and _may_start(line.strip(), _JUMP_FIRST, logins=False) and _is_jump(line):
            yield Hit(i, i, "skip or jump link")
        elif (
            _JS_HEADS.may_match(line)
            and _JS_RE.match(line)
            and _holds(line, _JS_HINTS)
            and word_count(line) <= 30
        ):
            yield Hit(i, i, "script or loading notice")


# -- PAGE014 -------------------------------------------------------------------------------------------------

#: ``Back to {board}`` alone on its line (a ``«`` or ``←`` before it, the name in quotes or not).
_BACK_TO_RE = lazy(
    rf"^[ \t]*+(?:[«‹←<][ \t]*+)?(?:{alternation('back_to_board')})[ \t]++[“\"„«‘]?(?P<name>[\p{{Lu}}\d][^\n.!?:;“”\"«»]{{0,60}}?)"
    rf"[”\"“»’]?[ \t]*+$",
    regex.MULTILINE,
)
def _named_above(view: TextView, i: int, name: str) -> bool:
    """Whether ``name`` is printed above line ``i`` on a short line of its own or between breadcrumb separators
    (``Forum › {name} › Thread``): the board the link goes back to."""
    key = name.casefold()
    for k in range(i):
        line = view.original[k]
        if len(line) <= 300 and key in line.casefold():
            for part in _CRUMB_SPLIT_RE.split(line):
                if _CRUMB_LEAD_RE.sub("", part, count=1).strip().casefold() == key:
                    return True
    return False


#: The separators between breadcrumbs (``Forum › Board › Thread``).
_CRUMB_SPLIT_RE = lazy(r"(?<![ \t])[ \t]*+[›»>→|][ \t]*+")
#: What may lead a breadcrumb on its own line: a bullet or a list number (``* Board``, ``2. Board``).
_CRUMB_LEAD_RE = lazy(r"^[ \t]*+(?:[*•·-]|\d{1,2}\.)[ \t]++")


@rule("PAGE014", "board-return-link", tags=["navigation"], scope="document", trigger=phrases("back_to_board"))
def board_return_link(view: TextView) -> Iterator[Hit]:
    """The link back to the thread's board in the last third of the page: ``Back to {board}`` (table
    ``back_to_board``), alone on its line, the board's name printed above as a line or breadcrumb of its own.

    Example (removed, ``Garden Tools`` in the breadcrumbs above)::

        Back to Garden Tools
    """
    live = view.live_indices()
    if len(live) < 6:
        return
    for i in live[int(len(live) * 2 / 3) :]:
        line = view.lines[i]
        if len(line) > 120:
            continue
        m = _BACK_TO_RE.match(line)
        if m is None or word_count(m.group("name")) > 6:
            continue
        if _named_above(view, i, m.group("name").strip()):
            yield Hit(i, i, "link back to the board")


# -- PAGE008 -------------------------------------------------------------------------------------------------

_TITLE_SEP_RE = lazy(r"(?<![ \t])[ \t]+(?:[-–—|:•·]|::)[ \t]+")


@rule("PAGE008", "page-title", tags=["headline"], scope="document")
def page_title(view: TextView) -> Iterator[Hit]:
    """The ``<title>`` line a whole-page text starts with: ``Thread title - Site name``; kept as ``doc.title``.

    Only when the same title appears again further down as its own line (the page heading), so a first
    sentence with a dash in it stays.

    Example (removed, ``doc.title`` = "Gasket leak on the 1.9 TDI")::

        Gasket leak on the 1.9 TDI | Example Motors Forum
    """
    first = view.first_live(0)
    if not first or first[0] > 2:
        return
    i = first[0]
    line = view.lines[i].strip()
    if len(line) > 400:
        return
    cuts = [(m.start(), m.end()) for m in _TITLE_SEP_RE.finditer(line)]
    if not cuts:
        return
    bounds = [(0, 0), *cuts, (len(line), len(line))]
    candidates: dict[str, str] = {}
    for a in range(len(bounds) - 1):
        for b in range(a + 1, len(bounds)):
            if a == 0 and b == len(bounds) - 1:
                continue  # the whole line
            cand = line[bounds[a][1] : bounds[b][0]].strip()
            if len(cand) >= 8 and word_count(cand) >= 2:
                candidates[cand.lower()] = cand
    if not candidates:
        return
    best: str | None = None
    # anywhere in the text: a window of lines would see more of a shorter text, so that a second pass over the
    # cleaned text could find what the first did not (one search of the text per candidate)
    lowered = view.text.lower()
    after = lowered.find("\n", lowered.find(line[:20].lower())) if line else -1
    for probe, cand in candidates.items():
        if best is not None and len(cand) <= len(best):
            continue
        k = lowered.find(probe, after + 1) if after >= 0 else -1
        while k >= 0:
            a = lowered.rfind("\n", 0, k) + 1
            b = lowered.find("\n", k)
            other = lowered[a : len(lowered) if b < 0 else b].strip()
            if len(other) <= len(probe) + 40:
                best = cand
                break
            k = lowered.find(probe, k + 1)
    if best is not None and _title_rest_ok(line, best):
        yield Hit(i, i, "page title line", {"doc.title": best}, moved_to="title")
        # the same title line again near the top (the header repeats the ``<title>``)
        for k in view.live_indices(i + 1, min(len(view), i + 80)):
            if view.lines[k].strip() == line:
                yield Hit(k, k, "page title line again")


def _title_rest_ok(line: str, title: str) -> bool:
    """Whether what ``line`` holds besides ``title`` reads as the rest of a ``<title>`` (site names, feed names, a
    page number: short parts) rather than a post's text glued to a label that repeats (``Loc: Vermont |  Is it
    worth splitting green ash by hand or …``: a part of a sentence's length)."""
    k = line.find(title)
    rest = (line[:k] + " | " + line[k + len(title) :]) if k >= 0 else line
    return all(word_count(part) <= _TITLE_PART_MAX_WORDS for part in _TITLE_SEP_RE.split(rest))


#: A ``<title>`` line's parts besides the thread title are no longer than this (a site's name and motto).
_TITLE_PART_MAX_WORDS = 12


# -- PAGE009 -------------------------------------------------------------------------------------------------

_JUMP_ITEM = "(?:" + "|".join(regex.escape(x).replace(r"\ ", r"[ \t]+") for x in phrases("forum_jump_items")) + ")"
_JUMP_HEAD_RE = lazy(
    r"^[ \t]*+(?:[-•][ \t]*)?(?:"
    + "|".join(regex.escape(x).replace(r"\ ", r"[ \t]+") for x in phrases("forum_jump"))
    + r")[ \t]*:?[ \t]+(?P<rest>\S[^\n]*)$",
    regex.IGNORECASE,
)
_JUMP_ITEMS_RE = lazy(rf"^[ \t]*+(?:[-•][ \t]*)?(?:[^\s]{{1,30}}[ \t]+)?{_JUMP_ITEM}(?:[ \t]+{_JUMP_ITEM}){{2,}}(?:[ \t]|$)")
_JUMP_ITEM_RE = lazy(_JUMP_ITEM)
_SENTENCE_RE = lazy(r"\w[.!?][ \t]+\p{Lu}|\w[.!?]$")


@rule(
    "PAGE009",
    "forum-jump",
    tags=["navigation"],
    scope="document",
    trigger=tuple(x.lower() for x in (*phrases("forum_jump"), *phrases("forum_jump_items"))),
)
def forum_jump(view: TextView) -> Iterator[Hit]:
    """A forum-jump menu flattened onto one line: its label or the user-menu items, then every forum's name.

    A label line counts when what follows is a list, not a sentence: separator dashes (``-- Forum``), two or
    more user-menu items, or at least eight words with no sentence end.

    Example (removed)::

        Forum Jump: Private Messages User Control Panel Who's Online Search Forum Home Garden -- Vegetables -- Fruit
    """
    for i, line in view.iter_lines():
        if len(line) < 30:
            continue
        if _JUMP_ITEMS_RE.match(line):
            yield Hit(i, i, "forum-jump menu")
            continue
        m = _JUMP_HEAD_RE.match(line)
        if m is None:
            continue
        rest = m.group("rest")
        listy = (
            "-- " in rest
            or "---" in rest
            or len(_JUMP_ITEM_RE.findall(rest)) >= 2
            or (word_count(rest) >= 8 and _SENTENCE_RE.search(rest) is None)
        )
        if listy:
            yield Hit(i, i, "forum-jump menu")


# -- PAGE010 -------------------------------------------------------------------------------------------------

#: A sentence: at least this many words, ending as sentences end.
_PROSE_WORDS = 6
_PROSE_END_RE = lazy(r"[.!?…:;][\"'”’)\]]*[ \t]*$")


def _is_title(line: str, title: str) -> bool:
    """Whether ``line`` is the page's ``title`` (casefolded, one space between words) as its heading prints it."""
    s = " ".join(line.split()).casefold()
    return bool(title) and title in s and len(s) <= len(title) + 20


_TITLE_LEAD_RE = lazy(
    r"^(?:[-•*+·o][ \t]+|\d{1,3}\.[ \t]+)?(?:[»›→][ \t]*)?(?:\[[^\]\n]{1,24}\][ \t]*)*(?:Re:[ \t]*)?", regex.IGNORECASE
)


def _title_key(line: str, *, listed: bool = False) -> str:
    """A thread title as compared between the page header and the first post: no bullet or breadcrumb
    separator (``» {title}``), no ``[TAG]`` or ``Re:`` before it, case-folded, one space between words ("" for a short line). ``listed``: "" unless the
    line is a list item or tagged (a breadcrumb's last item, ``[FEATURED] {title}``)."""
    s = line.strip()
    m = _TITLE_LEAD_RE.match(s)
    lead = m.end() if m is not None else 0  # (the pattern matches empty: always a match)
    if listed and not (lead and s[:lead].strip()[:1] in "-•*+·o[0123456789"):
        return ""
    key = " ".join(s[lead:].split()).casefold()
    return key if len(key) >= 12 else ""


def _after_separator(view: TextView, i: int, start: int) -> bool:
    """Whether the nearest non-blank line above line ``i`` (not above ``start``) is a lone breadcrumb separator
    (``»``, ``›``, ``>``, ``/``, ``|``, ``→``): line ``i`` is a trail's last item, one text node a line."""
    k = i - 1
    while k >= start and not view.lines[k].strip():
        k -= 1
    return k >= start and view.lines[k].strip() in ("»", "›", ">", "/", "|", "→", "::")


def _prose(line: str) -> bool:
    return (
        word_count(line) >= _PROSE_WORDS
        and _PROSE_END_RE.search(line) is not None
        and _SCRIPT_LINE_RE.search(line) is None
    ) or (not line.isascii() and _cjk_sentence(line))


#: A sentence in a script written without blanks between words (Chinese, Japanese), which ``\w+`` counts as one
#: or two words: this many of its characters at least (a sentence of :data:`_PROSE_WORDS` words has as many) ...
_CJK_SENTENCE_CHARS = 12
#: ... and a full-width stop, exclamation or question mark at its end (closing quotes or brackets after it).
_CJK_END_RE = lazy(r"[。！？][」』”’）)]*+[ \t]*+$")
_CJK_CHAR_RE = lazy(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


def _cjk_sentence(line: str) -> bool:
    """Whether ``line`` ends a sentence of a script written without blanks (see :data:`_CJK_SENTENCE_CHARS`)."""
    return _CJK_END_RE.search(line[-8:]) is not None and len(_CJK_CHAR_RE.findall(line)) >= _CJK_SENTENCE_CHARS


#: A line of an inline script that an extractor printed (``const el = document.getElementById('menu');``): no
#: sentence.
_SCRIPT_LINE_RE = lazy(r"^[ \t]*+(?:const|let|var)[ \t]++[\w$]++[ \t]*+=|\w\.\w+\([^\n]*\)[ \t]*;[ \t]*$")


@rule("PAGE010", "page-header", tags=["navigation"], stage="generic", scope="thread")
def page_header(view: TextView) -> Iterator[Hit]:
    """What is left of the page header before the first post: site and forum names, menu items, the title.

    A whole-page text of a thread opens with the page's header; once the other rules have taken what they
    recognise, the text before the first author block holds only scraps (the site name, a tagline, menu
    items the menu rules could not prove, the thread title). When nothing there reads as a sentence (six
    words or more, ending as sentences end, other than the page title PAGE008 found or a breadcrumb's item the
    first post prints again near its start, as a thread title asked as a question is) it is removed, so the
    first post is the thread's first post. A paragraph there (a first post whose author block the extractor
    dropped, a welcome message) stays, with all that follows it; the scraps above it go only when other rules
    took page chrome there (a menu, a login prompt: the text is a page's header, not a first post) and no
    line there is long in a text wrapped at a width (elinks, links2), where sentences end on no line. Only
    when author blocks follow, so a first post of fewer than six words above them (``Thanks, that worked!``)
    would go too.

    Example (removed): ``Harbour Talk`` / ``Forums`` / ``Ferry timetable for the winter`` above the first
    poster block.
    """
    posts: tuple[tuple[int, int, str | None], ...] = view.context.get("posts") or ()
    if len(posts) < 2 or posts[0][0] != 0 or posts[0][2] is not None or posts[1][2] is None:
        return
    a, b, _ = posts[0]
    dated: tuple[int, ...] = view.context.get("dated") or ()
    top_line = next((k for k in range(a, b + 1) if view.original[k].strip()), None)
    if dated and top_line is not None and dated[0] == top_line:
        # the text opens with a post header that gave the first post its date: its author block follows its
        # body (a horizontal postbit whose user-info row an extractor printed after the message row)
        return
    live = view.live_indices(a, b + 1)
    title = " ".join(str(view.context.get("title") or "").split()).casefold()
    # the thread title as the first post prints it again (its subject line, or a headline)
    again = {_title_key(view.original[k]) for k in range(posts[1][0], min(posts[1][1] + 1, posts[1][0] + 16))}
    if not live:
        return

    def kept(i: int) -> bool:
        return (
            _prose(view.lines[i])
            and not _is_title(view.lines[i], title)
            and (_title_key(view.lines[i], listed=not _after_separator(view, i, a)) or "-") not in again
        )

    starts = _paragraph_starts(view, live, title)
    if not starts and not any(kept(i) for i in live):
        yield from free_spans(view, live[0], live[-1], "page header before the first post")
        return
    # A paragraph stays, and what follows it (it may be a first post whose author block the extractor dropped).
    # When other rules took page chrome above it already (menus, login prompts: a whole-page text's header),
    # the scraps above it go.
    # (a line that reads as running text without ending as a sentence ends counts as the paragraph's start
    # too: most of its many words in lower case, as no menu row is; and in text wrapped at a width, where a
    # sentence may end on no line, any line of many words)
    wrapped = _wrapped(view.lines)
    top = next(
        i
        for i in live
        if kept(i)
        or i in starts
        or _running_text(view.lines[i])
        or (wrapped and word_count(view.lines[i]) >= _HEADER_LONG_LINE_WORDS)
    )
    if sum(1 for k in range(a, top) if view.claimed[k]) < _HEADER_CHROME_LINES:
        return
    run = [i for i in live if i < top and not _is_title(view.lines[i], title)]
    if len(run) >= _HEADER_SCRAP_RUN:
        yield from free_spans(view, run[0], run[-1], "page header before the first post")


#: PAGE010: lines other rules took in the text before the first post that make it a page's header ...
_HEADER_CHROME_LINES = 3
#: ... where this many lines above its first sentence go (menu items, site and forum names) ...
#: ... when none of them holds this many words.
_HEADER_SCRAP_RUN = 3
_HEADER_LONG_LINE_WORDS = 9


def _paragraph_starts(view: TextView, live: list[int], title: str) -> set[int]:
    """First lines of the paragraphs among ``live`` wrapped over lines that read as a sentence only together:
    two lines or more, each but the last running text (:func:`_running_text`, as no menu row is), the whole
    ending as a sentence ends (a first post's opening paragraph in a text wrapped at a width, its author block
    gone: no single line of it is a sentence)."""
    out: set[int] = set()
    run: list[int] = []
    for i in [*live, -2]:
        if run and i == run[-1] + 1 and view.lines[i].strip():
            run.append(i)
            continue
        if (
            len(run) >= 2
            and all(_running_text(view.lines[k]) for k in run[:-1])
            and _prose(joined := " ".join(view.lines[k].strip() for k in run))
            and not joined.endswith(("...", "…"))  # a menu item (``Search...``, ``More…``) under a title
            and not _is_title(view.lines[run[0]], title)
        ):
            out.add(run[0])
        run = [i] if i >= 0 and view.lines[i].strip() else []
    return out


def _running_text(line: str) -> bool:
    """A line of running text: nine words or more, most of them starting in lower case (menu rows and titles
    capitalise their words)."""
    words = line.split()
    if len(words) < _HEADER_LONG_LINE_WORDS:
        return False
    return sum(1 for w in words if w[:1].islower()) * 2 >= len(words)


def _wrapped(lines: Sequence[str]) -> bool:
    """Whether the text is wrapped at a width (elinks, links2): ten lines of 60 characters or more, and
    hardly any of over 100."""
    filled = longish = over = 0
    for line in lines:
        size = len(line.rstrip())
        if size:
            filled += 1
            longish += size >= 60
            over += size > 100
    return longish >= 10 and over <= 0.01 * filled


PACK = RulePack(
    name="page",
    prefix="PAGE",
    rules=(
        nav_menu,
        breadcrumbs,
        login_prompt,
        thread_stats_line,
        footer,
        related_list,
        forum_stats,
        skip_links,
        page_title,
        forum_jump,
        page_header,
        scroll_buttons,
        link_rel_line,
        archive_view_chrome,
        board_return_link,
    ),
    description="page chrome of any site (navigation, login prompts, footers, lists of other threads) pages flattened to text",
)
