"""Regular expressions compiled on first use.

postclean holds several hundred module-level patterns, many of them long case-insensitive alternations over
label tables in nine languages (full case folding makes those slow to compile). Compiling them all at import
took about two seconds, which every command-line call and every worker process paid before reading a byte.
A :func:`lazy` pattern compiles itself the first time any of its attributes is used, so a process compiles
only the patterns its documents need, and each of them once.

After the first use the compiled pattern's attributes are copied onto the stand-in, so later calls cost what a
call on a compiled pattern costs: one attribute lookup, no indirection.
"""

from __future__ import annotations

import sys
import threading
from typing import Any, cast

import regex

__all__ = ["compile_all", "lazy", "patterns"]

_LOCK = threading.Lock()
_ALL: list[_LazyPattern] = []


class _LazyPattern:
    """Stand-in for a ``regex.Pattern``: compiles on first attribute access, then becomes its attributes."""

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        #: The source, as ``regex.Pattern.pattern`` (composing patterns from others does not compile them).
        #: ``flags`` compiles: the compiled value also holds inline and default flags.
        self.pattern = source
        #: the module that made the pattern (see :func:`lazy`)
        self.module = ""

    def _compile(self) -> regex.Pattern[str]:
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            with _LOCK:
                compiled = self.__dict__.get("_compiled")
                if compiled is None:
                    compiled = regex.compile(self._source, self._flags, cache_pattern=False)
                    for name in dir(compiled):
                        if not name.startswith("__"):
                            self.__dict__[name] = getattr(compiled, name)
                    self.__dict__["_compiled"] = compiled
        return cast("regex.Pattern[str]", compiled)

    def __getattr__(self, name: str) -> Any:
        # Called only for attributes not yet in the instance dict, that is before the first compile.
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._compile(), name)

    def __repr__(self) -> str:
        return f"lazy({self._source[:60]!r}{'...' if len(self._source) > 60 else ''}, flags={self._flags})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (lazy, (self._source, self._flags))


def lazy(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """A pattern that compiles on first use; typed and used exactly like ``regex.compile(pattern, flags)``.

    Invalid patterns raise when first used, not at import: the test suite compiles every registered lazy
    pattern (:func:`compile_all`) so that a bad one fails CI.
    """
    stand_in = _LazyPattern(pattern, flags)
    # the module that made it (a rule's trigger: the module that declared the rule), so that tests can tell
    # postclean's own patterns from those user rules and tests make
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_globals.get("__name__") == "postclean.rules":
        frame = frame.f_back
    stand_in.module = str(frame.f_globals.get("__name__", ""))
    with _LOCK:
        _ALL.append(stand_in)
    return cast("regex.Pattern[str]", stand_in)


def patterns() -> list[regex.Pattern[str]]:
    """Every lazy pattern created so far (compiled or not)."""
    with _LOCK:
        return [cast("regex.Pattern[str]", p) for p in _ALL]


def compile_all() -> int:
    """Compile every lazy pattern created so far (for tests, or to warm a process before forking workers).

    Returns how many there are.
    """
    with _LOCK:
        pending = list(_ALL)
    for p in pending:
        p._compile()
    return len(pending)
