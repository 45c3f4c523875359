"""What every `kb` command shares: turning expected failures into a short message and an
exit code, writing output, printing a load report, and the common options."""

from __future__ import annotations

import functools
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired
from rich.console import Console
from rich.table import Table

from kb.errors import KBError
from kb.ingest.diff import Report
from kb.settings import get_settings

F = TypeVar("F", bound=Callable[..., Any])


def friendly(fn: F) -> F:
    """Turn expected failures into a short message on stderr and an exit code; no traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KBError as exc:
            click.secho(f"error: {exc.message}", fg="red", err=True)
            if exc.hint:
                click.echo(exc.hint, err=True)
            sys.exit(exc.exit_code)
        except (ServiceUnavailable, SessionExpired) as exc:
            click.secho(f"error: lost the connection to Neo4j: {exc}", fg="red", err=True)
            click.echo("Check that the server still runs (`kb neo4j status`).", err=True)
            sys.exit(2)
        except Neo4jError as exc:
            code = exc.code or ""
            click.secho(f"error: Neo4j refused the work: {exc.message or code}", fg="red",
                        err=True)
            if "MemoryPool" in code or "memory" in (exc.message or "").lower():
                click.echo(_memory_hint(), err=True)
            elif "Timeout" in code or "timed out" in (exc.message or "").lower():
                click.echo("The work took longer than the server's transaction timeout "
                           "(KB_NEO4J_TX_TIMEOUT); nothing was written.", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def _memory_hint() -> str:
    """What to do when Neo4j refuses a transaction for lack of memory."""
    settings = get_settings()
    said = ("The transaction needed more memory than the server allows (all transactions "
            "together may use 70% of its heap); nothing was written.")
    if settings.neo4j_uri:  # a server kb does not run
        return (f"{said} Give the server at {settings.neo4j_uri} a larger heap "
                "(server.memory.heap.max_size in its neo4j.conf), or split the input.")
    heap = settings.kb_neo4j_heap
    size = re.fullmatch(r"(\d+)([kmgKMG]?)", heap.strip())
    bigger = f"{int(size[1]) * 2}{size[2]}" if size else "a larger size"
    return (f"{said} The server `kb neo4j start` runs has a {heap} heap: give it more "
            f"(KB_NEO4J_HEAP={bigger}, then `kb neo4j stop && kb neo4j start`), or split "
            "the input.")


def print_problems_json(problems: list[Any]) -> None:
    """Validation problems as the JSON answer of `--format json`."""
    click.echo(json.dumps({"ok": False, "problems": [p.as_dict() for p in problems]}, indent=2))


CHUNK = 16 << 20  # no single write is asked to move more than this


def write_out(out: Path | None, data: str | bytes) -> None:
    """Write all of `data` or fail with KBError: to a file (say so on stderr), or to standard
    output. A regular file is written to a temporary file beside it and renamed into place,
    so a failed write leaves no half file (and an old file as it was)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if out is None:
        _write_all(stdout(), raw, "standard output")
        return
    try:
        if out.exists() and not out.is_file():  # /dev/stdout, a FIFO, a device
            with out.open("wb") as f:
                _write_all(f, raw, str(out))
        else:
            fd, tmp = tempfile.mkstemp(dir=out.parent if str(out.parent) else ".",
                                       prefix=f".{out.name}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    _write_all(f, raw, str(out))
                os.replace(tmp, out)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
    except OSError as exc:
        raise KBError(f"could not write {out}: {exc.strerror or exc}; nothing complete was "
                      "written",
                      hint="Check the folder exists, is writable and has room.") from None
    click.echo(f"wrote {out}", err=True)


def stdout() -> Any:
    """The binary standard output."""
    return sys.stdout.buffer


def _write_all(stream: Any, raw: bytes, where: str) -> None:
    """Write `raw` in chunks until every byte is out, then flush; KBError if not."""
    view, done = memoryview(raw), 0
    try:
        while done < len(raw):
            n = stream.write(view[done:done + CHUNK])
            n = len(view[done:done + CHUNK]) if n is None else n
            if n <= 0:
                raise OSError(f"the write moved 0 bytes after {done:,}")
            done += n
        stream.flush()
    except BrokenPipeError:
        # Whoever read our output stopped: the rest cannot be delivered. Point stdout at
        # /dev/null so that Python's own flush at exit does not complain a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise KBError(f"{where} was closed after {done:,} of {len(raw):,} bytes; the output "
                      "is incomplete") from None
    except OSError as exc:
        raise KBError(f"could not write {where} ({done:,} of {len(raw):,} bytes written): "
                      f"{exc.strerror or exc}", hint="The output is incomplete.") from None


def stderr_console() -> Console:
    """A rich console on standard error (progress bars, so stdout stays clean)."""
    return Console(stderr=True)


def print_report(report: Report) -> None:
    """A load or import report as a table: created, updated, unchanged, pruned."""
    table = Table("section", "created", "updated", "unchanged", "pruned",
                  title="dry run: nothing written" if report.dry_run else None)
    for section, c in report.sections.items():
        table.add_row(section, str(c.created), str(c.updated), str(c.unchanged), str(c.pruned))
    t = report.as_dict()["totals"]
    table.add_row("total", str(t["created"]), str(t["updated"]), str(t["unchanged"]),
                  str(t["pruned"]), style="bold")
    Console().print(table)
    for note in report.notes:
        click.echo(f"note: {note}")


FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]),
                             default="table", show_default=True, help="Output format.")
AS_OF_OPTION = click.option("--as-of", "as_of", metavar="YYYY-MM-DD",
                            help="Evaluate on this day instead of today.")
