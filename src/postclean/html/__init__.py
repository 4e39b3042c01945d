"""The HTML door: detect the forum engine of a page, split it into posts, and render each body to lines.

:func:`extract_page` is the only entry point the core needs. Engine packs are listed explicitly in
:data:`PACKS` (no registration by side effect); each has a ``detect()`` and selector specs. Pages no pack
recognises go to :mod:`postclean.html.generic` (schema.org markup, JSON-LD, repeated sibling structures, or the
densest text block as a single post).
"""

from __future__ import annotations

import datetime as _dt

import attrs
import regex
from selectolax.lexbor import LexborHTMLParser

from .._lazy import lazy
from ..engine import RawPage, RawPost
from ..model import Removal
from ..phrases import alternation
from . import _detect as _detect_helpers
from . import (
    discourse,
    discuz,
    flarum,
    fluxbb,
    generic,
    invision,
    lemmy,
    mybb,
    nodebb,
    phpbb,
    reddit,
    smf,
    stackexchange,
    vanilla,
    vbulletin,
    xenforo,
)
from ._base import Draft, EnginePack, Spec, extract_with_spec, link_replies, make_removal
from ._dom import (
    Node,
    attr,
    clean_inline,
    count_nonspace,
    display_offsets,
    first,
    node_path,
    node_text,
    parse,
    parse_flagged,
    select,
    settle_zone,
)

__all__ = ["PACKS", "EnginePack", "Spec", "detect_engine", "extract_page"]

#: Engine packs; the one with the highest detection score wins (ties: earlier in this tuple).
PACKS: tuple[EnginePack, ...] = (
    xenforo.PACK_XF2,
    xenforo.PACK_XF1,
    vbulletin.PACK,
    phpbb.PACK,
    discourse.PACK,
    invision.PACK,
    smf.PACK,
    mybb.PACK,
    nodebb.PACK,
    flarum.PACK,
    vanilla.PACK,
    stackexchange.PACK,
    reddit.PACK,
    fluxbb.PACK,
    lemmy.PACK,
    discuz.PACK,
)

#: Minimum detection score for a pack to be used.
MIN_SCORE = 0.5

#: Page chrome regions of any site; each selector alternative is one walk of the tree, so an engine's own
#: classes (:data:`_ENGINE_CHROME`) are only looked for on that engine's pages (or on pages of no known engine).
_PAGE_CHROME_COMMON = (
    "body > header, nav, footer, [role=navigation], [role=contentinfo], [role=banner], .breadcrumb, "
    ".breadcrumbs, #breadcrumb, .navbar, .cookie-notice, .cookie-banner, #cookie-notice, aside.sidebar, #sidebar"
)
_ENGINE_CHROME: dict[str, str] = {
    "xenforo": ".p-breadcrumbs, .p-navSticky, .notice--cookie, .shareButtons, .block--similarThreads, "
    ".similarThreads, #similar_threads, .p-body-sidebar",
    "vbulletin": ".similarThreads, #similar_threads",
    "discourse": "#related-topics, .more-topics__container, #suggested-topics",
}
_PAGE_CHROME = ", ".join(
    dict.fromkeys(a.strip() for part in (_PAGE_CHROME_COMMON, *_ENGINE_CHROME.values()) for a in part.split(","))
)
_SEP = r"(?:[|·•»›:–—-]|::)"
_TITLE_SUFFIX_RE = lazy(rf"(?<!\s)\s+{_SEP}\s+(?!.*\s{_SEP}\s)[^|·•»›]{{1,60}}$")
_TITLE_SEP_RE = lazy(rf"(?<=\S)[ \t]+{_SEP}[ \t]+(?=\S)")
#: A topic label printed before the title in a heading or a post's subject line (``Topic: …``, ``Sujet : …``).
_TOPIC_LABEL_RE = lazy(rf"^(?:{alternation('smf_topic_label')})[ \t]?:[ \t]++(?=\S)", regex.IGNORECASE)
_PAGE_OF_RE = lazy(
    r"\b(?:page|seite|página|pagina|страница)\s+(\d{1,5})\s+(?:of|von|de|di|из|sur)\s+(\d{1,5})\b",
    regex.IGNORECASE,
)
_DIGITS_RE = lazy(r"\d+")
_NUM_RE = lazy(r"\b\d{1,5}\b")


def detect_engine(html: str, *, url: str | None = None) -> tuple[str | None, str | None, float]:
    """``(engine, version, confidence)`` for a page, or ``(None, None, 0.0)`` when no pack recognises it."""
    tree, _ = parse(html)
    pack, version, score = _detect(html, tree, url)
    if pack is None or score < MIN_SCORE:
        return None, None, score
    return pack.name, version, score


def _probes(kind: str) -> tuple[frozenset[str], str]:
    """The packs' markup probes of one kind (``certain`` or ``rest``), and all of them as one selector list."""
    probes = dict.fromkeys(p for pack in PACKS for p in getattr(pack, f"{kind}_probes"))
    return frozenset(probes), ", ".join(probes)


_CERTAIN_PROBES = _probes("certain")
_REST_PROBES = _probes("rest")


def _detect(
    html: str, tree: LexborHTMLParser, url: str | None
) -> tuple[EnginePack | None, str | None, float]:
    try:
        return _detect_packs(html, tree, url)
    finally:
        _detect_helpers.forget()


def _detect_packs(
    html: str, tree: LexborHTMLParser, url: str | None
) -> tuple[EnginePack | None, str | None, float]:
    # Page identity first (generator meta, <html>/<body> ids and classes): cheap and certain. Only when no
    # pack is certain do the detectors probe the markup (each probe is a scan of the whole tree): first every
    # pack's other certain signs, in order, then the uncertain ones. The first pack whose detect() is certain
    # wins, else the best score (ties: the earlier pack), as when each pack's detect() ran in turn.
    whole: set[int] = set()  # packs whose identify() failed: their detect() runs as one piece
    for i, pack in enumerate(PACKS):
        if pack.identify is None:
            continue
        try:
            score, version = pack.identify(html, tree, url)
        except Exception:  # a detector must never take the page down
            whole.add(i)
            continue
        if score >= 1.0:
            return pack, version, score
    found: dict[int, tuple[float, str | None]] = {}  # scores of packs whose detect() already ran
    broken: set[int] = set()
    _detect_helpers.rule_out(tree, *_CERTAIN_PROBES)
    for i, pack in enumerate(PACKS):
        check = pack.certain
        if pack.rest is None or i in whole:
            check = pack.detect
        elif check is None:
            continue
        try:
            score, version = check(html, tree, url)
        except Exception:  # a detector must never take the page down
            broken.add(i)
            continue
        if score >= 1.0:
            return pack, version, score
        if check is pack.detect:
            found[i] = (score, version)
    best: tuple[EnginePack | None, str | None, float] = (None, None, 0.0)
    _detect_helpers.rule_out(tree, *_REST_PROBES)
    for i, pack in enumerate(PACKS):
        if i in broken:
            continue
        if i in found:
            score, version = found[i]
        else:
            assert pack.rest is not None
            try:
                score, version = pack.rest(html, tree, url)
            except Exception:  # a detector must never take the page down
                continue
        if score > best[2]:
            best = (pack, version, score)
    return best


def _run_pack(pack: EnginePack, tree: LexborHTMLParser, url: str | None) -> tuple[list[Draft], Spec | None]:
    if pack.extract is not None:
        return pack.extract(tree, url), (pack.specs[0] if pack.specs else None)
    for spec in pack.specs:
        drafts = extract_with_spec(tree, spec)
        if drafts:
            return drafts, spec
    return [], None


def extract_page(html: str, *, url: str | None = None) -> RawPage:
    """Segment a forum thread page into raw posts with authors, dates, quotes and page metadata.

    Never raises on malformed markup: an empty or unusable page gives a :class:`RawPage` with no posts and a
    flag (``"empty-input"``, ``"no-posts-found"``, ``"html-parse-error"``). A page nested deeper than
    :data:`._depth.MAX_DEPTH` elements is read with the deeper elements' markup removed (their text kept) and
    flagged ``"html-nesting-capped"``.
    """
    if not html or not html.strip():
        return RawPage(posts=(), url=url, flags=("empty-input",))
    try:
        return _extract(html, url)
    except RecursionError:
        return RawPage(posts=(), url=url, flags=("html-parse-error",))
    except Exception as exc:  # never raise on markup; report instead
        return RawPage(posts=(), url=url, flags=("html-parse-error", f"html-error:{type(exc).__name__}"))


def _extract(html: str, url: str | None) -> RawPage:
    tree, ld, flattened = parse_flagged(html)
    body = tree.body
    input_chars = count_nonspace(body.text(separator="")) if body is not None else 0  # no separator: same count, less work
    pack, version, score = _detect(html, tree, url)
    flags: list[str] = ["html-nesting-capped"] if flattened else []
    drafts: list[Draft] = []
    spec: Spec | None = None
    engine: str | None = None
    prefix = "GNH"
    if pack is not None and score >= MIN_SCORE:
        engine = pack.name
        prefix = pack.prefix
        drafts, spec = _run_pack(pack, tree, url)
        if not drafts:
            flags.append(f"engine-markup-missing:{pack.name}")
    if not drafts:
        drafts, gflags = generic.extract(tree, url, ld)
        flags.extend(gflags)
    if not drafts:
        # A truncated or script-only page: its meta description is all the text it carries.
        desc = attr(first(tree, "meta[property='og:description'], meta[name=description]"), "content")
        if desc and len(desc) > 40:
            d = Draft()
            d.lines = [clean_inline(desc)]
            drafts = [d]
            flags.append("meta-description-only")
    page, pages = _spec_page_numbers(tree, spec)
    chrome, pager = _chrome_and_pager(tree, _chrome_selector(engine), page is None)
    page_removals = _chrome_removals(chrome, prefix)
    title = _title(tree, spec)
    if page is None:
        page, pages = _pager_numbers(pager, pages)
    page, pages = _settle_pages(page, pages)
    canonical = attr(tree.css_first("link[rel=canonical]"), "href") or attr(
        tree.css_first("meta[property='og:url']"), "content"
    )
    if any(d.fallback for d in drafts):
        flags.append("post-body-fallback")
    drafts = [d for d in drafts if d.has_content() or d.author is not None]
    if any(isinstance(d.date, _dt.datetime) and d.date.tzinfo is None for d in drafts):
        # naive times beside aware ones: the page's display zone, if it shows one, settles them
        offsets = display_offsets([(d.date, d.date_raw) for d in drafts])
        if offsets:
            for d in drafts:
                d.date = settle_zone(d.date, offsets)
    posts: list[RawPost] = [d.to_raw(*link) for d, link in zip(drafts, link_replies(drafts), strict=True)]
    if not posts:
        flags.append("no-posts-found")
    starter = next((p.author.name for p in posts[:1] if p.author is not None and p.author.name), None)
    if engine is None and posts:
        # generic fallback: the page's JSON-LD / <meta> name the starter when the first post does not
        meta = generic.page_meta(tree, ld)
        if starter is None and meta.get("starter"):
            starter = meta["starter"]
        if posts[0].date is None and meta.get("published") is not None:
            posts[0] = attrs.evolve(posts[0], date=meta["published"])
    return RawPage(
        posts=tuple(posts),
        engine=engine,
        engine_version=version if engine else None,
        engine_confidence=min(1.0, score) if engine else 0.0,
        title=title,
        url=url or canonical,
        canonical_url=canonical,
        starter=starter,
        page=page,
        pages=pages,
        removals=tuple(page_removals),
        flags=tuple(dict.fromkeys(flags)),
        input_chars=input_chars,
    )


def _chrome_selector(engine: str | None) -> str:
    """The page chrome regions looked for on a page of ``engine`` (None: of no known engine)."""
    if engine is None:
        return _PAGE_CHROME
    extra = _ENGINE_CHROME.get(engine)
    return f"{_PAGE_CHROME_COMMON}, {extra}" if extra else _PAGE_CHROME_COMMON


def _page_chrome(tree: LexborHTMLParser, prefix: str, engine: str | None = None) -> list[Removal]:
    """One removal per top-level chrome region (navigation, header, footer, sidebars, banners)."""
    return _chrome_removals(select(tree, _chrome_selector(engine)), prefix)


def _chrome_removals(nodes: list[Node], prefix: str) -> list[Removal]:
    """One removal per top-level region of ``nodes`` (the chrome regions of a page, in document order)."""
    out: list[Removal] = []
    # ``covered`` remembers, for every node walked, whether it is a region already recorded or inside one, so
    # each walk stops at the first node walked before: nested chrome (a <nav> in a <nav> … thousands deep) costs
    # linear time, not one walk to the root per match. Matches come in document order (ancestors first), so an
    # answer once given never changes.
    covered: dict[int, bool] = {}
    for n in nodes:
        walked: list[int] = []
        cur = n.parent
        nested = False
        while cur is not None:
            known = covered.get(cur.mem_id)
            if known is not None:
                nested = known
                break
            walked.append(cur.mem_id)
            cur = cur.parent
        for mid in walked:
            covered[mid] = nested
        covered[n.mem_id] = True
        if nested:
            continue
        text = node_text(n)
        if text:
            out.append(make_removal(prefix, "page-chrome", text[:2000], node_path(n, depth=2)))
        if len(out) >= 30:
            break
    return out


#: Page navigation that may print ``Page 2 of 5`` (where the engine's spec gives no page numbers).
_PAGER = "[class*=pagination], [class*=pageNav], [class*=PageNav], .pagenav, .pages"
_PAGER_SUBSTRINGS = ("pagination", "pageNav", "PageNav")  # ``[class*=…]``: compared as written
_PAGER_CLASSES = frozenset(("pagenav", "pages"))  # ``.…``: in quirks mode, compared ignoring ASCII case
#: One attribute test that every node :data:`_PAGER` matches passes, in any mode: its alternatives all hold
#: ``pag`` (ASCII case ignored), so one test per node finds them, not five.
_PAGER_SUPERSET = "[class*=pag i]"
_HTML_SPACES_RE = lazy(r"[ \t\n\f\r]+")


def _matches(node: Node, selector: str) -> bool:
    """Whether ``node`` itself matches ``selector`` (the first match under a node, itself included, is the node
    itself when it matches: a query that stops there)."""
    hit = node.css_first(selector)
    return hit is not None and hit.mem_id == node.mem_id


def _is_pager(node: Node, cls: str) -> bool:
    """Whether ``node`` (class attribute ``cls``) matches :data:`_PAGER`."""
    if any(s in cls for s in _PAGER_SUBSTRINGS):
        return True
    tokens = _HTML_SPACES_RE.split(cls)
    if not _PAGER_CLASSES.isdisjoint(tokens):
        return True
    if any(t.lower() in _PAGER_CLASSES for t in tokens):
        return _matches(node, ".pagenav, .pages")  # (the document's mode decides: Lexbor knows it)
    return False


def _chrome_and_pager(tree: LexborHTMLParser, chrome: str, pager: bool) -> tuple[list[Node], list[Node]]:
    """``select(tree, chrome)``, and ``select(tree, _PAGER)`` when ``pager`` (else ``[]``), in one walk of the
    tree (each walk of a whole page costs about as much as parsing a tenth of it).

    A node of the walk whose class holds no ``pag`` can only be chrome; one that holds it is checked against
    each selector on its own (a query that stops at the node when it matches)."""
    if not pager:
        return select(tree, chrome), []
    chrome_nodes: list[Node] = []
    pager_nodes: list[Node] = []
    for n in select(tree, f"{chrome}, {_PAGER_SUPERSET}"):
        cls = n.attributes.get("class") or ""
        if "pag" not in cls.lower():
            chrome_nodes.append(n)
            continue
        if _is_pager(n, cls):
            pager_nodes.append(n)
        if _matches(n, chrome):
            chrome_nodes.append(n)
    return chrome_nodes, pager_nodes


def _title(tree: LexborHTMLParser, spec: Spec | None) -> str | None:
    got = _raw_title(tree, spec)
    if got:
        # a topic label before it (``Topic: Title`` in the heading, ``Sujet: Title`` in a post's subject line)
        got = _TOPIC_LABEL_RE.sub("", got) or got
    return got


def _raw_title(tree: LexborHTMLParser, spec: Spec | None) -> str | None:
    if spec is not None and spec.title:
        t = node_text(first(tree, spec.title))  # the spec's alternatives in priority order
        if t:
            return t
    h1 = node_text(tree.css_first("h1"))
    og = attr(tree.css_first("meta[property='og:title']"), "content")
    t = node_text(tree.css_first("title"))
    if og:
        og = clean_inline(og)
        if og != t:  # (an og:title that only repeats the page title is read as the page title)
            return _board_rest(og, h1) or _head_of(og, h1) or og
    if not t:
        return h1 or None
    return _board_rest(t, h1) or _head_of(t, h1) or _TITLE_SUFFIX_RE.sub("", t) or t


def _board_rest(title: str, h1: str) -> str | None:
    """The thread's part of a page title that starts with the board the page's heading names (``/diy/ - Thread``
    under ``<h1>/diy/ - Do It Yourself</h1>``: an imageboard's heading is its board, not the thread): the title's
    parts that the heading does not print, the site name after them dropped."""
    heads = [x.casefold() for x in _TITLE_SEP_RE.split(h1)]
    if len(heads) < 2:
        return None
    seps = list(_TITLE_SEP_RE.finditer(title))
    if not seps:
        return None
    bounds = [0, *(x for m in seps for x in (m.start(), m.end())), len(title)]
    parts = [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]
    if title[parts[0][0] : parts[0][1]].casefold() != heads[0]:
        return None
    rest = [(a, b) for a, b in parts if title[a:b].casefold() not in heads]
    if len(rest) > 1:
        rest = rest[:-1]  # ``/diy/ - Thread - Do-It-Yourself - Site``: the site's name last
    if not rest:
        return None
    return title[rest[0][0] : rest[-1][1]] or None


def _head_of(title: str, h1: str) -> str | None:
    """The leading part of a ``Thread · Forum · Site`` page title that the page's heading prints, when the
    rest is not in the heading (``Title - Board - Site`` with ``<h1>[Help] Title</h1>``)."""
    if not h1 or len(title) <= len(h1) // 2:
        return None
    ends = [m.start() for m in _TITLE_SEP_RE.finditer(title)]
    if not ends:
        return None
    low = h1.casefold()
    if title.casefold() in low:
        return None  # the heading prints the whole title: nothing to cut
    for end in reversed(ends):
        head = title[:end].rstrip()
        if len(head) >= 3 and head.casefold() in low:
            return head
    return None


def _page_numbers(tree: LexborHTMLParser, spec: Spec | None) -> tuple[int | None, int | None]:
    page, pages = _spec_page_numbers(tree, spec)
    if page is None:
        page, pages = _pager_numbers(select(tree, _PAGER), pages)
    return _settle_pages(page, pages)


def _spec_page_numbers(tree: LexborHTMLParser, spec: Spec | None) -> tuple[int | None, int | None]:
    """The current page and the last page number as the engine's spec reads them (None: not found)."""
    page: int | None = None
    pages: int | None = None
    if spec is not None and spec.page_current:
        m = _DIGITS_RE.search(node_text(tree.css_first(spec.page_current)))
        if m:
            page = int(m.group(0))
        if spec.page_last:
            nums = [
                int(x)
                for n in select(tree, spec.page_last)
                for x in _NUM_RE.findall(node_text(n))
            ]
            if nums:
                pages = max(nums)
    return page, pages


def _pager_numbers(nodes: list[Node], pages: int | None) -> tuple[int | None, int | None]:
    """``Page 2 of 5`` in the first of the page navigation ``nodes`` that prints it; else no page and ``pages``."""
    for n in nodes:
        m = _PAGE_OF_RE.search(node_text(n))
        if m:
            return int(m.group(1)), int(m.group(2))
    return None, pages


def _settle_pages(page: int | None, pages: int | None) -> tuple[int | None, int | None]:
    if page is not None and pages is not None and pages < page:
        pages = page
    if page is not None and pages is None:
        pages = page
    return page, pages
