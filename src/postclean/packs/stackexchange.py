"""Stack Exchange (Stack Overflow, Super User, Ask Ubuntu, …), text form: vote counts, post menus, user cards,
comments and the network's page shell."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any

import attrs
import regex

from .._lazy import lazy
from ..dates import DATE_RE, parse_date
from ..model import Comment
from ..phrases import alternation, phrases
from ..rules import Hit, RulePack, rule
from ..text import TextView, any_literal, is_title_like, word_count
from ._common import iter_line_matches
from ._sniff import literal_led
from .page import free_spans

__all__ = ["PACK"]

_F = regex.IGNORECASE | regex.MULTILINE | regex.VERSION1

#: A date as Stack Exchange prints it: full dates, ``Jan 5 at 3:00`` (this year), ``2 hours ago``.
_SHORT_DATE = (
    r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?(?:[ \t]+(?:at|в|a las|às|alle|om|o)[ \t]+\d{1,2}:\d{2})?"
    r"|\d+[ \t]+(?:secs?|mins?|hours?|days?|seconds?|minutes?)[ \t]+ago|yesterday|today)"
)
_SE_DATE = rf"(?:{DATE_RE.pattern}|{_SHORT_DATE})"
_SE_DATE_RE = lazy(rf"^(?:{_SE_DATE})", _F)

_BUTTONS = alternation("qa_post_buttons")
_EVENTS = alternation("qa_post_event")
_SORTED = alternation("qa_sorted_by")
_COUNTS = alternation("qa_answers_count")

# -- SE001: vote counts open posts ---------------------------------------------------------------------------

_NUMBER_RE = lazy(r"^[ \t]*+(?:[-•*][ \t]*)?-?\d{1,6}[ \t]*$")
#: The vote buttons' tooltips around the score (``This answer is useful`` / ``12`` / ``This answer is not useful``).
_VOTE_TIP_RE = lazy(rf"^[ \t]*+(?:{alternation('qa_vote_tooltips')})[ \t]*$", regex.IGNORECASE)
_VOTE_TIP_WORDS = phrases("qa_vote_tooltips")
#: The comments' toggle's word (Stack Overflow's 2024 layout).
_COMMENTS_WORD = r"Comments?|Комментари(?:й|и|ев)|Comentarios?|Comentários?"
_BOUNDARY_RE = lazy(
    rf"^[ \t]*+(?:Add a comment[ \t]*\|?(?:[ \t]*Expand to show all comments on this post)?|(?:\|[ \t]*)?Show \d+ more comments?|\d+[ \t]+(?:{_COUNTS})(?:[ \t]+\d+)?|"
    rf"(?:{_SORTED})[^\n]{{0,80}}|\[?Highest score \(default\)[^\n]*|Reset to default|\[[ \t_]{3,}\]|Viewed[ \t]+[\d.,]+[kKmM]?[ \t]+times?|"
    rf"[^\n]{{0,400}}Commented[ \t]+{_SHORT_DATE}[^\n]{{0,12}}|Trending \(recent votes count more\)[^\n]*|"
    # Stack Overflow's 2024 layout: the comments' toggle (``6 Comments``, ``Comments``), the separator left of
    # the add-a-comment link
    rf"(?:\d+[ \t]+)?(?:{_COMMENTS_WORD})|\|)[ \t]*$",
    _F,
)


@rule("SE001", "vote-count", tags=["post-meta"], stage="split", scope="document")
def vote_count(view: TextView) -> Iterator[Hit]:
    """A question's or answer's vote count, alone on a line where a post starts; it opens the post.

    Stack Exchange prints the score above each post's text; flattened, it is a lone number after the
    ``Viewed N times`` header, the ``N Answers`` / ``Sorted by`` bar, or the previous answer's
    ``Add a comment`` link, or the up-vote button's tooltip (``This answer is useful``), which goes with it
    (the down-vote one under the score too). Only on pages recognised as Stack Exchange.

    Example (removed)::

        2 Answers
        18
        The most important thing is to test the recipes first.
    """
    if view.engine != "stackexchange":
        return
    live = view.live_indices()
    tips = any_literal(view.text, _VOTE_TIP_WORDS)
    answers: int | None = None  # the count on the answers bar, once passed
    taken = 0  # the scores found under it
    weak: list[int] = []
    for k, i in enumerate(live):
        if answers is None and view.lines[i].lstrip()[:1].isdigit() and (bar := _ANSWERS_COUNT_RE.match(view.lines[i])):
            answers = int(bar.group("n").replace(",", ""))
        if not _NUMBER_RE.match(view.lines[i]):
            continue
        back = k - 1
        while back >= 0 and _VOTE_BUTTON_RE.match(view.lines[live[back]]):
            back -= 1  # the vote buttons around the score (links2: ``[ Submit ]``)
        prev = live[back] if back >= 0 else None
        # the up-vote button's tooltip above the score opens the post (the down-vote one follows the score)
        tip = prev is not None and tips and _VOTE_TIP_RE.match(view.lines[prev]) is not None
        at = k + 1
        if at < len(live) and _BOUNTY_RE.match(view.lines[live[at]]):
            at += 1  # the bounty awarded to the answer (``+100``) under its score
        while at < len(live) and (
            _VOTE_BUTTON_RE.match(view.lines[live[at]]) or (tips and _VOTE_TIP_RE.match(view.lines[live[at]]))
        ):
            at += 1
        text_at = at + 1 if at < len(live) and _BEGINGROUP_RE.match(view.lines[live[at]]) else at
        nxt = live[text_at] if text_at < len(live) else None
        if nxt is None or _NUMBER_RE.match(view.lines[nxt]) or not _LETTER_RE.search(view.lines[nxt]):
            continue
        if prev is None:
            if word_count(view.lines[nxt]) < 3:
                continue  # (at the very start, only over a sentence)
        elif not tip and not _BOUNDARY_RE.match(view.lines[prev]) and not _after_comment_list(view, live, back):
            if answers is not None and _score_between_paragraphs(view, live, k):
                weak.append(i)
            continue
        if _LEAD_BULLET_RE.match(view.lines[i]) and _COMMENTED_TAIL_RE.search(view.lines[nxt]):
            continue  # a comment's score over its text (``• 3`` / ``… Commented Mar 3 at 9:10``): SE004's
        if not _comment_follows(view, live, at):
            taken += answers is not None
            yield Hit(prev if tip and prev is not None else i, live[at - 1], "vote count (post starts)")
    # Resiliparse prints an answer's score between its text and the previous answer's (a blank line around it,
    # no comment link between): a lone number there opens an answer only if the answers bar counts that many
    if weak and answers is not None and taken + len(weak) <= answers:
        for i in weak:
            yield Hit(i, i, "vote count (post starts)")


#: The answers bar over the answers (``6 Answers``), its count.
_ANSWERS_COUNT_RE = lazy(rf"^[ \t]*+(?P<n>\d[\d,]{{0,8}})[ \t]+(?:{alternation('qa_answers_bar')})[ \t]*$", regex.IGNORECASE)
_SIGNED_SCORE_RE = lazy(r"^[ \t]*+-?\d{1,6}[ \t]*$")


def _score_between_paragraphs(view: TextView, live: Sequence[int], k: int) -> bool:
    """Whether the lone number on ``live[k]`` stands as an answer's score between two answers' texts: no bullet,
    a blank line under it and a sentence after that, and no number line right above it (a column of numbers is
    a code sample's output)."""
    i = live[k]
    if not _SIGNED_SCORE_RE.match(view.lines[i]) or k + 1 >= len(live) or k == 0:
        return False
    if i + 1 >= len(view) or view.original[i + 1].strip():
        return False  # the next line, blank
    nxt = view.lines[live[k + 1]]
    if word_count(nxt) < 2 or not _LETTER_RE.search(nxt):
        return False
    above = view.original[i - 1] if i else ""
    return not _NUMBER_RE.match(above) and not _NUMBER_RE.match(view.lines[live[k - 1]])


def _after_comment_list(view: TextView, live: Sequence[int], last: int) -> bool:
    """Whether ``live[last]`` ends a list of comments shown whole under their toggle (``3 Comments`` and three
    lines: Stack Overflow's 2024 layout prints no add-a-comment link then)."""
    for c in range(1, min(31, last + 1)):
        m = _COMMENTS_HEAD_RE.match(view.lines[live[last - c]])
        if m is not None:
            return (
                m.group("n") is not None
                and int(m.group("n")) == c
                and all(_flat_comment(view.lines[live[k]]) for k in range(last - c + 1, last + 1))
            )
    return False


_BOUNTY_RE = lazy(r"^[ \t]*+\+\d{1,5}[ \t]*$")
_LETTER_RE = lazy(r"[^\W\d_]")
#: The vote buttons a text browser prints around a score (links2 ``[ Submit ]``, lynx ``(BUTTON) (BUTTON)``).
_VOTE_BUTTON_RE = lazy(r"^[ \t]*+(?:(?:\[[ \t]*Submit[ \t]*\]|\(BUTTON\))[ \t]*)+$", regex.MULTILINE)
#: The MathJax marker the sites with formulas print around each post's text (``\$\begingroup\$``).
_BEGINGROUP_RE = lazy(r"^[ \t]*+\\\$\\begingroup\\\$[ \t]*$", regex.MULTILINE)
_DASH_NAME_RE = lazy(r"^[ \t]*+[–—][ \t]+(?P<name>\S[^\n]{0,40}?)[ \t]*$", regex.MULTILINE)


def _comment_follows(view: TextView, live: Sequence[int], at: int) -> bool:
    """Whether the lines from ``live[at]`` are a comment (its text, then the commenter's name and ``– {name}``
    again, as html-text writes the name link and its tooltip): the number above is the comment's score, not a
    post's."""
    for k in range(at + 1, min(at + 6, len(live))):
        m = _DASH_NAME_RE.match(view.lines[live[k]])
        if m is not None:
            return m.group("name") == view.lines[live[k - 1]].strip()
    return False


# -- SE002: post menu and question header ---------------------------------------------------------------------

_STRONG_MENU_RE = lazy(
    r"^[ \t]*+(?:(?:Share[ \t]*)?Improve this (?:answer|question)(?:[ \t]*Follow)?(?:[ \t]*Flag)?|"
    r"Share[ \t]*(?:Cite[ \t]*)?Improve this (?:answer|question)[ \t]*Follow[^\n]{0,20}|"
    r"Add a comment[ \t]*\|?|(?:\|[ \t]*)?Show \d+ more comments?|Highest score \(default\)[^\n]*|"
    r"Sorted by:[ \t]*Reset to default|Reset to default|Trending \(recent votes count more\)[^\n]*|"
    r"Asked[ \t]*\d+[ \t]+(?:years?|months?|days?|hours?)[^\n]{0,40}ago|"
    r"(?:Modified|Active)[ \t]*(?:\d+[ \t]+(?:years?|months?|days?|hours?|minutes?)[^\n]{0,40}ago|today|yesterday)|"
    r"Viewed[ \t]*[\d.,]+[kKmM]?[ \t]+times?|community wiki|Date modified \(newest first\)[^\n]*|"
    r"Date created \(oldest first\)[^\n]*|Not the answer you're looking for\?[^\n]{0,400}|"
    r"Browse other questions tagged[^\n]{0,300}|Ask Question|Question feed|Subscribe to RSS)[ \t]*$",
    _F,
)
_WEAK_MENU_RE = lazy(
    rf"^[ \t]*+(?:(?:{_BUTTONS})(?:[ \t]*\|)?|Cite|Flag|Close|\d+[ \t]+(?:Answers?|Comments?|Ответ(?:ов|а)?|Respuestas?|Respostas?)(?:[ \t]+\d+)?|"
    rf"(?:{_SORTED})[^\n]{{0,60}})[ \t]*$",
    _F,
)


_ASK_RE = lazy(r"^[ \t]*+Ask Question[ \t]*$", _F)
#: After ``Browse other questions tagged`` printed one text node a line: the words around the tags.
_TAGGED_TAIL_RE = lazy(r"^[ \t]*+(?:or|ask your own question\.?|\.)[ \t]*$", _F)
#: The question header's labels alone on their lines, and the values under them.
_HEADER_LABEL_RE = lazy(r"^[ \t]*+(?P<label>Asked|Modified|Viewed)[ \t]*$", regex.MULTILINE)
_AGO = r"\d+[ \t]+(?:years?|months?|weeks?|days?|hours?|minutes?)[^\n]{0,40}ago"
_HEADER_VALUE_RE = {
    "asked": lazy(rf"^[ \t]*+{_AGO}[ \t]*$", _F),
    "modified": lazy(rf"^[ \t]*+(?:{_AGO}|today|yesterday)[ \t]*$", _F),
    "viewed": lazy(r"^[ \t]*+[\d.,]+[kKmM]?[ \t]+times?[ \t]*$", _F),
}


@rule(
    "SE002",
    "post-menu",
    tags=["buttons", "post-meta"],
)
def post_menu(view: TextView) -> Iterator[Hit]:
    """Post menu and header lines: ``Share`` ``Improve this answer`` ``Follow``, ``Add a comment``, ``2 Answers``.

    Also the question header (``Asked 3 years ago``, ``Modified today``, ``Viewed 6k times``), the sort bar
    (``Sorted by: Reset to default`` / ``Highest score (default) …``) and ``Not the answer you're looking for?
    Browse other questions tagged …``. Generic words (``Share``, ``Follow``, ``2 Answers``) count only on a
    Stack Exchange page or next to an unambiguous menu line.

    Example (removed)::

        Share
        Improve this answer
        Follow
    """
    strong = [i for i, _m in iter_line_matches(view, _STRONG_MENU_RE)]
    for i in strong:
        yield Hit(i, i, "post menu / header")
        if view.lines[i].rstrip().endswith("tagged"):
            # one text node a line: the tags and ``or`` / ``ask your own question`` / ``.`` after the head
            end = i
            for k in view.first_live(i + 1, 12):
                if k > end + 3 or not (_TAG_RE.match(view.lines[k]) or _TAGGED_TAIL_RE.match(view.lines[k])):
                    break
                end = k
            if end > i:
                yield from free_spans(view, i + 1, end, "post menu / header")
        if _ASK_RE.match(view.lines[i]):
            # the question's title: the heading right above the ``Ask Question`` button at the top of the page
            above = next((k for k in range(i - 1, max(-1, i - 8), -1) if view.lines[k].strip()), None)
            if above is not None and view.is_live(above) and is_title_like(view.lines[above], max_words=30):
                yield Hit(above, above, "question title over the Ask Question button")
    for i, m in iter_line_matches(view, _HEADER_LABEL_RE):
        # one text node a line: the question header's label alone, its value on the next line
        nxt = _next_live(view, i, 4)
        if nxt is not None and _HEADER_VALUE_RE[m.group("label").lower()].match(view.lines[nxt]):
            yield Hit(i, nxt, "question header")
    anchors = set(strong)
    for i, _m in iter_line_matches(view, _WEAK_MENU_RE):
        if i in anchors:
            continue
        if view.engine == "stackexchange" or any(abs(i - a) <= 4 for a in anchors):
            yield Hit(i, i, "post menu")


# -- SE003: user cards ---------------------------------------------------------------------------------------

_EVENT_RE = lazy(
    rf"^[ \t]*+(?P<event>{_EVENTS})[ \t]+(?:on[ \t]+|el[ \t]+|em[ \t]+|il[ \t]+)?(?P<date>{_SE_DATE})"
    r"(?:[ \t]+(?P<rest>[^\n]{1,120}))?[ \t]*$",
    _F,
)
_REP = r"(?:[\d.,]+[kKmM]?|\d[\d ]*)"
_REP_RE = lazy(
    # (the Stacks user card lists the reputation and the badge counts as items: ``• 1,877`` / ``• 9`` …)
    rf"^[ \t]*+(?:[-•*][ \t]++)?(?P<rep>{_REP})(?:[ \t]+\d+[ \t]+\d+[ \t]+gold[ \t]+badges?)?(?:[ \t]+\d+[ \t]+\d+[ \t]+silver[ \t]+badges?)?"
    rf"(?:[ \t]+\d+[ \t]+\d+[ \t]+bronze[ \t]+badges?)?[ \t]*$"
    rf"|^[ \t]*+(?P<rep2>[\d.,]+[kKmM]?)(?:[ \t]+\d{{1,4}}){{1,3}}[ \t]*$"
    # converters that join inline spans without a blank glue each count to the number before it
    # (``23.8k1414 gold badges8888 silver badges``)
    r"|^[ \t]*+[\d.,]++[kKmM]?\d*+[ \t]*(?:gold|silver|bronze)[ \t]+badges?"
    r"(?:\d++[ \t]*(?:silver|bronze)[ \t]+badges?){0,2}[ \t]*$",
    regex.IGNORECASE,
)
_BADGES_RE = lazy(r"badges?", regex.IGNORECASE)
#: One text node a line: the event word alone, its date on the next line; badge counts one a line.
_EVENT_ALONE_RE = lazy(rf"^[ \t]*+(?P<event>{_EVENTS})[ \t]*$", _F)
_DATE_ALONE_RE = lazy(rf"^[ \t]*+(?P<date>{_SE_DATE})[ \t]*$", _F)
_BADGE_LINE_RE = lazy(
    r"^[ \t]*+\d[\d,]*(?:[ \t]+(?:gold|silver|bronze)[ \t]+badges?)?[ \t]*$", regex.IGNORECASE
)
_NAME_RE = lazy(r"^[ \t]*+(?P<name>[^\s\d][^\n]{0,39}?)[ \t]*$")
#: An avatar's alt text (``ewok's user avatar``), which lynx and w3m print above the name in a user card.
_WIKI_RE = lazy(r"^[ \t]*+community wiki[ \t]*$", regex.IGNORECASE)
_AVATAR_ALT_RE = lazy(r"^[ \t]*+[^\n]{1,40}?['’]s user avatar[ \t]*$", regex.IGNORECASE)
#: The avatar's alt text on the event line itself (the Stacks user card puts the avatar after the time), as
#: text browsers print it or as a Markdown image link (``[![ewok's user avatar](…)](…)``).
_AVATAR_REST_RE = lazy(
    r"^(?:\[?!\[)?[^\n\[\]]{1,40}?['’]s user avatar(?:\]\([^\s()]{0,300}\)(?:\]\([^\s()]{0,300}\))?)?[ \t]*$",
    regex.IGNORECASE,
)
#: One more item of the card's awards list after the reputation item (``• 9``, ``* 21``).
_AWARD_ITEM_RE = lazy(r"^[ \t]*+[-•*][ \t]++\d[\d.,]{0,6}[kKmM]?[ \t]*$")


def _card_rest(rest: str) -> tuple[str | None, bool]:
    """``"Michael Natkin 30.5k 18 90 174"`` -> (name, True); a bare name -> (name, False)."""
    m = regex.match(
        r"^(?P<name>\D[^\n]{0,39}?)[ \t]+(?P<stats>[\d.,]+[kKmM]?(?:[ \t]+\d+){0,3}(?:[ \t]+[^\n]*badges?[^\n]*)?)$",
        rest,
    )
    if m:
        return m.group("name").strip(), True
    if word_count(rest) <= 4 and not regex.search(r"\d", rest):
        return rest.strip(), False
    return None, False


@rule(
    "SE003",
    "user-card",
    tags=["author-block", "post-meta"],
    trigger=tuple(p.lower() for p in phrases("qa_post_event")),
)
def user_card(view: TextView) -> Iterator[Hit]:
    """User cards under a post: ``answered Feb 12, 2011 at 1:01`` / ``{user}`` / ``30.5k 18 90 174``.

    The ``asked``/``answered`` card gives the post's author and date (moved to ``post.author`` and
    ``post.date``); an ``edited`` card becomes the edit note. The reputation line may carry badge words
    (``24 gold badges``) or bare counts (copy-paste form), and the card may sit on one line. Written one text
    node a line, the event word and its date stand on lines of their own and the badge counts follow the
    reputation one a line (``44`` / ``44 gold badges`` …).

    Example (removed)::

        answered Feb 12, 2011 at 1:01
        Michael Natkin
        30.5k 18 18 gold badges 90 90 silver badges 174 174 bronze badges
    """
    n = len(view)
    for i, line in view.iter_lines():
        # line by line: the date pattern allows blanks (and so line breaks) around a time
        m = _EVENT_RE.match(line) if len(line) <= 300 else None
        at = i  # the line holding the date
        if m is None:
            m = _EVENT_ALONE_RE.match(line) if len(line) <= 40 and word_count(line) <= 3 else None
            nxt_date = _next_live(view, i) if m is not None else None
            dm = _DATE_ALONE_RE.match(view.lines[nxt_date]) if nxt_date is not None else None
            if m is None or nxt_date is None or dm is None:
                continue
            at, date_raw, rest = nxt_date, dm.group("date").strip(), None
        else:
            date_raw, rest = m.group("date").strip(), m.group("rest")
        event = m.group("event").lower()
        end = at
        name: str | None = None
        if rest and _AVATAR_REST_RE.match(rest.strip()):
            rest = None  # the name follows on its own line
        if rest:
            name, _stats = _card_rest(rest.strip())
            if name is None:
                continue
        else:
            # (a "community wiki" line between the date and the name: SE002 takes it, or it is skipped here)
            nxt = [k for k in view.first_live(at + 1, 4) if not _WIKI_RE.match(view.lines[k])][:3]
            if nxt and _AVATAR_ALT_RE.match(view.lines[nxt[0]]):
                nxt = nxt[1:]  # the avatar's alt text, which text browsers print above the name
                at_name = True
            else:
                nxt = nxt[:2]
                at_name = False
            near = at + (5 if at_name else 4) if at == i else at + 24  # one node a line: blank lines between
            if (
                nxt
                and nxt[0] <= near
                and _NAME_RE.match(view.lines[nxt[0]])
                and not _EVENT_RE.match(view.lines[nxt[0]])
            ):
                cand = view.lines[nxt[0]].strip()
                if (
                    len(nxt) > 1
                    and nxt[1] <= nxt[0] + (3 if at == i else 24)
                    and _REP_RE.match(view.lines[nxt[1]])
                ):
                    name, end = cand, nxt[1]
                    if at != i:
                        end = _badge_lines(view, end)
                    end = _award_items(view, end)
                elif word_count(cand) <= 4 and len(cand) <= 40 and not cand.endswith((".", "?", "!", ":")):
                    # a name without a reputation line (deleted users, "Community Bot" and the like)
                    name, end = cand, nxt[0]
            if name is None and not (view.engine == "stackexchange" or _is_card_context(view, i, n)):
                continue
        facts: dict[str, object] = {}
        if event.startswith(("edit", "modif", "bearb", "изм", "отред")):
            facts["post.edit_note"] = f"{m.group('event')} {date_raw}" + (f" by {name}" if name else "")
            moved = "edit_note"
        else:
            if name:
                facts["author.name"] = name
                if event in _ASKED:
                    facts["doc.starter"] = name  # the question's card: its poster started the thread
            facts["post.date_raw"] = date_raw
            d = parse_date(date_raw)
            if d is not None:
                facts["post.date"] = d
            moved = "author"
        # (the card may hold a line SE002 took: "community wiki")
        yield from free_spans(view, i, end, f"user card ({event})", facts=facts, moved_to=moved)


_ASKED = frozenset(p.lower() for p in phrases("qa_asked"))


def _next_live(view: TextView, i: int, blanks: int = 24, *, past_claimed: bool = False) -> int | None:
    """The next live line after ``i`` when at most ``blanks`` blank lines stand between (and no removed line,
    unless ``past_claimed``)."""
    for k in range(i + 1, min(len(view), i + blanks + 2)):
        if view.is_live(k):
            return k
        if view.claimed[k] and not past_claimed:
            return None
    return None


def _badge_lines(view: TextView, end: int) -> int:
    """The end of a reputation line's badge counts one a line (``44`` / ``44 gold badges`` …)."""
    k = end
    for _ in range(6):
        nxt = _next_live(view, k, 2)
        if nxt is None or not _BADGE_LINE_RE.match(view.lines[nxt]):
            break
        if not _BADGES_RE.search(view.lines[nxt]):
            # a bare count only before its ``N gold badges`` line (else it is the next comment's score)
            after = _next_live(view, nxt, 2)
            count = view.lines[nxt].strip()
            if after is None or not _BADGES_RE.search(view.lines[after]):
                break
            if view.lines[after].split()[0] != count:
                break
            nxt = after
        k = nxt
    return k


def _award_items(view: TextView, end: int) -> int:
    """The end of the badge counts listed one item a line right under a listed reputation (``• 1,877`` /
    ``• 9`` / ``• 21``: the Stacks user card's awards list)."""
    if not _AWARD_ITEM_RE.match(view.lines[end]):
        return end
    k = end
    while k + 1 < len(view) and k < end + 3 and view.is_live(k + 1) and _AWARD_ITEM_RE.match(view.lines[k + 1]):
        k += 1
    return k


def _is_card_context(view: TextView, i: int, n: int) -> bool:
    """A bare ``edited {date}`` line counts when a badge line or menu line is within three lines."""
    for k in range(max(0, i - 3), min(n, i + 4)):
        line = view.original[k] if k < len(view.original) else ""
        if _BADGES_RE.search(line) or _STRONG_MENU_RE.match(line) or (_EVENT_RE.match(line) and k != i):
            return True
    return False


# -- SE004: comments -----------------------------------------------------------------------------------------

_COMMENTED_TAIL_RE = lazy(rf"(?<![ \t])[ \t]*Commented[ \t]+(?P<date>{_SHORT_DATE})[ \t]*$", regex.IGNORECASE)
_COMMENTED_LINE_RE = lazy(rf"^[ \t]*+Commented[ \t]+(?P<date>{_SHORT_DATE})[ \t]*$", regex.IGNORECASE)
_DASH_NAME_RE = lazy(r"^[ \t]*+[–—-][ \t]*(?P<name>\S[^\n]{0,40}?)[ \t]*$")
_ISO_LINE_RE = lazy(
    r"^[ \t]*+\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?(?:[ \t]*(?:Z|[+-]\d{2}:?\d{2}))?[ \t]*$"
)
_INLINE_SIG_RE = lazy(
    rf"(?<![ \t])[ \t]+[–—][ \t]*(?P<name>[^\s–—][^\n–—]{{0,40}}?)[ \t]+(?:Commented[ \t]+)?(?P<date>{_SHORT_DATE})"
    r"(?:[ \t]*\*?)?[ \t]*$"
)
_SCORE_RE = lazy(r"^[ \t]*+(?:[-•*][ \t]*)?\d{1,4}[ \t]*$")
#: A list bullet before a comment's text (converters print a post's comments as a list).
_LEAD_BULLET_RE = lazy(r"^[ \t]*+[-•*][ \t]+")
#: MathJax's markers around a comment on sites that typeset formulas (``\$\begingroup\$ … \$\endgroup\$``).
_MATHJAX_RE = lazy(r"\\\$\\(?:begin|end)group\\\$")
#: The blank before a UTC offset (``2011-02-12 01:30:35 +00:00``), which the date parser does not read.
_OFFSET_GAP_RE = lazy(r"(?<![ \t])[ \t]+(?=[+-]\d{2}:?\d{2}[ \t]*$)")


@rule("SE004", "comment", tags=["post-meta"], trigger=r"Commented|[–—]|Copy link|^[ \t]*+- \S")
def comment(view: TextView) -> Iterator[Hit]:
    """Comments under a post: the comment line with its ``– {user} {date}`` / ``Commented {date}`` signature.

    Stack Exchange comments are short remarks on a post, not part of it (and not answers); the page prints
    each as text, signature, and date, which a converter flattens to one line (``… – Joe Feb 12, 2011 at
    1:30``) or to the text followed by ``– Joe`` / ISO date / ``Commented …`` lines; one text node a line, the
    dash, ``Commented`` and the date stand alone too, and the threaded layout puts ``name`` / ``Over a year
    ago`` above the text and the timestamp, score, ``Reply`` and ``Copy link`` below it. The whole comment is
    removed, together with its lone score number, and moved to ``post.comments`` as a
    :class:`~postclean.model.Comment`: its text (one paragraph, without score and chrome), the author where the
    layout names one (``– Joe``, the name above a threaded comment) and the date (``date_raw`` as printed; the
    ISO timestamp, where there is one, gives ``date``).

    Example (removed, moved to comments)::

        Have backups and check again. – Max Sep 19, 2016 at 14:47
    """
    n = len(view)
    done = -1  # the last line of the previous comment
    se = view.engine == "stackexchange"
    for i, line in view.iter_lines():
        if i <= done:
            continue
        # one text node a line: text (several lines) / name / "–" / name / ISO date / "Commented" / date
        lead = line.lstrip(" \t")[:1] if len(line) <= 60 else ""
        split = None
        if lead in ("C", "c") and _COMMENTED_ALONE_RE.match(line):
            split = _split_comment(view, i, done)
        if split is None and lead.isdigit() and _ISO_T_RE.match(line):
            split = _threaded_comment(view, i, done)
        if split is None and se and line.lstrip(" \t")[:1] in _DASHES and len(line) <= 400:
            split = _dash_comment(view, i, done)
        if split is not None:
            done = split.end
            found = _comment(view, split.text, split.author, split.shown, split.exact)
            yield from _comment_hits(view, split.start, split.end, found)
            continue
        # html-text form: text / name / "– name" / ISO date / "Commented …"
        cm = _COMMENTED_LINE_RE.match(line)
        if cm:
            start = i
            k = i - 1
            seen_dash = False
            steps = 0
            author: str | None = None
            iso: int | None = None
            text: list[int] = []
            while k >= 0 and steps < 6:
                if not view.is_live(k):
                    k -= 1
                    continue
                s = view.lines[k]
                dm = _DASH_NAME_RE.match(s)
                if _ISO_LINE_RE.match(s):
                    start, iso = k, k
                elif dm:
                    start, seen_dash, author = k, True, dm.group("name")
                elif (
                    seen_dash
                    and word_count(s) <= 4
                    and len(s.strip()) <= 40
                    and not _COMMENTED_LINE_RE.match(s)
                ):
                    start = k  # the name printed again before the dash line
                    seen_dash = False
                    k -= 1
                    # the comment text
                    while k >= 0 and not view.is_live(k):
                        k -= 1
                    if (
                        k >= 0
                        and not _COMMENTED_LINE_RE.match(view.lines[k])
                        and not _REP_RE.match(view.lines[k])
                    ):
                        start = k
                        text = [k]
                    break
                else:
                    if not seen_dash and start == i:
                        start = k  # "text" directly above "Commented …"
                        text = [k]
                    break
                k -= 1
                steps += 1
            found = _comment(
                view, text, author, cm.group("date"), view.lines[iso] if iso is not None else None
            )
            start = _with_score(view, start)
            yield from _comment_hits(view, start, i, found)
            continue
        tail = _COMMENTED_TAIL_RE.search(line)
        m = tail or _INLINE_SIG_RE.search(line)
        if m and m.start() > 0 and word_count(line[: m.start()]) >= 1:
            if not tail and (not _SE_DATE_RE.match(m.group("date")) or word_count(m.group("name")) > 4):
                continue
            # "text – Joe Feb 12 …" names the author; "text Commented Feb 12 …" does not (a dash in its text
            # is the comment's own)
            name = None if tail else m.group("name")
            found = _comment(view, (), name, m.group("date"), None, line[: m.start()])
            start = _with_score(view, i)
            yield from _comment_hits(view, start, i, found)
    del n


def _comment_hits(view: TextView, start: int, end: int, found: Comment | None) -> Iterator[Hit]:
    """The hits of a comment on lines ``start..end``: lines other rules took (a menu item, a badge line) split it
    into parts; all go to the comment, the first holds it."""
    moved = _moved(found)
    for k, hit in enumerate(free_spans(view, start, end, "comment under a post")):
        yield attrs.evolve(hit, **(moved if k == 0 else {"moved_to": moved.get("moved_to")}))


_COMMENTED_ALONE_RE = lazy(r"^[ \t]*+Commented[ \t]*$", regex.IGNORECASE)
_DASH_ALONE_RE = lazy(r"^[ \t\xa0]*+[–—][ \t\xa0]*$")


@attrs.frozen
class _Found:
    """A comment's lines: first and last line of the hit, its text lines, and what its signature shows."""

    start: int
    end: int
    text: tuple[int, ...] = ()
    author: str | None = None
    shown: str | None = None  # the date as printed
    exact: str | None = None  # the ISO timestamp printed with it


def _comment(
    view: TextView,
    lines: Sequence[int],
    author: str | None,
    shown: str | None,
    exact: str | None,
    text: str = "",
) -> Comment | None:
    """The :class:`Comment` printed on ``lines`` (or ``text``), or None when none of its text was found.

    A comment is one paragraph of inline markup: converters that write one text node a line split it at
    links and code (``Use the `` / ``logging`` / `` module``), so its lines join back into one line: in such a
    layout (``spaced``) glued where the input had no blank line between them (a blank line is a whitespace
    node), elsewhere with a blank.
    """
    breaks: Sequence[bool] | None = view.context.get("breaks") if view.context.get("spaced") else None
    joined = text
    prev: int | None = None
    for k in lines:
        piece = view.lines[k]
        glued = breaks is not None and prev is not None and not breaks[view.base + prev]
        if joined and not glued:
            joined += " "
        joined += piece
        prev = k
    joined = " ".join(_MATHJAX_RE.sub(" ", _LEAD_BULLET_RE.sub("", joined, count=1)).split())
    if not joined:
        return None
    date = parse_date(_OFFSET_GAP_RE.sub("", exact.strip())) if exact else None
    if date is None and shown:
        date = parse_date(shown)
    raw = (shown or exact or "").strip() or None
    return Comment(text=joined, author=(author or "").strip() or None, date=date, date_raw=raw)


def _moved(found: Comment | None) -> dict[str, Any]:
    """The keyword arguments of a comment's hit: the comment as a fact, when its text was found."""
    if found is None:
        return {}
    return {"facts": {"comment": found}, "moved_to": "comments"}


_ISO_T_RE = lazy(
    r"^[ \t]*+\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?(?:[+-]\d{2}:\d{2})?[ \t]*$"
)
_COMMENT_WHEN_RE = lazy(
    rf"^[ \t]*+(?:Over a year ago|\d+[ \t]+(?:years?|months?|weeks?|days?|hours?|mins?|minutes?)[ \t]+ago|"
    rf"{_SE_DATE})[ \t]*$",
    _F,
)
#: (a list item too, as converters print the comment's menu: ``* Copy link``)
_REPLY_LINK_RE = lazy(r"^[ \t]*+(?:[-•*][ \t]+)?(?:Reply|Copy link|\d{1,4})[ \t]*$")
_COPY_LINK_RE = lazy(r"^[ \t]*+(?:[-•*][ \t]+)?Copy link[ \t]*$")


def _threaded_comment(view: TextView, i: int, done: int) -> _Found | None:
    """A comment in the threaded layout, one text node a line: ``name`` / ``name`` / ``Over a year ago`` /
    text / ISO timestamp (line ``i``) / score / ``Reply`` / ``Copy link``."""
    end = i
    for _ in range(3):
        nxt = _next_live(view, end, 12, past_claimed=True)
        if nxt is None or not _REPLY_LINK_RE.match(view.lines[nxt]):
            break
        end = nxt
        if _COPY_LINK_RE.match(view.lines[nxt]):
            break  # (the comment's last line: a number after it is the next post's score)
    if end == i or not _COPY_LINK_RE.match(view.lines[end]):
        return None
    above = view.live_indices(max(done + 1, i - 200), i)[::-1][:20]
    for k in range(1, len(above) - 1):
        line = view.lines[above[k]].strip()
        name = view.lines[above[k + 1]].strip()
        if _COMMENT_WHEN_RE.match(line):
            if not name or word_count(name) > 5:
                return None
            start = above[k + 1]
            if k + 2 < len(above) and view.lines[above[k + 2]].strip() == name:
                start = above[k + 2]
        elif name and word_count(name) <= 5 and line.startswith(name + " ") and _COMMENT_WHEN_RE.match(
            line[len(name) :]
        ):
            start = above[k + 1]  # ``name`` / ``name Over a year ago`` (the name and the time on one line)
        else:
            continue
        # the time is relative ("Over a year ago"): the timestamp gives the date
        text = tuple(above[:k][::-1])
        return _Found(start, end, text, name, None, view.lines[i])
    return None


def _split_comment(view: TextView, i: int, done: int) -> _Found | None:
    """A comment printed one text node a line, ``Commented`` on line ``i``.

    Above ``Commented``: the ISO date, the name, a lone dash, the name again, then the comment text, which
    runs up to the previous comment, the user card's badge counts or a menu line (a lone score number there
    belongs to the comment). Without such a boundary within a few lines only one text line is taken.
    """
    date = _next_live(view, i, 4)
    if date is None or not _DATE_ALONE_RE.match(view.lines[date]):
        return None
    shown = view.lines[date]
    above = [k for k in view.live_indices(max(done + 1, i - 120), i)][::-1]
    pos = 0
    exact = None
    if pos < len(above) and _ISO_LINE_RE.match(view.lines[above[pos]]):
        exact = view.lines[above[pos]]
        pos += 1
    if pos < len(above) and word_count(view.lines[above[pos]]) <= 4:
        author = view.lines[above[pos]]
        pos += 1  # the name
    else:
        return None
    if pos < len(above) and _DASH_ALONE_RE.match(view.lines[above[pos]]):
        pos += 1
        if pos < len(above) and word_count(view.lines[above[pos]]) <= 4:
            pos += 1  # the name printed before the dash
    else:
        return None

    def found(start: int, last: int) -> _Found:
        """The comment from ``start``, its text the lines above[pos] up to above[last]."""
        return _Found(start, date, tuple(above[pos : last + 1][::-1]), author, shown, exact)

    if pos >= len(above):
        return found(above[pos - 1], pos - 1)
    first_text = above[pos]
    for k in range(pos, min(len(above), pos + 16)):
        line = view.lines[above[k]]
        if _SCORE_RE.match(line) and k > pos:
            return found(above[k], k - 1)  # the comment's score
        if k > pos and (
            _BADGE_LINE_RE.match(line)
            or _REP_RE.match(line)
            or _STRONG_MENU_RE.match(line)
            or _DATE_ALONE_RE.match(line)
            or _WEAK_MENU_RE.match(line)
        ):
            return found(above[k - 1], k - 1)
    if done >= i - 120 and done >= 0 and len(above) <= pos + 16:
        return found(above[-1], len(above) - 1)  # up to the previous comment
    return found(first_text, pos)


_DASHES = ("–", "—", "-")
#: The poster's name as a Markdown link (``[Joe](/users/9/joe "reputation")``).
_MD_NAME_RE = lazy(r"^\[(?P<name>[^\]\n]{1,40})\]\([^()\s]{1,300}(?:[ \t]+\"[^\"\n]{0,60}\")?\)$")


def _dash_comment(view: TextView, i: int, done: int) -> _Found | None:
    """A comment whose signature stands under its text: ``– {name}`` (or a lone dash, then the name) on line
    ``i``, the date alone on the next line; the text above runs up to the previous comment, the user card's
    badge counts or a menu line, as in :func:`_split_comment`."""
    line = view.lines[i]
    if _DASH_ALONE_RE.match(line):
        at = _next_live(view, i, 4)
        if at is None:
            return None
        author = view.lines[at].strip()
    elif (dm := _DASH_NAME_RE.match(line)) is not None:
        at, author = i, dm.group("name")
    else:
        return None
    if (md := _MD_NAME_RE.match(author)) is not None:
        author = md.group("name")
    if not author or word_count(author) > 4 or author[:1].isdigit():
        return None
    date = _next_live(view, at, 4)
    if date is None or not _DATE_ALONE_RE.match(view.lines[date]):
        return None
    above = view.live_indices(max(done + 1, i - 120), i)[::-1]
    if not above:
        return None
    last = start = 0
    for k in range(min(len(above), 16)):
        text = view.lines[above[k]]
        if k == 0:
            if _SCORE_RE.match(text) or _REP_RE.match(text) or _DATE_ALONE_RE.match(text):
                return None  # no text above the signature
            continue
        if _SCORE_RE.match(text):
            start = k  # the comment's score
            break
        if (
            _BADGE_LINE_RE.match(text)
            or _REP_RE.match(text)
            or _STRONG_MENU_RE.match(text)
            or _DATE_ALONE_RE.match(text)
            or _WEAK_MENU_RE.match(text)
        ):
            break
        last = start = k
    else:
        if not (done >= i - 120 and done >= 0 and len(above) <= 16):
            last = start = 0  # no boundary within reach: one text line only
    return _Found(above[start], date, tuple(above[: last + 1][::-1]), author, view.lines[date], None)


def _with_score(view: TextView, start: int) -> int:
    """Extend a comment upwards over its lone score number (``3`` or ``• 3``) directly above."""
    prev = start - 1
    while prev >= 0 and not view.lines[prev].strip() and not view.claimed[prev]:
        prev -= 1
    if prev >= 0 and view.is_live(prev) and _SCORE_RE.match(view.lines[prev]) and start - prev <= 2:
        return _with_count(view, prev)
    return start


#: A lone number without a bullet: the count of a post's comments, printed above their list.
_COUNT_RE = lazy(r"^[ \t]*+\d{1,4}[ \t]*$")


def _with_count(view: TextView, first: int) -> int:
    """Extend a comment list whose first line is the bulleted score ``first`` (``• 6``) upwards over the number
    of the post's comments directly above it (Resiliparse prints the count, then at most five comments as a
    list): a lone number at least as large as the comments listed under it."""
    top = first - 1
    if top < 0 or not view.is_live(top) or not _LEAD_BULLET_RE.match(view.lines[first]):
        return first
    m = _COUNT_RE.match(view.lines[top])
    if m is None:
        return first
    listed = 0
    for k in range(first, min(len(view), first + 200)):
        line = view.lines[k]
        if not line.strip():
            break
        if _LEAD_BULLET_RE.match(line):
            listed += 1
        elif _COUNT_RE.match(line):
            break
    return top if 1 <= listed <= int(view.lines[top]) else first


# -- SE005: the network's page shell --------------------------------------------------------------------------

_SHELL = (
    r"Stack Exchange network consists of \d+ Q&A communities[^\n]{0,300}",
    r"Stack Exchange Network",
    r"Visit Stack Exchange",
    r"Tour Start here for a quick overview of the site",
    r"Start here for a quick overview of the site",
    r"Detailed answers to any questions you might have",
    r"Discuss the workings and policies of this site",
    r"Learn more about Stack Overflow the company(?:, and our products)?\.?",
    r"Learn more about hiring developers or posting ads with us",
    r"Help Center Detailed answers to any questions you might have",
    r"Meta Discuss the workings and policies of this site",
    r"About Us Learn more about Stack Overflow the company(?:, and our products)?\.?",
    r"current community",
    r"your communities",
    r"Sign up or log in to customize your list\.",
    r"more stack exchange communities",
    r"company blog",
    r"Stack Overflow for Teams[^\n]{0,300}",
    r"Stack Internal",
    r"Explore Stack Internal",
    r"Knowledge at work",
    r"Bring the best of human thought and AI automation together at your work\.(?: Learn more)?",
    r"Try for free Learn more",
    r"Your Answer",
    r"Reminder: Answers generated by AI tools are not allowed[^\n]{0,200}",
    r"Thanks for contributing an answer to [^\n]{1,80}!",
    r"Please be sure to answer the question\. Provide details and share your research!",
    r"But avoid …|But avoid \.\.\.",
    r"Asking for help, clarification, or responding to other answers\.",
    r"Making statements based on opinion; back them up with references or personal experience\.",
    r"To learn more, see our tips on writing great answers\.",
    r"Draft saved",
    r"Draft discarded",
    r"Sign up using Google",
    r"Sign up using Email and Password",
    r"Sign up using Facebook",
    r"Post Your Answer(?: Discard)?",
    r"By clicking [“\"]Post Your Answer[”\"], you agree to our terms of service[^\n]{0,200}",
    r"Start asking to get answers",
    r"Find the answer to your question by asking\.",
    r"Explore related questions",
    r"See similar questions with these tags\.",
    r"more hot questions",
    r"To subscribe to this RSS feed, copy and paste this URL into your RSS reader\.",
    r"Site design / logo © \d{4} Stack Exchange Inc[^\n]{0,200}",
    r"Stack Data Licensing",
    r"Stack Ads",
    r"Culture & recreation",
    r"Life & arts",
    r"Sign up to request clarification or add additional context in comments\.",
    r"enter image description here",
    r"Use MathJax to format equations\.(?: MathJax reference\.)?",
    r"\\\$\\(?:begin|end)group\\\$",
    r"Upcoming initiatives on Stack Overflow and across the Stack Exchange network[^\n]{0,100}",
)
_SHELL_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]+)?(?:{'|'.join(_SHELL)})[ \t]*$", regex.IGNORECASE | regex.MULTILINE
)
#: The head of the answer form's terms sentence when its links stand on lines of their own.
_TERMS_HEAD_RE = lazy(
    r"^[ \t]*+By clicking [“\"]Post Your Answer[”\"], you agree to our[ \t]*$", regex.IGNORECASE | regex.MULTILINE
)
_TAG_RE = lazy(r"^[ \t]*+[a-z0-9][a-z0-9.+#-]{0,34}[ \t]*$")
_SHELL_ITEM_RE = lazy(r"^[ \t]*+(?:[-•*+][ \t]+)?(?:Tour|Help Center|Help|Meta|About Us|Advertising)[ \t]*$", regex.MULTILINE)
_SHORT_RE = lazy(r"^[^\n]{1,60}$")


@rule(
    "SE005",
    "site-shell",
    tags=["navigation", "notice"],
    scope="document",
    trigger=r"Stack Exchange|Stack Overflow|Your Answer|questions tagged|Post Your Answer|Explore related|"
    r"request clarification|Start asking|Use MathJax",
)
def site_shell(view: TextView) -> Iterator[Hit]:
    """The Stack Exchange page shell: network banner, "Your Answer" form, tag lists, footer directory.

    Fixed strings of the network's template (``Stack Exchange network consists of 183 Q&A communities…``,
    ``Thanks for contributing an answer to …!``, ``Post Your Answer``, ``Site design / logo © …``), the
    question's tag list (lower-case tag lines above ``Share`` or under ``Explore related questions``), and,
    on a Stack Exchange page, the run of short footer lines after the last shell line.

    Example (removed)::

        Stack Exchange network consists of 183 Q&A communities including Stack Overflow, the largest, most
        trusted online community for developers to learn, share their knowledge, and build their careers.
    """
    shell = [i for i, _m in iter_line_matches(view, _SHELL_RE)]
    for i, _m in iter_line_matches(view, _TERMS_HEAD_RE):
        # the answer form's terms sentence one text node a line: its links and the closing stop on lines of
        # their own (``terms of service`` / `` and acknowledge you have read our `` / ``privacy policy`` / ``.``)
        end = i
        for k in view.first_live(i + 1, 6):
            if k > end + 3 or len(view.lines[k].strip()) > 60:
                break
            end = k
            if view.lines[k].rstrip().endswith("."):
                break
        if view.lines[end].rstrip().endswith("."):
            shell.append(i)
            yield from free_spans(view, i + 1, end, "Stack Exchange page shell")
    for i in shell:
        yield Hit(i, i, "Stack Exchange page shell")
        # the menu item a description belongs to, on the line above it (one text node a line: ``Tour`` /
        # ``Start here for a quick overview of the site``)
        above = next((k for k in range(i - 1, max(-1, i - 4), -1) if view.lines[k].strip()), None)
        if above is not None and view.is_live(above) and _SHELL_ITEM_RE.match(view.lines[above]):
            yield Hit(above, above, "Stack Exchange page shell")
    if view.engine != "stackexchange":
        return
    done = set(shell)
    n = len(view)
    # tag lists: lower-case tag lines right above the post menu or right under "Explore related questions"
    for i, line in view.iter_lines():
        s = line.strip()
        if s in ("Share", "Improve this question") or regex.match(r"(?i)explore related questions$", s):
            upward = s != "Explore related questions" and not s.lower().startswith("explore")
            k = i - 1 if upward else i + 1
            tags: list[int] = []
            while 0 <= k < n and len(tags) < 6:
                if not view.lines[k].strip():
                    k += -1 if upward else 1
                    continue
                if view.is_live(k) and _TAG_RE.match(view.lines[k]) and not _NUMBER_RE.match(view.lines[k]):
                    tags.append(k)
                    k += -1 if upward else 1
                    continue
                break
            if tags and len(tags) <= 5:
                yield from free_spans(view, min(tags), max(tags), "question tags")
    # the footer directory: short lines between shell lines in the final part of the page
    tail = [i for i in shell if i >= n * 0.6]
    for a, b in itertools.pairwise(tail):
        rest = [k for k in range(a + 1, b) if view.is_live(k)]
        if rest and len(rest) <= 60 and all(word_count(view.lines[k]) <= 6 for k in rest):
            yield from free_spans(view, rest[0], rest[-1], "Stack Exchange footer directory")
    del done


_LONE_NUMBER_RE = lazy(r"^[ \t]*+(?:[-•][ \t]+)?[+-]?\d{1,6}[ \t]*$")


@rule("SE006", "vote-number", tags=["post-meta"], trigger=r"^[ \t]*+(?:[-•][ \t]+)?[+-]?\d{1,6}[ \t]*$")
def vote_number(view: TextView) -> Iterator[Hit]:
    """Lone vote, bounty and comment-count numbers on a Stack Exchange page (``467``, ``+100``, ``3``).

    Only on pages recognised as Stack Exchange, and only in runs of at most three number lines that start
    a post or sit next to another number or menu line, so a column of numbers in a code sample stays.

    Example (removed, on a Stack Exchange page)::

        467
        +100
    """
    if view.engine != "stackexchange":
        return
    live = view.live_indices()
    k = 0
    while k < len(live):
        if not _LONE_NUMBER_RE.match(view.lines[live[k]]):
            k += 1
            continue
        j = k
        while j + 1 < len(live) and _LONE_NUMBER_RE.match(view.lines[live[j + 1]]):
            j += 1
        run = live[k : j + 1]
        prev = live[k - 1] if k else None
        if len(run) <= 3 and (
            prev is None
            or len(run) >= 2
            or _BOUNDARY_RE.match(view.lines[prev])
            or _WEAK_MENU_RE.match(view.lines[prev])
            or _boundary_above(view, run[0])
            or (_claimed_beside(view, run[0], -1) and _claimed_beside(view, run[-1], 1))
            or _answers_bar_below(view, run[-1])
        ):
            for i in run:
                yield Hit(i, i, "vote count")
        k = j + 1


#: The answers bar under the question (``19 Answers``): a count right above it is the question's.
_ANSWERS_BAR_RE = lazy(rf"^[ \t]*+\d[\d,]*[ \t]+(?:{_COUNTS})[ \t]*$", regex.IGNORECASE)


def _answers_bar_below(view: TextView, i: int) -> bool:
    """Whether the next line after line ``i`` with text (taken by a rule or not) is the answers bar."""
    for k in range(i + 1, min(len(view), i + 4)):
        if view.original[k].strip():
            return _ANSWERS_BAR_RE.match(view.original[k]) is not None
    return False


def _boundary_above(view: TextView, i: int) -> bool:
    """Whether the nearest line with text above line ``i`` (taken by a rule or not: a comment SE004 took) ends a
    post's comments or menu (``… Commented Mar 3 at 9:10``, ``Add a comment``)."""
    for k in range(i - 1, max(-1, i - 4), -1):
        line = view.original[k]
        if line.strip():
            return _BOUNDARY_RE.match(line) is not None or (
                "Commented" in line and _COMMENTED_TAIL_RE.search(line) is not None
            )
    return False


def _claimed_beside(view: TextView, i: int, step: int) -> bool:
    """Whether the nearest non-blank line from line ``i`` in direction ``step`` is one another rule took (a user
    card above, a comment below: the comment count between them), or there is none (the end of the post)."""
    k = i + step
    while 0 <= k < len(view.lines) and not view.claimed[k] and not view.lines[k].strip():
        k += step
    return not 0 <= k < len(view.lines) or view.claimed[k]


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from a Stack Exchange page."""
    head = text[:400_000]
    score = 0.0
    if "tack" in head and (
        "stackexchange.com" in head
        or "stackoverflow.com" in head
        or (
            "Stack Exchange " in head
            and ("Stack Exchange Inc" in head or "Stack Exchange network consists of" in head)
        )
    ):
        score += 0.6
    if "Improve this " in head and _SNIFF_IMPROVE_RE.search(head):
        score += 0.5
    if "badge" in head and _SNIFF_BADGES_RE.search(head):
        score += 0.4
    commented = len(_SNIFF_COMMENTED_RE.findall(head)) if "Commented" in head else 0
    if commented:
        score += 0.3 if commented < 2 else 0.5
    if "Answer" in head and _SNIFF_ANSWERS_RE.search(head):
        score += 0.3
    if "enter image description here" in head or "\\$\\begingroup\\$" in head:
        score += 0.3
    if "Highest score (default)" in head or ("Add a comment" in head and _SNIFF_ADD_COMMENT_RE.search(head)):
        score += 0.4
    if any(asked.search(head) for asked in _SNIFF_ASKED_RES):
        score += 0.2
    shell = sum(1 for x in _SNIFF_SHELL if x in head)
    if shell:
        score += 0.25 if shell < 2 else 0.5
    return min(1.0, score)


# Sniffer patterns: each runs only when the literal text it needs occurs (a plain substring test costs far less).
_SNIFF_IMPROVE_RE = lazy(r"^[ \t]*+(?:Share[ \t]*)?Improve this (?:answer|question)", regex.MULTILINE)
_SNIFF_BADGES_RE = lazy(r"\d+[ \t]+\d+[ \t]+(?:gold|silver|bronze)[ \t]+badges?")
_SNIFF_COMMENTED_RE = lazy(r"Commented[ \t]+[A-Z][a-z]{2}[ \t]+\d{1,2}")
_SNIFF_ANSWERS_RE = lazy(r"^[ \t]*+\d+[ \t]+Answers?[ \t]*$", regex.MULTILINE)
_SNIFF_ADD_COMMENT_RE = lazy(r"^[ \t\xa0]*+Add a comment[ \t\xa0]*\|", regex.MULTILINE)
#: Strings of the network's page shell that only its Q&A pages print (the answer form, the prompts under a
#: question, the related-questions footer): main-content extractors keep some of them.
_SNIFF_SHELL = phrases("qa_shell_sniff")


def _sniff_asked_re(word: str) -> regex.Pattern[str]:
    """The ``asked Mar 3`` / ``answered Mar 3`` line for ``word``, led by it (the regex engine scans for a literal
    quickly)."""
    pattern = regex.compile(
        rf"^[ \t]*+{word}[ \t]+[A-Z][a-z]{{2}}[ \t]+\d{{1,2}}", regex.MULTILINE, cache_pattern=False
    )
    return literal_led(pattern, word) or pattern


#: ``^[ \t]*(?:asked|answered)[ \t]+[A-Z][a-z]{2}[ \t]+\d{1,2}``, one pattern for each word.
_SNIFF_ASKED_RES = (_sniff_asked_re("asked"), _sniff_asked_re("answered"))


_COMMENTS_HEAD_RE = lazy(rf"^[ \t]*+(?:(?P<n>\d{{1,4}})[ \t]+)?(?:{_COMMENTS_WORD})[ \t]*$", regex.IGNORECASE)
_BAR_RE = lazy(r"^[ \t]*+\|[ \t]*$")


@rule("SE007", "comment-list", tags=["post-meta"], trigger=_COMMENTS_WORD)
def comment_list(view: TextView) -> Iterator[Hit]:
    """Stack Overflow's 2024 layout, as Resiliparse keeps it: the comments' toggle (``6 Comments``), one line
    for each comment shown (its text only: the names and dates are gone), and the ``|`` left of the
    add-a-comment link; or the toggle alone (``Comments``) ending a post without comments shown. The comments
    move to ``post.comments``; the toggle and the bar go. Only on pages recognised as Stack Exchange.

    Example (removed, the comment moved to comments)::

        1 Comment
        Thanks, the second command did it.
        |
    """
    if view.engine != "stackexchange":
        return
    live = view.live_indices()
    for k, i in enumerate(live):
        m = _COMMENTS_HEAD_RE.match(view.lines[i])
        if m is None:
            continue
        if m.group("n") is None:
            if k == len(live) - 1:
                yield Hit(i, i, "comments toggle")
            continue
        count = int(m.group("n"))
        # the comments shown (the first few of ``count``), then the bar; or all of them, ending the post
        end = next((j for j in range(k + 1, min(len(live), k + count + 2)) if _BAR_RE.match(view.lines[live[j]])), None)
        bar = end is not None
        if end is None and k + count == len(live) - 1:
            end = len(live)
        if end is None or any(not _flat_comment(view.lines[live[j]]) for j in range(k + 1, end)):
            continue  # (the threaded layout, with names, dates and menus: SE004's)
        yield Hit(i, i, "comments toggle")
        for j in range(k + 1, end):
            text = " ".join(view.lines[live[j]].split())
            yield Hit(live[j], live[j], "comment under a post", {"comment": Comment(text=text)}, moved_to="comments")
        if bar:
            yield Hit(live[end], live[end], "add-a-comment link's separator")


def _flat_comment(line: str) -> bool:
    """Whether ``line`` can be a comment's whole text in the flat list (not a menu item, a date, a timestamp or
    a name over its age)."""
    return (
        len(line) <= 800
        and not _STRONG_MENU_RE.match(line)
        and not _WEAK_MENU_RE.match(line)
        and not _ISO_T_RE.match(line)
        and not _AGO_TAIL_RE.search(line)
        and not _COMMENTED_ALONE_RE.match(line)
    )


_AGO_TAIL_RE = lazy(r"(?:\bago|Over a year ago)[ \t]*$", regex.IGNORECASE)


PACK = RulePack(
    name="stackexchange",
    prefix="SE",
    rules=(vote_count, comment_list, post_menu, user_card, comment, site_shell, vote_number),
    sniff=sniff,
    description="Stack Exchange pages flattened to text",
)
