"""Reddit (old and new), text form: comment taglines, action rows, and the page around a thread."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .._lazy import lazy
from ..phrases import alternation, phrases
from ..rules import Hit, RulePack, rule
from ..text import TextView, search_lines, word_count
from ._common import iter_line_matches
from ._sniff import literal_led
from .page import free_spans

__all__ = ["PACK"]

_F = regex.IGNORECASE | regex.MULTILINE
_USER = r"(?:/?u/)?(?P<user>[\w-]{2,40})"
_AGO = alternation("reddit_ago")
_POINTS = alternation("reddit_points")
_WHEN = (
    rf"(?P<when>(?:\d+|an?|one)[ \t]*(?:yr|mo|min|hr|wk|y|d|h|m|w|s|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\.?"
    rf"[ \t]+(?:{_AGO})|(?:{_AGO})[ \t]+\d+[ \t]*\w{{1,10}}\.?|just now)"
)

# -- RDT001: comment and post headers (open posts) ------------------------------------------------------------

_OLD_TAGLINE_RE = lazy(
    rf"^[ \t]*+\[[–+-]\][ \t]*{_USER}(?P<rest>[^\n]{{0,300}})$",
    _F,
)
_OLD_EVIDENCE_RE = lazy(
    rf"(?:-?\d+[ \t]*(?:{_POINTS})|score hidden|comment score below threshold|\(\d+ child(?:ren)?\)|{_WHEN})",
    regex.IGNORECASE,
)
#: A tagline with the comment's text glued after it (converters that drop line breaks between inline elements),
#: led by the previous comment's buttons: ``permalinkembedsavereportreply[–]user 41 points … (2 children)Text``.
_GLUED_TAGLINE_RE = lazy(
    r"^[ \t]*+(?:permalink|embed|save|parent|report|reply|give[ \t]award|share|edit|delete)*"
    rf"\[[–+-]\][ \t]*{_USER}(?P<rest>[^\n]{{0,200}}?\(\d{{1,6}}[ \t]+child(?:ren)?\))(?P<text>[^\n]*)$",
    _F,
)
_NEW_HEADER_RE = lazy(
    rf"^[ \t]*+(?:Posted by[ \t]+)?{_USER}(?:[ \t]+(?:OP|MOD|Mod|Admin))?[ \t]*[·•][ \t]*{_WHEN}"
    rf"(?:[ \t]*[·•][ \t]*(?:edited|bearbeitet|modifié|editado|modificato|bewerkt|edytowano|изменено)[^\n]{{0,30}})?[ \t]*$"
    rf"|^[ \t]*+Posted by[ \t]+u/(?P<user2>[\w-]{{2,40}})[ \t]+{_WHEN}[ \t]*$",
    _F,
)
_SUBMITTED_RE = lazy(
    rf"^[ \t]*+submitted[ \t]+(?P<when>[^\n]{{1,40}}?ago)[ \t]+by[ \t]+{_USER}(?:[ \t]*\[[^\]\n]{{1,20}}\])*[ \t]*$",
    _F,
)
#: (lynx writes the poster on the line too: ``r/breadcraft • 3y ago crumbshot_ilse``)
_SUB_LINE_RE = lazy(
    rf"^[ \t]*+r/[\w]{{2,30}}[ \t]*[·•](?:[ \t]*{_WHEN}(?:[ \t]+(?:u/)?(?P<poster>[\w-]{{2,40}}))?)?[ \t]*$", _F
)
_POSTER_LINE_RE = lazy(r"^[ \t]*+(?:u/)?(?P<user>[\w-]{2,40})[ \t]*$")
_LEVEL_RE = lazy(r"^[ \t]*+level[ \t]+\d{1,2}[ \t]*$", _F)


def _live_before(view: TextView, i: int, limit: int = 3) -> int | None:
    """The nearest live line above ``i`` within ``limit`` lines (blank lines between allowed)."""
    for k in range(i - 1, max(-1, i - 1 - limit), -1):
        if view.is_live(k):
            return k
        if view.claimed[k]:
            return None
    return None


#: The badges old Reddit prints after a name (``[S]`` submitter, ``[M]`` moderator, ``[A]`` admin), whole or
#: one text node a line (``[`` / ``S`` / ``]``).
_BADGE_LINE_RE = lazy(r"^[ \t]*+(?:\[[ \t]*[SMA∆](?:[ \t]+[SMA∆])*[ \t]*\]|[SMA∆](?:[ \t]+[SMA∆])*)[ \t]*$")


def _skip_badge(view: TextView, k: int | None) -> int | None:
    """The live line above the badge that ends at line ``k`` (``[S]``, or ``[`` / ``S`` / ``]``), else ``k``;
    past a collapsed comment's ``comment score below threshold`` line."""
    if k is None:
        return None
    line = view.lines[k].strip()
    if line.casefold() == "comment score below threshold":  # a collapsed comment: the name is above
        k = _live_before(view, k)
        if k is None:
            return None
        line = view.lines[k].strip()
    if line == "]":
        letter = _live_before(view, k)
        bracket = _live_before(view, letter) if letter is not None else None
        if (
            letter is not None
            and bracket is not None
            and _BADGE_LINE_RE.match(view.lines[letter])
            and view.lines[bracket].strip() == "["
        ):
            return _live_before(view, bracket)
        return k
    if line.startswith("[") and _BADGE_LINE_RE.match(line):
        return _live_before(view, k)
    return k


_POINTS_LINE_RE = lazy(r"^[ \t]*+-?\d[\d,.]*[kK]?[ \t]+points?[ \t]*$", regex.MULTILINE)
_HANDLE_LINE_RE = lazy(r"^[ \t]*+(?:u/)?[\w-]{2,40}[ \t]*$")
_WHEN_LINE_RE = lazy(rf"^[ \t]*+{_WHEN}[ \t]*$", regex.IGNORECASE)


@rule("RDT001", "comment-header", tags=["author-block", "post-meta"], stage="split", scope="document")
def comment_header(view: TextView) -> Iterator[Hit]:
    """Comment and post headers: ``[–]user 12 points 3 hours ago (2 children)``, ``user · 3 yr. ago``.

    Old Reddit prints a tagline above each comment (collapse button, name, score, age, child count); the
    redesign prints ``{user} · 3 yr. ago`` (and a screen-reader ``level N`` line), the post header
    ``Posted by u/{user} 3 years ago`` or old Reddit's ``submitted 17 hours ago by {user}``. Each opens a post;
    the name moves to ``post.author``, the age to ``post.date_raw``.

    Example (removed)::

        [–]harbour_seal 41 points 42 points 43 points 15 hours ago (2 children)
    """
    for i, original in enumerate(view.original):
        # the original line: another pack may already have cut part of a tagline
        if view.claimed[i] or "[" not in original[:80]:
            continue
        g = _GLUED_TAGLINE_RE.match(original) if "child" in original else None
        if g is not None and view.lines[i] == original:
            glued: dict[str, object] = {"author.name": g.group("user")}
            w = regex.search(_WHEN, g.group("rest"), regex.IGNORECASE)
            if w:
                glued["post.date_raw"] = w.group(0).strip()
            if g.group("text").strip():
                yield Hit(
                    i, i, "Reddit comment tagline glued to its text", glued, cols=(0, g.start("text")), moved_to="author"
                )
            else:  # the text on the lines below (the previous comment's buttons still lead the line)
                yield Hit(i, i, "Reddit comment tagline", glued, moved_to="author")
            continue
        if "[" not in original[:8]:
            continue
        m = _OLD_TAGLINE_RE.match(original)
        if m is None:
            continue
        rest = m.group("rest")
        if not _OLD_EVIDENCE_RE.search(rest):
            continue
        facts: dict[str, object] = {"author.name": m.group("user")}
        w = regex.search(_WHEN, rest, regex.IGNORECASE)
        if w:
            facts["post.date_raw"] = w.group(0).strip()
        yield Hit(i, i, "Reddit comment tagline", facts, moved_to="author")
    if view.engine == "reddit":
        # One text node a line: ``{user}`` / ``188 points`` (up to three: old Reddit prints the score as it
        # would be after a down-vote, without a vote and after an up-vote) / ``17 hours ago``.
        points = {i for i, _m in iter_line_matches(view, _POINTS_LINE_RE)}
        for i in sorted(points):
            name_at = _skip_badge(view, _live_before(view, i))
            if name_at is None or name_at in points or not _HANDLE_LINE_RE.match(view.lines[name_at]):
                continue
            end = i
            for _ in range(2):
                nxt = view.first_live(end + 1)
                if not nxt or nxt[0] - end > 3 or nxt[0] not in points:
                    break
                end = nxt[0]
            tag: dict[str, object] = {"author.name": view.lines[name_at].strip()}
            nxt = view.first_live(end + 1)
            if nxt and nxt[0] - end <= 3 and (w := _WHEN_LINE_RE.match(view.lines[nxt[0]])) is not None:
                end = nxt[0]
                tag["post.date_raw"] = w.group("when").strip()
            yield Hit(name_at, end, "Reddit comment tagline", tag, moved_to="author")
    for i, m in iter_line_matches(view, _NEW_HEADER_RE):
        user = m.group("user") or m.group("user2")
        start = i
        prev = view.first_live(max(0, i - 2))
        if prev and prev[0] < i and _LEVEL_RE.match(view.lines[prev[0]]):
            start = prev[0]
        elif (above := _live_before(view, i)) is not None and view.lines[above].strip() in _avatar_alts(user):
            start = above  # the avatar's alt text over the name (``levain_lukas avatar``)
        yield Hit(
            start,
            i,
            "Reddit comment header",
            {"author.name": user, "post.date_raw": m.group("when")},
            moved_to="author",
        )
    if view.engine == "reddit":
        # the redesign's submission header: ``r/{subreddit} • {time}`` (the time is often dropped), the poster
        # alone on the next line
        for i, m in iter_line_matches(view, _SUB_LINE_RE):
            if m.group("poster"):
                who = m.group("poster")
                yield Hit(
                    i,
                    i,
                    "Reddit submission header",
                    {"author.name": who, "doc.starter": who, "post.date_raw": m.group("when").strip()},
                    moved_to="author",
                )
                continue
            nxt = view.first_live(i + 1)
            if nxt and nxt[0] <= i + 2 and (u := _POSTER_LINE_RE.match(view.lines[nxt[0]])) is not None:
                who = u.group("user")
                head: dict[str, object] = {"author.name": who, "doc.starter": who}
                if m.group("when"):
                    head["post.date_raw"] = m.group("when").strip()
                yield Hit(i, nxt[0], "Reddit submission header", head, moved_to="author")
    for i, m in iter_line_matches(view, _SUBMITTED_RE):
        yield Hit(
            i,
            i,
            "Reddit submission line",
            {
                "author.name": m.group("user"),
                "post.date_raw": m.group("when"),
                "doc.starter": m.group("user"),
            },
            moved_to="author",
        )
    if view.engine == "reddit":
        for i, _m in iter_line_matches(view, _LEVEL_RE):
            nxt = view.first_live(i + 1)
            if (
                nxt
                and nxt[0] <= i + 2
                and regex.match(r"^[ \t]*+(?:u/)?[\w-]{2,40}[ \t]*$", view.lines[nxt[0]])
            ):
                end, facts = _meta_below(view, nxt[0])
                facts["author.name"] = view.lines[nxt[0]].strip()
                yield Hit(i, end, "Reddit comment header", facts, moved_to="author")


_AVATAR_ALTS = tuple(dict.fromkeys(phrases("reddit_avatar_alt")))


def _avatar_alts(user: str) -> frozenset[str]:
    """The alt texts of ``user``'s avatar (table ``reddit_avatar_alt``)."""
    return frozenset(p.replace("{user}", user) for p in _AVATAR_ALTS)


_BADGE_WORD_RE = lazy(r"^[ \t]*+(?:OP|MOD|Mod|Admin)[ \t]*$")
_DOT_RE = lazy(r"^[ \t]*+[·•][ \t]*$")


def _meta_below(view: TextView, name_at: int) -> tuple[int, dict[str, object]]:
    """The comment's meta under its author's name when one text node stands on each line (an ``OP`` badge, the
    ``·`` separator, the age: ``OP`` / ``·`` / ``3y ago``): the last line of it and its facts."""
    end = name_at
    facts: dict[str, object] = {}
    seen_dot = False
    for _ in range(3):
        nxt = view.first_live(end + 1)
        if not nxt or nxt[0] - end > 2:
            break
        line = view.lines[nxt[0]]
        if not seen_dot and _BADGE_WORD_RE.match(line):
            end = nxt[0]
        elif not seen_dot and _DOT_RE.match(line):
            end, seen_dot = nxt[0], True
        elif seen_dot and (w := _WHEN_LINE_RE.match(line)) is not None:
            end = nxt[0]
            facts["post.date_raw"] = w.group("when").strip()
            return end, facts
        else:
            break
    return name_at, {}


# -- RDT002: action rows --------------------------------------------------------------------------------------

_GLUED_ACTIONS_RE = lazy(
    r"^[ \t]*+(?:permalink|embed|save|parent|report|reply|give[ \t]+(?:gold|award)|edit|delete|disable[ \t]+inbox[ \t]+replies"
    r"|enable[ \t]+inbox[ \t]+replies|share|hide|unsave|context|full[ \t]+comments(?:[ \t]*\(\d+\))?|source|crosspost)"
    r"{3,14}[ \t]*$",
    _F,
)
#: The glued row at the start of a line whose rest is something else (the page footer glued on after the last
#: comment's row): old Reddit's row always starts at ``permalink``.
_GLUED_ACTIONS_HEAD_RE = lazy(
    r"^[ \t]*+permalink(?:embed|save|parent|report|reply|give[ \t]+(?:gold|award)|edit|delete|share|hide|unsave)"
    r"{2,13}(?=\S)",
    _F,
)
_ACTION_WORD_RE = lazy(
    r"^[ \t]*+(?:[-•][ \t]+)?(?:permalink|embed|save|parent|report|reply|give[ \t]+(?:gold|award)|edit|delete|disable[ \t]+inbox[ \t]+replies"
    r"|share|hide|unsave|context|source|crosspost|Upvote|Downvote|Vote|Award|Reply|Share|Report|Save|Follow|-?\d{1,6}|"
    r"\d+(?:\.\d)?[kK])[ \t]*$",
    _F,
)
_NEW_ACTIONS_RE = lazy(
    # (the row as text browsers glue it, ``Upvote96DownvoteReplyAwardShare``, lynx with its ``(BUTTON)`` marks, and
    # the next comment's screen-reader ``level N`` after it)
    r"^[ \t]*+(?:(?:\(BUTTON\)[ \t]*+)?Upvote[ \t]*+(?:-?[\d.,]++[kK]?|Vote)[ \t]*+(?:\(BUTTON\)[ \t]*+)?Downvote"
    r"(?:[ \t]*+(?:\(BUTTON\)[ \t]*+)?(?:Reply|Award|Share|Report|Save|Follow|[\d.,]++[kK]?(?:[ \t]++comments?)?"
    r"|Go to comments))*+(?:[ \t]++level[ \t]++\d{1,2})?|Reply[ \t]+reply|Vote[ \t]+Reply|(?:\d+[ \t]+)?more[ \t]+repl(?:y|ies)|More replies|"
    r"Continue this thread(?:[ \t]*→)?|load more comments(?:[ \t]*\(\d+ repl(?:y|ies)\))?|continue this thread|"
    r"\(\d+ child(?:ren)?\)|\[\+\]|\[[–-]\]|Comment deleted by user|level[ \t]+\d{1,2}|"
    r"(?:Sort by|sorted by):[ \t]*[^\n]{0,60}|Search Comments|Expand comment search|Comments Section)[ \t]*$",
    _F,
)


@rule(
    "RDT002",
    "action-row",
    tags=["buttons"],
    trigger=r"permalink|vote|repl|thread|load more|child|sort|comment|level|\[[–+-]\]",
    # (a comment's collapse toggle, ``[–]`` / ``(3 children)``, is on Hacker News and other threaded pages too)
    fingerprint=("comment actions (glued)", "comment actions glued to the next line's text", "comment actions"),
)
def action_row(view: TextView) -> Iterator[Hit]:
    """Comment action rows: ``permalinkembedsavereportreply`` (glued), ``Upvote 12 Downvote Reply Share``.

    Old Reddit's row (``permalink embed save parent report give award reply``) flattens to one glued word or
    to one word a line; the redesign's to ``Upvote {n} Downvote Reply Share``. Also ``More replies``,
    ``Continue this thread``, ``load more comments (3 replies)``, ``level 2`` and the sort bar. Lone action
    words count only in runs of three or more on a Reddit page.

    Example (removed)::

        permalinkembedsaveparentreportreply
        Upvote 12 Downvote Reply Share
    """
    for i, _m in iter_line_matches(view, _GLUED_ACTIONS_RE):
        yield Hit(i, i, "comment actions (glued)")
    for i, _m in iter_line_matches(view, _GLUED_ACTIONS_HEAD_RE):
        head = _GLUED_ACTIONS_HEAD_RE.match(view.lines[i])
        if head is not None and "[" not in view.lines[i][head.end() : head.end() + 3]:  # (a glued tagline: RDT001)
            yield Hit(i, i, "comment actions glued to the next line's text", cols=(head.start(), head.end()))
    for i, m in iter_line_matches(view, _NEW_ACTIONS_RE):
        shown = m.group(0).strip()
        if shown.lower().startswith("level") and view.engine != "reddit":
            continue
        yield Hit(i, i, "comment collapse toggle" if shown[:1] in "[(" else "comment actions")
    if view.engine != "reddit":
        return
    run: list[int] = []
    for i, line in [*view.iter_lines(), (len(view) + 5, "")]:
        if line and _ACTION_WORD_RE.match(line) and (not run or i - run[-1] <= 2):
            run.append(i)
            continue
        words = [view.lines[k].strip().lstrip("-• \t") for k in run]
        if len(run) >= 3 and sum(1 for w in words if not regex.fullmatch(r"-?[\d.,]+[kK]?", w)) >= 2:
            for k in run:
                yield Hit(k, k, "comment actions")
        run = [i] if line and _ACTION_WORD_RE.match(line) else []


# -- RDT003: the page around a thread -------------------------------------------------------------------------

_PAGE = (
    rf"(?:{alternation('reddit_join_prompts')})",
    r"my subreddits",
    r"edit subscriptions",
    r"POPULAR-ALL-USERS",
    r"other discussions \(\d+\)",
    r"limit my search to r/[\w]+",
    r"use the following search parameters to narrow your results:",
    r"find submissions (?:in|by|from) \"[^\n]{1,30}\"",
    r"search for \"text\" in (?:url|self post contents)",
    r"include \(or exclude\) [^\n]{1,60}",
    r"e\.g\. subreddit:[^\n]{1,80}",
    r"see the search faq for details\.",
    r"advanced search: by author, subreddit\.\.\.",
    r"this post was submitted on(?:[ \t]+[^\n]{4,30})?",
    r"-?\d[\d,]* points? \(\d+% upvoted\)",
    r"\(\d+% upvoted\)",  # the same, one text node a line: ``1,100`` / ``points`` / ``(98% upvoted)``
    r"shortlink:[^\n]{0,60}",
    r"Submit a new (?:link|text post)",
    r"Get an ad-free experience with special benefits, and directly support Reddit\.",
    r"get reddit premium",
    r"join[ \t]*leave",
    r"a community for \d+ (?:years?|months?|days?)",
    r"message the mods",
    r"New to reddit\? Click here!",
    r"Get flair in /?r/[\w]+",
    r"all \d+ comments?",
    r"\d+ comments?",  # a count label on any forum: chrome wherever it stands alone
    r"share[ \t]*save[ \t]*hide[ \t]*report(?:[ \t]*crosspost)?",
    r"top[ \t]+new[ \t]+controversial[ \t]+old[ \t]+random[^\n]{0,40}",
    r"best \(suggested\)",
    r"Use of this site constitutes acceptance of our User Agreement[^\n]{0,200}",
    r"REDDIT and the ALIEN Logo are registered trademarks of reddit inc\.",
    r"π Rendered by PID[^\n]{0,300}",
    r"Reddit uses cookies and similar technologies to:?",
    r"Keep the website operational and running properly",
    r"Prevent fraud and abuse",
    r"Monitor site usage and performance metrics",
    r"Reddit only uses essential cookies on [^\n]{1,40}",
    r"Open menu Open navigation Go to Reddit Home",
    r"Get App Get the Reddit app Log In Log in to Reddit",
    r"Expand user menu Open settings menu",
    r"Expand Navigation Collapse Navigation",
    r"Reddit Rules Privacy Policy User Agreement[^\n]{0,200}",
    r"Reddit, Inc\. © \d{4}\.[^\n]{0,60}",
    r"Archived post\. New comments cannot be posted and votes cannot be cast\.",
    r"More posts you may like",
    r"By continuing, you agree to our User Agreement and acknowledge that you understand the Privacy Policy\.",
    r"I am a bot, and this action was performed automatically\.[^\n]{0,200}",
)
_PAGE_RE = lazy(rf"^[ \t]*+(?:{'|'.join(_PAGE)})[ \t]*$", _F)
#: Page lines that other forums print too (``Popular``, ``Jump to content``, ``12 comments``, ``url: …``):
#: taken only in text sniffed as Reddit or beside a Reddit-specific line.
_GENERIC_PAGE = (
    r"jump to content",
    r"popular(?:[ \t]*-?[ \t]*all[ \t]*-?[ \t]*users)?",
    r"more »",
    r"(?:subreddit|author|site|url|selftext|self|nsfw):[ \t]*[^\n]{1,30}",
    r"MODERATORS",
    r"Go to [\w]{2,30}",
    r"r/[\w]{2,30}[ \t]*[·•]?",
)
_GENERIC_PAGE_RE = lazy(
    rf"^[ \t]*+(?:{'|'.join(_GENERIC_PAGE)}|(?:\#{{1,4}}[ \t]*)?(?:{alternation('reddit_sidebar_heads')}))[ \t]*$", _F
)
_WEAK_PAGE_RE = lazy(
    r"^[ \t]*+(?:Public|Restricted|Private|Read more|Share|Continue|CONTINUE|about|blog|advertising|careers|help|"
    r"site rules|Reddit help center|reddiquette|mod guidelines|contact us|apps & tools|Reddit for iPhone|"
    r"Reddit for Android|mobile website|<3|reddit premium|Advertise[^\n]{0,30}|filter by field|\[S\]|\[ M \]|×|X|< >|"
    r"-?\d[\d,]*|points?|[\w.-]+\.[a-z]{2,6}[ \t]+Open|0[ \t]+0|Members|Online|Top \d+%[^\n]{0,20}|"
    r"Previous [^\n]{1,30}|Join|comments|[-•][ \t]*(?:all|users)|Sort by:|Best|Top|New|Old|Controversial|Q&A)[ \t]*$",
    _F,
)
_SIDEBAR_HEAD_RE = lazy(
    r"^[ \t]*+(?:Submission Rules|Comment Rules|Rules|filter by field|Filter by flair|Community Rules|Related communities)[ \t]*$",
    _F,
)
_SUB_ITEM_RE = lazy(r"^[ \t]*+(?:[-•][ \t]*)?[\w&<]{2,25}(?:[ \t]+[\w&]{1,12}){0,2}[ \t]*$")


@rule(
    "RDT003",
    "page-chrome",
    tags=["navigation", "notice"],
    scope="document",
    trigger=r"reddit|r/\w|comments|submitted|subreddit|upvoted",
)
def page_chrome(view: TextView) -> Iterator[Hit]:
    """The Reddit page around a thread: header menus, sign-up prompts, sidebar, search help, footer.

    Fixed strings of both designs (``jump to content``, ``my subreddits``, ``New to Reddit?``,
    ``this post was submitted on …``, ``1,100 points (98% upvoted)``, ``share save hide report``,
    ``Use of this site constitutes acceptance of our User Agreement …``, ``Reddit uses cookies …``) and, on a
    Reddit page, short generic lines next to them (``Public``, ``Read more``, footer links) and the subreddit
    bar (a run of one-word lines).

    Example (removed)::

        this post was submitted on 04 Mar 2026
        1,100 points (98% upvoted)
        shortlink:
    """
    strong = [i for i, _m in iter_line_matches(view, _PAGE_RE)]
    if strong or view.engine == "reddit":
        strong = sorted({*strong, *(i for i, _m in iter_line_matches(view, _GENERIC_PAGE_RE))})
    covered: set[int] = set()
    if view.engine == "reddit":
        # blocks first (single lines inside them must not break them up)
        n = len(view)
        for i, _m in iter_line_matches(view, _SIDEBAR_HEAD_RE):
            if i in covered:
                continue
            items: list[int] = []
            k = i + 1
            while k < n and len(items) < 60:
                if not view.is_live(k):
                    if items and k - items[-1] > 2:
                        break
                    k += 1
                    continue
                if word_count(view.lines[k]) > 20 or view.lines[k].rstrip().endswith(":"):
                    break
                items.append(k)
                k += 1
            if len(items) >= 2:
                covered.update(range(i, items[-1] + 1))
                yield from free_spans(view, i, items[-1], "subreddit sidebar list")
        # the subreddit bar and footer link columns: ten or more one-word lines in a row
        run: list[int] = []
        for i, line in [*view.iter_lines(), (len(view) + 5, "")]:
            if line and i not in covered and _SUB_ITEM_RE.match(line) and (not run or i - run[-1] <= 2):
                run.append(i)
                continue
            if len(run) >= 10 or (len(run) >= 6 and run[0] >= n * 0.85):
                covered.update(range(run[0], run[-1] + 1))
                yield from free_spans(view, run[0], run[-1], "subreddit bar")
            run = [i] if line and i not in covered and _SUB_ITEM_RE.match(line) else []
    for i in strong:
        if i not in covered:
            yield Hit(i, i, "Reddit page chrome")
    if view.engine != "reddit":
        return
    anchors = set(strong)
    for i, _m in iter_line_matches(view, _WEAK_PAGE_RE):
        if i not in anchors and i not in covered and any(abs(i - a) <= 4 for a in anchors):
            yield Hit(i, i, "Reddit page chrome")


def sniff(text: str) -> float:
    """Confidence that ``text`` was flattened from a Reddit page."""
    head = text[:400_000]
    score = 0.0
    if "permalinkembedsave" in head or _SNIFF_COLLAPSE_RE.search(head):
        score += 0.6
    if "eddit" in head and ("Reddit" in head or "reddit.com" in head) and _SNIFF_NAME_RE.search(head):
        score += 0.3
    if _SNIFF_SUB_RE.search(head):
        score += 0.2
    if "Posted by u/" in head or (
        ("submitted" in head or "% upvoted)" in head or " children)" in head)
        and _SNIFF_SUBMITTED_RE.search(head)
    ):
        score += 0.4
    if ("·" in head or "•" in head) and "ago" in head and search_lines(_SNIFF_HEADER_RE, head):
        score += 0.4
    if any(level.search(head) for level in _SNIFF_LEVEL_RES):
        score += 0.2
    return min(1.0, score)


def _sniff_led_re(source: str, literal: str) -> regex.Pattern[str]:
    """``source`` (multiline) led by ``literal`` (the regex engine scans for a literal quickly)."""
    pattern = regex.compile(source, regex.MULTILINE, cache_pattern=False)
    return literal_led(pattern, literal) or pattern


# Sniffer patterns: each runs only when the literal text it needs occurs (a plain substring test costs far less),
# or is led by such a literal.
#: ``^[ \t]*\[[–+-]\][ \t]*[\w-]{2,40}[^\n]*points?`` led by its "[".
_SNIFF_COLLAPSE_RE = _sniff_led_re(r"^[ \t]*+\[[–+-]\][ \t]*[\w-]{2,40}[^\n]*points?", "[")
_SNIFF_NAME_RE = lazy(r"\bReddit\b|\breddit\.com\b")
_SNIFF_SUB_RE = lazy(r"(?:^|[ \t])/?r/\w{2,}", regex.MULTILINE)
_SNIFF_SUBMITTED_RE = lazy(r"submitted[^\n]{1,40}ago by|points \(\d+% upvoted\)|\(\d+ children\)")
_SNIFF_HEADER_RE = lazy(
    r"^[ \t]*+[\w-]{2,40}[ \t]*[·•][ \t]*\d+[ \t]*(?:yr|mo|d|h)\.?[ \t]+ago", regex.MULTILINE
)
#: ``^[ \t]*(?:level \d|More replies|Upvote)``, one pattern for each alternative.
_SNIFF_LEVEL_RES = (
    _sniff_led_re(r"^[ \t]*+level \d", "level "),
    _sniff_led_re(r"^[ \t]*+More replies", "More replies"),
    _sniff_led_re(r"^[ \t]*+Upvote", "Upvote"),
)

PACK = RulePack(
    name="reddit",
    prefix="RDT",
    rules=(comment_header, action_row, page_chrome),
    sniff=sniff,
    description="Reddit (old and new) pages flattened to text",
)
