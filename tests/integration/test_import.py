"""Importers on the real files in ../shared/data, with counts read independently (json, csv)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from kb import analysis
from tests.conftest import SHARED

DATA = SHARED / "data"
LOCK = DATA / "npm-lockfile" / "aam-digital-ndb-core-package-lock.json"
EDGES_MAP = ("product=seed_repo_owner+seed_repo_name,owner=seed_repo_owner,"
             "to=package_repo_owner+package_repo_name,from=seed_repo_name,"
             "prefix=https://github.com/")


def norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def counts(driver, settings) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from kb.store import db

    return db.run(driver, "counts", settings=settings)[0]  # type: ignore[no-any-return]


def test_list_shows_every_format_a_line_each(kb_cli) -> None:  # type: ignore[no-untyped-def]
    lines = kb_cli("import", "--list").stdout.splitlines()
    assert [x.split()[0] for x in lines] == ["cyclonedx", "spdx", "npm-lock", "publiccode",
                                              "funding-yml", "funding-json", "maintainers",
                                              "dpg", "grants-csv", "edges-csv", "git-log"]


def test_npm_lockfile(kb_cli, empty_kb, settings) -> None:  # type: ignore[no-untyped-def]
    lock = json.loads(LOCK.read_text())
    pkgs = {k: v for k, v in lock["packages"].items() if k and not v.get("link")}
    # One component per package (npm package URLs are lower-case), its versions listed.
    names = {(v.get("name") or k.rsplit("node_modules/", 1)[-1]).lower() for k, v in pkgs.items()}
    versions = {((v.get("name") or k.rsplit("node_modules/", 1)[-1]).lower(), v.get("version"))
                for k, v in pkgs.items()}
    root = lock["packages"][""]
    # Direct dependencies as (name, version): an npm alias (`x-cjs` installed as `x`) is the
    # same package as `x` at that version.
    direct = {(lock["packages"][f"node_modules/{n}"].get("name") or n).lower()
              for n in [*root.get("dependencies", {}), *root.get("devDependencies", {}),
                        *root.get("optionalDependencies", {})]
              if f"node_modules/{n}" in lock["packages"]}
    funded = {(v.get("name") or k.rsplit("node_modules/", 1)[-1]).lower()
              for k, v in pkgs.items() if v.get("funding")}
    res = kb_cli("import", "npm-lock", str(LOCK), "--owner", "aam-digital", "--format", "json")
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)
    assert report["sections"]["components"]["created"] == len(names)
    seen, _, _ = empty_kb.execute_query(
        "MATCH (c:Component) RETURN sum(size(c.versions)) AS n", database_=settings.neo4j_database)
    assert seen[0]["n"] == len(versions)
    rows, _, _ = empty_kb.execute_query(
        "MATCH (p:Product)-[:BUILT_ON]->(c) RETURN count(c) AS n, p.id AS id",
        database_=settings.neo4j_database)
    assert rows[0]["n"] == len(direct) and rows[0]["id"].startswith("pkg:npm/ndb-core")
    chan, _, _ = empty_kb.execute_query(
        "MATCH (c:Component) WHERE c.funding_channels IS NOT NULL RETURN count(c) AS n",
        database_=settings.neo4j_database)
    assert chan[0]["n"] == len(funded)
    # A funding channel is not funding: nothing is funded.
    risk = analysis.risk(empty_kb, "2026-06-15", settings=settings).data["components"]
    assert not any(c["funded"] for c in risk)
    again = json.loads(kb_cli("import", "npm-lock", str(LOCK), "--owner", "aam-digital",
                              "--format", "json").stdout)
    assert again["totals"]["created"] == 0 and again["totals"]["updated"] == 0


def test_dpg_registry(kb_cli, empty_kb, settings) -> None:  # type: ignore[no-untyped-def]
    files = sorted((DATA / "dpg-nominees").glob("*.json"))
    entries = [json.loads(f.read_text()) for f in files]
    orgs = {norm(o["name"]) for e in entries for o in e["organizations"]}
    funder_pairs = {(e["name"], norm(o["name"])) for e in entries for o in e["organizations"]
                    if o["org_type"] == "funder"}
    no_owner = [e for e in entries if not any(o["org_type"] == "owner"
                                              for o in e["organizations"])]
    res = kb_cli("import", "dpg", *map(str, files), "--format", "json")
    assert res.returncode == 0, res.stderr[-500:]
    c = counts(empty_kb, settings)
    assert c["products"] == len(entries) == 228
    assert c["actors"] == len(orgs) + (1 if no_owner else 0)
    assert c["fundings"] == len(funder_pairs)
    dupes = json.loads(res.stdout)["likely_duplicates"]
    pairs = {frozenset((d["a_name"], d["b_name"])) for d in dupes}
    assert frozenset(("UNICEF Venture Fund", "UNICEF Ventures Fund")) in pairs


def test_alias_merges_names(kb_cli, empty_kb, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert kb_cli("alias", "add", "UNICEF Venture Fund", "unicef-ventures-fund").returncode == 0
    files = [f for f in (DATA / "dpg-nominees").glob("*.json")
             if "UNICEF Venture" in f.read_text()]
    assert kb_cli("import", "dpg", *map(str, files)).returncode == 0
    rows, _, _ = empty_kb.execute_query(
        "MATCH (a:Actor) WHERE a.name STARTS WITH 'UNICEF Venture' RETURN a.id AS id",
        database_=settings.neo4j_database)
    assert {r["id"] for r in rows} == {"unicef-ventures-fund"}


def test_grants_csv(kb_cli, empty_kb, settings) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "oss-funding" / "funding_data.csv"
    with path.open(newline="") as fh:
        rows = [r for r in csv.DictReader(fh)
                if r["to_project_name"].strip() and r["from_funder_name"].strip()
                and float(r["amount"] or 0) > 0]
    res = kb_cli("import", "grants-csv", str(path), "--format", "json")
    assert res.returncode == 0, res.stderr[-500:]
    assert counts(empty_kb, settings)["fundings"] == len(rows)
    total, _, _ = empty_kb.execute_query("MATCH (f:Funding) RETURN sum(f.amount) AS s",
                                         database_=settings.neo4j_database)
    assert total[0]["s"] == pytest.approx(sum(float(r["amount"]) for r in rows))
    # Every row and every unit of money is accounted for, the skipped ones with their lines.
    with path.open(newline="") as fh:
        every = list(csv.DictReader(fh))
    nameless = [i for i, r in enumerate(every, start=2)
                if not (r["to_project_name"].strip() and r["from_funder_name"].strip())]
    money = [max(float(r["amount"] or 0), 0.0) for r in every]
    skipped_money = sum(money[i - 2] for i in nameless)
    notes = json.loads(res.stdout)["notes"]
    assert (f"{len(nameless)} row(s) skipped: no recipient or no funder name (lines "
            f"{', '.join(map(str, nameless[:5]))} ...); together they hold "
            f"{skipped_money:,.2f} of the {sum(money):,.2f} the file's {len(every)} row(s) "
            "give") in notes
    assert (f"{path}: {len(every)} row(s) read giving {sum(money):,.2f} in all; {len(rows)} "
            f"funding flow(s) of {sum(float(r['amount']) for r in rows):,.2f} imported") in notes


def test_deepfunding_end_to_end(kb_cli, empty_kb, settings) -> None:  # type: ignore[no-untyped-def]
    edges_file = DATA / "deepfunding" / "unweighted_graph.csv"
    with edges_file.open(newline="") as fh:
        edges = list(csv.DictReader(fh))
    deps = {(r["package_repo_owner"] + "/" + r["package_repo_name"]).lower() for r in edges}
    seeds = {(r["seed_repo_owner"], r["seed_repo_name"]) for r in edges}
    ws_owners = {r["seed_repo_owner"] for r in edges
                 if (r["package_repo_owner"], r["package_repo_name"]) == ("websockets", "ws")}
    res = kb_cli("import", "edges-csv", str(edges_file), "--map", EDGES_MAP)
    assert res.returncode == 0, res.stderr[-800:]
    c = counts(empty_kb, settings)
    assert (c["products"], c["components"]) == (len(seeds), len(deps))
    stats = DATA / "deepfunding" / "repo_and_funding_stats.csv"
    res = kb_cli("import", "grants-csv", str(stats), "--map",
                 "to=url,component=url,amount=gitcoin_grants_usd,from=const:Gitcoin Grants,"
                 "purpose=const:maintenance", "--format", "json")
    assert res.returncode == 0, res.stderr[-800:]
    with stats.open(newline="") as fh:
        granted = {r["url"].lower() for r in csv.DictReader(fh)
                   if float(r["gitcoin_grants_usd"] or 0) > 0}
    in_graph = {u for u in granted if u.removeprefix("https://github.com/") in deps}
    assert counts(empty_kb, settings)["fundings"] == len(in_graph)
    risk = {x["id"]: x for x in analysis.risk(empty_kb, "2026-06-15",
                                              settings=settings).data["components"]}
    ws = risk["https://github.com/websockets/ws"]
    assert ws["shared"] and ws["hollow_core"] and not ws["funded"]
    assert ws["reliant_actors"] == len({norm(o) for o in ws_owners}) and len(ws_owners) >= 2
    funded = {i for i, x in risk.items() if x["funded"]}
    assert funded == {f"https://github.com/{d}" for d in deps
                      if f"https://github.com/{d}" in in_graph}
    # Unknown is not none: nothing in these files says who maintains anything, and the grants
    # file names 1,452 repositories (zeros included), so only those have known funding.
    with stats.open(newline="") as fh:
        named = {r["url"].lower() for r in csv.DictReader(fh)}
    assert not any("no_maintainer" in x["reasons"] for x in risk.values())
    assert all("maintenance_unknown" in x["reasons"] for x in risk.values())
    assert not any(x["risk_level"] == "critical" for x in risk.values())
    known = {i for i, x in risk.items() if x["funding_known"]}
    assert known == {f"https://github.com/{d}" for d in deps} & named
    # The top 20: the most relied-upon repositories known to be unfunded, with reliance
    # counted here from the CSV (distinct seed owners, then distinct seeds, then id).
    owners_of: dict[str, set[str]] = {}
    seeds_of: dict[str, set[tuple[str, str]]] = {}
    for r in edges:
        cid = "https://github.com/" + (r["package_repo_owner"] + "/"
                                       + r["package_repo_name"]).lower()
        owners_of.setdefault(cid, set()).add(norm(r["seed_repo_owner"]))
        seeds_of.setdefault(cid, set()).add((r["seed_repo_owner"], r["seed_repo_name"]))
    unfunded = [c for c in owners_of if c in named and c not in granted]
    expected = sorted(unfunded, key=lambda c: (-len(owners_of[c]), -len(seeds_of[c]), c))[:20]
    ranked = analysis.risk(empty_kb, "2026-06-15", settings=settings).data["components"][:20]
    assert [x["id"] for x in ranked] == expected
    assert [x["reliant_actors"] for x in ranked] == [len(owners_of[c]) for c in expected]
    assert all(x["reasons"][0] == "unfunded" and x["confidence"] == "medium" for x in ranked)


@pytest.mark.parametrize(("fmt", "content", "message"), [
    ("npm-lock", b'{"lockfileVersion": 4, "packages": {}}',
     "lockfile version 4 is not supported"),
    ("npm-lock", b'{"lockfileVersion": 3, "packages": {', "malformed JSON"),
    ("npm-lock", b"", "the file is empty (0 bytes)"),
    ("npm-lock", b"\x00\x01\x02\x03", "this is a binary file"),
    ("npm-lock", b'{"name": "x", "organizations": []}', "not an npm package-lock.json"),
    ("dpg", b'{"lockfileVersion": 3}', "not a DPG nominee file"),
    ("grants-csv", b"a,b\n1,2\n", "not a grants CSV: no column"),
    ("edges-csv", b"a,b\n1,2\n", "edges-csv needs --map from=COLUMN,to=COLUMN"),
])
def test_bad_files_get_one_line_and_write_nothing(kb_cli, empty_kb, settings, tmp_path: Path,
                                                  fmt: str, content: bytes,
                                                  message: str) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "input"
    f.write_bytes(content)
    res = kb_cli("import", fmt, str(f))
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert message in res.stderr.splitlines()[0]
    assert counts(empty_kb, settings)["components"] == 0


def test_unknown_format_lists_the_valid_ones(kb_cli) -> None:  # type: ignore[no-untyped-def]
    res = kb_cli("import", "cyclonedx-xml", "x")
    assert res.returncode == 1
    assert ("Valid formats: cyclonedx, spdx, npm-lock, publiccode, funding-yml, funding-json, "
            "maintainers, dpg, grants-csv, edges-csv, git-log") in res.stderr


SBOM = Path(__file__).resolve().parent.parent / "fixtures" / "sbom"


def test_cyclonedx(kb_cli, empty_kb, settings) -> None:  # type: ignore[no-untyped-def]
    path = SBOM / "app.cdx.json"
    bom = json.loads(path.read_text())
    res = kb_cli("import", "cyclonedx", str(path), "--owner", "clinic-org", "--format", "json")
    assert res.returncode == 0, res.stderr[-500:]
    c = counts(empty_kb, settings)
    assert c["components"] == len(bom["components"]) and c["products"] == 1
    edges = sum(len(d["dependsOn"]) for d in bom["dependencies"] if d["ref"] != "clinic-app")
    rows, _, _ = empty_kb.execute_query(
        "MATCH ()-[d:DEPENDS_ON]->() RETURN count(d) AS n UNION ALL "
        "MATCH (:Product)-[b:BUILT_ON]->() RETURN count(b) AS n",
        database_=settings.neo4j_database)
    assert [r["n"] for r in rows] == [edges, 2]
    m, _, _ = empty_kb.execute_query(
        "MATCH (a:Actor)-[:MAINTAINS {paid: false}]->(c) RETURN a.name AS a, a.kind AS k, "
        "c.id AS c ORDER BY a", database_=settings.neo4j_database)
    assert [(r["a"], r["k"], r["c"]) for r in m] == [
        ("Douglas Wilson", "individual", "pkg:npm/body-parser"),
        ("OpenJS Foundation", "organization", "pkg:npm/express")]


def test_spdx(kb_cli, empty_kb, settings) -> None:  # type: ignore[no-untyped-def]
    path = SBOM / "registry.spdx.json"
    doc = json.loads(path.read_text())
    res = kb_cli("import", "spdx", str(path), "--owner", "ministry", "--format", "json")
    assert res.returncode == 0, res.stderr[-500:]
    c = counts(empty_kb, settings)
    assert c["components"] == len(doc["packages"]) - 1  # the described package is the product
    rows, _, _ = empty_kb.execute_query(
        "MATCH (a)-[:DEPENDS_ON]->(b) RETURN a.id AS a, b.id AS b ORDER BY b",
        database_=settings.neo4j_database)
    # urllib3 through DEPENDS_ON, certifi through DEPENDENCY_OF (the other direction).
    assert [(r["a"], r["b"]) for r in rows] == [
        ("pkg:pypi/requests", "pkg:pypi/certifi"),
        ("pkg:pypi/requests", "pkg:pypi/urllib3")]
    risk = {x["id"]: x for x in analysis.risk(empty_kb, "2026-06-15",
                                              settings=settings).data["components"]}
    assert risk["pkg:pypi/certifi"]["reliant_products"] == 1
    versions = {p["name"]: p["versionInfo"] for p in doc["packages"]}
    held, _, _ = empty_kb.execute_query(
        "MATCH (c:Component {id: 'pkg:pypi/certifi'}) RETURN c.versions AS v",
        database_=settings.neo4j_database)
    assert held[0]["v"] == [f"pkg:pypi/certifi@{versions['certifi']}"]


@pytest.mark.parametrize(("fmt", "content", "message"), [
    ("cyclonedx", b'{"bomFormat": "CycloneDX", "specVersion": "1.1", "components": []}',
     "CycloneDX 1.1 is not supported; use 1.2, 1.3, 1.4, 1.5, 1.6"),
    ("cyclonedx", b'{"spdxVersion": "SPDX-2.3"}', "not a CycloneDX JSON SBOM"),
    ("spdx", b'{"spdxVersion": "SPDX-2.1", "packages": []}', "SPDX-2.1 is not supported"),
    ("spdx", b'{"bomFormat": "CycloneDX"', "malformed JSON"),
])
def test_bad_sboms(kb_cli, empty_kb, settings, tmp_path: Path, fmt: str, content: bytes,
                   message: str) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "bom.json"
    f.write_bytes(content)
    res = kb_cli("import", fmt, str(f))
    assert res.returncode == 1 and message in res.stderr.splitlines()[0]
    assert counts(empty_kb, settings)["components"] == 0


PUBLICCODE = Path(__file__).resolve().parent.parent / "fixtures" / "publiccode"


def test_publiccode(kb_cli, empty_kb, settings) -> None:  # type: ignore[no-untyped-def]
    res = kb_cli("import", "publiccode", str(PUBLICCODE / "publiccode.yml"))
    assert res.returncode == 0, res.stderr[-500:]
    cid = "https://github.com/example-health/clinic-registry"
    # Contract maintenance by Tessera until 2027-03-31, a volunteer contact, two users.
    risk = {x["id"]: x for x in analysis.risk(empty_kb, "2026-06-15",
                                              settings=settings).data["components"]}
    c = risk[cid]
    assert (c["funded"], c["funded_until"], c["maintainers"], c["paid_maintainers"]) == (
        True, "2027-03-31", 2, 1)
    assert c["reliant_actors"] == 3  # the owner's product and the two users
    # The owner pays Tessera's contract (a maintenance flow the paid record names); fundedBy
    # has no purpose: it never counts as maintenance.
    assert c["funders"] == ["ministry-digital-unit"]
    contract = "publiccode-contract:clinic-registry:tessera-software"
    paid_by, _, _ = empty_kb.execute_query(
        "MATCH (:Actor {id: 'tessera-software'})-[m:MAINTAINS]->() RETURN m.paid_by AS p",
        database_=settings.neo4j_database)
    assert paid_by[0]["p"] == [contract]
    # If the ministry's money stopped, Tessera would stay, unpaid, and the registry would be
    # a hollow core (relied on by 3 actors, funding known).
    gone = {x["id"]: x for x in analysis.risk(empty_kb, "2026-06-15", without=[
        "ministry-digital-unit"], settings=settings).data["components"]}[cid]
    assert (gone["funded"], gone["maintainers"], gone["paid_maintainers"],
            gone["hollow_core"]) == (False, 2, 0, True)
    after = {x["id"]: x for x in analysis.risk(empty_kb, "2027-04-01",
                                               settings=settings).data["components"]}
    assert after[cid]["hollow_core"] is True
    assert risk["publiccode:postgresql"]["reliant_actors"] == 3


def test_funding_yml_adds_channels_and_keeps_the_rest(kb_cli, empty_kb, settings) -> None:  # type: ignore[no-untyped-def]
    assert kb_cli("import", "publiccode", str(PUBLICCODE / "publiccode.yml")).returncode == 0
    res = kb_cli("import", "funding-yml", str(PUBLICCODE / "FUNDING.yml"), "--map",
                 "component=https://github.com/Example-Health/clinic-registry.git")
    assert res.returncode == 0, res.stderr[-500:]
    rows, _, _ = empty_kb.execute_query(
        "MATCH (c:Component {id: 'https://github.com/example-health/clinic-registry'}) "
        "RETURN c.funding_channels AS ch, c.license AS lic, "
        "[(c)-[:DEPENDS_ON]->(d) | d.id] AS deps", database_=settings.neo4j_database)
    assert rows[0]["ch"] == ["https://example.org/donate", "https://github.com/sponsors/alice",
                             "https://github.com/sponsors/bob",
                             "https://opencollective.com/clinic-registry",
                             "https://tidelift.com/funding/github/npm/clinic-registry"]
    assert rows[0]["lic"] == "AGPL-3.0-or-later" and rows[0]["deps"] == ["publiccode:postgresql"]
    risk = {x["id"]: x for x in analysis.risk(empty_kb, "2027-04-01",
                                              settings=settings).data["components"]}
    assert risk["https://github.com/example-health/clinic-registry"]["funded"] is False


@pytest.mark.parametrize(("fmt", "content", "message"), [
    ("publiccode", b'publiccodeYmlVersion: "0.1"\nname: x\n',
     "publiccodeYmlVersion 0.1 is not supported; 0.2 onward is"),
    ("publiccode", b"name: [unclosed\n", "at line 2: malformed YAML"),
    ("funding-yml", b"colour: blue\n", "not a FUNDING.yml"),
    ("funding-yml", b"github: alice\n", "say which repository it belongs to"),
])
def test_bad_publiccode_and_funding_files(kb_cli, empty_kb, settings, tmp_path: Path, fmt: str,
                                          content: bytes, message: str) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "input.yml"
    f.write_bytes(content)
    res = kb_cli("import", fmt, str(f))
    assert res.returncode == 1 and message in res.stderr.splitlines()[0], res.stderr
    assert counts(empty_kb, settings)["components"] == 0
