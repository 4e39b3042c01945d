"""Regressions for content loss in the text door: rules must not take post text they do not own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import postclean
from postclean.packs._classic import seen_run
from postclean.text import TextView


def test_ips5_one_line_reply_between_same_day_dates_kept() -> None:
    text = (
        "June 14, 20241 yr\n"
        "If the forums close, I think that we, the fans, should make our own place to meet.\n"
        "June 15, 20241 yr\n"
        "It didn't load for a while, so that felt foreboding\n"
        "June 15, 20241 yr\n"
        "It happened last Friday too, and the weekend before that as well.\n"
        "June 16, 20241 yr\n"
        "Thanks for keeping us posted.\n"
    )
    doc = postclean.clean(text, kind="text")
    assert "It didn't load for a while, so that felt foreboding" in doc.text
    assert "Thanks for keeping us posted." in doc.text


def test_quote_run_stops_before_short_reply_seen_earlier() -> None:
    quoted = "The new roof held up in the storm last night without a single leak."
    view = TextView(
        [quoted, "Thanks!", "More of my own reply here."], context={"seen": {quoted: 1, "Thanks!": 1}}
    )
    assert seen_run(view, 0) == 0


def test_signature_not_taken_from_other_authors() -> None:
    block = "{name}\nMember\nJoined\nJun 9, 2020\nMessages\n88\nReaction score\n12\n"
    text = (
        block.format(name="kestrel")
        + "The roof held.\nSee you all at the meet next month then.\n"
        + block.format(name="marten")
        + "Mine leaked.\nSee you all at the meet next month then.\n"
    )
    doc = postclean.clean(text, kind="text")
    assert all(p.signature is None for p in doc.posts)


def test_page_header_keeps_a_wrapped_first_post_under_a_menu() -> None:
    # elinks and links2 wrap text at a width: a first post (its poster block dropped) under the page's menu has
    # sentences that end on no line; PAGE010 must not take its lines for header scraps.
    paragraph = (
        "All of a sudden the deployment for the harbour site has stopped working and the build passes but "
        "when it gets to the deployment stage it shows an error that nobody on the team has seen before and "
        "the log says nothing useful about it either so we tried again with the cache cleared and a fresh "
        "checkout of the repository but the same thing happens at the same step every single time we run it "
        "and now we are stuck with the old version online while the new timetable pages wait for their turn "
        "to go live which is a shame because the ferry times change next week and people will need them "
        "so if anyone here has seen this error before or knows where the deployment logs keep the real reason "
        "for the failure we would be very glad to hear about it before the weekend comes round again"
    )
    words = paragraph.split()
    wrapped, line = [], ""
    for w in words:
        if len(line) + len(w) + 1 > 72:
            wrapped.append("   " + line)
            line = w
        else:
            line = f"{line} {w}".strip()
    wrapped.append("   " + line + ".")
    menu = ["   Log in", "   Register", "   What's new", "   Forums", "   New posts", "   Members"]
    blocks = (
        "harbour_hana\nWell-known member\nJoined\nMar 3, 2015\nMessages\n2,114\n"
        "The north pier ferry now leaves at seven in winter, and the bus meets it at the gate.\n"
        "quillpen\nMember\nJoined\nApr 12, 2019\nMessages\n88\n"
        "Thanks, I will check the timetable on Sunday before we go down to the harbour.\n"
    )
    text = "\n".join(["   Harbour Forum", *menu, "   Deploy failed", "   Support", *wrapped]) + "\n" + blocks
    doc = postclean.clean(text, kind="text")
    body = doc.posts[0].body
    for x in wrapped:
        assert x.strip() in body


def test_page_header_keeps_running_text_that_ends_no_sentence() -> None:
    # a first post (its poster block dropped) under the page's menu, opening with a long line that ends in a
    # colon-less lead-in ("... it shows") before a log: running text, not a header scrap
    menu = ["Log in", "Register", "What's new", "Forums", "New posts", "Members"]
    opening = (
        "All of a sudden the deployment for the harbour site has stopped working and the build passes but when "
        "it gets to the deployment stage it shows"
    )
    blocks = (
        "harbour_hana\nWell-known member\nJoined\nMar 3, 2015\nMessages\n2,114\n"
        "The north pier ferry now leaves at seven in winter, and the bus meets it at the gate.\n"
        "quillpen\nMember\nJoined\nApr 12, 2019\nMessages\n88\n"
        "Thanks, I will check the timetable on Sunday before we go down to the harbour.\n"
    )
    lines = ["Harbour Forum", *menu, "Deploy failed", "Support", opening, "6:58:36 AM: Deploy site",
             "6:58:37 AM: Execution cancelled", "When this happened in February I changed the node version."]
    doc = postclean.clean("\n".join(lines) + "\n" + blocks, kind="text")
    assert opening in doc.posts[0].body
    assert "6:58:37 AM: Execution cancelled" in doc.posts[0].body


def test_profile_column_after_the_post_text_joins_that_post() -> None:
    # phpBB through html-text: the post's subject and byline, its text, then the poster's profile column; the
    # byline opens the post, and the profile (same poster, no text of its own) completes its author.
    text = (
        "Re: Tide tables\nby saltmarsh » Sun May 26, 2019 4:34 pm\n"
        "The tables are on the port authority site now, under navigation notices.\n"
        "saltmarsh\nHarbour Regular\nPosts: 6962\nJoined: Sun Sep 03, 2006 9:23 pm\nLocation: Falmouth\n"
        "Top\nReply with quote\n"
        "Re: Tide tables\nby tern_spotter » Sun May 26, 2019 4:43 pm\n"
        "Thanks, found them and printed the spring pages.\n"
        "tern_spotter\nPosts: 782\nJoined: Thu Jan 31, 2019 2:10 pm\nTop\n"
    )
    doc = postclean.clean(text, kind="text")
    assert [p.author.name if p.author else None for p in doc.posts] == ["saltmarsh", "tern_spotter"]
    first = doc.posts[0]
    assert first.author is not None and first.author.rank == "Harbour Regular"
    assert first.author.messages == 6962 and first.author.location == "Falmouth"
    assert first.date is not None and first.date.hour == 16
    assert first.lines == (0, 9)
    assert {r.post for r in doc.removals} == {0, 1}
    assert doc.posts[1].author is not None and doc.posts[1].author.messages == 782


def test_poster_block_and_number_date_line_are_one_post_head() -> None:
    # A XenForo theme prints the poster block (avatar letter, name, "N posts · Joined YYYY"), a multi-quote
    # button, then "#N · {date}" above the text. Both open a post for the split rules; read apart they made an
    # empty post for the poster and a post without its author.
    text = (
        "Lighthouse Keepers Forum\n"
        "Q\nquillpen Discussion starter\n138 posts · Joined 2012\n  * Add to quote\n"
        "#1 · Mar 3, 2024\n"
        "The lamp in the north tower has started to flicker after the winter storms.\n"
        "Reply\n"
        "saltmarsh\n6,962 posts · Joined 2006\n  * Add to quote\n"
        "#2 · Mar 4, 2024\n"
        "Check the brushes on the rotation motor before you change the lamp itself.\n"
        "Reply\n"
    )
    doc = postclean.clean(text, kind="text")
    authored = [p for p in doc.posts if p.author is not None]
    assert [p.author.name for p in authored if p.author] == ["quillpen", "saltmarsh"]
    assert all(p.body and p.date is not None for p in authored)
    assert [p.number for p in authored] == [1, 2]
    assert authored[1].author is not None and authored[1].author.messages == 6962
    assert "winter storms" in authored[0].body and "rotation motor" in authored[1].body


def test_two_heads_with_different_names_stay_two_posts() -> None:
    # a post that is only its poster block (its text lost) stays its own post before the next poster's block
    text = (
        "quillpen\n138 posts · Joined 2012\n  * Add to quote\n"
        "saltmarsh\n6,962 posts · Joined 2006\n  * Add to quote\n"
        "#2 · Mar 4, 2024\n"
        "Check the brushes on the rotation motor before you change the lamp itself.\n"
    )
    doc = postclean.clean(text, kind="text")
    names = [p.author.name if p.author else None for p in doc.posts]
    assert names == ["quillpen", "saltmarsh"]
    assert not doc.posts[0].body and "rotation motor" in doc.posts[1].body


def test_phpbb_starter_badge_is_not_the_name_and_subject_over_buttons_is_taken() -> None:
    # phpBB 3.3 (html2text): avatar alt, the thread starter's badge, the name, stats; then the subject, the
    # post's buttons, and the byline. The badge is not the name, and the subject belongs to the post head.
    def post(name: str, subject: str, when: str, body: str, badge: bool) -> str:
        return (
            "User avatar\n\n" + ("Topic Author\n\n" if badge else "") + f"{name}\n    Posts: 524\n"
            "    Joined: Mon Jul 24, 2017 9:28 am\n\n"
            f"{subject}\n\n  - Quote\n  - Quote\n\n\nPost by {name} » {when}\n\n{body}\n\nTop\n\n"
        )

    text = "12 posts • Page 1 of 1\n\n" + post(
        "tidewatcher", "Spring tide tables", "Sat Feb 24, 2024 12:41 pm",
        "Where do the harbour office publish the spring tables this year?", True,
    ) + post(
        "saltmarsh", "Re: Spring tide tables", "Sat Feb 24, 2024 5:12 pm",
        "On the port authority site, under navigation notices.", False,
    ) + post(
        "tidewatcher", "Re: Spring tide tables", "Sat Feb 24, 2024 6:09 pm",
        "Found them, thank you for the pointer.", True,
    )
    doc = postclean.clean(text, kind="text")
    assert [p.author.name if p.author else None for p in doc.posts if p.author] == [
        "tidewatcher", "saltmarsh", "tidewatcher"
    ]
    assert all(p.body for p in doc.posts if p.author)
    assert doc.posts[-3].title == "Spring tide tables"
    assert "Topic Author" not in doc.text


def test_starter_from_the_subject_later_posts_reply_to() -> None:
    # the page header stays as the first "post"; the first poster's name is printed nowhere above their block,
    # but their subject is the one the replies answer ("Re: …"): they started the thread
    text = (
        "Harbour Forum\nAll about the north harbour and its boats.\n\n"
        "saltmarsh\nPosts: 524\nJoined: Mon Jul 24, 2017 9:28 am\n"
        "Spring tide tables\nPost by saltmarsh » Sat Feb 24, 2024 12:41 pm\n"
        "Where does the harbour office publish the spring tables this year?\n"
        "quillpen\nPosts: 88\nJoined: Thu Jan 31, 2019 2:10 pm\n"
        "Re: Spring tide tables\nPost by quillpen » Sat Feb 24, 2024 5:12 pm\n"
        "On the port authority site, under navigation notices.\n"
    )
    doc = postclean.clean(text, kind="text")
    assert doc.posts[0].author is None  # the page header
    assert doc.starter == "saltmarsh"


def test_last_item_of_a_pagination_list_is_not_a_poster_name() -> None:
    # html2text on phpBB: the pagination list right above the first poster's profile
    text = (
        "The harbour board's forum for tide tables and ferry times.\n\n48 posts\n\n"
        "  * 1\n  * [2](./viewtopic.php?t=7&start=15)\n  * [3](./viewtopic.php?t=7&start=30)\n"
        "  * [__Next](./viewtopic.php?t=7&start=15)\n\n\n\n"
        "[saltmarsh](./memberlist.php?mode=viewprofile&u=7)\n    **Posts:** [138](./search.php?author_id=7)\n"
        "    **Joined:** 4\\. Jul 2012, 16:09\n\n"
        "###  [Spring tide tables](./viewtopic.php?p=5#p5)\n\n"
        "[ __Post ](./viewtopic.php?p=5#p5 \"Post\") by **[saltmarsh](./memberlist.php?u=7)** » 11 Sep 2024, 18:36\n\n"
        "Where does the harbour office publish the spring tables this year?\n"
    )
    doc = postclean.clean(text, kind="text")
    authored = [p for p in doc.posts if p.author is not None]
    assert authored and authored[0].author is not None
    assert authored[0].author.name == "saltmarsh" and authored[0].author.rank is None


def test_first_post_with_a_signature_keeps_its_text_under_a_preview() -> None:
    # a XenForo theme prints the first post's paragraphs as a teaser above the thread; the post repeats them and
    # adds its signature line, which the teaser lacks: the teaser goes, the post keeps its paragraphs
    paragraphs = [
        "The lamp in the north tower has flickered every night since the winter storms came through.",
        "I replaced the bulb twice and checked the wiring in the lantern room, and nothing changed at all.",
        "Has anyone here dealt with an old rotation motor that draws too much current when it is cold?",
    ]
    text = "\n".join(
        [
            "Lighthouse Keepers Forum",
            *paragraphs,
            "Flickering lamp in the north tower",
            "Q\nquillpen Discussion starter\n138 posts · Joined 2012\n  * Add to quote",
            "#1 · Mar 3, 2024",
            *paragraphs,
            "North tower keeper since 1998, Fresnel lens of the second order, clockwork kept running.",
            "Reply",
            "saltmarsh\n6,962 posts · Joined 2006\n  * Add to quote",
            "#2 · Mar 4, 2024",
            "Check the brushes on the rotation motor before you change the lamp itself.",
        ]
    )
    doc = postclean.clean(text, kind="text")
    first = next(p for p in doc.posts if p.author is not None)
    assert first.author is not None and first.author.name == "quillpen"
    for line in paragraphs:
        assert line in first.body
    assert not first.quotes
    assert doc.text.count(paragraphs[0]) == 1


@pytest.mark.parametrize(
    ("text", "engine"),
    [
        # Resiliparse: XenForo 2's stat block without list bullets
        (
            "Harbour Talk\nquillpen\nWell-known member\nJoined\nFeb 8, 2017\nMessages\n5,421\nReaction score\n"
            "29,758\nThe spring tides are higher than usual this year.\n",
            "xenforo",
        ),
        # html-text: the thread header's labels at lines' starts, in German
        (
            "Hafenforum\nErsteller\nErsteller quillpen\nErstellt am\nErstellt am 5. Jan. 2024\n"
            "Die Fähre fährt im Winter um sieben.\n",
            "xenforo",
        ),
        # spigot-style XenForo 1 quote: the header keeps its arrow
        (
            "marlin said: ↑\nThe ferry was late again.\nClick to expand...\nIt was on time today.\n",
            "xenforo",
        ),
        # Resiliparse, XenForo 1 in Spanish: the thread description under the title is the sign
        (
            "Horarios del ferry en invierno\n\nTema en 'Puerto' iniciado por gaviota_88, 18 May 2016.\n\n"
            "gaviota_88\nEl ferry sale a las siete en invierno.\n",
            "xenforo",
        ),
    ],
)
def test_xenforo_is_sniffed_from_whole_page_text(text: str, engine: str) -> None:
    assert postclean.clean(text, kind="text").engine == engine


def test_discourse_post_numbers_in_a_run_are_taken_with_the_engine_sniffed() -> None:
    # Resiliparse keeps only the post numbers; a number right under the last line of the post above (no blank
    # line between) was left when Discourse was sniffed, and then taken on a second pass, where the cleaned
    # text no longer sniffs as Discourse: a run of consecutive numbers with prose between now counts either way
    from postclean.packs.discourse import post_header

    lines = [
        "1",
        "",
        "The new pier lights are on a timer now, and they switch off at midnight.",
        "2",
        "",
        "Does anyone know who set the timer?",
        "3",
        "",
        "The harbour office did, last week.",
        "4",
        "",
        "Thanks, I will ask them to change it.",
    ]
    hits = list(post_header.detect(TextView(lines, engine="discourse")))
    assert [h.start for h in hits] == [0, 3, 6, 9]


def test_xenforo_heads_without_stats_split_a_whole_page() -> None:
    # XenForo 2 themes that show no poster stats: html-text keeps the avatar's text (or letter), the name,
    # titles, the post date and ``#N``. No stat anchored these heads, so a whole page was one post without
    # an author, its navigation left in the body.
    page = "\n\n".join(
        [
            "Harbour Forum",
            "Home Forums What's new Members",
            "Log in Register",
            "Thread starter quillpen",
            "Start date 3 Mar 2024",
            "quillpen",
            "quillpen",
            "3 Mar 2024",
            "#1",
            "The east slipway is closed for repairs until April.",
            "marlin",
            "marlin",
            "Skipper",
            "4 Mar 2024",
            "#2",
            "Thanks, we will launch from the west side then.",
            "quillpen",
            "quillpen",
            "4 Mar 2024",
            "#3",
            "It is busy at weekends, so go early.",
        ]
    )
    doc = postclean.clean(page, kind="text")
    authored = [p for p in doc.posts if p.author]
    assert [(p.author.name, p.number) for p in authored if p.author] == [("quillpen", 1), ("marlin", 2), ("quillpen", 3)]
    assert authored[1].author is not None and authored[1].author.rank == "Skipper"
    assert [p.body for p in authored] == [
        "The east slipway is closed for repairs until April.",
        "Thanks, we will launch from the west side then.",
        "It is busy at weekends, so go early.",
    ]
    assert doc.starter == "quillpen"


def test_flarum_poster_names_in_a_spaced_layout() -> None:
    # html-text (and lynx, w3m, inscriptis …) write Flarum's no-JavaScript view one text node a line with
    # blank lines between; the layout reader compacts such text, and the poster name's blank line before it
    # was no longer seen: the whole thread was one post without an author.
    lines = [
        "Ferry timetables - Harbour Community",
        "This site is best viewed in a modern browser with JavaScript enabled.",
        "Something went wrong while trying to load the full version of this site. Try hard-refreshing this page to fix the error.",
        "Ferry timetables",
        "quillpen",
        "The winter timetable starts on the first of November this year.",
        "The last boat now leaves at six in the evening.",
        "marlin",
        "quillpen Thanks for posting this, the harbour office had not put it up yet.",
        "kestrel",
        "Does the Sunday boat still run in December?",
        "quillpen",
        "kestrel Only until the middle of the month, then it stops until March.",
    ]
    doc = postclean.clean("\n\n".join(lines) + "\n", kind="text")
    assert doc.engine == "flarum"
    assert "spaced-layout" in doc.flags
    assert [p.author.name for p in doc.posts if p.author] == ["quillpen", "marlin", "kestrel", "quillpen"]
    assert doc.posts[-2].body == "Does the Sunday boat still run in December?"


def test_poster_block_with_four_titles_and_a_name_in_capitals() -> None:
    # a poster with four user titles (``Staff Emeritus`` / ``Science Advisor`` / ``Homework Helper`` /
    # ``2025 Award``) had the last title read as the name; a name in capitals printed twice was read as two
    # titles and the line above it as the name
    text = "\n\n".join(
        [
            "The harbour lights are on a timer now.",
            "tidewright\nStaff Emeritus\nScience Advisor\nHomework Helper\n2025 Award",
            "Messages\n\n16,032\n\nReaction score\n\n7,979",
            "They switch off at midnight since the summer.",
            "1",
            "KESTREL\n\nKESTREL\n\nOutstanding Member",
            "Joined\n\nNov 11, 2001\n\nMessages\n\n32,336",
            "Who set the timer, the harbour office?",
        ]
    )
    doc = postclean.clean(text, kind="text")
    authors = [p.author for p in doc.posts if p.author]
    assert [a.name for a in authors] == ["tidewright", "KESTREL"]
    assert authors[0].rank == "Staff Emeritus"
    assert authors[1].rank == "Outstanding Member"


@pytest.mark.parametrize(
    "text",
    [
        # Resiliparse keeps Invision 5's topic overview: the counters, one a list item
        "Ferry timetables\n\n  • Replies 154\n  • Views 26.2k\n  • Created\n  • Last Reply\n\n"
        "The winter timetable starts in November.\n",
        # and in German
        "Fährpläne\n\n  • Antworten 12\n  • Aufrufe 1,2k\n\nDer Winterfahrplan beginnt im November.\n",
        # its headings, without the counters
        "Featured Replies\n\nThe winter timetable starts in November.\n\nTop Posters In This Topic\n",
    ],
)
def test_invision_is_sniffed_from_its_topic_overview(text: str) -> None:
    assert postclean.Cleaner().sniff_scores(text)["invision"] >= 0.35


def test_invision_relative_quote_header_is_a_signal() -> None:
    text = "10 hours ago, quillpen said:\n\nThe ferry was late again.\n\nIt was on time today.\n"
    assert postclean.Cleaner().sniff_scores(text)["invision"] >= 0.25


def _compact_thread(n: int) -> str:
    blocks = []
    for k, (name, text) in enumerate(
        [
            ("quillpen", "The winter timetable starts in November."),
            ("marlin", "Does the Sunday boat still run in December?"),
            ("kestrel", "Only until the middle of the month."),
            ("tern", "Thanks, that helps."),
            ("dunlin", "The harbour office has the new leaflet."),
        ][:n]
    ):
        blocks.append(f"{name}\n{10 + k} posts · Joined 2019\n#{k + 2} · Jan {k + 2}, 2024\n{text}")
    return "\n\n".join(blocks) + "\n"


def test_engine_named_by_the_chrome_its_rules_took() -> None:
    # no sniffer recognises these poster blocks (VerticalScope's XenForo theme through Resiliparse), but five
    # of them went to the XenForo pack's rule: doc.engine says so, under the sniffers' confidence, flagged
    text = _compact_thread(5)
    assert postclean.Cleaner().sniff_scores(text)["xenforo"] < 0.5
    doc = postclean.clean(text, kind="text")
    assert doc.engine == "xenforo"
    assert doc.engine_confidence < 0.5
    assert "engine-from-chrome" in doc.flags
    # too little evidence: two blocks
    few = postclean.clean(_compact_thread(2), kind="text")
    assert few.engine is None and "engine-from-chrome" not in few.flags


def test_shapes_other_engines_print_do_not_name_an_engine() -> None:
    # stat lines and edit notes are XenForo rules' chrome too, but every engine prints them
    text = "\n".join(
        f"Posts: {10 + k}\nThe ferry was late again, for the {k}th time.\nLast edited: Jan {k + 1}, 2024"
        for k in range(6)
    )
    doc = postclean.clean(text, kind="text")
    assert doc.engine is None


def _unseen_thread(head: Callable[[int], str]) -> str:
    """Six posts of a forum no pack reads, each under the head ``head(k)`` gives."""
    return "\n".join(
        f"{head(k)}\nThe lock keeper says the canal drains on the {k + 3}th, so moor above the gates.\n" for k in range(6)
    )


@pytest.mark.parametrize(
    "head",
    [
        # a dated post head with its number (bbPress, phpBB themes): vBulletin's header line's shape
        lambda k: f"March {k + 2}, 2024 at 7:{10 + k} am#{300 + k}",
        # a poster block of name, title, post count and date (Simple:Press): MyBB's block's shape
        lambda k: f"{'Maud' if k % 2 else 'Ossie'} Brackett\nMember\nPosts: {40 + k}\nMarch {k + 2}, 2024 - 8:{10 + k} pm",
        # a comment's collapse toggle (Hacker News): old Reddit's too
        lambda k: f"lockhand{k} {k + 1} hours ago | parent | next\n[–]",
    ],
    ids=["dated-post-head", "poster-block", "collapse-toggle"],
)
def test_shapes_of_unseen_engines_do_not_name_an_engine(head: Callable[[int], str]) -> None:
    # a pack's rules take these shapes on any text, but the shapes are no engine's own: the text keeps no engine
    doc = postclean.clean(_unseen_thread(head), kind="text")
    assert doc.engine is None
    assert "engine-from-chrome" not in doc.flags


def test_a_starter_badge_and_back_to_top_links_are_not_phpbb() -> None:
    # a back-to-top link and the thread starter's badge: many engines' styles print both
    post = "Original Poster\nmoorhen_ellis\nThe towpath is closed past the third lock until May.\nTop\n"
    assert postclean.clean(post * 4, kind="text").engine is None
    # phpBB's avatar alt text next to them still names it
    phpbb = "User avatar\nTopic Author\nmoorhen_ellis\nThe towpath is closed past the third lock until May.\nTop\n"
    assert postclean.clean(phpbb * 4, kind="text").engine == "phpbb"


def test_stack_exchange_main_content_text_is_sniffed_from_its_prompts() -> None:
    # Resiliparse's main content of a Stack Overflow question of the 2024 layout: no user cards, no "asked" lines,
    # no post menus; the answer count, the prompt under the question and the vote counts are all that is left
    text = (
        "12\n\nHow do I keep the kettle from scaling when the water is hard? Vinegar works but the smell stays.\n\n"
        "Sign up to request clarification or add additional context in comments.\n\n"
        "2 Answers\n\n"
        "15\n\nDescale it with citric acid once a month; it leaves no smell and costs very little.\n\n"
        "Add a comment \xa0|\xa0\n\n"
        "3\n\nA filter jug in front of the kettle stops most of the scale before it forms.\n"
    )
    doc = postclean.clean(text, kind="text")
    assert doc.engine == "stackexchange"
    bodies = [p.body for p in doc.posts]
    assert len(bodies) == 3
    assert not any(line.strip().isdigit() for b in bodies for line in b.split("\n"))
    assert all("Add a comment" not in b and "Sign up" not in b for b in bodies)
    # one prompt alone is not enough to call a text Stack Exchange
    assert postclean.Cleaner().sniff_scores("2 Answers\n\nSome text.\n")["stackexchange"] < 0.5


def test_no_break_spaces_inside_a_line_read_as_spaces() -> None:
    # Resiliparse keeps the &nbsp; a vBulletin 3 theme prints between the post number and its permalink: the
    # header gives the post's date and number; a body keeps its own no-break spaces
    text = (
        "Old 3rd May 2024, 09:12 \t\t\xa0 #1 \xa0|\xa0\xa0Link\nquillpen\nRegistered User\n\xa0\n"
        "Join Date: Mar 2016\nPosts: 12\nThe ferry leaves at\xa09:30 from the north pier.\n"
        "quillpen is offline \xa0 \t\tReply With Quote\n"
        "Old 4th May 2024, 10:40 \t\t\xa0 #2 \xa0|\xa0\xa0Link\nmarlin\nSenior Member\n\xa0\n"
        "Join Date: Jun 2020\nPosts: 431\nIt ran late on Sunday.\n"
        "marlin is offline \xa0 \t\tReply With Quote\n"
        "Powered by vBulletin\xae Version 3.8.11\n"
    )
    doc = postclean.clean(text, kind="text")
    assert [(p.author.name if p.author else None, p.number) for p in doc.posts] == [("quillpen", 1), ("marlin", 2)]
    assert doc.posts[0].date is not None and doc.posts[0].date.day == 3
    assert doc.posts[0].body == "The ferry leaves at\xa09:30 from the north pier."


@pytest.mark.parametrize(
    "first",
    [
        "The ferry leaves at 9:30 from the north pier.",  # a time's colon
        "The ferry: it leaves at noon from the north pier.",  # a sentence after the colon
        "What the harbour master told me last week: no boats.",  # a label of many words
    ],
)
def test_first_sentence_under_poster_stats_is_not_a_custom_field(first: str) -> None:
    text = (
        "Old 3rd May 2024, 09:12 #1 | Link\nquillpen\nRegistered User\nJoin Date: Mar 2016\nPosts: 12\n"
        f"{first}\nquillpen is offline Reply With Quote\n"
        "Old 4th May 2024, 10:40 #2 | Link\nmarlin\nSenior Member\nJoin Date: Jun 2020\nPosts: 431\n"
        "Car: Audi A4\nIt ran late on Sunday.\nmarlin is offline Reply With Quote\n"
        "Powered by vBulletin\xae Version 3.8.11\n"
    )
    doc = postclean.clean(text, kind="text")
    assert [p.body for p in doc.posts] == [first, "It ran late on Sunday."]
    assert doc.posts[1].author is not None and list(doc.posts[1].author.extra.values()) == ["Audi A4"]


@pytest.mark.parametrize(
    "text",
    [
        "quillpen sagte:\nDie Fähre war spät.\nZum Erweitern anklicken...\nIm Winter immer.\nReaktionen: marlin und kestrel\n",
        "quillpen a dit :\nLe ferry était en retard.\nCliquez pour agrandir...\nComme toujours.\nRéactions: marlin\n",
    ],
)
def test_xenforo_sniffed_from_quotes_and_reactions_in_other_languages(text: str) -> None:
    assert postclean.Cleaner().sniff_scores(text)["xenforo"] >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "A\r",  # an avatar letter's shape with nothing under it
        "quillpen 2 years ago\nText one.\nmarlin 2 years ago\nText two.\ntern 1 year ago\nText three.\nkestrel 1 year ago\n",
    ],
)
def test_shapes_at_the_end_of_the_text_raise_nothing(text: str) -> None:
    doc = postclean.clean(text, kind="text")
    assert not [f for f in doc.flags if f.startswith("rule-error")]


def test_stack_exchange_comment_goes_around_a_line_another_rule_took() -> None:
    # a comment whose hit covers a line an earlier rule took (the MathJax marker a wrapped dump prints alone)
    # keeps its author and text: its free parts go, the first holds the comment (they were dropped whole)
    from postclean.packs.stackexchange import comment

    lines = [
        "The winding knows nothing of the switch: the voltage is there all the time.",
        "\\$\\endgroup\\$",
        "quayside",
        "–  quayside",
        "2019-03-26 19:14:59 +00:00",
        "Commented Mar 26, 2019 at 19:14",
    ]
    view = TextView(lines, engine="stackexchange")
    view.claim(1, 1)
    hits = list(comment.detect(view))
    assert [(h.start, h.end) for h in hits] == [(0, 0), (2, 5)]
    found = hits[0].facts["comment"]
    assert found.author == "quayside"
    assert found.text.startswith("The winding knows nothing")
    assert not hits[1].facts and hits[1].moved_to == hits[0].moved_to


def test_avatar_initial_is_no_poster_name() -> None:
    # a converter dropped the poster's name and kept the avatar's initial above the stats: the initial is not the
    # author (the line still goes, as part of the block), the stats are kept
    block = "{name}\nMember\nJoined\nJun 9, 2020\nMessages\n88\nReaction score\n12\n"
    text = (
        block.format(name="kestrel")
        + "The roof held through the whole storm last night.\n"
        + block.format(name="M")
        + "Mine leaked at the chimney again, so the roofer comes on Monday.\n"
    )
    doc = postclean.clean(text, kind="text")
    assert [p.author.name if p.author else None for p in doc.posts] == ["kestrel", None]
    assert doc.posts[1].author is not None and doc.posts[1].author.messages == 88
    assert "\nM\n" not in "\n" + doc.text + "\n"
    assert any(r.text.strip() == "M" or "\nM\n" in "\n" + r.text + "\n" for r in doc.removals)


_FIRST_POST_ABOVE = (
    "The hedge along the north fence lost half its leaves in a week. Could it be the frost, or a fungus?\n"
    "I cut back the worst branches on Sunday but the bare patch keeps growing.\n"
    "Hedge dropping leaves in spring\n"
    "Discussion in 'Trees & Shrubs' started by hollyoak, Apr 2, 2017.\n"
    "{pager}"
    "- windbreak Well-Known Member A late frost does exactly that to privet. Give it a month before you cut more.\n"
    "- Maria Sandoval New Member Mine did the same and came back thicker by June.\n"
)


@pytest.mark.parametrize("pager", ["Page 1 of 3\n", "", "Seite 1 von 3\n"])
def test_starter_named_by_the_page_wrote_the_text_above_the_first_poster_block(pager: str) -> None:
    # trafilatura keeps a XenForo 1 thread's first post without its poster block, above the thread header that
    # names its starter: on the thread's first page that text is the starter's post
    doc = postclean.clean(_FIRST_POST_ABOVE.format(pager=pager), kind="text")
    assert doc.starter == "hollyoak"
    assert [p.author.name if p.author else None for p in doc.posts] == ["hollyoak", "windbreak", "Maria Sandoval"]
    assert doc.posts[0].body.startswith("The hedge along the north fence")


@pytest.mark.parametrize("pager", ["Page 2 of 3\n", "Strona 3 z 3\n"])
def test_starter_is_no_author_of_the_first_text_on_a_later_page(pager: str) -> None:
    # the header names the starter on every page of the thread: on page 2 the text above the first poster block
    # is somebody's reply
    doc = postclean.clean(_FIRST_POST_ABOVE.format(pager=pager), kind="text")
    assert doc.starter == "hollyoak"
    assert [p.author.name if p.author else None for p in doc.posts] == [None, "windbreak", "Maria Sandoval"]


def test_starter_line_alone_leaves_no_post() -> None:
    doc = postclean.clean("Discussion in 'Trees & Shrubs' started by hollyoak, Apr 2, 2017.\n", kind="text")
    assert doc.starter == "hollyoak"
    assert all(p.author is None or p.author.name == "hollyoak" for p in doc.posts)


def test_starter_is_no_author_of_the_page_header_above_post_one() -> None:
    # a whole page: the text above the first poster block is the page's header when that block is post #1
    text = (
        "Home Forums What's new Members\n"
        "Our club swaps seeds every spring, and the allotment waiting list opens again in March.\n"
        "Discussion in 'Trees & Shrubs' started by hollyoak, Apr 2, 2017.\n"
        "Apr 2, 2017 #1\n"
        "hollyoak\n"
        "Member\n"
        "Joined:\nMar 3, 2015\nMessages:\n412\n"
        "The hedge along the north fence lost half its leaves in a week. Could it be the frost, or a fungus?\n"
        "Apr 2, 2017 #2\n"
        "windbreak\n"
        "Member\n"
        "Joined:\nJan 8, 2012\nMessages:\n3,020\n"
        "A late frost does exactly that to privet. Give it a month before you cut more.\n"
    )
    doc = postclean.clean(text, kind="text")
    assert doc.starter == "hollyoak"
    assert [p.author.name if p.author else None for p in doc.posts] == [None, "hollyoak", "windbreak"]
    assert doc.posts[0].body.startswith("Our club swaps seeds")


@pytest.mark.parametrize(
    ("started", "first_date", "author"),
    [
        ("June 04, 2024, 11:23:55 AM", "June 09, 2024, 03:29:46 AM", None),  # the first post was dropped: a reply
        ("June 04, 2024, 11:23:55 AM", "June 04, 2024, 11:23:55 AM", "saltmarsh"),
        ("June 04, 2024, 11:23:55 AM", "", "saltmarsh"),  # no date over the text: nothing to compare
    ],
)
def test_starter_wrote_first_only_when_the_first_text_is_dated_as_the_thread_starts(
    started: str, first_date: str, author: str | None
) -> None:
    # SMF through boilerpipe: the topic line names the starter and the start date; an extractor that dropped the
    # first post leaves a reply, dated days later, as the first text
    text = (
        "Which mooring lines hold up best in salt water?\n"
        f"Started by saltmarsh, {started}\n"
        + (f"{first_date}\n" if first_date else "")
        + "Nylon stretches and takes the shock, but polyester keeps its length and lasts longer in the sun.\n"
        "I have used both for years and would pick polyester for a permanent mooring every time.\n"
    )
    doc = postclean.clean(text, kind="text")
    assert doc.starter == "saltmarsh"
    first = doc.posts[0]
    assert first.author is None if author is None else (first.author is not None and first.author.name == author)
    assert "Nylon stretches" in first.body


@pytest.mark.parametrize(
    "text",
    [
        "Intro line\nAdvertisement\nSome prose about remove ads later.\n  - Sponsored Content\nStraße ADVERTISEMENT\n",
        "Straße und Maß\nAdvertisement\nWerbung\n",  # case-folding lengthens the text: offsets do not hold
        "İstanbul notes\nAdvertisement\n",  # a capital dotted I: every line is tried
        "Powered by vBulletin Version 4.2\nThread Tools\nplain prose\nAll times are GMT -5. The time now is 10:02.\n",
        "",
    ],
)
def test_literal_lines_find_what_a_scan_of_every_line_finds(text: str) -> None:
    # VB012, GEN019 and PAGE005 try their phrase patterns only on the lines holding one of the patterns' literals
    from postclean.packs import generic, page, vbulletin
    from postclean.packs._common import literal_lines, matches_at

    view = TextView(text.split("\n"))
    for pattern in (generic._AD_LABEL_RE, vbulletin._NOTICE_RE, page._RELATED_RE):
        scanned = [(a, b, m.span()) for a, b, m in view.finditer(pattern)]
        tried = [(a, b, m.span()) for a, b, m in matches_at(view, pattern, literal_lines(view, pattern))]
        assert tried == scanned


def _start_lines() -> list[str]:
    """Lines that start (or almost start) like menu, login, jump and forum-statistics lines, in every case."""
    from postclean.packs import page

    words = sorted(page._MENU_FIRST | page._STATS_FIRST | page._BROWSING_HEADS.keys | set(page._LOGIN_STARTS))
    out: list[str] = []
    for w in words:
        for v in (w, w.upper(), w.title()):
            out += [v, f"{v} and more", f"  {v}: here", f"\t{v}!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!! x", f"{v}…"]
            out += [f"{v}x tail", f"- {v}", f"\u00a0{v}", f"{v}\u00a0next", f"{v[:-1]}"]
    out += ["\u212aontakt", "S\u0130GN in", "ſearch", "Straße", "1. Home", "| Forums", "", "   ", "x", "ok then"]
    return out


def test_line_starts_keep_every_line_a_menu_or_stats_start_test_keeps() -> None:
    # PAGE001 and PAGE006 look only at the lines _Starts keeps: it must keep every line their start tests pass
    from postclean.packs import page

    lines = _start_lines()
    view = TextView(lines)
    menu = set(page._MENU_STARTS.lines(view))
    stats = set(page._STATS_STARTS.lines(view))
    for i, line in enumerate(lines):
        s = line.strip()
        if page._may_start(s, page._MENU_FIRST):
            assert i in menu, line
        if page._may_start(s, page._STATS_FIRST, logins=False) or (s and page._BROWSING_HEADS.may_match(line)):
            assert i in stats, line
    assert len(menu) < len(lines) and len(stats) < len(lines)  # (and it does leave lines out)


def test_runs_over_candidate_lines_are_the_runs_of_a_scan() -> None:
    # PAGE001 reads its runs of glue lines from the candidate lines only (_runs_in): the same runs as a scan
    from postclean.packs import page

    lines = [
        "Home", "Forums", "", "", "", "Members", "Some prose that is no menu at all.", "Log in", "", "Register",
        "", "gone", "", "What's new", "Search forums", "", "", "", "Help", "prose again here", "Home",
    ]
    view = TextView(lines)
    view.claimed[11] = True
    pred = page._is_glue
    every = list(range(len(lines)))
    glue = [i for i in every if pred(lines[i])]
    expected = list(page._runs(view, pred))
    assert expected and len(expected) > 2
    assert list(page._runs_in(view, glue, pred)) == expected
    assert list(page._runs_in(view, every, pred)) == expected


def test_stat_blocks_remembered_for_one_view_state_only() -> None:
    # XF001 and GEN012 share find_stat_blocks' reading of an unchanged view; a claimed line reads afresh
    from postclean.packs import _common

    lines = [
        "bluewren",
        "Messages: 1,204",
        "Joined: Mar 2016",
        "",
        "The gasket on the left side had split, so I replaced it.",
        "",
        "Posts: 4958",
        "",
        "I used the thicker one and it has held for a month now.",
    ]
    view = TextView(list(lines))
    fresh = _common._find_stat_blocks(view)
    fresh_lone = _common._find_stat_blocks(view, lone=True)
    assert any(b.lone for b in fresh_lone) and fresh
    assert _common.find_stat_blocks(view) == fresh
    assert _common.find_stat_blocks(view, lone=True) == fresh_lone
    assert _common.find_stat_blocks(TextView(list(lines)), lone=True) == fresh_lone
    view.claim(1, 2)
    assert _common.find_stat_blocks(view) == _common._find_stat_blocks(view) != fresh
    assert _common.find_stat_blocks(view, lone=True) == _common._find_stat_blocks(view, lone=True)


@pytest.mark.parametrize(
    "text",
    [
        "quietfox Senior member Posts: 1,204 Joined: Mar 2016\nNote: the bolts: all of them\n",
        "QUIETFOX Member POSTS: 77 LOCATION: Leeds\nTime: 10:30\nstraße Mitglied Beiträge: 12 Registriert: 2019\n",
        "İsmail Member Posts: 12 Joined: Mar 2016\nplain: text: here\n",  # a capital dotted I: every line is tried
        "bob Posts\n: 12 Joined: 2016\n",
        "",
    ],
)
def test_named_row_lines_find_what_the_colon_lines_find(text: str) -> None:
    # GEN017 tries its row pattern only on lines with a label's word up to their first colon
    from postclean.packs._common import _NAMED_ROW_RE, _named_row_lines, lines_with, matches_at

    view = TextView(text.split("\n"))
    every = [(a, b, m.span()) for a, b, m in matches_at(view, _NAMED_ROW_RE, lines_with(view, (":",), at_least=2))]
    tried = [(a, b, m.span()) for a, b, m in matches_at(view, _NAMED_ROW_RE, _named_row_lines(view))]
    assert tried == every
    if text.startswith("quietfox"):
        assert tried and _named_row_lines(view) == [0]


@pytest.mark.parametrize("order", ["posts first", "topics first"])
def test_german_topic_count_is_not_the_post_count(order: str) -> None:
    # ``Themen`` (topics started) was also a label of ``messages``: the first of the two lines won, and the other
    # was lost, or the topic count became the post count
    stats = ["Beiträge: 1.204", "Themen: 37"]
    if order == "topics first":
        stats.reverse()
    text = "\n".join(["Gerd_K", "Registriert: 12.03.2014", *stats, "", "Die Fähre fährt im Winter erst um sieben."])
    doc = postclean.clean(text, kind="text")
    author = doc.posts[0].author
    assert author is not None and author.messages == 1204 and author.extra.get("Threads") == "37"
    assert doc.text.strip() == "Die Fähre fährt im Winter erst um sieben."


def test_sniffing_stops_at_a_certain_engine() -> None:
    # the text door asks the sniffers until one is certain: the best engine and its confidence stay the same
    from postclean.rules import RulePack

    calls: list[str] = []

    def sniffer(name: str, score: float):  # type: ignore[no-untyped-def]
        def sniff(text: str) -> float:
            calls.append(name)
            return score

        return sniff

    packs = [
        RulePack(name="aa", prefix="AA", rules=(), sniff=sniffer("aa", 0.4)),
        RulePack(name="bb", prefix="BB", rules=(), sniff=sniffer("bb", 1.0)),
        RulePack(name="cc", prefix="CC", rules=(), sniff=sniffer("cc", 1.0)),
    ]
    cleaner = postclean.Cleaner(packs=packs)
    assert cleaner.sniff_scores("x") == {"aa": 0.4, "bb": 1.0, "cc": 1.0}
    assert calls == ["aa", "bb", "cc"]
    calls.clear()
    scores = cleaner.sniff_scores("x", until_certain=True)
    assert scores == {"aa": 0.4, "bb": 1.0} and calls == ["aa", "bb"]
    assert cleaner._best(scores) == cleaner.sniff("x") == ("bb", 1.0)


def test_live_lines_follow_claims_cuts_and_replaced_lists() -> None:
    # TextView.iter_lines remembers the live lines between changes: a claim, a cut or a replaced list renews them
    view = TextView(["alpha", "", "  ", "beta gamma", "delta"])
    assert list(view.iter_lines()) == [(0, "alpha"), (3, "beta gamma"), (4, "delta")]
    view.claim(0, 0)
    assert list(view.iter_lines()) == [(3, "beta gamma"), (4, "delta")]
    view.cut(3, (0, 5))
    assert list(view.iter_lines()) == [(3, "gamma"), (4, "delta")]
    view.cut(4, (0, 5))  # nothing left: claimed
    assert list(view.iter_lines()) == [(3, "gamma")]
    view.claimed = [False, False, False, True, False]
    assert list(view.iter_lines()) == []
    view.lines = ["one", "two", "", "three", "four"]
    assert list(view.iter_lines()) == [(0, "one"), (1, "two"), (4, "four")]


@pytest.mark.parametrize(
    "text",
    [
        # Chinese prose with Discuz!'s words in sentences: no engine, nothing taken
        "这篇文章发表于 2021-5-3 09:30，作者在文中谈到了阳台种菜。\n沙发\n我的帖子很长，积分也不多。\n楼主说得对。\n",
        "他发表于报纸上的文章很长。\n本帖最后由我来总结。\n回复\n",
    ],
)
def test_chinese_prose_is_not_discuz(text: str) -> None:
    doc = postclean.clean(text, kind="text")
    assert doc.engine != "discuz"
    assert not [r for r in doc.removals if r.code.startswith("DZ")]


def test_discuz_relative_and_chinese_dates() -> None:
    # ``前天 08:12`` keeps its raw form; ``2024年3月5日 14:22`` is read
    text = (
        "青柠小院\n12\n主题\n187\n帖子\n中级会员\n楼主\n发表于 前天 08:12 | 只看该作者\n今年的番茄裂开了。\n使用道具 举报\n"
        "老周种菜\n95\n主题\n4021\n帖子\n论坛元老\n沙发\n发表于 2024年3月5日 14:22 | 只看该作者\n早上浇水就好。\n使用道具 举报\n"
    )
    doc = postclean.clean(text, kind="text")
    assert doc.engine == "discuz"
    assert [p.author.name if p.author else None for p in doc.posts] == ["青柠小院", "老周种菜"]
    assert doc.posts[0].date_raw == "前天 08:12" and doc.posts[0].number == 1
    assert str(doc.posts[1].date) == "2024-03-05 14:22:00" and doc.posts[1].number == 2
    assert [p.body for p in doc.posts] == ["今年的番茄裂开了。", "早上浇水就好。"]


def test_short_dates_of_javascript_views() -> None:
    """Discourse's (and other JavaScript views') dates without a year: the line forms, a day only with a year."""
    import datetime as dt

    from postclean.dates import SHORT_DATE_LINE_RE, parse_short_date

    for s in ("Mar 3", "3 Mar", "3. März", "Jan '23", "2h", "5d", "< 1m", "3mon", "5 Min."):
        assert SHORT_DATE_LINE_RE.match(s), s
    for s in ("March 3, 2024", "5 days", "Reply", "12", "Mar 3 at noon"):
        assert not SHORT_DATE_LINE_RE.match(s), s
    assert parse_short_date("Mar 3", 2024) == dt.date(2024, 3, 3)
    assert parse_short_date("Mar 3") is None
    assert parse_short_date("Jan '23", 2023) is None
    assert parse_short_date("2h", 2024) is None



def test_vbulletin_list_header_over_a_stat_label_is_no_name() -> None:
    # Resiliparse drops vBulletin 4's poster names (fixtures/html/variant-vbulletin4-postbit.html flattened): the stat
    # label under the post header is not a name
    text = (
        'Thread: Engine runs cold after thermostat swap\n'
        '\n'
        '+ Reply to Thread\n'
        'Page 1 of 2 1 2\n'
        'Results 1 to 5 of 7\n'
        '  1. 03-14-2012,\xa007:52 PM #1\n'
        '    Join Date\n'
        '    Feb 2009\n'
        '    Location\n'
        '    Harrowgate\n'
        '    Posts\n'
        '    1,877\n'
        '    Thanks\n'
        '    143\n'
        '\n'
        '    Default Re: Engine runs cold after thermostat swap\n'
        '\n'
        '    Ever since I swapped the thermostat the needle sits below the middle mark on the motorway.\n'
        '\n'
        '    It warms up fine in town. Did I fit the wrong one?\n'
        '    Gideon - two old estates and a spanner\n'
        '  2. 03-14-2012,\xa008:15 PM #2\n'
        '    Join Date\n'
        '    Oct 2007\n'
        '    Location\n'
        '    Brackley\n'
        '    Posts\n'
        '    9,302\n'
        '    Thanks\n'
        '    1,106\n'
        '\n'
        '    Default Re: Engine runs cold after thermostat swap\n'
        '\n'
        '    Quote Originally Posted by Gideon Ferrall View Post\n'
        '    It warms up fine in town. Did I fit the wrong one?\n'
        '    Probably the cheap pattern part opens too early. Check the number stamped on the flange against the book.\n'
        '\n'
        '    The gauge sender can also read low once the coolant is old.\n'
        '  3. The Following 2 Users Say Thank You to Leontyne Hask For This Useful Post:\n'
        '  4. 03-15-2012,\xa009:03 AM #3\n'
    )
    doc = postclean.clean(text, kind="text")
    assert doc.engine == "vbulletin"
    names = [p.author.name if p.author else None for p in doc.posts]
    assert "Join Date" not in names and names[0] is None
    assert [p.author.messages if p.author else None for p in doc.posts][:2] == [1877, 9302]


def test_first_post_with_a_dated_header_and_its_poster_block_below_kept() -> None:
    """PAGE010: trafilatura prints a vBulletin 3 horizontal postbit's user-info row after the message row, so the
    first post's text stands between its header line (date, ``#1``) and the first author block. A post header
    gave it a date: it is a post, not the page's header."""
    text = (
        "| 03-14-2009, 07:52 PM | #1 | \n"
        "|  |  | \n"
        "|  Changed the oil filter on the van and now it drips from the gasket after every long drive. Did I "
        "overtighten it? |  | \n"
        "|  | Senior Member |  | Join Date: Jun 2006 Location: Dundee Posts: 1,318 Thanks: 4 Thanked 9 Times in 8 "
        "Posts | \n"
        "| 03-14-2009, 08:20 PM | #2 | \n"
        "|  |  | \n"
        "|  | Moderator |  | Join Date: Feb 2004 Posts: 6,902 Thanks: 20 Thanked 45 Times in 30 Posts | \n"
        "| Probably the old gasket stuck to the block, so check for a double seal before you fit the new one. | \n"
    )
    doc = postclean.clean(text, kind="text")
    assert "Changed the oil filter on the van" in doc.text
    assert not any(r.code == "PAGE010" for r in doc.removals)


def test_game_hub_edit_note_and_quote_are_no_vbulletin() -> None:
    """vBulletin's sniffer: ``Last edited by Name; 2 Oct, 2023 @ 8:47pm`` (a time after ``@``, Steam's discussions)
    is no vBulletin edit note, so with an ``Originally posted by Name:`` quote the text stays of no known engine and
    the generic heads find its posters; vBulletin's own edit note still counts."""
    text = (
        "ferrywright 14 Mar, 2024 @ 6:02pm\n"
        "Where is the key for the lighthouse door? I have searched the whole island twice.\n"
        "Pell Harrow 14 Mar, 2024 @ 6:40pm\n"
        "#1\n"
        "Originally posted by ferrywright:\n"
        "Where is the key for the lighthouse door?\n"
        "Under the mat on the north pier, next to the rope locker.\n"
        "Last edited by Pell Harrow; 14 Mar, 2024 @ 6:44pm\n"
        "Osric Vane 15 Mar, 2024 @ 9:12am\n"
        "#2\n"
        "It moves to the ferryman's hut after the second storm, so look there too.\n"
    )
    doc = postclean.clean(text, kind="text")
    assert doc.engine is None
    assert [p.author.name if p.author else None for p in doc.posts] == ["ferrywright", "Pell Harrow", "Osric Vane"]
    vb = text.replace("; 14 Mar, 2024 @ 6:44pm", "; 03-14-2024 at 06:44 PM.")
    assert postclean.clean(vb, kind="text").engine == "vbulletin"


_XF_BLOCK = "{name}\n\n{title}\nJoined\nMar 3, 2015\nMessages\n{n}\nReaction score\n40\n"


def test_starter_is_the_first_poster_under_a_short_page_header() -> None:
    # a whole-page text (resiliparse on XenForo): the header (a menu word, the thread title) over the first
    # post's poster block is no post; the first poster started the thread
    text = (
        "What's new\n\nWhich rope for a first sea kayak tow line?\n\n"
        + _XF_BLOCK.format(name="tidewater", title="Member", n="212")
        + "I am fitting out my first kayak and wonder which rope holds up best in salt water.\n\n"
        + _XF_BLOCK.format(name="harbour_seal", title="Well-known member", n="5,120")
        + "Floating polypropylene, eight metres, with a quick-release buckle at the waist.\n"
    )
    doc = postclean.clean(text, kind="text")
    assert doc.starter == "tidewater"


def test_no_starter_from_the_first_poster_under_a_post_without_its_block() -> None:
    # the text before the first block is a post of its own (more than a header's few words): its poster block
    # was dropped, and the block below is the next poster's
    text = (
        "I am fitting out my first kayak and wonder which rope holds up best in salt water. The shop sold me a "
        "braided nylon line, but it soaks up water and sinks. Is floating rope worth the extra money?\n\n"
        + _XF_BLOCK.format(name="harbour_seal", title="Well-known member", n="5,120")
        + "Floating polypropylene, eight metres, with a quick-release buckle at the waist.\n"
    )
    doc = postclean.clean(text, kind="text")
    assert doc.starter is None


def test_no_starter_under_a_header_on_a_later_page() -> None:
    text = (
        "Which rope for a first sea kayak tow line?\n\nPage 2 of 3\n\n"
        + _XF_BLOCK.format(name="harbour_seal", title="Well-known member", n="5,120")
        + "Floating polypropylene, eight metres, with a quick-release buckle at the waist.\n"
    )
    doc = postclean.clean(text, kind="text")
    assert doc.starter is None
