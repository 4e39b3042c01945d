"""postclean: clean posts and structured metadata from scraped forum pages, HTML or already-extracted text.

>>> import postclean
>>> doc = postclean.clean("Alice said:\\nIs it on?\\nClick to expand...\\nYes, since Monday.")
>>> doc.text
'Yes, since Monday.'
>>> doc.posts[0].quotes[0].author
'Alice'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from .dates import parse_date
from .engine import Cleaner, RawPage, RawPost
from .model import Article, Comment, Document, LinkCard, Post, Poster, Quote, Removal
from .packs import DEFAULT_PACKS
from .rules import Hit, Rule, RulePack, SelectionError, rule
from .text import TextView

__all__ = [
    "DEFAULT_PACKS",
    "Article",
    "Cleaner",
    "Comment",
    "Document",
    "Hit",
    "LinkCard",
    "Post",
    "Poster",
    "Quote",
    "RawPage",
    "RawPost",
    "Removal",
    "Rule",
    "RulePack",
    "SelectionError",
    "TextView",
    "__version__",
    "all_rules",
    "clean",
    "parse_date",
    "precompile",
    "rule",
]

__version__ = "0.1.0"

_DEFAULT: Cleaner | None = None


def precompile() -> int:
    """Compile every rule pattern now instead of on first use; returns how many there are.

    Patterns compile lazily, so importing postclean is quick and a process pays only for what its documents
    need. Call this in a parent process before forking workers, so that they share the compiled patterns.
    The patterns derived from them (the newline-led forms of line patterns, the sniffers' joined line scans,
    the index of the rules' trigger literals) are built too: otherwise each is built on its first uses, while a
    document is cleaned.
    """
    from . import html  # noqa: F401  (the HTML door's patterns too)
    from ._lazy import compile_all, patterns
    from .packs._sniff import warm_scans
    from .text import line_variant, necessary_literals

    count = compile_all()
    for p in patterns():
        line_variant(p)
        necessary_literals(p)
    warm_scans()
    _default()._probe("")
    return count


def _default() -> Cleaner:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Cleaner()
    return _DEFAULT


def clean(
    data: str | bytes,
    *,
    kind: Literal["auto", "text", "html"] = "auto",
    url: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    rules: Sequence[Rule] = (),
) -> Document:
    """Clean a forum page (HTML) or text an extractor already produced into posts plus metadata.

    ``data`` is ``str`` or ``bytes`` (decoded from BOM, UTF-8, declared charset, then detection).
    ``kind="auto"`` tells HTML from text. ``select``/``ignore`` choose rules by code, prefix, name, tag or
    pack; ``rules`` adds your own (see :func:`rule`). Raises :class:`TypeError` for other input types and
    :class:`SelectionError` for unknown selectors.
    """
    if select is None and ignore is None and not rules:
        cleaner = _default()
    else:
        cleaner = Cleaner(select=select, ignore=ignore, rules=rules)
    return cleaner.clean(data, kind=kind, url=url)


def all_rules() -> tuple[Rule, ...]:
    """Every built-in rule, in run order."""
    return _default().rules
