"""Shared fixtures. Integration tests get a real Neo4j 5.26, found in this order:

1. `KB_TEST_NEO4J_URI` (+ `KB_TEST_NEO4J_USER`, `KB_TEST_NEO4J_PASSWORD`): a server you run.
   The tests empty it, so never point this at data you care about.
2. A Docker engine that answers: `neo4j:5.26-community` through testcontainers.
3. Otherwise the project's own provisioned server, in `.kb/test` on port 7688, started here
   and stopped at the end of the session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The shared real data sits beside the clone (as in CI); KB_SHARED_DIR can point elsewhere.
SHARED = Path(os.environ.get("KB_SHARED_DIR", str(ROOT.parent / "shared")))
EXAMPLES = ROOT / "examples"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests by folder, so `-m 'not integration'` works."""
    for item in items:
        parts = Path(str(item.fspath)).parts
        if "integration" in parts:
            item.add_marker(pytest.mark.integration)
        if "browser" in parts:
            item.add_marker(pytest.mark.integration)
            item.add_marker(pytest.mark.browser)


def _docker_answers() -> bool:
    if not shutil.which("docker"):
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.fixture(scope="session")
def neo4j_env() -> Iterator[dict[str, str]]:
    """Environment variables that point `kb` and the app at the test server."""
    if os.environ.get("KB_TEST_NEO4J_URI"):
        yield {
            "NEO4J_URI": os.environ["KB_TEST_NEO4J_URI"],
            "NEO4J_USER": os.environ.get("KB_TEST_NEO4J_USER", "neo4j"),
            "NEO4J_PASSWORD": os.environ.get("KB_TEST_NEO4J_PASSWORD", ""),
        }
        return
    if _docker_answers():
        from testcontainers.neo4j import Neo4jContainer  # type: ignore[import-not-found]

        with Neo4jContainer("neo4j:5.26-community") as container:
            yield {
                "NEO4J_URI": container.get_connection_url(),
                "NEO4J_USER": "neo4j",
                "NEO4J_PASSWORD": container.password,
            }
        return
    from kb.settings import Settings
    from kb.store.server import local

    state = ROOT / ".kb" / "test"
    settings = Settings(kb_state_dir=state, kb_neo4j_port=7688, kb_neo4j_heap="1g",
                        kb_neo4j_pagecache="512m", _env_file=None)  # type: ignore[call-arg]
    # Reuse the jars the project already fetched, rather than a second download.
    shared_lib = ROOT / ".kb" / "neo4j" / "lib"
    test_lib = local.layout(settings).lib
    if shared_lib.exists() and not test_lib.exists():
        test_lib.parent.mkdir(parents=True, exist_ok=True)
        test_lib.symlink_to(shared_lib)
    local.start(settings)
    try:
        yield {
            "NEO4J_URI": local.local_uri(settings),
            "NEO4J_USER": "neo4j",
            "NEO4J_PASSWORD": local.read_password(settings) or "",
        }
    finally:
        local.stop(settings)


@pytest.fixture(scope="session")
def settings(neo4j_env: dict[str, str]):  # type: ignore[no-untyped-def]
    """Settings for the test server."""
    from kb.settings import Settings

    return Settings(
        neo4j_uri=neo4j_env["NEO4J_URI"], neo4j_user=neo4j_env["NEO4J_USER"],
        neo4j_password=neo4j_env["NEO4J_PASSWORD"], _env_file=None,  # type: ignore[call-arg]
    )


@pytest.fixture(scope="session")
def driver(settings):  # type: ignore[no-untyped-def]
    """A driver to the test server, with the schema in place, wired as the CLI and the
    panel wire the application: the risk engine renews its snapshot after kb's writes."""
    from kb.analysis import fastrisk
    from kb.store import db, schema

    fastrisk.subscribe()
    drv = db.open_driver(settings)
    schema.ensure_schema(drv, settings)
    yield drv
    drv.close()


@pytest.fixture()
def empty_kb(driver, settings):  # type: ignore[no-untyped-def]
    """An empty knowledge base for one test."""
    from kb.store import schema

    schema.reset(driver, settings)
    return driver


@pytest.fixture()
def kb_cli(neo4j_env: dict[str, str]):  # type: ignore[no-untyped-def]
    """Run the real `kb` command against the test server; returns CompletedProcess."""

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
        full_env = {**os.environ, **neo4j_env, **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "kb", *args], capture_output=True, text=True,
            cwd=ROOT, env=full_env, input=input, timeout=300,
        )

    return run


def count_nodes(driver, settings) -> int:  # type: ignore[no-untyped-def]
    """How many nodes the knowledge base holds."""
    from kb.store import db

    return int(db.run(driver, "count_nodes", settings=settings)[0]["nodes"])
