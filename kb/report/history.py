"""Saved audits: storing one in the knowledge base, listing them, and what changed between
two of them."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from neo4j import Driver

from kb.errors import UsageError
from kb.settings import Settings, get_settings
from kb.store import db, events
from kb.store.db import plain


def save(driver: Driver, audit: dict[str, Any], settings: Settings | None = None) -> str:
    """Store the audit in the knowledge base; returns its id. Like any write, the save
    changes the data state, so it publishes `Committed`: the risk engine, where the
    application subscribed it, keeps the snapshot of the graph as the save left it, and the
    next `kb risk` or panel view does not compute it from scratch."""
    body = json.dumps(audit, sort_keys=True)
    stamp = datetime.now(UTC).isoformat()  # microseconds: audits saved in one second stay ordered
    audit_id = stamp.replace(":", "").replace("-", "")[:15] + "-" + hashlib.sha1(
        (body + stamp).encode()).hexdigest()[:6]
    db.run(driver, "audit_save", {"id": audit_id, "created_at": stamp, "as_of": audit["as_of"],
                                   "horizon": audit["horizon_days"],
                                   "without": audit["without"], "body": body,
                                   "figures": json.dumps(trend_figures(audit))},
           settings=settings)
    events.publish(events.Committed(driver, settings or get_settings(), "audit save"))
    return audit_id


def saved(driver: Driver, settings: Settings | None = None) -> list[dict[str, Any]]:
    """Saved audits, newest first."""
    return plain(db.run(driver, "audit_list", settings=settings))  # type: ignore[no-any-return]


TREND = ("hollow_cores", "critical", "funding_known_share", "maintenance_known_share",
         "funded_share")


def trend_figures(audit: dict[str, Any]) -> dict[str, Any]:
    """The figures a series of audits charts: hollow cores; critical components; the shares
    of shared components whose funding and maintenance are known (coverage); and the funded
    share: of the shared components whose funding is known, how many are funded (unknown
    funding counts neither way; None when no shared component's funding is known)."""
    cov = audit["summary"]["coverage"]
    figures = audit["summary"]["figures"]
    if "critical" in figures:  # over every component, even when the audit lists fewer
        return {"hollow_cores": figures["hollow_cores"], "critical": figures["critical"],
                "funding_known_share": cov["funding_known_share"],
                "maintenance_known_share": cov["maintenance_known_share"],
                "funded_share": figures["funded_share"]}
    comps = audit["components"]  # an audit saved before those figures: all its components
    known = [c for c in comps if c["shared"] and c["funding_known"]]
    return {"hollow_cores": len(audit["hollow_core"]),
            "critical": sum(c["risk_level"] == "critical" for c in comps),
            "funding_known_share": cov["funding_known_share"],
            "maintenance_known_share": cov["maintenance_known_share"],
            "funded_share": (round(sum(c["funded"] for c in known) / len(known), 4)
                             if known else None)}


def trend(driver: Driver, settings: Settings | None = None) -> list[dict[str, Any]]:
    """The saved audits as a series, by audit day then save time, each with its figures
    (an audit saved before the figures were stored has them computed from its body)."""
    points = []
    for a in sorted(saved(driver, settings), key=lambda a: (a["as_of"], a["created_at"])):
        figures = json.loads(a["figures"]) if a.get("figures") else trend_figures(
            load_saved(driver, a["id"], settings))
        points.append({"id": a["id"], "as_of": a["as_of"], "created_at": a["created_at"],
                       **{k: figures.get(k) for k in TREND}})
    return points


def load_saved(driver: Driver, audit_id: str, settings: Settings | None = None
               ) -> dict[str, Any]:
    """One saved audit by id."""
    rows = db.run(driver, "audit_get", {"id": audit_id}, settings=settings)
    if not rows:
        ids = [a["id"] for a in saved(driver, settings)]
        raise UsageError(f"no saved audit {audit_id!r}",
                         hint="Saved audits: " + (", ".join(ids) or "none; run kb audit --save"))
    return json.loads(rows[0]["body"])  # type: ignore[no-any-return]


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """What changed between two audits. An audit that lists only the most urgent entries
    (`cut`) says nothing about the components it leaves out: a component counts as added,
    removed, newly hollow or resolved only where both audits say what it was, and `partial`
    names the lists that were cut in either audit."""
    def comps(a: dict[str, Any]) -> dict[str, dict[str, Any]]:
        return {c["id"]: c for c in a["components"]}

    def cut(a: dict[str, Any], name: str) -> bool:
        return name in a.get("cut", {})

    oc, nc = comps(old), comps(new)
    old_h = {c["id"] for c in old["hollow_core"]}
    new_h = {c["id"] for c in new["hollow_core"]}

    def was(a: dict[str, Any], h: set[str], seen: dict[str, dict[str, Any]], i: str
            ) -> bool | None:
        """Whether component `i` was a hollow core in audit `a`; None when it does not say."""
        if i in h:
            return True
        if not cut(a, "hollow_core"):
            return False
        return False if i in seen and not seen[i]["hollow_core"] else None

    both = set(oc) & set(nc)
    either = both if cut(old, "components") or cut(new, "components") else set(oc) | set(nc)
    whole = not (cut(old, "components") or cut(new, "components"))
    scores = [{"component": i, "from": oc[i]["risk_score"], "to": nc[i]["risk_score"]}
              for i in sorted(both) if oc[i]["risk_score"] != nc[i]["risk_score"]]
    cliffs = [{"component": i, "from": oc.get(i, {}).get("cliff_date"),
               "to": nc.get(i, {}).get("cliff_date")}
              for i in sorted(either)
              if oc.get(i, {}).get("cliff_date") != nc.get(i, {}).get("cliff_date")]
    og = {g["id"]: g for g in old["agreements"]["agreements"]}
    ng = {g["id"]: g for g in new["agreements"]["agreements"]}
    partial = sorted({k for a in (old, new) for k in a.get("cut", {})})
    out = {
        "from": {"generated_at": old["generated_at"], "as_of": old["as_of"]},
        "to": {"generated_at": new["generated_at"], "as_of": new["as_of"]},
        "new_hollow_cores": sorted(i for i in new_h - old_h
                                   if was(old, old_h, oc, i) is False),
        "resolved_hollow_cores": sorted(i for i in old_h - new_h
                                        if was(new, new_h, nc, i) is False),
        "score_changes": scores,
        "cliffs_moved": cliffs,
        "components_added": sorted(set(nc) - set(oc)) if whole else [],
        "components_removed": sorted(set(oc) - set(nc)) if whole else [],
        "agreements_added": sorted(set(ng) - set(og)),
        "agreements_removed": sorted(set(og) - set(ng)),
        "agreements_expired": sorted(i for i in set(og) & set(ng)
                                     if og[i]["in_force"] and not ng[i]["in_force"]),
        "agreements_in_force_again": sorted(i for i in set(og) & set(ng)
                                            if not og[i]["in_force"] and ng[i]["in_force"]),
    }
    if partial:
        out["partial"] = {
            "lists": partial,
            "note": "one or both audits list only the most urgent entries of these lists "
                    "(kb audit --limit); components they leave out are not compared. Save "
                    "both with --limit 0 for a whole comparison."}
    return out


def diff_is_empty(d: dict[str, Any]) -> bool:
    """True when nothing changed."""
    return not any(v for k, v in d.items() if k not in ("from", "to", "old", "new", "partial"))
