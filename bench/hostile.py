"""The hostile console suite at the real timeout: `python -m bench.hostile`.

Posts the 103 queries of tests/integration/test_console_hostile.py to the panel (in process)
with the settings from the environment (KB_QUERY_TIMEOUT 10 s by default), against the
knowledge base NEO4J_URI / KB_STATE_DIR points at, after loading the demo into it. It pings
Neo4j with `RETURN 1` every 0.2 s meanwhile and prints, as JSON: the answers by status, the
four slowest requests, the slowest ping, and whether the data, schema and users are unchanged.

The demo load replaces what the knowledge base holds: point it at a server of its own, such as
`KB_STATE_DIR=.kb/bench KB_NEO4J_PORT=7689 kb neo4j start`.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any


def main() -> None:
    from fastapi.testclient import TestClient

    from kb.ingest import loader
    from kb.settings import get_settings
    from kb.store import db, schema
    from tests.conftest import EXAMPLES
    from tests.integration.test_console_hostile import Q, _fingerprint, pinging
    from web.app import create_app

    settings = get_settings()
    driver = db.open_driver(settings)
    schema.ensure_schema(driver, settings)
    schema.reset(driver, settings)
    loader.load(driver, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    before = _fingerprint(driver)
    statuses: dict[int, int] = {}
    times: list[tuple[float, str]] = []
    with tempfile.TemporaryDirectory() as state, \
            pinging(driver, settings.neo4j_database) as pings:
        panel = settings.model_copy(update={"kb_state_dir": Path(state)})
        if not settings.neo4j_uri:  # the project's own server: name it, since the state moves
            uri, user, password = db.target(settings)
            panel = panel.model_copy(update={"neo4j_uri": uri, "neo4j_user": user,
                                             "neo4j_password": password})
        with TestClient(create_app(panel)) as client:
            for cypher, params, _, _ in Q:
                t = time.perf_counter()
                resp = client.post("/query.json", json={"cypher": cypher, "params": params})
                times.append((round(time.perf_counter() - t, 2), cypher[:60]))
                statuses[resp.status_code] = statuses.get(resp.status_code, 0) + 1
    report: dict[str, Any] = {
        "queries": len(Q), "timeout_s": settings.kb_query_timeout,
        "statuses": dict(sorted(statuses.items())), "slowest": sorted(times)[-4:],
        "slowest_ping_s": round(max(pings), 2), "pings": len(pings),
        "unchanged": _fingerprint(driver) == before}
    driver.close()
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
