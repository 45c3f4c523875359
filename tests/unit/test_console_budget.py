"""The console's budget refuses, before Neo4j sees them, the queries that took the server down
or hung a panel worker (issue 19's reports), and lets ordinary queries through."""

from __future__ import annotations

import pytest

from kb.views.console import Refused, budget, strip_literals


def refusal(q: str, params: dict[str, object] | None = None) -> tuple[str, str] | None:
    try:
        budget(q, strip_literals(q), params)
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


NESTED = ("the console allows at most 10,000,000 nested steps, because Neo4j cannot stop a "
          "loop inside one expression at the timeout. UNWIND the outer list instead: Neo4j "
          "stops UNWIND at the timeout")


@pytest.mark.parametrize(("query", "params", "code", "message"), [
    # 3,000 x 3,000 x 3,000 = 27,000,000,000 steps, counted by hand.
    ("RETURN size([x IN range(1,3000) | [y IN range(1,3000) | [z IN range(1,3000) | 1]]])",
     None, "too_much_work",
     "The list comprehension over z (line 1, column 57) runs once for every element of the "
     "list comprehension over x around it (line 1, column 13): 27,000,000,000 steps; " + NESTED),
    # 1,000,000 x 2,000 = 2,000,000,000.
    ("RETURN reduce(s=0, i IN range(1,1000000) |\n s + reduce(t=0, j IN range(1,2000) | t+j))",
     None, "too_much_work",
     "Reduce() over j (line 2, column 12) runs once for every element of reduce() over i "
     "around it (line 1, column 14): 2,000,000,000 steps; " + NESTED),
    ("MATCH (n) WITH collect(n) AS a RETURN size([x IN a | [y IN a | 1]])", None,
     "too_much_work", "The list comprehension over y (line 1, column 54) runs once for every "
     "element of the list comprehension over x around it (line 1, column 44), and the query "
     "does not show how long those lists are; " + NESTED),
    ("RETURN [x IN range(1, toInteger('3000000000')) | x]", None, "unsized_range",
     "range() at line 1, column 14 has bounds the console cannot size before running it; "
     "write them as whole numbers, parameters or size(...) arithmetic"),
    ("RETURN range(1, 1000000 * 1000000)", None, "too_large",
     "range(1, 1000000000000) has 1,000,000,000,000 elements; the console allows at most "
     "1,000,000 in one range"),
    ("RETURN range(1, $n)", {"n": 10**10}, "too_large",
     "range(1, 10000000000) has 10,000,000,000 elements; the console allows at most "
     "1,000,000 in one range"),
    ("RETURN range(1, $n)", {"n": "ten"}, "unsized_range",
     "range() at line 1, column 8 has bounds the console cannot size before running it (a "
     "parameter that is not a whole number, or arithmetic it cannot follow)"),
    ("RETURN reduce(s='a', i IN range(1,100) | replace(s, 'a', 'aa'))", None,
     "grows_too_fast", "reduce over i (line 1, column 14) calls replace() on its accumulator, "
     "so its value can double with each step, over 100 steps; the console allows such a "
     "reduce at most 10 steps"),
    ("MATCH (n) WITH collect(n.name) AS l RETURN reduce(s='', x IN l | s + x + s)", None,
     "grows_too_fast", "reduce over x (line 1, column 50) uses its accumulator s 2 times, so "
     "its value can double with each step, over a list whose length the query does not show; "
     "the console allows such a reduce at most 10 steps"),
    ("WITH 'ab' AS s " + "WITH s + s AS s " * 11 + "RETURN size(s)", None, "grows_too_fast",
     "the query adds a value to itself 11 times, which can double it each time; the console "
     "allows at most 10"),
])
def test_loops_neo4j_cannot_stop_are_refused(query: str, params: dict[str, object] | None,
                                             code: str, message: str) -> None:
    assert refusal(query, params) == (code, message)


@pytest.mark.parametrize("query", [
    # One level over a list of any size: Neo4j finishes 1,000,000 steps in well under a second.
    "MATCH (n) WITH collect(n) AS a RETURN [x IN a WHERE x.id STARTS WITH 'a' | x.id]",
    # labels() counts as 10: 1,000,000 x 10 is within the budget.
    "MATCH (n) WITH collect(n) AS a RETURN [x IN a WHERE any(l IN labels(x) WHERE l = 'A')]",
    # 1,000 x 1,000 = 1,000,000; a list written out is counted by its items.
    "RETURN [x IN range(1, 1000) | [y IN range(1, 1000) | x * y]]",
    "RETURN [x IN ['a', 'b,c', 'd'] | [y IN range(1, 100) | x]]",
    # An inner list in the outer one's source is walked once, not once per element.
    "RETURN [x IN [y IN range(1, 1000000) | y] WHERE x > 5]",
    # The accumulator twice without + or *: the largest value so far, which does not grow.
    "MATCH (n) WITH collect(n.v) AS l RETURN reduce(m = 0, x IN l | CASE WHEN x > m THEN x "
    "ELSE m END)",
    "RETURN reduce(s = 'ab', i IN range(1, 10) | s + s)",
    "WITH [1, 2, 3] AS l RETURN [i IN range(0, size(l) - 1) | l[i]]",
    "RETURN range(1, $n, 2)",
    "MATCH (n) WHERE n.id IN ['a', 'b'] RETURN [x IN [1, 2] WHERE x IN [1]]",
])
def test_bounded_loops_pass(query: str) -> None:
    assert refusal(query, {"n": 100}) is None


def test_literals_are_blanked_in_place() -> None:
    q = "RETURN 'a(b' AS x // range(1, 9999999999)\nRETURN 2"
    bare = strip_literals(q)
    assert len(bare) == len(q)
    assert bare == "RETURN " + " " * len("'a(b'") + " AS x " + " " * len(
        "// range(1, 9999999999)") + "\nRETURN 2"
