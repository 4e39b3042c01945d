"""Declarative engine specs and the shared machinery that turns a spec into raw posts.

An engine pack describes its markup with one or more :class:`Spec` objects (CSS selectors for the post,
author, stats, date, body, quotes, signature …). :func:`extract_with_spec` applies a spec to a parsed page and
returns :class:`Draft` posts; packs with unusual markup add a ``hook`` that fills in what selectors cannot.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex
from selectolax.lexbor import LexborHTMLParser

from .._lazy import lazy
from ..engine import RawPost
from ..labels import STAT_ICONS, STAT_LABELS, label_alternation
from ..labels import label_field as table_label_field
from ..model import Article, Comment, LinkCard, Poster, Quote, Removal
from ..phrases import alternation, phrases
from ._dom import (
    Node,
    alternatives,
    attr,
    by_priority,
    clean_inline,
    date_from_node,
    first,
    ids_of,
    node_path,
    node_text,
    parse_int,
    render_lines,
    select,
)

__all__ = [
    "KIND_CODES",
    "Draft",
    "EnginePack",
    "Spec",
    "extract_with_spec",
    "link_replies",
    "nest_by_holder",
    "poster_from_pairs",
    "quote_author_from_head",
]

_BARE_QUOTE_HEAD_RE = lazy(rf"(?i)(?:{alternation('quote')}|{alternation('classic_code_header')})\s*:?")
_MARKER_RE = lazy(r"\x00Q\d+\x00")
_MAIL_QUOTE_MARK_RE = lazy(r"^>[ \t]?+")
_URL_HOST_RE = lazy(r"https?://(?:www\.)?([^/:?#]+)")
_DIGITS_RE = lazy(r"\d+")

#: Rule numbers per removal kind; the code is the pack prefix plus this number (``XFH003``).
KIND_CODES: dict[str, tuple[int, str]] = {
    "author-block": (1, "poster block (name and stats moved to author)"),
    "quote": (2, "quoted text from another post (moved to quotes)"),
    "signature": (3, "signature below the post (moved to signature)"),
    "reactions": (4, "reactions / likes bar (moved to reactions)"),
    "edit-note": (5, "last-edited note (moved to edit_note)"),
    "buttons": (6, "post controls, share and report buttons"),
    "post-chrome": (7, "engine chrome inside the post body (expand links, code headers, attachment lists)"),
    "link-card": (8, "link preview card (moved to article.link_card)"),
    "post-header": (9, "post header: date, number, permalink (moved to metadata)"),
    "page-chrome": (10, "page chrome outside the posts (navigation, header, footer, sidebars)"),
    "system-post": (11, "system notice in the post list (topic closed, pinned, sponsored post), not a user post"),
    "unselected-text": (12, "text of a post whose body markup was not found, too short to be a body (a link, a tag)"),
}

_MOVED = {
    "author-block": "author",
    "quote": "quotes",
    "signature": "signature",
    "reactions": "reactions",
    "edit-note": "edit_note",
    "link-card": "article.link_card",
    "post-header": "date",
}


def make_removal(prefix: str, kind: str, text: str, node: str | None) -> Removal:
    """A :class:`Removal` for an HTML-level cut of ``kind`` by the pack with code ``prefix``."""
    num, reason = KIND_CODES[kind]
    return Removal(
        code=f"{prefix}{num:03d}",
        name=kind,
        reason=reason,
        text=text,
        node=node,
        moved_to=_MOVED.get(kind),
    )


@dataclass
class Draft:
    """A post being assembled; :meth:`to_raw` freezes it into a :class:`~postclean.engine.RawPost`."""

    lines: list[str] = field(default_factory=list)
    author: str | None = None
    poster: dict[str, Any] = field(default_factory=dict)
    date: _dt.date | _dt.datetime | None = None
    date_raw: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    quote_at: list[int] = field(default_factory=list)
    signature: str | None = None
    reactions: str | None = None
    edit_note: str | None = None
    post_id: str | None = None
    number: int | None = None
    permalink: str | None = None
    removals: list[Removal] = field(default_factory=list)
    card: LinkCard | None = None
    comments: list[Comment] = field(default_factory=list)
    #: Set by a pack hook when the "post" is not a user post (a system notice such as "This topic was closed");
    #: :func:`extract_with_spec` drops it and records its text as a removal on a neighbouring post.
    discard: str | None = None
    #: The body selector found nothing in the post, so the body is the post's own text less the parts other
    #: selectors took (the page gets the ``post-body-fallback`` flag).
    fallback: bool = False
    #: Reply tree (see :class:`~postclean.model.Post`): the nesting depth the markup shows, the draft this one
    #: answers (a reference, so drafts dropped or inserted later leave no stale index; :func:`link_replies`
    #: turns it into an index) or, when the markup names it instead, the answered post's ``post_id``.
    depth: int | None = None
    parent: Draft | None = field(default=None, compare=False, repr=False)
    parent_id: str | None = None
    #: ``mem_id`` of the post's node, for packs that read the tree around it after extraction.
    node_id: int | None = None

    def has_content(self) -> bool:
        """True when the post has body text or quotes."""
        return any(ln.strip() for ln in self.lines) or bool(self.quotes)

    def to_raw(self, parent: int | None = None, parent_id: str | None = None) -> RawPost:
        """Freeze into a :class:`RawPost` (``parent``, ``parent_id``: from :func:`link_replies`)."""
        author = None
        if self.author or self.poster:
            fields = dict(self.poster)
            extra = fields.pop("extra", {}) or {}
            author = Poster(name=self.author, extra=dict(extra), **fields)
        article = Article(link_card=self.card, source_domain=self.card.domain) if self.card else None
        return RawPost(
            lines=tuple(self.lines),
            author=author,
            date=self.date,
            date_raw=self.date_raw,
            quotes=tuple(self.quotes),
            quote_at=tuple(self.quote_at),
            signature=self.signature,
            reactions=self.reactions,
            edit_note=self.edit_note,
            post_id=self.post_id,
            number=self.number,
            permalink=self.permalink,
            removals=tuple(self.removals),
            article=article,
            comments=tuple(self.comments),
            depth=self.depth,
            parent=parent,
            parent_id=parent_id,
        )


def nest_by_holder(nodes: Sequence[Node], drafts: Sequence[Draft], root: Draft | None) -> None:
    """Fill ``depth`` and ``parent`` of comment ``drafts`` from a tree of ``nodes`` (their post nodes) where each
    comment's parent element holds it and, below it, the list of replies to it (Lemmy's ``li.comment`` around
    ``article.comment-node`` and ``ul.comments``): a comment answers the comment whose holder encloses it, and a
    top-level comment answers ``root`` (depth 1), or is depth 0 when the page shows no opening post. A holder of
    several post nodes is a plain list, not a comment's own."""
    by_node = {d.node_id: d for d in drafts if d.node_id is not None}
    held: dict[int, int] = {}
    for n in nodes:
        if n.parent is not None:
            held[n.parent.mem_id] = held.get(n.parent.mem_id, 0) + 1
    holder = {n.parent.mem_id: n.mem_id for n in nodes if n.parent is not None and held[n.parent.mem_id] == 1}
    for n in nodes:
        d = by_node.get(n.mem_id)
        if d is None:
            continue
        depth = 0 if root is None else 1
        parent: Draft | None = root
        found = False
        cur = n.parent.parent if n.parent is not None else None
        while cur is not None:
            owner = holder.get(cur.mem_id)
            if owner is not None:
                if not found:
                    parent, found = by_node.get(owner), True
                depth += 1
            cur = cur.parent
        d.depth, d.parent = depth, parent


def link_replies(drafts: Sequence[Draft]) -> list[tuple[int | None, str | None]]:
    """``(parent index, parent post_id)`` per draft: the draft's ``parent`` reference, else the earlier draft whose
    ``post_id`` is its ``parent_id``. A parent never follows its reply, and where both show a depth the reply's
    is one more than its parent's (markup that says otherwise gives no parent rather than a wrong one)."""
    at = {id(d): i for i, d in enumerate(drafts)}
    by_id: dict[str, int] = {}
    out: list[tuple[int | None, str | None]] = []
    for i, d in enumerate(drafts):
        p: int | None = None
        pid = d.parent_id
        if d.parent is not None:
            p = at.get(id(d.parent))
            pid = pid or d.parent.post_id
        elif pid is not None:
            p = by_id.get(pid)
        if p is not None:
            dp = drafts[p].depth
            if p >= i or (d.depth is not None and dp is not None and d.depth != dp + 1):
                p = None
        out.append((p, pid))
        if d.post_id is not None:
            by_id.setdefault(d.post_id, i)
    return out


@dataclass(frozen=True)
class Spec:
    """CSS selectors describing one engine's (or one engine version's) thread markup.

    Selectors are relative to the post node except ``post``, ``title`` and the page-number selectors.
    Empty strings mean "not available on this engine".
    """

    engine: str
    prefix: str
    post: str
    body: str
    author: str = ""
    author_attrs: tuple[str, ...] = ()
    user_block: str = ""
    rank: str = ""
    banner: str = ""
    pairs: str = ""
    stat_lines: str = ""
    date: str = ""
    number: str = ""
    permalink: str = ""
    post_id_attrs: tuple[str, ...] = ("id",)
    quote: str = ""
    quote_head: str = ""
    quote_body: str = ""
    quote_author_attrs: tuple[str, ...] = ()
    #: A node inside the quote whose whole text is the quoted poster's name (a rich editor's quote card).
    quote_author: str = ""
    #: A link naming the quoted poster that opens the quote's text (Flarum's ``a.PostMention``): the quote's
    #: author, its ``href`` the quote's source, and not part of the quoted text.
    quote_mention: str = ""
    signature: str = ""
    reactions: str = ""
    edit_note: str = ""
    card: str = ""
    card_title: str = ""
    card_desc: str = ""
    card_domain: str = ""
    drop: str = ""
    chrome: str = ""
    title: str = ""
    page_current: str = ""
    page_last: str = ""
    hook: Callable[[Node, Draft], None] | None = None
    #: Post nodes nested in another matched post (comment lists) are kept only when this is True.
    nested: bool = False
    #: When set, only post nodes whose ``id`` matches this regular expression are kept.
    post_id_re: str = ""
    #: Post-shaped nodes that are the previous post's reactions bar (vBulletin 4's "Post Thank You" add-on box
    #: is an ``li.postcontainer`` of its own): their text goes to that post's ``reactions``.
    reactions_post: str = ""
    #: The ``post`` selector matches a post's first table row; the rows after it with the same ``class`` (up to
    #: the next post's first row) are the rest of that post (phpBB 3.0 subsilver2, SMF 1.1: the poster's name,
    #: the profile beside the message and the buttons each fill a row of their own).
    post_rows: bool = False
    #: A quote header printed as the quote node's previous sibling (``div.quotetitle`` + ``div.quotecontent``):
    #: the quoted author is read from it and it leaves the body with the quote.
    quote_head_before: str = ""
    #: The ``post`` selector matches a header block (author, date) and the message is the next sibling element
    #: when it matches this selector (SMF's print page: ``div.postheader`` then ``div.postbody``); the two are
    #: read as one post.
    body_after: str = ""


Detector = Callable[[str, LexborHTMLParser, str | None], tuple[float, str | None]]


def certain_then_rest(certain: Detector, rest: Detector, doc: str) -> Detector:
    """A pack's ``detect()`` made of its certain checks, then (when none is certain) its uncertain probes: the
    answer :class:`EnginePack` requires ``detect`` to give when it sets ``certain`` and ``rest``."""

    def detect(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
        score, version = certain(html, tree, url)
        if score:
            return score, version
        return rest(html, tree, url)

    detect.__doc__ = doc
    return detect


@dataclass(frozen=True)
class EnginePack:
    """One engine: a detector, the specs to try in order, and optionally a custom extractor."""

    name: str
    prefix: str
    detect: Callable[[str, LexborHTMLParser, str | None], tuple[float, str | None]]
    specs: Sequence[Spec] = ()
    extract: Callable[[LexborHTMLParser, str | None], list[Draft]] | None = None
    doc: str = ""
    #: Optional cheap, certain check (page identity: generator meta, ``<html>``/``<body>`` ids and classes)
    #: returning ``(1.0, version)`` or ``(0.0, None)``. Detection runs these for all packs before any full
    #: ``detect()``, so a page that names its engine is not scanned by every other pack's markup probes.
    identify: Callable[[str, LexborHTMLParser, str | None], tuple[float, str | None]] | None = None
    #: Optional split of ``detect()`` for a page no ``identify()`` named (both set, or ``rest`` alone):
    #: ``certain`` holds its certain checks other than ``identify``'s (``(1.0, version)`` or ``(0.0, None)``),
    #: ``rest`` its uncertain ones (a score under 1.0). ``detect()`` must answer what ``identify``, then
    #: ``certain``, then ``rest`` answer (the first certain one, else ``rest``'s). Detection then runs every
    #: pack's certain checks before any pack's uncertain probes, so that a page one pack is certain of is not
    #: probed by the others' markup selectors (each a walk of the whole tree).
    certain: Callable[[str, LexborHTMLParser, str | None], tuple[float, str | None]] | None = None
    rest: Callable[[str, LexborHTMLParser, str | None], tuple[float, str | None]] | None = None
    #: The selectors ``certain`` and ``rest`` pass to :func:`._detect.has` (a speed-up: one query for all
    #: packs' probes of a kind tells a page that holds none of them without a walk of the tree per probe).
    certain_probes: tuple[str, ...] = ()
    rest_probes: tuple[str, ...] = ()


# ----------------------------------------------------------------------------------------------------------
# Author stats

_LABELS: tuple[tuple[regex.Pattern[str], str], ...] = tuple(
    (lazy(p, regex.IGNORECASE), f)
    for p, f in (
        (
            r"^(?:joined|join date|registered|member since|joined on|registriert|inscription|inscrit)$",
            "joined",
        ),
        (r"^(?:messages|posts|post count|total posts|beiträge|mensajes|replies|comments)$", "messages"),
        (
            r"^(?:reaction score|reactions|likes received|likes|reputation|rep|reputation points|"
            r"thanks received|kudos|solutions|upvotes)$",
            "reaction_score",
        ),
        (r"^(?:points|trophy points|trophies)$", "points"),
        (r"^(?:location|from|wohnort|localisation|ubicación|city)$", "location"),
        (r"^(?:country)$", "country"),
        (r"^(?:website|home page|homepage|web)$", "website"),
    )
)


def _label_field(label: str) -> str | None:
    label = clean_inline(label).rstrip(":：").strip()
    for pat, name in _LABELS:
        if pat.match(label):
            return name
    # every language of the label tables (``Registriert seit``, ``Сообщений``, ``Località`` …)
    return table_label_field(label)


def add_stat(poster: dict[str, Any], label: str, value: str) -> None:
    """Store one ``label: value`` stat in the right :class:`Poster` field (``extra`` when unknown)."""
    label = clean_inline(label).rstrip(":：").strip()
    value = clean_inline(value)
    if not label or not value or len(label) > 40:
        return
    name = _label_field(label)
    if name is None or name.startswith("extra:"):
        # an ``extra`` stat under the label tables' name for it (``主题`` / ``Themen`` / ``Threads`` → ``Threads``),
        # the key the text door gives it too
        key = label if name is None else name[len("extra:") :]
        poster.setdefault("extra", {}).setdefault(key, value[:200])
        return
    if name in poster:
        return
    if name == "joined":
        from ._dom import _parse_loose

        d = _parse_loose(value)
        if d is not None:
            poster["joined"] = d.date() if isinstance(d, _dt.datetime) else d
        else:
            poster.setdefault("extra", {}).setdefault(label, value[:200])
    elif name in ("messages", "reaction_score", "points"):
        n = parse_int(value)
        if n is not None:
            poster[name] = n
    else:
        poster[name] = value[:200]


def _dt_label(dt: Node) -> str:
    text = node_text(dt)
    if text:
        return text
    for n in select(dt, "[title], [aria-label], [data-original-title]"):
        for key in ("title", "aria-label", "data-original-title"):
            v = attr(n, key)
            if v:
                return v
    # an icon-only label (``<dt><i class="fa--xf far fa-calendar">``, the SVG title is stripped with the SVG):
    # the icon names the field
    for n in select(dt, "i[class*='fa-'], span[class*='fa-']"):
        for cls in (attr(n, "class") or "").split():
            field_name = STAT_ICONS.get(cls)
            if field_name is not None:
                return STAT_LABELS[field_name]["en"][0]
    return ""


def poster_from_pairs(container: Node, poster: dict[str, Any]) -> None:
    """Read ``dt``/``dd`` pairs under ``container`` into ``poster`` fields."""
    dts = select(container, "dt")
    dds = select(container, "dd")
    if dts and len(dts) == len(dds):
        for dt, dd in zip(dts, dds, strict=True):
            add_stat(poster, _dt_label(dt), node_text(dd))


_STAT_LINE_RE = lazy(r"^\s*(?P<l>[^:：]{1,40})[:：]\s*(?P<v>.+?)\s*$")
_COUNT_LINE_RE = lazy(
    r"^\s*(?P<v>\d{1,3}(?:[ \u00a0]\d{3})++|[\d.,]+\s*[kKmM]?)\s+(?P<l>[^\W\d_][\w ]{1,30}?)\s*$"
)
#: ``Joined Mar 2014``, ``Posts 1,234``: a label of the tables, no colon, then a value with a digit.
_LABEL_FIRST_RE = lazy(rf"(?i)^\s*(?P<l>{label_alternation()})\s++(?P<v>\S.{{0,80}}?)\s*$")


#: ``12主题``: a count and a Chinese label glued (Discuz!'s poster column prints the count above the label).
_HAN_COUNT_RE = lazy(r"^\s*+(?P<v>\d[\d,]*+)\s*+(?P<l>\p{Han}{1,8})\s*+$")


def poster_from_line(text: str, poster: dict[str, Any]) -> None:
    """Read one ``Label: value``, ``1,234 posts`` or ``12主题`` line into ``poster``."""
    text = clean_inline(text)
    m = _STAT_LINE_RE.match(text)
    if m is not None:
        add_stat(poster, m["l"], m["v"])
        return
    m = _COUNT_LINE_RE.match(text)
    if m is not None:
        add_stat(poster, m["l"], m["v"])
        return
    m = _LABEL_FIRST_RE.match(text)
    if m is not None and any(ch.isdigit() for ch in m["v"]):  # a date or a count, not a sentence
        add_stat(poster, m["l"], m["v"])
        return
    m = _HAN_COUNT_RE.match(text)
    if m is not None:
        add_stat(poster, m["l"], m["v"])


# ----------------------------------------------------------------------------------------------------------
# Quotes

#: Quote header words, from the phrase tables (every language): the verbs after the name, the phrases before it.
_Q_VERBS = "|".join(f"(?:{alternation(c)})" for c in ("said", "wrote", "quote_head_verbs"))
#: The past-tense ones only, for a quote's first line read as its header (``Il dit :`` opens a sentence).
_Q_PAST = "|".join(f"(?:{alternation(c)})" for c in ("said", "wrote"))
_Q_ORIGINALLY = alternation("originally_posted_by")
_Q_WORD = alternation("quote")
_Q_FROM = alternation("classic_quote_from")
#: ``Quote from`` phrases of two words or more (``Cytat`` alone starts ordinary text too).
_Q_FROM_WORDS = "|".join(regex.escape(p).replace(r"\ ", r"[ \t]+") for p in phrases("classic_quote_from") if " " in p)
_Q_ON = alternation("ips_quote_on")
_Q_VIEW_POST = alternation("vb_view_post")
_Q_POSTED_AT = alternation("quote_posted_at")
_Q_MAIL_ON = alternation("mail_attribution_on")

_QHEAD_RES = tuple(
    lazy(p, regex.IGNORECASE)
    for p in (
        rf"^(?:(?:{_Q_WORD}):?\s*)?(?:{_Q_ORIGINALLY}):?\s+(?P<n>.+?)(?:\s+(?:{_Q_VIEW_POST}))?(?:\s*[»›→↑].*)?$",
        rf"^(?:{_Q_FROM}):?\s*(?P<n>.+?)(?:\s+(?:{_Q_ON})\s+.+)?$",
        # (a mail client's ``On <date>, Name wrote:``: the date runs to the last comma)
        rf"^(?:(?:{_Q_MAIL_ON})\s+[^\n]+,\s+(?=[^,]+$)|\([^)]{{4,40}}\)\s*)?(?P<n>.+?)\s+(?:{_Q_VERBS})(?:\s+in\s+.+)?\s*:?(?:\s*[↑»].*)?$",
        rf"^(?:\([^)]*\))\s*(?P<n>.+?)\s+(?:{_Q_VERBS}):?$",
        r"^(?P<n>[\w.@ -]{1,40}):$",
        rf"^(?P<n>[^\s:]\S*(?:[ \t]\S+){{0,3}}?)[ \t]+(?:{_Q_POSTED_AT})[ \t]+\d{{1,4}}[-/.年]\d.*$",
    )
)


#: The first line of a quote element read as its header only in these explicit forms (``Bob:`` could be text).
_TEXT_QHEAD_RE = lazy(
    rf"^(?:(?:{_Q_WORD}):?\s*)?(?:{_Q_ORIGINALLY})\b|^(?:{_Q_FROM_WORDS})\b|^.{{1,60}}\s(?:{_Q_PAST})\s*:",
    regex.IGNORECASE,
)


_EMPTY_PARENS_RE = lazy(r"(?<![ \t])[ \t]*+\([ \t]*+\)$")


def quote_author_from_head(head: str) -> str | None:
    """The quoted author's name from a quote header like ``Alice said:`` or ``Quote from: Bob on …``."""
    head = clean_inline(head)
    if not head or len(head) > 200:
        return None
    if head.endswith(")"):
        head = _EMPTY_PARENS_RE.sub("", head)  # a link to the source that is only an icon: ``Quote Bob ( )``
    if _BARE_QUOTE_HEAD_RE.fullmatch(head):
        return None
    for pat in _QHEAD_RES:
        m = pat.match(head)
        if m is not None:
            name = m["n"].strip(" ,:@\"'“”")
            if name and len(name) <= 60:
                return name
    return None


# ----------------------------------------------------------------------------------------------------------
# Spec application


def _top_level(nodes: Sequence[Node], scope_id: int) -> list[Node]:
    """Keep nodes that are not inside another node of the list (stop climbing at ``scope_id``)."""
    ids = ids_of(nodes)
    if len(ids) <= 1:
        return list(nodes)
    keep: list[Node] = []
    for n in nodes:
        cur = n.parent
        nested = False
        while cur is not None and cur.mem_id != scope_id:
            if cur.mem_id in ids:
                nested = True
                break
            cur = cur.parent
        if not nested:
            keep.append(n)
    return keep


def _select_nodes(scope: Node, selector: str) -> list[Node]:
    if not selector:
        return []
    return list(select(scope, selector))


class PostIndex:
    """The matches of a spec's selectors in the posts of one page, each selector queried once over the part of
    the page that holds the posts (their lowest common ancestor) instead of once per post.

    A query costs a fixed setup (Lexbor parses the selector anew each time) besides its walk, and the walks of
    the posts add up to about that of the part that holds them: a page of twenty posts paid the setup twenty
    times per selector. The answer for a post (or a node inside one) lists the nodes :func:`._dom.select` on it
    lists, in the same order: Lexbor matches a selector against the whole tree (combinators look above the
    query's root too), reports a node once per alternative it matches, in document order, the root included,
    so a query's matches are the region's matches that lie in its subtree.

    Only for posts none of which holds another (each match belongs to one post), and made per page: it holds
    the page's nodes, and goes with the page's drafts."""

    __slots__ = ("_hits", "_own", "_posts", "_region")

    def __init__(self, region: Node, posts: Sequence[Node]) -> None:
        self._region = region
        self._posts = ids_of(posts)
        #: mem_id of a node walked -> mem_id of the post holding it (-1: none)
        self._own: dict[int, int] = {}
        #: selector -> post mem_id -> its matches in that post, as the region's query listed them
        self._hits: dict[str, dict[int, list[Node]]] = {}

    @classmethod
    def of(cls, posts: Sequence[Node]) -> PostIndex | None:
        """The index of ``posts`` (disjoint, in document order), or None when they share no ancestor."""
        if len(posts) < 2:
            return None
        chain: set[int] = set()
        cur: Node | None = posts[0]
        while cur is not None:
            chain.add(cur.mem_id)
            cur = cur.parent
        cur = posts[-1]
        while cur is not None and cur.mem_id not in chain:
            cur = cur.parent
        return None if cur is None else cls(cur, posts)

    def _owner(self, node: Node) -> int:
        walked: list[int] = []
        owner = -1
        cur: Node | None = node
        region = self._region.mem_id
        while cur is not None:
            mid = cur.mem_id
            known = self._own.get(mid)
            if known is not None:
                owner = known
                break
            walked.append(mid)
            if mid in self._posts:
                owner = mid
                break
            if mid == region:
                break
            cur = cur.parent
        for mid in walked:
            self._own[mid] = owner
        return owner

    def _by_post(self, selector: str) -> dict[int, list[Node]]:
        by_post = self._hits.get(selector)
        if by_post is None:
            by_post = {}
            for n in self._region.css(selector):
                by_post.setdefault(self._owner(n), []).append(n)
            self._hits[selector] = by_post
        return by_post

    def first(self, post: Node, selector: str) -> Node | None:
        """``first(post, selector)``: the first match of the first alternative that matches in ``post`` (an
        alternative is queried over the region only when a post gets that far)."""
        if not selector:
            return None
        for alt in alternatives(selector):
            hits = self._by_post(alt).get(post.mem_id)
            if hits:
                return hits[0]
        return None

    def by_priority(self, post: Node, selector: str) -> Iterator[Node]:
        """``by_priority(post, selector)``: each alternative's matches in ``post`` in turn, each node once."""
        seen: set[int] = set()
        for alt in alternatives(selector):
            for n in self._by_post(alt).get(post.mem_id, ()):
                if n.mem_id not in seen:
                    seen.add(n.mem_id)
                    yield n

    def select(self, post: Node, scope: Node, selector: str) -> list[Node]:
        """``select(scope, selector)`` for ``scope`` inside ``post`` (or ``post`` itself), one of the posts."""
        if not selector:
            return []
        hits = self._by_post(selector).get(post.mem_id)
        if not hits:
            return []
        if scope.mem_id != post.mem_id:
            hits = [n for n in hits if _below(n, scope.mem_id, post.mem_id)]
        if "," not in selector:
            return list(hits)
        seen: set[int] = set()
        out: list[Node] = []
        for n in hits:
            mid = n.mem_id
            if mid not in seen:
                seen.add(mid)
                out.append(n)
        return out


def _below(node: Node, target: int, stop: int) -> bool:
    """Whether ``node`` is the node ``target`` or inside it, looking no higher than ``stop`` (an ancestor)."""
    cur: Node | None = node
    while cur is not None:
        mid = cur.mem_id
        if mid == target:
            return True
        if mid == stop:
            return False
        cur = cur.parent
    return False


def _first(index: PostIndex | None, post: Node, selector: str) -> Node | None:
    """``first(post, selector)``, answered by ``index`` when there is one."""
    return first(post, selector) if index is None else index.first(post, selector)


def _by_priority(index: PostIndex | None, post: Node, selector: str) -> Iterator[Node]:
    """``by_priority(post, selector)``, answered by ``index`` when there is one."""
    return by_priority(post, selector) if index is None else index.by_priority(post, selector)


def _scoped(index: PostIndex | None, post: Node | None, scope: Node, selector: str) -> list[Node]:
    """``select(scope, selector)``, answered by ``index`` when there is one (``scope`` inside ``post``)."""
    if index is None or post is None:
        return _select_nodes(scope, selector)
    return index.select(post, scope, selector)


def extract_body(
    body: Node,
    spec: Spec,
    draft: Draft,
    *,
    extra_skip: set[int] | None = None,
    asides: dict[str, list[Node]] | None = None,
    index: PostIndex | None = None,
    post: Node | None = None,
) -> None:
    """Render ``body`` into ``draft.lines``, moving quotes, signature, reactions, cards and chrome out.

    ``asides`` maps ``"signature"``/``"reactions"``/``"edit-note"`` to the matches inside ``body`` when the
    caller already selected them on the whole post (saves selecting again). ``index``: the page's
    :class:`PostIndex`, ``body`` being ``post`` or inside it.
    """
    skip: set[int] = set(extra_skip or ())
    markers: dict[int, str] = {}
    prefix = spec.prefix
    base = body
    quote_nodes = _top_level(_scoped(index, post, body, spec.quote), base.mem_id)
    quote_ids = ids_of(quote_nodes)
    # Chrome inside the body: one removal per post for all of it. Chrome inside a quote (its header, its
    # expand link) goes out with the quote and is recorded by the quote's removal, not here.
    dropped = _scoped(index, post, body, spec.drop)
    if dropped:
        dropped = _top_level(dropped, base.mem_id)
        skip |= ids_of(dropped)
        own = [n for n in dropped if not _inside_any(n, quote_ids, base.mem_id)]
        text = "\n".join(t for t in (node_text(n) for n in own) if t)
        if text:
            draft.removals.append(make_removal(prefix, "post-chrome", text, node_path(own[0], depth=2)))
    for kind, sel in (
        ("signature", spec.signature),
        ("reactions", spec.reactions),
        ("edit-note", spec.edit_note),
    ):
        found = asides.get(kind) if asides is not None else None
        for n in _top_level(found if found is not None else _select_nodes(body, sel), body.mem_id):
            skip.add(n.mem_id)
            _store_aside(kind, n, spec, draft)
    # Link cards.
    for n in _scoped(index, post, body, spec.card):
        if n.mem_id in skip:
            continue
        skip.add(n.mem_id)
        card = link_card(n, spec)
        if card is not None and draft.card is None:
            draft.card = card
        draft.removals.append(make_removal(prefix, "link-card", node_text(n), node_path(n, depth=2)))
    # Quotes: top-level only; nested quotes stay inside their parent's text.
    pending: list[Quote] = []
    for n in quote_nodes:
        if n.mem_id in skip:
            continue
        q = quote_from_node(n, spec)
        if q is None:
            skip.add(n.mem_id)
            continue
        head = _head_before(n, spec.quote_head_before) if spec.quote_head_before else None
        if head is not None:
            # the header before the quote names its author, whatever a nested quote's header inside it says
            skip.add(head.mem_id)
            q = Quote(author=quote_author_from_head(node_text(head)), text=q.text, source=q.source)
        markers[n.mem_id] = f"\x00Q{len(pending)}\x00"
        pending.append(q)
        draft.removals.append(make_removal(prefix, "quote", _quote_removal_text(n, q), node_path(n, depth=2)))
    lines = render_lines(body, skip=skip, markers=markers)
    out: list[str] = []
    for ln in lines:
        if ln.startswith("\x00Q") and ln.endswith("\x00"):
            idx = int(ln[2:-1])
            q = pending[idx]
            if q.author is None and (got := _attribution_before(out)) is not None:
                q = Quote(author=got[0], text=q.text, source=q.source)
                draft.removals.append(make_removal(prefix, "quote", got[1], None))
            draft.quotes.append(q)
            draft.quote_at.append(len(out))
            continue
        if "\x00Q" in ln:
            ln = _MARKER_RE.sub("", ln).strip()
            if not ln:
                continue
        if not ln and (not out or out[-1] == ""):
            continue
        out.append(ln)
    while out and out[-1] == "":
        out.pop()
    # quote positions beyond the end point at len(out)
    draft.quote_at = [min(i, len(out)) for i in draft.quote_at]
    draft.lines = out


#: An attribution line printed as text before a quote names at most this many words.
_ATTRIBUTION_WORDS = 4
_ELLIPSIS_LINE_RE = lazy(r"^[ \t]*+(?:\.{3}|…)[ \t]*+$")


def _attribution_before(out: list[str]) -> tuple[str, str] | None:
    """``(name, text)`` of a quote header printed as a text line just before a quote of no author (``Bob wrote:``,
    a mail's ``On Mon, 2 Oct 2023, Bob wrote:``), taken out of ``out``; an expand link (``...``) between them goes
    too."""
    k = len(out) - 1
    while k >= 0 and not out[k].strip():
        k -= 1
    j = k
    if j >= 0 and _ELLIPSIS_LINE_RE.match(out[j]):
        j -= 1
        while j >= 0 and not out[j].strip():
            j -= 1
    if j < 0:
        return None
    line = out[j].strip()
    if not line.endswith(":") or not _TEXT_QHEAD_RE.match(line):
        return None
    name = quote_author_from_head(line)
    if name is None or len(name.split()) > _ATTRIBUTION_WORDS:
        return None
    removed = "\n".join(x for x in out[j : k + 1] if x.strip())
    del out[j:]
    return name, removed


def _head_before(n: Node, selector: str) -> Node | None:
    """The element just before ``n`` (blank text between them aside) when it matches ``selector``."""
    prev = n.prev
    while prev is not None and prev.tag == "-text" and not (prev.text_content or "").strip():
        prev = prev.prev
    if prev is None or prev.tag in ("-text", "-comment") or not prev.css_matches(selector):
        return None
    return prev


def _flat_text(node: Node, skip: set[int]) -> str:
    """The text of ``node`` on one line, words kept apart, leaving out the subtrees whose ids are in ``skip``."""
    parts: list[str] = []

    def walk(n: Node) -> None:
        for child in n.iter(include_text=True):
            if child.tag == "-text":
                parts.append(child.text_content or "")
            elif child.tag and not child.tag.startswith("-") and child.tag != "!--" and child.mem_id not in skip:
                walk(child)

    if not skip:
        return node_text(node)
    walk(node)
    return clean_inline(" ".join(parts))


def _inside_any(node: Node, ids: set[int], stop: int) -> bool:
    """True when an ancestor of ``node`` (below ``stop``) is in ``ids``."""
    if not ids:
        return False
    cur = node.parent
    while cur is not None and cur.mem_id != stop:
        if cur.mem_id in ids:
            return True
        cur = cur.parent
    return False


def _quote_removal_text(n: Node, q: Quote) -> str:
    """What a quote's removal records: its header line (when it shows one) and the quoted text."""
    full = node_text(n)
    first_words = clean_inline(q.text)[:40]
    i = full.find(first_words) if first_words else -1
    head = full[:i].strip() if i > 0 else ""
    return f"{head}\n{q.text}" if head and len(head) <= 200 else q.text


#: A link to a post: ``/post/123``, ``?p=123``, ``#p123``, ``#post123``, ``#msg123``, ``showpost``, ``findpost``.
_POST_LINK_RE = lazy(r"/posts?/\d|[?&;]p=\d|#p\d|#post-?\d|#msg\d|showpost|findpost|/comments?/\d", regex.IGNORECASE)


def _linked_head(target: Node, lead: str) -> tuple[str, str] | None:
    """The quoted poster and the link when the quote's first line is only their name linked to the quoted post
    and a colon (``<a href="/post/123"><b>Name</b></a>:``), else None."""
    if not lead.endswith(":") or len(lead) > 61:
        return None
    name = lead[:-1].strip()
    if not name:
        return None
    a = first(target, "a[href]")
    href = attr(a, "href") or ""
    if a is None or node_text(a).strip() != name or not _POST_LINK_RE.search(href):
        return None
    return name, href


#: A bold first line ending in a past-tense quote verb, colon or not (``<strong>Bob said</strong>``).
_BOLD_QHEAD_RE = lazy(rf"^.{{1,60}}\s(?:{_Q_PAST})[ \t]*+:?$", regex.IGNORECASE)


def _bold_head(target: Node, lead: str) -> bool:
    """Whether the quote's first line is one bold element (``<p><strong>Bob said</strong></p>``)."""
    if len(lead) > 80 or not _BOLD_QHEAD_RE.match(lead):
        return False
    for t in target.traverse(include_text=True):
        if t.tag != "-text" or not (t.text_content or "").strip():
            continue
        cur = t.parent
        while cur is not None and cur.mem_id != target.mem_id:
            if cur.tag in ("strong", "b") and clean_inline(node_text(cur)) == lead:
                return True
            cur = cur.parent
        return False
    return False


def quote_from_node(n: Node, spec: Spec) -> Quote | None:
    """A :class:`Quote` from a quote node: author from attributes or the header, text from the content."""
    author: str | None = None
    for key in spec.quote_author_attrs:
        v = attr(n, key)
        if v:
            author = v.split(",")[0].strip() if key in ("data-quote", "data-author") else v
            break
    heads = _select_nodes(n, spec.quote_head)
    skip = ids_of(heads)
    if author is None and spec.quote_author:
        name_node = first(n, spec.quote_author)
        author = (clean_inline(node_text(name_node)) or None) if name_node is not None else None
    if author is None:
        for h in heads:
            author = quote_author_from_head(node_text(h))
            if author:
                break
    content = first(n, spec.quote_body) if spec.quote_body else None
    target = content if content is not None else n
    drops = _select_nodes(target, spec.drop)
    skip |= ids_of(drops)
    lines = render_lines(target, skip=skip)
    link: str | None = None
    if not heads and author is None and len(lines) > 1:
        # a header written as plain text in the quote's first line (``Originally Posted by Bob``)
        lead = lines[0].strip()
        if _TEXT_QHEAD_RE.match(lead) and (who := quote_author_from_head(lead)) is not None:
            author, lines = who, lines[1:]
        elif (linked := _linked_head(target, lead)) is not None:
            (author, link), lines = linked, lines[1:]
        elif _bold_head(target, lead) and (who := quote_author_from_head(lead)) is not None:
            author, lines = who, lines[1:]
    source = attr(n, "data-source") or attr(n, "data-post") or link
    if author is None and spec.quote_mention and lines:
        mention = first(target, spec.quote_mention)
        name = node_text(mention).strip() if mention is not None else ""
        lead = lines[0].lstrip()
        if name and lead.startswith(name) and (len(lead) == len(name) or not lead[len(name)].isalnum()):
            # the quote opens with a mention of the quoted poster: the author, not quoted text
            author = name.lstrip("@")
            lines = [lead[len(name) :].lstrip(" \t:,"), *lines[1:]]
            source = source or attr(mention, "href")
    if lines and all(ln.startswith(">") for ln in lines if ln.strip()):
        # a mail's quoted text, every line marked ``> ``: the marks go
        lines = [_MAIL_QUOTE_MARK_RE.sub("", ln) for ln in lines]
    text = "\n".join(lines)
    if not text.strip():
        return None
    return Quote(author=author, text=text.strip(), source=source)


def link_card(n: Node, spec: Spec) -> LinkCard | None:
    """A :class:`LinkCard` from a link-preview node."""
    title = node_text(first(n, spec.card_title)) if spec.card_title else ""
    desc = node_text(first(n, spec.card_desc)) if spec.card_desc else ""
    domain = node_text(first(n, spec.card_domain)).strip("() ") if spec.card_domain else ""
    url = attr(n, "data-url") or attr(n, "data-onebox-src") or attr(n, "href")
    if url is None:
        a = n.css_first("a[href^=http]")
        url = attr(a, "href")
    if not domain:
        domain = attr(n, "data-host") or ""
        if not domain and url:
            m = _URL_HOST_RE.match(url)
            domain = m.group(1) if m else ""
    if not (title or desc or url):
        return None
    return LinkCard(title=title or None, summary=desc or None, domain=domain or None, url=url)


def _store_aside(kind: str, n: Node, spec: Spec, draft: Draft) -> None:
    # screen-reader labels and other chrome inside the aside stay out of the stored value
    text = "\n".join(render_lines(n, images=False, skip=ids_of(_select_nodes(n, spec.drop)))).strip()
    if not text:
        return
    if kind == "signature":
        draft.signature = text if draft.signature is None else draft.signature + "\n" + text
    elif kind == "reactions":
        draft.reactions = clean_inline(text) if draft.reactions is None else draft.reactions
    elif kind == "edit-note":
        note = clean_inline(text)
        if note.startswith("(") and note.endswith(")"):
            note = note[1:-1].strip()  # MyBB "(This post was last modified: …)"
        draft.edit_note = note if draft.edit_note is None else draft.edit_note
    removed = (text if kind == "signature" else node_text(n)) or text
    draft.removals.append(make_removal(spec.prefix, kind, removed, node_path(n, depth=2)))


def _post_id(post: Node, spec: Spec) -> str | None:
    for key in spec.post_id_attrs:
        v = attr(post, key)
        if v:
            m = _DIGITS_RE.search(v)
            return m.group(0) if m else v
    return None


def fill_author(post: Node, spec: Spec, draft: Draft, index: PostIndex | None = None) -> None:
    """Author name, rank, banner and stats from the spec's selectors (``index``: the page's :class:`PostIndex`)."""
    name: str | None = None
    if spec.author:
        n = _first(index, post, spec.author)
        if n is not None:
            name = node_text(n) or attr(n, "title") or attr(n, "aria-label")
    if not name:
        for key in spec.author_attrs:
            name = attr(post, key)
            if name:
                break
    if name:
        draft.author = name[:120]
    if spec.rank and "rank" not in draft.poster:
        r = node_text(_first(index, post, spec.rank))
        if r:
            draft.poster["rank"] = r[:120]
    if spec.banner and "banner" not in draft.poster:
        b = node_text(_first(index, post, spec.banner))
        if b:
            draft.poster["banner"] = b[:120]
    if spec.pairs:
        for c in _scoped(index, post, post, spec.pairs):
            poster_from_pairs(c, draft.poster)
    if spec.stat_lines:
        for c in _scoped(index, post, post, spec.stat_lines):
            poster_from_line(node_text(c), draft.poster)


_NUMBER_RE = lazy(r"^(?:post\s*)?(?:#|№|no\.?\s*)?\s*(\d[\d,.]{0,8})$", regex.IGNORECASE)


#: A post whose body selector found nothing gets the rest of its text as its body when that holds this many words.
_FALLBACK_MIN_WORDS = 5


def extract_post(post: Node, spec: Spec, index: PostIndex | None = None) -> Draft:
    """Apply ``spec`` to one post node (``index``: the :class:`PostIndex` of the page's posts)."""
    draft = Draft()
    draft.post_id = _post_id(post, spec)
    fill_author(post, spec, draft, index)
    if spec.date:
        for dn in _by_priority(index, post, spec.date):
            d, raw = date_from_node(dn)
            if d is not None:
                draft.date, draft.date_raw = d, raw
                break
            if draft.date_raw is None and raw:
                draft.date_raw = raw[:80]
    if spec.number:
        for nn in _by_priority(index, post, spec.number):
            m = _NUMBER_RE.match(node_text(nn))
            if m is not None:
                draft.number = int(m.group(1).replace(",", "").replace(".", ""))
                break
    if spec.permalink:
        pl = _first(index, post, spec.permalink)
        draft.permalink = attr(pl, "href") or attr(pl, "content")
    body = _first(index, post, spec.body)
    skip: set[int] = set()
    aside_ids: set[int] = set()
    if body is not None:
        # asides that live outside the body node (signature below the message, reactions bar …); the ones
        # inside it are handed to extract_body, which records them in its own order
        inner: dict[str, list[Node]] = {}
        for kind, sel in (
            ("signature", spec.signature),
            ("reactions", spec.reactions),
            ("edit-note", spec.edit_note),
        ):
            if not sel:
                continue
            matched = _scoped(index, post, post, sel)
            inner[kind] = [n for n in matched if _inside(n, body)]
            for n in _top_level(matched, post.mem_id):
                if _inside(n, body):
                    continue
                aside_ids.add(n.mem_id)
                _store_aside(kind, n, spec, draft)
        extract_body(body, spec, draft, extra_skip=skip, asides=inner, index=index, post=post)
    if spec.user_block:
        ub = _first(index, post, spec.user_block)
        if ub is not None and (body is None or not _inside(ub, body)):
            text = node_text(ub)
            if text:
                draft.removals.insert(
                    0, make_removal(spec.prefix, "author-block", text, node_path(ub, depth=2))
                )
    if spec.chrome:
        parts = [n for n in _scoped(index, post, post, spec.chrome) if body is None or not _inside(n, body)]
        parts = _top_level(parts, post.mem_id)
        # a reactions bar or signature inside the footer was already recorded as such
        text = "\n".join(t for t in (_flat_text(n, aside_ids) for n in parts) if t)
        if text:
            draft.removals.append(make_removal(spec.prefix, "buttons", text, node_path(parts[0], depth=2)))
    if body is None and spec.body:
        # The pack's body selector missed (a theme's markup differs): rather than lose the text, the body is the
        # post's text less what the other selectors read (author block, date, number, buttons, asides).
        taken: set[int] = set()
        for sel in (
            spec.user_block,
            spec.author,
            spec.rank,
            spec.banner,
            spec.pairs,
            spec.stat_lines,
            spec.date,
            spec.number,
            spec.permalink,
            spec.chrome,
            spec.signature,
            spec.reactions,
            spec.edit_note,
            spec.title,
        ):
            if sel:
                taken.update(n.mem_id for n in select(post, sel))
        before = len(draft.lines)
        extract_body(post, spec, draft, extra_skip=taken, index=index, post=post)
        found = [x for x in draft.lines[before:] if x.strip()]
        if sum(len(x.split()) for x in found) >= _FALLBACK_MIN_WORDS:
            draft.fallback = True
        elif found:
            # a pagination link or a flair in a post-shaped box: recorded, not a body
            del draft.lines[before:]
            draft.removals.append(make_removal(spec.prefix, "unselected-text", "\n".join(found), node_path(post, depth=2)))
    if spec.hook is not None:
        spec.hook(post, draft)
    return draft


def _inside(node: Node, ancestor: Node) -> bool:
    target = ancestor.mem_id
    cur: Node | None = node
    while cur is not None:
        if cur.mem_id == target:
            return True
        cur = cur.parent
    return False


def _row_groups(starts: Sequence[Node], keep: list[LexborHTMLParser]) -> list[Node]:
    """One ``<table>`` per post: each start row with the rows after it that carry its ``class``, stopping at the
    next start row (parsed apart; the parsers go to ``keep`` so their nodes stay valid)."""
    start_ids = ids_of(starts)
    out: list[Node] = []
    for row in starts:
        cls = row.attributes.get("class") or ""
        parts = [row.html or ""]
        sib = row.next
        while sib is not None:
            if sib.tag == "tr":
                if sib.mem_id in start_ids or (sib.attributes.get("class") or "") != cls:
                    break
                parts.append(sib.html or "")
            elif sib.tag not in ("-text", "-comment"):
                break
            sib = sib.next
        _parse_apart("table", parts, "table", keep, out)
    return out


def _parse_apart(tag: str, parts: list[str], root: str, keep: list[LexborHTMLParser], out: list[Node]) -> None:
    """Parse the markup ``parts`` inside a ``<tag>`` as a document of its own (kept in ``keep`` so that its nodes
    stay valid) and add its ``root`` element to ``out``."""
    doc = LexborHTMLParser(f"<{tag}>" + "".join(parts) + f"</{tag}>")
    keep.append(doc)
    node = doc.css_first(root)
    if node is not None:
        out.append(node)


def _header_body_pairs(starts: Sequence[Node], body: str, keep: list[LexborHTMLParser]) -> list[Node]:
    """One ``<div>`` per post: each header block with the element after it when that matches ``body`` (parsed
    apart, as :func:`_row_groups` does)."""
    out: list[Node] = []
    for head in starts:
        parts = [head.html or ""]
        sib = head.next
        while sib is not None and sib.tag in ("-text", "-comment"):
            sib = sib.next
        if sib is not None and sib.css_matches(body):
            parts.append(sib.html or "")
        _parse_apart("div", parts, "body > div", keep, out)
    return out


def extract_with_spec(tree: LexborHTMLParser, spec: Spec) -> list[Draft]:
    """All posts of the page under ``spec`` (empty when its post selector finds nothing)."""
    root = tree.root
    if root is None:
        return []
    nodes = list(select(tree, spec.post))
    keep: list[LexborHTMLParser] = []
    if spec.post_rows and nodes:
        nodes = _row_groups(nodes, keep)
    elif spec.body_after and nodes:
        nodes = _header_body_pairs(nodes, spec.body_after, keep)
    if spec.post_id_re:
        pat = regex.compile(spec.post_id_re)
        nodes = [n for n in nodes if pat.match(n.attributes.get("id") or "")]
    if not nodes:
        return []
    if not spec.nested:
        nodes = _top_level(nodes, -1)
    # (rows regrouped into tables of their own lie in documents of their own; nested posts share matches)
    index = None if spec.nested or keep else PostIndex.of(nodes)
    drafts: list[Draft] = []
    orphans: list[Removal] = []
    aside_ids = {x.mem_id for x in select(tree, spec.reactions_post)} if spec.reactions_post else set()
    for n in nodes:
        if n.mem_id in aside_ids:
            text = node_text(n)
            if drafts and text:
                prev = drafts[-1]
                lines = render_lines(n, images=False)
                prev.reactions = prev.reactions or clean_inline(" ".join(lines))
                prev.removals.append(make_removal(spec.prefix, "reactions", text, node_path(n, depth=2)))
            elif text:
                orphans.append(make_removal(spec.prefix, "reactions", text, node_path(n, depth=2)))
            continue
        d = extract_post(n, spec, index)
        d.node_id = n.mem_id
        if d.discard is not None:
            text = "\n".join([d.discard, *(x for x in d.lines if x)])
            orphans.append(make_removal(spec.prefix, "system-post", text, node_path(n, depth=2)))
            if drafts:
                drafts[-1].removals.extend(orphans)
                orphans = []
            continue
        if d.has_content() or d.author:
            if orphans:
                d.removals[:0] = orphans
                orphans = []
            drafts.append(d)
    return drafts
