"""`kb query`: the console's guard, limits and errors from a shell (issue 24), against the
real Neo4j, with the demo ecosystem loaded. Expected values are read off
examples/ebola-emr.yaml: 15 actors; relief-ngo is "Harbourlight Relief"."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from kb.cli.main import main
from kb.ingest import loader
from kb.settings import get_settings
from kb.store import schema
from tests.conftest import EXAMPLES
from tests.integration.test_console_hostile import Q, _fingerprint


@pytest.fixture(scope="module")
def demo(driver, settings):  # type: ignore[no-untyped-def]
    schema.reset(driver, settings)
    loader.load(driver, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    return driver


@pytest.fixture()
def kb(demo, neo4j_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """`kb ARGS...` in this process; `env` sets more variables for one call."""
    for k, v in neo4j_env.items():
        monkeypatch.setenv(k, v)

    def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Any:
        for k, v in (env or {}).items():
            monkeypatch.setenv(k, v)
        get_settings.cache_clear()
        return CliRunner().invoke(main, list(args), input=input)

    yield run
    get_settings.cache_clear()


ACTORS = "MATCH (a:Actor) RETURN a.id AS id, a.name AS name ORDER BY id"


def test_each_format_answers(kb) -> None:  # type: ignore[no-untyped-def]
    as_json = kb("query", ACTORS, "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    answer = json.loads(as_json.stdout)
    assert answer["columns"] == ["id", "name"] and len(answer["rows"]) == 15
    assert ["relief-ngo", "Harbourlight Relief"] in answer["rows"]
    assert answer["truncated"] is False and answer["cut"] is None

    as_csv = kb("query", ACTORS, "--format", "csv")
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert rows[0] == ["id", "name"] and len(rows) == 16
    assert ["relief-ngo", "Harbourlight Relief"] in rows
    assert as_csv.stderr.strip() == "15 row(s)"

    table = kb("query", "MATCH (a:Actor {id: $id}) RETURN a", "--param", "id=relief-ngo")
    assert table.exit_code == 0
    assert '(:Actor {' in table.stdout and '"Harbourlight Relief"' in table.stdout
    assert table.stderr.strip() == "1 row(s)"


def test_params_are_json_when_they_can_be(kb) -> None:  # type: ignore[no-untyped-def]
    res = kb("query", "RETURN $n + 1 AS n, $l AS l, $s AS s", "-p", "n=41", "-p", "l=[1, 2]",
             "-p", "s=ebola-emr", "--format", "json")
    assert json.loads(res.stdout)["rows"] == [[42, [1, 2], "ebola-emr"]]
    bad = kb("query", "RETURN 1", "-p", "oops")
    assert bad.exit_code == 2  # a usage error
    assert "error: --param 'oops' is not NAME=VALUE" in bad.stderr


def test_a_query_from_a_file_or_standard_input(kb, tmp_path) -> None:  # type: ignore[no-untyped-def]
    q = tmp_path / "count.cypher"
    q.write_text("MATCH (a:Actor) RETURN count(a) AS actors\n")
    assert json.loads(kb("query", "-f", str(q), "--format", "json").stdout)["rows"] == [[15]]
    piped = kb("query", "-f", "-", "--format", "json", input="RETURN 'piped' AS s")
    assert json.loads(piped.stdout)["rows"] == [["piped"]]
    both = kb("query", "RETURN 1", "-f", str(q))
    assert both.exit_code == 2 and "not both or neither" in both.stderr


def test_a_write_is_refused_with_the_panels_message(kb, demo) -> None:  # type: ignore[no-untyped-def]
    before = _fingerprint(demo)
    res = kb("query", "MATCH (n) DETACH DELETE n")
    assert res.exit_code == 2
    assert res.stderr.splitlines()[0] == ("error: the console only runs read queries; this one "
                                          "writes")
    assert _fingerprint(demo) == before


def test_row_cap_size_cap_and_timeout(kb) -> None:  # type: ignore[no-untyped-def]
    capped = kb("query", ACTORS, "--format", "csv", env={"KB_ROW_CAP": "3"})
    assert len(list(csv.reader(io.StringIO(capped.stdout)))) == 1 + 3
    assert capped.stderr.strip() == "3 row(s), cut at the row cap (KB_ROW_CAP, 3)"
    slow = kb("query", "UNWIND range(1, 1000000) AS a UNWIND range(1, 1000000) AS b "
              "RETURN count(*)", env={"KB_QUERY_TIMEOUT": "0.5"})
    assert slow.exit_code == 1
    assert "Queries stop after 0.5 s (KB_QUERY_TIMEOUT); narrow it down." in slow.stderr


def test_explain_shows_the_plan_and_warns(kb) -> None:  # type: ignore[no-untyped-def]
    res = kb("query", "--explain", "MATCH (a:Actor), (c:Component) RETURN a.id, c.id")
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].startswith("ProduceResults")
    assert any(line.strip().startswith("CartesianProduct") for line in lines)
    # Which side the planner puts first is its choice.
    assert lines[-1] in [f"warning: cartesian product: every row of ({x}) with every row of "
                         f"({y}); connect the patterns, or the rows multiply"
                         for x, y in (("a", "c"), ("c", "a"))]
    plan = json.loads(kb("query", "--explain", "--format", "json",
                         "MATCH p = (a)-[:GIVES*2..]->(b) RETURN count(p)").stdout)
    assert plan["warnings"] == [
        "variable-length pattern with no upper bound: (a)-[anon_0:GIVES*2..]->(b); give it "
        "one, as in [*..5], or it may walk the whole graph"]
    bounded = json.loads(kb("query", "--explain", "--format", "json",
                            "MATCH p = (a)-[:GIVES*1..3]->(b) RETURN count(p)").stdout)
    assert bounded["warnings"] == []


def _exits(status: int, reason: str | None) -> set[int]:
    """The exit codes `kb query` may give where the panel answers `status`."""
    if status == 200:
        return {0}
    if status == 400:  # a refusal by reason code, or (no code, a write) possibly Neo4j's error
        return {2} if reason not in (None, "write") else {1, 2}
    return {3} if status == 503 else {1}


def test_the_hostile_suite_through_kb_query(kb, demo) -> None:  # type: ignore[no-untyped-def]
    """The panel's regression suite: each status maps to an exit code (200: 0; refused: 2;
    any other error: 1); no traceback; nothing changes."""
    before = _fingerprint(demo)
    wrong = []
    for cypher, params, statuses, reason in Q:
        args = ["query", cypher, *(x for k, v in params.items()
                                   for x in ("-p", f"{k}={json.dumps(v)}"))]
        res = kb(*args, env={"KB_QUERY_TIMEOUT": "1"})
        exits = set().union(*(_exits(status, reason) for status in statuses))
        if res.exit_code not in exits or "Traceback" in res.output or (
                res.exception is not None and not isinstance(res.exception, SystemExit)):
            wrong.append((cypher[:60], res.exit_code, res.output[-200:]))
    assert wrong == [], "\n".join(map(str, wrong))
    assert _fingerprint(demo) == before
