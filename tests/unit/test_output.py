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
