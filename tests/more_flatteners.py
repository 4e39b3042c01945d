"""Flatteners the gap suites do not run, for the extractor-settings test: pandoc (plain text and GitHub Markdown,
wrapped at its default 72 columns or not), the article extractors newspaper4k and goose3, the text browsers at
200 columns, and :func:`inner_text`, an emulation of what a browser gives for ``element.innerText`` or a
select-all copy-paste of the page. None of them is a project dependency: each is left out when its tool is not
installed (:data:`MISSING` says why).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from functools import partial

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

#: extractors left out here, with the reason
MISSING: dict[str, str] = {}

# -- innerText ---------------------------------------------------------------------------------------------------------

#: elements a browser does not render (their text is not in innerText)
_UNRENDERED = frozenset(
    ["script", "style", "template", "noscript", "head", "title", "meta", "link", "iframe", "object", "embed", "svg", "math", "canvas", "video", "audio", "select", "input", "textarea", "datalist"]
)
#: elements of ``display: block`` (or list-item, table-caption, …) in a browser's default style sheet
_BLOCK = frozenset(
    ["address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "section", "summary", "table", "ul", "xmp"]
)
_HIDDEN_STYLE = regex.compile(r"(?i)(?:^|;)\s*+(?:display\s*+:\s*+none|visibility\s*+:\s*+hidden)\b")
_BLANKS = regex.compile(r"[ \t\n\r\f]++")


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def inner_text(html: str) -> str:
    """What ``document.body.innerText`` gives in a browser (and, near enough, a select-all copy-paste), after the
    HTML standard's algorithm, without CSS beyond the default style sheet and inline ``style`` attributes:

    * unrendered elements (``script``, ``style``, ``template``, ``noscript``, form fields, media, ``svg``) and
      hidden ones (the ``hidden`` attribute, an inline ``display:none`` or ``visibility:hidden``) give nothing;
    * a block element (``div``, ``li``, headings, ``table`` …) starts and ends a line; a ``p`` is set apart by a
      blank line; ``<br>`` is a line break; required breaks next to each other merge (the most wins), and none is
      left at the start or end;
    * table cells of a row are joined by a TAB, rows by a line break;
    * list items have no bullet or number; images give nothing (no alt text);
    * blanks fold to one space outside ``pre``, and a line's leading and trailing spaces are dropped.
    """
    tree = LexborHTMLParser(html)
    body = tree.body
    if body is None:
        return ""
    items: list[str | int] = []  # text, or a required line break count

    def walk(node: LexborNode, pre: bool) -> None:
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            items.append(text if pre else _BLANKS.sub(" ", text))
            return
        if tag is None or tag.startswith("-") or tag in _UNRENDERED or _hidden(node):
            return
        if tag == "br":
            items.append("\n")
            return
        breaks = 2 if tag == "p" else 1 if tag in _BLOCK else 0
        if breaks:
            items.append(breaks)
        child = node.child
        inner_pre = pre or tag in ("pre", "textarea", "listing", "xmp", "plaintext")
        while child is not None:
            walk(child, inner_pre)
            child = child.next
        if tag in ("td", "th") and _next_element(node, ("td", "th")):
            items.append("\t")
        elif tag == "tr" and _next_row(node):
            items.append("\n")
        if breaks:
            items.append(breaks)

    walk(body, False)
    out: list[str] = []
    pending = 0
    space = False  # a collapsible space waits (dropped next to a line break)
    for item in items:
        if isinstance(item, int):
            pending = max(pending, item)
            space = False
            continue
        if not item:
            continue
        if item.strip(" ") == "" and item != "\t":
            space = True
            continue
        if pending and out:
            out.append("\n" * pending)
        elif space and out:
            out.append(" ")
        pending, space = 0, False
        out.append(item)
    lines = []
    for line in "".join(out).split("\n"):
        cells = [_fold_spaces(c) for c in line.split("\t")]
        lines.append("\t".join(cells))
    return "\n".join(lines).strip("\n") + "\n"


def _fold_spaces(s: str) -> str:
    return regex.sub(r" {2,}+", " ", s).strip(" ")


def _next_element(node: LexborNode, tags: tuple[str, ...]) -> bool:
    sib = node.next
    while sib is not None:
        if sib.tag in tags:
            return True
        sib = sib.next
    return False


def _next_row(node: LexborNode) -> bool:
    """Whether a ``tr`` is followed by another row of its table (in its section or a later one)."""
    if _next_element(node, ("tr",)):
        return True
    section = node.parent
    if section is None or section.tag not in ("thead", "tbody", "tfoot"):
        return False
    sib = section.next
    while sib is not None:
        if sib.tag in ("thead", "tbody", "tfoot", "tr") and (sib.tag == "tr" or sib.css_first("tr") is not None):
            return True
        sib = sib.next
    return False


# -- the tools ---------------------------------------------------------------------------------------------------------


def _run(command: list[str], html: str) -> str:
    done = subprocess.run(command, input=html.encode("utf-8"), capture_output=True, timeout=120, check=False)
    return done.stdout.decode("utf-8", "replace")


def more_flatteners() -> dict[str, Callable[[str], str]]:
    """The extractors of this module installed here, by name."""
    out: dict[str, Callable[[str], str]] = {"innertext": inner_text}
    if shutil.which("pandoc"):
        for name, args in (
            ("pandoc-plain", ["-t", "plain", "--wrap=none"]),
            ("pandoc-plain-72", ["-t", "plain"]),
            ("pandoc-gfm", ["-t", "gfm-raw_html", "--wrap=none"]),
            ("pandoc-gfm-72", ["-t", "gfm-raw_html"]),
        ):
            out[name] = partial(_run, ["pandoc", "-f", "html", *args])
    else:
        MISSING["pandoc"] = "pandoc is not installed (apt-get install pandoc)"
    for browser, command in (
        ("lynx-200", ["lynx", "-dump", "-nolist", "-width=200", "-stdin", "-display_charset=utf-8", "-assume_charset=utf-8"]),
        ("w3m-200", ["w3m", "-dump", "-cols", "200", "-T", "text/html", "-I", "utf-8", "-O", "utf-8"]),
    ):
        if shutil.which(command[0]):
            out[browser] = partial(_run, command)
        else:
            MISSING[browser] = f"{command[0]} is not installed"
    try:
        import newspaper

        def news(h: str) -> str:
            art = newspaper.Article("https://forum.example/thread")
            art.download(input_html=h)
            art.parse()
            return str(art.text)

        out["newspaper4k"] = news
    except ImportError:
        MISSING["newspaper4k"] = "newspaper4k is not installed (pip install newspaper4k)"
    try:
        from goose3 import Goose

        def goose(h: str) -> str:
            with Goose() as g:
                return str(g.extract(raw_html=h).cleaned_text)

        out["goose3"] = goose
    except ImportError:
        MISSING["goose3"] = "goose3 is not installed (pip install goose3)"
    return out
