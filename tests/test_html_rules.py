"""Unit cases for the HTML door's building blocks: rendering, dates, stats, quote headers, engine detection."""

from __future__ import annotations

import datetime as dt

import pytest

from postclean.html._base import Spec, add_stat, extract_with_spec, quote_author_from_head
from postclean.html._dom import (
    alternatives,
    date_from_node,
    first,
    node_path,
    parse,
    parse_int,
    render_lines,
    select,
)


def render(html: str) -> list[str]:
    tree, _ = parse(f"<html><body><div id=x>{html}</div></body></html>")
    return render_lines(tree.css_first("#x"))


@pytest.mark.parametrize(
    "html,lines",
    [
        ("<p>One</p><p>Two</p>", ["One", "", "Two"]),
        ("a<br>b<br><br>c", ["a", "b", "", "c"]),
        ("<div>a</div><div>b</div>", ["a", "b"]),
        ("x <b>bold</b>  and\n  <i>it</i>", ["x bold and it"]),
        ("<pre>def f():\n    return 1</pre>", ["def f():", "    return 1"]),
        ("<ul><li>one</li><li>two</li></ul>", ["one", "two"]),
        ("<p>a</p><script>bad()</script><style>p{}</style>", ["a"]),
        ("<button>Reply</button>ok<input value=v>", ["ok"]),
        ('<img alt="A red kettle">', ["[image: A red kettle]"]),
        ('<img alt="image.png"><img alt=":)" class="smilie"><img alt="">', []),
    ],
)
def test_render(html: str, lines: list[str]) -> None:
    assert render(html) == lines


def test_render_skip_and_markers() -> None:
    tree, _ = parse("<div id=x><p>keep</p><p class=q>quoted</p><p class=s>sig</p><p>after</p></div>")
    root = tree.css_first("#x")
    q = root.css_first(".q")
    s = root.css_first(".s")
    assert render_lines(root, skip={s.mem_id}, markers={q.mem_id: "@Q0"}) == ["keep", "", "@Q0", "", "after"]


def test_select_dedupes_and_first_is_priority_ordered() -> None:
    tree, _ = parse('<div class="a b"><span class="c">1</span><span class="d">2</span></div>')
    assert len(select(tree, ".a, .b")) == 1
    n = first(tree, ".d, .c")
    assert n is not None and n.text() == "2"
    assert alternatives("a[title='x, y'], b") == ("a[title='x, y']", "b")


@pytest.mark.parametrize(
    "html,expected",
    [
        ('<time datetime="2023-02-14T09:30:00Z">x</time>', dt.datetime(2023, 2, 14, 9, 30, tzinfo=dt.timezone.utc)),
        ('<span data-time="1676367000">x</span>', dt.datetime(2023, 2, 14, 9, 30, tzinfo=dt.timezone.utc)),
        ('<span title="Jan 3, 2024 at 12:24 PM">Jan 3</span>', dt.datetime(2024, 1, 3, 12, 24)),
        ("<span>11-29-2024, 09:03 AM</span>", dt.datetime(2024, 11, 29, 9, 3)),
        ("<span>30th March 2025, 16:26</span>", dt.datetime(2025, 3, 30, 16, 26)),
        ("<span>Today</span>", None),
    ],
)
def test_dates(html: str, expected: object) -> None:
    tree, _ = parse(f"<body><div id=d>{html}</div></body>")
    node = tree.css_first("#d > *")
    assert date_from_node(node)[0] == expected


@pytest.mark.parametrize(
    "label,value,field,expected",
    [
        ("Joined", "Nov 4, 2011", "joined", dt.date(2011, 11, 4)),
        ("Join Date:", "Mar 2014", "joined", dt.date(2014, 3, 1)),
        ("Messages", "65,195", "messages", 65195),
        ("Posts:", "3.2k", "messages", 3200),
        ("Reaction score", "-55", "reaction_score", -55),
        ("Trophy Points:", "12", "points", 12),
        ("Location:", "Lower Puddleby", "location", "Lower Puddleby"),
    ],
)
def test_stats(label: str, value: str, field: str, expected: object) -> None:
    poster: dict[str, object] = {}
    add_stat(poster, label, value)
    assert poster[field] == expected


def test_unknown_stat_goes_to_extra() -> None:
    poster: dict[str, object] = {}
    add_stat(poster, "Favourite tea", "Oolong")
    assert poster == {"extra": {"Favourite tea": "Oolong"}}


@pytest.mark.parametrize(
    "head,name",
    [
        ("Alice said:", "Alice"),
        ("Bob Stone wrote: ↑ Fri Mar 10, 2023 10:37 pm", "Bob Stone"),
        ("Quote from: carol on March 10, 2009, 07:23:49 AM", "carol"),
        ("Quote Originally Posted by dave View Post", "dave"),
        ("Originally Posted by Eve", "Eve"),
        ("On 3/5/2021 at 10:21 AM, frank said:", "frank"),
        ("gina:", "gina"),
        ("Quote:", None),
        ("Quote", None),
    ],
)
def test_quote_heads(head: str, name: str | None) -> None:
    assert quote_author_from_head(head) == name


def test_parse_int() -> None:
    assert parse_int("65,195") == 65195
    assert parse_int("1.2k") == 1200
    assert parse_int("−7") == -7
    assert parse_int("none") is None


def test_node_path_short() -> None:
    tree, _ = parse('<body><article id="js-post-12"><div><aside class="message-signature">s</aside></div></article>'
                    "</body>")
    n = tree.css_first("aside")
    assert node_path(n) == "article#js-post-12 > div > aside.message-signature"


def test_spec_post_id_filter_and_nesting() -> None:
    spec = Spec(engine="t", prefix="TST", post="div.p", body=".b", post_id_re=r"^p\d+$", author=".a")
    tree, _ = parse('<body><div class="p" id="p1"><span class=a>Ann</span><div class=b>one</div></div>'
                    '<div class="p" id="promo"><div class=b>ad</div></div></body>')
    drafts = extract_with_spec(tree, spec)
    assert [(d.author, d.lines) for d in drafts] == [("Ann", ["one"])]


@pytest.mark.parametrize(
    "html,engine,version",
    [
        ('<html id="XenForo"><body><ol class="messageList"></ol></body></html>', "xenforo", "1"),
        ('<html><head><meta name="generator" content="vBulletin 4.2.3"></head><body></body></html>',
         "vbulletin", "4.2.3"),
        ('<html><body class="ipsApp ipsApp_front"><article class="ipsEntry"></article></body></html>',
         "invision", "5"),
        ('<html><body><ul component="topic"><li component="post"></li></ul></body></html>', "nodebb", None),
        ("<html><body><shreddit-post author=x></shreddit-post></body></html>", "reddit", "shreddit"),
        ('<html><body class="question-page"><div id="question"></div></body></html>', "stackexchange", None),
        ("<html><body><p>Just a page</p></body></html>", None, None),
    ],
)
def test_detection(html: str, engine: str | None, version: str | None) -> None:
    from postclean.html import detect_engine

    got = detect_engine(html)
    assert got[0] == engine
    if engine:
        assert got[1] == version


def test_engine_text_rules_on_html_bodies_only_where_marked() -> None:
    """An engine pack's text rules target flattened text; on bodies the markup already isolated, only the
    rules marked ``in_html`` run (plus the news and generic packs)."""
    from postclean.engine import Cleaner, RawPage, RawPost

    cleaner = Cleaner()
    post = RawPost(
        lines=(
            "@ana_reef said in Kayak launches:",
            "Which slipway is closest?",
            "Reactions: alice, bob",
            "Like Reply Report",
        )
    )
    nodebb = cleaner.finish_page(RawPage(posts=(post,), engine="nodebb"))
    assert [r.code for r in nodebb.removals] == ["NBB003", "GEN003"]
    # XenForo's reaction-bar text rule is not marked: inside a message body that line is the poster's words
    xenforo = cleaner.finish_page(RawPage(posts=(post,), engine="xenforo"))
    assert "Reactions: alice, bob" in xenforo.posts[0].body
    assert "Like Reply Report" not in xenforo.posts[0].body
    marked = {r.code for r in cleaner.rules if r.in_html}
    assert {"NBB003", "XF007"} <= marked


def test_removal_reindexing_keeps_every_field() -> None:
    """The engine's fast re-indexing of a removal's post is ``attrs.evolve`` (a field added to ``Removal`` must be
    added there too)."""
    import attrs

    from postclean.engine import _at_post
    from postclean.model import Removal

    r = Removal("XF001", "name", "why", "text", lines=(1, 2), span=(3, 9), node="div.x", post=4, moved_to="quotes")
    assert attrs.fields(Removal)[-2].name == "post"
    for post in (None, 0, 7):
        assert _at_post(r, post) == attrs.evolve(r, post=post)
