"""Result classes: frozen attrs records that explain themselves and serialise to a stable JSON schema.

Nothing here imports selectolax: the model is shared by the text door and the HTML door.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from typing import Any, Literal

import attrs

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Comment",
    "Document",
    "LinkCard",
    "Post",
    "Poster",
    "Quote",
    "Removal",
]

#: Version of the JSON schema produced by :meth:`Document.to_dict`.
SCHEMA_VERSION = 1

DateLike = _dt.date | _dt.datetime


def _iso(value: object) -> object:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value


@attrs.frozen
class Poster:
    """The author of a post, with the stats the forum printed beside the name.

    ``joined`` is a :class:`datetime.date`; counts are ``int``; anything the page shows that has no field of
    its own lands in ``extra`` (label -> value, as written).
    """

    name: str | None = None
    rank: str | None = None
    joined: _dt.date | None = None
    messages: int | None = None
    reaction_score: int | None = None
    points: int | None = None
    location: str | None = None
    country: str | None = None
    website: str | None = None
    banner: str | None = None
    extra: Mapping[str, str] = attrs.field(factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form with ISO dates."""
        return {
            "name": self.name,
            "rank": self.rank,
            "joined": _iso(self.joined),
            "messages": self.messages,
            "reaction_score": self.reaction_score,
            "points": self.points,
            "location": self.location,
            "country": self.country,
            "website": self.website,
            "banner": self.banner,
            "extra": dict(self.extra),
        }


@attrs.frozen
class LinkCard:
    """A link-preview card (title, summary, domain) that a forum rendered for a pasted URL."""

    title: str | None = None
    summary: str | None = None
    domain: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form; ``url`` appears only when the card's link target is known."""
        out: dict[str, Any] = {"title": self.title, "summary": self.summary, "domain": self.domain}
        if self.url is not None:
            out["url"] = self.url
        return out


@attrs.frozen
class Article:
    """Metadata of a news article that a post reposts: headline, byline, dateline, caption, credit, source."""

    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    published: DateLike | None = None
    published_raw: str | None = None
    image_caption: str | None = None
    image_credit: str | None = None
    source_domain: str | None = None
    link_card: LinkCard | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form with ISO dates."""
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": list(self.authors),
            "published": _iso(self.published),
            "published_raw": self.published_raw,
            "image_caption": self.image_caption,
            "image_credit": self.image_credit,
            "source_domain": self.source_domain,
            "link_card": self.link_card.to_dict() if self.link_card else None,
        }


@attrs.frozen
class Quote:
    """Text quoted from another post. ``author`` is ``None`` when the quote carries no attribution."""

    author: str | None
    text: str
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form."""
        return {"author": self.author, "text": self.text, "source": self.source}


@attrs.frozen
class Comment:
    """A comment attached to a post (Stack Exchange's comments under a question or an answer).

    Comments annotate a post rather than continue the thread, so :attr:`Document.text` leaves them out;
    ``render(comments="inline")`` puts each one after the body of the post it belongs to.
    """

    text: str
    author: str | None = None
    date: DateLike | None = None
    date_raw: str | None = None
    comment_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form with an ISO date."""
        return {
            "author": self.author,
            "date": _iso(self.date),
            "date_raw": self.date_raw,
            "comment_id": self.comment_id,
            "text": self.text,
        }

    def render(self) -> str:
        """The comment as a reader sees it: its text, then ``– author`` when known."""
        return f"{self.text} – {self.author}" if self.author else self.text


@attrs.frozen
class Removal:
    """One cut: which rule, what it removed, where, and why.

    Text input: ``lines`` is the 0-based inclusive line range in the input and ``span`` the character range.
    HTML input: ``node`` is a CSS-like path of the removed node (``lines``/``span`` may be ``None``).
    ``moved_to`` names the metadata field the removed text went to, if any.
    """

    code: str
    name: str
    reason: str
    text: str
    lines: tuple[int, int] | None = None
    span: tuple[int, int] | None = None
    node: str | None = None
    post: int | None = None
    moved_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form."""
        return {
            "code": self.code,
            "name": self.name,
            "reason": self.reason,
            "text": self.text,
            "lines": list(self.lines) if self.lines else None,
            "span": list(self.span) if self.span else None,
            "node": self.node,
            "post": self.post,
            "moved_to": self.moved_to,
        }

    def describe(self) -> str:
        """One ruff-style line: ``CODE name  L1-10  'excerpt'  reason``."""
        if self.lines is not None:
            a, b = self.lines
            where = f"L{a + 1}" if a == b else f"L{a + 1}-{b + 1}"
        elif self.node:
            where = self.node
        else:
            where = "-"
        flat = " / ".join(part.strip() for part in self.text.splitlines() if part.strip())
        excerpt = flat if len(flat) <= 48 else flat[:47] + "…"
        moved = f" (moved to {self.moved_to})" if self.moved_to and "moved to" not in self.reason else ""
        reason = self.reason + moved
        return f"{self.code} {self.name:<22} {where:<10} {excerpt!r} {reason}"


@attrs.frozen
class Post:
    """One forum post: who wrote it, when, its clean body, and everything that was taken out of the body."""

    body: str
    author: Poster | None = None
    #: The post's own subject line, where the forum prints one (``Re: …`` in phpBB, vBulletin, SMF).
    title: str | None = None
    date: DateLike | None = None
    date_raw: str | None = None
    quotes: tuple[Quote, ...] = ()
    signature: str | None = None
    article: Article | None = None
    reactions: str | None = None
    edit_note: str | None = None
    post_id: str | None = None
    number: int | None = None
    permalink: str | None = None
    lines: tuple[int, int] | None = None
    #: Body lines interleaved with quote markers, used by :meth:`Document.render` for inline quotes.
    layout: tuple[tuple[Literal["text", "quote"], int], ...] = ()
    #: Comments on this post (Stack Exchange), in page order; not part of :attr:`body`.
    comments: tuple[Comment, ...] = ()
    #: Reply trees (HTML door only; ``None`` when the page does not show nesting). ``depth`` counts reply steps
    #: from the thread's root: the opening post a page's comments answer (a Reddit or Lemmy submission, a Hacker
    #: News story, the article above a comment section) is 0 and the comments on it 1; on a page that shows no
    #: opening post, top-level comments are 0. ``parent`` is the index in :attr:`Document.posts` of the post this
    #: one answers, always a lower index, and then ``depth`` is its ``depth + 1``; it is ``None`` for a root and
    #: for a reply whose parent is not among the posts (on another page, collapsed, or dropped as a system post:
    #: ``depth`` still says where the reply sits). ``parent_id`` is the :attr:`post_id` of the post answered, when
    #: the markup names it, whether or not that post is on the page. A quoted post is not a parent
    #: (:attr:`quotes`).
    depth: int | None = None
    parent: int | None = None
    parent_id: str | None = None

    def render(
        self,
        *,
        quotes: Literal["omit", "inline"] = "omit",
        headers: bool = False,
        comments: Literal["omit", "inline"] = "omit",
    ) -> str:
        """This post as text: optional header lines (author, date), then the body, quotes inline if asked, then
        the comments on it if asked (one paragraph each)."""
        out: list[str] = []
        if headers:
            if self.author is not None and self.author.name:
                out.append(self.author.name)
            # the date as the page printed it, else a readable form of the parsed date
            if self.date_raw:
                out.append(self.date_raw)
            elif self.date is not None:
                out.append(_human_date(self.date))
        if quotes == "inline" and self.quotes:
            out.append(self._inline_body())
        elif self.body:
            out.append(self.body)
        text = "\n".join(part for part in out if part)
        if comments != "inline" or not self.comments:
            return text
        return "\n\n".join([*([text] if text else []), *(c.render() for c in self.comments)])

    def _inline_body(self) -> str:
        parts: list[str] = []
        if not self.layout:
            parts.extend(_quote_text(q) for q in self.quotes)
            if self.body:
                parts.append(self.body)
            return "\n".join(parts)
        body_lines = self.body.split("\n") if self.body else []
        for kind, index in self.layout:
            if kind == "quote":
                parts.append(_quote_text(self.quotes[index]))
            elif index < len(body_lines):
                parts.append(body_lines[index])
        return "\n".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form with ISO dates; ``depth``, ``parent`` and ``parent_id`` appear only when set."""
        out: dict[str, Any] = {
            "author": self.author.to_dict() if self.author else None,
            "title": self.title,
            "date": _iso(self.date),
            "date_raw": self.date_raw,
            "post_id": self.post_id,
            "number": self.number,
            "permalink": self.permalink,
            "article": self.article.to_dict() if self.article else None,
            "body": self.body,
            "quotes": [q.to_dict() for q in self.quotes],
            "comments": [c.to_dict() for c in self.comments],
            "signature": self.signature,
            "reactions": self.reactions,
            "edit_note": self.edit_note,
            "lines": list(self.lines) if self.lines else None,
        }
        # reply-tree fields only where the page shows a tree, so flat threads keep their schema
        for key in ("depth", "parent", "parent_id"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


def _quote_text(q: Quote) -> str:
    head = f"{q.author} said:\n" if q.author else ""
    return head + q.text


def _human_date(value: DateLike) -> str:
    if isinstance(value, _dt.datetime):
        return value.strftime("%b %d, %Y %H:%M").replace(" 0", " ")
    return value.strftime("%b %d, %Y").replace(" 0", " ")


@attrs.frozen
class Document:
    """The result of :func:`postclean.clean`: posts in order, the engine seen, and every removal.

    ``flags`` lists conditions a pipeline may want to filter on (``"no-forum-structure"``: no engine was
    recognised and no post boundaries were found, so the text went through the generic rules only;
    ``"high-removal-ratio"``, ``"decoded-with-replacement"``, ``"empty-input"``, ``"engine-from-chrome"``: the
    engine was named by the chrome its pack's rules took, not by a sniffer; ``"html-nesting-capped"``: the page
    nested elements thousands deep, and the markup below the first 512 levels was dropped, its text kept …).
    """

    posts: tuple[Post, ...]
    engine: str | None = None
    engine_version: str | None = None
    engine_confidence: float = 0.0
    kind: Literal["text", "html"] = "text"
    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    starter: str | None = None
    page: int | None = None
    pages: int | None = None
    removals: tuple[Removal, ...] = ()
    flags: tuple[str, ...] = ()
    input_chars: int = 0
    removed_chars: int = 0

    @property
    def text(self) -> str:
        """All post bodies in order, separated by a blank line; quotes left out. Same as :meth:`render`."""
        return self.render()

    @property
    def removal_ratio(self) -> float:
        """Share of non-whitespace input characters that left the bodies (removed or moved to metadata)."""
        if not self.input_chars:
            return 0.0
        return min(1.0, self.removed_chars / self.input_chars)

    def render(
        self,
        *,
        quotes: Literal["omit", "inline"] = "omit",
        headers: bool = False,
        comments: Literal["omit", "inline"] = "omit",
    ) -> str:
        """Render all posts as plain text.

        ``quotes="inline"`` puts quoted text back where it was (``Name said:`` then the text);
        ``headers=True`` adds the poster's name and the post date (when known) before each body;
        ``comments="inline"`` adds each post's comments after its body (``text – author``).
        """
        if quotes not in ("omit", "inline"):
            raise ValueError(f"quotes must be 'omit' or 'inline', not {quotes!r}")
        if comments not in ("omit", "inline"):
            raise ValueError(f"comments must be 'omit' or 'inline', not {comments!r}")
        chunks = [p.render(quotes=quotes, headers=headers, comments=comments) for p in self.posts]
        return "\n\n".join(c for c in chunks if c)

    def explain(self) -> str:
        """One line per removal, ruff-style: rule code, name, lines (or node), excerpt, reason."""
        return "\n".join(r.describe() for r in self.removals)

    def to_dict(self) -> dict[str, Any]:
        """Stable JSON-ready form (``schema`` is :data:`SCHEMA_VERSION`)."""
        return {
            "schema": SCHEMA_VERSION,
            "kind": self.kind,
            "engine": self.engine,
            "engine_version": self.engine_version,
            "engine_confidence": round(self.engine_confidence, 3),
            "title": self.title,
            "url": self.url,
            "canonical_url": self.canonical_url,
            "starter": self.starter,
            "page": self.page,
            "pages": self.pages,
            "flags": list(self.flags),
            "removal_ratio": round(self.removal_ratio, 4),
            "posts": [p.to_dict() for p in self.posts],
            "removals": [r.to_dict() for r in self.removals],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """:meth:`to_dict` as a JSON string (UTF-8 characters kept as they are)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
