"""Hollow-core risk and the analyses that are views of it: hollow cores, funding cliffs and
free riders. The definitions are in the README, "Analyses"; the scoring is `scoring.py`."""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from neo4j import Driver

from kb.analysis import fastrisk, scoring
from kb.analysis.common import Analysis, check_ids, parse_as_of, rows
from kb.errors import UsageError
from kb.settings import Settings

RISK_COLUMNS = ["id", "name", "risk_score", "risk_level", "confidence", "unknown",
                "reliant_products", "reliant_actors",
                "shared", "funded", "funders", "funded_until", "cliff_date", "maintainers",
                "paid_maintainers", "hollow_core", "free_riders", "reasons"]
RISK_TABLE = ["id", "risk_score", "risk_level", "reliant_products", "reliant_actors", "funders",
              "cliff_date", "maintainers", "paid_maintainers", "reasons"]


ENGINES = ("fast", "cypher")


def risk(driver: Driver, as_of: str | None = None, horizon: int = 180,
         without: list[str] | None = None, settings: Settings | None = None,
         engine: str = "fast", limit: int | None = None,
         leave: list[str] | None = None,
         fund: Sequence[str | dict[str, Any]] | None = None,
         compare_to_baseline: bool = True) -> Analysis:
    """Hollow-core risk of every component, most urgent first.

    `engine="cypher"` runs the reference query `cypher/analyses/risk.cypher`; the default
    `fast` engine (kb/analysis/fastrisk.py) computes the same rows in memory after a few bulk reads.
    A positive `limit` keeps only the most urgent rows (the fast engine then builds no
    others); `total` of the answer counts them all.

    What-ifs (README, "What-ifs"): the actors in `without` withdraw their money, those in
    `leave` leave the network, and each `fund` entry (`COMPONENT[:AMOUNT[:MONTHS]]`) is a
    hypothetical maintenance grant from `as_of` for MONTHS (12). A what-if answer also holds
    `what_if`: the ecosystem's totals before and after, and every component whose score or
    level changes; each row then has `score_before`, `level_before` and `delta`
    (`compare_to_baseline=False` skips that, for callers that only read the rows).
    """
    as_of, without, leave, grants = _checked(driver, as_of, horizon, without, leave, fund,
                                             settings)
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}", hint=f"Valid engines: {', '.join(ENGINES)}")
    what_if = bool(without or leave or grants)
    cut = limit or None
    if what_if:
        limit = None  # the totals after a what-if count every component; cut below
    if engine == "fast":
        comps, total, known = fastrisk.risk_rows(driver, as_of, horizon, without, settings,
                                                 limit or None, leave, grants)
    else:
        comps = rows(driver, "risk", {"as_of": as_of, "horizon": horizon, "without": without,
                                      "leave": leave, "fund": grants,
                                      "scoring": scoring.cypher_params()},
                     settings)
        for r in comps:
            for key in ("funders", "free_riders", "reliant_product_ids", "reliant_actor_ids"):
                r[key] = sorted(r[key])
        total = len(comps)
        known = scoring.coverage([r["reliant_actors"] for r in comps],
                                 [r["funding_known"] for r in comps],
                                 [r["maintenance_known"] for r in comps])
        comps = comps[:limit or None]
    data: dict[str, Any] = {"as_of": as_of, "horizon_days": horizon, "without": without,
                            "leave": leave, "fund": grants, "coverage": known,
                            "total_components": total, "components": comps}
    table = RISK_TABLE
    if what_if and compare_to_baseline:
        before = risk(driver, as_of, horizon, settings=settings, engine=engine)
        data["what_if"] = compare(before.data["components"], comps)
        table = [*RISK_TABLE[:2], "delta", *RISK_TABLE[2:]]
    if what_if:
        comps = data["components"] = comps[:cut]
    return Analysis("risk", data, comps, RISK_COLUMNS, table, total)


def _checked(driver: Driver, as_of: str | None, horizon: int, without: list[str] | None,
             leave: list[str] | None, fund: Sequence[str | dict[str, Any]] | None,
             settings: Settings | None
             ) -> tuple[str, list[str], list[str], list[dict[str, Any]]]:
    """A what-if's day, withdrawing actors, leaving actors and grants, checked: the actors
    and components must exist, the horizon must not be negative. A grant as text starts on
    `as_of`; one already parsed (the planner's) keeps its dates."""
    as_of = parse_as_of(as_of)
    without = sorted(set(without or []))
    leave = sorted(set(leave or []))
    if horizon < 0:
        raise UsageError(f"--horizon must be 0 or more days, got {horizon}")
    if without or leave:
        check_ids(driver, "Actor", sorted(set(without) | set(leave)), "actor", settings)
    grants = [f if isinstance(f, dict) else parse_fund(f, as_of) for f in fund or []]
    if grants:
        check_ids(driver, "Component", sorted({g["component"] for g in grants}), "component",
                  settings)
    return as_of, without, leave, grants


def risk_table(driver: Driver, as_of: str | None = None, horizon: int = 180,
               without: list[str] | None = None, leave: list[str] | None = None,
               fund: Sequence[str | dict[str, Any]] | None = None,
               settings: Settings | None = None,
               before: fastrisk.RiskTable | None = None) -> fastrisk.RiskTable:
    """The risk of every component in columns (`fastrisk.RiskTable`, what the panel keeps):
    the same rows as `risk`, with the same what-ifs, checked the same way. A what-if's table
    compares itself with `before`, the baseline table of the same day and horizon (computed
    here when not given): its `what_if` and each row's `score_before`, `level_before` and
    `delta` are what `risk` gives."""
    as_of, without, leave, grants = _checked(driver, as_of, horizon, without, leave, fund,
                                             settings)
    if (without or leave or grants) and before is None:
        before = fastrisk.risk_table(driver, as_of, horizon, settings)
    return fastrisk.risk_table(driver, as_of, horizon, settings, without, leave, grants,
                               before)


def parse_fund(text: str, as_of: str) -> dict[str, Any]:
    """A hypothetical grant `COMPONENT[:AMOUNT[:MONTHS]]` as {component, amount, start, end}:
    from `as_of` for MONTHS (default 12) months, AMOUNT (unknown when absent) in the
    ecosystem's currency. Only trailing numeric parts are read as amount and months, so a
    component id may hold colons (`pkg:npm/ws`, `https://...`)."""
    m = re.fullmatch(r"(.+?)(?::(\d+(?:\.\d+)?))?(?::(\d+))?", text.strip())
    if not m or not m.group(1):
        raise UsageError(f"--fund needs COMPONENT[:AMOUNT[:MONTHS]], got {text!r}")
    months = int(m.group(3)) if m.group(3) else 12
    if months < 1:
        raise UsageError(f"--fund {text!r}: MONTHS must be 1 or more")
    start = date.fromisoformat(as_of)
    return {"component": m.group(1), "amount": float(m.group(2)) if m.group(2) else None,
            "months": months, "start": start.isoformat(),
            "end": grant_end(start, months).isoformat()}


def grant_end(start: date, months: int) -> date:
    """The last day of a grant of `months` months from `start`: the day before the same
    date that many months later (the month's last day when it has no such date)."""
    years, month = divmod(start.month - 1 + months, 12)
    day = min(start.day, calendar.monthrange(start.year + years, month + 1)[1])
    return date(start.year + years, month + 1, day) - timedelta(days=1)


def totals(comps: list[dict[str, Any]]) -> dict[str, int]:
    """The ecosystem's headline figures from risk rows: hollow cores, critical components,
    and reliance exposed (actor-component reliance pairs resting on hollow cores)."""
    hollow = [c for c in comps if c["hollow_core"]]
    return {"hollow_cores": len(hollow),
            "critical": sum(c["risk_level"] == "critical" for c in comps),
            "reliance_exposed": sum(c["reliant_actors"] for c in hollow)}


def compare(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> dict[str, Any]:
    """A what-if against the baseline (both every component): totals on both sides, and
    every component whose score or level changed, largest rise first. Adds `score_before`,
    `level_before` and `delta` to each row of `after`."""
    was = {c["id"]: c for c in before}
    changes = []
    for c in after:
        b = was[c["id"]]
        c["score_before"], c["level_before"] = b["risk_score"], b["risk_level"]
        c["delta"] = c["risk_score"] - b["risk_score"]
        if c["delta"] or c["risk_level"] != b["risk_level"]:
            changes.append({"id": c["id"], "name": c["name"],
                            "score_before": b["risk_score"], "score_after": c["risk_score"],
                            "level_before": b["risk_level"], "level_after": c["risk_level"],
                            "delta": c["delta"]})
    changes.sort(key=lambda x: (-x["delta"], x["id"]))
    return {"before": totals(before), "after": totals(after), "changes": changes}


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


def funding_coverage(component: dict[str, Any], as_of: str, horizon: int) -> float:
    """Share of the next `horizon` days on which a risk row's component stays funded (0-1)."""
    if not component["funded"]:
        return 0.0
    if component["funded_until"] is None or horizon <= 0:
        return 1.0
    days = (date.fromisoformat(component["funded_until"]) - date.fromisoformat(as_of)).days + 1
    return max(0.0, min(1.0, days / horizon))


SETTLE = {
    "funding": "a maintenance funding record for it (a grant or contract with purpose "
               "maintenance), or a source that covers its funding, such as a grants list that "
               "names it with zeros included (kb import grants-csv --map "
               "component=COL,purpose=const:maintenance)",
    "maintenance": "a maintenance record, its MAINTAINERS or CODEOWNERS file, or its commit "
                   "history (kb import git-log CLONE)",
}


def unknowns(driver: Driver, as_of: str | None = None, settings: Settings | None = None,
             base: Analysis | None = None) -> Analysis:
    """What to find out next: shared components whose funding or maintenance is unknown, most
    relied upon first, each with the kind of fact that would settle it. `base` is the full
    risk analysis of the day when the caller has it."""
    if base is None or base.total not in (None, len(base.rows)):
        base = risk(driver, as_of, settings=settings)
    found = [{"component": c["id"], "name": c["name"], "unknown": c["unknown"],
              "reliant_actors": c["reliant_actors"], "reliant_products": c["reliant_products"],
              "risk_score": c["risk_score"],
              "settle_with": [f"{u}: {SETTLE[u]}" for u in c["unknown"]]}
             for c in base.data["components"] if c["shared"] and c["unknown"]]
    found.sort(key=lambda r: (-r["reliant_actors"], -r["reliant_products"], r["component"]))
    data = {"as_of": base.data["as_of"], "coverage": base.data["coverage"], "unknowns": found}
    return Analysis("unknowns", data, found,
                    ["component", "unknown", "reliant_actors", "reliant_products", "risk_score",
                     "settle_with"],
                    ["component", "unknown", "reliant_actors", "reliant_products", "risk_score"])
