"""One component per codebase (issue 18): packages resolve to the repository holding their
code, whatever order the sources arrive in.

The data: the deepfunding v2 dependency graph (its `package_url` column beside the
`dependency_repo` column says which repository holds each package's code), the DPG registry
and Aam Digital's npm lockfile, attached to the registry's product. Expected values are read
from the files here with plain csv/json walks."""

from __future__ import annotations

import csv
import json
from typing import Any
from urllib.parse import unquote

import pytest

from kb.ingest import imports
from tests.conftest import SHARED

DATA = SHARED / "data"
V2 = DATA / "deepfunding" / "dependency-graph-v2.csv"
LOCK = DATA / "npm-lockfile" / "aam-digital-ndb-core-package-lock.json"
DPG = sorted((DATA / "dpg-nominees").glob("*.json"))
V2_MAP = {"from": "seed_repo", "to": "dependency_repo", "package": "package_url"}


def run(driver: Any, settings: Any, which: str) -> None:
    if which == "v2":
        imports.run(driver, "edges-csv", [V2], mapping=V2_MAP, settings=settings)
    elif which == "dpg":
        imports.run(driver, "dpg", DPG, settings=settings)
    else:
        imports.run(driver, "npm-lock", [LOCK], product="dpg:aam-digital", settings=settings)


def rows(driver: Any, cypher: str) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(cypher)
    return [r.data() for r in records]


def ws_versions() -> set[str]:
    """Every version of ws the two files name, as they name it."""
    lock = json.loads(LOCK.read_text())["packages"]
    found = {f"pkg:npm/ws@{v['version']}" for k, v in lock.items()
             if k.rsplit("node_modules/", 1)[-1] == "ws"}
    with V2.open() as f:
        found |= {unquote(r["package_url"]) for r in csv.DictReader(f)
                  if r["dependency_repo"] == "https://github.com/websockets/ws"
                  and "@" in r["package_url"]}
    return found


@pytest.mark.parametrize("order", [("v2", "dpg", "lock"), ("dpg", "lock", "v2")])
def test_ws_is_one_codebase_in_either_order(empty_kb, settings, order) -> None:
    for which in order:
        run(empty_kb, settings, which)
    ws = rows(empty_kb, "MATCH (c:Component) WHERE 'pkg:npm/ws' IN c.packages OR "
                        "c.id STARTS WITH 'pkg:npm/ws@' OR c.id = 'pkg:npm/ws' "
                        "RETURN c.id AS id, c.versions AS versions, c._sources AS sources")
    assert len(ws) == 1 and ws[0]["id"] == "https://github.com/websockets/ws"
    assert {unquote(v) for v in ws[0]["versions"]} == ws_versions()
    assert sorted(ws[0]["sources"]) == ["edges-csv:dependency-graph-v2.csv",
                                        "npm-lock:dpg:aam-digital"]
    # The lockfile hangs under the registry's product, whose owner stays the registry's.
    product = rows(empty_kb, "MATCH (p:Product {id: 'dpg:aam-digital'}) "
                             "OPTIONAL MATCH (o)-[:OWNS]->(p) RETURN p.name AS name, "
                             "collect(o.id) AS owners, COUNT { (p)-[:BUILT_ON]->() } AS built")
    lock = json.loads(LOCK.read_text())["packages"]
    root = lock[""]
    direct = {*root.get("dependencies", {}), *root.get("devDependencies", {})}
    assert product[0]["name"] == "Aam Digital" and product[0]["owners"] == ["unknown-owner"]
    # Built on the registry's repository and the lockfile's direct dependencies (some of
    # which resolve to one monorepo, so at most that many).
    assert 1 < product[0]["built"] <= len(direct) + 1
    assert not rows(empty_kb, "MATCH (p:Product) WHERE p.id STARTS WITH 'pkg:npm/ndb-core' "
                              "RETURN p.id AS id")


def test_the_order_of_imports_does_not_change_the_graph(empty_kb, settings) -> None:
    def shape() -> tuple[set[str], set[tuple[str, str, str]]]:
        ids = {r["id"] for r in rows(empty_kb, "MATCH (c:Component) RETURN c.id AS id")}
        edges = {(r["a"], r["t"], r["b"]) for r in rows(
            empty_kb, "MATCH (a:Entity)-[r:DEPENDS_ON|BUILT_ON]->(b:Entity) "
                      "RETURN a.id AS a, type(r) AS t, b.id AS b")}
        return ids, edges

    from kb.store import schema

    for which in ("v2", "lock"):
        run(empty_kb, settings, which)
    first = shape()
    schema.reset(empty_kb, settings)
    for which in ("lock", "v2"):
        run(empty_kb, settings, which)
    assert shape() == first
    assert not any(a == b for a, _, b in first[1])  # no codebase depends on itself
    merged = rows(empty_kb, "MATCH (m:Merged) RETURN count(m) AS n")[0]["n"]
    assert merged > 0  # the second order merged the lockfile's packages into repositories
