"""The vendored JavaScript is there, with its licence and the version the README states."""

from __future__ import annotations

from pathlib import Path

VENDOR = Path(__file__).resolve().parents[2] / "web" / "static" / "vendor"


def test_vendored_files_and_licences() -> None:
    readme = (VENDOR / "README.md").read_text()
    assert "`cytoscape@3.34.4`" in readme and "`@neo4j-cypher/codemirror@1.0.3`" in readme
    licence = (VENDOR / "cytoscape" / "LICENSE").read_text()
    assert "Permission is hereby granted, free of charge" in licence
    cy = (VENDOR / "cytoscape" / "cytoscape.min.js").read_text()
    assert "Cytoscape Consortium" in cy[:400]


def bundled_packages(folder: str) -> dict[str, str]:
    """The packages a bundle pins (its source/package-lock.json, esbuild aside), each of
    which the vendor README and the bundle's THIRD-PARTY-LICENSES.txt must name."""
    import json

    bundle = VENDOR / folder
    lock = json.loads((bundle / "source" / "package-lock.json").read_text())
    bundled = {path.split("node_modules/")[-1]: info["version"]
               for path, info in lock["packages"].items()
               if path and "esbuild" not in path}
    readme = (VENDOR / "README.md").read_text()
    licences = (bundle / "THIRD-PARTY-LICENSES.txt").read_text()
    for name, version in bundled.items():
        assert f"| `{name}` | {version} |" in readme, name
        assert f"==== {name}@{version} (" in licences, name
    return bundled


def test_the_cypher_editor_bundle_names_every_package_and_licence() -> None:
    editor = VENDOR / "cypher-editor"
    bundled = bundled_packages("cypher-editor")
    assert bundled["@neo4j-cypher/codemirror"] == "1.0.3"
    assert "window.vnCypher" in (editor / "source" / "entry.js").read_text()
    assert "vnCypher" in (editor / "cypher-editor.js").read_text()


def test_templates_load_nothing_from_the_network() -> None:
    templates = Path(__file__).resolve().parents[2] / "web" / "templates"
    for t in templates.glob("*.html"):
        text = t.read_text()
        assert "src=\"http" not in text and "href=\"http" not in text, t.name


def test_the_network_map_bundle_names_every_package_and_licence() -> None:
    bundle = VENDOR / "network-map"
    bundled = bundled_packages("network-map")
    assert bundled["sigma"] == "4.0.4" and bundled["graphology"] == "0.26.0"
    assert bundled["graphology-communities-louvain"] == "2.0.2"
    assert "window.vnMap" in (bundle / "source" / "entry.js").read_text()
    assert "vnMap" in (bundle / "network-map.js").read_text()
