"""`kb query`: one read-only Cypher query from a shell, through the console's guard."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import click
from neo4j.exceptions import Neo4jError
from rich.console import Console
from rich.table import Table

from kb.cli.common import friendly, write_out
from kb.cli.output import cell
from kb.errors import KBError, UsageError
from kb.report.jsontext import pretty_bytes
from kb.settings import get_settings
from kb.store import db
from kb.views import console, console_budget, console_plan


def parse_param(text: str) -> tuple[str, Any]:
    """`name=value`: the value as JSON when it reads as JSON (42, 1.5, true, null, [1, 2],
    {"a": 1}, "quoted"), else as the text itself."""
    name, sep, raw = text.partition("=")
    name = name.strip().lstrip("$")
    if not sep or not name.replace("_", "a").isalnum() or name[0].isdigit():
        raise UsageError(f"--param {text!r} is not NAME=VALUE",
                         hint="For example --param product=ebola-emr --param horizon=90.")
    try:
        return name, json.loads(raw)
    except ValueError:
        return name, raw


def _text(value: Any) -> str:
    """A console value as one table cell: nodes as (:Label {props}), the rest as `cell`."""
    if isinstance(value, dict) and value.get("_type") == "node":
        props = ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}"
                          for k, v in value["properties"].items())
        return f"(:{':'.join(value['labels'])} {{{props}}})"
    if isinstance(value, dict) and value.get("_type") == "relationship":
        return f"[:{value['type']}]"
    if isinstance(value, dict) and value.get("_type") == "path":
        return " ".join(_text(n) for n in value["nodes"])
    if isinstance(value, list):
        return "[" + ", ".join(_text(v) for v in value) + "]"
    return cell(value)


def _csv(answer: dict[str, Any]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(answer["columns"])
    for row in answer["rows"]:
        writer.writerow(["" if v is None else v if isinstance(v, str | int | float)
                         else json.dumps(v, ensure_ascii=False) for v in row])
    return buf.getvalue()


def _footer(answer: dict[str, Any]) -> str:
    n = len(answer["rows"])
    settings = get_settings()
    if answer["cut"] == "rows":
        return f"{n} row(s), cut at the row cap (KB_ROW_CAP, {settings.kb_row_cap})"
    if answer["cut"] == "bytes":
        return f"{n} row(s), cut at the answer size cap (KB_ANSWER_MB, {settings.kb_answer_mb:g})"
    return f"{n} row(s)"


def _fail(exc: BaseException) -> None:
    told = console.failure(exc, get_settings())
    if told is None:
        raise exc
    hint = told.hint
    if told.code == "refused":
        hint = "kb query runs read-only queries within the console's budget; `kb query --help` " \
               "says what it refuses."
    click.secho(f"error: {told.message}", fg="red", err=True)
    if hint:
        click.echo(hint, err=True)
    sys.exit(told.exit_code)


@click.command()
@click.argument("cypher", required=False)
@click.option("--file", "-f", "file", type=click.Path(dir_okay=False, allow_dash=True),
              help="Read the query from this file ('-' for standard input).")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter ($NAME); the value is read as JSON when it can be "
              "(42, true, [1, 2], \"text\") and as text otherwise. Repeatable.")
@click.option("--explain", is_flag=True,
              help="Show the plan Neo4j would use (estimated rows per operator) and warn about "
              "cartesian products and unbounded variable-length patterns; runs nothing.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@friendly
def query(cypher: str | None, file: str | None, params: tuple[str, ...], explain: bool,
          fmt: str) -> None:
    """Run one read-only Cypher query against the knowledge base.

    The same guard, limits and errors as the panel's console: writes, schema and
    administration commands, LOAD CSV, other databases and procedures other than the
    schema-reading ones are refused; so are queries past the console's budget (over 20,000
    characters, brackets nested over 64 deep, over 1,000 AND/OR/XOR/+ terms, a range() over
    1,000,000 elements or one whose size the text does not show, list iterations nested past
    10,000,000 steps, values that may double more than 10 times). It runs once in a read
    transaction with KB_QUERY_TIMEOUT (10 s), KB_ROW_CAP (1,000 rows) and KB_ANSWER_MB (16 MB).
    Writes belong to `kb load` and `kb import`.

    Exit codes: 0 answered, 1 failed (syntax error, timeout, too big), 2 refused (or the
    command line is wrong), 3 every console slot busy.

    \b
    Examples:
      kb query "MATCH (c:Component) RETURN c.id, c.name LIMIT 5"
      kb query -f risky.cypher --param product=ebola-emr --format csv > out.csv
      kb query "MATCH (a)-[:GIVES]->(b) RETURN a.id, b.id" --format json
      kb query --explain "MATCH (a), (b) RETURN count(*)"
      echo "RETURN 1 AS one" | kb query -f -
    """
    if (cypher is None) == (file is None):
        raise UsageError("give the query as an argument or with --file, not both or neither",
                         hint='kb query "MATCH (n) RETURN count(n)"  or  kb query -f q.cypher')
    if file is not None:
        try:
            text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KBError(f"cannot read the query from {file}: {exc}") from None
    else:
        text = cypher or ""
    bound = dict(parse_param(p) for p in params)
    settings = get_settings()
    with db.connect() as driver:
        try:
            if explain:
                plan = console_plan.explain(driver, text, bound, settings)
            else:
                answer = console.run(driver, text, bound, settings).as_dict()
        except (console_budget.Refused, console.QueryFailed, console.Busy, Neo4jError) as exc:
            _fail(exc)
            return
    if explain:
        if fmt == "json":
            write_out(None, pretty_bytes(plan))
            return
        lines = console_plan.render_text(plan["plan"])
        lines += [f"warning: {w}" for w in plan["warnings"]] or ["no warnings"]
        write_out(None, "\n".join(lines) + "\n")
        return
    if fmt == "json":
        write_out(None, pretty_bytes(answer))
    elif fmt == "csv":
        write_out(None, _csv(answer))
        click.echo(_footer(answer), err=True)
    else:
        table = Table(*answer["columns"])
        for row in answer["rows"]:
            table.add_row(*(_text(v) for v in row))
        Console().print(table)
        click.echo(_footer(answer), err=True)
