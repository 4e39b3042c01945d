"""The one-pass index of trigger literals answers exactly what a substring scan per literal answers.

``Rule.triggered`` looks for its trigger words (and the literals read off its trigger pattern) in the lower-cased
document. The engine asks a :class:`~postclean.rules.LiteralProbe` instead of scanning once per literal; these
tests check that ``w in probe`` is ``w in text`` for any string and that no rule's decision changes, on texts
full of case-folding corner cases (dotted capital I, ß and ẞ, dotless i, ligatures, final sigma, Kelvin sign,
combining marks) and non-ASCII words.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import postclean
from postclean.rules import LiteralIndex, trigger_literals

#: Characters whose lower-casing or case-folding is unusual, plus plain letters, blanks and punctuation.
ODD = "İıiIßẞﬁﬀΣσςKkÅåǅǆé\u0307äöüйЙ×｜·|"
ALPHABET = "abcdefgilnorst" + " \t\n.:-()#" + ODD

RULES = postclean._default().rules
LITERALS = sorted(trigger_literals(RULES))
INDEX = LiteralIndex(LITERALS)


def _variants(word: str) -> list[str]:
    return [word, word.upper(), word.title(), word.casefold(), word.swapcase()]


@st.composite
def texts_from(draw: st.DrawFn, words: list[str]) -> str:
    """Texts made of the given words (in odd cases, overlapping, cut short) and random characters."""
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.integers(0, 3))
        if kind == 0 and words:
            parts.append(draw(st.sampled_from(_variants(draw(st.sampled_from(words))))))
        elif kind == 1 and words:
            w = draw(st.sampled_from(words))
            parts.append(w[: draw(st.integers(0, len(w)))])  # a prefix: almost the word
        elif kind == 2 and words:
            w = draw(st.sampled_from(words))
            parts.append(w[draw(st.integers(0, len(w))) :])  # a suffix, to overlap with the next part
        else:
            parts.append(draw(st.text(alphabet=ALPHABET, max_size=12)))
    return "".join(parts)


@st.composite
def related_words(draw: st.DrawFn) -> list[str]:
    """Words over a few letters with their prefixes and pairs joined: literals that start at the same place or
    overlap, the cases a one-pass scan can miss."""
    base = draw(
        st.lists(st.text(alphabet="abİıßſﬁσς .\u0307й", min_size=1, max_size=6), min_size=1, max_size=6)
    )
    words = list(base)
    for w in base:
        words += [w[:k] for k in range(1, len(w)) if draw(st.booleans())]
    for _ in range(draw(st.integers(0, 3))):
        words.append(draw(st.sampled_from(base)) + draw(st.sampled_from(base)))
    return words


@settings(max_examples=400, deadline=None)
@given(st.data(), related_words())
def test_probe_is_a_substring_test(data: st.DataObject, words: list[str]) -> None:
    index = LiteralIndex(words)
    text = data.draw(texts_from(words))
    for hay in (text, text.lower(), text.casefold()):
        probe = index.probe(hay)
        assert index.found(hay) == frozenset(w for w in index.literals if w in hay)
        for asked in [*words, *(v for w in words for v in _variants(w)), "", "a", "zz", "\n"]:
            assert (asked in probe) == (asked in hay), (asked, hay)


@settings(max_examples=300, deadline=None)
@given(texts_from(LITERALS))
def test_probe_answers_every_trigger_literal(text: str) -> None:
    for hay in (text, text.lower()):
        probe = INDEX.probe(hay)
        for w in LITERALS:
            assert (w in probe) == (w in hay), (w, hay)


@settings(max_examples=200, deadline=None)
@given(texts_from(LITERALS))
def test_trigger_decisions_do_not_change(text: str) -> None:
    lowered = text.lower()
    probe = INDEX.probe(lowered)
    for r in RULES:
        assert r.triggered(text, lowered, probe) == r.triggered(text, lowered), r.code


@pytest.mark.parametrize(
    "text",
    [
        "",
        "İstanbul FORUM JUMP",
        "STRAßE Quick Navigation Sauter vers",
        "ﬁnd the ﬁrst post",
        "Schnellnavigation\nWÄHLE EIN FORUM AUS",
        "ПЕРЕЙТИ К разделу",
        "click to expand...click to expand",
        "posted byposted by",
    ],
)
def test_trigger_decisions_on_examples(text: str) -> None:
    lowered = text.lower()
    probe = INDEX.probe(lowered)
    for w in LITERALS:
        assert (w in probe) == (w in lowered)
    for r in RULES:
        assert r.triggered(text, lowered, probe) == r.triggered(text, lowered), r.code
