"""``doc.starter`` when the text before the first author block stays as a post of its own (it reads as prose).

Whole-page texts (html-text, BeautifulSoup, inscriptis) keep a page header that holds sentences (a forum's
description, a notice) and print the thread starter's name above the first post (``Started by``, ``Thread
starter``): the starter is the first poster. Main-content texts (trafilatura, Resiliparse) often drop the first
post's poster block: the text before the first block is the first post, the first block the second poster's,
whose name is printed nowhere above it; the starter is then unknown.
"""

from __future__ import annotations

from collections.abc import Iterator

import postclean

BLOCKS = (
    "harbour_hana\nWell-known member\nJoined\nMar 3, 2015\nMessages\n2,114\n\n"
    "The north pier ferry now leaves at seven in winter, and the bus meets it.\n\n"
    "quillpen\nMember\nJoined\nApr 12, 2019\nMessages\n88\n\n"
    "Thanks, I will check the timetable on Sunday before we go.\n"
)


def test_starter_named_above_the_first_block() -> None:
    text = (
        "Harbour Forum\n\nWelcome to the harbour forum, where members talk about boats and the ferries.\n\n"
        "Winter ferry times\n\nStarted by harbour_hana\n\n" + BLOCKS
    )
    doc = postclean.clean(text, kind="text")
    assert doc.posts[0].author is None  # the page header stays: it holds a sentence
    assert [p.author.name for p in doc.posts[1:] if p.author] == ["harbour_hana", "quillpen"]
    assert doc.starter == "harbour_hana"


def test_starter_unknown_when_the_first_block_was_dropped() -> None:
    # the first post's text, its poster block gone; the first block is the second poster's
    text = "I am looking for the winter ferry times, does anyone have them for this year?\n\n" + BLOCKS
    doc = postclean.clean(text, kind="text")
    assert doc.posts[0].author is None
    assert doc.starter is None


def test_a_rank_is_not_taken_for_the_starter() -> None:
    text = (
        "Welcome to the harbour forum, where members talk about boats and the ferries.\n\n"
        "Our Member of the month is announced on Sunday.\n\n" + BLOCKS.replace("harbour_hana\n", "Member\n", 1)
    )
    assert postclean.clean(text, kind="text").starter is None


def test_first_post_numbered_one_gives_the_starter_under_a_page_header() -> None:
    # the text before the first poster block reads as prose (a forum's welcome note), so it could be a first post
    # whose block was dropped; the first authored post is numbered #1: it is the thread's first post
    text = (
        "Welcome to the harbour forum, where members talk about boats, tides and the ferry.\n"
        "Old 2016-02-01, 02:21 \t\t Link #1\nquillpen\nMember\n\nJoin Date: May 2015\n"
        "The spring tides are higher than usual this year.\n"
        "Old 2016-02-01, 03:40 \t\t Link #2\nmarlin\nMember\n\nJoin Date: Aug 2006\n"
        "Thanks, I moved the boat up the slipway.\n"
    )
    doc = postclean.clean(text, kind="text")
    assert doc.posts[0].author is None
    assert doc.starter == "quillpen"


def test_a_post_rule_that_knows_the_thread_starter_names_it() -> None:
    # (Stack Exchange's question card: ``asked …`` under the question, in a post after the page header)
    @postclean.rule("TST901", "opened-by", tags=["notice"])
    def opened_by(view: postclean.TextView) -> Iterator[postclean.Hit]:
        """``opened by {name}`` under a thread's first post.

        Example: ``opened by quillpen``
        """
        for i, line in view.iter_lines():
            if line.startswith("opened by "):
                who = line[len("opened by ") :].strip()
                yield postclean.Hit(i, i, "opener", {"doc.starter": who, "author.name": who}, moved_to="author")

    text = (
        "Welcome to the harbour forum, where members talk about boats, tides and the ferry.\n\n" + BLOCKS
    ).replace("The north pier", "opened by harbour_hana\nThe north pier", 1)
    doc = postclean.clean(text, kind="text", rules=[opened_by])
    assert doc.posts[0].author is None
    assert doc.starter == "harbour_hana"
