"""Lemmy, text form: comment headers, icon labels, and the community sidebar."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .._lazy import lazy
from ..rules import Hit, RulePack, rule
from ..text import TextView, word_count
from ._common import iter_line_matches

__all__ = ["PACK"]

_F = regex.IGNORECASE | regex.MULTILINE
#: Feather icon names that Lemmy's SVG ``<title>``s leak into text, one a line.
_STRONG_ICONS = (
    r"minus-square|plus-square|message-square|arrow-up1|arrow-down1|fedilink|alert-triangle|file-text|"
    r"more-vertical|share-2|user-check|user-x|bell-off"
)
_WEAK_ICONS = r"arrow-up|arrow-down|link|heart|search|menu|lock|globe|eye|bell|star|flag|trash|edit|x|copy|mail|users?|plus|minus"
_ICON_RE = lazy(rf"^[ \t]*+(?:{_STRONG_ICONS})[ \t]*$", _F)
_WEAK_ICON_RE = lazy(rf"^[ \t]*+(?:{_WEAK_ICONS})[ \t]*$", regex.MULTILINE)
_AGO = r"\d+[ \t]*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|[smhdwy])[ \t]+ago"
_LANGS = r"English|Deutsch|Français|Español|Português|Italiano|Nederlands|Polski|Русский|Undetermined"
#: Role badges after a name: original poster, moderator, admin, bot.
_BADGES = r"OP|M|A|B"
_NAME_LINE_RE = lazy(
    rf"^[ \t]*+(?P<name>[^\s@][^\n@]{{0,40}}?)(?:[ \t]+@(?P<instance>[\w.-]+\.[a-z]{{2,}}))?(?:[ \t]+(?:{_BADGES}))*[ \t]*$"
)
#: A badge on its own line (a converter that puts each element of the header on a line).
_BADGE_LINE_RE = lazy(rf"^[ \t]*+(?:{_BADGES})[ \t]*$")
_META_RE = lazy(
    rf"^[ \t]*+(?:link|fedilink|{_LANGS}|arrow-up1?|arrow-down1?|-?\d+[ \t]*·?|{_AGO}|·)[ \t]*$",
    regex.IGNORECASE,
)


_GLUED_HEADER_RE = lazy(
    rf"^[ \t]*+(?:[-•*][ \t]*)?(?P<name>[^\s@•][^\n@]{{0,40}}?)(?:@(?P<instance>[\w.-]+\.[a-z]{{2,}}))?(?:OP)?M?A?(?:link)?(?:fedilink)?(?:{_LANGS})[ \t]*$"
)
_POST_HEADER_RE = lazy(
    rf"^[ \t]*+(?P<name>[^\s@][^\n@]{{0,40}}?)(?:[ \t]+@[\w.-]+)?(?:[ \t]+(?:{_BADGES}))*[ \t]+to[ \t]+(?P<community>[^\n]{{1,60}}?)"
    rf"(?:[ \t]+(?:{_LANGS}))?[ \t]*·[ \t]*(?P<when>{_AGO})[ \t]*$",
    regex.IGNORECASE,
)
_AGO_LINE_RE = lazy(rf"^[ \t]*+(?:-?\d+[ \t]*·[ \t]*)?(?P<when>{_AGO})[ \t]*$", regex.IGNORECASE)
_SCORE_DOT_RE = lazy(r"^[ \t]*+-?\d+[ \t]*·[ \t]*$")
#: Icons printed before a count (votes, comments).
_COUNTED_ICONS = frozenset(("arrow-up1", "arrow-down1", "message-square"))
#: A count alone on its line (a post's comment count next to its icon): never a user name (Lemmy names have
#: three characters or more, and a letter).
_COUNT_LINE_RE = lazy(r"^[ \t]*+\d[\d,.]*[kKmM]?[ \t]*$")


@rule(
    "LEM001",
    "comment-header",
    tags=["author-block", "post-meta"],
    stage="split",
    scope="document",
    trigger=r"fedilink| ago",
)
def comment_header(view: TextView) -> Iterator[Hit]:
    """Comment header: ``{user} @instance`` / ``link`` / ``fedilink`` / ``English`` / ``arrow-up`` / ``26 ·`` /
    ``1 year ago``.

    Lemmy's comment header (author, home instance, role badges, links, language, score, age) flattens to one
    short line each, the icons as their names. The ``fedilink`` line anchors it; the name moves to
    ``post.author``, the age to ``post.date_raw``.

    Example (removed)::

        db0 @lemmy.dbzer0.com
        link
        fedilink
        English
        arrow-up
        11 ·
        1 year ago
    """
    n = len(view)
    used = -1
    for i, _m in iter_line_matches(view, regex.compile(r"^[ \t]*+fedilink[ \t]*$", _F)):
        if i <= used:
            continue
        # back: "link", icons, then the name line
        k = i - 1
        start = i
        name: str | None = None
        instance: str | None = None
        while k >= 0 and i - k <= 6:
            if not view.is_live(k):
                k -= 1
                continue
            s = view.lines[k]
            if (
                regex.match(r"^[ \t]*+link[ \t]*$", s)
                or _ICON_RE.match(s)
                or _COUNT_LINE_RE.match(s)
                or _BADGE_LINE_RE.match(s)
            ):
                start = k
                k -= 1
                continue
            m = _NAME_LINE_RE.match(s)
            if m and word_count(s) <= 8 and not s.rstrip().endswith((".", "?", "!", ":")):
                name, instance = m.group("name").strip(), m.group("instance")
                start = k
                prev = view.first_live(max(0, k - 3))
                if prev and prev[0] < k and _ICON_RE.match(view.lines[prev[0]]):
                    start = prev[0]
            break
        if name is None:
            continue
        end = i
        date_raw: str | None = None
        k = i + 1
        while k < n and k - end <= 2:
            if not view.is_live(k):
                k += 1
                continue
            s = view.lines[k]
            if _META_RE.match(s):
                end = k
                if regex.match(rf"^[ \t]*+{_AGO}[ \t]*$", s, regex.IGNORECASE):
                    date_raw = s.strip()
                    break
                k += 1
                continue
            break
        used = end
        facts: dict[str, object] = {"author.name": name}
        if instance:
            facts["author.extra"] = {"instance": instance}
        if date_raw:
            facts["post.date_raw"] = date_raw
        yield Hit(start, end, "Lemmy comment header", facts, moved_to="author")
    # glued form (Resiliparse): "db0@lemmy.dbzer0.comEnglish" / "11·" / "1 year ago"
    used = -1
    for i, line in view.iter_lines():
        if i <= used:
            continue
        m = _POST_HEADER_RE.match(line)
        if m:
            facts = {"author.name": m.group("name").strip(), "post.date_raw": m.group("when")}
            # the post's action row under it: the comment icon and count, link, fedilink
            end = i
            for k in view.first_live(i + 1, 6):
                s = view.lines[k]
                if k - end > 2 or not (_ICON_RE.match(s) or _META_RE.match(s) or _COUNT_LINE_RE.match(s)):
                    break
                end = k
            used = end
            yield Hit(i, end, "Lemmy post header", facts, moved_to="author")
            continue
        m = _GLUED_HEADER_RE.match(line)
        if not m or len(line) > 120:
            continue
        nxt = view.first_live(i + 1, 3)
        last: int | None = None
        when: str | None = None
        for k in nxt:
            if k > i + 5:
                break
            if k == nxt[0] and _WEAK_ICON_RE.match(view.lines[k]):
                continue  # the vote icon's name over the score (html2text's Markdown: "arrow-up")
            if _SCORE_DOT_RE.match(view.lines[k]):
                last = k
                continue
            am = _AGO_LINE_RE.match(view.lines[k])
            if am:
                last, when = k, am.group("when")
            break
        if last is None or when is None:
            continue
        facts = {"author.name": m.group("name").strip(), "post.date_raw": when}
        if m.group("instance"):
            facts["author.extra"] = {"instance": m.group("instance")}
        used = last
        yield Hit(i, last, "Lemmy comment header", facts, moved_to="author")


@rule("LEM002", "icon-label", tags=["buttons"], trigger=r"square|arrow-|fedilink|alert-triangle|file-text")
def icon_label(view: TextView) -> Iterator[Hit]:
    """Icon names left by Lemmy's SVG titles: ``minus-square``, ``message-square``, ``arrow-up1``, ``fedilink``.

    Hyphenated Feather icon names alone on a line are never prose; plain words (``link``, ``search``,
    ``menu``) count only on a Lemmy page.

    Example (removed)::

        message-square
        arrow-up1
    """
    for i, m in iter_line_matches(view, _ICON_RE):
        # the count a vote or comment icon stands before (``arrow-up1`` / ``95``) goes with it
        nxt = view.first_live(i + 1)
        counted = m.group(0).strip().lower() in _COUNTED_ICONS
        if counted and nxt and nxt[0] - i <= 2 and _COUNT_LINE_RE.match(view.lines[nxt[0]]):
            yield Hit(i, nxt[0], "icon label and its count")
        else:
            yield Hit(i, i, "icon label")
    if view.engine == "lemmy":
        for i, _m in iter_line_matches(view, _WEAK_ICON_RE):
            yield Hit(i, i, "icon label")


_SIDEBAR = (
    r"You must log in or # to comment\.",
    r"You must log in(?: or register)? to comment\.",
    r"Javascript is disabled\. Actions will not work\.",
    r"Cancel Fetch Community",
    r"You are not logged in\. However you can subscribe from another Fediverse account[^\n]{0,300}",
    r"Community locked: only moderators can create posts\.[^\n]{0,100}",
    r"Visibility: (?:Public|Local only|Private)",
    r"This community can be federated to other instances[^\n]{0,120}",
    r"[\d.,]+[kKmM]? users / (?:day|week|month|6 months)",
    r"[\d.,]+[kKmM]? (?:local )?subscribers",
    r"Modlog",
    r"BE: [\d.]+(?:[ \t]+FE: [\d.]+)?",
    r"Hot Top Controversial New Old",
    r"Create Community",
    r"Support Lemmy",
    r"join-lemmy\.org",
    r"Subscribe to this community or add it to your RSS reader[^\n]{0,120}",
)
#: The sidebar's statistics and links are list items; inscriptis and html2text keep the bullet (``* 433 Posts``).
_ITEM = r"(?:[-•*+][ \t]+)?"
_SIDEBAR_RE = lazy(rf"^[ \t]*+{_ITEM}(?:{'|'.join(_SIDEBAR)})[ \t]*$", _F)
#: Sidebar lines that are ordinary words on other forums (``12 Posts``, ``Create Post``): taken only in text
#: sniffed as Lemmy or beside a Lemmy-specific line.
_GENERIC_SIDEBAR_RE = lazy(
    rf"^[ \t]*+{_ITEM}(?:[\d.,]+[kKmM]? (?-i:Posts|Comments)|mods:|Create Post)[ \t]*$", _F
)
_WEAK_SIDEBAR_RE = lazy(
    rf"^[ \t]*+{_ITEM}(?:Instances|Docs|Code|Sidebar|Chat|Communities|Search|Login|Sign Up|Subscribe|Expand|Collapse|"
    r"[\w]{2,30}(?:[ \t]+@[\w.-]+)?)[ \t]*$",
    _F,
)


@rule(
    "LEM003",
    "sidebar",
    tags=["navigation", "notice"],
    scope="document",
    trigger=r"lemmy|fediverse|fedilink|modlog|subscribers",
)
def sidebar(view: TextView) -> Iterator[Hit]:
    """The Lemmy page around a thread: login notice, community sidebar, statistics, instance footer.

    Fixed strings (``You must log in or # to comment.``, ``Visibility: Public``, ``65 users / day``,
    ``19.2K local subscribers``, ``Modlog``, ``BE: 0.19.16``) and, on a Lemmy page, the short lines right
    after the ``mods:`` and footer lines (moderator names, ``Instances``, ``Docs``, ``Code``); each may be a
    list item (``* 433 Posts``).

    Example (removed)::

        65 users / day
        19.2K local subscribers
        Modlog
    """
    hits = [i for i, _m in iter_line_matches(view, _SIDEBAR_RE)]
    if hits or view.engine == "lemmy":
        hits = sorted({*hits, *(i for i, _m in iter_line_matches(view, _GENERIC_SIDEBAR_RE))})
    for i in hits:
        yield Hit(i, i, "Lemmy page chrome")
    if view.engine != "lemmy" or not hits:
        return
    anchors = set(hits)
    for i, _m in iter_line_matches(view, _WEAK_SIDEBAR_RE):
        if i not in anchors and any(0 < i - a <= 4 for a in anchors):
            anchors.add(i)
            yield Hit(i, i, "Lemmy page chrome")


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from a Lemmy page."""
    head = text[:400_000]
    score = 0.0
    if "fedilink" in head and _SNIFF_FEDILINK_RE.search(head):
        score += 0.6
    if ("-square" in head or "arrow-up1" in head) and _SNIFF_ICON_RE.search(head):
        score += 0.3
    if ("Lemmy" in head or "join-lemmy.org" in head) and _SNIFF_NAME_RE.search(head):
        score += 0.3
    return min(1.0, score)


# Sniffer patterns: each runs only when the literal text it needs occurs (a plain substring test costs far less).
_SNIFF_FEDILINK_RE = lazy(r"^[ \t]*+fedilink[ \t]*$", regex.MULTILINE)
_SNIFF_ICON_RE = lazy(r"^[ \t]*+(?:minus-square|message-square|arrow-up1)[ \t]*$", regex.MULTILINE)
_SNIFF_NAME_RE = lazy(r"\bLemmy\b|join-lemmy\.org")


PACK = RulePack(
    name="lemmy",
    prefix="LEM",
    rules=(comment_header, icon_label, sidebar),
    sniff=sniff,
    description="Lemmy pages flattened to text",
)
