"""What a reader sees of a line: Markdown syntax and list bullets, as the rules should see them.

Extractors write the same page in different notations. html2text writes Markdown: a button is
``[Reply](https://…)``, a menu item ``  * [Home](/)``, an avatar ``[ ![alice](/a.png) ](/members/alice)``, a
stat label ``_Joined_``, a quote ``> Bob said:``. inscriptis writes list items with ``*``, ``+`` and ``o``
bullets by depth. The rules are written against the words a reader sees (``Reply``, ``- Joined``), so the text
door shows them :func:`reader_lines`: Markdown links reduced to their labels, images dropped, emphasis,
heading and quote markers and escapes taken off, ``*``/``+`` bullets written ``-``, lynx's ``(BUTTON)`` markers
blanked. Bodies are still built from the input lines, so kept text keeps its notation.

A line whose reader text is empty (an image, an empty link, a lone bullet, a rule ``* * *``) reads as blank to
the rules; rule ``GEN011`` removes it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import regex

from ._lazy import lazy
from .dates import DATE_RE

__all__ = ["is_markdown", "line_reader", "reader_lines"]

#: A link target: no blanks or parentheses unless escaped (html2text writes ``\\(``) or one level deep, then
#: an optional ``"title"``. (Lengths are bounded so that a long line with many unclosed brackets costs linear
#: time: each ``[`` or ``(`` looks no further than that.)
_TARGET = r"\((?:[^()\s\\]|\\.|\([^()\s]{0,500}\)){0,2000}(?:[ \t]+\"[^\"\n]{0,500}\")?[ \t]*\)"
#: A link label or image alt text: no brackets unless escaped.
_LABEL = r"(?:[^\[\]\\\n]|\\.){0,500}"
#: Inline Markdown, left to right: an escaped character, an image, a link, strong markers, and the edges of
#: ``_emphasis_`` / ``*emphasis*`` (an underscore inside a word such as ``snake_case`` is not one).
_INLINE_RE = lazy(
    rf"\\(?P<esc>[\\`*_{{}}\[\]()#+\-.!>|~<])"
    rf"|\[(?P<label>{_LABEL})\]{_TARGET}"
    r"|\*\*+|__+"
    r"|(?<![\w*\\])[*_](?=[^\s*_])|(?<=[^\s*_\\])[*_](?![\w*])"
    # emphasis around strong text, ``_**Staff Member**_`` (html2text on ``<em><strong>``)
    r"|(?<![\w*\\])_(?=\*\*[^\s*_])|(?<=[^\s*_\\]\*\*)_(?![\w*])"
)
#: An image, taken out before links so that a linked image (``[![alt](src)](href)``) leaves a link.
_IMAGE_RE = lazy(rf"(?<!\\)!\[{_LABEL}\]{_TARGET}")
#: A table's separator row or a row of empty cells.
_TABLE_RULE_RE = lazy(r"^(?=[^|\n]*\|)[|:\- \t]+$")
#: A Markdown link or image, for :func:`is_markdown`.
_LINK_RE = lazy(rf"!?\[{_LABEL}\]{_TARGET}")
#: Block markers at the start of a Markdown line: quote markers, list bullets and numbers (nested lists with no
#: text of their own put several on one line), a heading marker.
_MD_LEAD_RE = lazy(
    r"^(?P<indent>[ \t]*)(?:>[ \t]?)*(?P<bullets>(?:(?:[*+-]|\d{1,9}[.)])(?:[ \t]+|$))*)(?:#{1,6}(?:[ \t]+|$))?"
)
#: A horizontal rule: ``* * *``, ``---``, ``___``.
_RULE_RE = lazy(r"^[ \t]*+(?:[*_-][ \t]*){3,}$")
#: A list bullet of a plain-text layout: ``*`` or ``+`` (and ``o``, inscriptis' third level, in texts that use
#: the other two), then a blank or the end of the line.
_BULLET_RE = lazy(r"^[ \t]*+(?P<bullet>[*+](?:[ \t]++[*+](?=[ \t]|$))*+)(?=[ \t]|$)", regex.MULTILINE)
_O_BULLET_RE = lazy(r"^[ \t]*+(?P<bullet>o)(?=[ \t]|$)")
_NUMBER_RE = lazy(r"^[ \t]*+(?P<bullet>\d{1,3}\.)(?=[ \t]|$)")
#: A texts needs this many lines with a Markdown link or image to be read as Markdown ...
MARKDOWN_MIN_LINK_LINES = 2
#: ... or this many lines with a ``**strong**`` span ...
MARKDOWN_MIN_STRONG_LINES = 3
#: A ``**strong**`` span on one line.
_STRONG_RE = lazy(r"(?<![\w*])\*\*(?=\S)[^*\n]{1,200}(?<=\S)\*\*(?![\w*])")
#: A line that is only an ``_emphasised_`` label (html2text without links writes ``<dt>`` so: ``_Messages_``).
_EMPHASIS_LINE_RE = lazy(r"^[ \t]*+_(?=[^\s_])[^_\n]{1,60}(?<=[^\s_])_[ \t]*$", regex.MULTILINE)
#: A Markdown escape of a character that Markdown writers escape in running text (trafilatura's
#: ``output_format="markdown"`` writes ``\\[–\\]`` and ``snake\\_case``; markdownify and html2text do the same).
_ESCAPE_RE = lazy(r"(?<!\\)\\[\[\]_*#<>`]")
#: ... or this many lines holding such an escape, two different escaped characters at least ...
MARKDOWN_MIN_ESCAPE_LINES = 3
#: ... and this many ``*``/``+`` bullet lines to be read as a bulleted layout (``o`` bullets, lone bullets).
BULLETED_MIN_LINES = 3


def is_markdown(text: str) -> bool:
    """True when ``text`` holds Markdown links or images on at least :data:`MARKDOWN_MIN_LINK_LINES` lines, or
    strong emphasis (``**Posts:** 1,204``) on at least :data:`MARKDOWN_MIN_STRONG_LINES` lines, or that many
    lines that are only an emphasised label (``_Messages_``), two different ones at least, or that many lines with
    a Markdown escape (``\\_``, ``\\[``; :data:`MARKDOWN_MIN_ESCAPE_LINES`), two different escaped characters at
    least: Markdown written without link targets, as trafilatura's ``output_format="markdown"`` and html2text with
    ``ignore_links``."""
    if "**" in text and _strong_lines(text) >= MARKDOWN_MIN_STRONG_LINES:
        return True
    if "_" in text and _labels(text):
        return True
    if "\\" in text and _escape_lines(text):
        return True
    if "](" not in text:
        return False
    seen = 0
    line_end = -1  # end of the line holding the last counted link
    for m in _LINK_RE.finditer(text):
        if m.start() <= line_end:
            continue
        seen += 1
        if seen >= MARKDOWN_MIN_LINK_LINES:
            return True
        line_end = text.find("\n", m.end())
        if line_end < 0:
            break
    return False


def _inline(m: regex.Match[str]) -> str:
    esc = m.group("esc")
    if esc is not None:
        return esc
    label = m.group("label")
    if label is not None:
        return _INLINE_RE.sub(_inline, label)
    return ""  # an image, a strong or emphasis marker


def markdown_line(line: str) -> str:
    """The words a reader sees on one Markdown line: block markers off (a list item's bullet or number kept as
    ``- ``), links as their labels, images dropped, emphasis markers and escapes off, blanks collapsed.

    >>> markdown_line("  * [ __ Reply ](https://forum.test/post-4 \\"Reply\\")")
    '  - Reply'
    >>> markdown_line("#### [kestrel\\\\_kai](/members/7/) __")
    'kestrel_kai'
    >>> markdown_line("[ ![kestrel](/avatars/7.png) ](/members/7/)")
    ''
    """
    if _RULE_RE.match(line):
        return ""
    lead = _MD_LEAD_RE.match(line)
    assert lead is not None  # every part is optional
    rest = line[lead.end() :]
    if "](" in rest:
        rest = _IMAGE_RE.sub("", rest)
    rest = " ".join(_INLINE_RE.sub(_inline, rest).split())
    if not rest or _TABLE_RULE_RE.match(rest):
        return ""
    return lead.group("indent") + ("- " if lead.group("bullets") else "") + rest


def _strong_lines(text: str) -> int:
    """How many lines hold a ``**strong**`` span (counting stops at :data:`MARKDOWN_MIN_STRONG_LINES`)."""
    seen = 0
    line_end = -1
    for m in _STRONG_RE.finditer(text):
        if m.start() <= line_end:
            continue
        seen += 1
        if seen >= MARKDOWN_MIN_STRONG_LINES:
            break
        line_end = text.find("\n", m.end())
        if line_end < 0:
            break
    return seen


def _escape_lines(text: str) -> bool:
    """Whether :data:`MARKDOWN_MIN_ESCAPE_LINES` lines of ``text`` hold a Markdown escape, with two different
    escaped characters at least (one escape repeated, ``\\*`` in a shell glob, is not a notation)."""
    seen: set[str] = set()
    lines = 0
    line_end = -1
    for m in _ESCAPE_RE.finditer(text):
        seen.add(m.group())
        if m.start() > line_end:
            lines += 1
            line_end = text.find("\n", m.end())
            if line_end < 0:
                line_end = len(text)
        if lines >= MARKDOWN_MIN_ESCAPE_LINES and len(seen) >= 2:
            return True
    return False


def _labels(text: str) -> bool:
    """Whether :data:`MARKDOWN_MIN_STRONG_LINES` lines of ``text`` are only an emphasised label, with two
    different labels at least (a name repeated in underscores is not a layout)."""
    seen: set[str] = set()
    for count, m in enumerate(_EMPHASIS_LINE_RE.finditer(text), 1):
        seen.add(m.group().strip())
        if count >= MARKDOWN_MIN_STRONG_LINES and len(seen) >= 2:
            return True
    return False


#: The lines after the first that :data:`_BULLET_RE` matches, behind their newline: the regex engine jumps from
#: newline to newline instead of trying ``^`` at every character (its bullet run matches exactly when its first
#: bullet is followed by a blank or the line's end).
_NEXT_BULLET_RE = lazy(r"\n[ \t]*+[*+](?=[ \t\n]|\Z)")


def _bulleted(text: str) -> bool:
    """Whether :data:`BULLETED_MIN_LINES` lines of ``text`` at least start with a ``*``/``+`` bullet."""
    need = BULLETED_MIN_LINES - (_BULLET_RE.match(text) is not None)
    return next(itertools.islice(_NEXT_BULLET_RE.finditer(text), need - 1, None), None) is not None


def plain_line(line: str, *, bulleted: bool, dedent: bool = False) -> str:
    """A plain-text line with its ``*``/``+`` bullet written ``-`` (its columns still match the input's; the
    bullets of empty list items before it read as blanks); in a bulleted layout also an ``o`` bullet, and a
    line that is only a bullet reads as blank. ``dedent`` (a layout-keeping converter's text) drops the line's
    indentation (the columns then match the input's from the end of the line) and reads an ordered list's
    number as a bullet too.

    >>> plain_line("    + View profile", bulleted=False)
    '    - View profile'
    >>> plain_line("  o sea que no", bulleted=False)
    '  o sea que no'
    >>> plain_line("          * Jun 4, 2024", bulleted=True, dedent=True)
    '- Jun 4, 2024'
    >>> plain_line("     12. Harbour rules", bulleted=True, dedent=True)
    '- Harbour rules'
    >>> plain_line("   14. Oktober 2023, 10:21 1", bulleted=True, dedent=True)
    '14. Oktober 2023, 10:21 1'
    >>> plain_line("     * * 412 posts", bulleted=False)
    '     -   412 posts'
    """
    first = line.lstrip(" \t")[:1]
    m = None
    if first in ("*", "+"):
        m = _BULLET_RE.match(line)
    elif first == "o" and bulleted:
        m = _O_BULLET_RE.match(line)
    elif dedent and first.isdigit():
        m = _NUMBER_RE.match(line)  # an ordered list's number, in a layout that marks list items
        if m is not None and DATE_RE.match(line, m.start("bullet")) is not None:
            m = None  # a day before its month (``14. Oktober 2023``), not a list's number
    if m is not None:
        if bulleted and not line[m.end() :].strip():
            return ""
        # empty list items before this one (links2 writes ``* * 22``) read as its bullet's blank
        bullet = m.group("bullet")
        mark = "-".ljust(len(bullet)) if " " in bullet or "\t" in bullet else "-"
        line = line[: m.start("bullet")] + mark + line[m.end("bullet") :]
    return line.lstrip(" \t") if dedent else line


#: A layout-keeping converter's output (inscriptis): list bullets, and most lines indented by the block nesting
#: at least this much ...
INDENTED_MIN_BLANKS = 2
#: ... on at least this share of the non-blank lines. The rules read such a text without the indentation.
INDENTED_MIN_SHARE = 0.5


def _indented(lines: Sequence[str]) -> bool:
    filled = indented = 0
    for x in lines:
        if x.strip():
            filled += 1
            indented += x[:INDENTED_MIN_BLANKS].isspace()
    return filled > 0 and indented >= INDENTED_MIN_SHARE * filled


def reader_lines(lines: Sequence[str], text: str | None = None) -> tuple[list[str], bool] | None:
    """The lines as the rules should see them, and whether the text is Markdown; None when every line already
    reads as written. ``text`` is ``"\\n".join(lines)`` when the caller has it.

    A bulleted layout whose lines are mostly indented (the nesting of the page's blocks) is read without the
    indentation."""
    found = line_reader(lines, text)
    if found is None:
        return None
    read, markdown = found
    out = [read(x) for x in lines]
    if not markdown and all(a == b for a, b in zip(out, lines, strict=True)):
        return None
    return out, markdown


def line_reader(lines: Sequence[str], text: str | None = None) -> tuple[Callable[[str], str], bool] | None:
    """How :func:`reader_lines` reads each line of this text (the notation decided once for the whole text),
    and whether the text is Markdown; None when every line reads as written."""
    if text is None:
        text = "\n".join(lines)
    spaced = "\xa0" in text or (
        ("•" in text or "▪" in text or "◦" in text) and _LONE_BULLET_RE.search(text) is not None
    )
    if spaced:
        text = "\n".join(spaced_lead(x) for x in lines)
    if is_markdown(text):
        return ((lambda x: markdown_line(spaced_lead(x))) if spaced else markdown_line), True
    widgets = _WIDGET in text
    fields = ("[ " in text or "[_" in text) and _FIELD_RE.search(text) is not None
    images = "]" in text and _IMAGE_NAME_RE.search(text) is not None
    boxes = "□" in text and _BOX_BULLET_RE.search(text) is not None
    if "*" not in text and "+" not in text and not (widgets or fields or images or spaced or boxes):
        return None
    bulleted = _bulleted(text)
    dedent = bulleted and _indented(text.split("\n") if spaced else lines)

    def read(line: str) -> str:
        out = plain_line(spaced_lead(line) if spaced else line, bulleted=bulleted, dedent=dedent)
        if widgets:
            out = without_widgets(out)
        if fields:
            out = without_fields(out)
        if images:
            out = without_image_names(out)
        if boxes and out.lstrip(" \t")[:1] == "□":
            out = box_bullet(out)
        return out

    return read, False


#: A line's indentation and list bullet, with the blank after it, where no-break spaces may stand for blanks.
_LEAD_RE = lazy(r"^[ \t\xa0]*+(?:[-•·▪◦*+][ \t\xa0]++)?")
#: A line that is only a round list bullet: an empty list item (an icon link, a share button).
_LONE_BULLET_RE = lazy(r"^[ \t\xa0]*+[•▪◦][ \t\xa0]*+$", regex.MULTILINE)


def spaced_lead(line: str) -> str:
    """``line`` with its no-break spaces read as spaces, as a reader sees them (the columns still match the
    input's); a line that is only a round bullet (``•``, ``▪``, ``◦``; not the ``·`` some themes print between a
    post's number and its date) reads as blank. elinks writes every list item as ``•\xa0Text``, and an icon
    link in a list as ``•`` alone; other converters indent with no-break spaces; Resiliparse keeps the ``&nbsp;``
    that themes put between a post's number and its permalink or after a button (``#2 \xa0|\xa0\xa0Link``,
    ``Add a comment \xa0|\xa0``). Rules look for ``- Joined`` and blanks between a line's parts.

    >>> spaced_lead("  \u2022\xa0Feb 20, 2010")
    '  \u2022 Feb 20, 2010'
    >>> spaced_lead("\xa0\xa0Posts: 12")
    '  Posts: 12'
    >>> spaced_lead("     \u2022\xa0"), spaced_lead("  \u2022")
    ('', '')
    >>> spaced_lead("Old 2nd April 2025, 13:59 \t\t\xa0 #2 \xa0|\xa0\xa0Link")
    'Old 2nd April 2025, 13:59 \t\t  #2  |  Link'

    Bodies keep the input's no-break spaces: only the rules read the line so.
    """
    if ("•" in line or "▪" in line or "◦" in line) and _LONE_BULLET_RE.match(line):
        return ""
    if not line.strip():
        return line  # blank already (GEN001 takes a line of no-break spaces)
    return line.replace("\xa0", " ")


#: w3m's bullet of a nested list's item (``□ Join Date: Sep 2011`` under ``• name``).
_BOX_BULLET_RE = lazy(r"^[ \t]*+□(?=[ \t\xa0]|$)", regex.MULTILINE)


def box_bullet(line: str) -> str:
    """``line`` with w3m's nested-list bullet ``□`` written ``-``, so the rules read it as a list item (columns
    kept); a line that is only the bullet (an empty item: an icon link) reads as blank.

    >>> box_bullet("      \u25a1 Join Date: Sep 2011")
    '      - Join Date: Sep 2011'
    >>> box_bullet("      \u25a1 "), box_bullet("\u25a1\u25a1 boxes")
    ('', '\u25a1\u25a1 boxes')
    """
    m = _BOX_BULLET_RE.match(line)
    if m is None:
        return line
    if not line[m.end() :].strip():
        return ""
    return line[: m.end() - 1] + "-" + line[m.end() :]


#: How lynx writes an image without alt text: its file name in brackets (``[default_profile.png]``).
_IMAGE_NAME_RE = lazy(r"\[[^\[\]\s]{1,200}\.(?:png|jpe?g|gif|svg|webp|bmp|ico|avif)\]", regex.IGNORECASE)


def without_image_names(line: str) -> str:
    """``line`` with lynx's image placeholders (an image's file name in brackets) blanked out (the columns
    still match the input's); a line of nothing else reads as blank, as a Markdown image's does.

    >>> without_image_names("     * [909986532_0_CircleBadge.png]")
    ''
    >>> without_image_names("   [a.jpg] Nice shot [b.png]")
    '           Nice shot        '
    """
    if "]" not in line:
        return line
    out = _IMAGE_NAME_RE.sub(lambda m: " " * len(m.group()), line)
    if out == line:
        return line
    return out if out.strip(" \t*+-•") else ""


#: How lynx writes a form button: ``(BUTTON) Reply``, or ``(BUTTON)`` alone for an icon button.
_WIDGET = "(BUTTON)"


def without_widgets(line: str) -> str:
    """``line`` with lynx's ``(BUTTON)`` markers blanked out (the columns still match the input's): a reader
    sees the button's label, and a line that is only a marker reads as blank.

    >>> without_widgets("   (BUTTON) Reply")
    '            Reply'
    >>> without_widgets("     (BUTTON)")
    ''
    """
    if _WIDGET not in line:
        return line
    out = line.replace(_WIDGET, " " * len(_WIDGET))
    return out if out.strip() else ""


#: Empty form fields at the start of a line, as a text browser draws them: w3m's text box ``[          ]`` and
#: check box ``[ ]``, links2's and elinks' ``[__________]`` (a check box before each entry of a list, an empty
#: search box on a line of its own).
_FIELD = r"\[[ _]{1,400}+\]"
_FIELD_RE = lazy(rf"(?<![^\n])[ \t]*+{_FIELD}")
_LEAD_FIELDS_RE = lazy(rf"^[ \t]*+(?:{_FIELD}[ \t]*+)++")


def without_fields(line: str) -> str:
    """``line`` with the empty form fields a text browser draws at its start (``[          ]``, ``[ ]``,
    ``[______]``) blanked out (the columns still match the input's): the label after a check box reads as a
    line of its own, and a line of nothing else reads as blank, as a lone ``(BUTTON)`` marker does. A field
    inside a line stays (``User Name [ ] Remember Me?``: the login form's rules read it), as does a button
    (``[Go]``).

    >>> without_fields("   [                    ] [Go]")
    '                          [Go]'
    >>> without_fields("  [ ] [__________]")
    ''
    >>> without_fields("  [ ] Private Messages")
    '      Private Messages'
    >>> without_fields("a[ ] and b[ j ] stay")
    'a[ ] and b[ j ] stay'
    """
    m = _LEAD_FIELDS_RE.match(line)
    if m is None:
        return line
    rest = line[m.end() :]
    return " " * m.end() + rest if rest.strip() else ""
