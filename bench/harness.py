"""Measure load, risk, audit and panel latency at several sizes, against two baselines.

Everything runs against a Neo4j of its own (KB_STATE_DIR=.kb/bench, port 7689), which the
harness resets, loads and restarts (for cold figures): never against your data. Results go
to OUT/results.json and a log-log chart per figure; `--docs` also rewrites the table in
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-06-15"


def _env(args: argparse.Namespace) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("NEO4J_") or k == "NEO4J_DATABASE"}
    env.update(KB_STATE_DIR=str(args.state), KB_NEO4J_PORT=str(args.port),
               KB_NEO4J_HEAP=args.heap, KB_NEO4J_PAGECACHE=args.pagecache)
    return env


def kb(args: argparse.Namespace, *cmd: str, check: bool = True, keep: bool = True
       ) -> tuple[float, str]:
    """Run `kb CMD`; return (seconds, stdout). `keep=False` sends stdout to /dev/null (the
    answer is still made and written, but a 1.5 GB answer at 1M stays out of this process)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "kb", *cmd], cwd=ROOT, env=_env(args),
                          stdout=subprocess.PIPE if keep else subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - start
    if check and proc.returncode != 0:
        raise SystemExit(f"kb {' '.join(cmd)} failed:\n{proc.stderr}")
    return seconds, proc.stdout or ""


def vm_hwm_kib(pid: int) -> int | None:
    """`VmHWM` of a live process in KiB: the peak resident memory of its own address space
    since its `exec`; None once it has exited."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    return next((int(x.split()[1]) for x in status.splitlines() if x.startswith("VmHWM:")),
                None)


# Started by kb_rss between the harness and kb: it forks kb and reports kb's ru_maxrss.
LAUNCHER = """import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


# Run by kb_load_rss in place of `python -m kb`: kb itself, which also writes its VmHWM (KiB)
# to the file in argv[1] when the load is done and the risk snapshot is about to start.
LOAD_SHIM = """import runpy, sys
from kb.ingest import loader
published, mark = loader._published, sys.argv[1]
def marked(*args, **kwargs):
    with open("/proc/self/status") as status:
        hwm = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(mark, "w") as out:
        out.write(hwm)
    return published(*args, **kwargs)
loader._published = marked
sys.argv = ["kb", *sys.argv[2:]]
runpy.run_module("kb", run_name="__main__", alter_sys=True)
"""


def kb_load_rss(args: argparse.Namespace, *cmd: str) -> tuple[float, int, int | None,
                                                                str | None]:
    """kb_rss for `kb load`, with a fourth value: kb's peak up to the end of the load itself
    (KiB), before the risk snapshot it computes afterwards, which grows with the whole
    graph. A streamed load keeps the first flat. None when the load did not get there."""
    with tempfile.TemporaryDirectory() as tmp:
        mark = Path(tmp) / "load-peak"
        seconds, peak, why = kb_rss(args, *cmd, shim=[sys.executable, "-c", LOAD_SHIM,
                                                      str(mark)])
        own = int(mark.read_text()) if mark.exists() else None
    return seconds, peak, own, why


def kb_rss(args: argparse.Namespace, *cmd: str, shim: list[str] | None = None
           ) -> tuple[float, int, str | None]:
    """Run `kb CMD` and measure wall time and the process's peak resident memory (KiB).
    The third value is None on success, else why kb refused (see `refusal`).

    Linux carries the peak memory of the address space a process replaces at `exec` into
    that process's `ru_maxrss`, so a kb started straight from this harness would report the
    harness's own peak (after the networkx baseline at 1M, 10 GiB) as its own. kb is
    therefore started by a small launcher (`LAUNCHER`, a Python of about 10 MiB) that forks
    it and reports its `ru_maxrss`: kb's own peak, or that of a process kb waited for (the
    importer's JVM in `kb load --bulk`) where that was larger. The time includes the
    launcher's start, a few tens of milliseconds."""
    # Output goes to files, not pipes: a pipe nobody reads meanwhile could fill up and
    # stall kb.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak"
        start = time.perf_counter()
        run = shim or [sys.executable, "-m", "kb"]
        proc = subprocess.run([sys.executable, "-c", LAUNCHER, str(peak_file), *run, *cmd],
                              cwd=ROOT, env=_env(args), stdout=out, stderr=err, check=False)
        seconds = time.perf_counter() - start
        peak = int(peak_file.read_text())
        if proc.returncode == 0:
            return seconds, peak, None
        out.seek(0)
        err.seek(0)
        why = refusal(out.read().decode(errors="replace"), err.read().decode(errors="replace"))
    return seconds, peak, why


def refusal(stdout: str, stderr: str) -> str:
    """Why a `kb ... --format json` command failed, in one line: its "error:" line (a server
    refusal), else the first problem of its JSON report (invalid input) and how many more."""
    for line in stderr.splitlines():
        if line.strip().startswith("error:"):
            return line.strip().removeprefix("error:").strip()
    try:
        problems = json.loads(stdout)["problems"]
        first = f"{problems[0]['where']}: {problems[0]['reason']}"
        more = len(problems) - 1
        return first + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")
    except (ValueError, KeyError, IndexError, TypeError):
        said = (stderr.strip() or stdout.strip()).splitlines()
        return said[-1] if said else "(kb printed nothing)"


def records_in_graph(args: argparse.Namespace) -> int:
    """How many actors, products, components, fundings, agreements and decisions the bench
    knowledge base holds (the `counts` query)."""
    from kb.store import db

    driver, settings = driver_for(args)
    with driver:
        (row,) = db.run(driver, "counts", settings=settings)
    return sum(row.values())


def settings_for(args: argparse.Namespace) -> Any:
    """Settings of the bench server (its state directory and port, nothing from .env)."""
    from kb.settings import Settings

    return Settings(kb_state_dir=args.state, kb_neo4j_port=args.port, _env_file=None)  # type: ignore[call-arg]


def driver_for(args: argparse.Namespace) -> Any:
    from kb.store import db

    s = settings_for(args)
    return db.open_driver(s), s


def peak_rss_mib(pid: int | None) -> int | None:
    """The peak resident memory of a live process so far (`VmHWM`), in MiB; None where
    /proc does not say."""
    kib = None if pid is None else vm_hwm_kib(pid)
    return None if kib is None else round(kib / 1024)


def neo4j_peak_rss_mib(args: argparse.Namespace) -> int | None:
    """`VmHWM` of the bench server: its peak resident memory since it last started."""
    from kb.store.server import local

    return peak_rss_mib(local.running_pid(settings_for(args)))


def restart(args: argparse.Namespace) -> None:
    kb(args, "neo4j", "stop")
    kb(args, "neo4j", "start")


# --- baselines -----------------------------------------------------------------------------


def networkx_baseline(args: argparse.Namespace) -> tuple[float, dict[str, Any]]:
    """Reliance and hollow core by breadth-first search in memory, after one bulk read."""
    import networkx as nx

    from kb.store import db

    start = time.perf_counter()
    driver, s = driver_for(args)
    with driver:
        edges = db.run(driver, "bench_edges", settings=s)
        periods = db.run(driver, "bench_funding_periods", settings=s)
        comps = [r["id"] for r in db.run(driver, "ids", {"label": "Component"}, settings=s)]
    g = nx.DiGraph()
    owner: dict[str, str] = {}
    starts: dict[str, list[str]] = defaultdict(list)  # actor -> components relied on directly
    products: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        if e["type"] == "DEPENDS_ON":
            g.add_edge(e["from"], e["to"])
        elif e["type"] == "BUILT_ON":
            products[e["from"]].append(e["to"])
        elif e["type"] == "OWNS":
            owner[e["to"]] = e["from"]
        else:
            starts[e["from"]].append(e["to"])
    reach_products: dict[str, set[str]] = defaultdict(set)
    reach_actors: dict[str, set[str]] = defaultdict(set)

    def closure(roots: list[str]) -> set[str]:
        seen = set(roots)
        frontier = list(roots)
        while frontier:
            nxt = []
            for n in frontier:
                if n in g:
                    for m in g.successors(n):
                        if m not in seen:
                            seen.add(m)
                            nxt.append(m)
            frontier = nxt
        return seen

    for p, roots in products.items():
        for c in closure(roots):
            reach_products[c].add(p)
            reach_actors[c].add(owner[p])
    for a, roots in starts.items():
        for c in closure(roots):
            reach_actors[c].add(a)
    day = date.fromisoformat(AS_OF)
    funded = set()
    for row in periods:
        st = row["start"].to_native() if row["start"] else date.min
        en = row["end"].to_native() if row["end"] else date.max
        if st <= day <= en:
            funded.add(row["component"])
    counts = {c: (len(reach_products[c]), len(reach_actors[c])) for c in comps}
    hollow = sorted(c for c in comps if counts[c][1] >= 2 and c not in funded)
    return time.perf_counter() - start, {"counts": counts, "hollow": hollow}


def naive_baseline(args: argparse.Namespace) -> tuple[float | None, dict[str, Any] | None]:
    """Reliance by enumerating paths in Cypher; None when it passes the time limit."""
    from neo4j import Query
    from neo4j.exceptions import ClientError, TransientError

    from kb.store import queries

    driver, s = driver_for(args)
    start = time.perf_counter()
    try:
        with driver:
            q = queries.get("bench_naive_reliance")
            rows, _, _ = driver.execute_query(Query(q.text, timeout=args.naive_timeout),  # type: ignore[arg-type]
                                              database_=s.neo4j_database)
            f = queries.get("bench_naive_funded")
            funded_rows, _, _ = driver.execute_query(f.text, f.bind({"as_of": AS_OF}),
                                                     database_=s.neo4j_database)
            comp_rows, _, _ = driver.execute_query("MATCH (c:Component) RETURN c.id AS id",
                                                   database_=s.neo4j_database)
    except (ClientError, TransientError) as exc:
        print(f"  naive Cypher gave up: {exc.code}", file=sys.stderr)
        return None, None
    seconds = time.perf_counter() - start
    counts = {r["id"]: (0, 0) for r in comp_rows}
    counts.update({r["id"]: (r["products"], r["actors"]) for r in rows})
    funded = {r["id"] for r in funded_rows}
    hollow = sorted(c for c, (_, a) in counts.items() if a >= 2 and c not in funded)
    return seconds, {"counts": counts, "hollow": hollow}


# --- panel -----------------------------------------------------------------------------------


def panel_latency(args: argparse.Namespace, what_ifs: list[str]
                  ) -> tuple[dict[str, Any], int | None, float | None]:
    """Latency of /risk and /risk.json under load; then the panel's peak memory (MiB) after
    those and a what-if per funder in `what_ifs` (each a new analysis the panel keeps), and
    the seconds of the overview's first request (every analysis, not cached yet)."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed for the panel figures: apt-get install wrk "
                         "(`make bench` installs it)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "kb", "serve", "--port", str(port)],
                            cwd=ROOT, env=_env(args), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    results: dict[str, Any] = {}
    try:
        for _ in range(200):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        import urllib.request

        for path in ("/risk", "/risk.json"):
            t0 = time.perf_counter()
            urllib.request.urlopen(base + path, timeout=600).read()  # noqa: S310 - loopback
            first = time.perf_counter() - t0
            out = subprocess.run(
                ["wrk", "-t2", "-c16", f"-d{args.panel_seconds}s", "--timeout", "30s",
                 "-s", str(ROOT / "bench" / "wrk_report.lua"), base + path],
                capture_output=True, text=True, check=True).stdout
            line = next(x for x in out.splitlines() if x.startswith("{"))
            results[path] = {**json.loads(line), "first_request_s": round(first, 3)}
        for funder in what_ifs:
            urllib.request.urlopen(f"{base}/risk.json?without={funder}",  # noqa: S310
                                   timeout=600).read()
        t0 = time.perf_counter()
        urllib.request.urlopen(f"{base}/?as_of={AS_OF}", timeout=600).read()  # noqa: S310
        overview = time.perf_counter() - t0
        peak = peak_rss_mib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return results, peak, overview


# --- one size -------------------------------------------------------------------------------


def generated(args: argparse.Namespace, n: int) -> Path:
    """The generated ecosystem of `n` components and --seed, written to --out if not there
    by `kb generate` (in its own process: 1M components are 1.9 GiB as Python objects)."""
    data_file = args.out / f"generated-{n}-seed{args.seed}.json"
    if not data_file.exists():
        kb(args, "generate", "--components", str(n), "--seed", str(args.seed), "--out",
           str(data_file))
    return data_file


def describe(data_file: Path) -> tuple[int, int, int, list[str]]:
    """Components, records, dependency edges and up to four funders (actors that fund and
    are not funded, by id) of a valuenet/1 file or CSV folder, read as `kb load` reads it."""
    from kb.ingest import reader

    raw = reader.read(data_file)
    if raw.data is None:
        raise SystemExit("cannot measure " + "; ".join(str(p) for p in raw.problems))
    doc = raw.data
    components = doc.get("components") or []
    records = sum(len(v) for v in doc.values() if isinstance(v, list))
    edges = sum(len(c.get("depends_on") or []) for c in components)
    fundings = doc.get("fundings") or []
    funded = {f.get("to") for f in fundings}
    funders = sorted({f.get("from") for f in fundings} - funded - {None})[:4]
    return len(components), records, edges, funders


def renamed(args: argparse.Namespace, data_file: Path) -> Path:
    """A generated file with every id renamed ("b" before each kind: borg-00001,
    pkg:generic/b000001), so that it shares no record with another generated file."""
    out = args.out / f"{data_file.stem}-renamed.json"
    if not out.exists():
        text = re.sub(r'"(org|funder|dev|product|grant|maint|ag|decision)-', r'"b\1-',
                      data_file.read_text())
        out.write_text(text.replace('"pkg:generic/c', '"pkg:generic/b'))
    return out


def load_into(args: argparse.Namespace, base: Path, data_file: Path) -> dict[str, Any]:
    """`kb load` of `data_file` into a knowledge base holding `base` (the batched path, for
    a large file): seconds and the peak memory of kb and of Neo4j."""
    print(f"== {data_file.name} into a KB holding {base.name}", file=sys.stderr)
    kb(args, "reset", "--yes")
    kb(args, "load", str(base))
    restart(args)  # Neo4j's peak memory from here on is this load's
    seconds, rss, own, failed = kb_load_rss(args, "load", str(data_file), "--format", "json")
    print(f"  load {seconds:.1f}s{f' failed: {failed}' if failed else ''}", file=sys.stderr)
    return {"base": base.name, "file": data_file.name, "load_s": round(seconds, 1),
            "load_peak_rss_mib": round(rss / 1024), "failed": failed,
            "load_own_peak_mib": None if own is None else round(own / 1024),
            "neo4j_peak_rss_mib": neo4j_peak_rss_mib(args)}


def describe_apart(data_file: Path) -> tuple[int, int, int, list[str]]:
    """`describe` in a child process: 1M components hold gigabytes as Python objects, which
    this process would keep as freed but unreturned memory through the whole size, beside
    `kb load`, Neo4j and the networkx baseline."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        return pool.submit(describe, data_file).result()


def importer_seconds(args: argparse.Namespace) -> float | None:
    """How long Neo4j's importer itself took in the last `kb load --bulk`, from its report
    ("IMPORT DONE in 1m 3s 405ms."); None where the report does not say."""
    from kb.store.server import local

    try:
        return importer_took((local.layout(settings_for(args)).logs / "import.log").read_text())
    except OSError:
        return None


def importer_took(report: str) -> float | None:
    """Seconds from the importer's "IMPORT DONE in 1m 3s 405ms." line; None without one."""
    m = re.search(r"IMPORT DONE in ([^.]*)\.", report)
    if not m:
        return None
    unit = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}
    return round(sum(int(v) * unit[u] for v, u in re.findall(r"(\d+)(ms|h|m|s)\b", m[1])), 3)


def risk_counts(args: argparse.Namespace) -> dict[str, tuple[int, int, bool]]:
    """Every component's reliance counts and hollow-core flag as `kb risk` gives them,
    streamed from its JSON Lines through a file (the JSON of every row with its id lists is
    1.5 GB at 1M, and about ten times that as Python objects)."""
    out: dict[str, tuple[int, int, bool]] = {}
    with tempfile.TemporaryFile() as f:
        proc = subprocess.run([sys.executable, "-m", "kb", "risk", "--as-of", AS_OF, "--format",
                               "jsonl", "--limit", "0"], cwd=ROOT, env=_env(args), stdout=f,
                              stderr=subprocess.PIPE, text=False, check=False)
        if proc.returncode != 0:
            raise SystemExit(f"kb risk --format jsonl failed:\n{proc.stderr.decode()}")
        f.seek(0)
        next(f)  # the answer's figures
        for line in f:
            c = json.loads(line)
            out[c["id"]] = (c["reliant_products"], c["reliant_actors"], bool(c["hollow_core"]))
    return out


def run_size(args: argparse.Namespace, data_file: Path) -> dict[str, Any]:
    n, records, edges, funders = describe_apart(data_file)
    print(f"== {n} components ({data_file.name})", file=sys.stderr)
    kb(args, "reset", "--yes")
    load_s, rss, own, failed = kb_load_rss(args, "load", str(data_file), "--format", "json")
    refusal: dict[str, Any] = {}
    bench_settings = settings_for(args)
    load_path = ("streamed" if data_file.suffix == ".json"
                 and data_file.stat().st_size >= bench_settings.kb_stream_above else
                 "batched" if records > bench_settings.kb_batched_above else "transaction")
    load_again_s: float | None
    if failed:
        # Recorded, not raised: at a size one transaction cannot hold (1M with --huge, here)
        # the report says so, then loads the file through Neo4j's importer (kb load --bulk).
        print(f"  load refused after {load_s:.1f}s: {failed}", file=sys.stderr)
        refusal = {"load_refused": failed, "load_refused_after_s": round(load_s, 1),
                   "records_after_refusal": records_in_graph(args)}
        kb(args, "reset", "--yes")
        load_s, rss, failed = kb_rss(args, "load", "--bulk", str(data_file), "--format",
                                     "json")
        if failed:
            print(f"  bulk load failed after {load_s:.1f}s: {failed}", file=sys.stderr)
            return {"components": n, "file": str(data_file), "records": records,
                    "dependency_edges": edges, **refusal, "bulk_failed": failed,
                    "load_peak_rss_mib": round(rss / 1024),
                    "neo4j_peak_rss_mib_loads": neo4j_peak_rss_mib(args), "panel": {}}
        load_path, load_again_s, own = "bulk", None, None
        print(f"  bulk load {load_s:.1f}s", file=sys.stderr)
    else:
        # The first load after the previous round's restart meets a cold Neo4j (its JIT and
        # page cache); loading the same file again after a reset shows the server warm.
        kb(args, "reset", "--yes")
        load_again_s, _, failed = kb_rss(args, "load", str(data_file), "--format", "json")
        if failed:
            raise SystemExit(f"kb load failed the second time:\n{failed}")
        print(f"  load {load_s:.1f}s, again {load_again_s:.1f}s", file=sys.stderr)
    neo4j_load_peak = neo4j_peak_rss_mib(args)
    restart(args)
    # Every component's row with its id lists, as before JSON's default became the 1,000
    # most urgent, counts only.
    risk_cold, _ = kb(args, "risk", "--as-of", AS_OF, "--format", "json", "--limit", "0",
                      "--ids", keep=False)
    risk_warm = min(kb(args, "risk", "--as-of", AS_OF, "--format", "json", "--limit", "0",
                       "--ids", keep=False)[0] for _ in range(2))
    # The default view: a table of the 50 most urgent, for which only those rows are built.
    risk_table = min(kb(args, "risk", "--as-of", AS_OF)[0] for _ in range(2))
    # `kb risk --format json` as a user types it (the 1,000 most urgent, counts only), from
    # the load's snapshot and then from scratch (snapshot removed, as after a write outside kb)
    risk_json_s = min(kb(args, "risk", "--as-of", AS_OF, "--format", "json",
                         keep=False)[0] for _ in range(2))
    from kb.analysis import fastrisk

    fastrisk.forget(settings_for(args))
    risk_json_scratch_s, _ = kb(args, "risk", "--as-of", AS_OF, "--format", "json", keep=False)
    print(f"  risk cold {risk_cold:.1f}s warm {risk_warm:.1f}s table {risk_table:.1f}s, "
          f"json {risk_json_s:.1f}s, json from scratch {risk_json_scratch_s:.1f}s",
          file=sys.stderr)
    ours = risk_counts(args)
    audit_s, audit_rss, failed = kb_rss(args, "audit", "--as-of", AS_OF, "--format", "json")
    if failed:
        raise SystemExit(f"kb audit failed: {failed}")
    # The reports for reading, which cut long lists (kb/report/render.py): time and size.
    reports: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("html", "pdf"):
            out = Path(tmp) / f"audit.{fmt}"
            took, _ = kb(args, "audit", "--as-of", AS_OF, "--format", fmt, "--out", str(out))
            reports[f"audit_{fmt}_s"] = round(took, 2)
            reports[f"audit_{fmt}_mb"] = round(out.stat().st_size / 1e6, 2)
    print(f"  audit {audit_s:.1f}s, html {reports['audit_html_s']}s, "
          f"pdf {reports['audit_pdf_s']}s", file=sys.stderr)
    # The planner with a budget of a million, in a new process after the audit (the load's
    # snapshot on disk): the target is 10 s at 100k.
    plan_s, _ = kb(args, "plan", "--budget", "1000000", "--as-of", AS_OF, "--format", "json")
    print(f"  plan {plan_s:.1f}s", file=sys.stderr)
    from kb import analysis

    driver, settings = driver_for(args)

    def best_of_two(prepare: Callable[[], None]) -> float:
        """Seconds of `analysis.risk` in this process, best of two, `prepare` before each."""
        times = []
        for _ in range(2):
            prepare()
            t0 = time.perf_counter()
            analysis.risk(driver, AS_OF, settings=settings)
            times.append(time.perf_counter() - t0)
        return min(times)

    with driver:
        # a new process after `kb load`: the load's snapshot file, then rows
        risk_disk = best_of_two(fastrisk.forget)
        # from scratch (as after a write outside kb): bulk reads, reachability, rows
        risk_query = best_of_two(lambda: fastrisk.forget(settings))
        # the graph's snapshot reused (no write since): rows only
        risk_cached = best_of_two(lambda: None)
    # Baselines best of two as well, like the risk figures they are compared with.
    # Best of two up to --naive-max; once above it (at 1M a run takes minutes and gigabytes).
    nx_s, nx_res = min((networkx_baseline(args) for _ in range(1 if n > args.naive_max else 2)),
                       key=lambda r: r[0])
    naive_s, naive_res = None, None
    for _ in range(0 if n > args.naive_max else 2):
        seconds, result = naive_baseline(args)
        if seconds is None:  # gave up; only a first attempt that gives up is reported
            break
        if naive_s is None or seconds < naive_s:
            naive_s, naive_res = seconds, result
    print(f"  networkx {nx_s:.1f}s, naive {naive_s}", file=sys.stderr)

    def agrees(other: dict[str, Any] | None) -> bool | None:
        if other is None:
            return None
        same_counts = all(other["counts"][i] == (c[0], c[1]) for i, c in ours.items())
        return same_counts and other["hollow"] == sorted(i for i, c in ours.items() if c[2])

    panel, panel_peak, overview_s = (panel_latency(args, funders) if args.panel_seconds > 0
                                     else ({}, None, None))
    neo4j_peak = neo4j_peak_rss_mib(args)
    bulk: dict[str, Any]
    if load_path != "bulk":
        # Neo4j's offline importer into the emptied knowledge base: `kb load --bulk` end to
        # end (read, validate, plan, CSV, stop, import, start, schema, snapshot) and the
        # importer alone, from its report
        kb(args, "reset", "--yes")
        bulk_s, bulk_rss, bulk_failed = kb_rss(args, "load", "--bulk", str(data_file),
                                               "--format", "json")
        bulk = {"bulk_load_s": round(bulk_s, 2), "bulk_load_peak_rss_mib": round(bulk_rss / 1024),
                "bulk_failed": bulk_failed}
    else:
        bulk = {"bulk_load_s": round(load_s, 2), "bulk_load_peak_rss_mib": round(rss / 1024),
                "bulk_failed": None}
    bulk["importer_s"] = importer_seconds(args) if not bulk["bulk_failed"] else None
    print(f"  bulk load {bulk['bulk_load_s']}s, importer {bulk['importer_s']}s", file=sys.stderr)
    return {
        "components": n, "file": str(data_file), "records": records, "dependency_edges": edges,
        "load_s": round(load_s, 2), "load_records_per_s": round(records / load_s),
        "load_path": load_path, **refusal,
        "load_again_s": None if load_again_s is None else round(load_again_s, 2),
        "load_again_records_per_s": None if load_again_s is None else
        round(records / load_again_s),
        "load_edges_per_s": round(edges / load_s), "load_peak_rss_mib": round(rss / 1024),
        "load_own_peak_mib": None if own is None else round(own / 1024),
        "risk_cold_s": round(risk_cold, 2), "risk_warm_s": round(risk_warm, 2),
        "risk_table_s": round(risk_table, 2),
        "risk_json_s": round(risk_json_s, 2), "risk_json_scratch_s": round(risk_json_scratch_s, 2),
        "audit_s": round(audit_s, 2), "audit_peak_rss_mib": round(audit_rss / 1024), **reports,
        "plan_s": round(plan_s, 2), **bulk,
        "overview_first_request_s": None if overview_s is None else round(overview_s, 2),
        "networkx_s": round(nx_s, 2), "naive_cypher_s": None if naive_s is None else
        round(naive_s, 2),
        "naive_gave_up": naive_s is None and n <= args.naive_max,
        "naive_skipped": n > args.naive_max,
        "hollow_cores": sum(c[2] for c in ours.values()),
        "agrees_with_networkx": agrees(nx_res), "agrees_with_naive": agrees(naive_res),
        "risk_query_s": round(risk_query, 2),
        "risk_vs_networkx": round(risk_query / nx_s, 2),
        "risk_vs_naive": None if naive_s is None else round(risk_query / naive_s, 3),
        "risk_cached_s": round(risk_cached, 4),  # milliseconds at small sizes
        "risk_cached_vs_networkx": round(risk_cached / nx_s, 3),
        "risk_cached_vs_naive": None if naive_s is None else round(risk_cached / naive_s, 3),
        "risk_after_load_s": round(risk_disk, 3),
        "risk_after_load_vs_networkx": round(risk_disk / nx_s, 3),
        "risk_after_load_vs_naive": None if naive_s is None else round(risk_disk / naive_s, 3),
        "panel": panel,
        "panel_what_ifs": len(funders) if panel else 0,
        "panel_peak_rss_mib": panel_peak,
        # Neo4j's peak resident memory through the two loads, and after the restart through
        # every read of the round (risk, audit, baselines, panel)
        "neo4j_peak_rss_mib_loads": neo4j_load_peak,
        "neo4j_peak_rss_mib_reads": neo4j_peak,
    }


def mib(size: str) -> float | None:
    """A Neo4j memory size such as "6g", "512m" or bytes in MiB; None when it is not one."""
    m = re.fullmatch(r"(\d+)([kmg]?)", size.strip().lower())
    if not m:
        return None
    return int(m[1]) * {"k": 1 / 1024, "m": 1.0, "g": 1024.0, "": 1 / 2**20}[m[2]]


def _series(results: list[dict[str, Any]], key: str, scale: float = 1.0
            ) -> list[tuple[int, float]]:
    return [(r["components"], r[key] * scale) for r in results if r.get(key)]


def _chart(path: Path, title: str, ylabel: str, lines: dict[str, list[tuple[int, float]]],
           targets: dict[str, float] | None = None, notes: list[str] | None = None) -> bool:
    """One log-log chart of `lines` against components, with dashed target lines and notes
    (sizes without figures, such as a refused load); False when there is nothing to draw."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    lines = {label: pts for label, pts in lines.items() if pts}
    if not lines:
        return False
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for label, pts in lines.items():
        dashed = label.startswith("target")
        ax.plot(*zip(*pts, strict=True), marker="" if dashed else "o",
                linestyle="--" if dashed else "-", label=label)
    for label, value in (targets or {}).items():
        ax.axhline(value, color="grey", linestyle="--", linewidth=1)
        ax.annotate(label, (0.99, value), xycoords=("axes fraction", "data"), fontsize=7,
                    color="grey", va="bottom", ha="right")
    for i, note in enumerate(notes or []):
        ax.annotate(note, (0.99, 0.02 + 0.05 * i), xycoords="axes fraction", fontsize=7,
                    ha="right", color="firebrick")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("components")
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=7)
    ax.set_title(title)
    fig.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(fig)
    return True


def charts(results: list[dict[str, Any]], out: Path, neo4j_budget_mib: float | None = None
           ) -> list[str]:
    """A chart per figure (load, risk, audit, panel, memory) with its target drawn in, and one
    of every timing together (scaling); returns the file names written to `out`."""
    refused = [f"{r['components']:,}: load refused after {r['load_refused_after_s']} s, "
               f"{r['records_after_refusal']} records written"
               + ("; loaded with --bulk" if r.get("load_path") == "bulk" else "")
               for r in results if "load_refused" in r]
    everything = {"load (s)": "load_s", "load again, warm server (s)": "load_again_s",
                  "kb load --bulk (s)": "bulk_load_s", "Neo4j's importer alone (s)": "importer_s",
                  "kb risk --format json, from scratch (s)": "risk_json_scratch_s",
                  "risk in process, from scratch (s)": "risk_query_s",
                  "risk in process, snapshot reused (s)": "risk_cached_s",
                  "risk in process, snapshot from the load's file (s)": "risk_after_load_s",
                  "risk, cold (s)": "risk_cold_s", "risk, warm (s)": "risk_warm_s",
                  "risk, table of 50 (s)": "risk_table_s", "audit (s)": "audit_s",
                  "networkx baseline (s)": "networkx_s", "naive Cypher (s)": "naive_cypher_s"}
    panel = [r for r in results if r.get("panel")]
    Spec = tuple[str, str, dict[str, list[tuple[int, float]]], dict[str, float] | None,
                 list[str] | None]
    charts_: dict[str, Spec] = {
        "scaling.png": ("How each figure grows with the ecosystem", "seconds",
                        {label: _series(results, key) for label, key in everything.items()},
                        None, refused),
        "load.png": ("Load: records per second", "records / s",
                     {"first load after a restart": _series(results, "load_records_per_s"),
                      "again, warm server": _series(results, "load_again_records_per_s"),
                      "kb load --bulk": [(r["components"], r["records"] / r["bulk_load_s"])
                                         for r in results if r.get("bulk_load_s")
                                         and not r.get("bulk_failed")]},
                     {"target 20,000 records/s (100k)": 20_000.0}, refused),
        "risk.png": ("Risk against the baselines", "seconds",
                     {"ours, after a load": _series(results, "risk_after_load_s"),
                      "ours, from scratch": _series(results, "risk_query_s"),
                      "ours, snapshot reused": _series(results, "risk_cached_s"),
                      "kb risk --format json, cold": _series(results, "risk_cold_s"),
                      "networkx": _series(results, "networkx_s"),
                      "naive Cypher": _series(results, "naive_cypher_s"),
                      "target: naive / 10": _series(results, "naive_cypher_s", 0.1)},
                     {"target 30 s cold (100k)": 30.0,
                      "1M from scratch: floor 60 s": 60.0, "moonshot 15 s": 15.0}, refused),
        "audit.png": ("Audit (kb audit) and the panel's overview", "seconds",
                      {"audit, json": _series(results, "audit_s"),
                       "audit, html report": _series(results, "audit_html_s"),
                       "audit, pdf report": _series(results, "audit_pdf_s"),
                       "panel overview, first request": _series(
                           results, "overview_first_request_s")},
                      {"json: 1M floor 180 s": 180.0, "1M moonshot, 100k target 60 s": 60.0},
                      refused),
        "panel-latency.png": ("Panel latency, 16 clients", "milliseconds",
                              {f"{path} {q[:3]}": [(r["components"], r["panel"][path][q])
                                                   for r in panel]
                               for path in ("/risk", "/risk.json")
                               for q in ("p50_ms", "p95_ms", "p99_ms")},
                              {"/risk p95: 1M floor 500 ms": 500.0,
                               "100k target 300 ms": 300.0, "1M moonshot 150 ms": 150.0},
                              None),
        "memory.png": ("Peak resident memory", "MiB",
                       {"kb load": _series(results, "load_peak_rss_mib"),
                        "kb load --bulk": _series(results, "bulk_load_peak_rss_mib"),
                        "kb audit --format json": _series(results, "audit_peak_rss_mib"),
                        "panel, after what-ifs": _series(results, "panel_peak_rss_mib"),
                        "Neo4j, through loads": _series(results, "neo4j_peak_rss_mib_loads"),
                        "Neo4j, through reads": _series(results, "neo4j_peak_rss_mib_reads")},
                       {"target: Python 1.5 GiB": 1536.0,
                        **({"Neo4j heap + page cache": neo4j_budget_mib}
                           if neo4j_budget_mib else {})}, refused),
    }
    return [name for name, (title, ylabel, lines, targets, notes) in charts_.items()
            if _chart(out / name, title, ylabel, lines, targets, notes)]


def machine() -> dict[str, Any]:
    mem = ""
    try:
        mem = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)  # type: ignore[union-attr]
    except (OSError, AttributeError):
        pass
    return {"cores": os.cpu_count(), "memory_gib": round(int(mem) / 2**20, 1) if mem else None,
            "python": platform.python_version(), "platform": platform.platform()}


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="1000,10000,100000",
                   help="comma-separated component counts (default: %(default)s)")
    p.add_argument("--huge", action="store_true",
                   help="also run 1,000,000 components; where kb load is refused (as on a "
                   "24 GiB machine), results.json records why and the run goes on")
    p.add_argument("--smoke", action="store_true",
                   help="1,000 components, 2 s of panel load: keeps the harness working (CI)")
    p.add_argument("--file", type=Path, action="append", default=[], metavar="PATH",
                   help="measure this valuenet/1 file or CSV folder (for instance one from "
                   "`kb generate`) instead of the generated sizes, which --sizes, --smoke and "
                   "--huge choose; repeat for several")
    p.add_argument("--seed", type=int, default=7,
                   help="seed of the generated ecosystems (default: %(default)s); each is "
                   "kept in OUT as generated-N-seedS.json and reused")
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "results",
                   help="folder for results.json, the charts and the generated files "
                   "(default: bench/results)")
    p.add_argument("--docs", action="store_true", help="rewrite the table in docs/benchmarks.md")
    p.add_argument("--panel-seconds", type=int, default=30,
                   help="seconds of wrk load on /risk and on /risk.json (default: "
                   "%(default)s); 0 skips the panel figures")
    p.add_argument("--naive-timeout", type=float, default=300.0,
                   help="seconds before the naive Cypher baseline gives up")
    p.add_argument("--naive-max", type=int, default=100000,
                   help="skip the naive baseline above this size")
    p.add_argument("--state", type=Path, default=ROOT / ".kb" / "bench",
                   help="state folder of the bench server, which the harness wipes "
                   "(default: .kb/bench)")
    p.add_argument("--port", type=int, default=7689, help="its Bolt port (default: %(default)s)")
    p.add_argument("--heap", default="6g", help="its Java heap (default: %(default)s)")
    p.add_argument("--pagecache", default="4g",
                   help="its page cache (default: %(default)s)")
    args = p.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    if args.smoke:
        sizes, args.panel_seconds = [1000], min(args.panel_seconds, 2)
    if args.huge:
        sizes.append(1_000_000)
    missing = [str(f) for f in args.file if not f.exists()]
    if missing:
        p.error(f"no such file or folder: {', '.join(missing)}")
    args.out.mkdir(parents=True, exist_ok=True)
    jars = ROOT / ".kb" / "neo4j" / "lib"
    if jars.exists() and not (args.state / "neo4j" / "lib").exists():
        (args.state / "neo4j").mkdir(parents=True, exist_ok=True)
        (args.state / "neo4j" / "lib").symlink_to(jars)
    report: dict[str, Any] = {
        "machine": machine(), "neo4j": {"heap": args.heap, "pagecache": args.pagecache},
        "as_of": AS_OF, "seed": None if args.file else args.seed,
        "command": "python -m bench " + " ".join(argv or sys.argv[1:]),
        "results": [], "charts": []}
    budget = (mib(args.heap) or 0) + (mib(args.pagecache) or 0)
    kb(args, "neo4j", "start")
    try:
        for data_file in args.file or (generated(args, n) for n in sizes):
            report["results"].append(run_size(args, data_file))
            # after every size, so a later size that fails outright leaves these behind
            report["charts"] = charts(report["results"], args.out, budget or None)
            (args.out / "results.json").write_text(json.dumps(report, indent=2) + "\n")
        if args.huge and not args.file:
            # The 100k file renamed: two generated files of one seed list the same 100,000
            # components with different dependencies, and loading one over the other updates
            # them all inside the final switch (docs/benchmarks.md says what that needs).
            report["load_into_loaded"] = load_into(args, renamed(args, generated(args, 100_000)),
                                                   generated(args, 1_000_000))
            (args.out / "results.json").write_text(json.dumps(report, indent=2) + "\n")
    finally:
        kb(args, "neo4j", "stop", check=False)
    print(json.dumps(report, indent=2))
    if targets := targets_table(report):
        print("\n" + targets, file=sys.stderr)
    if args.docs:
        write_docs(report, args.out)


def write_docs(report: dict[str, Any], out: Path) -> None:
    """Put the results table into docs/benchmarks.md and copy the charts beside it."""
    docs = ROOT / "docs" / "benchmarks.md"
    text = docs.read_text()
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    m = report["machine"]
    block = (f"{start}\nMeasured {date.today()} on {m['cores']} cores, {m['memory_gib']} GiB, "
             f"Python {m['python']}; Neo4j heap {report['neo4j']['heap']}, page cache "
             f"{report['neo4j']['pagecache']}; as_of {report['as_of']}, seed "
             f"{report['seed']}.\n\n{results_tables(report)}\n{end}")
    text = re.sub(re.escape(start) + ".*?" + re.escape(end), block, text, flags=re.S)
    docs.write_text(text)
    for chart in report["charts"]:
        shutil.copy(out / chart, ROOT / "docs" / chart)
    # the raw figures beside the table, for readers who do not run the harness
    shutil.copy(out / "results.json", ROOT / "docs" / "bench-results.json")


LOAD_PATHS = {"bulk": " (bulk)", "batched": " (batched)"}


def _verdict(value: float | None, floor: float, moonshot: float) -> str:
    if value is None:
        return "not measured"
    return "moonshot met" if value <= moonshot else "floor met" if value <= floor else "missed"


def targets_table(report: dict[str, Any]) -> str:
    """The whole-ecosystem targets (issue 23: 1M components, ~10M edges) beside what this run
    measured at its largest size, as Markdown; "" when no size was measured."""
    done = [r for r in report["results"] if "load_s" in r or "bulk_load_s" in r]
    if not done:
        return ""
    r = max(done, key=lambda x: x["components"])
    rows = [f"Targets beside the largest size measured, {r['components']:,} components "
            f"({r['dependency_edges']:,} dependency edges); the targets are set at 1,000,000:",
            "", "| figure | floor | moonshot | measured | verdict |",
            "| --- | --- | --- | --- | --- |"]

    def row(figure: str, floor: str, moon: str, measured: str, verdict: str) -> None:
        rows.append(f"| {figure} | {floor} | {moon} | {measured} | {verdict} |")

    if "load_s" in r:
        row(f"`kb load` into an empty KB, end to end ({r.get('load_path')})", "≤ 600 s",
            "≤ 120 s", f"{r['load_s']} s, kb {r['load_peak_rss_mib']:,} MiB",
            _verdict(r["load_s"], 600, 120))
    if r.get("bulk_load_s") is not None and not r.get("bulk_failed"):
        row("`kb load --bulk` into an empty KB, end to end", "≤ 600 s", "≤ 120 s",
            f"{r['bulk_load_s']} s (Neo4j's importer alone {r.get('importer_s')} s), "
            f"kb {r['bulk_load_peak_rss_mib']:,} MiB", _verdict(r["bulk_load_s"], 600, 120))
    into = report.get("load_into_loaded")
    if into:
        smaller = [x for x in done if x["components"] < r["components"]
                   and x.get("load_own_peak_mib")]
        own, before = into.get("load_own_peak_mib"), (smaller[-1] if smaller else None)
        measured = (f"failed after {into['load_s']} s: {into['failed']}" if into["failed"]
                    else f"{into['load_s']} s, kb {into['load_peak_rss_mib']:,} MiB"
                    + (f" (the load {own:,} MiB, then the risk snapshot)" if own else "")
                    + (f"; the load of {before['components']:,} components "
                       f"{before['load_own_peak_mib']:,} MiB" if before else ""))
        # Flat: the load holds at most half as much again as one of a tenth of its size or
        # less (a load that holds its plan grows about tenfold).
        is_flat = bool(own and before and own <= 1.5 * before["load_own_peak_mib"])
        row(f"`kb load` of {into['file']} into a KB holding {into['base']}",
            "succeeds, memory flat", "≤ 600 s", measured,
            "missed" if into["failed"] else
            ("succeeds; memory flat" if is_flat else
             "succeeds; memory grows with the file (not flat)" if own and before else
             "succeeds; memory not compared")
            + ("; ≤ 600 s" if not into["failed"] and into["load_s"] <= 600 else ""))
    row("`kb risk --format json` from scratch (snapshot removed)", "≤ 60 s", "≤ 15 s",
        f"{r.get('risk_json_scratch_s')} s", _verdict(r.get("risk_json_scratch_s"), 60, 15))
    row("`kb risk --format json` from the load's snapshot", "≤ 10 s", "≤ 2 s",
        f"{r.get('risk_json_s')} s", _verdict(r.get("risk_json_s"), 10, 2))
    audit, audit_mib = r.get("audit_s"), r.get("audit_peak_rss_mib")
    row("`kb audit --format json`", "≤ 180 s, ≤ 4 GiB for kb", "≤ 60 s",
        f"{audit} s, {audit_mib:,} MiB" if audit_mib else f"{audit} s",
        "missed (memory)" if audit_mib and audit_mib > 4096 else _verdict(audit, 180, 60))
    p95 = (r.get("panel") or {}).get("/risk", {}).get("p95_ms")
    row("panel `/risk` p95, 16 clients", "≤ 500 ms", "≤ 150 ms",
        "-" if p95 is None else f"{p95:.0f} ms", _verdict(p95, 500, 150))
    return "\n".join(rows)


def results_tables(report: dict[str, Any]) -> str:
    """The figures table and the memory table, as Markdown."""
    rows = ["| components | records | edges | load s | records/s | edges/s | peak RSS MiB | "
            "load again s | risk cold s | risk warm s | risk table s | risk query s | "
            "risk after load s | risk cached s | "
            "audit s | networkx s | naive s | "
            "agree | /risk p50/p95/p99 ms | /risk.json p50/p95/p99 ms | errors |",
            "| " + " | ".join(["---"] * 21) + " |"]
    def lat(r: dict[str, Any], path: str) -> str:
        x = r["panel"].get(path)
        return f"{x['p50_ms']:.0f} / {x['p95_ms']:.0f} / {x['p99_ms']:.0f}" if x else "-"

    for r in report["results"]:
        if "load_refused" in r and "load_s" not in r:
            rows.append(f"| {r['components']:,} | {r['records']:,} | {r['dependency_edges']:,} | "
                        f"refused after {r['load_refused_after_s']} s, "
                        f"{r['records_after_refusal']} records written: "
                        f"{r['load_refused'].replace('|', '/')} | - | - | "
                        f"{r['load_peak_rss_mib']} |" + " - |" * 14)
            continue
        errors = sum(x["errors"] for x in r["panel"].values()) if r["panel"] else "-"
        naive = ("skipped" if r.get("naive_skipped") else "gave up" if r["naive_gave_up"]
                 else f"{r['naive_cypher_s']}")
        agree = ("yes" if r["agrees_with_networkx"] and r["agrees_with_naive"] in (True, None)
                 else "NO")
        rows.append(f"| {r['components']:,} | {r['records']:,} | {r['dependency_edges']:,} | "
                    f"{r['load_s']}{LOAD_PATHS.get(r.get('load_path', ''), '')} | "
                    f"{r['load_records_per_s']:,} | {r['load_edges_per_s']:,} | "
                    f"{r['load_peak_rss_mib']} | {r['load_again_s']} | {r['risk_cold_s']} | "
                    f"{r['risk_warm_s']} | {r.get('risk_table_s', '-')} | {r['risk_query_s']} | "
                    f"{r['risk_after_load_s']} | "
                    f"{r['risk_cached_s']} | "
                    f"{r['audit_s']} | {r['networkx_s']} | {naive} | "
                    f"{agree} | "
                    f"{lat(r, '/risk')} | {lat(r, '/risk.json')} | {errors} |")
    into = report.get("load_into_loaded")
    if into:
        rows.append("")
        rows.append(f"Loading {into['file']} into a knowledge base holding {into['base']} "
                    f"(batched): " + (f"failed after {into['load_s']} s: {into['failed']}"
                                      if into["failed"] else f"{into['load_s']} s")
                    + f", kb peak {into['load_peak_rss_mib']} MiB, Neo4j peak "
                    f"{into['neo4j_peak_rss_mib'] or '-'} MiB.")
    memory = ["| components | `kb load` peak MiB | panel peak MiB (after what-ifs) | "
              "Neo4j peak MiB, loads | Neo4j peak MiB, reads | Neo4j heap + page cache |",
              "| " + " | ".join(["---"] * 6) + " |"]
    budget = f"{report['neo4j']['heap']} + {report['neo4j']['pagecache']}"
    for r in report["results"]:
        memory.append(f"| {r['components']:,} | {r['load_peak_rss_mib']} | "
                      f"{r.get('panel_peak_rss_mib') or '-'} ({r.get('panel_what_ifs', 0)}) | "
                      f"{r.get('neo4j_peak_rss_mib_loads') or '-'} | "
                      f"{r.get('neo4j_peak_rss_mib_reads') or '-'} | {budget} |")
    pages = ["| components | audit json s | audit json peak MiB | audit html s | html MB | "
             "audit pdf s | pdf MB | overview, first request s | plan s |",
             "| " + " | ".join(["---"] * 9) + " |"]
    for r in report["results"]:
        pages.append(f"| {r['components']:,} | " + " | ".join(
            "-" if r.get(k) is None else str(r[k])
            for k in ("audit_s", "audit_peak_rss_mib", "audit_html_s", "audit_html_mb",
                      "audit_pdf_s", "audit_pdf_mb", "overview_first_request_s", "plan_s"))
            + " |")
    loads = ["| components | `kb load` s (path) | `kb load --bulk` s | Neo4j's importer alone s | "
             "`kb load --bulk` peak MiB | `kb risk --format json` s, snapshot / scratch |",
             "| " + " | ".join(["---"] * 6) + " |"]
    for r in report["results"]:
        if "load_s" not in r and "bulk_load_s" not in r:
            continue
        path = r.get("load_path", "")
        first = "-" if path == "bulk" else f"{r.get('load_s')} ({path})"
        loads.append(f"| {r['components']:,} | {first} | "
                     + (f"failed: {r['bulk_failed']}" if r.get("bulk_failed") else
                        str(r.get("bulk_load_s", "-"))) + " | "
                     f"{r.get('importer_s') or '-'} | {r.get('bulk_load_peak_rss_mib') or '-'} | "
                     f"{r.get('risk_json_s', '-')} / {r.get('risk_json_scratch_s', '-')} |")
    return ("\n".join(rows) + "\n\nPeak resident memory (`VmHWM` of each process):"
            "\n\n" + "\n".join(memory)
            + "\n\nReports, the overview and the planner (`kb audit` in each format, process "
            "included; the panel's `/` on its first request, after the latency runs; `kb plan "
            "--budget 1000000`, process included):\n\n" + "\n".join(pages)
            + "\n\nLoad paths and `kb risk` as a user types it (the 1,000 most urgent, counts "
            "only):\n\n" + "\n".join(loads)
            + ("\n\n" + targets if (targets := targets_table(report)) else ""))
