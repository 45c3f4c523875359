"""`kb load`: validate every file, then write all of them, all or nothing.

Read → validate → plan (`kb.ingest.plan`) → classify against the KB (`kb.ingest.diff`) →
apply (`kb.ingest.write`) → commit → publish `Committed` (`kb.store.events`). A load either
writes everything or nothing. Records whose content did not change are not rewritten, so
loading the same file twice reports them as unchanged. A load of more than
KB_BATCHED_ABOVE records is written in batches that go live together at the end
(`kb.ingest.batched`); smaller loads go in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from neo4j import Driver

from kb.ingest import batched as batched_load
from kb.ingest import merge, streamed, write
from kb.ingest.diff import Report, classify
from kb.ingest.plan import build
from kb.ingest.reader import MAX_BYTES, RawFile, read
from kb.ingest.reader import ValidationFailed as ValidationFailed
from kb.ingest.validate import Result, validate_files, validate_raw
from kb.perf import collector_paused
from kb.settings import Settings, get_settings
from kb.store import changes, db, events

Progress = write.Progress
Logger = Callable[[Any, Report], changes.Change | None]
"""Given the open transaction after the writes and the load's report, the change log entry
(None: nothing to log)."""


def kb_lookup(driver: Driver, settings: Settings) -> Callable[[Iterable[str]], dict[str, str]]:
    """A lookup of existing ids' labels, for validating references into the knowledge base."""

    def lookup(ids: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for batch in write.batches(list(ids)):
            for row in db.run(driver, "load_lookup_nodes", {"ids": batch}, settings=settings):
                found[row["id"]] = row["label"]
        return found

    return lookup


def check(paths: list[Path], driver: Driver | None = None,
          settings: Settings | None = None) -> Result:
    """Validate files, resolving references into the knowledge base when a driver is given.
    JSON files past KB_STREAM_ABOVE bytes are checked as a stream (`kb.ingest.streamed`):
    the result then holds no records, only their count; on any problem they are read whole
    to list every problem, as for a load."""
    settings = settings or get_settings()
    if streamed.applies(paths, prune=False, batched_=None, settings=settings):
        try:
            with collector_paused():
                return Result(records=streamed.check(driver, paths, settings))
        except streamed.Unclear as exc:
            if _unreadable_whole(paths):
                return Result(problems=[exc.problem])
    lookup = kb_lookup(driver, settings) if driver is not None else None
    return validate_files(paths, lookup)


def load(driver: Driver, paths: list[Path], *, prune: bool = False, dry_run: bool = False,
         progress: Progress | None = None, settings: Settings | None = None,
         author: str | None = None, via: str = "cli", batched: bool | None = None
         ) -> Report:
    """Validate `paths` and write them atomically; raise ValidationFailed on any problem.
    `batched`: write in batches that go live together (`kb.ingest.batched`); None: when
    the load has more than KB_BATCHED_ABOVE records. JSON files that together pass
    KB_STREAM_ABOVE bytes are streamed (`kb.ingest.streamed`), unless `prune` or
    `batched=False`."""
    settings = settings or get_settings()
    if streamed.applies(paths, prune=prune, batched_=batched, settings=settings):
        # The collector keeps running: what a streamed load holds is small, and what it
        # lets go includes the driver's finished transactions, which sit in reference
        # cycles (a paused collector kept every batch's).
        tick = progress or (lambda *_: None)
        try:
            report = streamed.load(driver, paths, dry_run=dry_run, progress=tick,
                                   settings=settings,
                                   log_for=lambda names: _logger(None, author, via, names))
        except streamed.Unclear as exc:
            # Read whole, as any load: every problem listed with its location.
            if _unreadable_whole(paths):
                raise ValidationFailed([exc.problem]) from None
            batched = True
        else:
            if not dry_run:
                _published(driver, settings, tick)
            return report
    with collector_paused():
        return load_raw(driver, [read(p) for p in paths], prune=prune, dry_run=dry_run,
                        progress=progress, settings=settings, author=author, via=via,
                        batched=batched, consume=True)


def _unreadable_whole(paths: list[Path]) -> bool:
    """Whether a file is past what the whole-file reader reads (its problems are then the
    streamed check's first one)."""
    return any(p.stat().st_size > MAX_BYTES for p in paths)


def _logger(log: Logger | None, author: str | None, via: str, names: list[str]) -> Logger:
    """What a load logs: `log`'s entry, else the load's summary by `author` through `via`."""

    def logged(tx: Any, report: Report) -> changes.Change | None:
        if log is not None:
            return log(tx, report)
        return changes.Change(author or changes.os_author(), via, "load",
                              summary(report, names))

    return logged


def summary(report: Report, sources: list[str]) -> str:
    """One line for the change log: which sources, and what the load did."""
    totals = report.as_dict()["totals"]
    said = ", ".join(f"{totals[k]:,} {k}" for k in ("created", "updated", "pruned")
                     if totals[k]) or "nothing new"
    return f"loaded {', '.join(sources)}: {said} ({totals['unchanged']:,} unchanged)"


def load_raw(driver: Driver, raws: list[RawFile], *, prune: bool = False,
             dry_run: bool = False, progress: Progress | None = None,
             settings: Settings | None = None,
             merges: list[tuple[str, str, str]] | None = None,
             author: str | None = None, via: str = "cli", log: Logger | None = None,
             before: Callable[[Any], None] | None = None,
             batched: bool | None = None, consume: bool = False) -> Report:
    """Validate documents already in memory (importers' output) and write them atomically.
    `merges` (old id, new id, why) are made first, in the same transaction
    (`kb.ingest.merge`), then `before(tx)` when given. The change log gets one entry, by
    `author` (default: the operating-system user) through `via`: what `log(tx, report)`
    makes, else the load's summary. After a commit, `Committed` is published (a dry run
    rolls back and publishes nothing).

    A load of more than KB_BATCHED_ABOVE records (or any, with `batched=True`) is written
    in batches that stay invisible until one final switch (`kb.ingest.batched`); merges and
    `before` need the one transaction, so importers' loads are never batched.

    `consume`: `raws` is the caller's to give away. Once valid, it is emptied, and each
    section of the validated records once planned, so that a large load never holds its
    records two or three times over (at 1,000,000 components each copy is gigabytes)."""
    with collector_paused():  # hundreds of thousands of records and rows, no cycles
        settings = settings or get_settings()
        tick = progress or (lambda *_: None)
        result = validate_raw(raws, kb_lookup(driver, settings))
        if not result.ok:
            raise ValidationFailed(result.problems)
        if consume:
            raws.clear()
        plan = build(result.sources, consume=consume)
        if merges or before is not None:
            if batched:
                raise ValueError("merges and `before` need the one-transaction load")
            batched = False
        logged = _logger(log, author, via, [e["id"] for e in plan.ecosystems])

        if batched or (batched is None and plan.record_count() > settings.kb_batched_above):
            report = batched_load.write_plan(driver, plan, prune=prune, dry_run=dry_run,
                                             progress=tick, settings=settings, log=logged)
            del plan, result
            if not dry_run:
                _published(driver, settings, tick)
            return report
        with db.write_transaction(driver, settings) as tx:
            if merges:
                db.run_tx(tx, "load_lock")
                for old, new, why in merges:
                    merge.merge_node(tx, old, new, why)
            if before is not None:
                before(tx)
            empty, nodes, rels = write.read_existing(tx, plan)
            write.fold(tx, plan, nodes, rels)
            diff = classify(plan, nodes, rels, empty)
            if diff.clashes:
                raise ValidationFailed(diff.clashes)
            del nodes, rels
            write.apply(tx, plan, diff, tick)
            report = diff.report
            if prune:
                write.prune(tx, plan, report)
            report.dry_run = dry_run
            entry = logged(tx, report)
            if entry is not None:
                changes.append(tx, entry)
            if dry_run:
                tx.rollback()
            else:
                tx.commit()
        if not dry_run:
            del plan, result, diff  # subscribers (the risk snapshot) run without them
            _published(driver, settings, tick)
    return report


def _published(driver: Driver, settings: Settings, tick: Progress) -> None:
    """Tell the subscribers (the risk snapshot) that a load committed."""
    tick("after the load", 0, 1)
    events.publish(events.Committed(driver, settings, "load"))
    tick("after the load", 1, 1)
