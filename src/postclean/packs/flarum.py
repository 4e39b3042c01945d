"""Flarum, text form: no-JavaScript notices, poster names between posts, likes/replies summaries, pager links."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .._lazy import lazy
from ..rules import Hit, RulePack, rule
from ..text import TextView
from ._modern import is_handle_like, line_re, phrase_alt, phrase_list, remember_authors, whole_line_hits
from ._sniff import lines_ending_in

__all__ = ["PACK"]

_CHROME_RE = line_re(phrase_alt("flarum_chrome", min_words=2), flags=regex.IGNORECASE)
_SHORT_CHROME_RE = line_re(
    phrase_alt("flarum_chrome", max_words=1)
    + r"|Loading\.\.\.|Loading…|Edited|Post[ \t]+\#\d{1,6}|\[deleted\]",
    flags=regex.IGNORECASE,
)
_NAME = r"[^\s,][^,\n]{0,38}?"
_LIKED_RE = line_re(
    rf"{_NAME}(?:,[ \t]+{_NAME}){{0,8}}(?:[ \t]+(?:and|und|et|y|e|en|i|и)[ \t]+(?:\d+[ \t]+\w+|{_NAME}))?[ \t]+(?:{phrase_alt('flarum_likes_this')})"
    rf"|\d+[ \t]+more[ \t]+repl(?:y|ies)\.",
    flags=regex.IGNORECASE,
)


_LIKED_ENDINGS = (*phrase_list("flarum_likes_this"), "more replies.", "more reply.")


@rule("FLA001", "poster-name", tags=["author-block"], stage="split", scope="document")
def poster_name(view: TextView) -> Iterator[Hit]:
    """With Flarum sniffed: the poster's name alone on a line after a blank line, opening each post.

    Flarum's no-JavaScript view prints each post as ``<h3>{user}</h3>`` and the body, separated by ``<hr>``; the
    flattened name is a one-token line with blank lines around it. The name moves to ``post.author``.

    Example (removed)::

        antonjw
    """
    if view.engine != "flarum":
        return
    names: list[str] = []
    n = len(view)
    # a spaced layout (html-text's, one text node a line) was compacted: its blank lines are in ``breaks``
    breaks: list[bool] | None = view.context.get("breaks") if view.context.get("spaced") else None
    for i, line in view.iter_lines():
        s = line.strip()
        if not is_handle_like(s) or s.isdigit() or len(s) < 2:
            continue
        blank_before = (
            i == 0 or not view.lines[i - 1].strip() or (breaks is not None and breaks[view.base + i - 1])
        )
        nxt = view.first_live(i + 1)
        if not blank_before or not nxt or (nxt[0] < n and len(view.lines[nxt[0]].split()) < 3):
            continue
        names.append(s)
        yield Hit(i, i, "poster name", {"author.name": s}, moved_to="author")
    remember_authors(view, names)


@rule(
    "FLA002",
    "chrome",
    tags=["notice", "navigation", "reactions"],
    trigger=(
        "javascript",
        "page",
        "reply",
        "load",
        "this.",
        "edited",
        "post #",
        "deleted",
        "more repl",
        "now",
        "original",
    ),
)
def chrome(view: TextView) -> Iterator[Hit]:
    """Flarum chrome: no-JavaScript notices, ``« Previous Page`` / ``Next Page »``, ``Write a Reply...``; with
    Flarum sniffed also ``{A}, {B} and 3 others like this.``, ``{A} replied to this.``, ``Edited``, ``Post #N``.

    Example (removed)::

        This site is best viewed in a modern browser with JavaScript enabled.
    """
    for i, _m in whole_line_hits(view, _CHROME_RE):
        yield Hit(i, i, "Flarum notice or control")
    if view.engine != "flarum":
        return  # elsewhere GEN010 takes the stricter list forms ("My wife and I like this." is a sentence)
    for i, line in view.iter_lines():
        tail = line.rstrip()
        if len(tail) > 240 or not tail.endswith(_LIKED_ENDINGS):
            continue
        m = _LIKED_RE.match(line)
        if m:
            yield Hit(
                i, i, "likes or replies summary", {"post.reactions": m.group(0).strip()}, moved_to="reactions"
            )
    for i, _m in whole_line_hits(view, _SHORT_CHROME_RE):
        yield Hit(i, i, "Flarum control")


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from a Flarum page."""
    head = text[:200_000]
    score = 0.0
    if "This site is best viewed in a modern browser with JavaScript enabled." in head:
        score += 0.35
    if "Something went wrong while trying to load the full version of this site." in head:
        score += 0.35
    if (
        ("«" in head or "»" in head)
        and ("« Previous Page" in head or "Next Page »" in head)
        and _SNIFF_PAGER_RE.search(head)
    ):
        score += 0.2
    if "Flarum" in head:
        score += 0.2
    if any(
        len(line) < 240 and line.rstrip().endswith(_LIKED_ENDINGS) and _LIKED_RE.match(line)
        for line in lines_ending_in(head, _LIKED_LAST_CHARS)
    ):
        score += 0.15
    return min(1.0, score)


_SNIFF_PAGER_RE = lazy(r"^[ \t]*+(?:« Previous Page|Next Page »)[ \t]*$", regex.MULTILINE)
#: The last characters of ``_LIKED_ENDINGS``: only lines ending in one of them are tried.
_LIKED_LAST_CHARS = "".join(sorted({e[-1] for e in _LIKED_ENDINGS}))


PACK = RulePack(
    name="flarum",
    prefix="FLA",
    rules=(poster_name, chrome),
    sniff=sniff,
    description="Flarum pages flattened to text",
)
