"""The floor of one atomic write on this machine, to read the load figure against.

Creates as many nodes as a 100k-component ecosystem has records (245,978) and as many
DEPENDS_ON relationships as it has dependency edges (1,002,559) in one transaction, made on the
server itself: nothing is sent from Python, nothing is validated or looked up. It times the
nodes, the relationships and the commit, after `kb reset` and with kb's schema, against the
bench server (KB_STATE_DIR=.kb/bench, port 7689; it wipes that server's data, never yours).
If this alone takes longer than records / target, no atomic `kb load` through this server can
meet the target here.

    python -m bench.floor [--nodes N] [--rels E] [--rounds R]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from bench.harness import ROOT, driver_for, kb


def one_write(driver: Any, settings: Any, nodes: int, rels: int) -> dict[str, float]:
    """Seconds for the nodes, the relationships and the commit of one transaction."""
    from kb.store import db, schema

    schema.reset(driver, settings)
    schema.ensure_schema(driver, settings)
    with driver.session(database=settings.neo4j_database) as session:
        t0 = time.perf_counter()
        with session.begin_transaction() as tx:
            db.run_tx(tx, "bench_floor_nodes", {"nodes": nodes})
            t1 = time.perf_counter()
            db.run_tx(tx, "bench_floor_rels", {"rels": rels})
            t2 = time.perf_counter()
            tx.commit()
        t3 = time.perf_counter()
    return {"nodes_s": round(t1 - t0, 2), "rels_s": round(t2 - t1, 2),
            "commit_s": round(t3 - t2, 2), "total_s": round(t3 - t0, 2)}


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m bench.floor", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--nodes", type=int, default=245_978)
    p.add_argument("--rels", type=int, default=1_002_559)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--state", type=Path, default=ROOT / ".kb" / "bench")
    p.add_argument("--port", type=int, default=7689)
    p.add_argument("--heap", default="6g")
    p.add_argument("--pagecache", default="4g")
    args = p.parse_args(argv)
    kb(args, "neo4j", "start")
    driver, settings = driver_for(args)
    rounds = []
    with driver:
        for _ in range(args.rounds):
            rounds.append(one_write(driver, settings, args.nodes, args.rels))
            print(json.dumps(rounds[-1]), flush=True)
        from kb.store import schema

        schema.reset(driver, settings)
    best = min(r["total_s"] for r in rounds)
    print(json.dumps({"nodes": args.nodes, "rels": args.rels, "rounds": rounds,
                      "best_total_s": best,
                      "records_per_s_at_best": round(args.nodes / best)}, indent=2))


if __name__ == "__main__":
    main()
