"""The overview: counts, the top risks, coming cliffs and one headline per analysis.

Built once here for the panel's `/` (and its JSON twin); anything else that wants the
headlines (a CLI command, a report) calls the same function.
"""

from __future__ import annotations

from typing import Any

from neo4j import Driver

from kb import analysis
from kb.analysis import fastrisk
from kb.analysis.fastrisk import RiskTable
from kb.settings import Settings
from kb.store import db
from kb.store.db import plain


def headline_findings(driver: Driver, as_of: str, settings: Settings | None = None,
                      table: RiskTable | None = None) -> dict[str, Any]:
    """Counts, top risks, cliffs and one headline per analysis on `as_of`. `table` is the
    columnar risk of that day (default horizon, no what-if) when the caller has it: every
    figure here is read from its columns, and rows are built only for what is shown."""
    counts = plain(db.run(driver, "counts", settings=settings)[0])
    table = table or fastrisk.risk_table(driver, as_of, settings=settings)
    hollow = table.view(table.order[table.hollow[table.order]])
    cliffs = table.view(table.sorted_by("cliff_date"))
    riders = table.free_rider_actors()
    unknowns = table.unknowns()
    nets = analysis.ivn_all(driver, as_of, settings=settings)
    no_agreement = sorted({g["actor"] for n in nets.values() for g in n["gaps"]
                           if g["kind"] == "no_agreement"})
    agr = analysis.agreements(driver, as_of, settings=settings).data
    severe = [a["id"] for a in agr["agreements"] if a["in_force"] and a["missing_severe"]]
    topo = analysis.funding_topology(driver, as_of, settings=settings).data
    power = analysis.power(driver, as_of, settings=settings, nets=nets).data
    stage = analysis.network_stage(driver, settings=settings).data
    recip = analysis.reciprocity(driver, settings=settings).data
    findings = [
        {"analysis": "hollow_core", "link": "/risk?hollow=1",
         "text": f"{len(hollow)} shared component(s) nobody funds"
         + (f"; the riskiest is {top['id']} ({top['risk_score']})"
            if (top := hollow[0] if len(hollow) else None) else "")},
        {"analysis": "funding_cliffs", "link": "/analyses/funding_cliffs",
         "text": f"{len(cliffs)} funding cliff(s) in the next {table.horizon} days"
         + (f"; first {first['id']} on {first['cliff_date']}"
            if (first := cliffs[0] if len(cliffs) else None) else "")},
        {"analysis": "free_riders", "link": "/analyses/free_riders",
         "text": f"{riders} actor(s) rely on code they neither fund nor maintain"},
        {"analysis": "ivn", "link": "/analyses/ivn",
         "text": f"{len(no_agreement)} inner-value-network member(s) without a signed agreement"},
        {"analysis": "agreements", "link": "/analyses/agreements",
         "text": f"{len(severe)} agreement(s) in force say nothing of the code or community "
         "after funding"},
        {"analysis": "funding_topology", "link": "/analyses/funding_topology",
         "text": f"funding is {topo['classification'].replace('_', '-')}"
         + (f": {topo['largest_hub']} carries {topo['hub_share']:.0%}" if topo["largest_hub"]
            else "")},
        {"analysis": "power", "link": "/analyses/power",
         "text": f"{len(power['decided_alone'])} decision(s) taken by one party alone"},
        {"analysis": "network_stage", "link": "/analyses/network_stage",
         "text": "the network stage is unknown: no tie is recorded" if stage["no_data"] else
         f"the network has reached {(stage['stage'] or 'no stage').replace('_', ' ')}"},
        {"analysis": "unknowns", "link": "/analyses/unknowns",
         "text": f"{len(unknowns)} shared component(s) with unknown funding or maintenance"
         + (f"; the most relied upon is {most['id']} ({most['reliant_actors']} actors)"
            if (most := unknowns[0] if len(unknowns) else None) else "")},
        {"analysis": "reciprocity", "link": "/analyses/reciprocity",
         "text": f"{len(recip['only_receives'])} actor(s) only receive, "
         f"{len(recip['only_gives'])} only give"},
    ]
    return {"as_of": as_of, "counts": counts, "coverage": table.coverage,
            "top_risks": list(hollow[:5]) or list(table.ranked()[:5]),
            # the component pages list who relies on each; here they would be megabytes
            "cliffs": [{k: v for k, v in c.items() if not k.endswith("_ids")} for c in cliffs],
            "findings": findings, "horizon_days": table.horizon}
