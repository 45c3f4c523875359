"""The loader against a real Neo4j: atomic, idempotent, prunable, round-trips through export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kb.ingest import loader
from kb.report.export import collect, dump
from kb.store import db, schema
from tests.conftest import EXAMPLES, count_nodes

DEMO = EXAMPLES / "ebola-emr.yaml"
DECISION = "d-hosting"  # the demo's decision with three voices


def graph_snapshot(driver: Any, settings: Any) -> tuple[set[Any], set[Any]]:
    """Nodes and relationships as sets of plain tuples, read independently of the exporter."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) WHERE NOT n:KbMeta AND NOT n:Change RETURN labels(n) AS l, "
        "properties(n) AS p",  # the change log is about the loads, not the graph
        database_=settings.neo4j_database)
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p",
        database_=settings.neo4j_database)

    # When and from where a source was loaded is about the load, not the graph.
    about_the_load = {"origin", "loaded_at", "first_loaded_at"}

    def freeze(d: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(sorted((k, tuple(v) if isinstance(v, list) else str(v))
                            for k, v in d.items() if k not in about_the_load))

    return ({(tuple(sorted(r["l"])), freeze(r["p"])) for r in nodes},
            {(r["a"], r["t"], r["b"], freeze(r["p"])) for r in rels})


def test_demo_loads_with_hand_counted_nodes(empty_kb, settings) -> None:
    report = loader.load(empty_kb, [DEMO], settings=settings)
    assert report.total("created") == 81 and report.total("unchanged") == 0
    rows, _, _ = empty_kb.execute_query(
        "MATCH (n:Entity) RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS l, count(*) AS c",
        database_=settings.neo4j_database)
    assert {r["l"]: r["c"] for r in rows} == {
        "Actor": 15, "Product": 3, "Component": 8, "Agreement": 5, "Funding": 8, "Decision": 3}
    # Relationship counts worked out from the file: 2 member_of, 3 owns, 7 built_on,
    # 8 depends_on, 11 party_to, 4 concerns, 8 grants, 8 to, 8 for, 3 passes_on, 4 under,
    # 11 voice, 4 about, plus the records: 3 relies_on, 9 maintains, 7 involved_in,
    # 9 gives, 11 ties.
    rows, _, _ = empty_kb.execute_query("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c",
                                        database_=settings.neo4j_database)
    assert {r["t"]: r["c"] for r in rows} == {
        "MEMBER_OF": 2, "OWNS": 3, "BUILT_ON": 7, "DEPENDS_ON": 8, "PARTY_TO": 11,
        "CONCERNS": 4, "GRANTS": 8, "TO": 8, "FOR": 8, "PASSES_ON": 3, "UNDER": 4,
        "VOICE": 11, "ABOUT": 4, "RELIES_ON": 3, "MAINTAINS": 9, "INVOLVED_IN": 7,
        "GIVES": 9, "TIE": 11}


def test_loading_twice_creates_nothing_the_second_time(empty_kb, settings) -> None:
    loader.load(empty_kb, [DEMO], settings=settings)
    before = graph_snapshot(empty_kb, settings)
    again = loader.load(empty_kb, [DEMO], settings=settings)
    assert (again.total("created"), again.total("updated"), again.total("unchanged")) == (0, 0, 81)
    assert graph_snapshot(empty_kb, settings) == before


def test_a_changed_record_is_updated_and_its_edges_rewritten(empty_kb, settings,
                                                             tmp_path: Path) -> None:
    loader.load(empty_kb, [DEMO], settings=settings)
    text = DEMO.read_text().replace(
        "built_on: [reporting-module, emr-platform]", "built_on: [reporting-module]")
    changed = tmp_path / "changed.yaml"
    changed.write_text(text)
    report = loader.load(empty_kb, [changed], settings=settings)
    assert report.sections["products"].updated == 1
    assert report.total("updated") == 1 and report.total("created") == 0
    rows, _, _ = empty_kb.execute_query(
        "MATCH (:Product {id: 'clinic-dashboard'})-[:BUILT_ON]->(c) RETURN c.id AS id",
        database_=settings.neo4j_database)
    assert [r["id"] for r in rows] == ["reporting-module"]


def test_an_update_rewrites_only_the_owned_edges_that_changed(empty_kb, settings,
                                                              tmp_path: Path) -> None:
    """A changed voice, a dropped voice, a new voice, a changed owner (an incoming owned
    edge) and a changed dependency list: the graph is the one a fresh load of the changed
    file makes, and the edges the records still list are the same relationships as before."""
    loader.load(empty_kb, [DEMO], settings=settings)
    text = DEMO.read_text()
    for old, new in (
            ("voices: {relief-ngo: decided, tessera: informed, moh-sl: absent}",
             "voices: {relief-ngo: decided, tessera: consulted, ghrf: informed}"),
            ("owner: cloudclinic, built_on: [reporting-module, emr-platform]",
             "owner: relief-ngo, built_on: [reporting-module, emr-platform, sync-service]")):
        assert old in text
        text = text.replace(old, new)
    changed = tmp_path / "changed.yaml"
    changed.write_text(text)

    def element_ids() -> dict[tuple[str, str, str], str]:
        rows, _, _ = empty_kb.execute_query(
            "MATCH (a:Entity)-[e]->(b:Entity) WHERE e.key IS NULL "
            "RETURN a.id AS a, type(e) AS t, b.id AS b, elementId(e) AS e",
            database_=settings.neo4j_database)
        return {(r["a"], r["t"], r["b"]): r["e"] for r in rows}

    before = element_ids()
    report = loader.load(empty_kb, [changed], settings=settings)
    assert (report.sections["decisions"].updated, report.sections["products"].updated) == (1, 1)
    after = element_ids()
    # kept as they were: the same relationships, not new copies
    assert after[("relief-ngo", "VOICE", DECISION)] == before[("relief-ngo", "VOICE", DECISION)]
    assert after[("clinic-dashboard", "BUILT_ON", "emr-platform")] == before[
        ("clinic-dashboard", "BUILT_ON", "emr-platform")]
    # gone, changed and new
    assert ("moh-sl", "VOICE", DECISION) not in after
    assert ("cloudclinic", "OWNS", "clinic-dashboard") not in after
    voice, _, _ = empty_kb.execute_query(
        "MATCH (:Actor {id: 'tessera'})-[v:VOICE]->(:Decision {id: $d}) RETURN v.voice AS v",
        {"d": DECISION}, database_=settings.neo4j_database)
    assert [r["v"] for r in voice] == ["consulted"]
    assert {("ghrf", "VOICE", DECISION), ("relief-ngo", "OWNS", "clinic-dashboard"),
            ("clinic-dashboard", "BUILT_ON", "sync-service")} <= set(after) - set(before)
    updated = graph_snapshot(empty_kb, settings)
    schema.reset(empty_kb, settings)
    loader.load(empty_kb, [changed], settings=settings)
    assert graph_snapshot(empty_kb, settings) == updated


def test_bad_file_writes_nothing(empty_kb, settings, tmp_path: Path) -> None:
    loader.load(empty_kb, [DEMO], settings=settings)
    before = count_nodes(empty_kb, settings)
    bad = tmp_path / "bad.yaml"
    bad.write_text(DEMO.read_text().replace("kind: business, country: GB}",
                                            "kind: firm, country: GB}")
                   .replace("amount: 80000", "amount: -80000")
                   .replace("{id: f-ghrf-grant, from: ghrf,", "{id: f-ghrf-grant, from: ghost,"))
    with pytest.raises(loader.ValidationFailed) as err:
        loader.load(empty_kb, [bad], settings=settings)
    reasons = [p.reason for p in err.value.problems]
    assert "must not be negative, got -80000" in reasons
    assert any(r.startswith("input should be 'individual'") for r in reasons)
    assert any("unknown id 'ghost'" in r for r in reasons)
    assert count_nodes(empty_kb, settings) == before


def test_a_failure_while_writing_rolls_everything_back(empty_kb, settings) -> None:
    calls = []

    def explode(step: str, done: int, total: int) -> None:
        calls.append(done)
        if done > 0:
            raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        loader.load(empty_kb, [DEMO], progress=explode, settings=settings)
    # New nodes are written one label at a time: the demo's 15 actors had been written
    # when it failed.
    assert calls == [0, 15]
    assert count_nodes(empty_kb, settings) == 0


def test_dry_run_counts_but_writes_nothing(empty_kb, settings) -> None:
    report = loader.load(empty_kb, [DEMO], dry_run=True, settings=settings)
    assert report.dry_run and report.total("created") == 81
    assert count_nodes(empty_kb, settings) == 0


def test_prune_removes_what_the_source_no_longer_lists(empty_kb, settings,
                                                       tmp_path: Path) -> None:
    loader.load(empty_kb, [DEMO], settings=settings)
    smaller = tmp_path / "smaller.yaml"
    smaller.write_text(DEMO.read_text()
                       .replace("  - {id: health-voices, name: Community Health Voices, "
                                "kind: civil_society, country: SL}\n", "")
                       .replace("  - {from: health-voices, to: moh-sl, gives: patient feedback, "
                                "kind: intangible}\n", ""))
    kept = loader.load(empty_kb, [smaller], settings=settings)
    assert kept.total("pruned") == 0
    assert db.run(empty_kb, "load_lookup_nodes", {"ids": ["health-voices"]}, settings=settings)
    pruned = loader.load(empty_kb, [smaller], prune=True, settings=settings)
    assert pruned.sections["actors"].pruned == 1
    assert pruned.sections["exchanges"].pruned == 1
    assert not db.run(empty_kb, "load_lookup_nodes", {"ids": ["health-voices"]},
                      settings=settings)


def test_export_then_load_gives_an_identical_graph(empty_kb, settings, tmp_path: Path) -> None:
    loader.load(empty_kb, [DEMO], settings=settings)
    first = graph_snapshot(empty_kb, settings)
    for fmt in ("yaml", "json"):
        text = dump(collect(empty_kb, settings), fmt)
        out = tmp_path / f"export.{fmt}"
        out.write_text(text)
        schema.reset(empty_kb, settings)
        loader.load(empty_kb, [out], settings=settings)
        assert graph_snapshot(empty_kb, settings) == first
        assert dump(collect(empty_kb, settings), fmt) == text  # byte-identical


def test_references_into_the_knowledge_base(empty_kb, settings, tmp_path: Path) -> None:
    loader.load(empty_kb, [DEMO], settings=settings)
    extra = tmp_path / "extra.yaml"
    extra.write_text("format: valuenet/1\necosystem: {id: extra, name: Extra}\n"
                     "products: [{id: new-app, name: New app, owner: tessera, "
                     "built_on: [json-codec]}]\n")
    report = loader.load(empty_kb, [extra], settings=settings)
    assert report.sections["products"].created == 1
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("format: valuenet/1\necosystem: {id: w, name: W}\n"
                     "products: [{id: w-app, name: W, owner: json-codec}]\n")
    with pytest.raises(loader.ValidationFailed, match="'json-codec' is a Component in the "
                       "knowledge base, but must be one of actors"):
        loader.load(empty_kb, [wrong], settings=settings)


def test_an_id_cannot_change_label(empty_kb, settings, tmp_path: Path) -> None:
    loader.load(empty_kb, [DEMO], settings=settings)
    clash = tmp_path / "clash.yaml"
    clash.write_text("format: valuenet/1\necosystem: {id: c, name: C}\n"
                     "actors: [{id: json-codec, name: X, kind: group}]\n")
    with pytest.raises(loader.ValidationFailed, match="'json-codec' is already a Component"):
        loader.load(empty_kb, [clash], settings=settings)


def test_two_loads_at_once_both_end_cleanly(empty_kb, settings, tmp_path: Path) -> None:
    import threading

    # Both files create the same actors: without the load lock, both would take the
    # empty-KB path and the second would fail on the id constraint.
    files = []
    for name in ("one", "two"):
        f = tmp_path / f"{name}.yaml"
        f.write_text(f"format: valuenet/1\necosystem: {{id: {name}, name: {name}}}\n"
                     "actors:\n" + "".join(f"  - {{id: shared-{i}, name: S{i}, kind: group}}\n"
                                            for i in range(300))
                     + f"components:\n  - {{id: only-{name}, name: {name}}}\n")
        files.append(f)
    errors: list[BaseException] = []

    def load(f: Path) -> None:
        try:
            loader.load(empty_kb, [f], settings=settings)
        except BaseException as exc:  # noqa: BLE001 - collected and reported below
            errors.append(exc)

    threads = [threading.Thread(target=load, args=(f,)) for f in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    rows, _, _ = empty_kb.execute_query(
        "MATCH (a:Actor) WITH count(a) AS actors MATCH (c:Component) "
        "RETURN actors, count(c) AS components", database_=settings.neo4j_database)
    assert (rows[0]["actors"], rows[0]["components"]) == (300, 2)
