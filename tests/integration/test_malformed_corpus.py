"""A corpus of malformed files, generated here from a list of cases, fed to `kb check`,
`kb load` and every importer through the real CLI (in-process) and the real Neo4j (issue 19).

Each case names the file, its bytes, and a fragment its error must contain: the offending
value or the thing missing, found by reading the case. Every one must end with a non-zero
exit, a message naming the file, the fragment, no traceback, and the knowledge base
unchanged. Valid small files of each kind load first, so "unchanged" means something.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kb.cli.main import main
from kb.settings import get_settings

# A small valid valuenet/1 document; the load cases change one thing in it.
GOOD = """format: valuenet/1
ecosystem: {id: corpus, name: Corpus}
actors:
  - {id: org-a, name: Org A, kind: organization}
  - {id: org-b, name: Org B, kind: organization}
products:
  - {id: prod, name: Product, owner: org-a, built_on: [lib]}
components:
  - {id: lib, name: Library}
fundings:
  - {id: f1, from: org-b, to: org-a, amount: 1000, currency: USD, kind: grant,
     purpose: maintenance, for: [lib], start: 2025-01-01}
"""


def _swap(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new)


def _deep_json(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


LOAD: list[tuple[str, bytes, str]] = [
    ("empty.yaml", b"", "the file is empty (0 bytes)"),
    ("binary.yaml", b"\x00\x01\x02\x03format", "this is a binary file"),
    ("latin1.yaml", "format: valuenet/1\nname: Café\n".encode("latin-1"), "not UTF-8 text"),
    ("notes.txt", b"format: valuenet/1\n", "unknown file type '.txt'"),
    ("unclosed.yaml", b"format: valuenet/1\nactors: [\n", "malformed YAML"),
    ("tabs.yaml", b"format: valuenet/1\n\tactors: []\n", "malformed YAML"),
    ("unclosed.json", b'{"format": "valuenet/1",', "malformed JSON"),
    ("dupkey.json", b'{"format": "valuenet/1", "actors": [], "actors": []}',
     "duplicate key 'actors'"),
    ("dupkey.yaml", GOOD.replace("products:", "actors:\n  - {id: x, name: X, kind: group}\n"
                                 "products:").encode(), "actors"),
    ("list.yaml", b"- format: valuenet/1\n", "the top level must be a mapping"),
    ("scalar.json", b'"valuenet/1"', "the top level must be a mapping"),
    ("noformat.yaml", _swap("format: valuenet/1\n", "").encode(), "format"),
    ("format2.yaml", _swap("valuenet/1", "valuenet/2").encode(), "valuenet/2"),
    ("actors-map.yaml", _swap("actors:\n  - {id: org-a, name: Org A, kind: organization}\n"
                              "  - {id: org-b, name: Org B, kind: organization}",
                              "actors: {org-a: Org A}").encode(), "actors"),
    ("actor-noid.yaml", _swap("{id: org-b, name: Org B", "{name: Org B").encode(), "id"),
    ("actor-esc.yaml", _swap("id: org-b, name", 'id: "org\\eb", name').encode(),
     "control character"),
    ("actor-nul.yaml", _swap("name: Org B", 'name: "Org\\0B"').encode(), "control character"),
    ("actor-kind.yaml", _swap("name: Org B, kind: organization", "name: Org B, kind: alien")
     .encode(), "alien"),
    ("actor-kind-typo.yaml", _swap("name: Org B, kind: organization",
                                   "name: Org B, kind: organisation").encode(),
     "got 'organisation' (did you mean 'organization'?)"),
    ("amount-text.yaml", _swap("amount: 1000", "amount: lots").encode(), "lots"),
    ("amount-inf.yaml", _swap("amount: 1000", "amount: .inf").encode(), "inf"),
    ("amount-negative.yaml", _swap("amount: 1000", "amount: -5").encode(), "-5"),
    ("amount-1e400.json", json.dumps({"format": "valuenet/1", "ecosystem": {
        "id": "c", "name": "C"}, "actors": [{"id": "a", "name": "A", "kind": "group"}],
        "fundings": [{"id": "f", "from": "a", "to": "a", "amount": 1, "kind": "grant",
                      "purpose": "maintenance"}]}).replace('"amount": 1', '"amount": 1e400')
     .encode(), "amount"),
    ("amount-infinity.json", b'{"format": "valuenet/1", "ecosystem": {"id": "c", "name": "C"}'
     b', "actors": [{"id": "a", "name": "A", "kind": "group"}], "fundings": [{"id": "f", '
     b'"from": "a", "to": "a", "amount": Infinity, "kind": "grant", "purpose": '
     b'"maintenance"}]}', "amount"),
    ("funder-unknown.yaml", _swap("from: org-b", "from: org-c").encode(), "org-c"),
    ("owner-unknown.yaml", _swap("owner: org-a", "owner: org-z").encode(), "org-z"),
    ("dep-unknown.yaml", _swap("built_on: [lib]", "built_on: [libb]").encode(), "libb"),
    ("bad-date.yaml", _swap("start: 2025-01-01", "start: 2025-13-45").encode(), "2025-13-45"),
    ("dup-id.yaml", _swap("{id: org-b, name: Org B", "{id: org-a, name: Org B").encode(),
     "org-a"),
    ("built-on-text.yaml", _swap("built_on: [lib]", "built_on: lib").encode(), "built_on"),
    ("section-typo.yaml", _swap("components:", "componnets:").encode(), "componnets"),
    ("currency.yaml", _swap("currency: USD", "currency: US Dollars").encode(), "US Dollars"),
    ("paid-text.yaml", GOOD.replace("fundings:", "maintenance:\n  - {actor: org-a, component: "
                                    "lib, role: lead, paid: sometimes}\nfundings:").encode(),
     "sometimes"),
    ("role.yaml", GOOD.replace("fundings:", "maintenance:\n  - {actor: org-a, component: "
                               "lib, role: boss, paid: true}\nfundings:").encode(), "boss"),
    ("bigint.json", ('{"format": "valuenet/1", "n": ' + "9" * 5000 + "}").encode(),
     "more digits"),
    ("deep.json", _deep_json(100_000), "nested too deeply"),
    ("deep.yaml", ("a: " + "[" * 20_000 + "]" * 20_000 + "\n").encode(), "malformed YAML"),
    ("noecosystem.yaml", _swap("ecosystem: {id: corpus, name: Corpus}\n", "").encode(),
     "ecosystem"),
    ("utf16-nobom.json", '{"format": "valuenet/1"}'.encode("utf-16-le"), "binary file"),
]

CDX = {"bomFormat": "CycloneDX", "specVersion": "1.5", "metadata": {"component": {
    "bom-ref": "app", "name": "app"}}, "components": [{"bom-ref": "lib", "name": "lib",
                                                       "purl": "pkg:npm/lib@1.0.0"}],
       "dependencies": [{"ref": "app", "dependsOn": ["lib"]}]}
SPDX = {"spdxVersion": "SPDX-2.3", "name": "app", "documentDescribes": ["SPDXRef-app"],
        "packages": [{"SPDXID": "SPDXRef-app", "name": "app"},
                     {"SPDXID": "SPDXRef-lib", "name": "lib"}],
        "relationships": [{"spdxElementId": "SPDXRef-app", "relationshipType": "DEPENDS_ON",
                           "relatedSpdxElement": "SPDXRef-lib"}]}
NPM = {"lockfileVersion": 3, "packages": {"": {"name": "app", "dependencies": {"lib": "1"}},
                                          "node_modules/lib": {"version": "1.0.0"}}}
DPG = {"name": "App", "organizations": [{"name": "Org", "org_type": "owner"}],
       "repositories": [{"url": "https://github.com/o/app"}]}


def _with(doc: dict[str, Any], path: str, value: Any) -> bytes:
    """`doc` with the value at a dotted path (list indexes as numbers) replaced."""
    out = json.loads(json.dumps(doc))
    here = out
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    for k in keys[:-1]:
        here = here[k]
    here[keys[-1]] = value
    return json.dumps(out).encode()


PC = """publiccodeYmlVersion: "0.4"
name: App
url: https://github.com/o/app
legal: {license: MIT, repoOwner: Org}
maintenance:
  type: internal
  contacts: [{name: Ann}]
"""

IMPORT: list[tuple[str, list[str], str, bytes, str]] = [
    # cyclonedx
    ("cyclonedx", [], "bom.json", b"", "the file is empty"),
    ("cyclonedx", [], "bom.json", b"\x00\x00\x00", "binary file"),
    ("cyclonedx", [], "bom.json", b'{"bomFormat": "CycloneDX",', "malformed JSON"),
    ("cyclonedx", [], "bom.json", b'{"bomFormat": "CycloneDX", "bomFormat": "x"}',
     "duplicate key 'bomFormat'"),
    ("cyclonedx", [], "bom.json", b"[]", "not a CycloneDX JSON SBOM"),
    ("cyclonedx", [], "bom.json", _with(CDX, "bomFormat", "SPDX"), "not a CycloneDX"),
    ("cyclonedx", [], "bom.json", _with(CDX, "specVersion", "1.1"), "CycloneDX 1.1"),
    ("cyclonedx", [], "bom.json", _with(CDX, "components", {"lib": {"name": "lib"}}),
     "components should be a list, found a mapping"),
    ("cyclonedx", [], "bom.json", _with(CDX, "components", ["lib"]),
     'components[0] should be a mapping, found a text "lib"'),
    ("cyclonedx", [], "bom.json", _with(CDX, "components.0.bom-ref", 5),
     "components[0].bom-ref should be a text, found a whole number 5"),
    ("cyclonedx", [], "bom.json", _with(CDX, "dependencies", {"app": ["lib"]}),
     "dependencies should be a list"),
    ("cyclonedx", [], "bom.json", _with(CDX, "dependencies.0.dependsOn", "lib"),
     'dependencies[0].dependsOn should be a list, found a text "lib"'),
    ("cyclonedx", [], "bom.json", _with(CDX, "dependencies.0", {"dependsOn": ["lib"]}),
     "dependencies[0].ref is missing"),
    ("cyclonedx", [], "bom.json", _with(CDX, "components.0.supplier", "Acme"),
     'components[0].supplier should be a mapping, found a text "Acme"'),
    ("cyclonedx", [], "bom.json", _with(CDX, "components.0.authors", "Ann"),
     "components[0].authors should be a list"),
    ("cyclonedx", [], "bom.json", _with(CDX, "components.0.components", "x"),
     "components[0].components should be a list"),
    ("cyclonedx", [], "bom.json", _with(CDX, "components.0.components", [{"bom-ref": []}]),
     "components[0].components[0].bom-ref should be a text, found a list []"),
    ("cyclonedx", [], "bom.json", _with(CDX, "metadata", []), "metadata should be a mapping"),
    ("cyclonedx", [], "bom.json", _with(CDX, "components.0.licenses", "MIT"),
     'components[0].licenses should be a list, found a text "MIT"'),
    ("cyclonedx", [], "bom.json", _deep_json(100_000), "nested too deeply"),
    ("cyclonedx", [], "bom.json", b'{"bomFormat": ' + b"7" * 5000 + b"}", "more digits"),
    ("cyclonedx", [], "bom", b"x", "malformed JSON"),
    ("cyclonedx", [], "bom.xml", b'<bom xmlns="http://cyclonedx.org/schema/bom/1.5">',
     "malformed XML"),
    ("cyclonedx", [], "bom.xml", b'<!DOCTYPE bom [<!ENTITY x "y">]><bom/>',
     "the XML declares a document type or entities"),
    ("cyclonedx", [], "bom.xml", b'<bom xmlns="http://cyclonedx.org/schema/bom/1.5">'
     b'<dependencies><dependency/></dependencies></bom>', "dependencies[0].ref is missing"),
    # spdx
    ("spdx", [], "app.spdx.json", b'{"name": "x"}', "not an SPDX JSON document"),
    ("spdx", [], "app.spdx.json", _with(SPDX, "spdxVersion", "SPDX-3.0"),
     "SPDX-3.0 is not supported; use SPDX-2.2 or SPDX-2.3"),
    ("spdx", [], "app.spdx", b"SPDXVersion: SPDX-2.3\nthis line has no tag\n",
     "line 2: expected 'Tag: Value', found 'this line has no tag'"),
    ("spdx", [], "app.spdx", b"SPDXVersion: SPDX-2.3\nPackageName: x\nPackageComment: <text>a\n",
     "line 3: <text> is never closed with </text>"),
    ("spdx", [], "app.spdx", b"SPDXVersion: SPDX-2.3\nPackageName: lib\nPackageVersion: 1\n",
     "line 2: package 'lib' has no SPDXID"),
    ("spdx", [], "app.spdx", b"SPDXVersion: SPDX-2.3\nRelationship: SPDXRef-a DEPENDS_ON\n",
     "line 2: a Relationship needs 'A TYPE B'"),
    ("spdx", [], "app.spdx", b"DocumentName: x\nSPDXID: SPDXRef-DOCUMENT\n",
     "no SPDXVersion line"),
    ("spdx", [], "app.spdx.json", _with(SPDX, "packages", "nope"),
     'packages should be a list, found a text "nope"'),
    ("spdx", [], "app.spdx.json", _with(SPDX, "packages.1", {"name": "lib"}),
     "packages[1].SPDXID is missing"),
    ("spdx", [], "app.spdx.json", _with(SPDX, "packages.1.SPDXID", 7),
     "packages[1].SPDXID should be a text, found a whole number 7"),
    ("spdx", [], "app.spdx.json", _with(SPDX, "packages.1.externalRefs", "purl"),
     "packages[1].externalRefs should be a list"),
    ("spdx", [], "app.spdx.json", _with(SPDX, "packages.1.externalRefs", [3]),
     "packages[1].externalRefs[0] should be a mapping, found a whole number 3"),
    ("spdx", [], "app.spdx.json", _with(SPDX, "relationships", "none"),
     "relationships should be a list"),
    ("spdx", [], "app.spdx.json", _with(SPDX, "relationships.0", {"spdxElementId": "a"}),
     "relationships[0].relationshipType is missing"),
    ("spdx", [], "app.spdx.json", _with(SPDX, "documentDescribes", "SPDXRef-app"),
     "documentDescribes should be a list"),
    ("spdx", [], "app.spdx.json", _with(SPDX, "packages.1.supplier", {"name": "Acme"}),
     "packages[1].supplier should be a text, found a mapping"),
    ("spdx", [], "app.spdx.json", b'{"spdxVersion": "SPDX-2.3", "packages": [], '
     b'"packages": []}', "duplicate key 'packages'"),
    # npm-lock
    ("npm-lock", [], "package-lock.json", b'{"name": "x"}', "not an npm package-lock.json"),
    ("npm-lock", [], "package-lock.json", _with(NPM, "lockfileVersion", 4),
     "lockfile version 4 is not supported"),
    ("npm-lock", [], "package-lock.json", b'{"lockfileVersion": 1, "dependencies": ["a"]}',
     "dependencies should be a mapping, found a list"),
    ("npm-lock", [], "package-lock.json", _with(NPM, "lockfileVersion", "3"),
     "lockfile version 3 is not supported"),
    ("npm-lock", [], "package-lock.json", _with(NPM, "packages", [{"name": "lib"}]),
     "packages should be a mapping, found a list"),
    ("npm-lock", [], "package-lock.json", _with(NPM, "packages.node_modules/lib", "1.0.0"),
     'packages.node_modules/lib should be a mapping, found a text "1.0.0"'),
    ("npm-lock", [], "package-lock.json", _with(NPM, "packages.node_modules/lib",
                                                {"dependencies": ["a"]}),
     "packages.node_modules/lib.dependencies should be a mapping, found a list"),
    ("npm-lock", [], "package-lock.json", _with(NPM, "packages.node_modules/lib",
                                                {"name": 42}),
     "packages.node_modules/lib.name should be a text, found a whole number 42"),
    ("npm-lock", [], "package-lock.json", _with(NPM, "packages.node_modules/lib",
                                                {"version": ["1"]}),
     "packages.node_modules/lib.version should be a text"),
    ("npm-lock", [], "package-lock.json", _with(NPM, "packages.node_modules/lib",
                                                {"link": "yes"}),
     'packages.node_modules/lib.link should be true or false, found a text "yes"'),
    ("npm-lock", [], "package-lock.json", b'{"lockfileVersion": 3, "packages": {"": {}, '
     b'"": {}}}', "duplicate key ''"),
    # publiccode
    ("publiccode", [], "publiccode.yml", b"name: App\n", "not a publiccode.yml"),
    ("publiccode", [], "publiccode.yml", PC.replace('"0.4"', '"9.9"').encode(),
     "publiccodeYmlVersion 9.9 is not supported"),
    ("publiccode", [], "publiccode.yml", PC.replace("type: internal", "type: bribery")
     .encode(), 'maintenance.type should be one of contract, internal, community, none, found '
     'a text "bribery"'),
    ("publiccode", [], "publiccode.yml", PC.replace("type: internal", "type: interna")
     .encode(), "did you mean 'internal'?"),
    ("publiccode", [], "publiccode.yml", PC.replace("maintenance:\n  type: internal\n"
                                                    "  contacts: [{name: Ann}]\n",
                                                    "maintenance: yes\n").encode(),
     "maintenance should be a mapping, found true or false true"),
    ("publiccode", [], "publiccode.yml", PC.replace("[{name: Ann}]", "[{email: a@b.c}]")
     .encode(), "maintenance.contacts[0].name is missing"),
    ("publiccode", [], "publiccode.yml", PC.replace("legal: {license: MIT, repoOwner: Org}",
                                                    "legal: [MIT]").encode(),
     "legal should be a mapping, found a list"),
    ("publiccode", [], "publiccode.yml", (PC + "usedBy: {a: b}\n").encode(),
     "usedBy should be a list, found a mapping"),
    ("publiccode", [], "publiccode.yml", (PC + "fundedBy: [[1]]\n").encode(),
     "fundedBy[0] should be a text or a mapping, found a list"),
    ("publiccode", [], "publiccode.yml", (PC + "name: Again\n").encode(), "name"),
    ("publiccode", [], "publiccode.yml", b"publiccodeYmlVersion: [\n", "malformed YAML"),
    ("publiccode", [], "publiccode.yml", (PC + "url: [1, 2]\n").encode(), "url"),
    # funding-yml
    ("funding-yml", ["--map", "component=https://github.com/o/app"], "FUNDING.yml",
     b"custom: 5\n", "custom should be a text or a list, found a whole number 5"),
    ("funding-yml", ["--map", "component=https://github.com/o/app"], "FUNDING.yml",
     b"github: {a: 1}\n", "github should be a text or a list, found a mapping"),
    ("funding-yml", ["--map", "component=https://github.com/o/app"], "FUNDING.yml",
     b"github: [ann, [bob]]\n", 'github[1] should be a text, found a list ["bob"]'),
    ("funding-yml", ["--map", "component=https://github.com/o/app"], "FUNDING.yml",
     b"- github\n", "not a FUNDING.yml"),
    ("funding-yml", ["--map", "component=https://github.com/o/app"], "FUNDING.yml",
     b"sponsors: me\n", "not a FUNDING.yml"),
    ("funding-yml", ["--map", "component=https://github.com/o/app"], "FUNDING.yml",
     b"github: [\n", "malformed YAML"),
    ("funding-yml", ["--map", "component=https://github.com/o/app"], "FUNDING.yml",
     b"github: a\ngithub: b\n", "github"),
    ("funding-yml", [], "FUNDING.yml", b"github: ann\n", "say which repository"),
    # dpg
    ("dpg", [], "app.json", b"[]", "not a DPG nominee file"),
    ("dpg", [], "app.json", _with(DPG, "repositories", "https://github.com/o/app"),
     'repositories should be a list, found a text "https://github.com/o/app"'),
    ("dpg", [], "app.json", _with(DPG, "organizations", "Org"),
     'organizations should be a list, found a text "Org"'),
    ("dpg", [], "app.json", _with(DPG, "organizations.0", {"org_type": "owner"}),
     "organizations[0].name is missing"),
    ("dpg", [], "app.json", _with(DPG, "name", ["App"]), "name should be a text"),
    ("dpg", [], "app.json", _with(DPG, "repositories.0", "https://github.com/o/app"),
     "repositories[0] should be a mapping"),
    ("dpg", [], "app.json", _with(DPG, "repositories.0.url", 5),
     "repositories[0].url should be a text, found a whole number 5"),
    ("dpg", [], "app.json", b'{"name": "A", "name": "B", "organizations": []}',
     "duplicate key 'name'"),
    # grants-csv
    ("grants-csv", [], "grants.csv", b"", "the file is empty"),
    ("grants-csv", [], "grants.csv", b"\x00\x01", "binary file"),
    ("grants-csv", [], "grants.csv", "to_project_name,amount,from_funder_name\nCafé,5,F\n"
     .encode("latin-1"), "not UTF-8 text"),
    ("grants-csv", [], "grants.csv", b"a,b\n1,2\n", "no column"),
    ("grants-csv", [], "grants.csv", b"to_project_name,amount,from_funder_name\nx,lots,F\n",
     "lots"),
    ("grants-csv", [], "grants.csv", b"to_project_name,amount,from_funder_name\nx,inf,F\n",
     "inf"),
    ("grants-csv", [], "grants.csv", b"to_project_name,amount,from_funder_name\nx,NaN,F\n",
     "NaN"),
    ("grants-csv", ["--map", "colour=red"], "grants.csv", b"a\n1\n", "unknown --map key"),
    # edges-csv
    ("edges-csv", [], "edges.csv", b"a,b\n1,2\n", "needs --map from=COLUMN,to=COLUMN"),
    ("edges-csv", ["--map", "from=x,to=y"], "edges.csv", b"a,b\n1,2\n", "x"),
    ("edges-csv", ["--map", "from=a,to=b"], "edges.csv", b"", "the file is empty"),
    ("edges-csv", ["--map", "from=a,to=b"], "edges.csv", b"\x00\x00", "binary file"),
    # git-log
    ("git-log", [], "not-a-clone", b"", "not-a-clone"),
]


@pytest.fixture(scope="module")
def cli(neo4j_env: dict[str, str]) -> Iterator[Any]:
    """`kb ARGS...` in this process, against the test server."""
    runner = CliRunner()
    mp = pytest.MonkeyPatch()
    for k, v in neo4j_env.items():
        mp.setenv(k, v)
    get_settings.cache_clear()

    def run(*args: str) -> Any:
        return runner.invoke(main, list(args))

    yield run
    mp.undo()
    get_settings.cache_clear()


def _fingerprint(driver: Any) -> tuple[int, int, float]:
    records, _, _ = driver.execute_query(
        "CALL () { MATCH (n) RETURN count(n) AS nodes } "
        "CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } "
        "CALL () { MATCH (f:Funding) RETURN coalesce(sum(f.amount), 0) AS money } "
        "RETURN nodes, rels, money")
    r = records[0]
    return r["nodes"], r["rels"], r["money"]


@pytest.fixture(scope="module")
def loaded(driver, settings, cli, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from kb.store import schema

    schema.reset(driver, settings)
    good = tmp_path_factory.mktemp("good") / "good.yaml"
    good.write_text(GOOD)
    res = cli("load", str(good))
    assert res.exit_code == 0, res.output
    return _fingerprint(driver)


def test_the_corpus_has_over_a_hundred_files() -> None:
    assert len(LOAD) + len(IMPORT) >= 100
    assert len({n for n, *_ in LOAD}) == len(LOAD)


def _refused(res: Any, path: Path, fragment: str) -> list[str]:
    out = res.output
    wrong = []
    if res.exit_code == 0:
        wrong.append("exit 0")
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        wrong.append(f"raised {type(res.exception).__name__}: {res.exception}")
    if "Traceback" in out:
        wrong.append("traceback")
    if str(path) not in out and path.name not in out:
        wrong.append("file not named")
    if fragment not in out:
        wrong.append(f"no {fragment!r}")
    return wrong


@pytest.mark.parametrize(("name", "content", "fragment"), LOAD, ids=[c[0] for c in LOAD])
def test_check_and_load_refuse_with_a_located_error(cli, driver, loaded, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    name: str, content: bytes,
                                                    fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    for command in ("check", "load"):
        res = cli(command, str(path))
        assert _refused(res, path, fragment) == [], f"kb {command}: {res.output[-600:]}"
    assert _fingerprint(driver) == loaded


@pytest.mark.parametrize(("fmt", "extra", "name", "content", "fragment"), IMPORT,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(IMPORT)])
def test_importers_refuse_with_a_located_error(cli, driver, loaded, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               fmt: str, extra: list[str], name: str,
                                               content: bytes, fragment: str) -> None:
    path = tmp_path / name
    if fmt == "git-log":
        path.mkdir()  # a folder that is not a git clone
    else:
        path.write_bytes(content)
    res = cli("import", fmt, str(path), *extra)
    assert _refused(res, path, fragment) == [], res.output[-600:]
    assert _fingerprint(driver) == loaded


def test_a_folder_given_as_a_file_is_refused(cli, driver, loaded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for fmt in ("cyclonedx", "spdx", "npm-lock", "publiccode", "dpg", "grants-csv"):
        res = cli("import", fmt, str(tmp_path))
        assert _refused(res, tmp_path, "this is a folder; give the file inside it") == [], (
            fmt, res.output)
    assert _fingerprint(driver) == loaded


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_a_file_with_a_byte_order_mark_is_read(cli, driver, settings, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               encoding: str) -> None:
    # Python's utf-16 and utf-32 codecs write a byte-order mark first, as Windows tools do.
    path = tmp_path / "bom.json"
    path.write_bytes(json.dumps(CDX).encode(encoding))
    res = cli("import", "cyclonedx", str(path), "--dry-run", "--format", "json")
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert report["dry_run"] is True
    assert report["sections"]["components"]["created"] == 1  # pkg:npm/lib@1.0.0
    assert report["sections"]["products"]["created"] == 1  # app
