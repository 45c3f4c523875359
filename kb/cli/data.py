"""Commands for the data itself: `kb schema`, `check`, `load`, `export`, `reset`, `generate`,
`sources`, `forget`."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

from kb.cli.common import friendly, print_problems_json, print_report, stderr_console, write_out
from kb.errors import KBError, UsageError
from kb.ingest import generate as gen
from kb.ingest import loader
from kb.ingest.diff import Report
from kb.ingest.model import json_schema
from kb.report.export import collect, dump
from kb.store import db
from kb.store import schema as store_schema


@click.command()
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file.")
@friendly
def schema(out: Path | None) -> None:
    """Print the JSON Schema of the valuenet/1 ecosystem format."""
    write_out(out, json.dumps(json_schema(), indent=2) + "\n")



STARTER = Path(loader.__file__).resolve().parent / "templates" / "starter.yaml"


@click.command()
@click.argument("folder", required=False, default=".",
                type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["yaml", "csv"]), default="yaml",
              show_default=True, help="One commented YAML file, or a folder of CSV files "
              "(one per section) for a spreadsheet.")
@click.option("--force", is_flag=True, help="Replace a starter written before.")
@friendly
def init(folder: Path, fmt: str, force: bool) -> None:
    """Start your own ecosystem file: a starter that validates, with one example of each
    section and a comment on every field.

    \b
    Examples:
      kb init                        # ./ecosystem.yaml
      kb init mapping/ --format csv  # mapping/ecosystem/*.csv
      kb check ecosystem.yaml && kb load ecosystem.yaml
    """
    target = folder / ("ecosystem.yaml" if fmt == "yaml" else "ecosystem")
    if target.exists() and not force:
        raise KBError(f"{target} exists; nothing was written",
                      hint="Edit it, choose another FOLDER, or give --force to replace it.")
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "yaml":
        write_out(target, STARTER.read_text())
    else:
        import yaml

        if target.exists():
            for old in target.glob("*.csv"):
                old.unlink()
        gen.write_csv(yaml.safe_load(STARTER.read_text()), target)
        click.echo(f"wrote {target}", err=True)
    click.echo(f"next: change the examples to your own, then kb check {target} and "
               f"kb load {target}", err=True)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--offline", is_flag=True,
              help="Do not look up ids in the knowledge base; every reference must be in FILES.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@friendly
def check(files: tuple[Path, ...], offline: bool, fmt: str) -> None:
    """Validate ecosystem files without writing anything.

    Reports every problem with its file, section, record and field, and exits 1 if there is
    any. References to ids that are not in FILES are looked up in the knowledge base unless
    --offline is given. JSON files that together hold KB_STREAM_ABOVE bytes (64 MiB) or
    more are checked a slice at a time, as `kb load` streams them, so that a file of a
    million components needs no more memory than a small one.
    """
    if offline:
        result = loader.check(list(files))
    else:
        with db.connect() as driver:
            result = loader.check(list(files), driver)
    if fmt == "json":
        if result.ok:
            click.echo(json.dumps({"ok": True, "problems": []}))
        else:
            print_problems_json(result.problems)
            sys.exit(1)
        return
    if result.ok:
        click.echo(f"ok: {len(files)} file(s), {result.record_count()} records, no problems")
        return
    raise loader.ValidationFailed(result.problems)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--prune", is_flag=True,
              help="Also remove what an earlier load of the same ecosystem id listed and these "
              "files no longer do.")
@click.option("--dry-run", is_flag=True, help="Validate and count, then roll back.")
@click.option("--bulk", is_flag=True,
              help="Load into an empty knowledge base on the project's own server with "
              "Neo4j's offline importer: no size ceiling, the server restarts once (see "
              "README, \"Large loads\").")
@click.option("--batched/--one-transaction", "batched", default=None,
              help="Write in batches that go live together at the end, or in one "
              "transaction. Default: batched above KB_BATCHED_ABOVE records (150,000).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@friendly
def load(files: tuple[Path, ...], prune: bool, dry_run: bool, bulk: bool,
         batched: bool | None, fmt: str) -> None:
    """Validate ecosystem files, then load them into the knowledge base, all or nothing.

    FILES are valuenet/1 files: .yaml, .yml, .json, or folders of CSV files (see README,
    "The ecosystem format"). Every file is checked first; on any problem each one is listed
    with its location and nothing is written. Loading the same file again changes nothing.
    After the write, the risk engine's snapshot of the graph is computed and kept under the
    state directory, so the next `kb risk`, `kb audit` or panel view only builds its rows.

    A load of up to KB_BATCHED_ABOVE records (150,000) goes in one transaction. A larger
    one (or any, with --batched) is written in batches of KB_BATCH_RECORDS whose records
    stay invisible to every analysis and page until one last transaction makes them live;
    if anything fails first, they are removed and nothing changed. This works on any
    server, Aura and clusters included, and into a knowledge base that holds data.
    JSON files that together hold KB_STREAM_ABOVE bytes (64 MiB) or more are read,
    checked and written a slice at a time, with an index on disk, so that kb's memory
    stays about the same at any size (not with --prune, which needs every id at once).

    Into an empty knowledge base on the project's own server, --bulk uses Neo4j's offline
    importer instead, the fastest path: the same validation and the same graph, the server
    stopped for the import and started again (see README, "Large loads").

    \b
    Examples:
      kb load examples/ebola-emr.yaml
      kb load partners.yaml funding.yaml --prune
      kb load my-ecosystem/ --dry-run
      kb load --batched registry-1m.json   # any size, into any KB
      kb load --bulk registry-1m.json      # into an empty KB, fastest
    """
    if bulk:
        if batched is not None:
            raise UsageError("--bulk is its own load path: leave out --batched and "
                             "--one-transaction")
        if prune or dry_run:
            raise UsageError("--bulk loads into an empty knowledge base: --prune and "
                             "--dry-run do not apply", hint="Check files with `kb check`.")
        _load_bulk(list(files), fmt)
        return
    with db.connect() as driver:
        store_schema.ensure_schema(driver)
        with Progress("[progress.description]{task.description}", BarColumn(),
                      MofNCompleteColumn(), TimeRemainingColumn(), transient=True,
                      disable=fmt == "json" or not sys.stderr.isatty(),
                      console=stderr_console()) as bar:
            task = bar.add_task("writing", total=None)

            def progress(step: str, done: int, total: int) -> None:
                bar.update(task, description=step, completed=done, total=total or None)

            _report_load(lambda: loader.load(driver, list(files), prune=prune,
                                             dry_run=dry_run, progress=progress,
                                             batched=batched), fmt)


def _report_load(run: Callable[[], Report], fmt: str) -> None:
    """Run a load and print its report; its problems as JSON with --format json."""
    try:
        report = run()
    except loader.ValidationFailed as exc:
        if fmt == "json":
            print_problems_json(exc.problems)
            sys.exit(1)
        raise
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2))
        return
    print_report(report)



def _load_bulk(files: list[Path], fmt: str) -> None:
    """`kb load --bulk`, with a progress line per step on a terminal."""
    from kb.ingest import bulk

    shown = sys.stderr.isatty() and fmt != "json"

    def progress(step: str, done: int, total: int) -> None:
        if shown and done == 0:
            click.echo(f"{step}...", err=True)

    _report_load(lambda: bulk.load(files, progress=progress), fmt)


@click.command()
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default=None,
              help="Default: from the --out suffix, else yaml.")
@friendly
def export(out: Path | None, fmt: str | None) -> None:
    """Write the whole knowledge base as one valuenet/1 file.

    The output is deterministic (records sorted by id, keys in a fixed order), so two exports
    of the same graph are byte-identical and can be diffed or kept in git.
    """
    if fmt is None:
        fmt = "json" if out and out.suffix.lower() == ".json" else "yaml"
    with db.connect() as driver:
        text = dump(collect(driver), fmt)
    write_out(out, text)


@click.command()
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (for scripts).")
@friendly
def reset(yes: bool) -> None:
    """Delete everything in the knowledge base (asks first)."""

    with db.connect() as driver:
        counts = db.run(driver, "count_nodes")[0]
        if not yes:
            if not sys.stdin.isatty():
                raise KBError("kb reset needs confirmation",
                              hint="Run it in a terminal, or pass --yes.")
            click.confirm(f"Delete all {counts['nodes']} nodes and {counts['relationships']} "
                          "relationships?", abort=True)
        store_schema.reset(driver)
    click.echo(f"deleted {counts['nodes']} nodes and {counts['relationships']} relationships")





@click.command()
@click.option("--components", "n", type=click.IntRange(min=10), required=True,
              help="How many components (about 10 dependency edges each).")
@click.option("--seed", default=1, show_default=True, help="Same seed, same file.")
@click.option("--out", type=click.Path(path_type=Path),
              help="A .json, .yaml or .yml file, or a folder for CSV files; default stdout.")
@click.option("--format", "fmt", type=click.Choice(["json", "yaml", "csv"]), default=None,
              help="Default: from --out (a folder means csv), else json.")
@friendly
def generate(n: int, seed: int, out: Path | None, fmt: str | None) -> None:
    """Write a synthetic valuenet/1 ecosystem shaped like real package ecosystems.

    Power-law in-degree on DEPENDS_ON (a few components nearly everything reaches),
    dependency depth of at most 8 like a lockfile, and products, owners, funders, sub-grants,
    mostly volunteer maintenance and agreements at the ratios in docs/benchmarks.md.

    \b
    Examples:
      kb generate --components 10000 --out eco-10k.json
      kb generate --components 1000 --seed 3 --out eco/ --format csv
    """
    if fmt is None:
        if out is not None and (out.is_dir() or not out.suffix):
            fmt = "csv"
        elif out is not None and out.suffix.lower() in (".yaml", ".yml"):
            fmt = "yaml"
        else:
            fmt = "json"
    doc = gen.generate(n, seed=seed)
    if fmt == "csv":
        if out is None:
            raise KBError("CSV output is a folder: give --out FOLDER")
        gen.write_csv(doc, out)
        click.echo(f"wrote {out}", err=True)
    else:
        write_out(out, json.dumps(doc) + "\n" if fmt == "json" else dump(doc, "yaml"))


@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@friendly
def sources(fmt: str) -> None:
    """List the sources in the knowledge base and what each contributed.

    A source is what one load or import wrote: a file's ecosystem id, or an import's
    FORMAT:NAME. For each: where it was read from, when it was first and last loaded, the
    records it lists (nodes and relationship records), how many of those only it lists (what
    `kb forget SOURCE` deletes), and how many it shares with another source that says
    something different (both versions are kept; see README, "Sources and provenance").

    \b
    Examples:
      kb sources
      kb sources --format json
    """
    from kb.ingest import sources as src

    with db.connect() as driver:
        rows = src.listing(driver)
    if fmt == "json":
        click.echo(json.dumps({"sources": rows}, indent=2))
        return
    if not rows:
        click.echo("no sources yet: the knowledge base is empty (kb load FILE, kb import ...)")
        return
    for r in rows:
        click.echo(f"{r['id']}  ({r['name']})")
        first = r["first_loaded_at"] or "before loads were dated"
        click.echo(f"  read from {r['origin'] or 'unknown'}; first loaded {first}, "
                   f"last {r['loaded_at'] or 'unknown'}")
        click.echo(f"  {r['nodes']} records ({r['nodes_only']} only from here, "
                   f"{r['nodes_shared_differing']} shared with a source that differs), "
                   f"{r['rels']} relationship records ({r['rels_only']} only from here)"
                   + (f"; covers {', '.join(r['covers'])}" if r["covers"] else ""))


@click.command()
@click.argument("source")
@click.option("--dry-run", is_flag=True, help="Count what would change, then roll back.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@friendly
def forget(source: str, dry_run: bool, fmt: str) -> None:
    """Remove exactly what SOURCE said, in one transaction.

    Records only SOURCE lists are deleted. Records other sources also list stay, rebuilt from
    what those sources said (a value only SOURCE gave disappears; a dependency another
    source also gives stays). `kb sources` lists the sources; load or import the file again
    to bring it back.

    \b
    Examples:
      kb forget npm-lock:dpg:aam-digital --dry-run
      kb forget ebola-emr
    """
    from kb.ingest import sources as src

    with db.connect() as driver:
        done = src.forget(driver, source, dry_run=dry_run)
    if fmt == "json":
        click.echo(json.dumps(done.as_dict(), indent=2))
        return
    verb = "would delete" if dry_run else "deleted"
    click.echo(f"{source}: {verb} {done.nodes_deleted} records and {done.rels_deleted} "
               f"relationship records only it listed; "
               f"{'would rebuild' if dry_run else 'rebuilt'} {done.nodes_kept} records and "
               f"{done.rels_kept} relationship records that other sources also list"
               + (" (dry run: nothing changed)" if dry_run else ""))
