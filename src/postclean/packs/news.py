"""News-repost chrome, for posts of any engine: headline, subtitle, byline, caption + credit, dateline, link card.

Forum members paste whole news articles; the paste carries the article page's furniture. These rules move it
to ``post.article`` and leave the article's own paragraphs in the body.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .._lazy import lazy
from ..dates import DATE_LINE_RE, parse_date
from ..model import LinkCard
from ..phrases import phrases
from ..rules import Hit, RulePack, rule
from ..text import DOMAIN_LINE_RE, TextView, is_title_like, word_count

__all__ = ["AGENCY_RE", "PACK", "split_credit"]

#: Photo agencies and credit words. Short all-capital names are matched case-sensitively and only as whole
#: tokens (or glued to a following ``BY``), so "Chapter" or "map" never match ``AP``.
_AGENCIES_CI = (
    "Reuters",
    "Getty Images",
    "Getty",
    "Bloomberg",
    "Kyodo",
    "Xinhua",
    "Pool",
    "Shutterstock",
    "Alamy",
    "Yonhap",
    "NurPhoto",
    "SOPA Images",
    "ZUMA Press",
    "ZUMA Wire",
    "Zuma",
    "Anadolu",
    "Anadolu Agency",
    "Imaginechina",
    "Jiji Press",
    "Jiji",
    "Associated Press",
    "Agence France-Presse",
    "Wikimedia Commons",
    "File photo",
    "Handout",
    "Sputnik",
    "dpa",
    "Keystone",
    "Xinhua News Agency",
    "Bloomberg via Getty Images",
    "Nikkei",
    "Kyodo News",
    "Courtesy",
)
_AGENCIES_CS = (
    "AP",
    "AFP",
    "EPA",
    "EPA-EFE",
    "EFE",
    "ANI",
    "PTI",
    "IANS",
    "TASS",
    "VCG",
    "CNS",
    "UPI",
    "ABACA",
    "DPA",
)
_AGENCY_ALT = (
    "(?:"
    + "|".join(
        f"(?i:{regex.escape(a).replace(chr(92) + ' ', r'[ ]')})"
        for a in sorted(_AGENCIES_CI, key=len, reverse=True)
    )
    + "|"
    + "|".join(regex.escape(a) for a in sorted(_AGENCIES_CS, key=len, reverse=True))
    + ")"
)
#: An agency name as a token; may be glued to a following ``BY``/``By``.
AGENCY_RE = lazy(rf"(?<![\p{{L}}\p{{N}}]){_AGENCY_ALT}(?=BY|By|[^\p{{L}}\p{{N}}]|$)")

_NAME = r"[\p{Lu}][\p{L}.'’-]*(?:[ ]+(?:van|von|de|der|den|da|di|del|la|le|bin|al|[\p{Lu}][\p{L}.'’-]*)){0,4}"
_GLUED_BYLINE_RE = lazy(
    rf"^(?P<credit>.*?{_AGENCY_ALT})[ ]?(?:BY|By)[ ]+?(?P<names>{_NAME}(?:[ ]*(?:,|and|AND|&)[ ]*{_NAME}){{0,3}})[ ]*$"
)
_CREDIT_MARK_RE = lazy(
    r"^(?:Photo|Photos|Image|Images|Picture|Credit|Photograph|Illustration|Foto|Bild|Source)s?"
    r"(?:[ ]+(?:by|credit|courtesy(?:[ ]+of)?))?[ ]*[:/]?[ ]*\S",
    regex.IGNORECASE,
)


_CREDIT_WORDS = (
    "|",
    "｜",
    "photo",
    "image",
    "picture",
    "credit",
    "illustration",
    "foto",
    "bild",
    "source",
    "courtesy",
    *(a.lower() for a in _AGENCIES_CI),
)
_CREDIT_CS_TRIGGER = r"(?-i:\b(?:" + "|".join(regex.escape(a) for a in _AGENCIES_CS) + r"))"


def _credit_like(segment: str) -> bool:
    s = segment.strip()
    if not s or len(s) > 140 or word_count(s) > 14:
        return False
    return bool(AGENCY_RE.search(s) or _CREDIT_MARK_RE.match(s))


def split_credit(segment: str) -> tuple[str, list[str]]:
    """Split a credit segment from a glued byline: ``POOL / VIA REUTERSBY JANE DOE`` -> (credit, [names])."""
    m = _GLUED_BYLINE_RE.match(segment.strip())
    if m:
        names = [
            n.strip() for n in regex.split(r"[ ]*(?:,|\band\b|\bAND\b|&)[ ]*", m.group("names")) if n.strip()
        ]
        return m.group("credit").strip(), names
    return segment.strip(), []


_CAPTION_PIPE_RE = lazy(
    r"^[ \t]*+(?P<caption>[^\n|]{8,800}?)[ \t]+[|｜][ \t]+(?P<credit>[^\n|]{2,160}?)[ \t]*$", regex.MULTILINE
)
_CAPTION_PAREN_RE = lazy(
    r"^[ \t]*+(?P<caption>[^\n]{8,800}?)[ \t]*\((?P<credit>(?:[^()\n]{0,40}?(?:Photo|Image|Credit|Foto)[^()\n]{0,60}|"
    rf"{_AGENCY_ALT}[^()\n]{{0,60}}))\)[ \t]*$",
    regex.MULTILINE,
)
#: The first three letters of _CREDIT_ONLY_RE's lines (after blanks): exact, or lower-cased for the agencies
#: matched case-insensitively (for ASCII letters IGNORECASE is lower-casing).
_CREDIT_STARTS = frozenset(
    w[:3] for w in ("Photo", "Photograph", "Image", "Picture", "Credit", "Foto", "Bild", *_AGENCIES_CS)
)
_CREDIT_STARTS_CI = frozenset(a.lower()[:3] for a in _AGENCIES_CI)


def _may_start_credit(line: str) -> bool:
    """A cheap necessary test for ``_CREDIT_ONLY_RE.match(line)``; lines starting with non-ASCII letters pass."""
    start = line.lstrip(" \t")[:3]
    if not start.isascii():
        return True
    return start in _CREDIT_STARTS or start[:2] in _CREDIT_STARTS or start.lower() in _CREDIT_STARTS_CI


_CREDIT_ONLY_RE = lazy(
    r"^[ \t]*+(?P<credit>(?:(?:Photo|Photograph|Image|Picture|Credit|Foto|Bild)s?(?:[ ]+(?:by|credit|courtesy(?:[ ]+of)?))?"
    rf"[ ]*:[ ]*[^\n]{{2,100}}|(?:Photo|Image)[ ]+by[ ]+[^\n]{{2,80}}|{_AGENCY_ALT}(?:[ ]*(?:/|via)[ ]*[^\n]{{2,60}})?))[ \t]*$",
    regex.MULTILINE,
)


def _card_after_figure(view: TextView, d: int, domain: str) -> tuple[int, int, int] | None:
    """Lines ``(title, summary, closing domain)`` when the domain line ``d`` opens a card.

    Some unfurl cards (XenForo's among them) put the site's domain first, as the alt text of the card's
    figure, then the title and summary, then the domain again; read from the closing domain line alone, the
    post's own last paragraphs before the figure would pass for a title and summary.
    """
    after = [i for i in range(d + 1, min(len(view.lines), d + 16)) if view.is_live(i)][:3]
    if len(after) < 3:
        return None
    t, s, e = after
    m = DOMAIN_LINE_RE.match(view.lines[e])
    if m is None or m.group("domain").casefold() != domain.casefold():
        return None
    if not is_title_like(view.lines[t].strip()) or word_count(view.lines[s]) < 6:
        return None
    return t, s, e


#: A figure alone on its line between a card's domain and its title: a text browser's image placeholder
#: (``[IMG]``, ``[a1b2c3_2_690x344]``) or a Markdown image.
_FIGURE_RE = lazy(r"^[ \t]*+(?:\[[^\]\n]{1,120}+\]|!\[[^\]\n]{0,120}+\]\([^)\n]{0,400}+\))[ \t]*$")
#: The default user titles boards print under a poster's name (``Senior Member``): a poster block's line, never
#: a card's title.
_USER_TITLES = frozenset(p.casefold() for c in ("xf_user_titles", "vb_user_titles") for p in phrases(c))


#: A numbered or bulleted list item (``6. Free backups``, ``- Free backups``): a post's list, no card's summary.
_LIST_ITEM_RE = lazy(r"^(?:\d{1,3}[.)]|[-*•·○▪])[ \t]")


#: A line that carries on a sentence: it starts with a small letter or with punctuation that cannot open one.
_CONTINUES_RE = lazy(r"^[ \t]*+(?:\p{Ll}|[,.;:)\]!?])")


def _card_title(title: str) -> bool:
    """Whether ``title`` (stripped) may be a card's title: headline-shaped, and no poster's user title."""
    return is_title_like(title) and title.casefold() not in _USER_TITLES


def _card_opening(title: str, summary: str) -> bool:
    """Whether ``title`` and ``summary`` (the two lines after a domain line) read as a card's title and summary."""
    return (
        _card_title(title.strip())
        and DOMAIN_LINE_RE.match(title) is None
        and word_count(summary) >= 6
        and DOMAIN_LINE_RE.match(summary) is None
    )


def _names_site(title: str, domain: str) -> bool:
    """Whether ``title`` names the site of ``domain`` (``GitHub - …`` for ``github.com``)."""
    labels = [x for x in domain.casefold().strip(".").split(".")[:-1] if x != "www" and len(x) >= 3]
    folded = title.casefold()
    return any(x in folded for x in labels)


@rule("NEWS001", "link-card", tags=["link-card"], stage="news", trigger=r"^[ \t]*+[\w.-]+\.[a-z]{2,}\.?(?:[ \t]+[\w.-]+)?[ \t]*$")
def link_card(view: TextView) -> Iterator[Hit]:
    """Link-preview card: title line, summary line, bare domain line (anywhere in a post).

    Forums unfurl a pasted URL into a card; flattened, it repeats the article's title and summary and ends
    with the site's domain. It moves to ``article.link_card`` and ``article.source_domain``.

    Example (removed)::

        Council approves new harbour bridge
        The vote ends a decade of debate over the crossing.
        www.example-news.com
    """
    first_live = view.first_live(0, 1)
    opener_at = first_live[0] if first_live else -1
    opener = view.lines[opener_at].strip().casefold() if first_live else ""
    last = view.last_live(1)
    taken = -1  # the closing domain line of a card that opened with its figure's domain
    for d, _last, dm in view.finditer(DOMAIN_LINE_RE):
        if d <= taken or not view.is_live(d) or "." not in dm.group("domain").strip("."):
            continue
        domain = dm.group("domain")
        end = _card_after_figure(view, d, domain)
        if end is not None:
            title, summary = view.lines[end[0]].strip(), view.lines[end[1]].strip()
            card = LinkCard(title=title, summary=summary, domain=domain)
            taken = end[2]
            yield Hit(d, end[2], "link-preview card", {"article.link_card": card}, moved_to="article.link_card")
            continue
        after = [i for i in range(d + 1, min(len(view.lines), d + 10)) if view.is_live(i)][:3]
        if len(after) == 3 and _FIGURE_RE.match(view.lines[after[0]]):
            after = after[1:]  # the card's figure between its domain and its title
        else:
            after = [i for i in after if i < d + 8][:2]
        if after and _CONTINUES_RE.match(view.lines[after[0]]):
            continue  # a link inside a sentence the flattening broke around it, not a card
        if len(after) == 2 and _card_opening(view.lines[after[0]], view.lines[after[1]]):
            # The domain opens a card (Discourse's onebox: domain, title, summary); the lines above it are the
            # post's own. Taken when the title names the site or is cut short, as card titles are.
            title = view.lines[after[0]].strip()
            if _names_site(title, domain) or title.endswith(("...", "…")):
                summary = view.lines[after[1]].strip()
                card = LinkCard(title=title, summary=summary, domain=domain)
                yield Hit(d, after[1], "link-preview card", {"article.link_card": card}, moved_to="article.link_card")
            continue
        before = [i for i in range(d - 1, max(-1, d - 16), -1) if view.is_live(i)][:2]
        if len(before) == 2:
            s, t = before
            title, summary = view.lines[t].strip(), view.lines[s].strip()
            # a line ending in a colon introduces the link (``This guide helped me:``): the post's own, no summary
            if (
                t != opener_at
                and _card_title(title)
                and word_count(summary) >= 6
                and not _LIST_ITEM_RE.match(summary)
                and not summary.endswith(":")
            ):
                card = LinkCard(title=title, summary=summary, domain=domain)
                yield Hit(t, d, "link-preview card", {"article.link_card": card}, moved_to="article.link_card")
                continue
        if before and last and d == last[0]:
            t = before[0]
            title = view.lines[t].strip()
            if is_title_like(title) and title.casefold() == opener and t != opener_at:
                card = LinkCard(title=title, summary=None, domain=domain)
                yield Hit(t, d, "link-preview card", {"article.link_card": card}, moved_to="article.link_card")


@rule(
    "NEWS002",
    "caption-credit",
    tags=["credit", "byline"],
    stage="news",
    trigger=_CREDIT_WORDS,
    trigger_pattern=_CREDIT_CS_TRIGGER,
)
def caption_credit(view: TextView) -> Iterator[Hit]:
    """Photo caption with its credit (``… | REUTERS``, ``(Photo: AFP)``), or a credit line alone.

    The credit is recognised by an agency lexicon matched as whole tokens, or by ``Photo:``/``Credit:``
    markers. A byline glued to the credit by a lost line break (``REUTERSBY JANE DOE``) is split at the seam.

    Example (removed)::

        The mayor opens the bridge on Monday. | POOL / VIA REUTERSBY JANE DOE
    """
    # the costly patterns run only on the lines that pass cheap necessary tests
    pipes: list[tuple[int, str]] = []
    parens: list[tuple[int, str]] = []
    credits: list[tuple[int, str]] = []
    for i, line in view.iter_lines():
        if ("|" in line or "｜" in line) and _pipe_candidate(line):
            pipes.append((i, line))
        if ")" in line and _paren_candidate(line):
            parens.append((i, line))
        if _may_start_credit(line):
            credits.append((i, line))
    done: set[int] = set()
    for i, line in pipes:
        m = _CAPTION_PIPE_RE.match(line)
        if m is None:
            continue
        credit_raw = m.group("credit")
        if not _credit_like(credit_raw):
            continue
        credit, names = split_credit(credit_raw)
        facts: dict[str, object] = {
            "article.image_caption": m.group("caption").strip(),
            "article.image_credit": credit,
        }
        if names:
            facts["article.authors"] = names
        facts["_caption_line"] = i
        done.add(i)
        yield Hit(
            i,
            i,
            "photo caption and credit" + (" with glued byline" if names else ""),
            facts,
            moved_to="article.image_caption",
        )
    for i, line in parens:
        m = _CAPTION_PAREN_RE.match(line)
        if m is None or i in done or not _credit_like(m.group("credit")):
            continue
        done.add(i)
        caption = m.group("caption").strip()
        if word_count(caption) > 60:
            continue
        yield Hit(
            i,
            i,
            "photo caption and credit",
            {
                "article.image_caption": caption,
                "article.image_credit": m.group("credit").strip(),
                "_caption_line": i,
            },
            moved_to="article.image_caption",
        )
    for i, line in credits:
        if i in done:
            continue
        m = _CREDIT_ONLY_RE.match(line)  # a whole-line pattern: a match never spans lines
        if m is None:
            continue
        credit, names = split_credit(m.group("credit"))
        facts = {"article.image_credit": credit, "_caption_line": i}
        if names:
            facts["article.authors"] = names
        yield Hit(i, i, "photo credit", facts, moved_to="article.image_credit")


def _pipe_candidate(line: str) -> bool:
    """A line _CAPTION_PIPE_RE may match, and caption_credit take: caption and credit hold no ``|``, so there is
    at most one; when there is one, it is the separator (blanks on both sides) and a credit follows it."""
    n = line.count("|")
    if n != 1:
        return n == 0
    k = line.index("|")
    return (
        line[k - 1 : k] in (" ", "\t") and line[k + 1 : k + 2] in (" ", "\t") and _credit_like(line[k + 1 :])
    )


def _paren_candidate(line: str) -> bool:
    """A line _CAPTION_PAREN_RE may match, and caption_credit take: it ends with ``)`` (blanks aside), and the
    credit (the text between it and the last ``(``, no parenthesis inside) is credit-like."""
    end = line.rstrip(" \t")
    if not end.endswith(")"):
        return False
    return _credit_like(end[end.rfind("(") + 1 : -1])


_HEADER_SPAN = 8
#: Every date DATE_LINE_RE reads has a year of four digits (the costly pattern runs only on lines that hold
#: four digits in a row; a page or text without them skips the rule).
_FOUR_DIGITS_RE = lazy(r"\d{4}")


@rule("NEWS003", "dateline", tags=["dateline"], stage="news", trigger=r"\d{4}")
def dateline(view: TextView) -> Iterator[Hit]:
    """A line that is only a date (and time/zone) near the top of a post.

    Goes to ``article.published`` when the post reposts an article, else to ``post.date``.

    Example (removed)::

        May 14, 2023
        2025年12月18日 GMT+8 16:54
    """
    for i in view.first_live(0, _HEADER_SPAN):
        line = view.lines[i]
        if _FOUR_DIGITS_RE.search(line) and DATE_LINE_RE.match(line):  # (a date has a year: see the trigger)
            value = parse_date(line)
            if value is None:
                continue
            yield Hit(
                i,
                i,
                "dateline",
                {"dateline": value, "dateline_raw": line.strip(), "_dateline_line": i},
                moved_to="article.published",
            )
            return


_BYLINE_RE = lazy(
    rf"^[ \t]*+(?:By|BY|by)[ ]+(?P<names>{_NAME}(?:[ ]*(?:,|and|AND|&)[ ]*{_NAME}){{0,4}})"
    r"(?:[ ]*(?:[|,–—·]|[ ]-[ ])[ ]*(?P<rest>[^\n]{0,80}?))?[ \t]*$",
    regex.MULTILINE,
)
_CAPS_NAME_RE = lazy(r"^[ \t]*+(?P<names>\p{Lu}[\p{Lu}.'’-]+(?:[ ]+\p{Lu}[\p{Lu}.'’-]*){1,4})[ \t]*$")
_NOT_NAMES = lazy(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|The|This|That|Now|Then|Default|Far|Contrast|Comparison)\b"
)


@rule("NEWS004", "byline", tags=["byline"], stage="news")
def byline(view: TextView) -> Iterator[Hit]:
    """Byline near the top of a post: ``By Jane Doe``, ``BY JANE DOE``, or a capitals-only name by the dateline.

    Example (removed)::

        By Jane Doe and Ravi Patel
    """
    head = view.first_live(0, _HEADER_SPAN)
    date_line = view.facts.get("_dateline_line")
    for i in head:
        line = view.lines[i]
        m = _BYLINE_RE.match(line)
        if m and not _NOT_NAMES.match(m.group("names")):
            names = [
                n.strip()
                for n in regex.split(r"[ ]*(?:,|\band\b|\bAND\b|&)[ ]*", m.group("names"))
                if n.strip()
            ]
            yield Hit(
                i, i, "byline", {"article.authors": names, "_byline_line": i}, moved_to="article.authors"
            )
            return
        if isinstance(date_line, int) and abs(i - date_line) <= 1:
            cm = _CAPS_NAME_RE.match(line)
            if cm and word_count(line) <= 5:
                yield Hit(
                    i,
                    i,
                    "byline (name in capitals beside the dateline)",
                    {"article.authors": [cm.group("names").strip()], "_byline_line": i},
                    moved_to="article.authors",
                )
                return


_SENTENCE_JOIN_RE = lazy(r"[.!?…][ \t]*[\p{Lu}\p{N}]")


@rule("NEWS005", "headline", tags=["headline"], stage="news")
def headline(view: TextView) -> Iterator[Hit]:
    """The article's headline: the post's first line when it is title-shaped and news chrome confirms it.

    Confirmation: a byline, caption/credit or dateline within the next few lines, or the same text as the
    link card's title, or a later copy of the line. Moves to ``article.title``.

    Example (removed)::

        Council approves new harbour bridge
        By Jane Doe
    """
    first = view.first_live(0, 1)
    if not first:
        return
    i = first[0]
    title = view.lines[i].strip()
    if not is_title_like(title, max_words=30):
        return
    anchors = [view.facts.get(k) for k in ("_dateline_line", "_byline_line", "_caption_line")]
    near = [a for a in anchors if isinstance(a, int) and i < a <= i + 5 and not _footer_date(view, a)]
    card = view.facts.get("article.link_card")
    same_as_card = isinstance(card, LinkCard) and (card.title or "").casefold() == title.casefold()
    # a repeat alone confirms only a short, single-sentence line (a headline, not a quoted paragraph): the post
    # is searched for one only then
    if not (near or same_as_card or (4 <= word_count(title) <= 16 and not _SENTENCE_JOIN_RE.search(title))):
        return
    if not same_as_card and view.base and view.facts.get("author.name") and view.facts.get("post.date"):
        return  # a forum reply under its poster's head (name and date): its first line is a paragraph, no headline
    if not (near or same_as_card or _repeated_line(view, i, title.casefold())):
        return
    facts: dict[str, object] = {"article.title": title, "_headline_line": i, "_anchor_line": min(near) if near else None}
    if not (near or same_as_card):
        facts["_headline_by_repeat"] = True
    yield Hit(i, i, "headline", facts, moved_to="article.title")


def _footer_date(view: TextView, a: int) -> bool:
    """Whether the anchor at line ``a`` is a post's ``name, date`` footer flattened onto lines (the line before
    the date is a lone comma, or ends in one): the date closes a post, it does not head an article."""
    if a != view.facts.get("_dateline_line"):
        return False
    before = view.live_indices(max(0, a - 6), a)
    return bool(before) and view.lines[before[-1]].rstrip().endswith(",")


#: How many live lines after the headline a copy of it may lie and still confirm it: an article repeats its title
#: within its own length (share bar, card, closing line); a copy further on is a page's name in its header and
#: footer, which a text of several posts flattened into one (the text door's own output, read again) shows too.
_REPEAT_SPAN = 60


def _repeated_line(view: TextView, i: int, key: str) -> bool:
    """Whether a live line after the line after line ``i`` (within :data:`_REPEAT_SPAN` live lines) reads ``key``
    (case-folded, blanks around aside)."""
    live = view.first_live(i + 1, _REPEAT_SPAN + 1)
    if not live:
        return False
    after = view.lines[live[0]].strip().casefold()
    for n, j in enumerate(live[1:], 1):
        if view.lines[j].strip().casefold() != key:
            continue
        # a copy that goes on as the line did is the paragraph again (a quote of it, a teaser of the post), not
        # a headline repeated by the page's furniture
        # (a rule under both, a setext heading's ``====``, is no words going on)
        nxt = live[n + 1] if n + 1 < len(live) else None
        if nxt is None or view.lines[nxt].strip().casefold() != after or not regex.search(r"\w", after):
            return True
    return False


@rule("NEWS006", "subtitle", tags=["headline"], stage="news")
def subtitle(view: TextView) -> Iterator[Hit]:
    """A standfirst line between the headline and the byline/dateline; moves to ``article.subtitle``.

    Example (removed)::

        Council approves new harbour bridge
        A decade of debate ends with a narrow vote
        By Jane Doe
    """
    h = view.facts.get("_headline_line")
    a = view.facts.get("_anchor_line")
    if not isinstance(h, int) or not isinstance(a, int):
        return
    between = view.live_indices(h + 1, a)
    if len(between) == 1 and word_count(view.lines[between[0]]) <= 40:
        i = between[0]
        yield Hit(i, i, "subtitle", {"article.subtitle": view.lines[i].strip()}, moved_to="article.subtitle")


@rule("NEWS007", "duplicate-headline", tags=["headline", "duplicate"], stage="news")
def duplicate_headline(view: TextView) -> Iterator[Hit]:
    """Later copies of the article's headline in the same post.

    Example (removed): the second ``Council approves new harbour bridge`` line.
    """
    title = view.facts.get("article.title")
    if not isinstance(title, str) or not title:
        return
    key = title.casefold()
    by_repeat = view.facts.get("_headline_by_repeat") is True
    for i, line in view.iter_lines():
        if line.strip().casefold() == key and not (by_repeat and _in_running_text(view, i, key)):
            yield Hit(i, i, "repeated headline")


#: The end of a sentence (the copy of a post's title that is a sentence of its text).
_SENTENCE_END = (".", "?", "!", "…")


def _in_running_text(view: TextView, i: int, key: str) -> bool:
    """Whether line ``i``, a copy of a headline that only its copies confirmed, is a sentence of the post's
    text: it ends as a sentence does, the line after it too, and text of the post that does not hold it stands
    on both sides (a forum post's title over a post that opens with the same question; a copy of a pasted
    article's headline stands alone, in a breadcrumb, share bar or closing card, or is a title without a full
    stop)."""
    if not view.lines[i].rstrip().endswith(_SENTENCE_END):
        return False
    before = view.live_indices(max(0, i - 6), i)
    after = view.first_live(i + 1, 1)
    if not before or not after or not view.lines[after[0]].rstrip().endswith(_SENTENCE_END):
        return False
    return all(
        regex.search(r"\p{L}", view.lines[j]) and key not in view.lines[j].casefold() for j in (before[-1], after[0])
    )


PACK = RulePack(
    name="news",
    prefix="NEWS",
    rules=(link_card, caption_credit, dateline, byline, headline, subtitle, duplicate_headline),
    description="news-article furniture in posts that repost articles (any engine)",
)
