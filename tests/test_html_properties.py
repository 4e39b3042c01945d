"""Property tests for the HTML door: never raises, and bodies hold only text that was in the page."""

from __future__ import annotations

import html as htmllib

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from postclean.html import extract_page

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


def _norm(s: str) -> str:
    return regex.sub(r"\s+", "", s)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markup())
def test_bodies_hold_only_page_text(body: str) -> None:
    html = f"<html><body>{body}</body></html>"
    page = extract_page(html)
    # compare with the text as the HTML parser sees it (it may move misplaced text, e.g. out of tables)
    tree = LexborHTMLParser(html)
    parsed = tree.body.text(separator="") if tree.body is not None else ""
    source = _norm(htmllib.unescape(regex.sub(r"<[^>]*>", "", html))) + "\x00" + _norm(parsed)
    for post in page.posts:
        for line in post.lines:
            for piece in regex.split(r"\[image: [^\]]*\]", line):
                for word in piece.split():
                    assert _norm(word) in source
