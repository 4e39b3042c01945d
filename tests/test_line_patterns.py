"""The newline-led fast path for whole-line patterns gives exactly the matches of the plain regex calls."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import postclean.dates
import postclean.packs
import postclean.text
from postclean._lazy import _LazyPattern
from postclean.text import finditer_lines, line_variant, search_lines


@pytest.fixture(autouse=True)
def _fast_path_everywhere() -> Iterator[None]:
    """Take the fast path on any text here (in use it is kept for texts of long lines, where it pays)."""
    saved = postclean.text.FAST_MIN_LINE_CHARS
    postclean.text.FAST_MIN_LINE_CHARS = 0
    yield
    postclean.text.FAST_MIN_LINE_CHARS = saved


def _module_patterns() -> list[regex.Pattern[str]]:
    mods = [
        importlib.import_module(f"postclean.packs.{m.name}")
        for m in pkgutil.iter_modules(postclean.packs.__path__)
    ]
    found: dict[tuple[str, int], regex.Pattern[str]] = {}
    for mod in (*mods, postclean.dates):
        for value in vars(mod).values():
            if isinstance(value, (regex.Pattern, _LazyPattern)):  # module patterns compile on first use
                found[(value.pattern, value.flags)] = value
    return sorted(found.values(), key=lambda p: p.pattern)


PATTERNS = _module_patterns()
LINE_PATTERNS = [p for p in PATTERNS if line_variant(p) is not None]

# Lines in the shapes the patterns look for, plus prose, blanks and stray whitespace.
LINES = [
    "Like Reply Report",
    "Reply",
    "Quote",
    "- Joined",
    "- Nov 4, 2011",
    "- Messages",
    "- 65,195",
    "Joined: Nov 2011",
    "Messages: 1,204",
    "Prev 1 2 3 … 10 Next",
    "Page 2 of 5",
    "Share",
    "Facebook",
    "Twitter",
    "Email",
    "Click to expand...",
    "Foo said:",
    "Originally Posted by Bar",
    "Last edited: May 14, 2023",
    "May 14, 2023",
    "By Jane Doe",
    "| POOL / VIA REUTERSBY JANE DOE",
    "www.example.com",
    "Sent from my Pixel 7 using Tapatalk",
    "Reactions: alice, bob",
    "#12",
    "Quote:",
    "",
    " ",
    "\t",
    "The harbour bridge opens on Monday.",
    "She joined in 2011 and said: no.",
    "Отредактировано 14 мая 2023",
    "Registriert: 12.03.2019",
    "Beiträge: 40",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=14), st.sampled_from(LINE_PATTERNS or [regex.compile("^$")]))
def test_fast_path_matches_plain_regex(lines: list[str], pattern: regex.Pattern[str]) -> None:
    text = "\n".join(lines)
    plain = [(m.span(), m.groups()) for m in pattern.finditer(text) if m.end() > m.start()]
    fast = [(m.span(), m.groups()) for m in finditer_lines(pattern, text)]
    assert fast == plain
    a, b = pattern.search(text), search_lines(pattern, text)
    assert (a is None) == (b is None)
    if a is not None and b is not None:
        assert (a.span(), a.groups()) == (b.span(), b.groups())


def test_most_rule_patterns_take_the_fast_path() -> None:
    # The patterns that scan a whole text line by line (MULTILINE, every alternative anchored at ``^``) are the ones
    # the fast path is for; the others match one line at a time (no MULTILINE) or search inside lines.
    anchored = [p for p in PATTERNS if p.flags & regex.MULTILINE and p.pattern.startswith("^")]
    fast = [p for p in anchored if line_variant(p) is not None]
    assert len(fast) >= 0.95 * len(anchored), [p.pattern[:80] for p in anchored if line_variant(p) is None]
    assert len(LINE_PATTERNS) >= len(PATTERNS) // 3


def test_pattern_that_eats_its_newline_and_bounds() -> None:
    eats = regex.compile(r"^Share\n(?:x\n)*", regex.MULTILINE)
    assert line_variant(eats) is not None
    text = "Share\nShare\nx\nShare\n"
    assert [m.span() for m in finditer_lines(eats, text)] == [m.span() for m in eats.finditer(text)]
    # pos/endpos as in the plain call: pos at a line start, mid-line, and an endpos cutting a line
    line = regex.compile(r"^[ \t]*Reply[ \t]*$", regex.MULTILINE)
    text = "Reply\nno Reply\nReply\nReplyX"
    for pos, end in ((0, len(text)), (6, len(text)), (7, len(text)), (15, 20), (21, 26)):
        assert [m.span() for m in finditer_lines(line, text, pos, end)] == [
            m.span() for m in line.finditer(text, pos, end)
        ]


def test_not_line_anchored_patterns_are_left_alone() -> None:
    assert line_variant(regex.compile(r"^a|b", regex.MULTILINE)) is None  # second alternative not anchored
    assert line_variant(regex.compile(r"^a")) is None  # not MULTILINE: ^ is the text start
    assert line_variant(regex.compile(r"(?:^a|^b)", regex.MULTILINE)) is None  # anchors inside a group
    assert line_variant(regex.compile(r"^a[|]b|^c", regex.MULTILINE)) is not None


def test_fast_path_only_on_long_lines() -> None:
    from postclean.text import _long_lines

    postclean.text.FAST_MIN_LINE_CHARS = 12  # the default
    prose = "A long line of ordinary prose about the harbour and the ferries that leave it.\n" * 3
    menu = "Home\nForums\nLog in\n" * 10
    assert _long_lines(prose, 0, len(prose))
    assert not _long_lines(menu, 0, len(menu))
