"""Idempotence on real extractor texts: a second cleaning of the text door's output changes nothing; and the
text door only deletes (every output character comes from the input, in order).

``clean(clean(x).text).text == clean(x).text`` holds on generated text (test_properties.py); here it is checked
on the corpus's own extracted texts (``../shared/corpus/<engine>/<page>.trafilatura.txt``, skipped when the
corpus is not beside the checkout). Set ``POSTCLEAN_TEXT_INPUTS`` to a tree of more extracted texts
(``<extractor>/<engine>/<page>.txt``) to check those too (every one; slow).

Texts a second cleaning still changes are listed in ``fixtures/idempotence_known_gaps.txt``, one key a line
(``corpus/<engine>/<page>`` or ``<extractor>/<engine>/<page>``). The list is strict both ways: a listed text that
became idempotent fails too, so that its line is removed. Regenerate the list with
``python tests/test_idempotence_corpus.py > fixtures/idempotence_known_gaps.txt`` (and read every new line).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, SHARED

import postclean

GAPS_FILE = FIXTURES / "idempotence_known_gaps.txt"


def _texts() -> Iterator[tuple[str, Path]]:
    corpus = SHARED / "corpus"
    for path in sorted(corpus.glob("*/*.trafilatura.txt")):
        yield f"corpus/{path.parent.name}/{path.name.removesuffix('.trafilatura.txt')}", path
    extra = os.environ.get("POSTCLEAN_TEXT_INPUTS")
    if extra:
        for path in sorted(Path(extra).glob("*/*/*.txt")):
            yield f"{path.parts[-3]}/{path.parts[-2]}/{path.stem}", path


def _known_gaps() -> set[str]:
    if not GAPS_FILE.exists():
        return set()
    lines = GAPS_FILE.read_text(encoding="utf-8").splitlines()
    return {s.split("#", 1)[0].strip() for s in lines if s.split("#", 1)[0].strip()}


def _second_pass_changes(text: str) -> str | None:
    """What a second cleaning takes from the first's output (lines lost and the rules that took them), or
    ``None`` when it changes nothing."""
    first = postclean.clean(text, kind="text").text
    second = postclean.clean(first, kind="text")
    if second.text == first:
        return None
    kept = set(second.text.splitlines())
    lost = [line for line in first.splitlines() if line.strip() and line not in kept]
    rules = sorted({r.code for r in second.removals})
    return f"lines lost {lost[:5]!r}; second pass rules {rules}"


def test_second_cleaning_changes_nothing() -> None:
    if not (SHARED / "corpus").exists():
        pytest.skip(f"{SHARED / 'corpus'} not found: the shared corpus is not beside the project checkout")
    gaps = _known_gaps()
    changed: dict[str, str] = {}
    seen: set[str] = set()
    for key, path in _texts():
        seen.add(key)
        change = _second_pass_changes(path.read_text(encoding="utf-8", errors="replace"))
        if change is not None:
            changed[key] = change
    assert seen, "no extracted texts found in the corpus"
    new = {k: v for k, v in changed.items() if k not in gaps}
    fixed = sorted(k for k in gaps if k in seen and k not in changed)
    assert not new, "a second cleaning changes these texts:\n" + "\n".join(f"{k}: {v}" for k, v in new.items())
    assert not fixed, f"idempotent now, remove from {GAPS_FILE.name}: {fixed}"


def _deleted_only(text: str, out: str) -> int | None:
    """Where ``out`` stops being ``text`` with pieces deleted (whitespace aside): the offset in ``out`` of the first
    character not found in order in ``text``, or ``None`` when it never does."""
    rest = iter("".join(text.split()))
    for k, ch in enumerate("".join(out.split())):
        if ch not in rest:  # (consumes ``rest`` up to the match: one pass over each text)
            return k
    return None


def test_only_deletes_on_real_texts() -> None:
    """The text door only deletes: every character of ``doc.text`` comes from the input, in order (lines it
    unwraps or unglues change whitespace only)."""
    if not (SHARED / "corpus").exists():
        pytest.skip(f"{SHARED / 'corpus'} not found: the shared corpus is not beside the project checkout")
    bad: list[str] = []
    for key, path in _texts():
        text = path.read_text(encoding="utf-8", errors="replace")
        out = postclean.clean(text, kind="text").text
        at = _deleted_only(text, out)
        if at is not None:
            flat = "".join(out.split())
            bad.append(f"{key}: {flat[max(0, at - 40):at + 10]!r}")
    assert not bad, "output characters not in the input, in order:\n" + "\n".join(bad)


def test_deleted_only_check() -> None:
    assert _deleted_only("Joined\nMar 2 2011\nHello there", "Hello\nthere") is None
    assert _deleted_only("Hello there", "there Hello") == 5


if __name__ == "__main__":
    for key, path in _texts():
        if _second_pass_changes(path.read_text(encoding="utf-8", errors="replace")) is not None:
            print(key)
