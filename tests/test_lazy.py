"""Lazily compiled patterns behave exactly like compiled ones."""

from __future__ import annotations

import pickle
import threading

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from postclean._lazy import _LazyPattern, compile_all, lazy

_SOURCES = [
    (r"^[ \t]*Joined:?[ \t]*(?P<when>\S.*)$", regex.MULTILINE | regex.IGNORECASE | regex.VERSION1),
    (r"(?m)^\#\d+$", 0),
    (r"\bcolou?r\b", regex.IGNORECASE),
]


@given(st.text(max_size=200), st.sampled_from(_SOURCES))
def test_lazy_matches_like_compiled(text: str, source: tuple[str, int]) -> None:
    eager = regex.compile(*source)
    late = lazy(*source)
    assert [m.span() for m in late.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert late.sub("x", text) == eager.sub("x", text)
    assert bool(late.search(text)) == bool(eager.search(text))
    assert late.flags == eager.flags
    assert late.pattern == eager.pattern


def test_pattern_source_does_not_compile() -> None:
    p = lazy(r"ab+c", regex.IGNORECASE)
    assert p.pattern == "ab+c"
    assert "_compiled" not in vars(p)
    assert p.match("ABBC") is not None
    assert "_compiled" in vars(p)


def test_bad_pattern_raises_on_first_use() -> None:
    p = _LazyPattern(r"(unclosed", 0)  # not registered: compile_all() below must see only good patterns
    with pytest.raises(regex.error):
        p.search("x")


def test_every_registered_pattern_compiles() -> None:
    import postclean  # imports every pack, registering its patterns
    import postclean.html

    assert compile_all() > 0
    assert postclean.precompile() >= 400
    # the derived patterns are built too, not on their first uses while a document is cleaned
    from postclean._lazy import patterns
    from postclean.packs._sniff import _SCANS
    from postclean.text import _LINE_VARIANTS

    assert all(p in _LINE_VARIANTS for p in patterns())
    assert _SCANS and all(scan._parts is not None for scan in _SCANS)


def test_threads_compile_once() -> None:
    p = lazy(r"(?:[a-z]+\d)+", regex.IGNORECASE)
    seen: list[object] = []

    def use() -> None:
        p.search("abc1def2")
        seen.append(vars(p)["_compiled"])

    threads = [threading.Thread(target=use) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(c) for c in seen}) == 1


def test_pickles_as_a_pattern_with_the_same_behaviour() -> None:
    p = lazy(r"qu?x", regex.IGNORECASE)
    q = pickle.loads(pickle.dumps(p))
    assert q.search("a QX b") is not None
