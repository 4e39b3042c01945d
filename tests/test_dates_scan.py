"""parse_date's fast scan (no year: no date; no date starts at a blank nor too far before its year) finds what a
plain scan of DATE_RE finds."""

from __future__ import annotations

import datetime as _dt
import random

import pytest

from postclean.dates import _SLASHED_RE, DATE_RE, _from_match, _from_slashed, parse_date


def _reference(text: str) -> _dt.date | _dt.datetime | None:
    """parse_date as written before the fast scan: every DATE_RE match in turn, then the slashed forms."""
    if not text or len(text) > 4000:
        return None
    for m in DATE_RE.finditer(text):
        value = _from_match(m)
        if value is not None:
            return value
    if "/" in text:
        for m in _SLASHED_RE.finditer(text):
            value = _from_slashed(m)
            if value is not None:
                return value
    return None


CASES = [
    "\n                              14/02/2023 08:15\n                              ",
    "Joined the club in 2019 and still here",
    "by someone » Wed Jan 11, 2023 6:05 pm",
    "Posted on Wednesday, 11 January 2023 at 06:05 PM by someone",
    "poniedziałek, 14. de października, de 2019 г. 10:00",
    "segunda-feira,   14th   de   mayo,   de   2021",
    "Mittwoch,\t\t\t11.\t\tJanuar\t\t\t2023 um 18:05",
    "a note that mentions 2024 twice, 2024, and no date",
    "xDec. 3, 2020 (a month glued to a word still counts)",
    "© 2022 Example Forum Ltd. All rights reserved.",
    "2021-07-04T09:30:00.250Z",
    "12.05.2018, 23:59",
    "2020年3月5日 14:00",
    "no year at all: Yesterday at 10:22",
    "31/31/2020 then 05/06/2020 14h02",
    "20245 is not a year but 1999-12-31 is",
    "",
]


@pytest.mark.parametrize("text", CASES)
def test_parse_date_finds_what_a_full_scan_finds(text: str) -> None:
    assert parse_date(text) == _reference(text)


def test_parse_date_random_mixtures() -> None:
    rnd = random.Random(19)
    pieces = [
        "Mon", "Tuesday", "poniedziałek", "segunda-feira", "14th", "de", "mayo", "Dec.", "października", "  ",
        "\t", "\n", ",", ".", "2024", "12", "3", "T", "10:22", "PM", "GMT+2", "Z", "x", "é", "-", "/", "年",
        "月", "日", "г.", "am", "at", "um", "1999", "20245", "5/6/2020", "»",
    ]  # fmt: skip
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) + rnd.choice(("", " ")) for _ in range(rnd.randint(1, 14)))
        got, want = parse_date(text), _reference(text)
        assert got == want and type(got) is type(want), text
        if isinstance(got, _dt.datetime) and isinstance(want, _dt.datetime):
            assert got.tzinfo == want.tzinfo, text


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("2023-05-14T10:22z", 0),  # the scan is case-insensitive: a lower-case zone letter is UTC too
        ("2023-05-14t10:22:07z", 0),
        ("2023-05-14T10:22Z", 0),
        ("2023-05-14T10:22-05:30", -330),
        ("2023-05-14T10:22+0100", 60),
    ],
)
def test_iso_zones_read(text: str, offset: int) -> None:
    value = parse_date(text)
    assert isinstance(value, _dt.datetime) and value.utcoffset() == _dt.timedelta(minutes=offset)


def test_no_date_string_raises() -> None:
    """parse_date answers None or a date for any text shaped like one (it never raises from deep inside)."""
    rng = random.Random(7)
    tokens = ["T", "t", " ", "10:22", ":07", ".5", "z", "Z", "+01:00", "-0530", "+01", "GMT", "utc", "am", "PM", ","]
    for _ in range(3000):
        text = "2023-05-14" + "".join(rng.choice(tokens) for _ in range(rng.randint(0, 6)))
        value = parse_date(text)
        assert value is None or isinstance(value, _dt.date)


def test_html_time_with_lower_case_zone() -> None:
    """A ``<time datetime>`` with a lower-case ``z`` is read, not an error that flags the whole page and loses its
    posts (the XenForo test page with its zones written so)."""
    from pathlib import Path

    import postclean

    html = (Path(__file__).parent.parent / "fixtures" / "html" / "xenforo.html").read_text(encoding="utf-8")
    html = html.replace('+0000"', 'z"')
    assert 'z"' in html
    doc = postclean.clean(html, kind="html")
    assert "html-parse-error" not in doc.flags
    assert len(doc.posts) >= 2
    assert doc.posts[0].date == _dt.datetime(2023, 2, 14, 9, 30, tzinfo=_dt.timezone.utc)


def test_parse_date_whole_iso_values_read_as_the_scan_reads_them() -> None:
    """A text that is one ISO 8601 date or date-time (a ``<time datetime>`` value) skips the scan: same value,
    type and zone as the scan gives, out-of-range fields and odd zones included (those fall back to it)."""
    rnd = random.Random(7)
    days = ["2023-05-14", "1999-12-31", "2024-02-29", "2023-02-29", "2023-13-01", "2023-00-10", "0000-01-01"]
    times = ["", "T10:22", "T23:59:59", "T24:00", "T10:60:00", "T10:22:61", "T08:15:30.250", "T08:15.5", "t08:15"]
    zones = ["", "Z", "z", "+02:00", "-0530", "+14:59", "+15:00", "+2", "-00:00"]
    for day in days:
        for time_ in times:
            for zone in zones:
                text = day + time_ + (zone if time_ else "")
                for variant in (text, f" {text}", f"{text} ", text.replace("-", "/")):
                    got, want = parse_date(variant), _reference(variant)
                    assert got == want and type(got) is type(want), variant
                    if isinstance(got, _dt.datetime) and isinstance(want, _dt.datetime):
                        assert got.tzinfo == want.tzinfo, variant
    for _ in range(500):
        text = "".join(rnd.choice("0123456789-T:.Z+ ") for _ in range(rnd.randint(8, 26)))
        assert parse_date(text) == _reference(text), text
