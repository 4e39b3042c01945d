"""Small helpers shared by the engine detectors."""

from __future__ import annotations

import regex
from selectolax.lexbor import LexborHTMLParser

from .._lazy import lazy

__all__ = ["forget", "generator", "has", "html_attr", "rule_out"]

_HTML_TAG_RE = lazy(r"<html\b[^>]{0,4000}>", regex.IGNORECASE)
_ATTR_RES: dict[str, regex.Pattern[str]] = {}


#: ``(tree, generator)`` of the page being detected: several packs read the generator, and when the page has
#: none each lookup scans the whole tree. One slot, replaced atomically; :func:`forget` drops the tree.
_GENERATOR: tuple[LexborHTMLParser | None, str] = (None, "")


def generator(tree: LexborHTMLParser) -> str:
    """Content of ``<meta name="generator">`` (empty when absent)."""
    global _GENERATOR
    cached = _GENERATOR
    if cached[0] is tree:
        return cached[1]
    n = tree.css_first("meta[name=generator], meta[name=Generator]")
    value = "" if n is None else (n.attributes.get("content") or "").strip()
    _GENERATOR = (tree, value)
    return value


#: ``(tree, selectors)``: selectors known to match nothing in the page being detected (see :func:`rule_out`).
_ABSENT: tuple[LexborHTMLParser | None, frozenset[str]] = (None, frozenset())


def forget() -> None:
    """Drop the cached page (called when a page is done, so its tree can be freed)."""
    global _GENERATOR, _ABSENT
    _GENERATOR = (None, "")
    _ABSENT = (None, frozenset())


def rule_out(tree: LexborHTMLParser, selectors: frozenset[str], union: str) -> None:
    """Query ``union`` (``selectors`` joined by commas) once: when it matches nothing, :func:`has` answers each
    of ``selectors`` on this page without a walk of the tree (a page of no known engine holds none of the
    packs' markup probes: one walk instead of one per probe). Replaces what an earlier call knew."""
    global _ABSENT
    _ABSENT = (None, frozenset())
    if not selectors:
        return
    try:
        found = tree.css_first(union)
    except Exception:  # a selector Lexbor cannot read: each probe answers (or fails) on its own
        return
    if found is None:
        _ABSENT = (tree, selectors)


def html_attr(html: str, name: str) -> str | None:
    """Attribute ``name`` of the ``<html>`` start tag, read from the raw markup."""
    m = _HTML_TAG_RE.search(html[:20000])
    if m is None:
        return None
    pat = _ATTR_RES.get(name)
    if pat is None:
        pat = _ATTR_RES[name] = regex.compile(
            rf"\s{regex.escape(name)}\s*=\s*[\"']?([^\"'\s>]*)", regex.IGNORECASE
        )
    a = pat.search(m.group(0))
    return a.group(1) if a else None


def has(tree: LexborHTMLParser, selector: str) -> bool:
    """True when ``selector`` matches somewhere in the page."""
    absent = _ABSENT
    if absent[0] is tree and selector in absent[1]:
        return False
    return tree.css_first(selector) is not None
