"""The headline results of an analysis, as sentences: what its JSON says beyond its table.

A table shows an analysis's rows (flows, decisions, stages...); the answer itself (the
funding's shape, who decided alone, the stage reached) sits in the JSON beside them. The
command line prints these lines under the table, so both forms say the same.
"""

from __future__ import annotations

from typing import Any

from kb.analysis.common import Analysis, names


def _names(items: list[str], shown: int = 8) -> str:
    return names(items, shown) if items else "none"


def _share(value: float | None) -> str:
    return "none (no lead agency)" if value is None else f"{value:.1%}"


def _topology(d: dict[str, Any]) -> list[str]:
    leads = [x["actor"] for x in d["lead_agencies"]]
    hub = (f"; the largest hub is {d['largest_hub']}, carrying {_share(d['hub_share'])} of it"
           if d["largest_hub"] else "; no lead agency passes money on, so there is no hub")
    herf = "unknown" if d["herfindahl"] is None else f"{d['herfindahl']:.3f}"
    return [f"Funding is {d['classification'].replace('_', '-')}: {d['reason']}",
            f"{d['entering']:,.2f} {d['currency'] or ''} enters the network from "
            f"{len(d['funders'])} funder(s){hub}.".replace("  ", " "),
            f"Lead agencies: {_names(leads)}; concentration (Herfindahl) {herf}."]


def _power(d: dict[str, Any]) -> list[str]:
    alone = [f"{x['actor']} on '{x['topic']}'" for x in d["decided_alone"]]
    never = [f"{x['product']}: {_names(x['actors'])}" for x in d["ivn_never_at_table"]]
    by_actor = [f"{a} {n}" for a, n in list(d["decisions_by_actor"].items())[:5]]
    funders = [f"{x['topic']} ({_names(x['actors'])})" for x in d["funders_deciding"]]
    return [f"{len(d['decisions'])} decision(s); decided alone: {_names(alone)}.",
            f"Inner-value-network members never at the table: {'; '.join(never) or 'none'}.",
            f"Most decisions taken by: {_names(by_actor)}; funders deciding: "
            f"{'; '.join(funders) or 'none'}."]


def _stage(d: dict[str, Any]) -> list[str]:
    if d["no_data"]:
        return ["The network stage is unknown: no tie is recorded and no source covers ties."]
    reached = (d["stage"] or "no stage").replace("_", " ")
    return [f"The network has reached {reached} (a stage counts when at least "
            f"{d['threshold']:.0%} of the actors have a tie at it or higher)."]


def _agreements(d: dict[str, Any]) -> list[str]:
    missing = [f"{m['area']} ({m['missing_in']})" for m in d["most_missing"]]
    severe = [a["id"] for a in d["agreements"] if a["in_force"] and a["missing_severe"]]
    weak = [f"{m['area']} ({m['weak_in']})" for m in d.get("most_weak", [])]
    return [f"{len(d['agreements'])} agreement(s), {sum(a['in_force'] for a in d['agreements'])}"
            f" in force; most often missing: {_names(missing)}.",
            f"In force without the code or the community after funding: {_names(severe)}.",
            f"Covered weakly (scored 1 or less), most often: {_names(weak)}." if weak else
            "No scored area is weak." if any(a.get("scores") for a in d["agreements"]) else
            "No agreement is scored area by area (README, \"Agreement scorecard\")."]


def _reciprocity(d: dict[str, Any]) -> list[str]:
    return [f"Only give: {_names(d['only_gives'])}.",
            f"Only receive: {_names(d['only_receives'])}."]


def _ivn(d: dict[str, Any]) -> list[str]:
    gaps = [g["detail"] for g in d.get("gaps", [])]
    return [f"{len(d.get('members', []))} member(s) in {d.get('product')}'s inner value network; "
            f"{len(gaps)} gap(s)" + (f": {'; '.join(gaps[:5])}" if gaps else "") + "."]


HEADLINES = {"funding_topology": _topology, "power": _power, "network_stage": _stage,
             "agreements": _agreements, "reciprocity": _reciprocity, "ivn": _ivn}


def headlines(result: Analysis) -> list[str]:
    """The sentences that state `result`'s headline results (none for an analysis whose
    table is its whole answer)."""
    make = HEADLINES.get(result.name)
    return make(result.data) if make else []
