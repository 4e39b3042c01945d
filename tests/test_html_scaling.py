"""The HTML door in linear time on adversarial and very large pages.

Each test builds a page whose cost used to grow with the square of its size (one walk of the tree, or of every
reply nested below a post, per matched node) and checks it is cleaned in a few seconds of CPU time. The bound
is loose (the machine may be shared); the quadratic versions took from 5 s to minutes at these sizes.
"""

from __future__ import annotations

import time

import postclean

WORDS = "Some words of a reply that says a little about the topic at hand. "
#: CPU seconds allowed per page (each takes about 1 s; the quadratic versions took 7 to 10 s).
LIMIT = 3.0


def _clean(page: str) -> tuple[postclean.Document, float]:
    t0 = time.process_time()
    doc = postclean.clean(page, kind="html")
    return doc, time.process_time() - t0


def test_nested_page_chrome_is_linear() -> None:
    # 12,000 <nav>s each inside the one before: each used to walk all its ancestors looking for a recorded one
    n = 12_000
    page = "<html><body>" + "<nav><a href='/'>Home</a>" * n + "</nav>" * n + f"<p>{WORDS * 3}</p></body></html>"
    doc, spent = _clean(page)
    assert spent < LIMIT, f"{spent:.1f}s"
    assert "topic at hand" in doc.text
    assert len([r for r in doc.removals if r.name == "page-chrome"]) <= 2  # the outermost region, not each nav


def test_unclosed_post_divs_are_linear() -> None:
    # A theme that never closes its post <div>: every post nests in the one before, so each post's subtree
    # holds all the later ones. Author, date, heading and signature look-ups used to walk all of them per post.
    n = 2_000
    posts = "".join(
        f"<div class='post' id='post{i}'><div class='meta'><a class='username' href='/members/u{i}'>user{i}</a> "
        f"<span class='date'>Jan {1 + i % 28}, 2021</span></div><div class='message'><p>{WORDS}{i}</p></div>"
        for i in range(n)
    )
    page = f"<html><head><title>T</title></head><body><div id='posts'>{posts}</div></body></html>"
    doc, spent = _clean(page)
    assert spent < LIMIT, f"{spent:.1f}s"
    assert len(doc.posts) == n
    assert doc.posts[7].author is not None and doc.posts[7].author.name == "user7"
    assert doc.posts[7].body.endswith(f"{WORDS.strip()} 7")


def test_nested_posts_keep_their_own_signature() -> None:
    # The signature of a post is looked for in its own part only, never in a reply nested below it.
    page = (
        "<html><body><div id='posts'>"
        "<div class='post' id='post1'><div class='meta'><a class='username' href='/members/a'>alice</a> "
        "<span class='date'>Jan 3, 2021</span></div><div class='message'><p>The first post has a body long "
        "enough to be one.</p></div>"
        "<div class='post' id='post2'><div class='meta'><a class='username' href='/members/b'>bob</a> "
        "<span class='date'>Jan 4, 2021</span></div><div class='message'><p>The reply nested in the first post "
        "says something else.</p></div><div class='signature'>Bob's own signature line</div></div>"
        "</div></div></body></html>"
    )
    doc = postclean.clean(page, kind="html")
    assert [p.author.name if p.author else None for p in doc.posts] == ["alice", "bob"]
    assert doc.posts[0].signature is None
    assert doc.posts[1].signature == "Bob's own signature line"


def test_deeply_nested_blocks_are_linear() -> None:
    # 18,000 blockquotes each inside the one before, on a page of no known forum: the densest-block search used
    # to read the text and the links of every block, each holding all the blocks inside it
    n = 18_000
    page = "<html><body><div>" + "<blockquote>" * n + f"<p>{WORDS * 3}</p>" + "</blockquote>" * n + "</div></body></html>"
    doc, spent = _clean(page)
    assert spent < LIMIT, f"{spent:.1f}s"
    assert "topic at hand" in doc.posts[0].quotes[0].text  # the outermost quote, read once


def test_pre_opening_with_many_blank_lines_is_linear() -> None:
    # a <pre> whose first 300,000 lines are blank: the edge blanks of a paragraph were popped off its head one
    # by one, each pop moving all the lines after it
    page = "<html><body><pre>" + "\n" * 300_000 + f"{WORDS}\n  indented line\n" + "</pre></body></html>"
    doc, spent = _clean(page)
    assert spent < LIMIT, f"{spent:.1f}s"
    assert "topic at hand" in doc.text
    assert "  indented line" in doc.posts[0].body


# -- nesting depth: the tree builder looks down the stack of open elements at every block start tag, so N nested
# blocks cost N² steps inside the parser (50,000 nested <div> took 7 s, 25,000 <ul><li> levels 7 s). A page
# nesting deeper than MAX_DEPTH is read with the markup beyond KEEP_DEPTH removed, its text kept, and flagged.

FLAG = "html-nesting-capped"


def _words(n: int, sep: str) -> str:
    return "".join(f"{sep}w{i} " for i in range(n))


def _assert_all_words(text: str, n: int) -> None:
    words = text.split()
    assert [w for w in words if w[:1] == "w" and w[1:].isdigit()] == [f"w{i}" for i in range(n)]


def test_deeply_nested_divs_are_flattened() -> None:
    n = 50_000
    page = "<html><body>" + _words(n, "<div>") + f"<p>{WORDS}</p>" + "</div>" * n + "</body></html>"
    doc, spent = _clean(page)
    assert spent < LIMIT, f"{spent:.1f}s"
    assert FLAG in doc.flags
    _assert_all_words(doc.text, n)
    assert "topic at hand" in doc.text


def test_unclosed_divs_are_flattened() -> None:
    n = 50_000
    page = "<html><body>" + _words(n, "<div class='x'>") + f"<p>{WORDS}</p></body></html>"
    doc, spent = _clean(page)
    assert spent < LIMIT, f"{spent:.1f}s"
    assert FLAG in doc.flags
    _assert_all_words(doc.text, n)


def test_deeply_nested_lists_are_flattened() -> None:
    n = 25_000
    page = "<html><body>" + _words(n, "<ul><li>") + "</li></ul>" * n + "</body></html>"
    doc, spent = _clean(page)
    assert spent < LIMIT, f"{spent:.1f}s"
    assert FLAG in doc.flags
    _assert_all_words(doc.text, n)


def test_deeply_nested_quotes_are_flattened() -> None:
    n = 50_000
    page = "<html><body><div>" + _words(n, "<blockquote>") + "</blockquote>" * n + f"<p>{WORDS}</p></div></body></html>"
    doc, spent = _clean(page)
    assert spent < LIMIT, f"{spent:.1f}s"
    assert FLAG in doc.flags
    _assert_all_words(doc.render(quotes="inline"), n)


def test_flattening_keeps_words_apart_and_hides_scripts() -> None:
    from postclean.html._depth import KEEP_DEPTH, MAX_DEPTH, cap_depth

    n = MAX_DEPTH + 100
    deep = (
        "<div>a" * n
        + "<!-- <div><div> --><script>var x = '<div>hidden code';</script><b>b</b><i>c</i>"
        + "<noscript><div><p>Please turn on scripts</p></div></noscript><select><option>choice</option></select>"
    )
    page = "<html><body>" + deep + "<div>d</div>" + "</div>" * n + "</body></html>"
    flat = cap_depth(page)
    assert flat is not None
    assert flat.count("<div>") == KEEP_DEPTH + 3  # the levels kept, and the two in the comment, one in the script
    assert "<script>var x = '<div>hidden code';</script>" in flat
    doc = postclean.clean(page, kind="html")
    assert FLAG in doc.flags
    assert "hidden code" not in doc.text
    assert "scripts" not in doc.text and "choice" not in doc.text  # still inside their (kept) hidden elements
    # a removed block tag leaves a space, an inline one nothing (the last "a" runs on into <b>b</b><i>c</i>)
    assert doc.text.split() == ["a"] * (n - 1) + ["abc", "d"]


def test_many_tags_that_close_themselves_are_not_flattened() -> None:
    # unclosed <p>, <li>, <a>, <td>, <option> and void tags: thousands of start tags without end tags, yet the
    # tree builder closes each at the next one, so the page is shallow and read as written
    n = 3_000
    page = (
        "<html><body><ul>"
        + "".join(f"<li><a href='/t{i}'>link {i}<p>para {i}<br><img src='x.png' alt='pic {i}'>" for i in range(n))
        + "</ul><table>"
        + "<tr><td>cell<td>cell" * n
        + "</table><select>"
        + "<option>choice" * n
        + "</select></body></html>"
    )
    from postclean.html._depth import cap_depth

    assert cap_depth(page) is None
    doc = postclean.clean(page, kind="html")
    assert FLAG not in doc.flags
