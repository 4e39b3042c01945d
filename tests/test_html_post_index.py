"""PostIndex (one query per selector over the posts' common ancestor) answers what a query on each post does."""

from __future__ import annotations

from postclean.html._base import PostIndex
from postclean.html._dom import parse, select

_PAGE = """<!DOCTYPE html><html><body>
<div class="wrap"><aside class="quote">outside the thread</aside>
<ol class="thread">
 <li class="post" id="p1"><div class="who">Alice <span class="rank">Member</span></div>
  <div class="body"><blockquote class="quote"><div class="quote-head">Bob said:</div>first quote
   <blockquote class="quote">nested quote</blockquote></blockquote>
   <p>reply text <span class="hidden quote-head">label</span></p></div>
  <div class="sig quote">a signature that is also a quote</div></li>
 <li class="post" id="p2"><div class="who">Bob</div><div class="body"><p>no quotes here</p></div></li>
 <li class="ad"><blockquote class="quote">an advert between posts</blockquote></li>
 <li class="post quote" id="p3"><div class="body"><blockquote class="quote">third</blockquote>
  <div class="sig">sig</div></div></li>
</ol></div><footer><blockquote class="quote">after the thread</blockquote></footer></body></html>"""

_SELECTORS = [
    ".quote",
    "blockquote.quote, .quote-head",
    ".quote-head, blockquote.quote",
    ".thread .quote",
    "li.post > .body .quote",
    ".sig, .quote, .hidden",
    "div.body",
    ".nothing, .either",
    ".post",
]


def _ids(nodes: list) -> list[int]:
    return [n.mem_id for n in nodes]


def test_post_index_answers_as_the_query_on_each_post_and_node() -> None:
    tree, _ = parse(_PAGE)
    posts = select(tree, "li.post")
    index = PostIndex.of(posts)
    assert index is not None
    for post in posts:
        scopes = [post, *select(post, "div.body, blockquote, div.who")]
        for scope in scopes:
            for sel in _SELECTORS:
                assert _ids(index.select(post, scope, sel)) == _ids(select(scope, sel)), (post.id, sel)


def test_post_index_needs_two_posts_of_one_tree() -> None:
    tree, _ = parse(_PAGE)
    assert PostIndex.of(select(tree, "#p1")) is None
    other, _ = parse(_PAGE)
    assert PostIndex.of([select(tree, "#p1")[0], select(other, "#p2")[0]]) is None
