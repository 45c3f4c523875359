"""How `kb` reports Neo4j refusing work: a short message and a hint fit for the server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from neo4j.exceptions import Neo4jError

from kb.cli.common import friendly
from kb.settings import get_settings

# What Neo4j 5.26 said when a 1,000,000-component load outgrew a 6g heap (measured).
REFUSED = ("The allocation of an extra 192.0 MiB would use more than the limit 4.2 GiB. "
           "Currently using 4.2 GiB. dbms.memory.transaction.total.max threshold reached")


@click.command()
@friendly
def refused() -> None:
    raise Neo4jError._hydrate_neo4j(  # the driver's own constructor for server errors
        code="Neo.TransientError.General.MemoryPoolOutOfMemoryError", message=REFUSED)


@pytest.fixture()
def fresh_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.chdir(tmp_path)  # no .env from the checkout
    for name in ("NEO4J_URI", "KB_NEO4J_HEAP"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.parametrize(("env", "hint"), [
    ({"KB_NEO4J_HEAP": "6g"},
     "The server `kb neo4j start` runs has a 6g heap: give it more (KB_NEO4J_HEAP=12g, then "
     "`kb neo4j stop && kb neo4j start`), or split the input."),
    ({"KB_NEO4J_HEAP": "512m"},
     "The server `kb neo4j start` runs has a 512m heap: give it more (KB_NEO4J_HEAP=1024m, "
     "then `kb neo4j stop && kb neo4j start`), or split the input."),
    ({"NEO4J_URI": "bolt://db.example:7687", "KB_NEO4J_HEAP": "6g"},
     "Give the server at bolt://db.example:7687 a larger heap (server.memory.heap.max_size in "
     "its neo4j.conf), or split the input."),
])
def test_out_of_memory_names_the_heap_to_raise(fresh_settings: None,
                                               monkeypatch: pytest.MonkeyPatch,
                                               env: dict[str, str], hint: str) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    res = CliRunner().invoke(refused, [])
    assert res.exit_code == 1
    assert res.exception is None or isinstance(res.exception, SystemExit)  # no traceback
    assert res.output.splitlines() == [
        f"error: Neo4j refused the work: {REFUSED}",
        "The transaction needed more memory than the server allows (all transactions together "
        "may use 70% of its heap); nothing was written. " + hint,
    ]
