"""`kb load --bulk`: Neo4j's offline importer behind kb's validation, on a throwaway
provisioned server (the importer stops and starts the server it loads, so not the shared
test server). The bulk graph must be the graph `kb load` makes of the same file; every
refusal must come before anything stops; a failed import must leave the KB empty."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.errors import KBError, UsageError
from kb.ingest import bulk, loader
from kb.report import export
from kb.settings import Settings
from kb.store import changes, db, schema
from kb.store.server import local
from tests.conftest import EXAMPLES, count_nodes
from tests.integration.test_loader import graph_snapshot
from tests.integration.test_server_password import _jars

PORT = 7692  # beside the test (7688), bench (7689, 7690) and password-test (7691) servers


@pytest.fixture(scope="module")
def own(tmp_path_factory, neo4j_env) -> Iterator[Settings]:  # type: ignore[no-untyped-def]
    """Settings of a throwaway provisioned server, started for this module."""
    state = tmp_path_factory.mktemp("bulk-server")
    settings = Settings(kb_state_dir=state, kb_neo4j_port=PORT, kb_neo4j_heap="512m",
                        kb_neo4j_pagecache="64m", _env_file=None)  # type: ignore[call-arg]
    lay = local.layout(settings)
    lay.root.mkdir(parents=True)
    lay.lib.symlink_to(_jars())
    local.start(settings)
    try:
        yield settings
    finally:
        local.stop(settings)


@pytest.fixture()
def empty_own(own: Settings) -> Settings:
    with db.connect(own) as driver:
        schema.reset(driver, own)
    return own


def test_bulk_gives_the_graph_a_load_gives(empty_own: Settings, driver, settings) -> None:  # type: ignore[no-untyped-def]
    report = bulk.load([EXAMPLES / "ebola-emr.yaml"], settings=empty_own, author="bulk-test")
    # examples/ebola-emr.yaml: 81 records, as `kb load` counts them.
    assert report.total("created") == 81 and report.sections["ties"].created == 11
    schema.reset(driver, settings)
    loader.load(driver, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    with db.connect(empty_own) as own_driver:
        assert graph_snapshot(own_driver, empty_own) == graph_snapshot(driver, settings)
        assert export.dump(export.collect(own_driver, empty_own), "yaml") == export.dump(
            export.collect(driver, settings), "yaml")
        [entry] = changes.listing(own_driver, empty_own)
        assert entry["author"] == "bulk-test" and entry["summary"] == (
            "loaded ebola-emr: 81 created (0 unchanged) (bulk import)")
        constraints = {r["name"] for r in own_driver.execute_query(
            "SHOW CONSTRAINTS YIELD name").records}
        assert {"entity_id", "actor_id", "component_id"} <= constraints
        # A second bulk load is refused: the KB holds records now, and nothing stops.
        pid = local.running_pid(empty_own)
        with pytest.raises(UsageError) as err:
            bulk.load([EXAMPLES / "ebola-emr.yaml"], settings=empty_own)
        assert err.value.message == ("--bulk loads only into an empty knowledge base; this "
                                     "one holds records")
        assert local.running_pid(empty_own) == pid
        assert count_nodes(own_driver, empty_own) == count_nodes(driver, settings)


def test_a_second_bulk_store_is_never_taken_for_the_first(empty_own: Settings,
                                                          tmp_path: Path) -> None:
    """Each import builds a new store whose transactions are numbered from the start, so
    two bulk loads end on alike bookmarks; the data state must still tell them apart, or a
    cached risk snapshot of the first would answer for the second."""
    from kb import analysis
    from kb.analysis import fastrisk

    bulk.load([EXAMPLES / "ebola-emr.yaml"], settings=empty_own)
    with db.connect(empty_own) as own_driver:
        first = db.data_state(own_driver, settings=empty_own)
        assert len(analysis.risk(own_driver, "2026-11-22", settings=empty_own).data[
            "components"]) == 8  # the demo's components
        schema.reset(own_driver, empty_own)
    other = tmp_path / "other.yaml"
    other.write_text("format: valuenet/1\necosystem: {id: o, name: O}\n"
                     "components: [{id: only-one, name: Only one}]\n")
    bulk.load([other], settings=empty_own)
    fastrisk.forget()  # as a new process: only the snapshot file the load left
    with db.connect(empty_own) as own_driver:
        now = db.data_state(own_driver, settings=empty_own)
        assert now != first
        created = own_driver.execute_query("CALL db.info() YIELD creationDate "
                                           "RETURN creationDate").records[0]["creationDate"]
        assert now.endswith(f"@{created}")
        rows = analysis.risk(own_driver, "2026-11-22", settings=empty_own).data["components"]
        assert [c["id"] for c in rows] == ["only-one"]


def test_bad_files_are_refused_before_anything_stops(empty_own: Settings,
                                                     tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: valuenet/1\necosystem: {id: b, name: B}\n"
                      "actors: [{id: a, name: A, kind: grp}]\n")
    pid = local.running_pid(empty_own)
    with pytest.raises(loader.ValidationFailed) as err:
        bulk.load([broken], settings=empty_own)
    assert [p.field for p in err.value.problems] == ["kind"]
    twice = tmp_path / "twice.yaml"
    twice.write_text("format: valuenet/1\necosystem: {id: c, name: C}\n"
                     "actors: [{id: a, name: A, kind: group}]\n")
    again = tmp_path / "again.yaml"
    again.write_text(twice.read_text().replace("id: c, name: C", "id: d, name: D"))
    with pytest.raises(loader.ValidationFailed) as dup:  # as `kb load` refuses them
        bulk.load([twice, again], settings=empty_own)
    assert dup.value.problems[0].reason.startswith("duplicate id; already used by actors[0]")
    elsewhere = empty_own.model_copy(update={"neo4j_uri": "neo4j+s://example.databases.neo4j.io"})
    with pytest.raises(UsageError, match="--bulk needs the project's own server"):
        bulk.load([twice], settings=elsewhere)
    assert local.running_pid(empty_own) == pid


def test_a_failed_import_leaves_the_kb_empty_and_the_server_up(
        empty_own: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    real = bulk.write_csv

    def with_a_dangling_edge(plan, folder, now):  # type: ignore[no-untyped-def]
        nodes, rels = real(plan, folder, now)
        bad = folder / "edges-BROKEN.csv"
        bad.write_text(":START_ID(Entity),:END_ID(Entity),:TYPE\nrelief-ngo,nowhere,BROKEN\n")
        return nodes, [*rels, bad]

    monkeypatch.setattr(bulk, "write_csv", with_a_dangling_edge)
    with pytest.raises(KBError) as err:
        bulk.load([EXAMPLES / "ebola-emr.yaml"], settings=empty_own)
    assert err.value.message.startswith("Neo4j's importer failed (exit ")
    assert "Nothing was loaded" in (err.value.hint or "")
    with db.connect(empty_own) as own_driver:
        assert count_nodes(own_driver, empty_own) == 0
        assert own_driver.execute_query("RETURN 1 AS one").records[0]["one"] == 1
