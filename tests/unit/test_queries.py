"""The query library: headers, parameters and the rules that keep the files honest."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.errors import UsageError
from kb.store import queries
from kb.store.queries import QueryFileError, load_dir, parse


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


def test_every_shipped_file_parses_and_has_a_header() -> None:
    lib = queries.library()
    files = sorted(queries.CYPHER_DIR.rglob("*.cypher"))
    assert len(lib) == len(files) > 20
    for q in lib.values():
        assert q.description and q.mode in ("read", "write")
        assert not q.text.startswith("//")


def test_param_line_parsing_and_binding(tmp_path: Path) -> None:
    p = write(tmp_path, "q.cypher", "// name: q\n// description: d\n// mode: read\n"
              "// param: as_of: date = today | The day.\n"
              "// param: horizon: int = 180 | Days ahead.\n"
              "// param: who: str | Required.\n"
              "RETURN $as_of, $horizon, $who // trailing $ignored comment\n")
    q = parse(p)
    assert [(x.name, x.type, x.default) for x in q.params] == [
        ("as_of", "date", "today"), ("horizon", "int", "180"), ("who", "str", None)]
    bound = q.bind({"who": "x", "horizon": "30"})
    assert bound["horizon"] == 30 and bound["who"] == "x" and len(bound["as_of"]) == 10
    with pytest.raises(UsageError, match="needs parameter 'who'"):
        q.bind({})
    with pytest.raises(UsageError, match="has no parameter nope") as err:
        q.bind({"who": "x", "nope": 1})
    assert err.value.hint == "Its parameters are: as_of, horizon, who."
    with pytest.raises(UsageError, match="must be a int"):
        q.bind({"who": "x", "horizon": "soon"})


def test_undeclared_parameter_is_rejected_with_file(tmp_path: Path) -> None:
    p = write(tmp_path, "bad.cypher", "// name: bad\n// description: d\n// mode: read\n"
              "RETURN $x\n")
    with pytest.raises(QueryFileError, match=f"{p}: parameter\\(s\\) x used but not declared"):
        parse(p)


def test_unused_parameter_is_rejected(tmp_path: Path) -> None:
    p = write(tmp_path, "bad.cypher", "// name: bad\n// description: d\n// mode: read\n"
              "// param: y: int | never used\nRETURN 1\n")
    with pytest.raises(QueryFileError, match="y declared but not used"):
        parse(p)


def test_missing_header_and_bad_mode(tmp_path: Path) -> None:
    with pytest.raises(QueryFileError, match="header has no 'name:' line"):
        parse(write(tmp_path, "a.cypher", "RETURN 1\n"))
    with pytest.raises(QueryFileError, match="mode must be 'read' or 'write'"):
        parse(write(tmp_path, "b.cypher", "// name: b\n// description: d\n// mode: rw\nRETURN 1"))


def test_bad_param_line_names_file_and_line(tmp_path: Path) -> None:
    p = write(tmp_path, "c.cypher", "// name: c\n// description: d\n// mode: read\n"
              "// param: x: float64 | no such type\nRETURN $x\n")
    with pytest.raises(QueryFileError, match=f"{p}:4: bad param line"):
        parse(p)


def test_duplicate_names_are_rejected(tmp_path: Path) -> None:
    head = "// name: same\n// description: d\n// mode: read\nRETURN 1\n"
    write(tmp_path, "a.cypher", head)
    write(tmp_path, "b.cypher", head)
    with pytest.raises(QueryFileError, match="query name 'same' is already used by"):
        load_dir(tmp_path)


def test_unknown_query_lists_valid_names() -> None:
    with pytest.raises(UsageError) as err:
        queries.get("no-such-query")
    assert "load_upsert_nodes" in (err.value.hint or "")


def test_listed_marks_read_queries_meant_for_people(tmp_path: Path) -> None:
    head = "// name: a\n// description: d\n// mode: read\n"
    assert parse(write(tmp_path, "a.cypher", head + "// listed: yes\nRETURN 1")).listed
    assert not parse(write(tmp_path, "b.cypher", head + "RETURN 1")).listed
    with pytest.raises(QueryFileError, match="listed must be 'yes' or 'no', got 'maybe'"):
        parse(write(tmp_path, "c.cypher", head + "// listed: maybe\nRETURN 1"))
    with pytest.raises(QueryFileError, match="only read queries can be listed for people"):
        parse(write(tmp_path, "d.cypher", "// name: d\n// description: d\n// mode: write\n"
                                          "// listed: yes\nCREATE (:X)"))
    # No internal query of the loader, the panel or the schema is listed.
    listed = {q.path.parent.name for q in queries.library().values() if q.listed}
    assert listed <= {"analyses", "audit", "web", "browse"}
    assert not any(q.listed for q in queries.library().values() if q.mode == "write")
