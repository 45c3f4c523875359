"""The benchmark harness reports a size whose load kb refused, in its JSON and its docs table."""

from __future__ import annotations

import json
from pathlib import Path

from bench.harness import charts, mib, refusal, results_tables
from tests.unit.test_cli_errors import REFUSED

# What `kb load --format json` printed when Neo4j refused the 1M load (stdout is empty then).
MEMORY_STDERR = (f"error: Neo4j refused the work: {REFUSED}\n"
                 "The transaction needed more memory than the server allows ...\n")


def test_a_server_refusal_is_the_error_line_without_its_prefix() -> None:
    assert refusal("", MEMORY_STDERR) == f"Neo4j refused the work: {REFUSED}"


def test_invalid_input_is_the_first_problem_and_how_many_more() -> None:
    problem = {"where": "g.json: components[3] (id=c3) field 'depends_on'",
               "reason": "unknown id 'nowhere'"}
    one = json.dumps({"ok": False, "problems": [problem]})
    three = json.dumps({"ok": False, "problems": [problem, problem, problem]})
    assert refusal(one, "") == ("g.json: components[3] (id=c3) field 'depends_on': "
                                "unknown id 'nowhere'")
    assert refusal(three, "").endswith("unknown id 'nowhere' (and 2 more problems)")
    two = json.dumps({"ok": False, "problems": [problem, problem]})
    assert refusal(two, "").endswith("(and 1 more problem)")


def test_anything_else_is_the_last_line_kb_printed() -> None:
    assert refusal("", "Traceback ...\nMemoryError\n") == "MemoryError"
    assert refusal("", "") == "(kb printed nothing)"


def test_a_refused_size_fills_every_column_of_both_tables() -> None:
    report = {"neo4j": {"heap": "6g", "pagecache": "4g"}, "results": [{
        "components": 1_000_000, "records": 2_459_780, "dependency_edges": 10_025_590,
        "load_refused": "Neo4j refused the work: a | b", "load_refused_after_s": 166.0,
        "load_peak_rss_mib": 7373, "records_after_refusal": 0,
        "neo4j_peak_rss_mib_loads": 10240, "panel": {}}]}
    figures, memory = results_tables(report).split("\n\nPeak resident memory")
    header, _, row = figures.splitlines()
    assert row.count("|") == header.count("|") == 22
    assert row.startswith("| 1,000,000 | 2,459,780 | 10,025,590 | refused after 166.0 s, "
                          "0 records written: Neo4j refused the work: a / b | - | - | 7373 |")
    assert memory.splitlines()[-1] == "| 1,000,000 | 7373 | - (0) | 10240 | - | 6g + 4g |"


def test_neo4j_memory_sizes_in_mib() -> None:
    assert (mib("6g"), mib("512m"), mib("2048k"), mib("1048576")) == (6144, 512, 2, 1)
    assert mib("lots") is None


def test_a_run_with_only_a_refused_size_draws_only_what_it_measured(tmp_path: Path) -> None:
    refused = {"components": 1_000_000, "records": 2_463_987, "dependency_edges": 10_027_224,
               "load_refused": "Neo4j refused the work", "load_refused_after_s": 156.7,
               "load_peak_rss_mib": 7211, "records_after_refusal": 0,
               "neo4j_peak_rss_mib_loads": 6911, "panel": {}}
    assert charts([refused], tmp_path, 10240) == ["memory.png"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memory.png"]
