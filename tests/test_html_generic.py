"""The generic fallback: forums, comment systems and pages no engine pack knows.

Goldens over synthetic pages in ``fixtures/html/generic-*.html`` (each in the shape of a kind of unknown
software: hashed-class div soup, table layout, blog with a nested comment tree, Q&A, a news article), plus
properties: never raises on generated markup, and post bodies only hold text that is in the page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import postclean
from postclean.engine import RawPage
from postclean.html import extract_page
from postclean.html._generic_index import build_index, loose_date
from postclean.html._generic_posts import find_groups

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "html"
UTC = dt.timezone.utc


def page(name: str) -> RawPage:
    return extract_page((FIX / f"generic-{name}.html").read_text(encoding="utf-8"))


def bodies(pg: RawPage) -> list[str]:
    return ["\n".join(p.lines) for p in pg.posts]


def authors(pg: RawPage) -> list[str | None]:
    return [p.author.name if p.author else None for p in pg.posts]


def test_div_soup_with_hashed_classes() -> None:
    """No author links, no date markup: names and dates come from the post header's short texts."""
    pg = page("divsoup")
    assert pg.engine is None and "generic:repeated-blocks" in pg.flags
    assert pg.title == "Best way to store winter squash?"
    assert pg.starter == "Perpetua Quince"
    assert authors(pg) == ["Perpetua Quince", "Oswin Harrowgate", "Mable Tiverton"]
    # 13/10/2023 on the page shows the numeric dates are day first
    assert [p.date for p in pg.posts] == [
        dt.datetime(2023, 10, 12, 18, 42),
        dt.datetime(2023, 10, 12, 19, 15),
        dt.datetime(2023, 10, 13, 8, 1),
    ]
    assert bodies(pg)[0] == (
        "My butternuts came in heavier than ever this year.\n\nWhere do you keep them so they last until spring?"
    )
    text = "\n".join(bodies(pg))
    for chrome in ("Reply", "Search for a thread", "Log in", "Privacy", "PERPETUA"):
        assert chrome not in text


def test_table_layout_with_quotes_and_signatures() -> None:
    pg = page("table")
    assert authors(pg) == ["Cuthbert Ashdown", "Winifred Pell", "Cuthbert Ashdown"]
    assert pg.posts[0].date == dt.datetime(2021, 3, 4, 9, 12)
    assert pg.posts[2].date == dt.datetime(2021, 3, 5, 20, 3)
    second = pg.posts[1]
    assert [(q.author, q.text) for q in second.quotes] == [
        ("Cuthbert Ashdown", "Wire brush or vinegar bath?")
    ]
    assert "\n".join(second.lines) == (
        "Vinegar for the small parts, a wire wheel on a drill for the frame.\nThen a coat of stove black."
    )
    assert pg.posts[0].signature == "-- Cuthbert, mending things since the last century"
    text = "\n".join(bodies(pg))
    for chrome in ("mending things", "Posts:", "Joined", "Report", "Quote", "Posted:", "Board index"):
        assert chrome not in text


def test_blog_post_with_nested_comment_tree() -> None:
    """The article is the first post; nested replies are posts of their own, in page order."""
    pg = page("comments")
    assert pg.starter == "Tamsin Oakley"
    assert authors(pg) == ["Tamsin Oakley", "Bramble Fold", "Tamsin Oakley", "Quillon Marsh"]
    assert pg.posts[0].date == dt.datetime(2022, 11, 3, 8, 0, tzinfo=UTC)
    assert pg.posts[1].date == dt.datetime(2022, 11, 3, 10, 21, tzinfo=UTC)
    assert bodies(pg)[2] == "The fridge top is a classic warm spot, good call."
    text = "\n".join(bodies(pg))
    for chrome in ("Share this", "Twitter", "says:", "Reply", "Related posts", "Cookie policy", "Recipes"):
        assert chrome not in text


def test_question_and_answers() -> None:
    pg = page("qa")
    assert pg.starter == "Ferris Wain"
    assert authors(pg) == ["Ferris Wain", "Odile Frampton", "Lazlo Brisk"]
    assert [p.date for p in pg.posts] == [
        dt.datetime(2019, 6, 17, 14, 2),
        dt.datetime(2019, 6, 17, 15, 30),
        dt.datetime(2019, 6, 18, 9, 12),
    ]
    assert bodies(pg)[2] == "Check the pedals and the bottom bracket too, the noise is not always the chain."
    text = "\n".join(bodies(pg))
    for chrome in ("answered", "Asked by", "maintenance", "Chain skips", "Sign in", "14"):
        assert chrome not in text


def test_story_in_another_column_is_the_lead_post() -> None:
    """A story printed in a page column several wrappers away from its comment list is still the first post.

    The wrapper found beside the comments is narrowed to the article (a hidden promo banner next to it stays
    out); a member linked mid-sentence in the story ("X writes:") is text, not the byline; the byline's
    "Posted by Name on … from the … dept." gives the name only.
    """
    pg = page("story")
    assert authors(pg) == ["editorjay", "quillbert", "hollyoak", "quillbert"]
    assert pg.starter == "editorjay"
    assert pg.posts[0].date == dt.datetime(2023, 9, 8, 10, 15, tzinfo=UTC)
    lead = bodies(pg)[0]
    assert lead.startswith("marrowfield writes: The reading room on Kiln Street")
    assert lead.endswith("the children's corner gets a second story hour.")
    for chrome in ("premium plan", "Town Library Extends", "Posted by", "dept."):
        assert chrome not in lead


def test_lead_post_header_and_body_in_sibling_blocks() -> None:
    """A question printed as a header block (author, date) followed by its body block, then the replies."""
    pg = page("splitlead")
    assert authors(pg) == ["Pellworth", "Tanwick", "Orlaith"]
    assert pg.posts[0].date == dt.datetime(2019, 3, 14, 8, 5)
    assert bodies(pg)[0] == (
        "I bought a set of card scrapers and cannot get a burr on them that lasts more than a minute.\n\n"
        "Do you file them flat first, or go straight to the burnisher? Any angle that works for you?"
    )
    assert "Replies" not in "\n".join(bodies(pg))


def test_news_article_is_one_post_with_meta_author_and_date() -> None:
    pg = page("news")
    assert "generic:main-content" in pg.flags
    assert pg.title == "Harbour ferry returns after winter repairs"
    assert pg.starter == "Rosalind Pike"
    (post,) = pg.posts
    assert post.date == dt.datetime(2024, 4, 2, 6, 30, tzinfo=UTC)
    assert post.lines[0] != "Harbour ferry returns after winter repairs"
    doc = postclean.clean((FIX / "generic-news.html").read_text(encoding="utf-8"), kind="html")
    body = doc.posts[0].body
    assert body.startswith("The little blue ferry")
    assert body.endswith("the first trip would be free.")
    for chrome in ("cookies", "Sport", "Lifeboat", "Contact", "Privacy"):
        assert chrome not in body


@pytest.mark.parametrize("name", ["divsoup", "table", "comments", "qa", "news", "story", "splitlead"])
def test_clean_document_and_explain(name: str) -> None:
    doc = postclean.clean((FIX / f"generic-{name}.html").read_text(encoding="utf-8"), kind="html")
    assert doc.engine is None
    assert doc.posts and doc.text.strip()
    assert isinstance(doc.explain(), str)


def test_groups_prefer_posts_over_link_lists() -> None:
    html = (
        "<html><body><ul class='latest'>"
        + "".join(
            f"<li class='item'><a href='/t/{i}'>Topic title number {i} here</a> by <a href='/u/x{i}'>x{i}</a>"
            f" <time datetime='2020-01-0{i}'>Jan {i}</time></li>"
            for i in range(1, 6)
        )
        + "</ul>"
        + "".join(
            f"<div class='msg'><a href='/u/p{i}'>Poster {i}</a> <span class='date'>March {i}, 2021</span>"
            f"<div class='body'>This reply has a sentence or two of its own, number {i}, to read.</div></div>"
            for i in range(1, 4)
        )
        + "</body></html>"
    )
    tree = LexborHTMLParser(html)
    assert tree.body is not None
    ix = build_index(tree.body)
    best = find_groups(ix)[0]
    assert best.signature == "div.msg"
    pg = extract_page(html)
    assert authors(pg) == ["Poster 1", "Poster 2", "Poster 3"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3:21pm On Mar 09 , 2023", dt.date(2023, 3, 9)),
        ("on Friday January 12, 2024 @12:01PM", dt.date(2024, 1, 12)),
        ("28/11/2025 at 7:07 pm", dt.date(2025, 11, 28)),
        ("2 years ago", None),
        ("Posts: 1,204", None),
        ("Room 1999", None),
    ],
)
def test_loose_date(text: str, expected: dt.date | None) -> None:
    got = loose_date(text)
    assert (got.date() if isinstance(got, dt.datetime) else got) == expected


# ------------------------------------------------------------------------------------------- properties

TAGS = [
    "div",
    "p",
    "span",
    "li",
    "ul",
    "ol",
    "article",
    "section",
    "table",
    "tr",
    "td",
    "blockquote",
    "a",
    "time",
    "header",
    "footer",
    "nav",
    "h1",
    "br",
    "b",
]
CLASSES = [
    "post",
    "comment",
    "reply",
    "author",
    "username",
    "date",
    "body",
    "content",
    "message",
    "quote",
    "signature",
    "share",
    "sc-x1",
    "row1",
    "row2",
    "",
]
HREFS = ["/u/a", "/members/b.1/", "/~c", "memberlist.php?mode=viewprofile&u=3", "/t/4", "#"]
WORDS = st.text(
    alphabet=st.characters(min_codepoint=32, max_codepoint=0x24F, blacklist_characters="<>&\"'"), max_size=24
)


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 5 and draw(st.booleans()):
            tag = draw(st.sampled_from(TAGS))
            attrs = f' class="{draw(st.sampled_from(CLASSES))}"'
            if tag == "a":
                attrs += f' href="{draw(st.sampled_from(HREFS))}"'
            if tag == "time":
                attrs += f' datetime="20{draw(st.integers(0, 30)):02d}-0{draw(st.integers(1, 9))}-1{draw(st.integers(0, 9))}"'
            inner = draw(markup(depth + 1))
            parts.append(f"<{tag}{attrs}>{inner}" + (f"</{tag}>" if draw(st.booleans()) else ""))
        else:
            parts.append(draw(WORDS))
    return "".join(parts)


def _norm(s: str) -> str:
    return regex.sub(r"\s+", "", s)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(markup(), min_size=1, max_size=4))
def test_generic_never_raises_and_keeps_only_page_text(blocks: list[str]) -> None:
    # repeat the blocks so the page has repeated structures for the finder to pick up
    html = "<html><body>" + "".join(b for b in blocks for _ in range(2)) + "</body></html>"
    pg = extract_page(html)
    assert isinstance(pg.posts, tuple)
    tree = LexborHTMLParser(html)
    source = _norm(tree.body.text(separator="")) if tree.body is not None else ""
    for post in pg.posts:
        for line in post.lines:
            for piece in regex.split(r"\[image: [^\]]*\]", line):
                for word in piece.split():
                    assert _norm(word) in source


def _quote(html: str) -> tuple[str | None, str] | None:
    from postclean.html._base import quote_from_node
    from postclean.html._generic_posts import SPEC

    node = LexborHTMLParser(html).css_first(SPEC.quote)
    assert node is not None
    q = quote_from_node(node, SPEC)
    return None if q is None else (q.author, q.text)


def test_quote_header_written_as_text_in_a_quote_class_suffix() -> None:
    html = (
        '<div class="PostBody-quote"><div>Originally Posted by <strong>Mable Tiverton</strong></div>'
        "<div>Keep them somewhere cool and dry.</div></div>"
    )
    assert _quote(html) == ("Mable Tiverton", "Keep them somewhere cool and dry.")


def test_quote_first_line_kept_unless_it_is_an_explicit_header() -> None:
    html = "<blockquote><div>Mable: the shed</div><div>is too damp for squash.</div></blockquote>"
    assert _quote(html) == (None, "Mable: the shed\nis too damp for squash.")
    one_line = "<blockquote><p>Oswin said: the attic works.</p></blockquote>"
    assert _quote(one_line) == (None, "Oswin said: the attic works.")


def test_quote_first_line_a_linked_name_and_a_colon_names_the_quoted_poster() -> None:
    # ``<a href="/post/ID"><b>Name</b></a>:`` on the quote's first line: the poster quoted, linked to the post
    html = "<blockquote><a href=/post/884120><b>Tamsin_R</a></b>:<br>The squash keeps until March.</blockquote>"
    assert _quote(html) == ("Tamsin_R", "The squash keeps until March.")
    anchored = '<blockquote><a href="/threads/squash.77/#post-2212">Tamsin_R</a>:<br>Until March.</blockquote>'
    assert _quote(anchored) == ("Tamsin_R", "Until March.")
    # a link to something else than a post, a name without the colon, a sentence: the first line stays text
    site = "<blockquote><a href=https://news.example/story>Harbour Gazette</a>:<br>Ferries resume.</blockquote>"
    assert _quote(site) == (None, "Harbour Gazette:\nFerries resume.")
    no_colon = "<blockquote><a href=/post/884120>Tamsin_R</a><br>The squash keeps.</blockquote>"
    assert _quote(no_colon) == (None, "Tamsin_R\nThe squash keeps.")
    sentence = "<blockquote>As <a href=/post/884120>Tamsin_R</a> put it:<br>The squash keeps.</blockquote>"
    assert _quote(sentence) == (None, "As Tamsin_R put it:\nThe squash keeps.")


@pytest.mark.parametrize(
    ("html", "author"),
    [
        ("<blockquote><div>Fulano escreveu:</div><div>A maré sobe às seis.</div></blockquote>", "Fulano"),
        ("<blockquote><div>Jan schreef:</div><div>Het tij komt om zes uur.</div></blockquote>", "Jan"),
        ("<blockquote><div>Marek napisał:</div><div>Przypływ o szóstej.</div></blockquote>", "Marek"),
        ("<blockquote><div>Иван написал:</div><div>Прилив в шесть.</div></blockquote>", "Иван"),
        ("<blockquote><div>Citaat van Piet</div><div>Het tij komt om zes uur.</div></blockquote>", "Piet"),
        ("<blockquote><div>Citação de Rita</div><div>A maré sobe às seis.</div></blockquote>", "Rita"),
        ("<blockquote><div>Originalmente postado por Rita</div><div>A maré sobe.</div></blockquote>", "Rita"),
    ],
)
def test_quote_header_written_as_text_in_every_language(html: str, author: str) -> None:
    # the header words come from the phrase tables: every language of the catalogue, not English alone
    got = _quote(html)
    assert got is not None and got[0] == author and "\n" not in got[1]


def test_quote_first_line_with_a_present_tense_verb_stays_text() -> None:
    html = "<blockquote><div>Le capitaine dit :</div><div>la marée monte à six heures.</div></blockquote>"
    assert _quote(html) == (None, "Le capitaine dit :\nla marée monte à six heures.")


def test_reply_tree_with_a_parent_after_its_reply() -> None:
    """Broken markup can hold a post inside a later one: the reply tree gives it no parent, never a KeyError
    (which lost the whole page)."""
    from postclean.html._base import Draft
    from postclean.html._generic_posts import _reply_tree

    a, b, c = Draft(), Draft(), Draft()
    _reply_tree(None, [1, 2, 3], {1: 3, 3: 2}, {1: a, 2: b, 3: c}, None)  # type: ignore[arg-type]
    assert (a.depth, a.parent) == (0, None)
    assert (b.depth, b.parent) == (0, None)
    assert (c.depth, c.parent) == (1, b)
