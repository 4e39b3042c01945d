"""The seed post in ../shared/seed/ must come out exactly as its expected JSON says, field by field."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import shared_path

import postclean


@pytest.fixture(scope="module")
def seed() -> tuple[postclean.Document, dict[str, Any], str]:
    seed_dir = shared_path("seed")
    expected = json.loads((seed_dir / "xenforo-article-repost.expected.json").read_text(encoding="utf-8"))
    raw = (seed_dir / expected["input"]).read_bytes()
    return postclean.clean(raw), expected, raw.decode("utf-8")


def test_engine_and_post_count(seed: tuple[postclean.Document, dict[str, Any], str]) -> None:
    doc, expected, _ = seed
    assert doc.engine == expected["engine"]
    assert len(doc.posts) == len(expected["posts"])


def test_fields(seed: tuple[postclean.Document, dict[str, Any], str]) -> None:
    doc, expected, _ = seed
    got = doc.to_dict()
    for i, exp_post in enumerate(expected["posts"]):
        post = got["posts"][i]
        for key, value in exp_post["author"].items():
            assert post["author"][key] == value, f"author.{key}"
        for key, value in exp_post["article"].items():
            assert post["article"][key] == value, f"article.{key}"
        assert post["body"] == exp_post["body"]
    assert doc.text == expected["posts"][0]["body"]


def test_removed_line_ranges(seed: tuple[postclean.Document, dict[str, Any], str]) -> None:
    doc, expected, _ = seed
    ranges = sorted(tuple(r.lines) for r in doc.removals if r.lines)
    assert ranges == sorted(tuple(v) for v in expected["removed_lines"].values())


def test_explain_names_every_removal(seed: tuple[postclean.Document, dict[str, Any], str]) -> None:
    doc, _, _ = seed
    lines = doc.explain().splitlines()
    assert len(lines) == len(doc.removals)
    assert lines[0].startswith("XF001 author-block")
    assert "L1-10" in lines[0]
