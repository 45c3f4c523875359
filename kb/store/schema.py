"""The knowledge base's schema (constraints and indexes) and emptying it."""

from __future__ import annotations

from neo4j import Driver

from kb.settings import Settings
from kb.store import db, queries


def ensure_schema(driver: Driver, settings: Settings | None = None) -> int:
    """Create the constraints and indexes in cypher/schema/ (idempotent); return how many."""
    names = sorted(n for n, q in queries.library().items() if q.path.parent.name == "schema")
    for name in names:
        db.run(driver, name, settings=settings)
    return len(names)


def await_indexes(driver: Driver, settings: Settings | None = None) -> None:
    """Wait until every index and constraint is online (after a bulk import)."""
    db.run(driver, "schema_await_indexes", settings=settings)


def reset(driver: Driver, settings: Settings | None = None) -> None:
    """Delete everything in the knowledge base."""
    db.run_text(driver, "reset_relationships", settings)
    db.run_text(driver, "reset", settings)
