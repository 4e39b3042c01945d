"""Cheap pre-filters in front of costly rule patterns never change what the patterns find.

Each pre-filter is a necessary condition: a line it rejects cannot match (or start a match of) the pattern it
guards, so the rule finds exactly what a full scan finds.
"""

from __future__ import annotations

import attrs
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from postclean.dates import DATE_LINE_RE
from postclean.packs import _classic, _common, discourse, generic, invision, vbulletin, xenforo
from postclean.packs._common import iter_line_matches, lines_with, matches_at
from postclean.text import TextView

LINES = [
    "",
    " ",
    "The ferry was late again, so we walked.",
    "Thanks for the message, I will look at the profile later.",
    "beijingwalker",
    "ELITE MEMBER",
    "- Joined",
    "- Nov 4, 2011",
    "- Messages",
    "- 65,195",
    "Reaction score",
    "Joined: Mar 2014",
    "Join Date: Mar 2014",
    "Posts: 1,204",
    "Beiträge: 40",
    "Registriert: 12.03.2019",
    "Сообщения: 12",
    "С нами с",
    "Thanked 3 Times in 2 Posts",
    "Apr 13, 2009",
    "887",
    "114",
    "-3",
    "Jul 10, 2022",
    "#3",
    "B bob Member Joined Jun 29, 2016 Messages 11 Reaction score 10 Jul 18, 2024 #2 The text stays.",
    "Joined Jun 29, 2016 Messages 11 Points 3",
    "You must log in or register to reply here.",
    "You are ignoring content by this member.",
    "Show ignored content",
    "JavaScript is disabled. For a better experience, please enable JavaScript in your browser before proceeding.",
    "- Not open for further replies.",
    "• Status",
    "Total: 3 (members: 1, guests: 2)",
    "Note: This feature may not be available in some browsers.",
    "1.2K views 14 replies 9 participants last post by alice",
    "12 Reply",
    "Boat Forum banner",
    "Full Forum Listing",
    "Search titles only",
    "By:",
    "View Public Profile",
    "Send a private message to quillpen",
    "Find More Posts by quillpen",
    "quillpen is offline",
    "quillpen's Avatar",
    "Avatar von quillpen",
    "Original Poster",
    "***",
    "Share",
    "3 Post(s)",
    "Posted March 19, 2024",
    "Posted",
    "March 19, 2024",
    "Posted 3 hours ago",
    "August 26, 2024 1 yr",
    "August 26, 20241 yr",
    "Jan 3, 2023 5 mos (edited)",
    "Jan 3, 2023 12wks (bearbeitet)",
    "March 1, 2025 3 MINS",
    "March 1, 2025 7 hr ",
    "1 yr",
    "12 mins (edited)",
    "3 Mins",
    "Edited",
    " in ",
    " by Dave",
    "On 3/5/2024 at 7:29 PM, Dave said:",
    "36 minutes ago, Dave said:",
    "Alice said:",
    "Bob said:The ferry was late again.",
    "Carla a écrit :",
    "Dieter schrieb:",
    "Ева сказал(а):",
    "Marco ha\tscritto: ciao",
    "Jan zei: ↑",
    "And then he said: fine.",
    "Click to expand...",
    "Anna SAID:",
    "ſaid:",
    "Straße sagte:",
    "Expand",
    "raoul (Raoul) May 3, 2024, 8:45am 1",
    "hayley.p 2 May 2025 18:48 1",
    "May 3, 2024, 8:45am",
    "Published on 14 May 2023",
    "2023-05-14T10:00:00Z",
    "14 мая 2023 г.",
    "2025年12月18日",
    "(Raoul)",
    "It was 5 PM.",
]


def _variants(line: str) -> list[str]:
    return [line, line.upper(), line.lower(), "\t" + line + "  ", "- " + line, "• " + line, line.replace("i", "İ")]


VARIANTS = [v for line in LINES for v in _variants(line)]

lines_st = st.lists(st.sampled_from(VARIANTS), max_size=16)


def _full(view: TextView, pattern: regex.Pattern[str]) -> list[tuple[int, int, tuple[int, int]]]:
    return [(a, b, m.span()) for a, b, m in view.finditer(pattern)]


def _fast(view: TextView, pattern: regex.Pattern[str], starts: list[int]) -> list[tuple[int, int, tuple[int, int]]]:
    return [(a, b, m.span()) for a, b, m in matches_at(view, pattern, starts)]


@settings(max_examples=200, deadline=None)
@given(lines_st)
def test_line_scans_match_full_scans(lines: list[str]) -> None:
    view = TextView(lines)
    cases = [
        (_common.STAT_LINE_RE, _common._STAT_HEADS.lines(view)),
        (_classic.STAT_LINE_RE, _classic._STAT_HEADS.lines(view)),
        (xenforo._VALUE_RUN_RE, xenforo._value_run_starts(view)),
        (xenforo._INLINE_BLOCK_RE, lines_with(view, xenforo._INLINE_NEEDLES, at_least=2)),
        (invision._QUOTE_HEAD_RE, [i for i, x in enumerate(view.lines) if invision._quote_head_shape(x)]),
        (
            discourse._ONE_LINE_RE,
            [i for i, x in enumerate(view.lines) if _common.is_digit(x.rstrip(" \t")[-1:]) and _common.has_year(x)],
        ),
    ]
    said_lines = lines_with(view, xenforo._SAID_NEEDLES)
    cases += [
        (xenforo._QUOTE_HEADER_RE, said_lines),
        (xenforo._GLUED_QUOTE_RE, said_lines),
        (xenforo._QUOTE_BLOCK_RE, said_lines),
    ]
    for pattern, starts in cases:
        assert _fast(view, pattern, starts) == _full(view, pattern)
    notices = [(h.start, h.end) for h in xenforo.notice.detect(view)]
    assert notices == [(i, i) for i, _m in iter_line_matches(view, xenforo._NOTICE_RE)]
    every_age = {i for i, x in view.iter_lines() if invision._AGE_ONLY_RE.match(x)}
    anchors = [
        i
        for i, x in view.iter_lines()
        if invision._anchor(x) or invision._split_anchor(view, i) or invision._split_ips5(view, i, every_age)
    ]
    posted = set(invision._POSTED_HEADS.lines(view))
    ages = invision._age_lines(view)
    assert ages == every_age
    assert anchors == [i for i, x in view.iter_lines() if invision._is_anchor(view, i, x, posted, ages)]


def _same(a: regex.Match[str] | None, b: regex.Match[str] | None) -> bool:
    return (a is None) == (b is None) and (a is None or b is None or a.span() == b.span())


def test_line_tests_are_necessary() -> None:
    for line in VARIANTS:
        menu = bool(vbulletin._MENU_NEEDLE.search(line) and vbulletin._MENU_RE.match(line))
        assert vbulletin._menu_line(line) == menu
        for guarded in (vbulletin._SPEC.pre, vbulletin._SPEC.evidence):
            assert isinstance(guarded, _classic.Guarded)
            assert _same(guarded.match(line), guarded.pattern.match(line))
        assert _same(invision._anchor(line), invision._POSTED_RE.match(line) or invision._IPS5_DATE_RE.match(line))
        if DATE_LINE_RE.match(line):
            assert _common.may_be_date_line(line)


def _literal_lead(src: str) -> str:
    """The literal text a regex source starts with (escaped punctuation included; a quantified last character
    dropped)."""
    out = ""
    i = 0
    while i < len(src):
        c = src[i]
        if c == "\\" and src[i + 1 : i + 2] in set(".()[]{}?*+|^$\\-"):
            out += src[i + 1]
            i += 2
            continue
        if c in ".()[]{}?*+|^$\\":
            break
        out += c
        i += 1
    if out and src[i : i + 1] in ("?", "*", "{"):
        out = out[:-1]
    return out


def test_every_notice_has_a_head() -> None:
    """A notice added to ``_NOTICES`` needs its start in ``_NOTICE_HEADS`` (or it is never looked for)."""
    heads = xenforo._NOTICE_HEADS
    known = [h for hs in heads.keys.values() for h in hs] + list(heads.short)
    not_literal = {
        r"[\d.,]+[KkM]? views [\d,]+ repl(?:y|ies) [\d,]+ participants?(?: last post by[^\n]{1,80})?",
        r"[^\n]{1,60} Forums? banner",
        r"(?:Full )?Forum Listing",
        r"\d+[ \t\xa0]++Reply",
    }
    for alternative in xenforo._NOTICES:
        lead = _literal_lead(alternative).casefold()
        if alternative in not_literal:
            continue
        assert lead and any(lead.startswith(h) for h in known), alternative
    assert not_literal <= set(xenforo._NOTICES)
    assert all(heads.test(x) for x in ("- Not open", "• Status", "1.2K views", "Full Forum Listing", "Forum Listing"))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\xa0\u3000\u2028-•*·▪◦ab.", max_size=12))
def test_line_key_skips_its_regex_only_when_it_would_change_nothing(line: str) -> None:
    from postclean.text import _LEAD_BULLET_RE, line_key

    assert line_key(line) == " ".join(_LEAD_BULLET_RE.sub("", line, count=1).split())


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab \n\r\u2028\u2029\x0b\x0c\x85\x1c\x1d\x1e\u200b", max_size=12))
def test_normalize_newlines_skips_its_regex_only_when_it_would_change_nothing(text: str) -> None:
    from postclean.text import _NEWLINES_RE, normalize_newlines

    assert normalize_newlines(text) == _NEWLINES_RE.sub("\n", text)


_PAGINATION_UNGUARDED = regex.compile(
    generic._PAGINATION_RE.pattern.replace(generic._PAGER_GUARD, "", 1), generic._PAGINATION_RE.flags
)
_PAGE_PIECES = [
    *("First", "Prev", "Previous", "Next", "Last", "«", "»", "‹", "›", "…", "...", "12", "Go to page"),
    *("Jump to new", "Page 2 of 5", "GoGo", "ﬁrst", "ſ", "K", "İ", "ı", "٣", " ", "\t", "x", "\n"),
    *("Weiter", "Zurück", "Seite 2 von 5", "Última", "Страница", "Вперёд", "из", "Przejdź", "ß", "ẞ", "Ё"),
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PAGE_PIECES), max_size=12))
def test_pagination_guard_changes_nothing(parts: list[str]) -> None:
    assert _PAGINATION_UNGUARDED.pattern != generic._PAGINATION_RE.pattern
    text = "".join(p if k % 3 else p.upper() if k % 2 else p.lower() for k, p in enumerate(parts))
    assert [m.span() for m in generic._PAGINATION_RE.finditer(text)] == [
        m.span() for m in _PAGINATION_UNGUARDED.finditer(text)
    ]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*_PAGE_PIECES, "Page", "Seite", "of", "von", "2", "- ", "* "]), max_size=14))
@example(["Page", "\n", "of", "\n", "2"])  # vBulletin 5's page box, one node a line
@example(["Prev", " ", "12", " ", "Next"])
def test_pagination_trigger_is_necessary(parts: list[str]) -> None:
    """GEN005 runs only on documents its trigger matches: every text it cuts a line from is one of them."""
    text = "".join(p if k % 3 else p.upper() if k % 2 else p.lower() for k, p in enumerate(parts))
    assert generic.pagination.trigger is not None
    if list(generic.pagination.detect(TextView(text.split("\n")))):
        assert generic.pagination.trigger.search(text) is not None
        assert generic.pagination.triggered(text, text.lower())


_LINE_PIECES = [
    *_PAGE_PIECES,
    *("Page", "of", "2", "- ", "• ", "* ", "+ ", "[1   ]", "____", ">", "<", "Пред.", "След.", "Go", "Los"),
    *("\xa0", "\r", "\u2028", "\u3000", "\x0b", "\n\n", ",", "b", "B", "q", ":", "'", "The ferry", "Thanks,"),
    *("Ir a la página", "Ga naar pagina", "Idź do strony", "Перейти на страницу", "OK", "Kelvin", "ſeite"),
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=14))
@example(["The ferry", " ", "Go to page", "\xa0", "\n", "Go"])  # ``Go to page`` / ``Go`` over a line break
@example(["Go to page", "\r", "\n", "\n", "Go"])
@example(["Next", "\u3000", "\n", "Last"])
@example(["• ", "Пред.", " ", "2", " ", "След."])  # a bullet, then letters outside ASCII
@example(["« ", "1", " ", "2", " ", "»"])  # no pager word at all
@example(["Thanks,", "\n", "ſeite", " ", "2", " ", "von", " ", "5"])  # ``ſ`` matches ``s`` case-insensitively
@example(["The ferry", "\n", "Page", " ", "[1   ]", " ", "of", " ", "2"])
def test_pagination_trigger_lines_change_nothing(parts: list[str]) -> None:
    """GEN005's trigger is tried only at the lines its ``trigger_lines`` match: the answer is a full search's."""
    text = "".join(p if k % 3 else p.upper() if k % 2 else p.lower() for k, p in enumerate(parts))
    rule = generic.pagination
    assert rule.trigger is not None and rule.trigger_lines is not None
    assert rule.triggered(text, text.lower()) == (rule.trigger.search(text) is not None)
    without = attrs.evolve(rule, trigger_lines=None)
    assert without.triggered(text, text.lower()) == rule.triggered(text, text.lower())


def test_pagination_trigger_lines_take_every_pager_character() -> None:
    """The line shape turns down no printable ASCII character a pager line can start with or hold (matched
    case-insensitively by a pager phrase's letter, a mark or a digit)."""
    shape = regex.compile(generic._PAGER_LINE, regex.MULTILINE)
    heads = rf"[{regex.escape(generic._PAGER_FIRST)}\d•*+-]"
    chars = rf"[{regex.escape(generic._PAGER_CHARS)}\d]"
    for c in map(chr, range(0x21, 0x7F)):
        if regex.fullmatch(heads, c, regex.IGNORECASE):
            assert shape.fullmatch(" " + c), c
        if regex.fullmatch(chars, c, regex.IGNORECASE):
            assert shape.fullmatch("N" + c + " \xa0"), c


_BUTTON_LINES = [
    *("Like Reply Report", "Like(3)", "Like (3) Reply", "Reply|Quote", "Reply, Quote", "+ Quote", "+Quote Reply"),
    *("- Reply Quote", "• Like Reply", "| Quote", "· Share", "Me gusta Citar Responder", "Mi\tpiace Rispondi"),
    *("J 'aime Répondre", "J'aime Citer", "Multi-Quote Reply", "MultiQuote Reply", "Upvote 12 Downvote Reply"),
    *("IP Edit Delete", "••• Reply", "Thanks Quote", "Reply With Quote", "Copy Link to Post", "Top"),
    *("Share: Facebook X (Twitter) Email", "E-mail Facebook Twitter Reddit", "E-Mail Facebook Reddit WhatsApp"),
    *("Share this post", "Teilen:", "Compartir en Facebook", "SHARE ON FACEBOOK", "share on Twitter"),
    *("- Share on Facebook", "* Copy link", "Copy link", "X Facebook Reddit Email", "VK Telegram Email Link"),
    *("Thanks for the help", "Thank you", "The ferry", "Even so", "Edit: typo", "Memory is short", "Link below"),
    *("Consider this", "Part two", "Post it", "Just so", "+--+--+", "| a | b |", "- a list item", ""),
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_BUTTON_LINES), max_size=6))
@example(["Like(3)"])
@example(["Share:", "Facebook", "Twitter"])
@example(["Share on Facebook", "Share on Twitter"])
@example(["E-mail Facebook Twitter Reddit"])
def test_button_row_line_heads_are_necessary(lines: list[str]) -> None:
    """GEN003 tries its two patterns only at lines starting with a button's or a share item's whole literal head:
    every line where one matches (and passed the three-character keys) is tried."""
    view = TextView(lines)
    for i, line in enumerate(lines):
        rest = line.lstrip(" \t")
        for pattern, keys, heads, marks in (
            (generic._SHARE_BLOCK_RE, generic._SHARE_KEYS, generic._SHARE_HEADS, "-•*"),
            (generic._BUTTON_ROW_RE, generic._BUTTON_KEYS, generic._BUTTON_HEADS, generic._BUTTON_PREFIX),
        ):
            m = pattern.match(view.text, view.line_start(i))
            if m is None or m.end() == m.start():
                continue
            after = rest[1:].lstrip(" \t") if rest[:1] in marks else None
            assert generic._has_key(rest, keys) or (after is not None and generic._has_key(after, keys)), line
            assert generic._has_head(rest, heads) or (after is not None and generic._has_head(after, heads)), line
