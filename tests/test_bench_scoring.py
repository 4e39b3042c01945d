"""Unit tests for the benchmark scoring functions and text baselines (handmade strings only).

These import nothing but ``bench.scoring`` and ``bench.baselines`` (standard library + ``regex``), so they run
in CI without the peer extractors or the shared corpus.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.baselines import c4_line_filter, dedup_lines, oracle_lines
from bench.scoring import (
    ALL,
    chrome_removal,
    content_retention,
    fmt,
    fold_typography,
    group_rows,
    load_corpus,
    markdown_table,
    mean,
    median,
    normalize_ws,
    prf,
    snippet_rate,
    tokens,
)
from bench.text_bench import flagged_lines

# ------------------------------------------------------------------------------------------------ tokens


def test_tokens_lowercase_multiset() -> None:
    assert tokens("The cat, the HAT!") == Counter({"the": 2, "cat": 1, "hat": 1})


def test_tokens_unicode_words_and_underscore() -> None:
    assert tokens("Café déjà-vu snake_case 42") == Counter(
        {"café": 1, "déjà": 1, "vu": 1, "snake_case": 1, "42": 1}
    )


def test_tokens_empty_and_none() -> None:
    assert tokens("") == Counter()
    assert tokens(None) == Counter()
    assert tokens(" ... !!! ") == Counter()


# ------------------------------------------------------------------------------------------------- P/R/F1


def test_prf_identical() -> None:
    s = prf("one two three", "three two one")
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_prf_partial_overlap_counts_multiplicity() -> None:
    # extraction: a a b c (4 tokens); reference: a b b (3 tokens); overlap = a + b = 2
    s = prf("a a b c", "a b b")
    assert s.precision == pytest.approx(2 / 4)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_prf_extra_chrome_lowers_precision_only() -> None:
    s = prf("Log in Register hello world", "hello world")
    assert s.recall == 1.0
    assert s.precision == pytest.approx(2 / 5)


def test_prf_disjoint() -> None:
    s = prf("alpha", "beta")
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


def test_prf_empty_cases() -> None:
    assert prf("", "").f1 == 1.0
    assert prf(None, "words here").f1 == 0.0
    assert prf("words here", "").f1 == 0.0


# ------------------------------------------------------------------------------------------------ snippets


def test_normalize_ws() -> None:
    assert normalize_ws("  a\n\n b\t c  ") == "a b c"


def test_snippet_rate_case_insensitive_and_whitespace_normalised() -> None:
    text = "Hello   there,\nGeneral Kenobi.\n\nYou are a bold one."
    snippets = ["hello there, general KENOBI", "you are a\tbold one", "not present"]
    assert snippet_rate(text, snippets) == pytest.approx(2 / 3)


def test_snippet_rate_whitespace_in_snippet_spans_lines() -> None:
    # a line break in the text matches a space (or any whitespace run) in the snippet
    assert snippet_rate("first line\n\nsecond line", ["line second"]) == 1.0
    assert snippet_rate("first line second line", ["line \n  second"]) == 1.0
    # but a missing separator does not match
    assert snippet_rate("firstline", ["first line"]) == 0.0


def test_snippet_rate_no_snippets_is_undefined() -> None:
    assert snippet_rate("anything", []) is None
    assert snippet_rate("anything", None) is None
    assert snippet_rate("anything", ["  "]) is None


def test_snippet_rate_empty_text() -> None:
    assert snippet_rate("", ["Log in"]) == 0.0
    assert snippet_rate(None, ["Log in"]) == 0.0


# ------------------------------------------------------------------------------------- retention / chrome

MAIN = "the quick brown fox jumps"
INPUT = "Joined Messages the quick brown fox jumps Reply Reply"  # 4 chrome tokens + 5 content tokens


def test_retention_and_chrome_of_input_itself() -> None:
    assert content_retention(INPUT, INPUT, MAIN) == 1.0
    assert chrome_removal(INPUT, INPUT, MAIN) == 0.0


def test_perfect_cleaning() -> None:
    assert content_retention(INPUT, MAIN, MAIN) == 1.0
    assert chrome_removal(INPUT, MAIN, MAIN) == 1.0


def test_partial_cleaning() -> None:
    out = "quick brown fox Reply"  # keeps 3 of 5 content tokens, 1 of 4 chrome tokens
    assert content_retention(INPUT, out, MAIN) == pytest.approx(3 / 5)
    assert chrome_removal(INPUT, out, MAIN) == pytest.approx(1 - 1 / 4)


def test_retention_uses_multiset_intersection_with_main_content() -> None:
    # "the" occurs twice in the input but once in main_content: only one counts as content,
    # the other one is chrome.
    inp = "the the fox"
    main = "the fox"
    assert content_retention(inp, "the fox", main) == 1.0
    assert chrome_removal(inp, "the fox", main) == 1.0
    assert chrome_removal(inp, "the the fox", main) == 0.0


def test_empty_output() -> None:
    assert content_retention(INPUT, "", MAIN) == 0.0
    assert chrome_removal(INPUT, "", MAIN) == 1.0


def test_undefined_cases() -> None:
    assert content_retention("Log in Register", "Log in", MAIN) is None  # no content in the input
    assert chrome_removal(MAIN, MAIN, MAIN) is None  # no chrome in the input


def test_chrome_removal_can_go_negative_when_output_adds_chrome() -> None:
    assert chrome_removal("fox Reply", "fox Reply Reply", "fox") == pytest.approx(-1.0)


# ----------------------------------------------------------------------------------------------- baselines


def test_c4_keeps_sentences_and_drops_chrome_lines() -> None:
    text = "\n".join(
        [
            "Log in",  # too short, no terminal punctuation
            "This is a proper sentence.",
            "Please enable JavaScript to view the comments.",
            "Is this a question?",
            "Wait for it...",  # ellipsis
            "if (x) { return y; }.",  # curly braces
            "We use cookies; see our privacy policy.",
            "Two words.",
            'He said "it works."',
            "Cited claim here.[12]",
        ]
    )
    assert c4_line_filter(text).splitlines() == [
        "This is a proper sentence.",
        "Is this a question?",
        'He said "it works."',
        "Cited claim here.",
    ]


def test_c4_page_rules() -> None:
    assert c4_line_filter("One two three.\nFour five six.", page_rules=True) == ""  # < 3 sentences
    three = "One two three.\nFour five six.\nSeven eight nine."
    assert c4_line_filter(three, page_rules=True) == three
    assert c4_line_filter(three + "\nlorem ipsum dolor sit.", page_rules=True) == ""


def test_dedup_lines() -> None:
    text = "Reply\nHello there.\n\nReply\n  Hello there.  \nBye.\n"
    assert dedup_lines(text) == "Reply\nHello there.\n\nBye."


def test_dedup_keeps_blank_lines_and_order() -> None:
    assert dedup_lines("a\n\nb\n\na") == "a\n\nb\n"


# ------------------------------------------------------------------------------------------ aggregation


def test_mean_median_skip_none() -> None:
    assert mean([1.0, None, 3.0]) == 2.0
    assert median([None, 5.0, 1.0, 3.0]) == 3.0
    assert mean([None]) is None
    assert median([]) is None


def test_fmt_and_table() -> None:
    assert fmt(None) == "–"
    assert fmt(0.12345) == "0.123"
    table = markdown_table(["a", "b"], [["x", "1"]])
    assert table.splitlines() == ["| a | b |", "|:---|---:|", "| x | 1 |"]


# ---------------------------------------------------------------------------------------------- corpus


def _write_page(root: Path, engine: str, page_id: str, *, text: bool = True) -> None:
    folder = root / engine
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{page_id}.html").write_text("<p>hi</p>", encoding="utf-8")
    truth = {"main_content": "hi", "with": ["hi"], "without": ["Log in"], "url": "https://example.org/t/1"}
    (folder / f"{page_id}.truth.json").write_text(json.dumps(truth), encoding="utf-8")
    if text:
        (folder / f"{page_id}.trafilatura.txt").write_text("hi\nLog in", encoding="utf-8")


def test_load_corpus_and_grouping(tmp_path: Path) -> None:
    _write_page(tmp_path, "xenforo2", "b")
    _write_page(tmp_path, "xenforo1", "a")
    _write_page(tmp_path, "phpbb", "c", text=False)
    (tmp_path / "phpbb" / "no-truth.html").write_text("<p/>", encoding="utf-8")

    pages = load_corpus(tmp_path)
    assert [(p.engine, p.id) for p in pages] == [("phpbb", "c"), ("xenforo1", "a"), ("xenforo2", "b")]
    assert pages[1].main_content == "hi"
    assert pages[1].url == "https://example.org/t/1"
    assert pages[1].trafilatura_text() == "hi\nLog in"
    assert pages[0].trafilatura_text() == ""

    assert [p.id for p in load_corpus(tmp_path, need_text=True)] == ["a", "b"]
    assert [p.id for p in load_corpus(tmp_path, only="xenforo2")] == ["b"]
    assert len(load_corpus(tmp_path, pages=2)) == 2

    groups = list(group_rows(pages))
    assert groups == [("phpbb", [0]), ("xenforo1", [1]), ("xenforo2", [2]), (ALL, [0, 1, 2])]


# ------------------------------------------------------------------------------------ leftover check


def test_flagged_lines_kinds() -> None:
    text = "\n".join(
        [
            "A normal sentence about joined pipes.",
            "- Joined",
            "Joined: Mar 2020",
            "  - Reaction score",
            "Someone said: quoted words Click to expand... reply",
            "Reactions: Ann, Bob",
            "Posts: 1,204",
            "Beiträge: 12",
            "Originally Posted by Ann",
            "12 Likes",
            "Like Reply Report",
            "Reply With Quote Multi-Quote",
            "He said: no. Like I said, reply soon.",
            "Messages from the front",
            "Reply",
        ]
    )
    kinds = [kind for kind, _ in flagged_lines(text)]
    assert kinds == [
        "member stats",
        "member stats",
        "member stats",
        "quote header/footer",
        "reactions",
        "member stats",
        "member stats",
        "quote header/footer",
        "reactions",
        "buttons",
        "buttons",
    ]


def test_flagged_lines_in_markdown_and_star_bullets() -> None:
    text = "\n".join(
        [
            "_Joined_",
            "  * Messages",
            "**Reactions:** [Ann, Bob](/posts/4/reactions)",
            "> Click to expand...",
            "* Joined the rowing club in May, and the kayak club too.",
            "The _Joined_ table holds both.",
        ]
    )
    kinds = [kind for kind, _ in flagged_lines(text)]
    # the bulleted sentence that starts with "Joined" is prose, not a stat label
    assert kinds == ["member stats", "member stats", "reactions", "quote header/footer"]


def test_flagged_lines_skip_a_stat_word_inside_a_broken_sentence() -> None:
    # converters break a sentence at an inline tag or a wrap: a bare "posts" or a bold "Reputation" inside it
    # is a word of the sentence; the same words over a figure or a date are stat labels
    text = "\n".join(
        [
            "Every member answers for whatever he or she",
            "posts",
            "on the board.",
            "7.",
            "Reputation",
            ": how long the host has been trading matters most.",
            "Senior Member",
            "Posts",
            "1,204",
            "Joined",
            ":   Mar 3, 2015",
            "Reputation",
        ]
    )
    assert [line for _, line in flagged_lines(text)] == ["Posts", "Joined", "Reputation"]


def test_flagged_lines_long_line_is_cut_around_the_match() -> None:
    line = "x" * 300 + " Click to expand... " + "y" * 300
    [(kind, excerpt)] = flagged_lines(line, width=60)
    assert kind == "quote header/footer"
    assert "Click to expand..." in excerpt
    assert excerpt.startswith("...") and excerpt.endswith("...")
    assert len(excerpt) == 60 + 6


def test_oracle_lines_drops_pure_chrome_and_respects_the_retention_bound() -> None:
    truth = "The boiler needs a new valve.\n\nI fitted one last week and it works."
    text = (
        "Home Forums Plumbing\n"
        "The boiler needs a new valve.\n"
        "Joined Mar 2019 Messages 412\n"
        "I fitted one last week and it works.\n"
        "Reply Quote Report"
    )
    out = oracle_lines(text, truth)
    assert out == "The boiler needs a new valve.\nI fitted one last week and it works."
    assert content_retention(text, out, truth) == 1.0
    assert chrome_removal(text, out, truth) == 1.0


def test_oracle_lines_keeps_content_lines_that_carry_chrome_words() -> None:
    truth = "Seven words of content are right here now."
    text = "Seven words of content are right here now. Like Reply"
    # Dropping the only line would lose every content token: retention would fall below 0.99.
    assert oracle_lines(text, truth) == text
    # With no bound on retention the line goes.
    assert oracle_lines(text, truth, min_retention=0.0) == ""


def test_fold_typography_only_for_the_diagnostic() -> None:
    page_text = "I’ve seen them “live” long"
    snippet = 'I\'ve seen them "live" long'
    assert snippet_rate(page_text, [snippet]) == 0.0  # the official rate never folds
    assert snippet_rate(fold_typography(page_text), [fold_typography(snippet)]) == 1.0


def test_best_of_keeps_the_fastest_time_and_the_first_value_and_error() -> None:
    from bench._common import best_of

    calls: list[int] = []

    def fn() -> int:
        calls.append(len(calls))
        return len(calls)

    run = best_of(fn, 3)
    assert calls == [0, 1, 2] and run.value == 1 and run.error is None and run.ms >= 0.0
    assert best_of(fn, 1).value == 4 and len(calls) == 4

    def boom() -> None:
        calls.append(-1)
        raise ValueError("bad page")

    failed = best_of(boom, 5)  # an error is not retried: the call failed, its time is that one call's
    assert failed.value is None and failed.error == "ValueError: bad page" and calls.count(-1) == 1
