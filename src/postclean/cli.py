"""Command line: ``postclean clean FILE|- [FILE ...] [--json | --explain]`` and ``postclean rules``.

Several files are cleaned in one process (the rule patterns are compiled once, which is most of a one-file
run's time): text and explanations get a ``==> FILE <==`` header per file, ``--json`` prints JSON Lines with
the file name in ``"source"``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

__all__ = ["main"]


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as fh:
        return fh.read()


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
