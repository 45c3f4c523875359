"""The risk score's figures, worked out by hand, and the README's table against them."""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path

import pytest

from kb.analysis import scoring
from kb.analysis.scoring import EARLY, LATE, funding_state, level, verdict

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()
D = date.fromisoformat


def test_the_readme_table_states_the_figures_the_code_uses() -> None:
    table = README[README.index("**Risk score**"):README.index("**Reasons**")]
    m = scoring.MAINTAINER_POINTS
    for line in (
        f"| funding | {scoring.UNFUNDED_POINTS} if unfunded; {scoring.CLIFF_POINTS} if funded "
        "with a cliff inside the horizon; else 0 |",
        f"| funding unknown | {scoring.FUNDING_UNKNOWN_POINTS} instead, when no source says "
        "whether it is funded |",
        f"| maintenance unknown | {scoring.MAINTENANCE_UNKNOWN_POINTS} instead, when no source "
        "says who maintains it |",
        f"| reliance | {scoring.RELIANCE_POINTS} × ln(1 + actors) / "
        f"ln({1 + scoring.RELIANCE_FULL_AT}), capped at {scoring.RELIANCE_POINTS} (reached at "
        f"{scoring.RELIANCE_FULL_AT} relying actors) |",
        f"| maintainers | {m[0]} with none, {m[1]} with one, {m[2]} with two, 0 with three or "
        "more |",
        f"| volunteer-only | {scoring.VOLUNTEER_POINTS} when it has maintainers and none is "
        "paid |",
        f"| free riders | {scoring.FREE_RIDER_POINTS} when it has any |",
    ):
        assert line in table, line
    assert f"capped at {scoring.MAX_SCORE}" in table
    levels = ", ".join(f"`{n}` ≥ {lowest}" for n, lowest in scoring.LEVELS)
    assert f"**Levels**: {levels}, else `low`; `critical` only when" in table
    assert scoring.EVIDENCE_LEVELS == ("critical",)
    reasons = re.findall(r"`(\w+)`", README[README.index("**Reasons**"):][:300])
    assert reasons[:len(scoring.REASONS)] == scoring.REASONS


@pytest.mark.parametrize(("facts", "score", "lvl", "reasons"), [
    # unfunded, nobody relies, nobody maintains: 40 + 0 + 30
    ((False, False, 0, 0, True, False), 70, "high", ("unfunded", "no_maintainer")),
    # funded, 20 relying actors, three paid maintainers: 0 + 25 + 0
    ((True, False, 20, 3, False, False), 25, "medium", ()),
    # funded with a cliff, 1 actor (25 ln 2 / ln 21 = 5.69), one volunteer, free riders:
    # 20 + 5.69 + 12 + 10 + 5 = 52.69
    ((True, True, 1, 1, True, True), 53, "high",
     ("funding_cliff", "single_maintainer", "volunteer_only", "free_riders")),
    # everything wrong: 40 + 25 + 30 + 5 = 100, the cap
    ((False, False, 40, 0, True, True), 100, "critical",
     ("unfunded", "no_maintainer", "free_riders")),
    # two volunteers, 4 actors (25 ln 5 / ln 21 = 13.21), unfunded: 40 + 13.21 + 5 + 10 = 68.21
    ((False, False, 4, 2, True, False), 68, "high", ("unfunded", "volunteer_only")),
])
def test_verdicts_on_evidence_worked_out_by_hand(facts: tuple, score: int, lvl: str,  # type: ignore[type-arg]
                                     reasons: tuple[str, ...]) -> None:
    assert verdict(*facts) == (score, lvl, reasons)


@pytest.mark.parametrize(("facts", "score", "lvl", "reasons"), [
    # known unfunded, 20+ actors, maintenance unknown: 40 + 25 + 15 = 80, yet only high
    ((False, False, 25, 0, True, False, True, False), 80, "high",
     ("unfunded", "maintenance_unknown")),
    # both unknown, 20+ actors: 20 + 25 + 15 = 60
    ((False, False, 20, 0, True, False, False, False), 60, "high",
     ("funding_unknown", "maintenance_unknown")),
    # funding unknown, one volunteer, 1 actor: 20 + 5.69 + 12 + 10 = 47.69
    ((False, False, 1, 1, True, False, False, True), 48, "medium",
     ("funding_unknown", "single_maintainer", "volunteer_only")),
    # the same component with everything known scores 30 + 40 + 25 = 95 and is critical
    ((False, False, 25, 0, True, False, True, True), 95, "critical",
     ("unfunded", "no_maintainer")),
])
def test_unknown_inputs_score_half_and_never_reach_critical(
        facts: tuple, score: int, lvl: str, reasons: tuple[str, ...]) -> None:  # type: ignore[type-arg]
    assert verdict(*facts) == (score, lvl, reasons)


def test_no_score_with_an_unknown_input_is_critical() -> None:
    for fk, mk in ((False, True), (True, False), (False, False)):
        for actors in (0, 5, 20):
            for maint in range(4):
                if not mk and maint:
                    continue  # no maintainers can be counted where maintenance is unknown
                for unpaid in (True, False):
                    for riders in (True, False):
                        v = verdict(False, False, actors, maint, unpaid, riders, fk, mk)
                        assert v[1] != "critical", v
    assert [scoring.confidence(*k) for k in ((True, True), (False, True), (True, False),
                                             (False, False))] == ["high", "medium", "medium",
                                                                  "low"]


def test_reliance_points_follow_the_formula_and_stop_at_the_cap() -> None:
    for k in range(0, 25):
        expected = 25 * min(1.0, math.log(1 + k) / math.log(21))
        assert scoring.reliance_points(k) == pytest.approx(expected)


@pytest.mark.parametrize(("score", "lvl"), [(100, "critical"), (75, "critical"), (74, "high"),
                                            (50, "high"), (49, "medium"), (25, "medium"),
                                            (24, "low"), (0, "low")])
def test_level_boundaries(score: int, lvl: str) -> None:
    assert level(score) == lvl


def test_the_cypher_parameters_carry_the_same_figures() -> None:
    p = scoring.cypher_params()
    assert (p["unfunded"], p["cliff"], p["reliance"], p["reliance_full_at"]) == (40, 20, 25.0, 20)
    assert (p["maintainers"], p["volunteer"], p["free_riders"], p["max"]) == ([30, 12, 5], 10, 5,
                                                                              100)
    assert (p["funding_unknown"], p["maintenance_unknown"]) == (20, 15)
    assert p["levels"] == [{"name": "critical", "min": 75, "needs_evidence": True},
                           {"name": "high", "min": 50, "needs_evidence": False},
                           {"name": "medium", "min": 25, "needs_evidence": False}]
    assert p["confidence"] == ["high", "medium", "low"]


DAY, END = D("2026-06-15"), D("2026-12-12")  # a 180-day horizon


def test_touching_periods_form_one_stretch_and_its_end_is_the_cliff() -> None:
    flows = [("ghrf", D("2026-01-01"), D("2026-06-30")), ("gates", D("2026-07-01"),
                                                          D("2026-09-30"))]
    funded, until, cliff, funders, maint, paid = funding_state(flows, [], DAY, END)
    assert (funded, until, cliff, funders, maint, paid) == (
        True, D("2026-09-30"), D("2026-10-01"), ["ghrf"], [], 0)


def test_a_gap_of_one_day_breaks_the_stretch() -> None:
    flows = [("a", D("2026-01-01"), D("2026-06-30")), ("b", D("2026-07-02"), LATE)]
    assert funding_state(flows, [], DAY, END)[1:3] == (D("2026-06-30"), D("2026-07-01"))


def test_open_ended_funding_has_no_end_and_no_cliff() -> None:
    funded, until, cliff, *_ = funding_state([("a", EARLY, LATE)], None, DAY, END)
    assert (funded, until, cliff) == (True, None, None)


def test_paid_maintenance_funds_and_maintainers_count_once() -> None:
    records = [("ana", True, D("2026-01-01"), D("2027-01-31")),
               ("ana", False, EARLY, LATE),
               ("bo", False, EARLY, LATE),
               ("cy", True, D("2025-01-01"), D("2025-12-31"))]  # ended: neither counts
    funded, until, cliff, funders, maint, paid = funding_state([], records, DAY, END)
    assert (funded, until, cliff, funders) == (True, D("2027-01-31"), None, [])
    assert (maint, paid) == (["ana", "bo"], 1)


def test_nothing_recorded_is_unfunded() -> None:
    assert funding_state(None, None, DAY, END) == (False, None, None, [], [], 0)
