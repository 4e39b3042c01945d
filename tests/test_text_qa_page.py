"""Text door: Stack Exchange, Reddit, Lemmy and page-chrome packs, and per-document confidence.

Every input here is written for this file: short cases in each flattened shape (one item a line, glued,
one line), per-language page chrome, prose that must pass unchanged, and whole synthetic pages flattened by
html-text, trafilatura and selectolax.
"""

from __future__ import annotations

import pytest

import postclean
from postclean.phrases import LANGUAGES, PHRASES

# ----------------------------------------------------------------------------------------------- helpers


def clean(text: str) -> postclean.Document:
    return postclean.clean(text, kind="text")


def codes(doc: postclean.Document) -> set[str]:
    return {r.code for r in doc.removals}


# ---------------------------------------------------------------------------------------------- page chrome

NAV_BY_LANGUAGE = {
    "en": ["Home", "Forums", "What's new", "Members", "Log in", "Register"],
    "de": ["Startseite", "Foren", "Neue Beiträge", "Mitglieder", "Anmelden", "Registrieren"],
    "fr": ["Accueil", "Forums", "Nouveaux messages", "Membres", "Connexion", "S'inscrire"],
    "es": ["Inicio", "Foros", "Nuevos mensajes", "Miembros", "Iniciar sesión", "Registrarse"],
    "pt": ["Início", "Fóruns", "Novas mensagens", "Membros", "Entrar", "Registrar"],
    "it": ["Home page", "Forum", "Nuovi messaggi", "Membri", "Accedi", "Registrati"],
    "nl": ["Startpagina", "Forums", "Nieuwe berichten", "Leden", "Inloggen", "Registreren"],
    "pl": ["Strona główna", "Fora", "Nowe posty", "Użytkownicy", "Zaloguj się", "Zarejestruj się"],
    "ru": ["Главная", "Форумы", "Новые сообщения", "Пользователи", "Вход", "Регистрация"],
}
BODY = "The harbour master moved the ferry to the north quay for the winter."


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nav_menu_every_language(lang: str) -> None:
    items = NAV_BY_LANGUAGE[lang]
    doc = clean("\n".join(items) + "\n" + BODY + "\n")
    assert doc.text == BODY
    assert codes(doc) == {"PAGE001"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nav_menu_on_one_line(lang: str) -> None:
    items = NAV_BY_LANGUAGE[lang]
    doc = clean(" ".join(items[3:]) + "\n" + BODY)
    assert doc.text == BODY


@pytest.mark.parametrize(
    "concept", ["login_prompts", "jump_links", "related_headings", "powered_by", "all_times_are", "nav_words"]
)
def test_page_phrase_tables_cover_every_language(concept: str) -> None:
    assert set(PHRASES[concept]) == set(LANGUAGES)


@pytest.mark.parametrize(
    "concept",
    [
        "qa_post_buttons",
        "qa_post_event",
        "qa_sorted_by",
        "qa_vote_tooltips",
        "qa_related_headings",
        "reddit_points",
        "reddit_join_prompts",
    ],
)
def test_qa_phrase_tables_cover_every_language(concept: str) -> None:
    assert set(PHRASES[concept]) == set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_login_prompts_every_language(lang: str) -> None:
    prompt = PHRASES["login_prompts"][lang][0]
    doc = clean(f"{BODY}\n{prompt}\n")
    assert doc.text == BODY, doc.explain()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_related_list_every_language(lang: str) -> None:
    heading = PHRASES["related_headings"][lang][0]
    doc = clean(f"{BODY}\n{heading}\nNew ferry timetable\nReplies 4 Views 380\nQuay parking rules\n")
    assert doc.text == BODY, doc.explain()
    assert "PAGE005" in codes(doc)


def test_breadcrumb_shapes() -> None:
    for trail in (
        "Home › Forums › Boats › Ferries",
        "Forums > General > Ferries",
        "Boats » Ferries » Winter",
    ):
        doc = clean(f"{trail}\n{BODY}")
        assert doc.text == BODY, trail


def test_footer_block() -> None:
    text = "\n".join(
        [
            BODY,
            "The quay reopens in April.",
            "Bring a coat.",
            "Contact us",
            "Terms and rules",
            "Privacy policy",
            "Style chooser",
            "Powered by Harbourboard 2.1",
            "© 2024 Harbour Forums Ltd. All rights reserved.",
            "All times are GMT +1. The time now is 09:12.",
        ]
    )
    doc = clean(text)
    assert doc.text == "\n".join([BODY, "The quay reopens in April.", "Bring a coat."])


def test_forum_statistics_and_online_lines() -> None:
    text = "\n".join(
        [
            BODY,
            "Who is online",
            "Topics",
            "4,120",
            "Members",
            "812",
            "Users browsing this thread: harbour_seal, quay_walker",
            "Total: 2 (members: 0, guests: 2)",
        ]
    )
    doc = clean(text)
    assert doc.text == BODY, doc.explain()


def test_skip_links_and_title_line() -> None:
    text = (
        "Winter ferry moves | Harbour Forums\nSkip to content\nWinter ferry moves\n"
        + BODY
        + "\nBack to top\n"
    )
    doc = clean(text)
    assert doc.title == "Winter ferry moves"
    assert "Skip to content" not in doc.text and "Back to top" not in doc.text
    assert BODY in doc.text


PROSE = [
    "Home is where the heart is, my grandmother used to say.",
    "Powered by the wind, the boat crossed the bay in an hour.",
    "He reached level 1 of the game before dinner.",
    "She joined in 2011 and has posted every week since.",
    "Messages from the front arrived by ship.",
    "Members of the crew wrote home every month.",
    "Similar threads of wool were found in the nest.",
    "Related to that, the ferry will also stop at the island.",
    "Log in to the harbour portal with your pass number, the clerk said.",
    "Share the cake with the neighbours.",
    "We had to jump to conclusions because the manual was lost.",
    "The answer was 42, and the question was never written down.",
    "Copyright law changed in 1998, which nobody noticed.",
    "Forums like this one used to be everywhere.",
]


@pytest.mark.parametrize("line", PROSE)
def test_prose_passes_unchanged(line: str) -> None:
    text = f"{line}\nThe next paragraph talks about tides and nothing else.\n"
    doc = clean(text)
    assert doc.text == text.strip(), doc.explain()
    assert not doc.removals


def test_prose_block_passes_unchanged() -> None:
    text = "\n\n".join(PROSE)
    doc = clean(text)
    assert doc.text == text
    assert not doc.removals


# ------------------------------------------------------------------------------------------- Stack Exchange

SE_HTML_TEXT = """\
Stack Exchange network consists of 183 Q&A communities including Stack Overflow, the largest, most trusted online community for developers to learn, share their knowledge, and build their careers.
Ask Question
Asked 2 years, 3 months ago
Modified 1 year ago
Viewed 1k times
7
How long can cooked rice stay warm in a rice cooker before it is unsafe?
I usually keep it on warm for the whole afternoon.
rice
food-safety
Share
Improve this question
Follow
asked Mar 3, 2022 at 9:15
quay_cook
1,204 2 2 gold badges 10 10 silver badges 21 21 bronze badges
2
Do you mean the keep-warm setting or a switched-off cooker?
tide_chef
– tide_chef
2022-03-03 09:20:11 +00:00
Commented Mar 3, 2022 at 9:20
Add a comment |
2 Answers 2
Sorted by: Reset to default
Highest score (default) Date modified (newest first) Date created (oldest first)
12
On the keep-warm setting rice stays above sixty degrees, so a few hours are fine.
After that it dries out long before it becomes unsafe.
Share
Improve this answer
Follow
answered Mar 3, 2022 at 10:02
tide_chef
30.5k 18 18 gold badges 90 90 silver badges 174 174 bronze badges
Add a comment |
3
Cool leftovers quickly and keep them in the fridge.
Share
Improve this answer
Follow
answered Mar 4, 2022 at 8:00
harbour_baker
512 1 1 silver badge 6 6 bronze badges
Add a comment |
Your Answer
Thanks for contributing an answer to Seasoned Cooks!
Post Your Answer Discard
By clicking “Post Your Answer”, you agree to our terms of service and acknowledge you have read our privacy policy.
Hot Network Questions
Why does bread go stale faster in the fridge?
Can I freeze cooked pasta?
Is it safe to reheat rice twice?
Question feed
Subscribe to RSS
Site design / logo © 2025 Stack Exchange Inc; user contributions licensed under CC BY-SA.
"""
SE_POSTS = [
    "How long can cooked rice stay warm in a rice cooker before it is unsafe?",
    "On the keep-warm setting rice stays above sixty degrees, so a few hours are fine.",
    "Cool leftovers quickly and keep them in the fridge.",
]


def test_stackexchange_whole_page_text() -> None:
    doc = clean(SE_HTML_TEXT)
    assert doc.engine == "stackexchange"
    assert [p.body.split("\n")[0] for p in doc.posts] == SE_POSTS, doc.explain()
    assert doc.posts[1].author is not None and doc.posts[1].author.name == "tide_chef"
    assert doc.posts[2].author is not None and doc.posts[2].author.name == "harbour_baker"
    assert str(doc.posts[2].date).startswith("2022-03-04")
    assert "Commented" not in doc.text and "Improve this" not in doc.text
    assert "Hot Network" not in doc.text and "Stack Exchange" not in doc.text
    assert "food-safety" not in doc.text


def test_stackexchange_comments_in_text_door() -> None:
    """Comments found in flattened text go to ``post.comments`` as the HTML door's do: out of ``doc.text``,
    back in with ``render(comments="inline")``."""
    doc = clean(SE_HTML_TEXT)
    question, first, second = doc.posts
    (comment,) = question.comments
    assert comment.text == "Do you mean the keep-warm setting or a switched-off cooker?"
    assert comment.author == "tide_chef"
    assert comment.date_raw == "Mar 3, 2022 at 9:20"
    assert comment.date is not None and comment.date.isoformat() == "2022-03-03T09:20:11+00:00"
    assert first.comments == () and second.comments == ()
    assert any(r.code == "SE004" and r.moved_to == "comments" for r in doc.removals)
    assert "keep-warm setting or a switched-off" not in doc.text
    inline = doc.render(comments="inline")
    assert "Do you mean the keep-warm setting or a switched-off cooker? – tide_chef" in inline
    assert (
        inline.index("I usually keep it on warm")
        < inline.index("switched-off cooker")
        < inline.index("On the keep-warm setting")
    )
    assert doc.to_dict()["posts"][0]["comments"][0]["author"] == "tide_chef"


def test_stackexchange_comment_split_by_taken_lines() -> None:
    """One text node a line with MathJax markers (taken by SE005) between the parts of a comment: one Comment,
    and every part of it says where it went."""
    nodes = [
        "Stack Exchange network consists of 183 Q&A communities including Stack Overflow.",
        "Keep the lid closed.",
        "answered Feb 12, 2011 at 1:01",
        "harbour_cook",
        "30.5k 18 18 gold badges 90 90 silver badges",
        "4",
        "\\$\\begingroup\\$",
        "Does this work for the older pans too?",
        "\\$\\endgroup\\$",
        "riverbank",
        "–\xa0",
        "riverbank",
        "2011-02-12 09:15:00 +00:00",
        "Commented",
        "Feb 12, 2011 at 9:15",
    ]
    doc = clean("\n\n\n".join(nodes) + "\n")
    assert doc.text == "Keep the lid closed.", doc.explain()
    (comment,) = doc.posts[0].comments
    assert (comment.text, comment.author) == ("Does this work for the older pans too?", "riverbank")
    parts = [r for r in doc.removals if r.code == "SE004"]
    assert len(parts) == 3 and all(r.moved_to == "comments" for r in parts)


def test_stackexchange_copy_paste_one_line_forms() -> None:
    text = "\n".join(
        [
            SE_POSTS[1],
            "Share Improve this answer Follow",
            "answered Mar 3, 2022 at 10:02 tide_chef 30.5k 18 90 174",
            "Does that hold for brown rice too? – quay_cook Mar 3, 2022 at 11:00",
        ]
    )
    doc = clean(text)
    assert doc.text == SE_POSTS[1], doc.explain()
    assert doc.posts[0].author is not None and doc.posts[0].author.name == "tide_chef"
    (comment,) = doc.posts[0].comments
    assert (comment.text, comment.author) == ("Does that hold for brown rice too?", "quay_cook")
    assert str(comment.date) == "2022-03-03 11:00:00"
    assert doc.render(comments="inline").endswith("Does that hold for brown rice too? – quay_cook")


# --------------------------------------------------------------------------------------------------- Reddit

OLD_REDDIT = """\
jump to content
my subreddits
this post was submitted on 04 Mar 2026
1,100 points (98% upvoted)
shortlink:
submitted 17 hours ago by quay_walker
12 comments
share
save
hide
report
all 12 comments
sorted by: best (suggested)
[–]harbour_seal 41 points 15 hours ago (2 children)
The tide was higher than forecast at the north quay.
permalinkembedsavereportreply
[–]tide_chef 12 points 14 hours ago (0 children)
It flooded the car park twice this winter.
permalinkembedsaveparentreportreply
Use of this site constitutes acceptance of our User Agreement and Privacy Policy. © 2026 reddit inc. All rights reserved.
"""


def test_old_reddit_text() -> None:
    doc = clean(OLD_REDDIT)
    assert doc.engine == "reddit"
    assert doc.text == (
        "The tide was higher than forecast at the north quay.\n\nIt flooded the car park twice this winter."
    ), doc.explain()
    names = [p.author.name for p in doc.posts if p.author is not None]
    assert names == ["quay_walker", "harbour_seal", "tide_chef"]  # the submission, then two comments
    assert doc.starter == "quay_walker"
    assert doc.posts[1].date_raw == "15 hours ago"


NEW_REDDIT = """\
r/harbours
quay_walker
Winter ferry moves to the north quay
Does anyone know when the winter ferry moves?
Read more
Share
level 1
harbour_seal · 3 yr. ago
It moves on the first Monday of November.
Upvote 12 Downvote Reply Share
level 2
quay_walker · 3 yr. ago
Thanks, that helps.
Upvote 3 Downvote Reply Share
More replies
New to Reddit?
Create your account and connect with a world of communities.
"""


def test_new_reddit_text() -> None:
    doc = clean(NEW_REDDIT)
    assert doc.engine == "reddit"
    assert "Upvote" not in doc.text and "level 1" not in doc.text and "New to Reddit" not in doc.text
    assert "It moves on the first Monday of November." in doc.text
    assert "Thanks, that helps." in doc.text
    authors = [p.author.name for p in doc.posts if p.author is not None]
    assert authors == ["harbour_seal", "quay_walker"]


# ---------------------------------------------------------------------------------------------------- Lemmy

LEMMY = """\
Javascript is disabled. Actions will not work.
Jump to content
minus-square
harbour_seal @lemmy.example.org
link
fedilink
English
arrow-up
26 ·
1 year ago
The federation lag is gone since the update.
minus-square
quay_walker OP M A
link
fedilink
English
arrow-up
4 ·
1 year ago
Good to hear, thanks for testing.
You must log in or # to comment.
65 users / day
19.2K local subscribers
Modlog
"""


def test_lemmy_text() -> None:
    doc = clean(LEMMY)
    assert doc.engine == "lemmy"
    assert doc.text == "The federation lag is gone since the update.\n\nGood to hear, thanks for testing.", (
        doc.explain()
    )
    assert [p.author.name for p in doc.posts if p.author] == ["harbour_seal", "quay_walker"]


# ------------------------------------------------------------------------------ synthetic pages, extractors

POST_SENTENCES = [
    "The winter ferry leaves from the north quay starting in November.",
    "I checked the timetable yesterday and the first boat is at seven.",
    "Parking at the north quay is free for ticket holders after six.",
]


def _thread_page() -> str:
    posts = "".join(
        f"""
        <article class="message">
          <div class="user"><a class="username">{name}</a><span class="title">Member</span></div>
          <div class="body"><p>{text}</p></div>
          <div class="actions"><a>Reply</a> <a>Share</a> <a>Report</a></div>
        </article>"""
        for name, text in zip(["harbour_seal", "quay_walker", "tide_chef"], POST_SENTENCES, strict=True)
    )
    return f"""<!DOCTYPE html>
<html><head><title>Winter ferry timetable | Harbour Forums</title></head>
<body>
<a href="#main">Skip to content</a>
<header><nav><ul>
  <li><a>Home</a></li><li><a>Forums</a></li><li><a>What's new</a></li><li><a>Members</a></li>
  <li><a>Log in</a></li><li><a>Register</a></li><li><a>Search</a></li>
</ul></nav></header>
<nav class="breadcrumb"><a>Home</a> › <a>Forums</a> › <a>Boats</a> › <a>Ferries</a></nav>
<main id="main">
  <h1>Winter ferry timetable</h1>
  {posts}
  <p class="notice">Log in or sign up to reply</p>
</main>
<aside>
  <h3>Similar threads</h3>
  <ul><li><a>Summer ferry timetable</a></li><li><a>Quay parking charges</a></li><li><a>Island bus links</a></li></ul>
  <h3>Forum statistics</h3>
  <dl><dt>Topics</dt><dd>4,120</dd><dt>Members</dt><dd>812</dd><dt>Latest member</dt><dd>gull_watch</dd></dl>
</aside>
<footer>
  <ul><li><a>Contact us</a></li><li><a>Terms and rules</a></li><li><a>Privacy policy</a></li><li><a>Help</a></li></ul>
  <p>Powered by Harbourboard 2.1</p>
  <p>© 2024 Harbour Forums Ltd. All rights reserved.</p>
  <a>Back to top</a>
</footer>
</body></html>"""


CHROME_STRINGS = [
    "Skip to content",
    "What's new",
    "Forums › Boats",
    "Log in or sign up",
    "Similar threads",
    "Summer ferry timetable",
    "Forum statistics",
    "Latest member",
    "Terms and rules",
    "Powered by",
    "All rights reserved",
    "Back to top",
]


def _flatten(extractor: str, html: str) -> str:
    if extractor == "html-text":
        html_text = pytest.importorskip("html_text")
        return str(html_text.extract_text(html))
    if extractor == "trafilatura":
        trafilatura = pytest.importorskip("trafilatura")
        return str(trafilatura.extract(html, include_comments=True) or "")
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    body = tree.body
    assert body is not None
    text = str(body.text(separator="\n"))
    if extractor == "spaced-nodes":  # one node per line between blank lines, as BeautifulSoup's get_text("\n")
        return "\n\n".join(x for x in text.split("\n") if x.strip())
    return text


@pytest.mark.parametrize("extractor", ["html-text", "trafilatura", "selectolax", "spaced-nodes"])
def test_synthetic_thread_page(extractor: str) -> None:
    text = _flatten(extractor, _thread_page())
    doc = clean(text)
    for sentence in POST_SENTENCES:
        if sentence in text:
            assert sentence in doc.text, (extractor, sentence, doc.explain())
    for chrome in CHROME_STRINGS:
        assert chrome not in doc.text, (extractor, chrome, doc.text)


def _se_page() -> str:
    answers = "".join(
        f"""<div class="answer"><div class="votecell">{score}</div><div class="s-prose"><p>{text}</p></div>
        <div class="post-menu"><a>Share</a><a>Improve this answer</a><a>Follow</a></div>
        <div class="user-info"><div class="user-action-time">answered Mar {day}, 2022 at 10:02</div>
        <div class="user-details"><a>{name}</a><div>1,204 2 2 gold badges 10 10 silver badges</div></div></div>
        <a>Add a comment</a></div>"""
        for score, text, day, name in [
            (12, POST_SENTENCES[1], 3, "tide_chef"),
            (3, POST_SENTENCES[2], 4, "harbour_baker"),
        ]
    )
    return f"""<html><head><title>Winter ferry timetable - Harbour Travel Stack Exchange</title></head><body>
<p>Stack Exchange network consists of 183 Q&amp;A communities including Stack Overflow, the largest, most trusted online community for developers to learn, share their knowledge, and build their careers.</p>
<h1>Winter ferry timetable</h1>
<div>Asked 2 years ago</div><div>Viewed 1k times</div>
<div class="question"><div class="votecell">7</div><div class="s-prose"><p>{POST_SENTENCES[0]}</p></div>
<div class="post-menu"><a>Share</a><a>Improve this question</a><a>Follow</a></div></div>
<h2>2 Answers</h2>
<div>Sorted by: Reset to default</div>
{answers}
<h2>Your Answer</h2><p>Thanks for contributing an answer to Harbour Travel!</p>
<div><h4>Hot Network Questions</h4><ul><li>Why are ferries late in winter?</li><li>Can I bring a bike on the ferry?</li></ul></div>
<footer>Site design / logo © 2025 Stack Exchange Inc; user contributions licensed under CC BY-SA.</footer>
</body></html>"""


@pytest.mark.parametrize("extractor", ["html-text", "selectolax", "spaced-nodes"])
def test_synthetic_stackexchange_page(extractor: str) -> None:
    text = _flatten(extractor, _se_page())
    doc = clean(text)
    assert doc.engine == "stackexchange"
    for sentence in POST_SENTENCES:
        assert sentence in doc.text, (extractor, sentence, doc.explain())
    for chrome in [
        "Improve this",
        "Stack Exchange",
        "Hot Network",
        "Your Answer",
        "Sorted by",
        "gold badges",
    ]:
        assert chrome not in doc.text, (extractor, chrome, doc.text)


# ----------------------------------------------------------------------------- per-document confidence


def test_confidence_and_flags_for_plain_prose() -> None:
    doc = clean("\n\n".join(PROSE))
    assert doc.engine is None
    assert doc.engine_confidence < 0.5
    assert "no-forum-structure" in doc.flags
    assert "high-removal-ratio" not in doc.flags
    assert doc.removed_chars == 0


def test_confidence_for_recognised_engines() -> None:
    for text, engine in [(SE_HTML_TEXT, "stackexchange"), (OLD_REDDIT, "reddit"), (LEMMY, "lemmy")]:
        doc = clean(text)
        assert doc.engine == engine
        assert doc.engine_confidence >= 0.5
        assert "no-forum-structure" not in doc.flags
        assert 0 < doc.removed_chars < doc.input_chars


def test_high_removal_ratio_flag() -> None:
    chrome_only = (
        "\n".join(NAV_BY_LANGUAGE["en"] + ["Powered by Harbourboard 2.1", "Back to top"]) + "\n" + "Hi."
    )
    doc = clean(chrome_only)
    assert "high-removal-ratio" in doc.flags
    assert doc.removed_chars / doc.input_chars > 0.6


def test_removal_ratio_is_consistent_with_removals() -> None:
    doc = clean(OLD_REDDIT)
    removed = sum(len(r.text) - sum(r.text.count(c) for c in " \t\n\r\xa0") for r in doc.removals)
    assert doc.removed_chars == removed


@pytest.mark.parametrize("text", [SE_HTML_TEXT, OLD_REDDIT, NEW_REDDIT, LEMMY])
def test_cleaning_twice_changes_nothing(text: str) -> None:
    once = clean(text).text
    assert clean(once).text == once
