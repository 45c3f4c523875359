"""Reading ecosystem files (YAML, JSON or a folder of CSV files) into plain dicts."""

from __future__ import annotations

import codecs
import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

import yaml

from kb.errors import KBError
from kb.ingest.model import SECTIONS


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, and where."""

    file: str
    reason: str
    section: str | None = None
    index: int | None = None
    record_id: str | None = None
    field: str | None = None
    line: int | None = None

    def where(self) -> str:
        """`file:line: section[3] (id=x) field 'y'`, with the parts that are known."""
        out = self.file + (f":{self.line}" if self.line else "")
        if self.section is not None:
            out += f": {self.section}"
            if self.index is not None:
                out += f"[{self.index}]"
            if self.record_id is not None:
                out += f" (id={self.record_id})"
        if self.field:
            out += (" " if self.section is not None else ": ") + f"field '{self.field}'"
        return out

    def __str__(self) -> str:
        return f"{self.where()}: {self.reason}"

    def as_dict(self) -> dict[str, Any]:
        """The problem as JSON-ready data."""
        return {k: v for k, v in self.__dict__.items() if v is not None} | {"where": self.where()}


@dataclass
class RawFile:
    """A parsed input: its data, or the problems that stopped parsing."""

    name: str
    data: dict[str, Any] | None
    problems: list[Problem]
    csv_lines: bool = False  # True when record index i sits on line i + 2 of the section's CSV


MAX_BYTES = 512 * 1024 * 1024
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe YAML loader that leaves dates as text, so a bad date is reported, not raised,
    and refuses a key given twice in one mapping (YAML would keep the last silently)."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: dict[Any, Any] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (first on line "
                    f"{seen[key].start_mark.line + 1})", key_node.start_mark)
            if isinstance(key, str | int | float | bool):
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read(path: Path) -> RawFile:
    """Read a `.yaml`/`.yml`/`.json` file or a CSV folder; syntax errors become problems."""
    name = str(path)
    if path.is_dir():
        return _read_csv_dir(path)
    if not path.exists():
        return RawFile(name, None, [Problem(name, "no such file or folder")])
    size = path.stat().st_size
    if size == 0:
        return RawFile(name, None, [Problem(name, "the file is empty (0 bytes)")])
    if size > MAX_BYTES:
        return RawFile(name, None, [Problem(
            name, f"the file is {size // 2**20} MiB; the limit is {MAX_BYTES // 2**20} MiB "
            "(split it into several files and load them together)")])
    raw = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix not in (".json", ".yaml", ".yml"):
        return RawFile(name, None, [Problem(
            name, f"unknown file type '{suffix}'; use .yaml, .yml, .json or a CSV folder")])
    try:
        data = parse(decode(raw, "YAML or JSON"), "json" if suffix == ".json" else "yaml")
    except ParseError as exc:
        return RawFile(name, None, [Problem(name, exc.message, line=exc.line)])
    if not isinstance(data, dict):
        return RawFile(name, None, [Problem(
            name, f"the top level must be a mapping with 'format: valuenet/1', "
            f"got {type(data).__name__}")])
    return RawFile(name, data, [])


class ParseError(ValueError):
    """Text that is not well-formed JSON or YAML; `line` where the parser knows it."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode(raw: bytes, what: str) -> str:
    """Text from bytes: UTF-8, or UTF-8/16/32 after a byte-order mark; ParseError for a
    binary file or bytes that are not text in that encoding."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ParseError(f"not {encoding.upper()} text, though it starts with that "
                                 f"byte-order mark (byte {exc.start + len(bom)})") from None
    if b"\x00" in raw[:8192]:
        raise ParseError(f"this is a binary file, not {what}")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f"not UTF-8 text (byte {exc.start})") from None


def parse(text: str, kind: str) -> Any:
    """Parsed JSON (`kind` "json") or YAML ("yaml"), refusing a key given twice, dates left
    as text; ParseError with the line for anything malformed or past the parsers' limits."""
    label = "JSON" if kind == "json" else "YAML"
    try:
        if kind == "json":
            return json.loads(text, object_pairs_hook=_unique_keys)
        return yaml.load(text, Loader=_Loader)  # noqa: S506 (safe loader)
    except json.JSONDecodeError as exc:
        raise ParseError(f"malformed JSON: {exc.msg} (column {exc.colno})",
                         line=exc.lineno) from None
    except _DuplicateKey as exc:
        raise ParseError(f"malformed JSON: duplicate key {exc.key!r}; a key may appear once "
                         "in an object", line=_second_line(text, exc.key)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        msg = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ParseError(f"malformed YAML: {msg}",
                         line=(mark.line + 1) if mark else None) from None
    except (ValueError, RecursionError) as exc:
        raise ParseError(f"malformed {label}: {_too_much(exc)}") from None


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice (json would keep the last silently)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _second_line(text: str, key: str) -> int | None:
    """The line of the second `"key":` in JSON text (where the duplicate is), if found."""
    hits = [m.start() for m in re.finditer(re.escape(json.dumps(key)) + r"\s*:", text)]
    return text.count("\n", 0, hits[1]) + 1 if len(hits) > 1 else None


def _too_much(exc: BaseException) -> str:
    """What a parser's resource error means for a person."""
    if isinstance(exc, RecursionError):
        return "nested too deeply (lists and mappings inside each other beyond what is read)"
    text = str(exc)
    if "digits" in text:
        return "a number with more digits than are read (4,300 at most)"
    return text.splitlines()[0] if text else type(exc).__name__


def _field_kind(model: type, field: str) -> str:
    if field == "scores":  # an agreement's area scores: AREA=COMPREHENSIVE/CLEAR[/NOTE];...
        return "scores"
    ann = model.model_fields[field].annotation  # type: ignore[attr-defined]
    origins = {get_origin(a) for a in (ann, *get_args(ann))}
    if dict in origins:
        return "map"
    if list in origins:
        return "list"
    return "scalar"


def _csv_value(kind: str, cell: str) -> Any:
    if kind == "list":
        return [p.strip() for p in cell.split(";") if p.strip()]
    if kind in ("map", "scores"):
        pairs = [p.strip() for p in cell.split(";") if p.strip()]
        out: dict[str, Any] = {}
        for p in pairs:
            key, _, value = p.partition("=")
            out[key.strip()] = value.strip()
        if kind == "scores":  # "3/2/a note" -> {comprehensive: 3, clear: 2, note: a note}
            for key, value in out.items():
                parts = value.split("/", 2)
                out[key] = {"comprehensive": parts[0].strip(),
                            "clear": parts[1].strip() if len(parts) > 1 else None,
                            **({"note": parts[2].strip()} if len(parts) > 2 else {})}
        return out
    return cell


def cell_value(section: str, field: str, cell: str) -> Any:
    """What a CSV cell (or a form field) holding `field` of a `section` record means: lists
    split at `;`, maps as `key=value;...`, scores as `AREA=3/2/note;...`, the rest as text
    for the model to read."""
    model = SECTIONS[section]
    attr = {"from": "from_", "for": "for_"}.get(field, field)
    kind = _field_kind(model, attr) if attr in model.model_fields else "scalar"
    return _csv_value(kind, cell)


def _read_csv_dir(folder: Path) -> RawFile:
    """A folder with `ecosystem.csv` and one `<section>.csv` per section."""
    name = str(folder)
    eco_path = folder / "ecosystem.csv"
    if not eco_path.exists():
        return RawFile(name, None, [Problem(
            name, "a CSV folder needs an ecosystem.csv with columns id,name,currency")])
    problems: list[Problem] = []
    data: dict[str, Any] = {"format": "valuenet/1"}
    eco_rows = _read_csv(eco_path)
    if len(eco_rows) != 1:
        problems.append(Problem(str(eco_path), f"must hold exactly one row, has {len(eco_rows)}"))
    else:
        data["ecosystem"] = {k: _csv_value("list" if k == "covers" else "scalar", v)
                             for k, v in eco_rows[0].items() if v != "" and k}
    known = set(SECTIONS) | {"ecosystem"}
    for f in sorted(folder.glob("*.csv")):
        if f.stem not in known:
            problems.append(Problem(
                str(f), f"unknown section file; expected one of {', '.join(sorted(known))}.csv"))
    for section, model in SECTIONS.items():
        f = folder / f"{section}.csv"
        if not f.exists():
            continue
        records = []
        for row in _read_csv(f):
            rec: dict[str, Any] = {}
            for col, cell in row.items():
                if col is None or cell is None or cell == "":
                    continue
                field = col.strip()
                attr = {"from": "from_", "for": "for_"}.get(field, field)
                kind = _field_kind(model, attr) if attr in model.model_fields else "scalar"
                rec[field] = _csv_value(kind, cell)
            records.append(rec)
        data[section] = records
    return RawFile(name, data if not problems else None, problems, csv_lines=True)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


class ValidationFailed(KBError):
    """The input has problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        n = len(problems)
        super().__init__(
            f"{n} problem{'s' if n != 1 else ''} found; nothing was written:\n{lines}",
            hint="Fix them and run the command again.",
        )
