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

import contextlib
import hashlib
from collections import defaultdict
from dataclasses import fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

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
        leave = leave or []
        stopping = sorted(set(without) | set(leave))
        excluded = ({r["id"] for r in db.run(driver, "withdrawn_fundings",
                                             {"without": stopping}, settings=settings)}
                    if stopping else set())
        gone = ({r["id"] for r in db.run(driver, "left_products", {"leave": leave},
                                         settings=settings)} if leave else set())
        at = {cid: j for j, cid in enumerate(snap.ids)} if fund else {}
        extra: dict[int, list[tuple[str, date, date]]] = defaultdict(list)
        for x in fund or []:
            extra[at[x["component"]]].append(("what-if", date.fromisoformat(x["start"]),
                                              date.fromisoformat(x["end"])))
        rows = _rows(snap, date.fromisoformat(as_of), horizon, excluded, set(stopping), limit,
                     set(leave), gone, dict(extra))
        # Coverage of the network the what-if leaves: who relies on what changes when
        # actors leave.
        reliant = (_without_leavers(snap, set(leave), gone)[4] if leave
                   else snap.reliant_actors)
        known = scoring.coverage(reliant, snap.funding_known, snap.maintenance_known)
        return rows, len(snap.ids), known


def scores(driver: Driver, days: list[str], horizon: int, fund: list[dict[str, Any]],
           settings: Settings | None = None) -> tuple[list[str], np.ndarray, np.ndarray]:
    """For the planner: the component ids, how many actors rely on each, and the risk score
    of each on each of `days` (one row per day) with the hypothetical grants `fund`
    ({component, start, end}, ids the caller has checked) applied; the same scores as the
    rows of `risk_rows`, without building the rows."""
    with collector_paused():
        snap = snapshot(driver, settings)
        at = {cid: j for j, cid in enumerate(snap.ids)}
        extra: dict[int, list[tuple[str, date, date]]] = defaultdict(list)
        for x in fund:
            extra[at[x["component"]]].append(("what-if", date.fromisoformat(x["start"]),
                                              date.fromisoformat(x["end"])))
        table = np.stack([_assess(snap, date.fromisoformat(d), horizon, set(), set(),
                                  extra=dict(extra)).scores for d in days])
        return snap.ids, snap.reliant_actors, table


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


def _assess(snap: Snapshot, day: date, horizon: int, excluded: set[str], withdrawn: set[str],
            leave: set[str] | None = None, gone: set[str] | None = None,
            extra: dict[int, list[tuple[str, date, date]]] | None = None) -> _Assessment:
    """The facts and scores on `day` in a what-if (README, "What-ifs"): the fundings in
    `excluded` stop; maintenance paid only by them, or by the own means of an actor in
    `withdrawn`, counts as unpaid; actors in `leave` maintain and rely on nothing, and the
    products in `gone` (theirs) are no more; `extra` are hypothetical maintenance flows
    (funder, start, end) by component position."""
    n = len(snap.ids)
    leave, gone, extra = leave or set(), gone or set(), extra or {}
    horizon_end = day + timedelta(days=horizon)
    prod_flat, prod_ptr = snap.prod_flat, snap.prod_ptr
    act_flat, act_ptr = snap.act_flat, snap.act_ptr
    reliant = snap.reliant_actors
    if leave:
        prod_flat, prod_ptr, act_flat, act_ptr, reliant = _without_leavers(snap, leave, gone)
    # Volunteer-only components, all at once: no funding, nobody paid.
    maintainers, relying = _volunteer_maintainers(snap, day, leave)
    funded, cliff = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    paid = np.zeros(n, dtype=np.int64)
    riders_of: dict[int, list[str]] = {
        j: [a for a in act_flat[act_ptr[j]:act_ptr[j + 1]] if a not in who]
        for j, who in relying.items()}
    funding: dict[int, tuple[list[str], date | None, date | None]] = {}
    # Components funded by one hypothetical grant alone (the planner funds thousands at
    # once), all at once: funded while it runs, until its end, a cliff the day after when
    # that falls within the horizon; their maintainers are volunteers, counted above.
    alone = [j for j, grants in extra.items()
             if len(grants) == 1 and j not in snap.flows and j not in snap.mixed]
    if alone:
        js = np.asarray(alone, dtype=np.int64)
        starts = np.asarray([extra[j][0][1].toordinal() for j in alone], dtype=np.int64)
        ends = np.asarray([extra[j][0][2].toordinal() for j in alone], dtype=np.int64)
        on = (starts <= day.toordinal()) & (day.toordinal() <= ends)
        open_end = ends == LATE.toordinal()
        funded[js] = on
        cliff[js] = on & ~open_end & (ends < horizon_end.toordinal())
        for j, end, closing in zip(js[on].tolist(), ends[on].tolist(),
                                   (cliff[js] & on)[on].tolist(), strict=True):
            until = None if end == LATE.toordinal() else date.fromordinal(end)
            funding[j] = (sorted({extra[j][0][0]}), until,
                          date.fromordinal(end + 1) if closing else None)
    # Components with a funding flow or paid maintenance, one by one.
    for j in snap.flows.keys() | snap.mixed.keys() | (extra.keys() - set(alone)):
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
            continue
        maintainers[j] = len(maintainer_ids)
        if funders or maintainer_ids:
            riders_of[j] = [a for a in act_flat[act_ptr[j]:act_ptr[j + 1]]
                            if a not in funders and a not in maintainer_ids]
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
    distinct, which = np.unique(facts, return_inverse=True)
    verdicts = [verdict(bool(f), bool(c), k, m, bool(u), bool(r), bool(kf), bool(km))
                for f, c, k, m, u, r, kf, km
                in zip(*(x.tolist() for x in np.unravel_index(distinct, ranges)), strict=True)]
    scores = np.asarray([v[0] for v in verdicts], dtype=np.int64)[which]
    return _Assessment(prod_flat, prod_ptr, act_flat, act_ptr, reliant, funded, maintainers,
                       paid, riders_of, funding, verdicts, which, scores)


def _rows(snap: Snapshot, day: date, horizon: int, excluded: set[str], withdrawn: set[str],
          limit: int | None = None, leave: set[str] | None = None,
          gone: set[str] | None = None,
          extra: dict[int, list[tuple[str, date, date]]] | None = None
          ) -> list[dict[str, Any]]:
    """The risk rows on `day` in a what-if (see `_assess`), the `limit` most urgent only if
    given."""
    n = len(snap.ids)
    a = _assess(snap, day, horizon, excluded, withdrawn, leave, gone, extra)
    prod_flat, prod_ptr, act_flat, act_ptr = a.prod_flat, a.prod_ptr, a.act_flat, a.act_ptr
    reliant, scores, verdicts, which = a.reliant, a.scores, a.verdicts, a.which
    funded, maintainers, paid = a.funded, a.maintainers, a.paid
    riders_of, funding = a.riders_of, a.funding
    known_f, known_m = snap.funding_known, snap.maintenance_known
    # Rows by score, then by how many actors and products rely on it, then by id (the order
    # of the Cypher definition).
    rank = np.empty(n, dtype=np.int64)
    rank[snap.by_id] = np.arange(n)
    products_n = np.diff(np.asarray(prod_ptr, dtype=np.int64))
    order = np.lexsort((rank, -products_n, -reliant, -scores))[:limit]
    ids, names = snap.ids, snap.names
    funded_l, maintainers_l, paid_l, which_l = (
        funded.tolist(), maintainers.tolist(), paid.tolist(), which.tolist())
    known_f_l, known_m_l = known_f.tolist(), known_m.tolist()
    # What is unknown and the confidence, for each of the four combinations of knowledge; the
    # rows share these lists (an answer is read, never changed).
    knowledge = {(fk, mk): ([u for u, known in (("funding", fk), ("maintenance", mk))
                             if not known], scoring.confidence(fk, mk))
                 for fk in (True, False) for mk in (True, False)}
    unfunded: tuple[list[str], None, None] = ([], None, None)
    out: list[dict[str, Any]] = []
    for j in order.tolist():
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
        out.append({
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
        })
    return out


def _stopped(actor: str, paid_by: tuple[str, ...], withdrawn: set[str],
             excluded: set[str]) -> bool:
    """Whether a paid maintenance record stops being paid in a what-if: every funding that
    pays it is withdrawn, or it names none and its maintainer withdraws (its own means)."""
    if paid_by:
        return all(f in excluded for f in paid_by)
    return actor in withdrawn
