"""The risk analysis computed in memory: the same answer as `cypher/analyses/risk.cypher`.

A few bulk reads (edges, components, maintenance flows, maintenance records), then
reachability with sparse matrices: starting from what each product is built on (and what
each actor relies on directly), one step along DEPENDS_ON per iteration, keeping only
components not reached before, until nothing new is reached. That is a breadth-first search
for all products at once; cycles end it like any other visited node. Funding periods, scores,
levels and reasons follow the Cypher definition line by line; tests compare the two engines on
every fixture.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import numpy as np
from neo4j import Driver
from scipy import sparse

from kb import db
from kb.settings import Settings

EARLY, LATE = date(1000, 1, 1), date(9999, 12, 31)


def _d(v: Any, default: date) -> date:
    return v.to_native() if v is not None and hasattr(v, "to_native") else (v or default)


def _closure(starts: sparse.csr_matrix, dep: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows of `starts` extended with everything reachable along `dep` (bool matrices)."""
    reached = starts.copy()
    frontier = starts
    while frontier.nnz:
        step = (frontier @ dep).astype(bool)
        new = step - step.multiply(reached)
        new.eliminate_zeros()
        reached = reached + new
        frontier = new
    return reached.astype(bool).tocsr()


def risk_rows(driver: Driver, as_of: str, horizon: int, without: list[str],
              settings: Settings | None = None) -> list[dict[str, Any]]:
    """Rows with the same columns and order as the `risk` query."""
    day = date.fromisoformat(as_of)
    comp_rows = db.run_values(driver, "risk_inputs_components", settings=settings)
    roots = db.run_values(driver, "risk_inputs_roots", settings=settings)
    flows = [dict(zip(("component", "funder", "funding", "start", "end"), r, strict=True))
             for r in db.run_values(driver, "risk_inputs_flows", settings=settings)]
    maint = [dict(zip(("component", "actor", "paid", "start", "end"), r, strict=True))
             for r in db.run_values(driver, "risk_inputs_maintenance", settings=settings)]
    excluded = ({r["id"] for r in db.run(driver, "withdrawn_fundings", {"without": without},
                                         settings=settings)} if without else set())
    withdrawn = set(without)
    comps = [{"id": r[0], "name": r[1]} for r in comp_rows]
    cid = {r[0]: i for i, r in enumerate(comp_rows)}
    n = len(comp_rows)
    src = [i for i, r in enumerate(comp_rows) for _ in r[2]]
    dst = [cid[x] for r in comp_rows for x in r[2]]
    dep = sparse.csr_matrix((np.ones(len(src), dtype=bool), (src, dst)), shape=(n, n))
    owner: dict[str, str] = {}
    built: dict[str, list[int]] = {}
    direct: dict[str, list[int]] = {}
    for kind, rid, own_id, targets in roots:
        if kind == "product":
            owner[rid] = own_id
            built[rid] = [cid[t] for t in targets]
        else:
            direct[rid] = [cid[t] for t in targets]
    products = sorted(built)

    def rows_matrix(keys: list[str], targets: dict[str, list[int]]) -> sparse.csr_matrix:
        r = [i for i, k in enumerate(keys) for _ in targets[k]]
        c = [j for k in keys for j in targets[k]]
        return sparse.csr_matrix((np.ones(len(r), dtype=bool), (r, c)), shape=(len(keys), n))

    reach_p = _closure(rows_matrix(products, built), dep).tocsc()
    actors = sorted(set(owner.values()) | set(direct))
    aid = {a: i for i, a in enumerate(actors)}
    own = sparse.csr_matrix(
        (np.ones(len(products), dtype=bool),
         ([aid[owner[p]] for p in products], list(range(len(products))))),
        shape=(len(actors), len(products)))
    relier = sorted(direct)
    reach_a = (own.astype(np.int32) @ reach_p.astype(np.int32)).astype(bool)
    if relier:
        rd = _closure(rows_matrix(relier, direct), dep)
        lift = sparse.csr_matrix((np.ones(len(relier), dtype=bool),
                                  ([aid[a] for a in relier], list(range(len(relier))))),
                                 shape=(len(actors), len(relier)))
        reach_a = reach_a + (lift.astype(np.int32) @ rd.astype(np.int32)).astype(bool)
    reach_a = sparse.csc_matrix(reach_a.astype(bool))

    flow_by: dict[str, list[tuple[str, date, date]]] = defaultdict(list)
    for f in flows:
        if f["funding"] not in excluded:
            flow_by[f["component"]].append((f["funder"], _d(f["start"], EARLY),
                                            _d(f["end"], LATE)))
    maint_by: dict[str, list[tuple[str, bool, date, date]]] = defaultdict(list)
    for m in maint:
        if not (m["paid"] and m["actor"] in withdrawn):
            maint_by[m["component"]].append((m["actor"], bool(m["paid"]),
                                             _d(m["start"], EARLY), _d(m["end"], LATE)))
    horizon_end = day + timedelta(days=horizon)
    out = []
    for c in comps:
        j = cid[c["id"]]
        p_idx = reach_p.indices[reach_p.indptr[j]:reach_p.indptr[j + 1]]
        a_idx = reach_a.indices[reach_a.indptr[j]:reach_a.indptr[j + 1]]
        prods = [products[i] for i in p_idx]
        acts = [actors[i] for i in a_idx]
        fl = flow_by.get(c["id"], [])
        mt = maint_by.get(c["id"], [])
        periods = sorted([(s, e) for _, s, e in fl] + [(s, e) for _, paid, s, e in mt if paid])
        stretches: list[list[date]] = []
        for start, end in periods:
            if stretches and start - timedelta(days=1) <= stretches[-1][1]:
                stretches[-1][1] = max(stretches[-1][1], end)
            else:
                stretches.append([start, end])
        stretch = next((x for x in stretches if x[0] <= day <= x[1]), None)
        funded = stretch is not None
        funded_until = None if stretch is None or stretch[1] == LATE else stretch[1]
        funders = list(dict.fromkeys(g for g, s, e in fl if s <= day <= e))
        active = [(a, paid) for a, paid, s, e in mt if s <= day <= e]
        maintainer_ids = list(dict.fromkeys(a for a, _ in active))
        paid_ids = list(dict.fromkeys(a for a, paid in active if paid))
        maintainers, paid_count = len(maintainer_ids), len(paid_ids)
        cliff = (funded_until + timedelta(days=1)
                 if funded_until is not None and funded_until < horizon_end else None)
        riders = [a for a in acts if a not in funders and a not in maintainer_ids]
        k = len(acts)
        raw = ((40 if not funded else 20 if cliff is not None else 0)
               + 25.0 * (1.0 if k >= 20 else math.log(1 + k) / math.log(21))
               + {0: 30, 1: 12, 2: 5}.get(maintainers, 0)
               + (10 if maintainers > 0 and paid_count == 0 else 0)
               + (5 if riders else 0))
        score = int(math.floor(min(raw, 100) + 0.5))
        shared = k >= 2
        reasons = [r for r, on in (("unfunded", not funded), ("funding_cliff", cliff is not None),
                                   ("no_maintainer", maintainers == 0),
                                   ("single_maintainer", maintainers == 1),
                                   ("volunteer_only", maintainers > 0 and paid_count == 0),
                                   ("free_riders", bool(riders))) if on]
        out.append({
            "id": c["id"], "name": c["name"], "reliant_products": len(prods),
            "reliant_actors": k, "shared": shared, "funded": funded, "funders": funders,
            "funded_until": funded_until, "cliff_date": cliff, "maintainers": maintainers,
            "paid_maintainers": paid_count, "hollow_core": shared and not funded,
            "free_riders": riders, "risk_score": score,
            "risk_level": ("critical" if score >= 75 else "high" if score >= 50
                           else "medium" if score >= 25 else "low"),
            "reasons": reasons, "reliant_product_ids": prods, "reliant_actor_ids": acts,
        })
    out.sort(key=lambda r: (-r["risk_score"], r["id"]))
    return out
