"""The fast in-memory risk engine gives exactly the reference Cypher query's answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb import analysis
from kb.analysis.fastrisk import scores
from kb.analysis.risk import parse_fund
from kb.ingest import loader
from kb.ingest.generate import generate
from tests.conftest import EXAMPLES

FIX = Path(__file__).resolve().parent.parent / "fixtures"

CASES: list[tuple[str, str, int, list[str]] | tuple[str, str, int, list[str], list[str]]] = [
    ("reach.yaml", "2026-06-15", 180, []),
    ("timing.yaml", "2026-06-15", 180, []),
    ("timing.yaml", "2026-06-15", 107, []),
    ("timing.yaml", "2026-06-15", 108, []),
    ("timing.yaml", "2026-10-05", 30, []),
    ("subgrants.yaml", "2026-06-15", 180, ["F"]),
    ("subgrants.yaml", "2026-06-15", 180, ["L", "H"]),
    ("ivn.yaml", "2026-06-15", 180, []),
    ("volunteers.yaml", "2026-06-15", 180, []),
    ("volunteers.yaml", "2026-06-15", 200, []),
    ("volunteers.yaml", "2026-06-15", 180, ["f"]),
    ("unknowns.yaml", "2026-06-15", 180, []),
    ("partial.yaml", "2026-06-15", 180, []),
    ("partial.yaml", "2026-06-15", 180, ["F", "x"]),
    ("partial.yaml", "2026-10-15", 30, []),
    (str(EXAMPLES / "ebola-emr.yaml"), "2026-11-22", 180, []),
    (str(EXAMPLES / "ebola-emr.yaml"), "2026-11-22", 60, ["ghrf", "tessera"]),
    # Leaving: the actors' money, maintenance, reliance and products go.
    (str(EXAMPLES / "ebola-emr.yaml"), "2026-11-22", 180, [], ["tessera"]),
    (str(EXAMPLES / "ebola-emr.yaml"), "2026-11-22", 180, ["ghrf"], ["moh-sl", "relief-ngo"]),
    ("volunteers.yaml", "2026-06-15", 200, [], ["a", "f"]),
    ("subgrants.yaml", "2026-06-15", 180, [], ["L"]),
]


@pytest.mark.parametrize(("name", "as_of", "horizon", "without", "leave"),
                         [(*c, []) if len(c) == 4 else c for c in CASES])
def test_engines_agree(empty_kb, settings, name: str, as_of: str, horizon: int,
                       without: list[str], leave: list[str]) -> None:
    path = Path(name) if name.startswith("/") else FIX / name
    loader.load(empty_kb, [path], settings=settings)
    ref = analysis.risk(empty_kb, as_of, horizon, without, settings, engine="cypher",
                        leave=leave).data
    fast = analysis.risk(empty_kb, as_of, horizon, without, settings, engine="fast",
                         leave=leave).data
    assert fast == ref


def test_engines_agree_on_a_generated_ecosystem(empty_kb, settings, tmp_path: Path) -> None:
    f = tmp_path / "g.json"
    f.write_text(json.dumps(generate(1500, seed=11)))
    loader.load(empty_kb, [f], settings=settings)
    # (The last case's answer is used below.)
    for as_of, without, leave in (("2026-06-15", [], []),
                                  ("2027-01-15", [], ["funder-0001", "org-00002", "dev-00003"]),
                                  ("2027-01-15", ["funder-0000"], [])):
        ref = analysis.risk(empty_kb, as_of, 180, without, settings, engine="cypher",
                            leave=leave).data
        fast = analysis.risk(empty_kb, as_of, 180, without, settings, engine="fast",
                             leave=leave).data
        assert fast == ref
    assert sum(c["hollow_core"] for c in ref["components"]) > 0
    # A limit builds only the most urgent rows; they must be the reference's first ones, also
    # where the cut falls between two rows of the same score (ties go in id order).
    comps = ref["components"]
    tie = next(k for k in range(1, len(comps))
               if comps[k - 1]["risk_score"] == comps[k]["risk_score"])
    for k in (1, tie, 400, len(comps) + 5):
        for engine in ("fast", "cypher"):
            top = analysis.risk(empty_kb, "2027-01-15", 180, ["funder-0000"], settings,
                                engine=engine, limit=k)
            assert top.data["components"] == comps[:k] == top.rows
            assert top.total == len(comps) == 1500


@pytest.mark.parametrize(("without", "leave", "expected"), [
    # id: (maintainers, paid maintainers, free riders, funded, cliff date), worked out by hand
    # from tests/fixtures/volunteers.yaml on 2026-06-15 with a 200-day horizon (2027-01-01).
    ([], [], {"v": (1, 0, ["b"], False, None), "w": (1, 0, ["a", "b"], False, None),
              "m": (2, 1, ["a", "b"], True, "2027-01-01"), "u": (0, 0, [], False, None)}),
    # f's paid maintenance of m names no funding: it is f's own money, which stops; f stays.
    (["f"], [], {"v": (1, 0, ["b"], False, None), "w": (1, 0, ["a", "b"], False, None),
                 "m": (2, 0, ["a", "b"], False, None), "u": (0, 0, [], False, None)}),
    # Leaving, f takes its work away too: c alone keeps m.
    ([], ["f"], {"v": (1, 0, ["b"], False, None), "w": (1, 0, ["a", "b"], False, None),
                 "m": (1, 0, ["a", "b"], False, None), "u": (0, 0, [], False, None)}),
    # When a leaves, its product pa goes: b alone relies on v, w and m, and a (who maintains
    # v) no longer does, so v keeps no maintainer and b rides free.
    ([], ["a"], {"v": (0, 0, ["b"], False, None), "w": (1, 0, ["b"], False, None),
                 "m": (2, 1, ["b"], True, "2027-01-01"), "u": (0, 0, [], False, None)}),
])
@pytest.mark.parametrize("engine", ["fast", "cypher"])
def test_maintainers_and_free_riders_by_hand(empty_kb, settings, without: list[str],
                                             leave: list[str], engine: str,
                                             expected: dict[str, tuple[object, ...]]) -> None:
    """a keeps v, which it relies on, so only b rides free there; c counts once on w in two
    roles, and b's role there ended the day before; f pays itself to maintain m."""
    loader.load(empty_kb, [FIX / "volunteers.yaml"], settings=settings)
    rows = analysis.risk(empty_kb, "2026-06-15", 200, without, settings, engine=engine,
                         leave=leave).data["components"]
    got = {r["id"]: (r["maintainers"], r["paid_maintainers"], r["free_riders"], r["funded"],
                     r["cliff_date"]) for r in rows}
    assert got == expected


@pytest.mark.parametrize("fund", [["json-codec:40000:24", "rest-api", "emr-platform:1:3"],
                                  ["sync-service:5000:1"]])
def test_engines_agree_on_hypothetical_grants(empty_kb, settings, fund: list[str]) -> None:
    loader.load(empty_kb, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    ref = analysis.risk(empty_kb, "2026-11-22", 180, ["ghrf"], settings, engine="cypher",
                        fund=fund).data
    fast = analysis.risk(empty_kb, "2026-11-22", 180, ["ghrf"], settings, engine="fast",
                         fund=fund).data
    assert fast == ref


def test_a_hypothetical_grant_funds_a_hollow_core(empty_kb, settings) -> None:
    """By hand, on the demo (2026-11-22): json-codec is a hollow core nobody funds, relied on
    by 6 actors. A two-year grant from the day funds it past the 180-day horizon: it is no
    hollow core and has no cliff; its volunteer maintainer stays the only one, unpaid."""
    loader.load(empty_kb, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    answer = analysis.risk(empty_kb, "2026-11-22", fund=["json-codec:40000:24"],
                           settings=settings).data
    row = next(c for c in answer["components"] if c["id"] == "json-codec")
    assert row["funded"] and not row["hollow_core"] and row["cliff_date"] is None
    assert row["funders"] == ["what-if"] and row["funded_until"] == "2028-11-21"
    assert (row["maintainers"], row["paid_maintainers"]) == (1, 0)
    assert answer["fund"] == [{"component": "json-codec", "amount": 40000.0, "months": 24,
                               "start": "2026-11-22", "end": "2028-11-21"}]
    b, a = answer["what_if"]["before"], answer["what_if"]["after"]
    assert a["hollow_cores"] == b["hollow_cores"] - 1
    assert a["reliance_exposed"] == b["reliance_exposed"] - 6


def test_engines_agree_when_many_components_get_one_grant(empty_kb, settings,
                                                         tmp_path: Path) -> None:
    """The fast engine counts components funded by one hypothetical grant alone in one array
    step (the planner funds thousands at once): grants ending inside and past the horizon,
    on components with and without funding of their own, on the grant's day and later."""
    f = tmp_path / "g.json"
    f.write_text(json.dumps(generate(300, seed=11)))
    loader.load(empty_kb, [f], settings=settings)
    ids = sorted(c["id"] for c in analysis.risk(empty_kb, "2027-01-15", 180,
                                                 settings=settings).data["components"])
    fund = [parse_fund(f"{cid}:1000:{(1, 3, 24)[k % 3]}", "2027-01-15")
            for k, cid in enumerate(ids[::4])]
    fund.append(parse_fund(f"{ids[0]}:500:2", "2027-01-15"))  # two grants for one
    for day in ("2027-01-15", "2027-03-01"):
        ref = analysis.risk(empty_kb, day, 120, settings=settings, engine="cypher",
                            fund=fund).data
        fast = analysis.risk(empty_kb, day, 120, settings=settings, fund=fund).data
        assert fast == ref
        # The planner's score table is the same scores.
        got_ids, _reliant, table = scores(empty_kb, [day], 120, fund, settings)
        by_id = {c["id"]: c["risk_score"] for c in fast["components"]}
        assert dict(zip(got_ids, table[0].tolist(), strict=True)) == by_id
    assert sum(c["funded"] for c in fast["components"]) > sum(
        c["funded"] for c in analysis.risk(empty_kb, "2027-03-01", 120,
                                           settings=settings).data["components"])
