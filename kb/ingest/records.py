"""Records as `valuenet/1` gives them, read back from the graph: the whole knowledge base
(`kb export`) or one record (the panel's forms and the change log).

A node record is its node's properties (bookkeeping aside) and the relationships it owns
(`kb.ingest.plan.OWNED_BY`); a relationship record is one keyed relationship.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from neo4j import Driver
from neo4j.time import Date

from kb.ingest.model import LABEL_SECTION, NODE_SECTIONS
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


def plain(v: Any) -> Any:
    if isinstance(v, Date):
        return v.iso_format()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v


def ordered(section: str, rec: dict[str, Any]) -> dict[str, Any]:
    return {k: rec[k] for k in FIELD_ORDER[section] if k in rec and rec[k] not in (None, [], {})}




def assemble(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]
             ) -> dict[str, dict[str, dict[str, Any]] | list[dict[str, Any]]]:
    """Records by section from node rows (label, props) and edge rows (type, from, to,
    props): node sections map id to record; relationship sections list records. An owned
    relationship whose owner is not among `nodes` is left out (reading one record)."""
    records: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in nodes:
        section = LABEL_SECTION.get(row["label"])
        if section is None:
            continue
        props = {k: plain(v) for k, v in row["props"].items() if not k.startswith("_")}
        if section == "agreements" and isinstance(props.get("scores"), str):
            props["scores"] = {  # kept as JSON text (see plan.py); an absent note is left out
                area: {k: v for k, v in score.items() if v is not None}
                for area, score in json.loads(props["scores"]).items()}
        records[section][props["id"]] = props
    rels: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_id = {rid: rec for section in records.values() for rid, rec in section.items()}

    def add(rid: str, key: str, value: Any) -> None:
        if rid in by_id:
            by_id[rid].setdefault(key, []).append(value)

    def put(rid: str, key: str, value: Any) -> None:
        if rid in by_id:
            by_id[rid][key] = value

    for e in edges:
        t, a, b = e["type"], e["from"], e["to"]
        props = {k: plain(v) for k, v in e["props"].items()}
        if t in SECTION_OF_TYPE:
            section = SECTION_OF_TYPE[t]
            rels[section].append(rel_record(section, a, b, props))
        elif t == "MEMBER_OF":
            add(a, "member_of", b)
        elif t == "OWNS":
            put(b, "owner", a)
        elif t == "BUILT_ON":
            add(a, "built_on", b)
        elif t == "DEPENDS_ON":
            add(a, "depends_on", b)
        elif t == "PARTY_TO":
            add(b, "parties", a)
        elif t in ("CONCERNS", "FOR", "ABOUT"):
            add(a, {"CONCERNS": "concerns", "FOR": "for", "ABOUT": "about"}[t], b)
        elif t == "GRANTS":
            put(b, "from", a)
        elif t == "TO":
            put(a, "to", b)
        elif t == "PASSES_ON":
            put(b, "parent", a)
        elif t == "UNDER":
            put(a, "agreement", b)
        elif t == "VOICE" and b in by_id:
            by_id[b].setdefault("voices", {})[a] = props["voice"]
    return {**records, **rels}


def tidy(section: str, rec: dict[str, Any]) -> dict[str, Any]:
    """A record with its lists sorted (ties keep their order), maps by key, fields in the
    format's order and empty values dropped."""
    for k, v in list(rec.items()):
        if isinstance(v, list) and k != "between":
            rec[k] = sorted(v)
        if isinstance(v, dict):
            rec[k] = dict(sorted(v.items()))
    return ordered(section, rec)


def rel_record(section: str, a: str, b: str, props: dict[str, Any]) -> dict[str, Any]:
    props = {k: v for k, v in props.items() if k != "key" and not k.startswith("_")}
    if section == "ties":
        return {"between": [a, b], "stage": props["stage"]}
    if section == "exchanges":
        return {"from": a, "to": b, "gives": props["what"], "kind": props["kind"]}
    if section == "involvement":
        return {"actor": a, "product": b, **props}
    return {"actor": a, "component": b, **props}



def ends(key: str) -> dict[str, str]:
    """The ids at the start and end of a relationship record, from its key."""
    try:
        parts = json.loads(key)
    except ValueError:
        parts = None
    if not isinstance(parts, list) or len(parts) < 3:
        return {"from": "", "to": ""}
    return {"from": str(parts[1]), "to": str(parts[2])}


Runner = Callable[[str, dict[str, Any]], list[dict[str, Any]]]
"""Runs a library query by name with parameters: on a driver, or in a transaction."""


def on(driver: Driver, settings: Settings | None = None) -> Runner:
    """A Runner of autocommit reads on `driver`."""
    return lambda name, params: db.run(driver, name, params, settings=settings)


def in_tx(tx: Any) -> Runner:
    """A Runner in the transaction `tx` (it sees the transaction's own writes)."""
    return lambda name, params: db.run_tx(tx, name, params)


def one(driver: Driver, section: str, key: str, settings: Settings | None = None
        ) -> dict[str, Any] | None:
    """One record as `valuenet/1` gives it: a node section's by id, a relationship section's
    by its key (`kb.ingest.plan.rel_key`); None when the KB has no such record."""
    return one_with(on(driver, settings), section, key)


def one_with(run: Runner, section: str, key: str) -> dict[str, Any] | None:
    """`one`, through `run`."""
    return record_of(section, key, stored(run, section, key))


def stored(run: Runner, section: str, key: str) -> dict[str, Any] | None:
    """A record as the graph stores it, bookkeeping included: a node's label, properties and
    every relationship at it; a relationship record's type, ends and properties. None when
    there is no such record."""
    if section in NODE_SECTIONS:
        rows = run("records_node", {"id": key, "label": NODE_SECTIONS[section]})
        return dict(rows[0]) if rows else None
    rows = run("records_rel", {**ends(key), "key": key})
    return dict(rows[0]) if rows else None


def record_of(section: str, key: str, held: dict[str, Any] | None) -> dict[str, Any] | None:
    """The `valuenet/1` record of what `stored` read."""
    if held is None:
        return None
    if section in NODE_SECTIONS:
        found = assemble([{"label": held["label"], "props": held["props"]}],
                         held["edges"]).get(section)
        return tidy(section, found[key]) if isinstance(found, dict) and key in found else None
    found_rels = assemble([], [held]).get(section)
    return tidy(section, found_rels[0]) if isinstance(found_rels, list) and found_rels else None


TITLES = {"actors": "actor", "products": "product", "components": "component",
          "relies_on": "reliance", "maintenance": "maintenance record",
          "agreements": "agreement", "fundings": "funding", "involvement": "involvement",
          "exchanges": "exchange", "decisions": "decision point", "ties": "tie"}


def describe(section: str, rec: dict[str, Any] | None, key: str = "") -> str:
    """A record in a few words, for the change log and the pages."""
    if not rec:
        return key
    if section in NODE_SECTIONS:
        return str(rec.get("name") or rec.get("title") or rec.get("topic") or rec.get("id"))
    if section == "relies_on":
        return f"{rec['actor']} relies on {rec['component']}"
    if section == "maintenance":
        return f"{rec['actor']} maintains {rec['component']}"
    if section == "involvement":
        return f"{rec['actor']} in {rec['product']}"
    if section == "exchanges":
        return f"{rec['from']} gives {rec['to']} {rec['gives']}"
    if section == "ties":
        return " and ".join(rec["between"])
    return key
