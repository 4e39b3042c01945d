"""phpBB 3 (prosilver and derived styles) and phpBB 2 (subSilver tables) viewtopic pages."""

from __future__ import annotations

import dataclasses

from selectolax.lexbor import LexborHTMLParser

from .._lazy import lazy
from ._base import Draft, EnginePack, Spec, make_removal, poster_from_line
from ._detect import generator, has
from ._dom import Node, node_text, select

__all__ = ["PACK", "detect", "identify"]


def _profile(post: Node, draft: Draft) -> None:
    for dd in select(post, "dl.postprofile dd"):
        poster_from_line(node_text(dd), draft.poster)


PROSILVER = Spec(
    engine="phpbb",
    prefix="PBH",
    post="div.post[id^=p]",
    body="div.content",
    author="dl.postprofile dt a.username, dl.postprofile dt a.username-coloured, dl.postprofile a.username, "
    "dl.postprofile dt a[href*=memberlist], dl.postprofile .username, p.author strong a, p.author .username",
    user_block="dl.postprofile",
    rank="dd.profile-rank",
    date="p.author time, p.author",
    permalink="h3 a[href*='#p'], p.author a[href*='#p']",
    post_id_attrs=("id",),
    quote="blockquote",
    quote_head="cite",
    # (``div.signature_div``: Forumotion / Forumactif, hosted phpBB with its own class names)
    signature="div.signature, div.signature_div",
    edit_note="div.notice",
    drop="div.codebox > p, .codebox > p, dl.attachbox dt, .inline-attachment dd, span.sr-only",
    chrome="ul.post-buttons, div.back2top, p.author, h3",
    title="h2.topic-title, h2 a[href*=viewtopic], h2",
    page_current=".pagination li.active span, .pagination strong",
    page_last=".pagination li a.button, .pagination a",
    hook=_profile,
)

#: subsilver2 (phpBB 3.0's table style and the themes built on it): a post is a run of ``tr.row1``/``tr.row2``
#: rows: the name (``b.postauthor``) beside the "Posted:" line, then the profile beside the message, then the
#: buttons. The signature is a second ``div.postbody`` under a line of underscores; a quote's "Name wrote:" is a
#: ``div.quotetitle`` printed before its ``div.quotecontent``.
SUBSILVER = dataclasses.replace(
    PROSILVER,
    post="table.tablebg tr.row1:has(.postauthor), table.tablebg tr.row2:has(.postauthor)",
    post_rows=True,
    body="div.postbody",
    author="b.postauthor, .postauthor",
    user_block="td.profile",
    rank="td.profile td.postdetails",
    stat_lines="td.profile span.postdetails",
    date="td.gensmall div[style*=float], .postdetails",
    permalink="a[href*='#p']",
    post_id_attrs=(),
    quote="div.quotecontent, blockquote",
    quote_head="cite",
    quote_head_before="div.quotetitle",
    signature="div.postbody ~ div.postbody",
    edit_note="td.gensmall[align=right]",
    chrome="div.gensmall, td.profile > strong > a, td.profile > a",
    hook=lambda post, draft: _signature_rule_off(draft),
)

#: The print view (``viewtopic.php?view=print``): each post a bare ``div.post`` in ``#page-body`` with an ``h3``
#: subject, ``div.date`` ("Posted: DATE"), ``div.author`` ("by NAME") and ``div.content``; the topic title is
#: the header's ``h2``, "Page 1 of 3" the ``div.page-number``'s two ``strong``.
PRINT = dataclasses.replace(
    PROSILVER,
    post="#page-body > div.post:has(> div.content)",
    author="div.author strong, div.author",
    user_block="",
    rank="",
    date="div.date strong, div.date",
    permalink="",
    post_id_attrs=(),
    chrome="h3, div.date, div.author",
    title="#page-header h2, h2",
    page_current="#page-body > div.page-number strong",
    page_last="#page-body > div.page-number strong",
    hook=None,
)

_SIG_RULE_RE = lazy(r"^[ \t]*+_{10,}+[ \t]*+$")


def _signature_rule_off(draft: Draft) -> None:
    """A signature stored with the line of underscores that opens it: the line goes."""
    sig = draft.signature
    if sig is not None:
        lines = sig.split("\n")
        if lines and _SIG_RULE_RE.match(lines[0]):
            draft.signature = "\n".join(lines[1:]).strip() or None


def _phpbb2_signature(post: Node, draft: Draft) -> None:
    """phpBB 2 prints the signature inside the message, below a line of underscores."""
    if draft.signature is not None:
        return
    for i, line in enumerate(draft.lines):
        if _SIG_RULE_RE.match(line):
            sig = "\n".join(x for x in draft.lines[i + 1 :] if x.strip()).strip()
            if sig:
                draft.signature = sig
                draft.removals.append(make_removal("PBH", "signature", sig, None))
            del draft.lines[i:]
            while draft.lines and not draft.lines[-1].strip():
                draft.lines.pop()
            return


#: phpBB 2 (subSilver and the many themes built on it): a post is a ``table.forumline`` row of two cells, the
#: poster's name and details beside the message cell (date line, quote button, message, signature).
PHPBB2 = Spec(
    engine="phpbb",
    prefix="PBH",
    post="table.forumline > tbody > tr:has(> td > span.name)",
    body="td:has(> span.postbody)",
    author="span.name b, span.name a[href*=viewprofile], span.name",
    user_block="td:first-child span.postdetails",
    date="td + td span.postdetails",
    permalink="td + td a[href*='#']",
    post_id_attrs=(),
    quote="table:has(> tbody > tr > td.quote)",
    quote_head="span.genmed b, span.genmed",
    quote_body="td.quote",
    title="a.maintitle, span.maintitle",
    hook=_phpbb2_signature,
)


_GENERATOR_RE = lazy(r"phpBB\s*([\d.]+)?")
_POWERED_RE = lazy(r"Powered by\s*(?:<[^>]+>\s*)*phpBB")


def _body_attrs(tree: LexborHTMLParser) -> tuple[str, str]:
    body = tree.body
    bid = (body.attributes.get("id") or "") if body is not None else ""
    cls = (body.attributes.get("class") or "") if body is not None else ""
    return bid, cls


def _version(tree: LexborHTMLParser) -> str:
    m = _GENERATOR_RE.search(generator(tree))
    return m.group(1) if m and m.group(1) else "3"


def identify(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """phpBB for certain: ``body#phpbb`` or the ``section-viewtopic`` body class."""
    bid, cls = _body_attrs(tree)
    if bid == "phpbb" or "section-viewtopic" in cls:
        return 1.0, _version(tree)
    return 0.0, None


def detect(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """phpBB: ``body#phpbb``, ``section-viewtopic`` body class, post markup, ``viewtopic.php`` URLs."""
    score, version = identify(html, tree, url)
    if score:
        return score, version
    return _rest(html, tree, url)


def _rest(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """:func:`detect` on a page :func:`identify` did not name: the uncertain signs."""
    _, cls = _body_attrs(tree)
    version = _version(tree)
    if has(tree, "div.post.has-profile, dl.postprofile"):
        return 0.9, version
    if has(tree, "table.forumline span.postbody"):
        return 0.9, "2"
    if _POWERED_RE.search(html) or "phpbb" in cls.lower():
        return 0.6, version
    return 0.0, None


PACK = EnginePack(
    name="phpbb",
    prefix="PBH",
    detect=detect,
    identify=identify,
    rest=_rest,
    rest_probes=("div.post.has-profile, dl.postprofile", "table.forumline span.postbody"),
    specs=(PROSILVER, SUBSILVER, PHPBB2, PRINT),
    doc="phpBB 3 viewtopic pages (prosilver and subsilver-style tables, the print view) and phpBB 2 (subSilver).",
)
