"""The literal guards in front of rule patterns (``text.could_match``) never hide a match.

``necessary_literals`` reads, off a pattern's source, strings one of which occurs in every match; ``could_match``
skips the pattern when none occurs. The guard index answers those questions for a text with one Aho-Corasick
pass over every guard literal: its answers must be those of the plain substring tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import postclean
from postclean import text as T
from postclean._lazy import compile_all, patterns

ROOT = Path(__file__).resolve().parent.parent


def _sample_texts() -> list[str]:
    """Every per-rule fixture input (chrome and prose in nine languages) and every golden input."""
    out: list[str] = []
    for f in sorted((ROOT / "fixtures" / "rules").glob("*.yaml")):
        for cases in (yaml.safe_load(f.read_text(encoding="utf-8")) or {}).values():
            out.extend(c["input"] for c in cases if isinstance(c, dict) and isinstance(c.get("input"), str))
    out.extend(
        f.read_text(encoding="utf-8") for f in sorted((ROOT / "fixtures" / "goldens").glob("**/*.txt"))
    )
    return out


def test_guards_are_necessary() -> None:
    """Over the fixture texts: a pattern that matches a text always passes its guard there."""
    compile_all()
    texts = _sample_texts()
    assert len(texts) > 500
    guarded = [p for p in patterns() if T.necessary_literals(p) is not None]
    assert len(guarded) > 100
    wrong = []
    for p in guarded:
        lits, fold = T.necessary_literals(p)  # type: ignore[misc]
        for t in texts:
            hay = t.casefold() if fold else t
            if not any(w in hay for w in lits) and p.search(t) is not None:
                wrong.append((p.pattern[:80], t[:80]))
                break
    assert not wrong, wrong[:5]


@pytest.mark.skipif(T._guard_index() is None, reason="the guard index needs the optional ahocorasick_rs")
@settings(max_examples=200, deadline=None)
@given(
    groups=st.lists(
        st.lists(st.text(alphabet="abcßdé ẞ\nxy", min_size=2, max_size=4), min_size=1, max_size=6),
        min_size=1,
        max_size=12,
    ),
    texts=st.lists(st.text(alphabet="abcßdé ẞ\nXYxy", max_size=40), min_size=1, max_size=4),
    fold=st.booleans(),
)
def test_guard_index_answers_as_substring_tests(
    groups: list[list[str]], texts: list[str], fold: bool
) -> None:
    """Asked in any order, before and after rebuilds, about the same and different texts: the plain answer."""
    index = T._GuardIndex()
    index._REBUILD_AT = 3  # rebuild often
    for _ in range(3):
        for text in texts:
            hay = T.folded(text) if fold else text
            for group in groups:
                lits = tuple(sorted({w.casefold() for w in group} if fold else set(group)))
                want = any(w in hay for w in lits)
                state = index.covers(lits, fold)
                found = index.found(text, fold, state) if state is not None else None
                got = want if found is None else not found.isdisjoint(lits)
                assert got == want, (lits, text)


def test_could_match_uses_the_index_on_repeated_questions() -> None:
    """A text asked about twice gets its one pass, and the answers stay those of the plain tests."""
    if T._guard_index() is None:
        pytest.skip("the guard index needs the optional ahocorasick_rs")
    index = T._GuardIndex()
    index._REBUILD_AT = 1
    saved = list(T._INDEX)
    T._INDEX[:] = [index]
    try:
        text = "Posted by someone\nLast edited by someone else; Today at 10:00\n"
        pats = [
            regex.compile(rf"^[ \t]*+(?:{w})[ \t]*$", regex.MULTILINE | regex.IGNORECASE)
            for w in ("last edited by[^\n]*", "posted by[^\n]*", "zzqqx words", "thread starter")
        ]
        for _ in range(3):
            assert [T.could_match(p, text) for p in pats] == [True, True, False, False]
        assert any(e[0] is text and e[3] is not None for e in index.texts.values())
    finally:
        T._INDEX[:] = saved


def test_the_index_changes_no_result() -> None:
    """The text door gives the same documents with the guard index as with the plain tests."""
    inputs = _sample_texts()[::7]
    with_index = [postclean.clean(t, kind="text").text for t in inputs]
    saved = list(T._INDEX)
    T._INDEX[:] = [None]
    try:
        without = [postclean.clean(t, kind="text").text for t in inputs]
    finally:
        T._INDEX[:] = saved
    assert with_index == without
