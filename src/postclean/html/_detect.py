"""Small helpers shared by the engine detectors."""

from __future__ import annotations

import regex
from selectolax.lexbor import LexborHTMLParser

__all__ = ["generator", "has", "html_attr"]

_HTML_TAG_RE = regex.compile(r"<html\b[^>]{0,4000}>", regex.IGNORECASE)


def generator(tree: LexborHTMLParser) -> str:
    """Content of ``<meta name="generator">`` (empty when absent)."""
    n = tree.css_first("meta[name=generator], meta[name=Generator]")
    if n is None:
        return ""
    return (n.attributes.get("content") or "").strip()


def html_attr(html: str, name: str) -> str | None:
    """Attribute ``name`` of the ``<html>`` start tag, read from the raw markup."""
    m = _HTML_TAG_RE.search(html[:20000])
    if m is None:
        return None
    a = regex.search(rf"\s{regex.escape(name)}\s*=\s*[\"']?([^\"'\s>]*)", m.group(0), regex.IGNORECASE)
    return a.group(1) if a else None


def has(tree: LexborHTMLParser, selector: str) -> bool:
    """True when ``selector`` matches somewhere in the page."""
    return tree.css_first(selector) is not None
