"""Helpers shared by the benchmark commands: importing postclean, timing calls, rendering figures."""

from __future__ import annotations

import datetime as _dt
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def load_postclean() -> ModuleType | None:
    """Import postclean (falling back to ``<repo>/src`` when it is not installed); ``None`` if unusable."""
    try:
        import postclean
    except ImportError:
        postclean = None  # type: ignore[assignment]
    if postclean is None or not hasattr(postclean, "clean"):
        sys.modules.pop("postclean", None)
        sys.path.insert(0, str(REPO / "src"))
        try:
            import postclean
        except ImportError as exc:
            print(f"postclean cannot be imported: {exc}", file=sys.stderr)
            return None
    if not hasattr(postclean, "clean"):
        print("postclean has no clean() yet; its rows are skipped.", file=sys.stderr)
        return None
    if hasattr(postclean, "precompile"):
        # Patterns compile on first use; compile them before any timing, as a long-running job has them: the
        # per-document times then hold no one-off compile cost (import and compile time are reported apart).
        postclean.precompile()
    return postclean


@dataclass
class Run:
    """Outcome of one timed call: the value, the wall time in milliseconds, and the error if it raised."""

    value: Any
    ms: float
    error: str | None = None


def timed(fn: Callable[[], Any]) -> Run:
    """Call ``fn`` once and time it; an exception becomes ``Run(None, ms, error)``."""
    start = time.perf_counter()
    try:
        value = fn()
    except Exception as exc:
        return Run(None, (time.perf_counter() - start) * 1000.0, f"{type(exc).__name__}: {exc}")
    return Run(value, (time.perf_counter() - start) * 1000.0)


def best_of(fn: Callable[[], Any], n: int) -> Run:
    """:func:`timed` ``n`` times: the fastest run (the first run's value and error)."""
    first = timed(fn)
    if first.error is not None or n <= 1:
        return first
    ms = min([first.ms, *(timed(fn).ms for _ in range(n - 1))])
    return Run(first.value, ms, first.error)


def date_part(value: object) -> str | None:
    """ISO ``YYYY-MM-DD`` of a date, datetime or ISO string; ``None`` when absent or unreadable."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text[:10] if len(text) >= 10 else None


def name_of(value: object) -> str | None:
    """A poster name from a string or an object with ``.name``."""
    if value is None:
        return None
    name = getattr(value, "name", value)
    return str(name) if name is not None else None


def share(values: Iterable[bool | None]) -> str:
    """``0.xxx (k/n)``: the share of true values among the defined ones; ``–`` when none is defined."""
    got = [v for v in values if v is not None]
    if not got:
        return "–"
    return f"{sum(got) / len(got):.3f} ({sum(got)}/{len(got)})"
