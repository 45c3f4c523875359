"""The Docker path, checked offline: compose structure and Dockerfile."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_compose_runs_neo4j_with_healthcheck_and_volume_and_app_waits() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    neo = compose["services"]["neo4j"]
    assert neo["image"] == "neo4j:5.26-community"
    assert "healthcheck" in neo and neo["healthcheck"]["test"]
    assert any(v.endswith(":/data") for v in neo["volumes"])
    assert "neo4j-data" in compose["volumes"]
    # Ports bound to loopback only.
    assert all(p.startswith("127.0.0.1:") for p in neo["ports"])
    app = compose["services"]["app"]
    assert app["build"] == "."
    assert app["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert app["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert "/healthz" in " ".join(app["healthcheck"]["test"])
    # A missing secret fails fast.
    assert ":?" in neo["environment"]["NEO4J_AUTH"]


def test_dockerfile_installs_the_package_and_serves() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert text.startswith("# ") and "FROM python:3.11" in text
    assert "pip install" in text and '"kb", "serve"' in text
