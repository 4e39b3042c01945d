"""Cross-engine false positives: with no engine sniffed every pack runs, so one engine's weak patterns must not
claim another engine's lines (or ordinary prose).

The cleaner here has every sniffer switched off, which is what happens to text too short or too plain to
fingerprint.
"""

from __future__ import annotations

import attrs
import pytest

import postclean

UNSNIFFED = postclean.Cleaner(packs=[attrs.evolve(p, sniff=None) for p in postclean.DEFAULT_PACKS])


def _codes(text: str) -> dict[str, list[str]]:
    doc = UNSNIFFED.clean(text, kind="text")
    assert doc.engine is None
    out: dict[str, list[str]] = {}
    for r in doc.removals:
        out.setdefault(r.code, []).append(r.text)
    return out


def test_old_reddit_tagline_is_not_a_xenforo_inline_block() -> None:
    text = (
        "[–]Ragnar_Dragonfyre 41 points 42 points 43 points 3 hours ago (11 children)\n"
        "Might this also be a potential cure for tinnitus if we can trigger new cilia to grow?\n"
    )
    assert "XF012" not in _codes(text)


def test_repeated_points_label_is_not_an_inline_block() -> None:
    text = "quietfox Reaction score 12 points 13 points 14 points 2 hours ago and then some words.\n"
    assert "XF012" not in _codes(text)


@pytest.mark.parametrize(
    "block",
    [
        "Forum statistics\nThreads\n12,408\nMessages\n301,118\nMembers\n9,310\nLatest member\nquietfox\n",
        "Who is online\nThreads: 12,408\nMessages: 301,118\nMembers: 9,310\nLatest member: quietfox\n",
    ],
)
def test_forum_statistics_are_not_an_author_block(block: str) -> None:
    text = "I agree with the previous post, the update fixed it for me as well.\n\n" + block
    codes = _codes(text)
    assert not {"XF001", "VB001"} & set(codes), codes
    assert "PAGE006" in codes
    assert UNSNIFFED.clean(text, kind="text").text == (
        "I agree with the previous post, the update fixed it for me as well."
    )


@pytest.mark.parametrize("line", ["Popular", "Jump to content", "url: example", "Go to settings"])
def test_generic_reddit_lines_need_reddit_evidence(line: str) -> None:
    text = f"The sensor reads high after the firmware update.\n{line}\nI rolled back and it is fine now.\n"
    assert "RDT003" not in _codes(text)


def test_generic_reddit_lines_go_beside_reddit_lines() -> None:
    text = "jump to content\nmy subreddits\nThe sensor reads high after the firmware update.\n"
    assert _codes(text).get("RDT003") == ["jump to content", "my subreddits"]


@pytest.mark.parametrize("line", ["12 posts", "3 Posts", "mods:", "Create Post"])
def test_generic_lemmy_lines_need_lemmy_evidence(line: str) -> None:
    text = f"julian\n{line}\nThe plugin works with the latest release.\n"
    assert "LEM003" not in _codes(text)


@pytest.mark.parametrize("line", ["Tags", "Tags are a mess on this board", "Start date"])
def test_tags_line_needs_a_xenforo_header(line: str) -> None:
    text = f"The plugin works with the latest release.\n{line}\nIt also needs a restart.\n"
    assert "XF008" not in _codes(text)


def test_tags_line_beside_thread_starter_goes() -> None:
    text = "Thread starter Alice\nStart date Jan 5, 2024\nTags\nThe plugin works with the latest release.\n"
    assert "Tags" in _codes(text).get("XF008", [])
