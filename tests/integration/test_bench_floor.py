"""The write-floor experiment (`python -m bench.floor`) writes what it says, in one transaction."""

from __future__ import annotations

from bench.floor import one_write
from kb.store import db


def test_the_floor_writes_exactly_its_nodes_and_relationships(empty_kb, settings) -> None:
    times = one_write(empty_kb, settings, 300, 1200)
    (counts,) = db.run(empty_kb, "count_nodes", settings=settings)
    assert counts == {"nodes": 300, "relationships": 1200}
    assert set(times) == {"nodes_s", "rels_s", "commit_s", "total_s"}
    assert times["total_s"] >= times["nodes_s"] + times["rels_s"] > 0
    # stride 7919 over 300 nodes: node i depends on node (7919 i + 13) mod 300, so every node
    # has 4 outgoing relationships and, 7919 being prime to 300, 4 incoming ones
    rows, _, _ = empty_kb.execute_query(
        "MATCH (c:Component) RETURN count { (c)-[:DEPENDS_ON]->() } AS out, "
        "count { (c)<-[:DEPENDS_ON]-() } AS inc", database_=settings.neo4j_database)
    assert {(r["out"], r["inc"]) for r in rows} == {(4, 4)}
