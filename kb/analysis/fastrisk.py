"""The risk analysis computed in memory: the same answer as `cypher/analyses/risk.cypher`.

The graph is read once per data state into a `Snapshot` (`kb.analysis.snapshot`: five bulk
reads, reachability with sparse matrices), kept in the process's result cache (`kb.cache`)
and in a file for other processes; a question on another day, horizon or "without" only
builds rows from it. Funding periods, scores, levels and reasons follow the Cypher definition
(`kb.analysis.scoring` holds the figures both use); tests compare the two engines on every
fixture.

Rows are built in two ways. Components with a maintenance flow or a paid maintainer (about one
in eight) fold their records one by one, as the Cypher definition does. The others can only be
unfunded, so for them who is active on the day is counted with array operations over all of
their records at once. The score, level and reasons come from six small facts per row, and
are computed once per distinct combination.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import math
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple, overload

import numpy as np
from neo4j import Driver
from neo4j.exceptions import DriverError, Neo4jError

from kb import cache
from kb.analysis import scoring
from kb.analysis.scoring import LATE, funding_state, verdict
from kb.analysis.snapshot import INPUTS, Snapshot, Volunteers, build
from kb.perf import collector_paused
from kb.settings import Settings, get_settings
from kb.store import db, events

SNAPSHOT = ("risk-snapshot",)  # the snapshot's question in the result cache
# What a snapshot file must have been written with to be read: a number to bump when the
# meaning of a field changes, and the fields themselves (a renamed or added one counts too).
DISK_FORMAT = (2, tuple(f.name for f in fields(Snapshot)),
               tuple(f.name for f in fields(Volunteers)))


def snapshot_path(settings: Settings) -> Path:
    """Where the snapshot of the knowledge base at `settings`' server and database is kept
    between processes (one file per server and database, in the state directory)."""
    server = f"{db.server_uri(settings)}\n{settings.neo4j_database}"
    key = hashlib.sha256(server.encode()).hexdigest()[:16]
    return settings.kb_state_dir / "cache" / f"risk-snapshot-{key}.pickle"


_BUILDING = threading.Lock()  # held while this process reads and builds a snapshot


def _slot(settings: Settings) -> cache.DiskSlot:
    return cache.DiskSlot(snapshot_path(settings), DISK_FORMAT)


def held_state() -> str | None:
    """The data state of the snapshot held in this process's memory, if any."""
    found = cache.results.find(SNAPSHOT)
    return found[0] if found else None


def forget(settings: Settings | None = None) -> None:
    """Drop the snapshot held in memory, and with `settings` also the one kept on disk for
    that knowledge base (the benchmark does both, to time a computation from scratch)."""
    cache.results.discard(SNAPSHOT)
    if settings is not None:
        _slot(settings).remove()


def snapshot(driver: Driver, settings: Settings | None = None) -> Snapshot:
    """The snapshot of the graph as it is now: reused when no write has committed since it
    was computed (any write by any client changes the data-state token), from this process's
    memory or from the file another process left (`kb load` leaves one after each load);
    otherwise computed, and kept in both places."""
    settings = settings or get_settings()
    state = db.data_state(driver, settings=settings)
    hit = cache.results.get(state, SNAPSHOT)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    # One at a time: the panel's first questions after a write (a page, a what-if, the
    # keeper) would otherwise each read and build the whole graph side by side, at a
    # million components seconds and gigabytes each. The others then find it kept.
    with _BUILDING:
        hit = cache.results.get(state, SNAPSHOT)
        if hit is None and (hit := _slot(settings).read(state, Snapshot)) is not None:
            cache.results.put(state, SNAPSHOT, hit)
        if hit is not None:
            return hit  # type: ignore[no-any-return]
        col, state_read = db.read_columns_with_state(driver, INPUTS, settings=settings)
        snap = build(col)
        if state_read is not None:
            cache.results.put(state_read, SNAPSHOT, snap)
            _slot(settings).write(state_read, snap)
        return snap


def refresh(driver: Driver, settings: Settings | None = None) -> None:
    """After a write by kb itself: compute the snapshot of the graph as it is now and keep
    it, so that the next risk question, in any process, only builds rows. A cache: if Neo4j
    fails here, the write has still committed and the next question computes it instead."""
    with collector_paused(), contextlib.suppress(Neo4jError, DriverError):
        snapshot(driver, settings)


def on_commit(event: events.Committed) -> None:
    """The subscriber to committed writes: renew the snapshot for the state they left."""
    refresh(event.driver, event.settings)


def subscribe() -> None:
    """Renew the snapshot after every write kb commits (the CLI and the panel call this)."""
    events.subscribe(on_commit)


def risk_rows(driver: Driver, as_of: str, horizon: int, without: list[str],
              settings: Settings | None = None, limit: int | None = None,
              leave: list[str] | None = None, fund: list[dict[str, Any]] | None = None
              ) -> tuple[list[dict[str, Any]], int, dict[str, Any]]:
    """Rows with the same columns and order as the `risk` query, already plain: dates as
    ISO strings and every id list sorted; with `limit`, only that many of the most urgent
    (the others are ranked but not built). Also returns how many components there are, and
    the coverage figures of all of them (`scoring.coverage`). `without` withdraw their
    money, `leave` leave the network, `fund` are hypothetical maintenance grants
    ({component, start, end}) from the funder "what-if" (README, "What-ifs")."""
    with collector_paused():
        snap = snapshot(driver, settings)
        w = _what_if(driver, snap, without, leave or [], fund or [], settings)
        rows = _rows(snap, date.fromisoformat(as_of), horizon, w.excluded, w.withdrawn, limit,
                     w.leave, w.gone, w.extra)
        # Coverage of the network the what-if leaves: who relies on what changes when
        # actors leave.
        reliant = (_without_leavers(snap, w.leave, w.gone)[4] if w.leave
                   else snap.reliant_actors)
        known = scoring.coverage(reliant, snap.funding_known, snap.maintenance_known)
        return rows, len(snap.ids), known


class _WhatIf(NamedTuple):
    """A what-if as `_assess` takes it (README, "What-ifs")."""

    excluded: set[str]  # fundings that stop
    withdrawn: set[str]  # actors whose own means stop paying their maintenance
    leave: set[str]
    gone: set[str]  # products of the actors that leave
    extra: dict[int, list[tuple[str, date, date]]]  # hypothetical grants by position


def _what_if(driver: Driver, snap: Snapshot, without: list[str], leave: list[str],
             fund: list[dict[str, Any]], settings: Settings | None) -> _WhatIf:
    """The fundings, actors, products and grants a what-if stops, removes or adds, read from
    the graph (`fund`: {component, start, end} with ids the caller has checked)."""
    stopping = sorted(set(without) | set(leave))
    excluded = ({r["id"] for r in db.run(driver, "withdrawn_fundings",
                                         {"without": stopping}, settings=settings)}
                if stopping else set())
    gone = ({r["id"] for r in db.run(driver, "left_products", {"leave": leave},
                                     settings=settings)} if leave else set())
    at = {cid: j for j, cid in enumerate(snap.ids)} if fund else {}
    return _WhatIf(excluded, set(stopping), set(leave), gone, _grants_at(at, fund))


def _grants_at(at: dict[str, int], fund: list[dict[str, Any]]
               ) -> dict[int, list[tuple[str, date, date]]]:
    """Hypothetical grants ({component, start, end}) as `_assess` takes them: (funder,
    start, end) by component position (`at`: id -> position)."""
    extra: dict[int, list[tuple[str, date, date]]] = defaultdict(list)
    days_of: dict[str, date] = {}  # the grants share a few start and end days
    for x in fund:
        start = days_of.get(x["start"]) or days_of.setdefault(
            x["start"], date.fromisoformat(x["start"]))
        end = days_of.get(x["end"]) or days_of.setdefault(
            x["end"], date.fromisoformat(x["end"]))
        extra[at[x["component"]]].append(("what-if", start, end))
    return dict(extra)


def scores(driver: Driver, days: list[str], horizon: int, fund: list[dict[str, Any]],
           settings: Settings | None = None, memo: dict[Any, Any] | None = None
           ) -> tuple[list[str], np.ndarray, np.ndarray]:
    """For the planner: the component ids, how many actors rely on each, and the risk score
    of each on each of `days` (one row per day) with the hypothetical grants `fund`
    ({component, start, end}, ids the caller has checked) applied; the same scores as the
    rows of `risk_rows`, without building the rows. A caller asking about many sets of
    grants passes the same `memo` dict each time: what each day holds before the grants is
    then worked out once (for one data state: a new snapshot clears it)."""
    with collector_paused():
        snap = snapshot(driver, settings)
        if memo is not None and memo.get("snapshot") is not snap:
            memo.clear()
            memo["snapshot"] = snap
        at = memo.get("at") if memo is not None else None
        if at is None:
            at = {cid: j for j, cid in enumerate(snap.ids)}
            if memo is not None:
                memo["at"] = at
        extra = _grants_at(at, fund)
        alone = _alone(snap, extra)
        table = np.stack([_assess(snap, date.fromisoformat(d), horizon, set(), set(),
                                  extra=extra, memo=memo, alone=alone,
                                  scores_only=True).scores for d in days])
        return snap.ids, snap.reliant_actors, table


class _Alone(NamedTuple):
    """The components funded by one hypothetical grant alone (no flow, no paid maintenance
    on record): their positions and the grants' first and last days, as arrays."""

    js: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    others: list[int]  # the other components with grants, worked out one by one


def _alone(snap: Snapshot, extra: dict[int, list[tuple[str, date, date]]]) -> _Alone:
    """`_Alone` of `extra`: worked out once for every day a set of grants is assessed on."""
    alone = [j for j, grants in extra.items()
             if len(grants) == 1 and j not in snap.flows and j not in snap.mixed]
    return _Alone(np.asarray(alone, dtype=np.int64),
                  np.asarray([extra[j][0][1].toordinal() for j in alone], dtype=np.int64),
                  np.asarray([extra[j][0][2].toordinal() for j in alone], dtype=np.int64),
                  list(extra.keys() - set(alone)))


def _volunteer_maintainers(snap: Snapshot, day: date, leave: set[str]
                           ) -> tuple[np.ndarray, dict[int, set[str]]]:
    """Per component, how many distinct volunteers maintain it on `day` (components in
    `snap.mixed` count 0 here), and for components where some of them are also reliant
    actors, which those are (they are no free riders). Actors in `leave` maintain nothing."""
    v, d, n = snap.volunteers, day.toordinal(), len(snap.ids)
    on = (v.since <= d) & (d <= v.until)
    if leave:
        on &= ~np.fromiter((a in leave for a in v.actor), bool, len(v.actor))
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


def _without_leavers(snap: Snapshot, leave: set[str], gone: set[str]
                     ) -> tuple[list[str], list[int], list[str], list[int], np.ndarray]:
    """The reliance lists (products, actors, per component) with the leaving actors and the
    products they own taken out."""
    prod_flat: list[str] = []
    prod_ptr = [0]
    act_flat: list[str] = []
    act_ptr = [0]
    for j in range(len(snap.ids)):
        prod_flat += [p for p in snap.prod_flat[snap.prod_ptr[j]:snap.prod_ptr[j + 1]]
                      if p not in gone]
        prod_ptr.append(len(prod_flat))
        act_flat += [a for a in snap.act_flat[snap.act_ptr[j]:snap.act_ptr[j + 1]]
                     if a not in leave]
        act_ptr.append(len(act_flat))
    return prod_flat, prod_ptr, act_flat, act_ptr, np.diff(np.asarray(act_ptr, dtype=np.int64))


class _Assessment(NamedTuple):
    """What a what-if leaves on one day, per component position: the facts behind the
    scores, and each component's score as an index into `verdicts`."""

    prod_flat: list[str]
    prod_ptr: list[int]
    act_flat: list[str]
    act_ptr: list[int]
    reliant: np.ndarray
    funded: np.ndarray
    maintainers: np.ndarray
    paid: np.ndarray
    riders_of: dict[int, list[str]]
    funding: dict[int, tuple[list[str], date | None, date | None]]
    verdicts: list[tuple[int, str, tuple[str, ...]]]
    which: np.ndarray
    scores: np.ndarray


class _Base(NamedTuple):
    """What a day holds before any hypothetical grant, for `_assess`: the per-component facts
    (funded, cliff, paid, maintainers), who rides free where it is known, and the funding of
    each funded component."""

    funded: np.ndarray
    cliff: np.ndarray
    paid: np.ndarray
    maintainers: np.ndarray
    riders_of: dict[int, list[str]]
    funding: dict[int, tuple[list[str], date | None, date | None]]


def _assess(snap: Snapshot, day: date, horizon: int, excluded: set[str], withdrawn: set[str],
            leave: set[str] | None = None, gone: set[str] | None = None,
            extra: dict[int, list[tuple[str, date, date]]] | None = None,
            memo: dict[Any, _Base] | None = None, alone: _Alone | None = None,
            scores_only: bool = False) -> _Assessment:
    """The facts and scores on `day` in a what-if (README, "What-ifs"): the fundings in
    `excluded` stop; maintenance paid only by them, or by the own means of an actor in
    `withdrawn`, counts as unpaid; actors in `leave` maintain and rely on nothing, and the
    products in `gone` (theirs) are no more; `extra` are hypothetical maintenance flows
    (funder, start, end) by component position. `memo` keeps what a day holds before the
    grants between calls that differ only in `extra` (the planner makes dozens); `alone` is
    `_alone(snap, extra)` when the caller assesses the same grants on several days.
    `scores_only`: the planner reads the scores alone, so the funding of each component
    (who, until when, the cliff), which only rows show, is not worked out for the grants."""
    n = len(snap.ids)
    leave, gone, extra = leave or set(), gone or set(), extra or {}
    horizon_end = day + timedelta(days=horizon)
    prod_flat, prod_ptr = snap.prod_flat, snap.prod_ptr
    act_flat, act_ptr = snap.act_flat, snap.act_ptr
    reliant = snap.reliant_actors
    if leave:
        prod_flat, prod_ptr, act_flat, act_ptr, reliant = _without_leavers(snap, leave, gone)

    def flow_state(j: int, funded: np.ndarray, cliff: np.ndarray, paid: np.ndarray,
                   maintainers: np.ndarray, riders_of: dict[int, list[str]],
                   funding: dict[int, tuple[list[str], date | None, date | None]]) -> None:
        """Fold component j's funding flows (and grants) and maintenance records."""
        fl = [(g, s, e) for g, f, s, e in snap.flows.get(j, ()) if f not in excluded]
        fl += extra.get(j, [])
        mt = snap.mixed.get(j, [])
        if withdrawn:
            mt = [(a, was_paid and not _stopped(a, by, withdrawn, excluded), s, e)
                  for (a, was_paid, s, e), by in zip(mt, snap.mixed_paid_by.get(j, ()),
                                                     strict=True) if a not in leave]
        is_funded, until, cliff_day, funders, maintainer_ids, paid_count = funding_state(
            fl, mt, day, horizon_end)
        funded[j], cliff[j], paid[j] = is_funded, cliff_day is not None, paid_count
        funding[j] = funders, until, cliff_day
        if j not in snap.mixed and j not in snap.flows:
            # Funded only by a hypothetical grant: its maintainers are volunteers, counted
            # above, and the what-if funder is no actor that could ride free.
            return
        maintainers[j] = len(maintainer_ids)
        if funders or maintainer_ids:
            riders_of[j] = [a for a in act_flat[act_ptr[j]:act_ptr[j + 1]]
                            if a not in funders and a not in maintainer_ids]

    key = (day, horizon) if memo is not None and not (excluded or withdrawn or leave) else None
    base = memo.get(key) if memo is not None and key is not None else None
    if base is None:
        # Volunteer-only components, all at once: no funding, nobody paid.
        volunteers, relying = _volunteer_maintainers(snap, day, leave)
        base = _Base(np.zeros(n, dtype=bool), np.zeros(n, dtype=bool),
                     np.zeros(n, dtype=np.int64), volunteers,
                     {j: [a for a in act_flat[act_ptr[j]:act_ptr[j + 1]] if a not in who]
                      for j, who in relying.items()}, {})
        # Components with a funding flow or paid maintenance, one by one.
        for j in snap.flows.keys() | snap.mixed.keys():
            flow_state(j, base.funded, base.cliff, base.paid, base.maintainers,
                       base.riders_of, base.funding)
        if memo is not None and key is not None:
            memo[key] = base
    funded, cliff, paid, maintainers = base.funded, base.cliff, base.paid, base.maintainers
    riders_of, funding = base.riders_of, base.funding
    if extra:
        # A grant's component is worked out again below from the same records plus the
        # grant: what it holds before comes from volunteers alone (no flow, nobody paid) or
        # from its flows, which the grant only adds to, so nothing needs undoing first.
        funded, cliff, paid, maintainers = (x.copy() for x in (funded, cliff, paid, maintainers))
        riders_of = dict(riders_of)
        funding = {} if scores_only else dict(funding)  # (scores only: written, never read)
    # Components funded by one hypothetical grant alone (the planner funds thousands at
    # once), all at once: funded while it runs, until its end, a cliff the day after when
    # that falls within the horizon; their maintainers are volunteers, counted above.
    if alone is None:
        alone = _alone(snap, extra)
    if len(alone.js):
        js, ends = alone.js, alone.ends
        on = (alone.starts <= day.toordinal()) & (day.toordinal() <= ends)
        open_end = ends == LATE.toordinal()
        funded[js] = on
        cliff[js] = on & ~open_end & (ends < horizon_end.toordinal())
        if not scores_only:
            for j, end, closing in zip(js[on].tolist(), ends[on].tolist(),
                                       (cliff[js] & on)[on].tolist(), strict=True):
                until = None if end == LATE.toordinal() else date.fromordinal(end)
                funding[j] = (sorted({extra[j][0][0]}), until,
                              date.fromordinal(end + 1) if closing else None)
    for j in alone.others:
        flow_state(j, funded, cliff, paid, maintainers, riders_of, funding)
    known_f, known_m = snap.funding_known, snap.maintenance_known
    # Free riders need evidence on both sides: that an actor neither funds nor maintains it.
    has_riders = (reliant > 0) & known_f & known_m
    for j, some in riders_of.items():
        has_riders[j] = bool(some) and bool(known_f[j] and known_m[j])
    # The score, level and reasons depend on eight small facts (numbered together as one
    # index into their ranges); most rows share them.
    ranges = (2, 2, 21, 4, 2, 2, 2, 2)
    facts = np.ravel_multi_index((funded, cliff, np.minimum(reliant, 20),
                                  np.minimum(maintainers, 3), paid == 0, has_riders, known_f,
                                  known_m), ranges)
    distinct, which = _distinct(facts, math.prod(ranges))
    verdicts = [verdict(bool(f), bool(c), k, m, bool(u), bool(r), bool(kf), bool(km))
                for f, c, k, m, u, r, kf, km
                in zip(*(x.tolist() for x in np.unravel_index(distinct, ranges)), strict=True)]
    scores = np.asarray([v[0] for v in verdicts], dtype=np.int64)[which]
    return _Assessment(prod_flat, prod_ptr, act_flat, act_ptr, reliant, funded, maintainers,
                       paid, riders_of, funding, verdicts, which, scores)


def _distinct(values: np.ndarray, bound: int) -> tuple[np.ndarray, np.ndarray]:
    """`np.unique(values, return_inverse=True)` for values in range(bound), by counting
    rather than sorting: the facts of a million components take 5,376 values at most."""
    distinct = np.flatnonzero(np.bincount(values, minlength=bound))
    at = np.zeros(bound, dtype=np.int64)
    at[distinct] = np.arange(len(distinct))
    return distinct, at[values]


def _row_maker(snap: Snapshot, a: _Assessment) -> Callable[[int], dict[str, Any]]:
    """A function building the risk row of component position j from an assessment (the
    columns of `risk.cypher`); the rows share their small lists (an answer is read, never
    changed)."""
    prod_flat, prod_ptr, act_flat, act_ptr = a.prod_flat, a.prod_ptr, a.act_flat, a.act_ptr
    verdicts, riders_of, funding = a.verdicts, a.riders_of, a.funding
    ids, names = snap.ids, snap.names
    funded_l, maintainers_l, paid_l, which_l = (
        a.funded.tolist(), a.maintainers.tolist(), a.paid.tolist(), a.which.tolist())
    known_f_l, known_m_l = snap.funding_known.tolist(), snap.maintenance_known.tolist()
    # What is unknown and the confidence, for each of the four combinations of knowledge.
    knowledge = {(fk, mk): ([u for u, known in (("funding", fk), ("maintenance", mk))
                             if not known], scoring.confidence(fk, mk))
                 for fk in (True, False) for mk in (True, False)}
    unfunded: tuple[list[str], None, None] = ([], None, None)

    def make(j: int) -> dict[str, Any]:
        prods = prod_flat[prod_ptr[j]:prod_ptr[j + 1]]
        acts = act_flat[act_ptr[j]:act_ptr[j + 1]]
        k = len(acts)
        funders, until, cliff_day = funding.get(j, unfunded)
        fk, mk = known_f_l[j], known_m_l[j]
        unknown, confidence = knowledge[fk, mk]
        riders = riders_of.get(j)
        if not (fk and mk):
            riders = []  # no evidence that any relying actor neither funds nor maintains it
        elif riders is None:
            riders = list(acts)
        score, level, reasons = verdicts[which_l[j]]
        shared = k >= 2
        return {
            "id": ids[j], "name": names[j], "reliant_products": len(prods),
            "reliant_actors": k, "shared": shared, "funded": funded_l[j],
            "funders": list(funders), "funded_until": until and until.isoformat(),
            "cliff_date": cliff_day and cliff_day.isoformat(), "maintainers": maintainers_l[j],
            "paid_maintainers": paid_l[j], "hollow_core": shared and fk and not funded_l[j],
            "free_riders": riders, "risk_score": score,
            "risk_level": level, "reasons": list(reasons),
            "funding_known": fk, "maintenance_known": mk,
            "unknown": unknown, "confidence": confidence,
            "reliant_product_ids": prods, "reliant_actor_ids": acts,
        }

    return make


def _urgency(snap: Snapshot, a: _Assessment) -> np.ndarray:
    """Component positions, most urgent first: by score, then by how many actors and
    products rely on it, then by id (the order of the Cypher definition)."""
    n = len(snap.ids)
    rank = np.empty(n, dtype=np.int64)
    rank[snap.by_id] = np.arange(n)
    products_n = np.diff(np.asarray(a.prod_ptr, dtype=np.int64))
    return np.lexsort((rank, -products_n, -a.reliant, -a.scores))


def _rows(snap: Snapshot, day: date, horizon: int, excluded: set[str], withdrawn: set[str],
          limit: int | None = None, leave: set[str] | None = None,
          gone: set[str] | None = None,
          extra: dict[int, list[tuple[str, date, date]]] | None = None
          ) -> list[dict[str, Any]]:
    """The risk rows on `day` in a what-if (see `_assess`), the `limit` most urgent only if
    given."""
    a = _assess(snap, day, horizon, excluded, withdrawn, leave, gone, extra)
    make = _row_maker(snap, a)
    return [make(j) for j in _urgency(snap, a)[:limit].tolist()]


class RiskTable:
    """The risk of every component on one day, for a horizon and a what-if, in columns:
    numpy arrays over component positions, ranked most urgent first. The panel keeps this
    instead of a million row dicts (1.6 GB at 1M components, against about 230 MB here);
    rows are built only for what a page shows (`view`), and filters, search and sort work on
    the columns (`matching`). A what-if's table compares itself with the baseline table
    `before`: `what_if` and each row's `score_before`, `level_before` and `delta`."""

    def __init__(self, snap: Snapshot, day: date, horizon: int,
                 what_if: _WhatIf | None = None, asked: dict[str, Any] | None = None,
                 before: RiskTable | None = None):
        self.snap, self.day, self.horizon = snap, day, horizon
        w = what_if or _WhatIf(set(), set(), set(), set(), {})
        a = self.a = _assess(snap, day, horizon, w.excluded, w.withdrawn, w.leave, w.gone,
                             w.extra)
        # coverage of the network the what-if leaves (who relies on what changes when actors
        # leave)
        self.coverage = scoring.coverage(a.reliant, snap.funding_known,
                                         snap.maintenance_known)
        self.asked = asked or {"without": [], "leave": [], "fund": []}
        make = _row_maker(snap, a)
        self.row = make
        n = self.total = len(snap.ids)
        self.order = _urgency(snap, a)
        self.urgency = np.empty(n, dtype=np.int64)
        self.urgency[self.order] = np.arange(n)
        self.id_rank = np.empty(n, dtype=np.int64)
        self.id_rank[snap.by_id] = np.arange(n)
        self.products = np.diff(np.asarray(a.prod_ptr, dtype=np.int64))
        self.hollow = (a.reliant >= 2) & snap.funding_known & ~a.funded
        self.level = np.asarray([v[1] for v in a.verdicts], dtype=object)[a.which]
        # where free riders are named: someone relies on it, and funding and maintenance
        # are both known
        self.rides = snap.funding_known & snap.maintenance_known & (a.reliant > 0)
        self._sorted_ids: list[str] | None = None
        self.what_if: dict[str, Any] | None = None
        if before is not None:  # a what-if: each row also says what it was before
            self.what_if = self._against(before)
            was, level_was = before.a.scores.tolist(), before.level.tolist()

            def compared(j: int) -> dict[str, Any]:
                row = make(j)
                row["score_before"], row["level_before"] = was[j], level_was[j]
                row["delta"] = row["risk_score"] - was[j]
                return row

            self.row = compared

    def totals(self) -> dict[str, int]:
        """Hollow cores, critical components and reliance exposed (`risk.totals`)."""
        return {"hollow_cores": int(self.hollow.sum()),
                "critical": int((self.level == "critical").sum()),
                "reliance_exposed": int(self.a.reliant[self.hollow].sum())}

    def _against(self, before: RiskTable) -> dict[str, Any]:
        """The what-if against the baseline `before`, as `risk.compare` gives it: totals on
        both sides and every component whose score or level changed, largest rise first."""
        delta = self.a.scores - before.a.scores
        changed = np.flatnonzero((delta != 0) | (self.level != before.level))
        changed = changed[np.lexsort((self.id_rank[changed], -delta[changed]))]
        ids, names = self.snap.ids, self.snap.names
        changes = [{"id": ids[j], "name": names[j], "score_before": int(before.a.scores[j]),
                    "score_after": int(self.a.scores[j]), "level_before": before.level[j],
                    "level_after": self.level[j], "delta": int(delta[j])}
                   for j in changed.tolist()]
        return {"before": before.totals(), "after": self.totals(), "changes": changes}

    def nbytes(self) -> int:
        """About how much memory the table holds beyond the snapshot it reads (for the
        result cache)."""
        arrays = (self.order, self.urgency, self.id_rank, self.products, self.hollow,
                  self.level, self.rides, self.a.funded, self.a.maintainers, self.a.paid,
                  self.a.which, self.a.scores)
        return (sum(x.nbytes for x in arrays) + 6 * 8 * self.total  # the row maker's lists
                + cache.approx_size(self.a.funding) + cache.approx_size(self.a.riders_of))

    def head(self) -> dict[str, Any]:
        """What a risk answer says besides its rows (and `what_if`, for a what-if)."""
        return {"as_of": self.day.isoformat(), "horizon_days": self.horizon, **self.asked,
                "coverage": self.coverage, "total_components": self.total,
                **({"what_if": self.what_if} if self.what_if is not None else {})}

    def view(self, positions: np.ndarray) -> RowView:
        """The rows at `positions`, in that order, built when read."""
        return RowView(self, positions)

    def ranked(self) -> RowView:
        """Every row, most urgent first."""
        return self.view(self.order)

    def find(self, cid: str) -> dict[str, Any] | None:
        """The row of one component, by id."""
        if self._sorted_ids is None:
            self._sorted_ids = [self.snap.ids[j] for j in self.snap.by_id.tolist()]
        at = bisect.bisect_left(self._sorted_ids, cid)
        if at == len(self._sorted_ids) or self._sorted_ids[at] != cid:
            return None
        return self.row(int(self.snap.by_id[at]))

    def matching(self, level: str | None = None, reason: str | None = None,
                 q: str | None = None, hollow: bool = False, sort: str = "risk_score",
                 direction: str = "desc") -> np.ndarray:
        """The positions of the rows that pass every filter, in the order asked for: the
        same rows, in the same order, as `kb.views.risk_table.matching` over the rows."""
        mask = np.ones(self.total, dtype=bool)
        if level:
            mask &= self.level == level
        if reason and len(self.a.verdicts):
            has = np.asarray([reason in v[2] for v in self.a.verdicts], dtype=bool)
            mask &= has[self.a.which]
        if hollow:
            mask &= self.hollow
        if q:
            needle = q.lower()
            mask &= np.fromiter((needle in i.lower() or needle in (nm or "").lower()
                                 for i, nm in zip(self.snap.ids, self.snap.names, strict=True)),
                                bool, self.total)
        pos = self.order[mask[self.order]]
        if (sort, direction) == ("risk_score", "desc"):
            return pos
        value, missing = self._column(sort)
        v, m, u = value[pos], missing[pos], self.urgency[pos]
        # sorted(key=(missing, value), reverse=desc) keeps equal keys in urgency order
        keys = (u, -v, -m.astype(np.int64)) if direction == "desc" else (u, v, m)
        return pos[np.lexsort(keys)]

    def sorted_by(self, column: str) -> np.ndarray:
        """The positions of the rows where a date or number `column` is not empty, ascending,
        equal values most urgent first (as `sorted` over the ranked rows gives them)."""
        value, missing = self._column(column)
        pos = self.order[~missing[self.order]]
        return pos[np.lexsort((self.urgency[pos], value[pos]))]

    def funded_soonest(self) -> np.ndarray:
        """The positions of the funded components, those whose funding ends soonest first
        (open-ended last), then by id: the bars of `charts.cliff_timeline`."""
        value, missing = self._column("funded_until")
        pos = np.flatnonzero(self.a.funded)
        return pos[np.lexsort((self.id_rank[pos], value[pos], missing[pos]))]

    def unknowns(self) -> RowView:
        """Shared components whose funding or maintenance is unknown, most relied upon first
        (the order of `kb.analysis.risk.unknowns`)."""
        snap = self.snap
        pos = np.flatnonzero((self.a.reliant >= 2)
                             & ~(snap.funding_known & snap.maintenance_known))
        return self.view(pos[np.lexsort((self.id_rank[pos], -self.products[pos],
                                         -self.a.reliant[pos]))])

    def free_rider_actors(self) -> int:
        """How many distinct actors ride free on some component: rely on it and neither
        fund nor maintain it, where both are known (the actors of
        `kb.analysis.risk.free_riders`)."""
        snap, a = self.snap, self.a
        named: set[str] = set()
        listed = np.zeros(self.total, dtype=bool)
        for j, riders in a.riders_of.items():
            listed[j] = True
            if self.rides[j]:
                named.update(riders)
        # on the other components where both are known, every relying actor rides free
        whole = self.rides & ~listed
        width = max(snap.actors, 1)
        at = np.flatnonzero(whole[snap.reach_keys // width])
        _, first = np.unique(snap.reach_keys[at] % width, return_index=True)
        named.update(snap.act_flat[i] for i in at[first].tolist())
        return len(named)

    def _column(self, sort: str) -> tuple[np.ndarray, np.ndarray]:
        """A sortable column as numbers (dates as day ordinals), and where it is empty."""
        n, a = self.total, self.a
        none = np.zeros(n, dtype=bool)
        if sort == "risk_score":
            return a.scores, none
        if sort == "id":
            return self.id_rank, none
        if sort in ("reliant_products", "reliant_actors", "maintainers", "paid_maintainers"):
            return {"reliant_products": self.products, "reliant_actors": a.reliant,
                    "maintainers": a.maintainers, "paid_maintainers": a.paid}[sort], none
        value = np.zeros(n, dtype=np.int64)
        missing = np.ones(n, dtype=bool)
        for j, (_, until, cliff_day) in a.funding.items():
            day = until if sort == "funded_until" else cliff_day
            if day is not None:
                value[j], missing[j] = day.toordinal(), False
        return value, missing


class RowView(Sequence[dict[str, Any]]):
    """Rows of a `RiskTable` at some positions, built when read; slicing gives another
    view."""

    def __init__(self, table: RiskTable, positions: np.ndarray):
        self.table, self.positions = table, positions

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, i: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, i: slice) -> RowView: ...

    def __getitem__(self, i: int | slice) -> dict[str, Any] | RowView:
        if isinstance(i, slice):
            return RowView(self.table, self.positions[i])
        return self.table.row(int(self.positions[i]))

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self.table.row(j) for j in self.positions.tolist())


def risk_table(driver: Driver, as_of: str, horizon: int = 180,
               settings: Settings | None = None, without: list[str] | None = None,
               leave: list[str] | None = None, fund: list[dict[str, Any]] | None = None,
               before: RiskTable | None = None) -> RiskTable:
    """The columnar risk of every component on `as_of`; in a what-if (`without`, `leave`,
    `fund` as `risk_rows` takes them, ids checked by the caller) against `before`, the
    baseline table of the same day and horizon."""
    with collector_paused():
        snap = snapshot(driver, settings)
        stop, gone, grants = sorted(set(without or [])), sorted(set(leave or [])), list(fund or [])
        w = _what_if(driver, snap, stop, gone, grants, settings)
        return RiskTable(snap, date.fromisoformat(as_of), horizon, w,
                         {"without": stop, "leave": gone, "fund": grants},
                         before if (stop or gone or grants) else None)


def _stopped(actor: str, paid_by: tuple[str, ...], withdrawn: set[str],
             excluded: set[str]) -> bool:
    """Whether a paid maintenance record stops being paid in a what-if: every funding that
    pays it is withdrawn, or it names none and its maintainer withdraws (its own means)."""
    if paid_by:
        return all(f in excluded for f in paid_by)
    return actor in withdrawn
