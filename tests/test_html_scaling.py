"""The HTML door in linear time on adversarial and very large pages.

Each test builds a page whose cost used to grow with the square of its size (one walk of the tree, or of every
reply nested below a post, per matched node) and checks it is cleaned in a few seconds of CPU time. The bound
is loose (the machine may be shared); the quadratic versions took from 5 s to minutes at these sizes.
"""

from __future__ import annotations

import time

import postclean

WORDS = "Some words of a reply that says a little about the topic at hand. "
#: CPU seconds allowed per page (each takes about 1 s; the quadratic versions took 7 to 10 s).
LIMIT = 3.0


def _clean(page: str) -> tuple[postclean.Document, float]:
    t0 = time.process_time()
    doc = postclean.clean(page, kind="html")
    return doc, time.process_time() - t0


def test_nested_page_chrome_is_linear() -> None:
    # 12,000 <nav>s each inside the one before: each used to walk all its ancestors looking for a recorded one
    n = 12_000
    page = "<html><body>" + "<nav><a href='/'>Home</a>" * n + "</nav>" * n + f"<p>{WORDS * 3}</p></body></html>"
    doc, spent = _clean(page)
    assert spent < LIMIT, f"{spent:.1f}s"
    assert "topic at hand" in doc.text
    assert len([r for r in doc.removals if r.name == "page-chrome"]) <= 2  # the outermost region, not each nav
