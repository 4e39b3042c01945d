"""The shortcuts that keep the engine sniffers cheap find exactly what the plain patterns find.

Texts are generated from phrase lists and fragments written here (dates, counts, names, odd characters), mixed
at random with a fixed seed.
"""

from __future__ import annotations

import itertools
import random

import pytest
import regex

from postclean.dates import DATE_RE
from postclean.packs import (
    discourse,
    fluxbb,
    invision,
    mybb,
    nodebb,
    phpbb,
    reddit,
    smf,
    stackexchange,
    vanilla,
    vbulletin,
)
from postclean.packs._modern import count_matches, phrase_list
from postclean.packs._sniff import (
    LINE_END_SPACE,
    LineScan,
    count_lines,
    factored_source,
    first_char_re,
    lines_ending_in,
    literal_led,
    requires,
    signal_found,
    stays_on_line,
)
from postclean.text import finditer_within, guarded_search, search_lines

CONCEPTS = (
    "ips_guest_prompt",
    "ips_post_links",
    "likes_count",
    "topic_list_header",
    "related_topics",
    "discourse_powered",
    "flarum_likes_this",
    "nodebb_status",
    "nodebb_last_reply",
    "replies_count",
    "post_controls",
)

FRAGMENTS = (
    "thornbury",
    "Mr_Epeen",
    "sid.m",
    "(Raoul Duke)",
    "May 3, 2024",
    "May 3, 2024, 8:45am",
    "2 May 2025 18:48",
    "2024-05-03 10:04",
    "2025-11-01 15:14:37",
    "03.05.2024",
    "August 26, 20241 yr",
    "Jan 2, 2024 5:07PM",
    "05-13-2016, 02:15 PM #6",
    "#1 2025-11-01 15:14:37",
    "1 yr",
    "3 mos",
    "2 wks",
    "5d",
    "1",
    "#12",
    "42",
    "123456",
    "٣",
    "1,204",
    "3.2k",
    "Top",
    "Find",
    "PM Find",
    "Website Email PM Find",
    "asked Mar 3",
    "answered Mar 12",
    "level 3",
    "More replies",
    "Upvote",
    "AM",
    "edited",
    "Posted",
    "said:",
    "wrote:",
    "__________________",
    "Code: Select all",
    "Post by Alice » Mon Mar 04, 2019",
    "« Reply #3 on: May 3",
    "2 people like this.",
    "1 person likes this.",
    "Originally Posted by Bob",
    "Alice is offline",
    "Bob is online now",
    "Bob wrote: ↑",
    "[–] someone 12 points",
    "J",
    "J Offline",
    "12 replies",
    "ORİGİNALLY POSTED BY",
    "link to comment",
    "Share on other sites",
    "Hello",
    "the vents opened this morning",
    ".",
    "...",
    "…",
    "’",
    "·",
    "•",
    "❤",
    "👍",
    "[-]",
    "İ",
    "\u212a",
    "ſ",
    "\xa0",
    "\t",
    "",
)
SEPARATORS = (" ", " ", "  ", "\t", "", "\xa0", " \t")


def _phrases() -> list[str]:
    return [p for concept in CONCEPTS for p in phrase_list(concept)]


def _variants(phrase: str) -> list[str]:
    return [
        phrase,
        phrase.upper(),
        phrase.lower(),
        phrase.replace(" ", "\t"),
        phrase.replace(" ", "  "),
        phrase[:-1],
        phrase[1:],
        phrase.replace("...", "…"),
        phrase.replace("'", "’"),
        phrase.replace("i", "İ"),
        phrase.replace("s", "ſ"),
    ]


def _line(rnd: random.Random, pool: list[str]) -> str:
    parts = [rnd.choice(pool) for _ in range(rnd.choice((1, 1, 1, 2, 3, 4)))]
    line = rnd.choice(SEPARATORS).join(parts)
    if rnd.random() < 0.2:
        line = rnd.choice(SEPARATORS) + line
    if rnd.random() < 0.2:
        line += rnd.choice(SEPARATORS)
    return line


def _texts(seed: int, count: int) -> list[str]:
    rnd = random.Random(seed)
    pool = [*FRAGMENTS * 20, *(v for p in _phrases() for v in _variants(p))]
    texts = []
    for _ in range(count):
        lines = [
            _line(rnd, pool) if rnd.random() < 0.8 else rnd.choice(("", " ", "7", "8", "9", "12"))
            for _ in range(40)
        ]
        texts.append("\n".join(lines))
    return texts


TEXTS = _texts(7, 150)
LINES = sorted(
    {line for text in TEXTS for line in text.split("\n")} | {v for p in _phrases() for v in _variants(p)}
)


def test_line_end_space_is_what_rstrip_removes() -> None:
    everything = {chr(c) for c in range(0x110000) if chr(c).isspace()} - {"\n"}
    assert set(LINE_END_SPACE) == everything


@pytest.mark.parametrize("chars", [".", "0123456789", ".!?"])
def test_lines_ending_in(chars: str) -> None:
    for text in TEXTS:
        expected = [line for line in text.split("\n") if line.rstrip()[-1:] and line.rstrip()[-1] in chars]
        assert list(lines_ending_in(text, chars)) == expected


def test_count_lines_is_count_matches_without_guard() -> None:
    pattern = regex.compile(r"^[ \t]*\d{1,3}[ \t]*$", regex.MULTILINE)
    for text in TEXTS:
        found = sum(1 for m in pattern.finditer(text) if m.end() > m.start())
        assert count_lines(pattern, text) == min(found, 2)
        assert count_lines(pattern, text, 5) == min(found, 5)


def _matches_same_strings(a: str, b: str, flags: int, strings: list[str]) -> None:
    pa, pb = regex.compile(f"(?:{a})", flags), regex.compile(f"(?:{b})", flags)
    for s in strings:
        assert bool(pa.fullmatch(s)) == bool(pb.fullmatch(s)), (a, b, s)


def test_factored_source() -> None:
    words = ["you", "your", "yours", "young", "yo", "a", "ab", "abc", "b"]
    src = "|".join(words)
    out = factored_source(src)
    assert out == "(?:yo(?:u(?:r(?:s|)|ng|)|)|a(?:b(?:c|)|)|b)"
    strings = [*words, "", "yo ", "abcd", "youn", "c"]
    _matches_same_strings(src, out, 0, strings)
    nested = r"x(?:a[ \t]+b|a[ \t]+c)\d{1,3}|x(?:a[ \t]+b)"
    _matches_same_strings(
        nested, factored_source(nested), regex.IGNORECASE, ["xa b1", "xa\tc22", "XA B", "xa c", "xab"]
    )


def test_factored_source_refuses_capturing_groups() -> None:
    with pytest.raises(Exception):  # noqa: B017 - the module's private exception
        factored_source(r"(a)b|(a)c")


def test_first_char_re() -> None:
    assert first_char_re("abc|Def|\\.x") == r"[\.Da]"
    first = first_char_re(r"(?:\d+|x)y|[♥❤]")
    assert first is not None
    assert [c for c in "x7♥❤y.٣" if regex.fullmatch(first, c)] == ["x", "7", "♥", "❤", "٣"]
    assert first_char_re("a?b") is None
    assert first_char_re("a|") is None
    assert first_char_re(r"(?=a)b") is None


def test_requires() -> None:
    assert requires(r"a\d{4}|b(?:\d{4}x|y\d{4})", r"\d{4}")
    assert not requires(r"a\d{4}|b(?:x|\d{4})", r"\d{4}")
    assert not requires(r"a(?:\d{4})?", r"\d{4}")
    assert not requires(r"(?:\d{4})+", r"\d{4}")  # quantified groups are not looked into
    assert requires(r"(?P<y>\d{4})", r"\d{4}")
    assert requires(DATE_RE.pattern, r"\d{4}")  # the sniffers' year shortcuts rely on it (and check it)
    assert discourse._one_line_has_year()
    assert invision._ips5_has_year()


def test_stays_on_line() -> None:
    assert (
        stays_on_line(regex.compile(r"^[ \t]*a[^\n]*$", regex.MULTILINE)) is False
    )  # negated class: in doubt
    assert stays_on_line(regex.compile(r"^[ \t]*\d{4}-\d\d[ \t]+x$", regex.MULTILINE))
    assert not stays_on_line(regex.compile(r"a\sb"))
    assert not stays_on_line(regex.compile(r"a.b", regex.DOTALL))


LINE_GROUPS = {
    "guest": (invision._GUEST_RE,),
    "links": (invision._LINKS_RE,),
    "discourse": (discourse._LIKES_RE, discourse._TOPIC_HEADER_RE, discourse._RELATED_RE),
    "nodebb footer": (nodebb._FOOTER_RE,),
}


@pytest.mark.parametrize("name", list(LINE_GROUPS))
def test_line_scan_finds_what_the_patterns_find(name: str) -> None:
    patterns = LINE_GROUPS[name]
    scan = LineScan(*patterns)
    assert scan.parts
    found = 0
    for line in LINES:
        expected = any(search_lines(p, line) is not None for p in patterns)
        found += expected
        assert scan.search(line) == expected, line
    assert found > 20
    for text in TEXTS:
        assert scan.search(text) == any(search_lines(p, text) is not None for p in patterns)


LED = [
    (phpbb._SNIFF_TOP_RE, "Top"),
    (mybb._SNIFF_FIND_RE, "Find"),
    (regex.compile(r"^[ \t]*asked[ \t]+[A-Z][a-z]{2}[ \t]+\d{1,2}", regex.MULTILINE), "asked"),
    (regex.compile(r"^[ \t]*level \d", regex.MULTILINE), "level "),
    (
        regex.compile(r"^[ \t]*Code: Select all[ \t]*$", regex.MULTILINE | regex.IGNORECASE),
        "Code: Select all",
    ),
]


@pytest.mark.parametrize(("pattern", "literal"), LED)
def test_literal_led(pattern: regex.Pattern[str], literal: str) -> None:
    led = literal_led(pattern, literal)
    assert led is not None and led.pattern.startswith(regex.escape(literal).replace("\\ ", " ")[:1])
    for s in [*LINES, *TEXTS]:
        assert bool(led.search(s)) == bool(pattern.search(s)), s


def test_reddit_collapse_line() -> None:
    pattern = regex.compile(r"^[ \t]*\[[–+-]\][ \t]*[\w-]{2,40}[^\n]*points?", regex.MULTILINE)
    for s in [*LINES, *TEXTS]:
        assert bool(reddit._SNIFF_COLLAPSE_RE.search(s)) == bool(pattern.search(s)), s


def test_nodebb_status_lines() -> None:
    found = 0
    for text in [*TEXTS, *LINES]:
        count = count_lines(nodebb._STATUS_LINE_RE, text)
        found += count
        assert count_lines(nodebb._SNIFF_STATUS_RE, text) == count, text
    assert found > 10


def test_literal_led_refuses() -> None:
    assert literal_led(regex.compile(r"^a|b", regex.MULTILINE), "a") is None
    assert literal_led(regex.compile(r"^[ \t]*To?p", regex.MULTILINE), "Top") is None


def test_split_led_patterns_find_what_the_joined_pattern_finds() -> None:
    joined = {
        vanilla._SNIFF_DATE_RES: regex.compile(
            rf"^[ \t]*{vanilla._MONTH}[ \t]+\d{{1,2}},[ \t]+\d{{4}}[ \t]+\d{{1,2}}:\d{{2}}[AP]M(?:[ \t]+edited[^\n]*)?$",
            regex.MULTILINE,
        ),
        stackexchange._SNIFF_ASKED_RES: regex.compile(
            r"^[ \t]*(?:asked|answered)[ \t]+[A-Z][a-z]{2}[ \t]+\d{1,2}", regex.MULTILINE
        ),
        reddit._SNIFF_LEVEL_RES: regex.compile(r"^[ \t]*(?:level \d|More replies|Upvote)", regex.MULTILINE),
    }
    for parts, pattern in joined.items():
        for s in [*LINES, *TEXTS]:
            assert any(p.search(s) for p in parts) == bool(pattern.search(s)), s


@pytest.mark.parametrize("pack", [vbulletin, phpbb, smf, mybb, fluxbb])
def test_classic_signals(pack: object) -> None:
    signals = pack._SNIFF  # type: ignore[attr-defined]
    needs = getattr(pack, "_SNIFF_NEEDS", {})
    hits = 0
    for text in [*TEXTS, *LINES[:3000]]:
        for pattern, _weight in signals:
            hit = guarded_search(pattern, text) is not None
            hits += hit
            assert signal_found(pattern, text) == hit, (pattern.pattern, text)
            if hit and pattern in needs:
                assert needs[pattern](text), (pattern.pattern, text)
    assert hits > 10


def _discourse_texts() -> list[str]:
    rnd = random.Random(11)
    headers = [
        "thornbury May 3, 2024, 8:45am 1",
        "hayley.p 2 May 2025 18:48 #2",
        "system Closed 2024-05-03 7",
    ]
    out = []
    for text in TEXTS[:80]:
        lines = text.split("\n")
        for _ in range(rnd.randint(0, 3)):
            lines.insert(
                rnd.randrange(len(lines) + 1), rnd.choice(headers) + rnd.choice(("", " ", "\t", "\xa0"))
            )
        out.append("\n".join(lines))
    return out


def test_discourse_one_line_headers() -> None:
    found = 0
    for text in _discourse_texts():
        for limit in (60_000, 200, 37):
            original = finditer_within(discourse._ONE_LINE_RE, discourse._DIGIT_END_LINE_RE, text, limit)
            count = discourse._count_one_line_headers(text, limit)
            assert count == sum(1 for _ in itertools.islice(original, 2))
            found += count
    assert found > 20


def test_discourse_num_gaps() -> None:
    texts = [*TEXTS, "\n1\n\n2\n", "1\n\n2\n\n3\n", " \n4\n\n5\n", "\n\n7\n\n8\n\n9\n", ""]
    for text in texts:
        expected = [(m.span(), m.group(1)) for m in discourse._NUM_GAP_RE.finditer(text)]
        assert [(m.span(), m.group(1)) for m in discourse._num_gaps(text)] == expected


def test_invision_entry_dates() -> None:
    rnd = random.Random(3)
    dated = [
        "August 26, 2024 1 yr",
        "August 26, 20241 yr Hi there",
        "3 May 2024 2 wks (edited)",
        "May 3, 2024 5 d",
    ]
    found = 0
    for text in TEXTS[:100]:
        lines = text.split("\n")
        for _ in range(rnd.randint(0, 3)):
            lines.insert(rnd.randrange(len(lines) + 1), rnd.choice(dated))
        text = "\n".join(lines)
        expected = count_matches(invision._IPS5_DATE_RE_M, text) >= 2 or bool(
            search_lines(invision._IPS5_GLUED_RE, text)
        )
        assert invision._ips5_entry_dates(text) == expected
        found += expected
    assert found > 10


def test_line_scan_guard_lets_full_case_folds_in() -> None:
    """Under full case folding ``ß`` matches ``ss`` and ``ﬁ`` matches ``fi``: the one-character look-ahead that
    guards a joined scan must not turn such lines away."""
    pattern = regex.compile(
        r"^[ \t\xa0]*(?:strasse|finden)[ \t\xa0]*$", regex.MULTILINE | regex.IGNORECASE | regex.VERSION1
    )
    scan = LineScan(pattern)
    for line in ("strasse", "STRASSE", "ßtrasse", "ﬁnden", "Finden"):
        expected = search_lines(pattern, line) is not None
        assert scan.search(line) == expected, line
    assert scan.search("ﬁnden") and search_lines(pattern, "ﬁnden") is not None
