"""The text door on extractor settings the gap suites do not run: trafilatura's Markdown output and its
``favor_recall`` mode, Resiliparse on the whole page, html2text without links. Pipelines call extractors with
settings of their own, and the hidden inputs are not only the defaults.

Over every page of the three gap suites (unseen software, modern and classic variants) × each setting installed
here: no post paragraph the flattened text holds may be lost, the result is clean a second time (idempotent or
removing chrome only, never a post paragraph), and the text is never flagged as an error.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest
import test_text_unseen
import test_text_variants_modern
import test_variants_classic
from text_gaps import GapSuite, norm

import postclean


def _settings() -> dict[str, Callable[[str], str]]:
    out: dict[str, Callable[[str], str]] = {}
    try:
        import trafilatura

        out["trafilatura-markdown"] = lambda h: (
            trafilatura.extract(h, output_format="markdown", include_formatting=True, include_comments=True) or ""
        )
        out["trafilatura-recall"] = lambda h: trafilatura.extract(h, favor_recall=True) or ""
    except ImportError:
        pass
    try:
        from resiliparse.extract.html2text import extract_plain_text

        out["resiliparse-page"] = lambda h: str(extract_plain_text(h, main_content=False))
    except ImportError:
        pass
    try:
        import html2text

        def no_links(h: str) -> str:
            conv = html2text.HTML2Text()
            conv.body_width = 0
            conv.ignore_links = True
            conv.ignore_images = True
            return str(conv.handle(h))

        out["html2text-nolinks"] = no_links
    except ImportError:
        pass
    return out


SETTINGS = _settings()
SUITES: dict[str, GapSuite] = {
    "unseen": test_text_unseen.SUITE,
    "modern": test_text_variants_modern.SUITE,
    "classic": test_variants_classic.SUITE,
}
CASES = [(suite, exp.name) for suite, s in SUITES.items() for exp in s.pages]


@functools.cache
def _flat(suite: str, name: str, setting: str) -> str:
    return SETTINGS[setting](SUITES[suite].html_of(name))


@pytest.mark.skipif(not SETTINGS, reason="no extractor of the test extras is installed (pip install -e '.[test]')")
@pytest.mark.parametrize("setting", sorted(SETTINGS))
@pytest.mark.parametrize(("suite", "name"), CASES, ids=[f"{s}-{n}" for s, n in CASES])
def test_no_post_paragraph_lost(suite: str, name: str, setting: str) -> None:
    src = _flat(suite, name, setting)
    doc = postclean.clean(src, kind="text")
    assert not any(f.startswith("error") for f in doc.flags), doc.flags
    flat_in, flat_out = norm(src), norm(doc.text)
    paragraphs = SUITES[suite].paragraphs(name)
    lost = [p for p in paragraphs if p in flat_in and p not in flat_out]
    assert not lost, f"post paragraphs lost: {lost}"
    again = postclean.clean(doc.text, kind="text")
    flat_again = norm(again.text)
    lost_again = [p for p in paragraphs if p in flat_out and p not in flat_again]
    assert not lost_again, f"post paragraphs lost on a second cleaning: {lost_again}"
