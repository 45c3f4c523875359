"""The risk score, defined once: the points of each part, the levels and the reasons.

Both engines use these figures: the fast engine (`kb.analysis.fastrisk`) through `verdict`
and `funding_state`, and the reference query `cypher/analyses/risk.cypher` through the
`scoring` parameter (`cypher_params`). The README's table in "Analyses" states the same
numbers; a unit test checks the two agree.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

import numpy as np

UNFUNDED_POINTS = 40  # known: nobody funds its maintenance on the day
CLIFF_POINTS = 20  # funded, but the funding stops inside the horizon
FUNDING_UNKNOWN_POINTS = 20  # no source says whether its maintenance is funded
RELIANCE_POINTS = 25  # the most that reliance adds ...
RELIANCE_FULL_AT = 20  # ... reached at this many relying actors (25 * ln(1 + k) / ln(21))
MAINTAINER_POINTS = (30, 12, 5)  # with 0, 1 or 2 active maintainers; 3 or more add 0
MAINTENANCE_UNKNOWN_POINTS = 15  # no source says who maintains it
VOLUNTEER_POINTS = 10  # it has maintainers and none is paid
FREE_RIDER_POINTS = 5  # some actor relies on it and neither funds nor maintains it
MAX_SCORE = 100
LEVELS = (("critical", 75), ("high", 50), ("medium", 25))  # the lowest score of each; else low
EVIDENCE_LEVELS = ("critical",)  # levels only a component whose funding and maintenance are
#                                  both known can reach; otherwise it stops one level below
LEVEL_NAMES = [name for name, _ in LEVELS] + ["low"]
REASONS = ["unfunded", "funding_unknown", "funding_cliff", "no_maintainer", "maintenance_unknown",
           "single_maintainer", "volunteer_only", "free_riders"]
CONFIDENCE = ("high", "medium", "low")  # nothing unknown, one of funding and maintenance, both
EARLY, LATE = date(1000, 1, 1), date(9999, 12, 31)  # open starts and ends

_LOGS = [math.log(1 + k) / math.log(1 + RELIANCE_FULL_AT) for k in range(RELIANCE_FULL_AT)]


def cypher_params() -> dict[str, Any]:
    """The scoring as the `scoring` parameter of cypher/analyses/risk.cypher."""
    return {"unfunded": UNFUNDED_POINTS, "cliff": CLIFF_POINTS,
            "funding_unknown": FUNDING_UNKNOWN_POINTS,
            "reliance": float(RELIANCE_POINTS), "reliance_full_at": RELIANCE_FULL_AT,
            "maintainers": list(MAINTAINER_POINTS),
            "maintenance_unknown": MAINTENANCE_UNKNOWN_POINTS, "volunteer": VOLUNTEER_POINTS,
            "free_riders": FREE_RIDER_POINTS, "max": MAX_SCORE,
            "levels": [{"name": n, "min": m, "needs_evidence": n in EVIDENCE_LEVELS}
                       for n, m in LEVELS],
            "confidence": list(CONFIDENCE)}


def reliance_points(actors: int) -> float:
    """Points for `actors` relying actors: 25 * ln(1 + actors) / ln(21), at most 25."""
    return RELIANCE_POINTS * (1.0 if actors >= RELIANCE_FULL_AT else _LOGS[actors])


def level(score: int, evidence: bool = True) -> str:
    """The level of a score: critical, high, medium or low. Without `evidence` (funding or
    maintenance unknown) the levels in EVIDENCE_LEVELS are out of reach."""
    return next((name for name, lowest in LEVELS
                 if score >= lowest and (evidence or name not in EVIDENCE_LEVELS)), "low")


def confidence(funding_known: bool, maintenance_known: bool) -> str:
    """How much of a score rests on evidence: high, medium (one input unknown), low."""
    return CONFIDENCE[(not funding_known) + (not maintenance_known)]


def verdict(funded: bool, cliff: bool, actors: int, maintainers: int, unpaid: bool,
            riders: bool, funding_known: bool = True, maintenance_known: bool = True
            ) -> tuple[int, str, tuple[str, ...]]:
    """(risk score, level, reasons) of one component. `unpaid` means no active maintainer is
    paid; `riders` that it has free riders (the caller counts them only when funding and
    maintenance are both known). An unknown input scores its UNKNOWN points instead of a
    verdict on evidence, and keeps the component out of the EVIDENCE_LEVELS."""
    funding = (CLIFF_POINTS if cliff else 0) if funded else (
        UNFUNDED_POINTS if funding_known else FUNDING_UNKNOWN_POINTS)
    upkeep = (MAINTAINER_POINTS[maintainers] if maintainers < len(MAINTAINER_POINTS) else 0
              ) if maintenance_known else MAINTENANCE_UNKNOWN_POINTS
    raw = (funding + reliance_points(actors) + upkeep
           + (VOLUNTEER_POINTS if maintainers > 0 and unpaid else 0)
           + (FREE_RIDER_POINTS if riders else 0))
    score = int(math.floor(min(raw, MAX_SCORE) + 0.5))
    reasons = tuple(r for r, on in (
        ("unfunded", funding_known and not funded), ("funding_unknown", not funding_known),
        ("funding_cliff", cliff), ("no_maintainer", maintenance_known and maintainers == 0),
        ("maintenance_unknown", not maintenance_known),
        ("single_maintainer", maintainers == 1),
        ("volunteer_only", maintainers > 0 and unpaid), ("free_riders", riders)) if on)
    return score, level(score, funding_known and maintenance_known), reasons


def funding_state(fl: list[tuple[str, date, date]] | None,
                  mt: list[tuple[str, bool, date, date]] | None, day: date, horizon_end: date
                  ) -> tuple[bool, date | None, date | None, list[str], list[str], int]:
    """(funded, funded_until, cliff date, funders, maintainer ids, paid count) of one
    component on `day`, from its maintenance flows `fl` (funder, start, end) and maintenance
    records `mt` (actor, paid, since, until); open ends are EARLY and LATE.

    Funded periods are the flows and the paid records; those that overlap or touch (one
    ending the day before the next starts) form one stretch. It is funded when a stretch
    contains `day`; funded_until is that stretch's end (None when open); the cliff is the
    day after it when that falls before `horizon_end`."""
    fl, mt = fl or [], mt or []
    periods = sorted([(s, e) for _, s, e in fl] + [(s, e) for _, paid, s, e in mt if paid])
    stretches: list[list[date]] = []
    for start, end in periods:
        if stretches and start - timedelta(days=1) <= stretches[-1][1]:
            stretches[-1][1] = max(stretches[-1][1], end)
        else:
            stretches.append([start, end])
    stretch = next((x for x in stretches if x[0] <= day <= x[1]), None)
    funded_until = None if stretch is None or stretch[1] == LATE else stretch[1]
    funders = sorted({g for g, s, e in fl if s <= day <= e})
    maintainer_ids: list[str] = []
    paid_ids: set[str] = set()
    for a, paid, s, e in mt:
        if s <= day <= e:
            if a not in maintainer_ids:
                maintainer_ids.append(a)
            if paid:
                paid_ids.add(a)
    cliff = (funded_until + timedelta(days=1)
             if funded_until is not None and funded_until < horizon_end else None)
    return stretch is not None, funded_until, cliff, funders, maintainer_ids, len(paid_ids)


def coverage(reliant_actors: Any, funding_known: Any, maintenance_known: Any
             ) -> dict[str, Any]:
    """What is known of the shared components (relied on by 2 or more actors): how many have
    known maintenance and funding, and how much reliance (actor-component pairs) rests on
    components with either unknown. Inputs are aligned sequences or arrays, one entry per
    component."""
    k = np.asarray(reliant_actors, dtype=np.int64)
    f = np.asarray(funding_known, dtype=bool)
    m = np.asarray(maintenance_known, dtype=bool)
    shared = k >= 2
    n = int(np.count_nonzero(shared))
    m_known = int(np.count_nonzero(shared & m))
    f_known = int(np.count_nonzero(shared & f))
    reliance = int(k[shared].sum())
    on_unknown = int(k[shared & ~(f & m)].sum())

    def share(part: int, whole: int) -> float | None:
        return round(part / whole, 4) if whole else None

    return {"shared_components": n,
            "maintenance_known": m_known, "maintenance_known_share": share(m_known, n),
            "funding_known": f_known, "funding_known_share": share(f_known, n),
            "reliance": reliance, "reliance_on_unknown": on_unknown,
            "reliance_on_unknown_share": share(on_unknown, reliance)}


def coverage_line(c: dict[str, Any]) -> str:
    """The coverage figures as one sentence (for `kb risk` and the pages)."""
    if not c["shared_components"]:
        return "coverage: no shared components"

    def pct(x: float | None) -> str:
        return "-" if x is None else f"{x:.0%}"

    return (f"coverage of {c['shared_components']:,} shared components: maintenance known for "
            f"{c['maintenance_known']:,} ({pct(c['maintenance_known_share'])}), funding for "
            f"{c['funding_known']:,} ({pct(c['funding_known_share'])}); "
            f"{c['reliance_on_unknown']:,} of {c['reliance']:,} reliances "
            f"({pct(c['reliance_on_unknown_share'])}) rest on unknowns")
