"""Dates as forums and news sites print them.

One compiled pattern (:data:`DATE_RE`) recognises a date (optionally with a time and a zone) anywhere in a
string; :func:`parse_date` turns the first one it finds into a :class:`datetime.date` (no time shown) or a
:class:`datetime.datetime` (time shown; timezone-aware when a zone is shown). Month names come from the data
table :data:`MONTHS`, so a new language is a data change.
"""

from __future__ import annotations

import datetime as _dt

import regex

from ._lazy import lazy

__all__ = [
    "AGO_SUFFIX",
    "AGO_UNITS",
    "DATE_LINE_RE",
    "DATE_RE",
    "JUST_NOW",
    "MONTHS",
    "RELATIVE_DAYS",
    "SHORT_AGE_UNITS",
    "SHORT_DATE",
    "SHORT_DATE_LINE_RE",
    "WEEKDAYS",
    "looks_like_date_line",
    "parse_date",
    "parse_short_date",
]

#: Month names and abbreviations by month number, all lower case, per language.
MONTHS: dict[str, dict[int, tuple[str, ...]]] = {
    "en": {
        1: ("january", "jan"),
        2: ("february", "feb"),
        3: ("march", "mar"),
        4: ("april", "apr"),
        5: ("may",),
        6: ("june", "jun"),
        7: ("july", "jul"),
        8: ("august", "aug"),
        9: ("september", "sept", "sep"),
        10: ("october", "oct"),
        11: ("november", "nov"),
        12: ("december", "dec"),
    },
    "de": {
        1: ("januar", "jänner", "jan"),
        2: ("februar", "feb"),
        3: ("märz", "mär", "mrz"),
        4: ("april", "apr"),
        5: ("mai",),
        6: ("juni", "jun"),
        7: ("juli", "jul"),
        8: ("august", "aug"),
        9: ("september", "sep", "sept"),
        10: ("oktober", "okt"),
        11: ("november", "nov"),
        12: ("dezember", "dez"),
    },
    "fr": {
        1: ("janvier", "janv"),
        2: ("février", "fevrier", "févr", "fevr"),
        3: ("mars",),
        4: ("avril", "avr"),
        5: ("mai",),
        6: ("juin",),
        7: ("juillet", "juil"),
        8: ("août", "aout"),
        9: ("septembre", "sept"),
        10: ("octobre", "oct"),
        11: ("novembre", "nov"),
        12: ("décembre", "decembre", "déc", "dec"),
    },
    "es": {
        1: ("enero", "ene"),
        2: ("febrero", "feb"),
        3: ("marzo", "mar"),
        4: ("abril", "abr"),
        5: ("mayo", "may"),
        6: ("junio", "jun"),
        7: ("julio", "jul"),
        8: ("agosto", "ago"),
        9: ("septiembre", "setiembre", "sep", "sept"),
        10: ("octubre", "oct"),
        11: ("noviembre", "nov"),
        12: ("diciembre", "dic"),
    },
    "pt": {
        1: ("janeiro", "jan"),
        2: ("fevereiro", "fev"),
        3: ("março", "marco", "mar"),
        4: ("abril", "abr"),
        5: ("maio", "mai"),
        6: ("junho", "jun"),
        7: ("julho", "jul"),
        8: ("agosto", "ago"),
        9: ("setembro", "set"),
        10: ("outubro", "out"),
        11: ("novembro", "nov"),
        12: ("dezembro", "dez"),
    },
    "it": {
        1: ("gennaio", "gen"),
        2: ("febbraio", "feb"),
        3: ("marzo", "mar"),
        4: ("aprile", "apr"),
        5: ("maggio", "mag"),
        6: ("giugno", "giu"),
        7: ("luglio", "lug"),
        8: ("agosto", "ago"),
        9: ("settembre", "set"),
        10: ("ottobre", "ott"),
        11: ("novembre", "nov"),
        12: ("dicembre", "dic"),
    },
    "nl": {
        1: ("januari", "jan"),
        2: ("februari", "feb"),
        3: ("maart", "mrt"),
        4: ("april", "apr"),
        5: ("mei",),
        6: ("juni", "jun"),
        7: ("juli", "jul"),
        8: ("augustus", "aug"),
        9: ("september", "sep", "sept"),
        10: ("oktober", "okt"),
        11: ("november", "nov"),
        12: ("december", "dec"),
    },
    "pl": {
        1: ("stycznia", "styczeń", "sty"),
        2: ("lutego", "luty", "lut"),
        3: ("marca", "marzec", "mar"),
        4: ("kwietnia", "kwiecień", "kwi"),
        5: ("maja", "maj"),
        6: ("czerwca", "czerwiec", "cze"),
        7: ("lipca", "lipiec", "lip"),
        8: ("sierpnia", "sierpień", "sie"),
        9: ("września", "wrzesień", "wrz"),
        10: ("października", "październik", "paź"),
        11: ("listopada", "listopad", "lis"),
        12: ("grudnia", "grudzień", "gru"),
    },
    "ru": {
        1: ("января", "январь", "янв"),
        2: ("февраля", "февраль", "фев"),
        3: ("марта", "март", "мар"),
        4: ("апреля", "апрель", "апр"),
        5: ("мая", "май"),
        6: ("июня", "июнь", "июн"),
        7: ("июля", "июль", "июл"),
        8: ("августа", "август", "авг"),
        9: ("сентября", "сентябрь", "сен"),
        10: ("октября", "октябрь", "окт"),
        11: ("ноября", "ноябрь", "ноя"),
        12: ("декабря", "декабрь", "дек"),
    },
}

_MONTH_LOOKUP: dict[str, int] = {}
for _table in MONTHS.values():
    for _num, _names in _table.items():
        for _name in _names:
            _MONTH_LOOKUP.setdefault(_name, _num)

_MONTH_ALT = "|".join(sorted((regex.escape(n) for n in _MONTH_LOOKUP), key=len, reverse=True))
_MON = rf"(?:{_MONTH_ALT})\.?"
#: Weekday names and abbreviations, lower case, per language (the forms forums print before a date: phpBB's
#: ``Mi 1. Jun 2022``, ``mer. 1 juin 2022``, ``Mié Jun 01, 2022``, ``Пт 13 сен 2024``).
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
           "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
           "mo", "di", "mi", "do", "fr", "sa", "so"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
           "lun", "mar", "mer", "jeu", "ven", "sam", "dim"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
           "lun", "mar", "mié", "mie", "jue", "vie", "sáb", "sab", "dom"),
    "pt": ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo",
           "seg", "ter", "qua", "qui", "sex", "sáb", "sab", "dom"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
           "lun", "mar", "mer", "gio", "ven", "sab", "dom"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
           "ma", "di", "wo", "do", "vr", "za", "zo"),
    "pl": ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
           "pon", "wt", "śr", "czw", "pt", "sob", "niedz", "nd"),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
           "пн", "вт", "ср", "чт", "пт", "сб", "вс"),
}
_WEEKDAY_ALT = "|".join(
    sorted({regex.escape(n) for names in WEEKDAYS.values() for n in names}, key=len, reverse=True)
)
#: (a whole word: ``(?<!\w)`` keeps it from starting inside a word, and the date must follow)
_WEEKDAY = rf"(?<!\w)(?:{_WEEKDAY_ALT})(?!\w)\.?,?[ \t]+"
#: (blanks before am/pm only when am/pm follows: a time followed by a long run of blanks, as text browsers lay
#: out tables, would otherwise be matched with every length of that run, quadratic before a ``(?<!\s)``)
_TIME = r"(?P<h>\d{1,2})[:.h](?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:[ \t]*(?P<ampm>[ap]\.?m\.?))?"
_ZONE = r"(?P<tz>(?:GMT|UTC)[ \t]*(?P<tzs>[+-])[ \t]*(?P<tzh>\d{1,2})(?::?(?P<tzm>\d{2}))?|UTC|GMT|Z\b)"
_TIME_PART = rf"(?:(?:,|[ \t]+at|[ \t]+um|[ \t]+à|[ \t]+a[ \t]+las|[ \t]*[-–|·@])?[ \t]*(?:{_ZONE}[ \t]+)?{_TIME}(?:[ \t]*{_ZONE})?)"

_DATE_CORE = (
    # 2023-05-14, 2023-05-14T10:00:00Z, 2023/05/14
    rf"(?P<iso>(?P<iy>\d{{4}})[-/](?P<im>\d{{1,2}})[-/](?P<id>\d{{1,2}})"
    rf"(?:[T[ \t]](?P<ih>\d{{2}}):(?P<imi>\d{{2}})(?::(?P<is>\d{{2}})(?:\.\d+)?)?(?P<itz>Z|[+-]\d{{2}}:?\d{{2}})?)?)"
    # May 14, 2023 / Dec. 18, 2025 4:54 PM / Nov 4th, 2011
    rf"|(?P<mdy>(?P<m1>{_MON})[ \t]+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(?P<y1>\d{{4}}))"
    # 14 May 2023 / 14. Mai 2023 / 14 de mayo de 2023 / 14 мая 2023 г.
    rf"|(?P<dmy>(?P<d2>\d{{1,2}})(?:st|nd|rd|th|er)?\.?[ \t]+(?:de[ \t]+)?(?P<m2>{_MON}),?[ \t]+(?:de[ \t]+)?(?P<y2>\d{{4}})(?:[ \t]*г\.?)?)"
    # 2025年12月18日
    r"|(?P<cjk>(?P<y3>\d{4})[ \t]*年[ \t]*(?P<m3>\d{1,2})[ \t]*月[ \t]*(?P<d3>\d{1,2})[ \t]*日)"
    # 18.12.2025 (day first, as in most of Europe)
    r"|(?P<dotted>(?P<d4>\d{1,2})\.(?P<m4>\d{1,2})\.(?P<y4>\d{4}))"
)

#: 18/12/2025 with an optional time (``18/12/2025, 21h02``): day first, as French, Spanish and Portuguese
#: forums print it, month first when the day cannot be (12/18/2025). Not a :data:`DATE_RE` form (a bare
#: slashed date is ambiguous in prose): :func:`parse_date` falls back to it, the forum packs' headers use it.
SLASHED_DATE = rf"(?P<slashed>(?P<d5>\d{{1,2}})/(?P<m5>\d{{1,2}})/(?P<y5>\d{{4}}))(?!/)(?:{_TIME_PART})?"
_SLASHED_RE = lazy(SLASHED_DATE, regex.IGNORECASE | regex.VERSION1)

#: A date, with optional weekday before and optional time/zone after, anywhere in a string.
DATE_RE = lazy(
    rf"(?:{_WEEKDAY})?(?:{_DATE_CORE})(?:{_TIME_PART})?",
    regex.IGNORECASE | regex.VERSION1,
)

#: :func:`parse_date`'s scan: :data:`DATE_RE` behind ``(?=\w)``. Every date starts with a word character (a digit,
#: a weekday's or a month's first letter), so the matches are DATE_RE's; the look-ahead turns a blank or a sign
#: away at once, where DATE_RE tries its hundreds of weekday and month names at every position.
_DATE_SCAN_RE = lazy(rf"(?=\w)(?:{_WEEKDAY})?(?:{_DATE_CORE})(?:{_TIME_PART})?", regex.IGNORECASE | regex.VERSION1)
#: Every date form holds a year of four digits.
_YEAR_RE = lazy(r"\d{4}")
#: A text that is one ISO 8601 date or date-time and nothing else (``2023-05-14``, ``2023-05-14T10:22:33.5+02:00``),
#: as a ``<time datetime>`` attribute writes it: :data:`_DATE_SCAN_RE`'s first match in it is its ``iso`` form
#: over the whole text (no weekday or month name starts with a digit; the optional parts are greedy and nothing
#: follows them), with these groups, so :func:`parse_date` reads it without the scan of every date form.
_ISO_WHOLE_RE = lazy(
    r"(?P<iy>[0-9]{4})-(?P<im>[0-9]{2})-(?P<id>[0-9]{2})"
    r"(?:T(?P<ih>[0-9]{2}):(?P<imi>[0-9]{2})(?::(?P<is>[0-9]{2})(?:\.[0-9]+)?)?(?P<itz>Z|[+-][0-9]{2}:?[0-9]{2})?)?"
)
#: The most characters other than spaces and tabs a :data:`DATE_RE` match holds before its year: a weekday and
#: ``.,``, then ``14th. de`` + month + ``.,`` + ``de`` (the longest form, day first), with a margin.
_BEFORE_YEAR = (
    max(len(n) for names in WEEKDAYS.values() for n in names) + max(len(n) for n in _MONTH_LOOKUP) + 16
)


def _earliest_start(text: str, year: int) -> int:
    """The leftmost index at which a date whose year starts at ``year`` or later can start in ``text``: no match
    holds more than :data:`_BEFORE_YEAR` characters other than blanks before its year."""
    left = _BEFORE_YEAR
    i = year
    while i > 0 and left > 0:
        i -= 1
        if text[i] not in " \t":
            left -= 1
    return i


#: A line that is nothing but a date (a dateline or a post-date line).
DATE_LINE_RE = lazy(
    rf"^[ \t]*+(?:(?:Published|Updated|Posted|Veröffentlicht|Publié)(?:[ \t]+on)?:?[ \t]+)?"
    rf"(?:{_WEEKDAY})?(?:{_DATE_CORE})(?:{_TIME_PART})?(?:[ \t]*{_ZONE})?"
    rf"(?:[ \t]*\((?:GMT|UTC)[^)\n]{{0,10}}\))?[ \t]*$",
    regex.IGNORECASE | regex.VERSION1 | regex.MULTILINE,
)


def looks_like_date_line(line: str) -> bool:
    """True when ``line`` holds a date (and maybe a time/zone) and nothing else."""
    return DATE_LINE_RE.match(line) is not None


def _month(name: str) -> int | None:
    return _MONTH_LOOKUP.get(name.lower().rstrip("."))


def _build(
    y: int, mo: int, d: int, m: regex.Match[str] | None, h_key: str = "h", mi_key: str = "mi"
) -> _dt.date | _dt.datetime | None:
    try:
        day = _dt.date(y, mo, d)
    except ValueError:
        return None
    if m is None or m.group(h_key) is None:
        return day
    hour = int(m.group(h_key))
    minute = int(m.group(mi_key))
    second = int(m.group("s") or 0) if h_key == "h" else int(m.group("is") or 0)
    ampm = (m.group("ampm") or "").lower().replace(".", "") if h_key == "h" else ""
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return day
    tz: _dt.tzinfo | None = None
    if h_key == "h" and m.group("tz"):
        if m.group("tzh") is not None:
            sign = -1 if m.group("tzs") == "-" else 1
            offset = _dt.timedelta(hours=int(m.group("tzh")), minutes=int(m.group("tzm") or 0))
            if offset < _dt.timedelta(hours=15):
                tz = _dt.timezone(sign * offset)
        else:
            tz = _dt.timezone.utc
    elif h_key == "ih" and m.group("itz"):
        raw = m.group("itz")
        digits = raw[1:].replace(":", "")
        if raw in ("Z", "z"):  # (the scan is case-insensitive: ``10:22z`` is UTC too)
            tz = _dt.timezone.utc
        elif raw[0] in "+-" and digits.isdigit() and len(digits) in (2, 4):
            sign = -1 if raw[0] == "-" else 1
            offset = _dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
            if offset < _dt.timedelta(hours=15):
                tz = _dt.timezone(sign * offset)
    return _dt.datetime(y, mo, d, hour, minute, second, tzinfo=tz)


def _from_match(m: regex.Match[str]) -> _dt.date | _dt.datetime | None:
    if m.group("iso"):
        return _build(int(m.group("iy")), int(m.group("im")), int(m.group("id")), m, "ih", "imi")
    if m.group("mdy"):
        mo = _month(m.group("m1"))
        return _build(int(m.group("y1")), mo, int(m.group("d1")), m) if mo else None
    if m.group("dmy"):
        mo = _month(m.group("m2"))
        return _build(int(m.group("y2")), mo, int(m.group("d2")), m) if mo else None
    if m.group("cjk"):
        return _build(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")), m)
    if m.group("dotted"):
        return _build(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")), m)
    return None


def _from_slashed(m: regex.Match[str]) -> _dt.date | _dt.datetime | None:
    d, mo = int(m.group("d5")), int(m.group("m5"))
    if mo > 12 >= d:
        d, mo = mo, d
    return _build(int(m.group("y5")), mo, d, m)


def date_span(text: str) -> tuple[int, int] | None:
    """Where the first date :func:`parse_date` reads in ``text`` stands, as ``(start, end)``; None when there is
    none.

    >>> date_span("kestrel · 03/05/2024 19:44")
    (10, 26)
    """
    if not text or len(text) > 4000:
        return None
    year = _YEAR_RE.search(text)
    if year is None:
        return None
    for m in _DATE_SCAN_RE.finditer(text, _earliest_start(text, year.start())):
        if _from_match(m) is not None:
            return m.span()
    if "/" in text:
        for m in _SLASHED_RE.finditer(text):
            if _from_slashed(m) is not None:
                return m.span()
    return None


def parse_date(text: str) -> _dt.date | _dt.datetime | None:
    """Parse the first date in ``text``.

    >>> parse_date("Nov 4, 2011")
    datetime.date(2011, 11, 4)
    >>> parse_date("Dec. 18, 2025 4:54 PM")
    datetime.datetime(2025, 12, 18, 16, 54)
    >>> parse_date("2025年12月18日 GMT+8 16:54").isoformat()
    '2025-12-18T16:54:00+08:00'
    >>> parse_date("12/03/2015, 21h02")
    datetime.datetime(2015, 3, 12, 21, 2)
    >>> parse_date("no date here") is None
    True
    """
    if not text or len(text) > 4000:
        return None
    whole = _ISO_WHOLE_RE.fullmatch(text)
    if whole is not None:
        value = _build(int(whole["iy"]), int(whole["im"]), int(whole["id"]), whole, "ih", "imi")
        if value is not None:
            return value
    year = _YEAR_RE.search(text)
    if year is None:
        return None  # (no date without a year, slashed ones included)
    # (matches of DATE_RE, found faster: no date starts before the first year allows, nor at a blank)
    for m in _DATE_SCAN_RE.finditer(text, _earliest_start(text, year.start())):
        value = _from_match(m)
        if value is not None:
            return value
    if "/" in text:
        for m in _SLASHED_RE.finditer(text):
            value = _from_slashed(m)
            if value is not None:
                return value
    return None


#: Relative dates as Chinese-language boards (Discuz!) print them, per language: the day words and how many days
#: back each is, the units of ``3 天前`` (``N {unit}{suffix}``), the suffix, and the words for "just now".
RELATIVE_DAYS: dict[str, dict[str, int]] = {"zh": {"今天": 0, "昨天": 1, "前天": 2}}
AGO_UNITS: dict[str, tuple[str, ...]] = {
    "zh": ("秒", "秒钟", "分钟", "小时", "天", "周", "个月", "年", "秒鐘", "分鐘", "小時", "個月")
}
AGO_SUFFIX: dict[str, tuple[str, ...]] = {"zh": ("前",)}
JUST_NOW: dict[str, tuple[str, ...]] = {"zh": ("刚刚", "半小时前", "剛剛", "半小時前")}


#: The units of the "tiny" ages JavaScript forums print in a post's head (Discourse: ``2h``, ``5d``, ``3mon``,
#: ``1y``; German ``5 Min.``, ``2 Std.``), per language. Matched without regard to case, after the number (one
#: blank between them at most).
SHORT_AGE_UNITS: dict[str, tuple[str, ...]] = {
    "en": ("s", "m", "h", "d", "w", "mon", "y"),
    "de": ("Sek.", "Min.", "Std.", "T.", "Mon.", "J."),
    "fr": ("s", "min", "h", "j", "mois", "a"),
    "es": ("s", "min", "h", "d", "mes", "a"),
    "pt": ("s", "min", "h", "d", "mês", "a"),
    "it": ("s", "min", "h", "g", "mese", "a"),
    "nl": ("s", "m", "u", "d", "mnd", "j"),
    "pl": ("s", "min", "g", "d", "mies.", "r"),
    "ru": ("с", "мин", "ч", "д", "мес", "г"),
}
_AGE_UNIT_ALT = "|".join(
    sorted({regex.escape(u) for units in SHORT_AGE_UNITS.values() for u in units}, key=len, reverse=True)
)
#: A short date without a year or an age (the forms of :data:`SHORT_DATE_LINE_RE`, without its groups).
SHORT_DATE = (
    rf"(?:(?:{_MON})[ \t]+\d{{1,2}}(?!\d)|\d{{1,2}}\.?[ \t]+(?:{_MON})|(?:{_MON})[ \t]+['’]\d{{2}}"
    rf"|(?:<[ \t]*)?\d{{1,3}}[ \t]?(?:{_AGE_UNIT_ALT})(?!\w))"
)
#: A line that is nothing but a short date without a year, as a post's head prints it in a JavaScript view:
#: ``Mar 3``, ``3 Mar``, ``3. März`` (this year), ``Jan '23`` (an older year: month and two digits), or an age:
#: ``2h``, ``5d``, ``< 1m``, ``5 Min.``.
SHORT_DATE_LINE_RE = lazy(
    rf"^[ \t]*+(?:(?P<m1>{_MON})[ \t]+(?P<d1>\d{{1,2}})(?!\d)|(?P<d2>\d{{1,2}})\.?[ \t]+(?P<m2>{_MON})"
    rf"|(?P<m3>{_MON})[ \t]+['’](?P<y3>\d{{2}})|(?:<[ \t]*)?(?P<age>\d{{1,3}})[ \t]?(?:{_AGE_UNIT_ALT})(?!\w))[ \t]*$",
    regex.IGNORECASE | regex.VERSION1,
)


def parse_short_date(raw: str, year: int | None = None) -> _dt.date | None:
    """The day of a :data:`SHORT_DATE_LINE_RE` date (``Mar 3``, ``3 Mar``) when the year is known, else None (an
    age or a month without its day gives no day either: keep the raw text).

    >>> parse_short_date("Mar 3", 2024)
    datetime.date(2024, 3, 3)
    >>> parse_short_date("Mar 3") is None
    True
    >>> parse_short_date("5d", 2024) is None
    True
    """
    m = SHORT_DATE_LINE_RE.match(raw)
    if m is None or year is None:
        return None
    name, day = (m.group("m1"), m.group("d1")) if m.group("m1") else (m.group("m2"), m.group("d2"))
    mo = _month(name) if name else None
    if mo is None or day is None:
        return None
    try:
        return _dt.date(year, mo, int(day))
    except ValueError:
        return None
