"""Turn validated records into the nodes and relationships that are written to Neo4j.

Every node carries its section's label and `:Entity`, a unique `id`, and two bookkeeping
properties: `_hash` (of the record, to tell unchanged records) and `_sources` (the ecosystem ids
of the loads that listed it). Relationships that come from a node's record are owned by it:
which record owns one follows from its type and direction (OWNED_BY). Relationships that are
records themselves (relies_on, maintenance, involvement, exchanges, ties) carry a `key`, a
`_hash` and `_sources`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import orjson

from kb.ingest.model import COMPONENT_ASPECTS, NODE_SECTIONS
from kb.ingest.validate import REL_KEYS, Source

# Fields that hold unordered lists: stored and exported sorted, so order never matters.
UNORDERED = {"member_of", "built_on", "depends_on", "parties", "concerns", "areas", "for",
             "about", "performs", "funding_channels", "covers", "packages", "versions",
             "paid_by"}
REL_TYPES = {
    "relies_on": "RELIES_ON",
    "maintenance": "MAINTAINS",
    "involvement": "INVOLVED_IN",
    "exchanges": "GIVES",
    "ties": "TIE",
}
# Relationships owned by the record of the node at one end: label -> (outgoing, incoming).
OWNED_BY: dict[str, tuple[list[str], list[str]]] = {
    "Actor": (["MEMBER_OF"], []),
    "Product": (["BUILT_ON"], ["OWNS"]),
    "Component": (["DEPENDS_ON"], []),
    "Agreement": (["CONCERNS"], ["PARTY_TO"]),
    "Funding": (["TO", "FOR", "UNDER"], ["GRANTS", "PASSES_ON"]),
    "Decision": (["ABOUT"], ["VOICE"]),
}


def _json_default(v: Any) -> Any:
    if isinstance(v, date):
        return v.isoformat()
    raise TypeError(type(v).__name__)


def canonical(rec: dict[str, Any]) -> dict[str, Any]:
    """The record with unordered lists sorted and absent values dropped."""
    out: dict[str, Any] = {}
    for k, v in rec.items():
        if v is None or v == [] or v == {}:
            continue
        if k in UNORDERED and isinstance(v, list):
            v = sorted(v)
        if isinstance(v, dict):
            v = dict(sorted(v.items()))
        out[k] = v
    return out


def digest(*parts: Any) -> str:
    """A stable hash of what a record writes to the graph (orjson: a fifth of json's time)."""
    blob = orjson.dumps(parts, option=orjson.OPT_SORT_KEYS, default=_json_default)
    return hashlib.sha1(blob).hexdigest()


def rel_digest(kind: str, src: str, dst: str, props: dict[str, Any]) -> str:
    """The record hash of a relationship record: its type, ends and properties, the key
    aside (it follows from the rest)."""
    return digest(kind, src, dst, {k: v for k, v in props.items() if k != "key"})


def rel_key(section: str, rec: dict[str, Any]) -> str:
    """The natural key of a relationship record, as a string."""
    return json.dumps([section, *REL_KEYS[section](rec)], default=_json_default)


_AT = {"type": 0, "from": 1, "to": 2, "voice": 3}
FIELDS = tuple(_AT)


class Edge(tuple[Any, ...]):
    """An owned relationship of the plan: (type, from, to, voice).

    A tuple rather than a dict because a load of 1,000,000 components plans ten million of
    them: 72 bytes each instead of about 200, over a gigabyte in all. It still reads like the
    row it is sent to Neo4j as: `e["from"]`, `e.get("voice")`, `dict(e)`. Hot loops unpack
    it instead (`kind, src, dst, voice = e`), which costs no call."""

    __slots__ = ()

    def __new__(cls, kind: str, src: str, dst: str, voice: str | None = None) -> Edge:
        return tuple.__new__(cls, (kind, src, dst, voice))

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        return tuple.__getitem__(self, _AT[key] if isinstance(key, str) else key)

    def get(self, key: str, default: Any = None) -> Any:
        """The field `key` ("type", "from", "to", "voice"), or `default` for another key."""
        return tuple.__getitem__(self, _AT[key]) if key in _AT else default

    def keys(self) -> tuple[str, ...]:
        """The field names, so that `dict(e)` and `{**e}` give the row."""
        return FIELDS

    def __repr__(self) -> str:
        return f"Edge{tuple.__repr__(self)}"


@dataclass
class Plan:
    """Everything one load writes, grouped for batched writes."""

    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # section -> rows
    edges: dict[str, list[Edge]] = field(default_factory=dict)  # owner id -> edges
    rels: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # section -> rows
    ecosystems: list[dict[str, Any]] = field(default_factory=list)

    def record_count(self) -> int:
        """Number of records in the plan."""
        return sum(map(len, self.nodes.values())) + sum(map(len, self.rels.values()))


def _node(section: str, rec: dict[str, Any], props: dict[str, Any], edges: list[Edge],
          source: str) -> tuple[dict[str, Any], list[Edge]]:
    clean = {k: v for k, v in props.items() if v is not None and v != []}
    label = NODE_SECTIONS[section]
    edge_sig = sorted((kind, src, dst, voice or "") for kind, src, dst, voice in edges)
    row = {
        "id": rec["id"], "label": label, "source": source,
        "hash": digest(label, clean, edge_sig), "props": clean,
    }
    return row, edges


def node_rows(section: str, rec: dict[str, Any], source: str, currency: str,
              covers: list[str] | None = None) -> tuple[dict[str, Any], list[Edge]]:
    """The node row and owned edges of one record of a node section; `covers` is what the
    file's ecosystem says it records completely (components take the aspects about them)."""
    rec = canonical(rec)
    props, edges = _fields(section, rec, currency, covers)
    return _node(section, rec, props, edges, source)


def owned_edges(section: str, rec: dict[str, Any]) -> list[Edge]:
    """The owned edges of one record of a node section, without its row (no hash)."""
    return _fields(section, canonical(rec), "", None)[1]


def _fields(section: str, rec: dict[str, Any], currency: str, covers: list[str] | None
            ) -> tuple[dict[str, Any], list[Edge]]:
    """The properties and owned edges of a canonical record of a node section."""
    rid = rec["id"]
    if section == "actors":
        props = {"id": rid, "name": rec["name"], "kind": rec["kind"], "country": rec.get("country")}
        edges = [Edge("MEMBER_OF", rid, m) for m in rec.get("member_of", [])]
    elif section == "products":
        props = {"id": rid, "name": rec["name"]}
        edges = [Edge("OWNS", rec["owner"], rid)]
        edges += [Edge("BUILT_ON", rid, c) for c in rec.get("built_on", [])]
    elif section == "components":
        props = {"id": rid, "name": rec["name"], "repo": rec.get("repo"),
                 "license": rec.get("license"), "funding_channels": rec.get("funding_channels"),
                 "packages": rec.get("packages"), "versions": rec.get("versions"),
                 "maintenance_cost": rec.get("maintenance_cost"),
                 "covers": sorted(set(rec.get("covers", []))
                                  | {a for a in covers or [] if a in COMPONENT_ASPECTS}),
                 **{k: rec.get(k) for k in ("last_commit", "active_contributors", "bus_factor")}}
        edges = [Edge("DEPENDS_ON", rid, c) for c in rec.get("depends_on", [])]
    elif section == "agreements":
        props = {k: rec.get(k) for k in ("id", "kind", "title", "signed", "start", "end", "areas")}
        # A map is no Neo4j property: the scores are kept as JSON text (areas in order).
        props["scores"] = (json.dumps(rec["scores"], sort_keys=True, default=str)
                           if rec.get("scores") else None)
        edges = [Edge("PARTY_TO", a, rid) for a in rec["parties"]]
        edges += [Edge("CONCERNS", rid, x) for x in rec.get("concerns", [])]
    elif section == "fundings":
        rec.setdefault("currency", currency)
        props = {k: rec.get(k) for k in ("id", "amount", "currency", "start", "end", "kind",
                                         "purpose")}
        edges = [Edge("GRANTS", rec["from"], rid), Edge("TO", rid, rec["to"])]
        edges += [Edge("FOR", rid, x) for x in rec.get("for", [])]
        if rec.get("parent"):
            edges.append(Edge("PASSES_ON", rec["parent"], rid))
        if rec.get("agreement"):
            edges.append(Edge("UNDER", rid, rec["agreement"]))
    elif section == "decisions":
        props = {"id": rid, "topic": rec["topic"], "date": rec["date"]}
        edges = [Edge("VOICE", a, rid, voice=v) for a, v in rec.get("voices", {}).items()]
        edges += [Edge("ABOUT", rid, x) for x in rec.get("about", [])]
    else:  # pragma: no cover - SECTIONS and this function change together
        raise ValueError(section)
    return props, edges


def rel_row(section: str, rec: dict[str, Any], source: str) -> dict[str, Any]:
    """The relationship row of one record of a relationship section."""
    rec = canonical(rec)
    if section == "ties":
        src, dst = sorted(rec["between"])
        props: dict[str, Any] = {"stage": rec["stage"]}
    elif section == "exchanges":
        src, dst = rec["from"], rec["to"]
        props = {"what": rec["gives"], "kind": rec["kind"]}
    elif section == "involvement":
        src, dst = rec["actor"], rec["product"]
        props = {k: rec.get(k) for k in ("develops", "performs", "joint_planning", "since",
                                         "until")}
        props["develops"] = bool(props["develops"])
        props["joint_planning"] = bool(props["joint_planning"])
    else:  # relies_on, maintenance
        src, dst = rec["actor"], rec["component"]
        props = {k: rec.get(k) for k in ("role", "paid", "paid_by", "since", "until")
                 if k in rec}
    key = rel_key(section, rec)
    props = {k: v for k, v in props.items() if v is not None and v != []}
    kind = REL_TYPES[section]
    return {"type": kind, "from": src, "to": dst, "key": key, "source": source,
            "hash": rel_digest(kind, src, dst, props), "props": {**props, "key": key}}


def build(sources: list[Source], *, consume: bool = False) -> Plan:
    """The write plan for validated sources. `consume`: empty each section of the sources
    once it is planned, so that a large load never holds its records twice over."""
    plan = Plan()
    for src in sources:
        eco = src.ecosystem
        plan.ecosystems.append({**eco, "covers": sorted(eco.get("covers") or []),
                                "origin": src.name})
        for section in NODE_SECTIONS:
            for rec in src.sections[section]:
                row, edges = node_rows(section, rec, eco["id"], eco["currency"],
                                       eco.get("covers"))
                plan.nodes.setdefault(section, []).append(row)
                plan.edges[row["id"]] = edges
            if consume:
                src.sections[section] = []
        for section in REL_TYPES:
            for rec in src.sections[section]:
                plan.rels.setdefault(section, []).append(rel_row(section, rec, eco["id"]))
            if consume:
                src.sections[section] = []
    return plan
