"""Text packs for the modern engines (Discourse, NodeBB, Flarum, Vanilla, Invision).

Inputs are written here or generated from synthetic thread pages (``fixtures/html/text-<engine>.html``) flattened
by html-text, trafilatura and selectolax, the way users hold such text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import FIXTURES

import postclean
from postclean.packs import pack_by_name

ENGINES = ("discourse", "invision", "nodebb", "flarum", "vanilla")

#: Sentences of each synthetic page that must survive, authors html-text output must yield, and chrome lines
#: that must not be left in the body.
PAGES: dict[str, dict[str, tuple[str, ...]]] = {
    "discourse": {
        "keep": (
            "The automatic vents on my greenhouse stay shut whenever the night drops below freezing.",
            "Swap the cylinder for the low-temperature version and oil the hinge every autumn.",
            "The low-temperature cylinder arrived and the vents opened this morning at last.",
        ),
        "authors": ("thornbury", "mulchmaster", "thornbury"),
        "gone": ("4 Likes", "1 Like", "Powered by", "Related topics", "thornbury:", "Terms of Service"),
    },
    "invision": {
        "keep": (
            "My new silicon carbide shelf cracked straight across during the very first bisque firing.",
            "Probably a hidden flaw in the shelf, since one firing rarely cracks a good one.",
        ),
        "authors": ("glazebrook", "saggarfield"),
        "gone": (
            "Posted",
            "Link to comment",
            "Share on other sites",
            "More sharing options...",
            "Edited April 2, 2023 by glazebrook",
            "1,204 posts",
            "glazebrook said:",
            "Create an account",
        ),
    },
    "nodebb": {
        "keep": (
            "My nightly backup job silently skips every hidden folder in the home directory.",
            "Add the include pattern for dot files, the default filter leaves them out.",
        ),
        "authors": ("rookwell", "fenwright"),
        "gone": (
            "Offline",
            "Online",
            "wrote",
            "#1",
            "1 Reply",
            "Oldest to Newest",
            "Log in to reply",
            "said in",
        ),
    },
    "flarum": {
        "keep": (
            "I need to move the whole forum to a new host without losing the uploaded avatars.",
            "Copy the public assets folder along with the database dump and the avatars come along.",
        ),
        "authors": ("quillhaven", "brambleton"),
        "gone": ("best viewed in a modern browser", "Something went wrong", "Next Page"),
    },
    "vanilla": {
        "keep": (
            "The rehearsal moves to Thursday evening because the hall is booked on Wednesday.",
            "Thursday suits the altos much better, thank you for arranging it.",
        ),
        "authors": ("cantorwell", "altoreed"),
        "gone": ("March 4, 2021", "Sign In or Register", "Howdy, Stranger!", "Powered By Vanilla", "said:"),
    },
}


def _html(engine: str) -> str:
    return (FIXTURES / "html" / f"text-{engine}.html").read_text(encoding="utf-8")


def _html_text(html: str) -> str:
    html_text = pytest.importorskip("html_text")
    return str(html_text.extract_text(html))


def _trafilatura(html: str) -> str:
    trafilatura = pytest.importorskip("trafilatura")
    return str(trafilatura.extract(html) or "")


def _selectolax(html: str) -> str:
    lexbor = pytest.importorskip("selectolax.lexbor")
    body = lexbor.LexborHTMLParser(html).body
    return str(body.text(separator="\n")) if body is not None else ""


def _spaced_nodes(html: str) -> str:
    """One text node per line with a blank line after each: how BeautifulSoup's ``get_text("\\n")`` flattens a
    pretty-printed page (the whitespace between tags becomes the blank lines)."""
    return "\n\n".join(line for line in _selectolax(html).split("\n") if line.strip())


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "html-text": _html_text,
    "trafilatura": _trafilatura,
    "selectolax": _selectolax,
    "spaced-nodes": _spaced_nodes,
}


def _body_lines(doc: postclean.Document) -> list[str]:
    return [line.strip() for line in doc.text.split("\n") if line.strip()]


@pytest.mark.parametrize("extractor", list(EXTRACTORS))
@pytest.mark.parametrize("engine", ENGINES)
def test_flattened_pages(engine: str, extractor: str) -> None:
    text = EXTRACTORS[extractor](_html(engine))
    doc = postclean.clean(text, kind="text")
    body = doc.text
    present = [s for s in PAGES[engine]["keep"] if s in text]
    if not present:
        pytest.skip(f"{extractor} keeps no post text of this page")
    for sentence in present:
        assert sentence in body, doc.explain()
    lines = _body_lines(doc)
    for chrome in PAGES[engine]["gone"]:
        assert not any(line == chrome or line.startswith(chrome) for line in lines), (chrome, doc.explain())
    # the cleaned text is stable
    assert postclean.clean(body, kind="text").text == body


@pytest.mark.parametrize("extractor", ["html-text", "selectolax", "spaced-nodes"])
@pytest.mark.parametrize("engine", ENGINES)
def test_flattened_pages_authors(engine: str, extractor: str) -> None:
    doc = postclean.clean(EXTRACTORS[extractor](_html(engine)), kind="text")
    assert doc.engine == engine
    authors = tuple(p.author.name for p in doc.posts if p.author is not None and p.author.name)
    assert authors == PAGES[engine]["authors"], doc.explain()


@pytest.mark.parametrize("engine", ENGINES)
def test_sniff_on_flattened_page(engine: str) -> None:
    sniff = pack_by_name(engine).sniff
    assert sniff is not None
    assert sniff(_html_text(_html(engine))) >= 0.5


PROSE = """She joined the choir in 2011 and posted the schedule every week.
I liked the first reply more than the second one, and I said so.
He wrote on the board: meeting moved to Thursday.
She said: come home before the rain.
Posted in a hurry, the letter arrived late.
The numbers were
12
15
18
and the total was 45.
Related topics came up at the meeting, as did views on the budget.
Edited by the committee, the book took two years.
Share on other sites? No, she kept the recipe to herself.
"""


def test_prose_passes_unchanged() -> None:
    doc = postclean.clean(PROSE, kind="text")
    assert doc.text == PROSE.strip()
    assert not doc.removals
    for engine in ENGINES:
        sniff = pack_by_name(engine).sniff
        assert sniff is not None and sniff(PROSE) < 0.5


def test_bare_numbers_only_with_discourse() -> None:
    text = "We counted the boats.\n\n3\n\nThen the tide turned."
    assert postclean.clean(text, kind="text").text == text


@pytest.mark.parametrize(
    ("text", "removed", "kept"),
    [
        # Discourse one-line (html-text), name/blank/number (trafilatura), bare numbers (Resiliparse)
        (
            "kelpie_b (Kel Byrne) June 2, 2024, 3:24pm 1\nThe ferry runs twice a day now.\n"
            "oarlock June 2, 2024, 4:41pm 2\nOnly in summer, sadly.",
            "kelpie_b (Kel Byrne)",
            "Only in summer, sadly.",
        ),
        (
            "kelpie_b\n   \n   \n      1\nThe ferry runs twice a day in the summer months now.\n"
            "oarlock\n   \n   \n      2\nOnly in summer, and not on public holidays sadly.",
            "kelpie_b",
            "Only in summer, and not on public holidays sadly.",
        ),
        # IPS bullet-free author pane and glued IPS 5 date
        ("August 26, 20241 yr Is the roadmap public yet?", "1 yr", "Is the roadmap public yet?"),
        # NodeBB glued quote header (trafilatura bullet form)
        (
            "- @fenwright said in Backup job: Add the include pattern. Which pattern exactly?",
            "said in",
            "Which pattern exactly?",
        ),
        # Flarum likes summary
        (
            "The move went smoothly.\nquillhaven replied to this.",
            "replied to this",
            "The move went smoothly.",
        ),
    ],
)
def test_shapes(text: str, removed: str, kept: str) -> None:
    doc = postclean.clean(text, kind="text")
    assert removed not in doc.text, doc.explain()
    assert kept in doc.text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        (
            "Danke, das hat geholfen.\nUnterstützt von Discourse, beste Darstellung mit aktiviertem JavaScript",
            "Unterstützt",
        ),
        (
            "Merci pour l'aide.\nPropulsé par Discourse, le rendu est meilleur avec le JavaScript activé",
            "Propulsé",
        ),
        ("Gracias por la ayuda.\n3 Me gusta", "Me gusta"),
        ("Obrigado pela ajuda.\n5 Curtidas", "Curtidas"),
        ("Grazie per l'aiuto.\n2 Mi piace", "Mi piace"),
        ("Bedankt voor de hulp.\nLink naar reactie\nDelen op andere sites", "Delen op andere sites"),
        ("Dzięki za pomoc.\nUdostępnij na innych stronach", "Udostępnij"),
        ("Спасибо за помощь.\nИзменено 5 марта 2024 пользователем lisovik", "Изменено"),
        ("Danke für die Hilfe.\nBearbeitet 5. März 2024 von feldhase", "Bearbeitet"),
        ("@kestrelbay sagte in Build-Fehler:\nWelcher Runner?", "sagte in"),
        ("@kestrelbay dijo en Error de build:\n¿Qué runner usas?", "dijo en"),
        ("Пользователь kestrelbay написал в Ошибка сборки:\nКакой раннер?", "написал в"),
        ("Merci beaucoup.\nMessages recommandés", "Messages recommandés"),
    ],
)
def test_languages(text: str, gone: str) -> None:
    doc = postclean.clean(text, kind="text")
    assert gone not in doc.text, doc.explain()
    assert doc.text.split("\n")[0] == text.split("\n")[0] or gone in text.split("\n")[0]


def test_ips_quote_moves_to_quotes() -> None:
    text = (
        "On 3/5/2024 at 7:29 PM, quietharbor said:\nThe old interface was faster.\nExpand\n"
        "I agree, the new one feels slow."
    )
    doc = postclean.clean(text, kind="text")
    assert doc.text == "I agree, the new one feels slow."
    assert doc.posts[0].quotes[0].author == "quietharbor"
    assert doc.posts[0].quotes[0].text == "The old interface was faster."


def test_discourse_facts() -> None:
    doc = postclean.clean(
        "harbourfox (Mara Quinn) March 3, 2024, 9:15am 1\nThe ferry timetable changed.\n8 Likes\n",
        kind="text",
    )
    post = doc.posts[0]
    assert post.author is not None and post.author.name == "harbourfox"
    assert post.author.extra == {"full_name": "Mara Quinn"}
    assert post.number == 1 and post.date is not None and post.date.isoformat() == "2024-03-03T09:15:00"
    assert post.reactions == "8 Likes"
