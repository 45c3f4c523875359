"""Printing analysis answers as a table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any

import orjson
from rich.console import Console
from rich.table import Table

from kb.analysis.common import Analysis
from kb.analysis.common import names as common_names
from kb.cli.common import write_out
from kb.report.jsontext import pretty_bytes

HEADERS = {"risk_score": "score", "risk_level": "level", "reliant_products": "products",
           "reliant_actors": "actors", "maintainers": "maint.", "paid_maintainers": "paid",
           "cliff_date": "cliff", "funded_until": "funded until"}


def cell(value: Any) -> str:
    """A value as one table or CSV cell: lists joined with ', ', None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1 else f"{value:,.0f}"
    if isinstance(value, list):
        return ", ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True)
    return str(value)


LIST_SHOWN = 6  # a table cell lists this many items of a longer list, then counts the rest


def names(items: list[Any], shown: int = LIST_SHOWN) -> str:
    """A list for a person to read in one line: all of it when short, else the first few and
    how many more (JSON and CSV keep every item)."""
    return common_names([cell(v) for v in items], shown)


def to_csv(result: Analysis) -> str:
    """The analysis rows as CSV with a header; lists are joined with ';'."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([";".join(map(str, v)) if isinstance(v, list) else
                         ("" if v is None else v) for v in (row.get(c) for c in result.columns)])
    return buf.getvalue()


def _shown(row: dict[str, Any], column: str) -> Any:
    """A cell as a person should read it: counts nobody recorded are unknown, not 0."""
    if column in ("maintainers", "paid_maintainers") and row.get("maintenance_known") is False:
        return "unknown"
    if column == "funders" and row.get("funding_known") is False:
        return "unknown"
    return row.get(column)


def print_table(result: Analysis, title: str | None = None) -> None:
    """The analysis rows as a rich table on standard output."""
    columns = result.table_columns or result.columns
    table = Table(*(HEADERS.get(c, c) for c in columns), title=title, show_lines=False)
    for row in result.rows:
        table.add_row(*(names(v) if isinstance(v := _shown(row, c), list) else cell(v)
                        for c in columns))
    console = Console()
    console.print(table)
    if not result.rows:
        console.print("(no rows)")


LINES_PER_WRITE = 10_000


def emit_lines(head: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    """JSON Lines on standard output: `head` (the answer's figures), then one line per row,
    written in chunks so that a million rows never sit in memory as one text."""
    out = sys.stdout.buffer
    out.write(orjson.dumps(head, option=orjson.OPT_NON_STR_KEYS) + b"\n")
    for i in range(0, len(rows), LINES_PER_WRITE):
        out.write(b"\n".join(orjson.dumps(r, option=orjson.OPT_NON_STR_KEYS)
                             for r in rows[i:i + LINES_PER_WRITE]) + b"\n")
    out.flush()


def emit(result: Analysis, fmt: str, title: str | None = None) -> None:
    """Print in the chosen format."""
    if fmt == "json":
        write_out(None, pretty_bytes(result.data))
    elif fmt == "csv":
        write_out(None, to_csv(result))
    else:
        print_table(result, title)
