"""The fast risk engine's snapshot cache: reused while the data stays put, dropped by any
write, whoever makes it."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from kb import analysis
from kb.analysis import fastrisk
from kb.ingest import loader
from kb.ingest.generate import generate
from kb.store import db
from tests.conftest import EXAMPLES

DEMO = EXAMPLES / "ebola-emr.yaml"
DAY = "2026-11-22"


def _component(driver, settings, cid: str) -> dict:  # type: ignore[no-untyped-def]
    rows = analysis.risk(driver, DAY, 180, [], settings).data["components"]
    return next(c for c in rows if c["id"] == cid)


def test_the_data_state_stays_put_across_reads_and_moves_with_a_write(empty_kb, settings) -> None:
    loader.load(empty_kb, [DEMO], settings=settings)
    first = db.data_state(empty_kb, settings=settings)
    analysis.risk(empty_kb, DAY, settings=settings)
    db.run(empty_kb, "count_nodes", settings=settings)
    assert db.data_state(empty_kb, settings=settings) == first
    empty_kb.execute_query("MATCH (c:Component {id: 'json-codec'}) SET c.note = 'touched'",
                           database_=settings.neo4j_database)
    assert db.data_state(empty_kb, settings=settings) != first


def test_a_snapshot_is_reused_until_someone_writes(empty_kb, settings) -> None:
    loader.load(empty_kb, [DEMO], settings=settings)
    fastrisk.forget()
    snap = fastrisk.snapshot(empty_kb, settings)
    assert fastrisk.snapshot(empty_kb, settings) is snap
    # A write outside kb (the console, cypher-shell, another program) also counts.
    empty_kb.execute_query("MATCH (n:Component {id: 'json-codec'}) SET n.note = 'x'",
                           database_=settings.neo4j_database)
    assert fastrisk.snapshot(empty_kb, settings) is not snap


def _write_while_reading(empty_kb, settings, monkeypatch, times: int,  # type: ignore[no-untyped-def]
                         prefix: str = "late") -> list[str]:
    """Make the next `times` reads of the components commit a new component right after,
    as another client would; returns the ids written so far."""
    read_one, wrote = db._columns, []

    def read_then_write(tx, names):  # type: ignore[no-untyped-def]
        out = read_one(tx, names)
        if len(wrote) < times and names == ["risk_inputs_components"]:
            wrote.append(f"{prefix}-{len(wrote) + 1}")
            empty_kb.execute_query("CREATE (:Entity:Component {id: $id, name: 'Late'})",
                                   id=wrote[-1], database_=settings.neo4j_database)
        return out

    monkeypatch.setattr(db, "_columns", read_then_write)
    return wrote


def test_a_write_during_the_reads_is_read_again_until_one_state_is_seen(
        empty_kb, settings, monkeypatch) -> None:
    """The bulk reads run in parallel transactions; a write that commits among them must
    not mix two states: they are read again, and the second read, with no write racing
    it, is of one named state and may be kept."""
    loader.load(empty_kb, [DEMO], settings=settings)
    wrote = _write_while_reading(empty_kb, settings, monkeypatch, times=1)
    col, state = db.read_columns_with_state(empty_kb, fastrisk.INPUTS, settings=settings)
    assert wrote == ["late-1"]
    assert "late-1" in col["risk_inputs_components.ids"]  # the re-read, after the write
    assert state == db.data_state(empty_kb, settings=settings)
    fastrisk.forget()
    snap = fastrisk.snapshot(empty_kb, settings)
    assert fastrisk.snapshot(empty_kb, settings) is snap  # kept: nothing raced its read


def test_writes_racing_every_attempt_give_an_answer_that_is_not_kept(
        empty_kb, settings, monkeypatch) -> None:
    loader.load(empty_kb, [DEMO], settings=settings)
    wrote = _write_while_reading(empty_kb, settings, monkeypatch, times=db.READ_ATTEMPTS)
    col, state = db.read_columns_with_state(empty_kb, fastrisk.INPUTS, settings=settings)
    assert wrote == ["late-1", "late-2", "late-3"] and state is None
    # the last attempt started after the first two writes and raced the third
    assert {"late-1", "late-2"} <= set(col["risk_inputs_components.ids"])
    assert "late-3" not in col["risk_inputs_components.ids"]
    fastrisk.forget()
    again = _write_while_reading(empty_kb, settings, monkeypatch, db.READ_ATTEMPTS, "later")
    snap = fastrisk.snapshot(empty_kb, settings)
    assert len(again) == db.READ_ATTEMPTS
    assert fastrisk.snapshot(empty_kb, settings) is not snap  # the first was not kept


def test_risk_follows_a_write_made_behind_kbs_back(empty_kb, settings) -> None:
    loader.load(empty_kb, [DEMO], settings=settings)
    before = _component(empty_kb, settings, "json-codec")
    # The demo's json-codec is kept up by unpaid volunteers only and has no funding.
    assert (before["funded"], before["hollow_core"], before["paid_maintainers"]) == (
        False, True, 0)
    assert "volunteer_only" in before["reasons"]
    # Paying the volunteers since 2016-02-01, open-ended, funds it on any later day.
    empty_kb.execute_query(
        "MATCH (:Actor {id: 'volunteers'})-[m:MAINTAINS]->(:Component {id: 'json-codec'}) "
        "SET m.paid = true", database_=settings.neo4j_database)
    after = _component(empty_kb, settings, "json-codec")
    assert (after["funded"], after["hollow_core"], after["paid_maintainers"]) == (True, False, 1)
    assert after["funded_until"] is None
    assert "unfunded" not in after["reasons"] and "volunteer_only" not in after["reasons"]
    ref = analysis.risk(empty_kb, DAY, 180, [], settings, engine="cypher").data
    assert analysis.risk(empty_kb, DAY, 180, [], settings).data == ref


def test_what_if_answers_from_a_cached_snapshot_match_the_reference(empty_kb, settings,
                                                                     tmp_path: Path) -> None:
    f = tmp_path / "g.json"
    f.write_text(json.dumps(generate(800, seed=5)))
    loader.load(empty_kb, [f], settings=settings)
    fastrisk.forget()
    base = analysis.risk(empty_kb, "2026-06-15", 180, [], settings).data
    snap = fastrisk.snapshot(empty_kb, settings)
    hollow = {}
    for as_of, horizon, without in (("2026-06-15", 180, ["funder-0000"]),
                                    ("2027-03-01", 30, ["funder-0001", "org-00001"]),
                                    ("2025-01-01", 365, [])):
        fast = analysis.risk(empty_kb, as_of, horizon, without, settings).data
        ref = analysis.risk(empty_kb, as_of, horizon, without, settings, engine="cypher").data
        assert fast == ref
        hollow[as_of] = sum(c["hollow_core"] for c in fast["components"])
    assert fastrisk.snapshot(empty_kb, settings) is snap  # every answer above came from it
    # Withdrawing a funder leaves at least as many hollow cores, and here strictly more.
    assert hollow["2026-06-15"] > sum(c["hollow_core"] for c in base["components"])


def test_a_load_leaves_a_snapshot_on_disk_that_a_new_process_reuses(
        empty_kb, settings, monkeypatch) -> None:
    """`kb load` precomputes the snapshot; another process (here: this one with its memory
    dropped) answers from the file without reading the graph's bulk inputs."""
    fastrisk.forget(settings)
    loader.load(empty_kb, [DEMO], settings=settings)
    path = fastrisk.snapshot_path(settings)
    assert path.is_file() and path.stat().st_mode & 0o777 == 0o600
    fastrisk.forget()  # memory only

    def no_bulk_reads(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the bulk inputs were read again")

    monkeypatch.setattr(db, "read_columns_with_state", no_bulk_reads)
    assert _component(empty_kb, settings, "json-codec")["hollow_core"] is True


def test_saving_an_audit_leaves_the_snapshot_of_the_state_it_made(
        empty_kb, settings, monkeypatch) -> None:
    """Saving an audit is a write, so it moves the data state; the save computes the snapshot
    again, so the next question, in any process, reuses it instead of reading the graph."""
    from kb.report import audit, history

    loader.load(empty_kb, [DEMO], settings=settings)
    before = db.data_state(empty_kb, settings=settings)
    assert fastrisk.held_state() == before
    history.save(empty_kb, audit.build(empty_kb, DAY, 180, [], 12, settings=settings),
               settings)
    after = db.data_state(empty_kb, settings=settings)
    assert after != before and fastrisk.held_state() == after
    fastrisk.forget()  # memory only: a new process has the file

    def no_bulk_reads(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the bulk inputs were read again")

    monkeypatch.setattr(db, "read_columns_with_state", no_bulk_reads)
    assert _component(empty_kb, settings, "json-codec")["hollow_core"] is True


def test_a_stale_or_broken_snapshot_file_is_not_used(empty_kb, settings) -> None:
    loader.load(empty_kb, [DEMO], settings=settings)
    path = fastrisk.snapshot_path(settings)
    before = path.read_bytes()
    # A write outside kb: the file names the old data state, so it is computed again.
    empty_kb.execute_query("MATCH (:Actor)-[m:MAINTAINS]->(:Component {id: 'json-codec'}) "
                           "SET m.paid = true", database_=settings.neo4j_database)
    fastrisk.forget()
    assert _component(empty_kb, settings, "json-codec")["hollow_core"] is False
    assert path.read_bytes() != before  # and kept for the new state
    path.write_bytes(b"not a snapshot")
    fastrisk.forget()
    assert _component(empty_kb, settings, "json-codec")["hollow_core"] is False
    fastrisk.forget(settings)
    assert not path.exists()


def test_a_snapshot_file_of_another_format_is_not_used(empty_kb, settings, monkeypatch) -> None:
    """A file from another version of kb, for the very same data state, is read again from
    the graph rather than trusted."""
    loader.load(empty_kb, [DEMO], settings=settings)
    path = fastrisk.snapshot_path(settings)
    with path.open("rb") as f:
        (_, state), snap = pickle.load(f), pickle.load(f)
    with path.open("wb") as f:
        pickle.dump(((0,), state), f)
        pickle.dump(snap, f)
    reads, read = [], db.read_columns_with_state

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append(args[1])
        return read(*args, **kwargs)

    monkeypatch.setattr(db, "read_columns_with_state", counted)
    fastrisk.forget()
    assert fastrisk.snapshot(empty_kb, settings).ids == snap.ids
    assert reads == [fastrisk.INPUTS]
