"""Accuracy floors on the shared forum corpus (skipped when ../shared is absent)."""

from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest
import regex

from postclean.html import extract_page

CORPUS = (Path(__file__).parents[1] / ".." / "shared").resolve() / "corpus"
PACKED = ["xenforo2", "xenforo1", "discourse", "invision", "phpbb", "vbulletin", "stackexchange", "nodebb",
          "reddit", "fluxbb", "smf", "mybb", "flarum", "vanilla", "lemmy"]


def _pages(engine: str) -> list[Path]:
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} not found: the shared corpus is not beside the project checkout")
    return sorted(p for p in (CORPUS / engine).glob("*.html") if p.with_suffix(".truth.json").exists())


def _f1(a: str, b: str) -> float:
    ta = collections.Counter(regex.findall(r"\w+", a.lower()))
    tb = collections.Counter(regex.findall(r"\w+", b.lower()))
    inter = sum((ta & tb).values())
    if not inter:
        return 0.0
    p, r = inter / sum(ta.values()), inter / sum(tb.values())
    return 2 * p * r / (p + r)


@pytest.mark.parametrize("engine", PACKED)
def test_engine_pages(engine: str) -> None:
    pages = _pages(engine)
    if not pages:
        pytest.skip(f"no annotated pages for {engine}")
    scores = []
    for path in pages:
        truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
        page = extract_page(path.read_text(encoding="utf-8", errors="replace"))
        text = "\n\n".join("\n".join(p.lines) for p in page.posts)
        scores.append(_f1(text, truth["main_content"]))
        assert page.engine is not None or engine == "custom", path.name
    assert sum(scores) / len(scores) >= 0.6, (engine, scores)
