"""Repeated post structures on pages no engine pack knows.

Forum, comment and Q&A software prints every post with the same markup: an element of one tag and class (or
one id pattern) that holds an author name, a date and a body. The finder groups elements by such signatures
across the whole page (members need not be siblings: wrappers, nested comment trees and "first post"
variants are common), scores each group by the text its members hold and by how many of them show an author
and a date, and turns the best group's members into posts: author, date, body (the text-richest part that is
not the header), quotes and signatures out of the body, buttons and share rows dropped.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import chain, pairwise

import regex

from .._lazy import lazy
from ._base import Draft, Spec, extract_body, make_removal, poster_from_line
from ._dom import Node, attr, clean_inline, date_from_node, node_path, render_lines, select
from ._generic_index import DATE_TOKEN_RE, Index, loose_date

__all__ = ["Group", "find_groups", "lead_post", "posts_from_group"]

PREFIX = "GNH"

#: Quote, signature and in-post chrome markup common to forum and comment software.
SPEC = Spec(
    engine="generic",
    prefix=PREFIX,
    post="",
    body="",
    quote=(
        "blockquote, .quote, .bbcode_quote, .bbCodeQuote, .quotebox, .quote-box, .quoted, .post-quote, "
        "[class*=quotecontainer], [class*=QuoteContainer], [class*=QuoteBlock], [class*=quoteblock], "
        "[class$=-quote], [class$=_quote], .quoted-text"
    ),
    quote_head=(
        "cite, .quote-author, [class*=quotehead], [class*=quote-head], [class*=quote_head], .quotetitle, "
        ".quote_title, [class*=quote-title], .bbcode_quote_header, "
        ".bbCodeBlock-title, .title, .author, .attribution, [class*=QuoteName], [class*=quotename]"
    ),
    quote_author_attrs=("data-author", "data-username", "data-quote", "data-user"),
    signature=(
        ".signature, .Signature, .post-signature, .postsignature, .sig, .usersig, [class*=signature], "
        "[class*=Signature]"
    ),
    edit_note=(
        "div.edited, span.edited, p.edited, .edit-note, .editnote, .editNote, [class*=EditNote], .post-edited, "
        ".lastedit, .last-edit, .lastedited"
    ),
    drop=".sr-only, .visually-hidden, .screen-reader-text, [hidden], [aria-hidden=true], button, [role=button]",
)

#: The same for post bodies, whose in-body chrome comes from the page index instead of CSS.
BODY_SPEC = replace(SPEC, drop="")

#: Class / id tokens of a post's body element.
_BODY_TOKEN_RE = lazy(
    r"body|content|message|msg|text|entry|cooked|markdown|prose|post-?text|comment-?text|article|description",
    regex.IGNORECASE,
)
_NOT_BODY_TOKEN_RE = lazy(
    r"header|footer|meta|author|user|sig|avatar|info|wrap|outer|layout", regex.IGNORECASE
)
_ID_PREFIX_RE = lazy(r"^([A-Za-z][A-Za-z_-]*?)[-_]?\d+$")
_DIGITS_RE = lazy(r"\d+")
_AUTHOR_PREFIX_RE = lazy(
    r"^(?:(?:posted|written|submitted|asked|answered|commented|started|created|reply|replied)\s+)?"
    r"(?:by|von|par|por|da)\s*:?\s+|^@",
    regex.IGNORECASE,
)
#: Where a byline's name ends: "by Name on …", "by Name from …", "by Name in …".
_BYLINE_TAIL_RE = lazy(r"(?<!\s)\s+(?:on|at|from|in|am|le|el)\s|(?<!\s)\s*[·|•]\s*", regex.IGNORECASE)
_AUTHOR_JUNK_RE = lazy(
    r"^(?:reply|quote|report|share|like|permalink|link|edit|delete|flag|vote|upvote|downvote|more|view|"
    r"profile|follow|posts?|#\d+|\d+|guest|anonymous\s+user|sign\s*up|sign\s*in|log\s*in|login|register|"
    r"join|subscribe|re:.*)$",
    regex.IGNORECASE,
)

#: How many ancestors of the first post the lead-post search climbs (a story and its comment list can sit in
#: different page columns several wrappers apart).
_LEAD_LEVELS = 10
#: Non-link text around a profile link above which the link is a mention in prose, not a byline.
_PROSE_CHARS = 200
#: Cap on the text counted per member, so one giant block does not make a group.
_TEXT_CAP = 6000
#: A member with more dates than this is a region holding many posts, not one post.
_MAX_DATES = 6
_MAX_AUTHORS = 10


@dataclass
class Group:
    """A set of elements sharing a signature, with the figures used to rank it."""

    signature: str
    members: list[int]
    score: float
    text: int
    author_share: float
    date_share: float


def _signatures(ix: Index, i: int) -> list[str]:
    tag = ix.tags[i]
    out: list[str] = []
    cls = ix.classes[i]
    if cls:
        toks = [t for t in (_DIGITS_RE.sub("", c) for c in cls.split()) if t]
        if toks:
            out.append(tag + "." + ".".join(sorted(set(toks))))
            if len(toks) > 1:
                out.append(tag + "." + toks[0])
    ident = ix.ids[i]
    if ident:
        m = _ID_PREFIX_RE.match(ident)
        if m is not None:
            out.append(tag + "#" + m.group(1))
    if not cls and ix.parent[i] >= 0:
        out.append(f"{ix.parent[i]}>{tag}")
    return out


_CANDIDATE_TAGS = frozenset(
    {
        "div",
        "article",
        "li",
        "tr",
        "section",
        "td",
        "tbody",
        "table",
        "dd",
        "dl",
        "ul",
        "p",
        "span",
        "aside",
        "main",
        "header",
        "blockquote",
        "shreddit-comment",
    }
)


def find_groups(ix: Index, *, limit: int = 5) -> list[Group]:
    """The best-scoring groups of repeated post-like elements, best first."""
    groups: dict[str, list[int]] = defaultdict(list)
    tlen, chrome, tags = ix.tlen, ix.chrome, ix.tags
    for i in range(len(ix)):
        if tlen[i] < 2 or chrome[i] or tags[i] not in _CANDIDATE_TAGS:
            continue
        for sig in _signatures(ix, i):
            groups[sig].append(i)
    scored: list[Group] = []
    seen: set[tuple[int, ...]] = set()
    for sig, members in groups.items():
        if len(members) < 2 or len(members) > 2000:
            continue
        key = tuple(members)
        if key in seen:
            continue
        seen.add(key)
        g = _score(ix, sig, members)
        if g is not None:
            scored.append(g)
    scored.sort(key=lambda g: -g.score)
    return scored[:limit]


def _nested_parents(ix: Index, members: list[int]) -> dict[int, int]:
    """For each member nested in another member, the nearest enclosing member."""
    mset = set(members)
    out: dict[int, int] = {}
    parent = ix.parent
    for m in members:
        p = parent[m]
        steps = 0
        while p >= 0 and steps < 80:
            if p in mset:
                out[m] = p
                break
            p = parent[p]
            steps += 1
    return out


def _own_values(ix: Index, members: list[int]) -> tuple[dict[int, list[int]], dict[int, int]]:
    """Per member ``[text, link text, dates, authors]`` minus what nested members hold."""
    nested = _nested_parents(ix, members)
    vals = {m: [ix.tlen[m], ix.llen[m], ix.ndate[m], ix.nauth[m]] for m in members}
    for child, par in nested.items():
        v = vals[par]
        v[0] -= ix.tlen[child]
        v[1] -= ix.llen[child]
        v[2] -= ix.ndate[child]
        v[3] -= ix.nauth[child]
    return vals, nested


def _score(ix: Index, sig: str, members: list[int]) -> Group | None:
    total = sum(ix.tlen[m] for m in members)
    if total < 80:
        return None
    vals, _ = _own_values(ix, members)
    n = len(members)
    text = 0
    links = 0
    with_author = 0
    with_date = 0
    for m in members:
        t, ln, nd, na = vals[m]
        text += min(t - ln, _TEXT_CAP)
        links += ln
        if 1 <= nd <= _MAX_DATES:
            with_date += 1
        if 1 <= na <= _MAX_AUTHORS:
            with_author += 1
    if text < 80:
        return None
    fa, fd = with_author / n, with_date / n
    if fa < 0.3 and fd < 0.3:
        return None
    density = links / max(1, text + links)
    score = text * (0.2 + 0.4 * fa + 0.4 * fd) * (1.0 - density) ** 2
    return Group(sig, members, score, text, fa, fd)


# ----------------------------------------------------------------------------------------------- posts


def _skip_ranges(ix: Index, m: int, nested_children: list[int]) -> list[tuple[int, int]]:
    return [(c, c + ix.size[c]) for c in nested_children]


def _in_ranges(i: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= i < b for a, b in ranges)


def _own(start: int, end: int, ranges: list[tuple[int, int]]) -> Iterable[int]:
    """The positions ``start … end - 1`` outside ``ranges`` (nested members' subtrees), in order.

    Jumps over the ranges instead of testing every position: a post's own part costs its own size, not the
    size of all the replies nested in it (a page of unclosed post ``<div>``s nests every post in the one before).
    """
    if not ranges:
        return range(start, end)
    parts: list[range] = []
    i = start
    for a, b in sorted(ranges):
        if b <= i:
            continue
        if a >= end:
            break
        if a > i:
            parts.append(range(i, a))
        i = b
    if i < end:
        parts.append(range(i, end))
    return chain.from_iterable(parts)


def _pick_author(ix: Index, m: int, ranges: list[tuple[int, int]], date_i: int | None) -> int | None:
    best: tuple[int, int] | None = None
    end = m + ix.size[m]
    for i in _own(m, end, ranges):
        if not ix.auth[i] or ix.in_quote[i]:
            continue
        if date_i is not None and ix.contains(i, date_i) and ix.size[i] > 1:
            continue
        node = ix.nodes[i]
        a = node.attributes
        tier = 3
        if a.get("itemprop") == "author" or a.get("rel") == "author":
            tier = 0
        elif ix.tags[i] == "a":
            cls_hint = any(_looks_author(ix, j) for j in _up(ix, i, m, 3))
            if not cls_hint and _in_prose(ix, i):
                continue  # a member named mid-sentence ("X shares a post: …") is not the byline
            tier = 1 if cls_hint else 2
        if best is None or tier < best[0]:
            best = (tier, i)
            if tier == 0:
                break
    return best[1] if best else None


def _in_prose(ix: Index, i: int) -> bool:
    """A link whose parent holds running text well beyond a byline."""
    p = ix.parent[i]
    return p >= 0 and ix.tlen[p] - ix.llen[p] > _PROSE_CHARS


def _looks_author(ix: Index, j: int) -> bool:
    from ._generic_index import AUTHOR_TOKEN_RE, NOT_AUTHOR_TOKEN_RE

    toks = ix.classes[j].split() + ([ix.ids[j]] if ix.ids[j] else [])
    return any(AUTHOR_TOKEN_RE.search(t) and not NOT_AUTHOR_TOKEN_RE.search(t) for t in toks)


def _up(ix: Index, i: int, stop: int, steps: int) -> list[int]:
    out = [i]
    p = ix.parent[i]
    while p >= 0 and p != stop and len(out) <= steps:
        out.append(p)
        p = ix.parent[p]
    return out


def _pick_date(ix: Index, m: int, ranges: list[tuple[int, int]]) -> int | None:
    best: tuple[int, int] | None = None
    end = m + ix.size[m]
    for i in _own(m, end, ranges):
        if not ix.date[i] or ix.in_quote[i]:
            continue
        node = ix.nodes[i]
        a = node.attributes
        if ix.tags[i] == "time" or a.get("datetime") or a.get("itemprop") in ("datePublished", "dateCreated"):
            tier = 0
        elif any(DATE_TOKEN_RE.search(t) for t in ix.classes[i].split()):
            tier = 1
        else:
            tier = 2
        if best is None or tier < best[0]:
            best = (tier, i)
            if tier == 0:
                break
    return best[1] if best else None


def _author_name(node: Node) -> str | None:
    name = clean_inline(node.text(separator=" "))
    if not name:
        name = attr(node, "content") or attr(node, "title") or ""
        if not name:
            img = node.css_first("img[alt]")
            name = attr(img, "alt") or ""
            name = clean_inline(name)
    meta = node.css_first("[itemprop=name]")
    if meta is not None:
        name = attr(meta, "content") or clean_inline(meta.text(separator=" ")) or name
    name = _AUTHOR_PREFIX_RE.sub("", name).strip(" :·|-–—,")
    if not name or len(name) > 60 or _AUTHOR_JUNK_RE.match(name):
        return None
    return name


def _container(ix: Index, i: int, m: int, limit: int) -> int:
    """The largest ancestor of ``i`` below member ``m`` whose text stays under ``limit`` characters."""
    cur = i
    p = ix.parent[cur]
    while p >= 0 and p != m and ix.tlen[p] - ix.llen[p] <= limit and ix.tlen[p] <= 2 * limit:
        cur = p
        p = ix.parent[cur]
    return cur


_SEPARATORS = " ·|-–—,:•"


def _header_leaf_author(ix: Index, m: int, date_i: int, ranges: list[tuple[int, int]]) -> int | str | None:
    """A short text just before the date, in the post's header (markup without author hints).

    Either an element, or the text the date's parent prints before it (``Name · 03/03/2026``).
    """
    p = ix.parent[date_i]
    if p > m:
        own = clean_inline(ix.nodes[p].text(deep=False)).strip(_SEPARATORS)
        by = _AUTHOR_PREFIX_RE.match(own)
        if by is not None:  # "Posted by Name from the … dept." / "by Name on": the name only
            own = _BYLINE_TAIL_RE.split(own[by.end() :], maxsplit=1)[0].strip(_SEPARATORS)
        if 2 <= len(own) <= 40 and loose_date(own) is None and not _AUTHOR_JUNK_RE.match(own):
            return own
    before: Sequence[int] = list(_own(m + 1, date_i, ranges)) if ranges else range(m + 1, date_i)
    for i in reversed(before):
        if ix.contains(i, date_i):
            continue
        t = ix.tlen[i]
        if 2 <= t <= 40 and ix.size[i] <= 3 and not ix.date[i]:
            node = ix.nodes[i]
            if _author_name(node):
                return i
        if date_i - i > 12:
            break
    return None


def _body_hinted(ix: Index, i: int) -> bool:
    """Whether element ``i``'s class, id or ``itemprop`` names a post body (``postbody``, ``message``, …)."""
    toks = ix.classes[i].split() + ([ix.ids[i]] if ix.ids[i] else [])
    toks += [ix.nodes[i].attributes.get("itemprop") or ""]
    return any(_BODY_TOKEN_RE.search(tok) and not _NOT_BODY_TOKEN_RE.search(tok) for tok in toks if tok)


def _pick_body(
    ix: Index, m: int, ranges: list[tuple[int, int]], avoid: set[int], *, share: float = 0.3
) -> int | None:
    """The body element of member ``m``: hinted by its class, or the text-richest part without the header."""
    end = m + ix.size[m]
    own = ix.tlen[m] - sum(ix.tlen[a] for a, _ in ranges)
    if own <= 0:
        return None
    best: tuple[float, int] | None = None
    struct: tuple[int, int] | None = None
    floor = share * own
    i = m + 1
    while i < end:
        if ix.tlen[i] < floor or ix.chrome[i] or _in_ranges(i, ranges):
            i += ix.size[i]  # nothing below can qualify either
            continue
        if i in avoid:
            i += 1
            continue
        if ix.drop[i]:
            # a control row (an options menu longer than a short reply) is never the body; a wrapper whose
            # class merely mentions reactions or actions, holding most of the post, is looked into
            i += 1 if ix.tlen[i] >= 0.6 * own else ix.size[i]
            continue
        t = ix.tlen[i] - sum(ix.tlen[a] for a, _ in ranges if ix.contains(i, a)) if ranges else ix.tlen[i]
        if t < floor:
            i += 1
            continue
        if ix.in_quote[i]:
            # a body marked up as a quote (``blockquote.messageText``) is still the body
            if not ix.in_quote[ix.parent[i]] and t >= 0.6 * own and (struct is None or t > struct[0]):
                struct = (t, i)
            i += 1
            continue
        hinted = _body_hinted(ix, i)
        if hinted and (best is None or t > best[0]):
            best = (t, i)
        if struct is None or t > struct[0]:
            struct = (t, i)
        i += 1
    chosen = None
    if best is not None:
        chosen = best[1]
        if share < 0.3 and ix.tlen[chosen] - ix.llen[chosen] < 20:
            return None
    elif share < 0.3:
        return None  # the second look (a short reply beside a long poster block) takes a body-named element only
    elif struct is not None and struct[0] >= 0.6 * own:
        chosen = struct[1]
    if chosen is not None and not ix.in_quote[chosen]:
        # a body marked up as one big quote (``blockquote.messageText``): the quote element is the body
        for i in range(chosen + 1, chosen + ix.size[chosen]):
            if ix.in_quote[i] and not ix.in_quote[ix.parent[i]]:
                if (
                    ix.tlen[i] >= 0.9 * ix.tlen[chosen]
                    and ix.nodes[i].css_first("cite, [class*=head]") is None
                ):
                    return i
                break
    return chosen


def lead_post(ix: Index, group: Group) -> Draft | None:
    """The post, question or article that precedes a list of replies or comments, marked up differently.

    Looks at the blocks just before the first member (its previous siblings, then its ancestors' previous
    siblings, a few levels up) for one that reads like a post: a date or an author, and body text. A wrapper
    found that way (a story's page column, with a hidden banner beside the article) is narrowed to the child
    that holds its dates, authors and nearly all of its text.
    """
    first = group.members[0]
    cur = first
    for _level in range(_LEAD_LEVELS):
        par = ix.parent[cur]
        if par < 0:
            return None
        # previous element siblings of ``cur``, nearest first
        sibs: list[int] = []
        j = par + 1
        while j < cur:
            sibs.append(j)
            j += ix.size[j]
        for s in reversed(sibs[-8:]):
            if ix.chrome[s]:
                continue
            text = ix.tlen[s] - ix.llen[s]
            if ix.ndate[s] == 0 or ix.ndate[s] > 2:  # one post: its date, perhaps an edit date
                continue
            if (text < 30 or ix.llen[s] > 0.5 * ix.tlen[s]) and ix.nauth[s] == 0:
                continue
            d = _post(ix, _narrow(ix, s), [], keep_empty=True)
            if d is None or d.date is None:
                continue
            if sum(len(x) for x in d.lines) < 50:
                if not d.author:
                    continue
                d.lines = []  # a link submission or a title-only start: author and date only
                d.quotes = []
                _body_after(ix, s, cur, d)
            return d
        cur = par
        if ix.tags[cur] in ("body", "main"):
            return None
    return None


def _restates(lead: Draft, first: Draft) -> bool:
    """A lead without a body whose author and time are the first post's: the time may be printed in another
    zone (whole or half hours apart, the same minute) or without seconds."""
    if lead.lines or lead.quotes or not lead.author or lead.author != first.author:
        return False
    a, b = lead.date, first.date
    if not isinstance(a, _dt.datetime) or not isinstance(b, _dt.datetime):
        return a is not None and b is not None and (a if not isinstance(a, _dt.datetime) else a.date()) == (
            b if not isinstance(b, _dt.datetime) else b.date()
        )
    gap = abs((a.replace(tzinfo=None) - b.replace(tzinfo=None)).total_seconds())
    return gap <= 14 * 3600 and min(gap % 1800, 1800 - gap % 1800) < 60


def _body_after(ix: Index, head: int, stop: int, d: Draft) -> None:
    """A lead post printed as a header block (author, date) and its body in the next sibling block."""
    j = head + ix.size[head]
    while j < stop and ix.chrome[j]:
        j += ix.size[j]
    if j >= stop or ix.ndate[j] or ix.nauth[j]:
        return
    if ix.tlen[j] - ix.llen[j] < 50 or ix.llen[j] > 0.5 * ix.tlen[j]:
        return
    body = _post(ix, j, [])
    if body is None or body.author or body.date or sum(len(x) for x in body.lines) < 50:
        return
    d.lines, d.quotes, d.quote_at = body.lines, body.quotes, body.quote_at
    d.signature = body.signature
    d.removals.extend(body.removals)


def _narrow(ix: Index, s: int) -> int:
    """The innermost element under ``s`` that still holds all its dates and authors and most of its text."""
    while True:
        own = ix.tlen[s] - ix.llen[s]
        end = s + ix.size[s]
        c = s + 1
        nxt = -1
        while c < end:
            if (
                ix.ndate[c] == ix.ndate[s]
                and ix.nauth[c] == ix.nauth[s]
                and ix.tlen[c] - ix.llen[c] >= 0.8 * own
                and not ix.chrome[c]
            ):
                nxt = c
                break
            c += ix.size[c]
        if nxt < 0:
            return s
        s = nxt


def posts_from_group(ix: Index, group: Group) -> list[Draft]:
    """One draft per member of ``group`` (members without text are dropped)."""
    members = group.members
    _, nested = _own_values(ix, members)
    children: dict[int, list[int]] = defaultdict(list)
    for child, par in nested.items():
        children[par].append(child)
    # With members nested in members, per-post selectors would each walk every reply below the post (quadratic
    # time): signatures are selected once for the page and each post takes those in its own part.
    sigs = sorted(ix.pos[n.mem_id] for n in select(ix.nodes[0], SPEC.signature)) if nested else None
    drafts: list[Draft] = []
    lead = lead_post(ix, group)
    if lead is not None:
        drafts.append(lead)
    mset = set(members)
    by_member: dict[int, Draft] = {}
    paired = _paired_bodies(ix, members) if not nested else {}
    for m in members:
        d = _post(ix, m, children.get(m, []), sigs=sigs, keep_empty=m in paired)
        if d is not None and m in paired:
            d = _with_paired_body(ix, m, paired[m], d)
        if d is not None:
            if d.date is None:
                _date_from_head(ix, m, mset, d)
            drafts.append(d)
            by_member[m] = d
    if lead is not None and len(drafts) > 1 and _restates(lead, drafts[1]):
        # the thread's header ("Started by Name, date" under the title) restating the first post: not a post
        drafts.pop(0)
        text = "\n".join(x for x in (lead.author, lead.date_raw) if x)
        drafts[0].removals.insert(0, make_removal(PREFIX, "page-chrome", text, None))
        lead = None
    _reply_tree(ix, members, nested, by_member, lead)
    drafts = _drop_strays(drafts, lead)
    _day_first(drafts)
    return drafts


#: HN-style comment rows print their nesting as an indent cell (``td.ind``, ``indent="2"`` or a spacer image
#: ``width`` of this many pixels per level); the cell is among the first elements of the row.
_INDENT_PX = 40
_INDENT_LOOKAHEAD = 8


def _indent_depths(ix: Index, members: list[int]) -> dict[int, int] | None:
    """Per member, the nesting level its indent cell shows, when every member has one (else None)."""
    out: dict[int, int] = {}
    for m in members:
        level: int | None = None
        for i in range(m + 1, min(m + _INDENT_LOOKAHEAD, m + ix.size[m])):
            if ix.tags[i] != "td" or "ind" not in ix.classes[i].split():
                continue
            raw = ix.attrs[i].get("indent")
            if raw is None and i + 1 < m + ix.size[m] and ix.tags[i + 1] == "img":
                width = ix.attrs[i + 1].get("width") or ""
                raw = str(int(width) // _INDENT_PX) if width.isdigit() else None
            level = int(raw) if raw is not None and raw.isdigit() else None
            break
        if level is None:
            return None
        out[m] = level
    return out


def _held_parents(ix: Index, members: list[int]) -> dict[int, int]:
    """For members that are not nested in one another: a member whose parent element holds no other member (its
    own holder, ``li.comments_subtree`` around ``div.comment`` and the replies' list) is the parent of the members
    inside that holder; the nearest holder around a member is its parent's. Only holders alike (one tag and
    class) count: a first post whose wrapper also holds the replies' column (``main`` around a thread) is not
    a comment with its replies."""
    count: dict[int, int] = defaultdict(int)
    for m in members:
        count[ix.parent[m]] += 1
    holder = {ix.parent[m]: m for m in members if count[ix.parent[m]] == 1 and ix.parent[m] >= 0}
    if len(holder) < 2:
        return {}
    out: dict[int, int] = {}
    parent = ix.parent
    for m in members:
        own = parent[m]
        if own not in holder:
            continue
        p = parent[own]
        steps = 0
        while p >= 0 and steps < 80:
            owner = holder.get(p)
            if owner is not None:
                if ix.tags[p] == ix.tags[own] and ix.classes[p] == ix.classes[own]:
                    out[m] = owner
                break
            p = parent[p]
            steps += 1
    return out


def _reply_tree(
    ix: Index, members: list[int], nested: dict[int, int], by_member: dict[int, Draft], lead: Draft | None
) -> None:
    """Depth and parent of each member's draft where the page shows a comment tree: members nested in members
    (a reply list inside the comment it answers), or flat rows with indent cells. A lead post is the root
    (depth 0) that top-level comments answer. A page whose every member is nested in the one before (unclosed
    post ``<div>``s) shows no tree: it gets none."""
    base = 0 if lead is None else 1
    if not nested:
        nested = _held_parents(ix, members)
    if nested:
        chain = len(nested) == len(members) - 1 and all(nested.get(b) == a for a, b in pairwise(members))
        if chain and len(members) >= 3:
            return
        if lead is not None:
            lead.depth = 0
        depth: dict[int, int] = {}
        for m in members:  # document order: a parent comes before its replies
            p = nested.get(m)
            if p is not None and p not in depth:
                p = None  # (broken markup can hold a member in a later one: no parent then, never a crash)
            depth[m] = base if p is None else depth[p] + 1
            d = by_member.get(m)
            if d is not None:
                d.depth = depth[m]
                d.parent = lead if p is None else by_member.get(p)
        return
    levels = _indent_depths(ix, members)
    if levels is None or not any(levels.values()):
        return
    if lead is not None:
        lead.depth = 0
    # the nearest earlier member one level up is the parent; a level that skips one (collapsed replies) has none
    open_at: dict[int, Draft | None] = {base - 1: lead}
    for m in members:
        level = levels[m] + base
        d = by_member.get(m)
        if d is not None:
            d.depth = level
            d.parent = open_at.get(level - 1)
        open_at[level] = d
        for deeper in [k for k in open_at if k > level]:
            del open_at[deeper]


def _drop_strays(drafts: list[Draft], lead: Draft | None) -> list[Draft]:
    """Members with neither an author nor a date, in a group whose posts nearly all show both, are page blocks
    that share the posts' markup (a table-layout forum's navigation bar, thread header or footer table), not
    posts: their text becomes a page-chrome removal on the next post."""
    full = sum(1 for d in drafts if d.author and d.date is not None)
    if full < 3 or full < 0.6 * len(drafts):
        return drafts
    kept: list[Draft] = []
    pending: list[str] = []
    for d in drafts:
        if d is not lead and not d.author and d.date is None:
            text = "\n".join(x for x in d.lines if x.strip())
            if text:
                pending.append(text)
            continue
        if pending:
            d.removals.insert(0, make_removal(PREFIX, "page-chrome", "\n".join(pending), None))
            pending = []
        kept.append(d)
    if pending and kept:
        kept[-1].removals.append(make_removal(PREFIX, "page-chrome", "\n".join(pending), None))
    return kept


def _date_from_head(ix: Index, m: int, members: set[int], d: Draft) -> None:
    """A post whose date is printed in a small header block just before it (``div.reply-header`` then
    ``div.reply``, siblings): that block's date, when it names no author and holds little else."""
    if m <= 0:
        return
    s = m - 1  # the last element before ``m``: the previous sibling or one of its descendants
    par = ix.parent[m]
    while s >= 0 and ix.parent[s] != par:
        s = ix.parent[s]
    if s < 0 or s <= par or s in members or ix.chrome[s] or ix.ndate[s] != 1 or ix.nauth[s]:
        return
    if ix.tlen[s] - ix.llen[s] > 120:
        return
    date_i = _pick_date(ix, s, [])
    if date_i is None:
        return
    value, raw = date_from_node(ix.nodes[date_i])
    if value is None and raw:
        value = loose_date(raw)
    if value is not None:
        d.date, d.date_raw = value, raw


_NUMERIC_DATE_RE = lazy(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def _day_first(drafts: list[Draft]) -> None:
    """Numeric dates like ``12/10/2023`` are ambiguous; one ``13/10/2023`` on the page settles them."""
    found = [(d, m) for d in drafts if d.date_raw and (m := _NUMERIC_DATE_RE.search(d.date_raw))]
    if not any(int(m.group(1)) > 12 for _, m in found):
        return
    for d, m in found:
        a, b = int(m.group(1)), int(m.group(2))
        if d.date is not None and a <= 12 and b <= 12 and a != b and (d.date.month, d.date.day) == (a, b):
            try:
                d.date = d.date.replace(month=b, day=a)
            except ValueError:
                continue


def _own_parts(ix: Index, m: int, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``[a, b)`` spans of member ``m``'s subtree (``m`` included) outside the nested members' ``ranges``."""
    parts: list[tuple[int, int]] = []
    i, end = m, m + ix.size[m]
    for a, b in sorted(ranges):
        if a > i:
            parts.append((i, a))
        i = max(i, b)
    if i < end:
        parts.append((i, end))
    return parts


#: :func:`_paired_bodies`: header rows hold at most this many characters (median) ...
_PAIRED_HEAD_CHARS = 250
#: ... and at least this share of them is followed by a body block of one kind.
_PAIRED_SHARE = 0.8


def _paired_bodies(ix: Index, members: list[int]) -> dict[int, int]:
    """Posts printed as pairs of sibling blocks, a header (author, date) then the body, with nothing around
    them (SMF's print page: ``div.postheader`` + ``div.postbody``; ``dt`` + ``dd`` comment lists): per member,
    the body block that follows it.

    Only when the members are short header rows holding no element named as a body, and most of them
    (:data:`_PAIRED_SHARE`) are followed by a sibling of one kind named as a body (``postbody``, ``message`` …; a
    ``dd`` after a ``dt``) that names no author and no date: a post whose body is its own keeps it, and a bar of
    buttons after a post is never taken for its body.
    """
    if len(members) < 2:
        return {}
    heads = sorted(ix.tlen[m] - ix.llen[m] for m in members)
    if heads[len(heads) // 2] > _PAIRED_HEAD_CHARS:
        return {}
    n = len(ix)
    mset = set(members)
    found: dict[int, tuple[int, str]] = {}
    for k, m in enumerate(members):
        stop = members[k + 1] if k + 1 < len(members) else n
        j = m + ix.size[m]
        while j < stop and ix.parent[j] == ix.parent[m] and ix.tlen[j] == 0:
            j += ix.size[j]
        if (
            j >= stop
            or ix.parent[j] != ix.parent[m]
            or j in mset
            or ix.ndate[j]
            or ix.nauth[j]
            or ix.chrome[j]
            or not (_body_hinted(ix, j) or (ix.tags[j] == "dd" and ix.tags[m] == "dt"))
            or any(_body_hinted(ix, i) for i in range(m + 1, m + ix.size[m]))
        ):
            continue
        found[m] = (j, f"{ix.tags[j]}.{ix.classes[j]}")
    if not found:
        return {}
    kind, count = Counter(sig for _, sig in found.values()).most_common(1)[0]
    if count < 2 or count < _PAIRED_SHARE * len(members) or kind == f"{ix.tags[members[0]]}.{ix.classes[members[0]]}":
        return {}
    return {m: j for m, (j, sig) in found.items() if sig == kind}


def _with_paired_body(ix: Index, head: int, body: int, d: Draft) -> Draft | None:
    """``d`` (read from the header row ``head``) with the body, quotes and signature of the block ``body``;
    the header row's own lines (``Title: Re: …``, ``Post by: … on …``) are recorded as the post header."""
    b = _post(ix, body, [], keep_empty=True)
    if b is None:
        return d if d.has_content() else None
    text = "\n".join(d.lines).strip()
    if text:
        d.removals.append(make_removal(PREFIX, "post-header", text, node_path(ix.nodes[head], depth=2)))
    d.lines, d.quotes, d.quote_at = b.lines, b.quotes, b.quote_at
    d.signature = d.signature or b.signature
    d.removals.extend(b.removals)
    return d if d.has_content() or d.author is not None else None


def _post(
    ix: Index, m: int, nested_children: list[int], *, keep_empty: bool = False, sigs: list[int] | None = None
) -> Draft | None:
    ranges = _skip_ranges(ix, m, nested_children)
    node = ix.nodes[m]
    d = Draft()
    date_i = _pick_date(ix, m, ranges)
    author_i = _pick_author(ix, m, ranges, date_i)
    if author_i is None and date_i is not None:
        found = _header_leaf_author(ix, m, date_i, ranges)
        if isinstance(found, str):
            d.author = found
        else:
            author_i = found
    if author_i is not None:
        d.author = _author_name(ix.nodes[author_i])
    if date_i is not None:
        value, raw = date_from_node(ix.nodes[date_i])
        if value is None and raw:
            value = loose_date(raw)
        if value is not None and not isinstance(value, _dt.datetime):
            value, raw = _with_time(ix, m, date_i, value, raw)
        d.date, d.date_raw = value, raw
    avoid: set[int] = set()
    for i in (author_i, date_i):
        if i is not None:
            p = i
            while p >= 0 and p != m:
                avoid.add(p)
                p = ix.parent[p]
    body_i = _pick_body(ix, m, ranges, avoid)
    if body_i is None and avoid:
        body_i = _pick_body(ix, m, ranges, avoid, share=0.1)
    skip: set[int] = {ix.nodes[c].mem_id for c in nested_children}
    parts = _own_parts(ix, m, ranges) if ranges else None
    if parts is None:
        heads = select(node, "h1")
    else:  # the replies nested in this post are skipped whole: only its own part is looked at
        heads = [ix.nodes[i] for a, b in parts for i in range(a, b) if ix.tags[i] == "h1"]
    skip.update(h.mem_id for h in heads if len(clean_inline(h.text(separator=" "))) <= 150)
    header_parts: list[int] = []
    if body_i is None:
        body_node = node
        for i in (author_i, date_i):
            if i is not None:
                header_parts.append(_container(ix, i, m, 250))
    else:
        body_node = ix.nodes[body_i]
    for h in header_parts:
        skip.add(ix.nodes[h].mem_id)
    if author_i is not None:
        box = _container(ix, author_i, m, 400) if body_i is None else None
        if box is not None:
            for leaf in select(ix.nodes[box], "li, dd, dt, div, span"):
                poster_from_line(clean_inline(leaf.text(separator=" ")), d.poster)
            skip.add(ix.nodes[box].mem_id)
        d.removals.append(
            make_removal(PREFIX, "author-block", d.author or "", node_path(ix.nodes[author_i], depth=2))
        )
    d.post_id = _post_id(node)
    if body_i is not None:
        # a signature printed below the body, outside it
        if parts is None or sigs is None:
            sig_nodes = select(node, SPEC.signature)
        else:
            sig_nodes = [
                ix.nodes[sigs[k]] for a, b in parts for k in range(bisect_left(sigs, a), bisect_left(sigs, b))
            ]
        for sig in sig_nodes:
            if (
                sig.mem_id not in skip
                and not _node_inside(sig, body_node)
                and not _node_inside(body_node, sig)
            ):
                text = "\n".join(render_lines(sig, images=False)).strip()
                if text:
                    d.signature = text if d.signature is None else d.signature + "\n" + text
                    d.removals.append(make_removal(PREFIX, "signature", text, node_path(sig, depth=2)))
                break
    _drop_chrome(ix, body_i if body_i is not None else m, ranges, skip, d)
    extract_body(body_node, BODY_SPEC, d, extra_skip=skip)
    if d.signature is None:
        _mail_signature(d)
    if not d.has_content() and not keep_empty:
        return None
    return d


#: A mail's signature: the lines below a ``-- `` line that ends the body, a few short ones.
_SIG_DASHES_RE = lazy(r"^--[ ]?$")
_MAIL_SIG_LINES = 6
_MAIL_SIG_CHARS = 100


def _mail_signature(d: Draft) -> None:
    """A body that ends in a mail signature (``-- `` then a few short lines): the signature."""
    lines = d.lines
    for k in range(len(lines) - 1, max(-1, len(lines) - _MAIL_SIG_LINES - 2), -1):
        if _SIG_DASHES_RE.match(lines[k]):
            sig = [x.strip() for x in lines[k + 1 :] if x.strip()]
            if not sig or k == 0 or any(len(x) > _MAIL_SIG_CHARS for x in sig):
                return
            d.signature = "\n".join(sig)
            d.removals.append(make_removal(PREFIX, "signature", "\n".join(lines[k:]).strip(), None))
            del lines[k:]
            while lines and not lines[-1].strip():
                lines.pop()
            d.quote_at = [min(i, len(lines)) for i in d.quote_at]
            return


def _with_time(
    ix: Index, m: int, date_i: int, day: _dt.date, raw: str | None
) -> tuple[_dt.date | _dt.datetime, str | None]:
    """The day printed with its time in a sibling element (``<span>03-05-2024</span><span>02:22 PM</span>``):
    the short parent holding both gives the full datetime."""
    p = ix.parent[date_i]
    for _ in range(2):
        if p <= m or ix.ndate[p] != 1 or ix.tlen[p] > 40:
            break
        text = ix.text(p)
        got = loose_date(text)
        if isinstance(got, _dt.datetime) and got.date() == day:
            return got, text
        p = ix.parent[p]
    # the time alone in an element after the day, within the day's parent (``<span>Mon, 2 Oct 2023</span> …
    # <div class="time"><span>6:26 p.m.</span></div>``)
    p = ix.parent[date_i]
    if p > m:
        for i in range(date_i + ix.size[date_i], min(p + ix.size[p], date_i + 12)):
            t = ix.own[i].strip()
            if t and (hm := _TIME_ONLY_RE.match(t)) is not None:
                hour, minute = int(hm["h"]), int(hm["m"])
                if hm["ap"]:
                    hour = hour % 12 + (12 if hm["ap"].lower() == "p" else 0)
                if hour < 24 and minute < 60:
                    return _dt.datetime.combine(day, _dt.time(hour, minute)), f"{raw} {t}" if raw else t
                break
    return day, raw


_TIME_ONLY_RE = lazy(r"^(?P<h>\d{1,2}):(?P<m>\d{2})(?:[ \t]*+(?P<ap>[aApP])\.?[mM]\.?)?$")


def _drop_chrome(ix: Index, root: int, ranges: list[tuple[int, int]], skip: set[int], d: Draft) -> None:
    """Skip the controls, share, vote and reaction rows under ``root`` (one removal for all of them)."""
    end = root + ix.size[root]
    i = root + 1
    found: list[int] = []
    skips = sorted(r for r in ranges if r[1] > i)  # nested members' subtrees: jumped over, not walked
    r = 0
    while i < end:
        while r < len(skips) and skips[r][1] <= i:
            r += 1
        if r < len(skips) and skips[r][0] <= i:
            i = skips[r][1]
            continue
        if ix.drop[i] and not (ix.in_quote[i] and ix.tags[i] == "blockquote"):
            found.append(i)
            i += ix.size[i]
            continue
        i += 1
    if not found:
        return
    skip.update(ix.nodes[i].mem_id for i in found)
    text = "\n".join(t for t in (ix.text(i) for i in found) if t)
    if text:
        d.removals.append(make_removal(PREFIX, "buttons", text, node_path(ix.nodes[found[0]], depth=2)))


def _node_inside(node: Node, ancestor: Node) -> bool:
    target = ancestor.mem_id
    cur: Node | None = node
    while cur is not None:
        if cur.mem_id == target:
            return True
        cur = cur.parent
    return False


def _post_id(node: Node) -> str | None:
    ident = (
        attr(node, "id")
        or attr(node, "data-id")
        or attr(node, "data-post-id")
        or attr(node, "data-comment-id")
    )
    if not ident:
        return None
    m = _DIGITS_RE.search(ident)
    return m.group(0) if m else None
