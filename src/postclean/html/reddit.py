"""Reddit: the 2023+ ``shreddit-*`` web components and old.reddit.com ``div.thing`` markup."""

from __future__ import annotations

import regex
from selectolax.lexbor import LexborHTMLParser

from ..model import LinkCard
from ._base import Draft, EnginePack, Spec, certain_then_rest, extract_body, extract_with_spec, make_removal
from ._detect import has
from ._dom import Node, attr, date_from_node, node_path, node_text, parse_epoch, parse_int, select

__all__ = ["PACK", "detect"]

#: Reddit's rule-enforcement bot: its stickied comments are subreddit boilerplate, not discussion.
_BOT_AUTHORS = frozenset({"AutoModerator"})


def _old_hook(entry: Node, draft: Draft) -> None:
    """Old Reddit keeps the ids, the author and the link score on the ``div.thing`` around ``div.entry``."""
    thing = entry.parent
    if thing is None:
        return
    draft.post_id = attr(thing, "data-fullname") or draft.post_id
    if not draft.author:
        draft.author = attr(thing, "data-author")
    if draft.reactions is None:
        score = thing.css_first("div.midcol div.score.unvoted, div.midcol div.score")
        n = parse_int(attr(score, "title") or node_text(score)) if score is not None else None
        if n is not None:
            draft.reactions = f"{n} points"
    url, domain = attr(thing, "data-url"), attr(thing, "data-domain")
    is_link = "link" in (attr(thing, "class") or "").split() and draft.card is None
    if is_link and url and url.startswith("http") and domain and not domain.startswith("self."):
        # a link submission: its target as the post's link card
        title = node_text(thing.css_first("a.title, p.title a"))
        draft.card = LinkCard(title=title or None, domain=domain, url=url)
    edited = entry.css_first("p.tagline time.edited-timestamp")
    if edited is not None and draft.edit_note is None:
        # the tagline's "*": its tooltip is the note as the page words it, its datetime when it happened
        note, when = attr(edited, "title"), attr(edited, "datetime")
        draft.edit_note = f"{note} ({when})" if note and when else note or when
    flair = entry.css_first("p.tagline span.flair")
    if flair is not None and "rank" not in draft.poster:
        text = attr(flair, "title") or node_text(flair)
        if text:
            draft.poster["rank"] = text[:120]  # the user's flair in this subreddit
    if (attr(thing, "data-author") or draft.author) in _BOT_AUTHORS:
        draft.discard = f"{draft.author}:"
    _old_nesting(thing, draft)


def _classes(node: Node) -> list[str]:
    return (attr(node, "class") or "").split()


def _old_nesting(thing: Node, draft: Draft) -> None:
    """A submission is the root (depth 0); a comment sits in the ``div.child`` of the comment it answers, so its
    depth is one more than the comment things around it (top-level comments: 1, answering the submission)."""
    classes = _classes(thing)
    if "link" in classes:
        draft.depth = 0
        return
    if "comment" not in classes:
        return
    depth = 1
    cur = thing.parent
    while cur is not None:
        if cur.tag == "div" and "thing" in (c := _classes(cur)) and "comment" in c:
            if depth == 1:
                draft.parent_id = attr(cur, "data-fullname")
            depth += 1
        cur = cur.parent
    draft.depth = depth

_TEXT = Spec(
    engine="reddit",
    prefix="RDH",
    post="",
    body="",
    quote="",
    drop="faceplate-screen-reader-content, .sr-only",
)

OLD = Spec(
    engine="reddit",
    prefix="RDH",
    # the post is the thing's own div.entry: replies sit in div.child, a sibling, so nothing of a reply is
    # read into its parent
    post="div.thing.link > div.entry, div.thing.comment > div.entry",
    body="div.usertext-body > div.md, .usertext-body .md, .expando .md",
    author="p.tagline a.author",
    user_block="p.tagline",
    date="p.tagline time, time.live-timestamp",
    post_id_attrs=(),
    permalink="a.bylink, a[data-event-action=permalink]",
    reactions="p.tagline span.score.unvoted, p.tagline span.score",
    # Reddit has no post-quoting feature: a markdown "> " blockquote quotes anything (an article, a paper,
    # the parent), so it stays in the body
    quote="",
    drop=".sr-only",
    chrome="ul.flat-list.buttons",
    title="a.title, p.title a, h1[slot=title]",
    hook=_old_hook,
)


def _new(tree: LexborHTMLParser) -> list[Draft]:
    drafts: list[Draft] = []
    for post in select(tree, "shreddit-post"):
        d = Draft()
        d.author = attr(post, "author")
        d.post_id = attr(post, "id") or attr(post, "thingid")
        ts = attr(post, "created-timestamp")
        if ts:
            d.date, d.date_raw = date_from_node(post)
            from ._dom import _parse_loose

            d.date, d.date_raw = _parse_loose(ts), ts
        d.permalink = attr(post, "permalink")
        d.depth = 0
        score = attr(post, "score")
        if score:
            d.reactions = f"{score} points"
        body = post.css_first("[slot=text-body], div[id$=-post-rtjson-content]")
        if body is None:
            body = tree.css_first("shreddit-post [slot=text-body], div[id$=-post-rtjson-content]")
        if body is not None:
            extract_body(body, _TEXT, d)
        title = attr(post, "post-title")
        if title and not d.lines:
            d.lines = [title]
        href = attr(post, "content-href")
        if attr(post, "post-type") == "link" and href and "reddit.com/" not in href:
            # a link submission: its target as the post's link card (title, domain, URL)
            d.card = LinkCard(title=title, domain=attr(post, "domain"), url=href)
        drafts.append(d)
    for c in select(tree, "shreddit-comment"):
        d = Draft()
        d.author = attr(c, "author")
        if d.author in _BOT_AUTHORS:
            if drafts:
                text = node_text(c.css_first("div[slot=comment]")) or d.author
                drafts[-1].removals.append(make_removal("RDH", "system-post", text, node_path(c, depth=1)))
            continue
        d.post_id = attr(c, "thingid")
        # Reddit counts depth from the top-level comments; here the submission is the root (0) they answer
        level = parse_int(attr(c, "depth") or "")
        d.depth = level + 1 if level is not None and level >= 0 else _comment_depth(c)
        d.parent_id = attr(c, "parentid")
        d.permalink = attr(c, "permalink")
        score = attr(c, "score")
        if score:
            d.reactions = f"{score} points"
        tn = c.css_first("faceplate-timeago[ts], time[datetime]")
        if tn is not None:
            d.date, d.date_raw = date_from_node(tn)
            if d.date is None:
                from ._dom import _parse_loose

                d.date = _parse_loose(attr(tn, "ts") or "")
        body = c.css_first("div[slot=comment], div[id$=-comment-rtjson-content]")
        if body is not None:
            extract_body(body, _TEXT, d)
            d.removals.append(make_removal("RDH", "author-block", d.author or "", node_path(c, depth=1)))
        if d.has_content():
            drafts.append(d)
    return drafts


def _comment_depth(c: Node) -> int:
    """Depth of a ``shreddit-comment`` without a ``depth`` attribute: the comments around it, plus one."""
    depth = 1
    cur = c.parent
    while cur is not None:
        if cur.tag == "shreddit-comment":
            depth += 1
        cur = cur.parent
    return depth


def extract(tree: LexborHTMLParser, url: str | None) -> list[Draft]:
    """Posts and comments from either Reddit layout."""
    if has(tree, "shreddit-post, shreddit-comment"):
        return _new(tree)
    drafts = extract_with_spec(tree, OLD)
    root = next((d for d in drafts if d.depth == 0), None)
    for d in drafts:
        if d.reactions:
            n = parse_int(d.reactions)
            d.reactions = f"{n} points" if n is not None else d.reactions
        if d.depth == 1 and d.parent_id is None and root is not None:
            d.parent_id = root.post_id  # a top-level comment answers the submission
    return drafts


def _certain(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Reddit for certain: ``shreddit-*`` elements or old Reddit's things."""
    if has(tree, "shreddit-post, shreddit-comment, shreddit-app"):
        return 1.0, "shreddit"
    if has(tree, "div.thing[data-fullname]"):
        return 1.0, "old"
    return 0.0, None


def _rest(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Reddit from the page's URL."""
    if url and regex.search(r"//(?:\w+\.)?reddit\.com/r/", url):
        return 0.6, None
    return 0.0, None


detect = certain_then_rest(_certain, _rest, "Reddit: ``shreddit-post`` elements (new) or ``div.thing`` with ``data-fullname`` (old).")


_ = parse_epoch
PACK = EnginePack(
    name="reddit",
    prefix="RDH",
    detect=detect,
    certain=_certain,
    rest=_rest,
    certain_probes=("shreddit-post, shreddit-comment, shreddit-app", "div.thing[data-fullname]"),
    specs=(OLD,),
    extract=extract,
    doc="Reddit threads, new and old layouts.",
)
