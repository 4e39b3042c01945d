"""Generic text-cleaning baselines applied to the same inputs as postclean's text door.

* :func:`c4_line_filter` — the line rules of the C4 corpus cleaner (Raffel et al. 2020, "Exploring the
  Limits of Transfer Learning", section 2.2, as implemented in TensorFlow Datasets' ``c4_utils.clean_page``):
  keep lines that end in terminal punctuation (``.``, ``!``, ``?``, or a closing quotation mark), are not an
  ellipsis, and have at least 3 words; drop lines mentioning "javascript", cookie/privacy-policy notices, and
  lines with words over 1000 characters; strip Wikipedia-style citation markers. C4 drops a whole *page*
  that contains ``lorem ipsum`` or a curly brace, or has fewer than 3 sentences; on forum threads that would
  discard entire threads (code blocks are common), so here those rules apply per line and the sentence
  minimum is off by default (``page_rules=True`` restores the page-level behaviour).
* :func:`dedup_lines` — exact line de-duplication: a line that already appeared (after stripping surrounding
  whitespace) is dropped; blank lines are kept.
* :func:`oracle_lines` — not a cleaner but a yardstick: a line filter that *knows the ground truth* and drops
  whole lines while the page's content retention stays at or above a bound (0.99 by default). It shows how
  much chrome any line-level cleaner can remove under the retention target, given how the annotations were
  made (partial threads, typography that differs from the page, chrome words inside content lines).

Pure standard library + ``regex``; safe to import in CI.
"""

from __future__ import annotations

from collections import Counter

import regex

__all__ = ["c4_line_filter", "dedup_lines", "oracle_lines"]

_END_MARKS = (".", "?", "!", '"', "\u201d")
_ELLIPSIS = ("...", "\u2026")
_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
_CITATION = regex.compile(r"\[\d*\]|\[edit\]|\[citation needed\]", regex.IGNORECASE)
_SENTENCE_END = regex.compile(r"[.!?]+(?=\s|$)")
_MIN_WORDS = 3
_MIN_SENTENCES = 3
_MAX_WORD_LENGTH = 1000


def c4_line_filter(text: str, *, page_rules: bool = False) -> str:
    """Apply the C4 line rules to ``text`` and return the kept lines joined with newlines.

    With ``page_rules=True`` the page-level C4 rules also apply: the result is empty when the page holds
    ``lorem ipsum`` or ``{`` anywhere, or fewer than 3 sentences survive.
    """
    if page_rules:
        low = text.lower()
        if "lorem ipsum" in low or "{" in text:
            return ""
    kept: list[str] = []
    for raw in text.splitlines():
        line = _CITATION.sub("", raw).strip()
        if not line:
            continue
        low = line.lower()
        words = line.split()
        if len(words) < _MIN_WORDS:
            continue
        if any(len(w) > _MAX_WORD_LENGTH for w in words):
            continue
        if not line.endswith(_END_MARKS) or line.endswith(_ELLIPSIS):
            continue
        if "javascript" in low or "lorem ipsum" in low or "{" in line or "}" in line:
            continue
        if any(p in low for p in _POLICY):
            continue
        kept.append(line)
    result = "\n".join(kept)
    if page_rules and len(_SENTENCE_END.findall(result)) < _MIN_SENTENCES:
        return ""
    return result


def dedup_lines(text: str) -> str:
    """Drop every non-blank line whose stripped form already appeared earlier in ``text``."""
    seen: set[str] = set()
    out: list[str] = []
    for line in text.splitlines():
        key = line.strip()
        if key:
            if key in seen:
                continue
            seen.add(key)
        out.append(line)
    return "\n".join(out)


_TOKEN = regex.compile(r"\w+")


def _bag(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def oracle_lines(text: str, main_content: str, *, min_retention: float = 0.99) -> str:
    """Drop whole lines of ``text`` using the ground truth, keeping content retention >= ``min_retention``.

    Tokens and retention are those of the corpus README (multisets of lower-cased ``\\w+``; content tokens
    are the input's multiset intersection with ``main_content``). Lines are visited most-chrome-first (share
    of tokens absent from ``main_content``); a line is dropped when the content tokens it takes with it keep
    retention within the bound. Greedy, so a lower bound on the best line-level removal; blank lines are
    dropped. Only meaningful in a benchmark: a real cleaner never sees ``main_content``.
    """
    truth = _bag(main_content)
    lines = [line for line in text.splitlines() if line.strip()]
    bags = [_bag(line) for line in lines]
    have = _bag(text)
    present = sum((have & truth).values())
    if present == 0:
        return "\n".join(lines)
    allowed = present - min_retention * present

    def chrome_share(i: int) -> float:
        bag = bags[i]
        n = sum(bag.values())
        return sum(c for w, c in bag.items() if w not in truth) / n if n else 1.0

    dropped: set[int] = set()
    spent = 0.0
    for i in sorted(range(len(lines)), key=chrome_share, reverse=True):
        cost = sum(min(have[w], truth[w]) - min(have[w] - c, truth[w]) for w, c in bags[i].items())
        if spent + cost <= allowed + 1e-9:
            spent += cost
            have.subtract(bags[i])
            dropped.add(i)
    return "\n".join(line for i, line in enumerate(lines) if i not in dropped)
