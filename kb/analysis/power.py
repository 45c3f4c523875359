"""Power (who decides), the network's development stage, and reciprocity."""

from __future__ import annotations

from collections import Counter
from typing import Any

from neo4j import Driver

from kb.analysis.common import Analysis, parse_as_of, rows
from kb.analysis.networks import ivn_all, network_known
from kb.settings import Settings

STAGES = ["connection", "knowledge_sharing", "coordination", "collaboration"]
STAGE_REACH = 0.5  # a stage is reached when half the actors have a tie at that stage or higher


def power(driver: Driver, as_of: str | None = None, settings: Settings | None = None,
          nets: dict[str, dict[str, Any]] | None = None) -> Analysis:
    """Who decides, who is consulted or absent, who decided alone, who is never at the table.
    `nets` are the inner value networks of the same day (`ivn_all`) when the caller already
    has them (the audit and the overview do)."""
    as_of = parse_as_of(as_of)
    decisions = rows(driver, "decisions", None, settings)
    for d in decisions:
        for k in ("about", "decided", "consulted", "informed", "absent", "funders_deciding"):
            d[k] = sorted(d[k])
    alone = [{"decision": d["id"], "topic": d["topic"], "actor": d["decided"][0]}
             for d in decisions if len(d["decided"]) == 1]
    decided_count = Counter(a for d in decisions for a in d["decided"])
    never = []
    if nets is None:
        nets = ivn_all(driver, as_of, settings)
    for product, net in nets.items():
        at_table = {a for d in decisions if product in d["about"]
                    for a in d["decided"] + d["consulted"]}
        missing = [m["actor"] for m in net["members"] if m["actor"] not in at_table]
        if missing:
            never.append({"product": product, "actors": missing})
    funders = [{"decision": d["id"], "topic": d["topic"], "actors": d["funders_deciding"]}
               for d in decisions if d["funders_deciding"]]
    data = {"as_of": as_of, "decisions": decisions, "decided_alone": alone,
            "decisions_by_actor": dict(sorted(decided_count.items(), key=lambda kv: (-kv[1],
                                                                                    kv[0]))),
            "ivn_never_at_table": never, "funders_deciding": funders}
    return Analysis("power", data, decisions,
                    ["id", "date", "topic", "decided", "consulted", "informed", "absent"])


def network_stage(driver: Driver, settings: Settings | None = None) -> Analysis:
    """The highest development stage the ties reach, and who is cut off at each stage.
    `no_data` when no tie is recorded and no source covers ties (the stage is unknown);
    `known` when a source covers ties (a missing tie is then a fact)."""
    stages = rows(driver, "network_stage", None, settings)
    for r in stages:
        r["cut_off"] = sorted(r["cut_off"])
        r["reached"] = r["reach"] >= STAGE_REACH
    stage = None
    for r in stages:
        if not r["reached"]:
            break
        stage = r["stage"]
    known = network_known(driver, settings)
    # No tie recorded and no source saying none exist: the stage is unknown, not "none".
    no_data = not known["ties_recorded"] and not known["ties_covered"]
    data = {"stage": stage, "threshold": STAGE_REACH, "stages": stages,
            "known": known["ties_covered"], "ties_recorded": known["ties_recorded"],
            "no_data": no_data}
    return Analysis("network_stage", data, stages,
                    ["stage", "members", "reached_count", "reach", "density", "reached",
                     "cut_off"])


def reciprocity(driver: Driver, settings: Settings | None = None) -> Analysis:
    """Actors that only give or only receive in the recorded exchanges."""
    actors = rows(driver, "reciprocity", None, settings)
    one_way = [r for r in actors if r["pattern"] != "reciprocal"]
    data = {"only_gives": [r["actor"] for r in one_way if r["pattern"] == "only_gives"],
            "only_receives": [r["actor"] for r in one_way if r["pattern"] == "only_receives"],
            "actors": actors}
    table = [{"actor": r["actor"], "name": r["name"], "pattern": r["pattern"],
              "gives": len(r["gives"]), "receives": len(r["receives"])} for r in actors]
    return Analysis("reciprocity", data, table, ["actor", "name", "pattern", "gives", "receives"])
