"""The text door on the modern engines' other versions and themes: the ``fixtures/html/variant-*.html`` thread pages
of ``tests/test_variants_modern.py`` (Discourse Ember, NodeBB Harmony, Flarum 1.8, Invision 5, XenForo 2.3 with a
third-party style, Vanilla Keystone) flattened by every extractor installed here, cleaned with ``kind="text"``.

These engines have text packs, so the bar is higher than for ``tests/test_text_unseen.py``: per page × extractor,
no post paragraph that the flattened text holds may be lost (hard failure); the engine sniffed, the number of
posts, the page's chrome strings still standing in ``doc.text`` and the posters not found are listed, exactly, in
``fixtures/text_variants/modern_gaps.txt`` (``page extractor engine: NAME`` / ``posts: N/M`` / ``chrome: STRING`` /
``authors: N/M``). A gap that gets fixed fails the test as surely as a new one, so the list stays honest: rewrite
it with ``python tests/test_text_variants_modern.py --write`` and read the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import text_gaps
from test_variants_modern import PAGES, html_of
from text_gaps import GapSuite

SUITE = GapSuite(
    pages=PAGES,
    html_of=html_of,
    gaps_file=Path(__file__).resolve().parents[1] / "fixtures" / "text_variants" / "modern_gaps.txt",
    posts="nonempty",
    header=["# The text door on the modern engines' variant pages: what is still left (see tests/test_text_variants_modern.py).", '# Generated (python tests/test_text_variants_modern.py --write); one line per engine missed / post count off /', '# chrome string left / posters missed.'],
)
FLAT = text_gaps.FLAT


@pytest.mark.parametrize("extractor", sorted(FLAT))
@pytest.mark.parametrize("name", [e.name for e in PAGES])
def test_variant_page_as_text(name: str, extractor: str) -> None:
    SUITE.check(name, extractor, "python tests/test_text_variants_modern.py --write")


def test_known_gaps_name_real_pages() -> None:
    assert all(page in SUITE.by_name for page, _ext in SUITE.known)


if __name__ == "__main__" and "--write" in sys.argv:
    SUITE.write()
