"""The workshop pages: what a programme team maps in one sitting each.

- **Value network** of a product: every actor around it, what the owner gives each and needs
  from each (exchanges), and the inner value network's four criteria (develops, performs a
  function, plans jointly, a signed agreement with the owner) with which of them hold.
- **Scorecard** of an agreement: each area scored for how comprehensively and how clearly the
  agreement covers it (0-3 each, README "Agreement scorecard"), with notes.
- **Decision points** about a product: each decision with every member's voice, and who is
  never at the table: members never deciding or consulted in any decision recorded, told
  apart from members whose voice is not recorded (unknown is not none).

Each builds the data its page shows and its printable summary; `kb.ingest.edit` saves the
forms.
"""

from __future__ import annotations

from typing import Any

from neo4j import Driver

from kb.analysis import networks
from kb.errors import NotFound
from kb.ingest import records
from kb.ingest.model import Area, ExchangeKind, Voice
from kb.settings import Settings
from kb.store import db

CRITERIA = ("develops", "performs_function", "joint_planning", "agreement")
AT_THE_TABLE = ("decided", "consulted")
SCALE = {
    "comprehensive": ["0: not at all", "1: mentioned", "2: partly", "3: fully"],
    "clear": ["0: unreadable", "1: ambiguous", "2: mostly clear", "3: clear"],
}


def _product(driver: Driver, product: str, settings: Settings | None) -> dict[str, Any]:
    rec = records.one(driver, "products", product, settings)
    if rec is None:
        raise NotFound(f"no product {product!r}", hint="Products are listed at /products.")
    return rec


def value_network(driver: Driver, product: str, as_of: str | None = None,
                  settings: Settings | None = None) -> dict[str, Any]:
    """Every actor around `product` with its exchanges with the owner, its involvement
    (the criteria the team ticks) and whether the IVN counts it a member, and why."""
    rec = _product(driver, product, settings)
    ivn = networks.ivn(driver, product, as_of, settings).data
    members = {m["actor"]: m for m in ivn["members"]}
    rows = []
    for r in db.run(driver, "web_workshop_network", {"product": product}, settings=settings):
        inv = None
        for key in r["involvement"]:
            found = records.one(driver, "involvement", key, settings)
            if found is not None and (inv is None or not found.get("until")):
                inv = {**found, "key": key}
        member = members.get(r["actor"])
        rows.append({
            "actor": r["actor"], "name": r["name"], "kind": r["kind"],
            "involvement": inv, "we_give": r["we_give"], "we_need": r["we_need"],
            "agreements": r["agreements"],
            "member": member is not None,
            "criteria": member["criteria"] if member else [],
        })
    return {"product": product, "name": rec["name"], "owner": rec["owner"],
            "as_of": ivn["as_of"], "actors": rows, "gaps": ivn["gaps"],
            "agreements_known": ivn["agreements_known"],
            "members": len(members), "criteria": list(CRITERIA),
            "exchange_kinds": [k.value for k in ExchangeKind]}


def scorecard(driver: Driver, agreement: str, settings: Settings | None = None
              ) -> dict[str, Any]:
    """An agreement's areas: covered or not, and its scores and notes, with the scale."""
    rec = records.one(driver, "agreements", agreement, settings)
    if rec is None:
        raise NotFound(f"no agreement {agreement!r}", hint="Agreements are listed at "
                       "/agreements.")
    covered = set(rec.get("areas") or [])
    scores = rec.get("scores") or {}
    areas = []
    for a in Area:
        s: dict[str, Any] = scores.get(a.value) or {}
        areas.append({"area": a.value, "covered": a.value in covered,
                      "comprehensive": s.get("comprehensive"), "clear": s.get("clear"),
                      "note": s.get("note") or "",
                      "weak": bool(s) and min(int(s.get("comprehensive", 0)),
                                              int(s.get("clear", 0))) <= 1})
    return {"agreement": agreement, "record": rec, "areas": areas, "scale": SCALE,
            "missing": [a["area"] for a in areas if not a["covered"]],
            "weak": [a["area"] for a in areas if a["weak"]],
            "unscored": [a["area"] for a in areas if a["covered"]
                         and a["comprehensive"] is None]}


def table_presence(decisions: list[dict[str, Any]], people: list[str]
                   ) -> list[dict[str, Any]]:
    """For each person: in how many decisions they decided or were consulted, informed,
    absent, or have no voice recorded; and whether they are never at the table (never
    deciding or consulted where their voice is recorded, and recorded somewhere) or
    unknown (recorded nowhere)."""
    out = []
    for person in people:
        counts = {v.value: 0 for v in Voice} | {"not_recorded": 0}
        for d in decisions:
            counts[d["voices"].get(person, "not_recorded")] += 1
        at_table = sum(counts[v] for v in AT_THE_TABLE)
        recorded = len(decisions) - counts["not_recorded"]
        out.append({"actor": person, **counts, "at_table": at_table,
                    "never_at_table": bool(decisions) and recorded > 0 and at_table == 0,
                    "unknown": bool(decisions) and recorded == 0})
    return out


def decision_points(driver: Driver, product: str, as_of: str | None = None,
                    settings: Settings | None = None) -> dict[str, Any]:
    """The decisions about `product` (or the components it is built on), each member's
    voice in each, and who is never at the table."""
    rec = _product(driver, product, settings)
    ivn = networks.ivn(driver, product, as_of, settings).data
    found = db.run(driver, "web_workshop_decisions", {"product": product}, settings=settings)
    decisions = [{"id": d["id"], "topic": d["topic"], "date": d["date"],
                  "voices": {v["actor"]: v["voice"] for v in d["voices"]}} for d in found]
    names = {m["actor"]: m["name"] for m in ivn["members"]}
    people = [rec["owner"], *sorted(names)]
    voiced = sorted({a for d in decisions for a in d["voices"]} - set(people))
    presence = table_presence(decisions, people + voiced)
    return {"product": product, "name": rec["name"], "owner": rec["owner"],
            "as_of": ivn["as_of"], "decisions": decisions,
            "people": [{"actor": p, "member": p in names, "owner": p == rec["owner"]}
                       for p in people + voiced],
            "presence": presence, "voices": [v.value for v in Voice],
            "never_at_table": [p["actor"] for p in presence if p["never_at_table"]],
            "unknown": [p["actor"] for p in presence if p["unknown"]]}
