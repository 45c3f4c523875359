"""Batched loads (`kb.ingest.batched`) against the real Neo4j: the graph equals the
one-transaction load's, pending records stay invisible until the switch, and a failure, a
crash, or another write meanwhile leaves the knowledge base as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kb.analysis import fastrisk
from kb.ingest import batched, loader
from kb.ingest.generate import generate
from kb.report import export
from kb.store import db
from tests.integration.test_loader import graph_snapshot

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "ebola-emr.yaml"


def small(settings: Any, **changes: Any) -> Any:
    """The test settings with small batches, so that a small load takes many of them."""
    return settings.model_copy(update={"kb_batch_records": 40, **changes})


def generated(tmp_path: Path, n: int, seed: int, edit: Any = None) -> Path:
    doc = generate(n, seed)
    if edit is not None:
        edit(doc)
    out = tmp_path / f"gen-{n}-{seed}-{'edited' if edit else 'plain'}.json"
    out.write_text(json.dumps(doc))
    return out


def visible(driver: Any, settings: Any) -> dict[str, Any]:
    """What analyses, pages and exports see of the knowledge base."""
    fastrisk.forget(settings)
    rows, n, _ = fastrisk.risk_rows(driver, "2026-06-01", 365, [], settings)
    return {"risk": rows, "components": n,
            "export": export.collect(driver, settings),
            "counts": db.run(driver, "count_nodes", settings=settings),
            "sections": db.run(driver, "web_section_counts", settings=settings)}


def pending(driver: Any, settings: Any) -> dict[str, Any]:
    return batched.pending_state(driver, settings)


def test_batched_into_an_empty_kb_gives_the_one_transaction_graph(empty_kb, settings) -> None:  # type: ignore[no-untyped-def]
    loader.load(empty_kb, [DEMO], settings=settings, batched=False)
    one = graph_snapshot(empty_kb, settings)
    steps: set[str] = set()
    from kb.store import schema
    schema.reset(empty_kb, settings)
    report = loader.load(empty_kb, [DEMO], settings=small(settings), batched=True,
                         progress=lambda step, done, total: steps.add(step))
    # 81 records, hand-counted in test_loader, all created.
    assert report.total("created") == 81 and report.notes == []
    assert graph_snapshot(empty_kb, settings) == one
    assert "writing pending records" in steps and "making the load live" in steps
    assert pending(empty_kb, settings)["pending"] == 0
    assert pending(empty_kb, settings)["load"] is None


def test_batched_into_a_kb_holding_data_gives_the_one_transaction_graph(  # type: ignore[no-untyped-def]
        empty_kb, settings, tmp_path: Path) -> None:
    """A second source sharing 300 components (and actors) with the first, adding 300 more
    whose dependencies reach into the first: records created, records combined from two
    sources, relationships between new and old nodes."""
    first = generated(tmp_path, 300, 1)
    second = generated(tmp_path, 600, 2)
    loader.load(empty_kb, [first], settings=settings, batched=False)
    one_report = loader.load(empty_kb, [second], settings=settings, batched=False)
    one = graph_snapshot(empty_kb, settings)
    from kb.store import schema
    schema.reset(empty_kb, settings)
    loader.load(empty_kb, [first], settings=settings, batched=False)
    report = loader.load(empty_kb, [second], settings=small(settings), batched=True)
    assert report.as_dict()["totals"] == one_report.as_dict()["totals"]
    assert report.total("created") > 0 and report.total("updated") > 0
    assert graph_snapshot(empty_kb, settings) == one


def test_batched_updates_and_prune_give_the_one_transaction_graph(  # type: ignore[no-untyped-def]
        empty_kb, settings, tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        doc["components"] = doc["components"][10:]  # ten gone: pruned
        for c in doc["components"][:5]:
            c["name"] += " (renamed)"  # five updated
        kept = {c["id"] for c in doc["components"]}
        for c in doc["components"]:
            c["depends_on"] = [d for d in c.get("depends_on", []) if d in kept]
        for section in ("maintenance", "relies_on"):
            doc[section] = [r for r in doc.get(section, []) if r["component"] in kept]
        for p in doc["products"]:
            p["built_on"] = [c for c in p.get("built_on", []) if c in kept]

    base, changed = generated(tmp_path, 200, 3), generated(tmp_path, 200, 3, edit)
    loader.load(empty_kb, [base], settings=settings)
    one_report = loader.load(empty_kb, [changed], settings=settings, prune=True, batched=False)
    one = graph_snapshot(empty_kb, settings)
    from kb.store import schema
    schema.reset(empty_kb, settings)
    loader.load(empty_kb, [base], settings=settings)
    dry = loader.load(empty_kb, [changed], settings=small(settings), prune=True,
                      batched=True, dry_run=True)
    assert dry.dry_run and dry.as_dict()["totals"] == one_report.as_dict()["totals"]
    report = loader.load(empty_kb, [changed], settings=small(settings), prune=True,
                         batched=True)
    totals = report.as_dict()["totals"]
    assert totals == one_report.as_dict()["totals"]
    assert totals["updated"] >= 5 and report.sections["components"].pruned == 10
    assert graph_snapshot(empty_kb, settings) == one


def test_pending_records_are_invisible_until_the_switch(  # type: ignore[no-untyped-def]
        empty_kb, settings, tmp_path: Path) -> None:
    loader.load(empty_kb, [generated(tmp_path, 200, 1)], settings=settings)
    before = visible(empty_kb, settings)
    seen: list[dict[str, Any]] = []

    def tick(step: str, done: int, total: int) -> None:
        if step == "writing pending records" and done == total and not seen:
            state = pending(empty_kb, settings)
            seen.append({"view": visible(empty_kb, settings), "pending": state["pending"]})

    report = loader.load(empty_kb, [generated(tmp_path, 500, 2)], settings=small(settings),
                         batched=True, progress=tick)
    assert seen, "the progress hook ran once every pending record was written"
    # 300 new components and the other new records sit there, pending and unseen.
    assert seen[0]["pending"] >= 300
    assert seen[0]["view"] == before
    after = visible(empty_kb, settings)
    assert after["components"] == 500 and report.total("created") >= 300


def test_a_failure_part_way_leaves_the_kb_as_it_was(empty_kb, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    loader.load(empty_kb, [DEMO], settings=settings)
    before = graph_snapshot(empty_kb, settings)

    class Boom(Exception):
        pass

    def tick(step: str, done: int, total: int) -> None:
        if step == "writing pending records" and done >= 120:
            raise Boom("the network went away")

    with pytest.raises(Boom):
        loader.load(empty_kb, [generated(tmp_path, 300, 1)], settings=small(settings),
                    batched=True, progress=tick)
    assert graph_snapshot(empty_kb, settings) == before
    left = pending(empty_kb, settings)
    assert left["pending"] == 0 and left["load"] is None


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
    loader.load(driver, [Path(sys.argv[1])], settings=settings, batched=True, progress=tick)
"""


def test_a_crashed_load_is_cleaned_up_by_the_next(  # type: ignore[no-untyped-def]
        empty_kb, settings, neo4j_env, kb_cli, tmp_path: Path) -> None:
    big = generated(tmp_path, 300, 1)
    loader.load(empty_kb, [DEMO], settings=settings)
    before = graph_snapshot(empty_kb, settings)
    env = {**os.environ, **neo4j_env, "KB_BATCH_RECORDS": "40"}
    done = subprocess.run([sys.executable, "-c", CRASH, str(big)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 3, done.stderr
    left = pending(empty_kb, settings)
    assert left["pending"] >= 120 and left["load"] is not None
    assert "pid" in left["by"]
    # `kb neo4j status` says what is pending, and whose it is.
    status = kb_cli("neo4j", "status")
    assert status.returncode == 0, status.stderr
    assert (f"pending: {left['pending']:,} records not yet live of batched load "
            f"{left['load']} by {left['by']}, started {left['started']}") in status.stdout
    assert json.loads(kb_cli("neo4j", "status", "--json").stdout)["pending"]["load"] == left[
        "load"]
    # Besides the pending nodes the graph is the demo's, and kb counts only the demo.
    now = graph_snapshot(empty_kb, settings)
    assert {n for n in now[0] if n[0] != ("KbPending",)} == before[0]
    assert db.run(empty_kb, "count_nodes", settings=settings)[0]["nodes"] == len(before[0])

    # Within KB_BATCHED_STALE the crashed load still looks busy: the next load waits.
    with pytest.raises(batched.LoadBusy) as busy:
        loader.load(empty_kb, [big], settings=small(settings), batched=True)
    assert f"another batched load is writing: {left['load']}" in str(busy.value)
    assert "KB_BATCHED_STALE (120 s)" in str(busy.value)
    assert pending(empty_kb, settings)["pending"] == left["pending"]

    # Past it, the next load removes what the crashed one left, says so, and loads.
    report = loader.load(empty_kb, [big], settings=small(settings, kb_batched_stale=0),
                         batched=True)
    assert report.notes == [
        f"removed {left['pending']:,} pending records left by an interrupted batched load "
        f"(load {left['load']} by {left['by']}, started {left['started']})"]
    assert pending(empty_kb, settings)["pending"] == 0
    assert "pending" not in kb_cli("neo4j", "status").stdout
    one = graph_snapshot(empty_kb, settings)
    from kb.store import schema
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
        if step == "writing pending records" and d == total and not done:
            done.append(True)
            loader.load(empty_kb, [meanwhile], settings=settings, batched=False)

    with pytest.raises(batched.ChangedMeanwhile) as exc:
        loader.load(empty_kb, [generated(tmp_path, 400, 2)], settings=small(settings),
                    batched=True, progress=tick)
    expected_after = graph_snapshot(empty_kb, settings)
    assert "1 of its records was created, changed or removed by another write meanwhile " \
           "(pkg:generic/c000000); nothing was written" in str(exc.value)
    assert "Run the load again" in str(exc.value)
    assert pending(empty_kb, settings)["pending"] == 0
    # The knowledge base holds exactly the other write's result.
    from kb.store import schema
    schema.reset(empty_kb, settings)
    loader.load(empty_kb, [first], settings=settings)
    loader.load(empty_kb, [meanwhile], settings=settings)
    assert graph_snapshot(empty_kb, settings) == expected_after


def test_a_node_the_load_points_at_removed_meanwhile_stops_the_switch(  # type: ignore[no-untyped-def]
        empty_kb, settings, tmp_path: Path) -> None:
    """A new component depends on the demo's json-codec, which is not in the load's file;
    another client deletes json-codec while the load is pending."""
    loader.load(empty_kb, [DEMO], settings=settings)
    extra = tmp_path / "extra.yaml"
    extra.write_text("format: valuenet/1\necosystem: {id: extra, name: Extra}\n"
                     "components:\n  - {id: new-lib, name: New, depends_on: [json-codec]}\n")

    def tick(step: str, done: int, total: int) -> None:
        if step == "writing pending records" and done == total:
            empty_kb.execute_query("MATCH (n:Entity {id: 'json-codec'}) DETACH DELETE n",
                                   database_=settings.neo4j_database)

    before = None
    with pytest.raises(batched.ChangedMeanwhile) as exc:
        before = graph_snapshot(empty_kb, settings)
        loader.load(empty_kb, [extra], settings=small(settings), batched=True, progress=tick)
    assert str(exc.value).startswith(
        "1 record this load refers to was removed or replaced by another write while it was "
        "written in batches (json-codec); nothing was written")
    after = graph_snapshot(empty_kb, settings)
    assert before is not None and after[0] == {
        n for n in before[0] if ("id", "json-codec") not in n[1]}
    assert not any(n for n in after[0] if ("id", "new-lib") in n[1])
    assert pending(empty_kb, settings)["pending"] == 0


def test_loads_above_the_threshold_are_batched(empty_kb, settings) -> None:  # type: ignore[no-untyped-def]
    steps: set[str] = set()
    loader.load(empty_kb, [DEMO], settings=settings.model_copy(update={"kb_batched_above": 80}),
                progress=lambda s, d, t: steps.add(s))
    assert "writing pending records" in steps  # 81 records > 80
    steps.clear()
    from kb.store import schema
    schema.reset(empty_kb, settings)
    loader.load(empty_kb, [DEMO], settings=settings.model_copy(update={"kb_batched_above": 81}),
                progress=lambda s, d, t: steps.add(s))
    assert "writing pending records" not in steps and "writing" in steps


def test_kb_load_batched_over_a_routing_uri(empty_kb, settings, neo4j_env, kb_cli) -> None:  # type: ignore[no-untyped-def]
    """The path for Aura and clusters, through a neo4j:// URI (routing, as a cluster is
    reached) to the provisioned server."""
    loader.load(empty_kb, [DEMO], settings=settings, batched=False)
    one = graph_snapshot(empty_kb, settings)
    from kb.store import schema
    schema.reset(empty_kb, settings)
    routed = neo4j_env["NEO4J_URI"].replace("bolt://", "neo4j://")
    assert routed.startswith("neo4j://")
    done = kb_cli("load", "--batched", "--format", "json", str(DEMO),
                  env={"NEO4J_URI": routed, "KB_BATCH_RECORDS": "10"})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["totals"]["created"] == 81
    assert graph_snapshot(empty_kb, settings) == one
    again = kb_cli("load", "--batched", str(DEMO), env={"NEO4J_URI": routed})
    assert again.returncode == 0 and "81 " in again.stdout.splitlines()[-2]


def test_bulk_and_batched_are_separate_paths(kb_cli) -> None:  # type: ignore[no-untyped-def]
    done = kb_cli("load", "--bulk", "--batched", str(DEMO))
    assert done.returncode == 2
    assert "--bulk is its own load path: leave out --batched and --one-transaction" in done.stderr
    assert "Traceback" not in done.stderr
