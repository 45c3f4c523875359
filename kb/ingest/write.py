"""The writes of one load, inside the caller's transaction: read what exists, apply a diff,
prune what a source no longer lists. Every statement is a library query run in batches."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from kb.ingest import provenance as pv
from kb.ingest.diff import Counts, Diff, Report, Row
from kb.ingest.model import NODE_SECTIONS
from kb.ingest.plan import OWNED_BY, Edge, Plan, rel_digest
from kb.store import db

BATCH = 10000
Progress = Callable[[str, int, int], None]
"""Called as progress(step, done, total) while writing."""


def batches(rows: list[Any], size: int = BATCH) -> Iterator[list[Any]]:
    """`rows` in slices of at most `size`."""
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def edge_batches(groups: list[Row], size: int = BATCH) -> Iterator[list[Row]]:
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


def read_existing(tx: Any, plan: Plan, *, lock: bool = True
                  ) -> tuple[bool, dict[str, Row], dict[str, Row]]:
    """(the KB is empty, existing nodes by id, existing relationship records by key) for the
    records of `plan`; nothing is looked up in an empty KB. First (unless `lock` is False)
    the load lock is taken, so that two loads at once run one after the other: the second
    reads what the first wrote."""
    if lock:
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


EdgeKey = tuple[str, str, str, str | None]


def _edge_key(e: Row | Edge) -> EdgeKey:
    return (e["type"], e["from"], e["to"], e["voice"])


def _drop_unlisted_edges(tx: Any, plan: Plan, diff: Diff) -> set[EdgeKey]:
    """Delete the owned relationships of the updated records that their new records no
    longer list, and return those they still list, which stay as they are. An update that
    adds one dependency to a component with twenty then writes one relationship, not
    twenty-one: a source adding facts to 100,000 records another source listed no longer
    rewrites their millions of relationships."""
    kept: set[EdgeKey] = set()
    for label, ids in diff.updated_by_label().items():
        out_types, in_types = OWNED_BY[label]
        for batch in batches(ids):
            current = {_edge_key(r) for r in db.run_tx(
                tx, "load_owned_edges", {"ids": batch, "out_types": out_types,
                                         "in_types": in_types})}
            listed = {_edge_key(e) for i in batch for e in plan.edges[i]}
            kept |= current & listed
            gone = [dict(zip(("type", "from", "to", "voice"), k, strict=True))
                    for k in current - listed]
            for part in batches(gone):
                db.run_tx(tx, "load_delete_edges", {"rows": part})
    return kept


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
    kept = _drop_unlisted_edges(tx, plan, diff)
    edges = [e for e in diff.edges if _edge_key(e) not in kept] if kept else diff.edges
    out.total -= len(diff.edges) - len(edges)
    for batch in batches([dict(e) for e in edges if e["voice"] is not None]):
        out.send("load_create_edges", batch)
    by_type: dict[str, dict[str, list[str]]] = {}  # type -> start node -> end nodes
    for kind, src, dst, voice in edges:
        if voice is None:
            by_type.setdefault(kind, {}).setdefault(src, []).append(dst)
    # Into an empty knowledge base every edge joins two nodes created above: name them by
    # internal node id, which is cheaper to seek than the id index.
    empty = diff.empty
    for kind, groups in by_type.items():
        rows = ([{"from": node_of[src], "to": [node_of[t] for t in targets]}
                 for src, targets in groups.items()] if empty else
                [{"from": src, "to": targets} for src, targets in groups.items()])
        for batch in edge_batches(rows):
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


def _node_records(tx: Any, ids: list[str]) -> dict[str, Row]:
    out: dict[str, Row] = {}
    for batch in batches(ids):
        for row in db.run_tx(tx, "load_node_records", {"ids": batch}):
            out[row["id"]] = row
    return out


def _current(row: Row) -> pv.Record:
    return pv.node_record(row["label"], row["props"], row["out"], row["in"], row["id"])


def fold(tx: Any, plan: Plan, nodes: dict[str, Row], rels: dict[str, Row]) -> None:
    """Combine each planned record that other sources already list with their records
    (`kb.ingest.provenance`), so that the load adds its facts to theirs instead of replacing
    them. Rewrites the plan's rows in place; `nodes` and `rels` (what exists) are unchanged."""
    shared = [r for rows in plan.nodes.values() for r in rows
              if r["id"] in nodes and nodes[r["id"]]["label"] == r["label"]
              and set(nodes[r["id"]]["sources"]) - {r["source"]}]
    if shared:
        held = _node_records(tx, [r["id"] for r in shared])
        for r in shared:
            old = held[r["id"]]
            records = pv.existing_records(old["sources"], old["props"].get(pv.RECORDS),
                                          _current(old))
            mine = {"props": r["props"],
                    "edges": [pv.edge_tuple(e) for e in plan.edges[r["id"]]]}
            row, edges = pv.node_row(r["label"], r["id"], r["source"],
                                     pv.with_source(records, r["source"], mine))
            r.update(row)
            plan.edges[r["id"]] = edges
    shared_rels = [r for rows in plan.rels.values() for r in rows
                   if r["key"] in rels and set(rels[r["key"]]["sources"]) - {r["source"]}]
    if shared_rels:
        held_rels = _rel_records(tx, shared_rels)
        for r in shared_rels:
            old = held_rels[r["key"]]
            current = {"props": {k: v for k, v in old["props"].items()
                                 if not k.startswith("_")}, "edges": []}
            records = pv.existing_records(old["sources"], old["props"].get(pv.RECORDS),
                                          current)
            mine = {"props": r["props"], "edges": []}
            props = pv.rel_props(pv.with_source(records, r["source"], mine))
            r["props"] = props
            r["hash"] = rel_digest(r["type"], r["from"], r["to"], props)


def _rel_records(tx: Any, rows: list[Row]) -> dict[str, Row]:
    out: dict[str, Row] = {}
    for batch in batches(rows):
        keys = [{"from": r["from"], "to": r["to"], "key": r["key"]} for r in batch]
        for row in db.run_tx(tx, "load_rel_records", {"rows": keys}):
            out[row["key"]] = row
    return out


def retract(tx: Any, source: str, node_ids: list[str], rel_rows: list[Row]) -> dict[str, int]:
    """Take `source`'s records out of the given nodes and relationship records: a record no
    other source lists is deleted; the others are combined again from what remains (and keep
    their relationships). Returns how many node and relationship records were deleted and
    how many rewritten."""
    counts = {"nodes_deleted": 0, "nodes_rewritten": 0, "rels_deleted": 0,
              "rels_rewritten": 0}
    rel_held = _rel_records(tx, rel_rows)
    gone_rels, keep_rels = [], []
    for key, old in rel_held.items():
        rest = [s for s in old["sources"] if s != source]
        if not rest:
            gone_rels.append({"from": old["from"], "to": old["to"], "key": key})
            continue
        current = {"props": {k: v for k, v in old["props"].items() if not k.startswith("_")},
                   "edges": []}
        records = [(s, r) for s, r in pv.existing_records(
            old["sources"], old["props"].get(pv.RECORDS), current) if s != source]
        props = pv.rel_props(records or [(rest[-1], current)])
        keep_rels.append({"from": old["from"], "to": old["to"], "key": key, "props": props,
                          "hash": rel_digest(old["type"], old["from"], old["to"], props),
                          "sources": rest})
    for batch in batches(gone_rels):
        db.run_tx(tx, "load_delete_rels", {"rows": batch})
    for batch in batches(keep_rels):
        db.run_tx(tx, "load_replace_rels", {"rows": batch})
    counts["rels_deleted"] = len(gone_rels)
    counts["rels_rewritten"] = len(keep_rels)

    held = _node_records(tx, node_ids)
    gone: list[str] = []
    keep: list[Row] = []
    edges: list[Edge] = []
    by_label: dict[str, list[str]] = {}
    for nid, old in held.items():
        rest = [s for s in old["sources"] if s != source]
        if not rest:
            gone.append(nid)
            continue
        records = [(s, r) for s, r in pv.existing_records(
            old["sources"], old["props"].get(pv.RECORDS), _current(old)) if s != source]
        row, owned = pv.node_row(old["label"], nid, rest[-1],
                                 records or [(rest[-1], _current(old))])
        keep.append({**row, "sources": rest})
        edges += owned
        by_label.setdefault(old["label"], []).append(nid)
    for batch in batches(keep):
        db.run_tx(tx, "load_replace_nodes", {"rows": batch})
    for label, ids in by_label.items():
        out_types, in_types = OWNED_BY[label]
        for batch in batches(ids):
            db.run_tx(tx, "load_delete_owned_edges", {"ids": batch, "out_types": out_types,
                                                      "in_types": in_types})
    # An owned edge whose other end is gone (deleted below, or never there) is not made.
    alive = set(held) - set(gone)
    others = {e["to"] if e["from"] in alive else e["from"] for e in edges}
    exists = alive | {row["id"] for batch in batches(sorted(others - set(gone)))
                      for row in db.run_tx(tx, "load_lookup_nodes", {"ids": batch})}
    for batch in batches([dict(e) for e in edges if e["from"] in exists and e["to"] in exists
                          and e["from"] not in gone and e["to"] not in gone]):
        db.run_tx(tx, "load_create_edges", {"rows": batch})
    for batch in batches(gone):
        db.run_tx(tx, "load_delete_nodes", {"ids": batch})
    counts["nodes_deleted"] = len(gone)
    counts["nodes_rewritten"] = len(keep)
    return counts


def prune(tx: Any, plan: Plan, report: Report) -> None:
    """Retract each source of `plan` from what an earlier load of it listed and this one
    no longer lists, counting those records in `report` (see `retract`)."""
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
        retract(tx, source, gone, rels)
