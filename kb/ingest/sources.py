"""`kb sources` and `kb forget`: what each source (a load or an import) contributed, and
taking exactly that out again.

A source is the ecosystem id of a load: a file's `ecosystem.id`, or an import's
`FORMAT:NAME`. Every node and relationship record lists the sources that said it, and keeps
each one's own record when they differ (`kb.ingest.provenance`). Forgetting a source retracts
its records in one transaction: what only it said is deleted, and what others also said is
combined again from their records alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches
from typing import Any

from neo4j import Driver

from kb.errors import NotFound
from kb.ingest import write
from kb.settings import Settings, get_settings
from kb.store import changes, db, events
from kb.store.db import plain


def listing(driver: Driver, settings: Settings | None = None) -> list[dict[str, Any]]:
    """Every source with where and when it was loaded and how many records it lists (in all,
    and those only it lists)."""
    return plain(db.run(driver, "sources_list", settings=settings))


@dataclass
class Forgotten:
    """What `forget` did (or, in a dry run, would do)."""

    source: str
    nodes_deleted: int
    rels_deleted: int
    nodes_kept: int
    rels_kept: int
    dry_run: bool

    def as_dict(self) -> dict[str, Any]:
        """The JSON answer of `kb forget --format json`."""
        return dict(self.__dict__)


def forget(driver: Driver, source: str, *, dry_run: bool = False,
           settings: Settings | None = None) -> Forgotten:
    """Retract everything `source` said, in one transaction; NotFound (with the closest
    known sources) for a source the knowledge base does not have."""
    settings = settings or get_settings()
    known = db.run(driver, "sources_exists", {"id": source}, settings=settings)[0]
    if not known["found"]:
        close = get_close_matches(source, known["ids"], n=3, cutoff=0.5)
        hint = (f"Did you mean {', '.join(close)}? " if close else "") + \
            "`kb sources` lists the sources the knowledge base holds."
        raise NotFound(f"no source {source!r} in the knowledge base", hint)
    with db.write_transaction(driver, settings) as tx:
        db.run_tx(tx, "load_lock")
        ids = [r["id"] for r in db.run_tx(tx, "load_source_nodes", {"source": source})]
        rels = db.run_tx(tx, "load_source_rels", {"source": source})
        counts = write.retract(tx, source, ids, rels)
        db.run_tx(tx, "sources_forget_ecosystem", {"id": source})
        changes.append(tx, changes.Change(
            changes.os_author(), "cli", "forget",
            f"forgot {source}: {counts['nodes_deleted']:,} records and "
            f"{counts['rels_deleted']:,} relationship records deleted, "
            f"{counts['nodes_rewritten'] + counts['rels_rewritten']:,} combined again"))
        done = Forgotten(source, counts["nodes_deleted"], counts["rels_deleted"],
                         counts["nodes_rewritten"], counts["rels_rewritten"], dry_run)
        if dry_run:
            tx.rollback()
        else:
            tx.commit()
    if not dry_run:
        events.publish(events.Committed(driver, settings, "forget"))
    return done
