"""Any dependency-edge CSV, with a column mapping."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from kb.ingest.identity import package, versioned
from kb.ingest.importers import Context, ImportFailed, document, read_text, repo_url, slug

NAME = "edges-csv"
SUMMARY = ("dependency edges from any CSV (--map from=COL,to=COL[,product=COL,owner=COL,"
           "package=COL])")
TELLS = ("Which component depends on which, and (with product= and owner= columns) which "
         "product is built on which component and who owns it. With package=, a column of "
         "package URLs, the `to` repository is the code of that package: the package "
         "resolves to it. Nothing about funding or maintenance.")
COVERS = 'Nothing: dependency edges only; funding and maintenance stay unknown.'


def _col(row: dict[str, str], spec: str) -> str:
    """A mapped value: one column, or several joined with '/' (`owner+name`)."""
    return "/".join(row[c].strip() for c in spec.split("+"))


def transform(path: Path, ctx: Context) -> dict[str, Any]:
    """Edges become DEPENDS_ON; with a product column, products BUILT_ON the `to` side."""
    m = ctx.mapping
    if "from" not in m or "to" not in m:
        raise ImportFailed(f"{path}: edges-csv needs --map from=COLUMN,to=COLUMN "
                           "(join columns with +, e.g. to=package_repo_owner+package_repo_name)")
    text = read_text(path, "a CSV file")
    reader = csv.DictReader(io.StringIO(text))
    cols = set(reader.fieldnames or [])
    missing = sorted({c for k, spec in m.items() if k != "prefix" for c in spec.split("+")}
                     - cols)
    if missing:
        raise ImportFailed(f"{path}: no column {', '.join(missing)}; columns are "
                           f"{', '.join(sorted(cols))}")
    prefix = m.get("prefix", "")
    components: dict[str, dict[str, Any]] = {}
    products: dict[str, dict[str, Any]] = {}
    actors: dict[str, dict[str, Any]] = {}

    def comp(key: str) -> str:
        cid = (repo_url(prefix + key) or prefix + key) if (prefix + key).startswith("http") \
            else prefix + key
        rec = components.setdefault(cid, {"id": cid, "name": key, "depends_on": []})
        if cid.startswith("https://"):
            rec["repo"] = cid  # the id is the repository's URL
        return cid

    def note_package(cid: str, text: str) -> None:
        """The `to` side's package URL (package=COL): the package resolves to this codebase."""
        parsed = package(text)
        if parsed is None:
            return
        c = components[cid]
        c["packages"] = sorted({*c.get("packages", []), parsed[0]})
        if (v := versioned(*parsed)) is not None:
            c["versions"] = sorted({*c.get("versions", []), v})

    for row in reader:
        dst = comp(_col(row, m["to"]))
        if "package" in m:
            note_package(dst, _col(row, m["package"]))
        if "product" in m:
            pid = "product:" + _col(row, m["product"])
            owner = ctx.owner or (slug(_col(row, m["owner"])) if "owner" in m else None)
            if owner is None:
                raise ImportFailed(f"{path}: a product column needs an owner: --map owner=COL "
                                   "or --owner ID")
            actors.setdefault(owner, {"id": owner, "name": owner, "kind": "organization"})
            p = products.setdefault(pid, {"id": pid, "name": _col(row, m["product"]),
                                          "owner": owner, "built_on": []})
            if dst not in p["built_on"]:
                p["built_on"].append(dst)
        else:
            src = comp(_col(row, m["from"]))
            if dst not in components[src]["depends_on"] and dst != src:
                components[src]["depends_on"].append(dst)
    return document(f"edges-csv:{path.name}", f"Edges from {path.name}",
                    actors=list(actors.values()), products=list(products.values()),
                    components=list(components.values()))
