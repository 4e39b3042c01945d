"""Shared test helpers: paths to the project's fixtures and to ../shared (optional)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = (ROOT / ".." / "shared").resolve()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear reason when shared/ is not beside the project."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: ../shared/ (seed and corpus) is not beside the project checkout")
    return path


def dotted(obj: object, path: str) -> object:
    """Follow a dotted path (``posts.0.author.name``) through dicts and lists."""
    cur = obj
    for part in path.split("."):
        if isinstance(cur, list):
            cur = cur[int(part)]
        elif isinstance(cur, dict):
            cur = cur[part]
        else:
            raise KeyError(path)
    return cur
