"""npm package-lock.json, lockfile versions 2 and 3."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kb.ingest.identity import fold, package, versioned
from kb.ingest.importers import Context, ImportFailed, attach, document, read_json
from kb.ingest.importers.shape import ANY, MapOf, check

_DEPS = MapOf(str)
SHAPE = {"lockfileVersion": int,
         "packages": MapOf({"name": str, "version": str, "link": bool, "license": ANY,
                            "funding": ANY, "dependencies": _DEPS, "devDependencies": _DEPS,
                            "optionalDependencies": _DEPS, "peerDependencies": _DEPS})}

NAME = "npm-lock"
SUMMARY = "npm package-lock.json v1-v3 and workspaces: packages, dependency edges, funding channels"
TELLS = ("Which packages a product is built on (its direct dependencies) and which package "
         "depends on which. A package's `funding` field is a channel where money can be "
         "given (GitHub Sponsors, Open Collective, Tidelift, a URL), recorded on the "
         "component as `funding_channels`: it says nothing about whether anyone pays, so it "
         "never makes a component funded. A version 1 lockfile does not list the project's "
         "own dependencies: the packages nothing else in it requires stand in for them.")
COVERS = 'Nothing: a lockfile says which code depends on which, not who funds or maintains it.'


def purl(name: str, version: str | None) -> str:
    """The package URL of an npm package (of one version when `version` is given)."""
    enc = name.replace("@", "%40", 1) if name.startswith("@") else name
    return f"pkg:npm/{enc}" + (f"@{version}" if version else "")


def package_id(name: str) -> str:
    """The component id of an npm package: its canonical package URL without version."""
    parsed = package(purl(name, None))
    return parsed[0] if parsed else purl(name, None)


SHAPE_V1: dict[str, Any] = {"name": str, "version": str}
_V1_ENTRY: dict[str, Any] = {"version": str, "requires": MapOf(str), "dev": bool,
                             "optional": bool}
_V1_ENTRY["dependencies"] = MapOf(_V1_ENTRY)
SHAPE_V1["dependencies"] = MapOf(_V1_ENTRY)


def v1_packages(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A version 1 lockfile's nested `dependencies` as version 2's flat `packages`: one entry
    per install path, its `requires` as its dependencies. The root's own dependencies are not
    in a version 1 file; the packages no other package requires stand in for them."""
    packages: dict[str, dict[str, Any]] = {}

    def walk(deps: dict[str, Any], base: str) -> None:
        for name, entry in deps.items():
            key = f"{base}node_modules/{name}"
            ver = entry.get("version")
            local = isinstance(ver, str) and ver.startswith(("file:", "link:"))
            packages[key] = {"name": name, "version": None if local else ver,
                             "dependencies": dict(entry.get("requires") or {})}
            walk(entry.get("dependencies") or {}, key + "/")

    walk(data.get("dependencies") or {}, "")
    required = {dep for pkg in packages.values() for dep in pkg["dependencies"]}
    top = [k.removeprefix("node_modules/") for k in packages
           if k.count("node_modules/") == 1 and k.removeprefix("node_modules/") not in required]
    packages[""] = {"name": data.get("name"), "version": data.get("version"),
                    "dependencies": {name: "*" for name in sorted(top)}}
    return packages


def _name(key: str) -> str:
    return key.rsplit("node_modules/", 1)[-1]


def transform(path: Path, ctx: Context) -> dict[str, Any]:
    """Components keyed by package URL; the product is the lockfile's root package."""
    data = read_json(path, "an npm package-lock.json")
    if not isinstance(data, dict) or "lockfileVersion" not in data:
        raise ImportFailed(f"{path}: not an npm package-lock.json (no lockfileVersion)")
    version = data["lockfileVersion"]
    if version not in (1, 2, 3):
        raise ImportFailed(f"{path}: lockfile version {version} is not supported; run "
                           "`npm install --lockfile-version 3` to upgrade it")
    if version == 1:
        check(path, data, SHAPE_V1, "an npm package-lock.json (version 1)")
        packages = v1_packages(data)
        ctx.notes.append(f"{path}: a version 1 lockfile does not list the project's own "
                         "dependencies; the product is taken as built on the packages nothing "
                         "else in the file requires")
    else:
        check(path, data, SHAPE, "an npm package-lock.json")
        packages = data.get("packages") or {}
    root = packages.get("", {})
    ids: dict[str, str] = {}
    # A workspace folder's entry may leave out its name; the link to it carries the name.
    linked = {pkg.get("resolved"): _name(key) for key, pkg in packages.items()
              if key and pkg.get("link")}
    for key, pkg in packages.items():
        if key and not pkg.get("link"):
            ids[key] = package_id(pkg.get("name") or linked.get(key) or _name(key))
    for key, pkg in packages.items():
        # A workspace or `file:` dependency: node_modules/x links to the folder holding x,
        # whose own entry is the component.
        if key and pkg.get("link"):
            target = pkg.get("resolved")
            if isinstance(target, str) and target in ids:
                ids[key] = ids[target]
            else:
                ctx.skip(f"{path}: skipped {key}: it links to {target!r}, which the "
                                 "lockfile does not list")

    def resolve(from_key: str, dep: str) -> str | None:
        # npm's lookup: node_modules/dep next to the dependant, then up the tree.
        base = from_key
        while True:
            cand = f"{base}/node_modules/{dep}" if base else f"node_modules/{dep}"
            if cand in ids:
                return ids[cand]
            if not base:
                return None
            base = base.rsplit("/node_modules/", 1)[0] if "/node_modules/" in base else ""

    def deps_of(pkg: dict[str, Any]) -> list[str]:
        return [*pkg.get("dependencies", {}), *pkg.get("optionalDependencies", {})]

    components = []
    for key, pkg in packages.items():
        if not key or pkg.get("link"):
            continue
        name = pkg.get("name") or linked.get(key) or _name(key)
        comp: dict[str, Any] = {"id": ids[key], "name": name, "packages": [ids[key]],
                                "depends_on": sorted({d for d in (resolve(key, x) for x in
                                                                  deps_of(pkg)) if d})}
        raw_version = pkg.get("version")
        version = versioned(ids[key], raw_version) if isinstance(raw_version, str) \
            and "://" not in raw_version else None
        if version:
            comp["versions"] = [version]
        if pkg.get("license"):
            comp["license"] = str(pkg["license"])
        channels = funding_channels(pkg)
        if channels:
            comp["funding_channels"] = channels
        components.append(comp)
    components = fold(components)  # one package installed at several paths or versions
    product_id = ctx.product or purl(root.get("name") or path.parent.name, root.get("version"))
    direct = [*root.get("dependencies", {}), *root.get("devDependencies", {}),
              *root.get("optionalDependencies", {})]
    owner = ctx.owner or "unknown-owner"
    product = {"id": product_id, "name": root.get("name") or product_id, "owner": owner,
               "built_on": sorted({d for d in (resolve("", x) for x in direct) if d})}
    actors = [{"id": owner, "name": owner, "kind": "organization"}]
    product, actors = attach(ctx, product, actors)
    return document(f"npm-lock:{product_id}", f"npm lockfile of {product['name']}",
                    actors=actors, products=[product], components=components)


def funding_channels(pkg: dict[str, Any]) -> list[str]:
    """The declared funding channels of one package entry, as URLs."""
    f = pkg.get("funding")
    items = f if isinstance(f, list) else [f] if f else []
    out = []
    for it in items:
        url = it.get("url") if isinstance(it, dict) else it
        if isinstance(url, str):
            out.append(url)
    return out
