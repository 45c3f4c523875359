"""Streamed loads (`kb.ingest.streamed`) against the real Neo4j: the same graph, report and
problems as the whole-file paths, slices of 40 records so that every cross-slice case
(references forward and back, duplicates in other slices) happens; pending records unseen
until the switch; a failure, a crash or another write meanwhile leaves the KB as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kb.ingest import batched, loader, streamed
from kb.ingest.reader import read
from kb.store import schema
from tests.integration.test_batched import DEMO, generated, pending, small, visible
from tests.integration.test_loader import graph_snapshot

ROOT = Path(__file__).resolve().parents[2]


def streaming(settings: Any, **changes: Any) -> Any:
    """Settings under which every JSON load streams, 40 records to a slice."""
    return small(settings, kb_stream_above=0, **changes)


def demo_json(tmp_path: Path) -> Path:
    out = tmp_path / "demo.json"
    out.write_text(json.dumps(read(DEMO).data))
    return out


def test_applies_to_json_files_past_the_threshold(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    js = demo_json(tmp_path)
    size = js.stat().st_size
    at = settings.model_copy(update={"kb_stream_above": size})
    above = settings.model_copy(update={"kb_stream_above": size + 1})
    assert streamed.applies([js], prune=False, batched_=None, settings=at)
    assert streamed.applies([js], prune=False, batched_=True, settings=at)
    assert not streamed.applies([js], prune=False, batched_=None, settings=above)
    assert not streamed.applies([js], prune=True, batched_=None, settings=at)
    assert not streamed.applies([js], prune=False, batched_=False, settings=at)
    assert not streamed.applies([js, DEMO], prune=False, batched_=None,
                                settings=settings.model_copy(update={"kb_stream_above": 0}))
    assert not streamed.applies([tmp_path / "missing.json"], prune=False, batched_=None,
                                settings=at)


def test_streamed_into_an_empty_kb_gives_the_one_transaction_graph(  # type: ignore[no-untyped-def]
        empty_kb, settings, tmp_path: Path) -> None:
    js = demo_json(tmp_path)
    one_report = loader.load(empty_kb, [DEMO], settings=settings, batched=False)
    one = graph_snapshot(empty_kb, settings)
    schema.reset(empty_kb, settings)
    steps: set[str] = set()
    report = loader.load(empty_kb, [js], settings=streaming(settings),
                         progress=lambda step, done, total: steps.add(step))
    # 81 records, hand-counted in test_loader, all created.
    assert report.total("created") == 81 and report.notes == []
    assert report.as_dict()["sections"] == one_report.as_dict()["sections"]
    assert graph_snapshot(empty_kb, settings) == one
    assert {"checking", "writing pending records", "making the load live"} <= steps
    assert pending(empty_kb, settings) == {**pending(empty_kb, settings), "pending": 0,
                                           "load": None}
    # Again: every record unchanged, nothing written.
    again = loader.load(empty_kb, [js], settings=streaming(settings))
    assert again.total("unchanged") == 81 and again.total("created") == 0
    assert graph_snapshot(empty_kb, settings) == one


def test_streamed_into_a_kb_holding_data_gives_the_one_transaction_graph(  # type: ignore[no-untyped-def]
        empty_kb, settings, tmp_path: Path) -> None:
    """As for batched loads: a second source sharing 300 components with the first and
    adding 300 whose dependencies reach into it."""
    first = generated(tmp_path, 300, 1)
    second = generated(tmp_path, 600, 2)
    loader.load(empty_kb, [first], settings=settings, batched=False)
    one_report = loader.load(empty_kb, [second], settings=settings, batched=False)
    one = graph_snapshot(empty_kb, settings)
    schema.reset(empty_kb, settings)
    loader.load(empty_kb, [first], settings=settings, batched=False)
    dry = loader.load(empty_kb, [second], settings=streaming(settings), dry_run=True)
    assert dry.dry_run and dry.as_dict()["totals"] == one_report.as_dict()["totals"]
    report = loader.load(empty_kb, [second], settings=streaming(settings))
    assert report.as_dict()["totals"] == one_report.as_dict()["totals"]
    assert report.total("created") > 0 and report.total("updated") > 0
    assert graph_snapshot(empty_kb, settings) == one


def test_two_files_streamed_together(empty_kb, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The second file's records refer to the first's (owners, dependencies): references
    across files resolve through the index."""
    doc = read(DEMO).data
    assert doc is not None
    head = {k: v for k, v in doc.items() if k in ("format", "ecosystem", "actors",
                                                    "components")}
    tail = {k: v for k, v in doc.items() if k not in ("actors", "components")}
    tail["ecosystem"] = {**doc["ecosystem"], "id": "demo-rest"}
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(head))
    b.write_text(json.dumps(tail))
    one_report = loader.load(empty_kb, [a, b], settings=settings, batched=False)
    one = graph_snapshot(empty_kb, settings)
    schema.reset(empty_kb, settings)
    report = loader.load(empty_kb, [a, b], settings=streaming(settings))
    assert report.as_dict()["totals"] == one_report.as_dict()["totals"]
    assert graph_snapshot(empty_kb, settings) == one


def test_pending_records_are_invisible_until_the_switch(  # type: ignore[no-untyped-def]
        empty_kb, settings, tmp_path: Path) -> None:
    loader.load(empty_kb, [generated(tmp_path, 200, 1)], settings=settings)
    before = visible(empty_kb, settings)
    seen: list[dict[str, Any]] = []

    def tick(step: str, done: int, total: int) -> None:
        if step == "writing pending records" and done == total and done and not seen:
            seen.append({"view": visible(empty_kb, settings),
                         "pending": pending(empty_kb, settings)["pending"]})

    report = loader.load(empty_kb, [generated(tmp_path, 500, 2)], settings=streaming(settings),
                         progress=tick)
    assert seen and seen[0]["pending"] >= 300
    assert seen[0]["view"] == before
    assert visible(empty_kb, settings)["components"] == 500
    assert report.total("created") >= 300


def test_a_failure_part_way_leaves_the_kb_as_it_was(empty_kb, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    loader.load(empty_kb, [DEMO], settings=settings)
    before = graph_snapshot(empty_kb, settings)

    class Boom(Exception):
        pass

    def tick(step: str, done: int, total: int) -> None:
        if step == "writing pending records" and done >= 120:
            raise Boom("the network went away")

    with pytest.raises(Boom):
        loader.load(empty_kb, [generated(tmp_path, 300, 1)], settings=streaming(settings),
                    progress=tick)
    assert graph_snapshot(empty_kb, settings) == before
    assert pending(empty_kb, settings)["pending"] == 0


CRASH = """
import os, sys
from pathlib import Path
from kb.ingest import loader
from kb.settings import Settings
from kb.store import db

settings = Settings(_env_file=None)

def tick(step, done, total):
    if step == "writing pending records" and done >= 120:
        os._exit(3)  # the process dies: no cleanup runs

with db.connect(settings) as driver:
    loader.load(driver, [Path(sys.argv[1])], settings=settings, progress=tick)
"""


def test_a_crashed_load_is_cleaned_up_by_the_next(  # type: ignore[no-untyped-def]
        empty_kb, settings, neo4j_env, tmp_path: Path) -> None:
    big = generated(tmp_path, 300, 1)
    loader.load(empty_kb, [DEMO], settings=settings)
    env = {**os.environ, **neo4j_env, "KB_BATCH_RECORDS": "40", "KB_STREAM_ABOVE": "0"}
    done = subprocess.run([sys.executable, "-c", CRASH, str(big)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 3, done.stderr
    left = pending(empty_kb, settings)
    assert left["pending"] >= 120 and left["load"] is not None
    with pytest.raises(batched.LoadBusy):
        loader.load(empty_kb, [big], settings=streaming(settings))
    report = loader.load(empty_kb, [big], settings=streaming(settings, kb_batched_stale=0))
    assert report.notes == [
        f"removed {left['pending']:,} pending records left by an interrupted batched load "
        f"(load {left['load']} by {left['by']}, started {left['started']})"]
    one = graph_snapshot(empty_kb, settings)
    schema.reset(empty_kb, settings)
    loader.load(empty_kb, [DEMO], settings=settings)
    loader.load(empty_kb, [big], settings=settings, batched=False)
    assert graph_snapshot(empty_kb, settings) == one


def test_another_write_meanwhile_stops_the_switch(empty_kb, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = generated(tmp_path, 200, 1)
    loader.load(empty_kb, [first], settings=settings)

    def rename(doc: dict[str, Any]) -> None:
        doc["components"][0]["name"] = "renamed meanwhile"

    meanwhile = generated(tmp_path, 200, 1, rename)
    done: list[bool] = []

    def tick(step: str, d: int, total: int) -> None:
        if step == "writing pending records" and d == total and d and not done:
            done.append(True)
            loader.load(empty_kb, [meanwhile], settings=settings, batched=False)

    with pytest.raises(batched.ChangedMeanwhile) as exc:
        loader.load(empty_kb, [generated(tmp_path, 400, 2)], settings=streaming(settings),
                    progress=tick)
    assert done
    assert "1 of its records was created, changed or removed by another write meanwhile " \
           "(pkg:generic/c000000); nothing was written" in str(exc.value)
    assert pending(empty_kb, settings)["pending"] == 0
    expected = graph_snapshot(empty_kb, settings)
    schema.reset(empty_kb, settings)
    loader.load(empty_kb, [first], settings=settings)
    loader.load(empty_kb, [meanwhile], settings=settings)
    assert graph_snapshot(empty_kb, settings) == expected


def test_a_node_the_load_points_at_removed_meanwhile_stops_the_switch(  # type: ignore[no-untyped-def]
        empty_kb, settings, tmp_path: Path) -> None:
    loader.load(empty_kb, [DEMO], settings=settings)
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({
        "format": "valuenet/1", "ecosystem": {"id": "extra", "name": "Extra"},
        "components": [{"id": "new-lib", "name": "New", "depends_on": ["json-codec"]}]}))

    def tick(step: str, done: int, total: int) -> None:
        if step == "writing pending records" and done == total and done:
            empty_kb.execute_query("MATCH (n:Entity {id: 'json-codec'}) DETACH DELETE n",
                                   database_=settings.neo4j_database)

    with pytest.raises(batched.ChangedMeanwhile) as exc:
        loader.load(empty_kb, [extra], settings=streaming(settings), progress=tick)
    assert str(exc.value).startswith(
        "1 record this load refers to was removed or replaced by another write while it was "
        "written in batches (json-codec); nothing was written")
    assert pending(empty_kb, settings)["pending"] == 0


def test_an_id_of_another_kind_in_the_kb_is_refused(empty_kb, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    loader.load(empty_kb, [DEMO], settings=settings)
    before = graph_snapshot(empty_kb, settings)
    clash = tmp_path / "clash.json"
    clash.write_text(json.dumps({
        "format": "valuenet/1", "ecosystem": {"id": "clash", "name": "Clash"},
        "components": [{"id": "json-codec", "name": "fine"},
                       {"id": "moh-sl", "name": "an actor's id"}]}))
    with pytest.raises(loader.ValidationFailed) as exc:
        loader.load(empty_kb, [clash], settings=streaming(settings))
    assert "id 'moh-sl' is already a Actor in the knowledge base; it cannot become a Component" \
        in str(exc.value)
    assert graph_snapshot(empty_kb, settings) == before
    assert pending(empty_kb, settings)["pending"] == 0


def _bad_files(tmp_path: Path) -> dict[str, list[Path]]:
    """Broken JSON files, each wrong in one way a streamed check must see across slices."""
    doc = read(DEMO).data
    assert doc is not None
    out: dict[str, list[Path]] = {}

    def bad(name: str, edit: Any, text: str | None = None) -> None:
        d = json.loads(json.dumps(doc))
        if edit is not None:
            edit(d)
        p = tmp_path / f"{name}.json"
        p.write_text(text if text is not None else json.dumps(d))
        out[name] = [p]

    bad("duplicate-id", lambda d: d["components"].append({"id": d["actors"][0]["id"],
                                                          "name": "a twin"}))
    bad("unknown-reference", lambda d: d["components"][-1].setdefault(
        "depends_on", []).append("no-such-lib"))
    bad("wrong-kind", lambda d: d["products"][0].update(owner=d["components"][0]["id"]))
    bad("model", lambda d: d["fundings"][1].update(amount=-5))
    bad("unknown-field", lambda d: d["actors"][3].update(colour="blue"))
    bad("duplicate-record", lambda d: d["maintenance"].append(dict(d["maintenance"][0])))
    bad("period", lambda d: d["fundings"][0].update(start="2024-05-01", end="2023-01-01"))
    bad("format", lambda d: d.update(format="valuenet/2"))
    bad("section", lambda d: d.update(components={"not": "a list"}))
    bad("unknown-section", lambda d: d.update(extras=[1, 2]))
    bad("cycle", lambda d: (d["fundings"][0].update(parent=d["fundings"][1]["id"]),
                            d["fundings"][1].update(parent=d["fundings"][0]["id"])))
    bad("malformed", None, json.dumps(doc)[:-40])
    bad("duplicate-key", None, json.dumps(doc)[:-1] + ', "format": "valuenet/1"}')
    bad("not-an-object", None, "[1, 2]")
    ok, twin = tmp_path / "ok.json", tmp_path / "twin.json"
    ok.write_text(json.dumps(doc))
    twin.write_text(json.dumps({"format": "valuenet/1", "ecosystem": doc["ecosystem"]}))
    out["ecosystem-twice"] = [ok, twin]
    return out


def test_bad_files_get_the_whole_file_problems_and_change_nothing(  # type: ignore[no-untyped-def]
        empty_kb, settings, tmp_path: Path) -> None:
    loader.load(empty_kb, [generated(tmp_path, 50, 4)], settings=settings)
    before = graph_snapshot(empty_kb, settings)
    whole = settings.model_copy(update={"kb_stream_above": 2**62})
    for name, paths in _bad_files(tmp_path).items():
        with pytest.raises(loader.ValidationFailed) as expected:
            loader.load(empty_kb, paths, settings=whole)
        with pytest.raises(loader.ValidationFailed) as got:
            loader.load(empty_kb, paths, settings=streaming(settings))
        assert str(got.value) == str(expected.value), name
        assert got.value.problems, name
        assert graph_snapshot(empty_kb, settings) == before, name
        assert pending(empty_kb, settings)["pending"] == 0, name


def test_a_file_past_the_whole_file_limit_names_the_first_problem(  # type: ignore[no-untyped-def]
        empty_kb, settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the size the whole-file path reads, the streamed check's problem is the
    answer (it cannot be read whole to list them all)."""
    paths = _bad_files(tmp_path)
    monkeypatch.setattr(loader, "MAX_BYTES", 100)
    with pytest.raises(loader.ValidationFailed) as exc:
        loader.load(empty_kb, paths["unknown-reference"], settings=streaming(settings))
    assert str(exc.value).startswith(
        f"1 problem found; nothing was written:\n  {paths['unknown-reference'][0]}: "
        "components[7] (id=json-codec) field 'depends_on': reference 'no-such-lib' does "
        "not name a record of components\n")
    # Slices of 4 records: the two maintenance records and the two ids sit in different
    # slices, so the index finds them.
    with pytest.raises(loader.ValidationFailed) as exc:
        loader.load(empty_kb, paths["duplicate-record"],
                    settings=streaming(settings, kb_batch_records=4))
    assert f"{paths['duplicate-record'][0]}: maintenance[9]: duplicate of maintenance[0]\n" \
        in str(exc.value)
    with pytest.raises(loader.ValidationFailed) as exc:
        loader.load(empty_kb, paths["duplicate-id"],
                    settings=streaming(settings, kb_batch_records=4))
    assert (f"{paths['duplicate-id'][0]}: components[8] (id=relief-ngo) field 'id': "
            "duplicate id; already used by actors[0]\n") in str(exc.value)
    assert count_entities(empty_kb, settings) == 0


def count_entities(driver: Any, settings: Any) -> int:
    rows, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n",
                                      database_=settings.neo4j_database)
    return int(rows[0]["n"])


def test_kb_load_streams_from_the_command_line(empty_kb, settings, kb_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    js = generated(tmp_path, 300, 5)
    done = kb_cli("load", str(js), "--format", "json", env={"KB_STREAM_ABOVE": "0",
                                                           "KB_BATCH_RECORDS": "100"})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    got = json.loads(done.stdout)
    assert got["totals"]["created"] > 300
    one = graph_snapshot(empty_kb, settings)
    schema.reset(empty_kb, settings)
    loader.load(empty_kb, [js], settings=settings, batched=False)
    assert graph_snapshot(empty_kb, settings) == one


def test_kb_check_streams_and_lists_the_same_problems(  # type: ignore[no-untyped-def]
        empty_kb, settings, tmp_path: Path) -> None:
    """`kb check` of large JSON files takes the streamed check: the same answer, online and
    offline, and the whole-file list of problems for a broken file."""
    loader.load(empty_kb, [DEMO], settings=settings)
    js = demo_json(tmp_path)
    whole = settings.model_copy(update={"kb_stream_above": 2**62})
    for driver in (empty_kb, None):
        got = loader.check([js], driver, streaming(settings))
        assert got.ok and got.sources == [] and got.record_count() == 81
        assert loader.check([js], driver, whole).record_count() == 81
    # A reference into the knowledge base: found online, a problem offline.
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({
        "format": "valuenet/1", "ecosystem": {"id": "extra", "name": "Extra"},
        "components": [{"id": "new-lib", "name": "New", "depends_on": ["json-codec"]}]}))
    assert loader.check([extra], empty_kb, streaming(settings)).ok
    offline = loader.check([extra], None, streaming(settings))
    assert [str(p) for p in offline.problems] == [str(p) for p in loader.check(
        [extra], None, whole).problems]
    assert "unknown id 'json-codec'" in str(offline.problems[0])
    for name, paths in _bad_files(tmp_path).items():
        expected = loader.check(paths, empty_kb, whole).problems
        assert expected, name
        assert loader.check(paths, empty_kb, streaming(settings)).problems == expected, name


def test_kb_check_command_counts_a_streamed_file(kb_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    js = demo_json(tmp_path)
    done = kb_cli("check", "--offline", str(js), env={"KB_STREAM_ABOVE": "0"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok: 1 file(s), 81 records, no problems"
    bad = tmp_path / "bad.json"
    bad.write_text(js.read_text()[:-30])
    done = kb_cli("check", "--offline", str(bad), env={"KB_STREAM_ABOVE": "0"})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    # The whole-file reader's message, with the line and column the JSON parser gives.
    assert f"{bad}:1: malformed JSON: Unterminated string starting at (column " in done.stderr


def test_a_long_transaction_lets_go_of_each_batch_it_sent(driver, settings) -> None:  # type: ignore[no-untyped-def]
    """The driver keeps every result of a transaction, with its parameters, until the
    transaction ends; `db.run_tx` lets go of them once the rows are read (a load's switch
    sends millions of rows). Before that fix the row below stayed alive; a driver that
    keeps parameters somewhere new fails here rather than quietly holding every batch."""
    import gc
    import weakref

    from kb.store import db

    class Row(dict):  # type: ignore[type-arg]
        pass

    with db.write_transaction(driver, settings) as tx:
        row = Row({"from": "a", "to": "b", "key": "k"})
        gone = weakref.ref(row)
        assert db.run_tx(tx, "load_lookup_rels", {"rows": [row]}) == []
        del row
        gc.collect()
        assert gone() is None, "the transaction still holds the parameters it sent"
