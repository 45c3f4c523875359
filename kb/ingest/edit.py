"""One record at a time: add, change or delete a record, and undo any such change exactly.

The panel's forms and the workshop pages write through here. A record is saved as a one-record
`valuenet/1` document of the source it belongs to, through the loader (`load_raw`): the same
validation, the same messages, every problem at once, and all or nothing. A deletion refuses
while other records still refer to the record.

Every change goes into the change log (`kb.store.changes`) in its own transaction, with the
record before and after (to show) and the stored node or relationship before and after (to
undo). Undo puts back exactly what was stored before, and refuses when the record has changed
since (undo the later change first) or when something it referred to is gone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from neo4j import Driver
from neo4j.time import Date, DateTime

from kb.errors import KBError, NotFound, UsageError
from kb.ingest import loader, records
from kb.ingest.diff import Report
from kb.ingest.model import FORMAT, NODE_SECTIONS, SECTIONS
from kb.ingest.plan import OWNED_BY, REL_TYPES, rel_key
from kb.ingest.reader import Problem, RawFile
from kb.settings import Settings, get_settings
from kb.store import changes, db, events

# What a relationship at a record says about the record at its other end.
REFERS = {"GIVES": "exchange with", "GRANTS": "funding", "TO": "funding", "FOR": "funding",
          "PASSES_ON": "funding", "UNDER": "funding", "INVOLVED_IN": "involvement with",
          "OWNS": "product", "BUILT_ON": "product", "PARTY_TO": "agreement",
          "CONCERNS": "agreement", "TIE": "tie with", "MAINTAINS": "maintenance by",
          "RELIES_ON": "reliance of", "MEMBER_OF": "member", "DEPENDS_ON": "component",
          "ABOUT": "decision", "VOICE": "decision"}


class Conflict(KBError):
    """The change cannot be made as asked (a record refers here; it changed since)."""


@dataclass
class Saved:
    """What a save did: the record's key, its change log entry and the load's report."""

    section: str
    key: str
    seq: int
    action: str
    report: Report


def key_of(section: str, record: dict[str, Any]) -> str:
    """How the KB names a record: a node's id, a relationship record's key."""
    if section in NODE_SECTIONS:
        return str(record.get("id", ""))
    return rel_key(section, record)


def encode(value: Any) -> Any:
    """A stored value as JSON, its type kept (dates and times are not strings)."""
    if isinstance(value, DateTime | datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, Date | date):
        return {"$date": value.isoformat()}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    return value


def decode(value: Any) -> Any:
    """The value `encode` was given, for writing it back."""
    if isinstance(value, dict):
        if set(value) == {"$date"}:
            return date.fromisoformat(value["$date"])
        if set(value) == {"$datetime"}:
            return datetime.fromisoformat(value["$datetime"])
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def dump(run: records.Runner, section: str, key: str) -> dict[str, Any] | None:
    """What the KB stores of a record, exactly (encoded), or None."""
    held = records.stored(run, section, key)
    return encode(held) if held is not None else None


def _read(run: records.Runner, section: str, key: str
          ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """A record as stored (encoded, for undo) and as `valuenet/1` gives it, from one read."""
    held = records.stored(run, section, key)
    if held is None:
        return None, None
    return encode(held), records.record_of(section, key, held)


def _sources_of(held: dict[str, Any] | None) -> list[str]:
    return list(((held or {}).get("props") or {}).get("_sources") or [])


def _header(run: records.Runner, source: str) -> dict[str, Any]:
    rows = run("records_ecosystem", {"id": source})
    if not rows:
        raise NotFound(f"no source {source!r} in the knowledge base",
                       hint="Pick one of the sources listed at /sources, or start one.")
    head = {k: rows[0][k] for k in ("id", "name", "currency")}
    if rows[0]["covers"]:
        head["covers"] = list(rows[0]["covers"])
    return head


@dataclass
class Item:
    """One record to save: its section, the record, and the id or key of the record it
    changes (None for a new record)."""

    section: str
    record: dict[str, Any]
    original: str | None = None


def save(driver: Driver, section: str, record: dict[str, Any], *, author: str,
         source: str | None = None, original: str | None = None, via: str = "panel",
         settings: Settings | None = None) -> Saved:
    """Add `record` to `section`, or change the record named `original` (its id or key)
    into it, in `source` (default: the newest source of the record changed; for a new
    record, the only source when there is one). Raises loader.ValidationFailed with every
    problem, or NotFound / UsageError."""
    return save_many(driver, [Item(section, record, original)], author=author, source=source,
                     via=via, settings=settings)[0]


def _check(read: records.Runner, item: Item) -> tuple[str, dict[str, Any] | None]:
    """The item's key and what the KB holds of the record it changes; UsageError or
    NotFound when it cannot be saved as asked."""
    section, original = item.section, item.original
    if section not in SECTIONS:
        raise UsageError(f"no section {section!r}", hint=f"One of {', '.join(SECTIONS)}.")
    key = key_of(section, item.record)
    if section in NODE_SECTIONS and original is not None and key != original:
        raise UsageError(f"a record's id cannot change here ({original!r} to {key!r})",
                         hint="Add a record with the new id and delete the old one, or "
                         "merge the two with an alias (`kb alias`).")
    held = dump(read, section, original) if original is not None else None
    if original is not None and held is None:
        raise NotFound(f"no {records.TITLES[section]} {original!r} in the knowledge base",
                       hint="It may have been deleted; reload the page.")
    if original != key and key and dump(read, section, key) is not None:
        raise UsageError(f"there is already a {records.TITLES[section]} {key!r}",
                         hint="Change that record instead, or give another id.")
    return key, held


def save_many(driver: Driver, items: list[Item], *, author: str, source: str | None = None,
              via: str = "panel", settings: Settings | None = None) -> list[Saved]:
    """Save several records in one transaction (all or nothing), each into its own source
    (a changed record stays in its newest source; new ones go into `source`, or the only
    source there is). Each record changed gets its own change log entry."""
    settings = settings or get_settings()
    read = records.on(driver, settings)
    checked = [_check(read, item) for item in items]
    default = source
    if default is None and any(held is None for _, held in checked):
        ecos = db.run(driver, "export_ecosystems", settings=settings)
        if len(ecos) != 1:
            raise UsageError("which source should hold this record?" if ecos else
                             "the knowledge base has no source to add records to",
                             hint="Pick a source in the form." if ecos else
                             "Start one first: give the ecosystem's id and name.")
        default = str(ecos[0]["id"])
    docs: dict[str, dict[str, Any]] = {}
    for item, (_, held) in zip(items, checked, strict=True):
        src = (source if source and held is None else None) or (
            _sources_of(held)[-1] if _sources_of(held) else default)
        assert src is not None
        if src not in docs:
            docs[src] = {"format": FORMAT, "ecosystem": _header(read, src)}
        docs[src].setdefault(item.section, []).append(item.record)
    out: list[Saved] = []
    befores: list[tuple[dict[str, Any] | None, dict[str, Any] | None]] = []

    def start(tx: Any) -> None:
        run = records.in_tx(tx)
        for item, (key, _) in zip(items, checked, strict=True):
            if item.original is None:
                befores.append((None, None))
                continue
            held, before_rec = _read(run, item.section, item.original)
            befores.append((held, before_rec))
            if item.section in REL_TYPES and item.original != key and held is not None:
                # A relationship record whose key fields changed: the old one goes.
                db.run_tx(tx, "load_delete_rels", {"rows": [{
                    "from": held["from"], "to": held["to"], "key": item.original}]})

    def log(tx: Any, report: Report) -> changes.Change | None:
        run = records.in_tx(tx)
        for item, (key, _), (before_dump, before_rec) in zip(items, checked, befores,
                                                             strict=True):
            after_dump, after_rec = _read(run, item.section, key)
            if item.original is not None and _same(after_dump, before_dump):
                out.append(Saved(item.section, key, 0, "unchanged", report))
                continue
            action = "update" if item.original is not None else "create"
            what = records.describe(item.section, after_rec, key)
            seq = changes.append(tx, changes.Change(
                author, via, action, f"{action}d {records.TITLES[item.section]} {what}",
                item.section, key, before_rec, after_rec, before_dump, after_dump))
            out.append(Saved(item.section, key, seq, action, report))
        return None  # logged here, so that each entry's number is known

    raws = [RawFile("the form", doc, []) for doc in docs.values()]
    loader.load_raw(driver, raws, settings=settings, author=author, via=via, log=log,
                    before=start)
    return out


def references(held: dict[str, Any], key: str) -> list[str]:
    """What refers to a node record from outside it: relationships at the node that its own
    record does not own (other records' references, relationship records)."""
    out_types, in_types = OWNED_BY[held["label"]]
    said = []
    for e in held["edges"]:
        mine = (e["from"] == key and e["type"] in out_types) or (
            e["to"] == key and e["type"] in in_types)
        if not mine:
            other = e["to"] if e["from"] == key else e["from"]
            said.append(f"{REFERS.get(e['type'], e['type'].lower())} {other}")
    return sorted(set(said))


def delete(driver: Driver, section: str, key: str, *, author: str, via: str = "panel",
           settings: Settings | None = None) -> int:
    """Delete a record from every source that lists it; its change log sequence number.
    Conflict while other records refer to it."""
    settings = settings or get_settings()
    if section not in SECTIONS:
        raise UsageError(f"no section {section!r}", hint=f"One of {', '.join(SECTIONS)}.")
    with db.write_transaction(driver, settings) as tx:
        db.run_tx(tx, "load_lock")
        held, before_rec = _read(records.in_tx(tx), section, key)
        if held is None:
            raise NotFound(f"no {section} record {key!r} in the knowledge base",
                           hint="It may have been deleted already; reload the page.")
        if section in NODE_SECTIONS:
            refs = references(held, key)
            if refs:
                shown = "; ".join(refs[:8]) + (f"; and {len(refs) - 8} more"
                                               if len(refs) > 8 else "")
                raise Conflict(f"{key} cannot be deleted: other records refer to it ({shown})",
                               hint="Delete or change those records first.")
            db.run_tx(tx, "load_delete_nodes", {"ids": [key]})
        else:
            db.run_tx(tx, "load_delete_rels", {"rows": [{"from": held["from"],
                                                        "to": held["to"], "key": key}]})
        what = records.describe(section, before_rec, key)
        seq = changes.append(tx, changes.Change(author, via, "delete",
                                                f"deleted {records.TITLES[section]} {what}",
                                                section, key,
                                                before_rec, None, held, None))
        tx.commit()
    events.publish(events.Committed(driver, settings, "delete"))
    return seq


def _same(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    def norm(x: dict[str, Any] | None) -> str:
        if x is None:
            return "null"
        x = dict(x)
        if "edges" in x:
            x["edges"] = sorted(x["edges"], key=lambda e: json.dumps(e, sort_keys=True))
        return json.dumps(x, sort_keys=True)
    return norm(a) == norm(b)


def _restore(tx: Any, section: str, held: dict[str, Any]) -> None:
    if section in NODE_SECTIONS:
        edges = decode(held["edges"])
        made = db.run_tx(tx, "records_restore_node", {"label": held["label"],
                                                      "props": decode(held["props"]),
                                                      "edges": edges})
        if not made or made[0]["made"] != len(edges):
            raise Conflict("the record cannot be put back: a record it referred to is gone",
                           hint="Undo the deletion of that record first.")
    else:
        made = db.run_tx(tx, "records_restore_rel", {"type": held["type"],
                                                     "from": held["from"], "to": held["to"],
                                                     "props": decode(held["props"])})
        if not made:
            raise Conflict("the record cannot be put back: one of its ends is gone",
                           hint="Undo the deletion of that record first.")


def _remove(tx: Any, section: str, key: str, held: dict[str, Any]) -> None:
    if section in NODE_SECTIONS:
        db.run_tx(tx, "load_delete_nodes", {"ids": [key]})
    else:
        db.run_tx(tx, "load_delete_rels", {"rows": [{"from": held["from"], "to": held["to"],
                                                    "key": key}]})


def undo(driver: Driver, seq: int, *, author: str, via: str = "panel",
         settings: Settings | None = None) -> int:
    """Undo change `seq` (a record added, changed or deleted, or an undo): put back exactly
    what was stored before it. Its own sequence number. Conflict when the record changed
    since, or when the change was undone already."""
    settings = settings or get_settings()
    entry = changes.get(driver, seq, settings)
    if entry["action"] not in ("create", "update", "delete", "undo"):
        raise UsageError(f"change {seq} is a {entry['action']}; only one record's change "
                         "can be undone here",
                         hint="A load is taken back with `kb forget SOURCE`, or by loading "
                         "the earlier file again.")
    if entry["undone_by"] is not None:
        raise Conflict(f"change {seq} was undone already, by change {entry['undone_by']}",
                       hint=f"Undo change {entry['undone_by']} to make it again.")
    section, key = entry["section"], entry["record"]
    with db.write_transaction(driver, settings) as tx:
        db.run_tx(tx, "load_lock")
        run = records.in_tx(tx)
        now = dump(run, section, key)
        if not _same(now, entry["after_dump"]):
            later = changes.listing(driver, settings, section=section, record=key, limit=1)
            newer = f" (change {later[0]['seq']})" if later and later[0]["seq"] != seq else ""
            raise Conflict(f"{section} {key} has changed since change {seq}{newer}",
                           hint="Undo the later changes first, newest first.")
        if now is not None:
            _remove(tx, section, key, now)
        back = key
        if entry["before_dump"] is not None:
            back = key_of(section, entry["before"]) if entry["before"] else key
            if back != key and dump(run, section, back) is not None:
                raise Conflict(f"{section} {back} exists again", hint="Delete it first.")
            _restore(tx, section, entry["before_dump"])
        new = changes.append(tx, changes.Change(
            author, via, "undo", f"undid change {seq} ({entry['summary']})", section, back,
            entry["after"], entry["before"], entry["after_dump"], entry["before_dump"],
            undoes=seq))
        tx.commit()
    events.publish(events.Committed(driver, settings, "undo"))
    return new


def problems_by_field(problems: list[Problem]) -> dict[str, list[str]]:
    """A form's problems by field name ("" for the record as a whole)."""
    out: dict[str, list[str]] = {}
    for p in problems:
        out.setdefault(p.field or "", []).append(p.reason)
    return out
