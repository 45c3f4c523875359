"""`kb import FORMAT PATH...`: turn real files into valuenet/1 records, then load them.

Each importer is a module with `NAME`, `SUMMARY`, `TELLS` (what its source can and cannot tell)
and `transform(path, ctx) -> dict`, which reads one file and returns a valuenet/1 document
(read -> transform); loading, validation, idempotence and `--prune` come from the loader.
Bad files raise `ImportFailed` with one line and nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from anyascii import anyascii

from kb.errors import KBError
from kb.ingest.identity import repo_url
from kb.ingest.model import SECTIONS
from kb.ingest.reader import ParseError, decode, parse
from kb.ingest.validate import REL_KEYS

__all__ = ["repo_url"]  # the one repository-URL normaliser, for every importer

MAX_BYTES = 200 * 1024 * 1024


class ImportFailed(KBError):
    """A file an importer cannot read; the message names the file and the reason."""


@dataclass
class Context:
    """What the user told `kb import`, and the alias table."""

    product: str | None = None
    owner: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    known: Any = None  # optional callable: ids -> the subset already in the knowledge base
    fetch: Any = None  # optional callable: component id -> its record in the KB, or None
    fetch_many: Any = None  # optional callable: component ids -> {id: record} of those in the KB
    product_records: Any = None  # optional callable: product id -> {id, name, owner} or None
    products_on: Any = None  # optional callable: repository URL -> ids of products built on it
    notes: list[str] = field(default_factory=list)  # what the importer skipped, and why

    named: dict[str, str] = field(default_factory=dict)  # actor id -> the name it was made of

    skips: list[str] = field(default_factory=list)  # what was skipped, with where and why

    def skip(self, text: str) -> None:
        """Note something the file holds that the import leaves out, with its location and
        reason (`kb import --strict` refuses the whole import instead)."""
        self.skips.append(text)
        self.notes.append(text)

    def product_record(self, pid: str) -> dict[str, Any] | None:
        """The KB's record of product `pid` (id, name, owner), or None."""
        return self.product_records(pid) if self.product_records is not None else None

    def actor_id(self, name: str) -> str:
        """The id for an actor name: its alias if one is recorded, else a slug of the name.
        Two names that differ in more than case and spacing never share an id: the
        second gets a numbered suffix, and a note says so."""
        if name in self.aliases:
            return self.aliases[name]
        base = candidate = slug(name)
        n = 1
        while candidate in self.named and _same(self.named[candidate]) != _same(name):
            n += 1
            candidate = f"{base}-{n}"
        if candidate != base and candidate not in self.named:
            self.notes.append(f"actors {self.named[base]!r} and {name!r} make the same id "
                              f"{base!r}; the second is {candidate!r} (kb alias add names "
                              "them as you like)")
        self.named.setdefault(candidate, name)
        return candidate


def attach(ctx: Context, product: dict[str, Any], actors: list[dict[str, Any]],
           repo: str | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The import's product, attached to one the KB holds when `--product` names it or, without
    `--product`, when exactly one KB product is built on the file's own repository `repo`:
    the import then says only what the product is built on (its name and owner stay as
    their sources gave them), and the placeholder owner actor is dropped."""
    pid = ctx.product
    if pid is None and repo and ctx.products_on is not None:
        found = ctx.products_on(repo)
        if len(found) == 1:
            pid = found[0]
            ctx.notes.append(f"attached to the product {pid}, which is built on this file's "
                             f"repository {repo} (give --product to choose another)")
        elif len(found) > 1:
            ctx.notes.append(f"{len(found)} products are built on this file's repository "
                             f"{repo} ({', '.join(found[:5])}); not attached to any "
                             "(give --product ID)")
    held = ctx.product_record(pid) if pid else None
    if held is None or ctx.owner:
        return product, actors
    placeholder = product["owner"]
    product = {**product, "id": pid, "name": held["name"], "owner": held["owner"]}
    return product, [a for a in actors if a["id"] != placeholder or a["id"] == held["owner"]]


def with_covers(ctx: Context, ids: list[str], aspect: str) -> list[dict[str, Any]]:
    """For an importer that covers `aspect`: a record of each of the components `ids` the KB
    holds, saying only that (its id, its name as the KB has it, and `covers`). The load adds
    it to what other sources said (README, "Sources and provenance")."""
    found = ctx.fetch_many(ids) if ctx.fetch_many is not None else {}
    return [{"id": cid, "name": found[cid]["name"], "covers": [aspect]}
            for cid in ids if cid in found]


def with_channels(ctx: Context, new: dict[str, Any], channels: list[str]) -> dict[str, Any]:
    """A record of the component `new["id"]` saying only where money can be given (its
    channels) and its repository if `new` names one, with its name as the KB has it (else
    `new`'s). The load adds it to what other sources said."""
    existing = ctx.fetch(new["id"]) if ctx.fetch is not None else None
    record = {"id": new["id"], "name": (existing or new)["name"],
              "funding_channels": sorted(set(channels))}
    if new.get("repo"):
        record["repo"] = new["repo"]
    return record


def slug(name: str) -> str:
    """A lower-case id made of letters, digits and dashes, from a name in any script
    (transliterated: "Университет ИТМО" gives "universitet-itmo")."""
    s = re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-")
    return s or "unnamed"


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or ImportFailed for missing, empty, huge files and folders."""
    if path.is_dir():
        raise ImportFailed(f"{path}: this is a folder; give the file inside it")
    if not path.exists():
        raise ImportFailed(f"{path}: no such file")
    size = path.stat().st_size
    if size == 0:
        raise ImportFailed(f"{path}: the file is empty (0 bytes)")
    if size > MAX_BYTES:
        raise ImportFailed(f"{path}: the file is {size // 2**20} MiB; importers read at most "
                           f"{MAX_BYTES // 2**20} MiB (split it)")
    return path.read_bytes()


def read_text(path: Path, what: str) -> str:
    """The file as text (UTF-8, or UTF-8/16/32 with a byte-order mark), or ImportFailed."""
    try:
        return decode(read_bytes(path), what)
    except ParseError as exc:
        raise ImportFailed(f"{path}: {exc.message}; expected {what}") from None


def parse_text(path: Path, text: str, what: str, kind: str) -> Any:
    """`text` (read from `path`) parsed as "json" or "yaml", or ImportFailed with the line."""
    try:
        return parse(text, kind)
    except ParseError as exc:
        line = f" at line {exc.line}" if exc.line else ""
        raise ImportFailed(f"{path}{line}: {exc.message}; expected {what}") from None


def _parsed(path: Path, what: str, kind: str) -> Any:
    return parse_text(path, read_text(path, what), what, kind)


def read_json(path: Path, what: str) -> Any:
    """Parsed JSON, or ImportFailed naming the line of a syntax error or a repeated key."""
    return _parsed(path, what, "json")


def read_yaml(path: Path, what: str) -> Any:
    """Parsed YAML (dates left as text), or ImportFailed naming the line of a syntax error
    or a repeated key."""
    return _parsed(path, what, "yaml")


def document(ecosystem_id: str, name: str, **sections: list[dict[str, Any]]) -> dict[str, Any]:
    """A valuenet/1 document, de-duplicated as merge() does."""
    return merge([sections], ecosystem_id, name)


def merge(docs: list[dict[str, Any]], ecosystem_id: str, name: str) -> dict[str, Any]:
    """One document from several files of one import: records de-duplicated by id, and
    relationship records by their natural key (the first one wins). What was merged away is
    kept under MERGED, for the import's account (`merged_notes`)."""
    merged: dict[str, Any] = {"format": "valuenet/1",
                              "ecosystem": {"id": ecosystem_id, "name": name,
                                            "currency": "USD"}}
    account: dict[str, dict[str, Any]] = {}
    for d in docs:
        for section, seen_before in d.pop(MERGED, {}).items():
            entry = account.setdefault(section, {"count": 0, "differing": 0, "examples": []})
            entry["count"] += seen_before["count"]
            entry["differing"] += seen_before["differing"]
            entry["examples"] = (entry["examples"] + seen_before["examples"])[:3]
    for section in SECTIONS:
        first: dict[Any, dict[str, Any]] = {}
        out = []
        for d in docs:
            for r in d.get(section, []):
                key = REL_KEYS[section](r) if section in REL_KEYS else r["id"]
                if key not in first:
                    first[key] = r
                    out.append(r)
                    continue
                entry = account.setdefault(section, {"count": 0, "differing": 0,
                                                     "examples": []})
                entry["count"] += 1
                entry["differing"] += r != first[key]
                if len(entry["examples"]) < 3:
                    entry["examples"].append(str(key))
        if out:
            merged[section] = out
    if account:
        merged[MERGED] = account
    return merged


MERGED = "_merged"


def merged_notes(doc: dict[str, Any]) -> list[str]:
    """The account of the records `merge` folded into others, taken out of `doc`."""
    out = []
    for section, entry in sorted(doc.pop(MERGED, {}).items()):
        differ = (f"; {entry['differing']} of them differed from the first, whose values are "
                  "kept" if entry["differing"] else "; each the same as the first")
        out.append(f"{section}: {entry['count']} record(s) given more than once were merged "
                   f"into the first{differ} (e.g. {', '.join(entry['examples'])})")
    return out


def registry() -> dict[str, ModuleType]:
    """Every importer by format name. (Imported here, not at the top: each importer imports
    this package's helpers, so the package cannot import them while it loads.)"""
    from kb.ingest.importers import (
        cyclonedx,
        dpg,
        edges_csv,
        funding_json,
        funding_yml,
        git_log,
        grants_csv,
        maintainers,
        npm_lock,
        publiccode,
        spdx,
    )

    return {m.NAME: m for m in (cyclonedx, spdx, npm_lock, publiccode, funding_yml,
                                funding_json, maintainers, dpg, grants_csv, edges_csv,
                                git_log)}


def _same(name: str) -> str:
    """A name as compared for being the same actor: case and spacing aside, nothing else."""
    return " ".join(name.casefold().split())


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9 ]+", "", name.lower()).strip()


def likely_duplicates(actors: dict[str, str]) -> list[dict[str, str]]:
    """Pairs of actors (id -> name) whose names differ only in case or punctuation, or by
    one word; they are reported, never merged."""
    out = []
    items = sorted(actors.items())
    words = {i: set(_norm(n).split()) for i, n in items}
    norm = {i: " ".join(sorted(words[i])) for i, _ in items}
    for k, (a, name_a) in enumerate(items):
        for b, name_b in items[k + 1:]:
            wa, wb = words[a], words[b]
            if not wa or not wb:
                continue
            if norm[a] == norm[b]:
                why = "same words, different case or punctuation"
            elif len(wa ^ wb) == 1 and min(len(wa), len(wb)) >= 1 and len(wa | wb) >= 2:
                why = "differ by one word"
            elif len(wa) == len(wb) and len(wa ^ wb) == 2 and _one_letter_apart(wa ^ wb):
                why = "differ by one letter"
            else:
                continue
            out.append({"a": a, "a_name": name_a, "b": b, "b_name": name_b, "why": why})
    return out


def _one_letter_apart(pair: set[str]) -> bool:
    x, y = sorted(pair)
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y, strict=True)) == 1
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
