"""Warnings read off a plan tree (shapes as Neo4j 5.26's EXPLAIN gives them)."""

from __future__ import annotations

from typing import Any

from kb.views.console_plan import render_text, warnings


def node(op: str, details: str = "", rows: float | None = 1.0, ids: list[str] | None = None,
         children: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"operator": op, "details": details, "estimated_rows": rows,
            "identifiers": ids or [], "children": children or []}


def test_a_cartesian_product_names_both_sides() -> None:
    tree = node("ProduceResults", children=[node("CartesianProduct", children=[
        node("NodeByLabelScan", "a:Actor", 15, ["a"]),
        node("NodeByLabelScan", "c:Component", 8, ["c"])])])
    assert warnings(tree) == ["cartesian product: every row of (a) with every row of (c); "
                              "connect the patterns, or the rows multiply"]


def test_variable_length_patterns_warn_only_without_an_upper_bound() -> None:
    def expand(details: str) -> dict[str, Any]:
        return node("ProduceResults", children=[node("VarLengthExpand(All)", details)])

    assert warnings(expand("(a)-[anon_0*]-(b)")) != []
    assert warnings(expand("(a)-[anon_0:GIVES*2..]->(b)")) != []
    assert warnings(expand("(a)-[anon_0:GIVES*..3]->(b)")) == []
    assert warnings(expand("(a)-[anon_0:GIVES*2..5]->(b)")) == []


def test_the_text_plan_indents_children_and_rounds_rows() -> None:
    tree = node("ProduceResults", "a", 1936.4, children=[node("AllNodesScan", "a", 0.5)])
    assert render_text(tree) == ["ProduceResults  ~1,936 rows  a",
                                 "  AllNodesScan  ~0.5 rows  a"]
