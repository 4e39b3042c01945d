"""A one-pass index over a page's elements for the generic fallback.

Walking the DOM once (elements only, document order) gives, per element: parent, depth, subtree size, the
non-space text length of its subtree and of the links in it, whether it looks like a date or an author name,
and whether it sits in page chrome or in a quote. Everything the repeated-structure finder needs afterwards is
arithmetic over these arrays, so no selector or ``text()`` call is repeated per candidate.

Preorder makes subtrees contiguous: the descendants of element ``i`` are ``i + 1 … i + size[i] - 1``.
"""

from __future__ import annotations

import datetime as _dt

import regex

from .._lazy import lazy
from ..labels import STAT_LABELS
from ._dom import Node, _parse_loose, clean_inline, parse_epoch

__all__ = ["Index", "build_index", "loose_date"]

#: Links to a member profile, on the URL shapes forum and comment software use.
USER_HREF_RE = lazy(
    r"/(?:u|user|users|member|members|profile|profiles|people|author|authors|account|accounts|m)/"
    r"|memberlist\.php\?|member\.php\?|profile\.php\?|[?&;](?:u|user|uid|userid|showuser|who|username)=|[?&;](?:mode|action)=viewprofile"
    r"|(?:^|/)(?:u|user|users|member|members|profile|people)\?id="
    r"|/(?:members?|users?)\.\d|/@[\w.-]+/?$|/~[\w.-]+/?(?:[?#]|$)",
    regex.IGNORECASE,
)
#: Class / id / itemprop tokens of elements that name a poster.
AUTHOR_TOKEN_RE = lazy(
    r"(?:^|[-_])(?:author|authorname|username|user|name|poster|postername|postauthor|nick|nickname|"
    r"membername|member|byline|by|creator|handle|commenter|commentauthor|uname|userlink|usertext)(?:$|[-_])"
    r"|^(?:author|username|poster|nick|uname)|(?:author|username|poster|nickname)$",
    regex.IGNORECASE,
)
#: Tokens that look author-ish but name something else (a post's "user content", a user's avatar).
NOT_AUTHOR_TOKEN_RE = lazy(
    r"content|avatar|image|img|photo|pic|icon|title|rank|stats|info|details|count|menu|list|select|input|"
    r"form|button|btn|badge|online|status|flair|role|group",
    regex.IGNORECASE,
)
#: Class / id / itemprop tokens of elements that print a post's date.
DATE_TOKEN_RE = lazy(r"date|time|posted|timestamp|ago|published|created|when", regex.IGNORECASE)
_JOINED_LABELS = {x for words in STAT_LABELS["joined"].values() for x in words}
#: Dates that are not the post's: member join date (the stat labels of every language), edit notes, last visits.
NOT_POST_DATE_RE = lazy(
    r"join|regist|member.?since|last.?(?:edit|visit|seen|active|post)|edited|updated|birthday|local.?time|"
    + "|".join(regex.escape(x).replace(r"\ ", r"\s+") for x in sorted(_JOINED_LABELS, key=len, reverse=True)),
    regex.IGNORECASE,
)
_DIGIT_RE = lazy(r"\d")
#: Cheap pre-check before the (slow) full date grammar: a year, or a numeric day/month/year.
_DATEISH_RE = lazy(r"(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)|(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{2}")
_SPACE_COMMA_RE = lazy(r"(?<!\s)\s+,")
_SHORT_YEAR_RE = lazy(r"(?<![\d/.-])\d{1,2}([/.-])\d{1,2}\1(?P<y>\d{2})(?![\d/.-])")
#: An ordinal suffix printed in its own element (``6<sup>th</sup>``) and so read apart from its number.
_SPACED_ORDINAL_RE = lazy(r"(?<=\d)[ \t]++(?:st|nd|rd|th)\b")
_ON_RE = lazy(r"\b(?:on|at|le|am|el)\s+(?=[A-Za-z]{3})", regex.IGNORECASE)

CHROME_TAGS = frozenset({"nav", "aside", "noscript", "dialog", "menu"})
CHROME_ROLES = frozenset(
    {
        "navigation",
        "complementary",
        "contentinfo",
        "banner",
        "search",
        "dialog",
        "menu",
        "menubar",
        "toolbar",
        "alert",
        "alertdialog",
    }
)


def loose_date(text: str) -> _dt.date | _dt.datetime | None:
    """A date printed in ``text`` (a short string), with the odd spacings forums print repaired."""
    if not text or len(text) > 120 or _DATEISH_RE.search(text) is None:
        return None
    t = _SPACE_COMMA_RE.sub(",", text).replace("@", " ")
    if "th" in t or "st" in t or "nd" in t or "rd" in t:
        t = _SPACED_ORDINAL_RE.sub("", t)
    d = _parse_loose(t)
    if d is None and _ON_RE.search(t):
        d = _parse_loose(_ON_RE.sub("", t))
    if d is None:
        # a two-digit year (``01/14/24 07:48 AM``, ``03/05/24 at 14:22:10``): this century, unless that is ahead
        m = _SHORT_YEAR_RE.search(t)
        if m is None:
            return None
        yy = int(m["y"])
        century = 2000 if yy <= _dt.date.today().year % 100 + 1 else 1900
        d = _parse_loose(f"{t[: m.start('y')]}{century + yy}{t[m.end('y') :]}".replace(" at ", " "))
    if d is None:
        return None
    year = d.year
    if year < 1990 or year > _dt.date.today().year + 1:
        return None
    return d


def _nonspace(text: str) -> int:
    return (
        len(text)
        - text.count(" ")
        - text.count("\n")
        - text.count("\t")
        - text.count("\r")
        - text.count("\xa0")
    )


class Index:
    """Per-element arrays for one page (see the module docstring)."""

    __slots__ = (
        "attrs",
        "auth",
        "chrome",
        "classes",
        "date",
        "depth",
        "digits",
        "drop",
        "ids",
        "in_quote",
        "llen",
        "nauth",
        "ndate",
        "nodes",
        "own",
        "parent",
        "pos",
        "size",
        "tags",
        "tlen",
    )

    def __init__(self) -> None:
        self.nodes: list[Node] = []
        #: attribute dicts, own (direct) text, and whether a digit occurs in the subtree's text
        self.attrs: list[dict[str, str | None]] = []
        self.own: list[str] = []
        self.digits: list[bool] = []
        self.tags: list[str] = []
        self.classes: list[str] = []
        self.ids: list[str] = []
        self.parent: list[int] = []
        self.depth: list[int] = []
        self.size: list[int] = []
        self.tlen: list[int] = []
        self.llen: list[int] = []
        self.ndate: list[int] = []
        self.nauth: list[int] = []
        self.date: list[bool] = []
        self.auth: list[bool] = []
        self.chrome: list[bool] = []
        self.drop: list[bool] = []
        self.in_quote: list[bool] = []
        self.pos: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self.nodes)

    def contains(self, outer: int, inner: int) -> bool:
        """True when element ``inner`` is ``outer`` or one of its descendants."""
        return outer <= inner < outer + self.size[outer]

    def text(self, i: int) -> str:
        """The element's text on one line."""
        return clean_inline(self.nodes[i].text(separator=" "))


_CHROME_ANY_RE = lazy(
    r"(?:^|\s)(?:nav|navbar|navigation|menu|sidebar|side-bar|breadcrumbs?|footer|site-footer|page-footer|header|"
    r"site-header|page-header|masthead|cookie\S*|consent\S*|gdpr\S*|banner|advert\S*|ads?|ad-\S+|"
    r"related\S*|similar\S*|recommend\S*|trending\S*|popular\S*|newsletter\S*|subscribe\S*|modal\S*|"
    r"popup\S*|share\S*|social\S*|pagination|pager|skip-link\S*)(?:\s|$)",
    regex.IGNORECASE,
)
_AUTHOR_ANY_RE = lazy(
    r"author|user|name|poster|nick|member|by|creator|handle|comment", regex.IGNORECASE
)


#: Elements that never belong in a post body: controls, share / vote / reaction rows, screen-reader labels.
DROP_TAGS = frozenset({"button", "select", "form", "menu", "nav", "input", "textarea", "dialog"})
_DROP_RE = lazy(
    r"share|social|vote|reaction|action|toolbar|button|btn|reply-?link|report|permalink|likes|kudos|advert|"
    r"sponsor|controls|comment-?meta|post-?meta|tooltip|dropdown|modal|popup|rating|badge(?!r)|sr-only|"
    r"visually-?hidden|screen-?reader|blurred",
    regex.IGNORECASE,
)
_DROP_CACHE: dict[str, bool] = {}


def _drop_hint(cls: str) -> bool:
    got = _DROP_CACHE.get(cls)
    if got is None:
        got = bool(_DROP_RE.search(cls))
        if len(_DROP_CACHE) > 50_000:
            _DROP_CACHE.clear()
        _DROP_CACHE[cls] = got
    return got


_HINT_CACHE: dict[str, tuple[bool, bool, bool, bool, bool]] = {}


def hint_flags(hints: str) -> tuple[bool, bool, bool, bool, bool]:
    """``(chrome, author, date, not-a-post-date, quote)`` hints of a class/id/itemprop string (cached)."""
    got = _HINT_CACHE.get(hints)
    if got is None:
        author = bool(_AUTHOR_ANY_RE.search(hints)) and any(
            AUTHOR_TOKEN_RE.search(tok) and not NOT_AUTHOR_TOKEN_RE.search(tok) for tok in hints.split()
        )
        got = (
            bool(_CHROME_ANY_RE.search(hints)),
            author,
            bool(DATE_TOKEN_RE.search(hints)),
            bool(NOT_POST_DATE_RE.search(hints)),
            "quote" in hints.lower(),
        )
        if len(_HINT_CACHE) > 50_000:
            _HINT_CACHE.clear()
        _HINT_CACHE[hints] = got
    return got


def _is_chrome(tag: str, attrs: dict[str, str | None], cls: str, ident: str, depth: int) -> bool:
    if tag in CHROME_TAGS:
        return True
    role = attrs.get("role")
    if role and role in CHROME_ROLES:
        return True
    if tag in ("header", "footer") and depth <= 5:
        return True
    if attrs.get("hidden") is not None or attrs.get("aria-hidden") == "true":
        return True
    if cls and hint_flags(cls)[0]:
        return True
    return bool(ident and hint_flags(ident)[0])


def build_index(root: Node) -> Index:
    """Index every element under ``root`` (inclusive)."""
    ix = Index()
    own: list[int] = []
    pos = ix.pos
    for n in root.traverse(include_text=False):
        tag = n.tag or ""
        if not tag or tag[0] in "-!_#":
            continue
        i = len(ix.nodes)
        pos[n.mem_id] = i
        attrs = n.attributes
        par = n.parent
        p = pos.get(par.mem_id, -1) if par is not None else -1
        cls = attrs.get("class") or ""
        ident = attrs.get("id") or ""
        depth = ix.depth[p] + 1 if p >= 0 else 0
        ix.nodes.append(n)
        ix.attrs.append(attrs)
        ix.tags.append(tag)
        ix.classes.append(cls)
        ix.ids.append(ident)
        ix.parent.append(p)
        ix.depth.append(depth)
        chrome = (p >= 0 and ix.chrome[p]) or _is_chrome(tag, attrs, cls, ident, depth)
        ix.chrome.append(chrome)
        ix.drop.append(
            tag in DROP_TAGS
            or (bool(cls) and _drop_hint(cls))
            or attrs.get("role") == "button"
            or attrs.get("hidden") is not None
            or attrs.get("aria-hidden") == "true"
        )
        quote = (p >= 0 and ix.in_quote[p]) or tag == "blockquote" or (bool(cls) and hint_flags(cls)[4])
        ix.in_quote.append(quote)
        own_text = n.text(deep=False)
        ix.own.append(own_text)
        ix.digits.append(bool(own_text) and _DIGIT_RE.search(own_text) is not None)
        own.append(_nonspace(own_text) if tag not in ("select", "option", "textarea") else 0)
    count = len(ix.nodes)
    ix.size = [1] * count
    ix.tlen = own
    ix.llen = [0] * count
    ix.ndate = [0] * count
    ix.nauth = [0] * count
    ix.date = [False] * count
    ix.auth = [False] * count
    tags, classes, nodes, parent, digits = ix.tags, ix.classes, ix.nodes, ix.parent, ix.digits
    for i in range(count - 1, -1, -1):
        tag = tags[i]
        t = ix.tlen[i]
        if tag == "a":
            ix.llen[i] = t
        if 0 < t <= 120 or tag == "time":
            _classify(ix, i, nodes[i], tag, classes[i], t)
        if ix.date[i]:
            ix.ndate[i] += 1
        if ix.auth[i]:
            ix.nauth[i] += 1
        p = parent[i]
        if p >= 0:
            ix.size[p] += ix.size[i]
            ix.tlen[p] += t
            ix.llen[p] += ix.llen[i]
            ix.ndate[p] += ix.ndate[i]
            ix.nauth[p] += ix.nauth[i]
            if digits[i]:
                digits[p] = True
    return ix


def _classify(ix: Index, i: int, n: Node, tag: str, cls: str, t: int) -> None:
    attrs = ix.attrs[i]
    itemprop = attrs.get("itemprop")
    ident = ix.ids[i]
    hints = " ".join(x for x in (cls, ident, itemprop) if x)
    flags = hint_flags(hints) if hints else (False, False, False, False, False)
    # -- author
    if (
        0 < t <= 60
        and ix.nauth[i] == 0
        and (
            itemprop == "author"
            or attrs.get("rel") == "author"
            or (tag == "a" and USER_HREF_RE.search(attrs.get("href") or ""))
            or flags[1]
        )
    ):
        ix.auth[i] = True
    # -- date (the innermost element that shows one)
    if flags[3]:
        return
    # (a date needs digits: ``digits`` says whether the subtree's text has any, so most elements skip the
    # date grammar without rendering their text)
    if 0 < t <= 120 and ix.size[i] > 1 and ix.digits[i]:
        own = ix.own[i]
        if _DATEISH_RE.search(own) is not None and NOT_POST_DATE_RE.search(own) is None and loose_date(own):
            ix.date[i] = True
            return
    if ix.ndate[i]:
        return
    if tag == "time" or attrs.get("datetime") or itemprop in ("datePublished", "dateCreated"):
        ix.date[i] = True
        return
    for key in ("data-time", "data-timestamp", "data-utime"):
        if parse_epoch(attrs.get(key)) is not None:
            ix.date[i] = True
            return
    if t > 60:
        return
    title = attrs.get("title")
    if title and len(title) <= 60 and loose_date(title) is not None:
        ix.date[i] = True
        return
    if (t <= 40 or flags[2]) and ix.digits[i]:
        text = n.text(separator=" ")
        if _DATEISH_RE.search(text) is None or NOT_POST_DATE_RE.search(text):
            return
        if loose_date(text) is not None:
            ix.date[i] = True
