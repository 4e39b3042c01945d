"""Rule patterns cost linear time, also on the long runs of blanks that text browsers and layout-keeping
converters write (table cells padded to the page width) and on long lines full of unclosed brackets.

Two pattern shapes used to cost quadratic or worse time there, and the shape tests below keep them out:

* a line pattern that reads the indentation with a backtracking ``^[ \\t]*`` followed by something that can
  also match blanks (a name ``[^\\n]{1,60}?``): every split of a run of N blanks is tried, times the name's
  lengths. ``^[ \\t]*+`` (possessive) reads the whole indentation once.
* an unanchored pattern that starts with blanks (``[ \\t]+X``): it is tried at every blank of a run, and each
  try reads the rest of the run. ``(?<![ \\t])[ \\t]+X`` starts only at a run's first blank; the matches are the
  same (the leftmost match starts there).

Times are this process's CPU time (``time.process_time``): other processes on a loaded machine do not inflate
them, as they inflated wall-clock time when several test runs shared two cores.
"""

from __future__ import annotations

import time

import regex

import postclean
from postclean._lazy import compile_all, patterns

_INDENT_RE = regex.compile(r"\^\[ \\t(?:\\xa0|\|)?\]\*(?![+?])")

#: Blank-padded lines as w3m and lynx write table cells, box-drawing rules, tab runs, and lines of short words.
PADDED = (
    "\n".join(
        [
            " " * 800,
            "",
            " " * 600 + "x",
            "━" * 999,
            "\t" * 300 + " " * 300,
            "a " * 400,
            "User avatar",
            "    Posts: 42830",
            " " * 500 + "»",
            "x" + " " * 700 + "y",
            "x" + " " * 700,
        ]
    )
    + "\n"
) * 4


def _own() -> list[regex.Pattern[str]]:
    """postclean's own patterns (not those tests or user rules made)."""
    compile_all()
    return [p for p in patterns() if str(getattr(p, "module", "")).startswith("postclean")]


def test_line_patterns_read_their_indentation_possessively() -> None:
    offenders = [p.pattern[:80] for p in _own() if _INDENT_RE.search(p.pattern)]
    assert offenders == [], "use ^[ \\t]*+ (possessive) in line patterns: " + repr(offenders[:5])


def test_blank_led_patterns_start_at_the_first_blank_of_a_run() -> None:
    lead = ("[ \\t]+", "[ \\t]*", "[ \\t\\xa0]+", "[ \\t\\xa0]*", "\\s+", "\\s*")
    offenders = [p.pattern[:80] for p in _own() if p.pattern.startswith(lead) and p.pattern != "\\s+"]
    assert offenders == [], "start with (?<![ \\t]) so that a run of blanks is tried once: " + repr(offenders[:5])


def test_every_pattern_is_fast_on_padded_lines() -> None:
    slow: list[tuple[float, str]] = []
    for p in _own():
        start = time.process_time()
        for _m in p.finditer(PADDED):
            pass
        took = time.process_time() - start
        if took > 0.5:
            slow.append((round(took, 2), p.pattern[:80]))
    assert slow == []


def test_cleaning_padded_and_bracket_heavy_text_is_fast() -> None:
    # a w3m-like thread: padded table rows around the poster columns and post texts
    rows = []
    for k in range(40):
        rows += [
            " " * 300,
            f"harbour_{k}" + " " * 200 + "Posts: 42830",
            "    Founded: Dec 19, 2005" + " " * 400,
            "by harbour_" + str(k) + " » Tue Aug 27, 2019 1:47 am",
            "The north slipway was under water again at noon today." + " " * 500,
            "  • Reply with quote" + " " * 300,
        ]
    padded = "\n".join(rows)
    # a page's stylesheet as one long line, every bracket escaped (Tailwind class names): a Markdown link's
    # label must not read on to the end of the line from each "["
    brackets = (".min-h-\\[18px\\]{min-height:18px}" * 3000) + "\n[a](b) and [c](d)\n"
    for text in (padded, brackets):
        start = time.process_time()
        postclean.clean(text, kind="text")
        assert time.process_time() - start < 5.0


#: Documents of one chrome line repeated thousands of times: a rule that reads a run again from each of its
#: lines costs quadratic time on them (5,000 stat lines took minutes before PAGE006 skipped the runs it read).
REPEATED = {
    "stat lines": "Posts: 1\n" * 5_000,
    "quote headers and footers": "Bob said:\nThe ferry was late again today.\nClick to expand...\nYes.\n" * 2_000,
    "quote headers without footers": "Bob said:\nThe ferry was late again today.\n" * 2_000,
    "classic quote headers": "Quote from: Bob on June 09, 2024, 03:29:46 AM\nThe ferry.\n" * 2_000,
    "author blocks": "- Joined\n- Jun 4, 2024\n- Messages\n- 1,204\n" * 2_000,
    # poster blocks with no name between them: each could complete the one before (two blocks of one post head)
    "rank blocks": "SENIOR MEMBER\n- Joined\n- Mar 2, 2015\n- Messages\n- 1,204\n- Reaction score\n- -12\n" * 2_500,
    "names over dates": "harbour_seal\nJun 4, 2024\nThe tide was high.\n" * 2_000,
    "repeated sentences": "The harbour master says the gate seal has failed again this week.\n" * 5_000,
    "short lines": "x\n" * 20_000,
    "discourse credits": "Thanks, that helped.\nPowered by Discourse, best viewed with JavaScript enabled\n" * 3_000,
    "signature separators": "The tide tables are up.\n__________________\nVisit my blog\n" * 5_000,
    # a story full of "said" and no colon: a quote title pattern tried at each such line looked for its ":" in
    # the whole rest of the text
    "said without a colon": "The harbour master said the gate would hold for another winter.\n" * 15_000,
    # glued quotes of a post on another page: each normalized up to 300,000 characters of lines above it
    "glued quotes": (
        "(2024-03-02, 09:12 AM) harbour_seal Wrote: The slipway gate was left open all night and the tide came"
        " over the wall.Thanks, I will tell the night watch.\nNoted.\n"
    )
    * 4_000,
}


def test_repeated_chrome_lines_cost_linear_time() -> None:
    slow = []
    for name, text in REPEATED.items():
        start = time.process_time()
        postclean.clean(text, kind="text")
        took = time.process_time() - start
        if took > 5.0:
            slow.append((name, round(took, 1)))
    assert slow == []


#: Post headers as w3m lays out a vBulletin table row: a date or a time, then the rest of the cell in blanks.
DATED_PADDED = [
    "Old 2nd April 2025, 13:59" + " " * 2000,
    "2nd April 2025, 13:59" + " " * 2000 + "#5",
    "05-13-2016, 02:15 PM" + " " * 2000,
    "Tue Aug 27, 2019 1:47" + "\t" * 2000,
]


def test_every_pattern_is_fast_on_a_date_followed_by_blanks() -> None:
    # a time's optional am/pm read the blanks before it whether or not am/pm followed: every length of the run
    # was tried, times the tries of what follows the date (65 ms for one line of 1,000 characters)
    slow: list[tuple[float, str]] = []
    for p in _own():
        start = time.process_time()
        for line in DATED_PADDED:
            p.search(line)
        took = time.process_time() - start
        if took > 0.3:  # (the quadratic form took over a second here; the heaviest linear patterns about 0.07 s)
            slow.append((round(took, 3), p.pattern[:80]))
    assert slow == []


def test_match_at_finds_what_match_finds() -> None:
    # match_at bounds a one-line pattern to the line it starts on: the match must be the same
    from postclean.text import match_at, one_line

    text = (
        "Bob said:\nThe ferry was late.\n\n  - Joined\n- Jun 4, 2024\nPosts: 1\nQuote from: Bob on June 09, 2024\n"
        "harbour_seal wrote: The gate.Thanks.\n(2024-03-02, 09:12 AM) harbour_seal Wrote: Yes:\nOld 2nd April 2025\n"
        "#12\nClick to expand...\n"
    ) + PADDED[:2000]
    starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n"), 5, 13]
    own = [p for p in _own() if one_line(p)]
    assert len(own) > 300
    diff = []
    for p in own:
        for pos in starts:
            a, b = p.match(text, pos), match_at(p, text, pos)
            if (a is None) != (b is None) or (a is not None and b is not None and a.span() != b.span()):
                diff.append(p.pattern[:80])
                break
    assert diff == []


def test_one_line_reads_patterns_conservatively() -> None:
    from postclean.text import one_line

    yes = [r"^[ \t]*+Offline[ \t]*$", r"^[^\n]{1,60}?[ \t]+said:", r"[\w.\-]+", r"\p{Lu}[ \t\xa0]*"]
    no = [r"a\s+b", r"[^:]+", r"x$", r"(?s)a.b", r"a\nb", r"[\x00-\x1f]", r"\P{L}", r"\W", r"(?s:.)"]
    assert [one_line(regex.compile(p, regex.MULTILINE)) for p in yes] == [True] * len(yes)
    assert [one_line(regex.compile(p, regex.MULTILINE if p != "x$" else 0)) for p in no] == [False] * len(no)
