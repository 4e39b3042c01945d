"""Fallback for pages no engine pack recognises.

Three sources of posts are compared and the fullest wins: schema.org microdata (``DiscussionForumPosting``,
``Comment``, ``Answer``, ``Question``), JSON-LD with the same types, and the repeated post structure the page's
markup shows (:mod:`postclean.html._generic_posts`: elements sharing a tag and class or an id pattern, each
with an author, a date and a body). A post, question or article printed before its replies in different
markup is kept as the first post. JSON-LD and ``<meta>`` tags fill in the starter and the first post's date
when the markup does not show them. Pages without any post structure give one post made of the densest
text block once navigation, headers, footers, sidebars and forms are set aside.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import regex
from selectolax.lexbor import LexborHTMLParser

from .._lazy import lazy
from ._base import Draft, extract_body, make_removal
from ._dom import (
    Node,
    _no_zero_width,
    _parse_loose,
    attr,
    clean_inline,
    date_from_node,
    ids_of,
    node_path,
    node_text,
    render_lines,
    select,
)
from ._generic_index import build_index
from ._generic_posts import SPEC as _SPEC
from ._generic_posts import find_groups, posts_from_group

__all__ = ["extract", "page_meta"]

PREFIX = "GNH"

_CHROME = (
    "nav, header, footer, aside, form, menu, [role=navigation], [role=banner], [role=contentinfo], "
    "[role=complementary], [role=search], [role=dialog], .nav, .navbar, .menu, .breadcrumb, .breadcrumbs, "
    ".sidebar, #sidebar, .footer, #footer, .header, #header, .cookie, .cookies, .cookie-banner, .share, "
    ".sharing, .social, .related, .advert, .ad, .ads, .comments-form, .pagination, select, button"
)
_POST_TYPES = ("DiscussionForumPosting", "Comment", "Answer", "Question", "SocialMediaPosting")
_MAIN_TYPES = (
    "DiscussionForumPosting",
    "Question",
    "Article",
    "NewsArticle",
    "BlogPosting",
    "SocialMediaPosting",
    "Review",
    "TechArticle",
    "Report",
)
_WORD_RE = lazy(r"\w+")


def extract(tree: LexborHTMLParser, url: str | None, ld: list[str]) -> tuple[list[Draft], list[str]]:
    """Generic posts for an unknown page and the flags describing how they were found.

    ``ld`` holds the page's JSON-LD script contents (scripts are stripped before this runs).
    """
    body = tree.body
    ld_data = _ld_parse(ld)
    micro = _microdata(tree)
    ld_drafts = _json_ld(ld_data)
    dom: list[Draft] = []
    if body is not None:
        ix = build_index(body)
        groups = find_groups(ix)
        if groups:
            dom = posts_from_group(ix, groups[0])
            if len(dom) < 2:
                dom = []
    micro_text, dom_text, ld_text = _size(micro), _size(dom), _size(ld_drafts)
    drafts: list[Draft]
    flags: list[str]
    if micro and (len(micro) >= 2 or micro_text > 200) and micro_text >= 0.7 * dom_text:
        drafts, flags = micro, ["generic:schema-org"]
    elif dom and dom_text >= 0.7 * ld_text:
        drafts, flags = dom, ["generic:repeated-blocks"]
    elif ld_drafts:
        drafts, flags = ld_drafts, ["generic:json-ld"]
    else:
        drafts = _main_content(tree)
        flags = ["no-forum-structure", "generic:main-content"] if drafts else ["no-forum-structure"]
    if drafts and flags[0] != "generic:json-ld":
        _lead_from_ld(drafts, ld_data)
    return drafts, flags


def _size(drafts: list[Draft]) -> int:
    return sum(len(ln) for d in drafts for ln in d.lines) + sum(len(q.text) for d in drafts for q in d.quotes)


def _words(text: str, n: int) -> str:
    return " ".join(_WORD_RE.findall(text.lower())[:n])


def _lead_from_ld(drafts: list[Draft], ld_data: list[Any]) -> None:
    """Put the JSON-LD main posting first when the markup's posts do not include it; fill starter and date."""
    main = _ld_main(ld_data)
    if main is None:
        return
    author = _ld_author(main)
    published = main.get("datePublished") or main.get("dateCreated")
    date = _parse_loose(published) if isinstance(published, str) else None
    text = main.get("text") or main.get("articleBody")
    first = drafts[0]
    if isinstance(text, str) and len(text.strip()) >= 40:
        probe = _words(text, 12)
        if probe and probe not in _words(" ".join(first.lines), 400):
            d = _ld_draft(main, text)
            if d is not None and (author is None or first.author != author or first.date != date):
                drafts.insert(0, d)
                return
    if first.author is None and author and (first.date is None or date is None or first.date == date):
        first.author = author
    if first.date is None and date is not None and (first.author is None or first.author == author):
        first.date, first.date_raw = date, str(published)


def page_meta(tree: LexborHTMLParser, ld: list[str]) -> dict[str, Any]:
    """Thread title, starter and start date from JSON-LD and ``<meta>`` tags, where the page gives them."""
    out: dict[str, Any] = {}
    main = _ld_main(_ld_parse(ld))
    if main is not None:
        title = main.get("headline") or main.get("name")
        if isinstance(title, str) and title.strip():
            out["title"] = clean_inline(title)
        author = _ld_author(main)
        if author:
            out["starter"] = author
        published = main.get("datePublished") or main.get("dateCreated")
        if isinstance(published, str):
            out["published"] = _parse_loose(published)
    if "starter" not in out:
        a = attr(tree.css_first("meta[property='article:author'], meta[name=author]"), "content")
        if a and not a.startswith("http") and len(a) <= 60:
            out["starter"] = clean_inline(a)
    if "published" not in out:
        p = attr(
            tree.css_first("meta[property='article:published_time'], meta[itemprop=datePublished]"), "content"
        )
        if p:
            out["published"] = _parse_loose(p)
    return out


# ----------------------------------------------------------------------------------------------------------
def _own(item: Node, selector: str, items: set[int]) -> Node | None:
    """First match of ``selector`` under ``item`` that does not belong to a nested item."""
    for n in select(item, selector):
        cur = n.parent
        while cur is not None and cur.mem_id != item.mem_id:
            if cur.mem_id in items:
                break
            cur = cur.parent
        else:
            return n
    return None


def _microdata(tree: LexborHTMLParser) -> list[Draft]:
    items = list(
        select(
            tree,
            "[itemtype*=DiscussionForumPosting], [itemtype*='schema.org/Comment'], "
            "[itemtype*='schema.org/Answer'], [itemtype*='schema.org/Question']",
        )
    )
    if not items:
        return []
    ids = ids_of(items)
    drafts: list[Draft] = []
    for item in items:
        body = _own(item, "[itemprop=text], [itemprop=articleBody], [itemprop=commentText]", ids)
        if body is None:
            continue
        d = Draft()
        author = _own(item, "[itemprop=author]", ids)
        if author is not None:
            name_node = author.css_first("[itemprop=name]")
            d.author = (
                attr(name_node, "content")
                or node_text(name_node)
                or attr(author, "content")
                or node_text(author)
                or None
            )
            if d.author:
                d.author = d.author[:120]
        dn = _own(item, "[itemprop=datePublished], [itemprop=dateCreated]", ids)
        if dn is not None:
            d.date, d.date_raw = date_from_node(dn)
        if body.tag == "meta":
            _lines_from_text(d, attr(body, "content") or "")
        else:
            skip = ids & ids_of(select(body, "[itemscope]"))
            extract_body(body, _SPEC, d, extra_skip=skip)
        if d.has_content():
            d.removals.insert(
                0, make_removal(PREFIX, "author-block", d.author or "", node_path(item, depth=2))
            )
            drafts.append(d)
    return drafts


# ----------------------------------------------------------------------------------------------------------
def _ld_parse(raw: list[str]) -> list[Any]:
    out: list[Any] = []
    for blob in raw:
        try:
            out.append(json.loads(blob))
        except ValueError:
            continue
    return out


def _types(obj: dict[str, Any]) -> list[Any]:
    t = obj.get("@type")
    return t if isinstance(t, list) else [t]


def _ld_objects(data: Any, types: tuple[str, ...] = _POST_TYPES) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    stack = [data]
    while stack and len(out) < 500:
        cur = stack.pop()
        if isinstance(cur, list):
            stack.extend(reversed(cur))
        elif isinstance(cur, dict):
            if any(x in types for x in _types(cur)):
                out.append(cur)
            for key in ("@graph", "mainEntity", "comment", "suggestedAnswer", "acceptedAnswer"):
                if key in cur:
                    stack.append(cur[key])
    return out


def _ld_main(ld_data: list[Any]) -> dict[str, Any] | None:
    """The page's main posting: the first thread-, question- or article-typed object."""
    for data in ld_data:
        for obj in _ld_objects(data, _MAIN_TYPES):
            if "Comment" in _types(obj) or "Answer" in _types(obj):
                continue
            return obj
    return None


def _ld_author(obj: dict[str, Any]) -> str | None:
    a = obj.get("author")
    if isinstance(a, list) and a:
        a = a[0]
    if isinstance(a, dict):
        n = a.get("name") or a.get("alternateName")
        return clean_inline(str(n)) if n else None
    return clean_inline(a) if isinstance(a, str) and not a.startswith("http") else None


def _lines_from_text(d: Draft, text: str) -> None:
    lines: list[str] = []
    for para in regex.split(r"\n\s*\n", text.strip()):
        para_lines = [clean_inline(x) for x in para.split("\n") if x.strip()]
        if not para_lines:
            continue
        if lines:
            lines.append("")
        lines.extend(para_lines)
    d.lines = lines


def _ld_draft(obj: dict[str, Any], text: str) -> Draft | None:
    d = Draft()
    d.author = _ld_author(obj)
    published = obj.get("datePublished") or obj.get("dateCreated")
    if isinstance(published, str):
        d.date, d.date_raw = _parse_loose(published), published
    _lines_from_text(d, text)
    return d if d.has_content() else None


def _json_ld(ld_data: list[Any]) -> list[Draft]:
    drafts: list[Draft] = []
    for data in ld_data:
        for obj in _ld_objects(data):
            text = obj.get("text") or obj.get("articleBody")
            if not isinstance(text, str) or not text.strip():
                continue
            d = _ld_draft(obj, text)
            if d is not None:
                drafts.append(d)
    return drafts


# ----------------------------------------------------------------------------------------------------------
def _main_content(tree: LexborHTMLParser) -> list[Draft]:
    """One post from the densest text block."""
    body = tree.body
    if body is None:
        return []
    chrome = list(select(body, _CHROME))
    # the title is page metadata (a "heading" the length of a paragraph is content)
    skip = ids_of(chrome) | {h.mem_id for h in select(body, "h1") if len(node_text(h)) <= 150}
    scores: dict[int, float] = defaultdict(float)
    nodes: dict[int, Node] = {}
    inside: dict[int, bool] = {}
    cands = select(body, "p, pre, li, h2, h3, blockquote, td")
    sizes = _nested_sizes(body, cands) if _nesting(cands) > _NESTING_LIMIT else None
    for p in cands:
        if skip and _in(p, skip, inside):
            continue
        if sizes is None:
            size = len(node_text(p))
            if size < 25:
                continue
            links = sum(len(node_text(a)) for a in select(p, "a"))
        else:
            size, links = sizes[p.mem_id]
            if size < 25:
                continue
        parent = p.parent
        if parent is None:
            continue
        weight = size - 2 * links
        if weight <= 0:
            continue
        scores[parent.mem_id] += weight
        nodes[parent.mem_id] = parent
        gp = parent.parent
        if gp is not None:
            scores[gp.mem_id] += weight * 0.5
            nodes[gp.mem_id] = gp
    if not scores:
        text_lines = render_lines(body, skip=skip)
        if not any(text_lines):
            return []
        d = Draft()
        d.lines = text_lines
        return [d]
    best_id = max(scores, key=lambda k: scores[k])
    best = nodes[best_id]
    d = Draft()
    extract_body(best, _SPEC, d, extra_skip=skip)
    for n in chrome:
        if n.tag in ("nav", "header", "footer", "aside"):
            t = node_text(n)
            if t:
                d.removals.append(make_removal(PREFIX, "page-chrome", t[:2000], node_path(n, depth=2)))
                break
    return [d] if d.has_content() else []


#: Above this many (candidate, enclosing candidate) pairs, block sizes are summed in one pass over the page
#: instead of reading each block's text and links (which reads a block nested N deep N times).
_NESTING_LIMIT = 50_000


def _nesting(cands: list[Node]) -> int:
    """How many (block, enclosing block) pairs ``cands`` hold: 0 on most pages, quadratic in a nest's depth."""
    ids = {c.mem_id for c in cands}
    memo: dict[int, int] = {}  # node → number of candidates among it and its ancestors
    total = 0
    for c in cands:
        walked: list[int] = []
        cur: Node | None = c
        base = 0
        while cur is not None:
            known = memo.get(cur.mem_id)
            if known is not None:
                base = known
                break
            walked.append(cur.mem_id)
            cur = cur.parent
        for mid in reversed(walked):  # top down
            base += mid in ids
            memo[mid] = base
        total += base - 1
        if total > _NESTING_LIMIT:
            break
    return total


def _nested_sizes(body: Node, cands: list[Node]) -> dict[int, tuple[int, int]]:
    """``(len(node_text(c)), sum(len(node_text(a)) for a in select(c, "a")))`` for every candidate, in one
    pass: words of each text node and link text go to the nearest candidate, then candidates add up into the
    candidates around them, innermost first."""
    ids = {c.mem_id for c in cands}
    nearest: dict[int, int] = {}
    chars: dict[int, int] = dict.fromkeys(ids, 0)
    words: dict[int, int] = dict.fromkeys(ids, 0)
    links: dict[int, int] = dict.fromkeys(ids, 0)
    up: dict[int, int] = {}
    for n in body.traverse(include_text=True):  # document order: a parent before its children
        par = n.parent
        near = nearest.get(par.mem_id, -1) if par is not None else -1
        if n.tag == "-text":
            if near >= 0:
                ws = _no_zero_width(n.text_content or "").split()
                if ws:
                    chars[near] += sum(map(len, ws))
                    words[near] += len(ws)
            continue
        mid = n.mem_id
        if mid in ids:
            up[mid] = near
            near = mid
        elif n.tag == "a" and near >= 0:
            links[near] += len(node_text(n))
        nearest[mid] = near
    for c in reversed(cands):  # innermost first
        mid = c.mem_id
        outer = up.get(mid, -1)
        if outer >= 0:
            chars[outer] += chars[mid]
            words[outer] += words[mid]
            links[outer] += links[mid]
    return {mid: (chars[mid] + max(0, words[mid] - 1), links[mid]) for mid in ids}


def _in(node: Node, ids: set[int], memo: dict[int, bool]) -> bool:
    """Whether ``node`` is one of ``ids`` or inside one; ``memo`` remembers the answer for every node walked
    (without it, deeply nested pages cost quadratic time: each node would walk all its ancestors)."""
    walked: list[int] = []
    cur: Node | None = node
    found = False
    while cur is not None:
        mid = cur.mem_id
        known = memo.get(mid)
        if known is not None:
            found = known
            break
        if mid in ids:
            found = True
            break
        walked.append(mid)
        cur = cur.parent
    for mid in walked:
        memo[mid] = found
    return found
