"""The risk engine's snapshot of the graph: everything the risk rows need that depends on
the data alone (not on the day, horizon or what-if), built from five bulk reads.

Each read is a single row of aligned lists (components, dependency edges as internal node ids,
roots, maintenance flows, maintenance records). Reachability uses sparse matrices: starting
from what each product is built on (and what each actor relies on directly), one step along
DEPENDS_ON per iteration, keeping only components not reached before, until nothing new is
reached. That is a breadth-first search for all products at once; cycles end it like any
other visited node.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from kb.analysis.scoring import EARLY, LATE

if TYPE_CHECKING:
    from scipy import sparse


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
    # the fundings that pay each of those records (empty: its maintainer's own means),
    # aligned with `mixed`
    mixed_paid_by: dict[int, list[tuple[str, ...]]]
    volunteers: Volunteers
    # What is known, per component (independent of the day and of what-ifs): funding when a
    # source covers it or a maintenance flow or paid maintenance is recorded; maintenance when
    # a source covers it or any maintenance record exists.
    funding_known: np.ndarray
    maintenance_known: np.ndarray


def build(col: dict[str, list[Any]]) -> Snapshot:
    """The snapshot of the columns that `INPUTS` read (see `db.read_columns_with_state`)."""
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
    paid_by_col = col[f"{m}.paid_by"]
    mixed_paid_by: dict[int, list[tuple[str, ...]]] = defaultdict(list)
    for i, j in zip(np.flatnonzero(in_mixed).tolist(), m_at[in_mixed].tolist(), strict=True):
        mixed_paid_by[j].append(tuple(paid_by_col[i] or ()))
    v = np.flatnonzero(m_ok & ~in_mixed)
    v_rows = v.tolist()
    v_actor = [col[f"{m}.actors"][i] for i in v_rows]
    code: dict[str, int] = {}

    def ordinals(column: str, default: date) -> np.ndarray:
        texts = [col[f"{m}.{column}"][i] for i in v_rows]
        day_of = {t: parse(t, default).toordinal() for t in set(texts)}
        return np.fromiter(map(day_of.__getitem__, texts), np.int64, len(texts))

    covers = col["risk_inputs_components.covers"]
    funding_known = np.fromiter(("funding" in c for c in covers), bool, n)
    maintenance_known = np.fromiter(("maintenance" in c for c in covers), bool, n)
    funding_known[f_at[f_ok]] = True
    funding_known[m_at[m_ok & paid]] = True
    maintenance_known[m_at[m_ok]] = True
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
        actors=len(actors), flows=flows, mixed=mixed, mixed_paid_by=dict(mixed_paid_by),
        volunteers=volunteers,
        funding_known=funding_known, maintenance_known=maintenance_known)
