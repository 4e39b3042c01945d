"""Text wrapped at a fixed width (text browsers' dumps, html2text's default): the rules read the lines a
wrapper split as one line again, bodies keep the input's lines, and texts that are not wrapped read as before."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import postclean
from postclean.packs.generic import stands_alone
from postclean.wrapping import join_parts, joined_columns, wrapped_lines

# A XenForo thread page as a whole-page converter writes it, one block per line: chrome lines long enough
# for a wrapper to split (a consent notice, a reaction list, a footer), prose posts several lines long.
THREAD = """\
Harbour Forum
We use cookies to keep you signed in, to remember your settings and to measure how the forum is used; by continuing to browse the site you agree to our use of cookies.
Accept cookies
We and our partners store and access information on a device, such as cookies, and process personal data such as unique identifiers and standard information sent by a device for personalised ads and content, ad and content measurement, and audience insights, as well as to develop and improve products.
- Home
- Forums
- What's new
Tide tables for the spring season
- Thread starter tidewatcher
- Start date Apr 2, 2024
tidewatcher
Well-known member
- Joined
- Aug 14, 2017
- Messages
- 2,318
- Reaction score
- 1,045
Does anyone know when the spring tide tables get published? Last year they came out in March, but I cannot find this year's anywhere on the harbour site, and the chandlery in town says it has not seen a printed copy either. I need them to plan a trip round the headland with two friends who have never sailed past the lighthouse before.
Like
Reactions:
gullwing, sandpiper, harbourmaster_jo, kestrel_kai, tern_spotter, quillpen and 14 others
saltmarsh
Member
- Joined
- Feb 9, 2022
- Messages
- 57
- Reaction score
- 12
tidewatcher said:
Does anyone know when the spring tide tables get published? Last year they came out in March, but I cannot find this year's anywhere on the harbour site.
Click to expand...
They moved them to the port authority pages this year, which confused a lot of people at the club as well. Look under the navigation notices rather than the harbour news section, and download the spreadsheet version if you want the heights for every quarter hour instead of the summary.
Last edited: Apr 3, 2024
tidewatcher
Well-known member
- Joined
- Aug 14, 2017
- Messages
- 2,318
- Reaction score
- 1,045
saltmarsh said:
They moved them to the port authority pages this year.
Click to expand...
Found them, thank you. The headland trip is on for the weekend of the twentieth, provided the wind stays in the west and the forecast for the Sunday afternoon does not get any worse than it looks at the moment.
You must log in or register to reply here.
Contact us Terms and rules Privacy policy Help Home
Copyright © 2010-2024 Harbour Forum Ltd. All rights reserved. | Terms of Use | Privacy Policy | Manage Cookie Settings | Contact the moderators
Community platform by XenForo® © 2010-2024 XenForo Ltd.
"""


def wrap(text: str, width: int, indent: str = "") -> str:
    """``text`` wrapped as a text browser does: every line split at ``width`` columns, indented."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(
            textwrap.wrap(line, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)
            or [""]
        )
    return "\n".join(out)


def _words(text: str) -> str:
    return " ".join(text.split())


def _posts(doc: postclean.Document) -> list[tuple[str | None, int]]:
    return [(p.author.name if p.author else None, len(p.quotes)) for p in doc.posts]


@pytest.mark.parametrize(("width", "indent"), [(76, "   "), (78, ""), (72, ""), (100, "  ")])
def test_a_wrapped_page_cleans_as_the_unwrapped_one(width: int, indent: str) -> None:
    flat = postclean.clean(THREAD, kind="text")
    wrapped_text = wrap(THREAD, width, indent)
    doc = postclean.clean(wrapped_text, kind="text")
    assert "wrapped" in doc.flags and "wrapped" not in flat.flags
    assert doc.engine == flat.engine == "xenforo"
    assert _posts(doc) == _posts(flat) == [("tidewatcher", 0), ("saltmarsh", 1), ("tidewatcher", 1)]
    assert _words(doc.text) == _words(flat.text)
    for chrome in ("personal data", "harbourmaster_jo", "Manage Cookie Settings", "All rights reserved"):
        assert chrome not in doc.text
    # bodies keep the input's lines, in order
    input_lines = [line.rstrip() for line in wrapped_text.split("\n")]
    pos = 0
    for line in doc.text.split("\n"):
        if line:
            pos = input_lines.index(line, pos) + 1
    # removals name the input lines they cover: the consent notice's removal covers all its lines
    consent = next(r for r in doc.removals if "personal data" in r.text)
    assert consent.lines is not None and consent.lines[1] > consent.lines[0]
    first, last = consent.lines
    assert "\n".join(wrapped_text.split("\n")[first : last + 1]).strip() in wrapped_text
    assert consent.span is not None and wrapped_text[consent.span[0] : consent.span[1]].strip() == consent.text.strip()


def test_texts_that_are_not_wrapped_are_not_read_as_wrapped() -> None:
    assert wrapped_lines(THREAD.split("\n")) is None
    # a template line repeated in every post at one length is not a width
    posts = []
    for n in range(12):
        posts += [f"[member{n}](/members/{n}/)", f"    Posts: {100 + n} Joined: Mar {n + 1}, 2019 Location: Harbourside"]
        posts += ["    Registered members see more of this thread when they sign in", "A short reply."]
    assert wrapped_lines(posts) is None
    # lines of one table cell, mostly indentation
    cells = [" " * 40 + f"answered May {n}, 2009 at 21:22" for n in range(1, 20)]
    assert wrapped_lines([x for c in cells for x in (c, c.replace("answered", "edited"))]) is None


def _paragraphs(n: int) -> list[str]:
    text = " ".join(
        f"On day {k} the harbour master said that the tide would turn before dawn, so the crew stayed on deck"
        for k in range(1, n)
    )
    return textwrap.wrap(text, 72)


@pytest.mark.parametrize(
    ("tail", "joined"),
    [
        ("and watched the lights of the town go out one by one", True),
        ("Reply Quote Report", False),  # a row of buttons starts a line
        ("Posts: 1,370", False),  # a label starts a line
        ("tern_spotter May 4, 2022, 3:47pm 2", False),  # a post header (ends with a date) starts a line
        ("on May 4, 2022 and we all went home", True),
        ("- Joined", False),  # a list item starts a line
        ("━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━", False),  # a rule
    ],
)
def test_which_lines_go_on_in_the_next(tail: str, joined: bool) -> None:
    lines = _paragraphs(14)
    last = len(lines) - 1
    lines[last] = lines[last][:70].ljust(70, "x")  # the last line is full: the next word would not have fitted
    groups = wrapped_lines([*lines, tail], apart=stands_alone)
    assert groups is not None
    assert (groups[-1] == (0, last + 1)) is joined


def test_a_sentence_end_before_a_capital_is_a_line_end() -> None:
    lines = _paragraphs(14)
    lines[-1] = (lines[-1][:60] + " tonight.").ljust(70)
    groups = wrapped_lines([*lines, "Thanks for all the replies so far"])
    assert groups is not None and groups[-1] == (len(lines), len(lines))


def test_markdown_hard_breaks_and_long_words() -> None:
    lines = _paragraphs(14)
    # two blanks at the end of a Markdown line are a line break (html2text writes <br> so)
    assert wrapped_lines([*lines[:-1], lines[-1].ljust(70) + "  ", "and the rest"]) is not None
    groups = wrapped_lines([*lines[:-1], lines[-1].ljust(70) + "  ", "and the rest"])
    assert groups is not None and groups[-1] == (len(lines), len(lines))
    # a word longer than the width sits on a line of its own inside a wrapped line ...
    url = "https://harbour.example/notices/" + "tide-tables-" * 8
    inside = [*lines, url, "and the rest of the paragraph"]
    groups = wrapped_lines(inside)
    assert groups is not None and groups[-1] == (0, len(inside) - 1)
    # ... but a long line that stands alone stays alone
    alone = [*lines, "", url, "sorairolake"]
    groups = wrapped_lines(alone)
    assert groups is not None and groups[-1] == (len(alone) - 1, len(alone) - 1)


def test_joined_columns_map_back_to_the_input() -> None:
    source = "   Quote from: kestrel on June 9,\n   2024, 03:29:46 AM"
    joined, cols = joined_columns(source)
    assert joined == join_parts(source) == "   Quote from: kestrel on June 9, 2024, 03:29:46 AM"
    assert len(cols) == len(joined)
    assert all(source[c] == ch for c, ch in zip(cols, joined, strict=True) if ch != " ")
    assert source[cols[joined.index(" 2024")]] == "\n"  # the joining blank stands for the line break
    # a word a wrapper broke after its hyphen is one word again; quote markers of the next line go
    assert join_parts("the trip-\nreports page") == "the trip-reports page"
    assert join_parts("> first half of the\n> quoted line") == "> first half of the quoted line"


def test_a_cut_inside_a_wrapped_line_keeps_the_rest_of_its_lines() -> None:
    # A glued label cut out of a wrapped line (a column cut) leaves the rest of the line as written.
    lines = _paragraphs(14)
    text = "\n".join([*lines, "", "Sent from my Pixel 7 using Tapatalk"])
    doc = postclean.clean(text, kind="text")
    assert "wrapped" in doc.flags
    assert doc.text == "\n".join(lines)


WORDS = ["river", "harbour", "lantern", "orchard", "willow", "copper", "meadow", "kettle", "pebble", "a", "of"]


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    """Five to twelve sentences, each with its own serial number: no line of the wrapped text repeats another
    (a repeated line is a quote without its header, see GEN002)."""
    serials = draw(st.lists(st.integers(min_value=0, max_value=10**9), min_size=5, max_size=12, unique=True))
    sentences = []
    for serial in serials:
        n = draw(st.integers(min_value=6, max_value=14))
        words = draw(st.lists(st.sampled_from(WORDS), min_size=n, max_size=n))
        sentences.append(f"The {' '.join(words)} number {serial} waited quietly.")
    return " ".join(sentences)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(paragraph(), min_size=2, max_size=6, unique=True),
    st.integers(min_value=60, max_value=120),
    st.sampled_from(["", "   "]),
)
def test_wrapped_prose_passes_unchanged(paragraphs: list[str], width: int, indent: str) -> None:
    # every sentence of the text its own (a paragraph repeating another's sentences quotes it)
    paragraphs = [p.replace(" number ", f" number {k}-") for k, p in enumerate(paragraphs)]
    text = "\n\n".join(
        "\n".join(textwrap.wrap(p, width, initial_indent=indent, subsequent_indent=indent)) for p in paragraphs
    )
    doc = postclean.clean(text, kind="text")
    assert doc.text == text
    assert doc.removals == ()
    again = postclean.clean(doc.text, kind="text")
    assert again.text == doc.text


def test_markdown_links_a_wrapper_split_are_read_whole() -> None:
    # html2text's default wraps at 78 columns, never inside a link target but between the words of its label,
    # and puts a link longer than the width on a line of its own with the words after it on the next line.
    prose = [f"the [harbour notice](/notices/{n}/) of day {n} says{' that' * (n % 3)} the spring tables are out" for n in range(16)]
    wrapped_md = textwrap.wrap(" ".join(prose), 78)
    stats = [
        "",
        "**[William",
        "Overington](https://harbour.example/index.php?/profile/98747-william-overington/)** 56",
        "posts",
        "",
        "**[tern_spotter](https://harbour.example/index.php?/profile/3524-tern-spotter/)**",
        "29 posts",
    ]
    lines = [*wrapped_md, *stats]
    groups = wrapped_lines(lines)
    assert groups is not None
    n = len(wrapped_md)
    assert (n + 1, n + 3) in groups  # the label split after "William", the count after the link
    assert (n + 5, n + 6) in groups
    assert join_parts("\n".join(lines[n + 1 : n + 4])).endswith("william-overington/)** 56 posts")


CHROME_LINES = [
    "Like Reply Report",
    "Reactions: gullwing, sandpiper, harbourmaster_jo, kestrel_kai, tern_spotter and 14 others",
    "tidewatcher said:",
    "Click to expand...",
    "Last edited: Apr 3, 2024",
    "- Joined",
    "- Aug 14, 2017",
    "We use cookies to keep you signed in and to measure how the forum is used; by continuing you agree.",
    "[kestrel](/members/kestrel.7/) Posts: 1,204 Joined: Mar 2019",
    "**[William",
    "Overington](https://harbour.example/profile/98747-william-overington/)** 56 posts",
    "  * [Reply](/threads/4/reply)",
    "> quoted line that goes on for quite a while before the reply starts below it",
    "━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
    "👍",
    "4",
    "",
    "   ",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(CHROME_LINES) | paragraph(), min_size=4, max_size=24),
    st.integers(min_value=60, max_value=110),
    st.sampled_from(["", "   "]),
)
def test_wrapped_mixed_text_never_costs_text(parts: list[str], width: int, indent: str) -> None:
    text = wrap("\n".join(parts), width, indent)
    doc = postclean.clean(text, kind="text")
    assert not [f for f in doc.flags if f.startswith("rule-")]
    assume("wrapped" in doc.flags)  # (a short text is read line by line: see test_properties)
    # only deletes: the bodies' words are the input's, in input order (a body line is an input line, or, where a
    # rule cut a Markdown line the reader saw joined, what is left of the joined line) ...
    words = text.split()
    pos = 0
    for post in doc.posts:
        for word in post.body.split():
            pos = words.index(word, pos) + 1
    # ... every removal's span covers its text, and every sentence of prose is still there (body, quote or
    # signature)
    for r in doc.removals:
        if r.span is not None:
            covered = text[r.span[0] : r.span[1]]
            if covered != r.text:  # (what a cut left of a joined Markdown line is in the reader's words)
                at = 0
                for word in r.text.split():
                    at = covered.index(word, at) + len(word)
    # (closing lines a poster repeats at the end of several posts move to the signature)
    kept = _words(doc.render(quotes="inline") + " " + " ".join(p.signature or "" for p in doc.posts))
    for part in parts:
        if part.startswith("The ") and part.endswith("waited quietly."):
            for sentence in part.split(" The "):
                assert _words(sentence.removeprefix("The ")) in kept


def test_a_link_element_line_is_a_line_of_its_own() -> None:
    # elinks and links2 print a ``<link>`` element as ``Link: {url}``; a long one reaches the width, yet the
    # poster's name under it is not its rest
    lines = _paragraphs(14)
    url = "Link: https://forum.example.org/t/winter-timetable-for-the-ferries/4411"
    assert 66 <= len(url) <= 72  # (it ends where the wrapper would have broken the line)
    groups = wrapped_lines([*lines, url, "quillpen (Quill Penrose)"], apart=stands_alone)
    assert groups is not None
    assert groups[-1] == (len(lines) + 1, len(lines) + 1)
    assert groups[-2] == (len(lines), len(lines))


def test_one_stray_line_past_an_empty_column_does_not_make_the_width() -> None:
    """The width is where many lines end, not one line two columns past them (a cookie notice's line that a
    cleaning drops): read from the lines a first cleaning kept, the width is the same, so a second cleaning
    joins the same lines (idempotence)."""
    from collections import Counter

    from postclean.wrapping import _width

    lengths = Counter({67: 12, 68: 12, 69: 15, 70: 20, 71: 23, 72: 33, 73: 25, 74: 29})
    assert _width(lengths) == 74
    assert _width(lengths + Counter({76: 1})) == 74
