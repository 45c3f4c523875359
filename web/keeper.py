"""Keep the risk snapshot current while the panel runs.

A write made outside the panel (a `kb load` in another terminal, cypher-shell, another
program) makes the next risk view compute the snapshot again: at 100k components that is 1-2 s
of bulk reads and reachability before the page can render. The keeper checks the data-state
token every `KB_PANEL_REFRESH` seconds and, once a new state has held for one more check (a
`kb load` leaves its snapshot file right after its commit; waiting lets the keeper read that
file instead of computing it a second time), asks the engine for the snapshot of that state,
and then computes today's columnar risk table (what `/`, `/risk` and the component pages
read), the overview and its timeline into the result cache, so that the first visitor after
a load does not wait for them (at a million components, 2.0 s for the table and 7.7 s for
the first overview). A table too large for the cache (`KB_CACHE_MB`) is not kept, so after the
first such one the keeper stops computing them ahead. It only reads, and only once the
panel has connected.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from kb import analysis, cache
from kb.analysis import fastrisk
from kb.perf import collector_paused
from kb.store import db
from web.deps import Answers, overview_of, risk_table_of, timeline_of

log = logging.getLogger(__name__)


class SnapshotKeeper:
    """A daemon thread renewing `fastrisk`'s snapshot after a settled change of data state."""

    def __init__(self, app_state: Any, every: float) -> None:
        self._state = app_state
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="snapshot-keeper", daemon=True)
        self.renewals = 0  # snapshots (and today's risk tables) made, for tests and the curious
        self.warm_risk = True  # until today's risk table turns out too large to keep

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        kept: str | None = None  # the state the snapshot was last renewed for
        seen: str | None = None  # the state seen at the previous check
        while not self._stop.wait(self._every):
            driver = getattr(self._state, "driver", None)
            if driver is None:  # the panel has not connected yet (or lost Neo4j)
                continue
            settings = self._state.settings
            try:
                now = db.data_state(driver, settings=settings)
                if now == seen and now != kept:
                    with collector_paused():  # as the engine's own callers do
                        fastrisk.snapshot(driver, settings)
                    if self.warm_risk:
                        day = analysis.parse_as_of(None)
                        answers = Answers(now)
                        risk_table_of(answers, driver, settings, day)
                        # A table larger than the whole result cache (KB_CACHE_MB) is not
                        # kept: computing it ahead would only cost time, so stop trying.
                        self.warm_risk = cache.results.get(
                            now, ("risk-table", day, 180)) is not None
                        if self.warm_risk:
                            overview_of(answers, driver, settings, day)
                            timeline_of(answers, driver, settings, day)
                    kept = now
                    self.renewals += 1
                seen = now
            except Exception as exc:  # Neo4j away or restarting: try again at the next check
                log.debug("snapshot keeper: %s", exc)
