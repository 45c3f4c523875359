"""Merge one node into another inside a load's transaction: the two ids name one thing.

Used when a source says that two components are one codebase (a package URL and the
repository that holds its code) and by `kb alias add` for existing nodes. The merged node's
relationships move to the node it is merged into; every source keeps its records (a source
that described both gets one record combining its two, as `kb.ingest.provenance` combines
sources); relationship records that become one are combined the same way; records of other
nodes that mention the old id are rewritten. A `:Merged` record keeps the old id, what it
now means, why, and a snapshot of what the merged node held, so later imports resolve the old
id to the new one.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from neo4j.time import Date, DateTime

from kb.errors import KBError
from kb.ingest import provenance as pv
from kb.ingest.plan import OWNED_BY, digest, rel_digest
from kb.ingest.write import Row, _current, _node_records, batches
from kb.store import db


def _rename_record(rec: pv.Record, old: str, new: str) -> pv.Record:
    props = dict(rec.get("props", {}))
    if props.get("id") == old:
        props["id"] = new
    edges = [tuple(new if (i in (1, 2) and x == old) else x for i, x in enumerate(e))
             for e in rec.get("edges", [])]
    edges = [e for e in edges if e[1] != e[2]]  # one codebase does not depend on itself
    return {"props": props, "edges": sorted(edges, key=lambda e: tuple(x or "" for x in e))}


def _rename_key(key: str, old: str, new: str) -> str:
    parts = json.loads(key)
    ends = [new if x == old else x for x in parts[1:3]]
    if parts[0] == "ties":
        ends = sorted(ends)
    return json.dumps([parts[0], *ends, *parts[3:]])


def _records_of(row: Row) -> list[tuple[str, pv.Record]]:
    return pv.existing_records(row["sources"], row["props"].get(pv.RECORDS), _current(row))


def _rewrite_neighbours(tx: Any, ids: set[str], old: str, new: str) -> None:
    """Rewrite `old` to `new` in the kept records of the given nodes."""
    held = _node_records(tx, sorted(ids))
    rows = []
    for nid, row in held.items():
        stored = pv.loads(row["props"].get(pv.RECORDS))
        if stored is None:
            continue
        rows.append({"id": nid, "records": pv.dumps(
            [(s, _rename_record(r, old, new)) for s, r in stored])})
    for batch in batches(rows):
        db.run_tx(tx, "load_set_records", {"rows": batch})


def merge_node(tx: Any, old: str, new: str, why: str, alias: str = "") -> str:
    """Merge node `old` into node `new` (see the module docstring). Returns "renamed" when no
    node had id `new` (the old node takes it), "merged", or "absent" when `old` is not in the
    knowledge base. KBError when the two are different kinds of record. With `alias`, the
    merge keeps what `undo` needs to split the two again."""
    if old == new:
        return "absent"
    held = _node_records(tx, [old, new])
    if old not in held:
        return "absent"
    x = held[old]
    y = held.get(new)
    if y is not None and y["label"] != x["label"]:
        raise KBError(f"cannot merge {x['label']} {old!r} into {y['label']} {new!r}: they "
                      "are different kinds of record")
    x_records = [(s, _rename_record(r, old, new)) for s, r in _records_of(x)]
    db.run_tx(tx, "load_note_merge", {"old": old, "new": new, "why": why, "alias": alias,
                                      "snapshot": json.dumps({"sources": x["sources"],
                                                              "records": pv.dumps(x_records)})})
    neighbours = {e["other"] for e in x["out"] + x["in"]}
    keyed = db.run_tx(tx, "load_keyed_rels_of", {"id": old})
    neighbours |= {r["from"] if r["to"] == old else r["to"] for r in keyed}
    if alias:
        before = {"x": _dump(tx, old), "y": _dump(tx, new) if y is not None else None,
                  "neighbours": {n: r["props"].get(pv.RECORDS) for n, r in _node_records(
                      tx, sorted(neighbours - {old, new})).items()}}
        result = _merge(tx, x, y, x_records, keyed, neighbours, old, new)
        db.run_tx(tx, "load_set_merge_undo", {"old": old, "undo": json.dumps(
            {**before, "after": fingerprint(tx, new)}, default=_encode)})
        return result
    return _merge(tx, x, y, x_records, keyed, neighbours, old, new)


def _merge(tx: Any, x: Row, y: Row | None, x_records: list[tuple[str, pv.Record]],
           keyed: list[Row], neighbours: set[str], old: str, new: str) -> str:
    if y is None:
        _rekey(tx, keyed, old, new)
        stored = pv.dumps(x_records) if pv.loads(x["props"].get(pv.RECORDS)) else ""
        db.run_tx(tx, "load_rename_node", {"old": old, "new": new, "records": stored})
        _rewrite_neighbours(tx, neighbours - {new}, old, new)
        return "renamed"
    # Both exist: combine each source's records, then move what the old node had.
    combined = list(_records_of(y))
    for s, xr in x_records:
        at = next((i for i, (t, _) in enumerate(combined) if t == s), None)
        if at is None:
            combined.append((s, xr))
        else:
            combined[at] = (s, pv.combine(new, [(s, xr), combined[at]]))
    sources = list(dict.fromkeys([*y["sources"], *x["sources"]]))
    row, owned = pv.node_row(y["label"], new, sources[-1], combined)
    out_types, in_types = OWNED_BY[x["label"]]
    have = {(e["type"], e["other"]) for e in y["out"]} | {(e["type"], "<" + e["other"])
                                                         for e in y["in"]}
    moved = [{"type": e["type"], "from": new, "to": e["other"], "props": {"voice": e["voice"]},
              "sources": None} for e in x["out"]
             if e["type"] not in out_types and (e["type"], e["other"]) not in have
             and e["other"] != new]
    moved += [{"type": e["type"], "from": e["other"], "to": new, "props": {"voice": e["voice"]},
               "sources": None} for e in x["in"]
              if e["type"] not in in_types and (e["type"], "<" + e["other"]) not in have
              and e["other"] != new]
    _move_keyed(tx, keyed, old, new)
    db.run_tx(tx, "load_delete_nodes", {"ids": [old]})
    for batch in batches([{**m, "props": {k: v for k, v in m["props"].items()
                                          if v is not None}} for m in moved]):
        db.run_tx(tx, "load_move_rels", {"rows": batch})
    db.run_tx(tx, "load_replace_nodes", {"rows": [{**row, "sources": sources}]})
    db.run_tx(tx, "load_delete_owned_edges", {"ids": [new], "out_types": out_types,
                                              "in_types": in_types})
    ends = {e["to"] if e["from"] == new else e["from"] for e in owned}
    alive = {r["id"] for r in db.run_tx(tx, "load_lookup_nodes", {"ids": sorted(ends)})}
    db.run_tx(tx, "load_create_edges", {"rows": [
        dict(e) for e in owned if e["from"] in alive | {new} and e["to"] in alive | {new}]})
    _rewrite_neighbours(tx, neighbours - {new, old}, old, new)
    return "merged"


def _own(props: dict[str, Any]) -> pv.Record:
    return {"props": {k: v for k, v in props.items() if not k.startswith("_")}, "edges": []}


def _rekey(tx: Any, keyed: list[Row], old: str, new: str) -> None:
    """Relationship records at `old` given the keys they have once `old` is called `new`
    (before the node is renamed; their ends stay the same nodes)."""
    rows = []
    for r in keyed:
        key = _rename_key(r["key"], old, new)
        records = [(s, {"props": {**rec["props"], "key": key}, "edges": []})
                   for s, rec in pv.existing_records(r["sources"], r["props"].get(pv.RECORDS),
                                                     _own(r["props"]))]
        props = pv.rel_props(records)
        src = new if r["from"] == old else r["from"]
        dst = new if r["to"] == old else r["to"]
        rows.append({"from": r["from"], "to": r["to"], "key": r["key"], "props": props,
                     "sources": r["sources"], "hash": rel_digest(r["type"], src, dst, props)})
    for batch in batches(rows):
        db.run_tx(tx, "load_replace_rels", {"rows": batch})


def _move_keyed(tx: Any, keyed: list[Row], old: str, new: str) -> None:
    """Relationship records at `old` re-keyed for `new`; one that `new` already has is
    combined with it per source."""
    for r in keyed:
        key = _rename_key(r["key"], old, new)
        src = new if r["from"] == old else r["from"]
        dst = new if r["to"] == old else r["to"]
        mine = [(s, {"props": {**rec["props"], "key": key}, "edges": []})
                for s, rec in pv.existing_records(r["sources"], r["props"].get(pv.RECORDS),
                                                  _own(r["props"]))]
        there = db.run_tx(tx, "load_rel_records", {"rows": [{"from": src, "to": dst,
                                                            "key": key}]})
        sources = list(r["sources"])
        if there:
            other = there[0]
            theirs = pv.existing_records(other["sources"], other["props"].get(pv.RECORDS),
                                         _own(other["props"]))
            records = list(theirs)
            for s, rec in mine:
                at = next((i for i, (t, _) in enumerate(records) if t == s), None)
                if at is None:
                    records.append((s, rec))
                else:
                    records[at] = (s, pv.combine("", [(s, rec), records[at]]))
            sources = list(dict.fromkeys([*other["sources"], *sources]))
            props = pv.rel_props(records)
            db.run_tx(tx, "load_replace_rels", {"rows": [{
                "from": src, "to": dst, "key": key, "props": props, "sources": sources,
                "hash": rel_digest(r["type"], src, dst, props)}]})
        else:
            props = pv.rel_props(mine)
            db.run_tx(tx, "load_move_rels", {"rows": [{
                "type": r["type"], "from": src, "to": dst, "props": {
                    **props, "_hash": rel_digest(r["type"], src, dst, props)},
                "sources": sources}]})
        db.run_tx(tx, "load_delete_rels", {"rows": [{"from": r["from"], "to": r["to"],
                                                      "key": r["key"]}]})


def _encode(v: Any) -> Any:
    """Neo4j dates and datetimes in JSON, tagged so that `_decode` gives the same types."""
    if isinstance(v, Date):
        return {"$date": v.iso_format()}
    if isinstance(v, DateTime):
        return {"$datetime": v.iso_format()}
    raise TypeError(type(v).__name__)


def _decode(v: Any) -> Any:
    if isinstance(v, dict):
        if set(v) == {"$date"}:
            return date.fromisoformat(v["$date"])
        if set(v) == {"$datetime"}:
            return datetime.fromisoformat(v["$datetime"])
        return {k: _decode(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_decode(x) for x in v]
    return v


def _dump(tx: Any, node_id: str) -> dict[str, Any] | None:
    rows = db.run_tx(tx, "load_node_dump", {"id": node_id})
    return rows[0] if rows else None


def fingerprint(tx: Any, node_id: str) -> str:
    """A digest of a node and every relationship at it: equal digests mean nothing at it
    changed."""
    dump = _dump(tx, node_id)
    if dump is None:
        return ""
    rels = sorted(json.dumps(r, sort_keys=True, default=_encode) for r in dump["rels"])
    return digest(json.dumps(dump["props"], sort_keys=True, default=_encode), rels)


def undo(tx: Any, old: str, new: str, stored: str) -> None:
    """Split `old` out of `new` again, from what `merge_node(..., alias=...)` kept: both nodes
    and their relationships as they were, and the records of their neighbours. KBError when
    anything at `new` changed since the merge (a later load or import): then splitting could
    lose what came after."""
    saved = _decode(json.loads(stored))
    if fingerprint(tx, new) != saved["after"]:
        raise KBError(f"{new!r} has changed since {old!r} was merged into it (a later load or "
                      "import wrote to it), so the merge cannot be undone without losing that",
                      hint=f"Forget and re-import the sources that name {old!r} "
                      "(kb sources, kb forget), or keep the merge.")
    db.run_tx(tx, "load_delete_nodes", {"ids": [new]})
    dumps = [d for d in (saved["y"], saved["x"]) if d is not None]
    db.run_tx(tx, "load_restore_nodes", {"rows": [{"label": d["label"], "props": d["props"]}
                                                  for d in dumps]})
    seen: set[str] = set()
    rels = []
    for d in dumps:
        for r in d["rels"]:
            key = json.dumps(r, sort_keys=True, default=str)
            if key not in seen:
                seen.add(key)
                rels.append({"type": r["type"], "from": r["from"], "to": r["to"],
                             "props": {k: v for k, v in r["props"].items() if k != "_sources"},
                             "sources": r["props"].get("_sources")})
    for batch in batches(rels):
        db.run_tx(tx, "load_move_rels", {"rows": batch})
    db.run_tx(tx, "load_set_records", {"rows": [
        {"id": n, "records": rec} for n, rec in saved["neighbours"].items()]})
