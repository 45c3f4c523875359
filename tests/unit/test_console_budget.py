"""The console's budget refuses, before Neo4j sees them, the queries that took the server down
or hung a panel worker (issue 19's reports), and lets ordinary queries through."""

from __future__ import annotations

import pytest

from kb.views.console import Refused, budget, strip_literals


def refusal(q: str) -> tuple[str, str] | None:
    try:
        budget(q, strip_literals(q))
    except Refused as exc:
        return exc.code, exc.message
    return None


@pytest.mark.parametrize(("query", "code", "message"), [
    ("RETURN size([x IN range(1, 50000000) | [x, x, x]]) AS s", "too_large",
     "range(1, 50000000) has 50,000,000 elements; the console allows at most 1,000,000 in one "
     "range"),
    ("RETURN reduce(s=0, i IN range(1,2000000000) | s+i)", "too_large",
     "range(1, 2000000000) has 2,000,000,000 elements; the console allows at most 1,000,000 "
     "in one range"),
    ("RETURN [x IN range(1,3000000) | x]", "too_large",
     "range(1, 3000000) has 3,000,000 elements; the console allows at most 1,000,000 in one "
     "range"),
    ("RETURN " + "(" * 3000 + "1" + ")" * 3000, "too_deep",
     "the query nests brackets 3,000 deep; the console takes at most 64"),
    ("RETURN " + "[" * 200 + "]" * 200, "too_deep",
     "the query nests brackets 200 deep; the console takes at most 64"),
    ("MATCH (n) WHERE " + " OR ".join(f"n.a={i}" for i in range(1500)) + " RETURN n",
     "too_many_terms", "the query has 1,499 AND/OR/XOR/+ terms; the console takes at most "
     "1,000"),
    ("RETURN '" + "a" * 25_000 + "'", "too_long",
     "the query is 25,009 characters; the console takes at most 20,000"),
])
def test_hostile_queries_are_refused_with_the_reason(query: str, code: str,
                                                      message: str) -> None:
    assert refusal(query) == (code, message)


@pytest.mark.parametrize("query", [
    "MATCH (c:Component)<-[:DEPENDS_ON]-(d) RETURN c, d LIMIT 25",
    "RETURN [x IN range(1, 1000) | x * 2]",
    "RETURN range(10, 1, -1)",
    "MATCH (a)-[r]->(b) WHERE a.id = 'x' OR b.id = 'y' RETURN count(*)",
    "RETURN '((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((' AS s",
    "// range(1, 99999999999) in a comment\nRETURN 1",
])
def test_ordinary_queries_pass(query: str) -> None:
    assert refusal(query) is None
