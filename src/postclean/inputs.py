"""Input handling: bytes to text (BOM, UTF-8, declared charset, detection) and HTML-or-text detection."""

from __future__ import annotations

import codecs
from typing import Literal

import regex

from ._lazy import lazy

__all__ = ["decode", "detect_kind"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET_RE = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})""", regex.IGNORECASE
)
_XML_DECL_RE = regex.compile(
    rb"""^<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-zA-Z0-9_.:-]{2,40})""", regex.IGNORECASE
)

_HTML_START_RE = lazy(
    r"\A[\s\ufeff]*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|\?xml)", regex.I | regex.S
)
_TAG_RE = lazy(
    r"</?(?:html|head|body|div|span|p|a|table|tr|td|li|ul|ol|article|section|script|style|meta|link|br|img|"
    r"blockquote|h[1-6]|form|input|nav|header|footer|main|aside|dl|dt|dd|time|strong|em|b|i)\b[^<>]{0,2000}>",
    regex.IGNORECASE,
)


def _lookup(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: object) -> tuple[str, list[str]]:
    """Decode ``data`` to ``str``; return the text and flags describing what had to be done.

    ``bytes``: BOM first, then strict UTF-8, then a charset declared in the markup, then detection
    (``charset-normalizer`` when installed), finally cp1252 with replacement (flagged
    ``decoded-with-replacement``). Anything other than ``str``/``bytes``/``bytearray``/``memoryview`` raises
    :class:`TypeError`.
    """
    if isinstance(data, str):
        return data, []
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(
            f"postclean.clean() accepts str or bytes (HTML or extracted text), not {type(data).__name__}; "
            "read files with open(path, 'rb').read() or pass the decoded string"
        )
    flags: list[str] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, errors="replace"), flags
    try:
        return data.decode("utf-8"), flags
    except UnicodeDecodeError:
        pass
    head = data[:4096]
    m = _META_CHARSET_RE.search(head) or _XML_DECL_RE.search(head)
    if m:
        declared = _lookup(m.group(1).decode("ascii", "ignore"))
        if declared and declared != "utf-8":
            try:
                return data.decode(declared), [*flags, f"charset:{declared}"]
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional extra
        pass
    else:
        best = from_bytes(data).best()
        if best is not None and best.encoding:
            return str(best), [*flags, f"charset:{best.encoding}"]
    return data.decode("cp1252", errors="replace"), [*flags, "decoded-with-replacement"]


def detect_kind(text: str) -> Literal["text", "html"]:
    """``"html"`` when ``text`` is markup, ``"text"`` otherwise.

    A document start (``<!DOCTYPE html>``, ``<html>``) decides at once; otherwise the text must be dense with
    known tags (markup characters make up a real share of it), so prose that merely mentions ``<b>`` stays text.
    """
    if _HTML_START_RE.match(text[:2000]):
        return "html"
    sample = text[:200_000]
    if "<" not in sample:
        return "text"
    tags = 0
    tag_chars = 0
    for m in _TAG_RE.finditer(sample):
        tags += 1
        tag_chars += m.end() - m.start()
        if tags >= 50:
            break
    stripped = sample.strip()
    if tags >= 2 and stripped.startswith("<") and stripped.endswith(">"):
        return "html"
    if tags >= 10 and tag_chars >= 0.1 * len(sample):
        return "html"
    return "text"
