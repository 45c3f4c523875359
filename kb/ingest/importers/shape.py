"""The shape an importer expects of its file, checked before the importer reads it.

A shape is written with plain Python values:

- a type (`str`, `int`, `bool`, `dict`, `list`) or a tuple of them: the value is one of those;
- `[spec]`: a list whose items each have the shape `spec`;
- `{"key": spec, ...}`: a mapping whose listed keys, when present, have their shapes (other
  keys are left alone; `Required(spec)` makes a key required);
- `MapOf(spec)`: a mapping with any keys whose values each have the shape `spec`;
- `OneOf("a", "b")`: one of these texts;
- `ANY`: anything.

`null` passes for any optional key: importers read a missing and a null key alike. `check`
reports every mismatch (up to MAX_PROBLEMS) at once, each with its place in the file, the
value found and, for a text outside a fixed set, the closest allowed one.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kb.ingest.importers import ImportFailed

MAX_PROBLEMS = 20
ANY = object()


@dataclass(frozen=True)
class Required:
    """A key that must be present (and not null)."""

    spec: Any


@dataclass(frozen=True)
class MapOf:
    """A mapping with any keys whose values have one shape."""

    spec: Any


class OneOf:
    """A text from a fixed set."""

    def __init__(self, *choices: str) -> None:
        self.choices = choices


_NAMES = {str: "a text", int: "a whole number", float: "a number", bool: "true or false",
          dict: "a mapping", list: "a list", type(None): "null"}


def describe(value: Any) -> str:
    """What a value is, for a message: its kind and a short rendering of it."""
    kind = _NAMES.get(type(value), type(value).__name__)
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (ValueError, RecursionError):
        text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{kind} {text}"


def _wanted(spec: Any) -> str:
    if isinstance(spec, Required):
        return _wanted(spec.spec)
    if isinstance(spec, tuple):
        return " or ".join(_wanted(s) for s in spec)
    if isinstance(spec, type):
        return _NAMES.get(spec, spec.__name__)
    if isinstance(spec, list):
        return "a list"
    if isinstance(spec, dict | MapOf):
        return "a mapping"
    if isinstance(spec, OneOf):
        return "one of " + ", ".join(spec.choices)
    return "a value"


def _fits(value: Any, spec: Any) -> bool:
    if isinstance(spec, tuple):
        return any(_fits(value, s) for s in spec)
    if isinstance(spec, type):
        if spec is int:
            return type(value) is int
        if spec is float:
            return type(value) in (int, float)
        return isinstance(value, spec)
    if isinstance(spec, list):
        return isinstance(value, list)
    if isinstance(spec, dict | MapOf):
        return isinstance(value, dict)
    if isinstance(spec, OneOf):
        return isinstance(value, str) and value in spec.choices
    return True


def _walk(value: Any, spec: Any, where: str, out: list[str]) -> None:
    if len(out) >= MAX_PROBLEMS or spec is ANY:
        return
    if isinstance(spec, Required):
        spec = spec.spec
    if not _fits(value, spec):
        msg = f"{where or 'the top level'} should be {_wanted(spec)}, found {describe(value)}"
        if isinstance(spec, OneOf) and isinstance(value, str):
            close = difflib.get_close_matches(value, spec.choices, n=1)
            if close:
                msg += f" (did you mean {close[0]!r}?)"
        out.append(msg)
        return
    if isinstance(spec, tuple):  # the first alternative it fits decides the inner shape
        spec = next(s for s in spec if _fits(value, s))
    if isinstance(spec, list) and spec:
        for i, item in enumerate(value):
            _walk(item, spec[0], f"{where}[{i}]", out)
    elif isinstance(spec, MapOf):
        for key, item in value.items():
            _walk(item, spec.spec, f"{where}.{key}" if where else str(key), out)
    elif isinstance(spec, dict):
        for key, sub in spec.items():
            place = f"{where}.{key}" if where else key
            if value.get(key) is None:
                if isinstance(sub, Required):
                    out.append(f"{place} is missing; it is required")
                continue
            _walk(value[key], sub, place, out)


def problems(data: Any, spec: Any) -> list[str]:
    """Every place where `data` does not have the shape `spec` (at most MAX_PROBLEMS)."""
    out: list[str] = []
    _walk(data, spec, "", out)
    return out


def check(path: Path, data: Any, spec: Any, what: str) -> None:
    """ImportFailed listing every mismatch, unless `data` has the shape `spec`."""
    found = problems(data, spec)
    if found:
        more = " (and maybe more; the first 20 are listed)" if len(found) >= MAX_PROBLEMS else ""
        raise ImportFailed(f"{path}: this is not the shape of {what}{more}:\n  - "
                           + "\n  - ".join(found))
