"""Texts with a blank line after nearly every line (one text node per line) run through the rules compacted."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import postclean

LINES = [
    "Log in",
    "Register",
    "What's new",
    "Forums",
    "harbour_hana",
    "Well-known member",
    "Joined",
    "Mar 3, 2015",
    "Messages",
    "2,114",
    "The ferry from the north pier now leaves at seven in winter.",
    "Has anyone checked whether the bus still meets it?",
    "Like Reply Report",
    "Share:",
    "Facebook",
    "Twitter",
    "Email",
]
TEXT = "\n\n".join(LINES) + "\n"


def test_spaced_text_is_cleaned_like_compact_text() -> None:
    spaced = postclean.clean(TEXT, kind="text")
    compact = postclean.clean("\n".join(LINES), kind="text")
    assert "spaced-layout" in spaced.flags and "spaced-layout" not in compact.flags
    kept = [x for x in spaced.text.split("\n") if x.strip()]
    assert kept == [x for x in compact.text.split("\n") if x.strip()]
    assert kept == [
        "The ferry from the north pier now leaves at seven in winter.",
        "Has anyone checked whether the bus still meets it?",
    ]
    # the body keeps the input's blank line between lines, and cleaning it again changes nothing
    assert spaced.text == "\n\n".join(kept)
    assert postclean.clean(spaced.text, kind="text").text == spaced.text


def test_mostly_blank_text_is_compacted_and_keeps_its_adjacent_lines_together() -> None:
    # BeautifulSoup's get_text("\n") keeps every whitespace node: runs of blank and tab-only lines of any
    # length, with some text nodes still next to each other.
    runs = ["\n\t\t\n\n", "\n \n", "\n\n\n\n\t\n", "\n"]
    parts = LINES[4:]  # the poster block, two sentences, the share row
    text = ""
    for i, part in enumerate(parts):
        gap = "\n" if i == 6 else runs[i % len(runs)] * 3  # the two sentences are adjacent in the input
        text += part + gap
    doc = postclean.clean(text, kind="text")
    assert "spaced-layout" in doc.flags
    assert doc.text == (
        "The ferry from the north pier now leaves at seven in winter.\n"
        "Has anyone checked whether the bus still meets it?"
    )
    assert doc.posts[0].author is not None and doc.posts[0].author.messages == 2114


def test_spaced_removals_point_into_the_input() -> None:
    doc = postclean.clean(TEXT, kind="text")
    original = TEXT.split("\n")
    assert doc.removals
    for r in doc.removals:
        assert r.lines is not None and r.span is not None
        first, last = r.lines
        assert original[first].strip() == r.text.split("\n")[0].strip()
        assert original[last].strip() == r.text.split("\n")[-1].strip()
        assert TEXT[r.span[0] : r.span[1]].startswith(r.text.split("\n")[0])
    post = doc.posts[0]
    assert post.lines is not None
    assert original[post.lines[0]].strip()  # a post's line range starts on a real line of the input


def test_prose_with_blank_lines_between_paragraphs_is_not_changed() -> None:
    prose = "\n\n".join(
        f"Paragraph {n} of a short story about the lighthouse keeper and the winter storm." for n in range(20)
    )
    doc = postclean.clean(prose, kind="text")
    assert doc.text == prose
    assert not doc.removals


POOL = [
    *LINES,
    "Quote",
    "Reply",
    "#3",
    "·",
    "Jun 4, 2024",
    "Posts:",
    "138",
    "Joined:",
    "4. Jul 2012, 16:09",
    "Click to expand...",
    "kestrel_kai said:",
    "Strictly Necessary Cookies",
    "These cookies keep the site working and cannot be switched off in our systems, our banner says.",
    "The tide turned early and the slipway flooded by noon.",
    "We carried the kayaks up to the car park instead.",
    "",
    "   ",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(POOL), min_size=12, max_size=60))
def test_spaced_texts_only_lose_lines(lines: list[str]) -> None:
    text = "\n\n".join(lines)
    doc = postclean.clean(text, kind="text")
    source = [x.strip() for x in text.split("\n") if x.strip()]
    kept = [x.strip() for x in doc.text.split("\n") if x.strip()]
    # bodies hold input lines in input order (seam splits aside, which these lines do not trigger)
    it = iter(source)
    assert all(any(k == s or k in s for s in it) for k in kept)
    if len(source) >= 12:
        assert "spaced-layout" in doc.flags
    # every removal points at input lines that hold its first and last line
    original = text.split("\n")
    for r in doc.removals:
        if r.lines is not None and r.text.strip():
            first = next(x for x in r.text.split("\n") if x.strip())
            assert first.strip() in original[r.lines[0]] or original[r.lines[0]].strip() in first


def test_tab_only_lines_count_as_empty() -> None:
    # lxml's text_content() keeps the template's whitespace nodes: runs of lines of tabs between the lines of a
    # vBulletin 3 post block, and text lines indented by tabs. They count as the empty lines they stand for.
    sentences = [
        "The ferry from the north pier now leaves at seven in winter.",
        "Has anyone checked whether the bus still meets it on Sundays?",
        "It does, but only until the end of March this year.",
    ]
    pad = "\n" + "\t\t\t\t\t\t\n" * 4
    blocks = [
        [f"Mar {14 + n}, 2026 | 10:24 pm", f"#{5 + n}", name, "Join Date: Mar 2009", "Location: North pier",
         f"Posts: {1370 + n}", sentence]
        for n, (name, sentence) in enumerate(zip(["harbour_hana", "quillpen", "harbour_hana"], sentences, strict=True))
    ]
    # the stat lines stand next to each other, as in the markup (so the text is not one line per paragraph)
    text = "Harbour Forum" + pad
    for block in blocks:
        text += pad.join(["\t\t\t\t\t" + x for x in block[:3]] + ["\n".join(block[3:6]), block[6]]) + pad
    doc = postclean.clean(text, kind="text")
    assert "spaced-layout" in doc.flags
    assert [p.author.name for p in doc.posts if p.author] == ["harbour_hana", "quillpen", "harbour_hana"]
    assert "Join Date" not in doc.text and "Posts:" not in doc.text and "Location:" not in doc.text
    assert "The ferry from the north pier now leaves at seven in winter." in doc.text
    assert "It does, but only until the end of March this year." in doc.text
    # as the same text with empty lines in place of the lines of tabs, or with lines of one space (get_text(" "))
    for blank in ("", " "):
        other = postclean.clean(text.replace("\t\t\t\t\t\t\n", blank + "\n"), kind="text")
        assert [p.to_dict() for p in doc.posts] == [p.to_dict() for p in other.posts]
