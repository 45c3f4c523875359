"""The importers on real files collected for the tests (tests/fixtures/real/, sources and
licences in its SOURCES.md), files the importers were not written against. Every expected
value is worked out here from the file itself: JSON and XML walks and line scans written for
the test, the purl and repository rules in tests/integration/walks.py, and hand reading for
the small YAML files (the reasoning is in the comments)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.integration.walks import _codebases, _package, _repo

OWN = ROOT / "tests" / "fixtures" / "real"


def one(driver: Any, cypher: str, **params: Any) -> Any:
    records, _, _ = driver.execute_query(cypher, params)
    return records[0][0]


def imported(kb_cli: Any, *args: str) -> dict[str, Any]:
    res = kb_cli("import", *args, "--format", "json")
    assert res.returncode == 0, res.stderr[-800:]
    assert "Traceback" not in res.stderr
    return json.loads(res.stdout)  # type: ignore[no-any-return]


def graph(driver: Any) -> tuple[set[str], set[tuple[str, str]]]:
    records, _, _ = driver.execute_query("MATCH (c:Component) RETURN c.id AS id")
    edges, _, _ = driver.execute_query(
        "MATCH (a:Component)-[:DEPENDS_ON]->(b:Component) RETURN a.id AS a, b.id AS b")
    return {r["id"] for r in records}, {(r["a"], r["b"]) for r in edges}


def cdx_json_pairs(bom: dict[str, Any]) -> tuple[list[tuple[str | None, str]], dict[str, str]]:
    """(repository or None, package) of every component, and bom-ref -> package key."""
    pairs, keys = [], {}
    stack = list(bom.get("components") or [])
    while stack:
        c = stack.pop()
        stack += c.get("components") or []
        vcs = [r["url"] for r in c.get("externalReferences") or [] if r.get("type") == "vcs"]
        key = _package(c["purl"]) if c.get("purl") else f"{c['name']}@{c.get('version')}"
        pairs.append((_repo(vcs[0]) if vcs else None, key))
        keys[c.get("bom-ref") or c.get("purl") or key] = key
    return pairs, keys


def test_cern_bom_json_and_xml_give_one_graph(kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    from kb.store import schema

    bom = json.loads((OWN / "cyclonedx-1.2-npm-cern-vdm-editor-bom.json").read_text())
    pairs, _ = cdx_json_pairs(bom)
    imported(kb_cli, "cyclonedx", str(OWN / "cyclonedx-1.2-npm-cern-vdm-editor-bom.json"),
             "--owner", "cern")
    from_json = graph(empty_kb)
    codebases = _codebases(pairs)
    assert len(bom["components"]) == 43 and len(from_json[0]) == len(codebases)
    # No dependencies section: the product is built on every codebase.
    assert one(empty_kb, "MATCH (:Product)-[b:BUILT_ON]->() RETURN count(b)") == len(codebases)
    schema.reset(empty_kb)
    imported(kb_cli, "cyclonedx", str(OWN / "cyclonedx-1.2-npm-cern-vdm-editor-bom.xml"),
             "--owner", "cern")
    assert graph(empty_kb) == from_json


def test_laravel_bom_dependencies_between_codebases(kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    path = OWN / "cyclonedx-1.3-composer-laravel-bom.json"
    bom = json.loads(path.read_text())
    pairs, keys = cdx_json_pairs(bom)
    codebases = _codebases(pairs)
    group = {k: next(g for g in codebases if k in g) for k in keys.values()}
    product = bom["metadata"]["component"]["bom-ref"]
    edges = {(group[keys[d["ref"]]], group[keys[t]]) for d in bom["dependencies"]
             for t in d.get("dependsOn") or [] if d["ref"] != product
             and d["ref"] in keys and t in keys and group[keys[d["ref"]]] != group[keys[t]]}
    imported(kb_cli, "cyclonedx", str(path), "--owner", "laravel")
    ids, got = graph(empty_kb)
    assert len(ids) == len(codebases)
    assert len(got) == len(edges)
    # Composer package URLs, each resolved to its repository by its vcs reference.
    assert one(empty_kb, "MATCH (c:Component {id: 'https://github.com/guzzle/guzzle'}) "
                         "RETURN c.packages") == ["pkg:composer/guzzlehttp/guzzle"]


@pytest.mark.parametrize("name", ["spdx-2.2-example7-golang.spdx.json",
                                  "spdx-2.3-example10-hello-source.spdx.json",
                                  "spdx-2.3-example11-sbom.spdx.json",
                                  "spdx-2.3-oss-na-2023-sbom-with-dependency.json"])
def test_spdx_json_documents(kb_cli, empty_kb, name: str) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads((OWN / name).read_text())
    rels = doc.get("relationships") or []
    described = list(doc.get("documentDescribes") or []) + [
        r["relatedSpdxElement"] for r in rels
        if r["spdxElementId"] == "SPDXRef-DOCUMENT" and r["relationshipType"] == "DESCRIBES"]
    product = described[0] if len(set(described)) == 1 else None

    def key(p: dict[str, Any]) -> str:
        purl = next((r["referenceLocator"] for r in p.get("externalRefs") or []
                     if r["referenceType"] == "purl"), None)
        return _package(purl) if purl else f"{p['name']}@{p.get('versionInfo')}"

    def repo(p: dict[str, Any]) -> str | None:
        loc = p.get("downloadLocation") or ""
        return _repo(loc) if loc.startswith(("git+", "https://github.com/")) else None

    pkgs = [p for p in doc["packages"] if p["SPDXID"] != product]
    codebases = _codebases([(repo(p), key(p)) for p in pkgs])
    of = {p["SPDXID"]: next(g for g in codebases if key(p) in g) for p in pkgs}
    needs = {"DEPENDS_ON", "DYNAMIC_LINK", "STATIC_LINK"}
    edges = {(of[r["spdxElementId"]], of[r["relatedSpdxElement"]]) for r in rels
             if r["relationshipType"] in needs and r["spdxElementId"] in of
             and r["relatedSpdxElement"] in of}
    imported(kb_cli, "spdx", str(OWN / name), "--owner", "owner")
    ids, got = graph(empty_kb)
    assert len(ids) == len(codebases)
    assert len(got) == len({e for e in edges if e[0] != e[1]})


def test_spdx_dynamic_link_is_a_dependency_and_other_relationships_are_counted(
        kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    # By hand: the document DESCRIBES tools-java, which DYNAMIC_LINKs xlsx (a maven webjar):
    # the product is built on xlsx.
    done = imported(kb_cli, "spdx", str(OWN / "spdx-2.3-oss-na-2023-sbom-with-dependency.json"),
                    "--owner", "spdx")
    assert one(empty_kb, "MATCH (:Product)-[:BUILT_ON]->(c) RETURN c.id") == \
        "pkg:maven/org.webjars.npm/xlsx"
    assert done["notes"] == []  # every relationship in it was read
    other = imported(kb_cli, "spdx", str(OWN / "spdx-2.3-example11-sbom.spdx.json"),
                     "--owner", "x")
    # By hand: one GENERATED_FROM (a file from the source package) is not a dependency.
    assert any("1 relationship(s) not read as dependencies" in n and "1 GENERATED_FROM" in n
               for n in other["notes"])


def test_spdx_tag_value_example(kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    text = (OWN / "spdx-2.2-tagvalue-example1.spdx").read_text()
    names = re.findall(r"^PackageName:\s*(.+)$", text, re.M)
    described = re.findall(r"^Relationship: SPDXRef-DOCUMENT DESCRIBES (\S+)", text, re.M)
    imported(kb_cli, "spdx", str(OWN / "spdx-2.2-tagvalue-example1.spdx"), "--owner", "o")
    # One package, and the document describes it: it is the product, with no components.
    assert len(names) == 1 and len(described) == 1
    assert one(empty_kb, "MATCH (p:Product) RETURN p.name") == names[0].strip()
    assert one(empty_kb, "MATCH (c:Component) RETURN count(c)") == 0


def test_catala_publiccode_funder_user_and_contacts(kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    # By hand from the file: fundedBy names INRIA (no amount), usedBy names DGFiP, and
    # maintenance is internal with two contacts; url is the GitHub repository.
    imported(kb_cli, "publiccode", str(OWN / "publiccode-0.2-fr-catala-fundedby-usedby.yml"))
    cid = "https://github.com/catalalang/catala"
    assert one(empty_kb, "MATCH (c:Component {id: $c}) RETURN c.repo", c=cid) == cid
    assert one(empty_kb, "MATCH (g:Actor)-[:GRANTS]->(f:Funding)-[:FOR]->() "
                         "RETURN [g.name, f.purpose, f.amount]") == [
        "Institut National de Recherche en Informatique et en Automatique (INRIA)",
        "unknown", None]
    assert one(empty_kb, "MATCH (a:Actor)-[:RELIES_ON]->(:Component {id: $c}) RETURN a.name",
               c=cid) == "Direction Générale des Finances Publiques (DGFiP)"
    records, _, _ = empty_kb.execute_query(
        "MATCH (a:Actor)-[m:MAINTAINS]->(:Component {id: $c}) WHERE a.kind = 'individual' "
        "RETURN a.name AS n ORDER BY n", c=cid)
    assert [r["n"] for r in records] == ["Denis Merigoux", "Louis Gesbert"]


def test_lynis_publiccode_community_contact_is_a_volunteer(kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    imported(kb_cli, "publiccode", str(OWN / "publiccode-0.4-lynis-community.yml"))
    # By hand: community maintenance, one contact (Michael Boelen): a volunteer.
    assert one(empty_kb, "MATCH (a:Actor)-[m:MAINTAINS]->(:Component "
                         "{id: 'https://github.com/cisofy/lynis'}) RETURN [a.name, m.paid]"
               ) == ["Michael Boelen", False]


@pytest.mark.parametrize(("name", "repo", "expected"), [
    # By hand: github, patreon and open_collective have values; custom is empty (a comment).
    ("funding-yml-babel-template-comment.yml", "https://github.com/babel/babel",
     ["https://github.com/sponsors/hzoo", "https://opencollective.com/babel",
      "https://www.patreon.com/henryzhu"]),
    ("funding-yml-eslint-two-keys.yml", "https://github.com/eslint/eslint",
     ["https://github.com/sponsors/eslint", "https://opencollective.com/eslint"]),
])
def test_funding_yml_files(kb_cli, empty_kb, name: str, repo: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    imported(kb_cli, "funding-yml", str(OWN / name), "--map", f"component={repo}")
    assert one(empty_kb, "MATCH (c:Component {id: $r}) RETURN c.funding_channels",
               r=repo) == expected


def test_comaps_funding_json_on_codeberg(kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    path = OWN / "funding-json-v1.1.0-codeberg-comaps.json"
    manifest = json.loads(path.read_text())
    done = imported(kb_cli, "funding-json", str(path))
    repo = manifest["projects"][0]["repositoryUrl"]["url"]
    assert one(empty_kb, "MATCH (c:Component {id: $r}) RETURN [c.repo, c.funding_channels]",
               r=repo) == [repo, sorted(ch["address"] for ch in manifest["funding"]["channels"])]
    plans = [n for n in done["notes"] if ": plan " in n]
    assert len(plans) == len(manifest["funding"]["plans"]) == 3
    # Amount 0 is the format's wildcard for "any amount", never "asks 0".
    assert all("asks any amount in" in n for n in plans)
    assert one(empty_kb, "MATCH (f:Funding) RETURN count(f)") == 0


def test_every_own_file_is_listed_with_its_source() -> None:
    listed = (OWN / "SOURCES.md").read_text()
    files = sorted(p.name for p in OWN.iterdir() if p.name != "SOURCES.md")
    assert len(files) >= 12
    for f in files:
        assert f"| `{f}` |" in listed, f
    assert not [p for p in OWN.iterdir() if p.suffix == ".xml"
                and ET.parse(p).getroot().tag.split("}")[0] != "{http://cyclonedx.org/schema/bom/1.2"]




def test_strict_refuses_an_import_that_would_skip(kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    path = OWN / "spdx-2.3-example11-sbom.spdx.json"
    res = kb_cli("import", "spdx", str(path), "--owner", "x", "--strict")
    # By hand: the document DESCRIBES a file (SPDXRef-File-hello-server) it defines as no
    # package, so its dependency relationships are skipped.
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "--strict: the spdx import would skip 1 thing(s); nothing was written" in res.stderr
    assert "SPDXRef-File-hello-server" in res.stderr
    assert one(empty_kb, "MATCH (n) RETURN count(n)") == 0


def test_the_account_counts_money_known_and_unknown(kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    done = imported(kb_cli, "publiccode", str(OWN / "publiccode-0.2-fr-catala-fundedby-usedby.yml"))
    # By hand: one fundedBy entry and no amount anywhere in the file.
    assert done["account"]["money"] == {} and done["account"]["fundings_of_unknown_amount"] == 1
    assert done["account"]["records"]["fundings"] == 1 and done["account"]["skipped"] == []
    text = kb_cli("import", "publiccode",
                  str(OWN / "publiccode-0.2-fr-catala-fundedby-usedby.yml")).stdout
    assert "money in funding flows: none, and 1 flow(s) of unknown amount" in text


def test_an_import_attaches_to_the_product_built_on_its_repository(kb_cli, empty_kb,
                                                                  tmp_path) -> None:  # type: ignore[no-untyped-def]
    registry = tmp_path / "registry.yaml"
    registry.write_text(
        "format: valuenet/1\necosystem: {id: registry, name: A registry}\n"
        "actors:\n  - {id: inria, name: INRIA, kind: government}\n"
        "products:\n  - {id: 'dpg:catala', name: Catala (registry), owner: inria,"
        " built_on: ['https://github.com/catalalang/catala']}\n"
        "components:\n  - {id: 'https://github.com/catalalang/catala', name: catala}\n")
    assert kb_cli("load", str(registry)).returncode == 0
    done = imported(kb_cli, "publiccode", str(OWN / "publiccode-0.2-fr-catala-fundedby-usedby.yml"))
    assert any(n.startswith("attached to the product dpg:catala") for n in done["notes"])
    # One product, the registry's name and owner kept; the file names no owner, so its
    # internal maintenance and its funder's grant go to the registry's owner.
    assert one(empty_kb, "MATCH (p:Product) OPTIONAL MATCH (o)-[:OWNS]->(p) "
                         "RETURN collect([p.id, p.name, o.id])") == [
        ["dpg:catala", "Catala (registry)", "inria"]]
    assert one(empty_kb, "MATCH (:Actor {id: 'inria'})-[m:MAINTAINS]->() RETURN m.paid") is True
    assert one(empty_kb, "MATCH (f:Funding)-[:TO]->(t) RETURN t.id") == "inria"
    assert one(empty_kb, "MATCH (a:Actor {id: 'unknown-owner'}) RETURN count(a)") == 0
