"""Regressions for content loss in the text door: rules must not take post text they do not own."""

from __future__ import annotations

import postclean
from postclean.packs._classic import seen_run
from postclean.text import TextView


def test_ips5_one_line_reply_between_same_day_dates_kept() -> None:
    text = (
        "June 14, 20241 yr\n"
        "If the forums close, I think that we, the fans, should make our own place to meet.\n"
        "June 15, 20241 yr\n"
        "It didn't load for a while, so that felt foreboding\n"
        "June 15, 20241 yr\n"
        "It happened last Friday too, and the weekend before that as well.\n"
        "June 16, 20241 yr\n"
        "Thanks for keeping us posted.\n"
    )
    doc = postclean.clean(text, kind="text")
    assert "It didn't load for a while, so that felt foreboding" in doc.text
    assert "Thanks for keeping us posted." in doc.text


def test_quote_run_stops_before_short_reply_seen_earlier() -> None:
    quoted = "The new roof held up in the storm last night without a single leak."
    view = TextView(
        [quoted, "Thanks!", "More of my own reply here."], context={"seen": {quoted: 1, "Thanks!": 1}}
    )
    assert seen_run(view, 0) == 0


def test_signature_not_taken_from_other_authors() -> None:
    block = "{name}\nMember\nJoined\nJun 9, 2020\nMessages\n88\nReaction score\n12\n"
    text = (
        block.format(name="kestrel")
        + "The roof held.\nSee you all at the meet next month then.\n"
        + block.format(name="marten")
        + "Mine leaked.\nSee you all at the meet next month then.\n"
    )
    doc = postclean.clean(text, kind="text")
    assert all(p.signature is None for p in doc.posts)
