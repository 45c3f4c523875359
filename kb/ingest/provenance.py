"""Every fact with its source: what each load said about a record, and how sources add up.

A *source* is the ecosystem id of a load (a file's `ecosystem.id`, or an import's
`FORMAT:NAME`). A node or relationship record listed by one source holds that source's
record as it is. When a second source lists it, each source's record is kept under
`_records` (JSON: `[[source, record], ...]`, oldest change first) and the record in the graph
is their combination (`combine`):

- list fields that are sets (`depends_on`, `built_on`, `funding_channels`, `covers`,
  `member_of`, `areas`, ...) and the relationships they make: the union of every source's;
- every other field, and the relationships a record has one of (a product's owner, a
  funding's granter, receiver, parent and agreement, one actor's voice in a decision): the
  value of the source that most recently changed its record, among those that give one.

`retract` removes one source's records: a record no other source lists is deleted, and the
others are combined again from what remains. `kb forget` and `kb load --prune` use it, so
forgetting a source leaves exactly what the other sources said.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from kb.ingest.plan import OWNED_BY, UNORDERED, _json_default, digest
from kb.ingest.plan import Edge as PlanEdge

Record = dict[str, Any]  # {"props": {...}, "edges": [[type, from, to, voice], ...]}
Edge = tuple[str, str, str, str | None]

# Owned relationships a record has at most one of: the newest source's wins.
SINGLE = {"OWNS", "GRANTS", "TO", "PASSES_ON", "UNDER"}
RECORDS = "_records"


def edge_tuple(e: PlanEdge | dict[str, Any]) -> Edge:
    """An owned edge of the plan (or its row) as a plain hashable tuple."""
    return (e["type"], e["from"], e["to"], e.get("voice"))


def edge_row(t: Iterable[Any]) -> PlanEdge:
    """The plan's edge of a tuple (or a JSON list) from `edge_tuple`."""
    kind, src, dst, voice = t
    return PlanEdge(kind, src, dst, voice)


def _owner_key(e: Edge, node_id: str) -> tuple[str, str]:
    """What an edge is one of: (type, other end) for VOICE (one per actor), (type, "") for
    SINGLE types (one per record), else the edge itself is its own key."""
    kind, src, dst, _ = e
    if kind == "VOICE":
        return kind, src
    if kind in SINGLE:
        return kind, ""
    return kind, f"{src}\x00{dst}"


def combine(node_id: str, records: list[tuple[str, Record]]) -> Record:
    """One record from several sources' records (oldest change first): set-like lists and
    multi-valued relationships are united; other fields and single relationships take the
    newest value given."""
    props: dict[str, Any] = {}
    edges: dict[tuple[str, str], Edge] = {}
    for _, rec in records:
        for k, v in rec.get("props", {}).items():
            if v is None or v == []:
                continue
            if k in UNORDERED and isinstance(v, list):
                props[k] = sorted(set(props.get(k, [])) | set(v))
            else:
                props[k] = v
        newest: dict[tuple[str, str], Edge] = {}
        for raw in rec.get("edges", []):
            e = tuple(raw)
            newest[_owner_key(e, node_id)] = e  # type: ignore[arg-type]
        # A single relationship given by this source replaces every older one of its type.
        for key in [k for k in edges if k[0] in SINGLE and k in newest]:
            del edges[key]
        edges.update(newest)
    return {"props": props, "edges": sorted(edges.values(), key=lambda e: tuple(
        x or "" for x in e))}


def dumps(records: list[tuple[str, Record]]) -> str:
    """`_records` as stored: compact JSON, edges as lists."""
    return json.dumps([[s, {"props": r.get("props", {}),
                            "edges": [list(e) for e in r.get("edges", [])]}]
                       for s, r in records], default=_json_default, sort_keys=True,
                      separators=(",", ":"))


def loads(text: str | None) -> list[tuple[str, Record]] | None:
    """`_records` as read back (None when the record has a single source)."""
    if not text:
        return None
    return [(s, r) for s, r in json.loads(text)]


def node_record(label: str, props: dict[str, Any], out_edges: list[dict[str, Any]],
                in_edges: list[dict[str, Any]], node_id: str) -> Record:
    """The record of a node as the graph holds it: its properties (bookkeeping aside) and the
    relationships its record owns (OWNED_BY)."""
    out_types, in_types = OWNED_BY.get(label, ([], []))
    edges = [(e["type"], node_id, e["other"], e.get("voice")) for e in out_edges
             if e["type"] in out_types]
    edges += [(e["type"], e["other"], node_id, e.get("voice")) for e in in_edges
              if e["type"] in in_types]
    clean = {k: _json_ready(v) for k, v in props.items() if not k.startswith("_")}
    return {"props": clean, "edges": sorted(edges, key=lambda e: tuple(x or "" for x in e))}


def _json_ready(v: Any) -> Any:
    if hasattr(v, "iso_format"):
        return v.iso_format()
    if isinstance(v, list):
        return [_json_ready(x) for x in v]
    return v


def existing_records(sources: list[str], stored: str | None,
                     current: Record) -> list[tuple[str, Record]]:
    """Each source's record of an existing node: from `_records` when it has them, else the
    current record, said by each of its sources (a record loaded before sources were kept
    apart, or with a single source)."""
    kept = loads(stored)
    if kept is not None:
        return kept
    return [(s, current) for s in sources]


def with_source(records: list[tuple[str, Record]], source: str,
                rec: Record) -> list[tuple[str, Record]]:
    """`records` with `source`'s record set to `rec`: kept in place when unchanged (so that
    loading the same file again changes nothing), else moved to the end (newest)."""
    rec = {"props": rec["props"], "edges": sorted(([*e] for e in rec["edges"]),
                                                  key=lambda e: [x or "" for x in e])}
    for s, old in records:
        if s == source and _same(old, rec):
            return records
    return [(s, r) for s, r in records if s != source] + [(source, rec)]


def _all_same(records: list[tuple[str, Record]]) -> bool:
    """One record, or several that say the same: no `_records` is needed to tell them apart."""
    return all(_same(records[0][1], r) for _, r in records[1:])


def _same(a: Record, b: Record) -> bool:
    return bool(json.dumps(a, default=_json_default, sort_keys=True)
                == json.dumps(b, default=_json_default, sort_keys=True))


def node_row(label: str, node_id: str, source: str,
             records: list[tuple[str, Record]]) -> tuple[dict[str, Any], list[PlanEdge]]:
    """The plan's node row and owned edges for a node with several sources' records."""
    if _all_same(records):
        props = dict(records[0][1]["props"])
        edges = [tuple(e) for e in records[0][1]["edges"]]
    else:
        merged = combine(node_id, records)
        props, edges = dict(merged["props"]), merged["edges"]
        props[RECORDS] = dumps(records)
    sig = sorted((e[0], e[1], e[2], e[3] or "") for e in edges)
    row = {"id": node_id, "label": label, "source": source,
           "hash": digest(label, props, sig), "props": props}
    return row, [edge_row(e) for e in edges]


def rel_props(records: list[tuple[str, Record]]) -> dict[str, Any]:
    """The properties of a relationship record with several sources' records."""
    if _all_same(records):
        return dict(records[0][1]["props"])
    props = dict(combine("", records)["props"])
    props[RECORDS] = dumps(records)
    return props


def attribution(props: dict[str, Any], sources: list[str]) -> dict[str, Any]:
    """Which source said what about a record, for its page: every source; per field the
    sources of the value in use (for a list, every source that adds to it); and the fields
    where sources disagree, with each value given, the one used and why (the README's
    precedence)."""
    records = loads(props.get(RECORDS))
    if records is None:
        return {"sources": sources, "fields": {}, "disagreements": []}

    def same(a: Any, b: Any) -> bool:
        return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True,
                                                                          default=str)

    given: dict[str, list[dict[str, Any]]] = {}
    for s, rec in records:
        for k, v in rec["props"].items():
            given.setdefault(k, []).append({"source": s, "value": v})
    fields: dict[str, list[str]] = {}
    disagreements = []
    for k, values in given.items():
        if k == "key":
            continue
        if k in UNORDERED:
            fields[k] = [g["source"] for g in values]
            continue
        fields[k] = [g["source"] for g in values if same(g["value"], props.get(k))]
        if len({json.dumps(g["value"], sort_keys=True, default=str) for g in values}) > 1:
            disagreements.append({"field": k, "given": values, "used": props.get(k),
                                  "why": "the source that most recently changed its record "
                                         "wins (README, \"Sources and provenance\")"})
    return {"sources": [s for s, _ in records], "fields": fields,
            "disagreements": disagreements}
