"""Stack Exchange question pages: the question, its answers, and the comments under each.

Comments: off by default. A comment is a remark on a post (often "thanks", "did you try X?", edit requests),
not a contribution to the thread the way an answer is; what people expect from the text of a Q&A page is the
question and its answers (10 of the 11 annotated pages in the development corpus leave comments out). The
extractor can still read them, both the classic ``li.comment`` list and the 2024+ "follow-up" markup
(``div[itemprop=comment]``): with :data:`INCLUDE_COMMENTS` set, each comment becomes its own post right after
the post it annotates, with ``post_id`` ``comment-{id}`` and no ``number``, so callers can tell them apart.
Making comments a first-class, opt-in part of the document (a post kind the default ``doc.text`` leaves out)
needs a field in the core model; until then this switch is module-level.
"""

from __future__ import annotations

import regex
from selectolax.lexbor import LexborHTMLParser

from ._base import Draft, EnginePack, Spec, extract_body, make_removal, poster_from_line
from ._detect import has
from ._dom import Node, _parse_loose, attr, date_from_node, first, node_path, node_text, select

__all__ = ["INCLUDE_COMMENTS", "PACK", "detect", "identify"]

#: Emit comments as posts of their own (after the question/answer they belong to).
INCLUDE_COMMENTS = False

SE = Spec(
    engine="stackexchange",
    prefix="SEH",
    post="#question, div.question, div.answer",
    body="div.js-post-body, div.s-prose[itemprop=text], div.post-text",
    quote="",
    drop=".snippet-ctas, .js-snippet-ctas, .s-notice",
    title="#question-header h1 a, #question-header h1, h1",
)


def _owner(post: Node) -> Node | None:
    sigs = list(select(post, ".post-signature"))
    owner = post.css_first(".post-signature.owner")
    if owner is not None:
        return owner
    return sigs[-1] if sigs else None


def _post(post: Node) -> Draft:
    d = Draft()
    d.post_id = (
        attr(post, "data-answerid")
        or attr(post, "data-questionid")
        or (regex.sub(r"\D", "", attr(post, "id") or "") or None)
    )
    body = first(post, SE.body)
    sig = _owner(post)
    if sig is not None:
        name = first(
            sig, ".user-details > a, .user-details a[href*='/users/'], .user-details [itemprop=name]"
        )
        if name is not None:
            text = node_text(name).split("\n")[0]
            d.author = text.strip()[:120] or None
        rep = sig.css_first(".reputation-score")
        if rep is not None:
            title = attr(rep, "title") or ""
            exact = title if regex.search(r"\d", title) else node_text(rep)  # "reputation score 12,050"
            poster_from_line("reputation: " + exact.replace("reputation score", ""), d.poster)
        d.date, d.date_raw = date_from_node(first(sig, ".relativetime, .user-action-time"))
        d.removals.append(make_removal("SEH", "author-block", node_text(sig), node_path(sig, depth=2)))
    if d.date is None:
        d.date, d.date_raw = date_from_node(post.css_first("time[itemprop=dateCreated]"))
    votes = post.css_first(".js-vote-count")
    if votes is not None:
        d.reactions = f"{attr(votes, 'data-value') or node_text(votes)} votes"
    if body is not None:
        extract_body(body, SE, d)
    menu = post.css_first(".js-post-menu")
    if menu is not None:
        d.removals.append(make_removal("SEH", "buttons", node_text(menu), node_path(menu, depth=2)))
    return d


def _comments(post: Node) -> list[Draft]:
    out: list[Draft] = []
    for c in select(post, "li.comment, div[id^=follow-up-][itemprop=comment]"):
        copy = c.css_first(".comment-copy, [itemprop=text]")
        if copy is None:
            continue
        d = Draft()
        cid = attr(c, "data-comment-id") or regex.sub(r"\D", "", attr(c, "id") or "")
        d.post_id = f"comment-{cid}"
        d.author = node_text(c.css_first(".comment-user, [itemprop=author] [itemprop=name]")) or None
        dn = first(c, ".comment-date .relativetime-clean, .comment-date, time[itemprop=datePublished], time")
        # the tooltip reads "2019-02-11 09:02:40Z, License: CC BY-SA 4.0": the part before the comma is exact
        exact = _parse_loose((attr(dn, "title") or "").split(",")[0]) if dn is not None else None
        if exact is not None:
            d.date, d.date_raw = exact, node_text(dn) or None
        else:
            d.date, d.date_raw = date_from_node(dn)
        extract_body(copy, SE, d)
        if d.has_content():
            out.append(d)
    return out


def extract(tree: LexborHTMLParser, url: str | None) -> list[Draft]:
    """Question, answers and (optionally) comments, in page order."""
    drafts: list[Draft] = []
    for post in select(tree, "#question, div.answer"):
        d = _post(post)
        if d.has_content():
            drafts.append(d)
        if INCLUDE_COMMENTS:
            drafts.extend(_comments(post))
    return drafts


def identify(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Stack Exchange for certain: ``question-page`` body class and a ``#question``."""
    body = tree.body
    cls = (body.attributes.get("class") or "") if body is not None else ""
    if "question-page" in cls and has(tree, "#question, div.question"):
        return 1.0, None
    return 0.0, None


def detect(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Stack Exchange: ``question-page`` body class and ``#question`` + ``.answer`` markup."""
    score, version = identify(html, tree, url)
    if score:
        return score, version
    if has(tree, "#question .js-post-body, div.question .post-text"):
        return 0.8, None
    return 0.0, None


PACK = EnginePack(
    name="stackexchange",
    prefix="SEH",
    detect=detect,
    identify=identify,
    specs=(SE,),
    extract=extract,
    doc="Stack Exchange question pages.",
)
