"""The overview: counts, the top risks, coming cliffs and one headline per analysis.

Built once here for the panel's `/` (and its JSON twin); anything else that wants the
headlines (a CLI command, a report) calls the same function.
"""

from __future__ import annotations

from typing import Any

from neo4j import Driver

from kb import analysis
from kb.settings import Settings
from kb.store import db
from kb.store.db import plain


def headline_findings(driver: Driver, as_of: str, settings: Settings | None = None,
                      base: analysis.Analysis | None = None) -> dict[str, Any]:
    """Counts, top risks, cliffs and one headline per analysis on `as_of`. `base` is the
    full risk analysis of that day (default horizon, no what-if) when the caller has it."""
    counts = plain(db.run(driver, "counts", settings=settings)[0])
    risk_analysis = base or analysis.risk(driver, as_of, settings=settings)
    risk = risk_analysis.data
    comps = risk["components"]
    hollow = [c for c in comps if c["hollow_core"]]
    cliffs = sorted((c for c in comps if c["cliff_date"]), key=lambda c: c["cliff_date"])
    riders = analysis.free_riders(driver, as_of, settings=settings, base=risk_analysis).data
    nets = analysis.ivn_all(driver, as_of, settings=settings)
    no_agreement = sorted({g["actor"] for n in nets.values() for g in n["gaps"]
                           if g["kind"] == "no_agreement"})
    agr = analysis.agreements(driver, as_of, settings=settings).data
    severe = [a["id"] for a in agr["agreements"] if a["in_force"] and a["missing_severe"]]
    topo = analysis.funding_topology(driver, as_of, settings=settings).data
    power = analysis.power(driver, as_of, settings=settings, nets=nets).data
    stage = analysis.network_stage(driver, settings=settings).data
    recip = analysis.reciprocity(driver, settings=settings).data
    unknowns = analysis.unknowns(driver, as_of, settings, base=risk_analysis).data["unknowns"]
    findings = [
        {"analysis": "hollow_core", "link": "/risk?hollow=1",
         "text": f"{len(hollow)} shared component(s) nobody funds"
         + (f"; the riskiest is {hollow[0]['id']} ({hollow[0]['risk_score']})" if hollow else "")},
        {"analysis": "funding_cliffs", "link": "/analyses/funding_cliffs",
         "text": f"{len(cliffs)} funding cliff(s) in the next {risk['horizon_days']} days"
         + (f"; first {cliffs[0]['id']} on {cliffs[0]['cliff_date']}" if cliffs else "")},
        {"analysis": "free_riders", "link": "/analyses/free_riders",
         "text": f"{len(riders['actors'])} actor(s) rely on code they neither fund nor maintain"},
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
         + (f"; the most relied upon is {unknowns[0]['component']} "
            f"({unknowns[0]['reliant_actors']} actors)" if unknowns else "")},
        {"analysis": "reciprocity", "link": "/analyses/reciprocity",
         "text": f"{len(recip['only_receives'])} actor(s) only receive, "
         f"{len(recip['only_gives'])} only give"},
    ]
    return {"as_of": as_of, "counts": counts, "coverage": risk["coverage"],
            "top_risks": hollow[:5] or comps[:5],
            "cliffs": cliffs, "findings": findings, "horizon_days": risk["horizon_days"]}
