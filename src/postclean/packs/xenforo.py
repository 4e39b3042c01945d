"""XenForo 1 and 2, text form: author blocks, quotes, reactions, edit notes, notices, thread header."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

import regex

from .._lazy import lazy
from ..dates import DATE_LINE_RE, DATE_RE, parse_date
from ..labels import label_field
from ..model import Quote
from ..phrases import alternation, phrases
from ..rules import Hit, RulePack, rule
from ..text import TextView, any_literal, search_lines, word_count
from ._classic import CLASSIC_DATE, copied_run, date_facts, glued_reply_quote, poster_hits
from ._common import (
    STAT_LINE_RE,
    LineHeads,
    after_block,
    find_stat_blocks,
    has_year,
    is_digit,
    is_name_like,
    is_rank_like,
    iter_line_matches,
    lines_with,
    look_back_for_poster,
    matches_at,
    poster_facts,
    starts_with_stat_label,
)
from ._modern import RELATIVE_TIME, is_handle_like
from .page import forum_stats_lines

__all__ = ["PACK"]

#: ``said`` in every language of :mod:`postclean.phrases`, followed by the colon (French puts a space before it).
_SAID = rf"(?:{alternation('said')})[ \t]?:"
#: The quote expander label (``Click to expand...``) in every language.
_EXPAND = rf"(?:{alternation('click_to_expand')}|Click to (?:expand|shrink|collapse)(?:\.\.\.|…)?)"
#: ``Last edited`` in every language.
_EDITED = rf"(?:{alternation('last_edited')})"
_SAID_WORDS = tuple(p.lower() for p in phrases("said"))
#: The last word of each ``said`` phrase: a line where a match of a pattern with :data:`_SAID` starts holds one
#: (see :func:`_said_matches`).
_SAID_NEEDLES = tuple(dict.fromkeys(p.split()[-1] for p in phrases("said")))
_EXPAND_WORDS = (*(p.lower().rstrip(".…") for p in phrases("click_to_expand")), "click to")
_EDITED_WORDS = tuple(p.lower() for p in phrases("last_edited"))

_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "i",
        "we",
        "you",
        "someone",
        "somebody",
        "everyone",
        "everybody",
        "nobody",
        "one",
        "who",
        "that",
        "this",
        "and",
        "then",
        "he'd",
    ]
)


@rule("XF001", "author-block", tags=["author-block"], stage="split", scope="document", fingerprint=False)
def author_block(view: TextView) -> Iterator[Hit]:
    """Poster block: name, user title, and stat label/value lines (``- Joined`` / ``- Nov 4, 2011`` …).

    XenForo prints the poster's name, user title and a ``dl.pairs`` list of stats beside every post; an
    extractor flattens it to one label or value per line, often as a Markdown list. The block opens each post,
    so it also splits a thread into posts. Its contents move to ``post.author``.

    Example (removed)::

        beijingwalker
        ELITE MEMBER
        - Joined
        - Nov 4, 2011
        - Messages
        - 65,195
    """
    stats: frozenset[int] | None = None
    for block in find_stat_blocks(view):
        if block.single:
            first, name, ranks = block.start, None, list[str]()
        else:
            first, name, ranks = look_back_for_poster(view, block.start)
            if name is not None and (split := _name_and_titles(name)) is not None:
                name, ranks = split[0], [*split[1], *ranks]
            elif (
                name is None
                and not ranks
                and (above := _line_above(view, block.start)) is not None
                and (split := _name_and_titles(view.lines[above])) is not None
            ):
                # XenForo 1's name and titles joined on one line, longer than a name (``1. Sophie_M Membre bien
                # connu Membre de l'équipe``)
                first, (name, ranks) = above, split
        if stats is None:
            stats = forum_stats_lines(view)
        if stats and any(k in stats for k in range(first, block.end + 1)):
            continue  # a forum-statistics block (``Threads`` / ``Members``): PAGE006 reads it
        if name is not None and (letter := _line_above(view, first)) is not None and _avatar_letter(view.lines[letter], name):
            first = letter  # the default avatar's letter over the name (``t`` / ``tessaly``)
        end, post_facts = after_block(view, block.end)
        facts = poster_facts(name, ranks, block.pairs)
        facts.update(post_facts)
        yield from poster_hits(view, first, end, "poster block: name, title and member stats", facts)


#: XenForo's default user titles and staff banner (casefolded, ``’`` written ``'``), and the most words one has.
_TITLES = frozenset(p.casefold().replace("’", "'") for p in phrases("xf_user_titles"))
_TITLE_MAX_WORDS = max(len(p.split()) for p in _TITLES) + 1  # a blank may split ``l'équipe``
_LIST_MARK_RE = lazy(r"^[ \t]*+(?:[-•*]|\d{1,4}\.)[ \t]+")


def _line_above(view: TextView, i: int) -> int | None:
    """The live line over line ``i``, blank lines between allowed (two at most)."""
    for k in range(i - 1, max(-1, i - 4), -1):
        if view.lines[k].strip():
            return k if view.is_live(k) else None
    return None


def _avatar_letter(line: str, name: str) -> bool:
    """Whether ``line`` is a default avatar's letter alone, the first letter of ``name`` (either case)."""
    s = line.strip()
    return len(s) == 1 and s.isalpha() and s.casefold() == name.strip()[:1].casefold()


def _name_and_titles(line: str) -> tuple[str, list[str]] | None:
    """A poster's name with XenForo's default user titles after it on one line (XenForo 1 prints them inline:
    ``Rosie_Hart Well-Known Member Staff Member``, a list item in layout-keeping converters): the name and the
    titles, or None when no known title ends the line or no name is left before them."""
    words = _LIST_MARK_RE.sub("", line, count=1).split()
    titles: list[str] = []
    while len(words) > 1 and len(titles) < 3:
        for n in range(min(_TITLE_MAX_WORDS, len(words) - 1), 0, -1):
            # (html2text writes ``Membre de l 'équipe`` in emphasis: a blank before the apostrophe)
            if " ".join(words[-n:]).casefold().replace("’", "'").replace(" '", "'") in _TITLES:
                titles.insert(0, " ".join(words[-n:]))
                del words[-n:]
                break
        else:
            break
    name = " ".join(words)
    if not titles or not is_name_like(name) or word_count(name) > 4:
        return None
    return name, titles


#: The expander may be glued to the quote's last line (``…the last words.Click to expand...``: converters that
#: drop the line break between block elements).
_QUOTE_BLOCK_RE = lazy(
    rf"^[ \t]*+(?P<name>[^\n]{{1,80}}?)[ \t]+{_SAID}[ \t]*(?:↑[ \t]*)?\n"
    rf"(?P<body>(?:(?![^\n]*{_EXPAND}[ \t]*$)[^\n]*\n){{0,500}}?)"
    rf"(?P<tail>[^\n]*?)[ \t]*{_EXPAND}[ \t]*$",
    regex.MULTILINE,
)
_EXPAND_ANY_RE = lazy(_EXPAND)
_QUOTE_HEADER_RE = lazy(
    rf"^[ \t]*+(?P<name>[^\n]{{1,60}}?)[ \t]+{_SAID}[ \t]*(?:↑[ \t]*)?$", regex.MULTILINE
)


def _said_matches(view: TextView, pattern: regex.Pattern[str]) -> Iterator[tuple[int, int, regex.Match[str]]]:
    """``view.finditer(pattern)`` for a line-anchored pattern whose match starts on a line holding a ``said``
    phrase (:data:`_SAID`, case-sensitive): only the lines holding the last word of one are tried (a scan tries
    the lazy name before the phrase at every character)."""
    return matches_at(view, pattern, lines_with(view, _SAID_NEEDLES))


def _plausible_name(name: str) -> bool:
    s = name.strip()
    if not s or len(s) > 60 or s.lower() in _PRONOUNS:
        return False
    if s[-1] in ".!?,;:" or s.count(" ") > 4:
        return False
    first = s.split()[0].lower()
    return first not in ("and", "but", "then", "so", "as", "because", "when", "if", "he", "she", "they")


@rule("XF002", "quote-block", tags=["quote"], stage="structure", trigger=_SAID_WORDS)
def quote_block(view: TextView) -> Iterator[Hit]:
    """Quoted post: ``Name said:`` … ``Click to expand...``; the quoted text moves to ``post.quotes``.

    XenForo quotes carry a title line (``{user} said:``) and, when long, an expander whose label an
    extractor keeps. The quoted text repeats an earlier post, so it leaves the body and is kept in
    ``post.quotes`` (``render(quotes="inline")`` puts it back).

    Example (removed)::

        Alice said:
        We tried that in 2019.
        Click to expand...
    """
    for first, last, m in view.finditer(_QUOTE_BLOCK_RE):
        name = m.group("name").strip()
        if not _plausible_name(name):
            continue
        split = _unmarked_quotes(view, first, last, name)
        if split is not None:
            yield from split
            continue
        lines = [*m.group("body").split("\n"), _EXPAND_ANY_RE.sub("", m.group("tail"))]
        text = "\n".join(line.strip() for line in lines if line.strip() and line.strip() != "↑")
        yield Hit(
            first,
            last,
            f"quote of {name}'s post",
            {"quote": Quote(author=name, text=text)},
            moved_to="quotes",
        )


def _quote_lines(view: TextView, start: int, end: int) -> str:
    lines = (view.lines[k].strip() for k in range(start, end + 1))
    return "\n".join(x for x in lines if x and x != "↑")


def _unmarked_quotes(view: TextView, first: int, last: int, name: str) -> list[Hit] | None:
    """The hits for a quote block (``first``…``last``, ending at an expander) that holds another quote's title
    line: the quotes before it lost their expander (short quotes have none; some extractors drop the line), so
    the block would take their replies too. Each such quote ends where its lines stop repeating text above
    (:func:`copied_run`); the reply after it stays. None (one block, as before) when a quote's copy is not
    found above (a quote of a post on another page) or no title line stands inside."""
    heads: list[tuple[int, str]] = [(first, name)]
    for k in range(first + 1, last):
        line = view.lines[k]
        if not any(x in line for x in _SAID_NEEDLES):
            continue
        h = _QUOTE_HEADER_RE.match(line)
        if h is not None and _plausible_name(h.group("name")):
            heads.append((k, h.group("name").strip()))
    if len(heads) == 1:
        return None
    hits: list[Hit] = []
    for (top, who), (nxt, _) in pairwise(heads):
        end = copied_run(view, top + 1, nxt)
        if end is None:
            return None
        hits.append(
            Hit(
                top,
                end,
                f"quote of {who}'s post (its end marker lost)",
                {"quote": Quote(author=who, text=_quote_lines(view, top + 1, end))},
                moved_to="quotes",
            )
        )
    top, who = heads[-1]
    tail = _EXPAND_ANY_RE.sub("", view.lines[last])
    text = "\n".join(x for x in (_quote_lines(view, top + 1, last - 1), tail.strip()) if x)
    hits.append(Hit(top, last, f"quote of {who}'s post", {"quote": Quote(author=who, text=text)}, moved_to="quotes"))
    return hits


@rule("XF003", "quote-header", tags=["quote"], stage="chrome", trigger=_SAID_WORDS)
def quote_header(view: TextView) -> Iterator[Hit]:
    """A lone ``Name said:`` title line of a quote whose footer the extractor dropped.

    Example (removed)::

        Bob said:

    Kept: ``And then he said:`` (a pronoun, ordinary prose).
    """
    for i, last, m in _said_matches(view, _QUOTE_HEADER_RE):
        if i != last:
            continue
        name = m.group("name").strip()
        if not _plausible_name(name) or not view.first_live(i + 1):
            continue
        tail = _expander_below(view, i)
        if tail is None:
            yield Hit(i, i, f"quote title line ({name})", moved_to=None)
            continue
        # the quote's text runs on under the title to an expander inside a line, the reply after it (a wrapped
        # text whose title line a poster block's cut left alone: ``… #4 Bob said:`` / ``Yes. Click to
        # expand... Thanks!``)
        k, cut = tail
        text = " ".join([*(view.lines[j].strip() for j in range(i + 1, k)), view.lines[k][: cut[0]].strip()])
        yield Hit(i, i, f"quote of {name}'s post", {"quote": Quote(author=name, text=text.strip())}, moved_to="quotes")
        if k > i + 1:
            yield Hit(i + 1, k - 1, f"quote of {name}'s post", moved_to="quotes")
        yield Hit(k, k, f"quote of {name}'s post", cols=(0, cut[1]), moved_to="quotes")


def _expander_below(view: TextView, i: int) -> tuple[int, tuple[int, int]] | None:
    """The line under the quote title line ``i`` (directly, lines of text between allowed, no blank line) where
    an expander label stands inside the line with the reply after it, and the label's columns (its end with the
    blanks after it): ``Yes, since May. Click to expand... Thanks!``. None when there is none."""
    for k in range(i + 1, min(len(view), i + 7)):
        line = view.lines[k]
        if not view.is_live(k) or any(x in line for x in _SAID_NEEDLES):
            return None
        if not any(x in line.lower() for x in _EXPAND_WORDS):
            continue
        m = _EXPAND_ANY_RE.search(line)
        if m is None or not line[: m.start()].strip() or not line[m.end() :].strip():
            return None  # (an expander alone, or ending the line: XF002 and XF004 read those)
        end = m.end()
        while end < len(line) and line[end] in " \t":
            end += 1
        return k, (m.start(), end)
    return None


_EXPANDER_RE = lazy(rf"^[ \t]*+{_EXPAND}[ \t]*$", regex.MULTILINE)


@rule("XF004", "quote-expander", tags=["quote", "buttons"], trigger=_EXPAND_WORDS)
def quote_expander(view: TextView) -> Iterator[Hit]:
    """``Click to expand...`` / ``Click to shrink...`` left over from a quote's expander.

    Example (removed)::

        Click to expand...
    """
    for i, _m in iter_line_matches(view, _EXPANDER_RE):
        yield Hit(i, i, "quote expander label")


#: The reaction icons' labels (``Like``, ``Love`` …) in every language: html-text writes them on the line of
#: the reactors (``Likes Reactions: alice``).
_REACTION_NAMES = rf"(?:{alternation('reaction_names')})"
_REACTIONS_LABEL = rf"(?:{alternation('reactions_label')})"
_REACTIONS_RE = lazy(
    rf"^[ \t\xa0]*+(?:{_REACTION_NAMES}[ \t\xa0]+)*{_REACTIONS_LABEL}[ \t\xa0]?:[ \t\xa0]*(?P<who>[^\n]*)$",
    regex.MULTILINE,
)
_REACTIONS_WORDS = tuple(f"{p.lower()}{sep}:" for p in phrases("reactions_label") for sep in ("", " "))
_REACTION_NAMES_RE = lazy(
    r"^[^,\n]{1,40}(?:,[ \t]*[^,\n]{1,40}){0,8}[ \t]+and[ \t]+(?:\d+[ \t]+others?|[^,\n]{1,40})$"
)
_REACTION_ICON_RE = lazy(rf"^[ \t]*+{_REACTION_NAMES}(?:[ \t]+{_REACTION_NAMES})*[ \t]*$")
_NAME = r"[^\s,][^,\n]{0,38}?"
_LIKES_TAIL = alternation("xf_likes_this")
_LIKES_LEAD = alternation("xf_likes_lead")
_AND = r"(?:and|und|et|y|e|en|i|и)"
#: XenForo 1's likes summary in every language: ``alice, bob and carol like this.``, ``A Marta le gusta esto.``
_LIKES_THIS_RE = lazy(
    rf"^[ \t]*+(?:(?:{_LIKES_LEAD})[ \t]+)?{_NAME}(?:,[ \t]+{_NAME}){{0,8}}"
    rf"(?:[ \t]+{_AND}[ \t]+(?:\d+[ \t]+(?:others?|\w+))?[ \t]*{_NAME})?[ \t]+(?:{_LIKES_TAIL})[ \t]*$",
    regex.MULTILINE,
)
_LIKES_LEAD_RE = lazy(rf"^[ \t]*+(?:{_LIKES_LEAD})[ \t]*$", regex.MULTILINE)
#: The summary's words after the names alone on a line (the names were links, one text node a line).
_LIKES_TAIL_RE = lazy(rf"^[ \t]*+(?:{_LIKES_TAIL})[ \t]*$", regex.MULTILINE)


#: A separator between reactors' names that one-node-per-line text puts on its own line.
_REACTOR_SEP_RE = lazy(r"^[ \t]*+(?:,|,?[ \t]*(?:and|und|et|y|e|en|i|и))[ \t]*$", regex.IGNORECASE)
_REACTOR_OTHERS_RE = lazy(
    r"^[ \t]*+,?[ \t]*(?:and|und|et|y|e|en|i|и)[ \t]+\d[\d,.]*[ \t]+\w+[ \t]*$", regex.IGNORECASE
)


def _reactor_list(s: str) -> bool:
    """``s`` (the line under a lone ``Reactions:``) reads as the reactors' names, not as text: a name list, or a
    few words, not ending a sentence (extractors that drop the names leave the next post's text there)."""
    if not s or len(s) > 200 or (s[-1] in ".!?" and word_count(s) > 3):  # (``Jim L.`` is a name)
        return False
    return _REACTION_NAMES_RE.match(s) is not None or (len(s) <= 60 and word_count(s) <= 4)


def _more_reactors(view: TextView, who: str, end: int) -> tuple[str, int]:
    """Extend a reactor list written one name per line (``alice`` / ``,`` / ``bob`` / ``and`` / ``carol``)."""
    parts = [who]
    for _ in range(20):
        nxt = view.first_live(end + 1)
        if not nxt or nxt[0] > end + 2:
            break
        line = view.lines[nxt[0]].strip()
        if _REACTOR_OTHERS_RE.match(line):
            parts.append(line)
            end = nxt[0]
            break
        if not _REACTOR_SEP_RE.match(line):
            break
        name = view.first_live(nxt[0] + 1)
        if not name or name[0] > nxt[0] + 2:
            break
        text = view.lines[name[0]].strip()
        if len(text) > 40 or word_count(text) > 4:
            break
        parts += [line, text]
        end = name[0]
    joined = " ".join(parts).replace(" ,", ",")
    return joined, end


@rule(
    "XF005",
    "reactions",
    tags=["reactions"],
    trigger=(*_REACTIONS_WORDS, "like this", *(p.lower() for p in phrases("xf_likes_this"))),
)
def reactions(view: TextView) -> Iterator[Hit]:
    """Reaction bar: ``Reactions:`` (in every language) and the names after it, and the reaction icon labels
    above it or before it on its line (``Likes Reactions: alice``).

    Example (removed)::

        Like
        Reactions:
        Alice, Bob and 3 others
    """
    for i, m in iter_line_matches(view, _REACTIONS_RE):
        start, end = i, i
        who = m.group("who").strip()
        if who and not (_REACTION_NAMES_RE.match(who) or (len(who) <= 60 and word_count(who) <= 4)):
            continue
        if not who:
            nxt = view.first_live(i + 1)
            if nxt and nxt[0] <= i + 2 and _reactor_list(view.lines[nxt[0]].strip()):
                who = view.lines[nxt[0]].strip()
                end = nxt[0]
                who, end = _more_reactors(view, who, end)
        prev = i - 1
        while (
            prev >= 0 and view.is_live(prev) and _REACTION_ICON_RE.match(view.lines[prev]) and i - prev <= 3
        ):
            start = prev
            prev -= 1
        yield Hit(start, end, "reactions bar", {"post.reactions": who or None}, moved_to="reactions")
    for i, _m in iter_line_matches(view, _LIKES_TAIL_RE):
        above = [k for k in range(i - 1, max(-1, i - 3), -1) if view.is_live(k)][:1]
        if not above:
            continue
        name = view.lines[above[0]].strip()
        if len(name) <= 40 and word_count(name) <= 4 and name[-1] not in ".!?:":
            start = above[0]
            lead = [k for k in range(start - 1, max(-1, start - 3), -1) if view.is_live(k)][:1]
            if lead and _LIKES_LEAD_RE.match(view.lines[lead[0]]):
                start = lead[0]
            yield Hit(start, i, "likes summary, names on lines of their own", {"post.reactions": name}, moved_to="reactions")
    if view.engine != "xenforo":
        return  # elsewhere GEN010 takes the stricter list forms ("My wife and I like this." is a sentence)
    for i, m in iter_line_matches(view, _LIKES_THIS_RE):
        if len(m.group(0)) <= 240:
            yield Hit(i, i, "likes summary", {"post.reactions": m.group(0).strip()}, moved_to="reactions")


_EDITED_RE = lazy(
    rf"^[ \t]*+{_EDITED}(?: (?:by|von|par|por|da|door|przez) (?P<by>[^:\n]{{1,60}}))?[ \t]?:[ \t]*(?P<when>[^\n]{{1,60}}?)[ \t]*$",
    regex.MULTILINE,
)


_EDITED_LABEL_RE = lazy(rf"^[ \t]*+{_EDITED}[ \t]?:[ \t]*$", regex.MULTILINE)

_EDITED_TAIL_RE = lazy(
    rf"(?<![ \t])[ \t]+{_EDITED}(?: (?:by|von|par|por|da|door|przez) [^:\n]{{1,60}})?[ \t]?:[ \t]*(?:{DATE_RE.pattern}|(?:Today|Yesterday)[ \t]+at[ \t]+\d{{1,2}}:\d{{2}}[ \t]*(?:[AP]M)?)[ \t]*$",
    regex.MULTILINE | regex.IGNORECASE | regex.VERSION1,
)


#: The note glued to the post's last sentence, and the likes summary glued to its date (trafilatura on XenForo
#: 1 drops the breaks between the message, the edit date and the likes): ``…at night.Last edited: May 19,
#: 2016Rosie_Hart likes this.``
_EDITED_GLUED_RE = lazy(
    rf"(?<=[.!?…)\"'»”])(?P<note>{_EDITED}[ \t]?:[ \t]*(?:{DATE_RE.pattern}))"
    rf"(?P<likes>(?:(?:{_LIKES_LEAD})[ \t]+)?{_NAME}(?:,[ \t]+{_NAME}){{0,8}}"
    rf"(?:[ \t]+{_AND}[ \t]+(?:\d+[ \t]+\w+[ \t]+)?{_NAME})?[ \t]+(?:{_LIKES_TAIL}))?[ \t]*$",
    regex.IGNORECASE | regex.VERSION1,
)


@rule("XF006", "edit-note", tags=["edit-note"], trigger=_EDITED_WORDS, fingerprint=False)
def edit_note(view: TextView) -> Iterator[Hit]:
    """``Last edited: {date}`` / ``Last edited by a moderator: {date}`` notes; move to ``post.edit_note``.

    Example (removed)::

        Last edited: Mar 3, 2024
    """
    low = view.text.lower()
    if not any(w in low for w in _EDITED_WORDS):
        return  # (the document holds one; most posts do not: the end-of-line pattern scans the whole post)
    whole: set[int] = set()
    for i, m in iter_line_matches(view, _EDITED_RE):
        if parse_date(m.group("when")) is None and not regex.search(r"\d", m.group("when")):
            continue
        whole.add(i)
        yield Hit(i, i, "edit note", {"post.edit_note": m.group(0).strip()}, moved_to="edit_note")
    for i, _m in iter_line_matches(view, _EDITED_LABEL_RE):
        # the label alone, its date on the next line (one text node a line: ``Zuletzt bearbeitet:`` / ``12. März 2015``)
        nxt = view.first_live(i + 1)
        if nxt and nxt[0] <= i + 2 and len(view.lines[nxt[0]]) <= 60 and parse_date(view.lines[nxt[0]].strip()):
            whole.add(i)
            note = f"{view.lines[i].strip()} {view.lines[nxt[0]].strip()}"
            yield Hit(i, nxt[0], "edit note", {"post.edit_note": note}, moved_to="edit_note")
        else:
            # (an extractor that drops <time> leaves the label alone)
            whole.add(i)
            yield Hit(i, i, "edit note without its date", {"post.edit_note": view.lines[i].strip()}, moved_to="edit_note")
    for i, line in view.iter_lines():
        if i in whole or not any(w in line.lower() for w in _EDITED_WORDS):
            continue
        for g in _EDITED_GLUED_RE.finditer(line):
            yield Hit(
                i, i, "edit note glued to the text", {"post.edit_note": g.group("note")},
                cols=g.span("note"), moved_to="edit_note",
            )
            if g.group("likes"):
                yield Hit(
                    i, i, "likes summary glued to the edit note", {"post.reactions": g.group("likes").strip()},
                    cols=(g.start("likes"), len(line.rstrip())), moved_to="reactions",
                )
            whole.add(i)
    for first, last, m in view.finditer(_EDITED_TAIL_RE):
        start = view.line_start(first)
        if first != last or first in whole or m.start() == start:
            continue
        note = m.group(0).strip()
        yield Hit(
            first,
            first,
            "edit note at the end of a line",
            {"post.edit_note": note},
            cols=(m.start() - start, m.end() - start),
            moved_to="edit_note",
        )


_NOTICES = (
    r"You must log in or register to reply here\.",
    r"You have insufficient privileges to reply here\.",
    r"You are using an out of date browser\. It\s+may not display this or other websites correctly\."
    r"(?:[ \t]*You should upgrade or use an alternative browser\.)?",
    r"You should upgrade or use an alternative browser\.",
    r"JavaScript is disabled\. For a better experience, please enable JavaScript in your browser before proceeding\.",
    r"This site uses cookies to help personalise content, tailor your experience and to keep you logged in if you register\.",
    r"By continuing to use this site, you are consenting to our use of cookies\.",
    r"This message is awaiting moderator approval, and is invisible to normal visitors\.",
    r"This message has been removed from public view\.",
    r"You are ignoring content by this member\.(?:\s*Show ignored content)?",
    r"Show ignored content",
    r"Users who are viewing this thread",
    r"Total: \d+ \(members: \d+, guests: \d+\)",
    r"Not open for further replies\.",
    r"Status",
    r"Last edited:",
    r"Join to see EXIF info for this image \(if available\)",
    r"A forum community dedicated to [^\n]{1,300}\. Come join the discussion about [^\n]{1,600}",
    r"Community platform by XenForo® © 2010-\d{4} XenForo Ltd\.[^\n]*",
    r"Forum software by XenForo(?:®|™)? ©\s?2010-\d{4} XenForo Ltd\.[^\n]*",
    # XenForo 2 default template: the install-as-app overlay, search menu, share bar
    r"Follow along with the video below to see how to install our site as a web app on your home screen\.",
    r"Note:? This feature (?:may|might) not be available in some browsers\.",
    r"How to install the app on (?:iOS|Android)",
    r"Everywhere Threads This forum This thread",
    r"Search (?:titles only|Advanced search…|Advanced…)",
    r"By:",
    r"Insert quotes…?",
    r"Post reply",
    r"Style variation",
    r"System Light Dark",
    # XenForo on VerticalScope's Fora platform (a few hundred forums)
    r"Add to quote",
    r"Jump to Latest",
    r"See less See more",
    r"Sort by (?:Oldest|Newest) first",
    r"Oldest first Newest first Most reactions",
    # the same sort menu with each entry on its own line (converters that print every element apart); its
    # ``Sort by`` label goes with it (see :func:`notice`)
    r"Oldest first",
    r"Newest first",
    r"Most reactions",
    r"Get the Fora App",
    r"The Fora platform includes forum software by XenForo\.",
    r"[\d.,]+[KkM]? views [\d,]+ repl(?:y|ies) [\d,]+ participants?(?: last post by[^\n]{1,80})?",
    r"[^\n]{1,60} Forums? banner",
    r"in this thread in this sub-forum in the entire site",
    r"Explore Our Forums",
    r"(?:Full )?Forum Listing",
    r"Top Contributors this Month",
    r"VerticalScope Inc\., [^\n]{1,120}",
    r"\d+[ \t\xa0]++Reply",
)
_NOTICE_RE = lazy(
    r"^[ \t]*+(?:[-•][ \t]*)?(?:" + "|".join(_NOTICES) + r")[ \t]*$", regex.MULTILINE | regex.IGNORECASE
)


#: The literal starts of the :data:`_NOTICES` (keep in step): a notice line starts with one of them, a digit (view
#: and reply counts) or holds ``banner`` (the Fora banner alt text).
_NOTICE_HEADS = LineHeads(
    (
        "you ",
        "javascript is disabled",
        "this site uses",
        "by continuing",
        "this message",
        "show ignored",
        "users who are",
        "total:",
        "not open",
        "status",
        "last edited:",
        "join to see",
        "a forum community",
        "community platform",
        "forum software",
        "follow along",
        "post reply",
        "note",
        "how to install",
        "everywhere threads",
        "search ",
        "by:",
        "insert quotes",
        "style variation",
        "system light",
        "add to quote",
        "jump to latest",
        "see less",
        "sort by ",
        "oldest first",
        "newest first",
        "most reactions",
        "get the fora",
        "the fora platform",
        ".",
        ",",
        "in this thread",
        "explore our forums",
        "full forum",
        "forum listing",
        "top contributors",
        "verticalscope inc",
    ),
    bullets="-•",
    digits=True,
    first_word=False,
)
_BANNER_RE = lazy("banner", regex.IGNORECASE)
#: An entry of the Fora sort menu on its own line, and the menu's label (kept step with :data:`_NOTICES`).
_SORT_ENTRY_RE = lazy(r"^[ \t]*+(?:[-•][ \t]*)?(?:Oldest|Newest) first[ \t]*$", regex.IGNORECASE)
_SORT_LABEL_RE = lazy(r"^[ \t]*+(?:[-•][ \t]*)?Sort by[ \t]*$", regex.IGNORECASE)


@rule("XF007", "notice", tags=["notice", "navigation"], in_html=True)
def notice(view: TextView) -> Iterator[Hit]:
    """Fixed XenForo notices: login prompt, outdated-browser and cookie notices, moderation notices, credits.

    Example (removed)::

        You must log in or register to reply here.
    """
    starts = _NOTICE_HEADS.lines(view)
    banners = {view.line_at(m.start()) for m in _BANNER_RE.finditer(view.text)}
    if banners:
        starts = sorted({*starts, *banners})
    for i, last, _m in matches_at(view, _NOTICE_RE, starts):
        if i == last:
            yield Hit(i, i, "forum notice")
            if _SORT_ENTRY_RE.match(view.lines[i]):
                # the sort menu's label on the live line above: ``Sort by`` alone
                j = i - 1
                while j >= 0 and not view.lines[j].strip():
                    j -= 1
                if j >= 0 and i - j <= 4 and _SORT_LABEL_RE.match(view.lines[j]):
                    yield Hit(j, j, "forum notice")


#: The thread header's labels in every language (tables ``xf_thread_starter``, ``xf_start_date``, ``xf_tags``).
_STARTER = rf"(?:{alternation('xf_thread_starter')})"
_START_DATE = rf"(?:{alternation('xf_start_date')})"
_STARTER_RE = lazy(
    # (the label may come twice: a screen-reader label, then the visible one)
    rf"^[ \t]*+(?:[-•][ \t]*)?{_STARTER}[ \t]*(?:{_STARTER}(?:[ \t]+|$))?(?P<who>[^\n]{{0,80}}?)"
    rf"(?:[ \t]+(?:[-•][ \t]*)?{_START_DATE}[ \t]*(?:{_START_DATE}(?:[ \t]+|$))?(?P<when>[^\n]{{0,60}}?))?[ \t]*$",
    regex.MULTILINE,
)
_STARTER_ALONE_RE = lazy(rf"^[ \t]*+(?:[-•][ \t]*)?{_STARTER}[ \t]*$")
_START_DATE_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?P<label>{_START_DATE}|{alternation('xf_tags')})[ \t]*(?P<val>[^\n]{{0,80}}?)[ \t]*$",
    regex.MULTILINE,
)
_START_DATE_LABEL_RE = lazy(rf"^{_START_DATE}$")


_HEADER_TRIGGER = tuple(
    dict.fromkeys(p.lower() for c in ("xf_thread_starter", "xf_start_date", "xf_tags") for p in phrases(c))
)


@rule("XF008", "thread-header", tags=["post-meta", "navigation"], scope="document", trigger=_HEADER_TRIGGER)
def thread_header(view: TextView) -> Iterator[Hit]:
    """``Thread starter {user}`` / ``Start date {date}`` lines of the thread header; the starter is kept.

    Example (removed)::

        - Thread starter Alice
        - Start date Jan 5, 2024
    """
    starters = 0
    after = -1  # the last line taken by the previous header
    for i, m in iter_line_matches(view, _STARTER_RE):
        if i <= after:
            continue
        starters += 1
        who = m.group("who").strip() or None
        if who is None:
            # the name on the next line; the label may stand twice (``Thread starter`` / ``Thread starter``)
            k = i + 1
            if k < len(view) and view.is_live(k) and _STARTER_ALONE_RE.match(view.lines[k]):
                k += 1
            elif k < len(view) and view.is_live(k) and (nm := _STARTER_RE.match(view.lines[k])) and nm.group("who"):
                yield Hit(i, i, "thread header")  # the label, then label and name (``Thread starter {user}``)
                continue
            if (
                k < len(view)
                and view.is_live(k)
                and len(view.lines[k]) <= 60
                and not _START_DATE_RE.match(view.lines[k])
            ):
                who = view.lines[k].strip().lstrip("-• ")
                after = k
                yield Hit(i, k, "thread header", {"doc.starter": who}, moved_to="starter")
                continue
        yield Hit(i, i, "thread header", {"doc.starter": who}, moved_to="starter")
    for i, m in iter_line_matches(view, _START_DATE_RE):
        # ``Tags`` (alone or with tag names) and a bare ``Start date`` are everyday words elsewhere (NodeBB
        # prints ``Tags`` too): only beside a thread-starter line or in text sniffed as XenForo.
        if (
            starters
            or view.engine == "xenforo"
            or (_START_DATE_LABEL_RE.match(m.group("label")) and DATE_RE.search(m.group("val")))
        ):
            label_only = _START_DATE_LABEL_RE.match(m.group("label")) is not None and not m.group("val")
            started = m.group("val") if _START_DATE_LABEL_RE.match(m.group("label")) else ""
            if label_only and i <= after:
                continue  # (the screen-reader label the visible one repeats, already taken with its value)
            if label_only and (val := _start_date_value(view, i)) is not None:
                # the value on a line of its own, under the label (or under the label said twice)
                after = val
                yield Hit(i, val, "thread header", {"doc.started": view.lines[val].strip()})
                continue
            yield Hit(i, i, "thread header", {"doc.started": started} if started else {})
            # an add-on's view count under the start date (``Views : 7,909``)
            nxt = view.first_live(i + 1)
            if nxt and nxt[0] <= i + 2 and _HEADER_VIEWS_RE.match(view.lines[nxt[0]]):
                yield Hit(nxt[0], nxt[0], "thread header (views)")


def _start_date_value(view: TextView, i: int) -> int | None:
    """The line of the date a bare ``Start date`` label at ``i`` stands over (the next live line, or the one
    after the label said again), or ``None``."""
    nxt = view.first_live(i + 1)
    if nxt and nxt[0] <= i + 4 and _START_DATE_LABEL_RE.match(view.lines[nxt[0]].strip(" \t-•")):
        nxt = view.first_live(nxt[0] + 1)
    if nxt and nxt[0] <= i + 8 and DATE_LINE_RE.match(view.lines[nxt[0]]):
        return nxt[0]
    return None


_HEADER_VIEWS_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]*)?(?:{alternation('views_count')})[ \t]*:?[ \t]*\d[\d.,]*[KkM]?[ \t]*$", regex.IGNORECASE
)


#: XenForo 1's thread description under the title, in every language (tables ``xf_discussion_in``,
#: ``xf_started_by``): ``Discussion in 'Vegetables' started by Rosie, May 18, 2016.`` (the forum's name in the
#: language's quotes, ``„…“``, ``« … »``; a converter may put a blank before the final full stop).
_DESC_RE = lazy(
    rf"^[ \t]*+(?:{alternation('xf_discussion_in')})[ \t]*+[\"'‘’‚„“”«»]?[ \t]*+(?P<forum>[^\n]{{1,100}}?)[ \t]*"
    rf"[\"'‘’„“”«»]?[ \t]*,?[ \t]+(?:{alternation('xf_started_by')})[ \t]+(?P<who>[^,\n]{{1,60}}?)[ \t]*,"
    rf"[ \t]*(?P<when>[^\n]{{1,60}}?)[ \t]*\.?[ \t]*$",
    regex.MULTILINE,
)
#: The description's first line when a converter broke it up: the label and the opening quote at most.
_DESC_HEAD_RE = lazy(rf"^[ \t]*+(?:{alternation('xf_discussion_in')})[ \t]*+[\"'‘’‚„“”«»]?[ \t]*$")
_DESC_TRIGGER = tuple(dict.fromkeys(p.lower() for p in phrases("xf_discussion_in")))
_DESC_WORDS = tuple(dict.fromkeys(phrases("xf_discussion_in")))
#: The thread's watch link, alone on its line (a list item in some converters).
_WATCH_RE = lazy(rf"^[ \t]*+(?:[-•*][ \t]*)?(?:{alternation('xf_watch_thread')})[ \t]*$", regex.MULTILINE)
_WATCH_WORDS = tuple(dict.fromkeys(p.lower() for p in phrases("xf_watch_thread")))


#: How many lines a converter that prints each element of the description apart (the forum's link, the
#: starter's link, the date) spreads it over, at most.
_DESC_SPREAD = 10


def _descriptions(view: TextView) -> Iterator[tuple[int, int, regex.Match[str]]]:
    """The thread descriptions: ``(first line, last line, match)``, on one line or spread over several (bs4
    prints ``Discussion in '`` / ``Vegetables`` / ``' started by`` / ``Rosie`` / ``,`` / ``May 18, 2016`` /
    ``.``), read joined by blanks."""
    heads: set[int] = set()
    for word in _DESC_WORDS:
        at = view.text.find(word)
        while at >= 0:
            heads.add(view.line_at(at))
            at = view.text.find(word, at + len(word))
    for i in sorted(heads):
        line = view.lines[i]
        if not view.is_live(i):
            continue
        m = _DESC_RE.match(line)
        if m is not None:
            yield i, i, m
            continue
        if not _DESC_HEAD_RE.match(line):
            continue
        live = view.first_live(i + 1, _DESC_SPREAD)
        parts = [line.strip()]
        for n, k in enumerate(live):
            if len(view.lines[k]) > 100:
                break
            parts.append(view.lines[k].strip())
            m = _DESC_RE.match(" ".join(parts))
            if m is None:
                continue
            last = k
            if n + 1 < len(live) and view.lines[live[n + 1]].strip() == ".":
                last = live[n + 1]  # the full stop, alone on the last line
            yield i, last, m
            break


@rule("XF019", "thread-description", tags=["post-meta", "navigation"], scope="document", trigger=_DESC_TRIGGER)
def thread_description(view: TextView) -> Iterator[Hit]:
    """XenForo 1's line under the thread title, ``Discussion in '{forum}' started by {user}, {date}.`` (the
    starter is kept), and the ``Watch Thread`` link that follows it.

    Example (removed)::

        Discussion in 'Vegetables & Herbs' started by Rosie_Hart, May 18, 2016.
        Watch Thread
    """
    for i, last, m in _descriptions(view):
        if not any(is_digit(c) for c in m.group("when")):
            continue  # the date ends the line: a sentence that runs on is not the description
        yield Hit(
            i,
            last,
            "thread description",
            {"doc.starter": m.group("who").strip(), "doc.started": m.group("when")},
            moved_to="starter",
        )
        for k in view.first_live(last + 1, 2):
            if _WATCH_RE.match(view.lines[k]):
                yield Hit(k, k, "watch-thread link")
                break


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from a XenForo page."""
    score = 0.0
    head = text[:300_000]
    if ("Joined" in head or "Messages" in head or "Reaction score" in head) and search_lines(
        _SNIFF_STAT_RE, head
    ):
        score += 0.5
    if any_literal(head, _REACTION_SCORE_WORDS) and _SNIFF_REACTION_SCORE_RE.search(head):
        score += 0.3
        if not search_lines(_SNIFF_STAT_RE, head):
            score += 0.5  # the stat block without list bullets (Resiliparse, html-text)
    if "Click to expand..." in head and _SNIFF_SAID_RE.search(head):
        score += 0.5
    elif "..." in head and any_literal(head, _SNIFF_EXPAND_OTHER) and _SNIFF_SAID_ANY_RE.search(head):
        score += 0.5  # the quote's header and expander in another language (``X sagte:`` … ``Zum Erweitern …``)
    if "XenForo" in head:
        score += 0.5
    if ("Reactions:" in head and _SNIFF_REACTIONS_RE.search(head)) or (
        any_literal(head, _SNIFF_REACTIONS_OTHER) and _SNIFF_REACTIONS_ANY_RE.search(head)
    ):
        score += 0.2
    if any_literal(head, _DESC_WORDS) and _DESC_RE.search(head):
        score += 0.5  # XenForo 1's thread description (``Discussion in '{forum}' started by {user}, {date}.``)
    if any_literal(head, _STARTER_WORDS):
        score += 0.3
        # the thread header's two labels, each at a line's start (html-text: ``Thread starter`` / ``Start date``)
        if _SNIFF_HEADER_RE.search(head) and _SNIFF_START_DATE_RE.search(head):
            score += 0.3
    return min(1.0, score)


_SNIFF_STAT_RE = lazy(r"^[ \t]*+-[ \t]*(?:Joined|Messages|Reaction score)[ \t]*$", regex.MULTILINE)
_SNIFF_REACTION_SCORE_RE = lazy(
    rf"^[ \t]*+(?:-[ \t]*)?(?:{alternation('xf_reaction_score')})[ \t]*$", regex.MULTILINE
)
_REACTION_SCORE_WORDS = phrases("xf_reaction_score")
_SNIFF_SAID_RE = lazy(r" said:[ \t]*(?:↑[ \t]*)?\n")
_STARTER_WORDS = phrases("xf_thread_starter")
_SNIFF_HEADER_RE = lazy(rf"^[ \t]*+(?:[-•][ \t]*)?{_STARTER}", regex.MULTILINE)
_SNIFF_START_DATE_RE = lazy(rf"^[ \t]*+(?:[-•][ \t]*)?{_START_DATE}", regex.MULTILINE)
_SNIFF_REACTIONS_RE = lazy(r"^[ \t]*+Reactions:", regex.MULTILINE)
#: The same signals in the other languages (English first: the cheaper test finds most texts).
_SNIFF_EXPAND_OTHER = tuple(p for p in phrases("click_to_expand") if "..." in p and not p.startswith("Click"))
_SNIFF_SAID_ANY_RE = lazy(rf" (?:{alternation('said')})[ \xa0]?:[ \t]*(?:↑[ \t]*)?\n")
_SNIFF_REACTIONS_OTHER = tuple(f"{p}:" for p in phrases("reactions_label") if p != "Reactions")
_SNIFF_REACTIONS_ANY_RE = lazy(rf"^[ \t]*+(?:{alternation('reactions_label')}):", regex.MULTILINE)


_STAT_LINE_RE = lazy(
    r"^[ \t]*+(?:\d[\d,.]*[kK]?[ \t]+(?:posts|Posts|messages|Messages)|Joined[ \t]+(?:[A-Z][a-z]{2,8}[ \t]+)?\d{4}"
    r"|Discussion [Ss]tarter|Thread [Ss]tarter|Original [Pp]oster|OP)[ \t]*$",
    regex.MULTILINE,
)


@rule("XF009", "member-stat-line", tags=["author-block"], fingerprint=False)
def member_stat_line(view: TextView) -> Iterator[Hit]:
    """Lone poster-stat lines of compact themes: ``2,994 posts``, ``Joined 2021``, ``Discussion starter``.

    Example (removed)::

        Discussion starter
        1,348 posts
        Joined 2016
    """
    for i, _m in iter_line_matches(view, _STAT_LINE_RE):
        yield Hit(i, i, "poster stat line", moved_to=None)


_GLUED_QUOTE_RE = lazy(
    rf"^[ \t]*+(?P<name>[^\n]{{1,60}}?)[ \t]+{_SAID}(?:[ \t]*↑)?(?P<text>\S[^\n]*)$", regex.MULTILINE
)


@rule("XF010", "glued-quote", tags=["quote"], stage="structure", trigger=_SAID_WORDS)
def glued_quote(view: TextView) -> Iterator[Hit]:
    """A quote flattened onto one line, title glued to the quoted text: ``Bob said:The ferry was late.``

    Without the line break the quoted text cannot be told from a reply by layout, but the missing space after
    ``said:`` shows the join; the whole line is the quote and moves to ``post.quotes``. When the reply is glued
    after the quoted text too (``Bob said:The ferry was late.It was on time today.``), only the start of the
    line that repeats an earlier post is the quote; the reply after it stays.

    Example (removed)::

        Bob said:The ferry was late again.
    """
    for i, last, m in _said_matches(view, _GLUED_QUOTE_RE):
        if i != last:
            continue
        name = m.group("name").strip()
        if _plausible_name(name):
            glued = glued_reply_quote(view, i, m, name, tight=True)
            if glued is not None:
                yield glued  # the reply glued after the quoted text stays
                continue
            quote = Quote(author=name, text=m.group("text").strip())
            yield Hit(
                i, i, f"quote of {name}'s post (title glued to text)", {"quote": quote}, moved_to="quotes"
            )


_INLINE_QUOTE_RE = lazy(
    rf"(?:^|(?<=[ \t]))(?P<name>[^\s]{{1,40}})[ \t]+{_SAID}[ \t]+(?P<text>[^\n]{{1,3000}}?)[ \t]*{_EXPAND}[ \t]*",
    regex.MULTILINE,
)


@rule("XF011", "inline-quote", tags=["quote"], stage="structure", trigger=_EXPAND_WORDS)
def inline_quote(view: TextView) -> Iterator[Hit]:
    """A quote inside a line (a post flattened to one line): ``Bob said: … Click to expand...``.

    Only that span is cut; the reply around it stays.

    Example (removed span)::

        Bob said: Is it open? Click to expand... Yes, since Monday.
    """
    for first, last, m in view.finditer(_INLINE_QUOTE_RE):
        if first != last or not _plausible_name(m.group("name")):
            continue
        start = view.line_start(first)
        cols = (m.start() - start, m.end() - start)
        if cols == (0, len(view.lines[first])):
            continue  # a whole line: XF002/XF010 territory
        quote = Quote(author=m.group("name"), text=m.group("text").strip())
        yield Hit(
            first,
            first,
            f"inline quote of {m.group('name')}'s post",
            {"quote": quote},
            cols=cols,
            moved_to="quotes",
        )


_INLINE_LABELS = (
    r"(?P<label>Joined|Join Date|Registered|Messages|Posts|Reaction score|Points|Trophy Points|Likes Received|"
    r"Likes|Solutions|Reputation)"
)
_INLINE_VALUE = rf"(?P<value>{DATE_RE.pattern}|[A-Z][a-z]{{2,8}}[ \t]+\d{{4}}|-?\d[\d,.]*[KkMm]?)"
_INLINE_PAIR = rf"{_INLINE_LABELS}[ \t]*:?[ \t]*{_INLINE_VALUE}"
_INLINE_BLOCK_RE = lazy(
    rf"^[ \t]*+(?P<who>[^\n]{{1,90}}?)[ \t]+(?P<stats>(?:{_INLINE_PAIR}[ \t]+){{1,7}}{_INLINE_PAIR})"
    rf"(?:[ \t]+(?P<extra>[^\n]{{0,50}}?)[ \t]*(?P<date>{DATE_RE.pattern}|(?:Today|Yesterday)[ \t]+at[ \t]+\d{{1,2}}:\d{{2}}[ \t]*(?:[AP]M)?)"
    rf"(?:[ \t]+\#(?P<num>\d{{1,6}}))?)?(?=[ \t]|$)",
    regex.MULTILINE | regex.IGNORECASE | regex.VERSION1,
)
_PAIR_RE = lazy(_INLINE_PAIR, regex.IGNORECASE | regex.VERSION1)
#: One of these is in every label of :data:`_INLINE_LABELS`: an inline block holds two of them.
_INLINE_NEEDLES = ("join", "registered", "messages", "posts", "reaction", "points", "likes", "solutions", "reputation")
_VOTE_TAGLINE_RE = lazy(r"^[ \t]*+\[[–+-]\]")


@rule("XF012", "inline-author-block", tags=["author-block"], stage="split", scope="document")
def inline_author_block(view: TextView) -> Iterator[Hit]:
    """A whole poster block on one line, before the post text: ``B bob Member Joined … Messages 11 … #2 Text``.

    Plain text converters join inline elements without line breaks. The block (avatar letter, name, title,
    stats, post date, ``#N``) is cut from the start of the line and moves to ``post.author``; the text after it
    stays.

    Example (removed span)::

        B bob Full Member Joined Jun 29, 2016 Messages 11 Reaction score 10 Jul 18, 2024 #2 The text stays.
    """
    for first, last, m in matches_at(view, _INLINE_BLOCK_RE, lines_with(view, _INLINE_NEEDLES, at_least=2)):
        if first != last:
            continue
        stats = m.group("stats")
        pairs = [(p.group("label"), p.group("value")) for p in _PAIR_RE.finditer(stats)]
        if len(pairs) < 2:
            continue
        if len({lb.lower() for lb, _v in pairs}) < len(pairs) or _VOTE_TAGLINE_RE.match(m.group("who")):
            continue  # a repeated label is a vote tally (``41 points 42 points``), ``[–]`` an old-Reddit tagline
        who = m.group("who").split()
        if not who or len(who) > 10:
            continue
        if len(who) >= 2 and len(who[0]) == 1 and who[1][:1].upper() == who[0].upper():
            who = who[1:]  # avatar letter
        name, rank = who[0], " ".join(who[1:]) or None
        facts = poster_facts(name, [rank] if rank else [], tuple(pairs))
        if m.group("extra"):
            facts.setdefault("author.extra", {})["info"] = m.group("extra").strip()
        if m.group("date"):
            facts["post.date_raw"] = m.group("date").strip()
            d = parse_date(m.group("date"))
            if d is not None:
                facts["post.date"] = d
        if m.group("num"):
            facts["post.number"] = int(m.group("num"))
        start = view.line_start(first)
        end_col = m.end() - start
        line = view.lines[first]
        if starts_with_stat_label(line[end_col:]):
            continue  # more labelled fields after the stats (``Location: …``): a profile row, GEN017's
        while end_col < len(line) and line[end_col] in " \t":
            end_col += 1
        yield Hit(
            first,
            first,
            "poster block on one line",
            facts,
            cols=(m.start() - start, end_col),
            moved_to="author",
        )


_MONTH_YEAR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{4}"
_RELATIVE = r"(?:Today|Yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[ \t]+at[ \t]+\d{1,2}:\d{2}[ \t]*(?:[AP]M)?"
#: The counts after the join date on its own line (``887`` / ``114``), or on the date's line (``Apr 13, 2009 887 114``,
#: as layout-keeping converters join a row of values).
_COUNT = r"-?\d[\d,.]*[KkMm]?"
_INLINE_COUNTS = rf"(?:[ \t]+{_COUNT}){{1,4}}"
_VALUE_RUN_RE = lazy(
    rf"^[ \t]*+(?P<joined>{DATE_RE.pattern}|{_MONTH_YEAR})"
    rf"(?:(?P<inline>{_INLINE_COUNTS})[ \t]*(?:\n(?:[ \t]*\n)?|$)"
    rf"|[ \t]*\n(?:[ \t]*\n)?(?P<counts>(?:[ \t]*{_COUNT}[ \t]*\n(?:[ \t]*\n)?){{1,4}}))"
    rf"(?:[ \t]*(?:[-•][ \t]+)?(?P<pdate>{DATE_RE.pattern}|{_RELATIVE})[ \t]*(?:\n(?:[ \t]*\n)?|$))?"
    r"(?:[ \t]*(?:[-•][ \t]+)?\#(?P<num>\d{1,7})[ \t]*(?:\n|$))?",
    regex.MULTILINE | regex.IGNORECASE | regex.VERSION1,
)
_INLINE_RUN_RE = lazy(
    rf"^[ \t]*+(?:{DATE_RE.pattern}|{_MONTH_YEAR}){_INLINE_COUNTS}[ \t]*$", regex.IGNORECASE | regex.VERSION1
)
_COUNT_FIELDS = ("messages", "reaction_score", "points")
_COUNT_LINE_RE = lazy(r"(?<![ \t])[ \t]*-?\d[\d,.]*[KkMm]?[ \t]*", regex.IGNORECASE | regex.VERSION1)


def _value_run_starts(view: TextView) -> list[int]:
    """Lines a :data:`_VALUE_RUN_RE` match can start on: the line above a count-only line, or the one above that
    when a blank line stands between (the join-date line is followed by its counts)."""
    lines = view.lines
    out: set[int] = set()
    for j, line in enumerate(lines):
        if not line:
            continue
        if is_digit(line.rstrip(" \t")[-1:]) and has_year(line) and _INLINE_RUN_RE.match(line):
            out.add(j)  # the counts on the date's line
        if j == 0:
            continue
        c = line[0]
        if c in " \t-":
            s = line.lstrip(" \t")
            c = s[1:2] if s[:1] == "-" else s[:1]
        elif c < "\x80" and c not in "0123456789":
            continue  # the common case: a line of text
        if is_digit(c) and _COUNT_LINE_RE.fullmatch(line):
            # the join date (every form of it has a four-digit year) is on the line above, or above a blank line
            if has_year(lines[j - 1]):
                out.add(j - 1)
            elif j >= 2 and not lines[j - 1].strip(" \t") and has_year(lines[j - 2]):
                out.add(j - 2)
    return sorted(out)


def _short_line(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 40 and word_count(s) <= 5 and s[-1] not in ".!?,;:" and "://" not in s


def _reads_as_text(line: str) -> bool:
    """A short line that reads as a sentence, not a name: several words, starting lower-case or with an
    apostrophe in it."""
    t = line.strip()
    return len(t.split()) >= 2 and (t[:1].islower() or "'" in t or "’" in t)


@rule("XF013", "value-only-author-block", tags=["author-block"], stage="split", scope="document")
def value_only_author_block(view: TextView) -> Iterator[Hit]:
    """Poster block whose stat labels were icons or hidden: name, title, then bare values.

    Themes that show stats as icons flatten to ``name`` / ``title`` / ``Apr 13, 2009`` / ``887`` / ``114``
    (or ``Apr 13, 2009 887 114`` on one line), often followed by the post date and ``#3`` (as list items or
    not). The run of a join date and counts (plus ``#N`` or a second count) anchors the block; the short lines
    above it are name, title and banner.

    Example (removed)::

        F
        felixen
        macrumors 6502a
        Apr 13, 2009
        887
        114
        Jul 10, 2022
        #3
    """
    for first, _last, m in matches_at(view, _VALUE_RUN_RE, _value_run_starts(view)):
        counts = (m.group("inline") or "").split() or [c.strip() for c in m.group("counts").split("\n") if c.strip()]
        if len(counts) < 2 and not m.group("num"):
            continue
        end = view.line_at(m.end() - 1) if m.group(0).endswith("\n") else view.line_at(m.end())
        if m.group(0).endswith("\n"):
            end = view.line_at(m.end() - 1)
        # look back over short lines (blank lines allowed) for banner, title and name
        above: list[int] = []
        i = first - 1
        while i >= 0 and len(above) < 5:
            if view.claimed[i]:
                break
            line = view.lines[i]
            if not line.strip():
                i -= 1
                continue
            if not _short_line(line) or (is_digit(line.rstrip()[-1:]) and _INLINE_RUN_RE.match(line)):
                break  # a sentence, or the row of values of the block above
            above.append(i)
            i -= 1
        above.reverse()
        if not above or any(_STARTER_ALONE_RE.match(view.lines[j]) or _START_DATE_LABEL_RE.match(view.lines[j].strip()) for j in above):
            continue  # the thread header one item a line (``Thread starter`` / name / ``Start date`` / date): XF008's
        # the avatar letter (first letter of the name) marks where the block starts
        start_at = None
        for k in range(len(above) - 1):
            letter = view.lines[above[k]].strip()
            if len(letter) == 1 and view.lines[above[k + 1]].strip()[:1].upper() == letter.upper():
                start_at = k
        if start_at is not None:
            names = [view.lines[j].strip() for j in above[start_at + 1 :]]
            above = above[start_at:]
        else:
            # without the avatar letter only trust the last three short lines, and not a first one that reads
            # as a short post ("thank you", "we're done for") when a handle follows it
            above = above[-3:]
            if len(above) >= 2 and _reads_as_text(view.lines[above[0]]) and any(
                is_handle_like(view.lines[j]) and not is_rank_like(view.lines[j]) for j in above[1:]
            ):
                above = above[1:]
            names = [view.lines[j].strip() for j in above]
        if not names or (len(names) == 1 and is_rank_like(names[0]) and start_at is None):
            continue  # no name over the title (a long custom title stopped the look-back): XF018 reads it
        name, ranks = names[0], names[1:]
        pairs: list[tuple[str, str | None]] = [("Joined", m.group("joined"))]
        pairs += [(("Messages", "Reaction score", "Points")[k], c) for k, c in enumerate(counts[:3])]
        facts = poster_facts(name, ranks, tuple(pairs))
        if m.group("pdate"):
            facts["post.date_raw"] = m.group("pdate").strip()
            d = parse_date(m.group("pdate"))
            if d is not None:
                facts["post.date"] = d
        if m.group("num"):
            facts["post.number"] = int(m.group("num"))
        yield Hit(above[0], end, "poster block with unlabelled stats", facts, moved_to="author")


_COMPACT_STATS_RE = lazy(
    r"^[ \t]*+(?P<posts>\d[\d,.]*[kK]?)[ \t]+posts?[ \t]*"
    r"(?:·[ \t]*|\n(?:[ \t]*\n){0,3}[ \t]*(?:·[ \t]*\n(?:[ \t]*\n){0,3}[ \t]*)?)"
    r"Joined[ \t]+(?P<joined>(?:[A-Z][a-z]{2,8}\.?[ \t]+)?\d{4})[ \t]*$",
    regex.MULTILINE,
)
_COMPACT_NUMBER_RE = lazy(
    r"^[ \t]*+\#(?P<num>\d{1,7})[ \t]*·[ \t]*(?P<date>[^\n]{0,40}?)[ \t]*(?:\((?i:edited)\))?[ \t]*$",
    regex.MULTILINE,
)
_STARTER_SUFFIX_RE = lazy(
    r"(?<![ \t])[ \t]*(?:Discussion|Thread)[ \t]+[Ss]tarter[ \t]*$|(?<![ \t])[ \t]*Original [Pp]oster[ \t]*$"
)


def _near(view: TextView, start: int, step: int, limit: int = 3) -> int | None:
    """The nearest live line from ``start`` going ``step`` (+1/-1) with at most ``limit`` blank lines between."""
    k, blanks = start + step, 0
    while 0 <= k < len(view):
        if view.is_live(k):
            return k
        if view.claimed[k] or blanks >= limit:
            return None
        blanks += 1
        k += step
    return None


@rule(
    "XF014",
    "compact-author-block",
    tags=["author-block", "post-meta"],
    stage="split",
    scope="document",
    trigger=("joined", "·"),
)
def compact_author_block(view: TextView) -> Iterator[Hit]:
    """Compact poster block (XenForo on VerticalScope's Fora): ``name`` / ``1,348 posts · Joined 2016`` / ``#3 · date``.

    These themes print the avatar letter, the name (``Discussion starter`` after it for the thread starter),
    one stat line, ``Add to quote`` and the post number with its date; extractors that drop the poster keep
    ``#3 ·`` alone. The block opens each post: name and counts move to ``post.author``, ``#N`` and the date to
    ``post.number`` / ``post.date``.

    Example (removed)::

        C
        countingseconds
        1,348 posts · Joined 2016
        Add to quote
        #3 · Jan 15, 2024
    """
    used: set[int] = set()
    for first, last, m in view.finditer(_COMPACT_STATS_RE):
        facts: dict[str, object] = {}
        start = first
        prev = _near(view, first, -1)
        badge = False
        if prev is not None and _STARTER_SUFFIX_RE.fullmatch(view.lines[prev]) and prev not in used:
            start = prev
            prev = _near(view, prev, -1)
            badge = True
        if prev is not None and prev not in used:
            name = _STARTER_SUFFIX_RE.sub("", view.lines[prev]).strip()
            if name and len(name) <= 50 and word_count(name) <= 5 and name[-1] not in ".!?,;:":
                facts["author.name"] = name
                if badge or _STARTER_SUFFIX_RE.search(view.lines[prev]):
                    facts["doc.starter"] = name  # the thread starter's badge is on this block
                start = prev
                avatar = _near(view, prev, -1, 1)
                if avatar is not None and view.lines[avatar].strip() == name[:1].upper():
                    start = avatar
        facts.update(poster_facts(None, [], (("Messages", m.group("posts")), ("Joined", m.group("joined")))))
        end = last
        nxt = _near(view, end, 1)
        if nxt is not None and view.lines[nxt].strip() == "Add to quote":
            end = nxt
            nxt = _near(view, end, 1)
        if nxt is not None and (nm := _COMPACT_NUMBER_RE.match(view.lines[nxt])):
            end = nxt
            facts.update(_number_facts(nm))
        elif nxt is not None and (split := _split_number(view, nxt)) is not None:
            end, number_facts = split
            facts.update(number_facts)
        used.update(range(start, end + 1))
        yield Hit(start, end, "compact poster block", facts, moved_to="author")
    for i, nm in iter_line_matches(view, _COMPACT_NUMBER_RE):
        if i not in used:
            yield Hit(i, i, "post number and date", _number_facts(nm), moved_to="number")
    for i, _m in iter_line_matches(view, _LONE_NUMBER_RE_ML):
        if i not in used and (split := _split_number(view, i, need_date=True)) is not None:
            used.update(range(i, split[0] + 1))
            yield Hit(i, split[0], "post number and date", split[1], moved_to="number")


_LONE_NUMBER_RE = lazy(r"^[ \t]*+\#(?P<num>\d{1,7})[ \t]*$")
_LONE_NUMBER_RE_ML = lazy(r"^[ \t]*+\#\d{1,7}[ \t]*$", regex.MULTILINE)


def _split_number(view: TextView, i: int, *, need_date: bool = False) -> tuple[int, dict[str, object]] | None:
    """``#3`` / ``·`` / ``Jan 15, 2024`` on three lines (one text node a line): the last line and the facts.
    ``need_date``: only with the date (a ``#3`` / ``·`` pair outside a poster block is too weak)."""
    m = _LONE_NUMBER_RE.match(view.lines[i])
    dot = _near(view, i, 1) if m is not None else None
    if m is None or dot is None or view.lines[dot].strip() != "·":
        return None
    facts: dict[str, object] = {"post.number": int(m.group("num"))}
    end = dot
    when = _near(view, dot, 1)
    if when is not None and len(view.lines[when].strip()) <= 40:
        raw = view.lines[when].strip()
        d = parse_date(raw)
        if d is not None or _RELATIVE_WHEN_RE.match(raw):
            end = when
            facts["post.date_raw"] = raw
            if d is not None:
                facts["post.date"] = d
    if need_date and end == dot:
        return None
    return end, facts


_RELATIVE_WHEN_RE = lazy(
    r"^(?:\d{1,3}[ \t]+(?:[smhdwy]|sec|min|hr|mo|yr)[a-z]*(?:[ \t]+ago)?|(?:Today|Yesterday)(?:[ \t]+at[^\n]{0,12})?)$",
    regex.IGNORECASE,
)


def _number_facts(m: regex.Match[str]) -> dict[str, object]:
    facts: dict[str, object] = {"post.number": int(m.group("num"))}
    raw = m.group("date").strip()
    if raw:
        facts["post.date_raw"] = raw
        d = parse_date(raw)
        if d is not None:
            facts["post.date"] = d
    return facts


# -- XF016: XenForo 1's message meta ------------------------------------------------------------------------------

#: The line under a XenForo 1 post: ``{name}, {date}`` with the post's permalink (``#13``) before it or the
#: moderator's ``IP`` link after it (``#13 quillpen, Oct 27, 2025`` / ``quillpen, May 11, 2024 IP``).
_META_RE = lazy(
    rf"^[ \t]*+(?:\#(?P<num>\d{{1,6}})[ \t]+)?(?P<name>[^,\n]{{1,50}}?),[ \t]+(?P<date>{DATE_RE.pattern})"
    rf"(?P<tail>(?:[ \t]+(?:IP|{alternation('buttons')}|\#\d{{1,6}}))*)[ \t]*$",
    regex.IGNORECASE | regex.VERSION1,
)
_DIGIT = re.compile(r"\d")
#: XenForo 1's post ratings (an add-on many boards run): ``Like x 2``, ``Agree x 3, Funny x 1``.
_RATING = rf"(?:{_REACTION_NAMES}|Agree|Disagree|Useful|Creative|Optimistic|Friendly|Late|Dumb|Old|Winner)"
_RATINGS_RE = lazy(
    rf"^[ \t]*+{_RATING}[ \t]+x[ \t]+\d{{1,5}}(?:[ \t]*,?[ \t]+{_RATING}[ \t]+x[ \t]+\d{{1,5}})*[ \t]*$",
    regex.IGNORECASE,
)


@rule("XF016", "message-meta", tags=["post-meta", "reactions"], trigger=(", ", " x ", ","))
def message_meta(view: TextView) -> Iterator[Hit]:
    """XenForo 1's line under a post, ``#13 {name}, {date}`` or ``{name}, {date} IP`` (to ``post.date`` and
    ``post.number``), and its post ratings ``Like x 2`` (to ``post.reactions``). A ``{name}, {date}`` line needs
    the permalink or the ``IP`` link, or the poster's name on the post's first line, so a sentence that ends in a
    date stays.

    Example (removed)::

        #13 quillpen, Oct 27, 2025
        Like x 2
    """
    first = view.first_live(0)
    head = view.lines[first[0]].strip() if first else ""
    author = view.facts.get("author.name")
    for i, line in view.iter_lines():
        if len(line) > 160:
            continue
        comma = line.find(",")
        # (the name ends at the first comma, within the line's first characters, and a date with digits follows)
        if (
            0 < comma <= 72 + len(line) - len(line.lstrip(" \t"))
            and _DIGIT.search(line, comma)
            and (m := _META_RE.match(line)) is not None
        ):
            name = m.group("name").strip()
            if word_count(name) > 5 or not (
                m.group("num") or m.group("tail").strip() or name in (head, author)
            ):
                continue
            facts: dict[str, object] = {"post.date_raw": m.group("date").strip(), "post.signed_by": name}
            d = parse_date(m.group("date"))
            if d is not None:
                facts["post.date"] = d
            if m.group("num"):
                facts["post.number"] = int(m.group("num"))
            yield Hit(i, i, "message meta (name, date, permalink)", facts, moved_to="date")
        elif " x " in line and _RATINGS_RE.match(line):
            yield Hit(i, i, "post ratings", {"post.reactions": line.strip()}, moved_to="reactions")
        elif line.strip() == ",":
            yield from _meta_one_part_a_line(view, i, (head, author))


_DATE_ALONE_RE = lazy(rf"^[ \t]*+(?P<date>{DATE_RE.pattern})[ \t]*$", regex.IGNORECASE | regex.VERSION1)
_NUMBER_ALONE_RE = lazy(r"^[ \t]*+\#(?P<num>\d{1,6})[ \t]*$")
_BUTTON_ALONE_RE = lazy(rf"^[ \t]*+(?:{alternation('buttons')})[ \t]*$", regex.IGNORECASE)


def _meta_one_part_a_line(view: TextView, comma: int, names: tuple[object, ...]) -> Iterator[Hit]:
    """The message meta one text node a line: the poster's name, ``,`` (line ``comma``), the date; and the
    permalink ``#N`` alone among the buttons after it."""
    above = next((k for k in range(comma - 1, max(-1, comma - 4), -1) if view.lines[k].strip()), None)
    below = [k for k in view.first_live(comma + 1, 1) if k <= comma + 4]
    if above is None or not below or not view.is_live(above):
        return
    name = view.lines[above].strip()
    dm = _DATE_ALONE_RE.match(view.lines[below[0]])
    if dm is None or word_count(name) > 5 or name not in names:
        return
    facts: dict[str, object] = {"post.date_raw": dm.group("date").strip(), "post.signed_by": name}
    d = parse_date(dm.group("date"))
    if d is not None:
        facts["post.date"] = d
    yield Hit(above, below[0], "message meta (name, date), one part a line", facts, moved_to="date")
    for k in view.first_live(below[0] + 1, 6):
        if (nm := _NUMBER_ALONE_RE.match(view.lines[k])) is not None:
            yield Hit(k, k, "post permalink among the buttons", {"post.number": int(nm.group("num"))})
            break
        if not _BUTTON_ALONE_RE.match(view.lines[k]):
            break


#: XenForo 1's public controls under a post, on one line: the permalink and the buttons (``#3 Like + Quote
#: Reply``, ``#3 Gefällt mir + Zitat Antworten``); the multi-quote button is written ``+ Quote``.
_CONTROL = rf"(?:\+[ \t]?)?(?:{alternation('buttons')}|{alternation('quote')})"
_CONTROLS_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]*)?\#(?P<num>\d{{1,7}})(?:[ \t]+{_CONTROL}){{1,6}}[ \t]*$", regex.IGNORECASE | regex.MULTILINE
)

_QUOTE_WORDS = tuple(dict.fromkeys(p.lower() for c in ("quote", "buttons") for p in phrases(c)))
_MULTIQUOTE_RE = lazy(rf"^[ \t]*+[-+][ \t]?(?:{alternation('quote')}|{alternation('buttons')})[ \t]*$", regex.MULTILINE)


@rule("XF020", "public-controls", tags=["buttons", "post-meta"], trigger=("#", *_QUOTE_WORDS))
def public_controls(view: TextView) -> Iterator[Hit]:
    """XenForo 1's line of post controls, the permalink number then the buttons (to ``post.number``).

    Example (removed)::

        #3 Like + Quote Reply
    """
    # (the trigger's words are in most posts: the cheap tests for ``#`` and ``+`` spare the line scans)
    if "#" in view.text:
        for i, m in iter_line_matches(view, _CONTROLS_RE):
            yield Hit(i, i, "post controls", {"post.number": int(m.group("num"))})
    # the multi-quote button alone on its line (``+ Zitat``; read as a list item, ``- Zitat``): only where the
    # input line starts with the plus
    shown = view.lines if view.source is None else view.source
    if "+" in (view.text if view.source is None else "\n".join(shown)):
        for i, _m in iter_line_matches(view, _MULTIQUOTE_RE):
            if shown[i].lstrip(" \t").startswith("+"):
                yield Hit(i, i, "multi-quote button")


@rule("XF017", "name-over-message", tags=["author-block"], stage="split", scope="document", trigger=(", ",))
def name_over_message(view: TextView) -> Iterator[Hit]:
    """XenForo 1 themes whose text keeps only the poster's name above a post (the user block reduced to it): the
    name alone on a line opens the post when the post's message meta below it (``#13 {name}, {date}``) names
    the same poster; that line (``XF016``) gives the date and number.

    Example (removed)::

        quillpen
    """
    metas: list[tuple[int, str]] = []
    for i, line in view.iter_lines():
        if "#" in line and "," in line and len(line) <= 160 and (m := _META_RE.match(line)) and m.group("num"):
            metas.append((i, m.group("name").strip()))
    if len(metas) < 2:
        return
    after = -1  # the line of the previous message meta
    for i, name in metas:
        for k in range(after + 1, i):
            if view.is_live(k) and view.lines[k].strip() == name:
                yield Hit(k, k, "poster name over the message", {"author.name": name}, moved_to="author")
                break
        after = i


# -- XF018: a post's head without stats ---------------------------------------------------------------------------

#: XenForo 2's post permalink alone on its line (``#3``; a list item in layout-keeping converters).
_HASH_DIGIT_SCAN = re.compile(r"#\d")
_HEAD_NUMBER_RE = lazy(r"^[ \t]*+(?:[-•*][ \t]*){0,4}\#(?P<num>\d{1,7})[ \t]*$")
#: The post date over it: any date form, ``Tuesday at 12:03 PM``, ``3 hours ago`` (nine languages).
_HEAD_DATE_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]*)?(?P<date>{CLASSIC_DATE}|{_RELATIVE}|{RELATIVE_TIME})[ \t]*$",
    regex.IGNORECASE | regex.VERSION1,
)
_HEAD_ROW_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]*)?(?P<date>{CLASSIC_DATE}|{_RELATIVE})[ \t]*\#(?P<num>\d{{1,7}}?)"
    r"(?:[ \t]*\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?[ \t]*$",
    regex.IGNORECASE | regex.VERSION1,
)
#: Lines the attribution row may hold between the date and ``#N``: empty list items (icon links) and the
#: thread starter's badge.
_HEAD_FILLER_RE = lazy(
    r"^[ \t]*+(?:[-•*][ \t]*)?(?:(?:Thread|Discussion)[ \t]+[Ss]tarter|Original[ \t]+[Pp]oster|OP)?[ \t]*$"
)
#: A line that is never a poster's name or title: a labelled value (``Reactions: alice``), a button.
_NOT_HEAD_RE = lazy(
    r":[ \t]|^[ \t]*+(?:Reply|Quote|Like|Report|Share|Bookmark|Thanks?|Multi-?[Qq]uote|Add to quote)[ \t]*$"
)


def _walk_up(view: TextView, date_line: int) -> tuple[list[int], bool]:
    """The short lines above a post date that may be a poster's head (avatar letter, name, titles, stats,
    labelled extras such as ``Location`` / ``Florida``), and whether they lie right under a poster block
    another rule took (then they close that block: a banner under a one-line block)."""
    above: list[int] = []
    i = date_line - 1
    while i >= 0 and len(above) < 14:
        if view.claimed[i]:
            # under a block another rule took: a finished head (it ends with the post's date or number) is the
            # previous post's, else these lines close it (custom fields, a banner)
            k = i
            while k > 0 and view.claimed[k - 1] and not view.lines[k].strip():
                k -= 1
            last = view.lines[k]
            if not (_HEAD_NUMBER_RE.match(last) or _HEAD_DATE_RE.match(last) or _HEAD_ROW_RE.match(last)):
                return above[::-1], True
            break
        line = view.lines[i]
        if not line.strip():
            i -= 1
            continue
        if (not _short_line(line) and not _stat_value(_head_text(line))) or _NOT_HEAD_RE.search(line) or _HEAD_NUMBER_RE.match(line):
            # a labelled value may read as a sentence (``Location`` / ``Right here.``), a custom title over the
            # rank may be a long one (``Dulce et decorum est pro patria mori`` / ``Premium Member``)
            label = _near(view, i, -1, 1)
            long_title = (
                above
                and is_rank_like(view.lines[above[-1]])
                and word_count(line) <= 8
                and len(line.strip()) <= 60
                and line.strip()[-1] not in ".!?,;:"
                and not _NOT_HEAD_RE.search(line)
            )
            if not long_title and (len(line) > 60 or label is None or label_field(view.lines[label].strip()) is None):
                break
        above.append(i)
        i -= 1
    return above[::-1], False


def _head_start(texts: list[str], titles: set[str]) -> int | None:
    """Where the poster's head starts among the short lines ``texts`` above a post date: at the avatar letter
    (the name's first letter) or the name printed twice (the avatar's text); else at the line over the user
    titles, which sit over the stats (``titles``: rank words, or lines that head different posters' stats);
    None when no name is found."""
    for k in range(len(texts) - 1, 0, -1):
        a, b = texts[k - 1], texts[k]
        if (len(a) == 1 and a.isalpha() and b[:1].upper() == a.upper()) or (
            a == b
            and is_name_like(a)
            and not (is_rank_like(a) or _stat_value(a) or _STARTER_BADGE_RE.fullmatch(a))
        ):
            return k - 1
    for k in range(len(texts) - 2, 0, -1):
        # the name and what follows it printed twice (avatar card and poster block)
        t = texts[k]
        if is_name_like(t) and not _stat_value(t) and not is_rank_like(t):
            for e in range(k - 1, max(-1, k - 5), -1):
                if texts[e] == t and texts[e + 1] == texts[k + 1]:
                    return e
    top = _stats_top(texts)
    stats = top is not None
    k = (len(texts) if top is None else top) - 1
    while k > 0:
        t = texts[k]
        if is_rank_like(t) or t in titles:
            k -= 1
        elif not stats and label_field(texts[k - 1]) is not None:
            k -= 2  # a ``label`` / ``value`` pair
        else:
            break
    # a custom title of several words (``Hall of Famer``) sits under a handle (``JensM``): the handle is the name
    while (
        k > 0
        and (
            (word_count(texts[k]) >= 2 and is_handle_like(texts[k - 1]))
            or (word_count(texts[k]) >= 4 and word_count(texts[k - 1]) == 2 and is_name_like(texts[k - 1]))
        )
        and not (is_rank_like(texts[k - 1]) or _stat_value(texts[k - 1]) or _STARTER_BADGE_RE.fullmatch(texts[k - 1]))
    ):
        k -= 1
    if k < 0 or not is_name_like(texts[k]) or label_field(texts[k]) is not None or _stat_value(texts[k]):
        return None
    if is_rank_like(texts[k]) or _STARTER_BADGE_RE.fullmatch(texts[k]):
        return None  # a title or badge: the name is not among these lines
    if k == len(texts) - 1 and _reads_as_text(texts[k]):
        return None  # a short line of text over a date, not a name with its titles
    return k


def _block_below(view: TextView, i: int) -> bool:
    """A poster block in the four lines under line ``i`` (labelled stats, or a block another rule took): the
    date and ``#N`` stand over the poster (vBulletin's post header), not under it."""
    seen = 0
    for k in range(i + 1, min(len(view.lines), i + 40)):
        if view.claimed[k]:
            return seen == 0
        line = view.lines[k]
        if not line.strip():
            continue
        if STAT_LINE_RE.match(line):
            return True
        if not _short_line(line) or _reads_as_text(line):
            return False  # the post's text: what follows it is the next post's head
        seen += 1
        if seen >= 4:
            break
    return False


def _card_below(view: TextView, i: int) -> list[int]:
    """The poster's card under a date-and-number row (a theme that prints the row over it): the name, up to
    three titles and one to three lines of bare counts, the post's text after them. Empty when there is none."""
    lines: list[int] = []
    k = i
    while len(lines) < 7:
        nxt = _near(view, k, 1)
        if nxt is None:
            break
        text = _head_text(view.lines[nxt])
        if not _short_line(view.lines[nxt]) or _NOT_HEAD_RE.search(text):
            break
        lines.append(nxt)
        k = nxt
    texts = [_head_text(view.lines[j]) for j in lines]
    counts = 0
    while counts < len(texts) and counts < 3 and _COUNTS_ROW_RE.fullmatch(texts[len(texts) - 1 - counts]):
        counts += 1
    card = len(texts) - counts
    if not counts or not 1 <= card <= 4 or not is_name_like(texts[0]) or _stat_value(texts[0]):
        return []
    if any(_stat_value(t) for t in texts[1:card]):
        return []
    return lines


def _stats_top(texts: list[str]) -> int | None:
    """Where the unlabelled stats at the end of a poster's head start (a join date, then counts; free text
    such as a location after them), or None."""
    end = len(texts) - 1
    if end >= 1 and not _stat_value(texts[end]) and _stat_value(texts[end - 1]):
        end -= 1
    top = end + 1
    while top > 0 and _stat_value(texts[top - 1]):
        top -= 1
    return top if top <= end and has_year(texts[top]) else None


#: The thread starter's badge in a poster's head.
_STARTER_BADGE_RE = lazy(r"OP|(?:Thread|Discussion|Topic)[ \t]+[Ss]tarter|Original[ \t]+[Pp]oster")


def _head_text(line: str) -> str:
    return line.strip().lstrip("-•*").strip()


_COUNTS_ROW_RE = lazy(rf"{_COUNT}(?:[ \t]+{_COUNT}){{0,2}}")


#: Stats written on one line by layout-keeping converters: the join date, counts, free text (a location) after.
_STATS_LINE_RE = lazy(
    rf"(?P<joined>{DATE_RE.pattern}|{_MONTH_YEAR})(?P<counts>(?:[ \t]+{_COUNT}){{1,4}})(?:[ \t]+(?P<info>\S[^\n]{{0,40}}))?",
    regex.IGNORECASE | regex.VERSION1,
)


def _stat_value(text: str) -> bool:
    """A bare stat value in a poster's head: counts (up to three on a line), a join date, or both on a line."""
    if _COUNTS_ROW_RE.fullmatch(text):
        return True
    if not has_year(text):
        return False
    return (len(text) <= 20 and parse_date(text) is not None) or _STATS_LINE_RE.fullmatch(text) is not None


def _head_facts(view: TextView, lines: list[int]) -> dict[str, object]:
    texts = [_head_text(view.lines[j]) for j in lines]
    if len(texts) >= 2 and (len(texts[0]) == 1 or texts[0] == texts[1]):
        texts = texts[1:]  # avatar letter or text
    ranks: list[str] = []
    pairs: list[tuple[str, str | None]] = []
    counts = iter(_COUNT_FIELDS_LABELS)
    k = 1
    while k < len(texts):
        t = texts[k]
        if t == texts[0]:
            break  # the name again: the card printed a second time
        if label_field(t) is not None and k + 1 < len(texts):
            pairs.append((t, texts[k + 1]))
            k += 2
            continue
        row = _STATS_LINE_RE.fullmatch(t) if has_year(t) and not _COUNTS_ROW_RE.fullmatch(t) else None
        if row is not None:
            pairs.append(("Joined", row.group("joined")))
            for c in row.group("counts").split():
                label = next(counts, None)
                if label:
                    pairs.append((label, c))
            if row.group("info"):
                pairs.append(("info", row.group("info").strip()))
        elif _COUNTS_ROW_RE.fullmatch(t):
            for c in t.split():
                label = next(counts, None)
                if label:
                    pairs.append((label, c))
        elif _stat_value(t):
            pairs.append(("Joined", t))
        elif pairs and not is_rank_like(t):
            pairs.append(("info", t))  # free text after the stats (an unlabelled location)
        else:
            ranks.append(t)
        k += 1
    return poster_facts(texts[0], ranks, tuple(pairs))


_COUNT_FIELDS_LABELS = ("Messages", "Reaction score", "Points")


@rule("XF018", "attribution-head", tags=["author-block", "post-meta"], stage="split", scope="document", trigger="#", fingerprint=False)
def attribution_head(view: TextView) -> Iterator[Hit]:
    """A post's head on themes that show no poster stats: name (after the avatar letter, or twice), user
    titles, then the post date and the permalink ``#N`` on lines of their own.

    With no stat to anchor it, the date-and-number row does: it must hold a date and ``#N``, the name must
    read as one, and the numbers must rise over two such heads at least. The head opens the post; name and
    titles move to ``post.author``, the date and number to ``post.date`` / ``post.number``.

    Example (removed)::

        G
        granite_owl
        Legend
        Jan 11, 2024
        #3
    """
    rows: list[tuple[int, int, str, list[int], bool]] = []  # number, row's last line, date, head lines, closes
    cards: dict[int, list[int]] = {}  # row's first line -> the poster's card under it
    # only lines holding ``#`` and a digit can be a head's row (one scan of the text with the standard ``re``)
    candidates = sorted({view.line_at(x.start()) for x in _HASH_DIGIT_SCAN.finditer(view.text)})
    for i in candidates:
        line = view.lines[i]
        if not view.is_live(i) or len(line) > 120:
            continue
        nm = _HEAD_NUMBER_RE.match(line)
        if nm is None:
            # date and number on one line (``Apr 04, 2009 #3``, with the machine-readable time after it)
            rm = _HEAD_ROW_RE.match(line)
            if rm is not None and not _block_below(view, i):
                above, closes = _walk_up(view, i)
                rows.append((int(rm.group("num")), i, rm.group("date"), above, closes))
            continue
        j = _near(view, i, -1)
        fillers = 0
        while j is not None and fillers < 4 and _HEAD_FILLER_RE.match(view.lines[j]):
            j = _near(view, j, -1)
            fillers += 1
        if j is None or len(view.lines[j]) > 60 or not (dm := _HEAD_DATE_RE.match(view.lines[j])):
            continue
        if _block_below(view, i):
            continue
        below = _card_below(view, i)
        if below:
            cards[j] = below
            rows.append((int(nm.group("num")), j, dm.group("date"), [], False))
            continue
        above, closes = _walk_up(view, j)
        rows.append((int(nm.group("num")), i, dm.group("date"), above, closes))
    rows.sort(key=lambda r: r[1])
    if not rows:
        return
    # a line over the stats of two different posters is a user title, not a name
    over_stats: dict[str, set[str]] = {}
    for _n, _i, _d, above, _c in rows:
        texts = [_head_text(view.lines[j]) for j in above]
        top = _stats_top(texts)
        if top is not None:
            for t in texts[max(0, top - 3) : top]:
                over_stats.setdefault(t, set()).add(" ".join(texts[top:]))
    titles = {t for t, seen in over_stats.items() if len(seen) >= 2}
    hits: list[tuple[int, int, int, dict[str, object]]] = []
    for num, last, date, above, closes in rows:
        facts: dict[str, object] = {}
        first = above[0] if above else last
        if last in cards:
            last = cards[last][-1]
            facts = _head_facts(view, cards[first])
        elif not closes:
            start = _head_start([_head_text(view.lines[j]) for j in above], titles)
            if start is None:
                continue
            first = above[start]
            facts = _head_facts(view, above[start:])
        facts.update(date_facts(date))
        facts["post.number"] = num
        hits.append((num, first, last, facts))
    # two heads at least, numbered in order; or one, in order with the numbers of two posts other rules opened
    # (a guest's head among posters with stats: theirs went with their blocks)
    if any(b[0] <= a[0] for a, b in pairwise(hits)):
        return
    if len(hits) < 2 and not (hits and _in_numbered_thread(view, hits[0][0], hits[0][1])):
        return
    for _num, first, last, facts in hits:
        yield Hit(first, last, "poster name and post attribution", facts, moved_to="author")


def _in_numbered_thread(view: TextView, num: int, at: int) -> bool:
    """Whether post number ``num`` (its head at line ``at``) is in order with two or more ``#N`` lines other
    rules took (with their posts' heads), the nearest before it lower and the nearest after it higher."""
    taken: list[tuple[int, int]] = []
    for i, line in enumerate(view.original):
        if view.claimed[i] and "#" in line and (m := _HEAD_NUMBER_RE.match(line)):
            taken.append((i, int(m.group("num"))))
    if len(taken) < 2:
        return False
    before = [n for i, n in taken if i < at]
    after = [n for i, n in taken if i > at]
    seq = [*before, num, *after]
    return all(b > a for a, b in pairwise(seq)) and (not before or before[-1] == num - 1) and (
        not after or after[0] == num + 1
    )


_SEARCH_ITEM = rf"(?:{alternation('xf_search_marks')}|{alternation('xf_search_menu')})"
_SEARCH_ROW_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]*)?{_SEARCH_ITEM}(?:[ \t]+{_SEARCH_ITEM})*[ \t]*$", regex.IGNORECASE | regex.MULTILINE
)
_SEARCH_MARK_RE = lazy(alternation("xf_search_marks"), regex.IGNORECASE)
#: The marks for the standard ``re`` module, which scans a text for plain words much faster than ``regex``
#: (case-sensitive, as the menu prints them: it is slow otherwise).
_SEARCH_MARK_SCAN = re.compile("|".join(re.escape(p) for p in phrases("xf_search_marks")))
_SEARCH_TRIGGER = tuple(dict.fromkeys(p.lower().rstrip(".…:") for p in phrases("xf_search_marks")))


_TITLED_LINE_MARK_RE = lazy(r"^[ \t]*+[-•*][ \t]++")
#: A name shaped like a handle: lower-case first letter, a digit, an underscore or dot, or a capital inside it.
_HANDLE_SHAPE_RE = lazy(r"^\p{Ll}|\d|_|\w\.\w|\p{Ll}\p{Lu}")


def _titled_name(line: str) -> tuple[int, str, list[str], str] | None:
    """A list item that opens with a poster's name and XenForo's default user titles (``- Kompostkönig Aktives
    Mitglied Das Einrollen …``, trafilatura on XenForo 1): where the name and titles end on the line (the blanks
    after them included), the name, the titles, and the text after them; None when the item does not read so.

    The name is one to three words; a title of one word (``Member``) counts only when nothing follows it (a
    sentence uses the word), and the text after the titles must start as a sentence does (not lower-case)."""
    m = _TITLED_LINE_MARK_RE.match(line)
    if m is None:
        return None
    words = list(regex.finditer(r"\S++", line, pos=m.end()))
    for n in range(1, min(4, len(words))):
        name = " ".join(w.group(0) for w in words[:n])
        if not is_name_like(name) or name.casefold() in _TITLES:
            continue
        k, titles = n, list[str]()
        while k < len(words) and len(titles) < 3:
            for t in range(min(_TITLE_MAX_WORDS, len(words) - k), 0, -1):
                cand = " ".join(w.group(0) for w in words[k : k + t])
                if cand.casefold().replace("’", "'") in _TITLES:
                    titles.append(cand)
                    k += t
                    break
            else:
                break
        if not titles:
            continue
        rest = line[words[k].start() :] if k < len(words) else ""
        if rest and ((len(titles) == 1 and " " not in titles[0]) or rest[:1].islower()):
            continue
        end = words[k].start() if k < len(words) else len(line)
        return end, name, titles, rest
    return None


@rule(
    "XF021",
    "titled-name-line",
    tags=["author-block"],
    stage="split",
    scope="document",
    trigger=tuple(sorted({p.lower() for p in phrases("xf_user_titles")})),
)
def titled_name_line(view: TextView) -> Iterator[Hit]:
    """A list item that opens with a poster's name and XenForo's default user titles, the post's text after
    them or not: ``- Rosie_Hart Well-Known Member Staff Member`` (trafilatura on XenForo 1, which keeps the
    name and titles of the poster column and drops its stats).

    The name and titles are cut from the line and move to ``post.author``; they open a post. The titles are
    XenForo's defaults in every language (``xf_user_titles``); a one-word title alone (``Member``) counts in a
    text sniffed as XenForo only. A name that is no handle (``Sabine Ehlers``, ``Kompostkönig``) counts when two
    such items are in the text (a thread has several posters).

    Example (removed span)::

        - Kompostkönig Aktives Mitglied
    """
    found: list[tuple[int, int, str, list[str]]] = []
    xf = view.engine == "xenforo"  # (elsewhere ``Member`` alone is any board's rank: a two-word title is needed)
    for i, line in view.iter_lines():
        if line.lstrip(" \t")[:1] not in ("-", "•", "*") or len(line) < 6:
            continue
        got = _titled_name(line)
        if got is not None and (xf or any(" " in t for t in got[2])):
            found.append((i, got[0], got[1], got[2]))
    if len(found) < 2:
        found = [f for f in found if _HANDLE_SHAPE_RE.search(f[2])]
    for i, end, name, titles in found:
        yield Hit(i, i, "poster name and titles opening a list item", poster_facts(name, titles, ()), cols=(0, end), moved_to="author")


@rule("XF015", "search-menu", tags=["navigation"], scope="document", trigger=_SEARCH_TRIGGER)
def search_menu(view: TextView) -> Iterator[Hit]:
    """XenForo's search menu, flattened (a whole-page text holds it once or twice): where to search
    (``Everywhere Threads This forum This thread``), ``Search titles only``, ``By:``, ``Advanced search…``;
    XenForo 1's ``Posted by Member:`` / ``Separate names with a comma.`` / ``Newer Than:`` / ``Search this
    thread only`` / ``Display results as threads`` / ``Useful Searches``. A run of such lines (tables
    ``xf_search_marks``, ``xf_search_menu``, nine languages) goes when it holds two lines only the menu
    prints, so a lone ``Search`` or ``Threads`` stays.

    Example (removed)::

        Everywhere Threads This forum This thread
        Search titles only
        By:
        Search Advanced search…
    """
    # only the lines near one holding a mark are looked at (one scan of the lower-cased text for the marks)
    marked = sorted({view.line_at(m.start()) for m in _SEARCH_MARK_SCAN.finditer(view.text)})
    near: set[int] = set()
    for i in marked:
        near.update(range(max(0, i - 12), min(len(view), i + 13)))
    rows = [i for i in sorted(near) if view.is_live(i) and _SEARCH_ROW_RE.match(view.lines[i])]
    run: list[int] = []
    for i in [*rows, -1]:
        if i >= 0 and run and all(not view.is_live(k) for k in range(run[-1] + 1, i)):
            run.append(i)
            continue
        if run and sum(1 for k in run if _SEARCH_MARK_RE.search(view.lines[k])) >= 2:
            for k in run:
                yield Hit(k, k, "search menu")
        run = [i]


# -- XF022: the save button over the post toolbar ----------------------------------------------------------------

#: The save (bookmark) button's label alone, casefolded (``Save``, ``Speichern``; table ``save_buttons``).
_SAVE_WORDS = frozenset(p.casefold() for p in phrases("save_buttons"))
#: A line that opens with one of the toolbar's other buttons (``Share``, ``Reply``, ``Quote``, ``Like``; nine
#: languages), alone or in a row.
_TOOLBAR_NEXT_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]*)?(?:{alternation('buttons')})(?:[ \t]|$)", regex.IGNORECASE | regex.VERSION1
)


@rule(
    "XF022",
    "save-button",
    tags=["buttons"],
    trigger=tuple(sorted({p.lower() for p in phrases("save_buttons")})),
    fingerprint=False,  # (a save button over a reply button is no sign of XenForo on its own)
)
def save_button(view: TextView) -> Iterator[Hit]:
    """The save (bookmark) button alone on its line right over the post toolbar's other buttons: XenForo 2's
    hosted themes open each post's toolbar with ``Save``, then ``Share`` / ``Reply`` / ``Quote`` / ``Like``
    one a line (bs4, lxml, markdownify). The other buttons are GEN003's; the save word alone is a reply of one
    word too, so only the line over a button is taken.

    Example (removed)::

        Save
    """
    live = list(view.iter_lines())
    for (i, line), (_k, nxt) in pairwise(live):
        if len(line) <= 40 and line.strip().casefold() in _SAVE_WORDS and _TOOLBAR_NEXT_RE.match(nxt):
            yield Hit(i, i, "save button over the post toolbar")


# -- XF023 ----------------------------------------------------------------------------------------------------

_XF_ATTACH_TRIGGER = tuple(p.rstrip(" :").lower() for p in phrases("xf_attachment_stats"))
_XF_ATTACH_HEAD_RE = lazy(rf"^[ \t]*+(?:\#{{1,6}}[ \t]*+)?(?:{alternation('classic_attachments')})[ \t]*+:[ \t]*$", regex.IGNORECASE | regex.MULTILINE)
_XF_STAT = rf"(?:{alternation('xf_attachment_stats')})"
_XF_SIZE = r"[\d.,]++[ \t]*+(?:KB|KiB|MB|MiB|GB|bytes|B)"
_XF_ATTACH_LINE_RE = lazy(
    # a file's labelled size and view count, one a line or both on one, or a value alone
    rf"^[ \t]*+(?:{_XF_STAT}[ \t]*+(?:{_XF_SIZE}|[\d.,]++)?[ \t]*+){{1,2}}$"
    rf"|^[ \t]*+(?:{_XF_SIZE}|\d[\d.,]{{0,9}})[ \t]*$"
    # the file's name (a list item, a Markdown link or image link, a small heading)
    r"|^[ \t]*+(?:[-•*+□][ \t]*+|\#{1,6}[ \t]*+)?(?:!?\[!?\[?[^\]\n]{1,120}\.[a-z0-9]{2,5}\]\([^)\n]{0,300}\)"
    r"(?:\]\([^)\n]{0,300}\))?|[^\s/\\\[\]]{1,120}\.[a-z0-9]{2,5})[ \t]*$",
    regex.IGNORECASE,
)
_XF_STAT_RE = lazy(_XF_STAT, regex.IGNORECASE)


@rule("XF023", "attached-files", tags=["link-card"], trigger=_XF_ATTACH_TRIGGER)
def attached_files(view: TextView) -> Iterator[Hit]:
    """XenForo 1's attached-files list under a message: ``Attached Files:`` over each file's name and its
    labelled size and view count (``File size:`` / ``52.3 KB`` / ``Views:`` / ``64``, from
    ``xf_attachment_stats``). Only when a size label follows the heading.

    Example (removed)::

        Attached Files:
        harbour.jpg
        File size:
        52.3 KB
        Views:
        64
    """
    for i, _m in iter_line_matches(view, _XF_ATTACH_HEAD_RE):
        end = k = i
        labelled = False
        while True:
            nxt = view.first_live(k + 1)
            if not nxt or nxt[0] > k + 3 or not _XF_ATTACH_LINE_RE.match(view.lines[nxt[0]]):
                break
            k = end = nxt[0]
            labelled = labelled or _XF_STAT_RE.search(view.lines[k]) is not None
        if labelled:
            yield Hit(i, end, "attached files")


# -- XF025 ----------------------------------------------------------------------------------------------------

_ONLINE_HEADS = frozenset(p.casefold().rstrip(":") for p in phrases("forum_stats_headings"))
_NONE_ONLINE = frozenset(p.casefold().rstrip(".") for p in phrases("forum_none_online"))
_NONE_ONLINE_TRIGGER = tuple(dict.fromkeys(" ".join(p.casefold().split()[:2]) for p in phrases("forum_none_online")))


@rule("XF025", "members-online-empty", tags=["navigation", "notice"], trigger=_NONE_ONLINE_TRIGGER)
def members_online_empty(view: TextView) -> Iterator[Hit]:
    """The members-online widget with nobody in it: its heading over ``No members online now.`` (tables
    ``forum_stats_headings`` / ``forum_none_online``); PAGE006 reads the widget when it lists names and counts.

    Example (removed)::

        Members online
        No members online now.
    """
    live = list(view.iter_lines())
    for (i, line), (k, nxt) in pairwise(live):
        if (
            k - i <= 3
            and len(nxt) <= 80
            and nxt.strip().casefold().rstrip(".") in _NONE_ONLINE
            and line.strip().casefold().rstrip(":") in _ONLINE_HEADS
        ):
            yield Hit(i, k, "members-online widget, empty")


PACK = RulePack(
    name="xenforo",
    prefix="XF",
    rules=(
        author_block,
        quote_block,
        quote_header,
        quote_expander,
        reactions,
        edit_note,
        notice,
        thread_header,
        thread_description,
        member_stat_line,
        glued_quote,
        inline_quote,
        inline_author_block,
        value_only_author_block,
        compact_author_block,
        search_menu,
        message_meta,
        public_controls,
        name_over_message,
        attribution_head,
        titled_name_line,
        save_button,
        attached_files,
        members_online_empty,
    ),
    sniff=sniff,
    description="XenForo 1.x/2.x pages flattened to text",
)
