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

import functools
import sys
from pathlib import Path

import pytest
import regex
from i18n_pages import flatteners, left_chrome
from test_html_unseen import Expect
from test_variants_modern import PAGES, html_of

import postclean
from postclean.html import extract_page

GAPS_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "text_variants" / "modern_gaps.txt"
FLAT = flatteners()
BY_NAME = {e.name: e for e in PAGES}
_WS = regex.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


@functools.cache
def flattened(name: str, extractor: str) -> str:
    """The page flattened by the extractor (once per session)."""
    return FLAT[extractor](html_of(name))


@functools.cache
def paragraphs(name: str) -> tuple[str, ...]:
    """The posts' own paragraphs (the HTML door's post lines, without quotes and signatures), 12 characters or more."""
    return tuple(_norm(ln) for p in extract_page(html_of(name)).posts for ln in p.lines if len(ln.strip()) >= 12)


def gaps(exp: Expect, extractor: str) -> tuple[list[str], list[str]]:
    """(content lost, gap lines) of one run."""
    src = flattened(exp.name, extractor)
    doc = postclean.clean(src, kind="text")
    flat_in, flat_out = _norm(src), _norm(doc.text)
    lost = [p for p in paragraphs(exp.name) if p in flat_in and p not in flat_out]
    lines = []
    if doc.engine != exp.engine:
        lines.append(f"{exp.name} {extractor} engine: {doc.engine}")
    # (a leading post whose every line was page chrome is left empty: not a post)
    posts = [p for p in doc.posts if p.body.strip()]
    if len(posts) != len(exp.authors):
        lines.append(f"{exp.name} {extractor} posts: {len(posts)}/{len(exp.authors)}")
    lines += [f"{exp.name} {extractor} chrome: {c}" for c in left_chrome(doc.text, tuple(exp.chrome))]
    found = {p.author.name for p in doc.posts if p.author and p.author.name}
    want = set(exp.authors)
    if not want <= found:
        lines.append(f"{exp.name} {extractor} authors: {len(want & found)}/{len(want)}")
    return lost, lines


def _known() -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for raw in GAPS_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            page, extractor, _rest = line.split(" ", 2)
            out.setdefault((page, extractor), []).append(line)
    return out


KNOWN = _known()


@pytest.mark.parametrize("extractor", sorted(FLAT))
@pytest.mark.parametrize("name", [e.name for e in PAGES])
def test_variant_page_as_text(name: str, extractor: str) -> None:
    lost, lines = gaps(BY_NAME[name], extractor)
    assert not lost, f"post paragraphs lost: {lost}"
    assert sorted(lines) == sorted(KNOWN.get((name, extractor), [])), (
        "gaps differ from fixtures/text_variants/modern_gaps.txt (rewrite it: python tests/test_text_variants_modern.py --write)"
    )


def test_known_gaps_name_real_pages() -> None:
    assert all(page in BY_NAME for page, _ext in KNOWN)


def _write() -> None:
    head = [
        "# The text door on the modern engines' variant pages: what is still left (see tests/test_text_variants_modern.py).",
        "# Generated (python tests/test_text_variants_modern.py --write); one line per engine missed / post count off /",
        "# chrome string left / posters missed.",
        "",
    ]
    # (the gaps of extractors not installed here are kept as they were)
    body = [ln for (_p, ext), lns in KNOWN.items() if ext not in FLAT for ln in lns]
    for exp in PAGES:
        for extractor in sorted(FLAT):
            lost, lines = gaps(exp, extractor)
            if lost:
                print("LOST", exp.name, extractor, lost)
            body.extend(sorted(lines))
    GAPS_FILE.write_text("\n".join(head + body) + "\n", encoding="utf-8")
    print(len(body), "gap lines")


if __name__ == "__main__" and "--write" in sys.argv:
    _write()
