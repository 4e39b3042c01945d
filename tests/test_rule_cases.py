"""Per-rule fixture cases (fixtures/rules/*.yaml): each rule removes what it should and keeps what it should.

The registry walk makes the checklist enforceable: every built-in rule has a docstring with an example and
at least one case where it removes and one where it keeps.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from conftest import FIXTURES, dotted

import postclean


def _load() -> dict[str, list[dict[str, Any]]]:
    cases: dict[str, list[dict[str, Any]]] = {}
    for path in sorted((FIXTURES / "rules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for code, items in data.items():
            cases.setdefault(code, []).extend(items)
    return cases


CASES = _load()
PARAMS = [
    pytest.param(code, case, id=f"{code}-{case['name']}") for code, items in CASES.items() for case in items
]


@pytest.mark.parametrize(("code", "case"), PARAMS)
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    doc = postclean.clean(case["input"], kind="text")
    assert not [f for f in doc.flags if f.startswith("rule-error")], doc.flags  # no rule may fail on a case
    removed: list[str] = []
    for r in doc.removals:
        if r.code == code:
            removed.extend(line.strip() for line in r.text.split("\n"))
    assert sorted(set(removed)) == sorted({s.strip() for s in case["removed"]}), doc.explain()
    for path, expected in (case.get("check") or {}).items():
        assert dotted(doc.to_dict(), path) == expected, path
    if "body" in case:
        assert doc.text == case["body"]
    # A cleaned text has nothing left for the rule to flag (sqlfluff's "fixed result" check).
    again = postclean.clean(doc.text, kind="text")
    assert again.text == doc.text


def test_every_rule_has_cases_and_docs() -> None:
    for r in postclean.all_rules():
        items = CASES.get(r.code)
        assert items, f"{r.code} has no fixture cases in fixtures/rules/"
        assert any(c["removed"] for c in items), f"{r.code} has no case it removes"
        assert any(not c["removed"] for c in items), f"{r.code} has no case it keeps"
        assert r.summary and "Example" in r.doc, f"{r.code} needs a docstring with an example"
        assert r.name == r.name.lower() and " " not in r.name


def test_codes_unique() -> None:
    codes = [r.code for r in postclean.all_rules()]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize(("code", "case"), PARAMS)
def test_triggers_change_nothing(code: str, case: dict[str, Any]) -> None:
    """A rule's trigger is only a speed-up: the same rules without triggers give the same result."""
    import attrs

    plain = postclean.Cleaner(
        rules=(),
        packs=[
            attrs.evolve(p, rules=tuple(attrs.evolve(r, trigger=None, trigger_words=()) for r in p.rules))
            for p in postclean.DEFAULT_PACKS
        ],
    )
    fast = postclean.clean(case["input"], kind="text")
    slow = plain.clean(case["input"], kind="text")
    assert fast.to_dict() == slow.to_dict()


def test_consent_trigger_covers_its_phrases() -> None:
    """GEN009's trigger words must stay a necessary condition as the phrase tables grow."""
    from postclean.packs.generic import CONSENT_TRIGGER
    from postclean.phrases import phrases

    for phrase in (*phrases("consent_these"), *phrases("consent_marker")):
        assert any(w in phrase.lower() for w in CONSENT_TRIGGER), phrase


def test_like_count_trigger_covers_its_phrases() -> None:
    """GEN015's trigger words must stay a necessary condition as the phrase tables grow."""
    from postclean.packs.generic import lone_like_count
    from postclean.phrases import phrases

    assert lone_like_count.trigger is None
    for phrase in phrases("likes_count"):
        assert any(w in phrase.lower() for w in lone_like_count.trigger_words), phrase


def test_dateline_needs_a_year() -> None:
    """NEWS003 tries its date pattern only on lines with four digits in a row: every date form it reads has a
    year so."""
    from postclean.dates import DATE_LINE_RE

    for line in ("May 14, 2023", "14. Mai 2023 um 10:15", "2025年12月18日 GMT+8 16:54", "18.12.2025", "2023-05-14"):
        assert DATE_LINE_RE.match(line), line
    for line in ("May 14", "14. Mai 10:15", "12月18日", "18.12.25", "05-14 10:15"):
        assert DATE_LINE_RE.match(line) is None, line
