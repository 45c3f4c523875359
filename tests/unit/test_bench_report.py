"""The benchmark harness: what it reads from a file it is given, and how it reports a size
whose load kb refused, in its JSON and its docs table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.harness import (
    charts,
    describe,
    importer_took,
    main,
    mib,
    refusal,
    results_tables,
    targets_table,
)
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


def test_a_refused_size_fills_every_column_of_all_three_tables() -> None:
    report = {"neo4j": {"heap": "6g", "pagecache": "4g"}, "results": [{
        "components": 1_000_000, "records": 2_459_780, "dependency_edges": 10_025_590,
        "load_refused": "Neo4j refused the work: a | b", "load_refused_after_s": 166.0,
        "load_peak_rss_mib": 7373, "records_after_refusal": 0,
        "neo4j_peak_rss_mib_loads": 10240, "panel": {}}]}
    figures, rest = results_tables(report).split("\n\nPeak resident memory")
    memory, rest = rest.split("\n\nReports, the overview and the planner")
    pages, loads = rest.split("\n\nLoad paths")
    header, _, row = figures.splitlines()
    assert row.count("|") == header.count("|") == 22
    assert row.startswith("| 1,000,000 | 2,459,780 | 10,025,590 | refused after 166.0 s, "
                          "0 records written: Neo4j refused the work: a / b | - | - | 7373 |")
    assert memory.splitlines()[-1] == "| 1,000,000 | 7373 | - (0) | 10240 | - | 6g + 4g |"
    *_, last = pages.splitlines()
    assert last == "| 1,000,000 | - | - | - | - | - | - | - | - |"
    assert pages.splitlines()[-3].count("|") == last.count("|") == 10
    # nothing was loaded: the load paths' table has its header only, and no targets follow
    assert loads.splitlines()[-1].startswith("| ---") and "Targets" not in loads


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


def test_a_given_file_is_described_as_kb_reads_it(tmp_path: Path) -> None:
    # Three components with 2 + 1 + 0 dependency edges; two funders give money and are
    # never given any (f-b twice, so it counts once); org-1 passes money on, so it is no
    # funder; 3 + 2 + 3 + 1 + 3 = 12 records in the lists.
    f = tmp_path / "eco.yaml"
    f.write_text("""format: valuenet/1
ecosystem: {id: e, name: E}
actors:
  - {id: f-b, name: B, kind: organization}
  - {id: f-a, name: A, kind: organization}
  - {id: org-1, name: O, kind: organization}
products:
  - {id: p1, name: P1, owner: org-1, built_on: [c1]}
  - {id: p2, name: P2, owner: org-1, built_on: [c2]}
components:
  - {id: c1, name: C1, depends_on: [c2, c3]}
  - {id: c2, name: C2, depends_on: [c3]}
  - {id: c3, name: C3}
fundings:
  - {id: g1, from: f-b, to: org-1, amount: 1}
  - {id: g2, from: f-b, to: org-1, amount: 2}
  - {id: g3, from: org-1, to: f-a, amount: 3}
relies_on:
  - {actor: f-a, component: c3}
""")
    assert describe(f) == (3, 12, 3, ["f-b"])
    f.write_text(f.read_text().replace("from: org-1, to: f-a", "from: f-a, to: org-1"))
    assert describe(f) == (3, 12, 3, ["f-a", "f-b"])


def test_a_file_that_cannot_be_read_stops_the_run_with_its_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{\"format\": ")
    with pytest.raises(SystemExit) as stop:
        describe(bad)
    assert str(stop.value).startswith(f"cannot measure {bad}")
    assert "malformed JSON" in str(stop.value)


def test_a_missing_file_is_refused_before_any_server_starts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--file", str(tmp_path / "nowhere.yaml"), "--state", str(tmp_path / "state"),
              "--out", str(tmp_path / "out")])
    assert stop.value.code == 2
    assert f"error: no such file or folder: {tmp_path / 'nowhere.yaml'}" in capsys.readouterr().err
    assert not (tmp_path / "state").exists() and not (tmp_path / "out").exists()


def test_the_importers_time_is_read_from_its_report() -> None:
    # the lines as neo4j-admin 5.26 writes them (a 1M import took "43s 405ms" here)
    assert importer_took("...\nIMPORT DONE in 43s 405ms. \nImported:\n") == 43.405
    assert importer_took("IMPORT DONE in 1m 3s 12ms. ") == 63.012
    assert importer_took("IMPORT DONE in 4s. ") == 4.0
    assert importer_took("IMPORT DONE in 1h 2m 5ms. ") == 3720.005
    assert importer_took("IMPORT FAILED in 4s. \nError in input data") is None


MEASURED = {"components": 1_000_000, "records": 2_463_987, "dependency_edges": 10_027_224,
            "load_s": 321.6, "load_path": "batched", "load_peak_rss_mib": 9_100,
            "bulk_load_s": 141.7, "importer_s": 40.1, "bulk_load_peak_rss_mib": 6_860,
            "bulk_failed": None, "risk_json_s": 3.7, "risk_json_scratch_s": 22.1,
            "audit_s": 96.3, "audit_peak_rss_mib": 3_725,
            "panel": {"/risk": {"p50_ms": 33.6, "p95_ms": 51.2, "p99_ms": 74.6, "errors": 0}}}


def test_the_targets_are_judged_against_floor_and_moonshot_by_hand() -> None:
    smaller = {**MEASURED, "components": 100_000, "load_peak_rss_mib": 884,
               "load_own_peak_mib": 700}
    report = {"results": [smaller, MEASURED],
              "load_into_loaded": {"file": "big.json", "base": "small.json", "load_s": 321.6,
                                   "load_peak_rss_mib": 8_900, "load_own_peak_mib": 8_100,
                                   "failed": None}}
    lines = targets_table(report).splitlines()
    assert lines[0].startswith("Targets beside the largest size measured, 1,000,000 components")
    rows = {ln.split(" | ")[0].lstrip("| "): ln.rstrip(" |").split(" | ")[-1]
            for ln in lines if ln.startswith("| `") or ln.startswith("| panel")}
    # 321.6 s: under 600, over 120; 141.7 s: the same; 22.1 s: under 60, over 15; 3.7 s:
    # under 10, over 2; 96.3 s and 3,725 MiB: under 180 s and 4,096 MiB, over 60 s;
    # 51.2 ms: under 150
    assert rows == {
        "`kb load` into an empty KB, end to end (batched)": "floor met",
        "`kb load --bulk` into an empty KB, end to end": "floor met",
        "`kb load` of big.json into a KB holding small.json":
            "succeeds; memory grows with the file (not flat); ≤ 600 s",
        "`kb risk --format json` from scratch (snapshot removed)": "floor met",
        "`kb risk --format json` from the load's snapshot": "floor met",
        "`kb audit --format json`": "floor met",
        "panel `/risk` p95, 16 clients": "moonshot met"}
    assert ("| 321.6 s, kb 8,900 MiB (the load 8,100 MiB, then the risk snapshot); the load "
            "of 100,000 components 700 MiB |") in targets_table(report)
    # 8,100 > 1.5 x 700 grows; 1,000 <= 1,050 is flat; without the load's own peak, no
    # verdict on memory.
    for own, said in ((1_000, "succeeds; memory flat; ≤ 600 s"),
                      (1_051, "succeeds; memory grows with the file (not flat); ≤ 600 s"),
                      (None, "succeeds; memory not compared; ≤ 600 s")):
        into = {**report["load_into_loaded"], "load_own_peak_mib": own}
        assert f"| {said} |" in targets_table({**report, "load_into_loaded": into})
    over = {**MEASURED, "audit_s": 96.3, "audit_peak_rss_mib": 4_200, "risk_json_s": 1.5,
            "load_s": 700.0, "panel": {}}
    judged = targets_table({"results": [over]})
    assert "| 96.3 s, 4,200 MiB | missed (memory) |" in judged
    assert "| 1.5 s | moonshot met |" in judged
    assert "| 700.0 s, kb 9,100 MiB | missed |" in judged
    assert "| - | not measured |" in judged
    failed = {**report, "load_into_loaded": {**report["load_into_loaded"], "failed": "refused"}}
    assert "| failed after 321.6 s: refused | missed |" in targets_table(failed)


def test_a_kb_process_peak_is_its_own_not_the_harness(tmp_path: Path) -> None:
    # Linux carries the high-water mark of the address space a child replaces at exec into
    # the child's ru_maxrss: read that way, `kb --help` started by a harness holding 400 MiB
    # "peaked" at over 400 MiB. kb_rss has a small launcher fork kb and report its peak.
    import argparse

    from bench.harness import kb_rss

    held = bytearray(400 * 2**20)
    held[::4096] = b"\x01" * len(held[::4096])  # touched, so resident
    args = argparse.Namespace(state=tmp_path, port=7999, heap="1g", pagecache="512m")
    seconds, peak_kib, failed = kb_rss(args, "--help")
    assert failed is None and seconds > 0
    assert 8 * 1024 < peak_kib < 250 * 1024, peak_kib
    del held


def test_a_baseline_skipped_by_size_says_so_not_that_it_gave_up() -> None:
    from tests.conftest import ROOT

    # the 1M row of the 2026-12-01 run, where naive Cypher was skipped by --naive-max
    run = json.loads((ROOT / "docs" / "bench-results.json").read_text())
    (big,) = [r for r in run["results"] if r["components"] == 1_000_000]
    skipped = {**big, "naive_gave_up": False, "naive_skipped": True}
    gave_up = {**big, "naive_gave_up": True, "naive_skipped": False}
    report = {"neo4j": {"heap": "6g", "pagecache": "4g"}, "results": [skipped, gave_up]}
    rows = results_tables(report).split("\n\nPeak resident memory")[0].splitlines()[2:]
    # the naive column is the 17th of 21
    assert [r.split(" | ")[16] for r in rows] == ["skipped", "gave up"]
