"""Scoring functions and the corpus loader shared by the benchmarks.

The definitions follow ``shared/corpus/README.md`` exactly so figures are comparable between runs and people:

* tokens are ``regex.findall(r"\\w+", text.lower())``, compared as multisets;
* word precision / recall / F1 of an extraction against ``main_content``;
* ``with`` rate: share of ``with`` snippets found in the extraction, ``without`` rate: share of ``without``
  snippets found (lower is better); matching is case-insensitive, on text whose whitespace runs are collapsed
  to single spaces on both sides;
* text mode only: **content retention** = content tokens kept / content tokens present in the input,
  and **chrome removal** = 1 - (non-content tokens left in the output / non-content tokens in the input),
  where the content tokens of a text are its multiset intersection with ``main_content``.

This module imports nothing beyond the standard library and ``regex`` so it can be unit-tested in CI.
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

__all__ = [
    "ALL",
    "PRF",
    "Page",
    "chrome_removal",
    "content_retention",
    "corpus_root",
    "fmt",
    "fold_typography",
    "group_rows",
    "load_corpus",
    "markdown_table",
    "mean",
    "median",
    "normalize_ws",
    "prf",
    "require_corpus",
    "snippet_rate",
    "tokens",
]

#: Name of the aggregate row that covers every page.
ALL = "all"

_WORD = regex.compile(r"\w+")
_SPACES = regex.compile(r"\s+")


# --------------------------------------------------------------------------------------------------- tokens


def tokens(text: str | None) -> Counter[str]:
    """Multiset of lower-cased ``\\w+`` tokens of ``text`` (``None`` counts as empty)."""
    if not text:
        return Counter()
    return Counter(_WORD.findall(text.lower()))


def _size(bag: Counter[str]) -> int:
    return sum(bag.values())


@dataclass(frozen=True)
class PRF:
    """Word-level precision, recall and F1 of one extraction."""

    precision: float
    recall: float
    f1: float


def prf(extracted: str | None, reference: str | None) -> PRF:
    """Word precision / recall / F1 of ``extracted`` against ``reference`` (multiset token overlap).

    Edge cases: both empty scores 1/1/1; an empty extraction of a non-empty reference scores precision 0
    (nothing right was returned), recall 0, F1 0; a non-empty extraction of an empty reference scores 0/0/0.
    """
    ext, ref = tokens(extracted), tokens(reference)
    n_ext, n_ref = _size(ext), _size(ref)
    if n_ext == 0 and n_ref == 0:
        return PRF(1.0, 1.0, 1.0)
    if n_ext == 0 or n_ref == 0:
        return PRF(0.0, 0.0, 0.0)
    overlap = _size(ext & ref)
    p, r = overlap / n_ext, overlap / n_ref
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f1)


# ------------------------------------------------------------------------------------------------ snippets


def normalize_ws(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _SPACES.sub(" ", text).strip()


#: Typographic quotes and the no-break space, folded to their ASCII forms by :func:`fold_typography`.
_TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def fold_typography(text: str) -> str:
    """``text`` with curly quotes and apostrophes as ASCII and no-break spaces as spaces.

    A diagnostic only: the corpus's ``with`` snippets are often written with ASCII apostrophes where the page
    prints ``’``, so a verbatim extraction misses them. The official figures never fold.
    """
    return text.translate(_TYPOGRAPHY)


def snippet_rate(text: str | None, snippets: Sequence[str] | None) -> float | None:
    """Share of ``snippets`` found in ``text`` as case-insensitive substrings after whitespace normalisation.

    Returns ``None`` when there are no snippets (the page then does not count towards the mean).
    """
    wanted = [normalize_ws(s).casefold() for s in (snippets or ()) if s and s.strip()]
    if not wanted:
        return None
    hay = normalize_ws(text or "").casefold()
    return sum(1 for s in wanted if s in hay) / len(wanted)


# -------------------------------------------------------------------------------------------- text mode


def content_retention(
    input_text: str | None, output_text: str | None, main_content: str | None
) -> float | None:
    """Content tokens kept / content tokens present in the input.

    The content tokens of a text are its multiset intersection with ``main_content``. Returns ``None`` when
    the input holds no content token (undefined). The value exceeds 1 only if the output holds content tokens
    the input did not (for example after splitting glued words).
    """
    mc = tokens(main_content)
    present = _size(tokens(input_text) & mc)
    if present == 0:
        return None
    kept = _size(tokens(output_text) & mc)
    return kept / present


def chrome_removal(input_text: str | None, output_text: str | None, main_content: str | None) -> float | None:
    """1 - (non-content tokens left in the output / non-content tokens in the input).

    Non-content tokens are the multiset difference ``tokens(text) - (tokens(text) & main_content)``. Returns
    ``None`` when the input holds no non-content token (undefined). The value is negative only if the output
    holds more non-content tokens than the input (for example added header lines).
    """
    mc = tokens(main_content)
    chrome_in = _size(tokens(input_text) - mc)
    if chrome_in == 0:
        return None
    chrome_out = _size(tokens(output_text) - mc)
    return 1.0 - chrome_out / chrome_in


# ----------------------------------------------------------------------------------------------- corpus


def corpus_root() -> Path:
    """``shared/corpus`` next to the repository root (``<repo>/../shared/corpus``)."""
    return Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def require_corpus() -> Path:
    """Return the corpus directory, or print a clear message and exit with status 0 when it is absent."""
    root = corpus_root()
    if not root.is_dir():
        print(f"corpus not found at {root}; nothing to benchmark (the shared/ folder is optional).")
        raise SystemExit(0)
    return root


@dataclass(frozen=True)
class Page:
    """One corpus page with ground truth."""

    id: str
    engine: str  #: the engine folder name (``xenforo1`` and ``xenforo2`` stay separate)
    html_path: Path
    truth: dict[str, Any] = field(repr=False)

    @property
    def text_path(self) -> Path:
        """The saved trafilatura 2.3.1 output for this page (may not exist)."""
        return self.html_path.with_name(self.id + ".trafilatura.txt")

    @property
    def main_content(self) -> str:
        """The annotated clean thread text."""
        return str(self.truth.get("main_content") or "")

    @property
    def with_snippets(self) -> list[str]:
        """Snippets a correct extraction must contain."""
        return list(self.truth.get("with") or [])

    @property
    def without_snippets(self) -> list[str]:
        """Boilerplate snippets a correct extraction must not contain."""
        return list(self.truth.get("without") or [])

    @property
    def url(self) -> str | None:
        """The page URL from the ground truth."""
        value = self.truth.get("url")
        return str(value) if value else None

    def html(self) -> str:
        """The saved page (UTF-8, undecodable bytes replaced)."""
        return self.html_path.read_text(encoding="utf-8", errors="replace")

    def trafilatura_text(self) -> str:
        """The saved trafilatura output, or an empty string when absent."""
        if not self.text_path.is_file():
            return ""
        return self.text_path.read_text(encoding="utf-8", errors="replace")


def load_corpus(
    root: Path | None = None,
    *,
    only: str | None = None,
    pages: int | None = None,
    need_text: bool = False,
) -> list[Page]:
    """Pages with ground truth under ``root/<engine>/``, sorted by engine then id.

    ``only`` keeps one engine folder; ``pages`` keeps the first N pages (after filtering); ``need_text``
    keeps only pages that also have a saved ``<id>.trafilatura.txt``.
    """
    root = root or corpus_root()
    found: list[Page] = []
    for truth_path in sorted(root.glob("*/*.truth.json")):
        engine = truth_path.parent.name
        if only is not None and engine != only:
            continue
        page_id = truth_path.name[: -len(".truth.json")]
        html_path = truth_path.with_name(page_id + ".html")
        if not html_path.is_file():
            continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        page = Page(page_id, engine, html_path, truth)
        if need_text and not page.text_path.is_file():
            continue
        found.append(page)
    if pages is not None:
        found = found[:pages]
    return found


def group_rows(pages: Iterable[Page]) -> Iterator[tuple[str, list[int]]]:
    """Yield ``(engine, page indices)`` for every engine folder in order, then ``("all", every index)``."""
    groups: dict[str, list[int]] = {}
    everything: list[int] = []
    for i, page in enumerate(pages):
        groups.setdefault(page.engine, []).append(i)
        everything.append(i)
    yield from sorted(groups.items())
    yield ALL, everything


# ------------------------------------------------------------------------------------------- aggregation


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the defined values, ``None`` when there are none."""
    got = [v for v in values if v is not None]
    return statistics.fmean(got) if got else None


def median(values: Iterable[float | None]) -> float | None:
    """Median of the defined values, ``None`` when there are none."""
    got = [v for v in values if v is not None]
    return statistics.median(got) if got else None


def fmt(value: float | None, digits: int = 3) -> str:
    """Format a number for a table cell; undefined values print as ``–``."""
    if value is None:
        return "–"
    return f"{value:.{digits}f}"


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table; the first column is left-aligned, the others right-aligned."""
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("|" + "|".join([":---"] + ["---:"] * (len(header) - 1)) + "|")
    for row in rows:
        lines.append("| " + " | ".join(str(c) for c in row) + " |")
    return "\n".join(lines)


def warn(message: str) -> None:
    """Print a note to standard error."""
    print(message, file=sys.stderr)
