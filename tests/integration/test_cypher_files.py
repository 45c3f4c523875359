"""Every `.cypher` file runs against the real Neo4j (writes are rolled back)."""

from __future__ import annotations

from typing import Any

import pytest

from kb.analysis import scoring
from kb.ingest import loader
from kb.store import queries, schema
from tests.conftest import EXAMPLES

SAMPLES: dict[str, Any] = {
    "ids": ["ebola-emr", "nope"], "rows": [], "source": "ebola-emr", "label": "Actor",
    "type": "DEPENDS_ON",
    "product": "ebola-emr", "as_of": "2026-11-22", "horizon": 90, "without": ["ghrf"],
    "id": "x", "name": "x", "currency": "USD", "created_at": "2026-11-22T08:00:00Z",
    "body": "{}", "out_types": ["DEPENDS_ON"], "in_types": [], "nodes": 3, "rels": 5,
    "scoring": scoring.cypher_params(), "tag": "no-console-query-has-this-tag",
    "old": "no-such-id", "new": "no-such-id-2", "why": "a test", "snapshot": "{}",
    "records": "", "undo": "{}", "alias": "", "slug": "x", "a": "a", "b": "b", "origin": "t",
    "repo": "https://example.org/none", "description": "a test", "cypher": "RETURN 1",
    "params": "{}", "now": "2026-11-22T08:00:00Z", "figures": "{}",
    "at": "2026-11-22T08:00:00Z", "seq": 1, "section": "actors", "record": "x", "author": "t",
    "before_seq": 10, "limit": 5, "via": "panel", "action": "create", "summary": "a test",
    "before": "{}", "after": "{}", "before_dump": "{}", "after_dump": "{}", "undoes": 0,
    "from": "a", "to": "b", "key": "x", "props": {"id": "restored"}, "edges": [], "q": "",
    "load": "no-such-load", "by": "a test",  # load_pending_end (run after) removes the marker
}
# Where one query needs its own value of a shared parameter name.
OVERRIDES: dict[str, dict[str, Any]] = {
    "terminate_transaction": {"id": "neo4j-transaction-999999999"},  # none such: a no-op
}
NAMES = sorted(queries.library())


@pytest.fixture(scope="module")
def demo(driver, settings):  # type: ignore[no-untyped-def]
    schema.reset(driver, settings)
    loader.load(driver, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    return driver


@pytest.mark.parametrize("name", [n for n in NAMES if n not in ("reset",
                                                                 "reset_relationships")])
def test_query_file_executes(demo, settings, name: str) -> None:
    q = queries.get(name)
    samples = {**SAMPLES, **OVERRIDES.get(name, {})}
    params = q.bind({p.name: samples[p.name] for p in q.params if p.name in samples})
    with demo.session(database=settings.neo4j_database) as session:
        tx = session.begin_transaction()
        try:
            result = tx.run(q.text, params)
            keys = result.keys()
            rows = list(result)
        finally:
            tx.rollback()
    if q.mode == "read" and "schema" not in name:
        assert keys, f"{name} returns no columns"
    if name in ("risk", "ivn", "agreements", "counts", "decisions", "reciprocity"):
        assert rows, f"{name} returned no rows on the demo"


def test_reset_file_executes(demo, settings) -> None:
    schema.reset(demo, settings)
    rows, _, _ = demo.execute_query("MATCH (n) RETURN count(n) AS n",
                                    database_=settings.neo4j_database)
    assert rows[0]["n"] == 0
