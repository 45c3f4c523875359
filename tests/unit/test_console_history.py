"""The console history's bounds and order (web/console_history.py)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from web import console_history
from web.console_history import History


def test_newest_first_failures_kept_repeats_moved_to_the_top() -> None:
    h = History()
    h.record("b1", "RETURN 1", {}, 200, "ok", 1)
    h.record("b1", "CREATE (n)", {}, 400, "refused")
    h.record("b1", "RETURN 1", {}, 200, "ok", 1)
    h.record("b1", "RETURN 1", {"x": 1}, 200, "ok", 1)  # other parameters: another entry
    got = [(e["cypher"], e["params"], e["outcome"]) for e in h.entries("b1")]
    assert got == [("RETURN 1", {"x": 1}, "ok"), ("RETURN 1", {}, "ok"),
                   ("CREATE (n)", {}, "refused")]
    assert h.entries("b2") == [] and h.entries(None) == []
    assert [e["cypher"] for e in h.entries("b1", "create")] == ["CREATE (n)"]
    url = urlparse(h.entries("b1")[0]["url"])
    assert url.path == "/query"
    assert parse_qs(url.query) == {"cypher": ["RETURN 1"], "params": ['{"x": 1}'], "run": ["1"]}


def test_bounded_in_entries_browsers_and_size(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(console_history, "MAX_ENTRIES", 3)
    monkeypatch.setattr(console_history, "MAX_BROWSERS", 2)
    h = History()
    for i in range(5):
        h.record("a", f"RETURN {i}", {}, 200, "ok", 1)
    assert [e["cypher"] for e in h.entries("a")] == ["RETURN 4", "RETURN 3", "RETURN 2"]
    h.record("b", "RETURN 1", {}, 200, "ok", 1)
    h.record("a", "RETURN 9", {}, 200, "ok", 1)  # a is now the most recent
    h.record("c", "RETURN 1", {}, 200, "ok", 1)  # three browsers: b, the least recent, goes
    assert h.entries("b") == [] and h.entries("a") and h.entries("c")
    h.record("a", "x" * 20_001, {}, 200, "ok", 1)  # longer than the console takes: not kept
    assert h.entries("a")[0]["cypher"] == "RETURN 9"
    assert len(History.new_id()) >= 16
