"""The CLI's table view of an analysis."""

from __future__ import annotations

import pytest

from kb.analysis.common import Analysis
from kb.cli.output import print_table


def test_counts_nobody_recorded_read_unknown_not_zero(capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    rows = [{"id": "known", "maintainers": 0, "paid_maintainers": 0, "funders": [],
             "maintenance_known": True, "funding_known": True},
            {"id": "silent", "maintainers": 0, "paid_maintainers": 0, "funders": [],
             "maintenance_known": False, "funding_known": False}]
    print_table(Analysis("risk", {}, rows, ["id", "maintainers", "paid_maintainers",
                                            "funders"]))
    lines = {line.split("│")[1].strip(): line for line in capsys.readouterr().out.splitlines()
             if line.startswith("│")}
    assert [c.strip() for c in lines["known"].split("│")[2:5]] == ["0", "0", ""]
    assert [c.strip() for c in lines["silent"].split("│")[2:5]] == ["unknown"] * 3


def test_long_lists_are_cut_in_tables_with_a_count(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from kb.cli.output import names, to_csv

    assert names(["a", "b"]) == "a, b"
    assert names([f"x{i}" for i in range(7)]) == "x0, x1, x2, x3, x4, x5, x6"  # 1 more: shown
    assert names([f"x{i}" for i in range(300)]) == "x0, x1, x2, x3, x4, x5 and 294 more"
    monkeypatch.setenv("COLUMNS", "300")
    result = Analysis("plan", {}, [{"component": "c", "ask": [f"org-{i:03}" for i in range(40)]}],
                      ["component", "ask"])
    print_table(result)
    assert "org-005 and 34 more" in capsys.readouterr().out
    assert to_csv(result).count("org-") == 40  # CSV keeps every item
