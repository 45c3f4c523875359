"""What the panel's routes depend on, as FastAPI dependencies: the settings, the driver, the
data state a request reads (with its `ETag` check), and the result cache keyed by it.

Routers import these; nothing here imports a router or the app.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from neo4j import Driver

from kb import cache, perf
from kb.analysis import fastrisk
from kb.analysis.risk import risk_table
from kb.perf import collector_paused
from kb.report import charts
from kb.settings import Settings
from kb.store import db
from kb.views import overview
from web.render import check_fresh

T = TypeVar("T")


def get_settings(request: Request) -> Settings:
    """The panel's settings."""
    return request.app.state.settings  # type: ignore[no-any-return]


def get_driver(request: Request) -> Driver:
    """The app's driver, opened on first use (nothing connects at import or start-up)."""
    state = request.app.state
    if getattr(state, "driver", None) is None:
        state.driver = db.open_driver(state.settings)
    return state.driver  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(get_settings)]
DriverDep = Annotated[Driver, Depends(get_driver)]


def get_data_state(request: Request, driver: DriverDep, settings: SettingsDep) -> str:
    """The database's data state (`db.data_state`), read once per request; it changes with
    every committed write by any client, so nothing the panel keeps outlives its data. A
    request whose If-None-Match names the page's current ETag is answered 304 here, and one
    for a page rendered before in this state is answered from the result cache, before any
    work."""
    if not hasattr(request.state, "data_state"):
        request.state.data_state = db.data_state(driver, settings=settings)
    check_fresh(request, request.state.data_state)
    return request.state.data_state  # type: ignore[no-any-return]


StateDep = Annotated[str, Depends(get_data_state)]


class Answers:
    """The result cache (`kb.cache`) seen from one request: answers of its data state."""

    def __init__(self, state: str) -> None:
        self.state = state

    def get(self, question: Hashable, compute: Callable[[], T],
            size: Callable[[T], int] | None = None) -> T:
        """The answer to `question` in this data state, computed once. The answer is shared
        between requests: callers must not change it. `size`: see
        `ResultCache.get_or_compute`."""
        def work() -> T:
            with collector_paused():  # large answers are millions of objects, no cycles
                return compute()

        missed = cache.results.misses
        answer = cache.results.get_or_compute(self.state, question, work, size)
        if cache.results.misses != missed:
            perf.hold_alive()  # the panel keeps it: full collections should not walk it
        return answer


def get_answers(state: StateDep) -> Answers:
    """The cache of answers for the request's data state."""
    return Answers(state)


AnswersDep = Annotated[Answers, Depends(get_answers)]


def risk_table_of(answers: Answers, driver: Driver, settings: Settings, day: str,
                  horizon: int = 180, without: tuple[str, ...] = (),
                  leave: tuple[str, ...] = (), fund: tuple[str, ...] = ()
                  ) -> fastrisk.RiskTable:
    """The columnar risk of every component for a day, horizon and what-if, once per data
    state: what `/risk`, `/` and the component pages read (the keeper computes today's
    ahead of the first request). About 230 MB at a million components, where the rows
    themselves would be 1.6 GB. A what-if compares itself with the baseline table, which is
    kept too."""
    if not (without or leave or fund):
        return answers.get(("risk-table", day, horizon),
                           lambda: risk_table(driver, day, horizon, settings=settings),
                           lambda table: table.nbytes())
    before = risk_table_of(answers, driver, settings, day, horizon)
    return answers.get(("risk-table", day, horizon, without, leave, fund),
                       lambda: risk_table(driver, day, horizon, list(without), list(leave),
                                          list(fund), settings, before),
                       lambda table: table.nbytes())


def overview_of(answers: Answers, driver: Driver, settings: Settings, day: str
                ) -> dict[str, Any]:
    """The overview's data for a day, once per data state (the keeper computes today's)."""
    return answers.get(("overview", day), lambda: overview.headline_findings(
        driver, day, settings, risk_table_of(answers, driver, settings, day)))


TIMELINE_BARS = 40  # the overview's funding timeline: the soonest-ending fundings


def timeline_of(answers: Answers, driver: Driver, settings: Settings, day: str) -> str:
    """The overview's funding timeline (SVG) for a day, once per data state."""
    def draw() -> str:
        table = risk_table_of(answers, driver, settings, day)
        soonest = list(table.view(table.funded_soonest())[:TIMELINE_BARS])
        return charts.cliff_timeline(soonest, day, 12, limit=TIMELINE_BARS)

    return answers.get(("timeline", day), draw)
