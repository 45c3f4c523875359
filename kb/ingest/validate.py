"""Validation of ecosystem files: every record against the models, then across records.

`validate()` never stops at the first problem: it returns all of them, each naming the file,
the section, the record and the field.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pycountry
from pydantic import TypeAdapter, ValidationError

from kb.ingest.model import (
    FORMAT,
    NODE_SECTIONS,
    SECTIONS,
    AreaScore,
    Ecosystem,
    EcosystemFile,
)
from kb.ingest.reader import Problem, RawFile, read

# Where references point: (section, field) -> node sections the id may come from.
ANY_NODE = tuple(NODE_SECTIONS)
REFERENCES: dict[tuple[str, str], tuple[str, ...]] = {
    ("actors", "member_of"): ("actors",),
    ("products", "owner"): ("actors",),
    ("products", "built_on"): ("components",),
    ("components", "depends_on"): ("components",),
    ("relies_on", "actor"): ("actors",),
    ("relies_on", "component"): ("components",),
    ("maintenance", "actor"): ("actors",),
    ("maintenance", "component"): ("components",),
    ("maintenance", "paid_by"): ("fundings",),
    ("agreements", "parties"): ("actors",),
    ("agreements", "concerns"): ("products", "components"),
    ("fundings", "from"): ("actors",),
    ("fundings", "to"): ("actors",),
    ("fundings", "for"): ("products", "components"),
    ("fundings", "parent"): ("fundings",),
    ("fundings", "agreement"): ("agreements",),
    ("involvement", "actor"): ("actors",),
    ("involvement", "product"): ("products",),
    ("exchanges", "from"): ("actors",),
    ("exchanges", "to"): ("actors",),
    ("decisions", "about"): ANY_NODE,
    ("decisions", "voices"): ("actors",),
    ("ties", "between"): ("actors",),
}
PERIODS = {
    "maintenance": ("since", "until"),
    "agreements": ("start", "end"),
    "fundings": ("start", "end"),
    "involvement": ("since", "until"),
}
# Natural keys of records that are relationships rather than nodes.
REL_KEYS: dict[str, Callable[[dict[str, Any]], tuple[Any, ...]]] = {
    "relies_on": lambda r: (r["actor"], r["component"]),
    "maintenance": lambda r: (r["actor"], r["component"], r.get("since")),
    "involvement": lambda r: (r["actor"], r["product"], r.get("since")),
    "exchanges": lambda r: (r["from"], r["to"], r["gives"]),
    "ties": lambda r: tuple(sorted(r["between"])),
}
_ADAPTERS = {s: TypeAdapter(list[m]) for s, m in SECTIONS.items()}  # type: ignore[valid-type]
_ECO = TypeAdapter(Ecosystem)

KBLookup = Callable[[Iterable[str]], dict[str, str]]
"""Given ids, return {id: label} for those already in the knowledge base."""


@dataclass
class Source:
    """One validated file: its ecosystem and records as plain dicts (aliases as keys)."""

    name: str
    ecosystem: dict[str, Any]
    sections: dict[str, list[dict[str, Any]]]
    # When some records failed validation, the file position of each kept record.
    positions: dict[str, list[int]] = field(default_factory=dict)

    def pos(self, section: str, i: int) -> int:
        """The record's index in the file."""
        kept = self.positions.get(section)
        return kept[i] if kept is not None else i


@dataclass
class Result:
    """The outcome of validating one or more files."""

    sources: list[Source] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    kb_labels: dict[str, str] = field(default_factory=dict)  # ids resolved in the KB
    records: int | None = None  # how many, when checked as a stream (no sources kept)

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems

    def record_count(self) -> int:
        """How many records the files hold."""
        if self.records is not None:
            return self.records
        return sum(len(v) for s in self.sources for v in s.sections.values())


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _valid_currency(code: str) -> bool:
    return pycountry.currencies.get(alpha_3=code) is not None


def _problem(raw: RawFile, section: str | None, index: int | None, rec: Any, field_: str | None,
             reason: str) -> Problem:
    rid = rec.get("id") if isinstance(rec, dict) and isinstance(rec.get("id"), str) else None
    file = raw.name
    line = None
    if raw.csv_lines and section is not None:
        file = str(Path(raw.name) / f"{section}.csv")
        line = index + 2 if index is not None else None
    return Problem(file, reason, section, index, rid, field_, line)


def _pydantic_reason(err: Any, model: type | None) -> str:
    kind = err["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden" and model is not None:
        # Inside a nested record (an agreement's scores), name that record's fields.
        nested = {"scores": AreaScore}
        loc = [str(x) for x in err.get("loc", ())]
        inner = next((m for key, m in nested.items()
                      if key in loc and len(loc) - loc.index(key) > 2), None)
        names = sorted(f.alias or n for n, f in (inner or model).model_fields.items())  # type: ignore[attr-defined]
        return f"unknown field; valid fields are {', '.join(names)}"
    msg = str(err["msg"])
    if kind == "greater_than_equal":
        return f"must not be negative, got {err.get('input')!r}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"not a valid YYYY-MM-DD date: {err.get('input')!r}"
    if kind == "string_type":
        return f"must be a string, got {err.get('input')!r} (quote it in YAML)"
    value = err.get("input")
    if kind == "string_pattern_mismatch" and isinstance(value, str):
        bad = next((c for c in value if ord(c) < 32 or ord(c) == 127), None)
        if bad is not None:
            return (f"contains a control character (U+{ord(bad):04X}) in {value!r}; ids and "
                    "names must be printable text")
    if kind == "enum" or kind == "literal_error":
        allowed = [str(x).strip("'") for x in re.findall(r"'[^']*'", msg)]
        close = difflib.get_close_matches(str(value), allowed, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"{msg[0].lower() + msg[1:]}, got {value!r}{hint}"
    reason = msg[0].lower() + msg[1:] if msg else kind
    if value is not None and not isinstance(value, dict | list):
        reason += f", got {value!r}"
    return reason


def _check_shape(raw: RawFile) -> tuple[Source, list[Problem]]:
    data = raw.data or {}
    problems: list[Problem] = []
    positions: dict[str, list[int]] = {}
    fmt = data.get("format")
    if fmt != FORMAT:
        problems.append(_problem(raw, None, None, None, "format",
                                 f"must be '{FORMAT}', got {fmt!r}"))
    allowed = set(EcosystemFile.model_fields) - {"format", "ecosystem"}
    for key in data:
        if key not in allowed and key not in ("format", "ecosystem"):
            problems.append(_problem(raw, None, None, None, key,
                                     "unknown section; valid sections are "
                                     + ", ".join(["ecosystem", *SECTIONS])))
    eco: dict[str, Any] = {}
    try:
        eco = _ECO.validate_python(data.get("ecosystem")).model_dump()
    except ValidationError as exc:
        for err in exc.errors():
            eco_field = ".".join(str(x) for x in err["loc"]) or None
            problems.append(_problem(raw, "ecosystem", None, None, eco_field,
                                     _pydantic_reason(err, Ecosystem)))
    if eco and not _valid_currency(eco["currency"]):
        problems.append(_problem(raw, "ecosystem", None, None, "currency",
                                 f"unknown ISO 4217 currency {eco['currency']!r}"))
    sections: dict[str, list[dict[str, Any]]] = {}
    for section, model in SECTIONS.items():
        records = data.get(section)
        if records is None:
            sections[section] = []
            continue
        if not isinstance(records, list):
            problems.append(_problem(raw, section, None, None, None,
                                     f"must be a list of records, got {type(records).__name__}"))
            continue
        try:
            parsed: list[Any] = _ADAPTERS[section].validate_python(records)
            sections[section] = [r.model_dump(by_alias=True, mode="python") for r in parsed]
        except ValidationError as exc:
            # Report every error, then keep the records that are valid on their own so the
            # checks across records still run on them.
            for err in exc.errors():
                loc: list[int | str] = list(err["loc"])
                idx = loc.pop(0) if loc and isinstance(loc[0], int) else None
                rec = records[idx] if isinstance(idx, int) and idx < len(records) else None
                where = ".".join(str(x) for x in loc) or None
                problems.append(_problem(raw, section, idx if isinstance(idx, int) else None,
                                         rec, where,
                                         _pydantic_reason(err, model)))
            bad = {e["loc"][0] for e in exc.errors() if e["loc"] and isinstance(e["loc"][0], int)}
            sections[section] = []
            for i, rec in enumerate(records):
                if i in bad:
                    continue
                valid: Any = model.model_validate(rec)
                sections[section].append(valid.model_dump(by_alias=True, mode="python"))
                positions.setdefault(section, []).append(i)
    src = Source(raw.name, eco or {"id": raw.name, "name": raw.name, "currency": "USD"},
                 sections, positions)
    return src, problems


def _check_records(raw: RawFile, src: Source) -> list[Problem]:
    problems: list[Problem] = []
    for section, (start, end) in PERIODS.items():
        for i, rec in _raw_records(raw, section):
            a, b = _as_date(rec.get(start)), _as_date(rec.get(end))
            if a and b and b < a:
                problems.append(_problem(raw, section, i, rec, end,
                                         f"{end} {b} is before {start} {a}"))
    for i, rec in enumerate(src.sections["fundings"]):
        cur = rec.get("currency")
        if cur is not None and not _valid_currency(cur):
            problems.append(_problem(raw, "fundings", src.pos("fundings", i), rec, "currency",
                                     f"unknown ISO 4217 currency {cur!r}"))
    for i, rec in enumerate(src.sections["maintenance"]):
        if rec.get("paid_by") and not rec["paid"]:
            problems.append(_problem(raw, "maintenance", src.pos("maintenance", i), rec,
                                     "paid_by", "names fundings that pay it, but paid is "
                                     "false; set paid: true or remove paid_by"))
    for i, rec in enumerate(src.sections["agreements"]):
        unlisted = sorted(str(a) for a in rec.get("scores") or {}
                          if a not in (rec.get("areas") or []))
        if unlisted:
            problems.append(_problem(raw, "agreements", src.pos("agreements", i), rec,
                                     "scores", f"scores {', '.join(unlisted)}, which areas "
                                     "does not list; add it to areas or remove its score"))
    for i, rec in enumerate(src.sections["ties"]):
        if rec["between"][0] == rec["between"][1]:
            problems.append(_problem(raw, "ties", src.pos("ties", i), rec, "between",
                                     "a tie needs two different actors"))
    for section, keyfn in REL_KEYS.items():
        seen: dict[tuple[Any, ...], int] = {}
        for i, rec in enumerate(src.sections[section]):
            key = keyfn(rec)
            if key in seen:
                problems.append(_problem(raw, section, src.pos(section, i), rec, None,
                                         f"duplicate of {section}[{src.pos(section, seen[key])}]"))
            else:
                seen[key] = i
    return problems


def _refs(rec: dict[str, Any], fld: str) -> list[str]:
    """The ids a raw record's field refers to (only well-formed ones)."""
    value = rec.get(fld)
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [k for k in value if isinstance(k, str)]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _raw_records(raw: RawFile, section: str) -> Iterable[tuple[int, dict[str, Any]]]:
    records = (raw.data or {}).get(section)
    if isinstance(records, list):
        for i, rec in enumerate(records):
            if isinstance(rec, dict):
                yield i, rec


def validate_files(paths: Iterable[Path], kb_lookup: KBLookup | None = None) -> Result:
    """Read and validate files together; references may point into each other or the KB."""
    return validate_raw([read(p) for p in paths], kb_lookup)


def validate_raw(raws: list[RawFile], kb_lookup: KBLookup | None = None) -> Result:
    """Validate already-read files."""
    result = Result()
    pairs: list[tuple[RawFile, Source]] = []
    for raw in raws:
        if raw.data is None:
            result.problems += raw.problems
            continue
        src, problems = _check_shape(raw)
        result.problems += problems
        result.problems += _check_records(raw, src)
        pairs.append((raw, src))
    # Ids: unique across sections and files.
    index: dict[str, tuple[str, str, int]] = {}  # id -> (file, section, idx)
    for raw, _src in pairs:
        for section in NODE_SECTIONS:
            records = (raw.data or {}).get(section)
            if not isinstance(records, list):
                continue
            for i, rec in enumerate(records):
                rid = rec.get("id") if isinstance(rec, dict) else None
                if not isinstance(rid, str) or not rid:
                    continue
                if rid in index:
                    f, s, j = index[rid]
                    where = f"{s}[{j}]" + (f" of {f}" if f != raw.name else "")
                    result.problems.append(_problem(raw, section, i, rec, "id",
                                                    f"duplicate id; already used by {where}"))
                else:
                    index[rid] = (raw.name, section, i)
    ecos: dict[str, str] = {}
    for raw, src in pairs:
        eid = src.ecosystem["id"]
        if eid in ecos:
            result.problems.append(_problem(raw, "ecosystem", None, None, "id",
                                            f"ecosystem id {eid!r} is also used by {ecos[eid]}"))
        ecos[eid] = raw.name
    # References: to records in these files, else to nodes already in the knowledge base.
    # They are read from the raw records, so a record with other problems is checked too.
    missing: set[str] = set()
    for raw, _ in pairs:
        for (section, fld), _targets in REFERENCES.items():
            for _i, rec in _raw_records(raw, section):
                missing.update(r for r in _refs(rec, fld) if r not in index)
    kb_labels = dict(kb_lookup(sorted(missing))) if (kb_lookup and missing) else {}
    result.kb_labels = kb_labels
    for raw, _ in pairs:
        for (section, fld), targets in REFERENCES.items():
            wanted = {NODE_SECTIONS[t] for t in targets}
            for i, rec in _raw_records(raw, section):
                for ref in _refs(rec, fld):
                    if ref in index:
                        got = index[ref][1]
                        if got not in targets:
                            result.problems.append(_problem(
                                raw, section, i, rec, fld,
                                f"{ref!r} is a record of {got}, but must be one of "
                                + "/".join(targets)))
                    elif ref in kb_labels:
                        if kb_labels[ref] not in wanted:
                            result.problems.append(_problem(
                                raw, section, i, rec, fld,
                                f"{ref!r} is a {kb_labels[ref]} in the knowledge base, but must "
                                "be one of " + "/".join(targets)))
                    else:
                        result.problems.append(_problem(
                            raw, section, i, rec, fld,
                            f"unknown id {ref!r}: no record in {'/'.join(targets)} of the "
                            "loaded files or the knowledge base has it"))
    # Sub-grant chains must not loop (read from the raw records, valid or not).
    parents: dict[str, Any] = {}
    where_f: dict[str, tuple[RawFile, int, dict[str, Any]]] = {}
    for raw, _ in pairs:
        for i, rec in enumerate((raw.data or {}).get("fundings") or []):
            if isinstance(rec, dict) and isinstance(rec.get("id"), str):
                parents.setdefault(rec["id"], rec.get("parent"))
                where_f.setdefault(rec["id"], (raw, i, rec))
    reported: set[str] = set()
    for fid, (raw, i, rec) in where_f.items():
        chain, cur = [fid], parents.get(fid)
        while isinstance(cur, str) and cur in parents and cur not in chain:
            chain.append(cur)
            cur = parents[cur]
        if cur == fid and fid not in reported:
            reported.update(chain)
            result.problems.append(_problem(
                raw, "fundings", i, rec, "parent",
                "sub-grant cycle: " + " -> ".join([*chain, fid])
                + "; a funding cannot pass on money it receives from itself"))
    # Deterministic, readable order.
    result.problems.sort(key=lambda p: (p.file, SECTION_ORDER.get(p.section or "", -1),
                                        p.index if p.index is not None else -1, p.field or ""))
    result.sources = [src for _, src in pairs] if not result.problems else []
    return result


SECTION_ORDER = {s: i for i, s in enumerate(["ecosystem", *SECTIONS])}
