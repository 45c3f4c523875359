"""`kb plan`: where the next unit of money removes the most risk (README, "Planning").

The objective is the **reliance-weighted risk removed**: over every component, the number of
actors relying on it times the fall of its risk score when the plan's grants are applied as a
`--fund` what-if, averaged over the horizon's days. The score is measured on SAMPLES days
spread across the horizon, each standing for the days up to the next; a day counts only
when the grant covers it (so that a grant of a month counts for the month it lasts). A
grant for one component changes that component's score only (scores are per component), so
each candidate's effect is measured once per grant length and effects add up; choosing at
most one grant per component within the budget is then a multiple-choice knapsack, solved
exactly (a Pareto-front dynamic programme) up to EXACT_UP_TO candidates and, beyond,
greedily by risk removed per unit of money (or the best single grant, when that alone
removes more). The plan's reported effect is not an estimate: it is recomputed by applying
the chosen grants as a what-if (the fast engine's scores, which equal `kb risk --fund`'s).
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import numpy as np
from neo4j import Driver

from kb.analysis import fastrisk
from kb.analysis.common import Analysis, parse_as_of
from kb.analysis.risk import grant_end, risk
from kb.errors import UsageError
from kb.settings import Settings, get_settings
from kb.store import db

EXACT_UP_TO = 60
SAMPLES = 4  # days on which risk is measured, spread over the horizon


def months_to_cover(as_of: str, days: int) -> int:
    """The fewest whole months of a grant from `as_of` that keep a component funded through
    the day `days` after it."""
    start = date.fromisoformat(as_of)
    end = start + timedelta(days=days)
    m = 1
    while grant_end(start, m) < end:
        m += 1
    return m


def sample_days(as_of: str, horizon: int) -> list[str]:
    """The days on which risk is measured: SAMPLES days spread evenly over the horizon,
    the first being `as_of` (risk removed is the average over them)."""
    start = date.fromisoformat(as_of)
    return [(start + timedelta(days=round(i * horizon / SAMPLES))).isoformat()
            for i in range(SAMPLES)]


class Measure:
    """Risk scores on the sample days with hypothetical grants applied, from the fast
    engine's snapshot (`fastrisk.scores`: the scores of `kb risk --fund`, without building
    its rows), and the risk each grant set removes against the baseline.

    Sample day i stands for the days from it to the next one (the last, to the horizon's
    end): each day a grant covers counts the fall of its component's score measured on its
    interval's sample day, over the horizon's length."""

    def __init__(self, driver: Driver, days: list[str], horizon: int, settings: Settings):
        self.driver, self.days, self.horizon, self.settings = driver, days, horizon, settings
        self.memo: dict[Any, Any] = {}  # each day before any grant, worked out once
        self.ids, self.reliant, self.base = fastrisk.scores(driver, days, horizon, [], settings,
                                                            self.memo)
        self.at = {cid: j for j, cid in enumerate(self.ids)}
        first = date.fromisoformat(days[0]).toordinal()
        self.bounds = [date.fromisoformat(d).toordinal() for d in days] + [first + horizon]

    def covered(self, start: str, end: str) -> list[int]:
        """How many days of each sample day's interval a grant from `start` through `end`
        (inclusive) covers."""
        s, e = date.fromisoformat(start).toordinal(), date.fromisoformat(end).toordinal() + 1
        return [max(0, min(e, hi) - max(s, lo))
                for lo, hi in zip(self.bounds, self.bounds[1:], strict=False)]

    def total(self) -> float:
        """The ecosystem's reliance-weighted risk with no grant: reliant actors x score over
        every component, on each day (as measured on its interval's sample day), averaged
        over the horizon's days; the whole that `removed` takes from."""
        widths = np.diff(np.asarray(self.bounds, dtype=np.float64))
        per_day = self.base @ self.reliant.astype(np.float64)
        return round(float(per_day @ widths / self.horizon), 6)

    def removed(self, fund: list[dict[str, Any]]) -> dict[str, float]:
        """Per component a grant names: reliant actors x the score fall on each covered day
        (measured on its interval's sample day), summed over the days, over the horizon."""
        if not fund:
            return {}
        _, _, after = fastrisk.scores(self.driver, self.days, self.horizon, fund, self.settings,
                                      self.memo)
        spans = {(g["start"], g["end"]) for g in fund}
        if len(spans) == 1 and len({g["component"] for g in fund}) == len(fund):
            # The planner's case: one grant per component, all from the same day through the
            # same end. The same sums as below, in arrays (exact in integers until the last
            # division, so the figures are the same to the last digit).
            (span,) = spans
            js = np.fromiter((self.at[g["component"]] for g in fund), np.int64, len(fund))
            days = np.asarray(self.covered(*span), dtype=np.int64)
            fall = ((self.base[:, js] - after[:, js]) * days[:, None]).sum(axis=0)
            per = self.reliant[js].astype(np.int64) * fall / self.horizon
            return {self.ids[j]: round(v, 6)
                    for j, v in zip(js.tolist(), per.tolist(), strict=True)}
        cover: dict[int, np.ndarray] = {}
        for g in fund:
            j = self.at[g["component"]]
            days = np.asarray(self.covered(g["start"], g["end"]))
            cover[j] = np.maximum(cover[j], days) if j in cover else days
        out: dict[str, float] = {}
        for j, days in cover.items():
            fall = (self.base[:, j] - after[:, j]) * days
            out[self.ids[j]] = round(float(self.reliant[j] * fall.sum() / self.horizon), 6)
        return out


def knapsack(groups: dict[str, list[tuple[int, float, float]]], budget: float
             ) -> dict[str, int]:
    """At most one option (option number, cost, gain) per group (a component), with the
    largest total gain whose costs fit the budget: exact (a Pareto-front dynamic programme)
    up to EXACT_UP_TO groups, else greedy by gain per cost over every option (or the single
    best option, when it alone gains more). Returns the option chosen per group."""
    groups = {g: [o for o in opts if o[1] <= budget and o[2] > 0]
              for g, opts in groups.items()}
    groups = {g: opts for g, opts in groups.items() if opts}
    if len(groups) <= EXACT_UP_TO:
        front: list[tuple[float, float, tuple[tuple[str, int], ...]]] = [(0.0, 0.0, ())]
        for g, opts in sorted(groups.items()):
            grown = [(c + cost, v + gain, picks + ((g, k),)) for c, v, picks in front
                     for k, cost, gain in opts if c + cost <= budget + 1e-9]
            merged = sorted(front + grown, key=lambda st: (st[0], -st[1]))
            front = []
            for state in merged:
                if not front or state[1] > front[-1][1] + 1e-9:
                    front.append(state)
        return dict(max(front, key=lambda st: (st[1], -st[0]))[2])
    # Greedy over each component's upper convex hull of (cost, gain): its options as steps
    # of falling gain per unit of money, taken across components best step first while the
    # budget allows (an upgrade replaces the component's cheaper option).
    steps: list[tuple[float, str, int, float, float]] = []  # (-efficiency, group, option...)
    for g, opts in groups.items():
        hull: list[tuple[int, float, float]] = [(0, 0.0, 0.0)]
        for k, cost, gain in sorted(opts, key=lambda o: (o[1], -o[2])):
            if gain <= hull[-1][2]:
                continue
            while len(hull) >= 2:
                (_, c1, v1), (_, c2, v2) = hull[-2], hull[-1]
                if (v2 - v1) * (cost - c2) <= (gain - v2) * (c2 - c1):
                    hull.pop()  # the middle point lies under the line: not on the hull
                else:
                    break
            hull.append((k, cost, gain))
        for (_, c1, v1), (k, c2, v2) in zip(hull, hull[1:], strict=False):
            steps.append((-(v2 - v1) / max(c2 - c1, 1e-9), g, k, c2 - c1, v2 - v1))
    picks: dict[str, int] = {}
    spent, total = 0.0, 0.0
    blocked: set[str] = set()
    for _eff, g, k, dc, dv in sorted(steps):
        if g in blocked:
            continue
        if spent + dc <= budget + 1e-9:
            picks[g] = k
            spent += dc
            total += dv
        else:
            blocked.add(g)  # later steps of this component build on this one
    best = max(((g, k, gain) for g, opts in groups.items() for k, _c, gain in opts),
               key=lambda o: o[2])
    return picks if total >= best[2] else {best[0]: best[1]}


def plan(driver: Driver, budget: float | None, as_of: str | None = None, horizon: int = 365,
         currency: str | None = None, max_per_component: float | None = None,
         settings: Settings | None = None,
         base: list[dict[str, Any]] | None = None) -> Analysis:
    """Maintenance grants, at most one per component and each from `as_of` for some whole
    months, that remove the most reliance-weighted risk within the budget (averaged over the
    horizon's days); with the same budget split by usage alone, for comparison, and one ask
    per coalition of free riders, best value first. `budget=None` asks what closing every gap
    costs: the budget is then what funding every candidate through the horizon would cost
    (the audit's asks). `base` are the risk rows of every component on `as_of` with the
    horizon's risk settings (`risk(as_of, horizon)`), when the caller already has them."""
    settings = settings or get_settings()
    as_of = parse_as_of(as_of)
    if budget is not None and (not budget > 0 or math.isinf(budget)):
        raise UsageError(f"--budget must be a positive amount, got {budget}")
    if horizon < 30:
        raise UsageError(f"--horizon must be 30 days or more for a plan, got {horizon}")
    inputs = db.run(driver, "plan_inputs", settings=settings)[0]
    currencies = sorted(c for c in inputs["currencies"] if c)
    if currency and currencies and currency not in currencies:
        raise UsageError(f"--currency {currency}: the knowledge base's amounts are in "
                         f"{', '.join(currencies)}", hint="Give the budget in that currency.")
    cur = currency or (currencies[0] if currencies else "USD")
    yearly = {i: (c if c is not None and c >= 0 else settings.kb_maintenance_cost)
              for i, c in zip(inputs["ids"], inputs["costs"], strict=True)}
    given = {i for i, c in zip(inputs["ids"], inputs["costs"], strict=True)
             if c is not None and c >= 0}
    days = sample_days(as_of, horizon)

    first = base if base is not None else risk(driver, as_of, horizon,
                                               settings=settings).data["components"]
    measure = Measure(driver, days, horizon, settings)
    # Candidates: relied on, and known to be unfunded or to lose funding within the horizon.
    # Where funding is unknown, money might go where money already is: find out first.
    candidates = [c for c in first if c["reliant_actors"] > 0 and c["funding_known"]
                  and (not c["funded"] or c["cliff_date"])]
    find_out = [c["id"] for c in first if c["reliant_actors"] > 1 and not c["funding_known"]]
    # Grant lengths: through the end of each sample day's interval, the last through the
    # whole horizon.
    lengths = sorted({months_to_cover(as_of, hi - measure.bounds[0] - 1)
                      for hi in measure.bounds[1:]})

    start = date.fromisoformat(as_of)
    ends = {m: grant_end(start, m).isoformat() for m in lengths}

    def grant(cid: str, m: int) -> dict[str, Any]:
        """A grant of m months from the plan's day (on every sample day alike), as
        `parse_fund` gives `COMPONENT:AMOUNT:MONTHS`."""
        return {"component": cid, "amount": round(yearly[cid] * m / 12, 2), "months": m,
                "start": as_of, "end": ends[m]}

    over_cap = sorted(c["id"] for c in candidates if max_per_component is not None
                      and round(yearly[c["id"]] * lengths[0] / 12, 2) > max_per_component)
    candidates = [c for c in candidates if c["id"] not in over_cap]
    options: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
    for m in lengths:
        if not candidates:
            break
        # (what the scores read of a grant: its component and days, not its amount)
        gain = measure.removed([{"component": c["id"], "start": as_of, "end": ends[m]}
                                for c in candidates])
        for c in candidates:
            cost = round(yearly[c["id"]] * m / 12, 2)
            if max_per_component is None or cost <= max_per_component:
                options[c["id"]].append((m, cost, gain[c["id"]]))
    budget_given = budget is not None
    if budget is None:
        budget = round(sum(max((o[1] for o in opts), default=0.0)
                           for opts in options.values()), 2) or 1.0
    chosen = knapsack(options, budget)
    fund = [grant(i, m) for i, m in sorted(chosen.items())]
    effect = measure.removed(fund)
    _, _, after = fastrisk.scores(driver, [as_of], horizon, fund, settings, measure.memo)
    rows = {c["id"]: c for c in first}
    allocations = sorted(
        ({"component": i, "name": rows[i]["name"], "months": m,
          "cost": round(yearly[i] * m / 12, 2),
          "cost_source": "maintenance_cost" if i in given else "default",
          "score_before": rows[i]["risk_score"], "score_after": int(after[0, measure.at[i]]),
          "reliant_actors": rows[i]["reliant_actors"], "risk_removed": effect[i],
          **ask_of(rows[i])} for i, m in chosen.items()),
        key=lambda a: (-a["risk_removed"], a["component"]))
    usage = usage_split(budget, candidates, yearly, horizon, measure, as_of)
    spent = round(sum(a["cost"] for a in allocations), 2)
    total = round(sum(effect.values()), 6)
    risk_total = measure.total()
    data = {
        "as_of": as_of, "horizon_days": horizon, "sample_days": days, "currency": cur,
        "budget": budget, "budget_given": budget_given, "spent": spent,
        "left": round(budget - spent, 2),
        "default_cost": settings.kb_maintenance_cost, "max_per_component": max_per_component,
        "risk_removed": total, "risk_total": risk_total,
        "share_removed": round(total / risk_total, 6) if risk_total else None,
        "allocations": allocations, "asks": asks(allocations, risk_total),
        "usage_split": usage,
        "per_unit": {"plan": total / spent if spent else 0.0,
                     "usage_split": (usage["risk_removed"] / usage["spent"]
                                     if usage["spent"] else 0.0)},
        "candidates": len(candidates), "over_cap": over_cap, "find_out_first": find_out,
        "method": "exact" if len(options) <= EXACT_UP_TO else "greedy",
    }
    return Analysis("plan", data, allocations,
                    ["component", "cost", "months", "score_before", "score_after",
                     "reliant_actors", "risk_removed", "ask"])


def ask_of(row: dict[str, Any]) -> dict[str, Any]:
    """Who to ask to fund a component: its free riders (the actors relying on it that fund
    and maintain nothing) where its funding and maintenance are known; where either is
    unknown, who rides free is unknown too, so the actors relying on it that are not known
    to fund it (`ask_basis` says which)."""
    if row["funding_known"] and row["maintenance_known"]:
        return {"ask": sorted(row["free_riders"]), "ask_basis": "free_riders"}
    return {"ask": sorted(set(row["reliant_actor_ids"]) - set(row["funders"])),
            "ask_basis": "relying"}


def asks(allocations: list[dict[str, Any]], risk_total: float) -> list[dict[str, Any]]:
    """One ask per coalition: the grants asked of the same actors on the same basis (free
    riders, or relying actors where who rides free is unknown; see `ask_of`), with their
    cost, the risk they remove and its share of the whole, best value (risk removed per unit
    of money) first, numbered from 1."""
    grouped: dict[tuple[str, tuple[str, ...]], dict[str, Any]] = {}
    for a in allocations:
        key = (a["ask_basis"], tuple(a["ask"]))
        entry = grouped.setdefault(key, {"actors": list(key[1]), "basis": key[0],
                                         "components": [], "months": [],
                                         "cost": 0.0, "risk_removed": 0.0})
        entry["components"].append(a["component"])
        entry["months"].append(a["months"])
        entry["cost"] = round(entry["cost"] + a["cost"], 2)
        entry["risk_removed"] = round(entry["risk_removed"] + a["risk_removed"], 6)
    out = sorted(grouped.values(), key=lambda x: (
        -(x["risk_removed"] / x["cost"] if x["cost"] else math.inf), -x["risk_removed"],
        x["components"]))
    for rank, x in enumerate(out, 1):
        x["rank"] = rank
        x["per_unit"] = round(x["risk_removed"] / x["cost"], 9) if x["cost"] else None
        x["share"] = round(x["risk_removed"] / risk_total, 6) if risk_total else None
    return out


def usage_split(budget: float, candidates: list[dict[str, Any]], yearly: dict[str, float],
                horizon: int, measure: Measure, as_of: str) -> dict[str, Any]:
    """The same budget split by usage alone (in proportion to the actors relying on each
    candidate, as usage-based allocators do): each share buys whole days of maintenance from
    the day, at its yearly cost / 365 a day, for at most the horizon; its effect is measured
    the same way as the plan's."""
    weight = sum(c["reliant_actors"] for c in candidates)
    start = date.fromisoformat(as_of)
    grants: list[dict[str, Any]] = []
    for c in candidates:
        money = budget * c["reliant_actors"] / weight if weight else 0.0
        daily = yearly[c["id"]] / 365
        days = min(horizon, int(money // daily)) if daily > 0 else horizon
        if days >= 1:
            grants.append({"component": c["id"], "amount": round(daily * days, 2),
                           "days": days, "start": as_of,
                           "end": (start + timedelta(days=days - 1)).isoformat()})
    effect = measure.removed(grants)
    return {"grants": [{"component": g["component"], "days": g["days"], "cost": g["amount"]}
                       for g in sorted(grants, key=lambda g: g["component"])],
            "spent": round(sum(g["amount"] for g in grants), 2),
            "risk_removed": round(sum(effect.values()), 6)}
