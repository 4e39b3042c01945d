"""Whole-post goldens: fixtures/goldens/*.txt must clean to exactly fixtures/goldens/*.json.

Regenerate after an intended behaviour change with ``POSTCLEAN_UPDATE_GOLDENS=1 pytest tests/test_goldens.py``
and review the diff (a change in cleaned output is a behaviour change: note it in CHANGELOG.md).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import FIXTURES

import postclean

TEXT_GOLDENS = sorted((FIXTURES / "goldens").glob("*.txt"))


@pytest.mark.parametrize("path", TEXT_GOLDENS, ids=lambda p: p.stem)
def test_text_golden(path: Path) -> None:
    doc = postclean.clean(path.read_bytes())
    got = doc.to_dict()
    expected_path = path.with_suffix(".json")
    if os.environ.get("POSTCLEAN_UPDATE_GOLDENS"):
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert got == expected


def test_replaying_removals_reproduces_bodies() -> None:
    """Applying the recorded removals to the input reproduces the kept lines (ftfy-style replay)."""
    for path in TEXT_GOLDENS:
        text = path.read_text(encoding="utf-8")
        doc = postclean.clean(text, kind="text")
        lines = text.split("\n")
        removed_lines = set()
        for r in doc.removals:
            assert r.lines is not None
            for i in range(r.lines[0], r.lines[1] + 1):
                removed_lines.add(i)
        kept = [line for i, line in enumerate(lines) if i not in removed_lines and line.strip()]
        body_lines = [line for p in doc.posts for line in p.body.split("\n") if line.strip()]
        assert kept == body_lines
