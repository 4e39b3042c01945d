"""Other versions and themes of the classic engines postclean has packs for, in both doors.

The engine tests (``tests/test_html_engines.py``) use one page per engine version. Real sites run other versions,
styles and settings of the same software: each ``fixtures/html/variant-<engine>-<variant>.html`` is a thread page
written for this test (invented text) in the markup of such a version or theme, with its page chrome (header,
login box, breadcrumbs, pagination, forum jump, who is online, footer), poster stats, quotes with and without an
author, a nested quote, signatures and an edit note.

HTML door: the expectations of ``tests/test_html_unseen.py`` (posts, authors, dates, exact bodies, quotes,
signatures, title, engine, chrome absent from ``doc.text``).

Text door: the same pages flattened by every extractor installed here, cleaned with ``kind="text"``: no post
paragraph the flattened text holds may be lost (hard failure); the chrome strings left and the posters not found
are listed exactly in ``fixtures/text_variants/classic_gaps.txt`` (rewrite it with
``python tests/test_variants_classic.py --write`` and read the diff).
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

from postclean.html import extract_page

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures" / "html"
GAPS_FILE = ROOT / "fixtures" / "text_variants" / "classic_gaps.txt"
D = dt.datetime
UTC = dt.timezone.utc

PAGES = [
    Expect(
        # phpBB 3.0 subsilver2: one run of tr.row1/tr.row2 rows per post (name and "Posted:" line, profile and
        # message, buttons); the signature a second div.postbody under underscores; div.quotetitle before
        # div.quotecontent
        name="phpbb-subsilver2",
        engine="phpbb",
        title="Chain skips on the middle ring under load",
        authors=["Hollis Wren", "Marta Quillon", "Hollis Wren", "Dorran Pyke", "Saffi Tembe"],
        dates=[D(2011, 4, 16, 9, 14), D(2011, 4, 16, 10, 2), D(2011, 4, 16, 13, 47), D(2011, 4, 17, 8, 30),
               D(2011, 4, 17, 16, 5)],
        bodies=[(1, "That is almost always it. A worn chain rides fine on the worn cogs it grew up with and slips on "
                    "fresh teeth.\n\nMeasure it with a ruler: twelve links should be twelve inches, and past an "
                    "eighth over it is done."),
                (2, "Twelve and a quarter inches over twelve links. So the chain is finished and has been for a "
                    "while.\n\nOrdered a new one from the shop by the bridge.")],
        chrome=["Post subject", "Posted:", "Joined:", "Posts:", "Location:", "Gear Greaser", "Site Admin",
                "Reply with quote", "Last edited by", "_____", "steel frames", "Who is online", "Jump to",
                "Powered by", "Board index", "Display posts from previous", "Print view", "Go to page",
                "cannot", "It is currently", "wrote:"],
        quotes=[(1, "Hollis Wren", "The old chain went on with the new cassette."),
                (3, None, "twelve links should be twelve inches"),
                (4, "Marta Quillon", "The old chain went on with the new cassette.\nThat is almost always it.")],
        signatures=[(0, "Hollis - steel frames and flat pedals"), (2, "Hollis - steel frames and flat pedals"),
                    (4, "Saffi on the Ridge Road")],
    ),
    Expect(
        # SMF 1.1 default theme: tables in the quick-moderation form; "« Reply #1 on: DATE »"; div.quoteheader
        # before div.quote; "Logged" and "« Last Edit: … »" under the message
        name="smf-11",
        engine="smf",
        title="Grey liquid on top of my starter",
        authors=["Ivo Marchetti", "Nell Ashdown", "Ivo Marchetti", "Teodor Vance", "Perla Quince"],
        dates=[D(2008, 3, 2, 19, 15, 22), D(2008, 3, 2, 20, 2, 10), D(2008, 3, 2, 21, 40, 51),
               D(2008, 3, 3, 6, 55, 40), D(2008, 3, 3, 12, 31, 9)],
        bodies=[(0, "My starter has gone grey and watery after a week in the fridge.\n\nIs it dead or only "
                    "sulking?"),
                (3, "Some people stir the hooch back in for a sourer loaf. Worth trying once.")],
        chrome=["Reply #", "Quote from", "Logged", "Last Edit", "Hero Member", "Global Moderator", "Posts:",
                "Offline", "Location:", "View Profile", "Jump to", "Go Down", "Go Up", "Pages:", "Powered by SMF",
                "Page created", "Welcome, Guest", "Login with username", "bread before breakfast", "(Read 418"],
        quotes=[(1, "Ivo Marchetti", "Is it dead or only sulking?"),
                (3, None, "pour it off and feed the starter twice"),
                (4, "Teodor Vance", "Only sulking.\nSome people stir the hooch back in.")],
        signatures=[(0, "Ivo - bread before breakfast"), (2, "Ivo - bread before breakfast"),
                    (4, "Perla - rye and patience")],
    ),
    Expect(
        # MyBB 1.8 classic postbit (div.post.classic: the author column beside the message); "Thread Modes" in a
        # strong of its own before the title in td.thead; a thanks add-on line under the message
        name="mybb-classic",
        engine="mybb",
        title="Kitchen tap drips with the lever closed",
        authors=["Rowan Ellery", "Juno Farrant", "Rowan Ellery", "Tobin Sayle", "Ines Corvo"],
        dates=[D(2024, 3, 11, 20, 5), D(2024, 3, 11, 20, 31), D(2024, 3, 12, 7, 14), D(2024, 3, 12, 13, 48),
               D(2024, 3, 13, 21, 2)],
        bodies=[(3, "Take a photo before you take it apart, the order of the parts matters when it goes back.")],
        chrome=["Wrote:", "Senior Member", "Moderator", "Posts:", "Joined:", "Reputation:", "Offline",
                "This post was last modified", "Thanks given by", "Find", "Reply", "Report", "Thread Modes",
                "Next Oldest", "Possibly Related Threads", "Forum Jump", "Users browsing", "Powered By",
                "Hello There, Guest", "Pages (2)", "mostly fixing what I broke", "#3"],
        quotes=[(1, "Rowan Ellery", "It is a single lever mixer"),
                (3, None, "pull the cartridge to check the seals"),
                (4, "Tobin Sayle", "Single lever mixers have a ceramic cartridge\n\nTake a photo before you take it "
                                   "apart")],
        signatures=[(0, "Rowan - mostly fixing what I broke"), (2, "Rowan - mostly fixing what I broke"),
                    (4, "Ines C.")],
    ),
    Expect(
        # vBulletin 4 horizontal postbit (li.postbit: the user info above the message, div.userinfo_noavatar);
        # "Originally Posted by", "Last edited by X; Today at 10:12 AM", the Post Thank You box an li of its own
        name="vbulletin4-postbit",
        engine="vbulletin",
        title="Engine runs cold after thermostat swap",
        authors=["Gideon Ferrall", "Leontyne Hask", "Gideon Ferrall", "Corvin Ashe", "Ysolde Marr"],
        dates=[D(2012, 3, 14, 19, 52), D(2012, 3, 14, 20, 15), D(2012, 3, 15, 9, 3), D(2012, 3, 15, 11, 40),
               D(2012, 3, 16, 18, 21)],
        bodies=[(2, "The flange says 82 degrees and the book wants 88, so that is the answer.\n\nThe parts counter "
                    "gave me the one for the diesel model.")],
        chrome=["Originally Posted by", "Last edited by", "Say Thank You", "Useful Post", "Senior Member",
                "Moderator", "Join Date", "Location", "Posts", "Thanks:", "Reply With Quote", "Report Post",
                "View Profile", "is offline", "is online", "Remember Me", "Log in", "Thread Tools", "Page 1 of 2",
                "Results 1 to 5", "Similar Threads", "Users Browsing", "Posting Permissions", "Powered by",
                "All times are GMT", "Reply to Thread", "two old estates", "Harrowgate", "#3"],
        quotes=[(1, "Gideon Ferrall", "It warms up fine in town. Did I fit the wrong one?"),
                (3, None, "check the number stamped on the flange"),
                (4, "Leontyne Hask", "Did I fit the wrong one?\nProbably the cheap pattern part opens too early.")],
        signatures=[(0, "Gideon - two old estates and a spanner"), (2, "Gideon - two old estates and a spanner"),
                    (4, "Ysolde, Kettering")],
    ),
    Expect(
        # phpBB 3.3 in German with a third-party style (Milk v2): div.post wrapped in div.post-container /
        # div.postwrap, dl.postprofile before div.postbody, "von NAME » <time datetime>", blockquote cite with a
        # span.responsive-hide date, blockquote.uncited, div.notice "Zuletzt geändert von … insgesamt 1-mal
        # geändert.", dl.attachbox, the Thanks extension's profile lines and "Folgende Benutzer bedankten sich …"
        name="phpbb-33-de",
        engine="phpbb",
        title="Wasser wird nach dem Filterwechsel milchig",
        authors=["Jorinde Kaltenbach", "Utz Morgenroth", "Jorinde Kaltenbach", "Till Abendroth", "Wiebke Lorenzen"],
        dates=[D(2023, 4, 12, 18, 22, 10, tzinfo=UTC), D(2023, 4, 12, 18, 51, 42, tzinfo=UTC),
               D(2023, 4, 13, 7, 5, 30, tzinfo=UTC), D(2023, 4, 13, 10, 40, 5, tzinfo=UTC),
               D(2023, 4, 14, 16, 18, 55, tzinfo=UTC)],
        bodies=[(1, "Das ist eine Bakterienblüte. Mit den neuen Schwämmen fehlen die Bakterien, die vorher im Filter "
                    "saßen.\n\nNicht füttern, nicht wechseln, zwei Tage abwarten."),
                (3, "Genau so war es bei mir auch. Nach drei Tagen war das Wasser wieder glasklar.")],
        chrome=["hat geschrieben", "Zuletzt geändert", "insgesamt", "Beiträge:", "Registriert:", "Wohnort:",
                "Hat sich bedankt", "Danksagung erhalten", "Kontaktdaten", "Zitieren", "Danke", "Nach oben",
                "Folgende Benutzer", "Dateianhänge", "betrachtet", "Neues Mitglied", "Moderator", "Schnellzugriff",
                "Foren-Übersicht", "Anmelden", "Registrieren", "Antworten", "Themen-Optionen", "7 Beiträge",
                "Zurück zu", "Gehe zu", "Ähnliche Themen", "Wer ist online", "Alle Zeiten", "Powered by",
                "Deutsche Übersetzung", "Südamerika", "Wiebke aus Husum", "Technik & Wasserwerte"],
        quotes=[(1, "Jorinde Kaltenbach", "Muss ich etwas tun oder einfach abwarten?"),
                (2, None, "zwei Tage abwarten"),
                (3, "Utz Morgenroth", "Muss ich etwas tun oder einfach abwarten?\n\nDas ist eine Bakterienblüte.")],
        signatures=[(0, "Gruß, Jorinde – 120 Liter Südamerika"), (2, "Gruß, Jorinde – 120 Liter Südamerika"),
                    (4, "Wiebke aus Husum")],
    ),
    Expect(
        # FluxBB 1.5 (Air): div.blockpost with "#N" and the permalink date in h2, dl with dt strong a, usertitle,
        # avatar, "From:", "Registered:", "Posts:", a Website link; h3 "Re: …"; div.quotebox with and without cite;
        # p.postedit inside div.postmsg; div.postsignature; Report / Quote in div.postfootright
        name="fluxbb-15",
        engine="fluxbb",
        title="Laptop fan whines after BIOS update",
        authors=["Nadia Ferro", "Osric Lamb", "Nadia Ferro", "Perrin Vasquez", "Greta Holm"],
        dates=[D(2013, 5, 4, 18, 22, 10), D(2013, 5, 4, 18, 47, 33), D(2013, 5, 4, 20, 5, 51),
               D(2013, 5, 5, 8, 30, 14), D(2013, 5, 6, 21, 2, 45)],
        bodies=[(2, "Did that and it is quieter, but it still ramps up when I plug the charger in.\n\nI can live "
                    "with that for now."),
                (3, "Charging makes the battery warm and the fan follows the battery sensor too. That part is "
                    "normal.")],
        chrome=["wrote:", "Last edited by", "Registered:", "Posts:", "From:", "Website", "Moderator", "New member",
                "Offline", "Online", "Report", "Quote", "Re: Laptop", "#3", "Pages:", "Post reply", "Jump to",
                "Powered by", "You are not logged in", "User list", "Announcement", "Atom topic feed",
                "ThinkPads and stubbornness", "Greta H.", "Hardware help"],
        quotes=[(1, "Nadia Ferro", "Is there a way to get the old fan curve back?"),
                (2, None, "Reset the BIOS to defaults once"),
                (3, "Osric Lamb", "Is there a way to get the old fan curve back?\n\nReset the BIOS to defaults once.")],
        signatures=[(0, "Nadia - ThinkPads and stubbornness"), (2, "Nadia - ThinkPads and stubbornness"),
                    (4, "Greta H.")],
    ),
    Expect(
        # vBulletin 3.8 horizontal postbit (not postbit_legacy): the date and "#N" in td.thead, the user info in a
        # row of its own above the message (avatar, bigusername, rank, "Join Date", "Location", "Posts",
        # "Thanks" / "Thanked N Times in M Posts"); "Originally Posted by", "Last edited by X; Today at 10:12 AM",
        # attached images, the popup menu, the Post Thank You box after the post
        name="vbulletin3-postbit",
        engine="vbulletin",
        title="Water pump weeps after coolant flush",
        authors=["Bram Okafor", "Hettie Marsh", "Bram Okafor", "Quill Ansty", "Ines Dalloway"],
        dates=[D(2009, 3, 14, 19, 52), D(2009, 3, 14, 20, 20), D(2009, 3, 15, 9, 3), D(2009, 3, 15, 11, 40),
               D(2009, 3, 16, 18, 21)],
        bodies=[(1, "That is the weep hole doing its job. The seal is tired and the fresh coolant found the gap the "
                    "old sludge was plugging.\n\nPumps are cheap on these, I would just change it with the belt."),
                (4, "Smear a little sealant on the gasket and let it cure overnight before filling. Saved me a "
                    "second strip-down last year.")],
        chrome=["Originally Posted by", "Quote:", "Last edited by", "Say Thank You", "Useful Post", "Senior Member",
                "Moderator", "Join Date", "Location", "Posts:", "Thanks:", "Thanked", "is offline", "is online",
                "Reply With Quote", "Report Post", "View Public Profile", "Find More Posts", "Attached Images",
                "pump_crust", "Remember Me", "Log in", "Thread Tools", "Page 1 of 2", "Similar Threads",
                "Currently Active Users", "Posting Rules", "Forum Jump", "Powered by", "All times are GMT",
                "Previous Thread", "spare gearboxes", "Ines in Cork", "Cooling & Heating"],
        quotes=[(1, "Bram Okafor", "It only weeps after a long run, never when cold."),
                (2, None, "the fresh coolant found the gap the old sludge was plugging"),
                (3, "Hettie Marsh", "It only weeps after a long run, never when cold.\n\nThat is the weep hole doing "
                                    "its job.")],
        signatures=[(0, "Bram - one Volvo 240, two spare gearboxes"), (2, "Bram - one Volvo 240, two spare gearboxes"),
                    (4, "Ines in Cork")],
    ),
]
BY_NAME = {e.name: e for e in PAGES}


@functools.cache
def _html(name: str) -> str:
    return (FIX / f"variant-{name}.html").read_text(encoding="utf-8")


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


def test_edit_notes() -> None:
    sub = extract_page(_html("phpbb-subsilver2"))
    assert [p.edit_note for p in sub.posts][2] == (
        "Last edited by Hollis Wren on Sat Apr 16, 2011 1:52 pm, edited 1 time in total."
    )
    smf = extract_page(_html("smf-11"))
    assert smf.posts[2].edit_note and "March 02, 2008, 09:44:03 PM by Ivo Marchetti" in smf.posts[2].edit_note


# ------------------------------------------------------------------------------------------------ text door

SUITE = GapSuite(
    pages=PAGES,
    html_of=_html,
    gaps_file=GAPS_FILE,
    header=['# The text door on other versions and themes of the classic engines: what is still left', '# (see tests/test_variants_classic.py). Generated (python tests/test_variants_classic.py --write); one line', '# per chrome string left / wrong engine / post count / posters missed.'],
)
FLAT = text_gaps.FLAT


@pytest.mark.parametrize("extractor", sorted(FLAT))
@pytest.mark.parametrize("name", [e.name for e in PAGES])
def test_variant_page_as_text(name: str, extractor: str) -> None:
    SUITE.check(name, extractor, "python tests/test_variants_classic.py --write")


def test_known_gaps_name_real_pages() -> None:
    assert all(page in SUITE.by_name for page, _ext in SUITE.known)


if __name__ == "__main__" and "--write" in sys.argv:
    SUITE.write()
