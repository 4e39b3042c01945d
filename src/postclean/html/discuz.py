"""Discuz! X (X2.5 – X3.5) thread pages (``forum.php?mod=viewthread``): ``table.plhin`` posts.

Discuz! runs a large share of Chinese-language forums. Each post is a ``table.plhin`` (``id="pid…"``) with the
poster's column (``td.pls``: name, avatar, thread / post / point counts, user group) beside the message column:
the floor label (楼主, 沙发 …, ``5#``), the date line ``发表于 2024-3-5 14:22`` (recent posts show ``前天 14:22``
with the full date in a ``title``), the message ``td.t_f``, the signature ``div.sign`` and the reply / report
row ``div.po``. Quotes are ``div.quote > blockquote`` whose first ``<font>`` reads ``Name 发表于 <date>``.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ._base import EnginePack, Spec
from ._detect import generator, has

__all__ = ["PACK", "detect", "identify"]

DISCUZ_X = Spec(
    engine="discuz",
    prefix="DZH",
    post="table.plhin[id^=pid]",
    body="td.t_f",
    author="div.favatar div.authi a.xw1, div.authi a.xw1, div.pls div.authi a",
    user_block="td.pls",
    rank="td.pls p em a[href*=usergroup], td.pls p em",
    # the counts under the avatar (``<th><p><a>12</a></p>主题</th>``), then the profile fields (``dl.pil``:
    # ``<dt>积分</dt><dd>640</dd>``, and 注册时间, 最后登录, 精华 … where the board shows them)
    stat_lines="td.pls div.tns th, td.pls div.tns td",
    pairs="td.pls dl.pil",
    date="em[id^=authorposton] span[title], em[id^=authorposton]",
    permalink="a[id^=postnum]",
    post_id_attrs=("id",),
    quote="div.quote",
    quote_head="blockquote > font:first-child",
    signature="div.sign",
    edit_note="i.pstatus",
    drop="div.tip, div.attach_nopermission, span.tip",
    chrome="div.po, div.pob, div.pi, div.pct div.cm",
    title="span#thread_subject, h1.ts",
    page_current="div.pg strong",
    page_last="div.pg a",
)


def identify(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Discuz! for certain: its ``<meta name="generator" content="Discuz! X3.4">``."""
    gen = generator(tree)
    if gen.startswith("Discuz!"):
        version = gen[len("Discuz!") :].strip().lstrip("Xx") or None
        return 1.0, version
    return 0.0, None


def detect(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """Discuz!: the generator, or the post markup (``table.plhin`` posts holding ``td.t_f`` messages)."""
    score, version = identify(html, tree, url)
    if score:
        return score, version
    return _rest(html, tree, url)


def _rest(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """:func:`detect` on a page :func:`identify` did not name: the uncertain signs."""
    if has(tree, "td.t_f[id^=postmessage_]"):
        return 0.9, None
    return 0.0, None


PACK = EnginePack(
    name="discuz",
    prefix="DZH",
    detect=detect,
    identify=identify,
    rest=_rest,
    rest_probes=("td.t_f[id^=postmessage_]",),
    specs=(DISCUZ_X,),
    doc="Discuz! X thread pages (viewthread).",
)
