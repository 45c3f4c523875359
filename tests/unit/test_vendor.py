"""The vendored JavaScript is there, with its licence and the version the README states."""

from __future__ import annotations

from pathlib import Path

VENDOR = Path(__file__).resolve().parents[2] / "web" / "static" / "vendor"


def test_vendored_files_and_licences() -> None:
    readme = (VENDOR / "README.md").read_text()
    assert "`cytoscape@3.34.4`" in readme and "`codemirror@5.65.21`" in readme
    for lib in ("cytoscape", "codemirror"):  # both MIT
        licence = (VENDOR / lib / "LICENSE").read_text()
        assert "Permission is hereby granted, free of charge" in licence
    cy = (VENDOR / "cytoscape" / "cytoscape.min.js").read_text()
    assert "Cytoscape Consortium" in cy[:400]
    assert "defineMode(\"cypher\"" in (VENDOR / "codemirror" / "cypher.js").read_text()


def test_templates_load_nothing_from_the_network() -> None:
    templates = Path(__file__).resolve().parents[2] / "web" / "templates"
    for t in templates.glob("*.html"):
        text = t.read_text()
        assert "src=\"http" not in text and "href=\"http" not in text, t.name
