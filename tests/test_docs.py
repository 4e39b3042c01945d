"""Every ```python block in README.md and docs/*.md runs (blocks of one file share a namespace)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK_RE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_doc_examples_run(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocks = BLOCK_RE.findall(path.read_text(encoding="utf-8"))
    namespace: dict[str, object] = {"__name__": "__doc_example__"}
    for block in blocks:
        exec(compile(block, str(path), "exec"), namespace)


def test_doctests_in_package() -> None:
    import doctest

    import postclean
    import postclean.dates
    import postclean.layout
    import postclean.rules
    import postclean.wrapping

    for mod in (postclean, postclean.dates, postclean.layout, postclean.rules, postclean.wrapping):
        result = doctest.testmod(mod)
        assert result.failed == 0, mod.__name__
