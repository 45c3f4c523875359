"""The risk analysis computed in memory: the same answer as `cypher/analyses/risk.cypher`.

A few bulk reads in one read transaction, each a single row of aligned lists (components,
dependency edges as internal node ids, roots, maintenance flows, maintenance records), then
reachability with sparse matrices: starting from what each product is built on (and what
each actor relies on directly), one step along DEPENDS_ON per iteration, keeping only
components not reached before, until nothing new is reached. That is a breadth-first search
for all products at once; cycles end it like any other visited node. Funding periods, scores,
levels and reasons follow the Cypher definition line by line; tests compare the two engines on
every fixture.

Everything derived from the graph alone (the reads, reachability, records grouped by
component) is a `Snapshot`, kept while the database's data-state token (`db.data_state`) stays
the same; a question on another day, horizon or "without" only builds rows from it.
"""

from __future__ import annotations

import math
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from operator import itemgetter
from typing import Any

import numpy as np
from neo4j import Driver
from scipy import sparse

from kb import db
from kb.perf import collector_paused
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


def _verdict(funded: bool, cliff: bool, actors: int, maintainers: int, unpaid: bool,
             riders: bool) -> tuple[int, str, tuple[str, ...]]:
    """(risk score, level, reasons) of one component, as in cypher/analyses/risk.cypher.
    `actors` is capped at 20 and `maintainers` at 3 by the caller; neither changes the
    answer above its cap."""
    raw = ((40 if not funded else 20 if cliff else 0)
           + 25.0 * (1.0 if actors >= 20 else _LOGS[actors])
           + {0: 30, 1: 12, 2: 5}.get(maintainers, 0)
           + (10 if maintainers > 0 and unpaid else 0)
           + (5 if riders else 0))
    score = int(math.floor(min(raw, 100) + 0.5))
    level = ("critical" if score >= 75 else "high" if score >= 50
             else "medium" if score >= 25 else "low")
    reasons = tuple(r for r, on in (
        ("unfunded", not funded), ("funding_cliff", cliff), ("no_maintainer", maintainers == 0),
        ("single_maintainer", maintainers == 1),
        ("volunteer_only", maintainers > 0 and unpaid), ("free_riders", riders)) if on)
    return score, level, reasons


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


@dataclass(frozen=True)
class Snapshot:
    """What the risk rows need from the graph, for one data state: reachability done, records
    grouped by component. Independent of the day, horizon and withdrawn funders."""

    ids: list[str]
    names: list[str]
    by_id: list[int]  # component positions in id order
    prod_flat: list[str]  # reliant product ids of all components, one slice per component
    prod_ptr: list[int]  # component j's slice is prod_flat[prod_ptr[j]:prod_ptr[j + 1]]
    act_flat: list[str]
    act_ptr: list[int]
    flows: dict[int, list[tuple[str, str, date, date]]]  # funder, funding, start, end
    maintenance: dict[int, list[tuple[str, bool, date, date]]]  # actor, paid, since, until


_cache: dict[str, Snapshot] = {}  # data-state token -> snapshot; the latest state only
_cache_lock = threading.Lock()


def forget() -> None:
    """Drop the cached snapshot (the benchmark does, to time a computation from scratch)."""
    with _cache_lock:
        _cache.clear()


def snapshot(driver: Driver, settings: Settings | None = None) -> Snapshot:
    """The snapshot of the graph as it is now: computed, or reused when no write has committed
    since it was computed (any write by any client changes the data-state token)."""
    state = db.data_state(driver, settings=settings)
    with _cache_lock:
        hit = _cache.get(state)
    if hit is not None:
        return hit
    col, state_read = db.read_columns_with_state(driver, INPUTS, settings=settings)
    snap = _build(col)
    if state_read is not None:
        with _cache_lock:
            _cache.clear()
            _cache[state_read] = snap
    return snap


def risk_rows(driver: Driver, as_of: str, horizon: int, without: list[str],
              settings: Settings | None = None) -> list[dict[str, Any]]:
    """Rows with the same columns and order as the `risk` query, already plain: dates as
    ISO strings and every id list sorted."""
    with collector_paused():
        snap = snapshot(driver, settings)
        excluded = ({r["id"] for r in db.run(driver, "withdrawn_fundings",
                                             {"without": without}, settings=settings)}
                    if without else set())
        return _rows(snap, date.fromisoformat(as_of), horizon, excluded, set(without))


def _build(col: dict[str, list[Any]]) -> Snapshot:
    ids: list[str] = col["risk_inputs_components.ids"]
    names: list[str] = col["risk_inputs_components.names"]
    cid = {x: i for i, x in enumerate(ids)}
    n = len(ids)
    # Edges, maintenance and flows name components by internal node id; `position` maps
    # those to positions in `ids` by sorted search, and flags ids that are not components.
    nodes = np.asarray(col["risk_inputs_components.nodes"], dtype=np.int64)
    order = np.argsort(nodes)
    sorted_nodes = nodes[order]

    def position(column: str) -> tuple[np.ndarray, np.ndarray]:
        raw = np.asarray(col[column], dtype=np.int64)
        if not n:
            return np.zeros(len(raw), dtype=np.int64), np.zeros(len(raw), dtype=bool)
        at = np.minimum(np.searchsorted(sorted_nodes, raw), n - 1)
        return order[at], sorted_nodes[at] == raw

    # The loader writes DEPENDS_ON only between components; anything else is skipped.
    (src, src_ok), (dst, dst_ok) = (position("risk_inputs_edges.sources"),
                                    position("risk_inputs_edges.targets"))
    src, dst = src[src_ok & dst_ok], dst[src_ok & dst_ok]
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

    days: dict[str, date] = {}  # a few thousand distinct days among ~100k records

    def parse(text: str, default: date) -> date:
        if not text:
            return default
        d = days.get(text)
        if d is None:
            d = days[text] = date.fromisoformat(text)
        return d

    def grouped(query: str, first: str, second: str, start: str, end: str
                ) -> dict[int, list[tuple[Any, Any, date, date]]]:
        """(first, second, start day, end day) of each record, by component position."""
        out: dict[int, list[tuple[Any, Any, date, date]]] = defaultdict(list)
        at, ok = position(f"{query}.components")
        for j, is_component, a, b, s, e in zip(
                at.tolist(), ok.tolist(), col[f"{query}.{first}"], col[f"{query}.{second}"],
                col[f"{query}.{start}"], col[f"{query}.{end}"], strict=True):
            if is_component:
                out[j].append((a, b, parse(s, EARLY), parse(e, LATE)))
        return dict(out)

    # Reached ids in CSC order: column j's ids are one slice of a flat list (sorted, because
    # CSC indices are sorted and products and actors are sorted lists).
    return Snapshot(
        ids=ids, names=names, by_id=sorted(range(n), key=ids.__getitem__),
        prod_flat=np.asarray(products, dtype=object)[reach_p.indices].tolist(),
        prod_ptr=reach_p.indptr.tolist(),
        act_flat=np.asarray(actors, dtype=object)[reach_a.indices].tolist(),
        act_ptr=reach_a.indptr.tolist(),
        flows=grouped("risk_inputs_flows", "funders", "fundings", "starts", "ends"),
        maintenance=grouped("risk_inputs_maintenance", "actors", "paid", "since", "until"))


def _rows(snap: Snapshot, day: date, horizon: int, excluded: set[str], withdrawn: set[str]
          ) -> list[dict[str, Any]]:
    """The risk rows on `day`, without the fundings in `excluded` and the paid maintenance
    of the actors in `withdrawn`."""
    flow_by: dict[int, list[tuple[str, date, date]]] = {}
    for j, grants in snap.flows.items():
        kept = [(g, s, e) for g, f, s, e in grants if f not in excluded]
        if kept:
            flow_by[j] = kept
    maint_by = snap.maintenance
    if withdrawn:
        maint_by = {j: still for j, records in maint_by.items()
                    if (still := [m for m in records if not (m[1] and m[0] in withdrawn)])}
    any_paid = {j for j, records in maint_by.items() if any(m[1] for m in records)}
    horizon_end = day + timedelta(days=horizon)
    none: tuple[Any, ...] = _funding_state([], [], day, horizon_end)
    prod_flat, act_flat = snap.prod_flat, snap.act_flat
    rp_ptr, ra_ptr = snap.prod_ptr, snap.act_ptr
    verdicts: dict[tuple[Any, ...], tuple[int, str, tuple[str, ...]]] = {}
    ids, names = snap.ids, snap.names
    out: list[dict[str, Any]] = []
    for j in snap.by_id:  # rows in id order, so that a stable sort by score alone suffices
        c_id, c_name = ids[j], names[j]
        prods = prod_flat[rp_ptr[j]:rp_ptr[j + 1]]
        acts = act_flat[ra_ptr[j]:ra_ptr[j + 1]]
        fl = flow_by.get(j)
        mt = maint_by.get(j)
        if fl or j in any_paid:
            state = _funding_state(fl, mt, day, horizon_end)
        elif mt:  # volunteers only, no funding: who is active on the day
            active = [a for a, _, s, e in mt if s <= day <= e]
            state = (False, None, None, [],
                     active if len(active) < 2 else list(dict.fromkeys(active)), 0)
        else:
            state = none
        funded, funded_until, cliff, funders, maintainer_ids, paid_count = state
        maintainers = len(maintainer_ids)
        riders = ([a for a in acts if a not in funders and a not in maintainer_ids]
                  if funders or maintainer_ids else list(acts))
        k = len(acts)
        # The score, level and reasons depend on six small facts; most rows share them.
        key = (funded, cliff is not None, k if k < 20 else 20,
               maintainers if maintainers < 3 else 3, paid_count == 0, bool(riders))
        verdict = verdicts.get(key)
        if verdict is None:
            verdict = verdicts[key] = _verdict(*key)
        score, level, reasons = verdict
        shared = k >= 2
        out.append({
            "id": c_id, "name": c_name, "reliant_products": len(prods),
            "reliant_actors": k, "shared": shared, "funded": funded, "funders": funders,
            "funded_until": funded_until and funded_until.isoformat(),
            "cliff_date": cliff and cliff.isoformat(), "maintainers": maintainers,
            "paid_maintainers": paid_count, "hollow_core": shared and not funded,
            "free_riders": riders, "risk_score": score, "risk_level": level,
            "reasons": list(reasons), "reliant_product_ids": prods, "reliant_actor_ids": acts,
        })
    out.sort(key=itemgetter("risk_score"), reverse=True)  # stable: ties stay in id order
    return out
