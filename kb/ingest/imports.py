"""`kb import`: read real files with one of the importers, then load the result like a file.

The command line only parses options and prints; this module does the work, so the panel or
a script can import the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j import Driver

from kb.errors import KBError
from kb.ingest import importers, loader
from kb.ingest.diff import Report
from kb.ingest.reader import RawFile
from kb.settings import Settings, get_settings
from kb.store import db
from kb.store.db import plain


@dataclass
class Imported:
    """What an import did: the load report, the importer's notes, likely duplicate actors."""

    report: Report
    notes: list[str] = field(default_factory=list)
    likely_duplicates: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The JSON answer of `kb import --format json`."""
        return {**self.report.as_dict(), "likely_duplicates": self.likely_duplicates,
                "notes": self.notes}


def parse_mapping(text: str | None) -> dict[str, str]:
    """`--map KEY=VALUE,...` as a dict; KBError naming a part without '='."""
    pairs: dict[str, str] = {}
    for part in (text or "").split(","):
        if part.strip():
            if "=" not in part:
                raise KBError(f"--map needs KEY=COLUMN pairs, got {part!r}")
            k, _, v = part.partition("=")
            pairs[k.strip()] = v.strip()
    return pairs


def importer(fmt: str, paths: list[Path]) -> Any:
    """The importer module for `fmt`; KBError for an unknown format (with the valid ones)
    or for no files."""
    reg = importers.registry()
    if fmt not in reg:
        raise KBError(f"unknown import format {fmt!r}",
                      hint="Valid formats: " + ", ".join(reg) + " (kb import --list)")
    if not paths:
        raise KBError(f"kb import {fmt} needs at least one file")
    return reg[fmt]


def transform(mod: Any, fmt: str, path: Path, ctx: importers.Context) -> dict[str, Any]:
    """One file through its importer. The importers check their input's shape first; a file
    that still trips one (a shape no check foresaw) is refused as not being that format,
    with the reason, rather than ending in a traceback."""
    try:
        return mod.transform(path, ctx)  # type: ignore[no-any-return]
    except KBError:
        raise
    except (TypeError, AttributeError, KeyError, IndexError, ValueError, RecursionError) as exc:
        raise importers.ImportFailed(
            f"{path}: the {fmt} importer could not read this file: {type(exc).__name__}: "
            f"{str(exc)[:200]}",
            hint=f"Check that it is a {fmt} file (kb import --list); if it is, please report "
            "this as a bug with the file.") from None


def run(driver: Driver, fmt: str, paths: list[Path], *, product: str | None = None,
        owner: str | None = None, mapping: dict[str, str] | None = None, prune: bool = False,
        dry_run: bool = False, settings: Settings | None = None) -> Imported:
    """Read `paths` with the `fmt` importer and load them atomically (see `loader.load_raw`)."""
    settings = settings or get_settings()
    mod = importer(fmt, paths)
    aliases = {r["name"]: r["id"] for r in db.run(driver, "alias_list", settings=settings)}
    lookup = loader.kb_lookup(driver, settings)

    def known(ids: list[str]) -> set[str]:
        return set(lookup(ids))

    def fetch(cid: str) -> dict[str, Any] | None:
        rows = db.run(driver, "component_record", {"id": cid}, settings=settings)
        return plain(rows[0]) if rows else None

    def fetch_many(ids: list[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), 10_000):
            for r in db.run(driver, "component_records", {"ids": ids[i:i + 10_000]},
                            settings=settings):
                found[r["id"]] = plain(r)
        return found

    ctx = importers.Context(product=product, owner=owner, mapping=mapping or {},
                            aliases=aliases, known=known, fetch=fetch, fetch_many=fetch_many)
    docs = [transform(mod, fmt, p, ctx) for p in paths]
    doc = docs[0] if len(docs) == 1 else importers.merge(
        docs, f"{fmt}:{importers.slug(paths[0].parent.name or 'files')}",
        f"{fmt} import of {len(docs)} files from {paths[0].parent}")
    ctx.notes.extend(importers.merged_notes(doc))
    shown = ", ".join(str(p) for p in paths[:3]) + (f" and {len(paths) - 3} more"
                                                     if len(paths) > 3 else "")
    report = loader.load_raw(driver, [RawFile(f"{fmt} import of {shown}", doc, [])], prune=prune,
                             dry_run=dry_run, settings=settings)
    names = {r["id"]: r["name"] for r in db.run(driver, "actor_names", settings=settings)}
    for d in docs:
        names.update({a["id"]: a["name"] for a in d.get("actors", [])})
    return Imported(report, ctx.notes, importers.likely_duplicates(names))
