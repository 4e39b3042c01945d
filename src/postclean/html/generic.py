"""Fallback for pages no engine pack recognises.

In order: schema.org ``DiscussionForumPosting``/``Comment`` microdata; JSON-LD with the same types; repeated
sibling structures (elements sharing a parent and a class, each with an author-ish link, a date and text);
and finally one post made of the densest text block once navigation, headers, footers, sidebars and forms
are set aside.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import regex
from selectolax.lexbor import LexborHTMLParser

from ._base import Draft, Spec, extract_body, make_removal, poster_from_line
from ._dom import Node, attr, clean_inline, date_from_node, ids_of, node_path, node_text, render_lines, select

__all__ = ["extract"]

PREFIX = "GNH"

_SPEC = Spec(
    engine="generic",
    prefix=PREFIX,
    post="",
    body="",
    quote="blockquote",
    quote_head="cite, .quote-author, .quoteheader, .bbCodeBlock-title, .title",
    quote_author_attrs=("data-author", "data-username", "data-quote"),
    signature=".signature, .Signature, .post-signature, .sig",
    drop=".sr-only, .visually-hidden, .screen-reader-text, [hidden], .share, .sharing, .social-share",
)

_CHROME = (
    "nav, header, footer, aside, form, menu, [role=navigation], [role=banner], [role=contentinfo], "
    "[role=complementary], [role=search], [role=dialog], .nav, .navbar, .menu, .breadcrumb, .breadcrumbs, "
    ".sidebar, #sidebar, .footer, #footer, .header, #header, .cookie, .cookies, .cookie-banner, .share, "
    ".sharing, .social, .related, .advert, .ad, .ads, .comments-form, .pagination, select, button"
)
_USER_HREF_RE = regex.compile(r"/(?:u|user|users|member|members|profile|profiles|people|author|m)/|[?&](?:u|user|uid)=",
                              regex.IGNORECASE)


def extract(tree: LexborHTMLParser, url: str | None, ld: list[str]) -> tuple[list[Draft], list[str]]:
    """Generic posts for an unknown page and the flags describing how they were found.

    ``ld`` holds the page's JSON-LD script contents (scripts are stripped before this runs).
    """
    drafts = _microdata(tree)
    if len(drafts) >= 2 or (drafts and sum(len(" ".join(d.lines)) for d in drafts) > 200):
        return drafts, ["generic:schema-org"]
    ld_drafts = _json_ld(ld)
    if ld_drafts:
        return ld_drafts, ["generic:json-ld"]
    siblings = _siblings(tree)
    if siblings:
        return siblings, ["generic:repeated-blocks"]
    main = _main_content(tree)
    if main:
        return main, ["no-forum-structure", "generic:main-content"]
    return [], ["no-forum-structure"]


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
    items = list(select(tree, "[itemtype*=DiscussionForumPosting], [itemtype*='schema.org/Comment'], "
                          "[itemtype*='schema.org/Answer'], [itemtype*='schema.org/Question']"))
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
            d.author = (attr(name_node, "content") or node_text(name_node) or attr(author, "content")
                        or node_text(author) or None)
            if d.author:
                d.author = d.author[:120]
        dn = _own(item, "[itemprop=datePublished], [itemprop=dateCreated]", ids)
        if dn is not None:
            d.date, d.date_raw = date_from_node(dn)
        skip = ids & ids_of(select(body, "[itemscope]"))
        extract_body(body, _SPEC, d, extra_skip=skip)
        if d.has_content():
            d.removals.insert(0, make_removal(PREFIX, "author-block", d.author or "", node_path(item, depth=2)))
            drafts.append(d)
    return drafts


# ----------------------------------------------------------------------------------------------------------
def _ld_objects(data: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    stack = [data]
    while stack and len(out) < 500:
        cur = stack.pop()
        if isinstance(cur, list):
            stack.extend(reversed(cur))
        elif isinstance(cur, dict):
            t = cur.get("@type")
            types = t if isinstance(t, list) else [t]
            if any(x in ("DiscussionForumPosting", "Comment", "Answer", "Question", "SocialMediaPosting")
                   for x in types):
                out.append(cur)
            for key in ("@graph", "mainEntity", "comment", "suggestedAnswer", "acceptedAnswer"):
                if key in cur:
                    stack.append(cur[key])
    return out


def _ld_author(obj: dict[str, Any]) -> str | None:
    a = obj.get("author")
    if isinstance(a, list) and a:
        a = a[0]
    if isinstance(a, dict):
        n = a.get("name") or a.get("alternateName")
        return str(n) if n else None
    return str(a) if isinstance(a, str) else None


def _json_ld(raw: list[str]) -> list[Draft]:
    drafts: list[Draft] = []
    for blob in raw:
        try:
            data = json.loads(blob)
        except ValueError:
            continue
        for obj in _ld_objects(data):
            text = obj.get("text") or obj.get("articleBody")
            if not isinstance(text, str) or not text.strip():
                continue
            d = Draft()
            d.author = _ld_author(obj)
            published = obj.get("datePublished") or obj.get("dateCreated")
            if isinstance(published, str):
                from ._dom import _parse_loose

                d.date, d.date_raw = _parse_loose(published), published
            lines: list[str] = []
            for para in regex.split(r"\n\s*\n", text.strip()):
                if lines:
                    lines.append("")
                lines.extend(clean_inline(x) for x in para.split("\n") if x.strip())
            d.lines = lines
            drafts.append(d)
    return drafts


# ----------------------------------------------------------------------------------------------------------
def _signature(n: Node) -> str:
    cls = (n.attributes.get("class") or "").split()
    return f"{n.tag}.{cls[0]}" if cls else ""


def _siblings(tree: LexborHTMLParser) -> list[Draft]:
    """Posts from repeated sibling blocks that each carry an author link and a date."""
    body = tree.body
    if body is None:
        return []
    groups: dict[tuple[int, str], list[Node]] = defaultdict(list)
    for n in select(body, "article, li, div, tr, section"):
        sig = _signature(n)
        if not sig:
            continue
        parent = n.parent
        if parent is None:
            continue
        groups[(parent.mem_id, sig)].append(n)
    best: list[Node] = []
    best_score = 0.0
    for nodes in groups.values():
        if len(nodes) < 2:
            continue
        with_meta = 0
        text_len = 0
        for n in nodes[:60]:
            has_user = any(_USER_HREF_RE.search(a.attributes.get("href") or "") for a in select(n, "a[href]"))
            has_date = n.css_first("time, [datetime], [class*=date], [class*=time]") is not None
            if has_user and has_date:
                with_meta += 1
            text_len += len(node_text(n))
        if with_meta < max(2, len(nodes[:60]) * 0.6):
            continue
        score = text_len
        if score > best_score:
            best, best_score = nodes, score
    if not best or best_score < 200:
        return []
    drafts: list[Draft] = []
    for n in best:
        d = Draft()
        user = next((a for a in select(n, "a[href]") if _USER_HREF_RE.search(a.attributes.get("href") or "")
                     and node_text(a)), None)
        date_node = n.css_first("time, [datetime]") or n.css_first("[class*=date], [class*=time]")
        skip: set[int] = set()
        if user is not None:
            d.author = node_text(user)[:120]
        if date_node is not None:
            d.date, d.date_raw = date_from_node(date_node)
            skip.add(date_node.mem_id)
        # the author's container (closest ancestor of the link below the post with little text) is chrome
        if user is not None:
            cur = user
            while cur.parent is not None and cur.parent.mem_id != n.mem_id and len(node_text(cur.parent)) < 200:
                cur = cur.parent
            skip.add(cur.mem_id)
            d.removals.append(make_removal(PREFIX, "author-block", node_text(cur), node_path(cur, depth=2)))
        skip |= ids_of(select(n, _CHROME))
        for stat in select(n, "[class*=stats] li, [class*=userinfo] li"):
            poster_from_line(node_text(stat), d.poster)
        extract_body(n, _SPEC, d, extra_skip=skip)
        if d.has_content():
            drafts.append(d)
    return drafts if len(drafts) >= 2 else []


# ----------------------------------------------------------------------------------------------------------
def _main_content(tree: LexborHTMLParser) -> list[Draft]:
    """One post from the densest text block."""
    body = tree.body
    if body is None:
        return []
    chrome = list(select(body, _CHROME))
    skip = ids_of(chrome)
    scores: dict[int, float] = defaultdict(float)
    nodes: dict[int, Node] = {}
    for p in select(body, "p, pre, li, h2, h3, blockquote, td"):
        if _in(p, skip):
            continue
        text = node_text(p)
        if len(text) < 25:
            continue
        parent = p.parent
        if parent is None:
            continue
        links = sum(len(node_text(a)) for a in select(p, "a"))
        weight = len(text) - 2 * links
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


def _in(node: Node, ids: set[int]) -> bool:
    cur: Node | None = node
    while cur is not None:
        if cur.mem_id in ids:
            return True
        cur = cur.parent
    return False
