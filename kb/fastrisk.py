"""The risk analysis computed in memory: the same answer as `cypher/analyses/risk.cypher`.

Five bulk reads, run at the same time and checked to have read one data state (see
`db.read_columns_with_state`), each a single row of aligned lists (components, dependency
edges as internal node ids, roots, maintenance flows, maintenance records), then
reachability with sparse matrices: starting from what each product is built on (and what
each actor relies on directly), one step along DEPENDS_ON per iteration, keeping only
components not reached before, until nothing new is reached. That is a breadth-first search
for all products at once; cycles end it like any other visited node. Funding periods, scores,
levels and reasons follow the Cypher definition line by line; tests compare the two engines on
every fixture.

Everything derived from the graph alone (the reads, reachability, records grouped by
component) is a `Snapshot`, kept while the database's data-state token (`db.data_state`) stays
the same; a question on another day, horizon or "without" only builds rows from it.

Rows are built in two ways. Components with a maintenance flow or a paid maintainer (about one
in eight) fold their records one by one, as the Cypher definition does. The others can only be
unfunded, so for them who is active on the day is counted with array operations over all of
their records at once. The score, level and reasons come from six small facts per row, and
are computed once per distinct combination.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import pickle
import tempfile
import threading
from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from neo4j import Driver

from kb import db
from kb.perf import collector_paused
from kb.settings import Settings, get_settings

if TYPE_CHECKING:
    from scipy import sparse

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
class Volunteers:
    """Maintenance records of components with no funding flow and no paid maintainer, as
    aligned arrays: what-ifs cannot change them, and the day only decides who is active."""

    component: np.ndarray  # component position
    actor: list[str]
    code: np.ndarray  # a number per distinct actor id, below `codes`
    reliant: np.ndarray  # the actor's position among the reliant actors, or -1
    since: np.ndarray  # day ordinals; open ends are EARLY and LATE
    until: np.ndarray
    codes: int


@dataclass(frozen=True)
class Snapshot:
    """What the risk rows need from the graph, for one data state: reachability done, records
    grouped by component. Independent of the day, horizon and withdrawn funders."""

    ids: list[str]
    names: list[str]
    by_id: np.ndarray  # component positions in id order
    prod_flat: list[str]  # reliant product ids of all components, one slice per component
    prod_ptr: list[int]  # component j's slice is prod_flat[prod_ptr[j]:prod_ptr[j + 1]]
    act_flat: list[str]
    act_ptr: list[int]
    reliant_actors: np.ndarray  # per component: len(its act_flat slice)
    reach_keys: np.ndarray  # sorted: component * len(actors) + actor position, per reliance
    actors: int  # how many reliant actors there are
    flows: dict[int, list[tuple[str, str, date, date]]]  # funder, funding, start, end
    # every maintenance record (actor, paid, since, until) of the components that have a
    # maintenance flow or a paid record; the other components' records are `volunteers`
    mixed: dict[int, list[tuple[str, bool, date, date]]]
    volunteers: Volunteers


_cache: dict[str, Snapshot] = {}  # data-state token -> snapshot; the latest state only
_cache_lock = threading.Lock()
# What a snapshot file must have been written with to be read: a number to bump when the
# meaning of a field changes, and the fields themselves (a renamed or added one counts too).
DISK_FORMAT = (1, tuple(f.name for f in fields(Snapshot)),
               tuple(f.name for f in fields(Volunteers)))


def snapshot_path(settings: Settings) -> Path:
    """Where the snapshot of the knowledge base at `settings`' server and database is kept
    between processes (one file per server and database, in the state directory)."""
    server = f"{db.server_uri(settings)}\n{settings.neo4j_database}"
    key = hashlib.sha256(server.encode()).hexdigest()[:16]
    return settings.kb_state_dir / "cache" / f"risk-snapshot-{key}.pickle"


def _remember(state: str, snap: Snapshot) -> None:
    with _cache_lock:
        _cache.clear()
        _cache[state] = snap


def _from_disk(settings: Settings, state: str) -> Snapshot | None:
    """The snapshot on disk when it was taken of data state `state`, else None. The file
    starts with (format, state), so a stale one is rejected without reading the rest."""
    try:
        with snapshot_path(settings).open("rb") as f:
            if pickle.load(f) != (DISK_FORMAT, state):
                return None
            snap = pickle.load(f)
    except Exception:  # a cache: missing, unreadable or foreign files are computed again
        return None
    return snap if isinstance(snap, Snapshot) else None


def _to_disk(settings: Settings, state: str, snap: Snapshot) -> None:
    """Keep `snap` for other processes; written to a temporary file (mode 0600) and renamed,
    so a reader sees the old file or the new one. A cache: if it cannot be written, the
    next process computes the snapshot itself."""
    path = snapshot_path(settings)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".risk-snapshot-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump((DISK_FORMAT, state), f, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(snap, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def held_state() -> str | None:
    """The data state of the snapshot held in this process's memory, if any."""
    with _cache_lock:
        return next(iter(_cache), None)


def forget(settings: Settings | None = None) -> None:
    """Drop the snapshot held in memory, and with `settings` also the one kept on disk for
    that knowledge base (the benchmark does both, to time a computation from scratch)."""
    with _cache_lock:
        _cache.clear()
    if settings is not None:
        snapshot_path(settings).unlink(missing_ok=True)


def snapshot(driver: Driver, settings: Settings | None = None) -> Snapshot:
    """The snapshot of the graph as it is now: reused when no write has committed since it
    was computed (any write by any client changes the data-state token), from this process's
    memory or from the file another process left (`kb load` leaves one after each load);
    otherwise computed, and kept in both places."""
    settings = settings or get_settings()
    state = db.data_state(driver, settings=settings)
    with _cache_lock:
        hit = _cache.get(state)
    if hit is None and (hit := _from_disk(settings, state)) is not None:
        _remember(state, hit)
    if hit is not None:
        return hit
    col, state_read = db.read_columns_with_state(driver, INPUTS, settings=settings)
    snap = _build(col)
    if state_read is not None:
        _remember(state_read, snap)
        _to_disk(settings, state_read, snap)
    return snap


def refresh(driver: Driver, settings: Settings | None = None) -> None:
    """After a write by kb itself: compute the snapshot of the graph as it is now and keep
    it, so that the next risk question, in any process, only builds rows. A cache: if Neo4j
    fails here, the write has still committed and the next question computes it instead."""
    from neo4j.exceptions import DriverError, Neo4jError

    with collector_paused(), contextlib.suppress(Neo4jError, DriverError):
        snapshot(driver, settings)


def risk_rows(driver: Driver, as_of: str, horizon: int, without: list[str],
              settings: Settings | None = None, limit: int | None = None
              ) -> tuple[list[dict[str, Any]], int]:
    """Rows with the same columns and order as the `risk` query, already plain: dates as
    ISO strings and every id list sorted; with `limit`, only that many of the most urgent
    (the others are ranked but not built). Also returns how many components there are."""
    with collector_paused():
        snap = snapshot(driver, settings)
        excluded = ({r["id"] for r in db.run(driver, "withdrawn_fundings",
                                             {"without": without}, settings=settings)}
                    if without else set())
        rows = _rows(snap, date.fromisoformat(as_of), horizon, excluded, set(without), limit)
        return rows, len(snap.ids)


def _build(col: dict[str, list[Any]]) -> Snapshot:
    from scipy import sparse  # here, not at the top: a snapshot read from disk needs none

    ids: list[str] = col["risk_inputs_components.ids"]
    names: list[str] = col["risk_inputs_components.names"]
    cid = {x: i for i, x in enumerate(ids)}
    n = len(ids)
    # Edges, maintenance and flows name components by internal node id; `position` maps
    # those to positions in `ids` through a table indexed by node id (node ids are dense:
    # Neo4j reuses freed ones), and flags ids that are not components.
    nodes = np.asarray(col["risk_inputs_components.nodes"], dtype=np.int64)
    table = np.full(int(nodes.max()) + 2 if n else 1, -1, dtype=np.int64)
    table[nodes] = np.arange(n)

    def position(column: str) -> tuple[np.ndarray, np.ndarray]:
        at = table[np.minimum(np.asarray(col[column], dtype=np.int64), len(table) - 1)]
        return at, at >= 0

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
    reach_p.sort_indices()
    reach_a.sort_indices()
    per_component = np.diff(reach_a.indptr)

    days: dict[str, date] = {}  # a few thousand distinct days among ~100k records

    def parse(text: str, default: date) -> date:
        if not text:
            return default
        d = days.get(text)
        if d is None:
            d = days[text] = date.fromisoformat(text)
        return d

    def grouped(query: str, first: str, second: str, start: str, end: str,
                at: np.ndarray, keep: np.ndarray
                ) -> dict[int, list[tuple[Any, Any, date, date]]]:
        """(first, second, start day, end day) of the kept records, by component position."""
        out: dict[int, list[tuple[Any, Any, date, date]]] = defaultdict(list)
        a, b = col[f"{query}.{first}"], col[f"{query}.{second}"]
        s, e = col[f"{query}.{start}"], col[f"{query}.{end}"]
        for i, j in zip(np.flatnonzero(keep).tolist(), at[keep].tolist(), strict=True):
            out[j].append((a[i], b[i], parse(s[i], EARLY), parse(e[i], LATE)))
        return dict(out)

    f_at, f_ok = position("risk_inputs_flows.components")
    flows = grouped("risk_inputs_flows", "funders", "fundings", "starts", "ends", f_at, f_ok)
    m = "risk_inputs_maintenance"
    m_at, m_ok = position(f"{m}.components")
    paid = np.asarray(col[f"{m}.paid"], dtype=bool)
    in_mixed = m_ok & np.isin(m_at, np.union1d(f_at[f_ok], m_at[m_ok & paid]))
    mixed = grouped(m, "actors", "paid", "since", "until", m_at, in_mixed)
    v = np.flatnonzero(m_ok & ~in_mixed)
    v_rows = v.tolist()
    v_actor = [col[f"{m}.actors"][i] for i in v_rows]
    code: dict[str, int] = {}

    def ordinals(column: str, default: date) -> np.ndarray:
        texts = [col[f"{m}.{column}"][i] for i in v_rows]
        day_of = {t: parse(t, default).toordinal() for t in set(texts)}
        return np.fromiter(map(day_of.__getitem__, texts), np.int64, len(texts))

    volunteers = Volunteers(
        component=m_at[v], actor=v_actor,
        code=np.fromiter((code.setdefault(a, len(code)) for a in v_actor), np.int64, len(v)),
        reliant=np.fromiter((aid.get(a, -1) for a in v_actor), np.int64, len(v)),
        since=ordinals("since", EARLY), until=ordinals("until", LATE), codes=len(code))
    # Reached ids in CSC order: column j's ids are one slice of a flat list (sorted, because
    # CSC indices are sorted and products and actors are sorted lists).
    return Snapshot(
        ids=ids, names=names, by_id=np.asarray(sorted(range(n), key=ids.__getitem__),
                                               dtype=np.int64),
        prod_flat=np.asarray(products, dtype=object)[reach_p.indices].tolist(),
        prod_ptr=reach_p.indptr.tolist(),
        act_flat=np.asarray(actors, dtype=object)[reach_a.indices].tolist(),
        act_ptr=reach_a.indptr.tolist(), reliant_actors=per_component,
        reach_keys=np.repeat(np.arange(n, dtype=np.int64), per_component) * len(actors)
        + reach_a.indices,
        actors=len(actors), flows=flows, mixed=mixed, volunteers=volunteers)


def _volunteer_maintainers(snap: Snapshot, day: date
                           ) -> tuple[np.ndarray, dict[int, set[str]]]:
    """Per component, how many distinct volunteers maintain it on `day` (components in
    `snap.mixed` count 0 here), and for components where some of them are also reliant
    actors, which those are (they are no free riders)."""
    v, d, n = snap.volunteers, day.toordinal(), len(snap.ids)
    on = (v.since <= d) & (d <= v.until)
    pairs = np.unique(v.component[on] * v.codes + v.code[on])
    count = np.bincount(pairs // max(v.codes, 1), minlength=n)
    relying: dict[int, set[str]] = defaultdict(set)
    if len(snap.reach_keys):
        sel = np.flatnonzero(on & (v.reliant >= 0))
        keys = v.component[sel] * snap.actors + v.reliant[sel]
        at = np.minimum(np.searchsorted(snap.reach_keys, keys), len(snap.reach_keys) - 1)
        for i in sel[snap.reach_keys[at] == keys].tolist():
            relying[int(v.component[i])].add(v.actor[i])
    return count, relying


def _rows(snap: Snapshot, day: date, horizon: int, excluded: set[str], withdrawn: set[str],
          limit: int | None = None) -> list[dict[str, Any]]:
    """The risk rows on `day`, without the fundings in `excluded` and the paid maintenance
    of the actors in `withdrawn`; the `limit` most urgent only, if given."""
    n = len(snap.ids)
    horizon_end = day + timedelta(days=horizon)
    act_flat, act_ptr = snap.act_flat, snap.act_ptr
    # Volunteer-only components, all at once: no funding, nobody paid.
    maintainers, relying = _volunteer_maintainers(snap, day)
    funded, cliff = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    paid = np.zeros(n, dtype=np.int64)
    riders_of: dict[int, list[str]] = {
        j: [a for a in act_flat[act_ptr[j]:act_ptr[j + 1]] if a not in who]
        for j, who in relying.items()}
    # Components with a funding flow or paid maintenance, one by one.
    funding: dict[int, tuple[list[str], date | None, date | None]] = {}
    for j in snap.flows.keys() | snap.mixed.keys():
        fl = [(g, s, e) for g, f, s, e in snap.flows.get(j, ()) if f not in excluded]
        mt = snap.mixed.get(j, [])
        if withdrawn:
            mt = [r for r in mt if not (r[1] and r[0] in withdrawn)]
        is_funded, until, cliff_day, funders, maintainer_ids, paid_count = _funding_state(
            fl, mt, day, horizon_end)
        funded[j], cliff[j], paid[j] = is_funded, cliff_day is not None, paid_count
        maintainers[j] = len(maintainer_ids)
        funding[j] = funders, until, cliff_day
        if funders or maintainer_ids:
            riders_of[j] = [a for a in act_flat[act_ptr[j]:act_ptr[j + 1]]
                            if a not in funders and a not in maintainer_ids]
    reliant = snap.reliant_actors
    has_riders = reliant > 0
    for j, some in riders_of.items():
        has_riders[j] = bool(some)
    # The score, level and reasons depend on six small facts (numbered together as one
    # index into their ranges); most rows share them.
    ranges = (2, 2, 21, 4, 2, 2)
    facts = np.ravel_multi_index((funded, cliff, np.minimum(reliant, 20),
                                  np.minimum(maintainers, 3), paid == 0, has_riders), ranges)
    distinct, which = np.unique(facts, return_inverse=True)
    verdicts = [_verdict(bool(f), bool(c), k, m, bool(u), bool(r)) for f, c, k, m, u, r
                in zip(*(x.tolist() for x in np.unravel_index(distinct, ranges)), strict=True)]
    scores = np.asarray([v[0] for v in verdicts], dtype=np.int64)[which]
    # Rows by score, ties in id order (the order of the Cypher definition).
    order = snap.by_id[np.argsort(-scores[snap.by_id], kind="stable")][:limit]
    ids, names, prod_flat, prod_ptr = snap.ids, snap.names, snap.prod_flat, snap.prod_ptr
    funded_l, maintainers_l, paid_l, which_l = (
        funded.tolist(), maintainers.tolist(), paid.tolist(), which.tolist())
    unfunded: tuple[list[str], None, None] = ([], None, None)
    out: list[dict[str, Any]] = []
    for j in order.tolist():
        prods = prod_flat[prod_ptr[j]:prod_ptr[j + 1]]
        acts = act_flat[act_ptr[j]:act_ptr[j + 1]]
        k = len(acts)
        funders, until, cliff_day = funding.get(j, unfunded)
        riders = riders_of.get(j)
        score, level, reasons = verdicts[which_l[j]]
        shared = k >= 2
        out.append({
            "id": ids[j], "name": names[j], "reliant_products": len(prods),
            "reliant_actors": k, "shared": shared, "funded": funded_l[j],
            "funders": list(funders), "funded_until": until and until.isoformat(),
            "cliff_date": cliff_day and cliff_day.isoformat(), "maintainers": maintainers_l[j],
            "paid_maintainers": paid_l[j], "hollow_core": shared and not funded_l[j],
            "free_riders": list(acts) if riders is None else riders, "risk_score": score,
            "risk_level": level, "reasons": list(reasons), "reliant_product_ids": prods,
            "reliant_actor_ids": acts,
        })
    return out
