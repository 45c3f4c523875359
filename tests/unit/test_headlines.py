"""The headline sentences printed under an analysis's table (issue 21: the tables of
funding_topology and power left out the answer the JSON gives)."""

from __future__ import annotations

from kb.analysis.common import Analysis
from kb.analysis.headlines import headlines

TOPOLOGY = {"classification": "hub_and_spoke", "reason": "one lead agency passes on 80% of it",
            "entering": 500_000.0, "currency": "USD", "funders": ["a", "b"],
            "lead_agencies": [{"actor": "lead", "share": 0.8}], "largest_hub": "lead",
            "hub_share": 0.8, "herfindahl": 0.52}


def test_funding_topology_says_its_shape_hub_and_concentration() -> None:
    assert headlines(Analysis("funding_topology", TOPOLOGY, [], [])) == [
        "Funding is hub-and-spoke: one lead agency passes on 80% of it",
        "500,000.00 USD enters the network from 2 funder(s); the largest hub is lead, "
        "carrying 80.0% of it.",
        "Lead agencies: lead; concentration (Herfindahl) 0.520."]


def test_no_hub_is_said_as_none_not_zero() -> None:
    data = {**TOPOLOGY, "classification": "direct", "reason": "no lead agency",
            "lead_agencies": [], "largest_hub": None, "hub_share": None, "herfindahl": None}
    lines = headlines(Analysis("funding_topology", data, [], []))
    assert lines[1].endswith("; no lead agency passes money on, so there is no hub.")
    assert lines[2] == "Lead agencies: none; concentration (Herfindahl) unknown."


def test_power_names_who_decided_alone_and_who_was_never_asked() -> None:
    data = {"decisions": [{}, {}], "decided_alone": [{"actor": "x", "topic": "hosting"}],
            "ivn_never_at_table": [{"product": "p", "actors": ["m1", "m2"]}],
            "decisions_by_actor": {"x": 2, "y": 1}, "funders_deciding": []}
    assert headlines(Analysis("power", data, [], [])) == [
        "2 decision(s); decided alone: x on 'hosting'.",
        "Inner-value-network members never at the table: p: m1, m2.",
        "Most decisions taken by: x 2, y 1; funders deciding: none."]


def test_an_unknown_stage_is_not_reported_as_none_reached() -> None:
    unknown = {"no_data": True, "stage": None, "threshold": 0.5}
    assert headlines(Analysis("network_stage", unknown, [], [])) == [
        "The network stage is unknown: no tie is recorded and no source covers ties."]
    none = {"no_data": False, "stage": None, "threshold": 0.5}
    assert headlines(Analysis("network_stage", none, [], []))[0].startswith(
        "The network has reached no stage (a stage counts when at least 50% of the actors")


def test_a_table_that_is_the_whole_answer_has_no_headline() -> None:
    assert headlines(Analysis("hollow_core", {}, [], [])) == []


def test_agreements_say_whether_areas_are_scored_and_which_are_weak() -> None:
    base = {"most_missing": [], "agreements": [{"id": "a", "in_force": True,
                                                "missing_severe": [], "scores": {}}]}
    assert headlines(Analysis("agreements", base, [], []))[-1] == (
        'No agreement is scored area by area (README, "Agreement scorecard").')
    scored = {**base, "agreements": [{**base["agreements"][0], "scores": {"roles": {}}}]}
    assert headlines(Analysis("agreements", scored, [], []))[-1] == "No scored area is weak."
    weak = {**scored, "most_weak": [{"area": "exit", "weak_in": 2}]}
    assert headlines(Analysis("agreements", weak, [], []))[-1] == (
        "Covered weakly (scored 1 or less), most often: exit (2).")
