"""Property tests for the HTML door: never raises, and bodies hold only text that was in the page."""

from __future__ import annotations

import html as htmllib
import random
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from postclean.html import extract_page

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "html"

TAGS = ["div", "p", "span", "b", "blockquote", "article", "li", "ul", "br", "pre", "table", "td", "a", "img",
        "section", "time", "aside", "h3"]
CLASSES = ["message", "message--post", "bbWrapper", "post", "content", "postbody", "cPost", "crawler-post",
           "signature", "bbCodeBlock--quote", "quote", "author", "username", ""]
WORDS = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x24F, blacklist_characters="<>&"),
                max_size=20)


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(st.sampled_from(TAGS))
            cls = draw(st.sampled_from(CLASSES))
            inner = draw(markup(depth + 1))
            close = draw(st.booleans())
            parts.append(f'<{tag} class="{cls}">{inner}' + (f"</{tag}>" if close else ""))
        else:
            parts.append(draw(WORDS))
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_never_raises_on_any_text(s: str) -> None:
    page = extract_page(s)
    assert isinstance(page.posts, tuple)
    assert not [f for f in page.flags if "error" in f], page.flags  # caught, but the page would be lost


def _norm(s: str) -> str:
    return regex.sub(r"\s+", "", s)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markup())
def test_bodies_hold_only_page_text(body: str) -> None:
    html = f"<html><body>{body}</body></html>"
    page = extract_page(html)
    assert not [f for f in page.flags if "error" in f], page.flags
    # compare with the text as the HTML parser sees it (it may move misplaced text, e.g. out of tables)
    tree = LexborHTMLParser(html)
    parsed = tree.body.text(separator="") if tree.body is not None else ""
    source = _norm(htmllib.unescape(regex.sub(r"<[^>]*>", "", html))) + "\x00" + _norm(parsed)
    for post in page.posts:
        for line in post.lines:
            for piece in regex.split(r"\[image: [^\]]*\]", line):
                for word in piece.split():
                    assert _norm(word) in source


#: Damage a saved page can carry (a truncated download, a broken template, stray bytes), applied to our own pages.
_DAMAGE = ["<", ">", "</div>", "<div>", "<br>", "&", "&#0;", "&#xD800;", "\x00", "<!--", "]]>", "<table>", "<td>",
           "<blockquote>", "<script>", "\ufeff", "<time datetime='2021-13-45T99:99'>x</time>",
           "<abbr class='DateTime' data-time='99999999999999999999'>x</abbr>",
           "<span class='DateTime' title='Feb 30, 2021 at 25:61 PM'>x</span>"]


def _damaged(page: str, rnd: random.Random) -> str:
    for _ in range(rnd.randint(1, 8)):
        op, i = rnd.randrange(4), rnd.randrange(len(page) + 1)
        if op == 0:
            page = page[:i] + rnd.choice(_DAMAGE) + page[i:]
        elif op == 1:
            page = page[:i] + page[i + rnd.randint(1, 5000):]
        elif op == 2:  # a stretch of the page repeated (a template loop gone wrong)
            j = rnd.randrange(len(page) + 1)
            a, b = min(i, j), max(i, j)
            page = page[:b] + page[a:b][:20000] + page[b:]
        else:
            page = page[:i]
    return page


@pytest.mark.parametrize("name", sorted(p.stem for p in FIX.glob("*.html")))
def test_damaged_pages_never_lose_the_page(name: str) -> None:
    """Seeded damage to every fixture page: the door may read less, but never fails on the page as a whole."""
    rnd = random.Random(name)
    page = (FIX / f"{name}.html").read_text(encoding="utf-8")
    for _ in range(4):
        got = extract_page(_damaged(page, rnd))
        assert not [f for f in got.flags if "error" in f], got.flags
