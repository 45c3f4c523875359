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
from kb.ingest import aliases as aliases_mod
from kb.ingest import identity, importers, loader
from kb.ingest.diff import Report
from kb.ingest.model import SECTIONS
from kb.ingest.reader import RawFile
from kb.settings import Settings, get_settings
from kb.store import db
from kb.store.db import plain


@dataclass
class Imported:
    """What an import did: the load report, the importer's notes, likely duplicate actors,
    and the account of what the files gave (`account`)."""

    report: Report
    notes: list[str] = field(default_factory=list)
    likely_duplicates: list[dict[str, Any]] = field(default_factory=list)
    account: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The JSON answer of `kb import --format json`."""
        return {**self.report.as_dict(), "likely_duplicates": self.likely_duplicates,
                "notes": self.notes, "account": self.account}


def account(doc: dict[str, Any], merged: list[str], skips: list[str]) -> dict[str, Any]:
    """What an import turned its files into, for the closing account: records per section,
    how many notes say records were merged or skipped, and the money of its funding flows per
    currency (flows of unknown amount counted apart, never as 0)."""
    money: dict[str, float] = {}
    unknown = 0
    default = doc.get("ecosystem", {}).get("currency", "USD")
    for f in doc.get("fundings", []):
        if f.get("amount") is None:
            unknown += 1
        else:
            cur = f.get("currency") or default
            money[cur] = money.get(cur, 0.0) + float(f["amount"])
    return {"records": {s: len(doc[s]) for s in SECTIONS if doc.get(s)},
            "merged_notes": len(merged), "skipped": skips,
            "money": {c: round(v, 2) for c, v in sorted(money.items())},
            "fundings_of_unknown_amount": unknown}


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
        dry_run: bool = False, strict: bool = False,
        settings: Settings | None = None) -> Imported:
    """Read `paths` with the `fmt` importer and load them atomically (see `loader.load_raw`).
    With `strict`, anything the importer skipped refuses the whole import (ImportFailed
    listing each skip), and nothing is written."""
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

    def product_record(pid: str) -> dict[str, Any] | None:
        rows = db.run(driver, "import_product_record", {"id": pid}, settings=settings)
        return plain(rows[0]) if rows and rows[0]["owner"] else None

    def products_on(repo: str) -> list[str]:
        return [r["id"] for r in db.run(driver, "import_products_on_repo", {"repo": repo},
                                        settings=settings)]

    ctx = importers.Context(product=product, owner=owner, mapping=mapping or {},
                            aliases=aliases, known=known, fetch=fetch, fetch_many=fetch_many,
                            product_records=product_record, products_on=products_on)
    docs = [transform(mod, fmt, p, ctx) for p in paths]
    doc = docs[0] if len(docs) == 1 else importers.merge(
        docs, f"{fmt}:{importers.slug(paths[0].parent.name or 'files')}",
        f"{fmt} import of {len(docs)} files from {paths[0].parent}")
    merged = importers.merged_notes(doc)
    ctx.notes.extend(merged)
    if strict and ctx.skips:
        raise importers.ImportFailed(
            f"--strict: the {fmt} import would skip {len(ctx.skips)} thing(s); nothing was "
            "written:\n" + "\n".join(f"  {s}" for s in ctx.skips),
            hint="Fix the file(s), or import without --strict to keep the rest and see the "
            "skips in the notes.")
    merges = resolve(driver, doc, ctx.notes, settings)
    tally = account(doc, merged, ctx.skips)
    shown = ", ".join(str(p) for p in paths[:3]) + (f" and {len(paths) - 3} more"
                                                     if len(paths) > 3 else "")
    report = loader.load_raw(driver, [RawFile(f"{fmt} import of {shown}", doc, [])], prune=prune,
                             dry_run=dry_run, settings=settings, merges=merges,
                             via="import")
    names = {r["id"]: r["name"] for r in db.run(driver, "actor_names", settings=settings)}
    for d in docs:
        names.update({a["id"]: a["name"] for a in d.get("actors", [])})
    apart = aliases_mod.distinct_pairs(driver, settings)
    dupes = [d for d in importers.likely_duplicates(names)
             if tuple(sorted((d["a"], d["b"]))) not in apart]
    return Imported(report, ctx.notes, dupes, tally)


def resolve(driver: Driver, doc: dict[str, Any], notes: list[str],
            settings: Settings) -> list[tuple[str, str, str]]:
    """Give the document's components their codebase ids (README, "One component per
    codebase"): records of one package become one component; a package the KB resolves to a
    repository takes the repository's id. Returns the merges the load must make first:
    components the KB holds under a package URL that this document says is a repository's
    code."""
    comps = doc.get("components", [])
    if not comps:
        return []
    grouped = identity.unify(comps)
    folded = identity.rename(doc, grouped)
    if grouped:
        notes.append(f"{len(set(grouped.values()))} codebase(s) named with more than one "
                     f"repository or package URL in this file are one component each "
                     f"(e.g. {next(iter(grouped))} -> {next(iter(grouped.values()))}); "
                     f"{folded} record(s) folded into them")
    known = {r["key"]: r["id"] for r in db.run(driver, "import_identities", settings=settings)}
    mapping: dict[str, str] = {}
    for c in doc["components"]:
        for key in [c["id"], *c.get("packages", [])]:
            target = known.get(key)
            if not target or target == c["id"]:
                continue
            if target.startswith("pkg:") and not c["id"].startswith("pkg:"):
                continue  # the KB has the package on its own: merged into c below
            if not c["id"].startswith("pkg:") and not target.startswith("pkg:"):
                notes.append(f"{key}: this file says its code is {c['id']}, the knowledge "
                             f"base says {target}; kept apart (kb alias add merges them if "
                             "they are one)")
                break
            mapping[c["id"]] = target
            break
    folded = identity.rename(doc, mapping)
    if mapping:
        notes.append(f"{len(mapping)} component(s) resolved to the codebase the knowledge "
                     f"base names for their package (e.g. {next(iter(mapping))} -> "
                     f"{next(iter(mapping.values()))})"
                     + (f"; {folded} record(s) folded into one" if folded else ""))
    said = identity.links(doc["components"])
    held = loader.kb_lookup(driver, settings)(list(said))
    merges = [(p, repo, f"{doc['ecosystem']['id']} says {p} is the code of {repo}")
              for p, repo in said.items() if p in held and p != repo]
    if merges:
        notes.append(f"{len(merges)} component(s) the knowledge base held under a package URL "
                     f"merged into their repository (e.g. {merges[0][0]} -> {merges[0][1]}); "
                     "their sources and relationships move with them")
    return merges
