"""Text packs of the classic engines (vBulletin, phpBB, SMF, MyBB, FluxBB): shapes per extractor style,
labels per language, prose that must pass unchanged, sniffing, and synthetic thread pages flattened by
html-text, trafilatura and selectolax.

Some poster-block shapes are also read by the XenForo pack; the names come out right because text sniffed as
a classic engine is cleaned with that engine's pack only (the ``needs_sniff`` checks below depend on it).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import regex

import postclean
from postclean.packs import _classic

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def clean(text: str) -> postclean.Document:
    return postclean.clean(text, kind="text")


# ------------------------------------------------------------------------------------------------ shapes

#: (id, input, sentences that must stay, substrings that must be gone)
SHAPES = [
    (
        "vb3-colon-block",
        "2016-02-01, 02:21 Link # 3021\nmarlin\nMember\nJoin Date: May 2015\n"
        "The ferry timetable changed again this spring.\n"
        "marlin\nView Public Profile\nSend a private message to marlin\nFind More Posts by marlin\n",
        ["The ferry timetable changed again this spring."],
        ["Join Date", "View Public Profile", "Find More Posts", "Link # 3021"],
    ),
    (
        "vb4-label-then-value",
        "06-15-2016, 03:03 PM #1\nquillpen\n\nView Profile\nView Forum Posts\n\nSenior Member\n\n"
        "Join Date\nOct 2010\nLocation\nLeeds\nPosts\n3,882\nMentioned\n39 Post(s)\n\n"
        "The canal towpath is closed near the lock.\n\nReply With Quote\n"
        "06-15-2016, 05:21 PM #2\nmarlin\n\nView Profile\n\nMember\n\nJoin Date\nJan 2012\nPosts\n96\n\n"
        "Thanks, I will take the road instead.\n\nReply With Quote\n",
        ["The canal towpath is closed near the lock.", "Thanks, I will take the road instead."],
        ["Reply With Quote", "Join Date", "View Profile", "39 Post(s)", "#2"],
    ),
    (
        "vb4-trafilatura-bullets",
        "- \n\t11-29-2024, 09:03 AM #1Web Hosting Master\n  - Join Date\n  - Nov 2024\n  - Posts\n  - 3\n"
        "Which backup plan do you use for a small shop?\n"
        "- \n\t11-29-2024, 01:50 PM #2Junior Member\n  - Join Date\n  - Aug 2004\n  - Posts\n  - 8,197\n"
        "Nightly snapshots kept for a week.\n",
        ["Which backup plan do you use for a small shop?", "Nightly snapshots kept for a week."],
        ["Join Date", "- Posts", "#2"],
    ),
    (
        "vb-glued-quote-and-signature",
        "Quote:Originally Posted bykestrel View PostThe bridge reopens on Friday.\n"
        "Good news for the cyclists.\n__________________\nRiding since 1998\n",
        ["Good news for the cyclists."],
        ["Originally Posted", "Riding since 1998", "______"],
    ),
    (
        "vb-one-line-block",
        "Registered User Join Date: Mar 2016 Location: Leeds Posts: 12 | The card shows the wrong refresh rate.\n",
        ["The card shows the wrong refresh rate."],
        ["Join Date", "Posts: 12"],
    ),
    (
        "phpbb-prosilver-profile",
        "galitsyn\nPosts: 138\nJoined: 4. Jul 2012, 16:09\n\nDiscuss the new release here\n\n"
        "Post by galitsyn » 11. Sep 2024, 18:36\n\nYou can download the release from the site.\nTop\n\n"
        "multiOS\nVolunteer\nPosts: 1725\nJoined: 14. Sep 2019, 16:51\nPrimary OS: Mac OS X other\n"
        "Location: United Kingdom\n\nRe: Discuss the new release here\n\nPost by multiOS » 12. Sep 2024, 00:37\n\n"
        "The network adapter stopped working after the update.\n"
        "Last edited by multiOS on 12. Sep 2024, 00:40, edited 1 time in total.\nTop\n",
        ["You can download the release from the site.", "The network adapter stopped working after the update."],
        ["Posts:", "Joined:", "Post by", "Primary OS", "Last edited", "Re: Discuss"],
    ),
    (
        "phpbb-trafilatura-bylines-and-glued-quotes",
        "by quillpen » Tue Aug 27, 2019 1:47 am\nThe league fixtures are out.\n"
        "by marlin » Tue Aug 27, 2019 4:08 am\nquillpen wrote:The league fixtures are out.\nThanks, added them.\n"
        "Code: Select all\nmake install\n",
        ["The league fixtures are out.", "Thanks, added them.", "make install"],
        ["» Tue Aug", "wrote:", "Select all"],
    ),
    (
        "smf-20-shape",
        "quillpen\n\nGlobal Moderator\nPosts: 1,193\nLogged\nRe: Tide tables\n"
        "« Reply #1 on: March 10, 2009, 07:23:49 AM »\n"
        "Quote from: marlin on March 09, 2009, 06:00:00 PMAre the spring tides higher?\n"
        "Yes, about half a metre higher than usual.\n« Last Edit: March 10, 2009, 07:24:50 AM by quillpen »\n"
        "Report to moderator   Logged\n2 people like this.\n",
        ["Yes, about half a metre higher than usual."],
        ["Posts:", "Reply #1", "Quote from", "Last Edit", "Logged", "people like this"],
    ),
    (
        "mybb-shape",
        "quillpen\nJunior Member\nPosts: 116\nThreads: 23\nJoined: Feb 2019\nReputation: 7\n#3\n"
        "02-24-2019, 05:31 PM (This post was last modified: 02-24-2019, 05:40 PM by quillpen.)\n"
        "(2019-02-23, 09:14 PM) marlin Wrote: Has anyone moved a board from SMF?\n"
        "Yes, the merge system worked for me.\nWebsite Find\nReply\n",
        ["Yes, the merge system worked for me."],
        ["Threads:", "Reputation:", "last modified", "Wrote:", "Website Find"],
    ),
    (
        "fluxbb-shape",
        "#2 2024-08-03 14:22:38\nseth\nMember\nFrom: Leeds\nRegistered: 2012-09-03\nPosts: 73,365\n"
        "Re: Sleek forum software\nMake your browser window tall and narrow.\n"
        "Last edited by seth (2024-08-03 14:30:00)\nOffline\n"
        "#3 2024-08-03 15:48:19\narchuser\nMember\nRegistered: 2024-01-27\nPosts: 98\n"
        "Re: Sleek forum software\nThat is a good test, thank you.\nOffline\n",
        ["Make your browser window tall and narrow.", "That is a good test, thank you."],
        ["Registered:", "Posts:", "Last edited", "Offline", "#3 2024"],
    ),
]


@pytest.mark.parametrize(("text", "kept", "gone"), [pytest.param(*s[1:], id=s[0]) for s in SHAPES])
def test_shapes_remove_chrome_keep_text(text: str, kept: list[str], gone: list[str]) -> None:
    doc = clean(text)
    out = doc.text
    for sentence in kept:
        assert sentence in out, doc.explain()
    for chrome in gone:
        assert chrome not in out, (chrome, out, doc.explain())
    assert clean(out).text == out


def test_vb3_block_facts() -> None:
    doc = clean(SHAPES[0][1])
    post = doc.posts[0]
    assert post.author is not None
    assert (post.author.name, post.author.rank, post.author.joined) == ("marlin", "Member", dt.date(2015, 5, 1))
    assert post.number == 3021
    assert post.date == dt.datetime(2016, 2, 1, 2, 21)


def test_smf_block_facts() -> None:
    doc = clean(SHAPES[7][1])
    post = doc.posts[0]
    assert post.author is not None and post.author.name == "quillpen"
    assert post.author.messages == 1193
    assert post.number == 1
    assert post.date == dt.datetime(2009, 3, 10, 7, 23, 49)
    assert post.quotes[0].author == "marlin"
    assert post.edit_note is not None and "Last Edit" in post.edit_note
    assert post.reactions == "2 people like this."


def test_fluxbb_block_facts() -> None:
    doc = clean(SHAPES[9][1])
    assert [p.number for p in doc.posts] == [2, 3]
    assert doc.posts[1].author is not None and doc.posts[1].author.name == "archuser"
    assert doc.posts[0].edit_note == "Last edited by seth (2024-08-03 14:30:00)"


@pytest.mark.parametrize(
    ("index", "names"),
    [(1, ["quillpen", "marlin"]), (5, ["galitsyn", "multiOS"]), (8, ["quillpen"])],
)
def test_block_names_needs_sniff(index: int, names: list[str]) -> None:
    doc = clean(SHAPES[index][1])
    assert [p.author.name if p.author else None for p in doc.posts] == names


def test_phpbb_byline_splits_posts() -> None:
    doc = clean(SHAPES[6][1])
    assert [p.author.name if p.author else None for p in doc.posts] == ["quillpen", "marlin"]
    assert doc.posts[1].quotes[0].author == "quillpen"
    assert doc.posts[1].date == dt.datetime(2019, 8, 27, 4, 8)


# ------------------------------------------------------------------------------------------------ languages

LANGUAGE_CASES = [
    ("de-phpbb-quote", "kestrel hat geschrieben: ↑ Fr 10. Mär 2023, 22:37\nIst die Brücke offen?\nJa.", "hat geschrieben"),
    ("fr-phpbb-quote", "kestrel a écrit : ↑ ven. 10 mars 2023 22:37\nLe pont est ouvert ?\nOui.", None),
    ("es-phpbb-quote", "kestrel escribió: ↑ Vie Mar 10, 2023 10:37 pm\n¿Está abierto el puente?\nSí.", "escribió"),
    ("ru-phpbb-quote", "kestrel писал(а): ↑ 10 мар 2023, 22:37\nМост открыт?\nДа.", "писал(а)"),
    ("de-code", "Diese Zeile einfügen:\nCode: Alles auswählen\nmake install", "Alles auswählen"),
    ("ru-code", "Добавьте строку:\nКод: Выделить всё\nmake install", "Выделить всё"),
    ("de-smf-quote", "Zitat von: marlin am 09. Juni 2024, 03:29:46\nDie Fähre war spät.\nHeute nicht.", "Zitat von"),
    ("nl-smf-quote", "Citaat van: marlin op 09 juni 2024, 03:29:46\nDe veerboot was laat.\nVandaag niet.", "Citaat van"),
    ("pl-smf-quote", "Cytat: marlin — 09 czerwca 2024, 03:29:46\nProm był spóźniony.\nDziś nie.", None),
    ("de-vb-quote", "Zitat:\nZitat von marlin\nWar die Fähre pünktlich?\nJa, heute schon.", "Zitat von"),
    ("pt-vb-quote", "Citação:\nPostado originalmente por marlin\nA balsa atrasou?\nHoje não.", "Postado originalmente"),
    ("it-vb-quote", "Citazione:\nOriginariamente inviato da marlin\nIl traghetto era in ritardo?\nOggi no.", "Originariamente"),
    ("de-reply-button", "Die Fähre fährt wieder.\nMit Zitat antworten", "Mit Zitat antworten"),
    ("ru-reply-button", "Паром снова ходит.\nОтветить с цитированием", "Ответить с цитированием"),
    ("es-smf-edit", "El ferry sale a las siete.\n« Última modificación: 10 de marzo de 2009, 07:24:50 por quillpen »", "Última modificación"),
    ("it-phpbb-block", "quillpen\nMessaggi: 120\nIscritto il: 12 mar 2011, 16:11\nRe: Orari\n"
     "Messaggio da quillpen » 11 set 2024, 18:36\nIl traghetto parte alle sette.", "Iscritto il"),
    ("pt-mybb-block", "quillpen\nMembro\nMensagens: 116\nTópicos: 23\nRegisto: Fev 2019\nReputação: 7\n#3\n"
     "02-24-2019, 05:31 PM\nO barco chega amanhã.", "Registo"),
    ("pl-vb-online", "Prom płynie o siódmej.\nquillpen\nZobacz profil\nquillpen jest offline", "jest offline"),
]


@pytest.mark.parametrize(("text", "gone"), [pytest.param(c[1], c[2], id=c[0]) for c in LANGUAGE_CASES])
def test_language_labels(text: str, gone: str | None) -> None:
    doc = clean(text)
    last_line = text.strip().split("\n")[-1]
    if gone is not None:
        assert gone not in doc.text, doc.explain()
    assert doc.removals, "nothing removed"
    if not any(word in last_line for word in ("auswählen", "Выделить", "antworten", "цитированием", "offline", "modificación")):
        assert last_line in doc.text


def test_language_block_facts() -> None:
    doc = clean(LANGUAGE_CASES[15][1])
    author = doc.posts[0].author
    assert author is not None and author.name == "quillpen" and author.messages == 120
    assert author.joined == dt.date(2011, 3, 12)


# ------------------------------------------------------------------------------------------------ prose

PROSE = [
    "She wrote: we will come on Sunday with the children.",
    "Posts from the front arrived by ship in the spring.",
    "Quote: to be or not to be, that is the question.",
    "He joined in 2011 and his join date is printed on the card.",
    "The photograph was originally posted by the museum, then removed.",
    "Registered: yes, the boat was registered at the harbour office.",
    "Top of the list was the lighthouse walk.\nReply to the letter before Friday, please.",
    "Last edited by my aunt, the guide is much shorter now.",
    "The score was 05-13 at half time, and #6 scored twice.",
    "Logged on at nine, she read the harbour book until noon.",
    "Offline maps are useful on the hills.\nFind the key under the mat.",
    "Re: your letter of Monday, I agree with every point you made.",
    "Code: select all the cells first, then press delete.",
    "They said he is offline most of the summer, fishing on the lake.",
]


@pytest.mark.parametrize("text", PROSE)
def test_prose_passes_unchanged(text: str) -> None:
    doc = clean(text)
    assert doc.text == text, doc.explain()


def test_planted_chrome_in_prose() -> None:
    prose = [
        "The ferry leaves the harbour at seven every morning.",
        "In winter the timetable is shorter and the café closes early.",
        "Most visitors walk up to the lighthouse before lunch.",
    ]
    planted = [
        "Reply With Quote",
        "Last edited by quillpen; 12-25-2009 at 01:51 PM.",
        "« Reply #3 on: March 10, 2009, 07:23:49 AM »",
        "Code: Select all",
        "(This post was last modified: 10-02-2024, 04:47 PM by quillpen.)",
        "The Following 2 Users Say Thank You to quillpen For This Useful Post:",
    ]
    for chrome in planted:
        text = "\n".join([prose[0], chrome, prose[1], prose[2]])
        doc = clean(text)
        assert chrome not in doc.text, doc.explain()
        for sentence in prose:
            assert sentence in doc.text, (chrome, doc.text)


# ------------------------------------------------------------------------------------------------ sniffing


@pytest.mark.parametrize(
    ("index", "engine"),
    [(1, "vbulletin"), (5, "phpbb"), (7, "smf"), (8, "mybb"), (9, "fluxbb")],
)
def test_sniff(index: int, engine: str) -> None:
    assert clean(SHAPES[index][1]).engine == engine


def test_sniff_needs_two_signals() -> None:
    from postclean.packs import fluxbb, mybb, phpbb, smf, vbulletin

    for pack in (vbulletin, phpbb, smf, mybb, fluxbb):
        assert pack.sniff("Originally Posted by nobody, this is just a sentence.") < 0.5
        assert pack.sniff(PROSE[0]) < 0.5


def test_us_dates() -> None:
    assert _classic.parse_classic_date("05-13-2016, 02:15 PM") == dt.datetime(2016, 5, 13, 14, 15)
    assert _classic.parse_classic_date("13-05-2016") == dt.date(2016, 5, 13)
    assert _classic.parse_classic_date("March 10, 2009, 07:23:49 AM") == dt.datetime(2009, 3, 10, 7, 23, 49)


# ------------------------------------------------------------------------------------------------ synthetic pages

PAGES = {
    "text-vbulletin": [
        "Does anyone know which marinas still have winter moorings near Banbury?",
        "Cropredy had two free berths when I rang them last week.",
        "Thank you, I have booked a berth at Cropredy until March.",
    ],
}
_LEFT_RE = regex.compile(
    r"^\s*(?:Join Date|Posts:|Joined:|Registered:|Reply With Quote|Logged|Report to moderator|View Profile|"
    r"Quote Originally Posted|.{1,40} is offline)\b",
    regex.MULTILINE,
)


def _flatten(html: str) -> dict[str, str]:
    out: dict[str, str] = {}
    html_text = pytest.importorskip("html_text")
    out["html-text"] = html_text.extract_text(html)
    trafilatura = pytest.importorskip("trafilatura")
    out["trafilatura"] = trafilatura.extract(html) or ""
    lexbor = pytest.importorskip("selectolax.lexbor")
    body = lexbor.LexborHTMLParser(html).body
    out["selectolax"] = body.text(separator="\n") if body is not None else ""
    # one node per line between blank lines, as BeautifulSoup's get_text("\n") writes a pretty-printed page
    out["spaced-nodes"] = "\n\n".join(x for x in out["selectolax"].split("\n") if x.strip())
    return out


@pytest.mark.parametrize("page", sorted(PAGES))
def test_synthetic_pages(page: str) -> None:
    html = (FIXTURES / "html" / f"{page}.html").read_text(encoding="utf-8")
    for extractor, text in _flatten(html).items():
        doc = clean(text)
        for sentence in PAGES[page]:
            if sentence in text:
                assert sentence in doc.text, (extractor, doc.text)
        left = _LEFT_RE.findall(doc.text)
        assert not left, (extractor, left, doc.text)


def test_synthetic_vbulletin_authors() -> None:
    html = (FIXTURES / "html" / "text-vbulletin.html").read_text(encoding="utf-8")
    text = _flatten(html)["html-text"]
    doc = clean(text)
    assert doc.engine == "vbulletin"
    names = [p.author.name for p in doc.posts if p.author is not None]
    assert names == ["towpath_tess", "lockkeeper_lou", "towpath_tess"]
    assert [p.number for p in doc.posts if p.author is not None] == [1, 2, 3]
    first = next(p for p in doc.posts if p.author is not None)
    assert first.author is not None and first.author.messages == 1628
    assert first.author.joined == dt.date(2014, 3, 1)
