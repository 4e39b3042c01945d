"""Report how postclean does on the localised pages: ``python tests/i18n_report.py [NAME] [LANG] [-v]``.

Per page, language and extractor: authors found vs expected, chrome strings left in ``doc.text``, content lost.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from i18n_pages import flatteners, left_chrome, pages

import postclean


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    name = args[0] if args else None
    lang = args[1] if len(args) > 1 else None
    flat = flatteners()
    bad = 0
    for page in pages():
        if (name and page.name != name) or (lang and page.lang != lang):
            continue
        runs = {"html": (page.html, "html")} | {k: (f(page.html), "text") for k, f in flat.items()}
        for ext, (src, kind) in runs.items():
            doc = postclean.clean(src, kind=kind)  # type: ignore[arg-type]
            authors = [p.author.name for p in doc.posts if p.author is not None and p.author.name]
            left = left_chrome(doc.text, page.chrome)
            lost = [c for c in page.content if c in src and c not in doc.text]
            ok_auth = list(page.authors) == authors
            status = "ok" if (ok_auth and not left and not lost and doc.engine == page.engine) else "BAD"
            bad += status == "BAD"
            print(f"{status:3s} {page.name:12s} {page.lang} {ext:13s} engine={doc.engine} authors={'ok' if ok_auth else authors}"
                  + (f" left={left}" if left else "") + (f" lost={[c[:40] for c in lost]}" if lost else ""))
            if verbose and status == "BAD":
                print("    --- input ---\n    " + src.strip().replace("\n", "\n    "))
                print("    --- doc.text ---\n    " + doc.text.replace("\n", "\n    "))
    print("bad", bad)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
