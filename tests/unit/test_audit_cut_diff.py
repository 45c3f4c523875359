"""Comparing audits that list only their most urgent entries (`kb audit --limit`): a
component counts as added, removed, newly hollow or resolved only where both audits say what
it was. The audits here are written by hand."""

from __future__ import annotations

from typing import Any

from kb.report import history


def comp(cid: str, score: int, hollow: bool, cliff: str | None = None) -> dict[str, Any]:
    return {"id": cid, "risk_score": score, "hollow_core": hollow, "cliff_date": cliff}


def audit(comps: list[dict[str, Any]], cut: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"generated_at": "2026-11-30T00:00:00+00:00", "as_of": "2026-11-30",
            "components": comps, "hollow_core": [c for c in comps if c["hollow_core"]],
            "agreements": {"agreements": []}, **({"cut": cut} if cut else {})}


WHOLE = {"components": {"shown": 2, "total": 5}, "hollow_core": {"shown": 1, "total": 3}}


def test_whole_audits_compare_every_component() -> None:
    old = audit([comp("a", 80, True), comp("b", 40, False), comp("c", 10, False)])
    new = audit([comp("a", 30, False), comp("b", 85, True), comp("d", 5, False)])
    d = history.diff(old, new)
    assert d["new_hollow_cores"] == ["b"] and d["resolved_hollow_cores"] == ["a"]
    assert d["components_added"] == ["d"] and d["components_removed"] == ["c"]
    assert [s["component"] for s in d["score_changes"]] == ["a", "b"]
    assert "partial" not in d


def test_cut_audits_say_only_what_both_show() -> None:
    # old lists a (hollow) and b (not hollow) of five; new lists b (now hollow) and e
    # (hollow, not listed in old: it may have been hollow there too).
    old = audit([comp("a", 80, True), comp("b", 40, False)], WHOLE)
    new = audit([comp("b", 85, True), comp("e", 84, True)], WHOLE)
    d = history.diff(old, new)
    assert d["new_hollow_cores"] == ["b"]  # old showed b, not hollow: it is new
    assert d["resolved_hollow_cores"] == []  # a is not listed in new: unknown, not resolved
    assert d["components_added"] == [] and d["components_removed"] == []
    assert d["score_changes"] == [{"component": "b", "from": 40, "to": 85}]
    assert d["partial"]["lists"] == ["components", "hollow_core"]
    assert "--limit 0" in d["partial"]["note"]
    assert not history.diff_is_empty(d)


def test_a_cut_audit_against_itself_is_no_change() -> None:
    a = audit([comp("a", 80, True), comp("b", 40, False)], WHOLE)
    d = history.diff(a, a)
    assert history.diff_is_empty(d) and d["partial"]["lists"] == ["components", "hollow_core"]
