"""Inner value networks, their agreement gaps, and the agreement scorecard."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from neo4j import Driver

from kb.analysis.common import Analysis, check_ids, parse_as_of, rows
from kb.settings import Settings

AREAS = ["roles", "decision_making", "resources", "ip_licensing", "code_after_funding",
         "community_after_funding", "exit", "review"]
SEVERE_AREAS = ["code_after_funding", "community_after_funding"]
WEAK = 1  # an area scored this or less, for comprehensiveness or clarity, is covered weakly
CRITERIA_ORDER = ["develops", "agreement", "performs_function", "joint_planning"]


def _agreement_rows(driver: Driver, as_of: str, settings: Settings | None
                    ) -> list[dict[str, Any]]:
    found = rows(driver, "agreements", {"as_of": as_of}, settings)
    for r in found:
        r["parties"] = sorted(r["parties"])
        r["concerns"] = sorted(r["concerns"])
        # How well each covered area is covered, where the workshop scored it (README,
        # "Agreement scorecard"); an area scored 1 or less on either is covered weakly.
        r["scores"] = json.loads(r["scores"]) if r["scores"] else {}
        r["weak"] = [a for a in r["covered"] if a in r["scores"]
                     and min(r["scores"][a]["comprehensive"], r["scores"][a]["clear"]) <= WEAK]
        r["weak_severe"] = [a for a in r["weak"] if a in SEVERE_AREAS]
    return found


def _product_owners(driver: Driver, settings: Settings | None) -> dict[str, str]:
    return {r["product"]: r["owner"] for r in rows(driver, "product_owners", None, settings)}


def network_known(driver: Driver, settings: Settings | None) -> dict[str, bool]:
    """Whether sources cover ties and agreements, and whether any tie is recorded."""
    return rows(driver, "network_known", None, settings)[0]


def ivn_all(driver: Driver, as_of: str | None = None,
            settings: Settings | None = None) -> dict[str, dict[str, Any]]:
    """The inner value network and agreement gaps of every product, by product id."""
    as_of = parse_as_of(as_of)
    covered = network_known(driver, settings)["agreements_covered"]
    owners = _product_owners(driver, settings)
    members: dict[str, list[dict[str, Any]]] = {p: [] for p in owners}
    for r in rows(driver, "ivn", {"as_of": as_of, "product": None}, settings):
        members[r["product"]].append({
            "actor": r["actor"], "name": r["name"], "kind": r["kind"],
            "criteria": [c for c in CRITERIA_ORDER if c in r["criteria"]],
            "agreements": sorted(r["agreements"]),
        })
    # Each product's gaps look at its owner's agreements only: indexed by party once, in the
    # query's order, rather than every agreement scanned for every product (at 10,000
    # products and 15,000 agreements that scan took 70 s).
    of_party: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in _agreement_rows(driver, as_of, settings):
        for party in dict.fromkeys(g["parties"]):
            of_party[party].append(g)
    out = {}
    for product, owner in sorted(owners.items()):
        out[product] = {"product": product, "owner": owner, "as_of": as_of,
                        "members": members[product],
                        "agreements_known": covered,
                        "gaps": _gaps(product, owner, members[product],
                                      of_party.get(owner, []), covered)}
    return out


def _gaps(product: str, owner: str, members: list[dict[str, Any]],
          agreements: list[dict[str, Any]], covered: bool = True) -> list[dict[str, Any]]:
    """The agreement gaps of one product (`agreements`: any that include its owner's, in
    order); without a source covering agreements, a member
    with no agreement recorded is `agreement_unknown`, not `no_agreement`."""
    gaps: list[dict[str, Any]] = []
    for m in members:
        if "agreement" not in m["criteria"] and covered:
            gaps.append({"kind": "no_agreement", "actor": m["actor"], "severity": "high",
                         "detail": f"{m['actor']} is in the inner value network "
                         f"({', '.join(m['criteria'])}) but has no signed agreement in force "
                         f"with {owner}"})
        elif "agreement" not in m["criteria"]:
            gaps.append({"kind": "agreement_unknown", "actor": m["actor"], "severity": "low",
                         "detail": f"{m['actor']} is in the inner value network "
                         f"({', '.join(m['criteria'])}); no agreement with {owner} is "
                         "recorded, and no source covers agreements, so whether one exists "
                         "is unknown"})
    relevant = [g for g in agreements
                if owner in g["parties"] and (not g["concerns"] or product in g["concerns"])]
    for g in relevant:
        if g["in_force"] and g["missing"]:
            severe = g["missing_severe"]
            gaps.append({"kind": "missing_areas", "agreement": g["id"], "missing": g["missing"],
                         "severity": "high" if severe else "medium",
                         "detail": f"{g['id']} does not cover {', '.join(g['missing'])}"})
        if g["in_force"] and g["weak"]:
            gaps.append({"kind": "weak_areas", "agreement": g["id"], "weak": g["weak"],
                         "severity": "high" if g["weak_severe"] else "medium",
                         "detail": f"{g['id']} covers {', '.join(g['weak'])} only weakly "
                                   "(scored 1 or less for comprehensiveness or clarity)"})
    for g in relevant:
        if not g["is_signed"]:
            gaps.append({"kind": "unsigned_draft", "agreement": g["id"], "severity": "high",
                         "parties": g["parties"],
                         "detail": f"{g['id']} between {', '.join(g['parties'])} is an unsigned "
                         "draft"})
    return gaps


def ivn(driver: Driver, product: str, as_of: str | None = None,
        settings: Settings | None = None) -> Analysis:
    """One product's inner value network: members, why each is a member, and the gaps."""
    check_ids(driver, "Product", [product], "product", settings)
    data = ivn_all(driver, as_of, settings)[product]
    members = [{**m, "criteria": m["criteria"], "agreements": m["agreements"]}
               for m in data["members"]]
    return Analysis("ivn", data, members, ["actor", "name", "kind", "criteria", "agreements"])


def agreements(driver: Driver, as_of: str | None = None,
               settings: Settings | None = None) -> Analysis:
    """Every agreement's covered and missing areas, and the areas most often missing."""
    as_of = parse_as_of(as_of)
    found = _agreement_rows(driver, as_of, settings)
    missing = Counter(a for r in found for a in r["missing"])
    weak = Counter(a for r in found for a in r["weak"])
    most = [{"area": a, "missing_in": n} for a, n in
            sorted(missing.items(), key=lambda kv: (-kv[1], AREAS.index(kv[0])))]
    data = {"as_of": as_of, "areas": AREAS, "agreements": found, "most_missing": most,
            "most_weak": [{"area": a, "weak_in": n} for a, n in
                          sorted(weak.items(), key=lambda kv: (-kv[1], AREAS.index(kv[0])))]}
    return Analysis("agreements", data, found,
                    ["id", "kind", "parties", "is_signed", "in_force", "covered", "missing",
                     "weak"])
