"""`kb generate`: a synthetic valuenet/1 ecosystem shaped like real package ecosystems.

Components sit on levels 0..LEVELS-1 (level 0: foundational libraries, few; the top level:
application-facing packages, many), and each depends only on lower levels, so dependency
depth stays within LEVELS like a real lockfile. Dependencies are picked by preferential
attachment (probability grows with the in-degree a component already has), which gives the
power-law in-degree of real registries: a few components that nearly everything reaches.
The ratios of the other sections are in RATIOS and docs/benchmarks.md. The same seed gives
the same file.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from pathlib import Path
from typing import Any

from kb.ingest.model import SECTIONS, Area

LEVELS = 8
LEVEL_GROWTH = 2.2  # each level holds this many times the components of the one below
RATIOS: dict[str, Any] = {
    "products_per_component": 1 / 100,  # 1,000 products at 100k components
    "owners_per_product": 1 / 2,
    "built_on_per_product": (5, 25),  # top-level components each product is built on
    "funders_per_component": 1 / 5000,
    "maintained_share": 0.8,  # components with at least one maintainer
    "paid_share": 0.08,  # of maintenance records
    "maintenance_funded_share": 0.03,  # components with a maintenance funding flow
    "direct_reliance_per_component": 1 / 100,
    "agreements_per_product": 1.5,
}
AREAS = [a.value for a in Area]


def _level_sizes(n: int) -> list[int]:
    weights = [LEVEL_GROWTH ** i for i in range(LEVELS)]
    total = sum(weights)
    sizes = [max(1, int(n * w / total)) for w in weights]
    sizes[-1] += n - sum(sizes)
    return sizes


def generate(components: int, seed: int = 1, mean_deps: float = 10.0) -> dict[str, Any]:
    """A whole valuenet/1 document with `components` components and about
    `components * mean_deps` dependency edges."""
    if components < 10:
        raise ValueError("generate at least 10 components")
    rng = random.Random(seed)
    sizes = _level_sizes(components)
    level_of: list[int] = []
    for lvl, size in enumerate(sizes):
        level_of += [lvl] * size
    # Preferential attachment: an "urn" holding each lower component once plus once per
    # dependant; drawing from it favours components that are already depended upon.
    urn: list[int] = []
    deps: list[list[int]] = []
    start = 0
    for lvl, size in enumerate(sizes):
        for _ in range(start, start + size):
            want = 0 if lvl == 0 else min(start, max(1, round(rng.expovariate(1 / mean_deps))))
            chosen: set[int] = set()
            tries = 0
            while len(chosen) < want and tries < want * 4:
                tries += 1
                chosen.add(urn[rng.randrange(len(urn))])
            deps.append(sorted(chosen))
        for i in range(start, start + size):  # this level becomes available to the next
            urn.append(i)
            urn.extend(deps[i])
        start += size
    cid = [f"pkg:generic/c{i:06d}" for i in range(components)]
    doc: dict[str, Any] = {
        "format": "valuenet/1",
        "ecosystem": {"id": f"generated-{components}-{seed}",
                      "name": f"Generated ecosystem ({components} components, seed {seed})",
                      "currency": "USD",
                      # a synthetic ecosystem knows everything about itself
                      "covers": ["funding", "maintenance", "ties", "agreements"]},
    }
    n_products = max(3, round(components * RATIOS["products_per_component"]))
    n_owners = max(2, round(n_products * RATIOS["owners_per_product"]))
    n_funders = max(2, round(components * RATIOS["funders_per_component"]))
    n_people = max(5, components // 20)
    actors = [{"id": f"org-{i:05d}", "name": f"Organisation {i}", "kind": "organization"}
              for i in range(n_owners)]
    actors += [{"id": f"funder-{i:04d}", "name": f"Funder {i}", "kind": "organization"}
               for i in range(n_funders)]
    actors += [{"id": f"dev-{i:05d}", "name": f"Developer {i}", "kind": "individual"}
               for i in range(n_people)]
    top = range(components - sizes[-1], components)
    products = []
    for i in range(n_products):
        lo, hi = RATIOS["built_on_per_product"]
        k = min(len(top), rng.randint(lo, hi))
        products.append({"id": f"product-{i:05d}", "name": f"Product {i}",
                         "owner": f"org-{i % n_owners:05d}",
                         "built_on": sorted(cid[j] for j in rng.sample(top, k))})
    comps = [{"id": cid[i], "name": f"component {i}", "depends_on": [cid[j] for j in deps[i]]}
             for i in range(components)]
    maintenance: list[dict[str, Any]] = []
    for i in range(components):
        if rng.random() >= RATIOS["maintained_share"]:
            continue
        for person in rng.sample(range(n_people), rng.choice((1, 1, 1, 2, 2, 3))):
            maintenance.append({"actor": f"dev-{person:05d}", "component": cid[i],
                                "role": "lead" if not maintenance or rng.random() < 0.5
                                else "core",
                                "paid": rng.random() < RATIOS["paid_share"]})
    relies = sorted({(f"org-{rng.randrange(n_owners):05d}", cid[rng.randrange(components)])
                     for _ in range(round(components * RATIOS["direct_reliance_per_component"]))})
    fundings: list[dict[str, Any]] = []
    for f in range(n_funders):  # each funder pays a lead agency, which passes part on
        lead = f"org-{rng.randrange(n_owners):05d}"
        gid = f"grant-{f:04d}"
        fundings.append({"id": gid, "from": f"funder-{f:04d}", "to": lead, "amount": 500000,
                         "start": "2025-01-01", "end": "2027-12-31", "kind": "grant",
                         "purpose": "product", "for": [products[f % n_products]["id"]]})
        for s in range(3):
            fundings.append({"id": f"{gid}-sub{s}", "from": lead,
                             "to": f"org-{rng.randrange(n_owners):05d}", "amount": 50000,
                             "start": "2025-01-01", "end": "2026-12-31", "kind": "subgrant",
                             "purpose": "development", "parent": gid,
                             "for": [products[rng.randrange(n_products)]["id"]]})
    funded = rng.sample(range(components),
                        max(1, round(components * RATIOS["maintenance_funded_share"])))
    for k, i in enumerate(sorted(funded)):
        end = ["2026-06-30", "2026-12-31", "2027-06-30", None][k % 4]
        flow: dict[str, Any] = {"id": f"maint-{k:05d}", "from": f"funder-{k % n_funders:04d}",
                                "to": f"dev-{rng.randrange(n_people):05d}", "amount": 20000,
                                "start": "2024-01-01", "kind": "grant",
                                "purpose": "maintenance", "for": [cid[i]]}
        if end:
            flow["end"] = end
        fundings.append(flow)
    agreements = []
    for i, p in enumerate(products):
        for j in range(1 if rng.random() < 0.5 else 2):
            areas = sorted(rng.sample(AREAS, rng.randint(2, len(AREAS))))
            partner = f"org-{rng.randrange(n_owners):05d}"
            parties = sorted({str(p["owner"]), partner})
            if len(parties) < 2:
                continue
            ag: dict[str, Any] = {"id": f"ag-{i:05d}-{j}", "kind": "mou", "parties": parties,
                                  "concerns": [p["id"]], "areas": areas}
            if rng.random() < 0.85:
                ag.update(signed="2025-01-15", start="2025-02-01", end="2027-01-31")
            agreements.append(ag)
    involvement = [{"actor": f"org-{rng.randrange(n_owners):05d}", "product": p["id"],
                    "develops": True} for p in products[: max(1, n_products // 2)]]
    involvement = [x for x in involvement
                   if x["actor"] != next(p["owner"] for p in products if p["id"] == x["product"])]
    pairs: set[tuple[str, str]] = set()
    for _ in range(n_owners):
        x, y = sorted((f"org-{rng.randrange(n_owners):05d}", f"org-{rng.randrange(n_owners):05d}"))
        pairs.add((x, y))
    ties = sorted(pairs)
    stages = ["connection", "knowledge_sharing", "coordination", "collaboration"]
    doc.update(
        actors=actors, products=products, components=comps,
        relies_on=[{"actor": a, "component": c} for a, c in relies],
        maintenance=_dedupe(maintenance, "actor", "component"), agreements=agreements,
        fundings=fundings,
        involvement=_dedupe(involvement, "actor", "product"),
        exchanges=[{"from": f"funder-{i % n_funders:04d}", "to": f"org-{i:05d}",
                    "gives": "money", "kind": "tangible"} for i in range(min(n_owners, 50))],
        decisions=[{"id": f"decision-{i:04d}", "topic": f"Roadmap {i}", "date": "2025-06-01",
                    "about": [products[i]["id"]],
                    "voices": {products[i]["owner"]: "decided"}}
                   for i in range(min(n_products, 20))],
        ties=[{"between": list(t), "stage": stages[k % 4]} for k, t in enumerate(ties)
              if t[0] != t[1]],
    )
    return doc


def _dedupe(records: list[dict[str, Any]], *keys: str) -> list[dict[str, Any]]:
    """Records with the first of each combination of `keys` kept."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for r in records:
        key = tuple(r[k] for k in keys)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def depth_and_degrees(doc: dict[str, Any]) -> dict[str, Any]:
    """In-degree distribution and depth of the dependency graph, for calibration."""
    comps = doc["components"]
    indeg: Counter[str] = Counter(d for c in comps for d in c["depends_on"])
    edges = sum(indeg.values())
    return {"components": len(comps), "edges": edges,
            "max_in_degree": max(indeg.values(), default=0),
            "in_degree": sorted(indeg.values(), reverse=True)}


def write_csv(doc: dict[str, Any], folder: Any) -> None:
    """Write a document as the CSV folder form of valuenet/1."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "ecosystem.csv").open("w", newline="") as fh:
        w = csv.DictWriter(fh, ["id", "name", "currency", "covers"])
        w.writeheader()
        w.writerow({k: _cell(v) for k, v in doc["ecosystem"].items()})
    for section, model in SECTIONS.items():
        records = doc.get(section) or []
        if not records:
            continue
        fields = [f.alias or name for name, f in model.model_fields.items()]
        with (out / f"{section}.csv").open("w", newline="") as fh:
            w = csv.DictWriter(fh, fields)
            w.writeheader()
            for r in records:
                w.writerow({k: _cell(v) for k, v in r.items()})


def _score(x: dict[str, Any]) -> str:
    """An area score in a CSV cell: COMPREHENSIVE/CLEAR[/NOTE]."""
    return "/".join(str(p) for p in (x.get("comprehensive"), x.get("clear"), x.get("note"))
                    if p is not None)


def _cell(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return ";".join(map(str, v))
    if isinstance(v, dict):
        return ";".join(f"{k}={_score(x) if isinstance(x, dict) else x}" for k, x in v.items())
    return "" if v is None else str(v)
