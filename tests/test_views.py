"""Archive and print views of the classic engines, in both doors.

Crawls and datasets hold many thread pages in the stripped-down views search engines index rather than the full
thread view: vBulletin's archive (``archive/index.php/t-123.html``, "View Full Version"), MyBB's archive
(``archive/index.php?thread-12.html``), SMF's print page (``action=printpage``) and phpBB's print view
(``viewtopic.php?view=print``). Each ``fixtures/html/view-<engine>-<view>.html`` is such a page written for this
test (invented text) in that view's markup: no poster stats, no buttons, but quotes, the view's navigation and
credits, and a pager.

HTML door: the expectations of ``tests/test_html_unseen.py`` (engine, posts, authors, dates, exact bodies, quotes,
title, chrome absent from ``doc.text``). Text door: the same pages flattened by every extractor installed here,
cleaned with ``kind="text"``: no post paragraph may be lost (hard failure); what is left is listed exactly in
``fixtures/text_variants/views_gaps.txt`` (rewrite it with ``python tests/test_views.py --write``).
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from pathlib import Path

import pytest
import text_gaps
from test_html_unseen import (
    Expect,
    check_bodies_quotes_signatures,
    check_page_chrome_absent,
    check_posts_authors_dates,
)
from text_gaps import GapSuite

import postclean
from postclean.html import extract_page

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures" / "html"
GAPS_FILE = ROOT / "fixtures" / "text_variants" / "views_gaps.txt"
D = dt.datetime

PAGES = [
    Expect(
        # vBulletin 3/4 archive: div.post > div.posttop (div.username, div.date) + div.posttext; vB3 quote markup
        name="vbulletin-archive",
        engine="vbulletin",
        title="Reviving a neglected rye starter",
        authors=["marrow_and_rye", "Hollis Wren", "marrow_and_rye", "quernstone", "Hollis Wren"],
        dates=[D(2013, 2, 11, 21, 14), D(2013, 2, 11, 22, 2), D(2013, 2, 12, 7, 40), D(2013, 2, 12, 12, 55),
               D(2013, 2, 13, 8, 31)],
        bodies=[(0, "My rye starter sat at the back of the fridge for about five months while we moved house. "
                    "There is a grey layer of liquid on top and it smells sharply of nail varnish.\n\nIs it worth "
                    "feeding it back to life, or should I start again from flour and water?"),
                (2, "Done. After the second feed it doubled in six hours, so I think it survived the move better "
                    "than I did.")],
        chrome=["View Full Version", "PDA", "Pages", "Powered by", "vBulletin", "Originally Posted by", "Quote:",
                "The Crumb Board", "[Archive]"],
        quotes=[(2, "Hollis Wren", "Pour the liquid off, keep a spoonful from the middle and feed it twice a day")],
    ),
    Expect(
        # MyBB 1.8 archive: #container > div.post (div.header: div.author h2, div.dateline) + div.message
        name="mybb-archive",
        engine="mybb",
        title="Tuning a second-hand cello",
        authors=["Odile F.", "tasto", "Odile F.", "Gaspard", "tasto"],
        dates=[D(2016, 9, 3, 18, 12), D(2016, 9, 3, 19, 45), D(2016, 9, 4, 9, 20), D(2016, 9, 5, 23, 2),
               D(2016, 9, 6, 8, 15)],
        bodies=[(2, "That was the trick. It has held its tuning through two evenings of scales now.")],
        chrome=["Full Version", "stripped down version", "View the full version", "Pages:", "Reference URL",
                "Powered By", "MyBB Group", "Wrote:"],
        quotes=[(2, "tasto", "Push the peg in slightly as you turn it, like closing a drawer that sticks.")],
    ),
    Expect(
        # SMF 2.0 print page: div#posts of div.postheader ("Title:", "Post by: NAME on DATE") + div.postbody
        name="smf-print",
        engine="smf",
        title="Barnacles on a fibreglass hull",
        authors=["Saltmarsh", "Kittiwake", "Saltmarsh", "Old Tern", "Kittiwake"],
        dates=[D(2018, 5, 2, 16, 31, 12), D(2018, 5, 2, 18, 5, 40), D(2018, 5, 3, 8, 47, 3),
               D(2018, 5, 3, 11, 19, 55), D(2018, 5, 4, 19, 2, 18)],
        bodies=[(0, "After one season on a swinging mooring the hull is crusted with barnacles below the "
                    "waterline.\n\nDo people scrape them off or is there something gentler that will not take the "
                    "gelcoat with them?"),
                (2, "Too late for that this year, the boat has been on the hard for a week.")],
        chrome=["Title:", "Post by:", "Quote from", "Tidepool Sailing Forum", "Topic started by", "SMF 2.0",
                "Simple Machines"],
        quotes=[(2, "Kittiwake", "A plastic scraper while the hull is still wet, straight after the lift out.")],
    ),
    Expect(
        # phpBB 3 print view: #page-body > div.post (h3, div.date "Posted:", div.author "by", div.content)
        name="phpbb-print",
        engine="phpbb",
        title="Wiring a paraffin lamp for mains",
        authors=["Ellery Vane", "mantle_man", "Ellery Vane", "Hetty Brass", "mantle_man"],
        dates=[D(2019, 1, 20, 15, 14), D(2019, 1, 20, 17, 2), D(2019, 1, 21, 9, 40), D(2019, 1, 21, 13, 27),
               D(2019, 1, 22, 20, 5)],
        bodies=[(2, "Perfect, I did not know those existed. I will order one and keep the glass chimney on top.")],
        chrome=["Posted:", "Re: Wiring", "The Lantern Club", "Old lamps", "Page 1 of 1", "All times are",
                "Powered by", "phpBB Limited", "wrote:", "viewtopic.php"],
        quotes=[(2, "mantle_man", "The flex can come out through the old wick winder hole, so no drilling.")],
    ),
]


@functools.cache
def _html(name: str) -> str:
    return (FIX / f"view-{name}.html").read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------------ HTML door


@pytest.mark.parametrize("exp", PAGES, ids=[e.name for e in PAGES])
def test_posts_authors_dates(exp: Expect) -> None:
    check_posts_authors_dates(exp, _html(exp.name))


@pytest.mark.parametrize("exp", PAGES, ids=[e.name for e in PAGES])
def test_bodies_quotes_signatures(exp: Expect) -> None:
    check_bodies_quotes_signatures(exp, _html(exp.name))


@pytest.mark.parametrize("exp", PAGES, ids=[e.name for e in PAGES])
def test_page_chrome_absent_from_text(exp: Expect) -> None:
    check_page_chrome_absent(exp, _html(exp.name))


@pytest.mark.parametrize("exp", PAGES, ids=[e.name for e in PAGES])
def test_read_by_the_engine_pack(exp: Expect) -> None:
    """The view is read by its engine's pack (not the generic fallback) and flagged as nothing unusual."""
    doc = postclean.clean(_html(exp.name), kind="html")
    assert doc.flags == ()


def test_page_numbers() -> None:
    assert (extract_page(_html("phpbb-print")).page, extract_page(_html("phpbb-print")).pages) == (1, 1)
    mybb = extract_page(_html("mybb-archive"))
    assert (mybb.page, mybb.pages) == (1, 2)


def test_versions() -> None:
    assert extract_page(_html("vbulletin-archive")).engine_version == "3"  # from the archive's credit
    assert extract_page(_html("smf-print")).engine_version == "2.0.15"


def test_print_page_header_rows_are_not_bodies() -> None:
    """SMF's print page: the header rows ("Title: …", "Post by: … on …") are not in any body."""
    doc = postclean.clean(_html("smf-print"), kind="html")
    assert all("Post by" not in p.body and "Title:" not in p.body for p in doc.posts)


# ------------------------------------------------------------------------------------------------ text door

SUITE = GapSuite(
    pages=PAGES,
    html_of=_html,
    gaps_file=GAPS_FILE,
    header=[
        "# The text door on archive and print views of the classic engines: what is still left",
        "# (see tests/test_views.py). Generated (python tests/test_views.py --write); one line",
        "# per chrome string left / wrong engine / post count / posters missed.",
    ],
)
FLAT = text_gaps.FLAT


@pytest.mark.parametrize("extractor", sorted(FLAT))
@pytest.mark.parametrize("name", [e.name for e in PAGES])
def test_view_page_as_text(name: str, extractor: str) -> None:
    SUITE.check(name, extractor, "python tests/test_views.py --write")


def test_known_gaps_name_real_pages() -> None:
    assert all(page in SUITE.by_name for page, _ext in SUITE.known)


if __name__ == "__main__" and "--write" in sys.argv:
    SUITE.write()


def test_generic_door_reads_header_and_body_pairs() -> None:
    """A forum of no known engine printing each post as a header block then a body block (the SMF print page
    without its credit): the bodies are the body blocks, the header rows are recorded as post headers."""
    html = _html("smf-print").replace("Simple Machines", "Someone").replace("SMF 2.0.15", "Forum")
    doc = postclean.clean(html, kind="html")
    assert doc.engine is None
    assert [p.author.name if p.author else None for p in doc.posts] == PAGES[2].authors
    assert doc.posts[4].body == "And wear goggles. The bits fly everywhere when you scrape."
    assert all("Post by" not in p.body for p in doc.posts)
    heads = [r for r in doc.removals if r.name == "post-header" and "Post by:" in r.text]
    assert len(heads) == 5


def test_generic_door_keeps_a_post_whose_body_is_its_own() -> None:
    """Short posts followed by a bar of buttons: the bar is not taken for their bodies."""
    posts = "".join(
        f'<div class="reply"><span class="who">user{i}</span> <span class="when">2021-03-0{i} 10:00</span>'
        f'<p>Reply number {i} says the valve was stuck.</p></div><div class="reply-tools">Like Quote Report</div>'
        for i in range(1, 5)
    )
    doc = postclean.clean(f"<html><body><h1>Stuck valve</h1>{posts}</body></html>", kind="html")
    assert [p.body for p in doc.posts] == [f"Reply number {i} says the valve was stuck." for i in range(1, 5)]
