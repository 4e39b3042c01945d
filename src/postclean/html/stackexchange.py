"""Stack Exchange question pages: the question, its answers, and the comments under each.

Comments go to ``post.comments`` of the question or answer they annotate (``Comment(text, author, date,
comment_id)``), both the classic ``li.comment`` list and the 2024+ "follow-up" markup
(``div[itemprop=comment]``). A comment is a remark on a post (often "thanks", "did you try X?", edit
requests), not a contribution to the thread the way an answer is, so the default ``doc.text`` is the question
and its answers (as 10 of the 11 annotated pages in the development corpus have it);
``doc.render(comments="inline")`` adds each post's comments after its body.
"""

from __future__ import annotations

import regex
from selectolax.lexbor import LexborHTMLParser

from ..model import Comment, DateLike
from ._base import Draft, EnginePack, Spec, extract_body, make_removal, poster_from_line
from ._detect import has
from ._dom import Node, _parse_loose, attr, date_from_node, first, node_path, node_text, select

__all__ = ["PACK", "detect", "identify"]

SE = Spec(
    engine="stackexchange",
    prefix="SEH",
    post="#question, div.question, div.answer",
    body="div.js-post-body, div.s-prose[itemprop=text], div.post-text",
    quote="",
    drop=".snippet-ctas, .js-snippet-ctas, .s-notice",
    title="#question-header h1 a, #question-header h1, h1",
)


#: the poster's name in a post signature: the classic ``.user-details`` block, or the Stacks user card
#: (``.s-user-card--link``) of the 2024 redesign
_NAME = (
    ".user-details > a, .user-details a[href*='/users/'], .user-details [itemprop=name], "
    ".s-user-card--info a.s-user-card--link, .s-user-card--link"
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
        name = first(sig, _NAME)
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
    _edit_and_link(post, sig, d)
    votes = post.css_first(".js-vote-count")
    if votes is not None:
        d.reactions = f"{attr(votes, 'data-value') or node_text(votes)} votes"
    if body is not None:
        extract_body(body, SE, d)
    menu = post.css_first(".js-post-menu")
    if menu is not None:
        d.removals.append(make_removal("SEH", "buttons", node_text(menu), node_path(menu, depth=2)))
    return d


def _edit_and_link(post: Node, owner: Node | None, d: Draft) -> None:
    """The edit signature (``edited Mar 5, 2025 at 7:20`` and the editor when another user) goes to
    ``edit_note``; the post's short share link (``/a/123``, ``/q/123``) to ``permalink``."""
    for sig in select(post, ".post-signature"):
        if owner is not None and sig.mem_id == owner.mem_id:
            continue
        action = sig.css_first(".user-action-time, .s-user-card--time")
        if action is None or action.css_first("a[href*='/revisions']") is None:
            continue
        note = node_text(action)
        editor = first(sig, _NAME)
        who = node_text(editor).split("\n")[0].strip() if editor is not None else ""
        d.edit_note = f"{note} ({who})" if who and who != d.author else note
        d.removals.append(make_removal("SEH", "edit-note", node_text(sig), node_path(sig, depth=2)))
        break
    share = first(post, "a.js-share-link[href]")
    if share is not None:
        d.permalink = attr(share, "href")


def _comments(post: Node) -> list[Comment]:
    out: list[Comment] = []
    for c in select(post, "li.comment, div[id^=follow-up-][itemprop=comment]"):
        copy = c.css_first(".comment-copy, [itemprop=text]")
        if copy is None:
            continue
        d = Draft()
        cid = attr(c, "data-comment-id") or regex.sub(r"\D", "", attr(c, "id") or "")
        author = node_text(c.css_first(".comment-user, [itemprop=author] [itemprop=name]")) or None
        dn = first(c, ".comment-date .relativetime-clean, .comment-date, time[itemprop=datePublished], time")
        # the tooltip reads "2019-02-11 09:02:40Z, License: CC BY-SA 4.0": the part before the comma is exact
        exact = _parse_loose((attr(dn, "title") or "").split(",")[0]) if dn is not None else None
        date: DateLike | None
        if exact is not None:
            date, date_raw = exact, node_text(dn) or None
        else:
            date, date_raw = date_from_node(dn)
        extract_body(copy, SE, d)
        text = "\n".join(line for line in d.lines if line.strip()).strip()
        if text:
            out.append(Comment(text=text, author=author, date=date, date_raw=date_raw, comment_id=cid or None))
    return out


def extract(tree: LexborHTMLParser, url: str | None) -> list[Draft]:
    """The question and its answers in page order, each with the comments under it."""
    drafts: list[Draft] = []
    for post in select(tree, "#question, div.answer"):
        d = _post(post)
        if d.has_content():
            d.comments = _comments(post)
            drafts.append(d)
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
    return _rest(html, tree, url)


def _rest(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """:func:`detect` on a page :func:`identify` did not name: the uncertain signs."""
    if has(tree, "#question .js-post-body, div.question .post-text"):
        return 0.8, None
    return 0.0, None


PACK = EnginePack(
    name="stackexchange",
    prefix="SEH",
    detect=detect,
    identify=identify,
    rest=_rest,
    rest_probes=("#question .js-post-body, div.question .post-text",),
    specs=(SE,),
    extract=extract,
    doc="Stack Exchange question pages.",
)
