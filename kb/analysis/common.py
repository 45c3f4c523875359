"""What every analysis shares: the answer type, the day it is asked for, reading rows, and
refusing unknown ids with the valid choices."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from typing import Any

from neo4j import Driver

from kb.errors import UsageError
from kb.settings import Settings
from kb.store import db
from kb.store.db import plain


@dataclass
class Analysis:
    """An analysis answer: JSON data plus a table view."""

    name: str
    data: dict[str, Any]
    rows: list[dict[str, Any]]
    columns: list[str]
    table_columns: list[str] | None = None  # a narrower set for terminal tables
    total: int | None = None  # rows before a limit, where the analysis takes one


def parse_as_of(value: str | date | None) -> str:
    """A YYYY-MM-DD day; today when None."""
    if value is None:
        return date.today().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"--as-of must be a date as YYYY-MM-DD, got {value!r}") from None


def rows(driver: Driver, name: str, params: dict[str, Any] | None,
         settings: Settings | None) -> list[dict[str, Any]]:
    """The rows of library query `name`, plain (dates as ISO strings)."""
    return [plain(r) for r in db.run(driver, name, params, settings=settings)]


CHOICES_LISTED = 30


def names(items: list[str], shown: int) -> str:
    """Items for a person to read in one line: all of them when at most one more than
    `shown`, else the first `shown` and how many more."""
    if len(items) <= shown + 1:
        return ", ".join(items)
    return ", ".join(items[:shown]) + f" and {len(items) - shown:,} more"


def check_ids(driver: Driver, label: str, ids: list[str], what: str,
               settings: Settings | None) -> None:
    """Raise UsageError naming the ids that are not a `label`, with the valid choices (all of
    them when few, else the closest few)."""
    found = {r["id"] for r in db.run(driver, "known_ids", {"label": label, "ids": ids},
                                     settings=settings)}
    unknown = [i for i in ids if i not in found]
    if not unknown:
        return
    known = sorted(r["id"] for r in db.run(driver, "ids", {"label": label}, settings=settings))
    if len(known) <= CHOICES_LISTED:
        hint = f"Valid {what}s: {', '.join(known) or '(none loaded)'}"
    else:
        close = sorted({m for i in unknown
                        for m in difflib.get_close_matches(i, known, n=3, cutoff=0.8)})
        hint = (f"{len(known):,} {what}s are loaded; closest to what you gave: "
                f"{', '.join(close) or '(none)'}")
    raise UsageError(f"unknown {what} {', '.join(map(repr, unknown))}", hint=hint)
