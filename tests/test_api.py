"""Public API behaviour: inputs, errors, selection, rendering, JSON, CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import postclean
from postclean.inputs import decode, detect_kind

THREAD = (
    "otterbank\nMember\n- Joined\n- May 1, 2020\n- Messages\n- 40\n"
    "weirkeeper said:\nThe lock gates open at six.\nClick to expand...\nThey opened late today.\n"
)


def test_type_error_names_accepted_types() -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        postclean.clean(42)  # type: ignore[arg-type]


@pytest.mark.parametrize("data", ["", "   \n\t\n", b""])
def test_empty_input_gives_no_posts(data: str | bytes) -> None:
    doc = postclean.clean(data)
    assert doc.posts == ()
    assert "empty-input" in doc.flags
    assert doc.text == ""


def test_bytes_decoding() -> None:
    text = "Café owners said: nothing\n"
    assert decode(text.encode("utf-8"))[0] == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"))[0] == text
    assert decode(text.encode("utf-16"))[0] == text
    latin, flags = decode('<meta charset="iso-8859-1"><p>Caf\xe9</p>'.encode("latin-1"))
    assert "Café" in latin and any(f.startswith("charset:") for f in flags)


def test_detect_kind() -> None:
    assert detect_kind("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert detect_kind("Use <b> for bold, like <b>this</b>, in your posts.") == "text"
    assert detect_kind("plain words only") == "text"


def test_render_modes() -> None:
    doc = postclean.clean(THREAD)
    assert doc.text == "They opened late today."
    inline = doc.render(quotes="inline", headers=True)
    assert inline.splitlines() == [
        "otterbank",
        "weirkeeper said:",
        "The lock gates open at six.",
        "They opened late today.",
    ]
    with pytest.raises(ValueError):
        doc.render(quotes="bogus")  # type: ignore[arg-type]


def test_to_json_roundtrip() -> None:
    doc = postclean.clean(THREAD)
    data = json.loads(doc.to_json())
    assert data["schema"] == 1
    assert data["posts"][0]["author"]["joined"] == "2020-05-01"
    assert data["posts"][0]["quotes"][0] == {
        "author": "weirkeeper",
        "text": "The lock gates open at six.",
        "source": None,
    }
    assert data["removals"][0]["code"] == "XF001"


def test_select_and_ignore() -> None:
    only_quotes = postclean.clean(THREAD, select=["quote"])
    assert {r.code for r in only_quotes.removals} <= {"XF002", "XF003", "XF004", "GEN002"}
    no_xf = postclean.clean(THREAD, ignore=["xenforo"])
    assert not any(r.code.startswith("XF") for r in no_xf.removals)
    by_name = postclean.clean(THREAD, ignore=["author-block"])
    assert "otterbank" in by_name.text


def test_unknown_selector_suggests() -> None:
    with pytest.raises(postclean.SelectionError, match=r"did you mean .*'XF001'"):
        postclean.clean(THREAD, select=["XF0011"])
    with pytest.raises(postclean.SelectionError, match="author-block"):
        postclean.clean(THREAD, ignore=["autor-block"])


def test_user_rule() -> None:
    @postclean.rule("MY001", "first-shout", tags=["notice"])
    def first(view: postclean.TextView):  # type: ignore[no-untyped-def]
        """A line that is only ``FIRST!``.

        Example: ``FIRST!``
        """
        for i, line in view.iter_lines():
            if line.strip() == "FIRST!":
                yield postclean.Hit(i, i, "first-post shout")

    doc = postclean.clean("FIRST!\nActual comment about the weir.", rules=[first])
    assert doc.text == "Actual comment about the weir."
    assert doc.removals[0].code == "MY001"


def test_comment_facts_from_any_rule() -> None:
    """A ``comment`` fact (a Comment) from any rule lands in its post's ``comments``, in line order; on HTML
    input after the comments the markup gave the post, without repeating one of them."""

    @postclean.rule("MY003", "aside")
    def aside(view: postclean.TextView):  # type: ignore[no-untyped-def]
        """A line ``(aside: … by NAME)`` is a comment.

        Example: ``(aside: check the weir by ada)``
        """
        for i, line in reversed(list(view.iter_lines())):
            m = re.fullmatch(r"\(aside: (.+) by (\w+)\)", line.strip())
            if m:
                note = postclean.Comment(text=m.group(1), author=m.group(2))
                yield postclean.Hit(i, i, "aside", {"comment": note}, moved_to="comments")

    text = "The weir held.\n(aside: check the sluice by ada)\nThe gauge read two metres.\n(aside: and the gate by bo)"
    doc = postclean.clean(text, kind="text", rules=[aside])
    assert doc.text == "The weir held.\nThe gauge read two metres."
    assert [(c.text, c.author) for c in doc.posts[0].comments] == [
        ("check the sluice", "ada"),
        ("and the gate", "bo"),
    ]

    html = (Path(__file__).resolve().parents[1] / "fixtures" / "html" / "stackexchange.html").read_text()
    html = html.replace(
        "I dust with wheat flour. What am I doing wrong?</p>",
        "I dust with wheat flour. What am I doing wrong?</p><p>(aside: more flour by ada)</p>"
        "<p>(aside: Is the couche new? New linen needs seasoning. by Alaric)</p>",
    )
    page = postclean.clean(html, kind="html", rules=[aside])
    assert [(c.text, c.author) for c in page.posts[0].comments] == [
        ("Is the couche new? New linen needs seasoning.", "Alaric Fenn"),  # from the markup
        ("more flour", "ada"),
    ]


def test_broken_user_rule_is_flagged_not_raised() -> None:
    @postclean.rule("MY002", "broken")
    def broken(view: postclean.TextView):  # type: ignore[no-untyped-def]
        """Always fails. Example: none."""
        raise RuntimeError("boom")

    doc = postclean.clean("Some prose that stays.", rules=[broken])
    assert doc.text == "Some prose that stays."
    assert "rule-error:MY002:RuntimeError" in doc.flags


def test_flags_and_ratio() -> None:
    prose = postclean.clean("Just a paragraph of ordinary prose.\nAnd another line.")
    assert "no-forum-structure" in prose.flags
    assert prose.removal_ratio == 0.0
    doc = postclean.clean(THREAD)
    assert 0 < doc.removal_ratio < 1


def _run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "postclean", *args], input=stdin, capture_output=True, check=False
    )


def test_cli_text_json_explain(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "post.txt"
    f.write_text(THREAD, encoding="utf-8")
    out = _run_cli("clean", str(f))
    assert out.returncode == 0 and out.stdout.decode().strip() == "They opened late today."
    js = _run_cli("clean", str(f), "--json")
    assert json.loads(js.stdout)["engine"] == "xenforo"
    ex = _run_cli("clean", "-", "--explain", stdin=THREAD.encode())
    assert ex.stdout.decode().startswith("XF001 author-block")
    missing = _run_cli("clean", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and b"cannot read" in missing.stderr
    bad = _run_cli("clean", str(f), "--select", "XF9999")
    assert bad.returncode == 2 and b"matches no rule" in bad.stderr
    rules = _run_cli("rules")
    assert b"XF001" in rules.stdout


def test_cli_several_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(THREAD, encoding="utf-8")
    b.write_text("Plain prose about the harbour, nothing else.\n", encoding="utf-8")
    out = _run_cli("clean", str(a), str(b))
    text = out.stdout.decode()
    assert out.returncode == 0
    assert text.index(f"==> {a} <==") < text.index("They opened late today.") < text.index(f"==> {b} <==")
    js = _run_cli("clean", str(a), str(tmp_path / "nope.txt"), str(b), "--json")
    rows = [json.loads(line) for line in js.stdout.decode().splitlines()]
    assert [r["source"] for r in rows] == [str(a), str(b)] and rows[0]["engine"] == "xenforo"
    assert js.returncode == 2 and b"cannot read" in js.stderr  # the unreadable file is reported, the rest done


def _batch_input(tmp_path: Path) -> Path:
    page = Path(__file__).resolve().parents[1] / "fixtures" / "html" / "stackexchange.html"
    records = [
        json.dumps({"id": "a", "url": "https://forum.example/threads/ferry.4/", "text": THREAD}),
        "{not json",
        json.dumps({"id": "c", "html": page.read_text(encoding="utf-8"), "lang": "en"}),
        json.dumps({"id": "d", "body": "no document field"}),
        json.dumps({"id": "e", "text": ["not", "a", "string"]}),
        json.dumps({"id": "f", "text": "Plain prose about the harbour, nothing else."}),
    ]
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(records) + "\n\n", encoding="utf-8")
    return f


def test_cli_batch_json_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = _batch_input(tmp_path)
    out = _run_cli("batch", str(f), "--keep", "id", "--keep", "lang")
    rows = [json.loads(line) for line in out.stdout.decode().splitlines()]
    # one output record per input record, in order; errors flagged, never a crash; exit status 1 for them
    assert [r["source"]["line"] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert [r.get("id") for r in rows] == ["a", None, "c", "d", "e", "f"]
    assert [("error" in r) for r in rows] == [False, True, False, True, True, False]
    assert rows[0]["engine"] == "xenforo" and rows[0]["url"] == "https://forum.example/threads/ferry.4/"
    assert rows[0]["posts"][0]["body"] == "They opened late today."
    assert rows[2]["kind"] == "html" and rows[2]["engine"] == "stackexchange" and rows[2]["lang"] == "en"
    assert "not a JSON object" in rows[1]["error"] and "missing" in rows[3]["error"]
    assert "not a string" in rows[4]["error"]
    assert out.returncode == 1 and b"6 records, 3 errors" in out.stderr
    # --brief: the text and document-level metadata; standard input; the same records from two processes
    brief = _run_cli("batch", "--brief", "--jobs", "2", stdin=f.read_bytes())
    short = [json.loads(line) for line in brief.stdout.decode().splitlines()]
    assert [r.get("text") for r in short][::5] == ["They opened late today.", "Plain prose about the harbour, nothing else."]
    assert short[0]["engine"] == "xenforo" and "posts" in short[0] and short[0]["posts"] == 1
    assert [r["source"]["line"] for r in short] == [1, 2, 3, 4, 5, 6]


def test_cli_batch_gzip_and_output_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import gzip

    gz = tmp_path / "in.jsonl.gz"
    gz.write_bytes(gzip.compress(_batch_input(tmp_path).read_bytes()))
    dest = tmp_path / "out.jsonl"
    out = _run_cli("batch", str(gz), "-o", str(dest), "--field", "text")
    rows = [json.loads(line) for line in dest.read_text(encoding="utf-8").splitlines()]
    assert out.stdout == b"" and len(rows) == 6
    assert "error" in rows[2] and "field 'text' is missing" in rows[2]["error"]  # --field: no fallback to html
    missing = _run_cli("batch", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 2 and b"nope.jsonl" in missing.stderr
    assert _run_cli("batch", str(gz), "--jobs", "0").returncode == 2


def test_cli_comments_inline() -> None:
    page = Path(__file__).resolve().parents[1] / "fixtures" / "html" / "stackexchange.html"
    default = _run_cli("clean", str(page)).stdout.decode()
    inline = _run_cli("clean", str(page), "--comments", "inline").stdout.decode()
    assert "New linen needs seasoning" not in default
    assert "Is the couche new? New linen needs seasoning. – Alaric Fenn" in inline
