"""The audit of a large ecosystem (issue 23): figures and findings over every component, long
lists cut to their first --limit entries with the totals given, evidence read for the listed
entries alone; and the inner value networks' agreement gaps, computed from an index by
party, equal a scan of every agreement for every product."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from kb import analysis
from kb.ingest import loader
from kb.ingest.generate import generate
from kb.report import audit
from kb.report import render as report
from kb.store import schema

DAY = "2026-11-22"
SCHEMA = json.loads((Path(audit.__file__).parent / "audit_schema.json").read_text())
COMPONENTS = 1100


@pytest.fixture(scope="module")
def eco(driver, settings, tmp_path_factory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("eco") / "eco.json"
    path.write_text(json.dumps(generate(COMPONENTS, 5)))
    schema.reset(driver, settings)
    loader.load(driver, [path], settings=settings)
    return driver


@pytest.fixture(scope="module")
def whole(eco, settings) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return audit.build(eco, DAY, settings=settings, limit=0, id_limit=0)


@pytest.fixture(scope="module")
def ten(eco, settings) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return audit.build(eco, DAY, settings=settings, limit=10, id_limit=3)


LISTS = ["components", "hollow_core", "funding_cliffs", "free_riders", "products", "funders",
         "findings", "find_out_next"]


def cut_ids(entry: dict[str, Any], fields: tuple[str, ...], keep: int) -> dict[str, Any]:
    """What an entry of the whole audit becomes with its id lists cut to `keep` ids."""
    out = {**entry, **{f: entry[f][:keep] for f in fields}}
    totals = {f: len(entry[f]) for f in fields if len(entry[f]) > keep}
    return {**out, "id_totals": totals} if totals else out


def test_the_whole_audit_lists_everything(whole) -> None:  # type: ignore[no-untyped-def]
    assert whole["limit"] == 0 and whole["cut"] == {} and whole["id_limit"] == 0
    assert not any("id_totals" in x for name in audit.ID_LISTS for x in whole[name])
    assert len(whole["components"]) == COMPONENTS  # as many as were generated
    assert whole["summary"]["figures"]["components"] == COMPONENTS
    jsonschema.validate(whole, SCHEMA)


def test_a_cut_audit_lists_the_first_entries_and_counts_all(whole, ten) -> None:  # type: ignore[no-untyped-def]
    jsonschema.validate(ten, SCHEMA)
    assert ten["limit"] == 10 and ten["id_limit"] == 3
    for name in LISTS:
        fields = audit.ID_LISTS.get(name, ())
        assert ten[name] == [cut_ids(x, fields, 3) for x in whole[name][:10]], name
        if len(whole[name]) > 10:
            assert ten["cut"][name] == {"shown": 10, "total": len(whole[name])}, name
        else:
            assert name not in ten["cut"], name
    # the generated ecosystem is large enough for the lists that matter to be cut
    assert {"components", "hollow_core", "findings", "free_riders"} <= set(ten["cut"])
    assert ten["hollow_core"][0]["id_totals"]["reliant_actors"] == len(
        whole["hollow_core"][0]["reliant_actors"]) > 3
    assert ten["cut"]["components"]["total"] == COMPONENTS
    # recommendations: the first ten of each group (the kind of finding), in their order
    def group(r: dict[str, Any]) -> str:
        return r["finding"].split(":")[0]

    recs = whole["recommendations"]
    per_group = Counter(group(r) for r in recs)
    kept = [r for i, r in enumerate(recs)
            if sum(group(x) == group(r) for x in recs[:i + 1]) <= 10]
    assert ten["recommendations"] == kept
    assert ten["cut"]["recommendations"] == {
        "shown": sum(min(n, 10) for n in per_group.values()), "total": len(recs),
        "groups": dict(per_group)}
    assert per_group["no_maintainer"] > 10  # a group that was cut
    # everything else is computed over the whole ecosystem, whatever the limit
    for key in ("summary", "asks", "agreements", "funding_topology", "power",
                "network_stage", "reciprocity", "cliff_window"):
        assert ten[key] == whole[key], key


def test_the_summary_counts_every_component(eco, whole, ten) -> None:  # type: ignore[no-untyped-def]
    """Figures against the risk analysis's own rows (every component), not the audit's."""
    rows = analysis.risk(eco, DAY).rows
    f = ten["summary"]["figures"]
    assert f["hollow_cores"] == sum(r["hollow_core"] for r in rows) == len(whole["hollow_core"])
    assert f["critical"] == sum(r["risk_level"] == "critical" for r in rows)
    known = [r for r in rows if r["shared"] and r["funding_known"]]
    assert f["funded_share"] == round(sum(r["funded"] for r in known) / len(known), 4)
    assert f["free_riders"] == len({a for r in rows for a in r["free_riders"]})


def test_evidence_of_the_listed_entries_is_read_from_the_graph(eco, settings, ten) -> None:  # type: ignore[no-untyped-def]
    """Maintainers and direct reliance of each listed component, against Cypher written
    here."""
    with eco.session(database=settings.neo4j_database) as s:
        for c in ten["hollow_core"] + ten["components"][:5]:
            maint = s.run("MATCH (a:Actor)-[m:MAINTAINS]->(:Component {id: $id}) "
                          "RETURN a.id AS actor, m.role AS role ORDER BY actor",
                          id=c["id"]).data()
            assert [(m["actor"], m["role"]) for m in c["maintainers"]] == [
                (m["actor"], m["role"]) for m in maint]
            built = s.run("MATCH (p:Product)-[:BUILT_ON]->(:Component {id: $id}) "
                          "RETURN p.id AS p ORDER BY p", id=c["id"]).value()
            relies = s.run("MATCH (a:Actor)-[:RELIES_ON]->(:Component {id: $id}) "
                           "RETURN a.id AS a ORDER BY a", id=c["id"]).value()
            assert c["direct_products"] == built and c["direct_actors"] == relies


def test_the_reports_say_how_many_the_audit_left_out(whole, ten) -> None:  # type: ignore[no-untyped-def]
    total = ten["cut"]["hollow_core"]["total"]
    md = report.markdown(ten)
    top = whole["hollow_core"][0]
    relying = top["reliant_actors"]
    assert (f"relied on by {len(relying)} actors ({', '.join(relying[:3])} and "
            f"{len(relying) - 3:,} more)") in md
    assert (f"_... and {total - 10:,} more hollow cores (the first 10 of {total:,} are shown; "
            "kb audit --format json --limit 0 lists all)_") in md
    # agreements are never cut in the audit: the JSON holds them all
    agreements = len(ten["agreements"]["agreements"])
    assert ("more agreements (the first 10 of "
            f"{agreements:,} are shown; the JSON format of the audit lists all)") in \
        report.markdown(ten, limit=10)
    # the other next steps count each group whole, not what the audit lists
    maintainers = next(g for k, g in report.other_steps(ten) if k == "find_maintainer")
    assert maintainers["total"] == ten["cut"]["recommendations"]["groups"]["no_maintainer"]
    assert len(maintainers["shown"]) < maintainers["total"]
    html = report.html(ten)
    assert html.count('<tr id="c-') == 10
    assert f"... and {total - 10:,} more hollow cores" in html


def test_agreement_gaps_equal_a_scan_of_every_agreement(eco, settings) -> None:  # type: ignore[no-untyped-def]
    """ivn_all looks up each owner's agreements; the scan it replaced read every agreement for
    every product. Both give the same gaps, in the same order."""
    from kb.analysis import networks

    nets = networks.ivn_all(eco, DAY, settings)
    agreements = networks._agreement_rows(eco, DAY, settings)
    some = 0
    for pid, net in nets.items():
        scan = networks._gaps(pid, net["owner"], net["members"], agreements, True)
        assert net["gaps"] == scan, pid
        some += any(g["kind"] in ("missing_areas", "unsigned_draft", "weak_areas")
                    for g in scan)
    assert some >= 10  # the generated agreements give products gaps of their own


def test_cli_limit(kb_cli, eco) -> None:  # type: ignore[no-untyped-def]
    res = kb_cli("audit", "--as-of", DAY, "--format", "json", "--limit", "5")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert len(data["components"]) == 5 and data["limit"] == 5
    assert (f"the audit lists the first 5 entries of long lists (components 5 of "
            f"{COMPONENTS:,}, hollow core 5 of {data['cut']['hollow_core']['total']:,}") \
        in res.stderr
    assert res.stderr.rstrip().endswith("--limit 0 lists all")
    bad = kb_cli("audit", "--limit", "-1")
    assert bad.returncode == 2
    assert "Invalid value for '--limit': -1 is not in the range x>=0." in bad.stderr
