"""Invision Community (IPS 4/5), text form: author panes, ``Posted`` lines, quotes, edit notes, post links."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

import regex

from .._lazy import lazy
from ..dates import DATE_RE, MONTHS, parse_date
from ..model import Quote
from ..phrases import PHRASES, alternation, phrases
from ..rules import Hit, RulePack, rule
from ..text import TextView, any_literal, could_match, match_at, search_lines, word_count
from ._common import (
    LineHeads,
    has_year,
    is_digit,
    is_name_like,
    is_rank_like,
    iter_line_matches,
    matches_at,
    parse_count,
    quote_block,
)
from ._modern import (
    BARE_INT_RE,
    COUNT,
    RELATIVE_TIME,
    US_DATE,
    count_matches,
    embed_cards,
    known_authors,
    line_re,
    phrase_alt,
    phrase_list,
    remember_authors,
    whole_line_hits,
)
from ._sniff import LineScan, requires, stays_on_line
from .page import free_spans

__all__ = ["PACK"]

_DATE = rf"(?:{DATE_RE.pattern})"
_MON = "|".join(
    sorted(
        {regex.escape(n) for table in MONTHS.values() for names in table.values() for n in names},
        key=len,
        reverse=True,
    )
)
_SHORT_DATE = (
    rf"(?:(?:{_MON})\.?[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?|\d{{1,2}}\.?[ \t]+(?:{_MON})\.?(?:[ \t]+\d{{4}})?)"
)
_WHEN = rf"(?:{_DATE}|{US_DATE}(?:[ \t]+(?:at|um|à|a las|às|alle|om|o|в)[ \t]+\d{{1,2}}:\d{{2}}[ \t]*(?:[AP]M)?)?|{RELATIVE_TIME}|{_SHORT_DATE})"
_EDITED_MARK = r"\((?:edited|bearbeitet|modifié|editado|modificato|bewerkt|edytowany|изменено)\)"
#: (as a list item, when the date sat in the pane's list: links2)
_POSTED_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]++)?(?:{phrase_alt('ips_posted')})[ \t]+(?:on[ \t]+)?(?P<date>{_WHEN})(?:[ \t]*{_EDITED_MARK})?[ \t]*$",
    regex.IGNORECASE | regex.VERSION1,
)
_AGE = r"\d{1,3}[ \t]*(?:yrs?|mos?|wks?|d|hrs?|h|mins?|m)"
#: IPS 5 entry header: ``August 26, 2024 1 yr`` (glued as ``August 26, 20241 yr`` by some extractors).
_IPS5_DATE_RE = lazy(
    rf"^[ \t]*+(?P<date>{_DATE})[ \t]*(?P<age>{_AGE})[ \t]*(?:{_EDITED_MARK})?[ \t]*$",
    regex.IGNORECASE | regex.VERSION1,
)
_IPS5_GLUED_RE = lazy(
    rf"^[ \t]*+(?P<date>{_DATE})[ \t]*(?P<age>{_AGE})[ \t]+(?=\S)",
    regex.IGNORECASE | regex.VERSION1 | regex.MULTILINE,
)
_LIST_BULLET_RE = regex.compile(r"^[ \t]*+[-•*+][ \t]+")


def _unbullet(line: str) -> str:
    """``line`` stripped, without a list bullet (inscriptis lists pane items: ``* 2.8k posts``)."""
    return _LIST_BULLET_RE.sub("", line, count=1).strip()


#: A custom field's label alone on its line, its value on the next (``Location:`` / ``Lisbon``).
_LABEL_ALONE_RE = lazy(r"^[ \t]*+\p{L}[^:\n]{0,28}:[ \t]*$")
_PANE_LABELS = (
    r"posts?|Badges?|Reputation|Solutions?|Points|Beiträge|messages|mensajes|mensagens|messaggi|berichten|postów|"
    r"сообщени[йея]"
)
_PANE_COUNT_RE = lazy(
    rf"^[ \t]*+(?:(?P<n>{COUNT})(?:[ \t]+(?P<label>{_PANE_LABELS}))?|(?P<label3>{_PANE_LABELS})|(?P<label2>Posts|Joined|Reputation|Location|Gender|Beiträge|Registriert)[ \t]*:?[ \t]*(?P<v2>[^\n]{{1,40}}))[ \t]*$",
    regex.IGNORECASE | regex.VERSION1,
)
_LABEL_VALUE_RE = lazy(
    r"^[ \t]*+(?P<label>[\w][\w .'/#-]{0,30}):[ \t]+(?P<value>[^\n]{1,80}?)[ \t]*$"
)
_BADGE_RE = line_re(
    r"(?:[-•*+][ \t]+)?(?:Author|Autor|Auteur|Autore|Auteur|Автор|Author stats|Popular Post|\#\d{1,6}|Share|Teilen|Partager|Compartir|Compartilhar|Condividi|Delen|Udostępnij|Поделиться)",
    flags=regex.IGNORECASE,
)
_LINKS_ALT = phrase_alt("ips_post_links", min_words=2)
_LINKS_RE = line_re(rf"(?:{_LINKS_ALT})(?:[ \t]+(?:{_LINKS_ALT}))*", flags=regex.IGNORECASE)
#: The report button, which sits between the desktop pane and the post's date line.
_REPORT_RE = line_re(phrase_alt("ips_report"), flags=regex.IGNORECASE)
#: An image as text browsers print one without alt text: its file name in brackets (``[909986532_]``).
_IMAGE_TOKEN_RE = regex.compile(r"^[ \t]*+\[[^\]\s]{1,40}\][ \t]*$")
_FOLLOWERS_RE = line_re(
    rf"(?:Followers|Follower|Abonnés|Seguidores|Seguaci|Volgers|Obserwujący|Подписчики)[ \t]*{COUNT}?"
)


#: The IPS 5 entry header split over two lines by an extractor that writes one text node per line
#: (``August 26, 2024`` / ``1 yr``).
_DATE_LINE_RE = lazy(rf"^[ \t]*+(?P<date>{_DATE})[ \t]*$", regex.IGNORECASE | regex.VERSION1)
_AGE_ONLY_RE = lazy(
    rf"^[ \t]*+(?P<age>{_AGE})[ \t]*(?:{_EDITED_MARK})?[ \t]*$", regex.IGNORECASE | regex.VERSION1
)
#: Lines that, next to a split entry header, show it is something else: the topic header's ``in {forum}`` and
#: the split edit note ``Edited`` / ``{date}`` / ``{age}`` / ``by {user}``.
_NOT_ENTRY_BEFORE_RE = line_re(
    r"Edited|Bearbeitet|Modifié|Editado|Modificato|Bewerkt|Edytowany|Изменено", flags=regex.IGNORECASE
)
_NOT_ENTRY_AFTER_RE = lazy(
    r"^[ \t]*+(?:in|by|von|par|por|da|door|przez|в)(?:[ \t]|$)", regex.IGNORECASE
)


def _age_lines(view: TextView) -> set[int]:
    """Live lines holding only an IPS 5 age (``1 yr``), the second half of a split entry header."""
    return {i for i, line in view.iter_lines() if _ips5_shape(line) and _AGE_ONLY_RE.match(line)}


def _split_ips5(view: TextView, i: int, ages: set[int]) -> regex.Match[str] | None:
    """Line ``i`` as the date half of a split IPS 5 entry header: a date alone, the next live line its age."""
    nxt = view.first_live(i + 1)
    if not nxt or nxt[0] not in ages or nxt[0] - i > 2:
        return None
    m = _DATE_LINE_RE.match(view.lines[i])
    if m is None:
        return None
    after = view.first_live(nxt[0] + 1)
    if after and _NOT_ENTRY_AFTER_RE.match(view.lines[after[0]]):
        return None
    prev = [k for k in range(i - 1, max(-1, i - 3), -1) if view.is_live(k)]
    if prev and _NOT_ENTRY_BEFORE_RE.match(view.lines[prev[0]]):
        return None
    return m


_POSTED_ALONE_RE = line_re(phrase_alt("ips_posted"), flags=regex.IGNORECASE)
_DATE_ONLY_RE = lazy(
    rf"^[ \t]*+(?P<date>{_WHEN})[ \t]*(?:{_EDITED_MARK})?[ \t]*$", regex.IGNORECASE | regex.VERSION1
)


#: Where ``_POSTED_RE`` and ``_POSTED_ALONE_RE`` lines start.
_POSTED_HEADS = LineHeads(phrase_list("ips_posted"), blanks=" \t\xa0", bullets="-•")
#: The last character of an ``_IPS5_DATE_RE`` line (an age unit or the edited mark), case-folded.
_AGE_ENDS = frozenset("rsokdhmn)")
#: Every character the age units (``yrs``, ``mins`` …) match, whatever the case (regex reads ``ſ`` as ``s``, the
#: Kelvin sign as ``k``, ``İ`` as ``i``).
_UNIT_CHARS = "yrsmowkdhinYRSMOWKDHIN\u0130\u017f\u212a"


def _ips5_shape(line: str) -> bool:
    """A cheap necessary test for ``_IPS5_DATE_RE``: the line ends in a digit and an age unit (``1 yr``), maybe
    followed by the edited mark."""
    s = line.rstrip(" \t")
    if s[-1:].casefold() not in _AGE_ENDS:
        return False
    if s.endswith(")"):
        s = s[: s.rfind("(")].rstrip(" \t")
    unit = s.rstrip(_UNIT_CHARS)  # a unit has one to four letters, after a digit and maybe blanks
    return 0 < len(s) - len(unit) <= 4 and is_digit(unit.rstrip(" \t")[-1:])


def _anchor(line: str) -> regex.Match[str] | None:
    # the cheap tests first (a capital dotted I, which regex matches to i, defeats the case-folded head test)
    if _POSTED_HEADS.test(line) or "\u0130" in line:
        m = _POSTED_RE.match(line)
        if m is not None:
            return m
    return _IPS5_DATE_RE.match(line) if _ips5_shape(line) else None


def _is_anchor(view: TextView, i: int, line: str, posted: set[int], ages: set[int]) -> bool:
    """``_anchor(line) or _split_anchor(view, i) or _split_ips5(view, i, ages)``, each pattern tried only where a
    cheap necessary test passes: ``posted`` holds the lines that may be ``Posted`` lines; an IPS 5 date line ends
    in an age and holds a digit; a split one has an age line (``ages``) right below."""
    if i in posted and _POSTED_RE.match(line):
        return True
    if _ips5_shape(line) and _IPS5_DATE_RE.match(line):
        return True
    if (i + 1 in ages or i + 2 in ages) and _split_ips5(view, i, ages) is not None:
        return True
    return (i - 1 in posted or i - 2 in posted) and _split_anchor(view, i) is not None


def _split_anchor(view: TextView, i: int) -> regex.Match[str] | None:
    """A date line right below a lone ``Posted`` line (the date was an inline element on its own line)."""
    m = _DATE_ONLY_RE.match(view.lines[i])
    if not m:
        return None
    prev = [k for k in range(i - 1, max(-1, i - 3), -1) if view.is_live(k)]
    return m if prev and _POSTED_ALONE_RE.match(view.lines[prev[0]]) else None


def _pane_ish(line: str) -> bool:
    s = line.strip()
    if not s:
        return True
    n = word_count(s)
    return len(s) <= 100 and n <= 12 and not (n >= 4 and s[-1] in ".?!") and not _LINKS_RE.match(s)


def _anchor_date(view: TextView, i: int, ages: set[int]) -> str:
    m = _anchor(view.lines[i]) or _split_anchor(view, i) or _split_ips5(view, i, ages)
    return " ".join(m.group("date").lower().split()) if m else ""


def _same_post_dates(view: TextView, a: int, b: int, ages: set[int]) -> bool:
    """Two date anchors can belong to one post's pane only if they show the same date."""
    return _anchor_date(view, a, ages) == _anchor_date(view, b, ages)


def _text_like(line: str) -> bool:
    """A line of post text rather than of an author pane: a sentence, or a short line ending like one.

    A one-line reply between two date lines of the same day must not be taken for a pane line.
    """
    s = line.strip()
    if not s or _PANE_COUNT_RE.match(s) or _LABEL_VALUE_RE.match(s) or _BADGE_RE.match(s):
        return False
    n = word_count(s)
    if n >= 5:
        return True
    return s[-1] in ".!?" and not s.endswith("...") and n >= 1


#: IP.Board 3's ``{name} This user is offline`` (the status icon's alt text after the name).
_USER_STATUS_RE = lazy(rf"(?<![ \t])[ \t]++(?:{alternation('ips_user_status')})[ \t]*+$", regex.IGNORECASE)
_USER_STATUS_NEEDLES = tuple(p.split()[-1].casefold() for p in phrases("ips_user_status"))


def _strip_status(line: str) -> str:
    """``line`` without the online-status alt text at its end."""
    low = line.casefold()
    if any(n in low for n in _USER_STATUS_NEEDLES):
        return _USER_STATUS_RE.sub("", line, count=1)
    return line


def _name_like(line: str) -> bool:
    s = _strip_status(line).strip()
    if _POSTED_ALONE_RE.match(s):
        return False
    return bool(s) and len(s) <= 40 and word_count(s) <= 4 and s[-1] not in '.!?,;:"”)' and "://" not in s


_BARE_COUNT_RE = lazy(rf"^[ \t]*+{COUNT}[ \t]*$")
_NAME_REP_RE = lazy(rf"^(?P<name>.+?)[ \t]+(?P<rep>{COUNT})$")
_EDITED_MARK_RE = lazy(_EDITED_MARK, regex.IGNORECASE)


#: IP.Board 3's post number before the poster's name on one line (``#4 bramwell_fly``).
_POST_NUMBER_RE = regex.compile(r"^[ \t]*+\#\d{1,6}[ \t]++(?=\S)")
#: A reaction score alone (``+2``, ``-1``): the post above's, never a name.
_SIGNED_COUNT_RE = regex.compile(r"^[ \t]*+[+-]\d{1,6}[ \t]*+$")


def _pane_facts(lines: list[str], date_raw: str | None) -> dict[str, Any]:
    lines = _join_split_counts(lines)
    facts: dict[str, Any] = {}
    counts: list[int] = []
    extra: dict[str, str] = {}
    names = [
        _POST_NUMBER_RE.sub("", _strip_status(s), count=1)
        for s in lines
        if _name_like(s)
        and not _PANE_COUNT_RE.match(s)
        and not _anchor(s)
        and not _BADGE_RE.match(s)
        and not _SIGNED_COUNT_RE.match(s)
        and not _profile_label_line(s)
    ]
    if names:
        name = names[0]
        m = _NAME_REP_RE.match(name)
        if m and any(s == m.group("name") for s in lines):
            name = m.group("name")
        facts["author.name"] = name
        ranks = [s for s in names[1:] if s != name and not s.startswith(name)]
        if ranks:
            facts["author.rank"] = ranks[0]
    for s in lines:
        cm = _PANE_COUNT_RE.match(s)
        if cm and cm.group("n"):
            c = parse_count(cm.group("n"))
            label = (cm.group("label") or "").lower()
            if c is None:
                continue
            if label.startswith(("post", "beitr", "mess", "mensa", "bericht", "сообщ")):
                facts["author.messages"] = c
            elif label.startswith("reput"):
                facts["author.reaction_score"] = c
            elif label:
                extra[cm.group("label")] = cm.group("n")
            else:
                counts.append(c)
        elif (lv := _LABEL_VALUE_RE.match(s)) is not None:
            extra.setdefault(lv.group("label").strip(), lv.group("value").strip())
        elif (
            len(s) <= 30
            and has_year(s)  # parse_date finds nothing without one
            and (d := parse_date(s)) is not None
            and "author.joined" not in facts
            and s != date_raw
        ):
            facts["author.joined"] = d if not hasattr(d, "date") else d.date()
    for c in counts:
        if "author.messages" not in facts:
            facts["author.messages"] = c
        elif "author.reaction_score" not in facts:
            facts["author.reaction_score"] = c
    if extra:
        facts["author.extra"] = extra
    if date_raw:
        facts["post.date_raw"] = date_raw
        d = parse_date(date_raw)
        if d is not None:
            facts["post.date"] = d
    return facts


def _join_split_counts(lines: list[str]) -> list[str]:
    """``2.8k`` / ``posts`` (a count and its label on two lines, one text node a line) as ``2.8k posts``."""
    out: list[str] = []
    for s in lines:
        cm = _PANE_COUNT_RE.match(s)
        if cm and cm.group("label3") and out and _BARE_COUNT_RE.match(out[-1]):
            out[-1] = f"{out[-1].strip()} {s.strip()}"
        else:
            out.append(s)
    return out


@rule("IPS001", "author-pane", tags=["author-block", "post-meta"], stage="split", scope="document")
def author_pane(view: TextView) -> Iterator[Hit]:
    """Author pane and ``Posted {date}`` line(s) that open every Invision post.

    IPS 4 prints a compact pane (``{user}`` / ``Posted {date}``) for phones and a full one (name, member title,
    group, post count, reputation, custom fields) for desktops, then ``Posted {date}`` again; IPS 5 prints the date
    as ``{date} {age}`` (``August 26, 2024 1 yr``). Flattened, both panes sit between the name and the last date
    line; the run opens the post and moves to ``post.author`` / ``post.date``.

    Example (removed)::

        Rabbids
        Posted March 19, 2024
        Rabbids
        Members
        1
        Posted March 19, 2024
    """
    posted = set(_POSTED_HEADS.lines(view))
    ages = _age_lines(view)
    # (the topic overview's popular posts print their author and date as posts do: they open no post)
    outside = _not_in_overview(view)
    anchors = [i for i, line in view.iter_lines() if _is_anchor(view, i, line, posted, ages) and outside(i)]
    if not anchors:
        return
    groups: list[list[int]] = []
    for a in anchors:
        if (
            groups
            and a - groups[-1][-1] <= 40
            and _same_post_dates(view, groups[-1][-1], a, ages)
            and all(
                (_pane_ish(view.lines[k]) or _REPORT_RE.match(view.lines[k])) and not _text_like(view.lines[k])
                for k in range(groups[-1][-1] + 1, a)
            )
        ):
            groups[-1].append(a)
        else:
            groups.append([a])
    names: list[str] = []
    for g in groups:
        first, last = g[0], g[-1]
        # look back over the pane above the first date line
        start = first
        between = [
            x
            for x in range(first + 1, last)
            if view.is_live(x)
            and x not in ages
            and not _anchor(view.lines[x])
            and not _BADGE_RE.match(view.lines[x])
        ]
        if len(g) > 1 and between:
            after = view.first_live(first + 1)
            desk = view.lines[after[0]].strip() if after else ""
            inside = {view.lines[x].strip() for x in range(first, last) if view.is_live(x)}
            k, taken = first - 1, 0
            while k >= 0 and taken < 2 and not view.claimed[k]:
                s = _unbullet(view.lines[k])  # (links2 lists the desktop pane's name: ``* *  {name}``)
                if not s:
                    k -= 1
                    continue
                if _POSTED_ALONE_RE.match(s):
                    start, k = k, k - 1
                    continue
                if (
                    desk
                    and (s == desk or (s.startswith(desk + " ") and _PANE_COUNT_RE.match(s[len(desk) :])))
                ) or (s in inside and is_rank_like(s)):
                    start, taken, k = k, taken + 1, k - 1
                    continue
                break
        else:
            start = _full_pane_start(view, first, ages)
        end = last
        split_date = None
        if not _anchor(view.lines[last]) and (split_date := _split_ips5(view, last, ages)) is not None:
            end = view.first_live(last + 1)[0]  # the age line
        for _ in range(3):
            nxt = view.first_live(end + 1)
            if nxt and nxt[0] - end <= 2 and _BADGE_RE.match(view.lines[nxt[0]]):
                end = nxt[0]
            else:
                break
        pane = [_unbullet(view.lines[x]) for x in range(start, end + 1) if view.is_live(x)]
        m = _anchor(view.lines[last]) or _split_anchor(view, last) or split_date
        date_raw = m.group("date").strip() if m else None
        facts = _pane_facts(
            [s for s in pane if not _anchor(s) and not _DATE_ONLY_RE.match(s) and not _AGE_ONLY_RE.match(s)],
            date_raw,
        )
        if _EDITED_MARK_RE.search(view.lines[last]):
            facts["post.edit_note"] = "edited"
        if "author.name" in facts:
            names.append(facts["author.name"])
        yield Hit(start, end, "author pane and post date", facts, moved_to="author")
    remember_authors(view, names)


_GLUED_FIELD_RE = lazy(r"^[ \t]*+\p{Lu}[\w '/-]{0,30}:\S[^\n]{0,120}$")


def _glued_field_over_counts(view: TextView, k: int, s: str) -> bool:
    """Line ``k`` is a custom field with its value glued to the label (``About me:It's a hobby.``, converters
    that drop the break between two inline elements) right under the pane's counts."""
    if word_count(s) > 16 or not _GLUED_FIELD_RE.match(s):
        return False
    j = k - 1
    while j >= 0 and not view.claimed[j] and not view.lines[j].strip():
        j -= 1
    return j >= 0 and not view.claimed[j] and _PANE_COUNT_RE.match(view.lines[j]) is not None


#: A post's button alone on a line (``Quote``): above an author pane, the end of the post before (``Share``
#: and ``Report`` are not: IPS 4 prints them in the post's header, between the pane and the date).
_BUTTON_WORDS = frozenset(
    w.casefold() for w in phrase_list("buttons") if not _BADGE_RE.match(w) and not _REPORT_RE.match(w)
)


#: The labels of a poster's group or status line in the pane (``Group: Members``, IP.Board 3).
_PROFILE_LABELS = frozenset(p.casefold() for p in phrases("post_head_profile_labels"))


def _profile_label_line(s: str) -> bool:
    """Whether ``s`` is a ``{label}: {value}`` line whose label names the poster's group or status."""
    m = _LABEL_VALUE_RE.match(s)
    return m is not None and m.group("label").strip().casefold() in _PROFILE_LABELS and word_count(s) <= 6


def _full_pane_start(view: TextView, first: int, ages: set[int]) -> int:
    """The first line of the full author pane above line ``first``: name, group, counts, custom fields, and the
    phone pane's name and group between them and ``first`` (a post's first date line); ``first`` when none."""
    start = first
    k, names_taken, phase, compact_seen = first - 1, 0, "stats", False
    stats_seen = False  # counts or fields taken (under the names: a count above them is another post's)
    last_name = ""  # the name line taken last
    filled = 0  # lines with text looked at: blank lines do not count (converters pad a pane with them)
    while k >= 0 and filled < 24 and not view.claimed[k]:
        s = _LIST_BULLET_RE.sub("", view.lines[k], count=1)  # inscriptis lists pane items
        if not s.strip():
            k -= 1
            continue
        filled += 1
        if _LINKS_RE.match(s) or _anchor(s) or _FOLLOWERS_RE.match(s) or k in ages:
            break
        if s.strip().casefold() in _BUTTON_WORDS:
            break  # the previous post's buttons (IPS 5 prints ``Quote`` to members who may reply)
        if _POSTED_ALONE_RE.match(s) or _IMAGE_TOKEN_RE.match(s):
            # (an image in the pane, a badge or rank icon, as text browsers print one without alt text: ``[…]``)
            start = k
            k -= 1
            continue
        if (
            k >= 1
            and not view.claimed[k - 1]
            and len(s.strip()) <= 100
            and _LABEL_ALONE_RE.match(_LIST_BULLET_RE.sub("", view.lines[k - 1], count=1))
        ):
            # a custom field's value under its label (``Location:`` / ``Lisbon``): both are the pane's
            if phase == "names":
                if names_taken > 2 or compact_seen:
                    break
                phase, names_taken, compact_seen = "stats", 0, True
            start = k - 1
            k -= 2
            continue
        if phase == "names" and _profile_label_line(s):
            pass  # IP.Board 3's ``Group: Members`` between the name and the member title: the pane's
        elif (
            _PANE_COUNT_RE.match(s)
            or (_LABEL_VALUE_RE.match(s) and word_count(s) <= 8)
            or _glued_field_over_counts(view, k, s)
        ):
            if phase == "names":
                if names_taken > 2 or compact_seen or stats_seen:
                    break  # (stats under the names, then a count above them: the previous post's reactions)
                # the phone pane's ``{name} {group}`` line (or ``{name}`` / ``{group}``, one text node a
                # line) sits between the stats and the date
                phase, names_taken, compact_seen = "stats", 0, True
            else:
                stats_seen = True
        elif _name_like(s):
            phase = "names"
            names_taken += 1
            if names_taken > (2 if compact_seen else 3) and not (
                # the name printed twice at the top (lynx writes the desktop pane's hidden copy too)
                names_taken == (3 if compact_seen else 4) and s.strip() == last_name
            ):
                break  # above the full pane: name and group only
            last_name = s.strip()
            if _POST_NUMBER_RE.match(s):
                start = k  # IP.Board 3's ``#4 {name}``: the pane's first line
                break
        else:
            break
        start = k
        k -= 1
    above = [_unbullet(view.lines[x]) for x in range(start, first) if view.is_live(x)]
    if len(above) > 1 and not any(_PANE_COUNT_RE.match(x) or is_rank_like(x) for x in above):
        start = first - 1 if view.is_live(first - 1) else first
    return start


_SAID = alternation("said") + "|" + alternation("wrote")
#: (Dutch dates: ``12-3-2015``)
_QUOTE_HEAD_RE = lazy(
    # (a text browser's list bullet before it: links2 writes ``* 36 minutes ago, X said:``)
    rf"^[ \t\xa0]*+(?:[*•-][ \t]++)?(?:(?:{alternation('ips_quote_on')})[ \t]+)?(?P<when>{_WHEN}|\d{{1,2}}-\d{{1,2}}-\d{{4}})"
    rf"(?:[ \t]+(?:{alternation('ips_quote_at')})[ \t]+\d{{1,2}}[:.h]\d{{2}}[ \t]*(?:[AP]M)?)?"
    rf"(?:,[ \t]*(?P<name>[^\n,]{{1,60}}?)[ \t]+(?:{_SAID})"
    rf"|[ \t]+(?:{alternation('ips_quote_said_first')})[ \t]+(?P<name>[^\n,:]{{1,60}}?))[ \t]*:[ \t]*$",
    regex.IGNORECASE | regex.VERSION1 | regex.MULTILINE,
)
_EXPAND_RE = line_re(
    r"Expand|Erweitern|Développer|Expandir|Espandi|Uitvouwen|Rozwiń|Развернуть", flags=regex.IGNORECASE
)


#: Invision 5's citation without a date (``Wrenna Holt said:``): the name, then ``said``/``wrote`` and the colon.
_BARE_QUOTE_HEAD_RE = lazy(
    rf"^[ \t\xa0]*+(?P<name>[^\n:,]{{1,60}}?)[ \t]+(?:{_SAID})[ \t]?:[ \t]*$", regex.IGNORECASE | regex.MULTILINE
)


def _quote_head_shape(line: str) -> bool:
    """A cheap necessary test for ``_QUOTE_HEAD_RE``: a colon at the end, and a comma or a digit."""
    return line.rstrip(" \t").endswith(":") and ("," in line or any(c.isdigit() for c in line))


@rule("IPS002", "quote", tags=["quote"], stage="structure", trigger=r":[ \t]*$")
def quote(view: TextView) -> Iterator[Hit]:
    """Quote citation ``On 3/5/2021 at 10:21 AM, {user} said:`` / ``36 minutes ago, {user} said:`` (tables
    ``ips_quote_on`` / ``ips_quote_at``; German and Dutch put the verb first: ``Am 12.3.2015 um 10:21 schrieb
    {user}:``).

    When the quote's ``Expand`` toggle follows within a few lines, the quoted text moves to ``post.quotes``;
    otherwise only the citation goes (repeated quoted lines are left to de-duplication).

    Example (removed)::

        On 3/5/2024 at 7:29 PM, Dave said:
        Try the classic view.
        Expand
    """
    starts = [i for i, line in enumerate(view.lines) if _quote_head_shape(line)]
    for i, last, m in matches_at(view, _QUOTE_HEAD_RE, starts):
        if i != last or not view.is_live(i):
            continue
        name = m.group("name").strip()
        if word_count(name) > 5:
            continue
        end = None
        for k in range(i + 1, min(len(view), i + 40)):
            if view.is_live(k) and _EXPAND_RE.match(view.lines[k]):
                end = k
                break
            if view.is_live(k) and _quote_head_shape(view.lines[k]) and _QUOTE_HEAD_RE.match(view.lines[k]):
                break
        block = quote_block(view, i, below=True) if end is None else None
        if end is not None and end > i + 1:
            text = "\n".join(view.lines[k].strip() for k in range(i + 1, end) if view.is_live(k))
            yield Hit(
                i, end, f"quote of {name}'s post", {"quote": Quote(author=name, text=text)}, moved_to="quotes"
            )
        elif block is not None and block[1] > i:
            # a Markdown converter's quote box (``>``-led lines), the citation in it or above it: all of it
            text = "\n".join(view.lines[k].strip() for k in range(i + 1, block[1] + 1) if view.is_live(k))
            facts: dict[str, object] = {"quote": Quote(author=name, text=text)} if text else {}
            yield Hit(min(i, block[0]), block[1], f"quote of {name}'s post", facts, moved_to="quotes" if text else None)
        else:
            yield Hit(i, i, f"quote citation ({name})")
    yield from _bare_citations(view)


def _bare_citations(view: TextView) -> Iterator[Hit]:
    """Invision 5's undated citation ``{user} said:`` alone on its line, over the quoted text: only when the name
    is one of the thread's posters (IPS001 found them), so ``And then my neighbour said:`` in prose stays."""
    authors = known_authors(view)
    if not authors:
        return
    starts = [i for i, line in enumerate(view.lines) if line.rstrip(" \t").endswith(":") and view.is_live(i)]
    for i, last, m in matches_at(view, _BARE_QUOTE_HEAD_RE, starts):
        if i != last or not view.is_live(i) or m.group("name").strip().lower() not in authors:
            continue
        if view.first_live(i + 1):
            yield Hit(i, i, f"quote citation ({m.group('name').strip()})")


_EDIT_WORDS = [p.split("|") for p in phrase_list("ips_edited_by")]
# Openers and closers as two alternations around one date: one copy of the date pattern instead of one per
# language keeps the compiled pattern small (any opener with any closer is no looser in practice).
_EDITED_RE = lazy(
    r"^[ \t]*+(?:"
    + "|".join(sorted({regex.escape(a) for a, _b in _EDIT_WORDS}, key=len, reverse=True))
    + rf")[ \t]+(?P<when>{_WHEN}|[^\n]{{1,30}}?)[ \t]+(?:"
    + "|".join(sorted({regex.escape(b) for _a, b in _EDIT_WORDS}, key=len, reverse=True))
    + r")[ \t]+(?P<who>\S[^\n]{0,400}?)[ \t]*$",
    regex.IGNORECASE | regex.VERSION1 | regex.MULTILINE,
)


@rule(
    "IPS003",
    "edit-note",
    tags=["edit-note"],
    trigger=r"Edited|Bearbeitet|Geändert|Modifié|Édité|Editado|Modificato|Bewerkt|Edytowan|Изменено|Отредактировано",
)
def edit_note(view: TextView) -> Iterator[Hit]:
    """``Edited May 22, 2024 by {user}`` (and its reason, when the extractor glued it on); to ``post.edit_note``.

    Example (removed)::

        Edited April 18, 2024 by thanosmano
    """
    for i, m in whole_line_hits(view, _EDITED_RE):
        when = m.group("when") or ""
        if not regex.search(r"\d|ago|now|yesterday|today", when, regex.IGNORECASE):
            continue
        yield Hit(i, i, "edit note", {"post.edit_note": m.group(0).strip()}, moved_to="edit_note")
    # one text node a line: ``Edited`` / ``June 19, 2024`` / ``1 yr`` / `` by {user}``
    for i, _m in whole_line_hits(view, _NOT_ENTRY_BEFORE_RE):
        nxt = view.first_live(i + 1, 3)
        if len(nxt) < 2 or nxt[-1] - i > 6 or not _DATE_ONLY_RE.match(view.lines[nxt[0]]):
            continue
        if _AGE_ONLY_RE.match(view.lines[nxt[1]]):
            nxt = nxt[1:]
        if len(nxt) < 2 or not _EDIT_BY_RE.match(view.lines[nxt[1]]):
            continue
        note = " ".join(view.lines[k].strip() for k in range(i, nxt[1] + 1) if view.is_live(k))
        yield Hit(i, nxt[1], "edit note", {"post.edit_note": note}, moved_to="edit_note")


#: The ``by {user}`` end of an edit note split over lines.
_EDIT_BY_RE = lazy(
    r"^[ \t]*+(?:by|von|par|por|da|door|przez|пользователем)[ \t]+\S[^\n]{0,60}$", regex.IGNORECASE
)
#: The permalink, alone on its line (w3m writes the link box, an input, in brackets: ``[https://…]``).
_URL_LINE_RE = lazy(r"^[ \t]*+(?:https?://\S+|\[https?://[^\s\]]++\])[ \t]*$")
_GUEST_RE = line_re(phrase_alt("ips_guest_prompt", min_words=3), flags=regex.IGNORECASE)
_GUEST_SHORT_RE = line_re(
    phrase_alt("ips_guest_prompt", max_words=2) + "|" + phrase_alt("ips_post_links", max_words=1),
    flags=regex.IGNORECASE,
)
_POSTED_EDITED_RE = line_re(rf"(?:{phrase_alt('ips_posted')})[ \t]*{_EDITED_MARK}", flags=regex.IGNORECASE)
_TITLE_CHANGE_RE = line_re(rf"(?:{_AGE}[ \t]*)?[^\n]{{1,60}}?[ \t]changed the title to[ \t][^\n]{{1,300}}")


_IPS004_TRIGGER = tuple(
    sorted(
        {
            p.split()[0].lower().strip("(")
            for p in phrase_list("ips_post_links") + phrase_list("ips_guest_prompt")
        }
        | {"title", "follow", "abonn", "seguid", "seguac", "volger", "obserwuj", "подписч", "posted"}
    )
)


_TOPIC_LIST_RE = line_re(phrase_alt("ips_topic_lists"), flags=regex.IGNORECASE)
_POSTS_COUNT_RE = line_re(rf"(?:[-•*+][ \t]+)?{COUNT}[ \t]+(?:{_PANE_LABELS})", flags=regex.IGNORECASE)
_ENTRY_RE = line_re(
    rf"(?:[-•*+][ \t]+)?[^\n]{{1,40}}?[ \t]+{COUNT}[ \t]+(?:{_PANE_LABELS})", flags=regex.IGNORECASE
)


def _topic_list(view: TextView, head: int) -> Iterator[int]:
    """The entries under a topic-overview heading (``Top Posters In This Topic``): ``{name} {N} posts`` lines,
    or a short line over an ``{N} posts`` line (one text node a line; another rule may have taken the count
    line); up to 12 of them."""
    k, entries = head + 1, 0
    while entries < 12:
        nxt = view.first_live(k)
        if not nxt or nxt[0] - k > 8:
            return
        a = nxt[0]
        if _ENTRY_RE.match(view.lines[a]):
            yield a
            k = a + 1
        elif _name_like(_unbullet(view.lines[a])) and (c := _count_below(view, a)) is not None:
            yield a
            if not view.claimed[c]:
                yield c
            k = c + 1
        else:
            return
        entries += 1


def _count_below(view: TextView, a: int) -> int | None:
    """The ``{N} posts`` line right below line ``a`` (blank lines between), taken by a rule or not."""
    for j in range(a + 1, min(a + 5, len(view.lines))):
        line = view.original[j] if view.claimed[j] else view.lines[j]
        if line.strip():
            return j if _POSTS_COUNT_RE.match(line) else None
    return None


@rule("IPS004", "post-links", tags=["buttons", "navigation", "notice"], trigger=_IPS004_TRIGGER)
def post_links(view: TextView) -> Iterator[Hit]:
    """Per-post and page controls: ``Link to comment``, ``Share on other sites``, ``More sharing options...``
    (with the permalink between them), ``Recommended Posts``, sign-in prompts, ``Followers``, title changes, and
    the topic overview's ``Top Posters In This Topic`` / ``Popular Days`` lists (``{name} {N} posts``).

    Example (removed)::

        Link to comment
        https://example.com/topic/1-a-topic/#findComment-2
        Share on other sites
        More sharing options...
    """
    hits: set[int] = set()
    for i, _m in whole_line_hits(view, _LINKS_RE):
        hits.add(i)
    for i, _m in whole_line_hits(view, _GUEST_RE):
        hits.add(i)
    for i, _m in whole_line_hits(view, _TITLE_CHANGE_RE):
        hits.add(i)
    for i, _m in whole_line_hits(view, _POSTED_EDITED_RE):
        hits.add(i)
    if view.engine == "invision":
        for i, _m in whole_line_hits(view, _GUEST_SHORT_RE):
            hits.add(i)
        for i, _m in whole_line_hits(view, _FOLLOWERS_RE):
            hits.add(i)
        for i, _m in whole_line_hits(view, _POSTED_ALONE_RE):
            hits.add(i)
    for i in sorted(hits):
        yield Hit(i, i, "Invision control or prompt")
        if _TOPIC_LIST_RE.match(view.lines[i]):
            for k in _topic_list(view, i):
                yield Hit(k, k, "topic overview list entry")
    for i, line in view.iter_lines():
        if i in hits or not _URL_LINE_RE.match(line):
            continue
        if any(k in hits for k in _beside(view, i)):
            yield Hit(i, i, "permalink beside the share controls")


def _beside(view: TextView, i: int) -> tuple[int, ...]:
    """The nearest lines above and below line ``i`` that are not blank (one blank line between at most)."""
    out: list[int] = []
    for step in (-1, 1):
        k = i + step
        if 0 <= k < len(view.lines) and not view.original[k].strip():
            k += step
        if 0 <= k < len(view.lines):
            out.append(k)
    return tuple(out)


#: A post control alone on its line (``Quote``, ``* __Quote`` as html2text writes the icon before it).
_FOOT_CONTROL_RE = line_re(rf"(?:[-•*+][ \t]+)?(?:__)?(?:{phrase_alt('post_controls')})")
#: The reaction count under the controls: a bare number (bulleted or not) or a tally (``• Like 3``).
_FOOT_COUNT_RE = line_re(r"(?:[-•*+][ \t]+)?\d{1,5}")
#: At most this many short lines between the reaction count and the next post: an ad between the posts, the pager.
_FOOT_TAIL_MAX = 2


def _after_footer(view: TextView, live: list[int]) -> tuple[int, list[int]] | None:
    """``(count line, lines after it)`` when the post ends with its footer (a control, the reaction count) and
    at most two short lines after it: what stands between the post and the next one, never the post's text."""
    for n_tail in range(_FOOT_TAIL_MAX + 1):
        if len(live) < n_tail + 3:
            return None
        c, b = live[-n_tail - 1], live[-n_tail - 2]
        count = view.lines[c]
        if (_FOOT_COUNT_RE.match(count) or _REACTION_TALLY_RE.match(count)) and _FOOT_CONTROL_RE.match(view.lines[b]):
            tail = live[len(live) - n_tail :]
            if all(len(view.lines[k].strip()) <= 120 and word_count(view.lines[k]) <= 12 for k in tail):
                return c, tail
            return None
    return None


@rule("IPS005", "reaction-count", tags=["reactions"], trigger=r"\d[ \t]*$")
def reaction_count(view: TextView) -> Iterator[Hit]:
    """With Invision sniffed: the reaction total left as a bare number on a post's last line; or under the
    post's controls (``Quote``) with one or two short lines after it, which go too: the ad Invision shows
    between posts, or the page's pager after the last post.

    Example (removed)::

        2
    """
    if view.engine != "invision":
        return
    live = view.live_indices()
    foot = _after_footer(view, live)
    if foot is not None:
        c, tail = foot
        if _FOOT_COUNT_RE.match(view.lines[c]):
            count = _unbullet(view.lines[c])
            yield Hit(c, c, "reaction count", {"post.reactions": count}, moved_to="reactions")
        for k in tail:
            yield Hit(k, k, "after the post's footer: an ad between the posts, or the pager")
        return
    if live and BARE_INT_RE.match(view.lines[live[-1]]) and len(live) > 1:
        yield Hit(
            live[-1],
            live[-1],
            "reaction count",
            {"post.reactions": view.lines[live[-1]].strip()},
            moved_to="reactions",
        )


@rule(
    "IPS006",
    "glued-entry-date",
    tags=["post-meta"],
    trigger=r"\d[ \t]?(?:yrs?|mos?|wks?|d|h|hrs?|mins?)[ \t]",
)
def glued_entry_date(view: TextView) -> Iterator[Hit]:
    """IPS 5 entry date glued before the post text on one line: ``August 26, 20241 yr Hi, I'd like …``.

    Example (removed span)::

        August 26, 20241 yr The text stays.
    """
    for first, last, m in view.finditer(_IPS5_GLUED_RE):
        if first != last or not m.group("date") or parse_date(m.group("date")) is None:
            continue
        start = view.line_start(first)
        facts: dict[str, Any] = {"post.date_raw": m.group("date").strip()}
        d = parse_date(m.group("date"))
        if d is not None:
            facts["post.date"] = d
        yield Hit(
            first,
            first,
            "entry date glued to the text",
            facts,
            cols=(m.start() - start, m.end() - start),
            moved_to="post",
        )


_TOPIC_IN = phrase_alt("ips_topic_in")
#: IPS 5's topic header under the title, the starter's name on the line above: ``April 2, 2024 1 yr in Desktop
#: Questions`` (the date and its age glued by some extractors).
_TOPIC_HEADER_RE = lazy(
    rf"^[ \t]*+(?P<date>{_DATE})[ \t]*+(?P<age>{_AGE})[ \t]++(?:{_TOPIC_IN})[ \t]++(?P<forum>[^\s\[][^\n\[\]]{{0,80}}?)[ \t]*$",
    regex.IGNORECASE | regex.VERSION1 | regex.MULTILINE,
)
_TOPIC_IN_LINE_RE = lazy(rf"^[ \t]*+(?:{_TOPIC_IN})[ \t]*$", regex.MULTILINE)
_AGE_LINE_RE = lazy(rf"^[ \t]*+{_AGE}[ \t]*$", regex.IGNORECASE)
_TOPIC_TRIGGER = rf"\d[ \t]?(?:yrs?|mos?|wks?|d|h|hrs?|mins?|m)[ \t\n]+(?:{_TOPIC_IN})[ \t\n]"


@rule("IPS016", "topic-header", tags=["post-meta", "navigation"], scope="document", trigger=_TOPIC_TRIGGER)
def topic_header(view: TextView) -> Iterator[Hit]:
    """IPS 5's topic header under the title: the starter's name (printed twice by some converters, avatar alt
    and link) over the start date, its age and the forum (``April 2, 2024 1 yr in Desktop Questions``). The
    name moves to ``doc.starter``; the date, age and forum go.

    Example (removed)::

        quillpen
        April 2, 2024 1 yr in Harbour Talk
    """
    for i, m in iter_line_matches(view, _TOPIC_HEADER_RE):
        if parse_date(m.group("date")) is None:
            continue
        above = view.live_indices(max(0, i - 3), i)
        if not above or "[" in view.lines[above[-1]] or not is_name_like(view.lines[above[-1]]):
            continue
        first = above[-1]
        name = view.lines[first].strip()
        if len(name) > 40:
            continue  # (a name in capitals is a name here: ``JGD``)
        if len(above) > 1 and view.lines[above[-2]].strip() == name:
            first = above[-2]  # the name twice (the avatar's alt text, then the link)
        yield Hit(first, i, "topic header", {"doc.starter": name, "doc.started": m.group("date").strip()}, moved_to="starter")
    # one text node a line: ``JGD`` / ``April 2, 2024`` / ``1 yr`` / ``in`` / ``Desktop Questions``
    for i, _m in iter_line_matches(view, _TOPIC_IN_LINE_RE):
        rows = view.live_indices(max(0, i - 8), i)[-3:]
        after = view.first_live(i + 1)
        if len(rows) < 3 or not after or after[0] > i + 3 or rows[0] < i - 8:
            continue
        name_at, date_at, age_at = rows
        name, when = view.lines[name_at].strip(), view.lines[date_at].strip()
        forum = view.lines[after[0]].strip()
        if not (_AGE_LINE_RE.match(view.lines[age_at]) and parse_date(when) is not None and has_year(when)):
            continue
        if not (is_name_like(name) and "[" not in name and len(name) <= 40 and len(forum) <= 80 and forum[-1] not in ".!?"):
            continue
        yield Hit(name_at, after[0], "topic header", {"doc.starter": name, "doc.started": when}, moved_to="starter")


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from an Invision Community page."""
    head = text[:200_000]
    score = 0.0
    if count_matches(_POSTED_LINE_RE, head) >= 2:
        score += 0.3
    # guarded_search(_LINKS_HINT_RE, head): each hint alone is a literal the regex engine scans for quickly,
    # and the guard (which case-folds the text) runs only when one is found
    if (
        any(hint.search(head) for hint in _SNIFF_HINT_RES)
        and could_match(_LINKS_HINT_RE, head)
        and _SNIFF_LINKS.search(head)
    ):
        score += 0.3
    if "Invision Community" in head:
        score += 0.4
    # guarded_search(_GUEST_RE, head), the line scan first: it costs less than the literal guard
    if _SNIFF_GUEST.search(head) and could_match(_GUEST_RE, head):
        score += 0.25
    if " said:" in head and search_lines(_US_CITATION_RE, head):
        score += 0.25
    if _ips5_overview(head):
        score += 0.35
    if " ago, " in head and _SNIFF_AGO_SAID_RE.search(head):
        score += 0.25
    if (
        ("yr" in head and _SNIFF_YRS_RE.search(head))
        or ("mo" in head and _SNIFF_MOS_RE.search(head))
        or ("wk" in head and _SNIFF_WKS_RE.search(head))
    ) and _ips5_entry_dates(head):
        score += 0.25
    return min(1.0, score)


def _ips5_overview(head: str) -> bool:
    """Invision 5's topic overview: its ``Replies {N}`` line over its ``Views {N}`` line (nine languages), or
    two of its headings (``Featured Replies``, ``Top Posters In This Topic``, ``Most Popular Posts``)."""
    if any_literal(head, _OVERVIEW_FIRST) and _SNIFF_OVERVIEW_RE.search(head):
        return True
    return sum(1 for h in _OVERVIEW_HEADINGS if h in head) >= 2


_OVERVIEW_PAIRS = [items[:2] for items in PHRASES["ips_overview_stats"].values() if len(items) >= 2]
_OVERVIEW_FIRST = tuple(p[0] for p in _OVERVIEW_PAIRS)
_SNIFF_OVERVIEW_RE = lazy(
    "|".join(
        rf"^[ \t]*+(?:[-•*+][ \t]+)?{regex.escape(a)}[ \t]+\d[^\n]{{0,12}}\n(?:[ \t]*\n)?"
        rf"[ \t]*+(?:[-•*+][ \t]+)?{regex.escape(b)}[ \t]+\d"
        for a, b in _OVERVIEW_PAIRS
    ),
    regex.MULTILINE,
)
_OVERVIEW_HEADINGS = ("Featured Replies", "Top Posters In This Topic", "Most Popular Posts", "Popular Days")
#: A quote header dated relatively (``10 hours ago, R C-R said:``), Invision's form.
_SNIFF_AGO_SAID_RE = lazy(
    rf"^[ \t]*+(?:{RELATIVE_TIME}),[ \t]+[^\n]{{1,40}}?[ \t]+(?:{alternation('said')})[ \t]?:[ \t]*$",
    regex.MULTILINE | regex.IGNORECASE,
)


def _ips5_entry_dates(head: str) -> bool:
    """``count_matches(_IPS5_DATE_RE_M, head) >= 2 or search_lines(_IPS5_GLUED_RE, head)``: both patterns match
    single lines that hold a four-digit year (:func:`_ips5_has_year`), so only lines with four digits in a row
    are tried."""
    if not _ips5_has_year():
        return count_matches(_IPS5_DATE_RE_M, head) >= 2 or search_lines(_IPS5_GLUED_RE, head) is not None
    starts = list(_year_line_starts(head))
    dated = 0
    for start in starts:
        if match_at(_IPS5_DATE_RE_M, head, start):
            dated += 1
            if dated >= 2 and could_match(_IPS5_DATE_RE_M, head):
                return True
    return any(match_at(_IPS5_GLUED_RE, head, start) for start in starts)


def _year_line_starts(head: str) -> Iterator[int]:
    """The start of every line of ``head`` that holds four digits in a row, in order."""
    pos = 0
    while (m := _YEAR_RE.search(head, pos)) is not None:
        yield head.rfind("\n", 0, m.start()) + 1
        end = head.find("\n", m.end())
        if end < 0:
            return
        pos = end + 1


_POSTED_LINE_RE = lazy(r"^[ \t]*+Posted[ \t]+(?:on[ \t]+)?\S", regex.MULTILINE)
_LINKS_HINTS = ("link to", "share on", "sharing options", "report post", "recommended posts")
_LINKS_HINT_RE = lazy("(?i)" + "|".join(_LINKS_HINTS))
_SNIFF_HINT_RES = tuple(lazy(hint, regex.IGNORECASE) for hint in _LINKS_HINTS)
_US_CITATION_RE = lazy(
    r"^[ \t\xa0]*+(?:On[ \t]+)?\d{1,2}/\d{1,2}/\d{2,4}[ \t]+at[ \t]+\d{1,2}:\d{2}[ \t]*[AP]M,[ \t][^\n]{1,60}said:",
    regex.MULTILINE,
)
_IPS5_DATE_RE_M = lazy(_IPS5_DATE_RE.pattern, _IPS5_DATE_RE.flags | regex.MULTILINE)
_SNIFF_GUEST = LineScan(_GUEST_RE)
_SNIFF_LINKS = LineScan(_LINKS_RE)
# ``\d[ \t]?(?:yrs?|mos?|wks?)\b`` as three patterns led by their literal, which the regex engine looks for quickly
_SNIFF_YRS_RE = lazy(r"(?<=\d[ \t]?)yrs?\b")
_SNIFF_MOS_RE = lazy(r"(?<=\d[ \t]?)mos?\b")
_SNIFF_WKS_RE = lazy(r"(?<=\d[ \t]?)wks?\b")
_YEAR_RE = lazy(r"\d{4}")


@functools.cache
def _ips5_has_year() -> bool:
    """Whether every match of the IPS 5 entry date patterns lies on one line holding a four-digit year (their
    date forms all have one)."""
    return all(
        requires(p.pattern, _YEAR_RE.pattern, nested=True) and stays_on_line(p)
        for p in (_IPS5_DATE_RE, _IPS5_GLUED_RE)
    )


_SEARCH_OPTION = f"(?:{phrase_alt('ips_search_dates', 'ips_search_options')})"
#: one option: bare, after a ``[ ]`` checkbox (links2), or in a select box (lynx ``[Created any time_____]``)
_SEARCH_ITEM = rf"(?:(?:\[[ xX]?\][ \t]*)?{_SEARCH_OPTION}|\[{_SEARCH_OPTION}[_ \t]*\])"
#: a line of search-panel options: one, or a row of them
_SEARCH_ROW_RE = line_re(rf"{_SEARCH_ITEM}(?:[ \t]++{_SEARCH_ITEM})*+", flags=regex.IGNORECASE)
_SEARCH_ITEM_RE = lazy(_SEARCH_OPTION, regex.IGNORECASE)
_SEARCH_DATE_RE = lazy(f"(?:{phrase_alt('ips_search_dates')})", regex.IGNORECASE)
_SEARCH_TRIGGER = tuple(dict.fromkeys(x.lower() for x in phrase_list("ips_search_dates")))


@rule("IPS007", "search-panel", tags=["navigation"], stage="structure", scope="document", trigger=_SEARCH_TRIGGER)
def search_panel(view: TextView) -> Iterator[Hit]:
    """Invision's search panel, flattened: where to search (``Everywhere`` / ``This Forum`` / ``Topics`` …),
    date filters (``Any date`` / ``Past 24 hours`` …, ``Created past week``, ``Updated any time``) and word
    options, one a line or a row on one line. A run of such lines goes only when it holds two date filters or
    a row of four options, so a lone ``Topics`` or ``Members`` line stays.

    Example (removed)::

        Everywhere
        This Forum
        Any date
        Past 24 hours
        Past week
    """
    rows = {i for i, _m in whole_line_hits(view, _SEARCH_ROW_RE)}
    if not rows:
        return
    run: list[int] = []
    for i in sorted(rows):
        if run and any(view.is_live(k) and k not in rows for k in range(run[-1] + 1, i)):
            yield from _search_run(view, run)
            run = []
        run.append(i)
    yield from _search_run(view, run)


def _search_run(view: TextView, run: list[int]) -> Iterator[Hit]:
    """The hits of one run of search-panel lines, when it holds two date filters or a row of four options."""
    dates = sum(len(_SEARCH_DATE_RE.findall(view.lines[i])) for i in run)
    if dates >= 2 or any(len(_SEARCH_ITEM_RE.findall(view.lines[i])) >= 4 for i in run):
        for i in run:
            yield Hit(i, i, "search panel option")


# -- IPS010 ------------------------------------------------------------------------------------------------------

_BULLET = r"(?:[-•*+][ \t]+)?"
_TIME_GAP_RE = line_re(
    rf"{_BULLET}(?:\d{{1,3}}|a|an|one|ein|eine|un|une|uno|um|uma)[ \t]+\p{{L}}{{2,12}}[ \t]+(?:{phrase_alt('ips_later')})"
    r"[ \t]*(?:\.\.\.|…)",
    flags=regex.IGNORECASE,
)
_REACTION_NAME = phrase_alt("ips_reaction_names")
#: ``• Like 1`` (Resiliparse glues the count on: ``• Gefällt mir2``), or the reaction's icon as html2text writes
#: it, its name the alt text (``* ![Like](/react_like.png)4``)
_REACTION_TALLY_RE = line_re(
    rf"{_BULLET}(?:(?P<name>{_REACTION_NAME})[ \t]*|!\[(?P<alt>{_REACTION_NAME})\]\([^()\s]{{1,300}}\)[ \t]*)"
    r"(?P<n>\d{1,5})",
    flags=regex.IGNORECASE,
)
#: A tally whose icon the Markdown reader dropped (``* ![Like](…)4`` reads ``- 4``), over the reaction button.
_BARE_TALLY_RE = line_re(r"[-•*+][ \t]+\d{1,5}")
_REACTION_BUTTON_RE = line_re(_REACTION_NAME, flags=regex.IGNORECASE)
_BULLET_BADGE_RE = line_re(rf"[-•*+][ \t]+(?:{phrase_alt('ips_post_links', max_words=1)})", flags=regex.IGNORECASE)
_HISTORY = phrase_alt("ips_edit_history")
_EDITED_BY_RE = lazy(
    rf"^[ \t]*+(?:{'|'.join(sorted({regex.escape(a) for a, _b in _EDIT_WORDS}, key=len, reverse=True))})[ \t]+"
    rf"(?:{'|'.join(sorted({regex.escape(b) for _a, b in _EDIT_WORDS}, key=len, reverse=True))})[ \t]+"
    rf"(?P<who>[^\s(][^\n(]{{0,40}}?)(?:[ \t]*(?P<history>{_HISTORY}))?[ \t]*$",
    regex.IGNORECASE | regex.VERSION1,
)
_HISTORY_END_RE = lazy(rf"^[^\n]{{1,200}}?[ \t]*(?:{_HISTORY})[ \t]*$", regex.IGNORECASE)


@rule(
    "IPS010",
    "post-foot",
    tags=["reactions", "edit-note", "notice"],
    trigger=("later", "später", "plus tard", "después", "depois", "dopo", "później", "спустя", "edit history", "•", "- ", "* "),
)
def post_foot(view: TextView) -> Iterator[Hit]:
    """With Invision sniffed: what stays under a post once an extractor dropped the markup around it. The
    separator between posts far apart in time (``2 weeks later...``), a reaction tally as a list item
    (``• Like 1``, ``* ![Like](/react_like.png)4``, or ``- 4`` over the ``Like`` button when a Markdown reader
    dropped the icon), a post badge as a list item (``• Author``), and an edit note whose date was dropped
    (``Edited by {user} (see edit history)``, or its reason on the next line ending with that link).

    Example (removed)::

        Edited by quillpen (see edit history)
          • Like 1
          • 2 weeks later...
    """
    if view.engine != "invision":
        return
    for i, line in view.iter_lines():
        if len(line) > 240:
            continue
        if _TIME_GAP_RE.match(line):
            yield Hit(i, i, "time between posts")
        elif (m := _REACTION_TALLY_RE.match(line)) is not None:
            tally = f"{m.group('name') or m.group('alt')} {m.group('n')}"
            yield Hit(i, i, "reaction tally", {"post.reactions": tally}, moved_to="reactions")
        elif (
            _BARE_TALLY_RE.match(line)
            and (nxt := view.first_live(i + 1))
            and nxt[0] <= i + 4
            and _REACTION_BUTTON_RE.match(view.lines[nxt[0]])
        ):
            yield Hit(i, i, "reaction tally", {"post.reactions": _unbullet(line)}, moved_to="reactions")
        elif _BULLET_BADGE_RE.match(line):
            yield Hit(i, i, "post badge")
        elif (e := _EDITED_BY_RE.match(line)) is not None and word_count(e.group("who")) <= 4:
            end = i
            if e.group("history") is None:
                nxt = view.first_live(i + 1)
                if not nxt or nxt[0] > i + 2 or not _HISTORY_END_RE.match(view.lines[nxt[0]]):
                    continue
                end = nxt[0]  # the edit reason, ending with the history link
            note = " ".join(view.lines[k].strip() for k in range(i, end + 1) if view.is_live(k))
            yield Hit(i, end, "edit note", {"post.edit_note": note}, moved_to="edit_note")


# -- IPS008 / IPS009 ---------------------------------------------------------------------------------------------

_OVERVIEW_STAT_RE = lazy(
    rf"^[ \t]*+(?:[-•*+][ \t]+)?(?P<label>{phrase_alt('ips_overview_stats')})[ \t]+(?P<value>[^\n]{{1,30}}?)[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)
_OVERVIEW_END_RE = line_re(phrase_alt("ips_overview_end"), flags=regex.IGNORECASE)
_OVERVIEW_POPULAR_RE = line_re(phrase_alt("ips_overview_popular"), flags=regex.IGNORECASE)
#: How far above its closing toggle the overview may start (its lists hold a dozen entries of up to three lines).
_OVERVIEW_MAX_LINES = 80


def _overview_stats(view: TextView) -> list[list[int]]:
    """Runs of the topic overview's counters (``Replies 154`` / ``Views 26.2k`` / ``Created 1 yr 1 yr`` /
    ``Last Reply Sep 26 Sep 26``): two or more different labels, each value with a digit, blank lines between
    allowed."""
    runs: list[list[int]] = []
    labels: list[set[str]] = []
    for i, m in whole_line_hits(view, _OVERVIEW_STAT_RE):
        if not any(c.isdigit() for c in m.group("value")):
            continue
        label = m.group("label").casefold()
        if runs and all(not view.is_live(k) for k in range(runs[-1][-1] + 1, i)) and label not in labels[-1]:
            runs[-1].append(i)
            labels[-1].add(label)
        else:
            runs.append([i])
            labels.append({label})
    runs = [r for r in runs if len(r) >= 2]
    for r in runs:
        # the counters whose values were links or times a converter dropped (``• Created`` / ``• Last Reply``)
        k = r[-1] + 1
        while k < len(view) and k - r[-1] == 1 and view.is_live(k) and _OVERVIEW_LABEL_RE.match(view.lines[k]):
            r.append(k)
            k += 1
    return runs


#: A counter's label alone (its value gone), as a list item.
_OVERVIEW_LABEL_RE = lazy(
    rf"^[ \t]*+[-•*+][ \t]+(?:{phrase_alt('ips_overview_stats')})[ \t]*$", regex.IGNORECASE
)


def _overview_spans(view: TextView) -> list[tuple[int, int]]:
    """The topic overview of Invision 5, as line spans: from its counters down to its ``Expand topic overview``
    toggle (the lists between: top posters, popular days, popular posts with their excerpts); the counters alone
    when no toggle follows; from a ``Most Popular Posts`` heading to the toggle when the counters are gone."""
    cache = view.context.setdefault("ips_overview", {})
    key = (id(view.original), view.base, len(view))
    spans: list[tuple[int, int]] | None = cache.get(key)
    if spans is not None:
        return spans
    spans = []
    ends = [i for i, _m in whole_line_hits(view, _OVERVIEW_END_RE)]
    used: set[int] = set()
    for run in _overview_stats(view):
        end = next((e for e in ends if run[-1] < e <= run[0] + _OVERVIEW_MAX_LINES), None)
        if end is not None and not any(view.claimed[k] and view.lines[k].strip() for k in range(run[0], end)):
            spans.append((run[0], end))
            used.add(end)
        else:
            spans.append((run[0], run[-1]))
    for e in ends:
        if e in used:
            continue
        head = next(
            (k for k, _m in whole_line_hits(view, _OVERVIEW_POPULAR_RE) if e - 40 <= k < e), None
        )
        spans.append((e, e) if head is None else (head, e))
    spans.sort()
    cache[key] = spans
    return spans


def _not_in_overview(view: TextView) -> Callable[[int], bool]:
    """A test of whether line ``i`` lies outside the topic overview (:func:`_overview_spans`)."""
    if not could_match(_OVERVIEW_END_RE, view.text):
        return lambda i: True
    spans = _overview_spans(view)
    return lambda i: not any(a <= i <= b for a, b in spans)


_OVERVIEW_TRIGGER = tuple(
    dict.fromkeys(x.lower() for x in (*phrase_list("ips_overview_end"), *phrase_list("ips_overview_stats")))
)


@rule("IPS008", "topic-overview", tags=["navigation"], stage="structure", scope="document", trigger=_OVERVIEW_TRIGGER)
def topic_overview(view: TextView) -> Iterator[Hit]:
    """Invision 5's topic overview above the posts: its counters, the lists under them (top posters, popular
    days, popular posts with an excerpt of each) and the ``Expand topic overview`` toggle. The excerpts repeat
    posts of the thread; their author and date lines open no post.

    Example (removed)::

        Replies 154
        Views 26.2k
        Created 1 yr
        Last Reply Sep 26
        Most Popular Posts
        quillpen
        June 14, 2024 1 yr
        The tide tables for March are up on the club site now, and the
        Expand topic overview
    """
    for a, b in _overview_spans(view):
        yield Hit(a, b, "topic overview")


#: (the install steps are an ordered list: ``1. Tap the Share icon in Safari``)
_APP_PROMPT_RE = line_re(rf"(?:\d{{1,2}}\.[ \t]+)?(?:{phrase_alt('ips_app_prompt')})", flags=regex.IGNORECASE)
_APP_TRIGGER = tuple(dict.fromkeys(x.lower() for x in phrase_list("ips_app_prompt", min_words=4)))


@rule("IPS009", "app-prompt", tags=["notice"], scope="document", trigger=_APP_TRIGGER)
def app_prompt(view: TextView) -> Iterator[Hit]:
    """Invision 5's prompt to install the site as an app, flattened line by line (``View in the app``, ``To
    install this app on iOS and iPadOS``, ``Tap the Share icon in Safari`` …). Its lines go when the page holds
    three of them close together, two of them sentences, so a lone ``Learn more`` or ``Close`` stays.

    Example (removed)::

        View in the app
        A better way to browse. Learn more.
        To install this app on Android
        Tap Add to Home screen or Install app.
    """
    found = [i for i, _m in whole_line_hits(view, _APP_PROMPT_RE)]
    clusters: list[list[int]] = []
    for i in found:  # lines of one prompt: at most two other lines between them
        if clusters and sum(1 for k in range(clusters[-1][-1] + 1, i) if view.is_live(k)) <= 2:
            clusters[-1].append(i)
        else:
            clusters.append([i])
    for c in clusters:
        if len(c) >= 3 and sum(1 for i in c if word_count(view.lines[i]) >= 4) >= 2:
            for i in c:
                yield Hit(i, i, "app install prompt")


_CREATE_NEW = phrases("ips_create_new")
#: (Resiliparse prints the menu as a list: ``• Create New...``)
_CREATE_NEW_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]+)?(?:{alternation('ips_create_new')})[ \t]*$", regex.IGNORECASE | regex.MULTILINE
)
_CLOSE_RE = lazy(r"^[ \t]*+[×✕✖][ \t]*$", regex.MULTILINE)


@rule("IPS011", "mobile-menu", tags=["navigation"], scope="document", trigger=_CREATE_NEW)
def mobile_menu(view: TextView) -> Iterator[Hit]:
    """Invision's mobile navigation drawer at the foot of the page: a close button (``×``), the sign-in
    prompt, the site's menu one item a line (``Back`` before each sub-menu), another ``×`` and the ``Create
    New...`` menu (table ``ips_create_new``, nine languages). From ``Create New...`` up to the topmost ``×``
    across short lines only (menu items: no sentence).

    Example (removed)::

        ×
        Existing user? Sign In
        Forums
        Back
        Code of Conduct
        ×
        Create New...
    """
    for i, _m in whole_line_hits(view, _CREATE_NEW_RE):
        top: int | None = None
        k = i - 1
        while k >= 0 and i - k <= 160:
            line = view.lines[k]
            if view.is_live(k):
                if _CLOSE_RE.match(line):
                    top = k
                elif word_count(line) > 8 or (line.rstrip()[-1:] in ".!?:" and not line.rstrip().endswith("...")):
                    break
            k -= 1
        if top is None:
            continue
        yield from free_spans(view, top, i, "mobile navigation drawer")


_BROWSING_COUNT = r"\d{1,6}[ \t]+\p{L}{2,20}"
_BROWSING_HEAD_RE = line_re(
    rf"(?:{phrase_alt('ips_recently_browsing')})(?:[ \t]+{_BROWSING_COUNT})?", flags=regex.IGNORECASE
)
_BROWSING_COUNT_RE = line_re(_BROWSING_COUNT)
_NONE_VIEWING_RE = line_re(rf"(?:{phrase_alt('ips_none_viewing')})\.?", flags=regex.IGNORECASE)
_BROWSING_TRIGGER = tuple(
    dict.fromkeys(x.lower() for x in (*phrase_list("ips_recently_browsing"), *phrase_list("ips_none_viewing")))
)


@rule("IPS012", "recently-browsing", tags=["navigation", "notice"], scope="document", trigger=_BROWSING_TRIGGER)
def recently_browsing(view: TextView) -> Iterator[Hit]:
    """Invision's widget of who is on the page, under the topic: the ``Recently Browsing`` heading with its count
    (``0 members``, on the heading's line or the next) and ``No registered users viewing this page.`` (tables
    ``ips_recently_browsing`` / ``ips_none_viewing``, nine languages). A heading goes only with a count or that
    line under it, so a post's line that happens to read ``Recently browsing`` stays.

    Example (removed)::

        Recently Browsing 0 members
        No registered users viewing this page.
    """
    none = {i for i, _m in whole_line_hits(view, _NONE_VIEWING_RE)}
    for i, m in whole_line_hits(view, _BROWSING_HEAD_RE):
        end = i
        nxt = view.first_live(i + 1)
        if nxt and nxt[0] <= i + 2 and _BROWSING_COUNT_RE.match(view.lines[nxt[0]]):
            end = nxt[0]
            nxt = view.first_live(end + 1)
        counted = end > i or _BROWSING_COUNT_RE.search(m.group(0)) is not None
        if nxt and nxt[0] <= end + 2 and nxt[0] in none:
            end = nxt[0]
        elif not counted:
            continue
        yield Hit(i, end, "users browsing the topic")
        none.discard(end)
    for i in sorted(none):
        yield Hit(i, i, "users browsing the topic")


_FEED_POSTED_IN_RE = line_re(
    rf"(?:[-•*+][ \t]+)?(?:{phrase_alt('ips_posted_in')})[ \t]+\S[^\n]{{0,300}}", flags=regex.IGNORECASE
)
#: The end of a feed entry's byline, ``{starter} · {when}`` (the starter's link may wrap onto the line above, or
#: the line may start at the dot).
_FEED_BYLINE_RE = lazy(rf"^[^\n·]{{0,300}}+·[ \t]*+(?:{_WHEN})[ \t]*$", regex.IGNORECASE | regex.VERSION1)
_FEED_TRIGGER = tuple(dict.fromkeys(x.lower() for x in phrase_list("ips_posted_in")))
#: a text browser's list bullet before an avatar's name (``☆ quillpen``, lynx ``o quillpen``)
_FEED_BULLET_RE = regex.compile(r"^[ \t]*+(?:[-•*+☆□◦o][ \t]++)?")
#: a feed entry's line, at most
_FEED_LINE_MAX = 300


def _feed_byline(view: TextView, p: int) -> int | None:
    """The byline line right above a ``Posted in {forum}`` line ``p`` (blank lines between), else None."""
    prev = [k for k in range(max(0, p - 3), p) if view.is_live(k)]
    if prev and "·" in view.lines[prev[-1]] and _FEED_BYLINE_RE.match(view.lines[prev[-1]]):
        return prev[-1]
    return None


def _feed_name(byline: str) -> str:
    """The starter's name in a byline line (its link text when it is a Markdown link)."""
    head = _FEED_BULLET_RE.sub("", byline.split("·", 1)[0], count=1).strip()
    if head.startswith("[") and "]" in head:
        head = head[1 : head.index("]")]
    return head.strip()


def _feed_entry_start(view: TextView, b: int, floor: int) -> int:
    """The first line of the feed entry whose byline is line ``b``: the title's line above it (blank lines
    between) and the avatar's line naming the starter above that; not above line ``floor``, nor a count, a
    long line or a sentence."""
    name = _feed_name(view.lines[b])
    above = view.live_indices(max(floor + 1, b - 8), b)[::-1][:3]
    if not name and above and above[0] >= b - 2:
        # the byline wrapped before its dot: the starter's name on the line above
        b, name, above = above[0], _feed_name(view.lines[above[0]]), above[1:]
    if not above or above[0] < b - 3:
        return b
    s = view.lines[above[0]].strip()
    if len(s) > _FEED_LINE_MAX or BARE_INT_RE.match(s) or _FEED_POSTED_IN_RE.match(s) or "·" in s:
        return b
    if s[-1] in ".:;" and word_count(s) >= 8 and not s.endswith(("...", "…")):
        return b  # a sentence: the text above the feed
    if len(above) > 1 and above[1] >= above[0] - 2 and name and _feed_name(view.lines[above[1]]) == name:
        return above[1]
    return above[0]


def _feed_count_below(view: TextView, a: int) -> int:
    """The entry's reply count right below line ``a`` (a bare number), or ``a``."""
    nxt = view.first_live(a + 1)
    return nxt[0] if nxt and nxt[0] <= a + 3 and BARE_INT_RE.match(view.lines[nxt[0]]) else a


@rule("IPS014", "topic-feed", tags=["navigation", "link-card"], scope="document", trigger=_FEED_TRIGGER)
def topic_feed(view: TextView) -> Iterator[Hit]:
    """Invision's sidebar topic feeds (``Topics``, ``Featured Topics``): each entry the topic's title, the
    ``{starter} · {when}`` byline, ``Posted in {forum}`` (table ``ips_posted_in``, nine languages) and the
    reply count. Two entries with their forum line at least make a feed; an entry without the forum line (a
    featured topic: byline over its count) goes with them. A post's line that says where something was posted
    stays: it has no byline above it.

    Example (removed)::

        Loose drive cage rattles
        quillpen · 2 hours ago
        Posted in Cases and Cooling
        4
    """
    entries: list[tuple[int, int]] = []
    for p, _m in whole_line_hits(view, _FEED_POSTED_IN_RE):
        b = _feed_byline(view, p)
        if b is not None:
            entries.append((b, _feed_count_below(view, p)))
    if len(entries) < 2:
        return
    bylines = {b for b, _e in entries}
    for i, line in view.iter_lines():
        if "·" in line and i not in bylines and len(line) <= _FEED_LINE_MAX and _FEED_BYLINE_RE.match(line):
            end = _feed_count_below(view, i)
            if end > i:
                entries.append((i, end))
    entries.sort()
    floor = -1
    for b, end in entries:
        yield from free_spans(view, _feed_entry_start(view, b, floor), end, "sidebar topic feed entry")
        floor = end


_RECOMMENDED_RE = line_re(phrase_alt("ips_recommended_posts"), flags=regex.IGNORECASE)
_RECOMMENDED_WORDS = tuple(p.lower() for p in phrases("ips_recommended_posts"))
#: A name shaped like a handle: lower-case first letter, a digit, an underscore or dot, or a capital inside it.
_HANDLE_SHAPE_RE = lazy(r"^\p{Ll}|\d|_|\w\.\w|\p{Ll}\p{Lu}")


#: Invision's own labels, which stand alone on a line as a name does (``Posted``, ``Author``, ``Like``).
_LABELS = frozenset(
    p.casefold()
    for key in ("ips_posted", "ips_post_links", "ips_reaction_names", "ips_guest_prompt", "buttons", "post_controls")
    for p in phrases(key)
)


def _bare_name(line: str) -> str | None:
    """``line`` as a poster's name alone on its line: one to four words, each capitalised (``Moira Tasker``), or
    one handle (``ron1cne``), and none of Invision's labels; None otherwise."""
    s = line.strip()
    if not (2 <= len(s) <= 40) or s[-1] in ".!?,;:)\"”»" or "://" in s or s.casefold() in _LABELS:
        return None
    words = s.split()
    if len(words) > 4 or is_rank_like(s):
        return None
    if len(words) == 1:
        return s if _HANDLE_SHAPE_RE.search(s) or s[:1].isupper() else None
    return s if all(w[:1].isupper() for w in words) else None


def _reads_as_prose(line: str) -> bool:
    """A line that opens a post: a sentence's start (not lower-case), six words or more or a sentence's end."""
    s = line.strip()
    return not s[:1].islower() and (word_count(s) >= 6 or (word_count(s) >= 2 and s[-1:] in ".!?…"))


def _shape(name: str) -> tuple[int, bool]:
    return len(name.split()), bool(_HANDLE_SHAPE_RE.search(name)) and " " not in name


@rule("IPS013", "name-heading", tags=["author-block"], stage="split", scope="document", trigger=_RECOMMENDED_WORDS)
def name_heading(view: TextView) -> Iterator[Hit]:
    """Posters' names alone on their lines under Invision 4's ``Recommended Posts`` heading, each over its post's
    text (trafilatura keeps the name, an ``h3`` heading, and drops the rest of the author pane).

    A name line opens a post and moves to ``post.author``: the first line under the heading, then each line
    shaped like it (as many words, each capitalised; or a handle like it) between the end of a sentence (or
    an edit note) and a line of prose, and any such line the page names as a poster elsewhere (``Edited … by
    {user}``).

    Example (removed)::

        Moira Tasker
    """
    head = next((i for i, line in view.iter_lines() if _RECOMMENDED_RE.match(line)), None)
    if head is None:
        return
    first = view.first_live(head + 1, 2)
    if len(first) < 2 or (name := _bare_name(view.lines[first[0]])) is None:
        return
    if not _reads_as_prose(view.lines[first[1]]):
        return
    named = {m.group("who").strip() for _i, m in whole_line_hits(view, _EDITED_RE)}
    shape = _shape(name)
    yield Hit(first[0], first[0], "poster's name under the posts heading", {"author.name": name}, moved_to="author")
    live = [i for i in view.live_indices() if i > first[0] and view.lines[i].strip()]
    for prev, i, nxt in zip(live, live[1:], live[2:], strict=False):
        cand = _bare_name(view.lines[i])
        if cand is None or not _reads_as_prose(view.lines[nxt]):
            continue
        above = view.lines[prev].rstrip()
        if not (above[-1:] in ".!?…)\"”»" or _EDITED_RE.match(above)):
            continue
        if cand in named or (_shape(cand) == shape and (shape[0] >= 2 or shape[1])):
            yield Hit(i, i, "poster's name over the post's text", {"author.name": cand}, moved_to="author")


@rule("IPS015", "link-embed", tags=["link-card"], trigger=r"^[ \t]*+[\w.-]+\.[a-z]{2,}\.?[ \t]*$")
def link_embed(view: TextView) -> Iterator[Hit]:
    """With Invision sniffed: the rich embed of a pasted URL, ``domain`` / ``title`` / ``summary`` one a line.

    Invision renders a link to another site as a card headed by the site's domain, then the page's title and
    an excerpt; flattened, the three lines stand in the post's text. Moved to ``article.link_card``.

    Example (removed)::

        gardenhelp.example
        Winter care for potted figs
        How to keep the roots from freezing when the pot stays outside all winter.
    """
    if view.engine == "invision":
        yield from embed_cards(view, domain_first=True)


PACK = RulePack(
    name="invision",
    prefix="IPS",
    rules=(
        author_pane,
        quote,
        edit_note,
        post_links,
        topic_header,
        glued_entry_date,
        reaction_count,
        search_panel,
        topic_overview,
        app_prompt,
        post_foot,
        mobile_menu,
        recently_browsing,
        topic_feed,
        name_heading,
        link_embed,
    ),
    sniff=sniff,
    description="Invision Community 4/5 pages flattened to text",
)
