"""Streamed loads: large JSON files read, checked and written a slice at a time, so that
`kb` holds about the same memory for 10,000 components as for 1,000,000.

The batched load (`kb.ingest.batched`) keeps its promise, all or nothing, for a load of any
size, but it holds the whole load in memory: the parsed files, the validated records, the
write plan and the comparison with the knowledge base, 5.8 GiB at 1,000,000 components. A
streamed load works on one slice of `KB_BATCH_RECORDS` records of one section at a time,
in three passes, and keeps what must be known across records on disk, in a temporary
folder: a small SQLite index, and a spool of the validated records:

1. **Check.** Each file is parsed a record at a time (ijson). Every record is checked
   against the models and on its own, as `kb check` does, and goes to the spool; ids and
   the keys of relationship records go into the index, which finds a duplicate across the
   whole load. Nothing is sent to Neo4j.
2. **Compare and write nodes.** The spool is read back. Each slice's references are checked
   against the index, then
   against the knowledge base for the ids the files do not hold. Its records are planned
   (`kb.ingest.plan`), compared with what exists (`kb.ingest.diff`), and the records it
   creates are written as pending nodes, invisible to every analysis, as in a batched load.
   The index keeps each pending node's internal id.
3. **Write relationships.** The spool is read once more, each slice planned again (without
   the hashes): the relationships that start at a
   pending node are written pending, their ends found in the index (pending) or the
   knowledge base (live). Relationship records are compared and written likewise.
4. **Switch.** One last transaction checks, id by id from the index, that no other write
   changed the load's records meanwhile, makes the pending nodes live, writes what touches
   the live graph (updated records, relationships that start at a live node, new sources,
   the ecosystems) and logs the load, exactly as a batched load's switch does. If anything
   fails first, the pending records are removed.

The pending batches are sent from a thread of their own (`_Writer`) while the next slice is
planned, so that Python and Neo4j work at the same time; at most two batches wait.

What stays in memory grows only with what the switch writes: records the load updates and
the ids of unchanged records that gain a source (both nothing in a load of new records), the
sub-grant chain of every funding (a few per hundred components), and the relationships that
start at a live node.

A file with any problem is handed to the whole-file path (`kb.ingest.loader`), which reads it
again and lists every problem with its location, as for any load: a problem is never
reported differently because of the file's size. A file larger than the whole-file path reads
(`kb.ingest.reader.MAX_BYTES`) is reported with the first problem the check found.

The loader streams JSON files that together pass `KB_STREAM_ABOVE` bytes, unless `--prune`
(which needs every listed id at once) or `--one-transaction` is asked for. YAML and CSV are
read whole.
"""

from __future__ import annotations

import json
import pickle
import queue
import sqlite3
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, cast

import ijson
from neo4j import Driver
from pydantic import ValidationError

from kb.errors import KBError
from kb.ingest import batched, write
from kb.ingest import records as kb_records
from kb.ingest.diff import Counts, Diff, Report, Row, classify
from kb.ingest.model import NODE_SECTIONS, SECTIONS
from kb.ingest.plan import REL_TYPES, Edge, Plan, node_rows, owned_edges, rel_key, rel_row
from kb.ingest.reader import Problem, RawFile, ValidationFailed
from kb.ingest.validate import (
    _ADAPTERS,
    REFERENCES,
    Source,
    _check_records,
    _check_shape,
    _pydantic_reason,
    _refs,
)
from kb.settings import Settings
from kb.store import changes, db

Progress = Callable[[str, int, int], None]
Logger = Callable[[Any, Report], changes.Change | None]
SECTION_NO = {s: i for i, s in enumerate(SECTIONS)}
SECTION_OF_NO = dict(enumerate(SECTIONS))


def applies(paths: list[Path], *, prune: bool, batched_: bool | None,
            settings: Settings) -> bool:
    """Whether `kb load` of `paths` streams: every path a .json file, together at least
    KB_STREAM_ABOVE bytes, no --prune and no --one-transaction."""
    if prune or batched_ is False or not paths:
        return False
    if not all(p.suffix.lower() == ".json" and p.is_file() for p in paths):
        return False
    return sum(p.stat().st_size for p in paths) >= settings.kb_stream_above


class Unclear(KBError):
    """The streamed check found a problem: the whole-file path lists them all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


# --- reading ------------------------------------------------------------------------------


class _Malformed(ValueError):
    pass


def _value(events: Iterator[tuple[str, Any]], event: str, value: Any) -> Any:
    """The JSON value that starts with (event, value), refusing a key given twice."""
    if event == "start_map":
        out: dict[str, Any] = {}
        for event, value in events:
            if event == "end_map":
                return out
            key = value
            if key in out:
                raise _Malformed(f"malformed JSON: duplicate key {key!r}; a key may appear "
                                 "once in an object")
            out[key] = _value(events, *next(events))
        raise _Malformed("malformed JSON: the file ends inside an object")
    if event == "start_array":
        items: list[Any] = []
        for event, value in events:
            if event == "end_array":
                return items
            items.append(_value(events, event, value))
        raise _Malformed("malformed JSON: the file ends inside a list")
    return value


Item = tuple[str, int | None, Any]
"""(top-level key, index in its list or None for a value that is no list, the value)."""


def items(path: Path) -> Iterator[Item]:
    """The top-level values of a JSON file, each list's items one at a time:
    (key, index, item) for the items of a top-level list, (key, None, value) for the rest.
    Raises _Malformed for text that is not one well-formed JSON object in UTF-8."""
    with path.open("rb") as fh:
        head = fh.read(4)
        if head[:3] == b"\xef\xbb\xbf" or head[:2] in (b"\xff\xfe", b"\xfe\xff") \
                or b"\x00" in head:
            raise _Malformed("not plain UTF-8 JSON")
        fh.seek(0)
        try:
            events = ijson.basic_parse(fh, use_float=True)
            first = next(events, None)
            if first is None or first[0] != "start_map":
                raise _Malformed("the top level must be a mapping")
            seen: set[str] = set()
            for event, key in events:
                if event == "end_map":
                    if next(events, None) is not None:
                        raise _Malformed("malformed JSON: text after the top-level object")
                    return
                if key in seen:
                    raise _Malformed(f"malformed JSON: duplicate key {key!r}")
                seen.add(key)
                event, value = next(events)
                if event == "start_array":
                    i = 0
                    for event, value in events:
                        if event == "end_array":
                            break
                        yield key, i, _value(events, event, value)
                        i += 1
                else:
                    yield key, None, _value(events, event, value)
        except (ijson.JSONError, UnicodeDecodeError, RecursionError, StopIteration) as exc:
            said = (str(exc).splitlines() or [type(exc).__name__])[0]
            raise _Malformed(f"malformed JSON: {said}") from None


def slices(path: Path, size: int) -> Iterator[tuple[str, int | None, list[Any]]]:
    """The file as (key, first index, up to `size` items of one list) and (key, None,
    [value]) for values that are no list, in file order."""
    key, start = "", 0
    chunk: list[Any] = []
    for k, i, v in items(path):
        if i is None:
            if chunk:
                yield key, start, chunk
                chunk = []
            yield k, None, [v]
            continue
        if chunk and (k != key or len(chunk) >= size):
            yield key, start, chunk
            chunk = []
        if not chunk:
            key, start = k, i
        chunk.append(v)
    if chunk:
        yield key, start, chunk


# --- the index ----------------------------------------------------------------------------


class Index:
    """What a streamed load must know across records, in SQLite on disk: the load's ids
    (with their section), the keys of its relationship records, what the comparison saw of
    existing records, and the internal ids of its pending nodes and of the live nodes its
    pending relationships end at."""

    def __init__(self, folder: Path) -> None:
        self.db = sqlite3.connect(folder / "load-index.sqlite", isolation_level=None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-32768",
                       "temp_store=FILE"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript("""
            CREATE TABLE ids (id TEXT PRIMARY KEY, sec INTEGER, file INTEGER, pos INTEGER)
                WITHOUT ROWID;
            CREATE TABLE rels (key TEXT, file INTEGER, pos INTEGER, PRIMARY KEY (key, file))
                WITHOUT ROWID;
            CREATE TABLE seen (k TEXT PRIMARY KEY, fp TEXT) WITHOUT ROWID;
            CREATE TABLE made (id TEXT PRIMARY KEY, label TEXT, node INTEGER) WITHOUT ROWID;
            CREATE TABLE live (id TEXT PRIMARY KEY, node INTEGER) WITHOUT ROWID;
            CREATE TABLE want (k TEXT PRIMARY KEY) WITHOUT ROWID;
        """)

    def close(self) -> None:
        self.db.close()

    def add(self, table: str, rows: list[tuple[Any, ...]], key: int = 1
            ) -> tuple[tuple[Any, ...], tuple[Any, ...]] | None:
        """Insert rows whose first `key` columns are the table's key; when one repeats a
        key (of the table, or of an earlier row), insert none and return (that row, the
        row it repeats)."""
        if not rows:
            return None
        marks = ",".join("?" * len(rows[0]))
        try:
            self.db.execute("BEGIN")
            self.db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)  # noqa: S608
            self.db.execute("COMMIT")
            return None
        except sqlite3.IntegrityError:
            self.db.execute("ROLLBACK")
        cols = self.db.execute(f"SELECT * FROM {table} LIMIT 0").description  # noqa: S608
        where = " AND ".join(f"{c[0]} = ?" for c in cols[:key])
        earlier: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        for row in rows:
            first = earlier.get(row[:key]) or self.db.execute(
                f"SELECT * FROM {table} WHERE {where}", row[:key]).fetchone()  # noqa: S608
            if first is not None:
                return row, tuple(first)
            earlier[row[:key]] = row
        raise AssertionError("the index refused rows without a repeated key")

    def put(self, table: str, rows: Iterable[tuple[Any, ...]]) -> None:
        """Insert rows, keeping the first of each key."""
        rows = list(rows)
        if rows:
            marks = ",".join("?" * len(rows[0]))
            self.db.execute("BEGIN")
            self.db.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", rows)  # noqa: S608
            self.db.execute("COMMIT")

    def find(self, table: str, keys: Iterable[str], column: str = "id") -> dict[str, Any]:
        """{key: the rest of its row, a tuple} for the keys the table holds."""
        self.db.execute("BEGIN")
        self.db.execute("DELETE FROM want")
        self.db.executemany("INSERT OR IGNORE INTO want VALUES (?)", ((k,) for k in keys))
        got = self.db.execute(f"SELECT t.* FROM want JOIN {table} t ON t.{column} = want.k"  # noqa: S608
                              ).fetchall()
        self.db.execute("COMMIT")
        return {r[0]: r[1:] for r in got}

    def each(self, table: str, columns: str, size: int, distinct: bool = False
             ) -> Iterator[list[tuple[Any, ...]]]:
        """The rows of a table in key order, `size` at a time; each page is its own query,
        so that the index can be written between pages. The key is the first column."""
        key = columns.split(",")[0].strip()
        last = ""
        pick = "DISTINCT " if distinct else ""
        while True:
            rows = self.db.execute(f"SELECT {pick}{columns} FROM {table} WHERE {key} > ? "  # noqa: S608
                                   f"ORDER BY {key} LIMIT ?", (last, size)).fetchall()
            if not rows:
                return
            yield rows
            last = rows[-1][0]


# --- the writer ---------------------------------------------------------------------------


class _Writer:
    """Sends the pending batches from a thread of its own, each in its own transaction, while
    the load prepares the next: Python's planning and Neo4j's writing overlap on two cores.
    At most `depth` batches wait, so memory stays flat. The first failure stops it: later
    batches are dropped, and the load sees the failure at its next `send` or `flush`."""

    def __init__(self, batches: batched._Batches, depth: int = 2) -> None:
        self.batches = batches
        self.jobs: queue.Queue[tuple[str, list[Row], int, dict[str, Any], str | None] | None]
        self.jobs = queue.Queue(maxsize=depth)
        self.made: queue.SimpleQueue[tuple[str, list[str], list[int]]] = queue.SimpleQueue()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="kb-load-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            job = self.jobs.get()
            try:
                if job is None:
                    return
                if self.error is None:
                    query, rows, count, params, label = job
                    out = self.batches.send(query, rows, count, **params)
                    if label is not None:
                        self.made.put((label, out[0]["ids"], out[0]["nodes"]))
            except BaseException as exc:  # noqa: BLE001 - handed to the load's thread
                self.error = exc
            finally:
                self.jobs.task_done()

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error

    def send(self, query: str, rows: list[Row], count: int, *, label: str | None = None,
             **params: Any) -> None:
        """Queue one batch (waiting while `depth` batches wait); `label`: the batch creates
        pending nodes of that label, whose internal ids `created` gives back."""
        self._raise()
        self.jobs.put((query, rows, count, params, label))

    def created(self) -> Iterator[tuple[str, str, int]]:
        """(id, label, internal id) of the pending nodes created since the last call."""
        while True:
            try:
                label, ids, nodes = self.made.get_nowait()
            except queue.Empty:
                return
            yield from ((i, label, n) for i, n in zip(ids, nodes, strict=True))

    def flush(self) -> None:
        """Wait until every queued batch is written; raise the first failure."""
        self.jobs.join()
        self._raise()

    def stop(self) -> None:
        """Drop what waits, let the batch in flight end, and end the thread."""
        self.error = self.error or _Stopped()
        while True:
            try:
                self.jobs.get_nowait()
                self.jobs.task_done()
            except queue.Empty:
                break
        self.jobs.put(None)
        self.thread.join()


class _Stopped(Exception):
    """The load stopped its writer (it failed on its own side)."""


# --- one file ----------------------------------------------------------------------------


@dataclass
class _File:
    path: Path
    name: str
    ecosystem: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    edges: int = 0  # owned relationships its node records name (an upper bound)


def _valid(name: str, section: str, start: int, chunk: list[Any]) -> list[dict[str, Any]]:
    """The slice's records as validated dicts; Unclear at the first problem of one."""
    try:
        parsed: list[Any] = _ADAPTERS[section].validate_python(chunk)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = list(err["loc"])
        i = loc.pop(0) if loc and isinstance(loc[0], int) else None
        rec = chunk[i] if isinstance(i, int) else None
        rid = rec.get("id") if isinstance(rec, dict) and isinstance(rec.get("id"), str) else None
        raise Unclear(Problem(name, _pydantic_reason(err, SECTIONS[section]), section,
                              start + i if isinstance(i, int) else None, rid,
                              ".".join(str(x) for x in loc) or None)) from None
    return [r.model_dump(by_alias=True, mode="python") for r in parsed]


def _first(problems: list[Problem], start: int = 0) -> None:
    """Unclear with the first problem, its index moved by `start`."""
    if problems:
        p = problems[0]
        raise Unclear(Problem(p.file, p.reason, p.section,
                              None if p.index is None else p.index + start, p.record_id,
                              p.field))


class _Load:
    """One streamed load: its files, its index, its report and what its switch writes."""

    def __init__(self, driver: Driver | None, paths: list[Path], settings: Settings,
                 progress: Progress, folder: Path) -> None:
        # No driver: `kb check --offline`, which only checks (references stay in the files).
        self.offline = driver is None
        self.driver: Driver = cast(Driver, driver)
        self.settings, self.tick = settings, progress
        self.size = settings.kb_batch_records
        self.files = [_File(p, str(p)) for p in paths]
        self.index = Index(folder)
        self.spool_path = folder / "records.pickle"
        self.spool: BinaryIO | None = None
        self.report = Report()
        self.clashes: list[Problem] = []
        self.empty = True
        # What the switch writes (see the module's text): it stays in memory.
        self.rest = Diff(self.report, empty=False)
        self.rest_edges: dict[str, list[Edge]] = {}
        self.out: _Writer | None = None

    def close(self) -> None:
        """Close the index and the spool (the caller removes their folder)."""
        self.index.close()
        if self.spool is not None:
            self.spool.close()

    # 1. check
    def check(self) -> None:
        parents: dict[str, Any] = {}
        where: dict[str, tuple[str, int]] = {}
        ecos: dict[str, str] = {}
        done = 0
        self.spool = spool = self.spool_path.open("wb")
        for f in self.files:
            meta: dict[str, Any] = {}
            try:
                for key, start, chunk in slices(f.path, self.size):
                    if start is None:
                        meta[key] = chunk[0]
                        continue
                    if key not in SECTIONS:
                        meta[key] = chunk
                        continue
                    self._check_slice(f, key, start, chunk, parents, where)
                    done += len(chunk)
                    self.tick("checking", done, 0)
            except _Malformed as exc:
                raise Unclear(Problem(f.name, str(exc))) from None
            src, problems = _check_shape(RawFile(f.name, meta, []))
            _first(problems)
            f.ecosystem = src.ecosystem
            eid = f.ecosystem["id"]
            if eid in ecos:
                raise Unclear(Problem(f.name, f"ecosystem id {eid!r} is also used by "
                                      f"{ecos[eid]}", "ecosystem", field="id"))
            ecos[eid] = f.name
        spool.close()
        for fid in parents:  # sub-grant cycles, as kb.ingest.validate finds them
            chain, cur = [fid], parents.get(fid)
            while isinstance(cur, str) and cur in parents and cur not in chain:
                chain.append(cur)
                cur = parents[cur]
            if cur == fid:
                name, i = where[fid]
                raise Unclear(Problem(name, "sub-grant cycle: " + " -> ".join([*chain, fid]),
                                      "fundings", i, fid, "parent"))

    def _check_slice(self, f: _File, section: str, start: int, chunk: list[Any],
                     parents: dict[str, Any], where: dict[str, tuple[str, int]]) -> None:
        recs = _valid(f.name, section, start, chunk)
        no = self.files.index(f)
        # Passes 2 and 3 read the validated records from here: no parsing or validating
        # again (our own file, so pickle is safe; it keeps dates as dates).
        assert self.spool is not None
        pickle.dump((no, section, start, recs), self.spool, protocol=pickle.HIGHEST_PROTOCOL)
        sections: dict[str, list[dict[str, Any]]] = {s: [] for s in SECTIONS}
        sections[section] = recs
        _first(_check_records(RawFile(f.name, {section: chunk}, []),
                              Source(f.name, {}, sections)), start)
        f.counts[section] = f.counts.get(section, 0) + len(recs)
        if section in NODE_SECTIONS:
            twice = self.index.add("ids", [(r["id"], SECTION_NO[section], no, start + i)
                                           for i, r in enumerate(recs)])
            if twice is not None:
                (rid, _, _, pos), (_, sec, other, first) = twice
                used = f"{SECTION_OF_NO[sec]}[{first}]" + (
                    f" of {self.files[other].name}" if other != no else "")
                raise Unclear(Problem(f.name, f"duplicate id; already used by {used}",
                                      section, pos, rid, "id"))
            for fld in (fl for (s, fl) in REFERENCES if s == section):
                f.edges += sum(len(_refs(r, fld)) for r in chunk)
            if section == "fundings":
                for i, r in enumerate(chunk):
                    parents.setdefault(r["id"], r.get("parent"))
                    where.setdefault(r["id"], (f.name, start + i))
        else:
            twice = self.index.add("rels", [(rel_key(section, r), no, start + i)
                                            for i, r in enumerate(recs)], key=2)
            if twice is not None:
                (_, _, pos), (_, _, first) = twice
                raise Unclear(Problem(f.name, f"duplicate of {section}[{first}]", section,
                                      pos))

    # 2. references
    def _references(self, f: _File, section: str, start: int, chunk: list[Any]) -> None:
        """Unclear at the first reference of the slice that names no record of the right
        sections, in the files or the knowledge base."""
        fields = [(fl, targets) for (s, fl), targets in REFERENCES.items() if s == section]
        refs = {r for rec in chunk for fl, _ in fields for r in _refs(rec, fl)}
        known = {k: SECTION_OF_NO[v[0]] for k, v in self.index.find("ids", refs).items()}
        missing = sorted(refs - known.keys())
        in_kb: dict[str, str] = {}
        for batch in write.batches([] if self.offline else missing):
            for row in db.run(self.driver, "load_lookup_nodes", {"ids": batch},
                              settings=self.settings):
                in_kb[row["id"]] = row["label"]
        for i, rec in enumerate(chunk):
            for fl, targets in fields:
                for ref in _refs(rec, fl):
                    ok = (known[ref] in targets if ref in known else
                          in_kb.get(ref) in {NODE_SECTIONS[t] for t in targets})
                    if not ok:
                        raise Unclear(Problem(f.name, f"reference {ref!r} does not name a "
                                              f"record of {'/'.join(targets)}", section,
                                              start + i, rec.get("id"), fl))

    def _compare(self, plan: Plan) -> Diff:
        """The slice's plan compared with the knowledge base; what exists is remembered in
        the index for the switch's check."""
        nodes: dict[str, Row] = {}
        rels: dict[str, Row] = {}
        if not self.empty:
            with db.write_transaction(self.driver, self.settings) as tx:
                _, nodes, rels = write.read_existing(tx, plan, lock=False)
                seen = batched._fingerprint(False, nodes, rels)
                write.fold(tx, plan, nodes, rels)
            self.index.put("seen", [("n:" + i, json.dumps(v)) for i, v in seen[1].items()])
            self.index.put("seen", [("r:" + k, json.dumps(v)) for k, v in seen[2].items()])
        diff = classify(plan, nodes, rels, self.empty)
        self.clashes += diff.clashes
        for section, c in diff.report.sections.items():
            mine = self.report.sections[section]
            mine.created += c.created
            mine.updated += c.updated
            mine.unchanged += c.unchanged
        for source, ids in diff.node_sources.items():
            self.rest.node_sources.setdefault(source, []).extend(ids)
        for source, keys in diff.rel_sources.items():
            self.rest.rel_sources.setdefault(source, []).extend(keys)
        return diff

    def _spooled(self) -> Iterator[tuple[_File, str, int, list[dict[str, Any]]]]:
        """The validated records pass 1 kept, a slice at a time: (file, section, index of
        the first, records)."""
        with self.spool_path.open("rb") as fh:
            while True:
                try:
                    no, section, start, recs = pickle.load(fh)  # noqa: S301 (our own file)
                except EOFError:
                    return
                yield self.files[no], section, start, recs

    def nodes(self, dry_run: bool) -> None:
        """Pass 2: references, then each node slice compared and its new records written
        as pending nodes."""
        for f, section, start, recs in self._spooled():
            self._references(f, section, start, recs)
            if section not in NODE_SECTIONS:
                continue
            plan = self._plan_nodes(f, section, recs)
            diff = self._compare(plan)
            if self.clashes or dry_run:
                continue
            for r in diff.updated:
                self.rest.updated.append(r)
                self.rest_edges[r["id"]] = plan.edges[r["id"]]
                self.rest.edges.extend(plan.edges[r["id"]])
            assert self.out is not None
            for label, rows in diff.created.items():
                for batch in write.batches(rows, self.size):
                    self.out.send("load_pending_create_nodes", batch, len(batch), label=label)
            self.index.put("made", self.out.created())
        if self.out is not None:
            self.out.flush()
            self.index.put("made", self.out.created())

    def _plan_nodes(self, f: _File, section: str, recs: list[dict[str, Any]]) -> Plan:
        eco = f.ecosystem
        plan = Plan()
        rows = plan.nodes[section] = []
        for rec in recs:
            row, edges = node_rows(section, rec, eco["id"], eco["currency"], eco.get("covers"))
            rows.append(row)
            plan.edges[row["id"]] = edges
        return plan

    # 3. relationships
    def relationships(self, dry_run: bool) -> None:
        """Pass 3: the owned relationships of the pending nodes, and the relationship
        records, compared and written."""
        for f, section, _, recs in self._spooled():
            if section in NODE_SECTIONS:
                if not dry_run:
                    self._owned({r["id"]: owned_edges(section, r) for r in recs})
                continue
            plan = Plan()
            plan.rels[section] = [rel_row(section, r, f.ecosystem["id"]) for r in recs]
            diff = self._compare(plan)
            if dry_run:
                continue
            self.rest.update_rels.extend(diff.update_rels)
            if diff.create_rels:
                self._rels(diff.create_rels)

    def _ends(self, ids: set[str]) -> tuple[dict[str, int], dict[str, int]]:
        """(pending node -> internal id, live node -> internal id) for these ids."""
        made = {i: v[1] for i, v in self.index.find("made", ids).items()}
        others = sorted(ids - made.keys())
        live = batched._internal_ids(kb_records.on(self.driver, self.settings), others)
        self.index.put("live", live.items())
        return made, live

    def _owned(self, by_record: dict[str, list[Edge]]) -> None:
        """Write the owned relationships of the slice's pending records that start at a
        pending node; the others wait for the switch."""
        ids = {e[i] for edges in by_record.values() for e in edges for i in (1, 2)}
        made, live = self._ends(ids | by_record.keys())
        new = made.keys()
        node_of = {**live, **made}
        edges: list[Edge] = []
        for rid, owned in by_record.items():
            if rid not in new:
                continue
            for e in owned:
                if batched._within(e, new):  # type: ignore[arg-type]
                    edges.append(e)
                else:
                    self.rest.edges.append(e)
        assert self.out is not None
        out = self.out
        for batch in write.batches([{"type": k, "from": node_of[s], "to": node_of[d],
                                     "voice": v} for k, s, d, v in edges if v is not None],
                                   self.size):
            out.send("load_create_edges_by_node", batch, len(batch))
        for kind, groups in batched._edge_groups(edges, node_of):
            for batch in write.edge_batches(groups, self.size):
                out.send("load_create_edge_groups_by_node", batch,
                         sum(len(g["to"]) for g in batch), type=kind)

    def _rels(self, rows: list[Row]) -> None:
        made, live = self._ends({r["from"] for r in rows} | {r["to"] for r in rows})
        node_of = {**live, **made}
        pending = []
        for r in rows:
            if r["from"] in made:
                pending.append({**r, "from": node_of[r["from"]], "to": node_of[r["to"]]})
            else:
                self.rest.create_rels.append(r)
        assert self.out is not None
        for batch in write.batches(pending, self.size):
            self.out.send("load_create_rels_by_node", batch, len(batch))

    # 4. switch
    def _changed(self, tx: Any) -> list[str]:
        """Ids and keys of the load whose state differs from what the comparison saw."""
        differ: list[str] = []
        for batch in self.index.each("ids", "id", write.BATCH):
            ids = [i for (i,) in batch]
            now = {row["id"]: json.dumps([row["label"], row["hash"], list(row["sources"])])
                   for row in db.run_tx(tx, "load_lookup_nodes", {"ids": ids})}
            before = {k[2:]: v[0] for k, v in self.index.find(
                "seen", ["n:" + i for i in ids], "k").items()}
            differ += [i for i in ids if before.get(i) != now.get(i)]
        for batch in self.index.each("rels", "key", write.BATCH, distinct=True):
            keys = [k for (k,) in batch]
            rows = [{**kb_records.ends(k), "key": k} for k in keys]
            now = {row["key"]: json.dumps([row["hash"], list(row["sources"])])
                   for row in db.run_tx(tx, "load_lookup_rels", {"rows": rows})}
            before = {k[2:]: v[0] for k, v in self.index.find(
                "seen", ["r:" + k for k in keys], "k").items()}
            differ += [k for k in keys if before.get(k) != now.get(k)]
        return sorted(differ)

    def switch(self, log: Logger) -> None:
        with db.write_transaction(self.driver, self.settings) as tx:
            self.tick("checking what changed meanwhile", 0, 1)
            db.run_tx(tx, "load_lock")
            differ = self._changed(tx)
            if differ:
                raise batched.changed_meanwhile(differ)
            gone: list[str] = []
            for batch in self.index.each("live", "id, node", write.BATCH):
                now = batched._internal_ids(kb_records.in_tx(tx), [i for i, _ in batch])
                gone += [i for i, node in batch if now.get(i) != node]
            if gone:
                raise batched.gone_meanwhile(sorted(gone))
            total = self.index.db.execute("SELECT count(*) FROM made").fetchone()[0]
            done = 0
            self.tick("making the load live", 0, total)
            for batch in self.index.each("made", "id, label, node", write.BATCH):
                for label in dict.fromkeys(lb for _, lb, _ in batch):
                    batched.switch_nodes(tx, label, [n for _, lb, n in batch if lb == label])
                done += len(batch)
                self.tick("making the load live", done, total)
            plan = Plan(edges=self.rest_edges, ecosystems=[
                {**f.ecosystem, "covers": sorted(f.ecosystem.get("covers") or []),
                 "origin": f.name} for f in self.files])
            write.apply(tx, plan, self.rest, self.tick)
            entry = log(tx, self.report)
            if entry is not None:
                changes.append(tx, entry)
            db.run_tx(tx, "load_pending_end")
            tx.commit()

    def run(self, dry_run: bool, log_for: Callable[[list[str]], Logger]) -> Report:
        self.check()
        for section in [*NODE_SECTIONS, *REL_TYPES]:
            if any(f.counts.get(section) for f in self.files):
                self.report.sections[section] = Counts()
        self.empty = bool(db.run(self.driver, "load_is_empty",
                                 settings=self.settings)[0]["empty"])
        if dry_run:
            self.nodes(dry_run=True)
            self._no_clashes()
            self.relationships(dry_run=True)
            self.report.dry_run = True
            return self.report
        load_id = uuid.uuid4().hex[:12]
        batched._begin(self.driver, self.settings, load_id, self.report)
        try:
            records = sum(sum(f.counts.values()) for f in self.files)
            batches = batched._Batches(self.driver, self.settings, load_id,
                                       records + sum(f.edges for f in self.files), self.tick)
            self.out = _Writer(batches)
            self.nodes(dry_run=False)
            self._no_clashes()
            self.relationships(dry_run=False)
            self.out.flush()
            self.out.stop()
            self.tick("writing pending records", batches.done, batches.done)
            self.switch(log_for([f.ecosystem["id"] for f in self.files]))
        except BaseException as exc:
            if self.out is not None:  # nothing may write after the pending records go
                self.out.stop()
            batched.undo(self.driver, self.settings, exc)
            raise
        return self.report

    def _no_clashes(self) -> None:
        if self.clashes:
            raise ValidationFailed(self.clashes)


def _folder(settings: Settings) -> tempfile.TemporaryDirectory[str]:
    """A temporary folder for the index and the spool, under KB_STATE_DIR when it exists."""
    state = settings.kb_state_dir
    return tempfile.TemporaryDirectory(prefix="kb-load-", dir=state if state.is_dir() else None)


def check(driver: Driver | None, paths: list[Path], settings: Settings) -> int:
    """`kb check` of JSON files as a stream: the check and the references of a streamed
    load, nothing compared or written; references the files do not hold are looked up in
    the knowledge base when `driver` is given. Returns how many records the files hold;
    raises Unclear at the first problem (the caller lists them all)."""
    with _folder(settings) as tmp:
        job = _Load(driver, paths, settings, lambda *_: None, Path(tmp))
        try:
            job.check()
            for f, section, start, recs in job._spooled():
                job._references(f, section, start, recs)
            return sum(sum(f.counts.values()) for f in job.files)
        finally:
            job.close()


def load(driver: Driver, paths: list[Path], *, dry_run: bool, progress: Progress,
         settings: Settings, log_for: Callable[[list[str]], Logger]) -> Report:
    """Load JSON files as a stream (see the module's text). Raises Unclear when a file has a
    problem (the caller lists them all), ValidationFailed when an id is already a node of
    another kind, and what a batched load raises (LoadBusy, ChangedMeanwhile)."""
    with _folder(settings) as tmp:
        job = _Load(driver, paths, settings, progress, Path(tmp))
        try:
            return job.run(dry_run, log_for)
        finally:
            job.close()
