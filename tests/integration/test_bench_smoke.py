"""CI keeps the benchmark harness working with a 1,000-component smoke run."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.skipif(not shutil.which("wrk"), reason="wrk is installed by `make setup`")
def test_bench_smoke_run_measures_everything_and_baselines_agree(tmp_path: Path) -> None:
    out = tmp_path / "bench"
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--heap", "1g", "--pagecache", "512m",
         "--out", str(out), "--state", str(ROOT / ".kb" / "bench-smoke"), "--port", "7690"],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads((out / "results.json").read_text())
    (r,) = report["results"]
    assert r["components"] == 1000 and r["dependency_edges"] > 5000
    for key in ("load_s", "load_again_s", "risk_cold_s", "risk_warm_s", "risk_table_s",
                "risk_query_s", "risk_cached_s", "risk_after_load_s", "audit_s",
                "audit_html_s", "audit_html_mb", "audit_pdf_s", "audit_pdf_mb",
                "overview_first_request_s", "networkx_s", "naive_cypher_s", "risk_json_s",
                "risk_json_scratch_s", "bulk_load_s", "importer_s"):
        assert r[key] > 0, key
    assert r["bulk_failed"] is None and r["bulk_load_s"] > r["importer_s"]
    assert 20 < r["audit_peak_rss_mib"] < 4096 and r["bulk_load_peak_rss_mib"] > 20
    assert "| `kb audit --format json` | ≤ 180 s, ≤ 4 GiB for kb | ≤ 60 s |" in proc.stderr
    assert r["agrees_with_networkx"] is True and r["agrees_with_naive"] is True
    assert r["load_peak_rss_mib"] > 20
    # the load's own peak, before the risk snapshot, is part of the command's
    assert 20 < r["load_own_peak_mib"] <= r["load_peak_rss_mib"]
    # the panel and the server report their peak memory, within what was configured (1g heap
    # + 512m page cache, plus the JVM's own overhead)
    assert r["panel_what_ifs"] == 2 and 20 < r["panel_peak_rss_mib"] < 1536
    for key in ("neo4j_peak_rss_mib_loads", "neo4j_peak_rss_mib_reads"):
        assert 100 < r[key] < 1536 + 1024, key
    assert set(r["panel"]) == {"/risk", "/risk.json"}
    assert all(x["errors"] == 0 and x["requests"] > 0 for x in r["panel"].values())
    charts = ["scaling.png", "load.png", "risk.png", "audit.png", "panel-latency.png",
              "memory.png"]
    assert report["charts"] == charts
    assert all((out / c).stat().st_size > 10_000 for c in charts)


def test_a_size_whose_load_is_refused_is_recorded_and_writes_nothing(tmp_path: Path) -> None:
    # A file with a broken record, given with --file, stands in for a size the machine cannot
    # hold (as 1M with --huge): kb refuses the load either way, and the harness must record
    # why instead of crashing and losing the other sizes.
    import yaml

    from kb.ingest.generate import generate

    out = tmp_path / "bench"
    doc = generate(1000, seed=7)
    doc["components"][3]["depends_on"].append("pkg:generic/nowhere")
    given = tmp_path / "broken.yaml"
    given.write_text(yaml.safe_dump(doc))
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--file", str(given), "--panel-seconds", "0",
         "--heap", "1g", "--pagecache", "512m", "--out", str(out),
         "--state", str(ROOT / ".kb" / "bench-smoke"), "--port", "7690"],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads((out / "results.json").read_text())
    (r,) = report["results"]
    assert report["seed"] is None and r["file"] == str(given)
    assert r["components"] == 1000 and r["dependency_edges"] == sum(
        len(c["depends_on"]) for c in doc["components"])
    assert "pkg:generic/nowhere" in r["load_refused"], r["load_refused"]
    assert r["records_after_refusal"] == 0
    assert r["load_refused_after_s"] > 0 and r["load_peak_rss_mib"] > 20
    assert "risk_query_s" not in r and "networkx_s" not in r
    assert "load refused after" in proc.stderr
    assert not list(out.glob("generated-*"))  # nothing was generated
