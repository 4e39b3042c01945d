"""Localised thread pages (``fixtures/i18n``): the same synthetic threads in nine languages, each engine's own
markup and interface strings, through the HTML door and through every extractor installed here.

Each run must keep every post paragraph the input holds, leave none of the page's interface strings in
``doc.text``, and find the posts' authors in order (an extractor that drops the poster blocks, trafilatura,
may find none). Runs that still fail are listed in ``fixtures/i18n/known_gaps.txt`` (``page lang extractor``,
one a line, ``#`` comments): they are strict expected failures, so a fix that makes one pass fails the test
until its line is removed.
"""

from __future__ import annotations

import html as html_lib

import pytest
from i18n_pages import I18N, Page, flatteners, left_chrome, pages, shown_as_poster

import postclean
from postclean.phrases import LANGUAGES

PAGES = list(pages())
FLATTENERS = flatteners()
EXTRACTORS = ["html", *FLATTENERS]


def _known_gaps() -> set[tuple[str, str, str]]:
    path = I18N / "known_gaps.txt"
    if not path.exists():
        return set()
    out: set[tuple[str, str, str]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, lang, extractor = line.split()
            out.add((name, lang, extractor))
    return out


GAPS = _known_gaps()


def _params() -> list[object]:
    out: list[object] = []
    for page in PAGES:
        for extractor in EXTRACTORS:
            marks = (
                [pytest.mark.xfail(strict=True, reason="known gap (fixtures/i18n/known_gaps.txt)")]
                if (page.name, page.lang, extractor) in GAPS
                else []
            )
            out.append(pytest.param(page, extractor, marks=marks, id=f"{page.name}-{page.lang}-{extractor}"))
    return out


def problems(page: Page, extractor: str) -> list[str]:
    """What is wrong with postclean's result on ``page`` through ``extractor`` (empty: nothing)."""
    if extractor == "html":
        source, kind = page.html, "html"
    else:
        source, kind = FLATTENERS[extractor](page.html), "text"
    doc = postclean.clean(source, kind=kind)  # type: ignore[arg-type]
    out: list[str] = []
    left = left_chrome(doc.text, page.chrome)
    if left:
        out.append(f"chrome left: {left}")
    present = (lambda c: c in source) if kind == "text" else (lambda c: _in_page(c, page.html))
    lost = [c[:50] for c in page.content if present(c) and c not in doc.text]
    if lost:
        out.append(f"content lost: {lost}")
    authors = [p.author.name for p in doc.posts if p.author is not None and p.author.name]
    # (the posts an extractor kept: trafilatura and Resiliparse keep some posts' text only, or none, and may keep
    # a name only in a quote header or an edit note)
    expected = (
        list(page.authors)
        if kind == "html"
        else [a for a in page.authors if shown_as_poster(a, source, page.mentions, page.authors, page.reactions)]
    )
    if authors != expected:
        out.append(f"authors {authors} (expected {expected})")
    if authors and doc.engine != page.engine:
        out.append(f"engine {doc.engine} (expected {page.engine})")
    return out


def _in_page(text: str, html: str) -> bool:
    return html_lib.escape(text, quote=True) in html or text in html


@pytest.mark.parametrize(("page", "extractor"), _params())
def test_localised_page(page: Page, extractor: str) -> None:
    found = problems(page, extractor)
    assert not found, found


def test_every_language_and_engine_is_there() -> None:
    langs = {p.lang for p in PAGES}
    assert langs == set(LANGUAGES)
    assert {"xenforo", "vbulletin", "phpbb", "smf", "mybb", "fluxbb", "invision", "discourse", "nodebb"} <= {
        p.engine for p in PAGES
    }


def test_a_name_only_after_the_thanks_heading_is_no_poster() -> None:
    reactions = ("For This Useful Post:",)
    names = ("quillpen", "marlin")
    line = "The Following User Says Thank You to quillpen For This Useful Post: | marlin (03-15-2019)"
    assert shown_as_poster("quillpen", line, (), names, reactions)  # (the thanked user wrote the post)
    assert not shown_as_poster("marlin", line, (), names, reactions)
    assert not shown_as_poster("marlin", "… For This Useful Post:\n\t marlin (03-15-2019)", (), names, reactions)
    assert shown_as_poster("marlin", line + "\nmarlin\nSenior Member\nThe tide is out.", (), names, reactions)
