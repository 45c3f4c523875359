"""The ecosystem-wide sustainability audit: every analysis, with evidence and next steps.

`build()` returns one JSON-ready dict in the versioned `valuenet-audit/1` shape (documented in
`docs/audit.md`, JSON Schema in `kb/report/audit_schema.json`); the HTML, PDF, Markdown and CSV
renderings in `kb/report/render.py` are views of that dict; saving and comparing
audits is `kb/report/history.py`.
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from neo4j import Driver

from kb import analysis
from kb.analysis.common import names
from kb.analysis.plan import plan
from kb.settings import Settings
from kb.store import db
from kb.store.db import plain

SCHEMA = "valuenet-audit/1"
SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}
STEPS = ["asks", "risk", "evidence", "inner value networks", "agreements", "funding topology",
         "power", "network stage", "reciprocity", "recommendations"]
ASK_LIMIT = 50  # the audit lists the best asks in full and counts the rest
FIND_OUT_LIMIT = 100  # "what to find out next" keeps the most relied-upon unknowns
Progress = Callable[[str, int, int], None]


LIMIT = 1000  # entries of each long list an audit holds by default (0 or None: all)
ID_LIMIT = 100  # ids of each id list inside those entries, by default (0 or None: all)
# The id lists inside the entries of the long lists that `id_limit` cuts; an entry whose list
# was cut says how many ids it has in all under `id_totals`.
ID_LISTS = {"hollow_core": ("reliant_products", "reliant_actors", "free_riders"),
            "funding_cliffs": ("reliant_products", "reliant_actors", "free_riders"),
            "components": ("reliant_products", "reliant_actors", "free_riders"),
            "free_riders": ("free_riders",), "products": ("hollow_cores",),
            "funders": ("recipients", "funds", "hollow_cores_under", "cliffs")}
# The long lists `limit` cuts, in the order `cut` names them; recommendations are cut per
# group (`_group`: the first `limit` of each), every other list keeps its first `limit`.
CUT_LISTS = ("components", "hollow_core", "funding_cliffs", "free_riders", "products",
             "funders", "findings", "recommendations", "find_out_next")


def build(driver: Driver, as_of: str | None = None, horizon: int = 180,
          without: list[str] | None = None, months: int = 12,
          progress: Progress | None = None, settings: Settings | None = None,
          budget: float | None = None, limit: int | None = LIMIT,
          id_limit: int | None = ID_LIMIT) -> dict[str, Any]:
    """Run every analysis and assemble the audit. The asks are `kb plan`'s over the cliff
    window: within `budget` when given, else what closing every gap costs.

    Every figure, finding and ask is computed over the whole ecosystem; each long list then
    holds its first `limit` entries (most urgent, soonest or most exposed first), and `cut`
    says, per list that was cut, how many entries it has in all (`limit` 0 or None: every
    entry, as before: 187 MB of JSON at 100,000 components, and it grows with them).
    Likewise the id lists inside those entries (who relies on a component, which hollow
    cores a product or funder stands on; `ID_LISTS`) hold their first `id_limit` ids, and
    an entry whose list was cut gives the list's length under `id_totals`."""
    tick = progress or (lambda *_: None)
    as_of = analysis.parse_as_of(as_of)
    without = sorted(set(without or []))
    total = len(STEPS)
    keep = limit or None

    cliff_end = _add_months(date.fromisoformat(as_of), months)
    window = (cliff_end - date.fromisoformat(as_of)).days
    tick(STEPS[0], 0, total)
    # The plan first: it holds risk rows of its own (over the cliff window), which are gone
    # before the audit's are built; at a million components each set is about 2.4 GB.
    money = plan(driver, budget, as_of, max(window, 30), settings=settings).data
    for key in ("allocations", "per_unit"):  # the asks say it all; the grants are many
        money.pop(key)
    money["usage_split"].pop("grants")
    tick(STEPS[1], 1, total)
    risk_analysis = analysis.risk(driver, as_of, horizon, without, settings)
    risk = risk_analysis.data
    comps = risk["components"]
    find_out = analysis.unknowns(driver, as_of, settings, base=risk_analysis).data["unknowns"]
    tick(STEPS[2], 2, total)
    product_funders = {r["product"]: sorted(r["funders"]) for r in plain(
        db.run(driver, "audit_product_funders", {"as_of": as_of}, settings=settings))}
    owners = {r["product"]: r["owner"] for r in plain(db.run(driver, "product_owners",
                                                             settings=settings))}
    tick(STEPS[3], 3, total)
    nets = analysis.ivn_all(driver, as_of, settings)
    tick(STEPS[4], 4, total)
    agr = analysis.agreements(driver, as_of, settings).data
    tick(STEPS[5], 5, total)
    topo = analysis.funding_topology(driver, as_of, without, settings).data
    tick(STEPS[6], 6, total)
    power = analysis.power(driver, as_of, settings, nets=nets).data
    tick(STEPS[7], 7, total)
    stage = analysis.network_stage(driver, settings).data
    tick(STEPS[8], 8, total)
    recip = analysis.reciprocity(driver, settings).data
    tick(STEPS[9], 9, total)

    # Findings and figures come from the risk rows of every component; the evidence
    # (maintenance records, direct reliance) is read for the entries the audit lists.
    hollow = [c for c in comps if c["hollow_core"]]
    cliffs = sorted(
        (c for c in comps if c["funded"] and c["funded_until"]
         and date.fromisoformat(c["funded_until"]) < cliff_end),
        key=lambda c: (c["funded_until"], c["id"]))
    riders = [{"component": c["id"], "free_riders": c["free_riders"],
               "risk_score": c["risk_score"]} for c in comps if c["free_riders"]]
    hollow_of: dict[str, list[str]] = defaultdict(list)  # product -> hollow cores under it
    for c in hollow:
        for p in c["reliant_product_ids"]:
            hollow_of[p].append(c["id"])
    products = []
    for net in nets.values():
        covered = [m["actor"] for m in net["members"] if "agreement" in m["criteria"]]
        products.append({**net, "agreement_coverage": {
            "members": len(net["members"]), "with_agreement": len(covered),
            "share": (len(covered) / len(net["members"])) if net["members"] else None},
            "funders": product_funders.get(net["product"], []),
            "hollow_cores": hollow_of.get(net["product"], [])})
    products.sort(key=lambda p: (-len(p["hollow_cores"]), p["product"]))  # most exposed first
    funders = _funders(topo, cliffs, hollow_of)
    asks = _asks(money, months, without)
    by_id = {c["id"]: c for c in comps}
    for x in asks["asks"]:
        # Nobody rides free: every relying actor funds or maintains something. The ask then
        # goes to the funders of the products relying on these components.
        x["funders_to_ask"] = [] if x["actors"] else sorted(
            {f for cid in x["components"] for p in by_id[cid]["reliant_product_ids"]
             for f in product_funders.get(p, [])})
    del by_id
    recs = _recommendations(hollow, nets, agr, power, stage, owners, asks)
    findings = _findings(hollow, cliffs, nets, agr, topo, power, stage, recs,
                         _ask_lines(money, asks))
    summary = _summary(comps, hollow, cliffs, agr, topo, power, stage, findings, as_of)
    summary["coverage"] = risk["coverage"]
    lists: dict[str, list[dict[str, Any]]] = {
        "components": comps, "hollow_core": hollow, "funding_cliffs": cliffs,
        "free_riders": riders, "products": products, "funders": funders,
        "findings": findings, "recommendations": recs, "find_out_next": find_out}
    shown = {name: _first(items, name, keep) for name, items in lists.items()}
    cut: dict[str, dict[str, Any]] = {
        name: {"shown": len(shown[name]), "total": len(lists[name])} for name in CUT_LISTS
        if len(shown[name]) < len(lists[name])}
    if "recommendations" in cut:
        cut["recommendations"]["groups"] = dict(Counter(_group(r) for r in recs))
    lists = shown
    evidence = _evidence(driver, settings, lists["components"] + lists["hollow_core"]
                         + lists["funding_cliffs"])
    lists["hollow_core"], lists["funding_cliffs"], lists["components"] = (
        [evidence(c) for c in lists[name]]
        for name in ("hollow_core", "funding_cliffs", "components"))
    id_keep = id_limit or None
    if id_keep is not None:
        lists.update({name: [_trim(x, fields, id_keep) for x in lists[name]]
                      for name, fields in ID_LISTS.items()})
    tick("done", total, total)
    return {
        "schema": SCHEMA,
        "generated_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "as_of": as_of, "horizon_days": horizon, "without": without,
        "cliff_window": {"from": as_of, "to": cliff_end.isoformat(), "months": months},
        "limit": keep or 0, "cut": cut, "id_limit": id_keep or 0,
        "summary": summary,
        "hollow_core": lists["hollow_core"],
        "funding_cliffs": lists["funding_cliffs"],
        "free_riders": lists["free_riders"],
        "products": lists["products"],
        "funders": lists["funders"],
        "agreements": {"agreements": agr["agreements"], "most_missing": agr["most_missing"]},
        "funding_topology": topo,
        "power": power,
        "network_stage": stage,
        "reciprocity": {"only_gives": recip["only_gives"],
                        "only_receives": recip["only_receives"]},
        "asks": asks,
        "recommendations": lists["recommendations"],
        "findings": lists["findings"],
        "find_out_next": lists["find_out_next"],
        "components": lists["components"],
    }


def _first(items: list[dict[str, Any]], name: str, keep: int | None
           ) -> list[dict[str, Any]]:
    """The entries of one long list the audit holds: the first `keep` (recommendations: the
    first `keep` of each group, in their order), or all of them when `keep` is None."""
    if keep is None or len(items) <= keep:
        return items
    if name != "recommendations":
        return items[:keep]
    seen: Counter[str] = Counter()
    out = []
    for r in items:
        seen[_group(r)] += 1
        if seen[_group(r)] <= keep:
            out.append(r)
    return out


def _group(rec: dict[str, Any]) -> str:
    """A recommendation's group: the kind of finding it answers (`ask`, `no_maintainer`,
    `agreement_missing`, `unsigned`, `no_agreement`, `decided_alone`, `cut_off`), each
    derived one way."""
    return str(rec["finding"]).split(":", 1)[0]


def _trim(entry: dict[str, Any], fields: tuple[str, ...], keep: int) -> dict[str, Any]:
    """The entry with each of its id lists `fields` cut to the first `keep` ids; the lengths
    of the lists that were cut under `id_totals`."""
    long = {f: len(entry[f]) for f in fields if len(entry[f]) > keep}
    if not long:
        return entry
    return {**entry, **{f: entry[f][:keep] for f in long}, "id_totals": long}


def _evidence(driver: Driver, settings: Settings | None, shown: list[dict[str, Any]]
              ) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """The evidence entry of a risk row, for the rows in `shown`: their maintenance records
    and direct reliance are read for them alone."""
    ids = sorted({c["id"] for c in shown})
    maint: dict[str, list[dict[str, Any]]] = defaultdict(list)
    direct: dict[str, dict[str, Any]] = {}
    if ids:
        for m in plain(db.run(driver, "audit_maintainers", {"ids": ids}, settings=settings)):
            maint[m.pop("component")].append(m)
        direct = {r["component"]: r for r in plain(
            db.run(driver, "audit_direct_reliance", {"ids": ids}, settings=settings))}

    def evidence(c: dict[str, Any]) -> dict[str, Any]:
        d = direct.get(c["id"], {"products": [], "actors": []})
        return {
            "id": c["id"], "name": c["name"], "risk_score": c["risk_score"],
            "risk_level": c["risk_level"], "reasons": c["reasons"],
            "shared": c["shared"], "funded": c["funded"], "hollow_core": c["hollow_core"],
            "direct_products": sorted(d["products"]), "direct_actors": sorted(d["actors"]),
            "reliant_products": c["reliant_product_ids"], "reliant_actors": c["reliant_actor_ids"],
            "funders": c["funders"], "funded_until": c["funded_until"],
            "cliff_date": c["cliff_date"], "maintainers": maint.get(c["id"], []),
            "active_maintainers": c["maintainers"], "paid_maintainers": c["paid_maintainers"],
            "free_riders": c["free_riders"], "funding_known": c["funding_known"],
            "maintenance_known": c["maintenance_known"], "confidence": c["confidence"],
        }

    return evidence


def _funders(topo: dict[str, Any], cliffs: list[dict[str, Any]],
             hollow_of: dict[str, list[str]]) -> list[dict[str, Any]]:
    """Per funder (an actor granting a flow active on the audit day), largest first: what it
    grants (amount in the topology's currency, flows, recipients), the products and other
    records it funds, the hollow cores those products rely on (its money stands on them), and
    the funding cliffs of the components it funds."""
    cur = topo["currency"]
    by: dict[str, dict[str, Any]] = {}
    for f in topo["flows"]:
        if f["withdrawn"]:
            continue
        x = by.setdefault(f["from"], {"funder": f["from"], "amount": 0.0, "currency": cur,
                                      "flows": 0, "unknown_amounts": 0, "other_currency": 0,
                                      "recipients": set(), "for": set()})
        x["flows"] += 1
        x["recipients"].add(f["to"])
        x["for"].update(f["for"])
        if f["amount"] is None:
            x["unknown_amounts"] += 1
        elif f["currency"] != cur:
            x["other_currency"] += 1
        else:
            x["amount"] += f["amount"]
    cliff_funders = {c["id"]: set(c["funders"]) for c in cliffs}
    out = []
    for x in by.values():
        funded = sorted(x.pop("for"))
        under = sorted({h for p in funded for h in hollow_of.get(p, [])})
        out.append({**x, "recipients": sorted(x["recipients"]), "funds": funded,
                    "hollow_cores_under": under,
                    "cliffs": sorted(c for c, who in cliff_funders.items() if x["funder"] in who)})
    return sorted(out, key=lambda x: (-x["amount"], x["funder"]))


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _asks(money: dict[str, Any], months: int, without: list[str]) -> dict[str, Any]:
    """The planner's asks over the cliff window, the best ASK_LIMIT in full and the rest
    counted, with the plan's totals."""
    every = money["asks"]
    kept, rest = every[:ASK_LIMIT], every[ASK_LIMIT:]
    cur = money["currency"]
    return {
        "budget": money["budget"] if money["budget_given"] else None,
        "currency": cur, "months": months, "horizon_days": money["horizon_days"],
        "cost": money["spent"], "risk_removed": money["risk_removed"],
        "risk_total": money["risk_total"], "share_removed": money["share_removed"],
        "usage_split": {k: money["usage_split"][k] for k in ("spent", "risk_removed")},
        "candidates": money["candidates"], "find_out_first": len(money["find_out_first"]),
        "asks": kept, "count": len(every),
        "more": {"asks": len(rest), "components": sum(len(x["components"]) for x in rest),
                 "cost": round(sum(x["cost"] for x in rest), 2),
                 "risk_removed": round(sum(x["risk_removed"] for x in rest), 6)},
        "derivation": (
            ("Within a budget of " + f"{money['budget']:,.2f} {cur}" if money["budget_given"]
             else "What closing every gap costs")
            + ": kb plan over the cliff window (README, \"Planning\"): maintenance grants "
            "for components relied on and known to be unfunded or to lose funding, each "
            "costing its maintenance_cost a year (else the default), chosen to remove the "
            "most reliance-weighted risk; grants whose free riders are the same actors form "
            "one ask, best value (risk removed per unit of money) first. Shared components "
            "whose funding is unknown are not in any ask: find out first."
            + (f" Computed without the what-if (--without {', '.join(without)})."
               if without else "")),
    }


def _ask_lines(money: dict[str, Any], asks: dict[str, Any]) -> dict[str, str]:
    """Per component in some ask, the line its findings recommend; under "" the line for
    the others."""
    out: dict[str, str] = {}
    n, cur = len(money["asks"]), money["currency"]
    for x in money["asks"]:
        who = _names(x["actors"]) or "the current funders (nobody rides free)"
        line = (f"Ask {x['rank']} of {n}: {x['cost']:,.2f} {cur} for "
                f"{_names(x['components'])} removes {x['risk_removed']:,.1f}; ask {who}.")
        for c in x["components"]:
            out[c] = line
    for c in money["over_cap"]:
        out[c] = "Over the cap per component: no grant is planned."
    out[""] = (f"Not among the grants chosen within the budget of {money['budget']:,.2f} {cur}."
               if money["budget_given"] else "No planned grant removes measured risk here.")
    return out


def _names(items: list[str]) -> str:
    return names(items, 5)


def _recommendations(hollow: list[dict[str, Any]], nets: dict[str, Any],
                     agr: dict[str, Any], power: dict[str, Any], stage: dict[str, Any],
                     owners: dict[str, str], asks: dict[str, Any]) -> list[dict[str, Any]]:
    """The next steps: the asks, then a maintainer for each hollow core nobody maintains,
    agreements to amend, finish or sign, decisions to share, actors to connect (`hollow`
    are risk rows)."""
    cur = asks["currency"]
    recs: list[dict[str, Any]] = []
    for x in asks["asks"]:
        who = (_names(x["actors"]) or _names(x["funders_to_ask"])
               or "the current funders of the products relying on them")
        if x["actors"] and x["basis"] == "relying":
            who += " (who rely on them; who maintains them is unknown, so who rides free is too)"
        share = f", {x['share']:.1%} of the ecosystem's risk" if x["share"] is not None else ""
        recs.append({
            "finding": f"ask:{x['rank']}", "kind": "fund",
            "action": f"Ask {who} to fund {_names(x['components'])} for "
                      f"{'/'.join(str(m) for m in sorted(set(x['months'])))} months: "
                      f"{x['cost']:,.2f} {cur}, removing {x['risk_removed']:,.1f}{share}.",
            "actors": x["actors"] or x["funders_to_ask"], "components": x["components"],
            "cost": x["cost"],
            "risk_removed": x["risk_removed"], "share": x["share"],
            "derivation": "The actors relying on these components that fund and maintain "
                          "none of them (when there are none, the funders of the products "
                          "relying on them; where funding or maintenance is unknown, the "
                          "relying actors not known to fund them); the grants and their "
                          "effect come from kb plan, applied as a --fund what-if.",
        })
    for c in hollow:
        if c["maintainers"] == 0 and c["maintenance_known"]:
            ranked = c["reliant_actor_ids"]
            weight: dict[str, int] = defaultdict(int)
            for p in c["reliant_product_ids"]:
                weight[owners[p]] += 1
            ranked = sorted(set(ranked) | set(weight), key=lambda a: (-weight[a], a))
            recs.append({
                "finding": f"no_maintainer:{c['id']}", "kind": "find_maintainer",
                "action": f"Nobody maintains {c['id']}: agree a maintainer among "
                          f"{', '.join(ranked[:3])}.",
                "actors": ranked[:3],
                "derivation": "No MAINTAINS record active on the audit day; candidates are the "
                              "actors that rely on it most.",
            })
    for g in agr["agreements"]:
        if g["in_force"] and g["missing_severe"]:
            recs.append({
                "finding": f"agreement_missing:{g['id']}", "kind": "amend_agreement",
                "action": f"{_names(g['parties'])} should add "
                          f"{' and '.join(g['missing_severe'])} to {g['id']}.",
                "actors": g["parties"],
                "derivation": "An agreement in force whose scorecard areas lack what happens to "
                              "the code or the community after the initial funding; the "
                              "parties are its PARTY_TO actors.",
            })
        elif not g["is_signed"]:
            recs.append({
                "finding": f"unsigned:{g['id']}", "kind": "sign_agreement",
                "action": f"{_names(g['parties'])} should finish and sign {g['id']}.",
                "actors": g["parties"],
                "derivation": "The agreement has no signed date: it is a draft.",
            })
    for pid, net in nets.items():
        for gap in net["gaps"]:
            if gap["kind"] == "no_agreement":
                recs.append({
                    "finding": f"no_agreement:{pid}:{gap['actor']}", "kind": "sign_agreement",
                    "action": f"{net['owner']} and {gap['actor']} should sign an agreement about "
                              f"{pid} covering every scorecard area.",
                    "actors": [net["owner"], gap["actor"]],
                    "derivation": "The actor is in the product's inner value network but shares "
                                  "no signed agreement in force with the owner about it.",
                })
    for d in power["decided_alone"]:
        dec = next(x for x in power["decisions"] if x["id"] == d["decision"])
        others = dec["consulted"] + dec["informed"] + dec["absent"]
        recs.append({
            "finding": f"decided_alone:{d['decision']}", "kind": "share_decision",
            "action": f"Revisit '{d['topic']}' with {_names(others) or 'the other members'}:"
                      f" {d['actor']} decided alone.",
            "actors": [d["actor"], *others],
            "derivation": "Exactly one actor had the 'decided' voice; the others are those "
                          "recorded as consulted, informed or absent.",
        })
    if stage["stages"] and not stage["no_data"]:
        cut = stage["stages"][0]["cut_off"]
        if cut:
            recs.append({
                "finding": "cut_off", "kind": "connect",
                "action": f"Connect {_names(cut)} to the network: none has any tie yet.",
                "actors": cut,
                "derivation": "Actors without any TIE at the connection stage or higher.",
            })
    return recs


def _findings(hollow: list[dict[str, Any]], cliffs: list[dict[str, Any]],
              nets: dict[str, Any], agr: dict[str, Any],
              topo: dict[str, Any], power: dict[str, Any], stage: dict[str, Any],
              recs: list[dict[str, Any]], ask_lines: dict[str, str]) -> list[dict[str, Any]]:
    by_finding = {r["finding"]: r["action"] for r in recs}
    for c in hollow + cliffs:
        line = ask_lines.get(c["id"], ask_lines[""])
        by_finding[f"hollow_core:{c['id']}"] = by_finding[f"funding_cliff:{c['id']}"] = line
    out: list[dict[str, Any]] = []

    def add(fid: str, area: str, severity: str, subject: str, title: str, detail: str,
            score: int = 0) -> None:
        out.append({"id": fid, "area": area, "severity": severity, "subject": subject,
                    "title": title, "detail": detail, "score": score,
                    "recommendation": by_finding.get(fid, "")})

    for c in hollow:
        add(f"hollow_core:{c['id']}", "hollow_core", c["risk_level"], c["id"],
            f"{c['id']} is a hollow core",
            f"{c['reliant_actors']} actors and {c['reliant_products']} products rely "
            f"on it; nobody funds its maintenance; {c['maintainers']} active "
            f"maintainer(s), {c['paid_maintainers']} paid; reasons: {', '.join(c['reasons'])}",
            c["risk_score"])
    for c in cliffs:
        add(f"funding_cliff:{c['id']}", "funding", "high" if c["cliff_date"] else "medium",
            c["id"], f"{c['id']} loses its maintenance funding after {c['funded_until']}",
            f"funders: {', '.join(c['funders']) or 'paid maintainers only'}",
            c["risk_score"])
    for g in agr["agreements"]:
        if g["in_force"] and g["missing"]:
            sev = "high" if g["missing_severe"] else "medium"
            add(f"agreement_missing:{g['id']}", "agreements", sev, g["id"],
                f"{g['id']} misses {len(g['missing'])} scorecard area(s)",
                f"missing: {', '.join(g['missing'])}")
        if g["in_force"] and g["weak"]:
            add(f"agreement_weak:{g['id']}", "agreements",
                "high" if g["weak_severe"] else "medium", g["id"],
                f"{g['id']} covers {len(g['weak'])} area(s) weakly",
                f"scored 1 or less for comprehensiveness or clarity: {', '.join(g['weak'])}")
        if not g["is_signed"]:
            add(f"unsigned:{g['id']}", "agreements", "high", g["id"],
                f"{g['id']} is an unsigned draft", f"parties: {', '.join(g['parties'])}")
    for pid, net in nets.items():
        for gap in net["gaps"]:
            if gap["kind"] == "no_agreement":
                add(f"no_agreement:{pid}:{gap['actor']}", "agreements", "medium", pid,
                    f"{gap['actor']} works on {pid} without a signed agreement", gap["detail"])
    if topo["classification"] == "hub_and_spoke":
        add("funding_hub", "funding", "medium", topo["largest_hub"] or "",
            f"funding runs hub-and-spoke through {topo['largest_hub']}", topo["reason"])
    for d in power["decided_alone"]:
        add(f"decided_alone:{d['decision']}", "power", "medium", d["decision"],
            f"{d['actor']} decided '{d['topic']}' alone", "one 'decided' voice")
    for n in power["ivn_never_at_table"]:
        add(f"never_at_table:{n['product']}", "power", "low", n["product"],
            f"{len(n['actors'])} member(s) of {n['product']}'s network never at the table",
            ", ".join(n["actors"]))
    if stage["stages"] and stage["stages"][0]["cut_off"] and not stage["no_data"]:
        add("cut_off", "network_stage", "low", "network",
            f"{len(stage['stages'][0]['cut_off'])} actor(s) cut off from the network",
            ", ".join(stage["stages"][0]["cut_off"]))
    out.sort(key=lambda f: (SEVERITY_ORDER[f["severity"]], -f["score"], f["id"]))
    return out


def _summary(comps: list[dict[str, Any]], hollow: list[dict[str, Any]],
             cliffs: list[dict[str, Any]], agr: dict[str, Any], topo: dict[str, Any],
             power: dict[str, Any], stage: dict[str, Any], findings: list[dict[str, Any]],
             as_of: str) -> dict[str, Any]:
    critical_hollow = [c for c in hollow if c["risk_level"] == "critical"]
    severe = [g for g in agr["agreements"] if g["in_force"] and g["missing_severe"]]
    drafts = [g for g in agr["agreements"] if not g["is_signed"]]
    soon = [c for c in cliffs if (date.fromisoformat(c["funded_until"])
                                  - date.fromisoformat(as_of)).days < 90]

    def status(critical: bool, warning: bool) -> str:
        return "critical" if critical else "warning" if warning else "good"

    unknown_cores = sum(1 for c in comps if c["shared"] and not c["funding_known"])
    shared = sum(1 for c in comps if c["shared"])
    funding_known = shared - unknown_cores

    reached = stage["stage"]
    health = {
        "hollow_core": {"status": status(bool(critical_hollow), bool(hollow))
                        if hollow or not unknown_cores else "no_data",
                        "detail": f"{len(hollow)} hollow core(s), {len(critical_hollow)} "
                                  "critical"
                                  + (f"; funding unknown for {unknown_cores} shared "
                                     "component(s)" if unknown_cores else "")},
        "funding": {"status": "no_data" if not funding_known and not cliffs else status(
                        bool(soon), bool(cliffs) or topo["classification"] == "hub_and_spoke"),
                    "detail": f"{len(cliffs)} cliff(s) in the window, {len(soon)} within 90 "
                              f"days; funding is {topo['classification']}"
                              + (f"; funding known for {funding_known} of {shared} shared "
                                 "component(s)" if funding_known < shared else "")},
        "agreements": {"status": "no_data" if not agr["agreements"] else status(
                           bool(severe or drafts), any(g["missing"] for g in agr["agreements"])),
                       "detail": "no agreement is recorded" if not agr["agreements"] else
                                 f"{len(severe)} in force without code/community after "
                                 f"funding; {len(drafts)} unsigned draft(s)"},
        "power": {"status": "no_data" if not power["decisions"] else status(
                      False, bool(power["decided_alone"] or power["ivn_never_at_table"])),
                  "detail": "no decision is recorded" if not power["decisions"] else
                            f"{len(power['decided_alone'])} decision(s) taken alone"},
        "network_stage": {"status": "no_data" if stage["no_data"] else status(
                              reached is None, reached in ("connection", "knowledge_sharing")),
                          "detail": "no tie is recorded and no source covers ties: the stage "
                                    "is unknown" if stage["no_data"] else
                                    f"stage reached: {reached or 'none'}"},
    }
    figures = {
        "components": len(comps), "shared_components": sum(c["shared"] for c in comps),
        "hollow_cores": len(hollow), "funding_cliffs": len(cliffs),
        "free_riders": len({a for c in comps for a in c["free_riders"]}),
        "agreements": len(agr["agreements"]),
        "agreements_in_force": sum(g["in_force"] for g in agr["agreements"]),
        "funding_entering": topo["entering"], "currency": topo["currency"],
        "hub_share": topo["hub_share"], "herfindahl": topo["herfindahl"],
        "decisions": len(power["decisions"]), "decided_alone": len(power["decided_alone"]),
        # for `kb audit trend`, over every component even when the audit lists fewer
        "critical": sum(c["risk_level"] == "critical" for c in comps),
        "funded_share": (round(sum(c["funded"] for c in known) / len(known), 4)
                         if (known := [c for c in comps if c["shared"] and c["funding_known"]])
                         else None),
    }
    return {"health": health, "figures": figures, "urgent": findings[:5]}
