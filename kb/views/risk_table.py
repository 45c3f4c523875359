"""The risk table: the risk analysis filtered, searched, sorted and cut into pages.

The panel's `/risk` and its JSON twin show this; the filters are checked here so that every
caller refuses the same bad values with the same message.
"""

from __future__ import annotations

from typing import Any

from kb.analysis import scoring
from kb.analysis.risk import funding_coverage
from kb.errors import UsageError

LEVELS = scoring.LEVEL_NAMES
REASONS = scoring.REASONS
SORTABLE = ["risk_score", "id", "reliant_products", "reliant_actors", "maintainers",
            "paid_maintainers", "cliff_date", "funded_until"]
RIDERS_SHOWN = 50
Row = dict[str, Any]


def check_filters(level: str | None, reason: str | None, sort: str) -> None:
    """Raise UsageError for an unknown level, reason or sort column, naming the valid ones."""
    if level and level not in LEVELS:
        raise UsageError(f"unknown level {level!r}", "Valid levels: " + ", ".join(LEVELS))
    if reason and reason not in REASONS:
        raise UsageError(f"unknown reason {reason!r}", "Valid reasons: " + ", ".join(REASONS))
    if sort not in SORTABLE:
        raise UsageError(f"cannot sort by {sort!r}", "Sortable columns: " + ", ".join(SORTABLE))


def matching(rows: list[Row], level: str | None = None, reason: str | None = None,
             q: str | None = None, hollow: bool = False, sort: str = "risk_score",
             direction: str = "desc") -> list[Row]:
    """The rows that pass every filter, in the order asked for (the analysis already ranks
    by score, most urgent first, so that order costs nothing)."""
    check_filters(level, reason, sort)
    if level:
        rows = [c for c in rows if c["risk_level"] == level]
    if reason:
        rows = [c for c in rows if reason in c["reasons"]]
    if hollow:
        rows = [c for c in rows if c["hollow_core"]]
    if q:
        needle = q.lower()
        rows = [c for c in rows if needle in c["id"].lower() or needle in (c["name"] or "").lower()]
    if (sort, direction) != ("risk_score", "desc"):
        rows = sorted(rows, key=lambda c: (c[sort] is None,
                                           c[sort] if c[sort] is not None else 0),
                      reverse=(direction == "desc"))
    return rows


def table_row(c: Row, as_of: str, horizon: int) -> Row:
    """A table row: the analysis row without the long id lists (the component page has
    them), free riders cut to the first RIDERS_SHOWN with their total, and the share of the
    horizon that is funded."""
    row = {k: v for k, v in c.items() if k not in ("reliant_product_ids", "reliant_actor_ids")}
    row["free_riders"] = c["free_riders"][:RIDERS_SHOWN]
    row["free_riders_total"] = len(c["free_riders"])
    row["funding_coverage"] = round(funding_coverage(c, as_of, horizon), 3)
    return row


def pages(count: int, per_page: int) -> int:
    """How many pages `count` rows fill (at least one)."""
    return max(1, -(-count // per_page))
