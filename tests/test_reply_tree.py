"""Reply trees in the HTML door: ``Post.depth`` / ``Post.parent`` / ``Post.parent_id`` where the markup nests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, shared_path

import postclean
from postclean.engine import RawPage, RawPost
from postclean.model import Document, Poster

HTML = FIXTURES / "html"


def tree(doc: Document) -> list[tuple[int | None, int | None]]:
    return [(p.depth, p.parent) for p in doc.posts]


def assert_consistent(doc: Document) -> None:
    """A parent precedes its reply; where both show a depth, the reply's is one more."""
    for i, p in enumerate(doc.posts):
        if p.parent is None:
            continue
        assert 0 <= p.parent < i, (i, p.parent)
        up = doc.posts[p.parent]
        if p.depth is not None and up.depth is not None:
            assert p.depth == up.depth + 1, (i, p.depth, up.depth)
        if p.parent_id is not None and up.post_id is not None:
            assert p.parent_id == up.post_id


def clean(name: str) -> Document:
    return postclean.clean((HTML / f"{name}.html").read_bytes())


# root (submission / story / article) at depth 0; its comments at 1; their replies below
EXPECTED = {
    # the bot's stickied comment is dropped; a reply's parent is the comment whose div.child holds it
    "reddit-old": [(0, None), (1, 0), (2, 1)],
    # shreddit-comment depth/parentid attributes (parentid of a top-level comment: the submission)
    "reddit-new": [(0, None), (1, 0), (2, 1)],
    # nested ul.comments inside the li.comment of the comment answered
    "lemmy-tree": [(0, None), (1, 0), (2, 1), (3, 2), (2, 1), (1, 0)],
    "lemmy": [(0, None), (1, 0)],
    # generic fallback: nested comment lists (Disqus ul.children, WordPress ol.children), the article as root
    "unseen-disqus": [(0, None), (1, 0), (2, 1), (3, 2), (1, 0), (1, 0)],
    "generic-comments": [(0, None), (1, 0), (2, 1), (1, 0)],
    # generic fallback: Hacker News comment rows with their indent cells, the story as root
    "unseen-hackernews": [(0, None), (1, 0), (2, 1), (3, 2), (1, 0), (1, 0)],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_trees(name: str) -> None:
    doc = clean(name)
    assert tree(doc) == EXPECTED[name]
    assert_consistent(doc)


def test_reddit_parent_ids_name_the_answered_post() -> None:
    doc = clean("reddit-new")
    assert [p.parent_id for p in doc.posts] == [None, "t3_1q2w3e", "t1_aa0002"]
    old = clean("reddit-old")
    assert [p.parent_id for p in old.posts] == [None, "t3_k9x2ab", "t1_gf00b2"]


@pytest.mark.parametrize(
    "name",
    ["xenforo", "xenforo1", "phpbb", "vbulletin3", "vbulletin4", "vbulletin5", "smf", "mybb", "fluxbb", "nodebb",
     "flarum", "vanilla", "invision", "discourse", "stackexchange", "generic", "generic-divsoup"],
)
def test_flat_engines_show_no_tree(name: str) -> None:
    doc = clean(name)
    assert all(p.depth is None and p.parent is None and p.parent_id is None for p in doc.posts)
    assert all(k not in post for post in doc.to_dict()["posts"] for k in ("depth", "parent", "parent_id"))


def test_text_door_leaves_the_tree_unset() -> None:
    html = (HTML / "reddit-old.html").read_text(encoding="utf-8")
    text = postclean.clean(html).render(headers=True)
    doc = postclean.clean(text, kind="text")
    assert all(p.depth is None and p.parent is None for p in doc.posts)


def test_json_carries_the_tree_only_where_set() -> None:
    data = json.loads(clean("lemmy-tree").to_json())
    assert [(p.get("depth"), p.get("parent"), p.get("parent_id")) for p in data["posts"]][:3] == [
        (0, None, None),
        (1, 0, None),
        (2, 1, "88101"),
    ]
    assert "parent" not in data["posts"][0] and "parent_id" not in data["posts"][1]


def test_unclosed_post_divs_are_not_a_tree() -> None:
    """Posts each nested in the one before (unclosed ``<div>``s) are a flat thread written badly, not a chain of
    replies."""
    post = (
        '<div class="reply"><span class="who">{a}</span> <time datetime="2024-05-0{n}T10:00:00Z">May {n}</time>'
        '<div class="text">{t}</div>'
    )
    texts = [
        "The hinge squeaks whenever the door opens past halfway, oil did nothing.",
        "Take the pin out and clean the rust off it with fine wire wool first.",
        "Graphite powder lasts far longer than oil on an outside door hinge.",
        "Mine squeaked because the frame had dropped; a longer screw fixed it.",
    ]
    body = "".join(post.format(a=f"poster{n}", n=n + 1, t=t) for n, t in enumerate(texts))
    doc = postclean.clean(f"<html><body><main>{body}</main></body></html>")
    assert len(doc.posts) >= 3
    assert all(p.depth is None and p.parent is None for p in doc.posts)


def _raw(name: str | None, body: str, depth: int | None, parent: int | None) -> RawPost:
    return RawPost(
        lines=(body,) if body else (),
        author=Poster(name=name) if name else None,
        depth=depth,
        parent=parent,
    )


def test_dropped_posts_leave_no_dangling_or_shifted_parent() -> None:
    """finish_page drops posts with neither text nor author: later indices shift, replies to a dropped post
    lose their parent (their depth stays), the others follow their parent to its new index."""
    page = RawPage(
        posts=(
            _raw("ash", "Which wax for a pine table top?", 0, None),
            _raw(None, "", 1, 0),  # an emptied comment: dropped
            _raw("birch", "Hard wax oil, two thin coats.", 1, 0),
            _raw("cedar", "I agree with the emptied comment above.", 2, 1),
            _raw("ash", "Two coats it is, thank you.", 2, 2),
        ),
        engine="lemmy",
    )
    from postclean import _default

    doc = _default().finish_page(page)
    assert [p.author.name if p.author else None for p in doc.posts] == ["ash", "birch", "cedar", "ash"]
    assert tree(doc) == [(0, None), (1, 0), (2, None), (2, 1)]
    assert_consistent(doc)


@pytest.mark.parametrize("engine", ["reddit", "lemmy"])
def test_corpus_trees_are_consistent(engine: str) -> None:
    """On every Reddit and Lemmy corpus page the tree holds together: parents precede replies, depths step by
    one, and a page with comments shows where each sits."""
    pages = sorted(Path(shared_path("corpus", engine)).glob("*.html"))
    if not pages:
        pytest.skip(f"no {engine} pages in the corpus")
    for path in pages:
        doc = postclean.clean(path.read_bytes())
        assert_consistent(doc)
        assert all(p.depth is not None for p in doc.posts), path.name
        assert all(p.parent is not None for p in doc.posts[1:] if p.depth == 1), path.name


@pytest.mark.parametrize("path", sorted(HTML.glob("*.html")), ids=lambda p: p.stem)
def test_every_fixture_tree_is_consistent(path: Path) -> None:
    assert_consistent(postclean.clean(path.read_bytes()))


def test_hacker_news_depth_from_the_spacer_width_alone() -> None:
    """Without the ``indent`` attribute the indent cell's spacer image says the level (40 pixels a level)."""
    html = (HTML / "unseen-hackernews.html").read_text(encoding="utf-8")
    for level in range(4):
        html = html.replace(f' indent="{level}"', "")
    doc = postclean.clean(html)
    assert tree(doc) == EXPECTED["unseen-hackernews"]
