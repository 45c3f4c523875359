"""Every file in ../shared/data/real-files/ through its importer (issue 18: "the real files
import without error, with counts equal to independent counts"). The expected number of
components of each comes from a walk written for the test (tests/integration/walks.py, JSON,
XML, YAML, TOML and line scans), never from the importer's code; files that are not what
their importer reads (a Drips or Optimism claim, a free-form funding.json, the funding.json
schema itself) must be refused with a message and no traceback, writing nothing."""

from __future__ import annotations

import json
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import SHARED
from tests.integration.walks import (
    _codebases,
    _package,
    _repo,
    npm_lock_names,
    spdx_json_codebases,
    spdx_tv_packages,
)

REAL = SHARED / "data" / "real-files"
FILES = sorted(p.name for p in REAL.iterdir() if p.name != "SOURCES.md")
REFUSED = {"drips-FUNDING-json-vitest.json": "this is a Drips FUNDING.json",
           "funding-json-optimism-opretro-splits-contracts.json":
               "Optimism RetroPGF project claim",
           "funding-json-nonstandard-freeform-db2rest.json": "not a funding.json manifest",
           "floss-fund-funding.schema.v1.0.0.json": "not a funding.json manifest"}


def repository_of(name: str) -> str:
    """The repository a file was taken from, as SOURCES.md lists it."""
    for line in (REAL / "SOURCES.md").read_text().splitlines():
        if line.startswith(f"| `{name}` |"):
            return "https://github.com/" + line.split("|")[2].strip()
    raise AssertionError(f"{name} is not in SOURCES.md")


def cdx_json(path: Path) -> int:
    """Codebases of a CycloneDX JSON BOM's components; the BOM's own subject (its metadata
    component, which some generators list among the components too) is the product."""
    bom = json.loads(path.read_text())
    subject = ((bom.get("metadata") or {}).get("component") or {}).get("bom-ref")
    pairs = []
    stack = list(bom.get("components") or [])
    while stack:
        c = stack.pop()
        stack += c.get("components") or []
        if subject and c.get("bom-ref") == subject:
            continue
        vcs = [r["url"] for r in c.get("externalReferences") or [] if r.get("type") == "vcs"]
        key = _package(c["purl"]) if c.get("purl") else f"{c['name']}@{c.get('version')}"
        pairs.append((_repo(vcs[0]) if vcs else None, key))
    return len(_codebases(pairs))


def cdx_xml(path: Path) -> int:
    root = ET.parse(path).getroot()  # the file is the test's own input
    ns = root.tag.split("}")[0] + "}"
    pairs = []
    top = root.find(ns + "components")
    stack = list(top) if top is not None else []
    while stack:
        c = stack.pop()
        refs = c.find(ns + "externalReferences")
        vcs = [r.findtext(ns + "url") for r in (list(refs) if refs is not None else [])
               if r.get("type") == "vcs"]
        purl = c.findtext(ns + "purl")
        pairs.append((_repo(vcs[0]) if vcs and vcs[0] else None, _package(purl) if purl else
                      f"{c.findtext(ns + 'name')}@{c.findtext(ns + 'version')}"))
        inner = c.find(ns + "components")
        stack += list(inner) if inner is not None else []
    return len(_codebases(pairs))


def spdx_tv(path: Path) -> int:
    pkgs = spdx_tv_packages(path.read_text())
    described = re.findall(r"^Relationship: SPDXRef-DOCUMENT DESCRIBES (\S+)", path.read_text(),
                           re.M)
    product = described[0] if len(set(described)) == 1 else None
    pairs = []
    for p in pkgs:
        if p["SPDXID"] == product:
            continue
        loc = p.get("PackageDownloadLocation", "")
        pairs.append((_repo(loc) if loc.startswith(("git+", "https://github.com/")) else None,
                      _package(p["purl"]) if "purl" in p
                      else f"{p['name']}@{p.get('PackageVersion', 'unversioned')}"))
    return len(_codebases(pairs))


def plan(name: str) -> tuple[str, list[str], int]:
    """(format, extra arguments, expected components) for one file."""
    path = REAL / name
    repo = ["--map", f"component={repository_of(name)}"]
    if name.startswith("cyclonedx-"):
        return "cyclonedx", ["--owner", "o"], cdx_xml(path) if name.endswith(".xml") \
            else cdx_json(path)
    if name.startswith("spdx-") and name.endswith(".json"):
        return "spdx", ["--owner", "o"], len(spdx_json_codebases(json.loads(path.read_text()))[0])
    if name.startswith("spdx-"):
        return "spdx", ["--owner", "o"], spdx_tv(path)
    if name.startswith("npm-lockfile-"):
        return "npm-lock", ["--owner", "o"], len(npm_lock_names(json.loads(path.read_text())))
    if name.startswith("publiccode-"):
        data = yaml.safe_load(path.read_text())
        return "publiccode", [], 1 + len((data.get("dependsOn") or {}).get("open") or [])
    if name.startswith("funding-yml-"):
        return "funding-yml", repo, 1
    if name.startswith("maintainers-") or name.startswith("codeowners-"):
        return "maintainers", repo, 1
    data = json.loads(path.read_text())
    return "funding-json", [], len(data.get("projects") or [])


def maintainers_named(name: str) -> int:
    """How many maintainers a MAINTAINERS or CODEOWNERS file names, counted for the test."""
    text = (REAL / name).read_text()
    if name.startswith("codeowners-"):
        return len({w.lower() for line in text.splitlines()
                    for w in line.split("#", 1)[0].split() if w.startswith("@")})
    if name.endswith(".toml"):
        org = tomllib.loads(text)["Org"]
        return len({p for g, body in org.items() if "alumni" not in g.lower()
                    for p in body.get("people", [])})
    if name.endswith(".md"):
        return len({h.lower() for h in re.findall(r"/ @([A-Za-z0-9-]+)", text)})
    return len([line for line in text.splitlines() if line.strip()])


def test_every_shared_file_has_a_case() -> None:
    assert len(FILES) == 39  # as ../shared/data/README.md says


@pytest.mark.parametrize("name", FILES)
def test_a_shared_real_file_imports_or_is_refused_clearly(kb_cli, empty_kb, name: str) -> None:  # type: ignore[no-untyped-def]
    fmt, extra, expected = plan(name)
    res = kb_cli("import", fmt, str(REAL / name), *extra, "--format", "json")
    assert "Traceback" not in res.stderr
    records, _, _ = empty_kb.execute_query("MATCH (c:Component) RETURN count(c) AS n")
    if name in REFUSED:
        assert res.returncode == 1 and REFUSED[name] in res.stderr
        assert records[0]["n"] == 0
        return
    assert res.returncode == 0, res.stderr[-800:]
    assert records[0]["n"] == expected
    if fmt == "maintainers":
        maint, _, _ = empty_kb.execute_query("MATCH ()-[m:MAINTAINS]->() RETURN count(m) AS n")
        assert maint[0]["n"] == maintainers_named(name)
    done: dict[str, Any] = json.loads(res.stdout)
    assert set(done["account"]) >= {"records", "skipped", "money"}
