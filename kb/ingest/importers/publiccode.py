"""publiccode.yml (publiccodeYmlVersion 0.2 onward): public software and who keeps it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kb.ingest.importers import (
    Context,
    ImportFailed,
    attach,
    document,
    read_yaml,
    repo_url,
    slug,
)
from kb.ingest.importers.shape import ANY, OneOf, Required, check

_NAMED = {"name": Required(str)}
SHAPE = {"publiccodeYmlVersion": (str, float, int), "name": str, "url": str,
         "legal": {"repoOwner": str, "mainCopyrightOwner": str, "license": str},
         "dependsOn": {"open": [ANY]},
         "maintenance": {"type": OneOf("contract", "internal", "community", "none"),
                         "contractors": [{"name": Required(str), "until": ANY}],
                         "contacts": [_NAMED]},
         "fundedBy": [(str, dict)], "usedBy": [(str, int, float)],
         "it": {"riuso": {"codiceIPA": (str, int)}}}

NAME = "publiccode"
SUMMARY = "publiccode.yml 0.2+: the software, its owner, maintainers, funders, users, dependencies"
TELLS = ("The software (a component, and a product owned by `legal.repoOwner`, or without "
         "one by the Italian administration its `it.riuso.codiceIPA` names, built on it); "
         "`maintenance.type`: `contract` makes each of `maintenance.contractors` a paid "
         "maintainer until its `until` date, paid by a maintenance contract from the owner "
         "(a funding flow of unknown amount, which the maintenance record names in "
         "`paid_by`), `internal` makes the owner a paid maintainer (its own means), "
         "`community` and the `maintenance.contacts` are volunteers, `none` means nobody; "
         "`fundedBy` becomes funding flows of unknown amount and purpose `unknown` (the file "
         "does not say what the money paid for, so they never make it funded); `usedBy` "
         "actors rely on it; `dependsOn.open` become its dependencies.")
COVERS = ('Maintenance of the software it describes, when `maintenance.type` is given: the file '
          'states who maintains it, and `none` means it is known to have no maintainer. Not '
          'funding.')
VERSION = re.compile(r"^0\.([2-9]|[1-9]\d)(\.\d+)?$")


def transform(path: Path, ctx: Context) -> dict[str, Any]:
    """One component and one product, with maintenance, funding, reliance and dependencies."""
    data = read_yaml(path, "a publiccode.yml")
    if not isinstance(data, dict) or "publiccodeYmlVersion" not in data:
        raise ImportFailed(f"{path}: not a publiccode.yml (no publiccodeYmlVersion)")
    version = str(data["publiccodeYmlVersion"])
    if not VERSION.match(version):
        raise ImportFailed(f"{path}: publiccodeYmlVersion {version} is not supported; "
                           "0.2 onward is")
    check(path, data, SHAPE, "a publiccode.yml")
    name = data.get("name") or path.parent.name
    cid = repo_url(data.get("url")) or f"publiccode:{slug(name)}"
    legal = data.get("legal") or {}
    owner_name = legal.get("repoOwner") or legal.get("mainCopyrightOwner")
    ipa = ((data.get("it") or {}).get("riuso") or {}).get("codiceIPA")
    if ctx.owner:
        owner, owner_label = ctx.owner, ctx.owner
    elif owner_name:
        owner, owner_label = ctx.actor_id(owner_name), owner_name
    elif ipa:  # Italy's index of public administrations names the owner by its code
        owner = f"ipa:{slug(str(ipa))}"
        owner_label = f"Italian public administration, IPA code {ipa}"
    else:
        owner, owner_label = "unknown-owner", "Unknown owner (not named by the source)"
    actors = [{"id": owner, "name": owner_label,
               "kind": "government" if ipa and not owner_name and not ctx.owner
               else "organization"}]
    deps = []
    components = []
    for d in (data.get("dependsOn") or {}).get("open") or []:
        if isinstance(d, dict) and d.get("name"):
            did = f"publiccode:{slug(d['name'])}"
            deps.append(did)
            components.append({"id": did, "name": d["name"]})
    comp: dict[str, Any] = {"id": cid, "name": name, "depends_on": deps}
    if data.get("url"):
        comp["repo"] = repo_url(data["url"])
    if legal.get("license"):
        comp["license"] = legal["license"]
    components.insert(0, comp)
    product = {"id": ctx.product or f"product:{slug(name)}", "name": name, "owner": owner,
               "built_on": [cid]}
    m = data.get("maintenance") or {}
    kind = m.get("type")
    if kind in ("contract", "internal", "community", "none"):
        comp["covers"] = ["maintenance"]  # the file states how it is maintained, or that not
    maintenance: list[dict[str, Any]] = []
    contracts: list[dict[str, Any]] = []
    if kind == "contract":
        for c in m.get("contractors") or []:
            aid = ctx.actor_id(c["name"])
            actors.append({"id": aid, "name": c["name"], "kind": "business"})
            # The owner pays the contractor to maintain it: a maintenance contract, which the
            # paid record names (what-ifs follow the money).
            fid = f"publiccode-contract:{slug(name)}:{aid}"
            contract: dict[str, Any] = {"id": fid, "from": owner, "to": aid, "kind": "contract",
                                        "purpose": "maintenance", "for": [cid]}
            rec: dict[str, Any] = {"actor": aid, "component": cid, "role": "lead", "paid": True,
                                   "paid_by": [fid]}
            if c.get("until"):
                rec["until"] = contract["end"] = str(c["until"])
            contracts.append(contract)
            maintenance.append(rec)
    elif kind == "internal":
        maintenance.append({"actor": owner, "component": cid, "role": "lead", "paid": True})
    if kind not in (None, "none"):
        for c in m.get("contacts") or []:
            aid = ctx.actor_id(c["name"])
            actors.append({"id": aid, "name": c["name"], "kind": "individual"})
            maintenance.append({"actor": aid, "component": cid, "role": "core",
                                "paid": False})
    fundings = list(contracts)
    for f in data.get("fundedBy") or []:
        fname = f.get("name") if isinstance(f, dict) else str(f)
        if not fname:
            continue
        aid = ctx.actor_id(fname)
        actors.append({"id": aid, "name": fname, "kind": "organization"})
        fundings.append({"id": f"publiccode-funding:{slug(name)}:{aid}", "from": aid,
                         "to": owner, "kind": "grant", "purpose": "unknown", "for": [cid]})
    relies = []
    for u in data.get("usedBy") or []:
        aid = ctx.actor_id(str(u))
        actors.append({"id": aid, "name": str(u), "kind": "organization"})
        relies.append({"actor": aid, "component": cid})
    attached, kept = attach(ctx, product, actors, cid if cid.startswith("https://") else None)
    if attached["id"] != product["id"] or attached["owner"] != product["owner"]:
        if owner == "unknown-owner":  # the file names no owner; the KB's product does
            for rec in [*maintenance, *fundings]:
                for key in ("actor", "from", "to"):
                    if rec.get(key) == owner:
                        rec[key] = attached["owner"]
            actors = kept
        else:  # the file's own owner stays its word
            attached = {**attached, "owner": owner}
        product = attached
    return document(f"publiccode:{cid}", f"publiccode.yml of {name}", actors=actors,
                    products=[product], components=components, maintenance=maintenance,
                    fundings=fundings, relies_on=relies)
