"""The strict known-gaps machinery the text-door page tests share (``test_text_unseen``, ``test_text_variants_modern``,
``test_variants_classic``): a page written for the HTML door's tests is flattened by every extractor installed here
and cleaned with ``kind="text"``; no post paragraph the flattened text holds may be lost, and what is still wrong is
listed, exactly, in a gaps file (``page extractor kind: detail`` lines), rewritten by the test module's ``--write``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex
from i18n_pages import flatteners, left_chrome
from test_html_unseen import Expect

import postclean
from postclean.html import extract_page

FLAT = flatteners()
_WS = regex.compile(r"\s+")


def norm(s: str) -> str:
    """Blanks folded, ends stripped."""
    return _WS.sub(" ", s).strip()


@dataclass
class GapSuite:
    """One test module's pages, how to read them, and its gaps file."""

    pages: Sequence[Expect]
    html_of: Callable[[str], str]
    gaps_file: Path
    header: list[str]
    #: whether a sniffed engine other than the page's is a gap even when it is None (pages of supported engines)
    engine_none_is_gap: bool = True
    #: ``"all"``: the number of posts is checked; ``"nonempty"``: posts with a body only; ``None``: not checked
    posts: str | None = "all"
    by_name: dict[str, Expect] = field(init=False)

    def __post_init__(self) -> None:
        self.by_name = {e.name: e for e in self.pages}
        self.flattened = functools.cache(self._flattened)
        self.paragraphs = functools.cache(self._paragraphs)

    def _flattened(self, name: str, extractor: str) -> str:
        return FLAT[extractor](self.html_of(name))

    def _paragraphs(self, name: str) -> tuple[str, ...]:
        """The posts' own paragraphs (the HTML door's post lines), 12 characters or more."""
        return tuple(norm(ln) for p in extract_page(self.html_of(name)).posts for ln in p.lines if len(ln.strip()) >= 12)

    def gaps(self, exp: Expect, extractor: str) -> tuple[list[str], list[str]]:
        """(content lost, gap lines) of one run."""
        src = self.flattened(exp.name, extractor)
        doc = postclean.clean(src, kind="text")
        flat_in, flat_out = norm(src), norm(doc.text)
        lost = [p for p in self.paragraphs(exp.name) if p in flat_in and p not in flat_out]
        head = f"{exp.name} {extractor}"
        lines = [f"{head} chrome: {c}" for c in left_chrome(doc.text, tuple(exp.chrome))]
        if doc.engine != exp.engine and (self.engine_none_is_gap or doc.engine is not None):
            lines.append(f"{head} engine: {doc.engine}")
        if self.posts is not None:
            posts = [p for p in doc.posts if p.body.strip()] if self.posts == "nonempty" else list(doc.posts)
            if len(posts) != len(exp.authors):
                lines.append(f"{head} posts: {len(posts)}/{len(exp.authors)}")
        found = {p.author.name for p in doc.posts if p.author and p.author.name}
        want = set(exp.authors)
        if not want <= found:
            lines.append(f"{head} authors: {len(want & found)}/{len(want)}")
        return lost, lines

    @functools.cached_property
    def known(self) -> dict[tuple[str, str], list[str]]:
        """The gaps file's lines by (page, extractor)."""
        out: dict[tuple[str, str], list[str]] = {}
        for raw in self.gaps_file.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if line and not line.startswith("#"):
                page, extractor, _rest = line.split(" ", 2)
                out.setdefault((page, extractor), []).append(line)
        return out

    def check(self, name: str, extractor: str, write_hint: str) -> None:
        """The test of one run: nothing lost, the gaps exactly those listed."""
        lost, lines = self.gaps(self.by_name[name], extractor)
        assert not lost, f"post paragraphs lost: {lost}"
        assert sorted(lines) == sorted(self.known.get((name, extractor), [])), (
            f"gaps differ from {self.gaps_file.name} (rewrite it: {write_hint})"
        )

    def write(self) -> None:
        """Rewrite the gaps file from the runs here (the gaps of extractors not installed are kept)."""
        body = [ln for (_p, ext), lns in self.known.items() if ext not in FLAT for ln in lns]
        for exp in self.pages:
            for extractor in sorted(FLAT):
                lost, lines = self.gaps(exp, extractor)
                if lost:
                    print("LOST", exp.name, extractor, lost)
                body.extend(sorted(lines))
        self.gaps_file.write_text("\n".join([*self.header, "", *body]) + "\n", encoding="utf-8")
        print(len(body), "gap lines")
