"""phpBB 3.x (prosilver and subsilver), text form: profiles, ``Post by X »`` lines, ``X wrote:`` quotes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import regex

from .._lazy import lazy
from ..model import Quote
from ..phrases import PHRASES, alternation, phrases
from ..rules import Hit, RulePack, rule
from ..text import TextView, word_count
from ._classic import (
    _BESIDE_MIN_COLUMN,
    CLASSIC_DATE,
    DATE_ONLY_LINE_RE,
    EDIT_REASON_RE,
    STAT_LINE_RE,
    BesideHead,
    BlockSpec,
    _candidate,
    _runs,
    _stat_items,
    alt,
    beside_hits,
    block_hits,
    candidate_lines,
    classic_poster_facts,
    date_facts,
    glued_reply_quote,
    line_re,
    match_lines,
    seen_run,
    subject_then,
    weighted_sniff,
)
from ._common import has_stat_label, iter_line_matches, lines_with, quote_block
from ._sniff import LiteralSets, literal_led, signal_found
from .vbulletin import thanks as _vb_thanks

__all__ = ["PACK"]

_F = regex.IGNORECASE | regex.MULTILINE | regex.VERSION1

_POST_BY = alt("classic_post_by")
#: The same phrases glued (``Postby X``): phpBB 3.2+ prints "Post" as a screen-reader label of an icon before
#: "by", and text converters drop the space between them.
_POST_BY_GLUED = "|".join(
    regex.escape(p.replace(" ", ""))
    for phrases in PHRASES["classic_post_by"].values()
    for p in phrases
    if " " in p.strip(":")
)
#: ``Post by X » Mon Mar 04, 2019 10:05 am`` (``Beitrag von X » …``; Russian prints no "by").
_BYLINE_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?:(?:Unread[ \t]+)?(?:{_POST_BY}|{_POST_BY_GLUED})[ \t]+)?(?P<user>[^\n»]{{0,60}}?)[ \t]*»[ \t]*"
    rf"(?P<date>{CLASSIC_DATE})[ \t]*$",
    _F,
)
#: The byline without its date (Resiliparse drops the date's ``<time>``-less text node): ``Post by X »``.
_BYLINE_NO_DATE_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?:Unread[ \t]+)?(?:{_POST_BY})[ \t]+(?P<user>[^\n»]{{1,60}}?)[ \t]*»[ \t]*$", _F
)
#: Either byline, for the profile block's closing lines.
_ANY_BYLINE_RE = lazy(rf"(?:{_BYLINE_RE.pattern})|(?:{_BYLINE_NO_DATE_RE.pattern})", _F)
#: The contact menu closing the profile column: the label (``Contact:``, ``Kontaktdaten:``), the menu's head
#: naming the poster (``Contact {user}``, ``Kontaktdaten von {user}``), the services.
_CONTACT_LABEL = alternation("contact_label")
_CONTACT_USER = alt("phpbb_contact_user", user=r"[^\n]{1,60}")
_CONTACT_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?:{_CONTACT_LABEL}|{_CONTACT_LABEL.replace(':', '')}|{_CONTACT_USER}|Website|Yahoo Messenger|"
    r"ICQ|AIM|Skype|Jabber|Facebook|Twitter|YouTube|Website Yahoo Messenger|Website ICQ)[ \t]*$",
    _F,
)
_STOP_RE = line_re(rf"{alt('classic_top')}|{alt('phpbb_post_buttons')}|Post Reply")
#: lines above the name that are not the name: the avatar's alt text, the thread starter's badge
_AVATAR_RE = line_re(f"(?:{alt('classic_user_avatar')}|{alt('classic_topic_author')})")
_SPEC = BlockSpec(
    pre=_AVATAR_RE,
    post=_CONTACT_RE,
    closing=subject_then(_ANY_BYLINE_RE, repeat=1, free=2, stoppers=_STOP_RE, buttons=1),
    single_ok=True,  # one stat is enough when the byline closes the block (custom profiles drop "Joined")
    stoppers=_STOP_RE,
    top=True,
)


@rule("PHB001", "author-block", tags=["author-block"], stage="split", scope="document")
def author_block(view: TextView) -> Iterator[Hit]:
    """Poster profile: name, rank, ``Posts: 1234``, ``Joined: …``, custom fields, then subject and byline.

    phpBB prints ``dl.postprofile`` (name, rank, posts, join date, location, custom profile fields, contact
    links) beside each post, and above the text the subject and ``Post by X » {date}``. The block opens a
    post; its contents move to ``post.author`` and ``post.date``.

    Example (removed)::

        quillpen
        Posts: 138
        Joined: 4. Jul 2012, 16:09
        Re: Tide tables
        Post by quillpen » 11. Sep 2024, 18:36
    """
    yield from block_hits(view, _SPEC, "poster profile, subject and byline", engine="phpbb")


@rule("PHB002", "byline", tags=["byline", "post-meta"], stage="split", scope="document", trigger=r"»")
def byline(view: TextView) -> Iterator[Hit]:
    """``Post by X » {date}`` / ``by X » {date}`` line that opens a post (when no profile block precedes it);
    ``Post by X »`` when the extractor dropped the date.

    The subject line just above it (``Re: {title}``) goes with it.

    Example (removed)::

        Re: Tide tables
        by quillpen » Tue Aug 27, 2019 1:47 am
    """
    found = [(i, m) for i, m in iter_line_matches(view, _BYLINE_RE)]
    found += [(i, m) for i, m in iter_line_matches(view, _BYLINE_NO_DATE_RE)]
    for i, m in sorted(found, key=lambda x: x[0]):
        user = m.group("user").strip()
        if word_count(user) > 6:
            continue
        facts = date_facts(m.group("date")) if "date" in m.groupdict() else {}
        if user:
            facts["author.name"] = user
        start = i
        prev, hopped = _above_buttons(view, i)
        if prev is not None:
            subject = view.lines[prev].strip()
            if _RE_SUBJECT.match(subject) or (
                hopped and len(subject) <= 160 and subject[-1] not in ".:" and not has_stat_label(subject)
            ):
                # the subject line; the first post's has no ``Re:``, but the buttons under it show what it is
                start = prev
                facts["post.title"] = subject
        yield Hit(start, i, "post byline", facts, moved_to="author")
    yield from _split_bylines(view)


#: subsilver2's ``Posted: {date}`` (``PostPosted:``, ``Post Posted:``: the post icon's label before it), the date
#: maybe on the next line (one text node a line)
_POSTED_RE = lazy(
    rf"^[ \t]*+(?:(?:{alt('phpbb_post_label')})[ \t]*)?(?:{alt('phpbb_posted')})[ \t]?:[ \t]*+"
    rf"(?P<date>{CLASSIC_DATE})?[ \t]*$",
    _F,
)
#: ``Post subject: {subject}`` (the subject maybe on the next line)
_POST_SUBJECT_RE = lazy(rf"^[ \t]*+(?:{alt('phpbb_post_subject')})[ \t]?:[ \t]*+(?P<subject>[^\n]{{0,200}}?)[ \t]*$", _F)
_POSTED_WORDS = tuple(p.lower() for p in phrases("phpbb_posted"))


@rule("PHB011", "subsilver-header", tags=["author-block", "byline"], stage="split", scope="document", trigger=_POSTED_WORDS)
def subsilver_header(view: TextView) -> Iterator[Hit]:
    """phpBB 3.0 subsilver2's post header: the poster's name, ``Post subject: {subject}``, ``Posted: {date}``,
    then the profile column (rank, ``Joined:``, ``Posts:``, ``Location:``) the table layout flattens under it.

    The name is the line above the subject; the rank lines and the stats right under the date go with the
    header (to ``post.author``). Without the subject line (an extractor drops it) only text sniffed as phpBB
    counts.

    Example (removed)::

        quillpen
        Post subject: Re: Tide tables
        Posted: Tue Mar 05, 2019 9:12 am
        Harbour Pilot
        Joined: Sat Jan 12, 2013 4:10 pm
        Posts: 1386
    """
    runs: dict[int, tuple[int, list[tuple[str, str | None]]]] | None = None
    for i, m in iter_line_matches(view, _POSTED_RE):
        facts: dict[str, object] = {}
        end = i
        if m.group("date"):
            facts.update(date_facts(m.group("date").strip()))
        else:
            nxt = view.first_live(i + 1)
            if not nxt or nxt[0] - i > 2 or not (dm := DATE_ONLY_LINE_RE.match(view.lines[nxt[0]])):
                continue
            end = nxt[0]
            facts.update(date_facts(dm.group(0).strip().lstrip("-•").strip()))
        start = i
        up = _live_up(view, i)
        subject: str | None = None
        if up is not None and (sm := _POST_SUBJECT_RE.match(view.lines[up])):
            subject, start = sm.group("subject"), up
        elif up is not None and (up2 := _live_up(view, up)) is not None and (
            (sm := _POST_SUBJECT_RE.match(view.lines[up2])) and not sm.group("subject")
        ):
            subject, start = view.lines[up].strip(), up2  # ``Post subject:`` / ``{subject}``
        if subject is None and view.engine != "phpbb":
            continue
        name_at = _live_up(view, start)
        if name_at is None:
            continue
        name = view.lines[name_at].strip()
        if not _candidate(name) or _STOP_RE.match(name) or has_stat_label(name) or _POSTED_RE.match(name):
            continue
        start = name_at
        facts["author.name"] = name
        if subject:
            facts["post.title"] = subject
        # the profile column: rank lines, then the stat run
        if runs is None:
            runs = {a: (b, pairs) for a, b, pairs in _runs(view, _stat_items(view))}
        ranks: list[str] = []
        k = view.first_live(end + 1)
        while k and k[0] - end <= 3 and k[0] not in runs and len(ranks) < 2 and _candidate(view.lines[k[0]]):
            ranks.append(view.lines[k[0]].strip())
            k = view.first_live(k[0] + 1)
        if k and k[0] in runs and k[0] - end <= 3 + len(ranks) * 3:
            last, pairs = runs[k[0]]
            for key, value in classic_poster_facts(name, ranks, pairs).items():
                facts.setdefault(key, value)
            end = last
        yield Hit(start, end, "post header and profile column (subsilver2)", facts, moved_to="author")


#: subsilver2's ``Posted: {date}`` cell anywhere on a line (the right cell of a two-column layout's line)
_POSTED_CELL_RE = lazy(
    rf"(?:(?:{alt('phpbb_post_label')})[ \t]*)?(?:{alt('phpbb_posted')})[ \t]?:[ \t]*+(?P<date>{CLASSIC_DATE})[ \t]*$",
    _F,
)
_POSTED_NEEDLE_RE = lazy(rf"(?:{alt('phpbb_posted')})[ \t]?:", _F)
_SUBJECT_CELL_RE = lazy(rf"^(?:{alt('phpbb_post_subject')})[ \t]?:[ \t]*+(?P<subject>[^\n]{{1,200}}?)[ \t]*$", _F)


def _beside_subject(cell: str) -> str | None:
    m = _SUBJECT_CELL_RE.match(cell)
    return m.group("subject") if m else None


@rule("PHB014", "subsilver-beside", tags=["author-block", "byline"], stage="split", scope="document", trigger=_POSTED_WORDS)
def subsilver_beside(view: TextView) -> Iterator[Hit]:
    """phpBB 3.0 subsilver2's post table with the poster column printed beside the message (inscriptis, w3m):
    the name's cell beside ``Post subject:`` or ``Posted: {date}``, the rank, ``Joined:``, ``Posts:`` and
    ``Location:`` cells beside the message's lines. The head's lines go to ``post.author`` / ``post.date`` /
    ``post.title``; of the other lines only the poster's cells go, the message text beside them stays.

    Example (removed: the head, the left cells)::

        Post subject: Re: Tide tables
        quillpen              Posted: Tue Mar 05, 2019 9:12 am
        Harbour Pilot         The tide tables for March are up.
        Joined: Sat Jan 12, 2013 4:10 pm
        Posts: 1386           Check the spring tides.
    """
    if view.engine not in (None, "phpbb"):
        return
    heads: list[BesideHead] = []
    for i in candidate_lines(view, _POSTED_NEEDLE_RE):
        line = view.lines[i]
        m = _POSTED_CELL_RE.search(line)
        if m is None or m.start() < _BESIDE_MIN_COLUMN or line[m.start() - 2 : m.start()].strip():
            continue
        heads.append(BesideHead(i, m.start(), date_facts(m.group("date").strip())))
    yield from beside_hits(view, heads, subject=_beside_subject, tail=None, reason="post header beside the poster column (subsilver2)")
    yield from _piped_heads(view)


#: html2text's table row of subsilver2's post head: ``**name** |  |  **Post subject:** {subject}**Posted:** {date}``
#: (read without the Markdown: the post icon's link between the subject and ``Posted:`` gone)
_PIPED_HEAD_RE = lazy(
    rf"^[ \t]*+(?P<name>[^|\n]{{1,60}}?)[ \t]*+\|(?:[ \t]*+\|){{0,3}}+[ \t]*+(?:{alt('phpbb_post_subject')})[ \t]?:[ \t]*+"
    rf"(?P<subject>[^\n]{{0,200}}?)[ \t]*(?:(?:{alt('phpbb_post_label')})[ \t]*)?(?:{alt('phpbb_posted')})[ \t]?:[ \t]*+"
    rf"(?P<date>{CLASSIC_DATE})[ \t|]*$",
    _F,
)
#: the rank's cell under it (``| Gear Greaser``)
_PIPED_RANK_RE = lazy(r"^[ \t]*+\|[ \t]*+(?P<rank>[^|\n]{1,60}?)[ \t|]*$")
#: the last stat's cell and the message's first line in one row: ``**Location:** Under the viaduct |  {text}``
_PIPED_CELL_RE = lazy(r"^(?P<cell>[^|\n]{1,100}?)[ \t]*+\|[ \t]*+(?=\S)")


def _piped_heads(view: TextView) -> Iterator[Hit]:
    """subsilver2's post table as html2text writes it, a Markdown table: the name's cell beside the subject and
    date in one row, the rank's row (``| Gear Greaser``), the stats one a line, the last of them in one row
    with the message's first line (``Location: Under the viaduct | {text}``)."""
    for i in candidate_lines(view, _POSTED_NEEDLE_RE):
        m = _PIPED_HEAD_RE.match(view.lines[i])
        if m is None or not _candidate(m.group("name")) or has_stat_label(m.group("name")):
            continue
        facts: dict[str, object] = date_facts(m.group("date").strip())
        if m.group("subject"):
            facts["post.title"] = m.group("subject").strip()
        ranks: list[str] = []
        pairs: list[tuple[str, str | None]] = []
        end, cut = i, None
        for k in range(i + 1, min(len(view), i + 20)):
            line = view.lines[k]
            if view.claimed[k]:
                break
            if not line.strip():
                continue
            if not pairs and (rm := _PIPED_RANK_RE.match(line)) is not None and _candidate(rm.group("rank")):
                ranks.append(rm.group("rank"))
                end = k
                continue
            cm = _PIPED_CELL_RE.match(line)
            sm = STAT_LINE_RE.match(cm.group("cell") if cm is not None else line)
            if sm is None or not (sm.group("value") or sm.group("glued") or sm.group("spaced")):
                break
            pairs.append((sm.group("label"), sm.group("value") or sm.group("glued") or sm.group("spaced")))
            if cm is not None:
                cut = (k, cm.end())
                break
            end = k
        if not pairs:
            continue
        for key, value in classic_poster_facts(m.group("name"), ranks, pairs).items():
            facts.setdefault(key, value)
        yield Hit(i, end, "post header and poster column, a Markdown table (subsilver2)", facts, moved_to="author")
        if cut is not None:
            yield Hit(cut[0], cut[0], "poster column beside the message", cols=(0, cut[1]), moved_to="author")


_GUILLEMET_ALONE_RE = lazy(r"^[ \t]*+»[ \t]*$", regex.MULTILINE)
_BY_ALONE_RE = line_re(rf"{_POST_BY}|{_POST_BY_GLUED}")
_POST_LABEL_RE = line_re(alt("phpbb_post_label"))


def _live_up(view: TextView, i: int) -> int | None:
    """The live line right above line ``i`` (over at most one blank or removed line)."""
    up = [k for k in range(i - 1, max(-1, i - 3), -1) if view.is_live(k)][:1]
    return up[0] if up else None


def _split_bylines(view: TextView) -> Iterator[Hit]:
    """``Post`` / ``by`` / ``X`` / ``»`` / ``{date}``: the byline one text node a line (selectolax,
    BeautifulSoup), with the subject above it as in :func:`byline`."""
    if "»" not in view.text:
        return
    for i, _m in iter_line_matches(view, _GUILLEMET_ALONE_RE):
        name_at = _live_up(view, i)
        if name_at is None:
            continue
        user = view.lines[name_at].strip()
        if len(user) > 60 or word_count(user) > 6 or user[-1] in ".:;,!?" or _BY_ALONE_RE.match(user):
            continue
        start = name_at
        by_at = _live_up(view, start)
        if by_at is not None and _BY_ALONE_RE.match(view.lines[by_at]):
            start = by_at
        else:
            by_at = None
        label_at = _live_up(view, start)
        if label_at is not None and _POST_LABEL_RE.match(view.lines[label_at]):
            start = label_at
        else:
            label_at = None
        end = i
        nxt = view.first_live(i + 1)
        facts: dict[str, object] = {}
        if nxt and nxt[0] - i <= 2 and (dm := DATE_ONLY_LINE_RE.match(view.lines[nxt[0]])):
            end = nxt[0]
            facts.update(date_facts(dm.group(0).strip().lstrip("-•").strip()))
        if by_at is None and not (label_at is not None and end > i):
            continue  # (a breadcrumb trail one node a line: ``Board index`` / ``»`` / ``Forum``)
        facts["author.name"] = user
        prev, hopped = _above_buttons(view, start)
        if prev is not None:
            subject = view.lines[prev].strip()
            # (the post icon's label, like the buttons, shows that the line above is the subject)
            if _RE_SUBJECT.match(subject) or (
                (hopped or label_at is not None)
                and len(subject) <= 160
                and subject[-1] not in ".:"
                and not has_stat_label(subject)
            ):
                start = prev
                facts["post.title"] = subject
        yield Hit(start, end, "post byline, one text node a line", facts, moved_to="author")


def _above_buttons(view: TextView, i: int) -> tuple[int | None, bool]:
    """The nearest live line above line ``i`` over up to two of the post's button lines (phpBB 3.3 prints them
    between the subject and the byline), and whether it is over any; each step looks at most three lines up."""
    k = i
    for hop in range(3):
        prev = [j for j in range(k - 1, max(-1, k - 4), -1) if view.is_live(j)][:1]
        if not prev:
            break
        # (the thanks extension's button, ``Danke``, right above the byline, after the post's buttons)
        if not _STOP_RE.match(view.lines[prev[0]]) and not (hop == 0 and _THANKS_BUTTON_RE.match(view.lines[prev[0]])):
            return prev[0], hop > 0
        k = prev[0]
    return None, False


_THANKS_BUTTON_RE = line_re(alt("vb_thanks_button"))


_RE_SUBJECT = lazy(r"^[ \t]*+(?:Re|RE|Aw|AW|Odp|Ответ|Réf|R|Rif|Antw|SV|VS):[ \t]?[^\n]{1,200}$")

_WROTE = alternation("wrote")
_PRONOUNS = frozenset(
    ["he", "she", "they", "it", "i", "we", "you", "someone", "somebody", "everyone", "nobody", "who", "that", "this", "and", "then", "one", "er", "sie", "es", "ich", "wir", "il", "elle", "on", "je", "nous", "él", "ella", "yo", "ele", "ela", "lui", "lei", "hij", "zij", "ik", "on", "ona", "ja", "он", "она", "я"]
)
_QUOTE_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?P<user>[^\n:]{{1,60}}?)[ \t]+(?:{_WROTE})[ \t]?:(?P<sp>[ \t]*)"
    rf"(?:↑[ \t]*(?P<date>{CLASSIC_DATE})?[ \t]*|(?P<date2>{CLASSIC_DATE})[ \t]*)?"
    r"(?P<text>[^\n]*?)[ \t]*$",
    _F,
)


def plausible_user(user: str) -> bool:
    """A quote author: short, not a pronoun or a sentence."""
    s = user.strip()
    if not s or len(s) > 40 or word_count(s) > 4 or s[-1] in ".,;:!?":
        return False
    first = s.split()[0].lower()
    if first in _PRONOUNS or s.lower() in _PRONOUNS:
        return False
    return first not in ("and", "but", "so", "as", "because", "when", "if", "the", "a", "then")


@rule("PHB003", "quote", tags=["quote"], stage="structure", trigger=_WROTE, fingerprint=False)
def quote(view: TextView) -> Iterator[Hit]:
    """``X wrote: ↑ {date}`` / ``X wrote:`` quote headers (phpBB, FluxBB); glued text moves to ``post.quotes``.

    Extractors glue the quoted text to its header (``X wrote:The text``); that line (and following lines that
    repeat earlier posts) is the quote. A header alone is removed by itself. ``She wrote: we will come``
    (a pronoun) is prose and stays; ``Anna wrote: text`` with a space is read as a quote only in text
    sniffed as a classic engine.

    Example (removed)::

        kestrel wrote: ↑ Fri Mar 10, 2023 10:37 pm
    """
    for i, m in iter_line_matches(view, _QUOTE_RE):
        user = m.group("user").strip()
        if not plausible_user(user):
            continue
        text = m.group("text").strip()
        # (the arrow, or the date an extractor kept without it: ``X wrote: Sat Feb 24, 2024 5:43 pmThe text``)
        arrow = "↑" in m.group(0) or m.group("date2") is not None
        if text and m.group("sp") and not arrow and view.engine not in ("phpbb", "fluxbb"):
            continue
        if not text and not view.first_live(i + 1):
            continue
        glued = glued_reply_quote(view, i, m, user)
        if glued is not None:
            yield glued  # the reply glued after the quoted text stays
            continue
        block = quote_block(view, i, below=not text)
        if block is not None:
            yield from _block_hits(view, min(i, block[0]), block[1], user, text, body=i + 1)
            continue
        lines = [text] if text else []
        end = i
        run = seen_run(view, i + 1)
        if run is not None:
            lines += [view.lines[k].strip() for k in range(i + 1, run + 1) if view.lines[k].strip()]
            end = run
        facts: dict[str, object] = {"quote": Quote(author=user, text="\n".join(lines))} if lines else {}
        yield Hit(i, end, f"quote of {user}'s post", facts, moved_to="quotes" if lines else None)
    yield from _split_quote_headers(view)


def _block_hits(view: TextView, i: int, end: int, user: str, text: str, body: int = 0) -> Iterator[Hit]:
    """Lines ``i`` to ``end``, a quote header and its blockquote, moved to ``post.quotes``: the quote's text is
    the lines from ``body`` on (after the header), the header's arrow, date and code box labels left out."""
    lines = [text] if text else []
    for k in range(max(i + 1, body), end + 1):
        line = view.lines[k].strip()
        if line and not (_ARROW_ALONE_RE.match(line) or DATE_ONLY_LINE_RE.match(line) or _CODE_RE.match(line)):
            lines.append(line)
    facts: dict[str, object] = {"quote": Quote(author=user, text="\n".join(lines))} if lines else {}
    yield Hit(i, end, f"quote of {user}'s post", facts, moved_to="quotes" if lines else None)


#: ``wrote:`` alone on a line, the quoted author's name on the line above (one text node a line), maybe the
#: arrow and the quoted post's date after it
_WROTE_ALONE_RE = lazy(
    rf"^[ \t]*+(?:{_WROTE})[ \t]?:[ \t]*+(?P<arrow>↑[ \t]*+)?(?P<date>{CLASSIC_DATE})?[ \t]*$", _F
)
_ARROW_ALONE_RE = lazy(r"^[ \t]*+↑[ \t]*$")


def _split_quote_headers(view: TextView) -> Iterator[Hit]:
    """``X`` / ``wrote:`` / ``↑`` / ``{date}``: the quote header one text node a line (selectolax, BeautifulSoup);
    in text sniffed as phpBB or FluxBB, or with the arrow or the date after ``wrote:``."""
    for i, m in iter_line_matches(view, _WROTE_ALONE_RE):
        above = [k for k in range(i - 1, max(-1, i - 3), -1) if view.is_live(k)][:1]
        if not above or not plausible_user(view.lines[above[0]]):
            continue
        user = view.lines[above[0]].strip()
        end = i
        dated = m.group("date") is not None
        arrow = m.group("arrow") is not None
        for _ in range(2):
            nxt = view.first_live(end + 1)
            if not nxt or nxt[0] - end > 2 or dated:
                break
            line = view.lines[nxt[0]]
            if not arrow and _ARROW_ALONE_RE.match(line):
                arrow, end = True, nxt[0]
            elif DATE_ONLY_LINE_RE.match(line):
                dated, end = True, nxt[0]
            else:
                break
        if not (dated or arrow or view.engine in ("phpbb", "fluxbb")):
            continue
        block = quote_block(view, above[0]) or quote_block(view, end, below=True)
        if block is not None and block[1] >= end:
            yield from _block_hits(view, min(above[0], block[0]), block[1], user, "", body=end + 1)
            continue
        yield Hit(above[0], end, f"quote header ({user}), one text node a line")


_CODE_RE = line_re(rf"(?:{alt('classic_code_header')})[ \t]*:[ \t]*(?:{alt('classic_select_all')})")


@rule("PHB004", "code-header", tags=["buttons"], trigger=r":")
def code_header(view: TextView) -> Iterator[Hit]:
    """``Code: Select all`` header of a code box (``Code: Alles auswählen``, ``Код: Выделить всё``).

    Example (removed)::

        Code: Select all
    """
    for i, _m in iter_line_matches(view, _CODE_RE):
        yield Hit(i, i, "code box header")


_EDIT_RE = lazy(
    rf"^[ \t]*+(?P<note>(?:{alt('classic_last_edited_by')})[ \t]+[^\n]{{1,160}}?"
    rf"(?:,[ \t]*(?:{alt('classic_edited_total')})|[ \t]+on[ \t]+[^\n]{{4,60}})\.?)[ \t]*$",
    _F,
)
_REASON_RE = EDIT_REASON_RE


@rule("PHB005", "edit-note", tags=["edit-note"], trigger=r"edit|geändert|bearbeitet|modif|edici|ediç|bewerkt|bijgewerkt|edyt|zmienion|редакт|bumped")
def edit_note(view: TextView) -> Iterator[Hit]:
    """``Last edited by X on {date}, edited 2 times in total.`` (+ ``Reason:``) to ``post.edit_note``.

    Example (removed)::

        Last edited by quillpen on Tue Mar 05, 2019 9:12 am, edited 2 times in total.
    """
    for i, _m in iter_line_matches(view, _EDIT_RE):
        end = i
        nxt = view.first_live(i + 1)
        if nxt and nxt[0] <= i + 2 and _REASON_RE.match(view.lines[nxt[0]]):
            end = nxt[0]
        note = " ".join(view.lines[k].strip() for k in range(i, end + 1) if view.lines[k].strip())
        yield Hit(i, end, "edit note", {"post.edit_note": note}, moved_to="edit_note")


_BUTTONS_RE = line_re(
    rf"(?:{alt('classic_top')}|{alt('phpbb_post_buttons')}|{alt('phpbb_post_label')})"
    rf"(?:[ \t]+(?:{alt('classic_top')}|{alt('phpbb_post_buttons')}))*"
)


@rule("PHB006", "post-buttons", tags=["buttons"])
def post_buttons(view: TextView) -> Iterator[Hit]:
    """Post buttons that leak as text in phpBB: ``Top``, ``Quote``, ``Report`` (text sniffed as phpBB only).

    Example (removed)::

        Top
    """
    if view.engine != "phpbb":
        return
    for i, _m in iter_line_matches(view, _BUTTONS_RE):
        yield Hit(i, i, "post buttons")


_FILE_STATS = alt("classic_file_stats")
_FILE_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?P<file>[^\n]{{1,120}}?\.\w{{2,5}}[ \t]*)?\(?[\d.,]+[ \t]*(?:KiB|MiB|KB|MB|Bytes|B)\)?"
    rf"[ \t]*(?:{_FILE_STATS})?[ \t]*$",
    _F,
)
_FILE_STATS_RE = line_re(_FILE_STATS)
_FILE_STATS_ANY_RE = lazy(_FILE_STATS, _F)  # anywhere in a line
_FILE_NEEDLE = lazy(r"\d[ \t]*(?:KiB|MiB|KB|MB|Bytes|B)\b", regex.IGNORECASE)
_ATTACH_HEAD_RE = line_re(alt("classic_attachments"))
_FILENAME_RE = lazy(r"^[ \t]*+(?:[-•][ \t]*)?[^\s/\\]{1,120}\.(?:[a-z0-9]{2,5})[ \t]*$", regex.IGNORECASE)


@rule("PHB007", "attachments", tags=["link-card"], trigger=r"KiB|KB|MB|Bytes|times|mal|fois|veces|vezes|volte|keer|razy|Просмотров|Скачиваний")
def attachments(view: TextView) -> Iterator[Hit]:
    """Attachment boxes: ``Attachments`` / ``photo.jpg (95.8 KiB) Viewed 478 times`` lines (phpBB text only).

    Example (removed)::

        Attachments
        harbour.jpg
        (95.79 KiB) Downloaded 478 times
    """
    if view.engine != "phpbb":
        return
    for i, m in match_lines(view, _FILE_NEEDLE, _FILE_RE):
        s = m.group(0)
        if not (_FILE_STATS_ANY_RE.search(s) or m.group("file")):
            continue
        start = i
        prev = [k for k in range(i - 1, max(-1, i - 4), -1) if view.is_live(k)]
        for k in prev[:2]:
            if _FILENAME_RE.match(view.lines[k]) or _ATTACH_HEAD_RE.match(view.lines[k]):
                start = k
            else:
                break
        if start == i and prev and _ATTACH_HEAD_RE.match(view.lines[prev[0]]):
            start = prev[0]
        yield Hit(start, i, "attachment")
    for i, _m in iter_line_matches(view, _FILE_STATS_RE):
        yield Hit(i, i, "attachment")


_NOTICE_RE = line_re(
    r"You do not have the required permissions to view the files attached to this post\.|"
    r"The board requires you to be registered and logged in to view this topic\.|"
    r"This post has been deleted\.|Display this post|This post was reported\.|"
    rf"(?:{alt('powered_by')})[ \t]+phpBB[^\n]{{0,120}}|"
    rf"(?:{alt('all_times_are')})[ \t]*:?[ \t]*(?:UTC|GMT)[^\n]{{0,20}}|"
    rf"(?P<browsing>{alt('users_browsing')})[^\n]{{0,400}}|"
    rf"(?:{alt('phpbb_return_to')})[ \t]+[“\"„«‘][^\n]{{1,120}}[”\"“»’]|"
    rf"{alt('phpbb_board_chrome')}|{alt('phpbb_board_index')}|"
    # the jumpbox's label with its colon, maybe its first options on the same line (``Jump to: [Drivetrains] Go``)
    rf"(?:{alt('fluxbb_jump_to')})[ \t]*:[^\n.!?]{{0,120}}|"
    rf"\d[\d,.]*[ \t]+(?:{alt('posts_count')})(?:[ \t]*•[^\n]{{0,80}})?|"
    r"Display posts from previous:[^\n]{0,200}|"
    r"®?[ \t]*Forum Software[ \t]*©[ \t]*phpBB Limited[^\n]{0,60}"
)
#: (every line the pattern matches holds one of these, lower-cased)
_NOTICE_WORDS = (
    "phpbb",
    "permission",
    "registered",
    "deleted",
    "display",
    "reported",
    "utc",
    "gmt",
    *{
        p.lower()
        for c in ("users_browsing", "phpbb_return_to", "phpbb_board_chrome", "phpbb_board_index", "posts_count")
        for p in phrases(c)
    },
)


@rule("PHB008", "board-chrome", tags=["notice", "navigation"], trigger=_NOTICE_WORDS)
def board_chrome(view: TextView) -> Iterator[Hit]:
    """phpBB notices and topic chrome: permission and deletion notices, ``Powered by phpBB``, ``Board index``,
    in every language of the phrase tables (``Foren-Übersicht``, ``Retourner vers « … »``, ``Strona 1 z 2``).

    Generic words (``Locked``, ``Jump to``, ``12 posts``, ``Kontakt``) go only in text sniffed as phpBB.

    Example (removed)::

        You do not have the required permissions to view the files attached to this post.
    """
    for i, m in iter_line_matches(view, _NOTICE_RE):
        s = m.group(0)
        strong = "phpBB" in s or "permission" in s or "registered and logged" in s or (
            m.group("browsing") is not None and "forum" in m.group("browsing").lower()
        )
        if strong or view.engine == "phpbb":
            yield Hit(i, i, "board notice")
    # one text node a line: ``All times are`` / ``UTC+02:00``, ``Powered by`` / ``phpBB``
    for pattern, after in ((_TIMES_ALONE_RE, _ZONE_ALONE_RE), (_POWERED_ALONE_RE, _PHPBB_ALONE_RE)):
        for i, _m in iter_line_matches(view, pattern):
            nxt = view.first_live(i + 1)
            if nxt and nxt[0] - i <= 2 and after.match(view.lines[nxt[0]]):
                yield Hit(i, nxt[0], "board footer, one text node a line")


_TIMES_ALONE_RE = line_re(rf"(?:{alt('all_times_are')})[ \t]*:?")
_ZONE_ALONE_RE = line_re(r"(?:UTC|GMT)(?:[ \t]*[+-−][ \t]*\d{1,2}(?::\d{2})?)?")
_POWERED_ALONE_RE = line_re(alt("powered_by"))
_PHPBB_ALONE_RE = line_re(r"phpBB[ \t]*®?")


def _permission_alt() -> str:
    """The permission sentences as one alternation; Markdown bold may wrap a word (``You **cannot** post``)."""
    parts = []
    for p in phrases("phpbb_forum_permissions"):
        parts.append(r"(?:[ \t]|\*\*)+".join(regex.escape(w) for w in p.split()))
    return "|".join(parts)


_PERMISSION_ONE = rf"(?:\*\*)?(?:{_permission_alt()})(?:\*\*)?\.?"
#: one or more sentences on a line (a table cell holds them all), maybe in html2text's or trafilatura's table pipes
_PERMISSION_RE = line_re(
    rf"(?:\|[ \t]*){{0,3}}{_PERMISSION_ONE}(?:[ \t]+{_PERMISSION_ONE}){{0,7}}(?:[ \t]*\|)?"
)
#: (the last two words of each sentence: outside the bold the language packs put on the verb)
_PERMISSION_WORDS = tuple({" ".join(p.lower().split()[-2:]) for p in phrases("phpbb_forum_permissions")})


def _permission_lines(view: TextView) -> list[tuple[int, int]]:
    """``(first, last)`` line spans holding one permission sentence or more, a sentence maybe broken over three
    lines where its bold word stood (``You`` / ``cannot`` / `` post new topics in this forum``)."""
    out: list[tuple[int, int]] = []
    for i in lines_with(view, _PERMISSION_WORDS):
        if not view.is_live(i) or len(view.lines[i]) > 1200:
            continue
        if _PERMISSION_RE.match(view.lines[i]):
            out.append((i, i))
            continue
        for first in (i - 1, i - 2):
            if first < 0 or (out and first <= out[-1][1]) or not all(view.is_live(k) for k in range(first, i)):
                continue
            if _PERMISSION_RE.match(" ".join(view.lines[k].strip() for k in range(first, i + 1))):
                out.append((first, i))
                break
    return out


@rule("PHB012", "forum-permissions", tags=["notice"], trigger=_PERMISSION_WORDS)
def forum_permissions(view: TextView) -> Iterator[Hit]:
    """The forum's posting permissions under the posts, one sentence a line, in every language of the tables.

    Removed in text sniffed as phpBB, elsewhere only two or more of them in a row.

    Example (removed)::

        You cannot post new topics in this forum
        You cannot reply to topics in this forum
    """
    found = _permission_lines(view)
    for k, (first, last) in enumerate(found):
        near = (k and first - found[k - 1][1] <= 2) or (k + 1 < len(found) and found[k + 1][0] - last <= 2)
        if view.engine == "phpbb" or near or _PERMISSION_MANY_RE.match(view.lines[first]):
            yield Hit(first, last, "forum permissions")


#: two sentences or more on one line
_PERMISSION_MANY_RE = line_re(
    rf"(?:\|[ \t]*){{0,3}}{_PERMISSION_ONE}(?:[ \t]+{_PERMISSION_ONE}){{1,7}}(?:[ \t]*\|)?"
)


@rule("PHB013", "thanks", tags=["reactions"], trigger=r"thank|dank|remerci|agrade|ringrazi|bedank|dzięk|поблагодар|спасибо")
def thanks(view: TextView) -> Iterator[Hit]:
    """The thanks extension's line under a post (``These users thanked the author X for the post (total 2):``) and
    the names after it, in every language of the ``classic_thanks`` phrases, to ``post.reactions`` (vBulletin's
    rule).

    Example (removed)::

        These users thanked the author quillpen for the post (total 2):
        marlin • kestrel
    """
    yield from _vb_thanks.detect(view)


#: One entry of phpBB's forum jumpbox as extractors print it: ``↳ Forum name`` (a subforum, the arrow phpBB puts
#: before it) or a category's bare name, maybe a list bullet or a Markdown link around it.
_JUMP_ENTRY_RE = lazy(
    r"^[ \t]*+(?:[-•*][ \t]*)?(?:\[[ \t]*)?(?P<arrow>↳[ \t\xa0]*)?(?P<name>[^\n\[\]↳]{1,80}?)"
    r"(?:\]\([^)\n]{0,300}\))?[ \t]*$"
)
_JUMP_ARROW_RE = lazy(r"^[ \t]*+(?:[-•*][ \t]*)?(?:\[[ \t]*)?↳[^\n]{1,400}$", regex.MULTILINE)
_JUMP_NAME_END_RE = lazy(r"[.!?:;,]$")


def _jump_entry(view: TextView, k: int) -> bool | None:
    """Whether line ``k`` is a jumpbox entry with the arrow (True), a category name (False), or neither (None)."""
    line = view.lines[k]
    if len(line) > 400:
        return None
    m = _JUMP_ENTRY_RE.match(line)
    if m is None:
        return None
    name = m.group("name").strip()
    if not name or word_count(name) > 8 or _JUMP_NAME_END_RE.search(name):
        return None
    return m.group("arrow") is not None


@rule("PHB010", "jumpbox", tags=["navigation"], scope="document", trigger=("↳",))
def jumpbox(view: TextView) -> Iterator[Hit]:
    """The forum jumpbox under the posts: categories and ``↳ {forum}`` entries, one a line.

    phpBB's ``Jump to`` menu lists every forum, a subforum led by ``↳``; extractors print it as a list of short
    lines. A run counts with two arrowed entries (one in text sniffed as phpBB); a category's name just above
    an arrowed entry goes with it.

    Example (removed)::

        Boats
        ↳ Moorings
        ↳ Engines
    """
    need = 1 if view.engine == "phpbb" else 2
    done = -1
    for i, _m in iter_line_matches(view, _JUMP_ARROW_RE):
        if i <= done or not view.is_live(i) or _jump_entry(view, i) is not True:
            continue
        # back over the entries above (categories and arrowed ones), then down over those below
        # (a category's name counts only right over an arrowed entry: the lines above a jumpbox are not taken)
        start = i
        for k in reversed(view.live_indices(max(0, i - 60), i)):
            kind = _jump_entry(view, k)
            if k < start - 3 or kind is None or (kind is False and _jump_entry(view, start) is not True):
                break
            start = k
        end, arrows, last = start, 0, None
        for k in view.live_indices(start, min(len(view.lines), start + 400)):
            kind = _jump_entry(view, k)
            if (k > end + 3 and k != start) or kind is None or (kind is False and last is False):
                break
            arrows += kind
            end, last = k, kind
        if last is False:  # it ends at an arrowed entry
            end = max(view.live_indices(start, end))
        done = end
        if arrows >= need:
            yield Hit(start, end, "forum jumpbox")


_SUBJECT_RE = lazy(
    r"^[ \t]*+(?:[-•][ \t]*)?(?P<re>Re|RE|Aw|AW|Odp|Ответ|Réf|R|Rif|Antw|SV|VS):[ \t]?(?P<subject>[^\n]{1,200}?)[ \t]*$",
    regex.MULTILINE,
)


#: Where a ``Re:`` subject line can start (the rule's trigger; FluxBB's ``FLX008`` shares it).
REPLY_SUBJECT_TRIGGER = r"^[ \t]*+(?:[-•][ \t]*)?(?:Re|Aw|Odp|Ответ|Réf|R|Rif|Antw|SV|VS):"


@rule("PHB009", "reply-subject", tags=["headline", "post-meta"], scope="document", trigger=REPLY_SUBJECT_TRIGGER, fingerprint=False)
def reply_subject(view: TextView) -> Iterator[Hit]:
    """``Re: {title}`` post-subject lines that repeat the thread title (phpBB, SMF, FluxBB, vBulletin).

    A ``Re:`` line goes when its subject occurs at least twice in the text (as ``Re: …`` or as the bare
    title), or when the text was sniffed as a classic engine.

    Example (removed)::

        Re: Tide tables for the estuary
    """
    found = [(first, m) for first, last, m in view.finditer(_SUBJECT_RE) if first == last]
    if not found:
        return
    counts: dict[str, int] = {}
    for _first, m in found:
        key = " ".join(m.group("subject").split()).lower()
        counts[key] = counts.get(key, 0) + 1
    bare: set[str] = set()
    for _i, line in view.iter_lines():
        if len(line) <= 200:
            bare.add(" ".join(line.split()).lower())
    classic = view.engine in ("vbulletin", "phpbb", "smf", "mybb", "fluxbb")
    for first, m in found:
        key = " ".join(m.group("subject").split()).lower()
        if counts[key] >= 2 or key in bare or (classic and word_count(key) <= 20):
            yield Hit(first, first, "post subject repeating the thread title")


# -- sniffing: each signal in every language of the phrase tables, behind a literal test of the head ----------


def _colon_forms(concept: str) -> tuple[str, ...]:
    """``{phrase}:`` and ``{phrase} :`` (French typography) for each phrase of ``concept``."""
    return tuple(f"{p}{sp}:" for p in phrases(concept) for sp in ("", " "))


def _literals(items: Iterable[str]) -> str:
    """A regex alternation of ``items`` written out exactly, longest first."""
    return "|".join(regex.escape(x) for x in sorted(set(items), key=len, reverse=True))


_SNIFF_WROTE = _colon_forms("wrote")
#: ``X wrote: ↑ {date}`` (the arrow links the quoted post; phpBB 3.2+)
_SNIFF_ARROW_RE = lazy(rf"[ \t](?:{_literals(_SNIFF_WROTE)})[ \t]?↑")
#: ``X wrote:The text`` (the quoted text glued to its header)
_SNIFF_GLUED_RE = lazy(rf"^[^\n:]{{1,40}} (?:{_literals(_SNIFF_WROTE)})\S", regex.MULTILINE)
#: ``Post by X » {date}``, or ``Post by X »`` with the date dropped (Resiliparse)
_SNIFF_BY_RE = lazy(
    rf"^[ \t]*+(?:{_POST_BY}|{_POST_BY_GLUED})[ \t]+[^\n»]{{1,60}} »(?: |[ \t]*$)", regex.MULTILINE | regex.VERSION1
)
#: phpBB's avatar alt text alone on a line; the thread starter's badge some styles print (``Topic Author``) is
#: weaker evidence, other engines' styles print one too (``Original Poster``)
_SNIFF_AVATAR_RE = line_re(alt("classic_user_avatar"))
_SNIFF_STARTER_BADGE_RE = line_re(alt("classic_topic_author"))
_SNIFF_TOP_RE = lazy(r"^[ \t]*+Top[ \t]*$", regex.MULTILINE)
_SNIFF_TOP_LED_RE = literal_led(_SNIFF_TOP_RE, "Top") or _SNIFF_TOP_RE
#: ``Top`` in the other languages (``Nach oben``, ``Haut``, ``Вернуться к началу``): a whole line
_SNIFF_TOPS = tuple(p for p in phrases("classic_top") if p != "Top")
_SNIFF_TOP_I18N_RE = lazy(rf"^[ \t]*+(?:{_literals(_SNIFF_TOPS)})[ \t]*$", regex.MULTILINE)
_SNIFF_CODE_EN_RE = lazy(r"^[ \t]*+Code: Select all[ \t]*$", regex.MULTILINE | regex.IGNORECASE)
#: ``Code: Select all`` in the other languages, each language's pair (``Code : Tout sélectionner``)
_SNIFF_CODES = tuple(
    f"{code}{sp}: {select[0]}"
    for lang, codes in PHRASES["classic_code_header"].items()
    if lang != "en"
    for select in (PHRASES["classic_select_all"][lang],)
    for code in codes
    for sp in ("", " ")
)
_SNIFF_CODE_RE = lazy(rf"^[ \t]*+(?:{_literals(_SNIFF_CODES)})[ \t]*$", regex.MULTILINE)
#: ``Board index`` (leading the breadcrumbs, or alone on a line) and ``Return to “{forum}”``
_SNIFF_INDEXES = (*phrases("phpbb_board_index"), *phrases("phpbb_return_to"))
_SNIFF_INDEX_RE = lazy(
    rf"^[ \t]*+(?:Board index|(?:{_literals(phrases('phpbb_board_index'))})(?:[ \t]*+$|[ \t]+[»‹›])"
    rf"|(?:{_literals(phrases('phpbb_return_to'))})[ \t]+[“„«\"])",
    regex.MULTILINE,
)
#: ``Joined: {date}`` in the profile (the value may stand on the next line)
_SNIFF_JOINED = _colon_forms("phpbb_joined")
_SNIFF_JOINED_RE = lazy(
    rf"^[ \t]*+(?:[-•][ \t]*)?(?:{_literals(_SNIFF_JOINED)})[ \t]*+\n?[ \t]*+[^\n]{{4,40}}$", regex.MULTILINE
)
#: ``…, edited 2 times in total`` closing an edit note; the test: each phrase's longest piece around the number
_SNIFF_EDITED = tuple(max(p.split("{n}"), key=len).strip() for p in phrases("classic_edited_total"))
_SNIFF_EDITED_RE = lazy(
    "|".join(regex.escape(p).replace(regex.escape("{n}"), r"\d+") for p in phrases("classic_edited_total"))
)
_SNIFF = (
    (_SNIFF_ARROW_RE, 0.45),
    (_SNIFF_BY_RE, 0.4),
    (_SNIFF_CODE_EN_RE, 0.4),
    (_SNIFF_CODE_RE, 0.4),
    (_SNIFF_EDITED_RE, 0.4),
    (lazy(r"phpBB"), 0.5),
    (_SNIFF_JOINED_RE, 0.2),
    (_SNIFF_TOP_RE, 0.2),
    (_SNIFF_TOP_I18N_RE, 0.2),
    (_SNIFF_INDEX_RE, 0.3),
    (_SNIFF_GLUED_RE, 0.25),
    (lazy(r"\(\d[\d.,]* KiB\) (?:Viewed|Downloaded) \d+ times?"), 0.35),
    (_SNIFF_AVATAR_RE, 0.3),
    (_SNIFF_STARTER_BADGE_RE, 0.2),
)
#: The literal tests of the localised signals, made in one pass over the head (see ``sniff``).
_SNIFF_LITERALS = LiteralSets(
    wrote=_SNIFF_WROTE,
    tops=_SNIFF_TOPS,
    codes=_SNIFF_CODES,
    indexes=_SNIFF_INDEXES,
    joined=_SNIFF_JOINED,
    edited=_SNIFF_EDITED,
)
_SNIFF_SETS = {
    _SNIFF_GLUED_RE: "wrote",
    _SNIFF_TOP_I18N_RE: "tops",
    _SNIFF_CODE_RE: "codes",
    _SNIFF_INDEX_RE: "indexes",
    _SNIFF_JOINED_RE: "joined",
    _SNIFF_EDITED_RE: "edited",
}


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from a phpBB page (two distinctive signals for 0.5)."""
    head = text[:300_000]
    found = _SNIFF_LITERALS.found(head)
    # cheap tests every text the pattern matches passes (the literal guards the patterns get by themselves are
    # weak): a substring, the same line led by its literal, or one of the pattern's literals found above
    needs: dict[regex.Pattern[str], Callable[[str], bool]] = {
        _SNIFF_ARROW_RE: lambda h: "↑" in h,
        _SNIFF_BY_RE: lambda h: " »" in h,
        _SNIFF_TOP_RE: lambda h: _SNIFF_TOP_LED_RE.search(h) is not None,
    }
    for pattern, name in _SNIFF_SETS.items():
        needs[pattern] = _yes if name in found else _no
    # the avatar's alt text and the starter's badge: one scan for either, each looked for only when it finds one
    needs[_SNIFF_AVATAR_RE] = needs[_SNIFF_STARTER_BADGE_RE] = _yes if signal_found(_AVATAR_RE, head) else _no
    return weighted_sniff(head, _SNIFF, needs)


def _yes(_head: str) -> bool:
    return True


def _no(_head: str) -> bool:
    return False


PACK = RulePack(
    name="phpbb",
    prefix="PHB",
    rules=(
        subsilver_beside,
        subsilver_header,
        author_block,
        byline,
        quote,
        code_header,
        edit_note,
        post_buttons,
        attachments,
        board_chrome,
        forum_permissions,
        thanks,
        reply_subject,
        jumpbox,
    ),
    sniff=sniff,
    description="phpBB 3.x pages flattened to text",
)
