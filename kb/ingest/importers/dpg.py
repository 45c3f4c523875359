"""Digital Public Goods registry nominee JSON (one file per product)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kb.ingest.importers import Context, ImportFailed, document, read_json, repo_url, slug
from kb.ingest.importers.shape import Required, check

SHAPE = {"name": Required(str),
         "organizations": [{"name": Required(str), "org_type": str}],
         "repositories": [{"url": str}]}

NAME = "dpg"
SUMMARY = "DPG registry nominee JSON: products, organisations and their roles"
TELLS = ("Which organisation owns, maintains, funds or implements each product, and the "
         "product's repositories. Maintainers and implementers develop the product, and "
         "funders perform the function `funding` for it, so all of them are in its inner "
         "value network. Not amounts, dates or what funding was for: a funder "
         "becomes a funding flow of unknown amount and purpose `unknown` (marked so), which "
         "never counts as maintenance funding. An entry without an owner is owned by the "
         "actor `unknown-owner`.")
COVERS = ("Nothing beyond its records: organisations it names as maintainers make the "
          "maintenance of the product's repositories known; a repository it names no "
          "maintainer for stays unknown.")


def transform(path: Path, ctx: Context) -> dict[str, Any]:
    """The product, its repositories as components, and one record per organisation role."""
    data = read_json(path, "a DPG registry nominee (an object with name and organizations)")
    if not isinstance(data, dict) or "name" not in data or "organizations" not in data:
        raise ImportFailed(f"{path}: not a DPG nominee file (no 'name' and 'organizations')")
    check(path, data, SHAPE, "a DPG registry nominee")
    pid = "dpg:" + slug(data["name"])
    orgs = data.get("organizations") or []
    owners = [o for o in orgs if o.get("org_type") == "owner"]
    owner = ctx.owner or (ctx.actor_id(owners[0]["name"]) if owners else None)
    actors, maintenance, fundings, involvement = [], [], [], []
    repos = [repo_url(r.get("url")) for r in data.get("repositories") or [] if r.get("url")]
    components = [{"id": r, "name": r.rsplit("/", 1)[-1], "repo": r} for r in repos if r]
    for o in orgs:
        aid = ctx.actor_id(o["name"])
        actors.append({"id": aid, "name": o["name"], "kind": "organization"})
        role = o.get("org_type")
        if role == "maintainer":
            maintenance += [{"actor": aid, "component": c["id"], "role": "lead", "paid": False}
                            for c in components]
            involvement.append({"actor": aid, "product": pid, "develops": True})
        elif role == "funder":
            # An aliased funder's funding keeps the id it had before the alias (made of the
            # name), so that the merge and later imports name the same record.
            fid = slug(o["name"]) if o["name"] in ctx.aliases else aid
            fundings.append({"id": f"dpg-funding:{slug(data['name'])}:{fid}", "from": aid,
                             "to": owner or "unknown-owner", "kind": "grant",
                             "purpose": "unknown", "for": [pid]})
            involvement.append({"actor": aid, "product": pid, "performs": ["funding"]})
        elif role == "implementer":
            involvement.append({"actor": aid, "product": pid, "develops": True})
    if owner is None:  # the registry entry names no owner: say so rather than guess
        owner = "unknown-owner"
        actors.append({"id": owner, "name": "Unknown owner (not named by the source)",
                       "kind": "organization"})
        for f in fundings:
            f["to"] = owner
    if ctx.owner:
        actors.append({"id": ctx.owner, "name": ctx.owner, "kind": "organization"})
    product = {"id": pid, "name": data["name"], "owner": owner,
               "built_on": [c["id"] for c in components]}
    involvement = [x for x in involvement if x["actor"] != owner]
    return document(f"dpg:{path.stem}", f"DPG nominee {data['name']}", actors=actors,
                    products=[product], components=components, maintenance=maintenance,
                    fundings=fundings, involvement=involvement)
