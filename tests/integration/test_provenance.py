"""Sources add up, and `kb forget` takes exactly one back (issue 18, provenance).

Expected graphs come from loading each source alone into an empty knowledge base: after
loading A and B, forgetting A must leave the graph that loading B alone makes, and the other
way round. The combined graph is checked against values worked out by hand from the two files
and the README's precedence (lists united, other values from the newest source)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kb.errors import NotFound
from kb.ingest import loader, sources
from kb.views import entities
from tests.conftest import ROOT

A = ROOT / "tests" / "fixtures" / "provenance" / "a.yaml"
B = ROOT / "tests" / "fixtures" / "provenance" / "b.yaml"


def graph(driver: Any, settings: Any) -> tuple[set[Any], set[Any]]:
    """Entities and relationships as plain tuples, bookkeeping aside, read by plain Cypher."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n:Entity) RETURN labels(n) AS l, properties(n) AS p",
        database_=settings.neo4j_database)
    rels, _, _ = driver.execute_query(
        "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS a, type(r) AS t, b.id AS b, "
        "properties(r) AS p", database_=settings.neo4j_database)

    def freeze(d: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(sorted((k, tuple(v) if isinstance(v, list) else str(v))
                            for k, v in d.items() if k not in ("_hash", "_sources",
                                                               "_records")))

    return ({(tuple(sorted(r["l"])), freeze(r["p"])) for r in nodes},
            {(r["a"], r["t"], r["b"], freeze(r["p"])) for r in rels})


def alone(driver: Any, settings: Any, path: Path) -> tuple[set[Any], set[Any]]:
    from kb.store import schema

    schema.reset(driver, settings)
    loader.load(driver, [path], settings=settings)
    return graph(driver, settings)


def node(driver: Any, settings: Any, node_id: str) -> dict[str, Any]:
    rows, _, _ = driver.execute_query(
        "MATCH (n:Entity {id: $id}) RETURN properties(n) AS p, "
        "[(n)-[:DEPENDS_ON]->(d) | d.id] AS deps, [(o)-[:OWNS]->(n) | o.id] AS owners",
        id=node_id, database_=settings.neo4j_database)
    return {**rows[0]["p"], "deps": sorted(rows[0]["deps"]), "owners": rows[0]["owners"]}


def test_two_sources_add_up_by_the_documented_precedence(empty_kb, settings) -> None:
    loader.load(empty_kb, [A], settings=settings)
    loader.load(empty_kb, [B], settings=settings)
    ws = node(empty_kb, settings, "ws")
    assert ws["name"] == "ws (from B)"  # both give one: B changed its record last
    assert ws["license"] == "MIT"  # only A gives one
    assert ws["repo"] == "https://github.com/websockets/ws"  # only B
    assert ws["deps"] == ["buffer-util", "utf-8-validate"]  # united
    assert ws["funding_channels"] == ["https://opencollective.com/ws"]
    assert sorted(ws["_sources"]) == ["lock-b", "sbom-a"]
    assert node(empty_kb, settings, "app")["owners"] == ["other-owner"]  # one owner: B's
    assert node(empty_kb, settings, "acme")["name"] == "Acme Corporation"
    rows, _, _ = empty_kb.execute_query(
        "MATCH (:Actor {id: 'volunteer'})-[m:MAINTAINS]->(:Component {id: 'ws'}) "
        "RETURN m.paid AS paid, m._sources AS s", database_=settings.neo4j_database)
    assert [(r["paid"], sorted(r["s"])) for r in rows] == [(True, ["lock-b", "sbom-a"])]


def test_a_source_that_changes_its_record_becomes_the_newest(empty_kb, settings,
                                                            tmp_path: Path) -> None:
    loader.load(empty_kb, [A], settings=settings)
    loader.load(empty_kb, [B], settings=settings)
    again = loader.load(empty_kb, [A], settings=settings)  # unchanged: stays older
    assert again.total("updated") == 0 and again.total("created") == 0
    assert node(empty_kb, settings, "ws")["name"] == "ws (from B)"
    changed = tmp_path / "a.yaml"
    changed.write_text(A.read_text().replace("ws (from A)", "ws (A renamed)"))
    loader.load(empty_kb, [changed], settings=settings)
    ws = node(empty_kb, settings, "ws")
    assert ws["name"] == "ws (A renamed)"
    assert ws["repo"] == "https://github.com/websockets/ws"  # B's facts stay


@pytest.mark.parametrize("forget_id,keep", [("sbom-a", B), ("lock-b", A)])
def test_forget_leaves_exactly_the_other_source(empty_kb, settings, forget_id: str,
                                                keep: Path) -> None:
    expected = alone(empty_kb, settings, keep)
    alone(empty_kb, settings, A)
    loader.load(empty_kb, [B], settings=settings)
    done = sources.forget(empty_kb, forget_id, settings=settings)
    assert graph(empty_kb, settings) == expected
    # By hand: A lists 2 actors, 1 product, 2 components; B lists 3, 1, 2. Shared: acme,
    # volunteer, app, ws (4 nodes) and the maintenance record.
    only = {"sbom-a": 1, "lock-b": 2}[forget_id]  # buffer-util / utf-8-validate, other-owner
    assert (done.nodes_deleted, done.nodes_kept) == (only, 4)
    assert (done.rels_deleted, done.rels_kept) == (0, 1)
    listed = [s["id"] for s in sources.listing(empty_kb, settings)]
    assert listed == [{"a": "sbom-a", "b": "lock-b"}[keep.stem]]


def test_forget_dry_run_changes_nothing_and_unknown_source_is_refused(empty_kb,
                                                                     settings) -> None:
    loader.load(empty_kb, [A], settings=settings)
    loader.load(empty_kb, [B], settings=settings)
    before = graph(empty_kb, settings)
    done = sources.forget(empty_kb, "lock-b", dry_run=True, settings=settings)
    assert done.dry_run and done.nodes_deleted == 2
    assert graph(empty_kb, settings) == before
    with pytest.raises(NotFound) as err:
        sources.forget(empty_kb, "lock-c", settings=settings)
    assert "no source 'lock-c' in the knowledge base" in err.value.message
    assert "Did you mean lock-b" in err.value.hint


def test_sources_listing_counts_what_each_said(empty_kb, settings) -> None:
    loader.load(empty_kb, [A], settings=settings)
    loader.load(empty_kb, [B], settings=settings)
    by_id = {s["id"]: s for s in sources.listing(empty_kb, settings)}
    assert by_id["sbom-a"]["nodes"] == 5 and by_id["sbom-a"]["nodes_only"] == 1
    assert by_id["lock-b"]["nodes"] == 6 and by_id["lock-b"]["nodes_only"] == 2
    # Shared and differing: acme (name), app (owner), ws; volunteer says the same in both.
    assert by_id["lock-b"]["nodes_shared_differing"] == 3
    assert by_id["sbom-a"]["rels"] == 1 and by_id["sbom-a"]["rels_only"] == 0
    assert by_id["sbom-a"]["origin"].endswith("a.yaml") and by_id["sbom-a"]["loaded_at"]


def test_entity_page_data_names_each_fields_sources(empty_kb, settings) -> None:
    loader.load(empty_kb, [A], settings=settings)
    loader.load(empty_kb, [B], settings=settings)
    data = entities.entity(empty_kb, "ws", "Component", settings)
    pv = data["provenance"]
    assert pv["sources"] == ["sbom-a", "lock-b"]
    assert pv["fields"]["license"] == ["sbom-a"] and pv["fields"]["repo"] == ["lock-b"]
    names = [d for d in pv["disagreements"] if d["field"] == "name"]
    assert names and names[0]["used"] == "ws (from B)"
    assert {g["source"]: g["value"] for g in names[0]["given"]} == {
        "sbom-a": "ws (from A)", "lock-b": "ws (from B)"}
    json.dumps(data)  # the JSON twin can carry it


def test_forget_on_the_command_line(kb_cli, empty_kb) -> None:
    assert kb_cli("load", str(A)).returncode == 0
    assert kb_cli("load", str(B)).returncode == 0
    listed = kb_cli("sources", "--format", "json")
    assert [s["id"] for s in json.loads(listed.stdout)["sources"]] == ["lock-b", "sbom-a"]
    res = kb_cli("forget", "lock-b")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("lock-b: deleted 2 records and 0 relationship records")
    bad = kb_cli("forget", "nope")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "no source 'nope' in the knowledge base" in bad.stderr
