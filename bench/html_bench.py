"""HTML-door benchmark: postclean on saved forum pages versus peer main-content extractors.

On every corpus page with ground truth this runs, in the same process and run:

* postclean's HTML door, ``postclean.clean(html, kind="html", url=<truth url>)``, scored on ``doc.text``
  (bodies, quotes left out) and convention-matched (per page, the best-scoring of ``doc.render()``,
  ``doc.render(quotes="inline", headers=True)`` and the same with ``comments="inline"``);
* ``trafilatura.extract(html)`` with default settings;
* Resiliparse ``extract_plain_text(html, main_content=True)``;
* jusText (paragraphs not marked boilerplate, English stoplist, joined with newlines);
* readability-lxml (``Document(html).summary()``, then the text of that fragment via lxml ``text_content()``).

It prints, per engine folder and overall: word precision / recall / F1, ``with`` and ``without`` rates, median
and mean ms per page, the ratio of each median to trafilatura's, and error counts (a system that raises on a
page scores that page as empty output). For postclean it also reports how often ``doc.starter`` equals the
truth ``author`` and the first post's date equals the truth ``published`` date.

Usage (from the repository root)::

    python -m bench.html_bench [--only ENGINE] [--pages N] [--systems a,b] [--repeat N] [--json out.json]

Each system runs once per page by default, right after the others ran on that page: its caches are as cold as
a pipeline's that calls several tools per page. ``--repeat N`` times every system's call N times and keeps the
fastest, for every system alike (warm caches; the ratios then compare the code rather than the cache misses).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from types import ModuleType

from bench._common import best_of, date_part, load_postclean, name_of, share, timed
from bench.scoring import (
    Page,
    fmt,
    fold_typography,
    group_rows,
    load_corpus,
    markdown_table,
    mean,
    median,
    prf,
    require_corpus,
    snippet_rate,
)

SYSTEMS = ("postclean", "trafilatura", "resiliparse", "justext", "readability")


def peer_extractors() -> dict[str, Callable[[str], str]]:
    """HTML → text functions of the installed peer extractors, by system name."""
    funcs: dict[str, Callable[[str], str]] = {}
    try:
        import trafilatura

        funcs["trafilatura"] = lambda html: trafilatura.extract(html) or ""
    except ImportError:
        pass
    try:
        from resiliparse.extract.html2text import extract_plain_text

        funcs["resiliparse"] = lambda html: extract_plain_text(html, main_content=True) or ""
    except ImportError:
        pass
    try:
        import justext

        stoplist = justext.get_stoplist("English")

        def _justext(html: str) -> str:
            paragraphs = justext.justext(html, stoplist)
            return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

        funcs["justext"] = _justext
    except ImportError:
        pass
    try:
        import lxml.html
        from readability import Document as ReadabilityDocument

        def _readability(html: str) -> str:
            summary = ReadabilityDocument(html).summary()
            return str(lxml.html.fromstring(summary).text_content()) if summary.strip() else ""

        funcs["readability"] = _readability
    except ImportError:
        pass
    return funcs


@dataclass
class Score:
    """Scores of one system on one page."""

    precision: float
    recall: float
    f1: float
    with_rate: float | None
    without_rate: float | None
    ms: float
    error: str | None = None


@dataclass
class PostcleanExtras:
    """postclean-only figures on one page (``None`` where the truth has nothing to compare)."""

    f1_conv: float = 0.0
    with_folded: float | None = None  # ``with`` on doc.text, typography folded on both sides (diagnostic)
    with_folded_conv: float | None = None  # the same on the convention-matched rendering
    starter_ok: bool | None = None
    date_ok: bool | None = None
    engine: str | None = None
    posts: int = 0


@dataclass
class PageResult:
    """All systems' scores on one page."""

    page: Page
    scores: dict[str, Score] = field(default_factory=dict)
    extras: PostcleanExtras | None = None


def _score(page: Page, text: str, ms: float, error: str | None) -> Score:
    s = prf(text, page.main_content)
    return Score(
        s.precision,
        s.recall,
        s.f1,
        snippet_rate(text, page.with_snippets),
        snippet_rate(text, page.without_snippets),
        ms,
        error,
    )


def _postclean_extras(page: Page, doc: object) -> PostcleanExtras:
    """Convention-matched F1 and metadata checks for one postclean Document."""
    extras = PostcleanExtras()
    default = doc.text  # type: ignore[attr-defined]
    # the renderings that match annotation conventions: quotes inline with a header per post, and the same
    # with comments (Stack Exchange) after each post
    renderings = [
        default,
        doc.render(quotes="inline", headers=True),  # type: ignore[attr-defined]
        doc.render(quotes="inline", headers=True, comments="inline"),  # type: ignore[attr-defined]
    ]
    f1s = [prf(r, page.main_content).f1 for r in renderings]
    extras.f1_conv = max(f1s)
    folded = [fold_typography(x) for x in page.with_snippets or ()]
    extras.with_folded = snippet_rate(fold_typography(default), folded)
    extras.with_folded_conv = snippet_rate(fold_typography(renderings[f1s.index(max(f1s))]), folded)
    extras.engine = getattr(doc, "engine", None)
    posts = getattr(doc, "posts", ()) or ()
    extras.posts = len(posts)
    author = str(page.truth.get("author") or "").strip()
    if author:
        got = name_of(getattr(doc, "starter", None))
        extras.starter_ok = got is not None and got.strip().casefold() == author.casefold()
    published = date_part(page.truth.get("published"))
    if published:
        first = date_part(posts[0].date) if posts else None
        extras.date_ok = first == published
    return extras


def run_page(
    page: Page,
    systems: Sequence[str],
    funcs: dict[str, Callable[[str], str]],
    pc: ModuleType | None,
    repeat: int = 1,
) -> PageResult:
    """Run every selected system on one page; each time is the fastest of ``repeat`` calls."""
    html = page.html()
    result = PageResult(page)
    for name in systems:
        if name == "postclean":
            if pc is None:
                continue
            run = best_of(lambda: pc.clean(html, kind="html", url=page.url), repeat)
            if run.value is None:
                result.scores[name] = _score(page, "", run.ms, run.error)
                result.extras = PostcleanExtras(
                    starter_ok=False if page.truth.get("author") else None,
                    date_ok=False if page.truth.get("published") else None,
                )
                continue
            try:
                text = run.value.text
                result.extras = _postclean_extras(page, run.value)
            except Exception as exc:  # a broken Document counts as an error, not a crash
                result.scores[name] = _score(page, "", run.ms, f"{type(exc).__name__}: {exc}")
                result.extras = PostcleanExtras()
                continue
            result.scores[name] = _score(page, text, run.ms, None)
        elif name in funcs:
            run = best_of(partial(funcs[name], html), repeat)
            result.scores[name] = _score(page, run.value or "", run.ms, run.error)
    return result


def warm_up(
    page: Page, systems: Sequence[str], funcs: dict[str, Callable[[str], str]], pc: ModuleType | None
) -> None:
    """One untimed call per system so first-call costs do not land on a measured page."""
    html = page.html()
    for name in systems:
        if name == "postclean" and pc is not None:
            timed(lambda: pc.clean(html, kind="html", url=page.url))
        elif name in funcs:
            timed(partial(funcs[name], html))


# ------------------------------------------------------------------------------------------------ report

_HEADER = ["pages", "P", "R", "F1", "with", "without↓", "ms med", "ms mean", "× trafilatura", "errors"]


def _row(results: Sequence[PageResult], idx: Sequence[int], name: str) -> list[str] | None:
    got = [results[i].scores[name] for i in idx if name in results[i].scores]
    if not got:
        return None
    traf = median(results[i].scores["trafilatura"].ms for i in idx if "trafilatura" in results[i].scores)
    med = median(s.ms for s in got)
    return [
        str(len(got)),
        fmt(mean(s.precision for s in got)),
        fmt(mean(s.recall for s in got)),
        fmt(mean(s.f1 for s in got)),
        fmt(mean(s.with_rate for s in got)),
        fmt(mean(s.without_rate for s in got)),
        fmt(med, 2),
        fmt(mean(s.ms for s in got), 2),
        fmt(med / traf if med is not None and traf else None, 2),
        str(sum(1 for s in got if s.error)),
    ]


def report(results: list[PageResult], systems: Sequence[str]) -> str:
    """The Markdown report for a finished run."""
    groups = list(group_rows(r.page for r in results))
    out: list[str] = [f"## HTML door — all pages ({len(results)})\n"]
    rows = [[name, *row] for name in systems if (row := _row(results, groups[-1][1], name))]
    out.append(markdown_table(["system", *_HEADER], rows))

    out.append("\n## Per engine\n")
    rows = []
    for engine, idx in groups:
        first = True
        for name in systems:
            row = _row(results, idx, name)
            if row:
                rows.append([engine if first else "", name, *row])
                first = False
    out.append(markdown_table(["engine", "system", *_HEADER], rows))

    if any(r.extras is not None for r in results):
        out.append("\n## postclean — convention-matched F1 and metadata\n")
        rows = []
        for engine, idx in groups:
            ex = [e for i in idx if (e := results[i].extras) is not None]
            if not ex:
                continue
            engines = Counter(e.engine or "none" for e in ex).most_common(2)
            rows.append(
                [
                    engine,
                    str(len(ex)),
                    fmt(
                        mean(
                            results[i].scores["postclean"].f1 for i in idx if "postclean" in results[i].scores
                        )
                    ),
                    fmt(mean(e.f1_conv for e in ex)),
                    fmt(mean(e.with_folded for e in ex)),
                    fmt(mean(e.with_folded_conv for e in ex)),
                    share([e.starter_ok for e in ex]),
                    share([e.date_ok for e in ex]),
                    fmt(mean(float(e.posts) for e in ex), 1),
                    ", ".join(f"{k} ×{v}" for k, v in engines),
                ]
            )
        out.append(
            markdown_table(
                [
                    "engine",
                    "pages",
                    "F1",
                    "F1 conv.",
                    "with, folded",
                    "with, folded conv.",
                    "starter = author",
                    "date = published",
                    "posts/page",
                    "doc.engine",
                ],
                rows,
            )
        )
        out.append(
            "\n`starter = author` counts pages whose truth has an author; `date = published` compares the "
            "date part of the first post's date, on pages whose truth has `published`. `with, folded` is a "
            "diagnostic, not the official rate: typographic quotes and apostrophes (and no-break spaces) folded to "
            "ASCII on both sides, since many `with` snippets write `'` where the page prints `’`."
        )

    errors: dict[tuple[str, str], list[str]] = {}
    for r in results:
        for name, sc in r.scores.items():
            if sc.error:
                errors.setdefault((name, sc.error[:200]), []).append(r.page.id)
    if errors:
        total = sum(len(v) for v in errors.values())
        out.append(f"\n## Errors ({total} page runs, counted as empty output)\n")
        for (name, err), ids in sorted(errors.items(), key=lambda kv: -len(kv[1]))[:30]:
            out.append(f"- {name} ×{len(ids)} (first: `{ids[0]}`): {err}")
    return "\n".join(out)


# ------------------------------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(prog="python -m bench.html_bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", metavar="ENGINE", help="only this engine folder (e.g. xenforo2)")
    ap.add_argument("--pages", type=int, metavar="N", help="only the first N pages")
    ap.add_argument("--systems", metavar="A,B", help=f"comma-separated subset of {','.join(SYSTEMS)}")
    ap.add_argument(
        "--repeat", type=int, default=1, metavar="N", help="time each call N times, keep the fastest (default 1)"
    )
    ap.add_argument("--json", metavar="PATH", help="also write per-page scores as JSON")
    args = ap.parse_args(argv)
    repeat = max(1, args.repeat)

    systems = list(SYSTEMS)
    if args.systems:
        wanted = [s.strip() for s in args.systems.split(",") if s.strip()]
        unknown = [s for s in wanted if s not in SYSTEMS]
        if unknown:
            ap.error(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(SYSTEMS)}")
        systems = wanted

    root = require_corpus()
    pages = load_corpus(root, only=args.only, pages=args.pages)
    if not pages:
        print("no pages with ground truth matched.")
        return 0
    funcs = peer_extractors()
    for name in systems:
        if name != "postclean" and name not in funcs:
            print(f"{name} is not installed; its rows are skipped.", file=sys.stderr)
    pc = load_postclean() if "postclean" in systems else None
    warm_up(pages[0], systems, funcs, pc)
    results: list[PageResult] = []
    tty = sys.stderr.isatty()
    for n, page in enumerate(pages, 1):
        if tty:
            print(f"\r[{n}/{len(pages)}] {page.engine}/{page.id}"[:78].ljust(78), end="", file=sys.stderr)
        results.append(run_page(page, systems, funcs, pc, repeat))
    if tty:
        print(file=sys.stderr)

    print(f"# postclean HTML-door benchmark ({len(pages)} pages)\n")
    print(
        "Times: one call of each system per page, right after the others (cold caches).\n"
        if repeat == 1
        else f"Times: the fastest of {repeat} calls of each system per page, for every system alike.\n"
    )
    if "postclean" in systems and pc is None:
        print("_postclean could not be imported: only peers are shown._\n")
    print(report(results, systems))

    if args.json:
        data = [
            {
                "page": r.page.id,
                "engine": r.page.engine,
                "scores": {name: asdict(s) for name, s in r.scores.items()},
                "postclean": asdict(r.extras) if r.extras else None,
            }
            for r in results
        ]
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
