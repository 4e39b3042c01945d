"""NodeBB topic pages (Harmony and Persona themes; ``component="post"`` hooks)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ._base import EnginePack, Spec, certain_then_rest
from ._detect import has

__all__ = ["PACK", "detect"]

NODEBB = Spec(
    engine="nodebb",
    prefix="NBH",
    post="[component=post][data-pid], li[component=post]",
    body="[component='post/content']",
    author="[itemprop=author] a[data-username], .post-header a[href*='/user/'], a[data-username], "
    "[itemprop=author] [itemprop=name], .username-field",
    author_attrs=("data-username",),
    user_block="[itemprop=author], .post-header",
    date=".post-header .timeago, .timeago[title], [itemprop=datePublished], .timeago",
    number="a.post-index",
    permalink="a.post-index[href*='/post/'], a.permalink[href*='/post/']",
    post_id_attrs=("data-pid",),
    quote="blockquote",
    quote_head="p:first-child:has(a[href*='/post/']), p:first-child:has(a[href*='/user/'])",
    signature="[component='post/signature']",
    reactions="[component='post/vote-count'], [component='post/upvote-count']",
    edit_note="[component='post/editor'], [component='post/edit-indicator']",
    # nodebb-plugin-link-preview renders pasted URLs as a Bootstrap card
    card="div.link-preview",
    card_title=".card-title",
    card_desc=".card-text",
    card_domain=".card-footer .text-secondary",
    drop="[component='post/parent'], .visually-hidden",
    chrome="[component='post/footer'] [component='post/actions'], [component='post/reply-count'], "
    "[component='post/actions'], [component='post/parent']",
    title="[component='post/header'], h1 [component='topic/title'], h1",
)


def _certain(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """NodeBB for certain: its ``component`` attributes."""
    if has(tree, "[component=topic], [component=post]"):
        return 1.0, None
    return 0.0, None


def _rest(html: str, tree: LexborHTMLParser, url: str | None) -> tuple[float, str | None]:
    """NodeBB from its assets."""
    if "/assets/nodebb.min.js" in html or "/plugins/nodebb-" in html:
        return 0.7, None
    return 0.0, None


detect = certain_then_rest(_certain, _rest, "NodeBB: ``component=\"topic\"``/``component=\"post\"`` attributes, ``nodebb`` assets.")


PACK = EnginePack(
    name="nodebb",
    prefix="NBH",
    detect=detect,
    certain=_certain,
    rest=_rest,
    certain_probes=("[component=topic], [component=post]",),
    specs=(NODEBB,),
    doc="NodeBB topic pages.",
)
