"""Stack Exchange question pages: the question, its answers, and the comments under each.

Comments become their own posts right after the post they annotate (``post_id`` ``comment-{id}``), unless
:data:`INCLUDE_COMMENTS` is False.
"""

from __future__ import annotations

import regex
from selectolax.lexbor import LexborHTMLParser

from ._base import Draft, EnginePack, Spec, extract_body, make_removal, poster_from_line
from ._detect import has
from ._dom import Node, attr, date_from_node, first, node_path, node_text, select

__all__ = ["INCLUDE_COMMENTS", "PACK", "detect"]

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
    d.post_id = (attr(post, "data-answerid") or attr(post, "data-questionid")
                 or (regex.sub(r"\D", "", attr(post, "id") or "") or None))
    body = first(post, SE.body)
    sig = _owner(post)
    if sig is not None:
        name = first(sig, ".user-details > a, .user-details a[href*='/users/'], .user-details [itemprop=name]")
        if name is not None:
            text = node_text(name).split("\n")[0]
            d.author = text.strip()[:120] or None
        rep = sig.css_first(".reputation-score")
        if rep is not None:
            poster_from_line("reputation: " + (attr(rep, "title") or node_text(rep)).replace("reputation score", ""),
                             d.poster)
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
    for c in select(post, "li.comment"):
        copy = c.css_first(".comment-copy")
        if copy is None:
            continue
        d = Draft()
        d.post_id = f"comment-{attr(c, 'data-comment-id') or ''}"
        d.author = node_text(c.css_first(".comment-user")) or None
        d.date, d.date_raw = date_from_node(c.css_first(".comment-date .relativetime-clean, .comment-date"))
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


def detect(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Stack Exchange: ``question-page`` body class and ``#question`` + ``.answer`` markup."""
    body = tree.body
    cls = (body.attributes.get("class") or "") if body is not None else ""
    if "question-page" in cls and has(tree, "#question, div.question"):
        return 1.0, None
    if has(tree, "#question .js-post-body, div.question .post-text"):
        return 0.8, None
    return 0.0, None


PACK = EnginePack(name="stackexchange", prefix="SEH", detect=detect, specs=(SE,), extract=extract,
                  doc="Stack Exchange question pages.")
