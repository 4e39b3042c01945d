"""Command line: ``postclean clean FILE|- [FILE ...] [--json | --explain]``, ``postclean batch [JSONL ...]`` and
``postclean rules``.

Several files are cleaned in one process (the rule patterns are compiled once, which is most of a one-file
run's time): text and explanations get a ``==> FILE <==`` header per file, ``--json`` prints JSON Lines with
the file name in ``"source"``. ``batch`` reads documents from JSON Lines records (a dataset's format), cleans
them in one process or several (``--jobs``), and writes one JSON Lines record per input record, in order; a
record that cannot be cleaned gets an ``"error"`` record, never a crash.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import sys
from collections.abc import Iterator, Sequence
from typing import IO, Any

__all__ = ["main"]


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as fh:
        return fh.read()


def _open_text(path: str) -> IO[str]:
    """A JSON Lines input as text: ``-`` for standard input, ``.gz`` files decompressed."""
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


#: A batch task: (file, line number, the record's kept fields, the document or an error message, its URL).
_Task = tuple[str, int, dict[str, Any], "str | None", "str | None", "str | None"]


def _tasks(paths: Sequence[str], field: str | None, url_field: str, keep: Sequence[str]) -> Iterator[_Task]:
    """The records of the JSON Lines inputs, each with its document (or why it has none)."""
    for path in paths:
        with _open_text(path) as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    yield path, n, {}, None, None, f"not a JSON object: {exc}"
                    continue
                if not isinstance(record, dict):
                    yield path, n, {}, None, None, "not a JSON object"
                    continue
                kept = {k: record[k] for k in keep if k in record}
                name = field or next((k for k in ("html", "text") if k in record), None)
                value = record.get(name) if name is not None else None
                url = record.get(url_field)
                url = url if isinstance(url, str) else None
                if not isinstance(value, str):
                    what = f"field {name!r}" if name is not None else "a field 'html' or 'text'"
                    problem = "is not a string" if name is not None and name in record else "is missing"
                    yield path, n, kept, None, url, f"{what} {problem}"
                    continue
                yield path, n, kept, value, url, None


#: The worker's settings (``_init_worker``): the cleaner and the output options.
_WORKER: dict[str, Any] = {}


def _init_worker(select: list[str] | None, ignore: list[str] | None, options: dict[str, Any]) -> None:
    from .engine import Cleaner

    _WORKER["cleaner"] = Cleaner(select=select, ignore=ignore)
    _WORKER["options"] = options


def _clean_record(task: _Task) -> tuple[str, bool]:
    """One output line for one input record, and whether it is an error record."""
    path, n, kept, value, url, problem = task
    out: dict[str, Any] = {**kept, "source": {"file": path, "line": n}}
    if problem is None and value is not None:
        opts = _WORKER["options"]
        try:
            doc = _WORKER["cleaner"].clean(value, kind=opts["kind"], url=url)
        except Exception as exc:  # one bad record must not stop a batch
            problem = f"{type(exc).__name__}: {exc}"
        else:
            if opts["brief"]:
                out.update(
                    text=doc.render(quotes=opts["quotes"], headers=opts["headers"], comments=opts["comments"]),
                    kind=doc.kind,
                    engine=doc.engine,
                    engine_confidence=doc.engine_confidence,
                    title=doc.title,
                    starter=doc.starter,
                    posts=len(doc.posts),
                    flags=list(doc.flags),
                    removal_ratio=doc.removal_ratio,
                )
            else:
                out.update(doc.to_dict())
    if problem is not None:
        out["error"] = problem
    return json.dumps(out, ensure_ascii=False), problem is not None


def _batch(args: argparse.Namespace) -> int:
    """``postclean batch``: JSON Lines in, JSON Lines out, in input order."""
    options = {
        "kind": args.kind,
        "brief": args.brief,
        "quotes": args.quotes,
        "headers": args.headers,
        "comments": args.comments,
    }
    tasks = _tasks(args.input or ["-"], args.field, args.url_field, args.keep or ["id", "url"])
    records = errors = 0
    try:
        with open(args.output, "w", encoding="utf-8") if args.output else contextlib.nullcontext(sys.stdout) as sink:
            if args.jobs > 1:
                import multiprocessing

                # (each worker compiles the patterns its documents need, once: postclean.precompile() in the
                # parent would compile every pattern, about 15 s, before the first record)
                with multiprocessing.Pool(args.jobs, _init_worker, (args.select, args.ignore, options)) as pool:
                    results: Iterator[tuple[str, bool]] = pool.imap(_clean_record, tasks, chunksize=8)
                    for line, failed in results:
                        records += 1
                        errors += failed
                        sink.write(line + "\n")
            else:
                _init_worker(args.select, args.ignore, options)
                for line, failed in map(_clean_record, tasks):
                    records += 1
                    errors += failed
                    sink.write(line + "\n")
    except OSError as exc:
        print(f"postclean: {exc.strerror or exc}: {getattr(exc, 'filename', '') or ''}", file=sys.stderr)
        return 2
    print(f"postclean: {records} records, {errors} errors", file=sys.stderr)
    return 1 if errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    from . import __version__, all_rules
    from .rules import SelectionError

    parser = argparse.ArgumentParser(
        prog="postclean", description="Clean forum posts (HTML or extracted text)."
    )
    parser.add_argument("--version", action="version", version=f"postclean {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p_clean = sub.add_parser("clean", help="clean a file (or - for standard input) and print the result")
    p_clean.add_argument(
        "file", nargs="+", help="paths to HTML pages or text files, or - for standard input"
    )
    out = p_clean.add_mutually_exclusive_group()
    out.add_argument(
        "--json", action="store_true", help="print the full result as JSON (JSON Lines for several files)"
    )
    out.add_argument("--explain", action="store_true", help="print one line per removal")
    p_clean.add_argument("--kind", choices=["auto", "text", "html"], default="auto")
    p_clean.add_argument("--url", default=None, help="page URL (helps engine detection)")
    p_clean.add_argument(
        "--quotes", choices=["omit", "inline"], default="omit", help="quoted text in the output"
    )
    p_clean.add_argument(
        "--comments",
        choices=["omit", "inline"],
        default="omit",
        help="comments on posts (Stack Exchange) in the output",
    )
    p_clean.add_argument("--headers", action="store_true", help="print poster name and date before each post")
    p_clean.add_argument(
        "--select", action="append", default=None, help="only these rules (code, prefix, name, tag)"
    )
    p_clean.add_argument("--ignore", action="append", default=None, help="skip these rules")
    p_batch = sub.add_parser(
        "batch",
        help="clean the documents of JSON Lines records (one output record per input record, in order)",
        description="Clean the documents held in JSON Lines records: one output record per input record, in "
        "input order, with the kept fields, \"source\" (file and line) and the result, or \"error\" when the "
        "record has no document. Exit status 1 when any record was an error.",
    )
    p_batch.add_argument("input", nargs="*", help="JSON Lines files (.gz too), or - for standard input (default)")
    p_batch.add_argument("-o", "--output", default=None, help="write here instead of standard output")
    p_batch.add_argument(
        "--field", default=None, help="the field holding the document (default: 'html', else 'text')"
    )
    p_batch.add_argument("--url-field", default="url", help="the field holding the page URL (default: url)")
    p_batch.add_argument(
        "--keep", action="append", default=None, help="copy this field to the output (default: id and url)"
    )
    p_batch.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p_batch.add_argument(
        "--brief",
        action="store_true",
        help="the rendered text and document-level metadata only, not every post and removal",
    )
    p_batch.add_argument("--kind", choices=["auto", "text", "html"], default="auto")
    p_batch.add_argument("--quotes", choices=["omit", "inline"], default="omit", help="quoted text (--brief)")
    p_batch.add_argument("--comments", choices=["omit", "inline"], default="omit", help="comments (--brief)")
    p_batch.add_argument("--headers", action="store_true", help="poster name and date before each post (--brief)")
    p_batch.add_argument("--select", action="append", default=None, help="only these rules")
    p_batch.add_argument("--ignore", action="append", default=None, help="skip these rules")
    sub.add_parser("rules", help="list the built-in rules")
    args = parser.parse_args(argv)

    if args.command == "rules":
        for r in all_rules():
            print(f"{r.code:<8} {r.name:<24} {','.join(sorted(r.tags)):<28} {r.summary}")
        return 0
    from .engine import Cleaner

    try:
        cleaner = Cleaner(select=args.select, ignore=args.ignore)
    except SelectionError as exc:
        print(f"postclean: {exc}", file=sys.stderr)
        return 2
    if args.command == "batch":
        if args.jobs < 1:
            print("postclean: --jobs must be at least 1", file=sys.stderr)
            return 2
        return _batch(args)
    many = len(args.file) > 1
    status = 0
    for n, path in enumerate(args.file):
        try:
            data = _read(path)
        except OSError as exc:
            print(f"postclean: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
            status = 2
            continue
        doc = cleaner.clean(data, kind=args.kind, url=args.url)
        if args.json:
            if many:
                print(json.dumps({"source": path, **doc.to_dict()}, ensure_ascii=False))
            else:
                print(doc.to_json())
            continue
        if many:
            print(f"{chr(10) if n else ''}==> {path} <==")
        rendered = doc.render(quotes=args.quotes, headers=args.headers, comments=args.comments)
        print(doc.explain() if args.explain else rendered)
    return status
