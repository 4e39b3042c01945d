"""Why the case-insensitive patterns stay ``regex.VERSION1``: pins of what they match that ``VERSION0`` would not.

Two things hang on the version flag:

* ``VERSION1`` nests character classes: the ISO date-time separator of :data:`postclean.dates.DATE_RE` is
  ``[T[ \\t]]`` (``T``, space or tab). ``VERSION0`` reads ``[T[ \\t]`` followed by a literal ``]``, and every
  pattern that embeds the date pattern (most engine header and date-line patterns) loses its ISO times.
* With ``IGNORECASE``, ``VERSION1`` folds case fully: a literal run holding ``st``, ``fi``, ``fl``, ``ff``, ``ss``
  … also matches the one-character ligature or letter that folds to it (``ﬆ``, ``ﬁ``, ``ß`` …). ``VERSION0``
  folds simply (one character for one), so ``Auguﬆ`` and ``Modiﬁed`` stop matching. Almost every phrase in the
  tables holds such a run, so switching a pattern to ``VERSION0`` changes what it matches on text typeset with
  ligatures (PDF and word-processor copies), which the corpus snapshot cannot show (no corpus page has one).

Letters whose simple fold already maps them (long ``ſ``, the Kelvin sign, capital dotted ``İ``) match the same
under both versions; they are pinned here too, so that a change of flags or of the prefilters is caught.
"""

from __future__ import annotations

import datetime

import pytest
import regex

import postclean
from postclean import dates


@pytest.mark.parametrize("sep", ["T", " ", "\t"])
def test_iso_date_time_separator_is_a_nested_class(sep: str) -> None:
    m = dates.DATE_RE.search(f"2023-05-14{sep}10:07")
    assert m is not None and m.group("ih") == "10" and m.group("imi") == "07"
    assert dates.looks_like_date_line(f"2023-05-14{sep}10:07")
    when = postclean.parse_date(f"Posted 2023-05-14{sep}10:07")
    assert isinstance(when, datetime.datetime) and (when.hour, when.minute) == (10, 7)


def test_a_stray_bracket_is_no_date_time_separator() -> None:
    # VERSION0 would read the class as ``[T[ \t]`` + ``]``, matching a ``[`` and wanting a literal ``]``
    m = dates.DATE_RE.search("2023-05-14[]10:07")
    assert m is not None and m.group("ih") is None


@pytest.mark.parametrize(
    "line",
    [
        "August 26, 2024",
        "AUGUST 26, 2024",
        "Auguﬆ 26, 2024",  # U+FB06 ﬆ folds (fully) to "st"
        "Auguſt 26, 2024",  # U+017F long s folds (simply) to "s"
        "26 \u212awi 2024",  # Kelvin sign folds (simply) to "k" (Polish kwi = April)
        "26 Aprİl 2024",  # U+0130 capital dotted I: regex matches it to "i" under IGNORECASE
        "Donnerstag, 14. MÄRZ 2024",
        "Veröﬀentlicht: 14. März 2024",  # U+FB00 ﬀ folds (fully) to "ff"
    ],
)
def test_date_lines_fold_case_fully(line: str) -> None:
    assert dates.DATE_RE.search(line) is not None
    assert dates.looks_like_date_line(line)


@pytest.mark.parametrize("line", ["Auguﬆ 26, 2024", "Veröﬀentlicht: 14. März 2024"])
def test_simple_case_folding_would_miss_ligatures(line: str) -> None:
    """The reason the flags stay: the same source under VERSION0 (class un-nested) no longer matches."""
    assert dates.DATE_LINE_RE.flags & regex.FULLCASE
    simple = regex.compile(
        dates.DATE_LINE_RE.pattern.replace("[T[ \\t]]", "[T \\t]"),
        (dates.DATE_LINE_RE.flags & ~(regex.VERSION1 | regex.FULLCASE)) | regex.VERSION0,
    )
    assert simple.match(line) is None
    assert dates.DATE_LINE_RE.match(line) is not None


_QUESTION = (
    "Catering event for 1st time. How should I prepare?\n\nAsk Question\nAsked 14 years, 10 months ago\n"
    "{modified} 5 years, 1 month ago\nViewed 6k times\n11\n\n"
    "I'm just starting a catering service for my cooking.\n\n"
    "I'm not into too fancy style yet, like using metal silverware or china plates.\n"
)


@pytest.mark.parametrize("modified", ["Modified", "MODIFIED", "Modiﬁed"])  # U+FB01 ﬁ folds (fully) to "fi"
def test_question_header_spelt_with_a_ligature_is_removed(modified: str) -> None:
    doc = postclean.clean(_QUESTION.format(modified=modified), kind="text")
    assert "5 years, 1 month ago" not in doc.text
    assert "catering service" in doc.text
