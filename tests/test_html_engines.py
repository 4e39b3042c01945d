"""Golden tests for the engine packs: one synthetic thread page per engine (and engine generation).

Each fixture in ``fixtures/html/`` follows the engine's real markup structure (the selectors in the forum-chrome
catalogue) with invented text. The tests pin what the pack reads from it: engine and version, title, page
numbers, authors with their stats, dates, post numbers and ids, bodies, quotes, signatures, edit notes and
reactions, and that the engine's chrome stays out of the bodies.
"""

from __future__ import annotations

import datetime as dt
from html import unescape
from pathlib import Path

import pytest

import postclean
from postclean.engine import RawPage, RawPost
from postclean.html import extract_page

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "html"
UTC = dt.timezone.utc


def page(name: str) -> RawPage:
    return extract_page((FIX / f"{name}.html").read_text(encoding="utf-8"))


def quotes(p: RawPost) -> list[tuple[str | None, str]]:
    return [(q.author, q.text) for q in p.quotes]


def body(pg: RawPage) -> str:
    return "\n".join(ln for p in pg.posts for ln in p.lines)


def removal_names(p: RawPost) -> set[str]:
    return {r.name for r in p.removals}


def test_vbulletin3_golden() -> None:
    pg = page("vbulletin3")
    assert (pg.engine, pg.engine_version) == ("vbulletin", "3.8.11")
    assert pg.title == "Repotting a stubborn jade plant"
    assert (pg.page, pg.pages) == (2, 3)
    assert pg.starter == "Ottilie Brackenbury"
    first, second = pg.posts
    a = first.author
    assert a is not None
    assert (a.name, a.rank, a.joined, a.messages, a.location) == (
        "Ottilie Brackenbury", "Cactus Whisperer", dt.date(2012, 6, 1), 2318, "Lower Mossbank"
    )
    assert first.date == dt.datetime(2019, 3, 14, 20, 15)
    assert (first.number, first.post_id) == (11, "4401")
    assert quotes(first) == [("Wendell Ashgrove", "The roots have wrapped around the drainage hole twice.")]
    # the smiley image is dropped; the shortened link text is replaced by the URL it stands for
    assert first.lines == (
        "Soak the whole pot in a bucket for an hour first.",
        "",
        "Then tip it sideways and tease the roots loose with a chopstick.",
        "",
        "https://gardens.example/a/very/long/path/about/jade-plant-repotting-guide.html",
    )
    assert first.signature == "Every leaf is a future plant."
    assert first.edit_note == "Last edited by Ottilie Brackenbury; 03-14-2019 at 08:40 PM."
    assert {"quote", "signature", "edit-note", "author-block"} <= removal_names(first)
    assert second.author is not None and (second.author.name, second.author.messages) == ("Wendell Ashgrove", 14)
    assert second.lines == ("The chopstick trick worked, thank you.",)
    for chrome in ("Quote:", "Originally Posted by", "Reply With Quote", "Report Post", "__________", "Powered by"):
        assert chrome not in body(pg)


def test_vbulletin4_golden() -> None:
    pg = page("vbulletin4")
    assert (pg.engine, pg.engine_version) == ("vbulletin", "4.2.5")
    assert pg.title == "Sourdough starter smells like nail polish"
    assert (pg.page, pg.pages) == (1, 2)
    first, second = pg.posts
    a = first.author
    assert a is not None
    assert (a.name, a.rank, a.joined, a.messages, a.location) == (
        "Bartholomew Quince", "Crumb Inspector", dt.date(2016, 8, 1), 1204, "Floury Flats"
    )
    assert first.date == dt.datetime(2021, 5, 2, 9, 12)
    assert (first.number, first.post_id) == (1, "55120")
    assert first.lines == (
        "My starter has gone sharp and smells of acetone.",
        "",
        "I feed it once a day with rye flour. Should I feed it more often?",
    )
    assert first.signature == "Bake, wait, bake again."
    assert second.date == dt.datetime(2021, 5, 2, 11, 47)
    assert quotes(second) == [("Bartholomew Quince", "Should I feed it more often?")]
    assert second.lines == ("Yes, twice a day for a week. The smell means it is hungry.", "", "flour 50g", "water 50g")
    assert second.edit_note is not None and second.edit_note.startswith("Last edited by Hester Pennywhistle")
    for chrome in ("Code:", "Reply With Quote", "View Profile", "is offline", "Originally Posted by"):
        assert chrome not in body(pg)


def test_vbulletin5_golden() -> None:
    pg = page("vbulletin5")
    assert (pg.engine, pg.engine_version) == ("vbulletin", "5.6.4")
    assert pg.title == "Which telescope mount for a balcony?"
    assert (pg.page, pg.pages) == (1, 4)
    first, second = pg.posts
    a = first.author
    assert a is not None
    assert (a.name, a.rank, a.joined, a.messages) == ("Cosmo Lindqvist", "Junior Member", dt.date(2020, 3, 1), 87)
    assert first.date == dt.datetime(2021, 10, 12, 10, 40)
    assert (first.number, first.post_id) == (1, "5521")
    assert first.lines == (
        "The balcony faces south and shakes when the tram passes.",
        "",
        "Is an alt-az mount steady enough there?",
    )
    assert first.signature == "Clear skies from the fourth floor."
    assert first.reactions == "3 like"
    assert second.author is not None and second.author.messages == 4052
    assert second.permalink == "https://stars.example/forum/equipment/5521-which-telescope-mount?p=5530#post5530"
    assert quotes(second) == [("Cosmo Lindqvist", "Is an alt-az mount steady enough there?")]
    assert second.lines == ("Wait for the tram to pass, then use a ten second timer.",)
    for chrome in ("Comment", "Share", "Join Date"):
        assert chrome not in body(pg)


def test_xenforo1_golden() -> None:
    pg = page("xenforo1")
    assert (pg.engine, pg.engine_version) == ("xenforo", "1")
    assert pg.title == "Tuning a hurdy-gurdy drone"
    assert (pg.page, pg.pages) == (1, 2)
    assert pg.canonical_url == "https://droneroom.example/threads/tuning-a-hurdy-gurdy-drone.3307/"
    first, second = pg.posts
    a = first.author
    assert a is not None
    assert (a.name, a.rank, a.joined, a.messages, a.reaction_score, a.location) == (
        "Isolde Farrowmere", "Wheel Turner", dt.date(2013, 9, 9), 1482, 310, "Cobble Hythe"
    )
    assert first.date == dt.datetime(2018, 4, 3, 19, 12, tzinfo=dt.timezone.utc)  # the abbr below prints UTC
    assert (first.number, first.post_id) == (1, "90211")
    assert first.lines == (
        "My drone string buzzes against the nut when it is tuned to G.",
        "",
        "Should I move the tangent or the bridge?",
    )
    assert first.signature == "Drones all the way down."
    assert first.edit_note == "Last edited: Apr 3, 2018"
    assert first.reactions == "Tobias Wren likes this."
    # abbr.DateTime carries Unix time in data-time: the exact moment wins over the day-only data-datestring
    assert second.date == dt.datetime(2018, 4, 3, 21, 20, tzinfo=UTC)
    assert quotes(second) == [("Isolde Farrowmere", "Should I move the tangent or the bridge?")]
    assert second.lines == ("The bridge. A millimetre is enough.",)
    for chrome in ("Click to expand", "said:", "Report", "+ Quote", "Likes Received"):
        assert chrome not in body(pg)


def test_smf_golden() -> None:
    pg = page("smf")
    assert (pg.engine, pg.engine_version) == ("smf", "2.1.4")
    assert pg.title == "Lighthouse lens cleaning schedule"
    assert (pg.page, pg.pages) == (1, 2)
    first, second = pg.posts
    a = first.author
    assert a is not None
    assert (a.name, a.rank, a.messages, a.location) == ("Amabel Trevose", "Head Keeper", 918, "Gull Point")
    assert first.date == dt.datetime(2022, 10, 3, 18, 40, 12)
    assert (first.number, first.post_id) == (1, "1701")
    assert first.lines == ("How often do you polish the Fresnel rings?", "", "Ours fog over every second week in autumn.")
    assert first.signature == "Keep the light, keep the log."
    assert first.reactions is None  # the Like button is not a like count
    assert quotes(second) == [("Amabel Trevose", "Ours fog over every second week in autumn.")]
    assert second.lines == ("Weekly with a chamois, and a vinegar rinse once a month.",)
    assert second.edit_note == "Last Edit: October 04, 2022, 08:09:03 AM by Piran Holloway"
    for chrome in ("Quote from", "Like", "Posts:"):
        assert chrome not in body(pg)


def test_mybb_golden() -> None:
    pg = page("mybb")
    assert (pg.engine, pg.engine_version) == ("mybb", "1.8")
    assert pg.title == "Swarm caught in a postbox"
    assert (pg.page, pg.pages) == (1, 3)
    first, second = pg.posts
    a = first.author
    assert a is not None
    assert (a.name, a.rank, a.joined, a.messages, a.reaction_score) == (
        "Drusilla Wickham", "Queen Spotter", dt.date(2017, 4, 1), 342, 27
    )
    assert a.extra == {"Threads": "19"}
    assert first.date == dt.datetime(2023, 6, 11, 14, 30)
    assert (first.number, first.post_id) == (1, "610")
    assert first.lines == (
        "A swarm settled inside the village postbox this morning.",
        "",
        "The postman refuses to open it. How do I coax them into a box?",
    )
    assert first.signature == "Bees first, honey later."
    assert first.edit_note == "This post was last modified: 06-11-2023, 02:41 PM by Drusilla Wickham."
    # the quote citation is "(date)Name Wrote:" once flattened: the date does not become part of the name
    assert quotes(second) == [("Drusilla Wickham", "How do I coax them into a box?")]
    assert second.lines == ("Put a frame of old comb in the box and leave it beside the slot overnight.",)
    for chrome in ("Wrote:", "Find", "Reply", "Posts:"):
        assert chrome not in body(pg)


def test_fluxbb_golden() -> None:
    pg = page("fluxbb")
    assert pg.engine == "fluxbb"
    assert pg.title == "Kiln shelf cracked on first firing"
    assert (pg.page, pg.pages) == (1, 2)
    first, second = pg.posts
    a = first.author
    assert a is not None
    assert (a.name, a.rank, a.joined, a.messages, a.location) == (
        "Genevieve Stoke", "Glaze Alchemist", dt.date(2015, 4, 2), 611, "Clayhanger"
    )
    assert first.date == dt.datetime(2020, 9, 18, 21, 4, 33)
    assert (first.number, first.post_id) == (1, "7730")
    assert first.lines == ("The new cordierite shelf split straight across at cone 6.", "",
                           "Was it the ramp rate or the shelf?")
    assert first.signature == "Fire slowly."
    assert first.edit_note == "Last edited by Genevieve Stoke (2020-09-18 21:10:02)"
    assert quotes(second) == [("Genevieve Stoke", "Was it the ramp rate or the shelf?")]
    assert second.lines == ("The ramp rate. Hold at 600 degrees for half an hour.",)
    assert "Offline" not in body(pg) and "wrote:" not in body(pg)


def test_nodebb_golden() -> None:
    pg = page("nodebb")
    assert pg.engine == "nodebb"
    assert pg.title == "Tide tables for kayak launches"
    first, second = pg.posts
    assert first.author is not None and first.author.name == "marisol_ferry"
    assert first.date == dt.datetime(2024, 5, 20, 7, 45, 10, tzinfo=UTC)
    assert (first.number, first.post_id, first.permalink) == (1, "8810", "/post/8810")
    assert second.permalink == "/post/8815"  # its own link, not the quoted post's
    assert first.lines == ("Which app do you trust for tide times at small slipways?", "",
                           "The harbour board tables are a week behind.")
    assert first.signature == "Low water, high spirits."
    assert first.reactions == "4"
    # the composer's "@user said in {topic}:" line is the quote header
    assert quotes(second) == [("marisol_ferry", "The harbour board tables are a week behind.")]
    assert second.lines == ("I read the coastguard station feed, it updates every six hours.",)
    for chrome in ("Offline", "Reply", "said in"):
        assert chrome not in body(pg)


def test_flarum_golden() -> None:
    pg = page("flarum")
    assert pg.engine == "flarum"
    assert pg.title == "Sharpening a drawknife"
    first, second, third = pg.posts
    assert first.author is not None and first.author.name == "wren_at_the_horse"
    assert first.lines == ("My drawknife skips on ash and leaves a torn surface.", "", "Flat bevel or a slight hollow?")
    assert quotes(second) == [(None, "Flat bevel or a slight hollow?")]
    # a quote opening with a mention of the quoted post: its poster is the quote's author, the post its source;
    # a mention inside a quote's sentence, or in the reply, stays text
    assert quotes(third) == [
        ("oakleigh", "A slight hollow, then strop the back until it shines."),
        (None, "As @oakleigh wrote elsewhere, a drawknife wants a light touch."),
    ]
    assert third.quotes[0].source == "https://greenwood.example/d/312-sharpening-a-drawknife/2"
    assert third.lines == ("The hollow did it. Thanks oakleigh for the tip; the strop was the part I had skipped.",)
    assert second.author is not None and second.author.name == "oakleigh"
    assert second.lines == ("A slight hollow, then strop the back until it shines.",)
    assert "Next Page" not in body(pg) and "JavaScript" not in body(pg)


def test_vanilla_golden() -> None:
    pg = page("vanilla")
    assert pg.engine == "vanilla"
    assert pg.title == "Restoring a cast iron mangle"
    first, second = pg.posts
    a = first.author
    assert a is not None and (a.name, a.rank, a.location) == ("Cordelia Mapp", "Collector", "Wringford")
    assert first.date == dt.datetime(2021, 3, 4, 10, 5, tzinfo=UTC)
    assert first.lines == ("The rollers on my mangle are seized with old grease.", "", "Paraffin or a heat gun?")
    assert first.signature == "Wash day is every day."
    assert second.author is not None and (second.author.name, second.author.rank) == ("Jasper Thorne", "Mod")
    assert second.post_id == "1450"
    assert quotes(second) == [("Cordelia Mapp", "Paraffin or a heat gun?")]
    assert second.lines == ("Paraffin, left overnight. A heat gun can crack the frame.",)
    assert second.reactions is None  # the reaction buttons alone are not reactions
    for chrome in ("Options", "Like", "said:", "Powered by"):
        assert chrome not in body(pg)


def test_stackexchange_golden() -> None:
    pg = page("stackexchange")
    assert pg.engine == "stackexchange"
    assert pg.title == "How do I stop bread dough sticking to a linen couche?"
    q, ans = pg.posts  # comments are left out by default
    assert q.author is not None and (q.author.name, q.author.reaction_score) == ("Perdita Lowe", 1877)
    assert q.date == dt.datetime(2019, 2, 11, 8, 30, 12, tzinfo=UTC)
    assert (q.post_id, q.reactions) == ("4242", "12 votes")
    assert q.lines == ("Every time I proof a batard in my linen couche it tears when I lift it.", "",
                       "I dust with wheat flour. What am I doing wrong?")
    assert ans.author is not None and (ans.author.name, ans.author.reaction_score) == ("Jocasta Vine", 12050)
    assert (ans.post_id, ans.reactions) == ("4250", "20 votes")
    assert ans.lines[-1] == "rice flour : wheat flour = 1 : 1"
    # the edit signature (another user's) is the edit note, not the author; the share link is the permalink
    assert (ans.edit_note, ans.permalink) == ("edited Feb 12, 2019 at 7:05 (Hesper Quill)", "/a/4250")
    assert (q.edit_note, q.permalink) == (None, "/q/4242")
    for chrome in ("asked", "answered", "edited", "Share", "Follow", "Improve", "New linen needs seasoning"):
        assert chrome not in body(pg)


def test_stackexchange_comments_on_their_posts() -> None:
    pg = page("stackexchange")
    q, ans = pg.posts
    (comment,) = q.comments
    assert comment.comment_id == "9001"
    assert comment.author == "Alaric Fenn"
    assert comment.date == dt.datetime(2019, 2, 11, 9, 2, 40, tzinfo=UTC)
    assert comment.text == "Is the couche new? New linen needs seasoning."
    assert ans.comments == ()
    doc = postclean.clean((FIX / "stackexchange.html").read_bytes())
    assert "New linen needs seasoning" not in doc.text  # comments are not part of the default text
    inline = doc.render(comments="inline")
    assert "Is the couche new? New linen needs seasoning. – Alaric Fenn" in inline
    assert inline.index("What am I doing wrong?") < inline.index("Is the couche new?") < inline.index(
        "rice flour"
    )
    assert doc.to_dict()["posts"][0]["comments"][0]["date"] == "2019-02-11T09:02:40+00:00"
    with pytest.raises(ValueError, match="comments must be"):
        doc.render(comments="yes")  # type: ignore[arg-type]


def test_reddit_old_golden() -> None:
    pg = page("reddit-old")
    assert (pg.engine, pg.engine_version) == ("reddit", "old")
    assert pg.title == "Found a 1970s slide projector at a car boot sale"
    post, reply, nested = pg.posts  # the AutoModerator sticky is not a post
    assert post.author is not None and post.author.name == "lumen_hatter"
    assert (post.post_id, post.reactions) == ("t3_k9x2ab", "57 points")
    assert post.date == dt.datetime(2021, 3, 1, 11, 40, tzinfo=UTC)
    assert post.lines == ("The bulb works but the fan rattles like a tin of bolts.", "",
                          "Any idea where to find a replacement fan?")
    assert any(r.name == "system-post" and "AutoModerator" in r.text for r in post.removals)
    assert reply.author is not None and reply.author.name == "cogwheel_ada"
    assert (reply.post_id, reply.reactions) == ("t1_gf00b2", "21 points")
    assert reply.lines == ("Computer case fans of the same size fit. Check the voltage first.",)
    # the tagline's edited "*" (its tooltip and time) and the user's flair
    assert reply.edit_note == "last edited 5 years ago (2021-03-01T12:20:00+00:00)"
    assert reply.author.rank == "Fan Fixer" and post.edit_note is None
    # a reply's score and buttons are its own, not its parent's
    assert sum(r.name == "reactions" for r in reply.removals) == 1
    assert nested.post_id == "t1_gf00c3" and nested.reactions == "8 points"
    # Reddit has no post-quote feature: a markdown blockquote stays in the body
    assert nested.lines == ("Check the voltage first.", "", "It says 12 volts on the label, thanks!")
    for chrome in ("permalink", "[–]", "I am a bot", "jump to content", "User Agreement"):
        assert chrome not in body(pg)


def test_reddit_new_golden() -> None:
    pg = page("reddit-new")
    assert (pg.engine, pg.engine_version) == ("reddit", "shreddit")
    assert pg.title == "Re-caning a bentwood chair seat"
    post, reply, nested = pg.posts
    assert post.author is not None and post.author.name == "rattan_rosalind"
    assert (post.post_id, post.reactions) == ("t3_1q2w3e", "143 points")
    assert post.date == dt.datetime(2025, 8, 9, 16, 20, 11, tzinfo=UTC)
    assert post.lines == ("The old seat has a round hole and I bought pre-woven cane sheet.", "",
                          "Do I soak the spline as well as the sheet?")
    assert reply.author is not None and reply.author.name == "spline_and_groove"
    assert reply.date == dt.datetime(2025, 8, 9, 17, 2, 40, tzinfo=UTC)
    assert reply.lines == ("Soak the sheet for an hour, the spline only for ten minutes.",)
    assert nested.lines == ("Ten minutes, noted. Thank you!",) and nested.reactions == "12 points"
    assert "I am a bot" not in body(pg)


def test_lemmy_golden() -> None:
    pg = page("lemmy")
    assert pg.engine == "lemmy"
    assert pg.title == "Mending a wool sock with a darning mushroom"
    post, comment = pg.posts
    assert post.author is not None and post.author.name == "darner_dot"
    # the visible date is relative ("1 year ago"); the exact time is in the tooltip attribute
    assert post.date == dt.datetime(2024, 11, 9, 10, 15, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert post.lines == ("Weave across the hole first, then under and over on the return pass.", "",
                          "Use yarn a little thinner than the sock.")
    assert comment.author is not None and comment.author.name == "heelturner"
    assert (comment.post_id, comment.permalink) == ("9101", "https://sock.example/comment/9101")
    assert comment.lines == ("A lightbulb works if you have no mushroom.",)
    for chrome in ("Communities", "Create Post", "Reply", "Share", "year ago"):
        assert chrome not in body(pg)


@pytest.mark.parametrize(
    "name",
    ["vbulletin3", "vbulletin4", "vbulletin5", "xenforo1", "smf", "mybb", "fluxbb", "nodebb", "flarum",
     "vanilla", "stackexchange", "reddit-old", "reddit-new", "lemmy"],
)
def test_engine_goldens_through_clean(name: str) -> None:
    """The full pipeline keeps the posts, never invents text, and every HTML removal names a node."""
    html = (FIX / f"{name}.html").read_text(encoding="utf-8")
    doc = postclean.clean(html)
    pg = extract_page(html)
    assert doc.kind == "html" and doc.engine == pg.engine
    assert len(doc.posts) == len(pg.posts)
    assert doc.posts[0].author is not None and doc.starter == doc.posts[0].author.name
    assert all(r.node for r in doc.removals if r.code.endswith(("001", "002", "003", "006", "011")))
    flat = " ".join(unescape(html).split())
    for p in doc.posts:
        for line in p.body.splitlines():
            for word in line.split():
                assert word in flat, word


def test_xenforo2_removals_explain_each_thing_once() -> None:
    """The reactions list loses its screen-reader label; a quote's header is recorded with the quote (not as
    post chrome); the footer's buttons removal does not repeat the reactions bar that sits inside it."""
    pg = page("xenforo")
    first = pg.posts[0]
    assert first.reactions == "Otto Brambleworth and 3 others"
    by_name = {r.name: r.text for r in first.removals}
    assert by_name["quote"].startswith("Otto Brambleworth said:")
    assert "said:" not in by_name.get("post-chrome", "")
    assert "Otto Brambleworth" not in by_name["buttons"]
    assert by_name["buttons"] == "Reply Report"


def test_reddit_link_submissions_carry_a_link_card() -> None:
    """A link post's target (title, domain, URL) is its link card; the title stays the body."""
    new = extract_page(
        '<html><body><shreddit-post id="t3_ab12" author="kiln_keeper" post-type="link" '
        'post-title="Glaze recipes from 1920s pottery ledgers digitised" domain="clayarchive.org" '
        'content-href="https://clayarchive.org/ledgers/1921" created-timestamp="2025-02-03T10:00:00+0000">'
        "</shreddit-post></body></html>"
    )
    post = new.posts[0]
    assert post.lines == ("Glaze recipes from 1920s pottery ledgers digitised",)
    assert post.article is not None and post.article.link_card is not None
    card = post.article.link_card
    assert (card.domain, card.url) == ("clayarchive.org", "https://clayarchive.org/ledgers/1921")
    old = extract_page(
        '<html><body><div class="thing id-t3_cd34 odd link" data-fullname="t3_cd34" data-author="kiln_keeper" '
        'data-url="https://clayarchive.org/ledgers/1921" data-domain="clayarchive.org">'
        '<div class="entry"><p class="title"><a class="title" href="https://clayarchive.org/ledgers/1921">'
        "Glaze recipes from 1920s pottery ledgers digitised</a></p>"
        '<p class="tagline">submitted by <a class="author" href="/user/kiln_keeper">kiln_keeper</a> '
        '<time datetime="2025-02-03T10:00:00+00:00">1 day ago</time></p></div></div>'
        '<div class="thing id-t3_ef56 odd link self" data-fullname="t3_ef56" data-author="glazer" '
        'data-url="/r/Pottery/comments/ef56/crawling_glaze/" data-domain="self.Pottery">'
        '<div class="entry"><p class="title"><a class="title" href="/r/Pottery/comments/ef56/">Crawling glaze</a></p>'
        '<div class="usertext-body"><div class="md"><p>Why does my glaze crawl on the rim?</p></div></div>'
        '<p class="tagline">submitted by <a class="author" href="/user/glazer">glazer</a> '
        '<time datetime="2025-02-03T11:00:00+00:00">1 day ago</time></p></div></div>'
        "</body></html>"
    )
    link, self_post = old.posts
    assert link.article is not None and link.article.link_card is not None
    assert link.article.link_card.url == "https://clayarchive.org/ledgers/1921"
    assert link.article.link_card.domain == "clayarchive.org"
    assert self_post.article is None or self_post.article.link_card is None


@pytest.mark.parametrize(
    "label", ["Reactions: ", "Like Reactions: ", "Reaktionen: ", "Réactions : ", "Реакции: ", "Gefällt mir Reaktionen: "]
)
def test_xenforo_reactions_label_left_out_in_every_language(label: str) -> None:
    from postclean.html.xenforo import _REACTIONS_LABEL_RE

    assert _REACTIONS_LABEL_RE.sub("", label + "Jens_K, Uwe_B and 2 others") == "Jens_K, Uwe_B and 2 others"
    assert _REACTIONS_LABEL_RE.sub("", "Reactionary views: none") == "Reactionary views: none"
