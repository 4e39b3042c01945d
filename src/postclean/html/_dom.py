"""Low-level helpers over selectolax (Lexbor) nodes: parsing, node paths, text rendering, dates, numbers.

Everything here is engine-agnostic. Rendering turns a body node into lines: block elements start new lines,
paragraph-like blocks are separated by a blank line, ``<br>`` breaks a line, ``<pre>`` keeps its newlines,
images become ``[image: alt]`` only when the alt text says something.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Collection, Iterable, Iterator, Mapping

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._lazy import lazy
from ..dates import parse_date
from ._depth import cap_depth

__all__ = [
    "Node",
    "alternatives",
    "attr",
    "by_priority",
    "clean_inline",
    "count_nonspace",
    "date_from_node",
    "first",
    "ids_of",
    "node_path",
    "node_text",
    "parse",
    "parse_flagged",
    "parse_int",
    "render_lines",
    "select",
]

Node = LexborNode

#: Tags removed (with their content) right after parsing: never text, often huge.
STRIP_TAGS = [
    "script",
    "style",
    "svg",
    "template",
    "iframe",
    "object",
    "embed",
    "canvas",
    "math",
    "head > link",
]

#: Blocks separated from their neighbours by a blank line.
PARA_TAGS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "dl",
        "table",
        "figure",
        "hr",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "details",
        "fieldset",
        "address",
    }
)
#: Blocks that only start a new line.
LINE_TAGS = frozenset(
    {
        "div",
        "li",
        "dt",
        "dd",
        "tr",
        "caption",
        "figcaption",
        "summary",
        "main",
        "nav",
        "form",
        "center",
        "legend",
        "tbody",
        "thead",
        "tfoot",
        "option",
        "body",
        "html",
    }
)
#: Inline elements that never carry readable text of their own.
SKIP_TAGS = frozenset(
    {
        "button",
        "input",
        "select",
        "textarea",
        "script",
        "style",
        "svg",
        "noscript",
        "template",
        "iframe",
        "video",
        "audio",
        "source",
        "picture",
        "map",
        "head",
        "meta",
        "link",
        "object",
        "embed",
        "canvas",
    }
)

_PARA = "\x01"  # paragraph break sentinel
_LINE = "\x02"  # line break sentinel
_PRE_LINE = "\x03"  # line break inside <pre>: indentation kept
_BR = "\x04"  # <br>: a line break that counts (two in a row make a blank line)
_LINE_RUN_RE = lazy("\x02(?:[ ]*\x02)+")
_BR_EDGE_RE = lazy("\x04[ ]*\x02|\x02[ ]*\x04")
#: A blank line inside one text node, between text: a plain-text body the page shows with ``white-space: pre-wrap``
#: (a mail archive's message, a comment stored as plain text) rather than HTML paragraphs; or a mail's ``-- `` line.
_BLANK_LINE_IN_TEXT_RE = lazy(r"\S[ \t\r]*+\n[ \t\r]*+\n[ \t\r\n]*+\S|\n--[ ]?\r?\n(?=\S)")
_MEANINGLESS_ALT_RE = lazy(
    r"^(?:image|img|photo|picture|attachment|attached image|screenshot|icon|avatar|logo|thumbnail|"
    r"[\w.-]*\.(?:png|jpe?g|gif|webp|bmp|svg|heic)|\W*|:[\w+-]+:|[\W\w]?)$",
    regex.IGNORECASE,
)


def parse(html: str) -> tuple[LexborHTMLParser, list[str]]:
    """Parse ``html``, keep the JSON-LD blobs, strip tags that never hold visible text (script, style, svg…)."""
    tree, ld, _ = parse_flagged(html)
    return tree, ld


def parse_flagged(html: str) -> tuple[LexborHTMLParser, list[str], bool]:
    """:func:`parse`, and whether the markup of elements nested deeper than :data:`._depth.KEEP_DEPTH` was
    removed (their text kept) first: a page nesting thousands deep costs the tree builder time quadratic in its
    depth (see :mod:`._depth`)."""
    flat = cap_depth(html)
    tree = LexborHTMLParser(html if flat is None else flat)
    ld = [n.text() for n in tree.css("script[type='application/ld+json']")][:20]
    tree.strip_tags(STRIP_TAGS, recursive=True)
    return tree, ld, flat is not None


def attr(node: Node | None, name: str) -> str | None:
    """Attribute ``name`` of ``node`` stripped, or ``None`` when absent or empty."""
    if node is None:
        return None
    value = node.attributes.get(name)
    if value is None:
        return None
    value = value.strip()
    return value or None


def select(node: Node | LexborHTMLParser, selector: str) -> list[Node]:
    """All matches of ``selector`` under ``node``, each once, in document order.

    Lexbor returns a node once per comma-separated alternative it matches; this removes the repeats.
    """
    if not selector:
        return []
    nodes = node.css(selector)
    if "," not in selector:
        return list(nodes)
    seen: set[int] = set()
    out: list[Node] = []
    for n in nodes:
        mid = n.mem_id
        if mid not in seen:
            seen.add(mid)
            out.append(n)
    return out


_ALT_CACHE: dict[str, tuple[str, ...]] = {}


def alternatives(selector: str) -> tuple[str, ...]:
    """The comma-separated alternatives of a selector list, in the order written."""
    alts = _ALT_CACHE.get(selector)
    if alts is None:
        parts: list[str] = []
        depth = 0
        quote = ""
        cur: list[str] = []
        for ch in selector:
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "\"'":
                quote = ch
            elif ch in "([":
                depth += 1
            elif ch in ")]":
                depth -= 1
            elif ch == "," and depth == 0:
                parts.append("".join(cur).strip())
                cur = []
                continue
            cur.append(ch)
        parts.append("".join(cur).strip())
        alts = tuple(p for p in parts if p)
        _ALT_CACHE[selector] = alts
    return alts


def first(node: Node | LexborHTMLParser, selector: str) -> Node | None:
    """First match of the first alternative of ``selector`` that matches (priority order, not page order)."""
    if not selector:
        return None
    for alt in alternatives(selector):
        n = node.css_first(alt)
        if n is not None:
            return n
    return None


def by_priority(node: Node | LexborHTMLParser, selector: str) -> Iterator[Node]:
    """All matches of each alternative in turn (alternatives in the order written), each node once.

    Lazy: a caller that stops at the first useful match does not pay for the later alternatives' queries.
    """
    seen: set[int] = set()
    for alt in alternatives(selector):
        for n in node.css(alt):
            if n.mem_id not in seen:
                seen.add(n.mem_id)
                yield n


def ids_of(nodes: Iterable[Node]) -> set[int]:
    """Identity set (``mem_id``) of nodes, for O(1) membership tests while walking."""
    return {n.mem_id for n in nodes}


def _no_zero_width(text: str) -> str:
    """``text`` with zero-width spaces and BOMs turned into spaces (``str.replace`` only when present:
    ``str.translate`` with a mapping costs a Python-level lookup per character)."""
    if "\u200b" in text:
        text = text.replace("\u200b", " ")
    if "\ufeff" in text:
        text = text.replace("\ufeff", " ")
    return text


def _collapse(text: str) -> str:
    """Whitespace runs (zero-width spaces included) to one space, edges kept as one space (str ops: fast)."""
    core = _no_zero_width(text)
    parts = core.split()
    if not parts:
        return " " if core else ""
    out = " ".join(parts)
    if core[0].isspace():
        out = " " + out
    if core[-1].isspace():
        out += " "
    return out


def clean_inline(text: str) -> str:
    """Collapse all whitespace runs to one space and strip."""
    return " ".join(_no_zero_width(text).split())


def node_text(node: Node | None) -> str:
    """The visible text of ``node`` on one line (whitespace collapsed)."""
    if node is None:
        return ""
    return clean_inline(node.text(separator=" "))


def count_nonspace(text: str) -> int:
    """Number of non-whitespace characters in ``text``."""
    return len("".join(text.split()))


def node_path(node: Node, *, stop: Node | None = None, depth: int = 3) -> str:
    """A short CSS-like path for ``node``: up to ``depth`` steps, each ``tag#id`` or ``tag.class``.

    Example: ``article#js-post-12 > div.message-signature``.
    """
    parts: list[str] = []
    cur: Node | None = node
    stop_id = stop.mem_id if stop is not None else None
    while cur is not None and len(parts) < depth and cur.tag not in ("html", "body", "-undef", None):
        tag = cur.tag or "?"
        ident = cur.attributes.get("id")
        if ident:
            parts.append(f"{tag}#{ident.strip()[:40]}")
            break
        cls = (cur.attributes.get("class") or "").split()
        parts.append(f"{tag}.{cls[0][:40]}" if cls else tag)
        if stop_id is not None and cur.mem_id == stop_id:
            break
        cur = cur.parent
    return " > ".join(reversed(parts))


_INT_RE = lazy(r"(?:(?<!\s)|(?=[-−]))(-|−)?\s*(\d{1,3}(?:[,.\u00a0 ']\d{3})+|\d+)(?:[.,](\d+))?\s*([kKmM])?\b")
_NON_DIGIT_RE = lazy(r"\D")
_SCHEME_RE = lazy(r"^(?:https?|ftp)://")


def parse_int(text: str | None) -> int | None:
    """An integer printed like ``65,195``, ``1.234``, ``-55``, ``12K`` or ``1.2k``; ``None`` otherwise."""
    if not text:
        return None
    m = _INT_RE.search(text)
    if m is None:
        return None
    digits = _NON_DIGIT_RE.sub("", m.group(2))
    value = float(digits + ("." + m.group(3) if m.group(3) else ""))
    if m.group(4):
        value *= 1000 if m.group(4) in "kK" else 1_000_000
    elif m.group(3):
        value = float(digits)  # "1,5" without a unit: keep the integer part
    out = int(value)
    return -out if m.group(1) else out


_MDY_RE = lazy(
    r"\b(?P<m>\d{1,2})[-/](?P<d>\d{1,2})[-/](?P<y>\d{4})(?:,?\s*(?:at\s+)?(?P<h>\d{1,2}):(?P<mi>\d{2})"
    r"(?::(?P<s>\d{2}))?\s*(?P<ap>[AaPp][Mm])?)?"
)
_MONTH_YEAR_RE = lazy(r"^\s*(?P<mon>[A-Za-zÀ-ÿ]{3,10})\.?\s+(?P<y>\d{4})\s*$")


def _parse_loose(text: str) -> _dt.date | _dt.datetime | None:
    """``parse_date`` plus the forms it leaves out: ``11-29-2024, 09:03 AM`` (US numeric) and ``Mar 2014``."""
    value = parse_date(text)
    if value is not None:
        return value
    m = _MDY_RE.search(text)
    if m is not None:
        try:
            day = _dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            try:
                day = _dt.date(int(m["y"]), int(m["d"]), int(m["m"]))
            except ValueError:
                return None
        if m["h"] is None:
            return day
        hour, minute = int(m["h"]), int(m["mi"])
        ap = (m["ap"] or "").lower()
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return day
        return _dt.datetime(day.year, day.month, day.day, hour, minute, int(m["s"] or 0))
    m2 = _MONTH_YEAR_RE.match(text)
    if m2 is not None:
        probe = parse_date(f"{m2['mon']} 1, {m2['y']}")
        if isinstance(probe, _dt.date) and not isinstance(probe, _dt.datetime):
            return probe
    return None


def parse_epoch(value: str | None) -> _dt.datetime | None:
    """A Unix timestamp in seconds or milliseconds → aware UTC datetime."""
    if not value or not value.strip().lstrip("-").isdigit():
        return None
    n = int(value.strip())
    if n > 10_000_000_000:
        n //= 1000
    if not 0 < n < 5_000_000_000:
        return None
    return _dt.datetime.fromtimestamp(n, tz=_dt.timezone.utc)


def date_from_node(node: Node | None) -> tuple[_dt.date | _dt.datetime | None, str | None]:
    """The date a node shows, preferring machine-readable attributes, and the raw text as printed.

    Looks at ``datetime``, ``data-time``/``data-timestamp`` (Unix time), ``title`` and ``data-*`` date strings
    on the node or its first ``time``/``abbr``/``span.DateTime`` descendant, then at the visible text.
    """
    if node is None:
        return None, None
    cand: list[Node] = [node]
    inner = node.css_first("time, abbr[data-time], abbr.DateTime, span.DateTime, [datetime], [data-time]")
    if inner is not None:
        cand.insert(0, inner)
    raw = node_text(node) or None
    for c in cand:
        a = c.attributes
        # machine-readable first: ISO attributes, then Unix time (XF1 abbr.DateTime[data-time]), then the
        # human date strings, which often carry the day only
        for key in ("datetime", "content", "data-datetime"):
            v = a.get(key)
            if v:
                d = _parse_loose(v)
                if d is not None:
                    return d, raw or v.strip()
        for key in ("data-time", "data-timestamp", "data-unix", "data-ts"):
            e = parse_epoch(a.get(key))
            if e is not None:
                return e, raw
        for key in ("data-date-string", "data-datestring", "title", "data-tippy-content"):
            v = a.get(key)
            if v:
                d = _parse_loose(v)
                if d is not None:
                    return d, raw or v.strip()
    if raw:
        d = _parse_loose(raw)
        if d is not None:
            return d, raw
    return None, raw


def display_offsets(dated: list[tuple[_dt.date | _dt.datetime | None, str | None]]) -> list[tuple[_dt.datetime, _dt.timedelta]]:
    """The time-zone offsets a page prints its dates in, learnt from dates given both ways.

    ``dated`` holds (date, raw text as printed) pairs. A zone-aware date (a ``datetime`` attribute or a Unix time)
    whose printed text reads as a local date and time gives the page's display offset at that moment: the printed
    time minus the UTC time. Offsets are kept only when they are whole quarter hours within ±14 h (the printed
    time has no seconds, so up to a minute off is allowed). Returns (local time, offset) pairs.
    """
    out: list[tuple[_dt.datetime, _dt.timedelta]] = []
    for d, raw in dated:
        if not isinstance(d, _dt.datetime) or d.tzinfo is None or not raw or len(raw) > 80:
            continue
        local = _parse_loose(raw)
        if not isinstance(local, _dt.datetime) or local.tzinfo is not None:
            continue
        diff = local - d.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        quarters = round(diff.total_seconds() / 900)
        if abs(diff.total_seconds() - quarters * 900) > 60 or abs(quarters) > 56:
            continue
        out.append((local, _dt.timedelta(seconds=quarters * 900)))
    return out


def settle_zone(
    value: _dt.date | _dt.datetime | None, offsets: list[tuple[_dt.datetime, _dt.timedelta]]
) -> _dt.date | _dt.datetime | None:
    """``value`` given the page's display offset when it is a naive ``datetime`` and the page showed one.

    A page that mixes machine-readable times (UTC) with times printed only in the viewer's time zone (XenForo 1's
    ``span.DateTime`` titles beside ``abbr`` Unix times) would otherwise mix aware and naive datetimes. The offset
    of the nearest date known both ways is used, so a change to or from summer time within a thread is followed.
    """
    if not offsets or not isinstance(value, _dt.datetime) or value.tzinfo is not None:
        return value
    _, off = min(offsets, key=lambda lo: abs((lo[0] - value).total_seconds()))
    return value.replace(tzinfo=_dt.timezone(off))


#: Smiley images (vBulletin ``images/smilies/``, phpBB ``images/smilies``, SMF ``Smileys/``, MyBB …).
_SMILEY_SRC_RE = lazy(r"/(?:smilies|smileys|emoticons|emotes)/", regex.IGNORECASE)


def _alt_text(node: Node) -> str | None:
    alt = node.attributes.get("alt") or node.attributes.get("title")
    if not alt:
        return None
    alt = clean_inline(alt)
    if not alt or len(alt) > 200 or _MEANINGLESS_ALT_RE.match(alt):
        return None
    cls = node.attributes.get("class") or ""
    if "smilie" in cls or "emoji" in cls or "emoticon" in cls or "avatar" in cls or "inlineimg" in cls:
        return None
    src = node.attributes.get("src") or ""
    if _SMILEY_SRC_RE.search(src):
        return None
    return alt


_SHORT_URL_RE = lazy(r"^(?P<a>\S{6,}?)\s?(?:\.{3}|…)\s?(?P<b>\S{2,})$")


def _unshortened(a: Node) -> str | None:
    """The full URL of a link whose text the forum shortened (``https://example.org/abc ... xyz/README``).

    phpBB, vBulletin, MyBB and SMF print long URLs with the middle cut out; the link target holds the URL as
    written, which is what the post said.
    """
    href = a.attributes.get("href")
    if not href or not href.startswith(("http://", "https://", "ftp://", "www.")):
        return None
    text = clean_inline(a.text(separator=""))
    if len(text) < 12 or ("..." not in text and "…" not in text):
        return None
    m = _SHORT_URL_RE.match(text)
    if m is None:
        return None
    head, tail = m["a"], m["b"]
    bare = _SCHEME_RE.sub("", href)
    if (href.startswith(head) or bare.startswith(_SCHEME_RE.sub("", head))) and href.endswith(tail):
        return href
    return None


def _cf_email(node: Node) -> str | None:
    """The address behind Cloudflare's e-mail obfuscation (``<a class="__cf_email__" data-cfemail="hex">``
    shown as ``[email protected]``): the first byte is the XOR key of the rest."""
    a = node.attributes
    code = a.get("data-cfemail")
    if not code:
        href = a.get("href") or ""
        i = href.find("/cdn-cgi/l/email-protection#")
        if i < 0:
            return None
        code = href[i + 28:]
    try:
        raw = bytes.fromhex(code.strip())
    except ValueError:
        return None
    if len(raw) < 4:
        return None
    key = raw[0]
    try:
        addr = bytes(b ^ key for b in raw[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "@" not in addr or any(ch.isspace() for ch in addr):
        return None
    if not a.get("data-cfemail"):
        # a mailto-style link whose visible text is the protected address: keep any other text it shows
        text = clean_inline(node.text(separator=" "))
        if text and "email" not in text.lower() and "protected" not in text.lower():
            return None
    return addr


class _Renderer:
    """Walks a body node and produces lines; callers pass node-identity sets to skip and quote markers."""

    __slots__ = ("images", "markers", "out", "skip")

    def __init__(self, skip: Collection[int], markers: Mapping[int, str], images: bool) -> None:
        self.skip = skip
        self.markers = markers
        self.images = images
        self.out: list[str] = []

    def walk(self, node: Node, pre: bool) -> None:
        out = self.out
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                t = child.text_content or ""
                if pre:
                    out.append(t.replace("\r", "").replace("\n", _PRE_LINE))
                else:
                    t = _collapse(t)
                    if t:
                        out.append(t)
                continue
            if tag is None or tag.startswith("-") or tag == "!--":
                continue
            mid = child.mem_id
            if mid in self.skip:
                # a removed node still separates the text around it (no glued words)
                out.append(_LINE if (tag in PARA_TAGS or tag in LINE_TAGS) else " ")
                continue
            marker = self.markers.get(mid)
            if marker is not None:
                out.append(_PARA + marker + _PARA)
                continue
            if tag in ("a", "span") and not pre:
                full = _cf_email(child) or (_unshortened(child) if tag == "a" else None)
                if full is not None:
                    out.append(full)
                    continue
            if tag == "br":
                out.append(_BR)
            elif tag == "img":
                if self.images:
                    alt = _alt_text(child)
                    if alt:
                        out.append(f" [image: {alt}] ")
            elif tag in SKIP_TAGS:
                continue
            elif tag in PARA_TAGS:
                out.append(_PARA)
                self.walk(child, pre or tag == "pre")
                out.append(_PARA)
            elif tag in LINE_TAGS:
                out.append(_LINE)
                self.walk(child, pre)
                out.append(_LINE)
            elif tag in ("td", "th"):
                out.append(" ")
                self.walk(child, pre)
                out.append(" ")
            else:
                self.walk(child, pre)


def _plain_text_block(node: Node) -> bool:
    """A block of plain text with its line breaks as newlines: a text child holds a blank line between text and no
    child is a paragraph or a ``<br>`` (markup that sets its own breaks)."""
    found = False
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            if not found:
                t = child.text_content or ""
                found = "\n" in t and _BLANK_LINE_IN_TEXT_RE.search(t) is not None
        elif tag in ("p", "br", "pre") or (tag in LINE_TAGS and tag != "div"):
            return False
    return found


def render_lines(
    node: Node | None,
    *,
    skip: Collection[int] = frozenset(),
    markers: Mapping[int, str] | None = None,
    images: bool = True,
) -> list[str]:
    """Render ``node`` to lines; ``""`` marks a paragraph break. Leading/trailing/duplicate blanks removed.

    ``skip`` holds ``mem_id`` of nodes to leave out; ``markers`` maps ``mem_id`` to a token emitted on a
    line of its own in place of that node (used to remember where quotes stood).
    """
    if node is None:
        return []
    r = _Renderer(skip, markers or {}, images)
    try:
        r.walk(node, node.tag == "pre" or _plain_text_block(node))
    except RecursionError:
        r.out = [_PARA, node_text(node)]
    raw = "".join(r.out)
    raw = _LINE_RUN_RE.sub(_LINE, raw)
    raw = _BR_EDGE_RE.sub(_LINE, raw).replace(_BR, _LINE)
    lines: list[str] = []
    for para in raw.split(_PARA):
        para_lines: list[str] = []
        for seg in para.split(_LINE):
            if _PRE_LINE in seg:
                head, *rest = seg.split(_PRE_LINE)
                para_lines.append(head.strip())
                para_lines.extend(x.rstrip() for x in rest)
            else:
                seg = seg.strip()
                while "  " in seg:  # the spaces two adjacent text nodes (or a removed node) left
                    seg = seg.replace("  ", " ")
                para_lines.append(seg)
        # inside a paragraph keep <br><br> as one blank line, drop edge blanks (found by index: popping the
        # head of the list one by one costs quadratic time on a <pre> opening with many blank lines)
        start, end = 0, len(para_lines)
        while start < end and not para_lines[start]:
            start += 1
        while end > start and not para_lines[end - 1]:
            end -= 1
        if start == end:
            continue
        if lines:
            lines.append("")
        for ln in itertools.islice(para_lines, start, end):
            if not ln:
                if lines and lines[-1] == "":
                    continue
                lines.append("")
            else:
                lines.append(ln)
    return lines
