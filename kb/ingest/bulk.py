"""`kb load --bulk`: a load without a size ceiling, for an empty knowledge base on the
project's own server, through Neo4j's offline importer (`neo4j-admin database import full`).

The files are read and validated exactly as `kb load` does (the same problems, nothing
written while there is one), planned into the same nodes and relationships with the same
bookkeeping (`_hash`, `_sources`), written as CSV, and imported while the server is stopped;
the server then starts, the schema (constraints, indexes) is built, the load goes into the
change log and the risk snapshot is renewed. The result is the graph `kb load` makes of the
same files (`tests/integration/test_bulk.py` compares them).

It applies only where the importer can: the provisioned server (not `NEO4J_URI`: Aura or a
cluster) and an empty knowledge base. Anything else is refused before anything stops (files
that list one record twice are already refused by validation; the plan is checked again).
A failed import leaves the knowledge base empty, as it was.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from kb.errors import UsageError
from kb.ingest import loader
from kb.ingest.diff import Counts, Report
from kb.ingest.plan import Edge, Plan, build
from kb.ingest.reader import RawFile, read
from kb.ingest.validate import validate_raw
from kb.perf import collector_paused
from kb.settings import Settings, get_settings
from kb.store import changes, db, events, schema
from kb.store.server import local

DELIM = "\x1f"  # between the items of a list property: no id or name may hold it
Progress = Callable[[str, int, int], None]


def _kind(v: Any) -> str:
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "long"
    if isinstance(v, float):
        return "double"
    if isinstance(v, date):
        return "date"
    if isinstance(v, list):
        return "string[]"
    return "string"


def _columns(rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Each property's CSV type, from the values it holds (ints among floats: double)."""
    kinds: dict[str, str] = {}
    for props in rows:
        for k, v in props.items():
            if v is None:
                continue
            kind = _kind(v)
            had = kinds.get(k)
            if had is None or had == kind:
                kinds[k] = kind
            elif {had, kind} == {"long", "double"}:
                kinds[k] = "double"
            else:
                raise UsageError(f"property {k!r} holds both {had} and {kind} values; the "
                                 "importer needs one type per column",
                                 hint="Load these files with `kb load` instead.")
    return kinds


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, list):
        items = [str(x) for x in v]
        if any(DELIM in x for x in items):
            raise UsageError("a list value holds the character U+001F, which the bulk "
                             "import uses between items", hint="Load with `kb load`.")
        return DELIM.join(items)
    return str(v)


def _write(path: Path, header: list[str], rows: Iterable[list[str]]) -> int:
    n = 0
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        for row in rows:
            w.writerow(row)
            n += 1
    return n


def _typed(path: Path, rows: list[dict[str, Any]], own: str, head: list[str],
           fixed: Callable[[dict[str, Any]], list[str]]) -> Path:
    """A file of node or relationship rows: the `head` columns (`fixed` of each row), then
    one typed column per property of `props` except `own` (already among the fixed)."""
    cols = _columns(r["props"] for r in rows)
    cols.pop(own, None)
    names = sorted(cols)
    _write(path, [*head, *[f"{k}:{cols[k]}" for k in names]],
           ([*fixed(r), *[_cell(r["props"].get(k)) for k in names]] for r in rows))
    return path


def _check_unique(plan: Plan) -> None:
    seen: set[str] = set()
    for rows in plan.nodes.values():
        for r in rows:
            if r["id"] in seen:
                raise UsageError(f"record {r['id']!r} is in more than one of the files: the "
                                 "bulk import takes files that share no record",
                                 hint="Load them with `kb load`, which combines sources.")
            seen.add(r["id"])
    keys: set[str] = set()
    for rows in plan.rels.values():
        for r in rows:
            if r["key"] in keys:
                raise UsageError(f"relationship record {r['key']} is in more than one of the "
                                 "files", hint="Load them with `kb load`.")
            keys.add(r["key"])


def write_csv(plan: Plan, folder: Path, now: str) -> tuple[list[Path], list[Path]]:
    """The plan as the importer's CSV files (labels and list items separated by DELIM):
    one node file per label and one for the sources, one relationship file per type.
    Returns (node files, relationship files)."""
    nodes: list[Path] = []
    rels: list[Path] = []
    for rows in plan.nodes.values():
        if not rows:
            continue
        labels = f"Entity{DELIM}{rows[0]['label']}"

        def node(r: dict[str, Any], labels: str = labels) -> list[str]:
            return [r["id"], labels, r["hash"], r["source"]]

        nodes.append(_typed(folder / f"nodes-{rows[0]['label']}.csv", rows, "id",
                            ["id:ID(Entity)", ":LABEL", "_hash", "_sources:string[]"], node))
    path = folder / "nodes-Ecosystem.csv"
    _write(path, ["id:ID(Ecosystem)", ":LABEL", "name", "currency", "covers:string[]",
                  "origin", "loaded_at", "first_loaded_at"],
           ([e["id"], "Ecosystem", e["name"], e["currency"], _cell(e.get("covers") or []),
             e.get("origin") or "", now, now] for e in plan.ecosystems))
    nodes.append(path)
    by_type: dict[str, list[Edge]] = {}
    for edges in plan.edges.values():
        for e in edges:
            kind, _, _, _ = e
            by_type.setdefault(kind, []).append(e)
    for kind, edges in sorted(by_type.items()):
        path = folder / f"edges-{kind}.csv"
        if kind == "VOICE":
            _write(path, [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "voice"],
                   ([src, dst, kind, voice or ""] for _, src, dst, voice in edges))
        else:
            _write(path, [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"],
                   ([src, dst, kind] for _, src, dst, _ in edges))
        rels.append(path)
    for rows in plan.rels.values():
        if not rows:
            continue
        def rel(r: dict[str, Any]) -> list[str]:
            return [r["from"], r["to"], r["type"], r["key"], r["hash"], r["source"]]

        rels.append(_typed(folder / f"rels-{rows[0]['type']}.csv", rows, "key",
                           [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "key", "_hash",
                            "_sources:string[]"], rel))
    return nodes, rels


def _report(plan: Plan) -> Report:
    report = Report()
    for section, rows in plan.nodes.items():
        report.sections[section] = Counts(created=len(rows))
    for section, rows in plan.rels.items():
        report.sections[section] = Counts(created=len(rows))
    return report


def load(paths: list[Path], *, settings: Settings | None = None,
         progress: Progress | None = None, author: str | None = None) -> Report:
    """Validate `paths` and load them into the empty knowledge base with Neo4j's importer.
    UsageError (before anything stops) where the importer cannot be used; ValidationFailed
    with every problem."""
    settings = settings or get_settings()
    tick = progress or (lambda *_: None)
    if settings.neo4j_uri:
        raise UsageError("--bulk needs the project's own server; NEO4J_URI points elsewhere",
                         hint="On Aura or a cluster, load with `kb load` (transactions).")
    with db.connect(settings) as driver:
        if not db.run(driver, "load_is_empty", settings=settings)[0]["empty"]:
            raise UsageError("--bulk loads only into an empty knowledge base; this one holds "
                             "records", hint="Use `kb load` to add to it, or `kb reset` "
                             "first to replace everything.")
    with collector_paused():
        tick("reading", 0, len(paths))
        raws: list[RawFile] = [read(p) for p in paths]
        result = validate_raw(raws, None)
        if not result.ok:
            raise loader.ValidationFailed(result.problems)
        del raws  # the files as read: the validated records are a copy
        plan = build(result.sources, consume=True)
        del result
        _check_unique(plan)
        report = _report(plan)
        lay = local.layout(settings)
        lay.import_dir.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix="bulk-", dir=lay.import_dir))
        try:
            tick("writing CSV", 0, 1)
            now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
            nodes, rels = write_csv(plan, folder, now)
            summary = loader.summary(report, [e["id"] for e in plan.ecosystems])
            del plan
            tick("stopping Neo4j", 0, 1)
            local.stop(settings)
            tick("importing", 0, 1)
            try:
                local.bulk_import(settings, nodes, rels, DELIM)
            finally:
                tick("starting Neo4j", 0, 1)
                local.start(settings)
            tick("importing", 1, 1)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    with db.connect(settings) as driver:
        tick("building the schema", 0, 1)
        schema.ensure_schema(driver, settings)
        schema.await_indexes(driver, settings)
        with db.write_transaction(driver, settings) as tx:
            changes.append(tx, changes.Change(author or changes.os_author(), "cli", "load",
                                              summary + " (bulk import)"))
            tx.commit()
        tick("after the load", 0, 1)
        events.publish(events.Committed(driver, settings, "load"))
        tick("after the load", 1, 1)
    return report

