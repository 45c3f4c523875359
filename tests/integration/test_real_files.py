"""Real public files the importers used to refuse or mis-read (issue 18), read in place from
../shared/data/real-files/ (see its SOURCES.md for where each comes from and its licence).
Every expected count is worked out here from the file itself, by a walk written for the test,
not by the importer's code."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SHARED
from tests.integration.walks import _codebases, _package, _repo, spdx_tv_packages

REAL = SHARED / "data" / "real-files"


def _count(driver: Any, cypher: str, **params: Any) -> Any:
    records, _, _ = driver.execute_query(cypher, params)
    return records[0][0]


def test_an_npm_v1_lockfile_imports_every_package_version(kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    path = REAL / "npm-lockfile-v1-ushahidi-platform-client-package-lock.json"
    lock = json.loads(path.read_text())
    names: set[str] = set()  # one component per package, whatever its versions
    required: set[str] = set()
    stack = [lock["dependencies"]]
    while stack:
        for name, entry in stack.pop().items():
            names.add(name.lower())  # npm package URLs are lower-case
            required |= set(entry.get("requires") or {})
            stack.append(entry.get("dependencies") or {})
    top_unrequired = {n.lower() for n in lock["dependencies"] if n not in required}
    res = kb_cli("import", "npm-lock", str(path), "--product", "platform-client",
                 "--owner", "ushahidi")
    assert res.returncode == 0, res.stderr[-800:]
    assert "a version 1 lockfile does not list the project's own dependencies" in res.stdout
    assert _count(empty_kb, "MATCH (c:Component) RETURN count(c)") == len(names)
    assert _count(empty_kb, "MATCH (:Product {id: 'platform-client'})-[:BUILT_ON]->(c) "
                  "RETURN count(c)") == len(top_unrequired)


def test_an_npm_workspace_lockfile_resolves_its_links(kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    path = REAL / "npm-lockfile-v3-workspaces-govuk-frontend-package-lock.json"
    packages = json.loads(path.read_text())["packages"]
    # A workspace folder without a name of its own is named by the link pointing at it.
    linked = {p["resolved"]: k.rsplit("node_modules/", 1)[-1]
              for k, p in packages.items() if p.get("link")}
    real = {(p.get("name") or linked.get(k) or k.rsplit("node_modules/", 1)[-1]).lower()
            for k, p in packages.items() if k and not p.get("link")}
    res = kb_cli("import", "npm-lock", str(path))
    assert res.returncode == 0, res.stderr[-800:]
    assert _count(empty_kb, "MATCH (c:Component) RETURN count(c)") == len(real)
    # The review app's dependency on the workspace package govuk-frontend reaches the folder
    # packages/govuk-frontend through the link node_modules/govuk-frontend.
    version = packages["packages/govuk-frontend"]["version"]
    assert f"pkg:npm/govuk-frontend@{version}" in _count(
        empty_kb, "MATCH (:Component {id: 'pkg:npm/%40govuk-frontend/review'})"
        "-[:DEPENDS_ON]->(g:Component {id: 'pkg:npm/govuk-frontend'}) RETURN g.versions")


def test_a_cyclonedx_1_2_sbom_imports(kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    path = REAL / "cyclonedx-1.2-gomod-proton-bridge-bom.json"
    bom = json.loads(path.read_text())
    pairs: list[tuple[str | None, str]] = []
    stack = list(bom.get("components") or [])
    while stack:
        c = stack.pop()
        vcs = [r["url"] for r in c.get("externalReferences") or [] if r.get("type") == "vcs"]
        pairs.append((_repo(vcs[0]) if vcs else None, _package(c["purl"]) if c.get("purl")
                      else f"{c['name']}@{c.get('version')}"))
        stack += c.get("components") or []
    res = kb_cli("import", "cyclonedx", str(path), "--owner", "proton")
    assert res.returncode == 0, res.stderr[-800:]
    assert _count(empty_kb, "MATCH (c:Component) RETURN count(c)") == len(_codebases(pairs))


def test_funding_yml_knows_every_key_of_githubs_template(kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    path = REAL / "funding-yml-jabref-template-comments.yml"
    res = kb_cli("import", "funding-yml", str(path), "--map",
                 "component=https://github.com/JabRef/jabref")
    assert res.returncode == 0, res.stderr[-800:]
    assert "unknown key" not in res.stdout + res.stderr  # otechie is one of GitHub's keys
    # Three keys have values: github, liberapay and custom (the rest are template comments).
    channels = _count(empty_kb, "MATCH (c:Component {id: 'https://github.com/jabref/jabref'}) "
                      "RETURN c.funding_channels")
    assert sorted(channels) == ["https://github.com/JabRef/jabref/wiki/Donations",
                                "https://github.com/sponsors/JabRef",
                                "https://liberapay.com/JabRef"]


def test_actors_named_in_other_scripts_stay_apart(kb_cli, empty_kb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def comp(ref: str, supplier: str) -> dict[str, Any]:
        return {"bom-ref": ref, "name": ref, "purl": f"pkg:npm/{ref}@1.0.0",
                "supplier": {"name": supplier}}

    bom = {"bomFormat": "CycloneDX", "specVersion": "1.5",
           "metadata": {"component": {"bom-ref": "app", "name": "app"}},
           "components": [comp("a", "北京大学"), comp("b", "Университет ИТМО"),
                          comp("c", "C++ Foundation"), comp("d", "C Foundation"),
                          comp("e", "c foundation")]}
    path = tmp_path / "bom.json"
    path.write_text(json.dumps(bom, ensure_ascii=False), encoding="utf-8")
    res = kb_cli("import", "cyclonedx", str(path), "--owner", "app-owner")
    assert res.returncode == 0, res.stderr[-800:]
    records, _, _ = empty_kb.execute_query(
        "MATCH (a:Actor)-[:MAINTAINS]->(c:Component) RETURN c.name AS c, a.id AS id, "
        "a.name AS name ORDER BY c")
    got = [(r["c"], r["id"], r["name"]) for r in records]
    assert got == [("a", "beijingdaxue", "北京大学"),
                   ("b", "universitet-itmo", "Университет ИТМО"),
                   ("c", "c-foundation", "C++ Foundation"),
                   ("d", "c-foundation-2", "C Foundation"),
                   # differs from "C Foundation" only in case: the same actor
                   ("e", "c-foundation-2", "C Foundation")]
    assert ("actors 'C++ Foundation' and 'C Foundation' make the same id 'c-foundation'; "
            "the second is 'c-foundation-2'") in res.stdout


def test_publiccode_without_a_repo_owner_is_owned_by_its_ipa_administration(
        kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    path = REAL / "publiccode-0.4-codiceIPA-no-repoOwner-arpal-siapi.yml"  # codiceIPA: arlpa_ge
    res = kb_cli("import", "publiccode", str(path))
    assert res.returncode == 0, res.stderr[-800:]
    records, _, _ = empty_kb.execute_query(
        "MATCH (a:Actor)-[:OWNS]->(p:Product) RETURN a.id AS id, a.name AS name, "
        "a.kind AS kind, p.name AS product")
    assert [dict(r) for r in records] == [
        {"id": "ipa:arlpa-ge", "name": "Italian public administration, IPA code arlpa_ge",
         "kind": "government", "product": "SIAPI"}]


def _spdx(tmp_path: Path, describes: list[str], relationships: list[tuple[str, str, str]]
          ) -> Path:
    doc = {"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "name": "monorepo",
           "documentDescribes": describes,
           "packages": [{"SPDXID": f"SPDXRef-{n}", "name": n, "versionInfo": "1.0.0"}
                        for n in ("dir", "a", "b", "c", "d")],
           "relationships": [{"spdxElementId": f"SPDXRef-{x}", "relationshipType": k,
                              "relatedSpdxElement": f"SPDXRef-{y}"}
                             for x, k, y in relationships]}
    path = tmp_path / "doc.spdx.json"
    path.write_text(json.dumps(doc))
    return path


def _built_on(driver: Any) -> list[str]:
    records, _, _ = driver.execute_query(
        "MATCH (p:Product)-[:BUILT_ON]->(c) RETURN c.name AS name ORDER BY name")
    return [r["name"] for r in records]


def test_an_spdx_document_describing_several_packages_is_the_product(
        kb_cli, empty_kb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _spdx(tmp_path, ["SPDXRef-a", "SPDXRef-b", "SPDXRef-c"],
                 [("a", "DEPENDS_ON", "d")])
    res = kb_cli("import", "spdx", str(path), "--owner", "org")
    assert res.returncode == 0, res.stderr[-800:]
    assert _count(empty_kb, "MATCH (p:Product) RETURN p.name") == "monorepo"
    assert _built_on(empty_kb) == ["a", "b", "c"]  # what it describes, not the first of them


def test_a_directory_described_with_no_dependencies_is_built_on_the_roots(
        kb_cli, empty_kb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # As syft writes it: the document describes a directory that CONTAINS every package;
    # a depends on b and c, so only a and d are direct.
    path = _spdx(tmp_path, ["SPDXRef-dir"],
                 [("dir", "CONTAINS", n) for n in "abcd"]
                 + [("a", "DEPENDS_ON", "b"), ("c", "DEPENDENCY_OF", "a")])
    res = kb_cli("import", "spdx", str(path), "--owner", "org")
    assert res.returncode == 0, res.stderr[-800:]
    assert _built_on(empty_kb) == ["a", "d"]
    assert "it is taken as built on the 2 package(s) nothing else in the file depends on" \
        in res.stdout


def test_a_cyclonedx_publisher_maintains_its_component(kb_cli, empty_kb,
                                                        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bom = {"bomFormat": "CycloneDX", "specVersion": "1.4",
           "components": [{"bom-ref": "x", "name": "x", "purl": "pkg:npm/x@1.0.0",
                           "publisher": "Example Foundation"}]}
    path = tmp_path / "bom.json"
    path.write_text(json.dumps(bom))
    res = kb_cli("import", "cyclonedx", str(path), "--owner", "org")
    assert res.returncode == 0, res.stderr[-800:]
    assert _count(empty_kb, "MATCH (a:Actor)-[:MAINTAINS]->(:Component {id: 'pkg:npm/x'})"
                  " RETURN a.name") == "Example Foundation"


def test_a_funding_json_manifest_gives_its_projects_channels(kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    path = REAL / "funding-json-v1.0.0-aerynos-os-tools.json"
    manifest = json.loads(path.read_text())
    res = kb_cli("import", "funding-json", str(path))
    assert res.returncode == 0, res.stderr[-800:]
    # One project (github.com/aerynos/os-tools) with the manifest's two channel addresses.
    channels = _count(empty_kb, "MATCH (c:Component {id: 'https://github.com/aerynos/os-tools'})"
                      " RETURN c.funding_channels")
    assert sorted(channels) == sorted(ch["address"] for ch in manifest["funding"]["channels"])
    assert _count(empty_kb, "MATCH (a:Actor {name: 'AerynOS'}) RETURN a.kind") == "organization"
    # The plan is an ask, not money: noted, never a funding flow.
    assert "plan 'Monthly developer funding' asks 3000 GBP monthly (active); an ask, not " \
        "money given" in res.stdout
    assert _count(empty_kb, "MATCH (f:Funding) RETURN count(f)") == 0


def test_files_named_funding_json_that_are_not_manifests_are_told_apart(kb_cli,
                                                                        empty_kb) -> None:  # type: ignore[no-untyped-def]
    drips = kb_cli("import", "funding-json", str(REAL / "drips-FUNDING-json-vitest.json"))
    assert drips.returncode == 1 and "this is a Drips FUNDING.json" in drips.stderr
    retro = kb_cli("import", "funding-json",
                   str(REAL / "funding-json-optimism-opretro-splits-contracts.json"))
    assert retro.returncode == 1 and "Optimism RetroPGF project claim" in retro.stderr
    free = kb_cli("import", "funding-json",
                  str(REAL / "funding-json-nonstandard-freeform-db2rest.json"))
    assert free.returncode == 1 and "not a funding.json manifest (fundingjson.org)" in free.stderr


def test_a_funding_json_with_a_schema_key_imports(kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    path = REAL / "funding-json-v1.1.0-schema-v1.0.0-version-asakiri-studio.json"
    res = kb_cli("import", "funding-json", str(path))
    assert res.returncode == 0, res.stderr[-800:]
    assert _count(empty_kb, "MATCH (c:Component {id: "
                  "'https://github.com/asakirilingo/asakiri-studio'}) RETURN c.funding_channels"
                  ) == ["https://www.patreon.com/asakiri"]


def _xml_component_ids(path: Path) -> set[frozenset[str]]:
    """Every codebase of a CycloneDX XML BOM, nested components too (see _codebases)."""
    import xml.etree.ElementTree as ET  # the file is trusted here: it is the test's input

    root = ET.parse(path).getroot()
    ns = root.tag.split("}")[0] + "}"
    top = root.find(ns + "components")
    pairs: list[tuple[str | None, str]] = []
    stack = list(top) if top is not None else []
    while stack:
        c = stack.pop()
        purl = c.findtext(ns + "purl")
        vcs = [r.findtext(ns + "url") for r in c.iter(ns + "reference")
               if r.get("type") == "vcs" and r in list(c.find(ns + "externalReferences")
                                                        or [])]
        pairs.append((_repo(vcs[0]) if vcs and vcs[0] else None, _package(purl) if purl else
                      f"{c.findtext(ns + 'name')}@{c.findtext(ns + 'version')}"))
        inner = c.find(ns + "components")
        stack += list(inner) if inner is not None else []
    return _codebases(pairs)


@pytest.mark.parametrize("name", ["cyclonedx-1.2-maven-dropwizard-bom.xml",
                                  "cyclonedx-1.6-gradle-jabref-bom.xml"])
def test_cyclonedx_xml_boms_import(kb_cli, empty_kb, name: str) -> None:  # type: ignore[no-untyped-def]
    path = REAL / name
    res = kb_cli("import", "cyclonedx", str(path), "--owner", "owner")
    assert res.returncode == 0, res.stderr[-800:]
    assert _count(empty_kb, "MATCH (c:Component) RETURN count(c)") == len(
        _xml_component_ids(path))


def test_cyclonedx_xml_with_entities_or_broken_markup_is_refused(kb_cli, empty_kb,
                                                                 tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    laughs = tmp_path / "laughs.xml"
    laughs.write_text('<?xml version="1.0"?>\n<!DOCTYPE bom [<!ENTITY a "aaaaaaaaaa">'
                      '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
                      '<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components>'
                      '<component><name>&b;</name></component></components></bom>')
    res = kb_cli("import", "cyclonedx", str(laughs))
    assert res.returncode == 1
    assert "the XML declares a document type or entities" in res.stderr
    broken = tmp_path / "broken.xml"
    broken.write_text('<bom xmlns="http://cyclonedx.org/schema/bom/1.5">\n<components>')
    res = kb_cli("import", "cyclonedx", str(broken))
    assert res.returncode == 1 and "at line 2: malformed XML" in res.stderr
    other = tmp_path / "pom.xml"
    other.write_text("<project><modelVersion>4.0.0</modelVersion></project>")
    res = kb_cli("import", "cyclonedx", str(other))
    assert res.returncode == 1 and "not a CycloneDX XML BOM (the root element is 'project'" \
        in res.stderr
    assert _count(empty_kb, "MATCH (n) RETURN count(n)") == 0


@pytest.mark.parametrize("name", ["spdx-2.2-tagvalue-tools-golang-example6-lib.spdx",
                                  "spdx-2.3-tagvalue-trivy-underpin-metadata-sync-service.spdx"])
def test_spdx_tag_value_documents_import(kb_cli, empty_kb, name: str) -> None:  # type: ignore[no-untyped-def]
    path = REAL / name
    text = path.read_text()
    # Counted from the lines themselves: packages, and DEPENDS_ON between packages.
    packages = re.findall(r"^PackageName:", text, re.M)
    described = re.findall(r"^Relationship: SPDXRef-DOCUMENT DESCRIBES (\S+)", text, re.M)
    depends = re.findall(r"^Relationship: (\S+) DEPENDS_ON (\S+)", text, re.M)
    res = kb_cli("import", "spdx", str(path), "--owner", "owner", "--format", "json")
    assert res.returncode == 0, res.stderr[-800:]
    pkgs = spdx_tv_packages(text)
    product = described[0] if len(set(described)) == 1 else None
    assert len(pkgs) == len(packages)

    def key(p: dict[str, str]) -> str:
        return _package(p["purl"]) if "purl" in p else \
            f"{p['name']}@{p.get('PackageVersion', 'unversioned')}"

    def repo(p: dict[str, str]) -> str | None:
        loc = p.get("PackageDownloadLocation", "NOASSERTION")
        return _repo(loc) if loc.startswith(("git+", "https://github.com/")) else None

    codebases = _codebases([(repo(p), key(p)) for p in pkgs if p["SPDXID"] != product])
    of = {p["SPDXID"]: next(g for g in codebases if key(p) in g) for p in pkgs
          if p["SPDXID"] != product}
    assert _count(empty_kb, "MATCH (c:Component) RETURN count(c)") == len(codebases)
    edges = {(of[a], of[b]) for a, b in depends if a in of and b in of and of[a] != of[b]}
    assert _count(empty_kb, "MATCH (:Component)-[d:DEPENDS_ON]->(:Component) "
                  "RETURN count(d)") == len(edges)


def test_records_given_twice_are_accounted_for(kb_cli, empty_kb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def bom(name: str) -> dict[str, Any]:
        return {"bomFormat": "CycloneDX", "specVersion": "1.5",
                "components": [{"bom-ref": "x", "name": name, "purl": "pkg:npm/x@1.0.0"},
                               {"bom-ref": "y", "name": "y", "purl": "pkg:npm/y@1.0.0"}]}

    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps(bom("x")))
    second.write_text(json.dumps(bom("x renamed")))  # x differs, y is the same
    res = kb_cli("import", "cyclonedx", str(first), str(second), "--owner", "org",
                 "--format", "json")
    assert res.returncode == 0, res.stderr[-800:]
    notes = json.loads(res.stdout)["notes"]
    assert ("components: 2 record(s) given more than once were merged into the first; 1 of "
            "them differed from the first, whose values are kept (e.g. pkg:npm/x, "
            "pkg:npm/y)") in notes
    assert _count(empty_kb, "MATCH (c:Component {id: 'pkg:npm/x'}) RETURN c.name") == "x"


def test_cyclonedx_vcs_references_give_components_their_repository(kb_cli, empty_kb) -> None:  # type: ignore[no-untyped-def]
    path = REAL / "cyclonedx-1.4-npm-nested-components-juice-shop-bom.json"
    bom = json.loads(path.read_text())
    pairs: list[tuple[str | None, str]] = []
    stack = list(bom["components"])
    while stack:
        c = stack.pop()
        stack += c.get("components") or []
        vcs = [r["url"] for r in c.get("externalReferences") or [] if r.get("type") == "vcs"]
        pairs.append((_repo(vcs[0]) if vcs else None, _package(c["purl"])))
    codebases = _codebases(pairs)
    with_repo = [g for g in codebases if any(not k.startswith("pkg:") for k in g)]
    res = kb_cli("import", "cyclonedx", str(path), "--owner", "juice-shop")
    assert res.returncode == 0, res.stderr[-800:]
    assert _count(empty_kb, "MATCH (c:Component) WHERE c.repo IS NOT NULL RETURN count(c)"
                  ) == len(with_repo)
    assert _count(empty_kb, "MATCH (c:Component) RETURN count(c)") == len(codebases)
    # Babel's packages live in one monorepo: one component holds all of them.
    held = _count(empty_kb, "MATCH (c:Component {id: 'https://github.com/babel/babel'}) "
                  "RETURN c.packages")
    assert "pkg:npm/%40babel/types" in held and len(held) > 1
