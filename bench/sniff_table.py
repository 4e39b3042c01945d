"""Which engine the text door names, against the engine a text really comes from: a confusion table.

    PYTHONPATH=src python -m bench.sniff_table           # the fixture pages, flattened by every extractor here
    python -m bench.sniff_table --inputs DIR             # ... and texts laid out DIR/<extractor>/<engine>/<page>.txt
    python -m bench.sniff_table --only unseen --show     # one set, with the texts that name a wrong engine

Sets: ``fixture`` (``fixtures/html``: the engines' pages and the generic ones, whose engine is none), ``i18n``
(``fixtures/i18n``, every language), ``unseen`` (``fixtures/html/unseen-*.html``: forum software no pack reads,
whose text should name no engine; phpBB 2 may be read as phpBB) and ``inputs`` (``--inputs``; a ``custom`` folder
holds pages of no known engine). Each row counts texts by (set, true engine, engine named): ``sniffed`` is the
sniffers' verdict alone (:meth:`postclean.engine.Cleaner.sniff`), ``doc`` the engine the document ends with (the
sniffers', or the one whose rules took the text's chrome: the ``engine-from-chrome`` flag). A wrong engine is one
named that is not the text's; a miss, none named on a supported engine's text.
"""

from __future__ import annotations

import argparse
import collections
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from bench._common import load_postclean

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # (the fixtures' flatteners: tests/i18n_pages.py)

#: Folder or fixture names that differ from the pack's name.
_ALIASES = {"xenforo1": "xenforo", "xenforo2": "xenforo", "vbulletin3": "vbulletin", "vbulletin4": "vbulletin",
            "vbulletin5": "vbulletin", "custom": None, "generic": None, "phpbb2": None}
#: An unseen engine's page that may be read as a supported engine's (its ancestor).
_RELATIVES = {"phpbb2": "phpbb"}


def _truth(name: str) -> str | None:
    return _ALIASES.get(name, name)


def _texts(only: str | None, inputs: Path | None) -> Iterator[tuple[str, str, str, str, str]]:
    """(set, true engine's label, extractor, page, text)."""
    sets: list[tuple[str, str, str, str]] = []  # (set, label, page, html)
    if only in (None, "fixture", "unseen"):
        for path in sorted((ROOT / "fixtures" / "html").glob("*.html")):
            unseen = path.stem.startswith("unseen-")
            kind = "unseen" if unseen else "fixture"
            if only in (None, kind):
                label = path.stem.removeprefix("unseen-").removeprefix("text-").split("-")[0]
                sets.append((kind, label, path.stem, path.read_text("utf-8")))
    if only in (None, "i18n"):
        from i18n_pages import pages

        sets.extend(("i18n", page.name, f"{page.name}-{page.lang}", page.html) for page in pages())
    if sets:
        from i18n_pages import flatteners

        flat: dict[str, Callable[[str], str]] = flatteners()
        for kind, label, page, html in sets:
            for ext, fn in sorted(flat.items()):
                yield kind, label, ext, page, fn(html)
    if inputs is not None and only in (None, "inputs"):
        for path in sorted(inputs.glob("*/*/*.txt")):
            yield "inputs", path.parts[-2], path.parts[-3], path.stem, path.read_text("utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--inputs", type=Path, help="flattened texts laid out <extractor>/<engine>/<page>.txt")
    ap.add_argument("--only", choices=("fixture", "i18n", "unseen", "inputs"))
    ap.add_argument("--show", action="store_true", help="list the texts that name a wrong engine")
    args = ap.parse_args(argv)
    postclean = load_postclean()
    if postclean is None:
        return 1
    cleaner = postclean._default()
    table: collections.Counter[tuple[str, str, str, str]] = collections.Counter()
    wrong: list[str] = []
    for kind, label, ext, page, text in _texts(args.only, args.inputs):
        sniffed = cleaner.sniff(text)[0]
        doc = postclean.clean(text, kind="text")
        table[(kind, label, str(sniffed), str(doc.engine))] += 1
        allowed = {_truth(label), _RELATIVES.get(label)}
        if doc.engine is not None and doc.engine not in allowed:
            flags = ",".join(f for f in doc.flags if f.startswith("engine"))
            wrong.append(f"{kind} {label} {ext} {page}: {doc.engine} {doc.engine_confidence:.2f} {flags}".rstrip())
    print("| set | engine | sniffed | doc | texts |")
    print("|---|---|---|---|---:|")
    for (kind, label, sniffed, engine), n in sorted(table.items()):
        print(f"| {kind} | {label} | {sniffed} | {engine} | {n} |")
    print(f"\n{len(wrong)} texts name a wrong engine")
    if args.show:
        for line in wrong:
            print("-", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
