"""`kb export`: write the knowledge base back as a deterministic `valuenet/1` file."""

from __future__ import annotations

import json
from typing import Any

import yaml
from neo4j import Driver

from kb.ingest import records
from kb.ingest.model import FORMAT, SECTIONS
from kb.settings import Settings
from kb.store import db

FIELD_ORDER = records.FIELD_ORDER


def collect(driver: Driver, settings: Settings | None = None) -> dict[str, Any]:
    """The whole knowledge base as a `valuenet/1` document (plain, ordered data)."""
    nodes = db.run(driver, "export_nodes", settings=settings)
    edges = db.run(driver, "export_edges", settings=settings)
    ecos = db.run(driver, "export_ecosystems", settings=settings)
    got = records.assemble(nodes, edges)
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
        held = got.get(section)
        if isinstance(held, list):
            out = sorted(held, key=lambda r: json.dumps(r, sort_keys=True))
        else:
            out = [v for _, v in sorted((held or {}).items())]
        cleaned = [records.tidy(section, rec) for rec in out]
        if cleaned:
            doc[section] = cleaned
    return doc


def dump(doc: dict[str, Any], fmt: str) -> str:
    """Serialise an export as YAML or JSON, byte-stable for the same graph."""
    if fmt == "json":
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
