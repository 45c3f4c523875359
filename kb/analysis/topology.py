"""The funding topology: funders, lead agencies, hub share, concentration and shape."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from neo4j import Driver

from kb.analysis.common import Analysis, check_ids, parse_as_of, rows
from kb.settings import Settings

HUB_SHARE = 0.4  # hub-and-spoke: the largest hub carries at least this share of the money


def funding_topology(driver: Driver, as_of: str | None = None,
                     without: list[str] | None = None,
                     settings: Settings | None = None) -> Analysis:
    """Funders, lead agencies, hub share, concentration and the shape of the funding network."""
    as_of = parse_as_of(as_of)
    without = sorted(set(without or []))
    if without:
        check_ids(driver, "Actor", without, "actor", settings)
    flows = rows(driver, "funding_flows", {"as_of": as_of, "without": without}, settings)
    data = topology_from_flows(flows)
    data = {"as_of": as_of, "without": without, **data}
    return Analysis("funding_topology", data, data["flows"],
                    ["id", "from", "to", "amount", "currency", "kind", "purpose", "parent"])


def topology_from_flows(all_flows: list[dict[str, Any]]) -> dict[str, Any]:
    """The topology figures from active flows (see README for each definition)."""
    flows = [f for f in all_flows if not f["withdrawn"]]
    totals: Counter[str] = Counter()
    for f in flows:
        if f["amount"] is not None:
            totals[f["currency"]] += f["amount"]
    currency = min(totals, key=lambda c: (-totals[c], c)) if totals else None
    counted = [f for f in flows if f["amount"] is not None and f["currency"] == currency]
    ids = {f["id"] for f in flows}
    funders = sorted({f["from"] for f in flows})
    # Lead agencies: receive a flow and pass part of it on as a sub-grant.
    passed: dict[str, set[str]] = defaultdict(set)
    by_id = {f["id"]: f for f in flows}
    for f in flows:
        parent = by_id.get(f["parent"]) if f["parent"] else None
        if parent is not None and parent["to"] == f["from"]:
            passed[f["from"]].add(f["to"])
    entering = sum(f["amount"] for f in counted if not f["parent"] or f["parent"] not in ids)
    received: Counter[str] = Counter()
    for f in counted:
        received[f["to"]] += f["amount"]
    leads: list[dict[str, Any]] = []
    for actor in sorted(passed):
        through = received.get(actor, 0.0)
        leads.append({"actor": actor, "recipients": sorted(passed[actor]),
                      "received": through,
                      "share": (through / entering) if entering else None})
    leads.sort(key=lambda x: (-(x["share"] or 0), x["actor"]))
    hub = leads[0] if leads else None
    total_received = sum(received.values())
    hhi = (sum((v / total_received) ** 2 for v in received.values())
           if total_received else None)
    out_degree: Counter[str] = Counter()
    in_degree: Counter[str] = Counter()
    for pair in {(f["from"], f["to"]) for f in flows}:
        out_degree[pair[0]] += 1
        in_degree[pair[1]] += 1
    if hub and len(hub["recipients"]) >= 2 and (hub["share"] or 0) >= HUB_SHARE:
        shape = "hub_and_spoke"
        why = (f"{hub['actor']} passes funding on to {len(hub['recipients'])} recipients and "
               f"{hub['share']:.0%} of the money entering the network goes through it")
    elif leads and max(out_degree.values()) <= 1 and max(in_degree.values()) <= 1:
        shape = "pipeline"
        why = "funding is passed along chains in which nobody funds more than one recipient"
    else:
        shape = "horizontal"
        why = ("no lead agency carries " f"{HUB_SHARE:.0%} of the money to several recipients"
               if flows else "no active funding flows")
    return {
        "currency": currency,
        "flows": flows,
        "withdrawn_flows": sorted(f["id"] for f in all_flows if f["withdrawn"]),
        "unknown_amounts": sorted(f["id"] for f in flows if f["amount"] is None),
        "other_currency": sorted(f["id"] for f in flows
                                 if f["amount"] is not None and f["currency"] != currency),
        "funders": funders,
        "lead_agencies": leads,
        "entering": entering,
        "largest_hub": hub["actor"] if hub else None,
        # No lead agency (none left in a what-if, or none at all): there is no hub whose share
        # could be measured, so the share is null, not 0.0 (README, "What-ifs").
        "hub_share": hub["share"] if hub else None,
        "received": dict(sorted(received.items())),
        "herfindahl": hhi,
        "classification": shape,
        "reason": why,
    }
