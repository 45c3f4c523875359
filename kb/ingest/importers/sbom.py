"""Software bills of materials: CycloneDX JSON and XML 1.2-1.6 and SPDX 2.2/2.3, JSON and
tag-value."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kb.ingest.identity import fold, package_component
from kb.ingest.importers import (
    Context,
    ImportFailed,
    attach,
    cyclonedx_xml,
    document,
    parse_text,
    read_text,
    repo_url,
    slug,
    spdx_tv,
)
from kb.ingest.importers.shape import Required, check

CDX_VERSIONS = ("1.2", "1.3", "1.4", "1.5", "1.6")
SBOM_TELLS = ("Which components a product is built on (its direct dependencies), which "
              "component depends on which, and who supplies or wrote a component where the "
              "SBOM names them (recorded as its maintainers; an SBOM cannot tell whether "
              "they are paid, so they count as volunteers). Nothing about funding.")
SBOM_COVERS = ("Nothing beyond its records: suppliers and authors it names make a component's "
               "maintenance known; a component it names none for stays unknown. Not funding.")


_TEXT_OR_NUMBER = (str, int, float)
CDX_COMPONENT: dict[str, Any] = {
    "bom-ref": str, "name": _TEXT_OR_NUMBER, "version": _TEXT_OR_NUMBER, "purl": str,
    "licenses": [dict], "supplier": {"name": str}, "author": str, "authors": [{"name": str}],
    "publisher": str, "externalReferences": [{"type": str, "url": str}],
}
CDX_COMPONENT["components"] = [CDX_COMPONENT]
CDX_SHAPE = {
    "bomFormat": str, "specVersion": _TEXT_OR_NUMBER,
    "metadata": {"component": CDX_COMPONENT},
    "components": [CDX_COMPONENT],
    "dependencies": [{"ref": Required(str), "dependsOn": [str]}],
}
# SPDX relationship types that say one element needs another: A needs B, or B is needed by A.
SPDX_NEEDS = {"DEPENDS_ON", "DYNAMIC_LINK", "STATIC_LINK"}
SPDX_NEEDED_BY = {"DEPENDENCY_OF", "RUNTIME_DEPENDENCY_OF", "BUILD_DEPENDENCY_OF",
                  "DEV_DEPENDENCY_OF", "OPTIONAL_DEPENDENCY_OF", "PROVIDED_DEPENDENCY_OF",
                  "TEST_DEPENDENCY_OF"}
SPDX_SHAPE = {
    "spdxVersion": str, "name": str, "documentDescribes": [str],
    "packages": [{"SPDXID": Required(str), "name": _TEXT_OR_NUMBER,
                  "versionInfo": _TEXT_OR_NUMBER, "supplier": str, "downloadLocation": str,
                  "licenseConcluded": str, "licenseDeclared": str,
                  "externalRefs": [{"referenceType": str, "referenceLocator": str}]}],
    "relationships": [{"spdxElementId": Required(str), "relationshipType": Required(str),
                       "relatedSpdxElement": Required(str)}],
}


def _component(name: str, version: str | None, purl: str | None, ref: str,
               repo: str | None = None) -> dict[str, Any]:
    """A component of the codebase a package resolves to (kb.ingest.identity): the
    repository when the SBOM names it, else the package URL without version; an element
    without a package URL is known by its name and version only."""
    comp = package_component(purl, name, repo)
    if comp is None:
        comp = {"id": repo_url(repo) or f"sbom:{slug(name)}@{version or 'unversioned'}",
                "name": name}
        if repo:
            comp["repo"] = repo_url(repo)
    return comp | {"_ref": ref}


def _repo_of_download(location: str | None) -> str | None:
    """An SPDX downloadLocation that is a source repository (a VCS URL or a code host)."""
    if not location or location in ("NOASSERTION", "NONE"):
        return None
    if location.startswith(("git+", "git://", "git@")) or re.match(
            r"^https?://(github\.com|gitlab\.com|bitbucket\.org)/[^/]+/[^/]+", location):
        # git+https://host/path.git@v1.0#sub: the repository is before the @revision.
        return repo_url(re.sub(r"@[^/:]*$", "", location.split("#")[0]))
    return None


def _finish(path: Path, kind: str, ctx: Context, product_name: str, product_ref: str | None,
            comps: dict[str, dict[str, Any]], deps: dict[str, list[str]],
            people: dict[str, list[tuple[str, str]]],
            product_repo: str | None = None) -> dict[str, Any]:
    ids = {ref: c["id"] for ref, c in comps.items()}
    dangling = sorted({d for ref, ds in deps.items() for d in [ref, *ds]
                       if d not in ids and d != product_ref})
    if dangling:
        shown = ", ".join(dangling[:5]) + (f" and {len(dangling) - 5} more"
                                           if len(dangling) > 5 else "")
        ctx.skip(f"{path}: skipped the dependency relationships of {len(dangling)} "
                         f"element(s) the file does not define: {shown}")
    records: dict[str, list[dict[str, Any]]] = {}
    for ref, c in comps.items():
        if ref == product_ref:
            continue
        rec = {k: v for k, v in c.items() if not k.startswith("_")}
        rec["depends_on"] = sorted({ids[d] for d in deps.get(ref, []) if d in ids
                                    and d != product_ref and ids[d] != rec["id"]})
        records.setdefault(rec["id"], []).append(rec)
    direct = deps.get(product_ref or "", []) if product_ref else []
    if product_ref and not direct:
        # No dependencies given for the product: it is built on what nothing else in the
        # file depends on (everything, in a file without dependencies).
        depended = {d for ref, ds in deps.items() if ref != product_ref for d in ds}
        direct = [r for r in comps if r != product_ref and r not in depended]
        if deps:
            ctx.notes.append(f"{path}: the file gives no dependencies of its product "
                             f"{product_name!r}; it is taken as built on the {len(direct)} "
                             "package(s) nothing else in the file depends on")
    owner = ctx.owner or "unknown-owner"
    product = {"id": ctx.product or f"product:{slug(product_name)}", "name": product_name,
               "owner": owner, "built_on": sorted({ids[d] for d in direct if d in ids
                                                   and d != product_ref})}
    actors = [{"id": owner, "name": owner if ctx.owner else
               "Unknown owner (not named by the source)", "kind": "organization"}]
    if product_repo is None and product_ref in comps:
        product_repo = comps[product_ref].get("repo")
    product, actors = attach(ctx, product, actors, product_repo)
    maintenance = []
    for ref, names in people.items():
        if ref not in ids or ref == product_ref:
            continue
        for n, kind in names:
            aid = ctx.actor_id(n)
            actors.append({"id": aid, "name": n, "kind": kind})
            maintenance.append({"actor": aid, "component": ids[ref], "role": "lead",
                                "paid": False})
    return document(f"{kind}:{path.name}", f"{kind} SBOM of {product_name}", actors=actors,
                    products=[product],
                    components=fold([r for rs in records.values() for r in rs]),
                    maintenance=maintenance)


def cyclonedx(path: Path, ctx: Context) -> dict[str, Any]:
    """Components keyed by purl; DEPENDS_ON from dependencies[]; the product is the BOM's
    metadata component, built on its direct dependencies."""
    text = read_text(path, "a CycloneDX SBOM (JSON or XML)")
    if cyclonedx_xml.looks_like_xml(text):
        data = cyclonedx_xml.read(path, text)
    else:
        data = parse_text(path, text, "a CycloneDX JSON SBOM", "json")
    if not isinstance(data, dict) or data.get("bomFormat") != "CycloneDX":
        raise ImportFailed(f"{path}: not a CycloneDX JSON SBOM (no \"bomFormat\": \"CycloneDX\")")
    version = str(data.get("specVersion", ""))
    if version not in CDX_VERSIONS:
        raise ImportFailed(f"{path}: CycloneDX {version or '(no specVersion)'} is not "
                           f"supported; use {', '.join(CDX_VERSIONS)}")
    check(path, data, CDX_SHAPE, "a CycloneDX JSON SBOM")
    meta = (data.get("metadata") or {}).get("component") or {}
    comps: dict[str, dict[str, Any]] = {}
    people: dict[str, list[tuple[str, str]]] = {}

    def walk(items: list[dict[str, Any]]) -> None:
        for c in items:
            ref = c.get("bom-ref") or c.get("purl") or f"{c.get('name')}@{c.get('version')}"
            version = None if c.get("version") is None else str(c["version"])
            vcs = [x.get("url") for x in c.get("externalReferences") or []
                   if x.get("type") == "vcs" and x.get("url")]
            # The repository holding the component's code, as the SBOM names it.
            comps[ref] = _component(str(c.get("name") or ref), version, c.get("purl"), ref,
                                    vcs[0] if vcs else None)
            lic = [x.get("license", {}).get("id") for x in c.get("licenses") or []
                   if isinstance(x, dict)]
            if lic and lic[0]:
                comps[ref]["license"] = lic[0]
            names: list[tuple[str, str]] = []
            if isinstance(c.get("supplier"), dict) and c["supplier"].get("name"):
                names.append((c["supplier"]["name"], "organization"))
            if isinstance(c.get("publisher"), str) and c["publisher"].strip():
                names.append((c["publisher"].strip(), "organization"))
            if isinstance(c.get("author"), str) and c["author"].strip():
                names.append((c["author"].strip(), "individual"))
            names += [(a["name"], "individual") for a in c.get("authors") or []
                      if a.get("name")]
            if names:
                people[ref] = names
            walk(c.get("components") or [])

    walk(data.get("components") or [])
    product_ref = meta.get("bom-ref") if meta else None
    deps = {d["ref"]: d.get("dependsOn") or [] for d in data.get("dependencies") or []
            if isinstance(d, dict) and "ref" in d}
    meta_vcs = [x.get("url") for x in meta.get("externalReferences") or []
                if x.get("type") == "vcs" and x.get("url")]
    return _finish(path, "cyclonedx", ctx, meta.get("name") or path.stem, product_ref, comps,
                   deps, people, repo_url(meta_vcs[0]) if meta_vcs else None)


def spdx(path: Path, ctx: Context) -> dict[str, Any]:
    """Packages keyed by their purl external reference; DEPENDS_ON and DEPENDENCY_OF
    relationships; the product is what the document DESCRIBES."""
    text = read_text(path, "an SPDX 2.2 or 2.3 document (JSON or tag-value)")
    if spdx_tv.looks_like(text):
        try:
            data: Any = spdx_tv.read(text)
        except spdx_tv.TagValueError as exc:
            raise ImportFailed(f"{path}: {exc}; expected an SPDX tag-value document") from None
        if "spdxVersion" not in data:
            raise ImportFailed(f"{path}: no SPDXVersion line; expected an SPDX tag-value "
                               "document")
    else:
        data = parse_text(path, text, "an SPDX 2.2 or 2.3 JSON document", "json")
    if not isinstance(data, dict) or "spdxVersion" not in data:
        raise ImportFailed(f"{path}: not an SPDX JSON document (no spdxVersion)")
    if data["spdxVersion"] not in ("SPDX-2.2", "SPDX-2.3"):
        raise ImportFailed(f"{path}: {data['spdxVersion']} is not supported; use SPDX-2.2 or "
                           "SPDX-2.3 (JSON or tag-value)")
    check(path, data, SPDX_SHAPE, "an SPDX 2.2 or 2.3 document")
    comps: dict[str, dict[str, Any]] = {}
    people: dict[str, list[tuple[str, str]]] = {}
    for p in data.get("packages") or []:
        ref = p["SPDXID"]
        purl = next((r["referenceLocator"] for r in p.get("externalRefs") or []
                     if r.get("referenceType") == "purl"), None)
        version = None if p.get("versionInfo") is None else str(p["versionInfo"])
        comps[ref] = _component(str(p.get("name") or ref), version, purl, ref,
                                _repo_of_download(p.get("downloadLocation")))
        lic = p.get("licenseConcluded") or p.get("licenseDeclared")
        if lic and lic not in ("NOASSERTION", "NONE"):
            comps[ref]["license"] = lic
        sup = p.get("supplier") or ""
        m = re.match(r"^(Organization|Person):\s*(.+?)\s*(\(.*\))?$", sup)
        if m:
            people[ref] = [(m.group(2), "individual" if m.group(1) == "Person"
                            else "organization")]
    deps: dict[str, list[str]] = {}
    described = list(data.get("documentDescribes") or [])
    unread: dict[str, int] = {}
    for r in data.get("relationships") or []:
        a, kind, b = r.get("spdxElementId"), r.get("relationshipType"), r.get(
            "relatedSpdxElement")
        if kind in SPDX_NEEDS:
            deps.setdefault(a, []).append(b)
        elif kind in SPDX_NEEDED_BY:
            deps.setdefault(b, []).append(a)
        elif kind == "DESCRIBES" and a == "SPDXRef-DOCUMENT":
            described.append(b)
        elif kind == "DESCRIBED_BY" and b == "SPDXRef-DOCUMENT":
            described.append(a)
        else:
            unread[kind] = unread.get(kind, 0) + 1
    if unread:
        ctx.notes.append(f"{path}: {sum(unread.values())} relationship(s) not read as "
                         "dependencies (they do not say that one package needs another): "
                         + ", ".join(f"{n} {k}" for k, n in sorted(unread.items())))
    product_ref = described[0] if described else None
    name = comps[product_ref]["name"] if product_ref in comps else data.get("name", path.stem)
    if len(set(described)) > 1:
        # The document describes several packages: the product is the document itself,
        # built on each of them.
        product_ref = "SPDXRef-DOCUMENT"
        deps.setdefault(product_ref, []).extend(d for d in described if d not in
                                                deps.get(product_ref, []))
        name = str(data.get("name") or path.stem)
    return _finish(path, "spdx", ctx, name, product_ref, comps, deps, people)
