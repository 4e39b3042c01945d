"""Text wrapped at a fixed width, and how the rules read it joined again.

Text browsers' dumps (lynx, w3m, elinks, links2 write 80 columns unless told otherwise), html2text's default
Markdown (78 columns) and archives that re-wrapped their text split every long line into lines no wider than a
width. Chrome loses its shape there: a cookie notice becomes eight lines of which only the first says
``cookies``, a stat splits into ``29,553`` / ``posts``, a quote header into ``Quote from: kestrel on June 9,
2024,`` / ``03:29:46 AM``, a Markdown link into ``[Kerbal`` / ``Network](/forum/46/)``.

:func:`wrapped_lines` finds the width and the lines a wrapper split, and groups them back into the lines the
page had. The rules read each group as one line (:func:`join_parts`); the body keeps the input's lines.

A text counts as wrapped when many of its lines that go on in the next line end just short of one width
(:data:`WRAP_WINDOW` columns), and few such lines run past it. Two lines are one line split by the wrapper when
the next line's first word would not have fitted on the first (a wrapper moves a word down only then), the
next line continues at the first one's text column (the same indentation, or under the text of a list item,
or behind the same ``>`` quote markers), it is not a list item of its own, and neither line is a rule
(``━━━``, ``____``) or a Markdown hard break (two blanks at the end), and the next line is no ``Label:`` and no
line that stands alone wherever it is (a row of buttons, a post header ending with a date: ``apart``). A line that ends a sentence (or with a colon before a capital) stays a line of its own: a
reader loses nothing, and a chrome line under a sentence (``Reply``, ``Click to expand...``, a username
``is offline``) stays where the rules find it. In Markdown a link is one word however long, and a line that
ends inside a link's label or target goes on in the next line.
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Callable, Sequence

from ._lazy import lazy
from .layout import is_markdown

__all__ = ["cut_parts", "join_parts", "joined_columns", "wrapped_lines"]

#: Widths a text can be wrapped at (narrower texts are columns of a table, not a wrapper's work).
WRAP_MIN_WIDTH = 60
WRAP_MAX_WIDTH = 250
#: A wrapped paragraph's lines end within this many columns of the width ...
WRAP_WINDOW = 10
#: ... and a wrapped text has at least this many such lines that go on in the next line ...
WRAP_MIN_FULL = 8
#: ... which are at least this share of those lines longer than half the width.
WRAP_MIN_SHARE = 0.5
#: The share of the lines longer than half a width that end near it, below which a text is not read further.
_QUICK_SHARE = 0.2
#: Lines with fewer characters than this after their indentation say nothing about the width.
_SHORT = 20

#: A line's indentation with its ``>`` quote markers, and its list bullet with the blank after it.
_LEAD_RE = lazy(r"^(?P<indent>[ \t\xa0]*+(?:>[ \t]?)*+)(?P<bullet>(?:[-*+•·▪◦o]|\d{1,3}[.)])[ \t\xa0]++)?")
#: A letter or digit: a line without one is a rule or notation (``━━━━``, ``* * *``, ``____``).
_WORDY_RE = lazy(r"[\p{L}\p{N}]")
#: The end of a sentence, closing quotes and brackets after it.
_SENTENCE_END_RE = lazy(r"([.!?…:])[)\]\"'”’»]*+$")
#: A label starting a line (``Posts:``, ``Join Date:``): a field of its own, not the rest of a line.
_LABEL_RE = lazy(r"\p{Lu}[\p{L}\-]*+(?:[ \t]\p{L}++)?:(?:[ \t]|$)")
#: Words and numbers, for a line's shape.
_WORDS_RE = lazy(r"[\p{L}\p{N}_]+")
#: A word broken after its hyphen (``end-`` / ``soon``): a wrapper that breaks on hyphens did it.
_HYPHEN_END_RE = lazy(r"\w-$")


def _lead(line: str) -> tuple[int, int, int, bool]:
    """A line's indentation width, its text column, its ``>`` depth, and whether it starts a list item."""
    m = _LEAD_RE.match(line)
    assert m is not None  # every part is optional
    indent = m.group("indent")
    return len(indent), m.end(), indent.count(">"), m.group("bullet") is not None


def _candidates(lines: Sequence[str]) -> list[tuple[int, int]]:
    """``(index, length)`` of the lines that could go on in the next line: not blank, not a rule, followed by a
    line at their text column that is not a list item of its own."""
    out: list[tuple[int, int]] = []
    lead_b: tuple[int, int, int, bool] | None = None  # the lead of line i, when line i - 1 needed it
    for i in range(len(lines) - 1):
        lead_a, lead_b = lead_b, None
        a = lines[i]
        if len(a) < _SHORT or len(a.strip()) < _SHORT:
            continue
        b = lines[i + 1]
        if not b.strip():
            continue
        ia, ta, qa, _ = lead_a or _lead(a)
        lead_b = _lead(b)
        ib, _tb, qb, bullet = lead_b
        if bullet or qa != qb or ib not in (ia, ta):
            continue
        out.append((i, len(a.rstrip())))
    return out


def _width(lengths: collections.Counter[int]) -> int | None:
    """The width a text is wrapped at, from the lengths of the lines that go on in the next line; None when
    the lengths show no width."""
    top = WRAP_MAX_WIDTH + 4
    counts = [0] * (top + 1)
    for n, k in lengths.items():
        counts[min(n, top)] += k
    prefix = [0]
    for k in counts:
        prefix.append(prefix[-1] + k)

    def between(lo: int, hi: int) -> int:  # lines of length lo < n <= hi
        return prefix[min(hi, top) + 1] - prefix[max(lo, -1) + 1]

    best, width = 0, None
    for w in range(WRAP_MIN_WIDTH, WRAP_MAX_WIDTH + 1):
        score = between(w - WRAP_WINDOW, w) - 3 * between(w, w + 3)
        if score > best:
            best, width = score, w
    if width is None:
        return None
    full = between(width - WRAP_WINDOW, width)
    others = between(width // 2, width - WRAP_WINDOW) + between(width, top)
    if full < WRAP_MIN_FULL or full < WRAP_MIN_SHARE * (full + others):
        return None
    # a few lines a column longer than many (a converter's own padding, code) do not make the width, nor a
    # stray line over an empty column (the width found must not hang on one line, which a cleaning may drop)
    for _ in range(3):
        if counts[width - 1] < 8 * max(counts[width], 1) and not (counts[width] <= 1 and not counts[width - 1]):
            break
        width -= 1
    return width


def _quick_reject(lines: Sequence[str]) -> bool:
    """True when the line lengths alone rule a width out (one pass over the lengths, no line read): no window
    of :data:`WRAP_WINDOW` lengths (and a blank or two of slack) holds :data:`WRAP_MIN_FULL` lines and
    :data:`_QUICK_SHARE` of the lines longer than half its width."""
    top = WRAP_MAX_WIDTH + 2
    lengths = collections.Counter(map(len, lines))
    fitting = sum(k for n, k in lengths.items() if WRAP_MIN_WIDTH - WRAP_WINDOW - 1 <= n <= top)
    too_long = sum(k for n, k in lengths.items() if n > top)
    if fitting < WRAP_MIN_FULL or fitting < _QUICK_SHARE * (fitting + too_long):
        return True  # (most long lines are longer than any width: a text of unwrapped paragraphs)
    counts = [0] * (top + 2)
    for n, k in lengths.items():
        counts[min(n, top + 1)] += k
    prefix = [0, *itertools.accumulate(counts)]
    total = prefix[-1]
    return not any(
        near >= WRAP_MIN_FULL and near >= _QUICK_SHARE * (total - prefix[w // 2 + 1])
        for w in range(WRAP_MIN_WIDTH, WRAP_MAX_WIDTH + 1)
        for near in (prefix[w + 2] - prefix[w - WRAP_WINDOW - 1],)  # lengths w-11 .. w+1
    )


def _continues(
    a: str,
    b: str,
    width: int,
    apart: Callable[[str], bool] | None = None,
    *,
    inside: bool = False,
    markdown: bool = False,
) -> bool:
    """Whether line ``b`` is the rest of line ``a``, split by a wrapper at ``width`` columns (``apart`` tells
    lines that stand alone, such as a row of buttons; ``inside``: ``a`` is itself the rest of a line;
    ``markdown``: the text is Markdown, whose wrapper never splits a link)."""
    if not b.strip() or a.endswith("  ") or not _WORDY_RE.search(a) or not _WORDY_RE.search(b):
        return False
    if a.strip() == b.strip():
        return False  # a line printed twice (a template line of two posts), not the rest of one line
    if _LINK_ELEMENT_RE.match(a):
        return False  # elinks' and links2's line for a ``<link>`` element (``Link: {url}``): a line of its own
    ia, ta, qa, _ = _lead(a)
    ib, tb, qb, bullet = _lead(b)
    if bullet or qa != qb or ib not in (ia, ta):
        return False
    end = len(a.rstrip())
    if end > width and not markdown and not (inside and len(a[ta:].split()) == 1):
        # too long for the width: a line of its own (inside a line, a word longer than the width has a line of
        # its own; in Markdown a link is one word however long, and a line break is written as two blanks)
        return False
    if ia > width // 4 and end - ia < width // 2:
        return False  # mostly indentation (a table cell)
    word = b[tb:].split(None, 1)
    if not word or end + 1 + len(word[0]) <= width:
        return False  # the word would have fitted
    end_mark = _SENTENCE_END_RE.search(a.rstrip())
    if end_mark is not None and (end_mark.group(1) != ":" or word[0][:1].isupper()):
        return False  # a sentence ends there
    rest = b[tb:]
    return _LABEL_RE.match(rest) is None and (apart is None or not apart(rest))


_LINK_ELEMENT_RE = lazy(r"(?<![ \t])[ \t]*+Link:[ \t]+\S+[ \t]*$")


def _open_link(line: str) -> bool:
    """Whether a Markdown line ends inside a link: a label opened and not closed, or a target opened after
    ``](`` and not closed."""
    if line.count("[") > line.count("]"):
        return True
    at = line.rfind("](")
    return at >= 0 and line.find(")", at + 2) < 0


def wrapped_lines(
    lines: Sequence[str], *, apart: Callable[[str], bool] | None = None
) -> list[tuple[int, int]] | None:
    """The input's lines grouped into the lines they were before a wrapper split them, as ``(first, last)``
    line indices covering every line; None when the text is not wrapped at a width (or nothing was split).
    ``apart`` tells lines that stand alone whatever the width (a row of buttons): they start a line.

    >>> import textwrap
    >>> story = " ".join(f"On day {n} the harbour master said that the tide would turn before dawn, so"
    ...                  " the crew stayed on deck" for n in range(1, 13))
    >>> lines = [*textwrap.wrap(story, 72), "", "Reply"]
    >>> len(lines), wrapped_lines(lines)
    (19, [(0, 16), (17, 17), (18, 18)])
    """
    if len(lines) < 2 * WRAP_MIN_FULL or _quick_reject(lines):
        return None
    found = _candidates(lines)
    # lines of one shape (words and numbers aside) count once: a template line repeated in every post
    # (``[alice](/members/7/)`` over ``Posts: 12``) says nothing about a width
    shapes = {_WORDS_RE.sub("w", lines[i].strip()): n for i, n in found}
    width = _width(collections.Counter(shapes.values()))
    if width is None:
        return None
    markdown = is_markdown("\n".join(lines))
    joined: set[int] = set()
    for i, _ in found:
        if _continues(lines[i], lines[i + 1], width, apart, inside=i - 1 in joined, markdown=markdown):
            joined.add(i)
    if markdown:
        # a Markdown link the wrapper split (``**[William`` / ``Overington](/profile/98747-william-`` /
        # ``overington/)** 56 posts``) goes on in the next line, however short its line
        for i in range(len(lines) - 1):
            if i not in joined and "[" in lines[i] and _open_link(lines[i]) and lines[i + 1].strip():
                joined.add(i)
    if not joined:
        return None
    groups: list[tuple[int, int]] = []
    start = 0
    for i in range(len(lines)):
        if i not in joined:
            groups.append((start, i))
            start = i + 1
    return groups


def join_parts(source: str) -> str:
    """The line a reader sees in a group of wrapped lines (``source``: the lines joined with ``\\n``): each
    continuation without its indentation and quote markers, after a blank (none after a hyphen that ended a
    line in a word).

    >>> join_parts("   Quote from: kestrel on June 9,\\n   2024, 03:29:46 AM")
    '   Quote from: kestrel on June 9, 2024, 03:29:46 AM'
    """
    return joined_columns(source)[0]


def joined_columns(source: str) -> tuple[str, list[int]]:
    """:func:`join_parts` and, for each of its characters, the column of ``source`` it comes from (a joining
    blank maps to the line break it stands for)."""
    parts = source.split("\n")
    out: list[str] = []
    cols: list[int] = []
    pos = 0
    for k, part in enumerate(parts):
        keep = part.rstrip(" \t")
        if k:
            skip = len(part) - len(part.lstrip(" \t\xa0>"))
            keep = keep[skip:]
            if out and keep and not (_HYPHEN_END_RE.search(out[-1]) and (keep[0].isalnum() or keep[0] == "_")):
                out.append(" ")
                cols.append(pos - 1)
            out.append(keep)
            cols.extend(range(pos + skip, pos + skip + len(keep)))
        else:
            out.append(keep)
            cols.extend(range(pos, pos + len(keep)))
        pos += len(part) + 1
    return "".join(out), cols


def cut_parts(source: str, line: str, cols: tuple[int, int], read: Callable[[str], str]) -> str | None:
    """What is left of a wrapped line's input lines (``source``, joined with ``\\n``) when a rule cuts the columns
    ``cols`` out of ``line``, the line the rules read (``read`` applied to the joined lines) where its columns do
    not match the input's (Markdown: links read as their labels). An input line the cut leaves alone stays as
    written, one it covers goes, one it cuts into is left as the reader sees it. None when ``line`` is not the
    reader's view of each input line in turn (a link or emphasis across lines).

    >>> cut_parts("[kestrel](/m/7/) Posts: 12 Joined: 2019\\n**[William", "kestrel Posts: 12 Joined: 2019 [William",
    ...           (0, 31), lambda x: x.replace("](/m/7/)", "").replace("[k", "k").replace("**", ""))
    '**[William'
    """
    parts = source.split("\n")
    pieces: list[str] = []
    seen: list[str] = []  # the reader's text of each input line
    spans: list[tuple[int, int]] = []
    pos = 0
    for k, part in enumerate(parts):
        keep = part.rstrip(" \t")
        if k:
            keep = keep[len(part) - len(part.lstrip(" \t\xa0>")) :]
            if pieces and keep and not (_HYPHEN_END_RE.search(pieces[-1]) and (keep[0].isalnum() or keep[0] == "_")):
                pos += 1  # the joining blank
        shown = read(keep) if k else read(part).rstrip(" \t")
        pieces.append(keep)
        seen.append(shown)
        spans.append((pos, pos + len(shown)))
        pos += len(shown)
    joined = ""
    for (a, _b), shown in zip(spans, seen, strict=True):
        joined = joined.ljust(a) + shown
    if joined != line.rstrip(" \t"):
        return None
    a, b = cols
    left: list[str] = []
    for part, shown, (s, e) in zip(parts, seen, spans, strict=True):
        if e <= a or s >= b:
            left.append(part)  # untouched: as written
        elif not (a <= s and e <= b):
            rest = shown[: max(0, a - s)] + shown[max(0, b - s) :]
            if rest.strip():
                left.append(rest)
    return "\n".join(left)
