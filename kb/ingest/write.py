"""The writes of one load, inside the caller's transaction: read what exists, apply a diff,
prune what a source no longer lists. Every statement is a library query run in batches."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from kb.ingest.diff import Counts, Diff, Report, Row
from kb.ingest.model import NODE_SECTIONS
from kb.ingest.plan import OWNED_BY, Plan
from kb.store import db

BATCH = 10000
Progress = Callable[[str, int, int], None]
"""Called as progress(step, done, total) while writing."""


def batches(rows: list[Any], size: int = BATCH) -> Iterator[list[Any]]:
    """`rows` in slices of at most `size`."""
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _edge_batches(groups: list[Row], size: int = BATCH) -> Iterator[list[Row]]:
    """Edge groups in batches of about `size` edges."""
    batch: list[Row] = []
    count = 0
    for g in groups:
        batch.append(g)
        count += len(g["to"])
        if count >= size:
            yield batch
            batch, count = [], 0
    if batch:
        yield batch


def read_existing(tx: Any, plan: Plan) -> tuple[bool, dict[str, Row], dict[str, Row]]:
    """(the KB is empty, existing nodes by id, existing relationship records by key) for the
    records of `plan`; nothing is looked up in an empty KB. First the load lock is taken, so
    that two loads at once run one after the other: the second reads what the first wrote."""
    db.run_tx(tx, "load_lock")
    empty = bool(db.run_tx(tx, "load_is_empty")[0]["empty"])
    nodes: dict[str, Row] = {}
    rels: dict[str, Row] = {}
    if empty:
        return empty, nodes, rels
    for batch in batches([r["id"] for rows in plan.nodes.values() for r in rows]):
        for row in db.run_tx(tx, "load_lookup_nodes", {"ids": batch}):
            nodes[row["id"]] = row
    for batch in batches([r for rows in plan.rels.values() for r in rows]):
        keys = [{"from": r["from"], "to": r["to"], "key": r["key"]} for r in batch]
        for row in db.run_tx(tx, "load_lookup_rels", {"rows": keys}):
            rels[row["key"]] = row
    return empty, nodes, rels


class _Sender:
    """Runs one library query per batch and reports progress over the whole diff."""

    def __init__(self, tx: Any, total: int, progress: Progress) -> None:
        self.tx, self.total, self.progress, self.done = tx, total, progress, 0
        progress("writing", 0, total)

    def send(self, query: str, rows: list[Row], count: int | None = None,
             **params: Any) -> None:
        db.run_tx(self.tx, query, {**params, "rows": rows})
        self.done += len(rows) if count is None else count
        self.progress("writing", self.done, self.total)


def apply(tx: Any, plan: Plan, diff: Diff, progress: Progress) -> None:
    """Write `diff`: nodes, then the relationships their records own, then relationship
    records, sources gained by unchanged records, and the ecosystems."""
    out = _Sender(tx, diff.writes, progress)
    node_of: dict[str, int] = {}  # id -> internal node id of the nodes created here
    for label, rows in diff.created.items():
        for batch in batches(rows):
            made = db.run_tx(tx, "load_create_nodes", {"label": label, "rows": batch})[0]
            node_of.update(zip(made["ids"], made["nodes"], strict=True))
            out.done += len(batch)
            progress("writing", out.done, out.total)
    for batch in batches(diff.updated):
        out.send("load_upsert_nodes", batch)
    for label, ids in diff.updated_by_label().items():
        out_types, in_types = OWNED_BY[label]
        for batch in batches(ids):
            db.run_tx(tx, "load_delete_owned_edges", {"ids": batch, "out_types": out_types,
                                                      "in_types": in_types})
    for batch in batches([e for e in diff.edges if e["voice"] is not None]):
        out.send("load_create_edges", batch)
    by_type: dict[str, dict[str, list[str]]] = {}  # type -> start node -> end nodes
    for e in diff.edges:
        if e["voice"] is None:
            by_type.setdefault(e["type"], {}).setdefault(e["from"], []).append(e["to"])
    # Into an empty knowledge base every edge joins two nodes created above: name them by
    # internal node id, which is cheaper to seek than the id index.
    empty = diff.empty
    for kind, groups in by_type.items():
        rows = ([{"from": node_of[src], "to": [node_of[t] for t in targets]}
                 for src, targets in groups.items()] if empty else
                [{"from": src, "to": targets} for src, targets in groups.items()])
        for batch in _edge_batches(rows):
            out.send("load_create_edge_groups_by_node" if empty else "load_create_edge_groups",
                     batch, sum(len(r["to"]) for r in batch), type=kind)
    create = diff.create_rels
    if empty:
        create = [{**r, "from": node_of[r["from"]], "to": node_of[r["to"]]} for r in create]
    for batch in batches(create):
        out.send("load_create_rels_by_node" if empty else "load_create_rels", batch)
    for batch in batches(diff.update_rels):
        out.send("load_update_rels", batch)
    for source, ids in diff.node_sources.items():
        for batch in batches(ids):
            db.run_tx(tx, "load_add_source_nodes", {"ids": batch, "source": source})
    for source, keys in diff.rel_sources.items():
        for batch in batches(keys):
            db.run_tx(tx, "load_add_source_rels", {"rows": batch, "source": source})
    for eco in plan.ecosystems:
        db.run_tx(tx, "load_upsert_ecosystem", eco)


def prune(tx: Any, plan: Plan, report: Report) -> None:
    """Remove what each source of `plan` listed in an earlier load and no longer lists,
    counting it in `report`."""
    section_of = {label: section for section, label in NODE_SECTIONS.items()}
    for eco in plan.ecosystems:
        source = eco["id"]
        listed_keys = {r["key"] for rows in plan.rels.values() for r in rows
                       if r["source"] == source}
        rels = [r for r in db.run_tx(tx, "load_source_rels", {"source": source})
                if r["key"] not in listed_keys]
        for r in rels:
            section = str(json.loads(r["key"])[0])
            report.sections.setdefault(section, Counts()).pruned += 1
        for batch in batches(rels):
            db.run_tx(tx, "load_prune_rels", {"rows": batch, "source": source})
        listed = {r["id"] for rows in plan.nodes.values() for r in rows if r["source"] == source}
        before = [row["id"] for row in db.run_tx(tx, "load_source_nodes", {"source": source})]
        gone = [i for i in before if i not in listed]
        labels: dict[str, str] = {}
        for batch in batches(gone):
            for row in db.run_tx(tx, "load_lookup_nodes", {"ids": batch}):
                labels[row["id"]] = row["label"]
        for i in gone:
            section = section_of.get(labels.get(i, ""), "actors")
            report.sections.setdefault(section, Counts()).pruned += 1
        for batch in batches(gone):
            db.run_tx(tx, "load_prune_nodes", {"ids": batch, "source": source})
