"""The provisioned server's generated password reaches neo4j-admin intact.

A password that begins with "-" once made `neo4j-admin dbms set-initial-password` read it as an
option, print its usage and fail `kb neo4j start` (one start in 64, seen in CI). These tests
start a throwaway server in a temporary state folder, reusing the jars the test server fetched.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import GraphDatabase

from kb.errors import KBError
from kb.settings import Settings
from kb.store.server import local

ROOT = Path(__file__).resolve().parents[2]
PORT = 7691  # beside the test (7688), bench (7689) and bench-smoke (7690) servers


def _jars() -> Path:
    for lib in (ROOT / ".kb" / "neo4j" / "lib", ROOT / ".kb" / "test" / "neo4j" / "lib"):
        if (lib / f".complete-{local.NEO4J_VERSION}").exists():
            return lib.resolve()
    pytest.skip("no fetched Neo4j jars (the test server is external or in Docker)")


def _state(tmp_path: Path, password: str, neo4j_env: dict[str, str]) -> Settings:
    settings = Settings(kb_state_dir=tmp_path, kb_neo4j_port=PORT, kb_neo4j_heap="512m",
                        kb_neo4j_pagecache="64m", _env_file=None)  # type: ignore[call-arg]
    lay = local.layout(settings)
    lay.root.mkdir(parents=True)
    lay.lib.symlink_to(_jars())
    lay.password_file.write_text(password + "\n")
    return settings


def test_a_password_starting_with_a_dash_is_set_and_opens_the_server(
    tmp_path: Path, neo4j_env: dict[str, str]
) -> None:
    password = "-Xdash-first-0123456789abcdefghij"
    settings = _state(tmp_path, password, neo4j_env)
    try:
        local.start(settings)
        with GraphDatabase.driver(local.local_uri(settings), auth=("neo4j", password)) as drv:
            records, _, _ = drv.execute_query("RETURN 41 + 1 AS answer")
        assert records[0]["answer"] == 42
    finally:
        local.stop(settings)


def test_a_password_neo4j_refuses_is_reported_with_its_reason_and_sets_nothing(
    tmp_path: Path, neo4j_env: dict[str, str]
) -> None:
    settings = _state(tmp_path, "short", neo4j_env)
    lay = local.layout(settings)
    with pytest.raises(KBError) as err:
        local.configure(settings, local.find_java(settings))
    assert err.value.message == (
        "could not set the initial Neo4j password (neo4j-admin exit 70): "
        "A password must be at least 8 characters."
    )
    assert err.value.hint == (
        f"Remove {lay.data} and {lay.password_file} to start afresh (this deletes the data)."
    )
    assert not (lay.data / "dbms" / "auth.ini").exists()
