"""hypothesis properties of the text door: never raises, idempotent, only deletes, prose passes unchanged,
planted chrome is removed and attributed to the expected rule."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import postclean

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = [
    "river",
    "harbour",
    "lantern",
    "orchard",
    "willow",
    "copper",
    "meadow",
    "kettle",
    "violin",
    "parcel",
    "garden",
    "ladder",
    "thunder",
    "pebble",
    "window",
    "marble",
    "saddle",
    "timber",
    "candle",
    "basket",
    "biscuit",
    "compass",
]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    n = draw(st.integers(min_value=6, max_value=16))
    words = draw(st.lists(st.sampled_from(WORDS), min_size=n, max_size=n))
    # A serial number keeps sentences distinct, so none is a repeat of another.
    serial = draw(st.integers(min_value=0, max_value=10**9))
    return f"The {' '.join(words)} number {serial} waited quietly."


prose = st.lists(sentence(), min_size=1, max_size=12, unique=True)

CHROME = {
    "XF001": "kestrel\nSenior Member\n- Joined\n- Jan 5, 2019\n- Messages\n- 1,234\n- Reaction score\n- 56",
    "XF004": "Click to expand...",
    "XF005": "Reactions:\nfinch, wren and 3 others",
    "XF006": "Last edited: Mar 3, 2024",
    "XF007": "You must log in or register to reply here.",
    "GEN003": "Like Reply Report",
    "GEN004": "Sent from my Pixel 7 using Tapatalk",
    "GEN005": "Prev 1 2 3 … 9 Next",
}


@SETTINGS
@given(st.text(max_size=2000))
def test_never_raises_on_any_text(text: str) -> None:
    doc = postclean.clean(text, kind="text")
    assert isinstance(doc.text, str)
    assert not [f for f in doc.flags if f.startswith("rule-")]


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=1500) | st.binary(max_size=1500))
def test_never_raises_auto(data: str | bytes) -> None:
    doc = postclean.clean(data)
    assert isinstance(doc.to_json(), str)


@SETTINGS
@given(st.lists(st.sampled_from([*CHROME.values(), "", "  ", "\t"]) | sentence(), max_size=25))
def test_idempotent_and_only_deletes(parts: list[str]) -> None:
    text = "\n".join(parts)
    doc = postclean.clean(text, kind="text")
    again = postclean.clean(doc.text, kind="text")
    assert again.text == doc.text
    # Bodies hold only input lines, in input order.
    input_lines = [line.rstrip() for line in text.split("\n")]
    pos = 0
    for post in doc.posts:
        for line in post.body.split("\n"):
            if not line:
                continue
            pos = input_lines.index(line, pos) + 1


@SETTINGS
@given(prose)
def test_prose_passes_unchanged(sentences: list[str]) -> None:
    text = "\n".join(sentences)
    doc = postclean.clean(text, kind="text")
    assert doc.text == text
    assert doc.removals == ()


@SETTINGS
@given(prose, st.sampled_from(sorted(CHROME)), st.data())
def test_planted_chrome_is_removed_and_attributed(
    sentences: list[str], code: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(min_value=1 if code == "XF001" else 0, max_value=len(sentences)))
    if code == "XF001":
        at = 0  # an author block opens a post
    lines = [*sentences[:at], CHROME[code], *sentences[at:]]
    doc = postclean.clean("\n".join(lines), kind="text")
    for s in sentences:
        assert s in doc.text
    assert code in {r.code for r in doc.removals}, doc.explain()
    for chrome_line in CHROME[code].split("\n"):
        assert chrome_line not in doc.text.split("\n")


_S = "The river river river river river river river river river river river river number 0 waited quietly."
_S2 = "The river river river river copper river river river number 0 waited quietly."
_S3 = "The river river river river meadow river river window river river river river river river number 0 waited quietly."


@pytest.mark.parametrize(
    "parts",
    [
        [_S, CHROME["XF001"], CHROME["XF001"], _S],  # a later post repeats the preamble
        [CHROME["XF001"], _S2, CHROME["XF001"], CHROME["GEN003"], _S2],  # same closing line, buttons above it
        [_S, CHROME["XF001"], _S, _S],  # the first post repeats its own line under a preview
        [CHROME["XF001"], _S3, CHROME["XF001"], CHROME["GEN004"], _S3],  # same closing line under an app signature
    ],
)
def test_idempotent_found_cases(parts: list[str]) -> None:
    """Cases hypothesis found: the GEN002 preview exemption and the signature deferral must agree with what a
    second pass over the output sees."""
    doc = postclean.clean("\n".join(parts), kind="text")
    assert postclean.clean(doc.text, kind="text").text == doc.text


#: The notation converters write around chrome and text (read by postclean.layout): bullets followed by
#: no-break spaces (elinks), empty list items, image file names in brackets (lynx), buttons (lynx), lines of
#: tabs (lxml) or of one space (get_text(" ")), emphasised labels (html2text), extra bullets (links2).
NOTATION = [
    "\u2022\xa0Feb 20, 2024",
    "     \u2022\xa0",
    "  \u2022",
    "\xa0\xa0Posts: 12",
    "     * [badge_gold(1).png]",
    "   [a.jpg] [b.png]",
    "   (BUTTON) Reply",
    "\t\t\t\t",
    " ",
    "_Messages_",
    "_Reaction score_",
    "    412",
    "     * * 412 posts",
    "   * *  harbour_hana",
    "     \u00b7",
]


@SETTINGS
@given(st.lists(st.sampled_from([*NOTATION, *CHROME.values(), ""]) | sentence(), max_size=30))
def test_notation_never_costs_text(parts: list[str]) -> None:
    text = "\n".join(parts)
    doc = postclean.clean(text, kind="text")
    assert not [f for f in doc.flags if f.startswith("rule-")]
    # only deletes: bodies hold input lines, in input order ...
    input_lines = [line.rstrip() for line in text.split("\n")]
    pos = 0
    for post in doc.posts:
        for line in post.body.split("\n"):
            if line:
                pos = input_lines.index(line, pos) + 1
    # ... and every sentence of prose is still there, in a body or a quote
    kept = doc.render(quotes="inline")
    for part in parts:
        if part.startswith("The ") and part.endswith("waited quietly."):
            assert part in kept
