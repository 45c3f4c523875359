"""The change log: who changed what, when, through which door, and what it was before.

Every write kb makes appends one `:Change` node in the same transaction as the write, so the
log and the data never disagree:

- a load (`kb load`, an import, a panel upload) logs what it did in one line (its counts);
  `kb forget` logs what it took out, `kb alias add` / `remove` which actors it merged or split;
- a record added, edited or deleted in the panel logs the record before and after (as
  `valuenet/1` records, to show) and the stored node or relationship before and after
  (`*_dump`, to undo exactly); an undo is logged too, and marks what it undid.

Entries carry a sequence number from a counter node, which also serialises writers.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from neo4j import Driver

from kb.errors import NotFound
from kb.settings import Settings
from kb.store import db


def os_author() -> str:
    """Who runs a command: KB_AUTHOR when set, else the operating-system user."""
    given = os.environ.get("KB_AUTHOR", "").strip()
    if given:
        return given[:80]
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (some containers)
        return f"uid {os.getuid()}"


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, sort_keys=True, default=str)


@dataclass
class Change:
    """One entry of the log, before it is written."""

    author: str
    via: str
    action: str
    summary: str
    section: str | None = None
    record: str | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    before_dump: dict[str, Any] | None = None
    after_dump: dict[str, Any] | None = None
    undoes: int | None = None


def append(tx: Any, change: Change) -> int:
    """Write `change` in the transaction `tx`; its sequence number."""
    rows = db.run_tx(tx, "changes_add", {
        "at": datetime.now(UTC).isoformat(), "author": change.author, "via": change.via,
        "action": change.action, "section": change.section, "record": change.record,
        "summary": change.summary, "before": _json(change.before), "after": _json(change.after),
        "before_dump": _json(change.before_dump), "after_dump": _json(change.after_dump),
        "undoes": change.undoes})
    return int(rows[0]["seq"])


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for k in ("before", "after", "before_dump", "after_dump"):
        if isinstance(out.get(k), str):
            out[k] = json.loads(out[k])
    return out


def listing(driver: Driver, settings: Settings | None = None, *, section: str | None = None,
            record: str | None = None, author: str | None = None,
            before_seq: int | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Entries newest first: all of them, one record's or one author's."""
    rows = db.run(driver, "changes_list", {
        "section": section, "record": record, "author": author,
        "before_seq": before_seq or 2**62, "limit": limit}, settings=settings)
    return [_decoded(r) for r in rows]


def get(driver: Driver, seq: int, settings: Settings | None = None) -> dict[str, Any]:
    """One entry with its dumps, or NotFound."""
    rows = db.run(driver, "changes_get", {"seq": seq}, settings=settings)
    if not rows:
        raise NotFound(f"no change number {seq} in the log",
                       hint="The change log is at /history (or `kb history`).")
    return _decoded(rows[0])
