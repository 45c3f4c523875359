"""`kb load`: validate every file, then write all of them in one transaction.

A load either writes everything or nothing. Records whose content did not change are not
rewritten, so loading the same file twice reports them as unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j import Driver

from kb import db
from kb.errors import KBError
from kb.graph import OWNED_BY, Plan, build
from kb.model import NODE_SECTIONS
from kb.perf import collector_paused
from kb.reader import Problem, RawFile, read
from kb.settings import Settings, get_settings
from kb.validate import Result, validate_files, validate_raw

BATCH = 10000
Progress = Callable[[str, int, int], None]
"""Called as progress(step, done, total) while writing."""


class ValidationFailed(KBError):
    """The input has problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        n = len(problems)
        super().__init__(
            f"{n} problem{'s' if n != 1 else ''} found; nothing was written:\n{lines}",
            hint="Fix them and run the command again.",
        )


@dataclass
class Counts:
    """Created / updated / unchanged records of one section."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    pruned: int = 0


@dataclass
class Report:
    """What a load did (or, in a dry run, would do), per section."""

    sections: dict[str, Counts] = field(default_factory=dict)
    dry_run: bool = False

    def total(self, what: str) -> int:
        """Sum of one count over all sections."""
        return sum(getattr(c, what) for c in self.sections.values())

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "dry_run": self.dry_run,
            "sections": {s: c.__dict__ for s, c in self.sections.items()},
            "totals": {k: self.total(k) for k in ("created", "updated", "unchanged", "pruned")},
        }


def _batches(rows: list[Any], size: int = BATCH) -> Iterator[list[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _edge_batches(groups: list[dict[str, Any]], size: int = BATCH) -> Iterator[list[Any]]:
    """Edge groups in batches of about `size` edges."""
    batch: list[dict[str, Any]] = []
    count = 0
    for g in groups:
        batch.append(g)
        count += len(g["to"])
        if count >= size:
            yield batch
            batch, count = [], 0
    if batch:
        yield batch


def kb_lookup(driver: Driver, settings: Settings) -> Callable[[Iterable[str]], dict[str, str]]:
    """A lookup of existing ids' labels, for validating references into the knowledge base."""

    def lookup(ids: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for batch in _batches(list(ids)):
            for row in db.run(driver, "load_lookup_nodes", {"ids": batch}, settings=settings):
                found[row["id"]] = row["label"]
        return found

    return lookup


def check(paths: list[Path], driver: Driver | None = None,
          settings: Settings | None = None) -> Result:
    """Validate files, resolving references into the knowledge base when a driver is given."""
    settings = settings or get_settings()
    lookup = kb_lookup(driver, settings) if driver is not None else None
    return validate_files(paths, lookup)


def load(driver: Driver, paths: list[Path], *, prune: bool = False, dry_run: bool = False,
         progress: Progress | None = None, settings: Settings | None = None) -> Report:
    """Validate `paths` and write them atomically; raise ValidationFailed on any problem."""
    with collector_paused():
        return load_raw(driver, [read(p) for p in paths], prune=prune, dry_run=dry_run,
                        progress=progress, settings=settings)


def load_raw(driver: Driver, raws: list[RawFile], *, prune: bool = False,
             dry_run: bool = False, progress: Progress | None = None,
             settings: Settings | None = None) -> Report:
    """Validate documents already in memory (importers' output) and write them atomically."""
    with collector_paused():  # hundreds of thousands of records and rows, no cycles
        settings = settings or get_settings()
        progress = progress or (lambda *_: None)
        result = validate_raw(raws, kb_lookup(driver, settings))
        if not result.ok:
            raise ValidationFailed(result.problems)
        plan = build(result.sources)
        with driver.session(database=settings.neo4j_database) as session:
            tx = session.begin_transaction()
            try:
                report = _write(tx, plan, prune, progress)
                report.dry_run = dry_run
                if dry_run:
                    tx.rollback()
                else:
                    tx.commit()
            finally:
                if tx.closed() is False:
                    tx.rollback()
        if not dry_run:
            del plan, result  # the risk snapshot below is built without them in memory
            _precompute_risk(driver, settings, progress)
    return report


def _precompute_risk(driver: Driver, settings: Settings, progress: Progress) -> None:
    """Compute the risk engine's snapshot of the graph as the load left it, and keep it on
    disk (`fastrisk.refresh`)."""
    from kb import fastrisk

    progress("precomputing risk", 0, 1)
    fastrisk.refresh(driver, settings)
    progress("precomputing risk", 1, 1)


def _write(tx: Any, plan: Plan, prune: bool, progress: Progress) -> Report:
    report = Report()
    # 1. Classify every record against what the knowledge base holds (nothing to look up in
    # an empty one).
    empty = db.run_tx(tx, "load_is_empty")[0]["empty"]
    all_ids = [] if empty else [r["id"] for rows in plan.nodes.values() for r in rows]
    existing: dict[str, dict[str, Any]] = {}
    for batch in _batches(all_ids):
        for row in db.run_tx(tx, "load_lookup_nodes", {"ids": batch}):
            existing[row["id"]] = row
    clashes = [
        Problem("(knowledge base)", f"id {r['id']!r} is already a {existing[r['id']]['label']} "
                f"in the knowledge base; it cannot become a {r['label']}", section=section)
        for section, rows in plan.nodes.items() for r in rows
        if r["id"] in existing and existing[r["id"]]["label"] != r["label"]
    ]
    if clashes:
        raise ValidationFailed(clashes)
    write_nodes: list[dict[str, Any]] = []
    add_source: dict[str, list[str]] = {}
    updated_ids: list[str] = []
    for section, rows in plan.nodes.items():
        counts = report.sections.setdefault(section, Counts())
        for r in rows:
            old = existing.get(r["id"])
            if old is None:
                counts.created += 1
                write_nodes.append(r)
            elif old["hash"] != r["hash"]:
                counts.updated += 1
                write_nodes.append(r)
                updated_ids.append(r["id"])
            else:
                counts.unchanged += 1
                if r["source"] not in old["sources"]:
                    add_source.setdefault(r["source"], []).append(r["id"])
    existing_rels: dict[str, dict[str, Any]] = {}
    all_rels = [] if empty else [r for rows in plan.rels.values() for r in rows]
    for batch in _batches(all_rels):
        keys = [{"from": r["from"], "to": r["to"], "key": r["key"]} for r in batch]
        for row in db.run_tx(tx, "load_lookup_rels", {"rows": keys}):
            existing_rels[row["key"]] = row
    write_rels: list[dict[str, Any]] = []
    update_rels: list[dict[str, Any]] = []
    add_rel_source: dict[str, list[dict[str, Any]]] = {}
    for section, rows in plan.rels.items():
        counts = report.sections.setdefault(section, Counts())
        for r in rows:
            old = existing_rels.get(r["key"])
            if old is None:
                counts.created += 1
                write_rels.append(r)
            elif old["hash"] != r["hash"]:
                counts.updated += 1
                update_rels.append(r)
            else:
                counts.unchanged += 1
                if r["source"] not in old["sources"]:
                    add_rel_source.setdefault(r["source"], []).append(
                        {"from": r["from"], "to": r["to"], "key": r["key"]})
    # 2. Write nodes, then the relationships their records own, then relationship records.
    updated = set(updated_ids)
    edges = [e for r in write_nodes for e in plan.edges[r["id"]]]
    total = len(write_nodes) + len(edges) + len(write_rels) + len(update_rels)
    done = 0
    progress("writing", done, total)
    new_by_label: dict[str, list[dict[str, Any]]] = {}
    for r in write_nodes:
        if r["id"] not in updated:
            new_by_label.setdefault(r["label"], []).append(r)
    node_of: dict[str, int] = {}  # id -> internal node id of the nodes created here
    for label, rows in new_by_label.items():
        for batch in _batches(rows):
            made = db.run_tx(tx, "load_create_nodes", {"label": label, "rows": batch})[0]
            node_of.update(zip(made["ids"], made["nodes"], strict=True))
            done += len(batch)
            progress("writing", done, total)
    for batch in _batches([r for r in write_nodes if r["id"] in updated]):
        db.run_tx(tx, "load_upsert_nodes", {"rows": batch})
        done += len(batch)
        progress("writing", done, total)
    by_label: dict[str, list[str]] = {}
    for r in write_nodes:
        if r["id"] in updated:
            by_label.setdefault(r["label"], []).append(r["id"])
    for label, ids in by_label.items():
        out_types, in_types = OWNED_BY[label]
        for batch in _batches(ids):
            db.run_tx(tx, "load_delete_owned_edges", {"ids": batch, "out_types": out_types,
                                                      "in_types": in_types})
    for batch in _batches([e for e in edges if e["voice"] is not None]):
        db.run_tx(tx, "load_create_edges", {"rows": batch})
        done += len(batch)
        progress("writing", done, total)
    by_type: dict[str, dict[str, list[str]]] = {}  # type -> start node -> end nodes
    for e in edges:
        if e["voice"] is None:
            by_type.setdefault(e["type"], {}).setdefault(e["from"], []).append(e["to"])
    # Into an empty knowledge base every edge joins two nodes created above: name them by
    # internal node id, which is cheaper to seek than the id index.
    group_query = "load_create_edge_groups_by_node" if empty else "load_create_edge_groups"
    for kind, groups in by_type.items():
        rows = ([{"from": node_of[src], "to": [node_of[t] for t in targets]}
                 for src, targets in groups.items()] if empty else
                [{"from": src, "to": targets} for src, targets in groups.items()])
        for batch in _edge_batches(rows):
            db.run_tx(tx, group_query, {"type": kind, "rows": batch})
            done += sum(len(r["to"]) for r in batch)
            progress("writing", done, total)
    if empty:
        write_rels = [{**r, "from": node_of[r["from"]], "to": node_of[r["to"]]}
                      for r in write_rels]
    for name, rows in (("load_create_rels_by_node" if empty else "load_create_rels",
                        write_rels), ("load_update_rels", update_rels)):
        for batch in _batches(rows):
            db.run_tx(tx, name, {"rows": batch})
            done += len(batch)
            progress("writing", done, total)
    for source, ids in add_source.items():
        for batch in _batches(ids):
            db.run_tx(tx, "load_add_source_nodes", {"ids": batch, "source": source})
    for source, rows in add_rel_source.items():
        for batch in _batches(rows):
            db.run_tx(tx, "load_add_source_rels", {"rows": batch, "source": source})
    for eco in plan.ecosystems:
        db.run_tx(tx, "load_upsert_ecosystem", eco)
    # 3. Prune what each source listed before and no longer lists.
    if prune:
        _prune(tx, plan, report)
    return report


def _prune(tx: Any, plan: Plan, report: Report) -> None:
    section_of = {label: section for section, label in NODE_SECTIONS.items()}
    for eco in plan.ecosystems:
        source = eco["id"]
        listed_keys = {r["key"] for rows in plan.rels.values() for r in rows
                       if r["source"] == source}
        rels = [r for r in db.run_tx(tx, "load_source_rels", {"source": source})
                if r["key"] not in listed_keys]
        for r in rels:
            section = _key_section(r["key"])
            report.sections.setdefault(section, Counts()).pruned += 1
        for batch in _batches(rels):
            db.run_tx(tx, "load_prune_rels", {"rows": batch, "source": source})
        listed = {r["id"] for rows in plan.nodes.values() for r in rows if r["source"] == source}
        before = [row["id"] for row in db.run_tx(tx, "load_source_nodes", {"source": source})]
        gone = [i for i in before if i not in listed]
        if gone:
            labels = {}
            for batch in _batches(gone):
                for row in db.run_tx(tx, "load_lookup_nodes", {"ids": batch}):
                    labels[row["id"]] = row["label"]
            for i in gone:
                section = section_of.get(labels.get(i, ""), "actors")
                report.sections.setdefault(section, Counts()).pruned += 1
            for batch in _batches(gone):
                db.run_tx(tx, "load_prune_nodes", {"ids": batch, "source": source})


def _key_section(key: str) -> str:
    return str(json.loads(key)[0])


def ensure_schema(driver: Driver, settings: Settings | None = None) -> int:
    """Create the constraints and indexes in cypher/schema/ (idempotent); return how many."""
    from kb import queries

    names = sorted(n for n, q in queries.library().items() if q.path.parent.name == "schema")
    for name in names:
        db.run(driver, name, settings=settings)
    return len(names)


def reset(driver: Driver, settings: Settings | None = None) -> None:
    """Delete everything in the knowledge base."""
    from kb import queries

    settings = settings or get_settings()
    with driver.session(database=settings.neo4j_database) as session:
        session.run(queries.get("reset").text).consume()
