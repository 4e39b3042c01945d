"""The text door on extractor settings the gap suites do not run: trafilatura's Markdown output and its
``favor_recall`` mode, Resiliparse on the whole page, html2text without links; and on extractors they do not run
(:mod:`more_flatteners`): pandoc's plain text and GitHub Markdown (wrapped at 72 columns or not), the article
extractors newspaper4k and goose3, lynx and w3m at 200 columns, and a browser's ``innerText`` (copy-paste).
Pipelines call extractors with settings of their own, and the hidden inputs are not only the defaults.

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
from more_flatteners import MISSING, more_flatteners
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
    out.update(more_flatteners())
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


#: Runs that still lose a post paragraph, and why (each must fail: the test is a strict xfail).
KNOWN_LOSSES: dict[tuple[str, str], str] = {
    ("phpbb2", "newspaper4k"): "newspaper4k glues a signature's last line and the next post's first on one line",
    ("phpbb-subsilver2", "pandoc-plain"): (
        "pandoc's grid tables print the poster and message columns side by side between | borders, the message "
        "a table nested in a cell: the text door does not read a grid table's cells apart yet"
    ),
}


def _params() -> list[object]:
    out: list[object] = []
    for setting in sorted(SETTINGS):
        for suite, name in CASES:
            why = KNOWN_LOSSES.get((name, setting))
            marks = [pytest.mark.xfail(reason=why, strict=True)] if why else []
            out.append(pytest.param(suite, name, setting, marks=marks, id=f"{setting}-{suite}-{name}"))
    return out


@pytest.mark.skipif(not SETTINGS, reason="no extractor of the test extras is installed (pip install -e '.[test]')")
@pytest.mark.parametrize(("suite", "name", "setting"), _params())
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


@pytest.mark.parametrize("tool", sorted(MISSING) or ["-"])
def test_missing_tools_reported(tool: str) -> None:
    """An extractor whose tool is not installed here is left out, with the reason."""
    if tool == "-":
        return
    pytest.skip(MISSING[tool])
