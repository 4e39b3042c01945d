"""Chrome that is not specific to one engine: whitespace-only lines, repeated lines, buttons, pagination."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence

import regex

from .._lazy import lazy
from ..dates import DATE_RE, WEEKDAYS, date_span, parse_date
from ..labels import RANK_WORDS, label_alternation
from ..model import Quote
from ..phrases import LANGUAGES, alternation, phrases
from ..rules import Hit, RulePack, rule
from ..text import TextView, _automaton, any_literal, line_key, match_at, word_count
from ._classic import CLASSIC_DATE, STARTER_BADGE_RE, date_facts
from ._classic import alt as classic_alt
from ._common import (
    StatBlock,
    after_block,
    find_stat_blocks,
    is_name_like,
    iter_line_matches,
    lines_with,
    literal_lines,
    look_back_for_poster,
    matches_at,
    named_stat_rows,
    poster_facts,
)
from ._modern import COUNT, RELATIVE_TIME, known_authors, line_re, phrase_alt, phrase_list, whole_line_hits
from .page import free_spans

__all__ = ["PACK", "opens_share_widget"]

_WS_LINE_RE = lazy(r"^[^\S\n]+$", regex.MULTILINE)


@rule("GEN001", "whitespace-line", tags=["whitespace"], stage="generic", trigger=r"^[^\S\n]+$")
def whitespace_line(view: TextView) -> Iterator[Hit]:
    """Lines holding only whitespace (tabs, no-break spaces) left by an extractor's layout.

    Empty lines are not removed: they separate paragraphs (runs of them are collapsed to one).

    Example (removed): a line of three tab characters.
    """
    run: list[int] = []
    for first, _last, _m in view.finditer(_WS_LINE_RE):
        if view.claimed[first]:
            continue
        if run and first != run[-1] + 1:
            yield Hit(run[0], run[-1], "whitespace-only lines")
            run = []
        run.append(first)
    if run:
        yield Hit(run[0], run[-1], "whitespace-only lines")


_MIN_REPEAT_WORDS = 8
_MIN_REPEAT_CHARS = 50
#: The shortest key that can be long enough (n words take at least 2n - 1 characters).
_MIN_KEY_CHARS = min(_MIN_REPEAT_CHARS, 2 * _MIN_REPEAT_WORDS - 1)


def _norm(line: str) -> str:
    """:func:`~postclean.text.line_key`, without its regex when the line has no leading bullet."""
    if line.lstrip(" \t\xa0")[:1] in _KEY_BULLETS:
        return line_key(line)  # (an empty line too)
    return " ".join(line.split())


_KEY_BULLETS = "-•*·▪◦"  # the bullets line_key drops


@rule("GEN002", "repeated-line", tags=["duplicate", "quote"], stage="generic")
def repeated_line(view: TextView) -> Iterator[Hit]:
    """A long line that repeats one seen earlier in the thread: quoted text whose quote header was lost.

    Extractors often drop a quote's attribution but keep the quoted paragraphs, so a reply repeats an earlier
    post word for word. The copy moves to ``post.quotes`` (author unknown). Short lines ("Thanks!") are never
    treated this way.

    Example (removed): a second copy of an eight-word-or-longer line that already appeared above.
    """
    seen: dict[str, int] = view.context.get("seen", {})
    local: set[str] = set()
    runs: list[tuple[int, int, list[str]]] = []
    run_start = -1
    run_lines: list[str] = []
    last = -2
    preview = True  # every repeated line so far was seen only in the preamble (text before the first post)
    for i, line in view.iter_lines():
        if len(line) < _MIN_KEY_CHARS:
            continue  # its key is shorter: never long enough
        key = _norm(line)
        # (a short line's key may go to ``local`` too: the same key is as short wherever it comes again)
        if (key in seen or key in local) and _long_key(key):
            if key not in seen and _in_program_text(view.lines, i, key):
                continue  # a line of code or log output that comes again in the same post: its own text
            preview = preview and seen.get(key) == 0 and key not in local
            if run_lines and i == last + 1:
                run_lines.append(line.strip())
            else:
                if run_lines:
                    runs.append((run_start, last, run_lines))
                run_start, run_lines = i, [line.strip()]
            last = i
            continue
        local.add(key)
    if run_lines:
        if not _closing_repeat(view, run_lines, last):
            runs.append((run_start, last, run_lines))
        else:
            # left to GEN008 as a signature; if GEN008 finds it is not one, it takes it as a repeat after all
            deferred = view.context.setdefault("deferred_repeats", [])
            deferred.append((view.base + run_start, view.base + last, list(run_lines)))
    if runs and preview and view.context.get("after_preamble") and _whole_post(view, runs):
        # the first post, repeated by a preview of it above the thread (GEN014 takes the preview): the post
        # keeps one copy of each line, a second copy inside it is still a repeat
        once: set[str] = set()
        for start, end, lines in runs:
            for k, line in zip(range(start, end + 1), lines, strict=True):
                key = _norm(line)
                if key in once:
                    yield _repeat_hit(k, k, [line])
                once.add(key)
        return
    for start, end, lines in runs:
        yield _repeat_hit(start, end, lines)


#: Characters of program text and log output, rare in prose (a table deleting them: counted in one C pass).
_PROGRAM_CHARS_DROP = str.maketrans("", "", "/\\_(){}[]=<>;\"^*#$@%&|~+` ")
_LETTER_SEARCH_RE = re.compile(r"[^\W\d_]")


_MARKUP_RE = re.compile(r"</?[A-Za-z]")


def _program_text(key: str) -> bool:
    """Whether a line key reads as program text or log output (a traceback's ``File "/usr/lib/…", line 58``, an
    assignment): words among many characters of code notation. Prose, even with a link, has fewer; a link alone
    on its line (one token) and page markup left in the text are not program text."""
    if " " not in key or not _LETTER_SEARCH_RE.search(key) or _MARKUP_RE.search(key):
        return False  # a link, a rule of dashes or underscores, a tag: layout or page residue
    solid = len(key) - key.count(" ")
    notation = solid - len(key.translate(_PROGRAM_CHARS_DROP))
    return notation * 10 >= solid


def _in_program_text(lines: Sequence[str], i: int, key: str) -> bool:
    """Whether line ``i`` (its key ``key``) is program text inside a block of it: the nearest line above or below
    (over one blank line) is program text too, or a line of notation without letters (a traceback's ``^^^^``
    marker, a closing brace)."""
    if not _program_text(key):
        return False
    for step in (-1, 1):
        # (over a blank line: the block reads the same with blank lines between its lines or without them)
        k = i + step
        if 0 <= k < len(lines) and not lines[k].strip():
            k += step
        near = lines[k].strip() if 0 <= k < len(lines) else ""
        if near and (not _LETTER_SEARCH_RE.search(near) or _program_text(" ".join(near.split()))):
            return True
    return False


def _long_key(key: str) -> bool:
    """Whether a line key is long enough for its repetition to mean a copy (not a stock phrase)."""
    return len(key) >= _MIN_REPEAT_CHARS or (
        len(key) >= 2 * _MIN_REPEAT_WORDS - 1 and word_count(key) >= _MIN_REPEAT_WORDS
    )


def _whole_post(view: TextView, runs: list[tuple[int, int, list[str]]]) -> bool:
    """Whether ``runs`` hold the opening long lines of an authored post (the first after the preamble): all of
    them, or its first two or more with no repeated line after them (a preview shows the start of the post;
    the post's last lines, a signature, need not be in it)."""
    if not view.facts.get("author.name"):
        return False
    inside = {i for a, b, _ in runs for i in range(a, b + 1)}
    long_lines = [i for i, line in view.iter_lines() if len(line) >= _MIN_KEY_CHARS and _long_key(_norm(line))]
    k = 0
    while k < len(long_lines) and long_lines[k] in inside:
        k += 1
    return (k >= 2 or k == len(long_lines) >= 1) and not any(i in inside for i in long_lines[k:])


def _closing_repeat(view: TextView, lines: list[str], last: int) -> bool:
    """A run that ends the post (not all of it) and repeats how an earlier post of the same author ended: a
    signature (left to GEN008), not a quote."""
    tails: set[tuple[str, str]] = view.context.get("tails", set())
    author = view.facts.get("author.name")
    if not tails or author is None or view.last_live() != [last]:
        return False
    # the rest of the post, button rows aside (GEN003 takes them in this stage): GEN008 never takes a whole body
    rest = [i for i in view.live_indices() if not _BUTTON_ROW_RE.match(view.lines[i])]
    if len(rest) <= len(lines):
        return False
    return all((author, _norm(x)) in tails for x in lines)


def _repeat_hit(start: int, end: int, lines: list[str]) -> Hit:
    return Hit(
        start,
        end,
        "repeats earlier text (quote without its header)",
        {"quote": Quote(author=None, text="\n".join(lines))},
        moved_to="quotes",
    )


_STRONG_BUTTONS = (
    r"Reply|Quote|Report|Like|Unlike|Share|Permalink|Bookmark|Multi-?Quote|\+\s?Quote|Quote Reply|"
    r"Reply With Quote|Reply with quote|Upvote|Downvote|Report Post|Report post|Flag|Share this post|"
    r"Link to post|Link to comment|Share on other sites|More options|•••|Reply to this topic|"
    r"Copy Link to (?:Reply|Topic|Post)|Printer Friendly Format|Printer-friendly version|Report (?:Topic|Reply)|Add Reply"
)
_WEAK_BUTTONS = (
    r"Edit|Delete|IP|Warn|Spam|History|Save|Follow|Vote|Embed|Award|Copy link|Link|Top|Back to top|Thanks"
)
_OTHER_LANGUAGES = tuple(lang for lang in LANGUAGES if lang != "en")
# The same in the other languages (``Gefällt mir Zitieren Antworten``, ``Citer Répondre``): the post buttons are
# strong, the other post controls (``Bearbeiten``, ``Mehr``) weak.
# (html2text writes a blank before the apostrophe after an empty icon element: ``J 'aime`` for ``J'aime``)
_STRONG_BUTTONS += "|" + alternation("buttons", _OTHER_LANGUAGES).replace("'", "[ \t]?'").replace("’", "[ \t]?’")
_WEAK_BUTTONS += "|" + "|".join(
    x
    for x in alternation("post_controls", _OTHER_LANGUAGES).split("|")
    if x not in set(alternation("buttons", _OTHER_LANGUAGES).split("|"))
)
_BUTTON_TOKEN = rf"(?>{_STRONG_BUTTONS}|{_WEAK_BUTTONS})"
_BUTTON_ROW_RE = lazy(
    rf"^[ \t]*+(?:(?:[-•·|][ \t]*)?(?:{_STRONG_BUTTONS})(?:[ \t]*\(\d+\))?[ \t]*"
    rf"|(?:[-•·|][ \t]*)?{_BUTTON_TOKEN}(?:[ \t]*[-•·|,]?[ \t]*{_BUTTON_TOKEN}){{1,12}}[ \t]*"
    # a vote widget, its score between the arrows' labels
    rf"|Upvote[ \t]+-?\d[\d,.]*[kK]?[ \t]+Downvote(?:[ \t]+{_BUTTON_TOKEN}){{0,6}}[ \t]*)$",
    regex.MULTILINE,
)


def is_button_row(line: str) -> bool:
    """Whether ``line`` is a row of post buttons (``Reply Quote Like``, ``Save Share``), as ``GEN003`` reads
    one."""
    return "\n" not in line and _BUTTON_ROW_RE.match(line) is not None


#: A line that ends with a date, and maybe a post number: a post header (``kestrel May 4, 2022, 3:47pm 1``).
_DATED_END_RE = lazy(rf"(?:{DATE_RE.pattern})[ \t]*+(?:\#?\d{{1,6}}[ \t]*)?$", regex.IGNORECASE | regex.VERSION1)


def stands_alone(line: str) -> bool:
    """Whether ``line`` is a line of its own wherever it stands: a row of post buttons, or a short line that ends
    with a date (a post header). Text wrapped at a width never joins it to the line above (see
    :func:`postclean.wrapping.wrapped_lines`)."""
    if is_button_row(line):
        return True
    end = line.rstrip()
    if len(end) > 120 or not (end[-1:].isdigit() or end[-2:].lower() in ("am", "pm")):
        return False  # (a date ends in a digit or a time of day)
    m = _DATED_END_RE.search(end, max(0, len(end) - 64))
    # (a time after ``@`` (``January 12, 2024 @04:05PM``) ends many a wrapped byline: those lines may still join)
    return m is not None and "@" not in m.group()


_SOCIAL = (
    r"Facebook|X \(Twitter\)|Twitter \(X\)|Twitter|X|Bluesky|QR Code|Mastodon|Threads|Reddit|Pinterest|Tumblr|WhatsApp|Email|E-mail|Share Link|LinkedIn|"
    r"Telegram|Link|Share|VK|Messenger|" + alternation("share_items")
)
#: ``Share:`` and ``Teilen:``, ``Share this post``
_SHARE_LABEL = alternation("share_label")
_SHARE_ON = "|".join(regex.escape(p).replace(r"\ ", r"[ \t]+") for p in phrases("share_on"))
_COPY_LINK = "|".join(regex.escape(p).replace(r"\ ", r"[ \t]+") for p in phrases("copy_link"))
#: A widget written one item a line: ``Share on Facebook`` / ``Share via Email`` (two at least), ``Copy Link``.
_SHARE_ITEM = rf"[ \t]*(?:[-•*][ \t]*)?(?i:{_SHARE_ON})[ \t]+(?:{_SOCIAL})[ \t]*(?:\n|$)"
_COPY_ITEM = rf"[ \t]*(?:[-•*][ \t]*)?(?i:{_COPY_LINK})[ \t]*(?:\n|$)"
_SHARE_BLOCK_RE = lazy(
    rf"^(?:{_COPY_ITEM})?(?:{_SHARE_ITEM}){{2,}}(?:{_COPY_ITEM})?"
    # (blank lines between the items: the input's, or items an earlier rule took as a menu's)
    rf"|^[ \t]*+(?:{_SHARE_LABEL})[ \t]*:?[ \t]*"
    rf"(?:\n(?:[ \t]*+\n)*+[ \t]*(?:[-•*][ \t]*)?(?i:{_SOCIAL}|{_COPY_LINK})[ \t]*+(?=\n|$)){{2,}}+\n?"
    rf"|^[ \t]*+(?:{_SHARE_LABEL})[ \t]*:?[ \t]*\n[ \t]*(?i:{_SOCIAL})(?:[ \t]+(?i:{_SOCIAL}))+[ \t]*$"
    # the icon-only buttons' hidden names glued on one line (``Share:`` / ``FacebookShareLink``: XenForo 2)
    rf"|^[ \t]*+(?:{_SHARE_LABEL})[ \t]*:[ \t]*\n[ \t]*+(?i:{_SOCIAL})(?:(?i:{_SOCIAL}))++[ \t]*$"
    rf"|^[ \t]*+(?:(?:{_SHARE_LABEL})[ \t]*:?[ \t]+)?(?:{_SOCIAL})(?:[ \t]+(?:{_SOCIAL})){{3,}}[ \t]*$"
    # XenForo 1's "Share This Page" block, of which a converter keeps the Twitter button's text only
    rf"|^[ \t]*+(?:{_SHARE_LABEL})[ \t]*:?[ \t]*\n(?:[ \t]*\n)?[ \t]*Tweet[ \t]*$"
    # …or its heading alone, the text's last line (Resiliparse drops the buttons)
    # (lines after it that earlier rules took are blank here)
    rf"|^[ \t]*+(?i:{alternation('share_page_heading')})[ \t]*+(?:\n[ \t]*+)*+\Z"
    # …or over the similar threads' heading (the list under it is PAGE005's, a later stage)
    rf"|^[ \t]*+(?i:{alternation('share_page_heading')})[ \t]*+"
    rf"(?=(?:\n[ \t]*+)++(?:#++[ \t]*+)?(?i:{alternation('related_headings')})[ \t]*+:?[ \t]*+$)",
    regex.MULTILINE,
)


def _head(alternative: str, cap: int = 3) -> str:
    """The literal text (at most ``cap`` characters) every match of a simple regex ``alternative`` starts with."""
    out = ""
    i = 0
    while i < len(alternative) and len(out) < cap:
        c = alternative[i]
        if c == "\\" and alternative[i + 1 : i + 2] in tuple("+.*?()[]{}|^$\\-"):
            c = alternative[i + 1]
            i += 1
        elif c in "\\.^$()[]|":
            break
        elif c in "?*{":
            return out[:-1]  # the character before is optional
        elif c == "+":
            break
        out += c
        i += 1
    if alternative[i : i + 1] in ("?", "*", "{"):
        out = out[:-1]
    return out


def _keys(alternatives: Iterable[str]) -> frozenset[str]:
    """The literal heads of regex ``alternatives``: see :func:`_has_key`."""
    return frozenset(_head(a) for a in alternatives)


def _has_key(s: str, keys: frozenset[str]) -> bool:
    """Whether ``s`` starts with one of ``keys`` (of at most three characters, made by :func:`_keys`)."""
    return "" in keys or not keys.isdisjoint((s[:1], s[:2], s[:3]))


def _finditer_at(
    view: TextView, pattern: regex.Pattern[str], starts: Iterable[int]
) -> Iterator[tuple[int, int, regex.Match[str]]]:
    """``view.finditer(pattern)`` for a line-anchored (MULTILINE, every alternative starting with ``^``) pattern
    whose matches can only start at the lines ``starts`` (ascending): it is tried at those lines only."""
    text = view.text
    pos = 0
    for i in starts:
        start = view.line_start(i)
        if start < pos:
            continue  # inside the previous match
        m = match_at(pattern, text, start)
        if m is None or m.end() == start:
            continue
        pos = m.end()
        yield i, view.line_at(pos - 1), m


def _whole_heads(alternatives: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The whole literal heads of regex ``alternatives`` (``Thanks``, ``Reply With Quote``, ``Gefällt``) by their
    key (:func:`_head`, their first three characters): see :func:`_has_head`."""
    out: dict[str, set[str]] = {}
    for a in alternatives:
        whole = _head(a, len(a))
        out.setdefault(whole[:3], set()).add(whole)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _has_head(s: str, heads: dict[str, tuple[str, ...]]) -> bool:
    """Whether ``s`` starts with one of ``heads`` (made by :func:`_whole_heads`): stricter than :func:`_has_key`
    (``Thank you`` has the key of ``Thanks`` but not its head), and as necessary."""
    for key in ("", s[:1], s[:2], s[:3]):
        whole = heads.get(key)
        if whole is not None and s.startswith(whole):
            return True
    return False


_BUTTON_PREFIX = "-•·|"  # one of them may precede a button row
_BUTTON_ALTERNATIVES = (*_STRONG_BUTTONS.split("|"), *_WEAK_BUTTONS.split("|"))
_BUTTON_KEYS = _keys(_BUTTON_ALTERNATIVES)
_BUTTON_HEADS = _whole_heads(_BUTTON_ALTERNATIVES)
# (``Share on`` and ``Copy link`` are read case-insensitively: their key is all a line must start with)
_SHARE_ANY_CASE = frozenset(
    x[:3] for p in (*phrases("share_on"), *phrases("copy_link")) for x in (p, p.lower(), p.capitalize())
)
_SHARE_KEYS = _keys((*_SHARE_LABEL.split("|"), *_SOCIAL.split("|"))) | _SHARE_ANY_CASE
#: (the whole head, or for a case-insensitive phrase its key)
_SHARE_HEADS = _whole_heads((*_SHARE_LABEL.split("|"), *_SOCIAL.split("|")))
_SHARE_HEADS.update((k, (*_SHARE_HEADS.get(k, ()), k)) for k in sorted(_SHARE_ANY_CASE))


#: The heads of both key sets: 1 for a share widget's, 2 for a button row's (or both).
_HEAD_KINDS = {k: (k in _SHARE_KEYS) | 2 * (k in _BUTTON_KEYS) for k in _SHARE_KEYS | _BUTTON_KEYS}
#: The kinds whose key set holds "" (every line's head: see _has_key).
_ANY_HEAD = ("" in _SHARE_KEYS) | 2 * ("" in _BUTTON_KEYS)
#: The first characters after which a line is tested the long way: a mark that may precede a share item or a
#: button row, or none (a blank line).
_LEAD_MARKS = frozenset(("", *"-•*", *_BUTTON_PREFIX))


def opens_share_widget(view: TextView, i: int) -> bool:
    """Whether line ``i`` heads a share widget that GEN003 takes whole (``Share`` over the networks' names, one
    a line): an engine's button rule leaves such a label to it, or the networks under it would stay."""
    start = view.line_start(i)
    m = match_at(_SHARE_BLOCK_RE, view.text, start)
    return m is not None and m.end() > start and view.line_at(m.end() - 1) > i


@rule("GEN003", "button-row", tags=["buttons"], stage="generic")
def button_row(view: TextView) -> Iterator[Hit]:
    """Rows of post buttons (``Like Reply Report``, ``Quote``, ``+ Quote``) and share widgets.

    Example (removed)::

        Like Reply Report
        Share: Facebook Twitter Reddit Email
    """
    # Both patterns are tried only at lines that start (after blanks) as their matches must: a share widget with
    # "Share" or a network name, a button row with a button name, after one of _BUTTON_PREFIX or not.
    shares: list[int] = []
    buttons: list[int] = []
    heads = _HEAD_KINDS
    for i, line in enumerate(view.lines):
        if not line:
            continue
        rest = line.lstrip(" \t")
        if rest[:1] not in _LEAD_MARKS:  # (a line of blanks too: the key "" is no head)
            # (the common case, in one look-up per head: _has_key for both key sets)
            kind = _ANY_HEAD | heads.get(rest[:1], 0) | heads.get(rest[:2], 0) | heads.get(rest[:3], 0)
            # (then the whole head: most prose lines that get here start with a word that shares its first
            # three characters with a button's or a network's name, ``The``, ``Thank you``, ``What``)
            if kind & 1 and _has_head(rest, _SHARE_HEADS):
                shares.append(i)
            if kind & 2 and _has_head(rest, _BUTTON_HEADS):
                buttons.append(i)
            continue
        if _has_head(rest, _SHARE_HEADS) or (
            rest[:1] in "-•*" and _has_head(rest[1:].lstrip(" \t"), _SHARE_HEADS)
        ):
            shares.append(i)
        if _has_head(rest, _BUTTON_HEADS) or (
            rest[:1] in _BUTTON_PREFIX and _has_head(rest[1:].lstrip(" \t"), _BUTTON_HEADS)
        ):
            buttons.append(i)
    if not shares and not buttons:
        return
    for first, last, m in _finditer_at(view, _SHARE_BLOCK_RE, shares):
        end = last if m.group(0).endswith("\n") is False else view.line_at(m.end() - 1)
        # (a share widget may hold items an earlier rule took as a menu's: the rest are its)
        yield from free_spans(view, first, max(first, end), "share widget")
    for first, last, _m in _finditer_at(view, _BUTTON_ROW_RE, buttons):
        if first == last:
            yield Hit(first, last, "post buttons")


_MOBILE_SIG_RE = lazy(
    r"^[ \t]*+(?:Sent|Posted) (?:from|via) (?:my )?[^\n]{1,60}?(?: using [^\n]{1,40})?[ \t]*$", regex.MULTILINE
)


@rule(
    "GEN004",
    "mobile-signature",
    tags=["signature"],
    stage="generic",
    trigger=("sent from", "sent via", "posted from", "posted via"),
)
def mobile_signature(view: TextView) -> Iterator[Hit]:
    """App signatures such as ``Sent from my iPhone using Tapatalk``; move to ``post.signature``.

    Example (removed)::

        Sent from my Pixel 7 using Tapatalk
    """
    for first, last, m in view.finditer(_MOBILE_SIG_RE):
        if first == last and word_count(m.group(0)) <= 12:
            yield Hit(
                first, first, "app signature", {"post.signature": m.group(0).strip()}, moved_to="signature"
            )


_PAGER_STEP = alternation("pager_steps")
_PAGER_WORD = rf"{_PAGER_STEP}|{alternation('pager_ends')}"
_PAGER_OF = rf"(?:{alternation('pager_page')})[ \t]+\d{{1,5}}[ \t]+(?:{alternation('pager_of')})[ \t]+\d{{1,5}}"
_PAGER_GOTO = alternation("pager_goto")
#: The characters a row can start with, both cases (see the look-ahead below).
_PAGER_FIRST = "".join(
    sorted(
        {
            c
            for concept in ("pager_steps", "pager_ends", "pager_page", "pager_pages", "pager_goto")
            for p in phrases(concept)
            for c in (p[0].lower(), p[0].upper())
        }
        | set("«»‹›….")
    )
)
#: (The look-ahead holds the characters every alternative starts with: a line starting otherwise is rejected at once
#: instead of being tried with each alternative.) The step words, ``Page 2 of 5`` and ``Go to page`` in every
#: language of :mod:`postclean.phrases` (``Zurück 1 2 3 Weiter``, ``Seite 2 von 5``, ``Страница 1 из 3``).
_PAGER_GUARD = rf"(?=[{regex.escape(_PAGER_FIRST)}\d])"
_PAGINATION_RE = lazy(
    rf"^[ \t]*+(?P<bullet>[-•*+][ \t]++)?{_PAGER_GUARD}(?P<row>"
    rf"(?>{_PAGER_WORD}|«|»|‹|›|…|\.\.\.|\d{{1,5}}+)"
    rf"(?:[ \t]+(?>{_PAGER_WORD}|«|»|‹|›|…|\.\.\.|\d{{1,5}}+)){{1,29}}"
    # (XenForo 1 writes the step links ``Next >`` / ``< Prev``)
    rf"(?:(?<=\p{{L}})[ \t]+>)?"
    rf"|(?:{_PAGER_STEP})(?:[ \t]+>)?|(?:{_PAGER_GOTO})"
    # (after ``Page 1 of 2`` also vBulletin 3's ``<`` / ``>`` / ``»`` links: ``Page 1 of 2 1 2 >``)
    rf"|{_PAGER_OF}(?:[ \t]*(?:{_PAGER_WORD}|{_PAGER_GOTO}|\d{{1,5}}|…|[<>«»‹›])){{0,20}}"
    rf"|\d{{1,5}}[ \t]+(?:{alternation('pager_of')})[ \t]+\d{{1,5}}(?:[ \t]+(?:{_PAGER_STEP})){{1,2}}"
    # (vBulletin 5's ``Page [box] of 2``: the page box's number is an input's value, which converters drop;
    # lynx draws the box as underscores, w3m as brackets around the number: ``Page [1          ] of 2``)
    rf"|(?:{alternation('pager_page')})[ \t]+(?:_{{2,40}}+[ \t]+|\[\d{{0,5}}[ \t]{{0,40}}+\][ \t]+)?(?:{alternation('pager_of')})[ \t]+\d{{1,5}}"
    rf"|(?:{_PAGER_GOTO})\s*(?:{alternation('pager_go')})|Next\s*Last|First\s*Prev"
    # (the label, then the numbers with the current one in brackets: ``Pages: [1] 2 3 Next``, ``Pages : [1] 2``)
    # (one page: ``Pages: [1]``; a count alone, ``Pages: 250``, is no pager)
    rf"|(?:{alternation('pager_pages')})[ \t]*+:(?:[ \t]*+\[\d{{1,5}}+\]"
    rf"|(?:[ \t]*+(?>\[\d{{1,5}}+\]|\d{{1,5}}+|…|\.\.\.|{_PAGER_WORD}|[«»‹›<>])){{2,30}}))[ \t]*$",
    regex.MULTILINE | regex.IGNORECASE,
)


_PAGE_WORD_LINE_RE = lazy(rf"^[ \t]*+(?:{alternation('pager_page')})[ \t]*$", regex.IGNORECASE | regex.MULTILINE)


#: Every character but blanks that a line where one of the two patterns starts can hold up to its end: the
#: letters of the pager phrases, the row's marks and bullets (read case-insensitively, as the patterns do), digits.
_PAGER_CHARS = "".join(
    sorted(
        {
            c
            for concept in ("pager_steps", "pager_ends", "pager_page", "pager_pages", "pager_of", "pager_goto", "pager_go")
            for p in phrases(concept)
            for c in p
            if c not in " \t"
        }
        | set("NextLastFirstPrev«»‹›….<>[]_-•*+:")
    )
)


def _ascii_outside(chars: str) -> str:
    """The printable ASCII characters that none of ``chars`` (nor a digit) matches case-insensitively, escaped for a
    character class. (Looked up with the patterns' own case folding.)"""
    cls = rf"[{regex.escape(chars)}\d]"
    return regex.escape(
        "".join(c for c in map(chr, range(0x21, 0x7F)) if not regex.fullmatch(cls, c, regex.IGNORECASE))
    )


#: The lines where a match of the trigger below can start: a line that starts with a bullet or a character a
#: pager line starts with, and holds none of the printable ASCII characters no pager line holds (``b``, ``q``, most
#: punctuation) up to its end. (``Go to page`` / ``Go`` and ``Next`` / ``Last`` may go on on the next line, after
#: whitespace.) Case-sensitive, so the characters outside are spelled out: it takes any other character.
_PAGER_LINE = (
    rf"^[ \t]*+[^\s{_ascii_outside(_PAGER_FIRST + '-•*+')}][^\n{_ascii_outside(_PAGER_CHARS)}]*+$"
)


# The trigger: every hit lies on a line one of the two patterns matches (a pager row, or vBulletin 5's lone
# ``Page``), so a document (an HTML page's posts) where neither matches skips the rule for each post. They are
# tried only at the lines ``_PAGER_LINE`` matches (few lines of prose: most hold a comma, an apostrophe, a colon…).
@rule(
    "GEN005",
    "pagination",
    tags=["navigation"],
    stage="generic",
    trigger=f"{_PAGINATION_RE.pattern}|{_PAGE_WORD_LINE_RE.pattern}",
    trigger_lines=_PAGER_LINE,
)
def pagination(view: TextView) -> Iterator[Hit]:
    """Page navigation rows: ``Prev 1 2 3 … 10 Next``, ``Page 2 of 5``, ``Go to page``.

    Example (removed)::

        Prev 1 2 3 … 10 Next
    """
    rows: set[int] = set()
    bulleted: set[int] = set()
    for first, last, m in view.finditer(_PAGINATION_RE):
        s = m.group("row")
        if first == last and not regex.fullmatch(r"\s*\d+\s*", s) and regex.search(r"[^\d\s]", s):
            (bulleted if m.group("bullet") else rows).add(first)
    # a list item (``* Next``, as lynx and inscriptis write the pager's items) only next to another pager line
    rows.update(i for i in bulleted if _in_pager_run(view, i, rows | bulleted))
    for i in sorted(rows):
        yield Hit(i, i, "pagination")
    if rows:
        yield from _pager_items(view, rows)
    # vBulletin 5's ``Page [box] of 2`` with the box empty, one node a line: ``Page`` / ``of`` / ``2``
    for i, _m in iter_line_matches(view, _PAGE_WORD_LINE_RE):
        if i in rows or view.lines[i].strip().casefold() not in _PAGE_WORDS:
            continue
        nxt = view.first_live(i + 1, 2)
        if (
            len(nxt) == 2
            and nxt[1] - i <= 4
            and view.lines[nxt[0]].strip().casefold() in _OF_WORDS
            and _PAGE_TOTAL_RE.match(view.lines[nxt[1]])
        ):
            yield Hit(i, nxt[1], "pagination (page box of a total)")


_PAGE_WORDS = frozenset(p.casefold() for p in phrases("pager_page"))
_OF_WORDS = frozenset(p.casefold() for p in phrases("pager_of"))
_PAGE_TOTAL_RE = lazy(r"^[ \t]*+\d{1,5}[ \t]*$")


def _in_pager_run(view: TextView, i: int, pager: set[int]) -> bool:
    """Whether another pager line of ``pager``, or two page numbers, lie in the run of pager lines and page
    numbers around line ``i`` (blank lines between allowed)."""
    numbers = 0
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(view) and abs(k - i) <= 30:
            if not view.is_live(k):
                k += step
                continue
            if k in pager:
                return True
            if not _PAGER_ITEM_RE.fullmatch(view.lines[k]):
                break
            numbers += view.lines[k].strip(" \t-•*+").isdigit()
            k += step
    return numbers >= 2


#: A page navigation's items when a converter writes one a line: a page number, ``1 of 2``, ``Go``.
_PAGER_ITEM_RE = lazy(
    rf"(?<![ \t])[ \t]*+(?:[-•*+][ \t]++)?(?:\d{{1,5}}|(?:(?:{alternation('pager_page')})[ \t]+)?\d{{1,5}}[ \t]+(?:{alternation('pager_of')})[ \t]+\d{{1,5}}"
    rf"|{alternation('pager_go')}|…|\.\.\.)[ \t]*",
    regex.IGNORECASE,
)


def _pager_items(view: TextView, rows: set[int]) -> Iterator[Hit]:
    """The items around pagination rows (``rows``) when the navigation is written one item a line (``1`` / ``2`` /
    ``Next`` / ``1 of 2`` / ``Go to page`` / ``Go``): a run of such lines goes when a row holds it together."""
    live = view.live_indices()
    k = 0
    while k < len(live):
        run: list[int] = []
        anchored = False
        while k < len(live) and (live[k] in rows or _PAGER_ITEM_RE.fullmatch(view.lines[live[k]])):
            if run and any(view.claimed[run[-1] + 1 : live[k]]):
                break  # lines another rule took lie between: not one navigation
            anchored = anchored or live[k] in rows
            run.append(live[k])
            k += 1
        if anchored:
            for i in run:
                if i not in rows:
                    yield Hit(i, i, "pagination item")
        k += 1 if not run else 0


_COOKIE_BUTTON = rf"(?:{phrase_alt('cookie_buttons', 'cookie_titles')})(?:\.\.\.|…|[ \t]?!)?"
_CONSENT_RE = lazy(
    rf"^[ \t]*+(?:[-•*+][ \t]+|\d{{1,2}}\.[ \t]+)?(?:(?:{phrase_alt('cookie_notice')})[^\n]{{0,2000}}|{_COOKIE_BUTTON}(?:[ \t]+{_COOKIE_BUTTON}){{0,3}})[ \t]*$",
    regex.MULTILINE | regex.IGNORECASE,
)
#: A banner's other sentences name cookies too (``By continuing to use this site, you are consenting to our use of
#: cookies.``, ``Wenn du diese Seite weiterhin nutzt, stimmst du unserer Verwendung von Cookies zu.``).
_COOKIE_SENTENCE_MAX_WORDS = 60
_COOKIE_WORDS = tuple(dict.fromkeys(x.casefold() for x in phrases("cookie_words")))


@rule(
    "GEN006",
    "cookie-notice",
    tags=["notice", "navigation"],
    stage="generic",
    trigger=_COOKIE_WORDS,
)
def cookie_notice(view: TextView) -> Iterator[Hit]:
    """Cookie and consent banners: ``We value your privacy``, ``This site uses cookies…``, ``Accept all``.

    A banner sentence opens with one of the ``cookie_notice`` phrases (nine languages: ``Wir verwenden
    Cookies``, ``Nous utilisons des cookies``, ``Мы используем файлы cookie`` …) and names cookies, consent,
    privacy or partners. Button-like lines (``Accept``, ``Tout refuser``, ``Learn more…``) count only within
    three lines of a banner sentence. A banner the page puts in a numbered list (XenForo 1's notices, which w3m
    writes `` 1. This site uses cookies…``) counts too.

    Example (removed)::

        This site uses cookies to remember your settings.
        Accept
    """
    hits = [(first, m.group(0)) for first, last, m in view.finditer(_CONSENT_RE) if first == last]
    anchors = {i for i, text in hits if word_count(text) >= 3 and any(w in text.casefold() for w in _COOKIE_WORDS)}
    # a banner sentence an engine's rule took already (XF007) still anchors the banner's buttons
    anchors.update(
        i
        for i, was in enumerate(view.original)
        if view.claimed[i] and "cookie" in was.casefold() and _CONSENT_RE.match(was) and word_count(was) >= 3
    )
    found = {i for i, _text in hits if i in anchors or any(abs(i - a) <= 3 for a in anchors)}
    for a in sorted(anchors):
        # the banner's next sentences that name cookies
        for i in range(a + 1, min(a + 3, len(view))):
            line = view.lines[i]
            if i in found or not view.is_live(i):
                continue
            if "cookie" not in line.casefold() or word_count(line) > _COOKIE_SENTENCE_MAX_WORDS:
                break
            found.add(i)
    for i in sorted(found):
        yield Hit(i, i, "cookie or consent notice")


_FILE_EXT = r"(?:png|jpe?g|gif|webp|bmp|heic|tiff?|svg|pdf|zip|rar|7z|txt|log|mp4|mov|mp3|docx?|xlsx?|csv)"
_FILE_NAME = rf"[\w()+\[\]-][\w .()+,\[\]-]{{0,119}}?\.{_FILE_EXT}"
#: An image's size and dimensions in brackets, the uploaded file's own name perhaps after them (an imageboard's
#: ``(412.8 KB, 1200x900, bench.jpg)``); one text node a line, its parts on lines of their own.
_FILE_DIMS = r"[\d.,]+[ \t]*(?:[KMG]i?B|bytes),[ \t]*+\d{1,5}[x×]\d{1,5}"
_ATTACHMENT_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?:"
    rf"(?P<file>{_FILE_NAME})"
    r"(?:[ \t]*[(·|-]?[ \t]*[\d.,]+[ \t]*(?:[KMG]i?B|bytes)\)?)?(?:[ \t]*·[ \t]*Views:[ \t]*[\d,.]+[KkMm]?)?"
    r"|\(?[\d.,]+[ \t]*(?:[KMG]i?B|bytes)\)?[ \t]*(?:Downloaded|Viewed)[ \t]+[\d,]+[ \t]+times?"
    # an imageboard post's file line: ``File: 1696270924411.jpg (412.8 KB, 1200x900, bench.jpg)``
    rf"|(?:{alternation('file_info_label')})[ \t]*+:[ \t]*+(?P<board_file>{_FILE_NAME})[ \t]*+"
    rf"\({_FILE_DIMS}(?:,[ \t]*+{_FILE_NAME})?[ \t]*+\)"
    rf"|(?P<dims>\({_FILE_DIMS},?)"
    rf"|View attachment[ \t]+\d+|(?P<head>Attachments?:?|(?:{alternation('file_info_label')})[ \t]*+:|\))"
    r")[ \t]*$",
    regex.MULTILINE | regex.IGNORECASE,
)


def _names_a_file(m: regex.Match[str]) -> bool:
    """Whether an attachment-name match is a sentence that ends with a file's name (``the value is in
    parts.txt``): no size after it, and four lower-case words or more before the name. A file's own name has
    few (``Screenshot 2024-01-02 at 10.11.12.png``)."""
    name = m.group("file")
    if name is None or m.group(0).strip() != name.strip():
        return False
    return sum(1 for w in name.split()[:-1] if w.isalpha() and w.islower()) >= 4


@rule(
    "GEN007",
    "attachment-name",
    tags=["buttons"],
    stage="generic",
    trigger=(".png", ".jp", ".gif", ".webp", ".pdf", ".zip", "kib", " kb", "mb)", "downloaded", "attachment", ".heic", ".bmp", ".txt", ".log", ".mp"),
)
def attachment_name(view: TextView) -> Iterator[Hit]:
    """Attachment file names, sizes and download counts left where an image or file was attached; an imageboard
    post's file line (``File: 1696270924411.jpg (412.8 KB, 1200x900, bench.jpg)``, the label in nine languages),
    whole or one part a line.

    A heading ``Attachments`` (or the file line's label alone, ``File:``) counts only next to such lines.

    Example (removed)::

        IMG_2041.jpg
        (95.79 KiB) Downloaded 478 times
    """
    hits = [(first, m) for first, last, m in view.finditer(_ATTACHMENT_RE) if first == last and not _names_a_file(m)]
    files = {i for i, m in hits if m.group("head") is None}
    for i, _m in hits:
        if i in files or any(abs(i - f) <= 2 for f in files):
            yield Hit(i, i, "attachment name", moved_to=None)


_SIG_MAX_LINES = 4
_URL_RE = lazy(r"https?://|www\.|\.(?:com|net|org)\b", regex.IGNORECASE)


def _closing_ok(lines: tuple[str, ...], *, known_author: bool) -> bool:
    """Closing lines worth calling a signature: not a bare sign-off like ``Thanks!`` or ``Cheers, Bob``."""
    text = " ".join(lines)
    if _URL_RE.search(text):
        return True
    n = word_count(text)
    if known_author:
        return n >= 3 and len(text) >= 15
    return n >= 4 and not text.endswith("?")


@rule("GEN008", "repeated-closing-lines", tags=["signature"], stage="generic", scope="thread")
def repeated_closing_lines(view: TextView) -> Iterator[Hit]:
    """The same closing line(s) at the end of several posts of one author: a signature without a separator.

    Flattened vBulletin 4/5, SMF 2.1, FluxBB, MyBB and XenForo-based pages print a signature right under the
    post text with no ``__________`` line. When the last one to four lines of at least two posts by the same
    author are identical (at least three posts when no authors were found), they move to ``post.signature``;
    a bare count under them (the reaction count ``GEN023`` takes) does not hide them. A line that is the whole
    body of a post is never taken, nor a short sign-off (``Thanks!``). Closing lines that ``GEN002`` left here
    as a possible signature and that turn out to be a post's whole text go as the repeats they are (to
    ``post.quotes``).

    Example (removed): ``My build log: www.example.org/shed`` closing two posts by ``kestrel``.
    """
    posts = view.context.get("posts") or ()
    if len(posts) < 2:
        return
    taken: set[int] = set()
    tails: list[list[int]] = []
    aboves: list[str | None] = []  # the post's nearest text line above its closing block (an edit note between)
    for a, b, _author in posts:
        live: list[int] = []
        above: str | None = None
        counted = False
        for i in range(b, a - 1, -1):
            if view.claimed[i]:
                if live and view.original[i].strip():
                    # closing lines are one block: nothing but blank lines removed between them
                    above = next((_norm(view.lines[k]) for k in range(i - 1, a - 1, -1) if view.is_live(k)), None)
                    break
            elif view.lines[i].strip():
                if not live and not counted and i > a and _TRAILING_COUNT_RE.match(view.lines[i]):
                    counted = True  # the reaction count under the post (GEN023's, later): never the signature's
                    continue
                live.append(i)
                if len(live) > _SIG_MAX_LINES:
                    break
        live.reverse()
        tails.append(live)
        aboves.append(above)
    # (author, closing lines) -> the line before them in each post that ends so (None: the whole body)
    before: dict[tuple[str | None, tuple[str, ...]], list[str | None]] = {}
    suffixes: list[list[tuple[str, ...]]] = []
    for (_a, _b, author), live, above in zip(posts, tails, aboves, strict=True):
        keys = [_norm(view.lines[i]) for i in live]
        mine = [tuple(keys[len(keys) - k :]) for k in range(1, min(_SIG_MAX_LINES, len(keys)) + 1)]
        suffixes.append(mine)
        for k, suf in enumerate(mine, start=1):
            before.setdefault((author, suf), []).append(keys[-k - 1] if k < len(keys) else above)
    for (_a, _b, author), live, mine, above in zip(posts, tails, suffixes, aboves, strict=True):
        need = 2 if author is not None else 3
        best = 0
        for k, suf in enumerate(mine, start=1):
            prev = before[(author, suf)]
            # the same line before them everywhere: a longer repeated block (a copied post), not a signature
            if (
                (k < len(live) or above is not None)
                and len(prev) >= need
                and len(set(prev)) > 1
                and _closing_ok(suf, known_author=author is not None)
            ):
                best = k
        if not best:
            continue
        sig_lines = live[-best:]
        signature = "\n".join(view.lines[i].strip() for i in sig_lines)
        facts: dict[str, object] = {"post.signature": signature}
        reason = "closing lines repeated in several posts"
        yield Hit(sig_lines[0], sig_lines[-1], reason, facts, moved_to="signature")
        taken.update(sig_lines)
    # closing repeats GEN002 left as signatures that are not one (the post's whole text): repeats after all
    for start, stop, lines in view.context.get("deferred_repeats", ()):
        span = range(start, stop + 1)
        if not any(k in taken for k in span) and all(view.is_live(k) for k in span):
            yield _repeat_hit(start, stop, lines)


#: Panel headings and sentence openings, lower-cased with single spaces: matched with set and prefix tests on
#: each line, which costs a fifth of a whole-text alternation scan on a page of short lines.
_CONSENT_HEADINGS = frozenset(" ".join(x.lower().split()) for x in phrases("consent_heading"))
_CONSENT_THESE = tuple(" ".join(x.lower().split()) + " " for x in phrases("consent_these"))
_COUNT_SUFFIX_RE = lazy(r"(?<![ \t])[ \t]*\(\d+\)$")
#: Marker phrases, lower-cased: found with ``str.find`` on the lower-cased text (a regex alternation of them
#: costs ~20 times more on a long page).
_CONSENT_MARKERS = tuple(x.lower() for x in phrases("consent_marker"))
_CONSENT_BRIDGE = 2  # at most this many short unclassified lines in a row inside a panel
#: GEN009's trigger: a panel holds a sentence line, which starts with a ``consent_these`` phrase (its last word:
#: blanks inside the phrase may differ) or holds a marker; a page or post holding neither skips the rule.
CONSENT_TRIGGER = tuple(dict.fromkeys((*(x.split()[-1].lower() for x in phrases("consent_these")), *_CONSENT_MARKERS)))
CONSENT_TRIGGER = tuple(w for w in CONSENT_TRIGGER if not any(v != w and v in w for v in CONSENT_TRIGGER))


def _markers(view: TextView) -> tuple[str, ...]:
    """The :data:`_CONSENT_MARKERS` the view may hold: with the document's probe in ``view.context`` and no line
    cut (each line is the document's or removed), those the document holds (a marker lies on one line, which
    lower-cases alike in both texts: the capital sigma looks no further than its line)."""
    probe = view.context.get("probe")
    if probe is None or any(x and x is not o for x, o in zip(view.lines, view.original, strict=True)):
        return _CONSENT_MARKERS
    return tuple(m for m in _CONSENT_MARKERS if "\n" in m or m in probe)


@rule(
    "GEN009",
    "consent-panel",
    tags=["notice", "navigation"],
    stage="generic",
    trigger=CONSENT_TRIGGER,
    probe_words=_CONSENT_MARKERS,
)
def consent_panel(view: TextView) -> Iterator[Hit]:
    """Consent-manager panels: cookie categories with their descriptions, IAB purpose lists, their buttons.

    Plain-text converters keep the hidden preference panel of a cookie banner. A run of consecutive lines that
    are panel headings (``Strictly Necessary Cookies``, ``Always Active``, ``Consent``) or panel sentences (``These
    cookies …``, purpose texts with ``partners can use this purpose``) is removed when it holds at least two
    sentences, or one sentence and two headings; up to two short lines in a row between panel lines (toggle
    labels, purpose names) go with it. A lone sentence about cookies in a post stays.

    Example (removed)::

        Strictly Necessary Cookies
        These cookies keep the site working and cannot be switched off in our systems.
        Performance Cookies
        These cookies count visits so that we can measure how the site performs.
    """
    # Classify lines: 1 heading, 2 sentence.
    kinds: dict[int, int] = {}
    for i, line in view.iter_lines():
        text = line.strip(" \t-•")
        if len(text) <= 80:
            key = " ".join(_COUNT_SUFFIX_RE.sub("", text).lower().split())
            if key in _CONSENT_HEADINGS:
                kinds[i] = 1
                continue
        these = len(text) >= 20 and " ".join(text[:40].lower().split()).startswith(_CONSENT_THESE)
        if these and word_count(text) >= 6:
            kinds[i] = 2
    lowered = view.text.lower()
    found: list[int] = []
    for marker in _markers(view):
        k = lowered.find(marker)
        while k >= 0:
            found.append(k)
            k = lowered.find(marker, k + 1)
    at = last = 0
    for k in sorted(found):
        at += lowered.count("\n", last, k)  # lower() may change lengths, never newlines: count them
        last = k
        kinds[at] = 2
    if sum(1 for k in kinds.values() if k == 2) < 1:
        return
    run: list[int] = []
    strong = headings = 0

    def flush() -> Iterator[Hit]:
        if not run or not (strong >= 2 or (strong >= 1 and headings >= 2)):
            return
        start = run[0]
        for prev, cur in itertools.pairwise(run):
            if not view.free(prev, cur):  # a line claimed by an earlier rule lies between
                yield Hit(start, prev, "consent-manager panel")
                start = cur
        yield Hit(start, run[-1], "consent-manager panel")

    for i in sorted(kinds):
        if not view.is_live(i):
            continue
        if run:
            # up to _CONSENT_BRIDGE short live lines between two panel lines belong to the panel
            gap = view.live_indices(run[-1] + 1, i)
            if len(gap) <= _CONSENT_BRIDGE and all(word_count(view.lines[k]) <= 8 for k in gap):
                run.extend(gap)
            elif strong >= 2 and kinds[i] == 2 and len(gap) <= _CONSENT_BRIDGE and sum(
                word_count(view.lines[k]) > 8 for k in gap
            ) == 1:
                run.extend(gap)  # one purpose's description between two purposes of a panel already sure
            else:
                yield from flush()
                run, strong, headings = [], 0, 0
        run.append(i)
        if kinds[i] == 2:
            strong += 1
        else:
            headings += 1
    yield from flush()


_LIKER = r"[^\s,][^,\n]{0,38}?"
_LIKED_ENDINGS = phrase_list("flarum_likes_this")
_AND = r"(?:and|und|et|y|e|en|i|и)"
#: ``Ann, Bob and 3 others like this.`` / ``Ann, Bob and Cleo like this.``: a list of names, then a like or
#: reply phrase. Two forms only, both unlike a sentence: "and N others", or three names or more with commas
#: (``My wife and I like this.`` stays).
_LIKED_LIST_RE = lazy(
    rf"^[ \t]*+(?:{_LIKER}(?:,[ \t]+{_LIKER}){{0,8}}[ \t]+{_AND}[ \t]+\d{{1,6}}[ \t]+\w{{1,12}}"
    rf"|{_LIKER}(?:,[ \t]+{_LIKER}){{1,8}}[ \t]+{_AND}[ \t]+{_LIKER})[ \t]+(?:{phrase_alt('flarum_likes_this')})[ \t]*$",
    regex.MULTILINE | regex.IGNORECASE,
)


#: ``MargoFarrel likes this.``: one liker, taken when the name is a poster of the thread or shaped like a
#: handle (lower-case first letter, a digit, an underscore or dot, or a capital inside it): a sentence starts
#: with a capital, so "Everyone likes this." stays.
_LIKED_ONE_RE = lazy(
    rf"^[ \t]*+(?P<name>[\w.-]{{2,40}})[ \t]+(?:{phrase_alt('flarum_likes_this')})[ \t]*$", regex.IGNORECASE
)
_HANDLE_SHAPE_RE = lazy(r"^\p{Ll}|\d|_|\w\.\w|\p{Ll}\p{Lu}")
#: ``TedToToe and WiSK like this.``: two likers, taken when both names are posters of the thread or handles.
_LIKED_TWO_RE = lazy(
    rf"^[ \t]*+(?P<name>[\w.-]{{2,40}})[ \t]+{_AND}[ \t]+(?P<other>[\w.-]{{2,40}})[ \t]+"
    rf"(?:{phrase_alt('flarum_likes_this')})[ \t]*$",
    regex.IGNORECASE,
)


@rule(
    "GEN010",
    "likes-summary",
    tags=["reactions"],
    stage="generic",
    trigger=tuple(_LIKED_ENDINGS),
)
def likes_summary(view: TextView) -> Iterator[Hit]:
    """A likes line under a post, in any engine: ``Ann, Bob and 3 others like this.`` (nine languages).

    XenForo 1, Flarum and the like/thanks add-ons of vBulletin and others print who liked a post as one
    line of names ending in "like this." It moves to ``post.reactions``. A sentence such as "My wife and I
    like this." has neither a count nor a comma list and stays; one or two likers count when each name is a
    poster of the thread or shaped like a handle.

    Example (removed)::

        tern, gannet and 4 others like this.
    """
    for i, line in view.iter_lines():
        if len(line) > 240 or not line.rstrip().endswith(_ENDINGS_TUPLE):
            continue
        m = _LIKED_LIST_RE.match(line)
        if m is None:
            m = _LIKED_ONE_RE.match(line) or _LIKED_TWO_RE.match(line)
            names = [] if m is None else [x for x in m.groups() if x]
            if not all(_HANDLE_SHAPE_RE.search(x) or x.lower() in known_authors(view) for x in names):
                continue
        if m is not None:
            yield Hit(i, i, "likes summary", {"post.reactions": line.strip()}, moved_to="reactions")


_ENDINGS_TUPLE = tuple(_LIKED_ENDINGS)



@rule("GEN012", "lone-stat-block", tags=["author-block"], stage="split", scope="document")
def lone_stat_block(view: TextView) -> Iterator[Hit]:
    """A poster block with a single stat line: a name (and title) line over ``Posts: 4958``, in any engine.

    Custom boards and themes that show one stat beside each post flatten to a short name or title line over
    one ``Label: value`` line whose label is a core stat (posts, join date, reputation, points) and whose value
    is a count or a date. The stat line may also hold a row of such pairs, as converters that drop the line
    breaks between inline elements write a profile (``Posts: 105 Joined: Sat Aug 31, 2019 11:07 pm``). It runs after the engine packs' author blocks, so it only takes what they left. A
    stat line under a sentence, or followed by more ``Label:`` lines (a profile another rule reads), stays.
    Its contents move to ``post.author``. A lower-case title under a capitalised name of two to four words
    (``Wren Hollander`` / ``gardener``) is read as name and title; otherwise the line above a title line
    stays (a name cannot be told from a title there).

    Example (removed)::

        pollinator
        Posts: 4958
    """
    from .page import forum_stats_lines

    stats: frozenset[int] | None = None
    for block in find_stat_blocks(view, lone=True):
        if not (block.lone or _one_line_row(block)):
            continue
        first, name, ranks = look_back_for_poster(view, block.start)
        if (
            name is None
            and block.lone
            and (first < block.start or _opens_text(view, block.start))
            and view.free(first, block.end)
        ):
            # a custom profile field over it (``Programs: BA Gold`` / ``Posts: 673``), or the text's first line:
            # the post's block, its name dropped (boilerpipe keeps the stats alone)
            end, post_facts = after_block(view, block.end)
            facts = poster_facts(None, [], block.pairs)
            facts.update(post_facts)
            yield Hit(first, end, "poster stats without a name", facts, moved_to="author")
            continue
        if name is None or not view.free(first, block.end):
            continue  # ``Posts: 12`` under no name line: could be anything
        header: dict[str, object] = {}
        if not block.lone:
            # a member menu (``View Profile`` / ``View Forum Posts``) above the title: the name is above the menu
            first, name, ranks = _above_member_menu(view, first, name, ranks)
            # and the post's ``{date} #N`` header above the name (vBulletin 4) opens the block
            first, header = _header_above(view, first)
        if not ranks and name.islower() and first > 0 and view.is_live(first - 1):
            # ``Wren Hollander`` / ``gardener`` / ``Posts: 12``: a lower-case title under a capitalised name
            above = view.lines[first - 1].strip()
            words = above.split()
            if 1 < len(words) <= 4 and all(w[:1].isupper() for w in words) and is_name_like(above):
                name, ranks, first = above, [name], first - 1
        if stats is None:
            stats = forum_stats_lines(view)
        if stats and any(k in stats for k in range(first, block.end + 1)):
            continue  # a forum-statistics block: PAGE006 reads it
        end, post_facts = after_block(view, block.end)
        facts = poster_facts(name, ranks, block.pairs)
        facts.update(header)
        facts.update(post_facts)
        yield Hit(first, end, "poster block with one stat", facts, moved_to="author")


@rule("GEN017", "inline-poster-block", tags=["author-block"], stage="split", scope="document")
def inline_poster_block(view: TextView) -> Iterator[Hit]:
    """A whole poster block on one line: name, title and ``Label: value`` stats, in any engine.

    Converters that join inline elements write a profile column on one line (inscriptis on FluxBB:
    ``quillpen Member Registered: 2012-09-03 Posts: 1,365``; on phpBB: ``quillpen Posts: 138 Joined: …``). The
    first word is the name, the words before the first label the title. Every pair needs its value, one of them
    a core stat, and counts and join dates must read as such. The post's date and ``#N`` right below go with it,
    and so does a subject line over the date (phpBB). Its contents move to ``post.author``.

    Example (removed)::

        quillpen Member Registered: 2012-09-03 Posts: 1,365
    """
    from .page import forum_stats_lines

    stats: frozenset[int] | None = None
    for i, who, pairs in named_stat_rows(view):
        if not view.free(i, i):
            continue
        if stats is None:
            stats = forum_stats_lines(view)
        if i in stats:
            continue  # a forum-statistics row: PAGE006 reads it
        split = _name_words(view, i, who)
        facts = poster_facts(" ".join(who[:split]), [" ".join(who[split:])] if len(who) > split else [], pairs)
        row_end = _contact_lines(view, i, (who[0], " ".join(who[:split])))
        end, post_facts = after_block(view, row_end)
        if end == row_end:
            end, post_facts = _subject_and_date(view, row_end, " ".join(who[:split]))
        facts.update(post_facts)
        first = k = i
        while k > 0 and i - k < 4:  # the avatar's alt text, the thread starter's badge (blank lines between)
            k -= 1
            if view.claimed[k]:
                break
            if view.lines[k].strip():
                if not _ABOVE_NAME_RE.match(view.lines[k]):
                    break
                first = k
                if STARTER_BADGE_RE.match(view.lines[k]):
                    facts["doc.starter"] = who[0]
        yield Hit(first, end, "poster block on one line", facts, moved_to="author")


#: The contact menu under a profile column (phpBB): ``Contact {name}``, then the services' names on a line.
_CONTACT_SERVICES_RE = lazy(
    r"^[ \t]*+(?:(?:Website|Homepage|E-?mail|PM|Yahoo Messenger|ICQ|AIM|Skype|Jabber|WLM|Facebook|Twitter|"
    r"YouTube|Instagram)[ \t]*)+$",
    regex.IGNORECASE,
)
_CONTACT_USER = classic_alt("phpbb_contact_user", user=r"(?P<user>[^\n]{1,60}?)")
_CONTACT_HEAD_RE = lazy(
    rf"^[ \t]*+(?:{_CONTACT_USER}|(?:{alternation('contact_label').replace(':', '')}|Contacter)[ \t]+"
    rf"(?P<name>[^\n]{{1,60}}?))[ \t]*$",
    regex.IGNORECASE | regex.VERSION1,
)


def _contact_lines(view: TextView, i: int, names: tuple[str, ...]) -> int:
    """The last line of the contact menu under the poster block on line ``i`` (``Contact {name}`` naming its
    poster by one of ``names``, ``Kontaktdaten von {name}``; the services' names), or ``i``."""
    k = _next_line(view, i)
    if k is None or k > i + 2:
        return i
    m = _CONTACT_HEAD_RE.match(view.lines[k])
    if m is None or not {m.group("name"), m.group("user")} & set(names):
        return i
    end = k
    k2 = _next_line(view, k)
    if k2 is not None and k2 <= k + 2 and _CONTACT_SERVICES_RE.match(view.lines[k2]):
        end = k2
    return end


_LEAD_BULLET_RE = lazy(r"^[ \t]*+[-•*·▪◦][ \t]+")
_ABOVE_NAME_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]*)?(?:{classic_alt('classic_user_avatar')}|{classic_alt('classic_topic_author')})[ \t]*$",
    regex.IGNORECASE,
)


def _next_line(view: TextView, k: int) -> int | None:
    """The next live line after line ``k`` with only blank lines (two at most) and lines other rules took
    between."""
    blank = 0
    for j in range(k + 1, min(len(view), k + 8)):
        if view.claimed[j]:
            continue
        if view.lines[j].strip():
            return j
        blank += 1
        if blank > 2:
            break
    return None


_RANK_WORD_RE = lazy(
    r"^(?:" + "|".join(regex.escape(w) for w in RANK_WORDS) + r"|\w{1,20}mitglied)$", regex.IGNORECASE
)


def _name_words(view: TextView, i: int, who: list[str]) -> int:
    """How many of the words before the stats (``who``, on line ``i``) are the name: the most that a dated line
    among the next six names (a byline repeats a name of several words: ``by Outer Banks » {date}``); else the
    capitalised words before a title of rank words at the end (``Imogen Platt New member``); one otherwise."""
    if len(who) < 2:
        return 1
    seen = 0
    for k in range(i + 1, min(len(view), i + 13)):
        line = view.original[k] if view.claimed[k] else view.lines[k]  # (another rule may have taken a byline)
        if not line.strip():
            continue
        seen += 1
        if seen > 6:
            break
        if len(line) <= 200 and DATE_RE.search(line):
            for n in range(len(who), 1, -1):
                if " ".join(who[:n]) in line:
                    return n
    # the title as the words at the end that read as rank words (``Imogen Platt New member``), the name before
    # it when it reads as a person's name of two or three capitalised words (not ``nl6720 The Evil Wiki Admin``)
    n = len(who)
    while n > 1 and _RANK_WORD_RE.match(who[n - 1]):
        n -= 1
    if 2 <= n <= 3 and n < len(who) and all(w[:1].isupper() and w.isalpha() for w in who[:n]):
        return n
    return 1


def _subject_and_date(view: TextView, end: int, name: str) -> tuple[int, dict[str, object]]:
    """A subject line right after line ``end`` over the post's date: a date line (phpBB through inscriptis:
    ``{subject}`` / ``{date}``) or a byline that names the poster ``name`` with a date (``Post by {name} »
    {date}``). The new end and the facts, or ``end`` and none. A byline another rule took is left to it, and the
    subject still goes with the block (the two heads are then read as one: see the engine)."""
    k = _next_line(view, end)
    for _ in range(2):  # the post's buttons under the block (``Reply with quote``)
        if k is None or not is_button_row(_LEAD_BULLET_RE.sub("", view.lines[k], count=1)):
            break
        k = _next_line(view, k)
    if k is None:
        return end, {}
    subject = view.lines[k].strip()
    if len(subject) > 160 or word_count(subject) > 20 or subject[-1:] in ".:":
        return end, {}
    last, facts = after_block(view, k)
    if "post.date" in facts:
        return last, {**facts, "post.title": subject}
    after = k + 1
    while after < len(view) and after <= k + 2 and not view.claimed[after] and not view.lines[after].strip():
        after += 1
    if after >= len(view) or after > k + 2:
        return end, {}
    line = view.original[after] if view.claimed[after] else view.lines[after]
    if len(line) > 160 or name not in line or (m := DATE_RE.search(line)) is None:
        return end, {}
    if view.claimed[after]:
        return k, {"post.title": subject}
    found: dict[str, object] = {"post.title": subject, "post.date_raw": m.group(0).strip()}
    if (d := parse_date(m.group(0))) is not None:
        found["post.date"] = d
    return after, found


_MEMBER_MENU_RE = lazy(
    rf"^[ \t]*+(?:[-•*+·][ \t]*)?(?:{classic_alt('classic_member_menu')})[ \t]*$", regex.IGNORECASE
)


def _above_member_menu(view: TextView, first: int, name: str, ranks: list[str]) -> tuple[int, str, list[str]]:
    """``(first, name, ranks)`` reaching over a member menu right above line ``first``: the name line above the
    menu is the poster's, and the line read as the name is a title (vBulletin: name, menu, title, stats)."""
    k = first - 1
    menu = 0
    while k >= 0 and not view.claimed[k]:
        line = view.lines[k]
        if not line.strip():
            k -= 1
            continue
        if len(line) <= 80 and _MEMBER_MENU_RE.match(line):
            menu += 1
            k -= 1
            continue
        break
    if menu and k >= 0 and view.is_live(k) and is_name_like(view.lines[k].strip()):
        return k, view.lines[k].strip(), [name, *ranks]
    return first, name, ranks


_HEADER_ABOVE_RE = lazy(
    rf"^[ \t]*+(?:[-•*+·][ \t]*|\d{{1,4}}\.[ \t]+)?(?P<date>{CLASSIC_DATE})[ \t]*\#(?P<num>\d{{1,7}})[ \t]*$",
    regex.IGNORECASE,
)


def _header_above(view: TextView, first: int) -> tuple[int, dict[str, object]]:
    """The ``{date} #N`` post header on the line right above ``first`` (a blank line between allowed): the new
    first line and the header's facts, or ``first`` and none."""
    k = first - 1
    if k >= 0 and not view.claimed[k] and not view.lines[k].strip():
        k -= 1
    if k < 0 or not view.is_live(k) or len(view.lines[k]) > 120:
        return first, {}
    m = _HEADER_ABOVE_RE.match(view.lines[k])
    if m is None:
        return first, {}
    facts: dict[str, object] = dict(date_facts(m.group("date")))
    facts["post.number"] = int(m.group("num"))
    return k, facts


def _opens_text(view: TextView, i: int) -> bool:
    """Whether line ``i`` is the first line of the text that holds anything (claimed lines above it included)."""
    return not any(line.strip() for line in view.lines[:i])


def _one_line_row(block: StatBlock) -> bool:
    """A block that is one line holding two or more stat pairs, each with its value."""
    return block.start == block.end and len(block.pairs) >= 2 and all(v for _label, v in block.pairs)


_QUOTE_WORDS = tuple(dict.fromkeys(p.lower() for p in phrases("quote")))
_QUOTE_LABEL_RE = lazy(rf"^[ \t]*+(?:{phrase_alt('quote')})[ \t]*:[ \t]*$", regex.IGNORECASE | regex.MULTILINE)


@rule("GEN013", "quote-box-label", tags=["quote"], stage="generic", trigger=_QUOTE_WORDS)
def quote_box_label(view: TextView) -> Iterator[Hit]:
    """A lone ``Quote:`` label (nine languages) over quoted text, in any engine: the title of a quote box.

    Classic boards and the custom software modelled on them (UBB-style ``quote:``) title a quote box with
    the word alone; an extractor keeps it on a line of its own above the quoted text. Only the label goes;
    the text below stays. ``Quote`` without a colon (a button) and ``Quote: …`` with text after it stay.

    Example (removed)::

        quote:
    """
    for i, line in view.iter_lines():
        if len(line) <= 24 and ":" in line and _QUOTE_LABEL_RE.match(line) and view.first_live(i + 1):
            yield Hit(i, i, "quote box label")


_LIKE_COUNT_RE = line_re(rf"(?:{COUNT})[ \t]*(?:{phrase_alt('likes_count')})")


def _paragraph_alone(view: TextView, i: int) -> bool:
    """Line ``i`` is a paragraph of its own: the lines next to it are blank, removed or absent."""
    for k in (i - 1, i + 1):
        if 0 <= k < len(view.lines) and not view.claimed[k] and view.lines[k].strip():
            return False
    return True


#: Identifiers of page scripts, styles and templates (tag managers, ad slots, analytics, app state, XenForo's
#: script namespace, template placeholders): found in text only when a converter kept a page's ``<script>``
#: or ``<style>`` contents (``get_text()`` without removing them, markdownify).
PAGE_SCRIPT_MARKERS: tuple[str, ...] = (
    "datalayer", "gtag(", "googletag", "adsbygoogle", "googleanalyticsobject", "_gaq", "fbq(", "gtm.js",
    "googletagmanager", "window.__", "window.isodata", "xf.", "{%=", "<script", "</script>", "javascript:void",
    "document.documentelement", "document.createelement(", "getelementsbytagname(", "domcontentloaded",
    "prefers-color-scheme", "@media", "!important", "cookieconsent", "jquery.extend(",
)
_JS_LEAD_RE = lazy(
    r"^(?:(?-i:var|let|const|function|return|if|else|for|while|try|catch|new|typeof)\b|[}\])]|[\w$.\[\]'\"]+[ \t]*"
    r"(?:=|\+=|\|\|=)[ \t]|[\w$.]+\(|['\"][^'\"\n]{1,80}['\"][ \t]*:|[#.@]?[\w-]+(?:\[[^\]\n]*\])?[ \t]*\{|"
    r"[\w-]+[ \t]*:[ \t]*[^ \t\n]+[;,{]?$|[\w$]+[ \t]*:[ \t]*[{\[][^\n]*[}\],]$|<\/?[a-z][\w-]*[ >]|@[\w-]+\b[^\n]*[{;]$)",
    regex.IGNORECASE,
)
_CODE_PUNCT = frozenset(";{}()=[]<>'\"")


def _code_like(line: str) -> bool:
    """Whether ``line`` reads as a line of script, style or markup rather than prose."""
    s = line.strip()
    if not s:
        return False
    if len(s) > 300:
        return s.count('":') >= 5 or s.count(";") >= 5  # a JSON blob or a minified script
    punct = sum(c in _CODE_PUNCT for c in s)
    if punct >= 4 and punct * 7 >= len(s):
        return True
    if s[-1] in ".!?" and word_count(s) >= 6:
        return False  # a sentence
    return _JS_LEAD_RE.match(s) is not None and (punct >= 1 or word_count(s) <= 4)


@rule("GEN018", "page-script", tags=["markup"], stage="generic", trigger=PAGE_SCRIPT_MARKERS)
def page_script(view: TextView) -> Iterator[Hit]:
    """Script, style and template code of the page itself, where a converter kept it (BeautifulSoup's
    ``get_text()`` without removing ``<script>`` and ``<style>``, markdownify).

    A run of code-like lines (blank lines between allowed) goes when one of its lines holds a page-script
    marker (:data:`PAGE_SCRIPT_MARKERS`: ``dataLayer``, ``googletag``, ``window.__…``, ``@media`` …). Code
    in a post stays unless it holds such a marker; prose lines around a run stop it.

    Example (removed)::

        window.dataLayer = window.dataLayer || [];
        gtag('js', new Date());
    """
    anchors = [i for i in lines_with(view, PAGE_SCRIPT_MARKERS) if view.is_live(i) and _code_like(view.lines[i])]
    done = -1
    n = len(view)
    for i in anchors:
        if i <= done:
            continue
        first = last = i
        k = i - 1
        while k > done and not view.claimed[k] and (not view.lines[k].strip() or _code_like(view.lines[k])):
            if view.lines[k].strip():
                first = k
            k -= 1
        k = i + 1
        while k < n and not view.claimed[k] and (not view.lines[k].strip() or _code_like(view.lines[k])):
            if view.lines[k].strip():
                last = k
            k += 1
        done = last
        run_start: int | None = None
        for j in range(first, last + 2):
            live = j <= last and bool(view.lines[j].strip())
            if live and run_start is None:
                run_start = j
            elif not live and run_start is not None:
                yield Hit(run_start, j - 1, "page script or style")
                run_start = None


#: (with a note in brackets after it: ``Advertisement (gone after registration)``)
_AD_LABEL_RE = line_re(
    rf"(?:[-•*][ \t]*)?(?:{phrase_alt('ad_labels')})(?:[ \t]*\([^()\n]{{1,40}}\))?", flags=regex.IGNORECASE
)
_AD_TRIGGER = tuple(dict.fromkeys(x.split()[0].casefold() for x in phrase_list("ad_labels")))


@rule("GEN019", "ad-label", tags=["notice"], stage="generic", trigger=_AD_TRIGGER)
def ad_label(view: TextView) -> Iterator[Hit]:
    """The label of an ad slot or a sponsored-links widget, alone on a line: ``Advertisement``, ``Remove ads``,
    ``Sponsored Content``, ``Anzeige``, ``Publicité``, ``Реклама`` … (nine languages, table ``ad_labels``).

    Example (removed)::

        Advertisement
    """
    # (the lines holding a label's literals, found in one pass, not a scan of every line; no match crosses a
    # line end)
    for i, last, _m in matches_at(view, _AD_LABEL_RE, literal_lines(view, _AD_LABEL_RE)):
        if i == last and view.is_live(i):
            yield Hit(i, i, "ad label")


# -- GEN020 ---------------------------------------------------------------------------------------------------

#: A language's name as a picker lists it, with its qualifiers: ``English (US)``, ``Deutsch („Sie“)``,
#: ``English (USA) (Default)``.
_LANG_NAME = rf"(?:{phrase_alt('language_endonyms')}|{phrase_alt('language_exonyms')})"
_LANG_ITEM = rf"{_LANG_NAME}(?:[ \t]*\([^()\n]{{1,24}}\))*"
_LANG_ITEM_RE = lazy(_LANG_ITEM, regex.IGNORECASE)
_LANG_LINE_RE = line_re(rf"(?:[-•*][ \t]*)?{_LANG_ITEM}(?:[ \t]*[,|/·•]?[ \t]+{_LANG_ITEM})*", flags=regex.IGNORECASE)
#: (the standard ``re`` module: it scans a text for an alternation of plain words five times faster than
#: ``regex``; a match inside a word is skipped by :func:`_endonym_matches`)
_ENDONYM_RE = re.compile("|".join(re.escape(x) for x in sorted(phrases("language_endonyms"), key=len, reverse=True)))
_LANG_HEAD_RE = line_re(
    rf"(?:[-•*#][ \t]*)?(?:{phrase_alt('language_picker_heading')})[ \t]*:?", flags=regex.IGNORECASE
)
_STYLE_HEAD_RE = line_re(rf"(?:[-•*#][ \t]*)?(?:{phrase_alt('style_picker_heading')})[ \t]*:?", flags=regex.IGNORECASE)
_LANG_TRIGGER = tuple(
    dict.fromkeys(
        x.casefold()
        for x in ("Deutsch", "Français", "Español", "Português", "Italiano", "Nederlands", "Polski", "Русский", "English")
    )
)


#: How far from a line holding a language's own name the lines of its picker may lie.
_PICKER_REACH = 12


def _one_line_picker(line: str) -> bool:
    """``line`` lists at least eight languages' names and little else (one word in ten may be unknown)."""
    words = line.split()
    if len(words) < 8 or sum(1 for w in words if w[:1].islower()) > len(words) // 10:
        return False  # (names start with a capital, in the scripts that have capitals)
    names = len(_LANG_ITEM_RE.findall(line))
    if names < 8:
        return False
    rest = _LANG_ITEM_RE.sub(" ", line)
    return word_count(rest) <= names // 10 and sum(1 for _m in _endonym_matches(line)) >= 2


def _endonym_matches(text: str) -> Iterator[re.Match[str]]:
    """The languages' own names in ``text``, as whole words."""
    for m in _ENDONYM_RE.finditer(text):
        a, b = m.start(), m.end()
        if (a == 0 or not text[a - 1].isalnum()) and (b == len(text) or not text[b].isalnum()):
            yield m


def _endonyms(view: TextView, lines: Sequence[int]) -> int:
    """How many different languages' own names the lines hold."""
    return len({m.group(0).casefold() for i in lines for m in _endonym_matches(view.lines[i])})


@rule("GEN020", "language-picker", tags=["navigation"], stage="generic", scope="document", trigger=_LANG_TRIGGER)
def language_picker(view: TextView) -> Iterator[Hit]:
    """A language picker, flattened: the languages' names one a line (``English (Default)`` / ``Français`` /
    ``Deutsch`` …) or on one line (``Afrikaans Albanian Arabic … Deutsch …``), with its heading (``Language``,
    ``Sprache`` …) when it has one. Names come from data tables (``language_endonyms``, ``language_exonyms``).
    A picker lists languages in their own names: a run goes when it holds two of those (and three names, or a
    heading above), a line when it holds four names; so ``English`` and ``French`` in a list of subjects stay.

    A heading and one language, the page's current one, goes when a style chooser is over it, as in XenForo 1's
    footer (``Stile`` / ``Stile predefinito`` / ``Lingua`` / ``Italiano``).

    Example (removed)::

        Language
        English (Default)
        Français
        Deutsch
    """
    # every picker holds a language's own name: only the lines near one are looked at
    named = sorted({view.line_at(m.start()) for m in _endonym_matches(view.text)})
    if not named:
        return
    near: set[int] = set()
    for i in named:
        near.update(range(max(0, i - _PICKER_REACH), min(len(view), i + _PICKER_REACH + 1)))
    rows: list[int] = []
    for i in sorted(near):
        line = view.lines[i]
        if not view.is_live(i) or len(line) > 2000:
            continue
        if _LANG_LINE_RE.match(line) or (
            # a picker on one line may hold a name the tables lack (``Indonesia``, a script we do not list):
            # nine names in ten will do
            len(line) >= 40 and _one_line_picker(line)
        ):
            rows.append(i)
    runs: list[list[int]] = []
    for i in rows:  # lines of one picker: blank lines between them only
        if runs and all(not view.is_live(k) for k in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        names = sum(len(_LANG_ITEM_RE.findall(view.lines[i])) for i in run)
        above = next((k for k in range(run[0] - 1, max(-1, run[0] - 3), -1) if view.is_live(k)), None)
        head = above if above is not None and _LANG_HEAD_RE.match(view.lines[above]) else None
        endonyms = _endonyms(view, run)
        if (len(run) == 1 and names >= 4 and endonyms >= 2) or (
            len(run) >= 2 and endonyms >= 2 and (names >= 3 or head is not None)
        ) or (head is not None and endonyms >= 1 and names >= 2):
            yield Hit(run[0] if head is None else head, run[-1], "language picker")
        elif head is not None and endonyms >= 1 and len(run) == 1 and (style := _style_chooser(view, head)) is not None:
            # a footer's choosers, the current style and language under their headings (XenForo 1: ``Style`` /
            # ``Default Style`` / ``Language`` / ``English (US)``)
            yield Hit(style, run[-1], "style and language chooser")


def _style_chooser(view: TextView, head: int) -> int | None:
    """The line of the style chooser's heading over the language chooser's heading at ``head``, its current style
    between them (a short line), or None."""
    above = [k for k in range(head - 1, max(-1, head - 5), -1) if view.is_live(k)][:2]
    if len(above) < 2 or word_count(view.lines[above[0]]) > 4 or above[0] - above[1] > 2:
        return None
    return above[1] if _STYLE_HEAD_RE.match(view.lines[above[1]]) else None


def _phrase_words(concept: str) -> tuple[str, ...]:
    """The longest word of each phrase of ``concept``, lower-cased, without those holding another: a rule's
    trigger words when a line it takes holds one of the phrases (a post or page holding none skips the rule)."""
    words = list(
        dict.fromkeys(
            max(regex.split(r"\W+", regex.sub(r"\{\w+\}", " ", p)), key=len).lower() for p in phrase_list(concept)
        )
    )
    return tuple(w for w in words if not any(v != w and v in w for v in words))


# -- GEN031 ---------------------------------------------------------------------------------------------------

#: A thanker's name in a thanks list: up to three words, no sentence punctuation.
_THANKER = r"[\w@][\w.@'’-]{0,30}+(?:[ \t][\w.@'’-]{1,30}+){0,2}+"
_THANKS_LIST_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]*+)?(?P<head>{phrase_alt('thanks_list_heads')})[ \t]*+:[ \t]*+"
    rf"(?P<who>{_THANKER}(?:[ \t]*+,[ \t]*+{_THANKER}){{0,60}}+)[ \t]*$",
    regex.IGNORECASE,
)
_THANKS_HEAD_RE = lazy(rf"^[ \t]*+(?:[-•*][ \t]*+)?(?:{phrase_alt('thanks_list_heads')})[ \t]*+:[ \t]*$", regex.IGNORECASE)
_THANKS_WORDS = _phrase_words("thanks_list_heads")


@rule("GEN031", "thanks-list", tags=["reactions"], stage="generic", trigger=_THANKS_WORDS)
def thanks_list(view: TextView) -> Iterator[Hit]:
    """A thanks list under a post, in forum software without a pack: the list's head and the thankers' names
    (Kunena's ``The following user(s) said Thank You: Ann, Bob``; nine languages, table ``thanks_list_heads``), on
    one line or the head alone with the names on the next. It moves to ``post.reactions``.

    Example (removed)::

        The following user(s) said Thank You: tern, gannet
    """
    for i, line in view.iter_lines():
        if len(line) > 1200 or ":" not in line:
            continue
        if _THANKS_LIST_RE.match(line) is not None:
            yield Hit(i, i, "thanks list", {"post.reactions": line.strip()}, moved_to="reactions")
        elif _THANKS_HEAD_RE.match(line) is not None:
            nxt = view.first_live(i + 1)
            if nxt and nxt[0] <= i + 2:
                k = nxt[0]
                names = view.lines[k].strip()
                if regex.fullmatch(rf"{_THANKER}(?:[ \t]*+,[ \t]*+{_THANKER}){{0,60}}+", names):
                    joined = f"{line.strip()} {names}"
                    yield Hit(i, k, "thanks list, names on the next line", {"post.reactions": joined}, moved_to="reactions")


#: GEN015's trigger (the HTML door's bodies seldom keep a like counter: most pages skip the rule).
_LIKE_WORDS = _phrase_words("likes_count")


@rule("GEN015", "lone-like-count", tags=["reactions"], stage="generic", trigger=_LIKE_WORDS)
def lone_like_count(view: TextView) -> Iterator[Hit]:
    """A like counter standing alone under a post, in any engine: ``1 Like``, ``12 Likes`` (nine languages).

    Discourse, NodeBB and many themes print a post's like count under its text; an extractor that dropped
    every other sign of the engine leaves it as a paragraph of its own, so the engine's own rule (``DSC002``)
    never runs. Only a line that is just a count and the word, with blank lines (or the end) on both sides,
    goes, and not after a line ending in ``:`` (a list of figures). It moves to ``post.reactions``.

    Example (removed)::

        Thanks, that fixed it.

        1 Like
    """
    for i, m in whole_line_hits(view, _LIKE_COUNT_RE):
        if not _paragraph_alone(view, i):
            continue
        above = next((k for k in range(i - 1, max(-1, i - 9), -1) if view.is_live(k)), None)
        if above is not None and view.lines[above].rstrip().endswith(":"):
            continue
        yield Hit(i, i, "like counter", {"post.reactions": m.group(0).strip()}, moved_to="reactions")


#: An emoji (one shown as a picture by default, or any pictograph with the emoji variation selector).
_EMOJI = r"(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)(?:\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*"
#: A reaction and its count: a line of one to three emoji (as a list item or not), the next line a count.
_TALLY_RE = lazy(
    rf"^[ \t]*+(?:[-*+•][ \t]++)?(?P<emoji>(?:{_EMOJI}[ \t]*){{1,3}})\n[ \t]*+(?P<count>{COUNT})[ \t]*+$",
    regex.MULTILINE,
)


@rule("GEN016", "reaction-tally", tags=["reactions"], stage="structure", trigger=r"^[ \t]*+\d")
def reaction_tally(view: TextView) -> Iterator[Hit]:
    """Reaction counts under a post, each an emoji over its count (``👍`` / ``4``, ``🙏`` / ``1``), in any
    engine: XenForo themes and others print a reaction summary so, and whole-page converters keep each emoji and
    each count on a line of its own (the engine's reaction rules read ``Reactions:`` lists). Adjacent pairs go
    together and move to ``post.reactions`` (``👍 4, 🙏 1``). A text symbol that is no emoji by default (``♦``
    after a moderator's name) is not one.

    Example (removed)::

        👍
        4
        🙏
        1
    """
    run: list[tuple[int, int, str]] = []
    for first, last, m in view.finditer(_TALLY_RE):
        pair = (first, last, f"{''.join(m.group('emoji').split())} {m.group('count')}")
        if run and first != run[-1][1] + 1:
            yield _tally_hit(run)
            run = []
        run.append(pair)
    if run:
        yield _tally_hit(run)


def _tally_hit(run: list[tuple[int, int, str]]) -> Hit:
    return Hit(
        run[0][0],
        run[-1][1],
        "reaction counts",
        {"post.reactions": ", ".join(x[2] for x in run)},
        moved_to="reactions",
    )


_QUOTE_BLANK_RE = lazy(r"^[ \t]*+(?:>[ \t]*)+$")
#: A horizontal rule a text browser draws across the screen (lynx ``____…``, w3m ``━━━…``), longer than the
#: signature separators the engines' rules read (vBulletin's ``__________________``).
_DRAWN_RULE_RE = lazy(r"^[ \t]*+(?:_{41,}+|━{41,}+|─{41,}+)[ \t]*$", regex.MULTILINE)
_DRAWN_RULE_WORDS = ("_" * 41, "━" * 41, "─" * 41)


@rule("GEN032", "drawn-rule", tags=["whitespace"], stage="generic", scope="thread", trigger=_DRAWN_RULE_WORDS)
def drawn_rule(view: TextView) -> Iterator[Hit]:
    """A horizontal rule a text browser draws across the screen (lynx ``______…``, w3m ``━━━━━…``, 41
    characters or more: longer than the signature separators the engines' rules read), left in a post once every
    other rule has read the lines around it; it goes before the closing lines of the posts are compared
    (GEN008: a signature over the rule that parts the posts).

    Example (removed)::

        ________________________________________________________________________________
    """
    if not any_literal(view.text, _DRAWN_RULE_WORDS):
        return
    for first, last, _m in view.finditer(_DRAWN_RULE_RE):
        if first == last and view.is_live(first):
            yield Hit(first, last, "a drawn horizontal rule")


@rule("GEN011", "markup-only-line", tags=["whitespace"], stage="layout", scope="document")
def markup_only_line(view: TextView) -> Iterator[Hit]:
    """Lines with no words for a reader, only notation: a Markdown image, an empty link, a lone list bullet,
    emphasis markers around nothing, a horizontal rule (avatars, icon buttons, reaction emoji, flags).

    The text door shows the rules each line as a reader sees it (:mod:`postclean.layout`); these lines read
    as blank there, but are not. A blank line of a Markdown quote (``>``) is kept: it separates the quote's
    paragraphs.

    Example (removed)::

        [ ![harbour_hana](/data/avatars/m/7.jpg) ](/members/harbour-hana.7/)
        * __![Like](/styles/like.png)
    """
    source = view.source
    if source is None:
        return
    run: list[int] = []
    for i, line in enumerate(view.lines):
        src = source[i]
        if not line.strip() and not view.claimed[i] and src.strip() and not _QUOTE_BLANK_RE.match(src):
            if run and i != run[-1] + 1:
                yield Hit(run[0], run[-1], "markup without words")
                run = []
            run.append(i)
    if run:
        yield Hit(run[0], run[-1], "markup without words")


@rule("GEN014", "first-post-preview", tags=["duplicate"], stage="structure", scope="thread")
def first_post_preview(view: TextView) -> Iterator[Hit]:
    """A preview of the first post above the thread: its paragraphs again, before the first author block.

    Some hosted XenForo themes print the opening post's text in the page header (a teaser under the thread
    title) and then the post itself; a converter keeps both. The copy in the text before the first author
    block goes, and the post keeps its text (GEN002 does not take a post's every paragraph for a quote of that
    preview).

    Example (removed): a line of eight words or more before the first poster block that the first post repeats.
    """
    posts: tuple[tuple[int, int, str | None], ...] = view.context.get("posts") or ()
    if len(posts) < 2 or posts[0][2] is not None or posts[1][2] is None:
        return
    a0, b0, _ = posts[0]
    a1, b1, _ = posts[1]
    keys = {
        _norm(view.lines[i])
        for i in range(a1, b1 + 1)
        if view.is_live(i) and len(view.lines[i]) >= _MIN_KEY_CHARS
    }
    for i in range(a0, b0 + 1):
        line = view.lines[i]
        if view.is_live(i) and len(line) >= _MIN_KEY_CHARS and (key := _norm(line)) in keys and _long_key(key):
            yield Hit(i, i, "preview of the first post (the post repeats it below)")


_PUSH_HEAD_RE = lazy(
    rf"^[ \t]*+(?:{'|'.join(regex.escape(x) for x in phrases('push_help_heading'))})[ \t]*:?[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)
_PUSH_TRIGGER = tuple(p.lower() for p in phrases("push_help_heading"))
_BROWSERS = r"Chrome|Safari|Edge|Firefox|Opera|Brave|Samsung Internet|Vivaldi"
#: A browser's section heading (``Chrome (Android)``, ``Safari (iOS 16.4+)``) or the row of their names.
_BROWSER_HEAD_RE = lazy(
    rf"^[ \t]*+(?:(?:{_BROWSERS})(?:[ \t]*\([^()\n]{{1,30}}\))?|(?:{_BROWSERS})(?:[ \t]+(?:{_BROWSERS})){{1,7}}|close|Close)[ \t]*$"
)
#: A step under it: short, numbered or not (``1. Tap the lock icon next to the address bar.``).
_PUSH_STEP_RE = lazy(r"^[ \t]*+(?:\d{1,2}\.[ \t]+|[-•*][ \t]+)?[^\n]{3,90}$")


@rule("GEN021", "push-help", tags=["notice"], stage="generic", scope="document", trigger=_PUSH_TRIGGER)
def push_help(view: TextView) -> Iterator[Hit]:
    """A browser push-notification help panel: its heading, the browsers' names and each browser's steps.

    The panel must hold two browser sections at least; a section's steps are short lines (five at most).

    Example (removed)::

        Configure browser push notifications
        Chrome (Android)
        Tap the lock icon next to the address bar.
        Tap Permissions → Notifications.
        Safari (macOS)
        Go to Safari → Preferences.
    """
    n = len(view)
    done = -1  # the last line of the panel found last (a heading inside it opens no other)
    for i, _m in iter_line_matches(view, _PUSH_HEAD_RE):
        if i <= done:
            continue
        sections = 0
        steps = 0
        end = i
        j = i + 1
        while j < n:
            if not view.lines[j].strip() or view.claimed[j]:
                j += 1
                continue
            line = view.lines[j]
            if _PUSH_HEAD_RE.match(line):
                break  # the next panel's heading
            if _BROWSER_HEAD_RE.match(line):
                sections += "(" in line or line.strip().lower() != "close"
                steps = 0
            elif sections and steps < 5 and word_count(line) <= 14 and _PUSH_STEP_RE.match(line):
                steps += 1
            else:
                break
            end = j
            j += 1
        if sections >= 2:
            done = end
            yield Hit(i, end, "browser push-notification help")


# -- GEN022: comment bylines of link aggregators and comment systems --------------------------------------------

_AGO_WORDS = alternation("reddit_ago")
_BYLINE_WHEN = (
    rf"(?P<when>\d{{1,3}}[ \t]*(?:[^\W\d_]{{1,10}})\.?[ \t]+(?:{_AGO_WORDS})|(?:{_AGO_WORDS})[ \t]+\d{{1,3}}[ \t]*[^\W\d_]{{1,10}}\.?"
    rf"|on[ \t]+(?P<date>{DATE_RE.pattern}))"
)
#: The buttons that follow the date on the byline: ``| parent | next [–]`` (Hacker News), ``| link | flag``.
_BYLINE_TAIL = (
    r"(?:[ \t]*\|[ \t]*(?:parent|prev|next|root|context|link|flag|favorite|hide|past|edit|delete|reply|caches|"
    r"web|\d{1,6}[ \t]+comments?|on:[^\n|]{1,80}))*(?:[ \t]*\[[–+-]\])?"
)
#: A story's score before its byline: ``86 points by quillfeather 5 hours ago`` (Hacker News).
_BYLINE_SCORE = rf"(?:\d{{1,6}}[ \t]+(?:{alternation('reddit_points')})[ \t]+(?=by[ \t]))?"
#: A name of up to four words, only when a bullet parts it from the date (``Dan of the Hedgerow • 4 months ago``,
#: Disqus).
_BYLINE_USER = r"(?P<user>\w[\w.-]{1,38}(?:(?:[ \t]++\w[\w.'’-]{0,38}+){1,3}+(?=[ \t]*+[•·]))?+)"
_BYLINE_RE = lazy(
    rf"^[ \t]*+{_BYLINE_SCORE}(?:(?:via|by)[ \t]+)?(?:[\w.-]{{2,39}}[ \t]+avatar[ \t]+|avatar[ \t]+)?{_BYLINE_USER}"
    rf"(?:[ \t]+(?:edited|\(OP\)|OP))?(?:[ \t]*+[•·])?[ \t]+{_BYLINE_WHEN}"
    rf"{_BYLINE_TAIL}[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE | regex.VERSION1,
)
#: Words that stand before a relative date in prose or in other chrome (``about 3 years ago``, ``Edited 2 days
#: ago``): never the poster.
_NOT_A_USER = frozenset(
    (
        *("about", "over", "almost", "nearly", "around", "just", "only", "some", "since", "from", "last"),
        *("edited", "updated", "posted", "joined", "active", "seen", "replied", "commented", "created"),
        *("modified", "asked", "answered", "viewed", "submitted"),
    )
)
_SCORE_LINE_RE = lazy(r"^[ \t]*+[-+]?\d{1,5}[ \t]*$", regex.MULTILINE)
#: The ago words as words (a blank before, a blank or the line's end after): three of them at least before the line pattern runs (a count of literals costs
#: far less than the pattern's scan; in languages where the word is common, ``vor`` or ``fa``, the pattern runs).
_AGO_NEEDLES = tuple(f" {w.lower()}{end}" for w in phrases("reddit_ago") for end in (" ", "\n"))


@rule(
    "GEN022",
    "comment-byline",
    tags=["author-block", "post-meta"],
    stage="split",
    scope="document",
    trigger=tuple(w.lower() for w in phrases("reddit_ago")),
)
def comment_byline(view: TextView) -> Iterator[Hit]:
    """A comment's byline on a line of its own, on pages no engine pack reads: ``{user} 3 hours ago``, with the
    comment's score on the line above and the byline's buttons after the date.

    Link aggregators and comment systems (Lobsters, Hacker News and their clones) print each comment's score,
    its poster and its age over the text; flattened, that is a lone number over ``kkiri 1 year ago`` (or
    ``alice 3 hours ago | parent | next [–]``; with the avatar's alt text, ``kkiri avatar kkiri 1 year ago``). Three such bylines at least, each over text; they open the
    comments, the name moves to ``post.author``, the age to ``post.date_raw``.

    Example (removed)::

        12
        quillpen 2 years ago
    """
    if view.engine is not None:
        return
    low = view.text.lower() + "\n"
    # (a count of literals costs far less than the line pattern's scan; one pass counting the needles' overlapping
    # occurrences, at least the non-overlapping ones counted needle by needle, settles most texts)
    ac = _automaton(_AGO_NEEDLES)
    if ac is not None and len(ac.find_matches_as_indexes(low, overlapping=True)) < 3:
        return
    if sum(low.count(w) for w in _AGO_NEEDLES) < 3:
        return
    found: list[tuple[int, regex.Match[str]]] = []
    for i, m in iter_line_matches(view, _BYLINE_RE):
        if m.group("user").casefold() in _NOT_A_USER or m.group("user").isdigit():
            continue
        nxt = view.first_live(i + 1)
        if not nxt or nxt[0] > i + 3 or _BYLINE_RE.match(view.lines[nxt[0]]):
            continue
        found.append((i, m))
    split = list(_split_bylines(view)) if len(found) < 3 else []
    if len(found) + len(split) < 3:
        return
    yield from split
    for i, m in found:
        start = i
        above = next((k for k in (i - 1, i - 2) if k >= 0 and view.is_live(k)), None)  # the nearest line above
        if above is not None and _SCORE_LINE_RE.match(view.lines[above]):
            start = above
        facts: dict[str, object] = {"author.name": m.group("user")}
        if m.group("date"):
            facts.update(date_facts(m.group("date")))
        else:
            facts["post.date_raw"] = m.group("when").strip()
        yield Hit(start, i, "comment byline (score, poster, age)", facts, moved_to="author")


#: A byline broken over lines, one text node a line (bs4, selectolax): the age alone on its line under the name…
_AGE_ALONE_RE = lazy(
    rf"^[ \t]*+(?P<when>\d{{1,3}}[ \t]*[^\W\d_]{{1,10}}\.?[ \t]+(?:{_AGO_WORDS})"
    rf"|(?:{_AGO_WORDS})[ \t]+\d{{1,3}}[ \t]*[^\W\d_]{{1,10}}\.?)[ \t]*+$",
    regex.IGNORECASE,
)
#: … the name alone above it …
_HANDLE_ALONE_RE = lazy(r"^[ \t]*+(?P<user>\w[\w.-]{1,38})[ \t]*+$")
#: … and the byline's buttons under it, one a line (``|``, ``parent``, ``next``, ``[–]``, ``41 comments``).
_TAIL_ALONE_RE = lazy(
    r"^[ \t]*+(?:\||parent|prev|next|root|context|link|flag|favorite|hide|past|edit|delete|caches|web|"
    r"\d{1,6}[ \t]+comments?|\[[–+-]\])[ \t]*+$",
    regex.IGNORECASE,
)
#: A story's score and the ``by`` before the name (``86 points`` / ``by`` / ``quillfeather``).
_SCORE_ALONE_RE = lazy(rf"^[ \t]*+\d{{1,6}}[ \t]+(?:{alternation('reddit_points')})[ \t]*+$", regex.IGNORECASE)


def _split_bylines(view: TextView) -> Iterator[Hit]:
    """GEN022's bylines broken over lines: ``{user}`` / ``3 hours ago`` / ``|`` / ``parent`` / ``[–]`` (one
    button line at least), each over text; with a story's score above (``86 points`` / ``by``). Fewer than two:
    none."""
    hits: list[Hit] = []
    for i, line in view.iter_lines():
        if len(line) > 40 or not any(map(str.isdigit, line)):
            continue
        m = _AGE_ALONE_RE.match(line)
        above = view.first_live(max(0, i - 2), 2) if m else []
        if m is None or not above or above[0] >= i:
            continue
        k = above[0] if above[-1] >= i else above[-1]
        u = _HANDLE_ALONE_RE.match(view.lines[k])
        if u is None or u.group("user").casefold() in _NOT_A_USER or u.group("user").isdigit():
            continue
        start, end = k, i
        up = [x for x in range(max(0, k - 4), k) if view.is_live(x)]
        if up and view.lines[up[-1]].strip().casefold() == "by":
            start = up[-1]
            if len(up) > 1 and _SCORE_ALONE_RE.match(view.lines[up[-2]]):
                start = up[-2]
        while (nxt := view.first_live(end + 1)) and nxt[0] - end <= 2 and _TAIL_ALONE_RE.match(view.lines[nxt[0]]):
            end = nxt[0]
        if end == i:
            continue  # no button under the age: a name and a date in prose, as likely
        nxt = view.first_live(end + 1)
        if not nxt or nxt[0] - end > 2 or word_count(view.lines[nxt[0]]) < 4:
            continue  # the byline is over the comment's text
        facts: dict[str, object] = {"author.name": u.group("user"), "post.date_raw": m.group("when").strip()}
        hits.append(Hit(start, end, "comment byline broken over lines (poster, age, buttons)", facts, moved_to="author"))
    if len(hits) >= 2:
        yield from hits


# -- GEN027: toolbar lines that come again under every post ---------------------------------------------------

#: Every toolbar item (tables ``buttons``, ``post_controls``, ``toolbar_buttons``), casefolded.
_TOOLBAR_ITEMS = frozenset(
    " ".join(p.casefold().split())
    for c in ("buttons", "post_controls", "toolbar_buttons", "post_feedback_buttons")
    for p in phrases(c)
)
#: The labels of a count under each post (``518 helpful votes``, ``Reply 3``), casefolded: a line of one of them
#: and a count, before or after it, is keyed by the label alone (as ``2 Kudos`` is by ``kudos``).
_COUNT_LABELS = frozenset(" ".join(p.casefold().split()) for p in phrases("post_count_labels"))
_TOOLBAR_FIRST = frozenset(p.split()[0] for p in (*_TOOLBAR_ITEMS, *_COUNT_LABELS))
_TOOLBAR_MAX_WORDS = max(len(p.split()) for p in _TOOLBAR_ITEMS)
#: A line's leading count (``2 Kudos``) and the separators between items (``Reply | Quote``, ``Like • Share``).
_TOOLBAR_COUNT_RE = re.compile(r"^[+-]?\d{1,6}[kK]?[ \t]+")
#: A count as a word of its own (``3``, ``1,244``, ``2k``).
_COUNT_WORD_RE = re.compile(r"[+-]?\d{1,3}(?:[,.]\d{3})*[kK]?|[+-]?\d{1,6}[kK]?")
_TOOLBAR_SEPS = str.maketrans({c: " " for c in "|•·›»«‹"})
#: How often the same toolbar line must come: under three posts at least.
_TOOLBAR_MIN_REPEATS = 3


def _toolbar_key(line: str) -> str | None:
    """``line`` as a toolbar key (casefolded words, the count and separators dropped) when it is made only of
    toolbar items, else ``None``."""
    s = line.strip()
    if not s or len(s) > 80:
        return None
    words = s.casefold().translate(_TOOLBAR_SEPS).split()
    counted = len(words) >= 2 and (_COUNT_WORD_RE.fullmatch(words[0]) or _COUNT_WORD_RE.fullmatch(words[-1]))
    if counted:
        # (a count and its label, ``518 helpful votes``, ``Reply 3``: the label is the key, the counts vary)
        label = " ".join(words[1:] if _COUNT_WORD_RE.fullmatch(words[0]) else words[:-1])
        if label in _COUNT_LABELS:
            return label
    words = _TOOLBAR_COUNT_RE.sub("", s.casefold().translate(_TOOLBAR_SEPS), count=1).split()
    if words[:1] == ["(button)"]:
        words = words[1:]  # (lynx marks a button so)
    if len(words) > 2:
        # (a count between two items, ``Vote up 27 Vote down``: dropped, as a leading one is)
        words = [w for k, w in enumerate(words) if not (0 < k < len(words) - 1 and _COUNT_WORD_RE.fullmatch(w))]
    if not words or words[0] not in _TOOLBAR_FIRST or len(words) > 12:
        return None
    # (a segmentation into items; the items are a few words, the line a dozen at most)
    ok = [True] + [False] * len(words)
    for end in range(1, len(words) + 1):
        for k in range(max(0, end - _TOOLBAR_MAX_WORDS), end):
            if ok[k] and " ".join(words[k:end]) in _TOOLBAR_ITEMS:
                ok[end] = True
                break
    return " ".join(words) if ok[-1] else None


@rule(
    "GEN027",
    "repeated-toolbar",
    tags=["buttons"],
    stage="generic",
    scope="document",
    trigger=tuple(sorted(_TOOLBAR_FIRST)),
)
def repeated_toolbar(view: TextView) -> Iterator[Hit]:
    """A line made only of post toolbar items (``Options``, ``Mark as New``, ``IP Logged``, ``Quote Modify``,
    ``2 Kudos``, ``reply``) that comes again, the same, three times or more: the toolbar every post of a forum
    prints, on software no pack knows (Khoros, YaBB, Hacker News, GitHub Discussions).

    A single toolbar word on its line can be a reply of one word; the same line under three posts is chrome. The
    count before an item (``2 Kudos``, ``0 Kudos``) is not part of the comparison. Only on texts no engine pack
    reads; a row GEN003 takes is left to it.

    Example (removed, when it comes under three posts)::

        Mark as New
        IP Logged
    """
    if view.engine is not None:
        return  # (an engine's pack reads its own toolbars, and its other rules anchor blocks on them)
    keys: dict[str, list[int]] = {}
    for i, line in view.iter_lines():
        if len(line) > 90:
            continue
        key = _toolbar_key(line)
        # (a row GEN003 reads is GEN003's: other rules take it as the anchor of a block, a share widget's)
        if key is not None and not is_button_row(line):
            keys.setdefault(key, []).append(i)
    for at in keys.values():
        if len(at) >= _TOOLBAR_MIN_REPEATS:
            for i in at:
                yield Hit(i, i, "post toolbar, under every post")


# -- GEN028: post heads whose shape comes again ------------------------------------------------------------

#: A head's part before the date: a bullet, ``by`` (nine languages), the poster's name (one to three words), a
#: score or karma in brackets (``( 12345 )``), then a separator or ``on``, or a verb, a colon and ``on`` (``writes:
#: on``; not ``wrote:`` before the date, a quote's head).
_HEAD_PREFIX_RE = lazy(
    rf"^[ \t]*+(?:[•·*►▸‣–—-][ \t]*+)?(?:(?:{alternation('post_head_by')})(?:[ \t]*+:)?[ \t]++)?"
    rf"(?P<user>[^\W\d_][\w.'’-]{{0,38}}+(?:[ \t][^\W_][\w.'’-]{{0,38}}+){{0,2}}?)"
    rf"(?:[ \t]*+\([ \t]*+\d{{1,9}}+[ \t]*+\))?"
    rf"(?:[ \t]++[^\W\d_]\w{{0,15}}+[ \t]*+:[ \t]*+(?:{alternation('post_head_on')})(?!\w)"
    rf"|[ \t]*+(?:[|·•][ \t]*+)?(?<![^\s|·•])(?:{alternation('post_head_date_label')})[ \t]*+:"
    rf"|[ \t]*+(?:[•·|,–—-]|@|(?:{alternation('post_head_on')})(?!\w))?)[ \t]*+$",
    regex.IGNORECASE | regex.VERSION1,
)
#: A head's part after the date: a time after ``@``, the post's number (``(#6789)``, ``| #12``), one word.
_HEAD_SUFFIX_RE = lazy(
    r"^(?:[ \t]*+@[ \t]*+(?P<time>\d{1,2}:\d\d(?:[ \t]*+[ap]\.?m\.?)?+))?(?:[ \t]*+(?:[|·•][ \t]*+)?(?:\([ \t]*+#?\d{1,12}+[ \t]*+\)|#\d{1,12}+"
    rf"|(?:{alternation('post_head_number_label')})[ \t]*+#[ \t]?+(?P<num>\d{{1,12}}+)?))?"
    r"(?P<word>[ \t]++[^\W\d]\w{0,15}+)?[ \t]*+$",
    regex.IGNORECASE | regex.VERSION1,
)
_HEAD_NUMBER_RE = re.compile(r"\d+")
_HEAD_YEAR_RE = re.compile(r"\d{4}")
_HEAD_VERSION_RE = re.compile(r"\d\.\d")
#: Words that are not a poster's name: the head's own words.
_HEAD_NOT_USER = frozenset(
    w.casefold() for c in ("post_head_by", "post_head_on", "quote_posted_at") for p in phrases(c) for w in p.split()
) | _NOT_A_USER
#: Badges after the name (``Maintainer``), casefolded: dropped from it.
_HEAD_BADGES = frozenset(p.casefold() for p in phrases("post_head_badges"))
_HEAD_MAX_CHARS = 160
#: The last characters of a line that holds a head's name when the date is on the next line.
_HEAD_LINE_ENDS = frozenset("·•|–—@")
#: How often the same head shape must come, and by how many posters at least.
_HEAD_MIN_REPEATS = 3
_HEAD_MIN_POSTERS = 2


def _post_head(line: str, split: int | None = None) -> tuple[str, str, str] | None:
    """``(shape, user, date)`` when ``line`` is a post head (a name and a date, with a head's decoration only),
    else None. The shape is the line with the name, the date and the numbers replaced, casefolded. ``split``: the
    head was two lines joined at that index, the date must start on the second."""
    span = date_span(line)
    if span is None or (split is not None and span[0] <= split):
        return None
    at = line.find("@", span[0], span[1])
    if at > span[0]:
        span = (span[0], len(line[:at].rstrip()))  # (a time after ``@`` is the suffix's: the shape marks it)
    head = _HEAD_PREFIX_RE.match(line[: span[0]])
    tail = _HEAD_SUFFIX_RE.match(line[span[1] :])
    if head is None or tail is None:
        return None
    user = head.group("user")
    words = user.split()
    if any(w.casefold() in _HEAD_NOT_USER for w in words) or _HEAD_VERSION_RE.search(user):
        return None  # (``posted on``, ``发表于``: no name; ``Version 1.2 · …``: a release, not a poster)
    while len(words) > 1 and words[-1].casefold() in _HEAD_BADGES:
        words.pop()  # (``marchbank Maintainer``: the badge is no part of the name)
    rest = line[span[1] :]
    kept = rest[: tail.start("word")] if tail.group("word") else rest  # (the word after the date may vary)
    if tail.group("time"):
        kept = kept[: tail.start("time")] + "\0T" + kept[tail.end("time") :]
    shape = line[: head.start("user")] + "\0U" + line[head.end("user") : span[0]] + "\0D" + kept
    shape = " ".join(_HEAD_NUMBER_RE.sub("0", shape).casefold().split()) + ("\n" if split is not None else "")
    when = line[span[0] : span[1]]
    user = " ".join(words)
    return shape, user, f"{when} {tail.group('time')}" if tail.group("time") else when


#: A line of the poster's name after "by" alone (``by Ellery Vane``), under a head's date line.
_BY_NAME_LINE_RE = lazy(
    rf"^[ \t]*+(?:{alternation('post_head_by')})(?:[ \t]*+:)?[ \t]++[^\W\d_][^\n]{{0,60}}+$", regex.IGNORECASE
)
#: A post's subject on its label's line (``Title: Re: Barnacles``), as some heads print it over the name and date.
_SUBJECT_LINE_RE = lazy(rf"^[ \t]*+(?:{alternation('post_subject_labels')})[ \t]*+:[ \t]*+\S", regex.IGNORECASE)
#: A line that opens with a head's date label (``Date:``, ``Дата:``): the poster's name may be on the line above.
_DATE_LABEL_HEAD_RE = lazy(rf"^[ \t]*+(?:{alternation('post_head_date_label')})[ \t]*+:", regex.IGNORECASE)
_LONE_NUMBER_RE = lazy(r"^[ \t]*+\d{1,9}+[ \t]*+$")


_LONE_POST_NUMBER_RE = lazy(r"^[ \t]*+#\d{1,9}+[ \t]*+$")


def _number_below(view: TextView, i: int) -> int:
    """The last line of the head on line ``i``: the post's number on the next line when the head ends with ``#``
    (``Post #`` / ``3``: a converter that puts the number's link on a line of its own), or the number with its
    ``#`` alone on the next line (``#4``: Steam's reply number under the date), else ``i``."""
    nxt = view.first_live(i + 1)
    if not nxt or nxt[0] > i + 3:
        return i
    below = view.lines[nxt[0]]
    if view.lines[i].rstrip().endswith("#") and _LONE_NUMBER_RE.match(below):
        return nxt[0]
    if "#" in below and _LONE_POST_NUMBER_RE.match(below):
        return nxt[0]
    return i


#: A poster's profile line under a head (``Group: Members``, ``Posts: 145``, ``Status:`` with its value below).
_PROFILE_LINE_RE = lazy(
    rf"^[ \t]*+(?P<label>{label_alternation()}|{alternation('classic_stat_labels')}"
    rf"|{alternation('post_head_profile_labels')})[ \t]*+:[ \t]*+(?P<value>[^\n]{{0,60}}?)[ \t]*+$",
    regex.IGNORECASE | regex.VERSION1,
)
_PROFILE_MIN_LINES = 2


def _profile_below(view: TextView, j: int, name: str) -> tuple[int, dict[str, object]]:
    """The poster's profile under a head that ends on line ``j``: a user title line, then ``Label: value`` lines
    (the value may be on the next line), two at least. Its last line and its facts, or ``j`` and none."""
    nxt = view.first_live(j + 1, 2)
    if not nxt or nxt[0] > j + 3:
        return j, {}
    k, ranks = nxt[0], []
    first = view.lines[k].strip()
    if not _PROFILE_LINE_RE.match(first):
        if len(nxt) < 2 or nxt[1] > k + 3 or len(first) > 40 or word_count(first) > 4 or first[-1:] in ".!?:,;":
            return j, {}
        k, ranks = nxt[1], [first]
    pairs: list[tuple[str, str | None]] = []
    end = j
    while k < len(view) and view.is_live(k) and (m := _PROFILE_LINE_RE.match(view.lines[k])) is not None:
        value: str | None = m.group("value") or None
        end = k
        after = view.first_live(k + 1)
        if value is None and after and after[0] <= k + 2:
            below = view.lines[after[0]].strip()
            if len(below) <= 20 and word_count(below) <= 3 and below[-1:] not in ".!?" and not _PROFILE_LINE_RE.match(below):
                value, end = below, after[0]
                after = view.first_live(end + 1)
        pairs.append((" ".join(m.group("label").split()), value))
        if not after or after[0] > end + 3:
            break
        k = after[0]
    if len(pairs) < _PROFILE_MIN_LINES:
        return j, {}
    return end, poster_facts(name, ranks, tuple(pairs))


#: A flag under a head (``Official comment``), a bullet before it allowed.
_HEAD_FLAG_RE = lazy(rf"^[ \t]*+(?:[-•*+◦▪][ \t]*+)?(?:{alternation('post_head_flags')})[ \t]*+$", regex.IGNORECASE)
#: A date alone on its line, a list bullet before it (a head's date under the name: Zendesk, comment widgets).
_BARE_DATE_RE = lazy(rf"^[ \t]*+(?P<mark>[-•*+◦▪][ \t]*+)?(?P<date>{DATE_RE.pattern})[ \t]*+$", regex.IGNORECASE | regex.VERSION1)
#: The same with the forms the classic engines print too (``02-11-2013, 09:14 PM`` under the name in vBulletin's and
#: MyBB's archives): taken only right under the name (a user title between them is GEN030's head).
_BARE_CLASSIC_DATE_RE = lazy(rf"^[ \t]*+(?P<mark>[-•*+◦▪][ \t]*+)?(?P<date>{CLASSIC_DATE})[ \t]*+$", regex.IGNORECASE | regex.VERSION1)
_NAME_INITIAL_RE = lazy(r"(?<=\w[ \t])\p{Lu}\.$")
#: A badge after the name, as a phrase (``Team member``), longest first, casefolded with a blank before.
_HEAD_BADGE_ENDS = tuple(sorted((" " + b for b in _HEAD_BADGES), key=len, reverse=True))


def _name_over(view: TextView, i: int) -> tuple[int, str] | None:
    """``(line, name)`` of the poster's name on the live line right above the date line ``i`` (a blank line
    between allowed): a name (a link, bold or a bullet around it) with a badge after it dropped, or None."""
    up = _filled_above(view, i, 2)
    if up is None or not view.is_live(up) or len(view.lines[up]) > 200:
        return None
    line = view.lines[up]
    badge_line = line.strip().casefold() in _HEAD_BADGES
    if badge_line:
        # (the badge on a line of its own between the name and the date: ``marchbank`` / ``Maintainer``)
        up = _filled_above(view, up, 2)
        if up is None or not view.is_live(up) or len(view.lines[up]) > 200:
            return None
        line = view.lines[up]
    if date_span(line) is not None:
        return None
    line = line.rstrip()
    low = line.casefold()
    for badge in () if badge_line else _HEAD_BADGE_ENDS:
        if low.endswith(badge) and len(low) > len(badge):
            line = line[: len(line) - len(badge)].rstrip()
            break
    initial = _NAME_INITIAL_RE.search(line) is not None  # (``Philipp J.``: a surname's initial, its dot)
    name = _head_name(line[:-1] if initial else line)
    if name is None:
        return None
    if initial:
        name += "."
    if name.casefold() in _HEAD_NOT_USER or name.casefold() in _TITLES:
        return None
    return up, name


#: A thread list's count line (``Replies: 10``, ``+ Views: 1K``, or the label alone over its figure): a head over
#: one is a listed thread's starter and date (``Similar threads``, ``Hot threads``), not a post's head.
_LIST_COUNT_RE = lazy(
    rf"^[ \t]*+(?:[-*+•·◦▪][ \t]*+)?(?:{alternation('replies_count')}|{alternation('views_count')})"
    r"(?:[ \t]*+:?[ \t]*+(?P<n>\d[\d,.]*+[kKmM]?))?[ \t]*+$"
)
_FIGURE_LINE_RE = lazy(r"^[ \t]*+\d[\d,.]*+[kKmM]?[ \t]*+$")
#: Live lines under a head's date line looked at for a thread list's count line.
_LIST_COUNT_REACH = 4


def _over_list_counts(view: TextView, j: int) -> bool:
    """Whether a count line of a thread list (:data:`_LIST_COUNT_RE`, with its figure) follows line ``j`` within
    :data:`_LIST_COUNT_REACH` live lines."""
    near = view.first_live(j + 1, _LIST_COUNT_REACH + 1)
    for a, k in enumerate(near[:_LIST_COUNT_REACH]):
        m = _LIST_COUNT_RE.match(view.lines[k])
        # (a figure with it, or alone on the next line: a bare ``Reply`` is a button)
        if m is not None and (m.group("n") or (a + 1 < len(near) and _FIGURE_LINE_RE.match(view.lines[near[a + 1]]))):
            return True
    return False


@rule("GEN028", "repeated-post-head", tags=["author-block", "post-meta"], stage="split", scope="document")
def repeated_post_head(view: TextView) -> Iterator[Hit]:
    """A post's head on a line of its own, on pages no engine pack reads: the poster's name and the post's date
    with a head's decoration (``• by kestrel ( 12345 ) on Friday January 5, 2024 @09:12PM (#6789)``,
    ``kestrel · 03/05/2024 19:44``), whose shape comes again, over three posts at least, by two posters at least.

    The shape is the line once the name, the date and the numbers are replaced: a forum prints every head the same
    way, prose and release notes do not. The name moves to ``post.author``, the date to ``post.date``.

    Example (removed, when the shape comes three times)::

        kestrel · 03/05/2024 19:44
    """
    if view.engine is not None and view.context.get("split_heads", 1):
        return  # (an engine pack's text: unless its own rules found no post head, as on an archive page)
    text = view.text
    if len(_HEAD_YEAR_RE.findall(text)) < _HEAD_MIN_REPEATS:
        return
    groups: dict[str, list[tuple[int, int, str, str]]] = {}
    for i, line in view.iter_lines():
        if len(line) > _HEAD_MAX_CHARS and len(line.strip()) > _HEAD_MAX_CHARS:
            continue
        if _HEAD_YEAR_RE.search(line):
            found = _post_head(line.strip())
            if found is not None:
                groups.setdefault(found[0], []).append((i, _number_below(view, i), found[1], found[2]))
            elif _DATE_LABEL_HEAD_RE.match(line):
                up = _filled_above(view, i, 3)
                if up is not None and view.is_live(up) and len(view.lines[up].strip()) <= 60:
                    # (the name on the line above a ``Date: {date}`` line: ``kestrel`` / ``Date: 14.03.2017, 19:22``)
                    above = view.lines[up].strip()
                    found = _post_head(f"{above} {line.strip()}", split=len(above))
                    if found is not None:
                        groups.setdefault(found[0], []).append((up, _number_below(view, i), found[1], found[2]))
                        continue
                below = view.first_live(i + 1)
                if below and below[0] <= i + 2 and _BY_NAME_LINE_RE.match(view.lines[below[0]]):
                    # (the name under it after "by": ``Posted: Sun Jan 20, 2019 3:14 pm`` / ``by Ellery Vane``, phpBB's
                    # print view)
                    name_line = view.lines[below[0]].strip()
                    found = _post_head(f"{name_line} {line.strip()}")
                    if found is not None:
                        groups.setdefault(found[0], []).append((i, below[0], found[1], found[2]))
            elif (
                ((m := _BARE_DATE_RE.match(line)) is not None or (m := _BARE_CLASSIC_DATE_RE.match(line)) is not None)
                and (named := _name_over(view, i)) is not None
                and (m.re.pattern == _BARE_DATE_RE.pattern or named[0] == _filled_above(view, i, 2))
            ):
                # (the name on a line of its own over a date alone: ``Priya Dunmore`` / ``* September 04, 2023 13:22``)
                shape = f"\0U\n{m.group('mark') or ''}\0D"
                groups.setdefault(shape, []).append((named[0], _number_below(view, i), named[1], m.group("date")))
        elif line.rstrip()[-1:] in _HEAD_LINE_ENDS:
            # (the name and its separator on a line, the date on the next: ``kestrel ·`` / ``03/05/2024 19:44``)
            nxt = view.first_live(i + 1)
            if nxt and nxt[0] <= i + 2 and len(view.lines[nxt[0]]) <= _HEAD_MAX_CHARS:
                found = _post_head(f"{line.strip()} {view.lines[nxt[0]].strip()}", split=len(line.strip()))
                if found is not None:
                    groups.setdefault(found[0], []).append((i, _number_below(view, nxt[0]), found[1], found[2]))
    for heads in groups.values():
        # (the same poster and date again is a quote of that post, its head left in the reply)
        firsts: dict[tuple[str, str], tuple[int, int, str, str]] = {}
        for h in heads:
            firsts.setdefault((h[2], h[3]), h)
        heads = list(firsts.values())
        if len(heads) < _HEAD_MIN_REPEATS or len({u.casefold() for _, _, u, _ in heads}) < _HEAD_MIN_POSTERS:
            continue
        at = {i for i, _, _, _ in heads}
        # (a head over text: the next live line is no head of the same shape, for three of them at least)
        over_text = 0
        for _, j, _, _ in heads:
            nxt = view.first_live(j + 1)
            if nxt and nxt[0] <= j + 3 and nxt[0] not in at:
                over_text += 1
        if over_text < _HEAD_MIN_REPEATS:
            continue
        if 2 * sum(_over_list_counts(view, j) for _, j, _, _ in heads) >= len(heads):
            continue  # a list of threads (their starters, dates and reply counts): no posts
        for i, j, user, when in heads:
            end, profile = _profile_below(view, j, user)
            if end == j and (flag := view.first_live(j + 1)) and flag[0] <= j + 3 and _HEAD_FLAG_RE.match(view.lines[flag[0]]):
                end = flag[0]
            facts: dict[str, object] = {**profile, "author.name": user, **date_facts(when)}
            up = _filled_above(view, i, 2)
            if up is not None and view.is_live(up) and len(view.lines[up]) <= 300 and _SUBJECT_LINE_RE.match(view.lines[up]):
                i = up  # (the post's subject on its label's line over the head: ``Title: Re: …``)
            yield Hit(i, end, "post head (poster and date), the same shape over every post", facts, moved_to="author")


# -- GEN030: a name line over a user-title line, near the post's date ------------------------------------------

#: User titles printed under a poster's name by software without a text pack (nine languages), casefolded.
_TITLES = frozenset(p.casefold() for p in phrases("generic_user_titles"))
#: A name as a converter writes a profile link: ``[name](url)``, bold, a table cell's bar, a bullet before it.
_NAME_DECOR_RE = lazy(
    r"^[ \t|*•·-]*+(?:\[(?:\*\*)?(?P<link>[^\]\n*]{1,50}+)(?:\*\*)?\]\([^)\n]{0,300}+\)|(?P<plain>[^\n]{1,60}+))[ \t|]*+$"
)
_RANK_MAX_CHARS = 40
_NUMERIC_DATE_RE = lazy(r"(?<!\d)\d{1,4}+[-/.]\d{1,2}+[-/.]\d{2,4}+")
#: Lines between a head's title line and its date line (a banner, the post's subject).
_RANK_DATE_REACH = 4
_RANK_MIN_HEADS = 3


def _title_line(line: str) -> str | None:
    """The user title ``line`` holds, when it is one of ``generic_user_titles`` alone or ends with a rank word
    (``YaBB Newbies``, ``Senior Member``), else None."""
    s = line.strip()
    if s[:1] in "-•·" and s[1:2] in (" ", "\t"):
        s = s[2:]  # (a list item's bullet: one text node a list item)
    s = s.strip().strip("*_").strip()
    if not s or len(s) > _RANK_MAX_CHARS or s[-1:] in ".!?,;:" or word_count(s) > 3:
        return None
    low = s.casefold()
    if low in _TITLES or (low.split()[-1] in _TITLES and s[:1].isupper()):
        return s
    return None


def _head_name(line: str) -> str | None:
    """The poster's name on a head's name line (its link or bold undone), or None when it is no name."""
    m = _NAME_DECOR_RE.match(line)
    if m is None:
        return None
    name = (m.group("link") or m.group("plain") or "").strip().strip("*_").strip()
    if sum(c.isalpha() for c in name) < 2 or word_count(name) > 4 or not is_name_like(name) or _title_line(name) or date_span(name):
        return None
    return name


#: A line between a poster's name and user title: an online status or a badge (``Online``, ``Topic Author``).
_HEAD_BETWEEN_RE = lazy(
    rf"^[ \t]*+(?:[-*•·][ \t]*+)?(?:{alternation('classic_offline')}|{alternation('post_head_badges')}|{alternation('classic_topic_author')})[ \t]*+$",
    regex.IGNORECASE,
)
#: A head's age instead of its date, the post's number after it (``1 year 2 months ago #21044``).
_AGE_LINE_RE = lazy(rf"^[ \t]*+(?:\d{{1,3}}[ \t]++[^\W\d_]{{2,12}}[ \t]++)?(?:{RELATIVE_TIME})(?:[ \t]*+\#\d{{1,12}}+)?[ \t]*+$", regex.IGNORECASE)


def _short_date(view: TextView, k: int) -> dict[str, object] | None:
    """The post date on line ``k`` when it is a short line that holds one (a head's date line, or its age:
    ``1 year 2 months ago #21044``), else None."""
    line = view.original[k] if view.claimed[k] else view.lines[k]  # (another rule may have taken it)
    if len(line) > 100 or not any(c.isdigit() for c in line):
        return None
    span = date_span(line)
    if span is None:
        if _AGE_LINE_RE.match(line) is not None:
            return {"post.date_raw": line.strip()}
        m = _NUMERIC_DATE_RE.search(line)  # (``11-02-202309:14 AM``: a date and time run together)
        return None if m is None else {"post.date_raw": line.strip()}
    return {"post.date_raw": line[span[0] : span[1]].strip(), **_date_of(line[span[0] : span[1]])}


def _date_of(raw: str) -> dict[str, object]:
    d = parse_date(raw)
    return {} if d is None else {"post.date": d}


_POST_NUMBER_RE = lazy(r"^[ \t]*+#\d{1,9}+[ \t]*$")


def _filled_above(view: TextView, k: int, reach: int = 8) -> int | None:
    """The nearest line above line ``k`` that is not blank (taken by another rule or not), blank lines only
    between, within ``reach`` lines; else None."""
    for j in range(k - 1, max(-1, k - 1 - reach), -1):
        if (view.original[j] if view.claimed[j] else view.lines[j]).strip():
            return j
    return None


#: The longest line another rule took that may lie inside a head (an avatar's bullet, a ``More`` toggle).
_TAKEN_IN_HEAD_MAX_CHARS = 24


def _free_but_short(view: TextView, start: int, end: int) -> bool:
    """Whether every line in ``start..end`` that another rule took is a short one (:data:`_TAKEN_IN_HEAD_MAX_CHARS`,
    two words at most): markup or a toggle inside a head, not a block of chrome between two heads' parts."""
    return all(
        len(view.original[k].strip()) <= _TAKEN_IN_HEAD_MAX_CHARS and word_count(view.original[k]) <= 2
        for k in range(max(0, start), end + 1)
        if view.claimed[k]
    )


def _short_line(line: str) -> bool:
    s = line.strip()
    return len(s) <= 80 and s[-1:] not in ".!?:" and word_count(s) <= 10


@rule("GEN030", "ranked-poster-head", tags=["author-block"], stage="split", scope="document")
def ranked_poster_head(view: TextView) -> Iterator[Hit]:
    """A post head on pages no engine pack reads: the poster's name on a line, the user title under it
    (``Keymaster``, ``Participant``, ``Community Manager``: bbPress, Khoros, YaBB; nine languages), and the post's
    date on a short line right above the name or a few short lines below the title, over three posts at least,
    by two posters at least.

    The name moves to ``post.author`` with the title as its rank, the date to ``post.date``; a line between the
    title and the date (a banner, the post's subject) goes with the head. A title word in a sentence, or a name and
    title with no date beside them, stay.

    Example (removed, when the shape comes three times)::

        Wendeline Ashby
        Participant
    """
    if view.engine is not None:
        return
    heads: list[tuple[int, int, str, str, dict[str, object]]] = []
    for r, line in view.iter_lines():
        if len(line) > _RANK_MAX_CHARS + 8:
            continue
        title = _title_line(line)
        if title is None:
            continue
        above = [k for k in range(r - 1, max(-1, r - 8), -1) if view.is_live(k)][:4]
        while len(above) > 1 and _HEAD_BETWEEN_RE.match(view.lines[above[0]]):
            above.pop(0)  # (``Online`` / ``Topic Author`` between the name and the title: Kunena)
        if not above or not _free_but_short(view, above[0] + 1, r - 1):
            continue
        n = above[0]
        name = _head_name(view.lines[n])
        if name is None:
            continue
        first, end = n, r
        facts: dict[str, object] = {}
        # the date: on the line right above the name, or a few short lines below the title
        up = number = _filled_above(view, n)
        if up is not None and _POST_NUMBER_RE.match(view.lines[up]):
            up = _filled_above(view, up)  # (``{date}`` / ``#812``: the post's number on a line of its own)
        if up is not None and number is not None and (d := _short_date(view, up)) is not None:
            # the date and the number go with the head when no other rule took them
            first = up if view.free(up, n) else number if view.free(number, n) else n
            facts = d
        else:
            below = view.first_live(r + 1, _RANK_DATE_REACH)
            for j, k in enumerate(below):
                if k - (below[j - 1] if j else r) > 3:
                    break
                if (d := _short_date(view, k)) is not None:
                    if _free_but_short(view, r, k):
                        end, facts = k, d
                    break
                if not _short_line(view.lines[k]):
                    break
        if not facts or not _free_but_short(view, first, end) or view.claimed[first]:
            continue
        heads.append((first, end, name, title, facts))
    if len(heads) < _RANK_MIN_HEADS or len({h[2].casefold() for h in heads}) < 2:
        return
    for first, end, name, title, facts in heads:
        # (one hit a run of lines no other rule took: an avatar's bullet or a ``More`` toggle between is theirs)
        k = first
        while k <= end:
            stop = k
            while stop + 1 <= end and not view.claimed[stop + 1]:
                stop += 1
            if k == first:
                yield Hit(k, stop, "post head (name, user title, date)", {"author.name": name, "author.rank": title, **facts}, moved_to="author")
            else:
                yield Hit(k, stop, "post head (name, user title, date)")
            k = stop + 1
            while k <= end and view.claimed[k]:
                k += 1


# -- GEN023: counts under posts -------------------------------------------------------------------------------

_TRAILING_COUNT_RE = lazy(r"^[ \t]*+[+-]?\d{1,4}[ \t]*$", regex.MULTILINE)


@rule("GEN023", "trailing-count", tags=["reactions"], stage="generic", scope="thread", trigger=r"^[ \t]*+[+-]?\d{1,4}[ \t]*$")
def trailing_count(view: TextView) -> Iterator[Hit]:
    """A bare count as the last line of posts, in any engine: the reaction or vote count a theme prints under
    each post (``0``, ``3``, a reputation score ``+2``), left alone on its line once the extractor dropped its icon.

    A single post ending in a number proves nothing: three posts with authors must end so (themes print the
    count only when it is not zero), or two when they are a third of the posts. A post that holds nothing but
    the number keeps it, and so does one whose line above ends with a colon (``In summer:`` / ``4``).

    Example (removed, under three posts or more)::

        Thanks, that fixed it.

        3
    """
    posts: tuple[tuple[int, int, str | None], ...] = view.context.get("posts") or ()
    authored = [(a, b) for a, b, name in posts if name is not None]
    if len(authored) < 2:
        return
    found: list[int] = []
    for a, b in authored:
        live = view.live_indices(a, b + 1)
        if (
            len(live) >= 2
            and _TRAILING_COUNT_RE.match(view.lines[live[-1]])
            and not view.lines[live[-2]].rstrip().endswith(":")  # (a figure the line above announces)
        ):
            found.append(live[-1])
    if len(found) >= 3 or (len(found) == 2 and 3 * len(found) >= len(authored)):
        for i in found:
            yield Hit(i, i, "count under the post (reactions or votes)")


# -- GEN024: top posters widget -------------------------------------------------------------------------------

_POSTER_COUNT_RE = lazy(
    rf"^[ \t]*+(?P<name>[^\s\d][^\n]{{0,40}}?)[ \t]+\d[\d,.]*[kKmM]?[ \t]+"
    rf"(?:{alternation('replies_count')}|{alternation('posts_count')})[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)
_VIEW_ALL_RE = lazy(rf"^[ \t]*+(?:{alternation('view_all')})[ \t]*$", regex.IGNORECASE | regex.MULTILINE)
_COUNT_WORDS = tuple(dict.fromkeys(w.lower() for w in (*phrases("replies_count"), *phrases("posts_count"))))
_DATED_RE = lazy(r"\b(?:1[89]|20)\d\d\b")
_COUNT_END_SCAN = re.compile(
    rf"\d[kKmM]?[ \t]+(?:{'|'.join(map(re.escape, sorted(_COUNT_WORDS, key=len, reverse=True)))})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


@rule("GEN024", "top-posters", tags=["navigation"], scope="document", trigger=_COUNT_WORDS)
def top_posters(view: TextView) -> Iterator[Hit]:
    """A sidebar's list of the forum's top posters, one a line: ``{name} {N} Replies`` (nine languages), two
    lines at least next to each other, with the ``View All`` link right above them (table ``view_all``). A list
    of other topics printed the same way (``{title} 5 replies``) goes too.

    Example (removed)::

        View All
        quillpen 286 Replies
        marlin 239 Replies
    """
    # only the lines that end in a count and one of the words (the standard ``re`` scans for the digit: the
    # line pattern, tried on every line, cost several per cent of the text door's time)
    ends = {view.line_at(m.start()) for m in _COUNT_END_SCAN.finditer(view.text)}
    rows = []
    for i in sorted(ends):
        m = _POSTER_COUNT_RE.match(view.lines[i]) if view.is_live(i) else None
        if m is not None and word_count(m.group("name")) <= 4 and not _DATED_RE.search(m.group("name")):
            rows.append(i)  # (a day's count, ``Jun 14 2024 3 posts``: an engine's own statistics)
    runs: list[list[int]] = []
    for i in rows:
        if runs and _avatars_between(view, runs[-1][-1] + 1, i):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len(run) < 2:
            continue
        start = run[0]
        above = _live_above(view, run[0], 2, avatar=True)  # (the first row's avatar may stand between)
        if above is not None and _VIEW_ALL_RE.match(view.lines[above]):
            start = above
        yield Hit(start, run[-1], "list of posters (or topics) with their reply counts")
    # the same list with each name and its count on lines of their own (``Dougal`` / ``286 Replies``), right
    # under the ``View All`` link
    yield from _split_poster_rows(view, ends)


#: A member's avatar between the rows of a top-posters list: the first letter of the name (a default avatar),
#: or a text browser's image placeholder (``[IMG]``, ``[7603957]``).
_AVATAR_RE = lazy(r"^[ \t]*+(?:\p{Lu}|\[(?:IMG|\d{1,12})\])[ \t]*$")
_SPLIT_COUNT_RE = lazy(
    rf"^[ \t]*+\d[\d,.]*[kKmM]?[ \t]+(?:{alternation('replies_count')}|{alternation('posts_count')})[ \t]*$",
    regex.IGNORECASE,
)


def _live_above(view: TextView, i: int, reach: int = 3, avatar: bool = False) -> int | None:
    """The nearest live line above ``i`` within ``reach`` lines (skipping one avatar line when ``avatar``)."""
    k = next((k for k in range(i - 1, max(-1, i - 1 - reach), -1) if view.is_live(k)), None)
    if avatar and k is not None and _AVATAR_RE.match(view.lines[k]):
        return _live_above(view, k, reach)
    return k


def _avatars_between(view: TextView, a: int, b: int) -> bool:
    """Lines ``a`` to ``b - 1`` are blank or taken, but for at most one avatar line."""
    live = [k for k in range(a, b) if view.is_live(k)]
    return not live or (len(live) == 1 and _AVATAR_RE.match(view.lines[live[0]]) is not None)


def _split_poster_rows(view: TextView, ends: set[int]) -> Iterator[Hit]:
    """``View All``, then two or more names each over its own ``{N} Replies`` line."""
    runs: list[list[int]] = []  # each: [name, count, name, count, ...]
    for c in sorted(i for i in ends if view.is_live(i) and _SPLIT_COUNT_RE.match(view.lines[i])):
        n = _live_above(view, c, 12)
        if n is None or len(view.lines[n].strip()) > 40 or word_count(view.lines[n]) > 4:
            continue
        if _SPLIT_COUNT_RE.match(view.lines[n]) or _DATED_RE.search(view.lines[n]):
            continue
        if runs and _avatars_between(view, runs[-1][-1] + 1, n):
            runs[-1] += [n, c]
        else:
            runs.append([n, c])
    for run in runs:
        if len(run) < 4:
            continue
        above = _live_above(view, run[0], 12, avatar=True)
        if above is not None and _VIEW_ALL_RE.match(view.lines[above]):
            yield Hit(above, run[-1], "list of posters with their reply counts, each on two lines")


# -- GEN025: avatar letters -----------------------------------------------------------------------------------

_LETTER_LINE_RE = lazy(r"^[ \t]*+(?P<c>\p{Lu})[ \t]*$", regex.MULTILINE)


@rule("GEN025", "avatar-letter", tags=["author-block"], stage="generic", trigger=r"^[ \t]*+\p{Lu}[ \t]*$")
def avatar_letter(view: TextView) -> Iterator[Hit]:
    """A capital letter alone on its line over a line that starts with it: the default avatar of a member
    without a picture (the first letter of the name), left over a name, a list entry or a post's first line
    once the rules that read post heads have taken what they know.

    Example (removed)::

        J
        jeffinsgf
    """
    for i, m in whole_line_hits(view, _LETTER_LINE_RE):
        c = m.group("c")
        if c == "I" or i + 1 >= len(view):
            continue  # (the pronoun, alone in a verse or a dialogue)
        nxt = view.first_live(i + 1)
        if not nxt or nxt[0] > i + 2:
            continue
        first = view.lines[nxt[0]].split(maxsplit=1)
        if first and len(first[0]) >= 3 and first[0][:1].casefold() == c.casefold() and word_count(view.lines[nxt[0]]) <= 12:
            yield Hit(i, i, "avatar letter")


# -- GEN026: raw BBCode quotes --------------------------------------------------------------------------------

_BB_OPEN_RE = lazy(
    r"^[ \t]*+\[quote(?:[= ](?P<attrs>[^\]\n]{0,160}))?\](?P<rest>[^\n]*)$", regex.IGNORECASE | regex.MULTILINE
)
_BB_CLOSE_RE = lazy(r"^(?P<before>[^\n]*?)\[/quote\][ \t]*$", regex.IGNORECASE | regex.MULTILINE)
#: What follows the name in a quote tag's attribute: XenForo's ``, post: 12``, vBulletin's ``;12345``,
#: phpBB's `` post_id=… time=… user_id=…``.
_BB_NAME_END_RE = lazy(r"[,;]|(?<![ \t])[ \t]++(?:post_id|time|user_id|post|date|id)=", regex.IGNORECASE)


def _bb_author(attrs: str | None) -> str | None:
    """The quoted poster from a quote tag's attribute (``"alice, post: 12"``, ``alice;12345``,
    ``alice post_id=7``), None for a bare id (``quote=312679``)."""
    if not attrs:
        return None
    a = attrs.strip()
    if a.lower().startswith("quote="):
        a = a[6:]
    a = a.strip().strip("\"'“”")
    m = _BB_NAME_END_RE.search(a)
    name = (a[: m.start()] if m else a).strip().strip("\"'“”").strip()
    if not name or name.isdigit() or len(name) > 60:
        return None
    return name


@rule("GEN026", "bbcode-quote", tags=["quote"], stage="structure", trigger=("[quote", "[/quote]"))
def bbcode_quote(view: TextView) -> Iterator[Hit]:
    """A quote left as raw BBCode, in any engine: ``[quote="alice, post: 12"]`` … ``[/quote]`` on lines of their
    own (an extractor reading a post's source, an editor's preview, a board that failed to render it). The
    quoted text moves to ``post.quotes`` with the poster the tag names; a ``[/quote]`` alone, its opening tag
    lost, goes as markup.

    Example (removed)::

        [quote="quillpen, post: 12"]
        The ferry was late again.
        [/quote]
    """
    open_at: list[tuple[int, str | None, str]] = []
    for i, line in view.iter_lines():
        if "[" not in line:
            continue
        if (m := _BB_OPEN_RE.match(line)) is not None:
            rest = m.group("rest")
            close = _BB_CLOSE_RE.match(rest)
            if close is not None:  # the whole quote on one line
                yield Hit(
                    i,
                    i,
                    "BBCode quote",
                    {"quote": Quote(author=_bb_author(m.group("attrs")), text=close.group("before").strip())},
                    moved_to="quotes",
                )
                continue
            open_at.append((i, _bb_author(m.group("attrs")), rest.strip()))
        elif (c := _BB_CLOSE_RE.match(line)) is not None:
            if not open_at:
                if not c.group("before").strip():
                    yield Hit(i, i, "BBCode closing tag without its opening tag")
                continue
            start, author, first = open_at.pop()
            if open_at:
                continue  # a quote inside a quote: the outer one takes it whole
            body = [first] if first else []
            body += [view.lines[k].strip() for k in range(start + 1, i) if view.is_live(k)]
            if c.group("before").strip():
                body.append(c.group("before").strip())
            yield Hit(start, i, "BBCode quote", {"quote": Quote(author=author, text="\n".join(body))}, moved_to="quotes")


def _edit_note_alt() -> str:
    parts = []
    for p in sorted(phrase_list("post_edited_note"), key=len, reverse=True):
        esc = regex.escape(p).replace(r"\ ", r"[ \t]+")
        esc = esc.replace(r"\{user\}", r"[^\n:;()]{1,60}?", 1).replace(r"\{n\}", r"\d{1,4}", 1)
        esc = esc.replace(r"\{when\}", r"[^\n()]{0,40}?\d[^\n()]{0,12}?", 1)  # a date: its last digit near the end
        parts.append(esc)
    return "|".join(parts)


#: A whole line that is an edit note, a reason perhaps after it (``… aus folgendem Grund: Tippfehler``).
_EDIT_NOTE_RE = lazy(
    rf"^[ \t|]*+(?:[-*•+][ \t]++)?(?P<note>(?:{_edit_note_alt()})"
    rf"(?:[^\n:]{{0,30}}?(?:{alternation('classic_edit_reason')})[ \t]*+:[^\n]{{0,200}})?)[ \t.|]*$",
    regex.MULTILINE | regex.IGNORECASE,
)
_EDIT_NOTE_WORDS = _phrase_words("post_edited_note")
#: The words before the editor's name, alone on a line: the note printed one text node a line.
_EDIT_HEAD_RE = lazy(
    r"^[ \t|]*+(?:[-*•+][ \t]++)?(?:"
    + "|".join(
        dict.fromkeys(
            regex.escape(p.split("{user}")[0].strip()).replace(r"\ ", r"[ \t]+").replace(r"\{n\}", r"\d{1,4}")
            for p in phrase_list("post_edited_note")
        )
    )
    + r")[ \t]*$",
    regex.MULTILINE | regex.IGNORECASE,
)
#: How many lines after its head a note printed one text node a line may take.
_EDIT_NOTE_SPAN = 5
_CLASSIC_EDIT_HEAD_RE = lazy(
    rf"^[ \t|]*+(?:[-*•+][ \t]++)?(?:{alternation('classic_last_edited_by')}|{alternation('classic_last_edit')})\b",
    regex.IGNORECASE,
)


@rule("GEN029", "edit-note", tags=["edit-note"], stage="structure", trigger=_EDIT_NOTE_WORDS)
def edit_note(view: TextView) -> Iterator[Hit]:
    """An edit note on a line of its own, in the shapes of forum software without a pack (nine languages):
    ``This post has been edited by Name: 14 May 2013 - 10:40 AM`` (IP.Board 3), ``Dieser Beitrag wurde bereits
    1 Mal editiert, zuletzt von Name (12. März 2024 um 08:03)`` (WoltLab), ``Сообщение отредактировал Name -
    Среда, 15.03.2017, 08:52`` (uCoz). It moves to ``post.edit_note``.

    Example (removed)::

        This post has been edited by quillpen: 14 May 2013 - 10:40 AM
    """
    taken: set[int] = set()
    # (the classic engines' own notes, ``Last edited by … in total`` (phpBB), ``Last Edit: … by …`` (SMF), are
    # their packs' on a page one of them reads)
    theirs = _CLASSIC_EDIT_HEAD_RE if view.engine is not None else None
    for i, m in iter_line_matches(view, _EDIT_NOTE_RE):
        taken.add(i)
        if theirs is not None and theirs.match(view.lines[i]):
            continue
        yield Hit(i, i, "edit note", {"post.edit_note": m.group("note").strip()}, moved_to="edit_note")
    for i, _m in iter_line_matches(view, _EDIT_HEAD_RE):
        if i in taken or (theirs is not None and theirs.match(view.lines[i])):
            continue
        # the note one text node a line: the head, the name, the date (and its brackets) on lines of their own
        rows = [i]
        for k in range(i + 1, min(len(view), i + 1 + _EDIT_NOTE_SPAN)):
            if not view.lines[k].strip() or not view.is_live(k):
                break
            rows.append(k)
            joined = " ".join(view.lines[j].strip() for j in rows)
            whole = _EDIT_NOTE_RE.fullmatch(joined)
            if whole is not None:
                note = whole.group("note").strip()
                yield Hit(i, k, "edit note, one part a line", {"post.edit_note": note}, moved_to="edit_note")
                break


# -- GEN045: an imageboard's post head ------------------------------------------------------------------------

#: An imageboard post's date (Futaba, 4chan, Tinyboard, vichan): ``10/02/23 (Mon) 18:22:04``, ``10/02/23(Mon)18:22``.
_BOARD_DATE_RE = lazy(
    r"(?<![\d/])(?P<a>\d{2})/(?P<b>\d{2})/(?P<y>\d{2}(?:\d{2})?+)[ \t]*+\((?P<wd>[^\W\d_]{2,5}+)\.?\)[ \t]*+"
    r"(?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?+(?!\d)"
)
_BOARD_WEEKDAYS = frozenset(w for names in WEEKDAYS.values() for w in names if len(w) <= 5)
_BOARD_TRIGGER = tuple(sorted({f"({w})" for w in _BOARD_WEEKDAYS} | {f"({w}.)" for w in _BOARD_WEEKDAYS}))
_BOARD_ANONYMOUS = frozenset(p.casefold() for p in phrases("imageboard_anonymous"))
#: The pieces of a head after the date: the post's number (``No.51204``, its label and number maybe on lines of
#: their own), a link in brackets (``[Reply]``), a backlink to a later reply (``>>51230``), ``(OP)``.
_BOARD_TOKEN_RE = lazy(
    rf"(?:(?P<label>{alternation('imageboard_post_number')})[ \t]*+(?P<num>\d{{1,12}}+)?(?!\d)"
    r"|(?P<bare>\d{1,12}+)(?![\d\w])|\[[^\[\]\n]{1,24}+\]|\[\[[^\[\]\n]{1,24}+\]\]\([^()\s]{0,300}+\)"
    r"|>>(?P<back>\d{1,12}+)(?!\d)|\(OP\))"
)
#: A tripcode after the name or on a line of its own (``Tenon!!Fq8rT2mPz``).
_BOARD_TRIP_RE = lazy(r"!{1,3}+[A-Za-z0-9./+]{6,12}+$")
#: A line holding nothing but the board's delete checkbox and a name (lynx prints the box as ``[ ]``).
_BOARD_LEAD_RE = lazy(r"^[ \t]*+(?:\[[ xX]?\][ \t]*+)?")
_BOARD_MIN_HEADS = 2
#: Lines after the date line that the number and backlinks may take (one text node a line).
_BOARD_REACH = 8


def _board_tail(view: TextView, i: int, rest: str) -> tuple[int, int | None] | None:
    """The last line and the post number of a head whose date line ``i`` ends with ``rest``: the number, links
    in brackets and backlinks to later posts on that line and on whole lines after it. None when ``rest`` holds
    anything else."""
    num: int | None = None
    label = False
    end = i
    for k, s in [(i, rest), *((k, view.lines[k]) for k in view.first_live(i + 1, _BOARD_REACH))]:
        if k != i and k > end + 2:
            break
        pos, ok = 0, True
        while pos < len(s) and s[pos:].strip():
            while s[pos] in " \t":
                pos += 1  # (the blanks between the pieces)
            m = _BOARD_TOKEN_RE.match(s, pos)
            if m is None or m.end() == pos:
                ok = False
                break
            if m.group("label") is not None:
                label = True
                num = int(m.group("num")) if m.group("num") else num
            elif m.group("bare") is not None:
                if not label or num is not None:
                    ok = False
                    break
                num = int(m.group("bare"))
            elif m.group("back") is not None and k != i and (num is None or int(m.group("back")) <= num):
                ok = False  # (a link to an earlier post on a line of its own: the reply's first line)
                break
            pos = m.end()
        if not ok:
            if k == i:
                return None
            break
        end = k
    return end, num


def _board_name(view: TextView, i: int, prefix: str) -> tuple[int, str] | None:
    """``(first line, name)`` of the head whose date is on line ``i`` after ``prefix``: the name before the date
    (after the subject: a default name, or the last word of a long run), or on the line above (a tripcode line
    between allowed)."""
    prefix = prefix[_BOARD_LEAD_RE.match(prefix).end() :].strip()  # type: ignore[union-attr]
    start = i
    if not prefix:
        above = [k for k in range(max(0, i - 6), i) if view.is_live(k)][-2:]
        if not above:
            return None
        k = above[-1]
        line = view.lines[k].strip()
        if _BOARD_TRIP_RE.fullmatch(line) is not None and len(above) > 1:
            k = above[-2]
            line = view.lines[k].strip()
        prefix, start = line[_BOARD_LEAD_RE.match(line).end() :].strip(), k  # type: ignore[union-attr]
        if len(prefix) > 60 or word_count(prefix) > 4:
            return None
    trip = _BOARD_TRIP_RE.search(prefix)
    if trip is not None:
        prefix = prefix[: trip.start()].rstrip()
    words = prefix.split()
    if not words:
        return None
    if words[-1].casefold() in _BOARD_ANONYMOUS or len(words) > 3:
        words = words[-1:]  # (``Workbench from pallets Anonymous``: the subject, then the name)
    name = " ".join(words)
    if not is_name_like(name) or name[-1:] in ".!?:,;":
        return None
    return start, name


def _board_date(m: regex.Match[str]) -> dict[str, object]:
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    month, day = (a, b) if a <= 12 else (b, a)  # (month first, as the boards print it; day first when it must be)
    facts: dict[str, object] = {"post.date_raw": m.group(0)}
    with contextlib.suppress(ValueError):
        facts["post.date"] = dt.datetime(
            y + 2000 if y < 100 else y, month, day, int(m.group("h")), int(m.group("mi")), int(m.group("s") or 0)
        )
    return facts


@rule("GEN045", "imageboard-post-head", tags=["author-block", "post-meta"], stage="split", scope="document", trigger=_BOARD_TRIGGER)
def imageboard_post_head(view: TextView) -> Iterator[Hit]:
    """An imageboard's post head (Futaba, 4chan, Tinyboard, vichan and their kin), on pages no engine pack reads:
    the subject and the name (a tripcode after it), the date with its weekday in brackets, the post's number after
    its label (nine languages), a ``[Reply]`` link and the backlinks to later replies (``>>51230``), on one line
    or one piece a line. Two heads at least. The name moves to ``post.author``, the date to ``post.date``; a
    link to an earlier post on a line of its own under the head is the reply's first line and stays.

    Example (removed)::

        Anonymous 10/02/23 (Mon) 18:40:51 No.51207 >>51211
    """
    if view.engine is not None:
        return
    heads: list[tuple[int, int, str, dict[str, object]]] = []
    for i, _last, m in view.finditer(_BOARD_DATE_RE):
        if not view.is_live(i) or m.group("wd").casefold() not in _BOARD_WEEKDAYS:
            continue
        line = view.lines[i]
        at = m.start() - view.line_start(i)
        tail = _board_tail(view, i, line[at + len(m.group(0)) :])
        if tail is None or tail[1] is None:
            continue
        named = _board_name(view, i, line[:at])
        if named is None:
            continue
        heads.append((named[0], tail[0], named[1], _board_date(m)))
    if len(heads) < _BOARD_MIN_HEADS:
        return
    for start, end, name, when in heads:
        yield Hit(start, end, "imageboard post head (name, date, number)", {"author.name": name, **when}, moved_to="author")


# -- GEN046: a row of links in brackets -----------------------------------------------------------------------

#: A line of links in square brackets and nothing else (``[Return] [Go to top] [Catalog]``, ``[ b / diy / ck ]``).
_BRACKET_ROW_RE = lazy(r"^[ \t]*+\[(?P<first>[^\[\]\n]{1,40}+)\](?P<more>(?:[ \t]*+\[[^\[\]\n]{1,40}+\])*+)[ \t]*+$", regex.MULTILINE)
_BRACKET_ITEM_MAX_WORDS = 4
#: Lines of one link in brackets in a row (one text node a line) that make a menu.
_BRACKET_RUN_MIN = 3
_BRACKET_SLASHES_MIN = 2


#: An image's place as text browsers print it (``[IMG]``, ``[image]``) or its file name or hash as alt text
#: (``[img_3304_2]``, ``[167d23584b]``): a picture in the post, no link of a menu.
_BRACKET_IMAGE_RE = lazy(r"^(?:img|image|bild|imagen|immagine|imagem|afbeelding|obraz|изображение|[^\s\d_]*+[\d_]\S*+)$", regex.IGNORECASE)


def _bracket_items(m: regex.Match[str]) -> list[str] | None:
    """The labels of a bracketed row, or None when one is no link's label (a sentence, a tick box, a number, an
    image's marker)."""
    items = [m.group("first"), *regex.findall(r"\[([^\[\]\n]{1,40}+)\]", m.group("more"))]
    out: list[str] = []
    for item in items:
        label = item.strip()
        parts = [x.strip() for x in label.split(" / ")] if " / " in label else [label]
        if any(not x or x[-1:] in ".,;:!?" or word_count(x) > _BRACKET_ITEM_MAX_WORDS or not any(c.isalpha() for c in x) for x in parts):
            return None
        if _BRACKET_IMAGE_RE.match(label):
            return None
        out.append(label)
    return out


@rule("GEN046", "bracketed-link-row", tags=["navigation"], stage="generic", scope="document", trigger=("[",))
def bracketed_link_row(view: TextView) -> Iterator[Hit]:
    """A menu of links in square brackets, as boards and old forum software print it: two links or more on a
    line (``[Return] [Go to top] [Catalog] [Post a Reply]``), one link holding a list of boards (``[ b / diy / ck
    / out ]``), or one link a line three lines in a row (a converter that writes each link on a line of its own).
    The labels are short words, no sentence: ``[citation needed]`` in a post stays. Pages of unknown engines only.

    Example (removed)::

        [Return] [Go to top] [Catalog] [Post a Reply]
    """
    if view.engine is not None:
        return  # (an engine pack reads its own bracketed rows: a search box and its button)
    singles: list[int] = []
    for first, last, m in view.finditer(_BRACKET_ROW_RE):
        if first != last or not view.is_live(first):
            continue
        items = _bracket_items(m)
        if items is None:
            continue
        if len(items) >= 2 or items[0].count(" / ") >= _BRACKET_SLASHES_MIN:
            yield Hit(first, first, "row of links in brackets")
        else:
            singles.append(first)
    run: list[int] = []
    for i in [*singles, len(view.lines) + 10]:
        if run and (i - run[-1] > 2 or any(view.is_live(k) for k in range(run[-1] + 1, i))):
            if len(run) >= _BRACKET_RUN_MIN:
                for k in run:
                    yield Hit(k, k, "link in brackets, one of a menu")
            run = []
        run.append(i)


PACK = RulePack(
    name="generic",
    prefix="GEN",
    rules=(
        whitespace_line,
        repeated_line,
        button_row,
        mobile_signature,
        pagination,
        cookie_notice,
        attachment_name,
        drawn_rule,
        repeated_closing_lines,
        consent_panel,
        likes_summary,
        thanks_list,
        markup_only_line,
        lone_stat_block,
        inline_poster_block,
        quote_box_label,
        lone_like_count,
        reaction_tally,
        first_post_preview,
        page_script,
        ad_label,
        language_picker,
        push_help,
        comment_byline,
        repeated_post_head,
        ranked_poster_head,
        repeated_toolbar,
        trailing_count,
        top_posters,
        avatar_letter,
        bbcode_quote,
        edit_note,
        imageboard_post_head,
        bracketed_link_row,
    ),
    description="engine-independent chrome",
)

