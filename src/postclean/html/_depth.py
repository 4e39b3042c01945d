"""Bounded nesting: the markup of elements nested deeper than :data:`MAX_DEPTH` is removed before parsing.

The HTML5 tree builder (Lexbor, as every other) looks down the stack of open elements for each block start
tag (``<div>``, ``<ul>``, ``<blockquote>``, ``<p>`` … first close any open ``<p>`` "in button scope"), so a
page of N nested blocks costs N² steps: 50,000 nested ``<div>`` took 7 s to parse, 50,000 ``<ul><li>`` 27 s.
No page a person reads nests that deep (browsers stop nesting at a few hundred levels), so on a page nesting
deeper than :data:`MAX_DEPTH` the tags of elements beyond :data:`KEEP_DEPTH` go, and their text stays where it
was: a removed block tag leaves a space (words never glue), a removed inline tag nothing. The page is flagged so a
pipeline can see its markup was flattened.

Ordinary pages pay one ``str.count``: a page with fewer than :data:`_MIN_TAGS` tags cannot nest deep enough to
matter (at most ~0.2 s of parsing). Bigger pages get a C-speed estimate (the running balance of start and end
tags that can nest, read by ``findall`` and ``accumulate``); only when it reaches :data:`MAX_DEPTH` does a
Python pass follow the stack of open elements (with the tree builder's implied closings of ``<p>``, ``<li>``,
``<td>`` …) to find the start and end tags beyond the limit.
"""

from __future__ import annotations

import itertools
import re

__all__ = ["KEEP_DEPTH", "MAX_DEPTH", "cap_depth"]

#: Deepest element nesting read as written. A page nesting deeper is flattened to :data:`KEEP_DEPTH`.
MAX_DEPTH = 4096
#: Nesting kept on a flattened page (Blink's tree builder keeps 512 too): every block start tag costs the tree
#: builder one step per open element, so the elements left at the limit cost what they cost on ordinary pages.
KEEP_DEPTH = 512
#: Pages with fewer ``<`` than this are never scanned: their nesting cannot cost more than ~0.2 s to parse.
_MIN_TAGS = 2 * MAX_DEPTH

#: Elements that never have content (no end tag) and those whose end tag the tree builder implies (a ``<p>``
#: closes the open ``<p>``, a ``<li>`` the open ``<li>``, an ``<a>`` the open ``<a>``): left out of the
#: estimate, they never nest in themselves.
_VOID = (
    "area|base|basefont|bgsound|br|col|embed|frame|hr|image|img|input|keygen|link|menuitem|meta|param|source|"
    "track|wbr"
)
_OPTIONAL = (
    "a|body|button|caption|colgroup|dd|dt|head|html|li|nobr|optgroup|option|p|rb|rp|rt|rtc|tbody|td|tfoot|th|"
    "thead|tr"
)
#: Tag names with ``/`` before those of end tags (a start tag of a nesting element counts 1, its end tag -1).
_TAG_NAME_RE = re.compile(r"<(/?[a-zA-Z][a-zA-Z0-9]*+)")
_NOT_NESTING = frozenset(_VOID.split("|")) | frozenset(_OPTIONAL.split("|"))


class _Steps(dict[str, int]):
    """Tag name as read (``div``, ``/DIV``, ``br``) → its step in the running balance, worked out once."""

    def __missing__(self, key: str) -> int:
        end = key[0] == "/"
        name = (key[1:] if end else key).lower()
        step = 0 if name in _NOT_NESTING else -1 if end else 1
        if len(self) > 5000:  # made-up names by the thousand: forget them rather than grow
            self.clear()
        self[key] = step
        return step


_STEPS = _Steps()

#: A tag (name, rest up to ``>`` or the next ``<``) or the start of a comment.
_TAG_RE = re.compile(r"<(?:(/?)([a-zA-Z][^\s/<>]*+)([^<>]*+)>?|!--)")
_VOID_SET = frozenset(_VOID.split("|"))
#: Contents read as text up to their end tag (``<script>``, ``<style>`` …): no tags inside.
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
_RAW_END_RE = {name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in _RAW_TEXT}
#: Never pushed: void elements, and the one ``<html>``/``<head>``/``<body>`` (the tree builder merges repeats).
_LEAF = _VOID_SET | {"html", "head", "body"}
#: Start tags that close the open ``<p>`` (when no table cell, caption, button … lies between).
_CLOSES_P_NAMES = (
    "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form h1 h2 "
    "h3 h4 h5 h6 header hgroup hr listing main menu nav ol p pre search section summary table ul xmp li dd dt "
    "plaintext"
)
_CLOSES_P = frozenset(_CLOSES_P_NAMES.split())
_BUTTON_SCOPE = ("td", "th", "caption", "table", "button", "marquee", "object", "applet", "template")
#: Start tag → (elements it closes when open, elements that stop the search for them).
_IMPLIED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "li": (("li",), ("ul", "ol", "menu", "dir", *_BUTTON_SCOPE)),
    "dd": (("dd", "dt"), ("dl", *_BUTTON_SCOPE)),
    "dt": (("dd", "dt"), ("dl", *_BUTTON_SCOPE)),
    "option": (("option",), ("select", "datalist", *_BUTTON_SCOPE)),
    "optgroup": (("option", "optgroup"), ("select", *_BUTTON_SCOPE)),
    "td": (("td", "th"), ("table", "tr")),
    "th": (("td", "th"), ("table", "tr")),
    "tr": (("tr", "td", "th"), ("table", "tbody", "thead", "tfoot")),
    "tbody": (("tbody", "thead", "tfoot", "tr", "td", "th"), ("table",)),
    "thead": (("tbody", "thead", "tfoot", "tr", "td", "th"), ("table",)),
    "tfoot": (("tbody", "thead", "tfoot", "tr", "td", "th"), ("table",)),
    "rb": (("rb", "rt", "rp", "rtc"), ("ruby",)),
    "rt": (("rb", "rt", "rp"), ("ruby", "rtc")),
    "rp": (("rb", "rt", "rp"), ("ruby", "rtc")),
    "rtc": (("rb", "rt", "rp", "rtc"), ("ruby",)),
    # an <a> (<nobr>, <button>) inside an open one closes it (the adoption agency)
    "a": (("a",), ("td", "th", "caption", "marquee", "object", "applet", "template")),
    "nobr": (("nobr",), ("td", "th", "caption", "marquee", "object", "applet", "template")),
    "button": (("button",), ("td", "th", "caption", "table", "marquee", "object", "applet", "template")),
}
_P_CLOSE = (("p",), _BUTTON_SCOPE)
#: Start tag → the closings it implies, in the order the tree builder makes them.
_RULES = {
    name: tuple(r for r in ((_P_CLOSE if name in _CLOSES_P else None), _IMPLIED.get(name)) if r is not None)
    for name in _CLOSES_P | _IMPLIED.keys()
}
#: Elements whose text is never shown (removed with their content after parsing, or skipped when rendering):
#: kept a little beyond the limit, so the text of what they hold stays hidden.
_HIDDEN = frozenset(
    {"svg", "math", "noscript", "template", "object", "canvas", "select", "button", "video", "audio", "picture", "map"}
)
#: Elements whose removed tags leave nothing (the text around them was one run); any other leaves a space.
_INLINE_NAMES = (
    "a abbr b bdi bdo cite code data del dfn em font i ins kbd mark nobr q s samp small span strike strong sub sup "
    "time tt u var wbr"
)
_INLINE = frozenset(_INLINE_NAMES.split())


def cap_depth(html: str) -> str | None:
    """``html`` with the tags of elements nested deeper than :data:`KEEP_DEPTH` removed when the page nests
    deeper than :data:`MAX_DEPTH`, else ``None`` (the usual case, decided by a count on most pages)."""
    if len(html) < 3 * _MIN_TAGS or html.count("<") < _MIN_TAGS:
        return None
    if max(itertools.accumulate(map(_STEPS.__getitem__, _TAG_NAME_RE.findall(html))), default=0) < MAX_DEPTH:
        return None
    return _flatten(html)


def _flatten(html: str) -> str | None:
    stack: list[str] = []
    #: name → stack positions of the open elements of that name (innermost last)
    where: dict[str, list[int]] = {}
    #: name → start tags removed beyond the limit whose end tags are still to come
    ghosts: dict[str, int] = {}
    cuts: list[tuple[int, int, str]] = []
    skip_to = 0  # inside a comment or the text of a <script>, <style> …
    for m in _TAG_RE.finditer(html):
        start = m.start()
        if start < skip_to:
            continue
        end_mark, name, rest = m.groups()
        if name is None:  # a comment: skip to its end
            end = html.find("-->", m.end())
            if end < 0:
                break
            skip_to = end + 3
            continue
        name = name.lower()
        if end_mark:  # an end tag
            if ghosts.get(name):
                ghosts[name] -= 1
                cuts.append((start, m.end(), "" if name in _INLINE else " "))
                continue
            open_at = where.get(name)
            if open_at:
                depth = open_at[-1]
                while len(stack) > depth:
                    where[stack.pop()].pop()
            continue
        if name in _RAW_TEXT:  # a leaf whatever its depth (a removed <script> tag would show its code)
            end_m = _RAW_END_RE[name].search(html, m.end())
            if end_m is None:
                break
            skip_to = end_m.end()
            continue
        if name in _LEAF or rest.endswith("/"):
            continue
        for closes, stops in _RULES.get(name, ()):
            at = -1
            for other in closes:
                open_at = where.get(other)
                if open_at and open_at[-1] > at:
                    at = open_at[-1]
            if at < 0:
                continue
            for other in stops:
                open_at = where.get(other)
                if open_at and open_at[-1] > at:
                    break
            else:
                while len(stack) > at:
                    where[stack.pop()].pop()
        if name == "plaintext":
            break
        if len(stack) >= KEEP_DEPTH and (name not in _HIDDEN or len(stack) >= 2 * KEEP_DEPTH):
            ghosts[name] = ghosts.get(name, 0) + 1
            cuts.append((start, m.end(), "" if name in _INLINE else " "))
        else:
            open_at = where.get(name)
            if open_at is None:
                where[name] = [len(stack)]
            else:
                open_at.append(len(stack))
            stack.append(name)
    if not cuts:
        return None
    parts: list[str] = []
    last = 0
    for start, end, repl in cuts:
        parts.append(html[last:start])
        parts.append(repl)
        last = end
    parts.append(html[last:])
    return "".join(parts)
