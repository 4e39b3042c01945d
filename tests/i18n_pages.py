"""Localised synthetic thread pages: templates in ``fixtures/i18n/<name>.html`` with ``{{key}}`` slots, and per
language the strings to fill them with in ``fixtures/i18n/<name>.json``::

    {
      "engine": "xenforo",              # doc.engine expected from the text and HTML doors
      "authors": ["author1", "author2"],  # keys whose values are the posts' authors, in order
      "content": ["body1", "body2"],      # keys whose values (post text, own writing) must reach doc.text
      "chrome": ["joined", "like"],       # keys whose values (interface strings) must not be left in doc.text
      "mention_keys": ["said"],           # keys of the strings that name a user who is not the post's poster
                                          # (a quote header, an edit note): see shown_as_poster()
      "reaction_keys": ["thanks_post"],   # keys of the strings a list of reacting users follows (``… For This
                                          # Useful Post: Ruth, Abe``): a name only there thanked, it did not post
      "strings": {"en": {"author1": "...", ...}, "de": {...}, ...}
    }

Every language of a page fills every slot of its template. Values are HTML-escaped when filled in.
"""

from __future__ import annotations

import html as html_lib
import json
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import quote

import regex

I18N = Path(__file__).resolve().parent.parent / "fixtures" / "i18n"
_SLOT = regex.compile(r"\{\{(\w+)\}\}")


@dataclass(frozen=True)
class Page:
    """One localised page: its template name, language, filled-in HTML and its expectations."""

    name: str
    lang: str
    engine: str | None
    html: str
    authors: tuple[str, ...]
    content: tuple[str, ...]
    chrome: tuple[str, ...]
    #: the page's quote-header and edit-note strings (``wrote:``, ``Last edited by``, or whole ones that hold the
    #: name): a name only beside them in a flattened text names a quoted user or an editor, not a poster
    mentions: tuple[str, ...] = ()
    #: the page's strings that a list of reacting users follows (the thanks box's ``For This Useful Post:``): a
    #: name left only after one thanked or liked a post, it names no poster
    reactions: tuple[str, ...] = ()


#: A name counts as a mention when a mention word lies within this many characters of it, on its line.
MENTION_REACH = 40


def shown_as_poster(
    name: str, text: str, mentions: tuple[str, ...], names: tuple[str, ...], reactions: tuple[str, ...] = ()
) -> bool:
    """Whether ``text`` (a flattened page) shows ``name`` other than as a mention: a main-content extractor may keep
    a post's text without its poster block, and a name that is left only in a quote header (``Ruth wrote:``) or
    an edit note (``Last edited by Ruth``) is no poster a cleaner could give the post.

    ``mentions`` are whole mentions (holding one of the page's ``names``: taken out) and mention words (holding
    none: a name within :data:`MENTION_REACH` characters of one is a mention). ``reactions`` are the words a list
    of reacting users follows: a name that starts within :data:`MENTION_REACH` characters after one (on its line
    or the next) is a reactor."""
    for whole in (m for m in mentions if name in m):
        text = text.replace(whole, " ")
    words = [m for m in mentions if not any(n in m for n in names)]
    start = text.find(name)
    while start >= 0:
        # (the name's own line: a mention word on another line, a quote header under the poster, is another's)
        line = text[text.rfind("\n", 0, start) + 1 : len(text) if text.find("\n", start) < 0 else text.find("\n", start)]
        at = start - (text.rfind("\n", 0, start) + 1)
        if not any(_near(line, w, at, at + len(name)) for w in words) and not _after(text, reactions, start):
            return True
        start = text.find(name, start + 1)
    return False


def _near(line: str, word: str, a: int, b: int) -> bool:
    """Whether ``word`` ends at most :data:`MENTION_REACH` characters before ``line[a:b]`` or starts at most that
    many after it."""
    k = line.find(word)
    while k >= 0:
        if (k + len(word) <= a and a - (k + len(word)) <= MENTION_REACH) or (k >= b and k - b <= MENTION_REACH):
            return True
        k = line.find(word, k + 1)
    return False


def _after(text: str, words: tuple[str, ...], at: int) -> bool:
    """Whether one of ``words`` ends at most :data:`MENTION_REACH` characters before ``text[at]``, on its line or,
    with only blanks between, at the end of the line before."""
    before = text[max(0, at - MENTION_REACH - max((len(w) for w in words), default=0)) : at]
    for w in words:
        k = before.rfind(w)
        between = before[k + len(w) :]
        if k >= 0 and len(between) <= MENTION_REACH and ("\n" not in between or not between.strip(" \t\n|-•*")):
            return True
    return False


_URL_ATTR = regex.compile(r"""\b(?:href|src|action)=["'][^"'<>]*$""")


def render(template: str, strings: dict[str, str]) -> str:
    """``template`` with every ``{{key}}`` replaced by ``strings[key]``, HTML-escaped (percent-encoded inside a
    URL attribute, as engines write a name in a link); KeyError on a missing key."""

    def fill(m: regex.Match[str]) -> str:
        value = strings[m.group(1)]
        if _URL_ATTR.search(template, max(0, m.start() - 200), m.start()):
            return html_lib.escape(quote(value, safe="/"), quote=True)
        return html_lib.escape(value, quote=True)

    return _SLOT.sub(fill, template)


def pages() -> Iterator[Page]:
    """Every (template, language) pair of ``fixtures/i18n``."""
    for spec_path in sorted(I18N.glob("*.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        template = spec_path.with_suffix(".html").read_text(encoding="utf-8")
        for lang, strings in spec["strings"].items():
            yield Page(
                name=spec_path.stem,
                lang=lang,
                engine=spec.get("engine"),
                html=render(template, strings),
                authors=tuple(strings[k] for k in spec["authors"]),
                content=tuple(strings[k] for k in spec["content"]),
                chrome=tuple(strings[k] for k in spec["chrome"]),
                mentions=tuple(strings[k].strip() for k in spec.get("mention_keys", ()) if strings[k].strip()),
                reactions=tuple(strings[k].strip() for k in spec.get("reaction_keys", ()) if strings[k].strip()),
            )


def flatteners() -> dict[str, Callable[[str], str]]:
    """The extractors available here, by name (html-text, trafilatura, selectolax, spaced nodes, and those of the
    bench extras when installed)."""
    out: dict[str, Callable[[str], str]] = {}
    try:
        import html_text

        out["html-text"] = lambda h: str(html_text.extract_text(h))
    except ImportError:
        pass
    try:
        import trafilatura

        out["trafilatura"] = lambda h: trafilatura.extract(h) or ""
    except ImportError:
        pass
    from selectolax.lexbor import LexborHTMLParser

    def nodes(h: str) -> str:
        body = LexborHTMLParser(h).body
        return body.text(separator="\n") if body is not None else ""

    out["selectolax"] = nodes
    out["spaced-nodes"] = lambda h: "\n\n".join(x for x in nodes(h).split("\n") if x.strip())
    try:
        import inscriptis

        out["inscriptis"] = lambda h: str(inscriptis.get_text(h))
    except ImportError:
        pass
    try:
        from resiliparse.extract.html2text import extract_plain_text

        out["resiliparse"] = lambda h: str(extract_plain_text(h, main_content=True))
    except ImportError:
        pass
    try:
        import html2text

        def markdown(h: str) -> str:
            conv = html2text.HTML2Text()
            conv.body_width = 0
            return str(conv.handle(h))

        out["html2text"] = markdown
    except ImportError:
        pass
    try:
        from bs4 import BeautifulSoup

        out["bs4"] = lambda h: str(BeautifulSoup(h, "html.parser").get_text("\n"))
    except ImportError:
        pass
    for browser, command in (
        ("lynx", ["lynx", "-dump", "-nolist", "-width=1000", "-stdin", "-display_charset=utf-8", "-assume_charset=utf-8"]),
        ("w3m", ["w3m", "-dump", "-cols", "1000", "-T", "text/html", "-I", "utf-8", "-O", "utf-8"]),
    ):
        if shutil.which(browser):
            out[browser] = partial(_dump, command)
    return out


def _dump(command: list[str], html: str) -> str:
    done = subprocess.run(command, input=html.encode("utf-8"), capture_output=True, timeout=60, check=False)
    return done.stdout.decode("utf-8", "replace")


def left_chrome(text: str, chrome: tuple[str, ...]) -> list[str]:
    """The chrome strings still standing as whole words in ``text``."""
    return [c for c in chrome if regex.search(r"(?<!\w)" + regex.escape(c) + r"(?!\w)", text)]
