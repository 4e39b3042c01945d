"""The text door on forum software it has no text pack for: the ``fixtures/html/unseen-*.html`` thread pages
(bbPress, Discuz!, Hacker News, phpBB 2, Khoros, Disqus, YaBB, GitHub Discussions, UBB.threads, Simple:Press,
WoltLab Burning Board, IP.Board 3, uCoz, Zendesk Guide, ProBoards, Kunena, Forumotion, vichan, Steam discussions,
HyperKitty) flattened by every extractor installed here, cleaned with ``kind="text"``.

Per page × extractor: no post paragraph that the flattened text holds may be lost (hard failure); the page's chrome
strings (``tests/test_html_unseen.py``) still standing in ``doc.text``, the posters not found and an engine named that
the page is not (``doc.engine``: a pack whose shapes the page shares) are listed, exactly, in
``fixtures/text_unseen/known_gaps.txt`` (``page extractor chrome: STRING`` / ``page extractor authors: N/M`` /
``page extractor engine: NAME``). A gap
that gets fixed fails the test as surely as a new one, so the list stays honest: rewrite it with
``python tests/test_text_unseen.py --write`` and read the diff.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import pytest
import text_gaps
from test_html_unseen import PAGES
from text_gaps import GapSuite


@functools.cache
def _html(name: str) -> str:
    return (Path(__file__).resolve().parents[1] / "fixtures" / "html" / f"unseen-{name}.html").read_text("utf-8")


SUITE = GapSuite(
    pages=PAGES,
    html_of=_html,
    gaps_file=Path(__file__).resolve().parents[1] / "fixtures" / "text_unseen" / "known_gaps.txt",
    engine_none_is_gap=False,
    posts=None,
    header=["# The text door on the unseen engines' pages: what is still left (see tests/test_text_unseen.py).", '# Generated (python tests/test_text_unseen.py --write); one line per chrome string left / posters missed.'],
)
FLAT = text_gaps.FLAT


@pytest.mark.parametrize("extractor", sorted(FLAT))
@pytest.mark.parametrize("name", [e.name for e in PAGES])
def test_unseen_page_as_text(name: str, extractor: str) -> None:
    SUITE.check(name, extractor, "python tests/test_text_unseen.py --write")


def test_known_gaps_name_real_pages() -> None:
    assert all(page in SUITE.by_name for page, _ext in SUITE.known)


if __name__ == "__main__" and "--write" in sys.argv:
    SUITE.write()
