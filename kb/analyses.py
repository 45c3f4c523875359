"""The analyses: each runs one or more queries from `cypher/analyses/` and shapes the answer.

Every analysis returns an `Analysis`: `data` is the JSON answer, `rows` and `columns` are its
tabular view (for `--format table|csv`). The definitions are documented in the README,
"Analyses"; the Cypher files are the reference for every figure.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from neo4j import Driver
from neo4j.time import Date, DateTime

from kb import db
from kb.errors import UsageError
from kb.settings import Settings

AREAS = ["roles", "decision_making", "resources", "ip_licensing", "code_after_funding",
         "community_after_funding", "exit", "review"]
SEVERE_AREAS = ["code_after_funding", "community_after_funding"]
STAGES = ["connection", "knowledge_sharing", "coordination", "collaboration"]
STAGE_REACH = 0.5  # a stage is reached when half the actors have a tie at that stage or higher
HUB_SHARE = 0.4  # hub-and-spoke: the largest hub carries at least this share of the money
CRITERIA_ORDER = ["develops", "agreement", "performs_function", "joint_planning"]
RISK_COLUMNS = ["id", "name", "risk_score", "risk_level", "reliant_products", "reliant_actors",
                "shared", "funded", "funders", "funded_until", "cliff_date", "maintainers",
                "paid_maintainers", "hollow_core", "free_riders", "reasons"]
RISK_TABLE = ["id", "risk_score", "risk_level", "reliant_products", "reliant_actors", "funders",
              "cliff_date", "maintainers", "paid_maintainers", "reasons"]


@dataclass
class Analysis:
    """An analysis answer: JSON data plus a table view."""

    name: str
    data: dict[str, Any]
    rows: list[dict[str, Any]]
    columns: list[str]
    table_columns: list[str] | None = None  # a narrower set for terminal tables
    total: int | None = None  # rows before a limit, where the analysis takes one


def plain(value: Any) -> Any:
    """Neo4j temporal values to ISO strings, recursively; lists and maps kept."""
    if isinstance(value, Date | DateTime):
        return value.iso_format()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def parse_as_of(value: str | date | None) -> str:
    """A YYYY-MM-DD day; today when None."""
    if value is None:
        return date.today().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"--as-of must be a date as YYYY-MM-DD, got {value!r}") from None


def _rows(driver: Driver, name: str, params: dict[str, Any] | None,
          settings: Settings | None) -> list[dict[str, Any]]:
    return [plain(r) for r in db.run(driver, name, params, settings=settings)]


CHOICES_LISTED = 30


def _check_ids(driver: Driver, label: str, ids: list[str], what: str,
               settings: Settings | None) -> None:
    """Raise UsageError naming the ids that are not a `label`, with the valid choices (all of
    them when few, else the closest few)."""
    found = {r["id"] for r in db.run(driver, "known_ids", {"label": label, "ids": ids},
                                     settings=settings)}
    unknown = [i for i in ids if i not in found]
    if not unknown:
        return
    known = sorted(r["id"] for r in db.run(driver, "ids", {"label": label}, settings=settings))
    if len(known) <= CHOICES_LISTED:
        hint = f"Valid {what}s: {', '.join(known) or '(none loaded)'}"
    else:
        close = sorted({m for i in unknown
                        for m in difflib.get_close_matches(i, known, n=3, cutoff=0.8)})
        hint = (f"{len(known):,} {what}s are loaded; closest to what you gave: "
                f"{', '.join(close) or '(none)'}")
    raise UsageError(f"unknown {what} {', '.join(map(repr, unknown))}", hint=hint)


# --- risk and its views ----------------------------------------------------------------------


ENGINES = ("fast", "cypher")


def risk(driver: Driver, as_of: str | None = None, horizon: int = 180,
         without: list[str] | None = None, settings: Settings | None = None,
         engine: str = "fast", limit: int | None = None) -> Analysis:
    """Hollow-core risk of every component, most urgent first.

    `engine="cypher"` runs the reference query `cypher/analyses/risk.cypher`; the default
    `fast` engine (kb/fastrisk.py) computes the same rows in memory after a few bulk reads.
    A positive `limit` keeps only the most urgent rows (the fast engine then builds no
    others); `total` of the answer counts them all.
    """
    as_of = parse_as_of(as_of)
    without = sorted(set(without or []))
    if horizon < 0:
        raise UsageError(f"--horizon must be 0 or more days, got {horizon}")
    if without:
        _check_ids(driver, "Actor", without, "actor", settings)
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}", hint=f"Valid engines: {', '.join(ENGINES)}")
    if engine == "fast":
        from kb import fastrisk

        comps, total = fastrisk.risk_rows(driver, as_of, horizon, without, settings,
                                          limit or None)
    else:
        comps = _rows(driver, "risk", {"as_of": as_of, "horizon": horizon,
                                       "without": without}, settings)
        for r in comps:
            for key in ("funders", "free_riders", "reliant_product_ids", "reliant_actor_ids"):
                r[key] = sorted(r[key])
        total = len(comps)
        comps = comps[:limit or None]
    data = {"as_of": as_of, "horizon_days": horizon, "without": without, "components": comps}
    return Analysis("risk", data, comps, RISK_COLUMNS, RISK_TABLE, total)


def hollow_core(driver: Driver, as_of: str | None = None, horizon: int = 180,
                without: list[str] | None = None, settings: Settings | None = None) -> Analysis:
    """Shared components nobody funds on as_of, ranked by risk."""
    base = risk(driver, as_of, horizon, without, settings)
    comps = [c for c in base.data["components"] if c["hollow_core"]]
    return Analysis("hollow_core", {**base.data, "components": comps}, comps, RISK_COLUMNS,
                    RISK_TABLE)


def funding_cliffs(driver: Driver, as_of: str | None = None, horizon: int = 180,
                   without: list[str] | None = None,
                   settings: Settings | None = None) -> Analysis:
    """Components funded on as_of whose funding stops within the horizon, soonest first."""
    base = risk(driver, as_of, horizon, without, settings)
    comps = sorted((c for c in base.data["components"] if c["cliff_date"]),
                   key=lambda c: (c["cliff_date"], c["id"]))
    cols = ["id", "name", "cliff_date", "funded_until", "funders", "reliant_actors",
            "risk_score", "risk_level"]
    return Analysis("funding_cliffs", {**base.data, "components": comps}, comps, cols)


def free_riders(driver: Driver, as_of: str | None = None, horizon: int = 180,
                without: list[str] | None = None, settings: Settings | None = None,
                base: Analysis | None = None) -> Analysis:
    """Per component, the actors that rely on it and neither fund nor maintain it. `base`
    is the full `risk` analysis of the same day, horizon and "without", when the caller
    already has it (the overview does); otherwise it is computed here."""
    if base is None or base.total not in (None, len(base.rows)):
        base = risk(driver, as_of, horizon, without, settings)
    rows = [{"component": c["id"], "name": c["name"], "free_riders": c["free_riders"],
             "reliant_actors": c["reliant_actors"], "risk_score": c["risk_score"]}
            for c in base.data["components"] if c["free_riders"]]
    by_actor: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        for a in r["free_riders"]:
            by_actor[a].append(r["component"])
    data = {"as_of": base.data["as_of"], "without": base.data["without"], "components": rows,
            "actors": {a: sorted(cs) for a, cs in sorted(by_actor.items())}}
    return Analysis("free_riders", data, rows,
                    ["component", "name", "free_riders", "reliant_actors", "risk_score"])


# --- inner value networks and agreements ---------------------------------------------------


def _agreement_rows(driver: Driver, as_of: str, settings: Settings | None
                    ) -> list[dict[str, Any]]:
    rows = _rows(driver, "agreements", {"as_of": as_of}, settings)
    for r in rows:
        r["parties"] = sorted(r["parties"])
        r["concerns"] = sorted(r["concerns"])
    return rows


def _product_owners(driver: Driver, settings: Settings | None) -> dict[str, str]:
    rows = _rows(driver, "product_owners", None, settings)
    return {r["product"]: r["owner"] for r in rows}


def ivn_all(driver: Driver, as_of: str | None = None,
            settings: Settings | None = None) -> dict[str, dict[str, Any]]:
    """The inner value network and agreement gaps of every product, by product id."""
    as_of = parse_as_of(as_of)
    owners = _product_owners(driver, settings)
    members: dict[str, list[dict[str, Any]]] = {p: [] for p in owners}
    for r in _rows(driver, "ivn", {"as_of": as_of, "product": None}, settings):
        members[r["product"]].append({
            "actor": r["actor"], "name": r["name"], "kind": r["kind"],
            "criteria": [c for c in CRITERIA_ORDER if c in r["criteria"]],
            "agreements": sorted(r["agreements"]),
        })
    agreements = _agreement_rows(driver, as_of, settings)
    out = {}
    for product, owner in sorted(owners.items()):
        out[product] = {"product": product, "owner": owner, "as_of": as_of,
                        "members": members[product],
                        "gaps": _gaps(product, owner, members[product], agreements)}
    return out


def _gaps(product: str, owner: str, members: list[dict[str, Any]],
          agreements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    gaps: list[dict[str, Any]] = []
    for m in members:
        if "agreement" not in m["criteria"]:
            gaps.append({"kind": "no_agreement", "actor": m["actor"], "severity": "high",
                         "detail": f"{m['actor']} is in the inner value network "
                         f"({', '.join(m['criteria'])}) but has no signed agreement in force "
                         f"with {owner}"})
    relevant = [g for g in agreements
                if owner in g["parties"] and (not g["concerns"] or product in g["concerns"])]
    for g in relevant:
        if g["in_force"] and g["missing"]:
            severe = g["missing_severe"]
            gaps.append({"kind": "missing_areas", "agreement": g["id"], "missing": g["missing"],
                         "severity": "high" if severe else "medium",
                         "detail": f"{g['id']} does not cover {', '.join(g['missing'])}"})
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
    _check_ids(driver, "Product", [product], "product", settings)
    data = ivn_all(driver, as_of, settings)[product]
    rows = [{**m, "criteria": m["criteria"], "agreements": m["agreements"]}
            for m in data["members"]]
    return Analysis("ivn", data, rows, ["actor", "name", "kind", "criteria", "agreements"])


def agreements(driver: Driver, as_of: str | None = None,
               settings: Settings | None = None) -> Analysis:
    """Every agreement's covered and missing areas, and the areas most often missing."""
    as_of = parse_as_of(as_of)
    rows = _agreement_rows(driver, as_of, settings)
    missing = Counter(a for r in rows for a in r["missing"])
    most = [{"area": a, "missing_in": n} for a, n in
            sorted(missing.items(), key=lambda kv: (-kv[1], AREAS.index(kv[0])))]
    data = {"as_of": as_of, "areas": AREAS, "agreements": rows, "most_missing": most}
    return Analysis("agreements", data, rows,
                    ["id", "kind", "parties", "is_signed", "in_force", "covered", "missing"])


# --- funding topology ----------------------------------------------------------------------


def funding_topology(driver: Driver, as_of: str | None = None,
                     without: list[str] | None = None,
                     settings: Settings | None = None) -> Analysis:
    """Funders, lead agencies, hub share, concentration and the shape of the funding network."""
    as_of = parse_as_of(as_of)
    without = sorted(set(without or []))
    if without:
        _check_ids(driver, "Actor", without, "actor", settings)
    flows = _rows(driver, "funding_flows", {"as_of": as_of, "without": without}, settings)
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
        "hub_share": hub["share"] if hub else 0.0,
        "received": dict(sorted(received.items())),
        "herfindahl": hhi,
        "classification": shape,
        "reason": why,
    }


# --- power, stage, reciprocity -------------------------------------------------------------


def power(driver: Driver, as_of: str | None = None,
          settings: Settings | None = None) -> Analysis:
    """Who decides, who is consulted or absent, who decided alone, who is never at the table."""
    as_of = parse_as_of(as_of)
    decisions = _rows(driver, "decisions", None, settings)
    for d in decisions:
        for k in ("about", "decided", "consulted", "informed", "absent", "funders_deciding"):
            d[k] = sorted(d[k])
    alone = [{"decision": d["id"], "topic": d["topic"], "actor": d["decided"][0]}
             for d in decisions if len(d["decided"]) == 1]
    decided_count = Counter(a for d in decisions for a in d["decided"])
    never = []
    for product, net in ivn_all(driver, as_of, settings).items():
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
    """The highest development stage the ties reach, and who is cut off at each stage."""
    rows = _rows(driver, "network_stage", None, settings)
    for r in rows:
        r["cut_off"] = sorted(r["cut_off"])
        r["reached"] = r["reach"] >= STAGE_REACH
    stage = None
    for r in rows:
        if not r["reached"]:
            break
        stage = r["stage"]
    data = {"stage": stage, "threshold": STAGE_REACH, "stages": rows}
    return Analysis("network_stage", data, rows,
                    ["stage", "members", "reached_count", "reach", "density", "reached",
                     "cut_off"])


def reciprocity(driver: Driver, settings: Settings | None = None) -> Analysis:
    """Actors that only give or only receive in the recorded exchanges."""
    rows = _rows(driver, "reciprocity", None, settings)
    one_way = [r for r in rows if r["pattern"] != "reciprocal"]
    data = {"only_gives": [r["actor"] for r in one_way if r["pattern"] == "only_gives"],
            "only_receives": [r["actor"] for r in one_way if r["pattern"] == "only_receives"],
            "actors": rows}
    table = [{"actor": r["actor"], "name": r["name"], "pattern": r["pattern"],
              "gives": len(r["gives"]), "receives": len(r["receives"])} for r in rows]
    return Analysis("reciprocity", data, table, ["actor", "name", "pattern", "gives", "receives"])


# --- the registry ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """How `kb analyze` and the panel call an analysis."""

    fn: Callable[..., Analysis]
    description: str
    params: dict[str, str] = field(default_factory=dict)


_RISK_PARAMS = {"as_of": "date", "horizon": "int", "without": "list"}
REGISTRY: dict[str, Spec] = {
    "risk": Spec(risk, "Hollow-core risk of every component, most urgent first.", _RISK_PARAMS),
    "hollow_core": Spec(hollow_core, "Shared components nobody funds, ranked.", _RISK_PARAMS),
    "funding_cliffs": Spec(funding_cliffs, "Maintenance funding that stops within the horizon.",
                           _RISK_PARAMS),
    "free_riders": Spec(free_riders, "Actors relying on code they neither fund nor maintain.",
                        _RISK_PARAMS),
    "ivn": Spec(ivn, "A product's inner value network, with criteria and gaps.",
                {"product": "str", "as_of": "date"}),
    "agreements": Spec(agreements, "Agreement scorecard: covered and missing areas.",
                       {"as_of": "date"}),
    "funding_topology": Spec(funding_topology,
                             "Funders, lead agencies, hub share, concentration, shape.",
                             {"as_of": "date", "without": "list"}),
    "power": Spec(power, "Decisions: who decides, who is absent, decisions taken alone.",
                  {"as_of": "date"}),
    "network_stage": Spec(network_stage, "Development stage the ties reach; who is cut off."),
    "reciprocity": Spec(reciprocity, "Actors that only give or only receive."),
}


def run(driver: Driver, name: str, params: dict[str, Any],
        settings: Settings | None = None) -> Analysis:
    """Run an analysis by name with string or typed parameters."""
    if name not in REGISTRY:
        raise UsageError(f"no analysis named {name!r}",
                         hint="Valid analyses: " + ", ".join(REGISTRY))
    spec = REGISTRY[name]
    unknown = sorted(set(params) - set(spec.params))
    if unknown:
        raise UsageError(f"analysis {name!r} has no parameter {', '.join(unknown)}",
                         hint=f"Its parameters are: {', '.join(spec.params) or '(none)'}.")
    typed: dict[str, Any] = {}
    for key, value in params.items():
        kind = spec.params[key]
        if kind == "int" and isinstance(value, str):
            try:
                value = int(value)
            except ValueError:
                raise UsageError(f"parameter {key!r} must be a whole number, got {value!r}"
                                 ) from None
        if kind == "list" and isinstance(value, str):
            value = [v for v in value.split(",") if v]
        typed[key] = value
    if name == "ivn" and "product" not in typed:
        raise UsageError("analysis 'ivn' needs parameter 'product'",
                         hint="Give it with --param product=ID.")
    return spec.fn(driver, settings=settings, **typed)
