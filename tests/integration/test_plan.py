"""`kb plan` (issue 20): never over budget, its reported effect equals the what-if
recomputation of its own grants (computed here from plain risk answers), and it removes at
least as much risk as the same budget split by usage alone."""

from __future__ import annotations

import calendar
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from kb import analysis
from kb.analysis.plan import plan
from kb.ingest import loader
from kb.ingest.generate import generate
from tests.conftest import EXAMPLES

DAY = "2026-11-22"


def grant(component: str, cost: float, months: int) -> dict[str, Any]:
    """A grant from DAY for `months` months: through the day before the same date that many
    months later (README, "What-ifs"), computed here with calendar arithmetic."""
    start = date.fromisoformat(DAY)
    years, month = divmod(start.month - 1 + months, 12)
    last = calendar.monthrange(start.year + years, month + 1)[1]
    end = date(start.year + years, month + 1, min(start.day, last)) - timedelta(days=1)
    return {"component": component, "amount": cost, "months": months,
            "start": start.isoformat(), "end": end.isoformat()}


def objective(driver: Any, settings: Any, days: list[str], horizon: int,
              fund: list[dict[str, Any]]) -> float:
    """Reliant actors x score fall on each day a grant covers, the fall measured on the
    sample day starting the day's interval, over the horizon's days: the README's
    definition, computed from two plain risk answers per sample day."""
    ends = [date.fromisoformat(d) for d in days[1:]] + [
        date.fromisoformat(days[0]) + timedelta(days=horizon)]
    total = 0.0
    for d, end in zip(days, ends, strict=True):
        before = {c["id"]: c for c in analysis.risk(driver, d, horizon,
                                                    settings=settings).data["components"]}
        after = {c["id"]: c for c in analysis.risk(driver, d, horizon, settings=settings,
                                                   fund=fund).data["components"]}
        granted = {g["component"] for g in fund}
        # A grant changes its own component's score only (what makes effects add up).
        assert all(c["risk_score"] == before[i]["risk_score"] for i, c in after.items()
                   if i not in granted)
        for g in fund:
            first, last = date.fromisoformat(g["start"]), date.fromisoformat(g["end"])
            span = max(date.fromisoformat(d), first)
            covered = max(0, (min(end - timedelta(days=1), last) - span).days + 1)
            b, a = before[g["component"]], after[g["component"]]
            total += b["reliant_actors"] * (b["risk_score"] - a["risk_score"]) * covered
    return total / horizon


def check(driver: Any, settings: Any, budget: float, horizon: int) -> dict[str, Any]:
    d = plan(driver, budget, DAY, horizon, settings=settings).data
    assert d["spent"] <= budget and d["left"] == pytest.approx(budget - d["spent"])
    assert d["spent"] == pytest.approx(sum(a["cost"] for a in d["allocations"]))
    fund = [grant(a["component"], a["cost"], a["months"]) for a in d["allocations"]]
    assert d["risk_removed"] == pytest.approx(
        objective(driver, settings, d["sample_days"], horizon, fund))
    assert d["risk_removed"] >= d["usage_split"]["risk_removed"]
    assert d["usage_split"]["spent"] <= budget
    return d


def test_on_the_demo(empty_kb, settings) -> None:
    loader.load(empty_kb, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    d = check(empty_kb, settings, 100_000, 365)
    # It beats the usage-proportional split strictly on the demo.
    assert d["risk_removed"] > d["usage_split"]["risk_removed"]
    # Each grant names its coalition: the actors relying on it that fund nothing.
    risk = {c["id"]: c for c in analysis.risk(empty_kb, DAY, 365,
                                              settings=settings).data["components"]}
    for a in d["allocations"]:
        assert a["ask"] == risk[a["component"]]["free_riders"]
    assert sum(x["cost"] for x in d["asks"]) == pytest.approx(d["spent"])
    # Costs: no component of the demo gives maintenance_cost, so the default applies.
    assert {a["cost_source"] for a in d["allocations"]} == {"default"}
    assert all(a["cost"] == pytest.approx(50_000 * a["months"] / 12)
               for a in d["allocations"])


@pytest.mark.parametrize("budget", [20_000, 1_000_000])
def test_on_a_generated_ecosystem(empty_kb, settings, tmp_path: Path, budget: float) -> None:
    f = tmp_path / "g.json"
    f.write_text(json.dumps(generate(400, seed=5)))
    loader.load(empty_kb, [f], settings=settings)
    d = check(empty_kb, settings, budget, 180)
    assert d["allocations"] and d["method"] == "greedy"  # hundreds of candidates


def test_a_recorded_maintenance_cost_is_used(empty_kb, settings, tmp_path: Path) -> None:
    text = (EXAMPLES / "ebola-emr.yaml").read_text().replace(
        "{id: json-codec, name: JSON codec library,",
        "{id: json-codec, name: JSON codec library, maintenance_cost: 12000,")
    f = tmp_path / "demo.yaml"
    f.write_text(text)
    loader.load(empty_kb, [f], settings=settings)
    d = check(empty_kb, settings, 100_000, 365)
    codec = next(a for a in d["allocations"] if a["component"] == "json-codec")
    assert codec["cost_source"] == "maintenance_cost"
    assert codec["cost"] == pytest.approx(12_000 * codec["months"] / 12)


def test_bad_plans_are_refused_with_the_reason(kb_cli, empty_kb) -> None:
    assert kb_cli("load", str(EXAMPLES / "ebola-emr.yaml")).returncode == 0
    res = kb_cli("plan", "--budget", "0")
    assert res.returncode == 2 and "--budget must be a positive amount, got 0.0" in res.stderr
    res = kb_cli("plan", "--budget", "1000", "--currency", "EUR")
    assert "--currency EUR: the knowledge base's amounts are in USD" in res.stderr
    res = kb_cli("plan", "--budget", "1000", "--horizon", "10")
    assert "--horizon must be 30 days or more for a plan, got 10" in res.stderr
    ok = kb_cli("plan", "--budget", "100000", "--as-of", DAY)
    assert ok.returncode == 0 and "the same budget split by usage alone removes" in ok.stderr
    assert "Traceback" not in ok.stderr + res.stderr
