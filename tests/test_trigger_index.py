"""The one-pass index of trigger literals answers exactly what a substring scan per literal answers.

``Rule.triggered`` looks for its trigger words (and the literals read off its trigger pattern) in the lower-cased
document. The engine asks a :class:`~postclean.rules.LiteralProbe` instead of scanning once per literal; these
tests check that ``w in probe`` is ``w in text`` for any string and that no rule's decision changes, on texts
full of case-folding corner cases (dotted capital I, ß and ẞ, dotless i, ligatures, final sigma, Kelvin sign,
combining marks) and non-ASCII words.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import postclean
from postclean import engine
from postclean.packs import generic, page
from postclean.rules import (
    LiteralIndex,
    Rule,
    _literal_runs,
    _split_alternatives,
    trigger_literals,
    trigger_plan,
)
from postclean.text import TextView, search_lines

#: Characters whose lower-casing or case-folding is unusual, plus plain letters, blanks and punctuation.
ODD = "İıiIßẞﬁﬀΣσςKkÅåǅǆé\u0307äöüйЙ×｜·|"
ALPHABET = "abcdefgilnorst" + " \t\n\xa0\u2028\x1c\u3000.:-()#" + ODD

RULES = postclean._default().rules
LITERALS = sorted(trigger_literals(RULES))
INDEX = LiteralIndex(LITERALS)
#: both ways of finding the literals: the Aho-Corasick automaton of the ``fast`` extra (when installed) and the
#: trie pass
TRIE_INDEX = LiteralIndex(LITERALS, automaton=False)
AUTOMATON = pytest.mark.parametrize("automaton", [True, False], ids=["default", "trie"])


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
        st.lists(
            st.text(alphabet="abİıßſﬁσς .\u0307й\n\xa0\u2028", min_size=1, max_size=6), min_size=1, max_size=6
        )
    )
    words = list(base)
    for w in base:
        words += [w[:k] for k in range(1, len(w)) if draw(st.booleans())]
    for _ in range(draw(st.integers(0, 3))):
        words.append(draw(st.sampled_from(base)) + draw(st.sampled_from(base)))
    return words


@AUTOMATON
@settings(max_examples=400, deadline=None)
@given(st.data(), related_words())
def test_probe_is_a_substring_test(automaton: bool, data: st.DataObject, words: list[str]) -> None:
    index = LiteralIndex(words, automaton=automaton)
    text = data.draw(texts_from(words))
    for hay in (text, text.lower(), text.casefold()):
        probe = index.probe(hay)
        assert index.found(hay) == frozenset(w for w in index.literals if w in hay)
        for asked in [*words, *(v for w in words for v in _variants(w)), "", "a", "zz", "\n"]:
            assert (asked in probe) == (asked in hay), (asked, hay)


@AUTOMATON
@settings(max_examples=300, deadline=None)
@given(st.data(), related_words())
def test_holds_any_is_any_substring(automaton: bool, data: st.DataObject, words: list[str]) -> None:
    index = LiteralIndex(words, automaton=automaton)
    text = data.draw(texts_from(words))
    asked = tuple(data.draw(st.lists(st.sampled_from([*words, "", "a", "zz", "\n"]), max_size=6)))
    for hay in (text, text.lower()):
        probe = index.probe(hay)
        for _ in range(2):  # the second time from the remembered plan
            assert probe.holds_any(asked) == any(w in hay for w in asked), (asked, hay)


@AUTOMATON
@settings(max_examples=300, deadline=None)
@given(st.data(), related_words())
def test_present_is_the_words_found(automaton: bool, data: st.DataObject, words: list[str]) -> None:
    index = LiteralIndex(words, automaton=automaton)
    text = data.draw(texts_from(words))
    asked = tuple(data.draw(st.lists(st.sampled_from([*words, "", "a", "zz", "\n"]), max_size=6)))
    for hay in (text, text.lower()):
        probe = index.probe(hay)
        for _ in range(2):  # the second time from the remembered plan
            assert set(probe.present(asked)) == {w for w in asked if w in hay}, (asked, hay)


@AUTOMATON
@settings(max_examples=300, deadline=None)
@given(st.data(), related_words())
def test_found_on_repeated_lines(automaton: bool, data: st.DataObject, words: list[str]) -> None:
    # the scan skips a line seen before: what it finds is still what a substring test per literal finds
    index = LiteralIndex(words, automaton=automaton)
    lines = data.draw(st.lists(texts_from(words), min_size=1, max_size=5))
    text = "\n".join(data.draw(st.lists(st.sampled_from(lines), max_size=10)))
    assert index.found(text) == frozenset(w for w in index.literals if w in text)


@AUTOMATON
@settings(max_examples=300, deadline=None)
@given(texts_from(LITERALS))
def test_probe_answers_every_trigger_literal(automaton: bool, text: str) -> None:
    index = INDEX if automaton else TRIE_INDEX
    for hay in (text, text.lower()):
        probe = index.probe(hay)
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


def _cleaner_decisions(text: str) -> None:
    """The cleaner's batch answer (checks read off the probe's findings, one answer per shared trigger pattern)
    is each rule's own answer, for every scope's rules asked in turn about one text."""
    cleaner = postclean._default()
    lowered = text.lower()
    probe = cleaner._probe(lowered)
    answers: dict[tuple[object, ...], bool] = {}
    for rules in (cleaner._post_rules, cleaner._doc_rules, cleaner._thread_rules):
        want = [r for r in rules if r.triggered(text, lowered)]
        assert cleaner._triggered(rules, text, probe, answers) == want
        assert cleaner._triggered(rules, text, probe) == want
        assert cleaner._triggered(rules, text) == want


@settings(max_examples=150, deadline=None)
@given(texts_from(LITERALS))
def test_cleaner_trigger_decisions_do_not_change(text: str) -> None:
    _cleaner_decisions(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Quote Originally Posted by someone\nthe reply",
        "an original message about the original plan",
        "İstanbul FORUM JUMP",
        "STRAßE Quick Navigation Sauter vers",
        "posted byposted by",
    ],
)
def test_cleaner_trigger_decisions_on_examples(text: str) -> None:
    _cleaner_decisions(text)


def test_rules_sharing_a_trigger_pattern_share_its_answer() -> None:
    # several packs' rules look for the same pattern (a quote header's phrases): it is searched once per text
    cleaner = postclean._default()
    keys = [engine._trigger_check(r, cleaner._index.literals)[2] for r in cleaner.rules] if cleaner._index else []
    shared = [k for k in keys if k is not None and keys.count(k) > 1]
    assert shared


# -- trigger plans ---------------------------------------------------------------------------------------------

PATTERN_RULES = [r for r in RULES if r.trigger is not None]
SURE = sorted({w for r in PATTERN_RULES if r.trigger is not None for w in trigger_plan(r.trigger)[1]})

#: Look-alikes IGNORECASE may take for an ASCII letter (or not): the Kelvin sign, dotted capital I, long s, dotless i.
LOOKALIKES = {"k": "\u212a", "i": "İı", "s": "ſ"}


@st.composite
def disguised(draw: st.DrawFn, words: list[str]) -> str:
    """A word with some letters in capitals or swapped for a look-alike."""
    w = draw(st.sampled_from(words))
    out = []
    for ch in w:
        choice = draw(st.integers(0, 3))
        if choice == 1:
            out.append(ch.upper())
        elif choice == 2 and ch in LOOKALIKES:
            out.append(draw(st.sampled_from(LOOKALIKES[ch])))
        else:
            out.append(ch)
    return "".join(out)


def _plain_triggered(r: Rule, text: str, lowered: str) -> bool:
    """``Rule.triggered`` as it was before the literal index and the per-alternative plans."""
    if not r.trigger_words and r.trigger is None:
        return True
    if r.trigger_words and any(w in lowered for w in r.trigger_words):
        return True
    if r.trigger is None:
        return False
    literals, sure = trigger_plan(r.trigger)
    if literals is not None:
        if not any(w in lowered for w in literals):
            return False
        if (
            sure == literals
            and r.trigger.flags & regex.IGNORECASE
            and all(_literal_runs(a)[1] for a in _split_alternatives(r.trigger.pattern) or ())
        ):
            return True
    return search_lines(r.trigger, text) is not None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(disguised(SURE), st.text(alphabet=ALPHABET, max_size=8)), max_size=8))
def test_a_sure_literal_is_a_match(parts: list[str]) -> None:
    text = " ".join(parts)
    lowered = text.lower()
    for r in PATTERN_RULES:
        assert r.trigger is not None
        sure = trigger_plan(r.trigger)[1]
        if any(w in lowered for w in sure):
            assert search_lines(r.trigger, text) is not None, (r.code, text)
        assert r.triggered(text, lowered) == _plain_triggered(r, text, lowered), r.code


def test_breadcrumb_trigger_is_its_old_pattern() -> None:
    old = regex.compile(r"[›»>→]|::", regex.IGNORECASE | regex.MULTILINE)
    rule = next(r for r in RULES if r.code == "PAGE002")
    for text in [
        "",
        "a > b",
        "Home › Forums",
        "x»y",
        "→",
        "a: :b",
        "std::vector",
        "A :: B",
        "none here",
        ">",
    ]:
        assert rule.triggered(text, text.lower()) == (old.search(text) is not None), text


# -- per-post word checks ----------------------------------------------------------------------------------------

CLEANER = postclean._default()
WORD_RULES = [r for r in CLEANER.rules if r.trigger_words]
WORDS = sorted({w for r in WORD_RULES for w in r.trigger_words})


@settings(max_examples=300, deadline=None)
@given(st.lists(texts_from([*WORDS, "ΣΟΦΙΑΣ", "ΑΣ", "İ"]), min_size=1, max_size=12), st.data())
def test_post_word_checks_use_the_document_words(lines: list[str], data: st.DataObject) -> None:
    lines = [x for line in lines for x in line.split("\n")]
    text = "\n".join(lines)
    probe = INDEX.probe(text.lower())
    a = data.draw(st.integers(0, len(lines) - 1))
    b = data.draw(st.integers(a + 1, len(lines)))
    post = [x if data.draw(st.booleans()) else "" for x in lines[a:b]]  # some lines removed
    post_text = "\n".join(post)
    doc_words = engine._doc_words(WORD_RULES, probe)
    assert CLEANER._for_post(WORD_RULES, post_text, doc_words) == CLEANER._for_post(WORD_RULES, post_text)


# -- rules asking the document probe -------------------------------------------------------------------------

PROBE_PIECES = [*page._FOOTER_HINTS, *generic._CONSENT_MARKERS, "ΣΟΦΙΑΣ", "İ", "Powered by Example", "© 2024"]


@settings(max_examples=300, deadline=None)
@given(st.lists(texts_from(PROBE_PIECES), min_size=1, max_size=10), st.data())
def test_rules_asking_the_probe_find_what_they_found_without(parts: list[str], data: st.DataObject) -> None:
    lines = [x for part in parts for x in part.split("\n")]
    a = data.draw(st.integers(0, len(lines) - 1))
    b = data.draw(st.integers(a + 1, len(lines)))
    post = [x if data.draw(st.booleans()) else "" for x in lines[a:b]]  # some lines removed
    for k in range(len(post)):
        if data.draw(st.integers(0, 3)) == 0:
            # a line an earlier rule cut: the document's line had a "#" inside a phrase the post's line holds
            phrase = data.draw(st.sampled_from(PROBE_PIECES))
            j = data.draw(st.integers(1, len(phrase)))
            lines[a + k] = phrase[:j] + "#" + phrase[j:]
            post[k] = phrase
    probe = INDEX.probe("\n".join(lines).lower())

    def view(with_probe: bool) -> TextView:
        v = TextView(post, context={"probe": probe} if with_probe else {})
        v.original = tuple(lines[a:b])
        return v

    lowered = view(True).text.lower()
    markers = generic._markers(view(True))
    assert all(m in markers for m in generic._CONSENT_MARKERS if m in lowered)
    page._PRESENT.clear()
    with_probe = page._present(view(True), page._FOOTER_HINTS, 400)
    page._PRESENT.clear()
    assert with_probe == page._present(view(False), page._FOOTER_HINTS, 400)
    for rule in (generic.consent_panel, page.nav_menu, page.footer):
        page._PRESENT.clear()
        hits = [(h.start, h.end, h.reason, h.cols) for h in rule.detect(view(True))]
        page._PRESENT.clear()
        assert hits == [(h.start, h.end, h.reason, h.cols) for h in rule.detect(view(False))], rule.code


def test_the_fast_extra_is_used_when_installed() -> None:
    pytest.importorskip("ahocorasick_rs", reason="the optional `fast` extra (ahocorasick_rs) is not installed")
    assert INDEX._automaton is not None and TRIE_INDEX._automaton is None
    text = "posted by someone\nquote: originally posted by x\n" * 3
    assert INDEX.found(text) == TRIE_INDEX.found(text) != frozenset()


def test_padded_text_costs_linear_time() -> None:
    # runs of blanks on every line (converters pad table cells): a literal of blanks occurs at every position,
    # which must not make the index list a million occurrences
    import time

    text = "".join(" " * 200 + f"posts {i} quote\n" for i in range(5000))
    for index in (INDEX, TRIE_INDEX):
        start = time.process_time()
        found = index.found(text)
        assert time.process_time() - start < 2.0
        assert found == frozenset(w for w in index.literals if w in text)
