"""Analyses on small hand-built graphs; every expected value is worked out by hand here."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from kb import analysis
from kb.errors import UsageError
from kb.ingest import loader
from kb.ingest.generate import generate
from kb.store import schema
from tests.conftest import EXAMPLES

FIX = Path(__file__).resolve().parent.parent / "fixtures"
DAY = "2026-06-15"


def load(driver: Any, settings: Any, *names: str) -> None:
    schema.reset(driver, settings)
    loader.load(driver, [FIX / n if not str(n).startswith("/") else Path(n) for n in names],
                settings=settings)


def by_id(result: analysis.Analysis) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in result.data["components"]}


def reliance_points(actors: int) -> float:
    return 25 * (1.0 if actors >= 20 else math.log(1 + actors) / math.log(21))


# --- reliance: cycles and diamonds -----------------------------------------------------------


def test_reliance_through_a_cycle_and_a_diamond(empty_kb, settings) -> None:
    load(empty_kb, settings, "reach.yaml")
    comps = by_id(analysis.risk(empty_kb, DAY, settings=settings))
    # a, b and c sit on the cycle a -> b -> c -> a, so whatever reaches one reaches all three:
    # p1 (built on a) and p2 (built on b); r relies on c. d is below the diamond, reached
    # also by p3 (owner o1 again, so still 3 distinct actors). e is reached by nothing.
    got = {cid: (c["reliant_products"], c["reliant_actors"], c["reliant_product_ids"],
                 c["reliant_actor_ids"]) for cid, c in comps.items()}
    assert got == {
        "a": (2, 3, ["p1", "p2"], ["o1", "o2", "r"]),
        "b": (2, 3, ["p1", "p2"], ["o1", "o2", "r"]),
        "c": (2, 3, ["p1", "p2"], ["o1", "o2", "r"]),
        "d": (3, 3, ["p1", "p2", "p3"], ["o1", "o2", "r"]),
        "e": (0, 0, [], []),
    }
    assert [c for c, v in comps.items() if v["hollow_core"]] == ["a", "b", "c", "d"]
    assert comps["e"]["shared"] is False
    assert comps["d"]["maintainers"] == 1 and comps["d"]["free_riders"] == ["o1", "r"]
    # Scores by the documented formula: unfunded 40, reliance 25*ln(1+n)/ln(21),
    # no maintainer 30 / one 12, volunteer-only 10, free riders 5.
    assert comps["a"]["risk_score"] == round(40 + reliance_points(3) + 30 + 5) == 86
    assert comps["d"]["risk_score"] == round(40 + reliance_points(3) + 12 + 10 + 5) == 78
    assert comps["e"]["risk_score"] == 70 and comps["e"]["risk_level"] == "high"
    assert comps["d"]["reasons"] == ["unfunded", "single_maintainer", "volunteer_only",
                                     "free_riders"]
    order = [c["id"] for c in analysis.risk(empty_kb, DAY, settings=settings).data["components"]]
    assert order == ["a", "b", "c", "d", "e"]


def test_reliance_query_expands_distinct_nodes_not_paths(driver, settings) -> None:
    from kb.analysis import scoring
    from kb.store import queries

    q = queries.get("risk")
    summary = driver.execute_query("EXPLAIN " + q.text,
                                   q.bind({"scoring": scoring.cypher_params()}),
                                   database_=settings.neo4j_database).summary

    def ops(plan: Any) -> list[str]:
        return [plan["operatorType"]] + [o for c in plan.get("children", []) for o in ops(c)]

    operators = ops(summary.plan)
    depends = [o for o in operators if o.startswith("VarLengthExpand")]
    # One expansion for DEPENDS_ON reliance, one for the what-if sub-grant chain.
    assert any("Pruning" in o and "BFS" in o for o in depends), operators
    assert sum("Pruning" in o for o in depends) >= 1
    assert all("Pruning" in o for o in depends), depends


# --- funding periods -----------------------------------------------------------------------


def test_funding_that_ended_yesterday_or_starts_tomorrow(empty_kb, settings) -> None:
    load(empty_kb, settings, "timing.yaml")
    comps = by_id(analysis.risk(empty_kb, DAY, settings=settings))
    assert (comps["a"]["funded"], comps["a"]["hollow_core"], comps["a"]["funders"]) == (
        False, True, [])
    assert (comps["b"]["funded"], comps["b"]["hollow_core"]) == (False, True)
    assert (comps["c"]["funded"], comps["c"]["funded_until"], comps["c"]["cliff_date"]) == (
        True, None, None)
    assert comps["c"]["funders"] == ["f"]
    assert comps["a"]["risk_score"] == round(40 + reliance_points(2) + 30 + 5) == 84
    assert comps["c"]["risk_score"] == round(0 + reliance_points(2) + 30 + 5) == 44
    tomorrow = by_id(analysis.risk(empty_kb, "2026-06-16", settings=settings))
    # fb runs 2026-06-16..2027-01-01; 180 days after 06-16 is 2026-12-13, so no cliff.
    assert (tomorrow["b"]["funded"], tomorrow["b"]["funded_until"],
            tomorrow["b"]["cliff_date"]) == (True, "2027-01-01", None)


def test_adjacent_periods_form_one_stretch_and_the_cliff_follows_it(empty_kb, settings) -> None:
    load(empty_kb, settings, "timing.yaml")
    d = by_id(analysis.risk(empty_kb, DAY, settings=settings))["d"]
    # fd1 ends 07-31, fd2 starts 08-01 and ends 09-30; paid maintenance starts 10-05.
    assert (d["funded"], d["funders"], d["funded_until"], d["cliff_date"]) == (
        True, ["f"], "2026-09-30", "2026-10-01")
    assert d["maintainers"] == 0 and d["free_riders"] == ["x", "y"]
    assert d["risk_score"] == round(20 + reliance_points(2) + 30 + 5) == 64
    # 2026-06-15 + 107 days = 2026-09-30: every day up to then is funded, so no cliff;
    # + 108 days = 2026-10-01, the first unfunded day.
    assert by_id(analysis.risk(empty_kb, DAY, 107, settings=settings))["d"]["cliff_date"] is None
    assert by_id(analysis.risk(empty_kb, DAY, 108, settings=settings))["d"][
        "cliff_date"] == "2026-10-01"
    gap = by_id(analysis.risk(empty_kb, "2026-10-02", settings=settings))["d"]
    assert (gap["funded"], gap["hollow_core"]) == (False, True)
    paid = by_id(analysis.risk(empty_kb, "2026-10-05", settings=settings))["d"]
    assert (paid["funded"], paid["funders"], paid["funded_until"], paid["maintainers"],
            paid["paid_maintainers"]) == (True, [], "2027-12-31", 1, 1)


# --- sub-grants and the what-if ---------------------------------------------------------------


@pytest.mark.parametrize(("without", "c1", "c2"), [
    ([], ["L"], ["H", "M"]),
    (["F"], [], ["H"]),     # F's grant and every sub-grant below it (g1, g2) are withdrawn
    (["L"], [], ["H"]),     # L's sub-grant g1 and g2 below it
    (["M"], ["L"], ["H"]),
    (["H"], ["L"], ["M"]),
    (["F", "H"], [], []),
])
def test_without_a_funder_follows_the_sub_grant_chain(empty_kb, settings, without: list[str],
                                                      c1: list[str], c2: list[str]) -> None:
    load(empty_kb, settings, "subgrants.yaml")
    comps = by_id(analysis.risk(empty_kb, DAY, without=without, settings=settings))
    assert comps["c1"]["funders"] == c1 and comps["c2"]["funders"] == c2
    assert comps["c1"]["hollow_core"] is (not c1)
    assert comps["c2"]["hollow_core"] is (not c2)


def test_what_if_never_writes(empty_kb, settings) -> None:
    load(empty_kb, settings, "subgrants.yaml")
    from tests.integration.test_loader import graph_snapshot

    before = graph_snapshot(empty_kb, settings)
    analysis.risk(empty_kb, DAY, without=["F"], settings=settings)
    analysis.funding_topology(empty_kb, DAY, without=["F"], settings=settings)
    assert graph_snapshot(empty_kb, settings) == before


def test_free_riders_with_and_without(empty_kb, settings) -> None:
    load(empty_kb, settings, "subgrants.yaml")
    base = analysis.free_riders(empty_kb, DAY, settings=settings).data
    assert base["actors"] == {"L": ["c2"], "Z": ["c1", "c2"]}
    gone = analysis.free_riders(empty_kb, DAY, without=["F"], settings=settings).data
    assert gone["actors"] == {"L": ["c1", "c2"], "Z": ["c1", "c2"]}
    # Given the risk analysis it would compute (the overview passes its own), the same answer;
    # a risk analysis cut to its most urgent row is not enough, and is computed again.
    full = analysis.risk(empty_kb, DAY, without=["F"], settings=settings)
    cut = analysis.risk(empty_kb, DAY, without=["F"], settings=settings, limit=1)
    assert len(cut.rows) == 1 and cut.total == len(full.rows) > 1
    for given in (full, cut):
        again = analysis.free_riders(empty_kb, DAY, without=["F"], settings=settings,
                                     base=given).data
        assert again["actors"] == {"L": ["c1", "c2"], "Z": ["c1", "c2"]}


def test_topology_of_the_sub_grant_chain(empty_kb, settings) -> None:
    load(empty_kb, settings, "subgrants.yaml")
    t = analysis.funding_topology(empty_kb, DAY, settings=settings).data
    # Money entering: g0 1000 + h1 500. Received: L 1000, M 400, N 100 + 500.
    assert t["entering"] == 1500
    assert t["received"] == {"L": 1000, "M": 400, "N": 600}
    assert [x["actor"] for x in t["lead_agencies"]] == ["L", "M"]
    assert t["largest_hub"] == "L" and t["hub_share"] == pytest.approx(1000 / 1500)
    assert t["herfindahl"] == pytest.approx(0.5 ** 2 + 0.2 ** 2 + 0.3 ** 2)
    # L passes on to one recipient only, and N receives from two actors: horizontal.
    assert t["classification"] == "horizontal"
    assert t["funders"] == ["F", "H", "L", "M"]


# --- inner value network, agreements, power -------------------------------------------------


def test_ivn_members_criteria_and_gaps(empty_kb, settings) -> None:
    load(empty_kb, settings, "ivn.yaml")
    p = analysis.ivn(empty_kb, "P", DAY, settings=settings).data
    assert p["owner"] == "O"
    assert [(m["actor"], m["criteria"], m["agreements"]) for m in p["members"]] == [
        ("A", ["agreement"], ["agA"]),
        ("E", ["performs_function", "joint_planning"], []),
    ]
    assert [(g["kind"], g.get("actor") or g.get("agreement"), g["severity"])
            for g in p["gaps"]] == [
        ("no_agreement", "E", "high"),
        ("missing_areas", "agA", "high"),
        ("unsigned_draft", "agB", "high"),
    ]
    missing = next(g for g in p["gaps"] if g["kind"] == "missing_areas")["missing"]
    assert missing == ["decision_making", "ip_licensing", "community_after_funding", "exit",
                       "review"]
    p2 = analysis.ivn(empty_kb, "P2", DAY, settings=settings).data
    # agA concerns nothing in particular, so it makes A a member of P2 as well.
    assert [(m["actor"], m["criteria"]) for m in p2["members"]] == [("A", ["agreement"]),
                                                                     ("C", ["agreement"])]
    assert [g["agreement"] for g in p2["gaps"]] == ["agA", "agC"]
    # The day F signs, F joins P's network.
    later = analysis.ivn(empty_kb, "P", "2026-06-16", settings=settings).data
    assert [m["actor"] for m in later["members"]] == ["A", "E", "F"]
    # The day after D's involvement ended it is out; the day it ended it was in.
    before = analysis.ivn(empty_kb, "P", "2026-06-14", settings=settings).data
    assert ("D", ["develops"]) in [(m["actor"], m["criteria"]) for m in before["members"]]


def test_unknown_product_lists_the_valid_ones(empty_kb, settings) -> None:
    load(empty_kb, settings, "ivn.yaml")
    with pytest.raises(UsageError, match="unknown product 'Nope'") as err:
        analysis.ivn(empty_kb, "Nope", DAY, settings=settings)
    assert err.value.hint == "Valid products: P, P2"


def test_an_unknown_id_among_many_gets_the_closest_ones(empty_kb, settings,
                                                         tmp_path: Path) -> None:
    doc = generate(1000, seed=3)
    (tmp_path / "g.json").write_text(json.dumps(doc))
    loader.load(empty_kb, [tmp_path / "g.json"], settings=settings)
    actors = len(doc["actors"])
    assert actors > 30  # too many to list them all
    with pytest.raises(UsageError, match="unknown actor 'funder-000'") as err:
        analysis.risk(empty_kb, DAY, without=["funder-0000", "funder-000"], settings=settings)
    assert err.value.hint == (f"{actors:,} actors are loaded; closest to what you gave: "
                              "funder-0000, funder-0001")


def test_agreement_scorecard(empty_kb, settings) -> None:
    load(empty_kb, settings, "ivn.yaml")
    a = analysis.agreements(empty_kb, DAY, settings=settings).data
    state = {g["id"]: (g["is_signed"], g["in_force"], len(g["missing"])) for g in a["agreements"]}
    assert state == {"agA": (True, True, 5), "agB": (False, False, 7),
                     "agC": (True, True, 7), "agF": (True, False, 0)}
    assert a["most_missing"] == [
        {"area": "decision_making", "missing_in": 3}, {"area": "ip_licensing", "missing_in": 3},
        {"area": "community_after_funding", "missing_in": 3}, {"area": "exit", "missing_in": 3},
        {"area": "review", "missing_in": 3}, {"area": "resources", "missing_in": 2},
        {"area": "code_after_funding", "missing_in": 2}]


def test_power(empty_kb, settings) -> None:
    load(empty_kb, settings, "ivn.yaml")
    p = analysis.power(empty_kb, DAY, settings=settings).data
    assert p["decided_alone"] == [{"decision": "d1", "topic": "Pick a licence", "actor": "O"}]
    assert p["decisions_by_actor"] == {"O": 2, "A": 1}
    assert p["ivn_never_at_table"] == [{"product": "P", "actors": ["E"]},
                                       {"product": "P2", "actors": ["A", "C"]}]
    d1 = next(d for d in p["decisions"] if d["id"] == "d1")
    assert (d1["decided"], d1["consulted"], d1["absent"]) == (["O"], ["A"], ["E"])


# --- the risk score's properties, one factor varied at a time --------------------------------

PROPS = """
format: valuenet/1
ecosystem: {id: props, name: Score properties, covers: [funding, maintenance]}
actors:
  - {id: o1, name: O1, kind: organization}
  - {id: o2, name: O2, kind: organization}
  - {id: o3, name: O3, kind: organization}
  - {id: m1, name: M1, kind: individual}
  - {id: m2, name: M2, kind: individual}
  - {id: m3, name: M3, kind: individual}
  - {id: fu, name: Funder, kind: organization}
products:
  - {id: p1, name: P1, owner: o1,
     built_on: [unfunded, funded, two, k0, k1, k2, k3, vol, paid, cliff, steady]}
  - {id: p2, name: P2, owner: o2,
     built_on: [unfunded, funded, two, three, k0, k1, k2, k3, vol, paid, cliff, steady]}
  - {id: p3, name: P3, owner: o3, built_on: [three]}
components:
  - {id: unfunded, name: x}
  - {id: funded, name: x}
  - {id: two, name: x}
  - {id: three, name: x}
  - {id: k0, name: x}
  - {id: k1, name: x}
  - {id: k2, name: x}
  - {id: k3, name: x}
  - {id: vol, name: x}
  - {id: paid, name: x}
  - {id: cliff, name: x}
  - {id: steady, name: x}
maintenance:
  - {actor: m1, component: unfunded, role: lead, paid: false}
  - {actor: m1, component: funded, role: lead, paid: false}
  - {actor: m1, component: two, role: lead, paid: false}
  - {actor: m1, component: three, role: lead, paid: false}
  - {actor: m1, component: k1, role: lead, paid: false}
  - {actor: m1, component: k2, role: lead, paid: false}
  - {actor: m2, component: k2, role: core, paid: false}
  - {actor: m1, component: k3, role: lead, paid: false}
  - {actor: m2, component: k3, role: core, paid: false}
  - {actor: m3, component: k3, role: core, paid: false}
  - {actor: m1, component: vol, role: lead, paid: false}
  - {actor: m1, component: paid, role: lead, paid: true}
  - {actor: m1, component: cliff, role: lead, paid: false}
  - {actor: m1, component: steady, role: lead, paid: false}
fundings:
  - {id: ff, from: fu, to: m1, kind: grant, purpose: maintenance, for: [funded, vol, steady]}
  - {id: fc, from: fu, to: m1, kind: grant, purpose: maintenance, for: [cliff], end: 2026-07-15}
"""


def test_score_properties(empty_kb, settings, tmp_path: Path) -> None:
    f = tmp_path / "props.yaml"
    f.write_text(PROPS)
    load(empty_kb, settings, str(f))
    s = {cid: c["risk_score"] for cid, c in by_id(
        analysis.risk(empty_kb, DAY, settings=settings)).items()}
    # Unfunded scores higher than funded, all else equal (same relying actors, one volunteer).
    assert s["unfunded"] > s["funded"]
    # More relying actors never lowers the score: "three" has o1, o2, o3; "two" has o1, o2.
    assert s["three"] >= s["two"]
    # Fewer active maintainers never lowers it.
    assert s["k0"] >= s["k1"] >= s["k2"] >= s["k3"]
    # Volunteer-only maintenance never lowers it (vol: funded, volunteer; paid: paid maintainer).
    assert s["vol"] >= s["paid"]
    # A cliff inside the horizon never lowers it.
    assert s["cliff"] >= s["steady"]
    reasons = {cid: c["reasons"] for cid, c in by_id(
        analysis.risk(empty_kb, DAY, settings=settings)).items()}
    assert "funding_cliff" in reasons["cliff"] and "funding_cliff" not in reasons["steady"]
    assert "volunteer_only" in reasons["vol"] and "volunteer_only" not in reasons["paid"]
    assert "no_maintainer" in reasons["k0"] and "single_maintainer" in reasons["k1"]


# --- the demo's headline findings -------------------------------------------------------------

DEMO_DAY = "2026-11-22"


def test_demo_headline_findings(empty_kb, settings) -> None:
    loader.load(empty_kb, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    r = analysis.risk(empty_kb, DEMO_DAY, settings=settings).data["components"]
    assert r[0]["id"] == "reporting-module" and r[0]["risk_level"] == "critical"
    comps = {c["id"]: c for c in r}
    # json-codec: every product reaches it, nobody funds it.
    assert comps["json-codec"]["hollow_core"] and comps["json-codec"]["reliant_products"] == 3
    assert comps["json-codec"]["reliant_actors"] == 6
    # emr-platform's maintenance sub-grant and paid maintenance both end 2027-01-31.
    assert comps["emr-platform"]["cliff_date"] == "2027-02-01"
    assert comps["emr-platform"]["funders"] == ["relief-ngo"]
    assert comps["concept-dictionary"]["funded"] and comps["concept-dictionary"][
        "funded_until"] is None
    assert "cloudclinic" in comps["json-codec"]["free_riders"]
    t = analysis.funding_topology(empty_kb, DEMO_DAY, settings=settings).data
    assert t["classification"] == "hub_and_spoke" and t["largest_hub"] == "relief-ngo"
    # Entering: 1,200,000 + 400,000 + 30,000 + 60,000 USD; relief-ngo receives 1,200,000.
    assert t["hub_share"] == pytest.approx(1_200_000 / 1_690_000)
    p = analysis.power(empty_kb, DEMO_DAY, settings=settings).data
    assert p["decided_alone"] == [{"decision": "d-hosting", "actor": "relief-ngo",
                                   "topic": "Choose the hosting provider for the EMR"}]
    assert p["funders_deciding"][0]["actors"] == ["ghrf"]
    assert analysis.network_stage(empty_kb, settings=settings).data["stage"] == (
        "knowledge_sharing")
    g = {a["id"]: a for a in analysis.agreements(empty_kb, DEMO_DAY,
                                                 settings=settings).data["agreements"]}
    assert "code_after_funding" in g["ag-ghrf-grant"]["missing"]
    assert g["ag-tessera-mou"]["missing"] == ["community_after_funding"]
    rec = analysis.reciprocity(empty_kb, settings=settings).data
    assert "cloudclinic" in rec["only_receives"] and "ghrf" in rec["only_gives"]
    # What if the Global Health Response Fund withdrew? Its grant and the three sub-grants
    # below it go, so emr-platform loses its funded maintenance flow (f-sub-commons); and
    # tessera's paid maintenance of it is paid by f-sub-tessera, one of those sub-grants, so
    # it stops counting as paid: emr-platform is unfunded, a hollow core, and tessera stays
    # one of its two maintainers, unpaid.
    answer = analysis.risk(empty_kb, DEMO_DAY, without=["ghrf"], settings=settings).data
    w = {c["id"]: c for c in answer["components"]}
    assert w["emr-platform"]["funders"] == [] and not w["emr-platform"]["funded"]
    assert w["emr-platform"]["hollow_core"] and not comps["emr-platform"]["hollow_core"]
    assert (w["emr-platform"]["maintainers"], w["emr-platform"]["paid_maintainers"]) == (2, 0)
    assert "volunteer_only" in w["emr-platform"]["reasons"]
    # The change, both sides: emr-platform is the only component whose score moves.
    changes = answer["what_if"]["changes"]
    assert [c["id"] for c in changes] == ["emr-platform"] and changes[0]["delta"] > 0
    assert changes[0]["score_before"] == comps["emr-platform"]["risk_score"]
    before, after = answer["what_if"]["before"], answer["what_if"]["after"]
    assert after["hollow_cores"] == before["hollow_cores"] + 1
    # Reliance exposed grows by emr-platform's reliant actors.
    assert after["reliance_exposed"] == (before["reliance_exposed"]
                                         + comps["emr-platform"]["reliant_actors"])
    # relief-ngo no longer funds it, so it joins the free riders.
    assert w["emr-platform"]["free_riders"] == ["cloudclinic", "moh-sl", "relief-ngo"]
    assert comps["emr-platform"]["free_riders"] == ["cloudclinic", "moh-sl"]
