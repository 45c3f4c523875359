"""The panel's record forms, built from the `valuenet/1` models: which fields each section's
form has, what each holds (text, a choice, a yes/no, a date, a number, references to other
records), and how a record becomes form values and back.

Form values travel as CSV cells do (`kb.ingest.reader.cell_value`): lists split at `;` (or one
per line), maps as `key=value; ...`. So a form reads exactly as a CSV folder does, and the
loader's validation says what is wrong with it in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, get_args, get_origin

from kb.ingest import records
from kb.ingest.model import SECTIONS
from kb.ingest.reader import cell_value
from kb.ingest.records import FIELD_ORDER
from kb.ingest.validate import REFERENCES

TITLES = records.TITLES
HELP = {
    ("agreements", "scores"): "AREA=COMPREHENSIVE/CLEAR/NOTE; ... with 0-3 each (the "
    "scorecard page is easier).",
    ("decisions", "voices"): "ACTOR=VOICE; ... with decided, consulted, informed or absent.",
    ("ties", "between"): "The two actors' ids.",
}


@dataclass
class Field:
    """One input of a record form."""

    name: str
    kind: str  # text, choice, choices, yesno, date, number, ref, refs, map
    required: bool
    help: str = ""
    options: list[str] = field(default_factory=list)
    refs: tuple[str, ...] = ()


def _attr(name: str) -> str:
    return {"from": "from_", "for": "for_"}.get(name, name)


def _enum_of(ann: Any) -> type[Enum] | None:
    for a in (ann, *get_args(ann)):
        if isinstance(a, type) and issubclass(a, Enum):
            return a
        for b in get_args(a):
            if isinstance(b, type) and issubclass(b, Enum):
                return b
    return None


def fields(section: str) -> list[Field]:
    """The inputs of `section`'s form, in the format's field order."""
    model = SECTIONS[section]
    out = []
    for name in FIELD_ORDER[section]:
        attr = _attr(name)
        if attr not in model.model_fields:
            continue
        info = model.model_fields[attr]
        ann = info.annotation
        origins = {get_origin(a) for a in (ann, *get_args(ann))}
        args = {a for a in (ann, *get_args(ann)) if isinstance(a, type)}
        enum = _enum_of(ann)
        refs = REFERENCES.get((section, name), ())
        if dict in origins:
            kind = "map"
        elif list in origins:
            kind = "refs" if refs else ("choices" if enum else "list")
        elif refs:
            kind = "ref"
        elif enum:
            kind = "choice"
        elif bool in args:
            kind = "yesno"
        elif date in args:
            kind = "date"
        elif int in args or float in args:
            kind = "number"
        else:
            kind = "text"
        out.append(Field(name, kind, info.is_required() and kind != "yesno",
                         HELP.get((section, name), info.description or ""),
                         [str(e.value) for e in enum] if enum else [], refs))
    return out


def values(section: str, record: dict[str, Any] | None) -> dict[str, str]:
    """A record as form values (text), for showing it in its form."""
    out: dict[str, str] = {}
    for f in fields(section):
        v = (record or {}).get(f.name)
        if v is None:
            out[f.name] = ""
        elif f.kind == "yesno":
            out[f.name] = "yes" if v else ""
        elif f.name == "scores":
            out[f.name] = "; ".join(
                f"{area}={s['comprehensive']}/{s['clear']}" + (f"/{s['note']}" if s.get("note")
                                                               else "")
                for area, s in sorted(v.items()))
        elif isinstance(v, dict):
            out[f.name] = "; ".join(f"{k}={x}" for k, x in sorted(v.items()))
        elif isinstance(v, list):
            out[f.name] = "; ".join(str(x) for x in v)
        else:
            out[f.name] = str(v)
    return out


def record(section: str, form: dict[str, str]) -> dict[str, Any]:
    """The record a submitted form describes: empty inputs are left out (unknown, not
    none), a yes/no input unticked is `false`, lists take `;` or one item per line."""
    out: dict[str, Any] = {}
    for f in fields(section):
        raw = form.get(f.name, "")
        if f.kind == "yesno":
            out[f.name] = raw in ("yes", "on", "true", "1")
            continue
        text = raw.strip()
        if not text:
            continue
        if f.kind in ("refs", "choices", "list", "map"):
            text = ";".join(part.strip() for part in text.replace("\r", "").split("\n"))
        out[f.name] = cell_value(section, f.name, text)
    return out
