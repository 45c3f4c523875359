"""`kb export`: write the knowledge base back as a deterministic `valuenet/1` file."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import yaml
from neo4j import Driver
from neo4j.time import Date

from kb.ingest.model import FORMAT, LABEL_SECTION, SECTIONS
from kb.ingest.plan import REL_TYPES
from kb.settings import Settings
from kb.store import db

FIELD_ORDER = {
    "actors": ["id", "name", "kind", "country", "member_of"],
    "products": ["id", "name", "owner", "built_on"],
    "components": ["id", "name", "repo", "license", "packages", "versions", "depends_on",
                   "funding_channels", "covers", "maintenance_cost",
                   "last_commit", "active_contributors", "bus_factor"],
    "relies_on": ["actor", "component"],
    "maintenance": ["actor", "component", "role", "paid", "paid_by", "since", "until"],
    "agreements": ["id", "kind", "title", "parties", "signed", "start", "end", "concerns",
                   "areas", "scores"],
    "fundings": ["id", "from", "to", "amount", "currency", "start", "end", "kind", "purpose",
                 "for", "parent", "agreement"],
    "involvement": ["actor", "product", "develops", "performs", "joint_planning", "since",
                    "until"],
    "exchanges": ["from", "to", "gives", "kind"],
    "decisions": ["id", "topic", "date", "about", "voices"],
    "ties": ["between", "stage"],
}
SECTION_OF_TYPE = {t: s for s, t in REL_TYPES.items()}


def _plain(v: Any) -> Any:
    if isinstance(v, Date):
        return v.iso_format()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def _ordered(section: str, rec: dict[str, Any]) -> dict[str, Any]:
    return {k: rec[k] for k in FIELD_ORDER[section] if k in rec and rec[k] not in (None, [], {})}


def collect(driver: Driver, settings: Settings | None = None) -> dict[str, Any]:
    """The whole knowledge base as a `valuenet/1` document (plain, ordered data)."""
    nodes = db.run(driver, "export_nodes", settings=settings)
    edges = db.run(driver, "export_edges", settings=settings)
    ecos = db.run(driver, "export_ecosystems", settings=settings)
    records: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in nodes:
        section = LABEL_SECTION.get(row["label"])
        if section is None:
            continue
        props = {k: _plain(v) for k, v in row["props"].items() if not k.startswith("_")}
        if section == "agreements" and isinstance(props.get("scores"), str):
            props["scores"] = json.loads(props["scores"])  # kept as JSON text (see plan.py)
        records[section][props["id"]] = props
    rels: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_id = {rid: rec for section in records.values() for rid, rec in section.items()}

    def add(rid: str, key: str, value: Any) -> None:
        by_id[rid].setdefault(key, []).append(value)

    for e in edges:
        t, a, b = e["type"], e["from"], e["to"]
        props = {k: _plain(v) for k, v in e["props"].items()}
        if t in SECTION_OF_TYPE:
            section = SECTION_OF_TYPE[t]
            rels[section].append(_rel_record(section, a, b, props))
        elif t == "MEMBER_OF":
            add(a, "member_of", b)
        elif t == "OWNS":
            by_id[b]["owner"] = a
        elif t == "BUILT_ON":
            add(a, "built_on", b)
        elif t == "DEPENDS_ON":
            add(a, "depends_on", b)
        elif t == "PARTY_TO":
            add(b, "parties", a)
        elif t in ("CONCERNS", "FOR", "ABOUT"):
            add(a, {"CONCERNS": "concerns", "FOR": "for", "ABOUT": "about"}[t], b)
        elif t == "GRANTS":
            by_id[b]["from"] = a
        elif t == "TO":
            by_id[a]["to"] = b
        elif t == "PASSES_ON":
            by_id[b]["parent"] = a
        elif t == "UNDER":
            by_id[a]["agreement"] = b
        elif t == "VOICE":
            by_id[b].setdefault("voices", {})[a] = props["voice"]
    doc: dict[str, Any] = {"format": FORMAT}
    if len(ecos) == 1:
        doc["ecosystem"] = {k: ecos[0][k] for k in ("id", "name", "currency")}
    else:
        doc["ecosystem"] = {"id": "kb-export", "name": "Knowledge base export",
                            "currency": ecos[0]["currency"] if ecos else "USD"}
    # What components' sources covered is also on each component; the header keeps what its
    # one source said (so an export loads back to the same graph), or with several sources,
    # what covers the whole network (ties, agreements) according to any of them.
    covers = (sorted(ecos[0]["covers"] or []) if len(ecos) == 1 else
              sorted({a for e in ecos for a in e["covers"] or []} & {"ties", "agreements"}))
    if covers:
        doc["ecosystem"]["covers"] = covers
    for section in SECTIONS:
        if section in REL_TYPES:
            out = sorted(rels.get(section, []), key=lambda r: json.dumps(r, sort_keys=True))
        else:
            out = [records[section][k] for k in sorted(records.get(section, {}))]
        cleaned = []
        for rec in out:
            for k, v in list(rec.items()):
                if isinstance(v, list) and k != "between":
                    rec[k] = sorted(v)
                if isinstance(v, dict):
                    rec[k] = dict(sorted(v.items()))
            cleaned.append(_ordered(section, rec))
        if cleaned:
            doc[section] = cleaned
    return doc


def _rel_record(section: str, a: str, b: str, props: dict[str, Any]) -> dict[str, Any]:
    props = {k: v for k, v in props.items() if k != "key" and not k.startswith("_")}
    if section == "ties":
        return {"between": [a, b], "stage": props["stage"]}
    if section == "exchanges":
        return {"from": a, "to": b, "gives": props["what"], "kind": props["kind"]}
    if section == "involvement":
        return {"actor": a, "product": b, **props}
    return {"actor": a, "component": b, **props}


def dump(doc: dict[str, Any], fmt: str) -> str:
    """Serialise an export as YAML or JSON, byte-stable for the same graph."""
    if fmt == "json":
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
