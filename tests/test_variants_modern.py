"""Other versions, themes and settings of the modern engines postclean has packs for: one thread page per variant.

Each ``fixtures/html/variant-<engine>-<variant>.html`` is a thread page written for this test (invented text) in the
markup of that version's default theme (or a popular third-party style), with its page chrome: header, navigation,
breadcrumbs, sidebar, login prompt, pagination, suggested threads, footer, cookie notice. The packs' own fixtures
(``fixtures/html/<engine>.html``) hold one shape per engine; these are the shapes real sites of the same engines
serve besides it. Per page, the expectations of ``tests/test_html_unseen.py``: posts, authors, dates, exact bodies,
quotes, signatures, title, engine, and none of the chrome in ``doc.text``. ``tests/test_text_variants_modern.py``
runs the same pages through the text door.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_html_unseen import (
    Expect,
    check_bodies_quotes_signatures,
    check_page_chrome_absent,
    check_posts_authors_dates,
)

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "html"
UTC = dt.timezone.utc
D = dt.datetime


PAGES = [
    Expect(
        # Discourse 3 full Ember app (not the crawler view): article.boxed posts, .names, epoch-ms data-time,
        # aside.quote with a "name:" title, post-controls with a like count, a topic map, suggested topics
        name="discourse-ember",
        engine="discourse",
        title="Kiln shelf cracked on the second firing",
        authors=["mireille", "tobin_r", "hazel_w", "mireille", "ossian"],
        dates=[D(2024, 3, 3, 20, 14, tzinfo=UTC), D(2024, 3, 3, 21, 2, tzinfo=UTC), D(2024, 3, 4, 7, 40, tzinfo=UTC),
               D(2024, 3, 4, 9, 15, tzinfo=UTC), D(2024, 3, 5, 18, 30, tzinfo=UTC)],
        bodies=[(0, "My silicon carbide shelf split straight across during a glaze firing to cone 6. It was only the "
                    "second time I had used it.\n\nIs there any way to tell whether the kiln or the shelf was at "
                    "fault?"),
                (2, "That matches what happened to mine. I now put the tall jars in the middle and have not seen a "
                    "crack since.")],
        chrome=["Sign Up", "Log In", "Reply", "1 Reply", "2 Reply", "Share", "Bookmark", "Suggested Topics",
                "Powered by Discourse", "Accept cookies", "replies", "views", "last reply", "Kilns & Firing",
                "Glaze crawling", "Badges", "tobin_r:", "Mireille Dancy"],
        quotes=[(2, "tobin_r", "Heavy pots on one side heat more slowly than the bare edge."),
                (3, None, "put the tall jars in the middle")],
    ),
    Expect(
        # NodeBB 3 Harmony: li[component=post] with data-index, a group badge, "wrote" and an empty span.timeago
        # whose title holds the date, a signature, vote counters, "N replies" under the first post, a
        # "@name said in Topic:" quote, the link-preview plugin's card, suggested topics, cookie consent
        name="nodebb-harmony",
        engine="nodebb",
        title="Rain barrel overflow keeps flooding the bed",
        authors=["fenwick", "tamsin", "okonkwo_g", "fenwick", "okonkwo_g"],
        dates=[D(2024, 5, 2, 6, 45, 12, tzinfo=UTC), D(2024, 5, 2, 7, 20, 40, tzinfo=UTC),
               D(2024, 5, 2, 9, 3, 5, tzinfo=UTC), D(2024, 5, 2, 12, 31, 50, tzinfo=UTC),
               D(2024, 5, 3, 18, 14, 27, tzinfo=UTC)],
        bodies=[(2, "I did exactly this and then dug a small gravel soakaway at the end. No more puddles on the path."),
                (4, "About sixty centimetres, lined with fabric. There is a decent write-up here:\n\nOn clay the trick "
                    "is to make it wide rather than deep.")],
        chrome=["Skip to content", "Categories", "Popular", "Collapse", "Water & Irrigation", "Posters", "Gardeners",
                "wrote", "#1", "2 replies", "Last reply", "Offline", "Log in to reply", "Suggested Topics",
                "Drip line", "1 out of 5", "This website uses cookies", "Got it!", "Powered by", "said in",
                "Building a soakaway in clay soil", "Growing fruit on clay since 2009", "read-only mode"],
        quotes=[(2, "tamsin", "Run the overflow into a second barrel with a short hose between the two."),
                (3, None, "a small gravel soakaway at the end")],
        signatures=[(0, "Growing fruit on clay since 2009"), (3, "Growing fruit on clay since 2009")],
    ),
    Expect(
        # Flarum 1.8 JS post stream: the avatar's initial in a span beside the name (no uploaded avatar), a time
        # with only "Jun 10", "X and Y like this." / "X replied to this." footers, Like / Reply buttons, a quote
        # opening with a PostMention, the fof/link-preview card, the scrubber, a FoF similar-discussions box
        name="flarum-18",
        engine="flarum",
        title="Rear wheel rubs the brake pad",
        authors=["juniper", "oskar", "bea", "juniper", "marlow_c"],
        dates=[D(2024, 6, 10, 17, 22, 5, tzinfo=UTC), D(2024, 6, 10, 18, 5, 40, tzinfo=UTC),
               D(2024, 6, 11, 7, 31, 12, tzinfo=UTC), D(2024, 6, 11, 20, 48, 55, tzinfo=UTC),
               D(2024, 6, 12, 12, 3, 30, tzinfo=UTC)],
        bodies=[(2, "That trick saved me buying a truing stand. Loosen the spokes on the side that rubs by a quarter "
                    "turn at a time."),
                (4, "For next time, this guide has good photos of every step:\n\nhttps://spokeshop.example/truing"
                    "\n\nCheck the spoke tension by plucking them too, a slack one sounds dull.")],
        chrome=["Sign Up", "Log In", "Search Forum", "Maintenance", "Log In to Reply", "of 5 posts", "Original Post",
                "Now", "like this", "likes this", "replied to this", "Like", "Reply", "Edited", "Post #1",
                "Write a Reply", "Similar discussions", "Squealing", "Got it!", "Powered by", "J juniper",
                "Truing a wheel without a stand"],
        quotes=[(2, "oskar", "hold a zip tie against the frame as a pointer"), (3, None, "a quarter turn at a time")],
    ),
    Expect(
        # Invision Community 5: article.ipsEntry, the author column with ipsEntry__authorStats (number and label
        # spans), data-ips-hook attributes, a "Quote" citation on an unattributed quote, an edit note, a reaction
        # blurb, an ad slot between the posts, the guest compose area, previous/next topic, the cookie terms bar
        name="invision-5",
        engine="invision",
        title="White threads inside a used lens",
        authors=["Alder Pike", "Wrenna Holt", "Casimir Orme", "Alder Pike", "tovey_lens"],
        dates=[D(2024, 4, 27, 9, 12, 44, tzinfo=UTC), D(2024, 4, 27, 10, 2, 10, tzinfo=UTC),
               D(2024, 4, 27, 14, 40, 31, tzinfo=UTC), D(2024, 4, 28, 8, 5, tzinfo=UTC),
               D(2024, 4, 29, 19, 22, 17, tzinfo=UTC)],
        bodies=[(1, "Keep it apart until it is cleaned. The spores travel, and a damp cupboard is exactly what they "
                    "like."),
                (4, "Before paying for a clean, read this:\n\nEtched coatings stay etched even after the threads "
                    "are gone.")],
        chrome=["Jump to content", "Sign In", "Sign Up", "Browse", "Leaderboard", "Lenses & Optics", "Follow",
                "Recommended Posts", "Members", "Moderators", "posts", "Joined", "August 1, 2019", "Quote",
                "MultiQuote", "said:", "Edited April 27", "Film stock sale", "Create an account",
                "You need to be a member", "Register a new account", "Previous topic", "Similar Topics",
                "Powered by Invision Community", "Important Information", "I accept", "Shooting film since the nineties",
                "Is lens fungus worth cleaning?"],
        quotes=[(2, "Wrenna Holt", "a damp cupboard is exactly what they like"), (3, None, "a pack of silica gel")],
        signatures=[(0, "Shooting film since the nineties"), (3, "Shooting film since the nineties")],
    ),
    Expect(
        # XenForo 2.3 with a UI.X-style (ThemeHouse) wrapper: icon-only dt labels with u-srOnly text, time.u-dt
        # with data-date/data-time, "Click to expand...", "Last edited:", a reactions bar naming two members, an
        # unfurl card, Similar threads, Share buttons, members-online widget, the cookie notice
        name="xenforo-uix",
        engine="xenforo",
        title="Cold start rattle on the 1.9 diesel",
        authors=["dunmore", "tessaly", "Bran Coyle", "dunmore", "ferrule"],
        dates=[D(2024, 2, 9, 19, 3, 41, tzinfo=UTC), D(2024, 2, 9, 20, 15, 2, tzinfo=UTC),
               D(2024, 2, 10, 8, 41, 19, tzinfo=UTC), D(2024, 2, 11, 10, 5, 55, tzinfo=UTC),
               D(2024, 2, 12, 16, 48, 9, tzinfo=UTC)],
        bodies=[(0, "The 1.9 diesel in my old estate rattles badly for the first minute on cold mornings, then "
                    "settles down completely.\n\nIs that the timing chain or just the injectors?"),
                (4, "There is a good explanation of lifter bleed-down on this page:\nA flush before the oil change "
                    "helps as well.")],
        chrome=["Forums", "What's new", "Log in", "Register", "Engines & Gearboxes", "Thread starter", "Start date",
                "Well-known member", "New member", "Joined", "Messages", "Reaction score", "Location", "Somerset",
                "#1", "Like", "Reply", "Report", "Reactions:", "Last edited", "Click to expand", "said:", "Next",
                "You must log in or register", "Similar threads", "Glow plug", "Share:", "Members online",
                "Contact us", "Community platform by XenForo", "This site uses cookies", "Learn more",
                "1998 estate, 310k miles and counting", "Why hydraulic lifters tick when cold"],
        quotes=[(2, "tessaly", "A cold rattle that goes away is usually the hydraulic lifters bleeding down overnight."),
                (3, None, "Check the oil grade too")],
        signatures=[(0, "1998 estate, 310k miles and counting"), (2, "Diesel whisperer, retired"),
                    (3, "1998 estate, 310k miles and counting")],
    ),
    Expect(
        # Vanilla 2023 (Higher Logic, Keystone-era title bar): the rich editor's quote card (div.embedQuote with the
        # poster's name and a date) and link card, a plain rich blockquote, Flag / Like / Quote reaction buttons
        # with counts, Options menus, "Comments" heading, "Howdy, Stranger!", In this Discussion, cookie banner
        name="vanilla-keystone",
        engine="vanilla",
        title="White crust from tap water on houseplant pots",
        authors=["Perpetua Lind", "Gideon Marsh", "ivy_ruth", "Perpetua Lind", "Oriel"],
        dates=[D(2023, 9, 14, 6, 52, 11, tzinfo=UTC), D(2023, 9, 14, 8, 15, 40, tzinfo=UTC),
               D(2023, 9, 14, 11, 30, 2, tzinfo=UTC), D(2023, 9, 15, 19, 44, 25, tzinfo=UTC),
               D(2023, 9, 16, 9, 3, 50, tzinfo=UTC)],
        bodies=[(2, "Mine had exactly that. Since I water with collected rain the new leaves come out clean."),
                (4, "A good summary of why this happens:\n\nFlushing twice a year is plenty for most pots.")],
        chrome=["Discussions", "Best Of", "Sign In", "Register", "Houseplants", "Member", "Moderator", "Options",
                "Flag", "Like", "Quote", "Comments", "Howdy, Stranger!", "In this Discussion", "Related Discussions",
                "Powered by", "Accept All Cookies", "September 2023", "Perpetua, zone 7b, too many pots",
                "Hard water and houseplants", "to comment"],
        quotes=[(2, "Gideon Marsh", "The brown leaf edges are usually the first sign"), (3, None, "collected rain")],
        signatures=[(0, "Perpetua, zone 7b, too many pots"), (3, "Perpetua, zone 7b, too many pots")],
    ),
    Expect(
        # Reddit's full shreddit page (not the bare components): header and left nav, the post's credit bar
        # (subreddit, "•", "3y ago", author), vote buttons "Upvote 212 Downvote", "48 comments", Share; per comment
        # the screen-reader "level 1", avatar, "name · 3y ago" meta, an OP badge, the action row
        # "Upvote 96 Downvote Reply Award Share"; the community sidebar and the footer
        name="reddit-shreddit",
        engine="reddit",
        title="Sourdough loaf spreads flat in the oven",
        authors=["crumbshot_ilse", "levain_lukas", "crumbshot_ilse", "bannetonbea", "ovenspring_oz"],
        dates=[D(2021, 4, 11, 8, 15, 30, tzinfo=UTC), D(2021, 4, 11, 9, 2, 10, tzinfo=UTC),
               D(2021, 4, 11, 10, 30, tzinfo=UTC), D(2021, 4, 11, 12, 48, 55, tzinfo=UTC),
               D(2021, 4, 12, 7, 5, 20, tzinfo=UTC)],
        bodies=[(0, "Every loaf I bake comes out of the oven like a pancake, even though the dough holds its shape "
                    "in the banneton overnight.\n\nThe hydration is seventy percent and the starter doubles in five "
                    "hours. What should I look at first?"),
                (3, "Check the shaping too. Without surface tension the dough relaxes as soon as it leaves the "
                    "basket.")],
        chrome=["Skip to main content", "Log In", "Get App", "Popular", "Explore", "Upvote", "Downvote", "Award",
                "Share", "Reply", "level 1", "level 2", "3y ago", "48 comments", "Sort by", "Community Info",
                "Reddit Rules", "User Agreement", "All rights reserved", "Members"],
    ),
    Expect(
        # Stack Exchange after the Stacks redesign: div.post-layout, div.s-prose.js-post-body, the vote count in
        # .js-vote-count, "asked" / "answered" / "edited" .s-user-card signatures (no .user-details), comments
        # li.comment with .comment-copy / .comment-user / .relativetime-clean, "Share / Improve this answer /
        # Follow", "Add a comment", the answer form, related and hot network questions, the cookie banner
        name="stackexchange-2024",
        engine="stackexchange",
        title="Why does awk print an empty first field when the line starts with a tab?",
        authors=["Ottoline Marsh", "Bertram Oyelaran", "Fenwick Adeyemi", "Marisol Teague", "Ysolde Brannigan"],
        dates=[D(2024, 2, 11, 8, 30, 12, tzinfo=UTC), D(2024, 2, 11, 9, 40, 55, tzinfo=UTC),
               D(2024, 2, 11, 11, 12, 40, tzinfo=UTC), D(2024, 2, 12, 14, 48, 2, tzinfo=UTC),
               D(2024, 2, 13, 18, 21, 9, tzinfo=UTC)],
        bodies=[(2, "If you do want the leading tab gone, strip it before splitting:\n\nawk -F'\\t' "
                    "'{sub(/^\\t/, \"\"); $0 = $0; print $1}' export.tsv\n\nAssigning $0 to itself makes awk split "
                    "the record again."),
                (4, "For what it is worth, cut -f2 behaves the same way and counts the empty first field too.")],
        chrome=["asked", "answered", "edited", "Share", "Improve this", "Follow", "Add a comment", "Up vote",
                "research effort", "Your Answer", "Post Your Answer", "Not the answer", "Hot Network Questions",
                "Related", "Accept all cookies", "Sorted by", "4 Answers", "Ask Question", "Viewed", "Log in",
                "Sign up", "reputation", "48.3k", "CC BY-SA", "padding empty cells", "Question feed"],
    ),
    Expect(
        # XenForo 1.5 with a third-party style (UI.X): li.message with data-author, .messageUserInfo with
        # pairsJustified stats, .messageText.ugc.baseHtml, .messageMeta dates both as abbr.DateTime (data-time,
        # recent posts) and span.DateTime (title, older ones), .likesSummary, .editDate, .bbCodeQuote with an
        # .attribution, attached files, the sidebar's viewers, "Share This Page", similar threads
        name="xenforo-15",
        engine="xenforo",
        title="Seedlings stretch under the LED panel",
        authors=["Linnea Sorvik", "Aurelio Banfi", "Linnea Sorvik", "Pim Duivenvoorde", "Marguerite Osei"],
        # the span.DateTime titles are in the viewer's time zone; abbr data-time is an epoch (UTC) printed in that
        # zone too, which gives the offset (here none) that the titles' times are read with
        dates=[D(2016, 3, 14, 19, 52, tzinfo=UTC), D(2016, 3, 14, 20, 31, tzinfo=UTC), D(2016, 3, 15, 8, 32, tzinfo=UTC),
               D(2016, 3, 15, 11, 30, tzinfo=UTC), D(2016, 3, 16, 18, 21, tzinfo=UTC)],
        bodies=[(0, "My tomato seedlings are tall and floppy after two weeks under a new LED panel, with big gaps "
                    "between the leaves.\n\nThe panel hangs about sixty centimetres up and runs sixteen hours a day. "
                    "Too far away, or too weak?"),
                (3, "Same lesson here last spring. Burying the stems works well with tomatoes, they root all along "
                    "them.")],
        chrome=["said:", "Click to expand", "Last edited", "Active Member", "Staff Member", "Joined:", "Messages:",
                "Likes Received:", "Trophy Points:", "Location:", "like this", "Report", "Reply", "Like", "#2",
                "Attached Files", "File size", "leggy_seedlings", "chillies on every windowsill", "Page 1 of 2",
                "Next >", "Share This Page", "Similar Threads", "Users Who Are Viewing", "Discussion in",
                "You must log in", "Log in or Sign up", "Forum software by XenForo", "Terms and Rules",
                "What's New", "Lights and Lamps"],
        quotes=[(1, "Linnea Sorvik", "The panel hangs about sixty centimetres up and runs sixteen hours a day."),
                (2, None, "Bring it down to twenty and watch the leaves"),
                (3, "Aurelio Banfi", "Too far away, or too weak?\n\nSixty is far too high for a hobby panel.")],
        signatures=[(0, "Linnea - chillies on every windowsill"), (2, "Linnea - chillies on every windowsill"),
                    (4, "Marguerite")],
    ),
]
BY_NAME = {e.name: e for e in PAGES}


def html_of(name: str) -> str:
    return (FIX / f"variant-{name}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("exp", PAGES, ids=[e.name for e in PAGES])
def test_posts_authors_dates(exp: Expect) -> None:
    check_posts_authors_dates(exp, html_of(exp.name))


@pytest.mark.parametrize("exp", PAGES, ids=[e.name for e in PAGES])
def test_bodies_quotes_signatures(exp: Expect) -> None:
    check_bodies_quotes_signatures(exp, html_of(exp.name))


@pytest.mark.parametrize("exp", PAGES, ids=[e.name for e in PAGES])
def test_page_chrome_absent_from_text(exp: Expect) -> None:
    check_page_chrome_absent(exp, html_of(exp.name))
