"""The query library: every `.cypher` file under `cypher/`, loaded by name.

Each file holds one query and starts with a header of `//` comment lines::

    // name: risk
    // description: One line saying what the query answers.
    // mode: read
    // param: as_of: date = today | The day to evaluate.

`mode` is `read` or `write`. An optional `// listed: yes` marks a read query meant for people:
the panel's "Saved queries" lists those (the others are the loader's, the panel's and the
analyses' internals). Each `param` line gives a name, a type (`str`, `int`, `float`,
`bool`, `date`, `list`, `map`, `any`), an optional default after `=`, and a description after
`|`. The loader rejects duplicate names, parameters used but not declared and parameters
declared but not used, naming the file and line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from kb.errors import KBError, UsageError

CYPHER_DIR = Path(__file__).resolve().parents[2] / "cypher"
PARAM_TYPES = ("str", "int", "float", "bool", "date", "list", "map", "any")
_PARAM_RE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_PARAM_LINE = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<type>[a-z]+)"
    r"(?:\s*=\s*(?P<default>[^|]*?))?\s*(?:\|\s*(?P<doc>.*))?$"
)


class QueryFileError(KBError):
    """A `.cypher` file whose header or body breaks the rules above."""


@dataclass(frozen=True)
class Param:
    """One declared query parameter."""

    name: str
    type: str
    default: str | None
    doc: str

    @property
    def required(self) -> bool:
        """True when the caller must give a value."""
        return self.default is None

    def coerce(self, raw: Any) -> Any:
        """Turn a CLI or form string into the declared type; values of other types pass."""
        if not isinstance(raw, str):
            return raw
        try:
            if self.type == "int":
                return int(raw)
            if self.type == "float":
                return float(raw)
            if self.type == "bool":
                if raw.lower() in ("true", "yes", "1"):
                    return True
                if raw.lower() in ("false", "no", "0"):
                    return False
                raise ValueError(raw)
            if self.type == "date":
                return date.fromisoformat(raw).isoformat()
            if self.type in ("list", "map", "any"):
                return json.loads(raw)
        except ValueError as exc:
            raise UsageError(
                f"parameter '{self.name}' must be a {self.type}, got {raw!r}",
                hint="Dates are YYYY-MM-DD; lists and maps are JSON.",
            ) from exc
        return raw

    def default_value(self) -> Any:
        """The default as a Python value (`today` for dates means the current day)."""
        if self.default is None:
            return None
        if self.default == "null":
            return None
        if self.type == "date" and self.default == "today":
            return date.today().isoformat()
        return self.coerce(self.default)


@dataclass(frozen=True)
class Query:
    """A parsed query file."""

    name: str
    description: str
    mode: str
    params: tuple[Param, ...]
    text: str
    path: Path
    body_line: int = field(default=1)
    listed: bool = False

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Check `given` against the declared parameters, fill defaults, coerce types."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise UsageError(
                f"query '{self.name}' has no parameter {', '.join(unknown)}",
                hint=f"Its parameters are: {', '.join(known) or '(none)'}.",
            )
        bound: dict[str, Any] = {}
        for p in self.params:
            if p.name in given:
                bound[p.name] = p.coerce(given[p.name])
            elif p.required:
                raise UsageError(
                    f"query '{self.name}' needs parameter '{p.name}' ({p.type}): {p.doc}",
                    hint=f"Give it with --param {p.name}=VALUE.",
                )
            else:
                bound[p.name] = p.default_value()
        return bound


def parse(path: Path) -> Query:
    """Parse one `.cypher` file, or raise QueryFileError naming the file and line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    meta: dict[str, str] = {}
    params: list[Param] = []
    body_start = len(lines)
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped.startswith("//"):
            body_start = i
            break
        content = stripped[2:].strip()
        if not content or ":" not in content:
            continue
        key, _, value = content.partition(":")
        key = key.strip()
        if key == "param":
            m = _PARAM_LINE.match(value.strip())
            if not m or m["type"] not in PARAM_TYPES:
                raise QueryFileError(
                    f"{path}:{i + 1}: bad param line {value.strip()!r}",
                    hint="Write `// param: NAME: TYPE [= DEFAULT] | DESCRIPTION`, TYPE one of "
                    + ", ".join(PARAM_TYPES),
                )
            params.append(Param(m["name"], m["type"], m["default"], (m["doc"] or "").strip()))
        elif key in ("name", "description", "mode", "listed"):
            meta[key] = value.strip()
    for key in ("name", "description", "mode"):
        if key not in meta:
            raise QueryFileError(
                f"{path}:1: header has no '{key}:' line",
                hint="Every query file starts with // name:, // description: and // mode: lines.",
            )
    if meta["mode"] not in ("read", "write"):
        raise QueryFileError(f"{path}: mode must be 'read' or 'write', got {meta['mode']!r}")
    if meta.get("listed", "no") not in ("yes", "no"):
        raise QueryFileError(f"{path}: listed must be 'yes' or 'no', got {meta['listed']!r}")
    listed = meta.get("listed") == "yes"
    if listed and meta["mode"] != "read":
        raise QueryFileError(f"{path}: only read queries can be listed for people")
    text = "\n".join(lines[body_start:]).strip()
    if not text:
        raise QueryFileError(f"{path}: the file has a header but no query")
    code = "\n".join(_strip_comment(line) for line in lines[body_start:])
    used = set(_PARAM_RE.findall(code))
    declared = {p.name for p in params}
    if used - declared:
        raise QueryFileError(
            f"{path}: parameter(s) {', '.join(sorted(used - declared))} used but not declared",
            hint="Add a `// param:` line for each.",
        )
    if declared - used:
        raise QueryFileError(
            f"{path}: parameter(s) {', '.join(sorted(declared - used))} declared but not used"
        )
    return Query(meta["name"], meta["description"], meta["mode"], tuple(params), text, path,
                 body_start + 1, listed)


def _strip_comment(line: str) -> str:
    """Drop a trailing `//` comment that is not inside a string (good enough for our files)."""
    in_single = in_double = False
    for i, ch in enumerate(line):
        if ch == "'" and not in_double:
            in_single = not in_single
        elif ch == '"' and not in_single:
            in_double = not in_double
        elif ch == "/" and line[i : i + 2] == "//" and not in_single and not in_double:
            return line[:i]
    return line


def load_dir(root: Path) -> dict[str, Query]:
    """Parse every `.cypher` file under `root`; names must be unique."""
    found: dict[str, Query] = {}
    for path in sorted(root.rglob("*.cypher")):
        q = parse(path)
        if q.name in found:
            raise QueryFileError(
                f"{path}: query name '{q.name}' is already used by {found[q.name].path}"
            )
        found[q.name] = q
    return found


@lru_cache(maxsize=1)
def library() -> dict[str, Query]:
    """All queries shipped in `cypher/`, by name."""
    return load_dir(CYPHER_DIR)


def get(name: str) -> Query:
    """One shipped query by name, or a UsageError listing the valid names."""
    lib = library()
    if name not in lib:
        raise UsageError(
            f"no query named '{name}'",
            hint="Valid names: " + ", ".join(sorted(lib)),
        )
    return lib[name]
