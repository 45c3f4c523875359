"""The risk analysis computed in memory: the same answer as `cypher/analyses/risk.cypher`.

A few bulk reads in one read transaction, each a single row of aligned lists (components,
dependency edges as internal node ids, roots, maintenance flows, maintenance records), then
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


_LOGS = [math.log(1 + k) / math.log(21) for k in range(20)]


def _funding_state(fl: list[tuple[str, date, date]] | None,
                   mt: list[tuple[str, bool, date, date]] | None, day: date, horizon_end: date
                   ) -> tuple[bool, date | None, date | None, list[str], list[str], int]:
    """(funded, funded_until, cliff, funders, maintainer ids, paid count) of one component."""
    fl, mt = fl or [], mt or []
    periods = sorted([(s, e) for _, s, e in fl] + [(s, e) for _, paid, s, e in mt if paid])
    stretches: list[list[date]] = []
    for start, end in periods:
        if stretches and start - timedelta(days=1) <= stretches[-1][1]:
            stretches[-1][1] = max(stretches[-1][1], end)
        else:
            stretches.append([start, end])
    stretch = next((x for x in stretches if x[0] <= day <= x[1]), None)
    funded_until = None if stretch is None or stretch[1] == LATE else stretch[1]
    funders = sorted({g for g, s, e in fl if s <= day <= e})
    maintainer_ids: list[str] = []
    paid_ids: set[str] = set()
    for a, paid, s, e in mt:
        if s <= day <= e:
            if a not in maintainer_ids:
                maintainer_ids.append(a)
            if paid:
                paid_ids.add(a)
    paid_count = len(paid_ids)
    cliff = (funded_until + timedelta(days=1)
             if funded_until is not None and funded_until < horizon_end else None)
    return stretch is not None, funded_until, cliff, funders, maintainer_ids, paid_count


INPUTS = ["risk_inputs_components", "risk_inputs_edges", "risk_inputs_roots",
          "risk_inputs_flows", "risk_inputs_maintenance"]


def _day(text: str, default: date) -> date:
    return date.fromisoformat(text) if text else default


def risk_rows(driver: Driver, as_of: str, horizon: int, without: list[str],
              settings: Settings | None = None) -> list[dict[str, Any]]:
    """Rows with the same columns and order as the `risk` query, already plain: dates as
    ISO strings and every id list sorted."""
    day = date.fromisoformat(as_of)
    col = db.read_columns(driver, INPUTS, settings=settings)
    excluded = ({r["id"] for r in db.run(driver, "withdrawn_fundings", {"without": without},
                                         settings=settings)} if without else set())
    withdrawn = set(without)
    ids: list[str] = col["risk_inputs_components.ids"]
    names: list[str] = col["risk_inputs_components.names"]
    cid = {x: i for i, x in enumerate(ids)}
    n = len(ids)
    # Edges arrive as internal node ids; map them to positions in `ids` by sorted search.
    nodes = np.asarray(col["risk_inputs_components.nodes"], dtype=np.int64)
    order = np.argsort(nodes)
    sorted_nodes = nodes[order]
    src = order[np.searchsorted(sorted_nodes, np.asarray(col["risk_inputs_edges.sources"],
                                                         dtype=np.int64))]
    dst = order[np.searchsorted(sorted_nodes, np.asarray(col["risk_inputs_edges.targets"],
                                                         dtype=np.int64))]
    dep = sparse.csr_matrix((np.ones(len(src), dtype=bool), (src, dst)), shape=(n, n))
    owner: dict[str, str] = {}
    built: dict[str, list[int]] = {}
    direct: dict[str, list[int]] = {}
    for kind, rid, own_id, targets in zip(col["risk_inputs_roots.kinds"],
                                          col["risk_inputs_roots.ids"],
                                          col["risk_inputs_roots.owners"],
                                          col["risk_inputs_roots.targets"], strict=True):
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
    for comp, funder, funding, start, end in zip(
            col["risk_inputs_flows.components"], col["risk_inputs_flows.funders"],
            col["risk_inputs_flows.fundings"], col["risk_inputs_flows.starts"],
            col["risk_inputs_flows.ends"], strict=True):
        if funding not in excluded:
            flow_by[comp].append((funder, _day(start, EARLY), _day(end, LATE)))
    maint_by: dict[str, list[tuple[str, bool, date, date]]] = defaultdict(list)
    for comp, actor, paid, start, end in zip(
            col["risk_inputs_maintenance.components"], col["risk_inputs_maintenance.actors"],
            col["risk_inputs_maintenance.paid"], col["risk_inputs_maintenance.since"],
            col["risk_inputs_maintenance.until"], strict=True):
        if not (paid and actor in withdrawn):
            maint_by[comp].append((actor, paid, _day(start, EARLY), _day(end, LATE)))
    horizon_end = day + timedelta(days=horizon)
    none: tuple[Any, ...] = _funding_state([], [], day, horizon_end)
    rp_ind, rp_ptr = reach_p.indices.tolist(), reach_p.indptr.tolist()
    ra_ind, ra_ptr = reach_a.indices.tolist(), reach_a.indptr.tolist()
    out = []
    for j, (c_id, c_name) in enumerate(zip(ids, names, strict=True)):
        # Both index lists come sorted (CSC), and products and actors are sorted lists.
        prods = [products[i] for i in rp_ind[rp_ptr[j]:rp_ptr[j + 1]]]
        acts = [actors[i] for i in ra_ind[ra_ptr[j]:ra_ptr[j + 1]]]
        fl, mt = flow_by.get(c_id), maint_by.get(c_id)
        state = _funding_state(fl, mt, day, horizon_end) if fl or mt else none
        funded, funded_until, cliff, funders, maintainer_ids, paid_count = state
        maintainers = len(maintainer_ids)
        riders = [a for a in acts if a not in funders and a not in maintainer_ids]
        k = len(acts)
        raw = ((40 if not funded else 20 if cliff is not None else 0)
               + 25.0 * (1.0 if k >= 20 else _LOGS[k])
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
            "id": c_id, "name": c_name, "reliant_products": len(prods),
            "reliant_actors": k, "shared": shared, "funded": funded, "funders": funders,
            "funded_until": funded_until and funded_until.isoformat(),
            "cliff_date": cliff and cliff.isoformat(), "maintainers": maintainers,
            "paid_maintainers": paid_count, "hollow_core": shared and not funded,
            "free_riders": riders, "risk_score": score,
            "risk_level": ("critical" if score >= 75 else "high" if score >= 50
                           else "medium" if score >= 25 else "low"),
            "reasons": reasons, "reliant_product_ids": prods, "reliant_actor_ids": acts,
        })
    out.sort(key=lambda r: (-r["risk_score"], r["id"]))
    return out
