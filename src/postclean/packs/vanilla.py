"""Vanilla Forums, text form: comment headers (name, role, date), quote titles, vote counts, page chrome."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from .._lazy import lazy
from ..dates import parse_date
from ..phrases import alternation
from ..rules import Hit, RulePack, rule
from ..text import TextView, word_count
from ._modern import (
    BARE_INT_RE,
    embed_cards,
    line_re,
    phrase_alt,
    phrase_list,
    remember_authors,
    whole_line_hits,
)
from ._sniff import literal_led

__all__ = ["PACK"]

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
)
_FULL = rf"{_MONTH}[ \t]+\d{{1,2}},[ \t]+\d{{4}}(?:[ \t]+\d{{1,2}}:\d{{2}}[ \t]?[AaPp][Mm])?"
_SHORT = rf"{_MONTH}[ \t]+\d{{1,2}}|{_MONTH}[ \t]+\d{{4}}"
_DATE_LINE_RE = lazy(
    rf"^[ \t]*+(?P<date>{_FULL}|{_SHORT})(?P<edited>[ \t]+edited[ \t]+(?:{_FULL}|{_SHORT}))?(?P<cat>[ \t]+in[ \t]+[^\n]{{1,60}}?)?[ \t]*$"
)
_ROLES = r"(?:[✭★☆✓]+|Admin|Administrator|Moderator|Member|Staff|Guest|Applicant|Developer|Community Manager)"
_ROLE_TAIL = rf"(?:[ \t]+{_ROLES})*"
_ROLE_ONLY_RE = lazy(rf"^[ \t]*+{_ROLES}(?:[ \t]+{_ROLES})*[ \t]*$")
#: The name (a list item in some converters), printed twice where the avatar's alt text stands before it
#: (``Linc Linc Admin``, glued ``K17K17``: three characters at least, so ``Lulu`` stays whole), then the roles.
#: Vanilla names may hold spaces (``Perpetua Lind``): up to three words, taken only with a role after them.
_NAME_LINE_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]+)?(?P<name>[\w][\w.\-]{{0,38}}?(?:[ \t][\w][\w.\-]{{0,38}}?){{0,2}}?)"
    rf"(?:[ \t]+(?P=name)|(?<=\w{{3}})(?P=name))?(?P<role>{_ROLE_TAIL})[ \t]*$"
)


@rule("VAN001", "comment-header", tags=["author-block", "post-meta"], stage="split", scope="document")
def comment_header(view: TextView) -> Iterator[Hit]:
    """Comment header: ``{user} {role}`` then ``March 4, 2021 10:05AM`` (``edited …``, ``in {category}``).

    Vanilla prints the author, role badges and the comment date (``F j, Y g:iA``, or ``F j`` / ``F Y`` for
    older comments) above each comment; the pair opens the comment and moves to ``post.author``/``post.date``.
    Short dates (``March 2025``) count only with Vanilla sniffed.

    Example (removed)::

        Linc Admin
        March 4, 2021 10:05AM edited March 5 in Releases
    """
    names: list[str] = []
    for i, line in view.iter_lines():
        dm = _DATE_LINE_RE.match(line)
        if not dm:
            continue
        strong = bool(regex.search(r"\d:\d\d[ \t]?[AaPp][Mm]$", dm.group("date"))) or bool(
            dm.group("edited") or dm.group("cat")
        )
        if not strong and view.engine != "vanilla":
            continue
        prev = [k for k in range(i - 1, max(-1, i - 8), -1) if view.is_live(k)][:2]
        if not prev:
            continue
        role_line = None
        if len(prev) == 2 and _ROLE_ONLY_RE.match(view.lines[prev[0]]):
            role_line, prev = prev[0], prev[1:]
        nm = _NAME_LINE_RE.match(view.lines[prev[0]])
        if not nm or (" " in nm.group("name") and not nm.group("role").strip() and role_line is None):
            continue
        facts: dict[str, Any] = {"author.name": nm.group("name")}
        role = nm.group("role").strip() or (view.lines[role_line].strip() if role_line is not None else "")
        if role:
            facts["author.rank"] = role
        facts["post.date_raw"] = dm.group("date")
        d = parse_date(dm.group("date"))
        if d is not None:
            facts["post.date"] = d
        if dm.group("edited"):
            facts["post.edit_note"] = dm.group("edited").strip()
        names.append(nm.group("name"))
        end = i
        if dm.group("cat") is None and view.engine == "vanilla":
            # one text node a line: `` in `` and the category under the date
            nxt = [k for k in view.first_live(i + 1, 2) if k <= i + 4]
            if (
                len(nxt) == 2
                and view.lines[nxt[0]].strip() == "in"
                and word_count(view.lines[nxt[1]]) <= 5
                and len(view.lines[nxt[1]].strip()) <= 60
            ):
                end = nxt[1]
        yield Hit(prev[0], end, "comment header (name, role, date)", facts, moved_to="author")
    remember_authors(view, names)


_QUOTE_RE = lazy(
    rf"^[ \t]*+(?P<name>[\w][\w.\- ]{{0,38}}?)[ \t]+(?:{alternation('said')}|{alternation('wrote')})[ \t]*:[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)


@rule("VAN002", "quote-title", tags=["quote"], stage="structure", trigger=r":[ \t]*$")
def quote_title(view: TextView) -> Iterator[Hit]:
    """With Vanilla sniffed: a quote's author line ``{user} said:`` / ``{user} wrote:`` (the quoted text has no
    end marker, so only the title goes).

    Example (removed)::

        K17 said:
    """
    if view.engine != "vanilla":
        return
    for i, m in whole_line_hits(view, _QUOTE_RE):
        if word_count(m.group("name")) <= 3 and view.first_live(i + 1):
            yield Hit(i, i, f"quote title ({m.group('name').strip()})")


_CHROME_RE = line_re(phrase_alt("vanilla_chrome", min_words=3), flags=regex.IGNORECASE)
_SHORT_CHROME_RE = line_re(phrase_alt("vanilla_chrome", max_words=2), flags=regex.IGNORECASE)
_REACTION = phrase_alt("vanilla_reactions")
#: The reaction buttons with their counts, on one line (``Flag 3 Like Quote``): two or more buttons.
#: (a count may be glued to the next button: ``Flag 3Like Quote``)
_REACTIONS_RE = line_re(
    rf"(?:{_REACTION}|\d{{1,6}})(?:(?:[ \t]+|(?<=\d))(?:{_REACTION}|\d{{1,6}}))++", flags=regex.IGNORECASE
)
_REACTION_WORD_RE = lazy(rf"(?<![^\W\d])(?:{_REACTION})(?!\w)", regex.IGNORECASE)
_LIST_BULLET_RE = lazy(r"^[ \t]*+[-•*][ \t]+")
_EDITED_RE = line_re(rf"Edited[ \t]+(?:{_FULL}|{_SHORT})[ \t]+by[ \t]+[^\n]{{1,60}}\.")
_DISCUSSION_ROW_RE = line_re(rf"(?:{_FULL}|{_SHORT})[ \t]+[\w][\w.\-]{{0,38}}")


def _rows_after(view: TextView, i: int) -> int:
    """End of the ``{date} {user}`` rows listed under a heading (``In this Discussion``)."""
    end, k = i, i + 1
    while k < len(view) and (not view.lines[k].strip() or _DISCUSSION_ROW_RE.match(view.lines[k])):
        if view.lines[k].strip():
            end = k
        k += 1
    return end


#: The notices (lower-cased, blanks folded) and their first words: a notice one text node a line starts there.
_NOTICES = frozenset(" ".join(p.lower().split()) for p in phrase_list("vanilla_chrome", min_words=3))
_NOTICE_HEADS = frozenset(n.split()[0] for n in _NOTICES)
_NOTICE_PARTS = 6


def _split_notices(view: TextView) -> Iterator[Hit]:
    """A notice printed one text node a line (``Sign In`` / ``or`` / ``Register`` / ``to comment.``): consecutive
    lines, some taken by other rules already, that read as one of the notices together."""
    n = len(view)
    for i in range(n):
        line = view.original[i].strip() if view.claimed[i] else view.lines[i].strip()
        if not line or line.split()[0].lower() not in _NOTICE_HEADS:
            continue
        parts = [i]
        k = i + 1
        while k < n and len(parts) < _NOTICE_PARTS:
            text = view.original[k] if view.claimed[k] else view.lines[k]
            if text.strip():
                parts.append(k)
                joined = " ".join(
                    (view.original[j] if view.claimed[j] else view.lines[j]).strip() for j in parts
                ).lower()
                if " ".join(joined.split()) in _NOTICES:
                    for j in parts:
                        if view.is_live(j):
                            yield Hit(j, j, "Vanilla notice, one part a line")
                    break
            k += 1


@rule(
    "VAN003",
    "chrome",
    tags=["notice", "navigation", "reactions"],
    trigger=("vanilla", "comment", "discussion", "stranger", "edited", "sign in", "answer", "links", "options"),
    # the vote count is a bare number on a post's last line, in posts without any of the words
    trigger_pattern=BARE_INT_RE.pattern,
)
def chrome(view: TextView) -> Iterator[Hit]:
    """Vanilla chrome: ``Sign In or Register to comment.``, ``Howdy, Stranger!``, ``Powered By Vanilla``,
    ``Edited {date} by {user}.``; with Vanilla sniffed also ``Comments``, ``In this Discussion`` (with its rows)
    the ``Options`` menu, the reaction buttons with their counts (``Flag 3 Like Quote``) and the vote count left
    on a comment's last line.

    Example (removed)::

        Sign In or Register to comment.
    """
    for i, _m in whole_line_hits(view, _CHROME_RE):
        yield Hit(i, _rows_after(view, i) if view.engine == "vanilla" else i, "Vanilla notice")
    for i, _m in whole_line_hits(view, _EDITED_RE):
        yield Hit(i, i, "edit note", {"post.edit_note": view.lines[i].strip()}, moved_to="edit_note")
    if view.engine != "vanilla":
        return
    for i, _m in whole_line_hits(view, _SHORT_CHROME_RE):
        yield Hit(i, _rows_after(view, i), "Vanilla heading or list")
    yield from _split_notices(view)
    for i, line in view.iter_lines():
        if line.lstrip()[:1] in ("•", "*", "-") and _SHORT_CHROME_RE.match(_LIST_BULLET_RE.sub("", line, count=1)):
            yield Hit(i, i, "Vanilla heading or list")  # (a list item: ``• Options``)
    for i, m in whole_line_hits(view, _REACTIONS_RE):
        row = m.group(0)
        # (a row of button names alone is GEN003's; two buttons at least)
        if any(c.isdigit() for c in row) and len(_REACTION_WORD_RE.findall(row)) >= 2:
            yield Hit(i, i, "reaction buttons and counts", {"post.reactions": row.strip()}, moved_to="reactions")
    live = view.live_indices()
    if len(live) > 1 and BARE_INT_RE.match(view.lines[live[-1]]):
        yield Hit(
            live[-1],
            live[-1],
            "vote count",
            {"post.reactions": view.lines[live[-1]].strip()},
            moved_to="reactions",
        )


@rule("VAN004", "link-embed", tags=["link-card"], trigger=r"^[ \t]*+[\w.-]+\.[a-z]{2,}\.?[ \t]*$")
def link_embed(view: TextView) -> Iterator[Hit]:
    """With Vanilla sniffed: the rich editor's link embed, ``title`` / ``domain`` / ``summary`` one a line.

    Vanilla 3+ renders a pasted URL as a card with the page's title, the site's domain under it and an
    excerpt; flattened, the three lines stand in the post's text. Moved to ``article.link_card``.

    Example (removed)::

        Winter care for potted figs
        gardenhelp.example
        How to keep the roots from freezing when the pot stays outside all winter.
    """
    if view.engine == "vanilla":
        yield from embed_cards(view, domain_first=False)


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from a Vanilla page."""
    head = text[:400_000]
    score = 0.0
    if _SNIFF_POWERED_RE.search(head):
        score += 0.4
    if "Howdy, Stranger!" in head:
        score += 0.3
    if "Sign In or Register to comment." in head:
        score += 0.3
    if "In this Discussion" in head:
        score += 0.2
    if any(date.search(head) for date in _SNIFF_DATE_RES):
        score += 0.2
    return min(1.0, score)


_SNIFF_POWERED_RE = lazy(r"(?i)Powered By Vanilla")


def _sniff_date_re(ampm: str) -> regex.Pattern[str]:
    """The ``May 3, 2024 5:07PM( edited …)`` line for ``ampm`` ("AM" or "PM"), led by that literal."""
    pattern = regex.compile(
        rf"^[ \t]*+{_MONTH}[ \t]+\d{{1,2}},[ \t]+\d{{4}}[ \t]+\d{{1,2}}:\d{{2}}{ampm}(?:[ \t]+edited[^\n]*)?$",
        regex.MULTILINE,
        cache_pattern=False,
    )
    return literal_led(pattern, ampm) or pattern


#: The date line with ``[AP]M``: one pattern for each.
_SNIFF_DATE_RES = (_sniff_date_re("AM"), _sniff_date_re("PM"))


PACK = RulePack(
    name="vanilla",
    prefix="VAN",
    rules=(comment_header, quote_title, chrome, link_embed),
    sniff=sniff,
    description="Vanilla Forums pages flattened to text",
)
