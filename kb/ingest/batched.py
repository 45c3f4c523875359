"""Batched loads: a load of any size, into a knowledge base that already holds data or into
a server the project does not run (Aura, a cluster), still all or nothing for its user.

One transaction holds a whole `kb load` (`kb.ingest.loader`), so its size is bounded by
Neo4j's transaction memory. A batched load writes in many transactions instead, in four steps:

1. **Compare.** What exists is read as for any load (`kb.ingest.write.read_existing`, without
   the lock) and the plan is classified (`kb.ingest.diff.classify`): created, updated,
   unchanged records.
2. **Write pending.** The records the load creates are written `KB_BATCH_RECORDS` to a
   transaction as *pending* nodes: labelled `KbPending` only, so that no analysis, page or
   export sees them (they all match `Entity` or a section's label). The relationships among
   them follow, and every relationship that starts at a pending node, all by internal node
   id. A relationship that starts at a live node waits for the switch: following
   relationships forward from a live node never reaches a pending one, and every query
   names the start of a relationship it follows backwards by its label. A marker
   (`KbMeta {id: 'batched-load'}`) names the load and carries a heartbeat renewed by each
   batch.
3. **Switch.** One last transaction takes the load lock, reads again what exists and
   refuses if another write changed any of the load's records, or removed a node its
   pending relationships end at, meanwhile. It then gives the pending nodes their labels,
   writes the rest (updated records and their owned relationships, relationships that
   start at a live node, new sources, pruning, the ecosystems), logs the load and removes
   the marker. Its size grows with the created nodes (their labels) and with the records
   the load updates, not with the relationships it creates.
4. **Or undo.** If anything fails before the switch commits, the pending records are
   removed and nothing changed. If the process dies instead, the next load finds the marker
   without a recent heartbeat (`KB_BATCHED_STALE`) and removes what it left first, saying so.

The loader chooses this path for loads of more than `KB_BATCHED_ABOVE` records, or when
asked (`kb load --batched`).
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from neo4j import Driver

from kb.errors import KBError
from kb.ingest import records, write
from kb.ingest.diff import Diff, Report, Row, classify
from kb.ingest.plan import OWNED_BY, Edge, Plan
from kb.ingest.reader import ValidationFailed
from kb.settings import Settings
from kb.store import changes, db

Progress = write.Progress
Logger = Callable[[Any, Report], changes.Change | None]
Seen = tuple[bool, dict[str, tuple[Any, ...]], dict[str, tuple[Any, ...]]]


class LoadBusy(KBError):
    """Another batched load is writing."""


class ChangedMeanwhile(KBError):
    """Another write changed the load's records between its comparison and its switch."""


def _fingerprint(empty: bool, nodes: dict[str, Row], rels: dict[str, Row]) -> Seen:
    """What the comparison saw, in a form two reads can be compared by."""
    return (empty,
            {i: (r["label"], r["hash"], tuple(r["sources"])) for i, r in nodes.items()},
            {k: (r["hash"], tuple(r["sources"])) for k, r in rels.items()})


def _differences(before: Seen, after: Seen) -> list[str]:
    """Ids and keys whose state differs between two fingerprints, sorted."""
    out = {i for i in before[1].keys() | after[1].keys()
           if before[1].get(i) != after[1].get(i)}
    out |= {k for k in before[2].keys() | after[2].keys()
            if before[2].get(k) != after[2].get(k)}
    return sorted(out)


def pending_state(driver: Driver, settings: Settings) -> dict[str, Any]:
    """How many pending nodes there are and the marker of the batched load, if any."""
    return db.run(driver, "load_pending_count", settings=settings)[0]


def remove_pending(driver: Driver, settings: Settings) -> None:
    """Remove every pending node and relationship and the marker."""
    db.run_text(driver, "load_pending_drop_rels", settings)
    db.run_text(driver, "load_pending_drop_nodes", settings)
    db.run(driver, "load_pending_end", settings=settings)


def undo(driver: Driver, settings: Settings, exc: BaseException) -> None:
    """After `exc` stopped a load before its switch committed, remove its pending records;
    when the server is gone too, say in `exc`'s hint that the next load removes them."""
    try:
        remove_pending(driver, settings)
    except Exception:  # the server is gone: the next load removes them
        if isinstance(exc, KBError):
            exc.hint = ((exc.hint or "") + " Its pending records could not be removed "
                        "now; the next load removes them.").strip()


def _begin(driver: Driver, settings: Settings, load_id: str, report: Report) -> None:
    """Refuse while another batched load writes; remove what a crashed one left; mark this
    one as writing."""
    state = pending_state(driver, settings)
    if state["load"] is not None and (state["quiet"] or 0) < settings.kb_batched_stale:
        raise LoadBusy(
            f"another batched load is writing: {state['load']} by {state['by']}, started "
            f"{state['started']}, last batch {state['quiet']} s ago",
            hint="Wait for it to finish. A load that crashed counts as such after "
            f"KB_BATCHED_STALE ({settings.kb_batched_stale:g} s) without a batch; the next "
            "load then removes what it left.")
    if state["load"] is not None or state["pending"]:
        remove_pending(driver, settings)
        who = (f" (load {state['load']} by {state['by']}, started {state['started']})"
               if state["load"] is not None else "")
        report.notes.append(f"removed {state['pending']:,} pending records left by an interrupted "
                            f"batched load{who}")
    by = f"{changes.os_author()} on {socket.gethostname()}, pid {os.getpid()}"
    db.run(driver, "load_pending_begin", {"load": load_id, "by": by}, settings=settings)


class _Batches:
    """Writes pending records, each batch in its own transaction with a heartbeat."""

    def __init__(self, driver: Driver, settings: Settings, load_id: str, total: int,
                 progress: Progress) -> None:
        self.driver, self.settings, self.load_id = driver, settings, load_id
        self.total, self.done, self.progress = total, 0, progress
        self.size = settings.kb_batch_records
        progress("writing pending records", 0, total)

    def send(self, query: str, rows: list[Row], count: int, **params: Any
             ) -> list[dict[str, Any]]:
        with db.write_transaction(self.driver, self.settings) as tx:
            out = db.run_tx(tx, query, {**params, "rows": rows})
            db.run_tx(tx, "load_pending_beat", {"load": self.load_id})
            tx.commit()
        self.done += count
        self.progress("writing pending records", self.done, self.total)
        return out


def _edge_groups(edges: list[Edge], node_of: dict[str, int]) -> Iterator[tuple[str, list[Row]]]:
    """The property-less edges among `edges` (no voice) by type, as groups of (internal)
    start node -> end nodes."""
    by_type: dict[str, dict[int, list[int]]] = {}
    for kind, src, dst, voice in edges:
        if voice is None:
            by_type.setdefault(kind, {}).setdefault(node_of[src], []).append(node_of[dst])
    for kind, groups in by_type.items():
        yield kind, [{"from": s, "to": t} for s, t in groups.items()]


def _internal_ids(run: records.Runner, ids: list[str]) -> dict[str, int]:
    """Internal node ids of the live nodes with these ids."""
    return {row["id"]: row["node"] for batch in write.batches(ids)
            for row in run("load_internal_ids", {"ids": batch})}


INCOMING = {t for _, ins in OWNED_BY.values() for t in ins}


def _within(edge: Edge, new: set[str]) -> bool:
    """Whether an owned relationship starts at a created record and is owned by one (the
    record at the end OWNED_BY names), so that it is written with the pending records."""
    kind, src, dst, _ = edge
    return src in new and (dst if kind in INCOMING else src) in new


def _write_pending(driver: Driver, settings: Settings, load_id: str, diff: Diff,
                   progress: Progress) -> tuple[dict[str, list[int]], dict[str, int], Diff]:
    """Write the created records as pending nodes, and every relationship that starts at
    one of them; return the pending nodes' internal ids by label, the live nodes those
    relationships end at (id -> internal id), and what is left for the switch: the
    relationships that start at a live node."""
    new = {r["id"] for rows in diff.created.values() for r in rows}
    # An owned relationship of an updated record is replaced in the switch, with the record.
    edges = [e for e in diff.edges if _within(e, new)]
    rels = [r for r in diff.create_rels if r["from"] in new]
    ends = {dst for _, _, dst, _ in edges} | {r["to"] for r in rels}
    live = _internal_ids(records.on(driver, settings), sorted(ends - new))
    del ends
    out = _Batches(driver, settings, load_id, len(new) + len(edges) + len(rels), progress)
    node_of: dict[str, int] = dict(live)
    by_label: dict[str, list[int]] = {}
    for label, rows in diff.created.items():
        for batch in write.batches(rows, out.size):
            made = out.send("load_pending_create_nodes", batch, len(batch))[0]
            node_of.update(zip(made["ids"], made["nodes"], strict=True))
            by_label.setdefault(label, []).extend(made["nodes"])
    for batch in write.batches([{"type": kind, "from": node_of[src], "to": node_of[dst],
                                 "voice": voice}
                                for kind, src, dst, voice in edges if voice is not None],
                               out.size):
        out.send("load_create_edges_by_node", batch, len(batch))
    for kind, groups in _edge_groups(edges, node_of):
        for batch in write.edge_batches(groups, out.size):
            out.send("load_create_edge_groups_by_node", batch,
                     sum(len(g["to"]) for g in batch), type=kind)
    for batch in write.batches([{**r, "from": node_of[r["from"]], "to": node_of[r["to"]]}
                                for r in rels], out.size):
        out.send("load_create_rels_by_node", batch, len(batch))
    rest = Diff(diff.report, empty=False, updated=diff.updated,
                edges=[e for e in diff.edges if not _within(e, new)],
                create_rels=[r for r in diff.create_rels if r["from"] not in new],
                update_rels=diff.update_rels, node_sources=diff.node_sources,
                rel_sources=diff.rel_sources)
    return by_label, live, rest


AGAIN = "Run the load again: it compares with the knowledge base as it is now."


def _listed(ids: list[str], shown: int = 5) -> str:
    """The first `shown` ids, and how many more."""
    more = len(ids) - shown
    return ", ".join(ids[:shown]) + (f" and {more:,} more" if more > 0 else "")


def _were(ids: list[str]) -> str:
    return "was" if len(ids) == 1 else "were"


def changed_meanwhile(differ: list[str]) -> ChangedMeanwhile:
    """The refusal when another write changed these records of the load (sorted)."""
    return ChangedMeanwhile(
        f"the knowledge base changed while this load was written in batches: "
        f"{len(differ):,} of its records {_were(differ)} created, changed or removed "
        f"by another write meanwhile ({_listed(differ)}); nothing was written", hint=AGAIN)


def gone_meanwhile(gone: list[str]) -> ChangedMeanwhile:
    """The refusal when live nodes the load's relationships end at were removed (sorted)."""
    return ChangedMeanwhile(
        f"{len(gone):,} record{'s' if len(gone) != 1 else ''} this load refers to "
        f"{_were(gone)} removed or replaced by another write while it was written in "
        f"batches ({_listed(gone)}); nothing was written", hint=AGAIN)


def switch_nodes(tx: Any, label: str, nodes: list[int]) -> None:
    """Make pending nodes of one label live, in the switch's transaction; refuse when some
    were removed meanwhile."""
    got = db.run_tx(tx, "load_pending_switch_nodes", {"label": label, "nodes": nodes})[0][
        "switched"]
    if got != len(nodes):
        raise ChangedMeanwhile(
            f"{len(nodes) - got:,} pending records of this load were removed while it was "
            "written (by `kb reset` or another load cleaning up); nothing was written",
            hint="Run the load again.")


def _switch(driver: Driver, settings: Settings, plan: Plan, seen: Seen,
            pending: dict[str, list[int]], live: dict[str, int], rest: Diff, *, prune: bool,
            log: Logger, progress: Progress) -> None:
    """The final transaction: check nothing changed, make the pending records live, write
    what touches the live graph, log the load."""
    with db.write_transaction(driver, settings) as tx:
        progress("checking what changed meanwhile", 0, 1)
        again = _fingerprint(*write.read_existing(tx, plan))
        differ = _differences(seen, again)
        if differ:
            raise changed_meanwhile(differ)
        now = _internal_ids(records.in_tx(tx), sorted(live))
        gone = sorted(i for i, node in live.items() if now.get(i) != node)
        if gone:
            raise gone_meanwhile(gone)
        total = sum(map(len, pending.values()))
        done = 0
        progress("making the load live", 0, total)
        for label, ids in pending.items():
            for batch in write.batches(ids):
                switch_nodes(tx, label, batch)
                done += len(batch)
                progress("making the load live", done, total)
        write.apply(tx, plan, rest, progress)
        if prune:
            write.prune(tx, plan, rest.report)
        entry = log(tx, rest.report)
        if entry is not None:
            changes.append(tx, entry)
        db.run_tx(tx, "load_pending_end")
        tx.commit()


def write_plan(driver: Driver, plan: Plan, *, prune: bool, dry_run: bool, progress: Progress,
               settings: Settings, log: Logger) -> Report:
    """Write `plan` as a batched load (see the module's text); raise ValidationFailed when
    an id is already a node of another kind, LoadBusy while another batched load writes,
    ChangedMeanwhile when another write changed the load's records before its switch. On
    any failure nothing of the load stays in the knowledge base."""
    with db.write_transaction(driver, settings) as tx:
        progress("comparing with the knowledge base", 0, 1)
        empty, nodes, rels = write.read_existing(tx, plan, lock=False)
        write.fold(tx, plan, nodes, rels)
        diff = classify(plan, nodes, rels, empty)
        if diff.clashes:
            raise ValidationFailed(diff.clashes)
        if dry_run:  # the pruning is counted in this transaction, then rolled back
            if prune:
                write.prune(tx, plan, diff.report)
            diff.report.dry_run = True
            return diff.report
    seen = _fingerprint(empty, nodes, rels)
    del nodes, rels
    load_id = uuid.uuid4().hex[:12]
    _begin(driver, settings, load_id, diff.report)
    try:
        pending, live, rest = _write_pending(driver, settings, load_id, diff, progress)
        del diff
        _switch(driver, settings, plan, seen, pending, live, rest, prune=prune, log=log,
                progress=progress)
    except BaseException as exc:
        undo(driver, settings, exc)
        raise
    return rest.report
