"""Flarum, text form: no-JavaScript notices, poster names between posts, likes/replies summaries, pager links."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .._lazy import lazy
from ..dates import parse_date
from ..rules import Hit, RulePack, rule
from ..text import TextView, word_count
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
#: The word before the last name of a list (``oskar and bea like this.``).
_AND = r"and|und|et|y|e|en|i|и"
_LIKED_RE = line_re(
    rf"{_NAME}(?:,[ \t]+{_NAME}){{0,8}}(?:[ \t]+(?:{_AND})[ \t]+(?:\d+[ \t]+\w+|{_NAME}))?[ \t]+(?:{phrase_alt('flarum_likes_this')})"
    rf"|\d+[ \t]+more[ \t]+repl(?:y|ies)\.",
    flags=regex.IGNORECASE,
)


_LIKED_ENDINGS = (*phrase_list("flarum_likes_this"), "more replies.", "more reply.")
#: A likes summary flattened one text node a line (``oskar`` / `` and `` / ``bea`` / `` like this.``).
_LIKED_TAIL_RE = line_re(phrase_alt("flarum_likes_this"), flags=regex.IGNORECASE)
_JOINER_RE = line_re(rf",|(?:,[ \t]*)?(?:{_AND})|(?:,[ \t]*)?(?:{_AND})[ \t]+\d{{1,4}}[ \t]+\w+", flags=regex.IGNORECASE)


def _list_name(line: str) -> bool:
    s = line.strip()
    return _name_ok(s) and word_count(s) <= 3 and not _JOINER_RE.match(line)


def _split_liked(view: TextView, i: int) -> int | None:
    """The first line of a likes summary that ends on line ``i`` (the phrase alone): names, with joiners
    (``and``, ``,``) between them, each on its own line, the whole a block of its own (a blank line or another
    summary above it); None otherwise."""
    k = _prev_live(view, i, 3)
    if k is None or not _list_name(view.lines[k]):
        return None
    start = k
    while (j := _prev_live(view, start, 3)) is not None and _JOINER_RE.match(view.lines[j]):
        k = _prev_live(view, j, 3)
        if k is None or not _list_name(view.lines[k]):
            return None
        start = k
    above = start - 1
    # (a spaced layout, one text node a line, was compacted: its blank lines are in ``breaks``)
    breaks: list[bool] | None = view.context.get("breaks") if view.context.get("spaced") else None
    if (
        above < 0
        or not view.lines[above].strip()
        or (breaks is not None and breaks[view.base + above])
        or view.lines[above].rstrip().endswith(_LIKED_ENDINGS)
    ):
        return start
    return None


@rule("FLA001", "poster-name", tags=["author-block"], stage="split", scope="document")
def poster_name(view: TextView) -> Iterator[Hit]:
    """With Flarum sniffed: the poster's name alone on a line after a blank line, opening each post.

    Flarum's no-JavaScript view prints each post as ``<h3>{user}</h3>`` and the body, separated by ``<hr>``; the
    flattened name is a one-token line with blank lines around it. The name moves to ``post.author``.

    Example (removed)::

        antonjw
    """
    if view.engine != "flarum" or view.context.get(_STREAM_KEY):
        return  # (the JS post stream's headers were taken by FLA003)
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
    for i, line in view.iter_lines():
        if len(line) > 60 or not line.rstrip().endswith(_LIKED_ENDINGS) or not _LIKED_TAIL_RE.match(line):
            continue
        start = _split_liked(view, i)
        if start is not None:
            summary = " ".join(view.lines[k].strip() for k in range(start, i + 1) if view.lines[k].strip())
            yield Hit(start, i, "likes or replies summary", {"post.reactions": summary}, moved_to="reactions")
    for i, _m in whole_line_hits(view, _SHORT_CHROME_RE):
        yield Hit(i, i, "Flarum control")


#: The post-meta menu of the JS post stream: ``Post #3`` and, on the line or the next, the full date; text
#: browsers add the permalink field's URL (``Post #3 Monday, June 10, 2024 5:22 PM https://…``).
_POST_NUM_RE = lazy(
    rf"^[ \t]*+(?:[-•*+][ \t]+)?(?:{phrase_alt('flarum_post_number')})(?P<n>\d{{1,6}})"
    r"(?:[ \t]+(?P<date>[^\n\[\]]{6,60}?))?(?:[ \t]+\[?https?://[^\s\]]*+\]?)?[ \t]*$",
    regex.MULTILINE,
)
_SCRUBBER_RE = line_re(phrase_alt("flarum_scrubber"), flags=regex.IGNORECASE)
#: Literals one of which a post-meta line holds (a cheap test before ``_POST_NUM_RE`` runs over a text).
_POST_NUM_LITERALS = tuple(phrase_list("flarum_post_number"))
_BULLET_RE = lazy(r"^[ \t]*+(?:[-•*+][ \t]+)*+(?:\#{1,6}[ \t]+)?")
_MD_LINK_RE = lazy(r"^\[(?P<t>[^\[\]\n]{1,60})\]\([^()\s]{0,300}\)$")
#: ``O oskar``: the avatar's initial (a user without an uploaded avatar) before the name.
_INITIAL_RE = lazy(r"^(?P<i>\p{Lu})[ \t]+(?P<name>\S[^\n]{0,39})$")


_EDITED_RE = line_re(phrase_alt("flarum_edited"), flags=regex.IGNORECASE)
_STREAM_KEY = "flarum.stream"


def _bare(line: str) -> str:
    """``line`` without list bullets, a markdown heading mark or a markdown link around it."""
    s = _BULLET_RE.sub("", line, count=1).strip()
    m = _MD_LINK_RE.match(s)
    return m.group("t").strip() if m else s


def _meta_date(view: TextView, i: int, m: regex.Match[str]) -> tuple[str, int] | None:
    """The full date of the post-meta line ``i`` (on it, or alone on the next live line) and the last line."""
    if m.group("date"):
        raw = m.group("date").strip()
        return (raw, i) if parse_date(raw) is not None else None
    nxt = view.first_live(i + 1)
    if not nxt or nxt[0] - i > 3:
        return None
    raw = _bare(view.lines[nxt[0]])
    return (raw, nxt[0]) if len(raw) <= 60 and parse_date(raw) is not None else None


def _prev_live(view: TextView, i: int, reach: int = 3) -> int | None:
    j = i - 1
    while j >= 0 and i - j <= reach and not view.claimed[j]:
        if view.lines[j].strip():
            return j
        j -= 1
    return None


def _name_ok(s: str) -> bool:
    return 0 < len(s) <= 40 and word_count(s) <= 4 and s[-1] not in ".!?,;:" and "://" not in s


@rule("FLA003", "post-meta-header", tags=["author-block", "post-meta"], stage="split", scope="document")
def post_meta_header(view: TextView) -> Iterator[Hit]:
    """With Flarum sniffed: the JS post stream's post header, saved from a browser.

    Each post opens with the poster's name (after the avatar's initial when the user has no uploaded avatar:
    ``O oskar``, ``O`` / ``oskar`` or ``Ooskar``), the short time (``Jun 10``) and the post-meta menu that
    the page always renders: ``Post #2`` and the full date. The run opens the post; name, date and number
    move to ``post.author`` / ``post.date`` / ``post.number``.

    Example (removed)::

        O oskar
        Jun 10
        Post #2 Monday, June 10, 2024 6:05 PM
    """
    if view.engine != "flarum":
        return
    found: list[tuple[int, int, str, str, int, bool]] = []
    for i, line in view.iter_lines():
        if "#" not in line:
            continue
        m = _POST_NUM_RE.match(line)
        if m is None or (dated := _meta_date(view, i, m)) is None:
            continue
        date_raw, end = dated
        start = i
        j = _prev_live(view, i)
        if j is None:
            continue
        short = _bare(view.lines[j])
        if len(short) <= 30 and word_count(short) <= 4 and not short.endswith("."):
            start, j = j, _prev_live(view, j)  # the short time (``Jun 10``, ``3 hours ago``)
        if j is None:
            continue
        name = _bare(view.lines[j])
        start = j
        initial = False
        if (im := _INITIAL_RE.match(name)) is not None and im["name"][:1].upper() == im["i"]:
            name = im["name"].strip()
        else:
            k = _prev_live(view, j, 2)
            if k is not None and _bare(view.lines[k]) == name[:1].upper() and name[:1].isalpha():
                start = k  # the initial on a line of its own
            else:
                initial = len(name) > 2 and name[0].isupper() and name[0] == name[1].upper()
        if not _name_ok(name):
            continue
        nxt = view.first_live(end + 1)
        if nxt and nxt[0] - end <= 2 and _EDITED_RE.match(_bare(view.lines[nxt[0]])):
            end = nxt[0]  # the edit mark
        found.append((start, end, name, date_raw, int(m["n"]), initial))
    # ``Ooskar``: an initial glued to the name is told from a name such as ``Aaron`` by the page: most names
    # of the page start with such a doubled letter only when every poster's initial is glued to it
    if len(found) >= 2:
        view.context[_STREAM_KEY] = True
    glued = sum(f[5] for f in found)
    strip = glued >= 2 and glued * 3 >= len(found) * 2
    names: list[str] = []
    for start, end, name, date_raw, num, initial in found:
        if strip and initial:
            name = name[1:]
        facts: dict[str, object] = {"author.name": name, "post.date_raw": date_raw, "post.number": num}
        d = parse_date(date_raw)
        if d is not None:
            facts["post.date"] = d
        names.append(name)
        yield Hit(start, end, "post header (name, time, post number and date)", facts, moved_to="author")
    remember_authors(view, names)


def _meta_lines(head: str) -> int:
    """Post-meta lines (``Post #2`` and a full date) in ``head``, up to 2."""
    n = 0
    for m in _POST_NUM_RE.finditer(head):
        raw = m.group("date")
        if raw is None:
            rest = head[m.end() : m.end() + 200].lstrip()
            raw = _bare(rest.split("\n", 1)[0]) if rest else ""
        if raw and parse_date(raw.strip()) is not None:
            n += 1
            if n >= 2:
                break
    return n


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
    # the JS post stream saved from a browser: post-meta menus and the scrubber
    if any(p in head for p in _POST_NUM_LITERALS) and _meta_lines(head) >= 2:
        score += 0.35
        if _SCRUBBER_RE.search(head):
            score += 0.15
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
    rules=(post_meta_header, poster_name, chrome),
    sniff=sniff,
    description="Flarum pages flattened to text",
)
