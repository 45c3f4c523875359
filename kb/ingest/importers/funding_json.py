"""The funding.json manifest (fundingjson.org, v1.x): who asks for money for which projects,
through which channels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kb.ingest.importers import (
    Context,
    ImportFailed,
    document,
    read_json,
    repo_url,
    slug,
    with_channels,
)
from kb.ingest.importers.shape import ANY, Required, check

NAME = "funding-json"
SUMMARY = "funding.json manifest (fundingjson.org): projects and their funding channels"
TELLS = ("The projects an entity asks money for (each a component, its repository the id) and "
         "the channels through which money can be given to them, recorded as the components' "
         "`funding_channels`; the entity itself becomes an actor. A channel or a plan says "
         "that money is asked for, not that any is given: neither makes a component funded, "
         "and the plans (amounts asked, how often) are listed in the import's notes.")
COVERS = 'Nothing: a manifest says that money is asked for, not that any is given.'

_URL = {"url": str}
SHAPE = {
    "version": Required(str),
    "entity": Required({"type": str, "role": str, "name": Required(str), "webpageUrl": _URL}),
    "projects": [{"guid": Required(str), "name": Required(str), "webpageUrl": _URL,
                  "repositoryUrl": _URL, "licenses": [str], "description": str, "tags": [ANY]}],
    "funding": Required({
        "channels": [{"guid": Required(str), "type": str, "address": str,
                      "description": str}],
        "plans": [{"guid": str, "status": str, "name": str, "amount": (int, float),
                   "currency": str, "frequency": str, "channels": [str]}],
        "history": [ANY]}),
}
KINDS = {"individual": "individual", "group": "group", "organisation": "organization",
         "organization": "organization", "other": "organization"}


def _not_a_manifest(path: Path, data: Any) -> ImportFailed:
    if isinstance(data, dict) and "drips" in data:
        return ImportFailed(f"{path}: this is a Drips FUNDING.json (it claims a repository "
                            "for Drips), not a funding.json manifest; it names no funding "
                            "channels to import")
    if isinstance(data, dict) and "opRetro" in data:
        return ImportFailed(f"{path}: this is an Optimism RetroPGF project claim, not a "
                            "funding.json manifest; it names no funding channels to import")
    return ImportFailed(f"{path}: not a funding.json manifest (fundingjson.org): it needs "
                        "'version', 'entity' and 'funding'")


def transform(path: Path, ctx: Context) -> dict[str, Any]:
    """One component per project, with the manifest's channels; the entity as an actor."""
    data = read_json(path, "a funding.json manifest")
    if not isinstance(data, dict) or not {"version", "entity", "funding"} <= set(data):
        raise _not_a_manifest(path, data)
    if not str(data["version"]).startswith(("v1.", "1.")):
        raise ImportFailed(f"{path}: funding.json version {data['version']} is not supported; "
                           "v1.x is")
    check(path, data, SHAPE, "a funding.json manifest")
    entity, funding = data["entity"], data["funding"]
    channels = []
    for ch in funding.get("channels") or []:
        address = (ch.get("address") or "").strip()
        if address.startswith(("http://", "https://")):
            channels.append(address)
        elif address:
            channels.append(f"{ch.get('type') or 'channel'}:{address}")
        else:
            ctx.skip(f"{path}: channel {ch['guid']!r} has no address; skipped")
    for plan in funding.get("plans") or []:
        amount = plan.get("amount", "an unstated amount")
        # The format's own rule: 0 is a wildcard for "any amount".
        asked = (f"any amount in {plan.get('currency', '')}" if amount == 0
                 else f"{amount} {plan.get('currency', '')}")
        ctx.notes.append(
            f"{path}: plan {plan.get('name') or plan.get('guid')!r} asks {asked} "
            f"{plan.get('frequency', '')} ({plan.get('status', 'status not given')}); "
            "an ask, not money given")
    components = []
    for project in data.get("projects") or []:
        repo = repo_url((project.get("repositoryUrl") or {}).get("url"))
        cid = repo or f"funding-json:{slug(project['guid'])}"
        new: dict[str, Any] = {"id": cid, "name": project["name"]}
        if repo:
            new["repo"] = repo
        record = with_channels(ctx, new, channels)
        licences = [x.removeprefix("spdx:") for x in project.get("licenses") or []]
        if licences and "license" not in record:
            record["license"] = licences[0]
        components.append(record)
    if not components:
        ctx.notes.append(f"{path}: the manifest lists no projects; nothing to attach its "
                         "channels to")
    actor = {"id": ctx.actor_id(entity["name"]), "name": entity["name"],
             "kind": KINDS.get(str(entity.get("type", "")).lower(), "organization")}
    return document(f"funding-json:{path.name}", f"funding.json of {entity['name']}",
                    actors=[actor], components=components)
