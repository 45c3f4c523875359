"""The `kb` command line."""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kb.errors import KBError

F = TypeVar("F", bound=Callable[..., Any])


def friendly(fn: F) -> F:
    """Turn expected failures into a short message on stderr and an exit code; no traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

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
    from kb.settings import get_settings

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


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="valuenet-kb", prog_name="kb")
def main() -> None:
    """valuenet-kb: a Neo4j knowledge base of the value networks around open-source products.

    \b
    Typical session:
      kb neo4j start                     # fetch and start a local Neo4j 5.26 (or set NEO4J_URI)
      kb load examples/ebola-emr.yaml    # validate, then load atomically
      kb risk                            # hollow-core risk, most urgent first
      kb serve                           # the web panel on http://127.0.0.1:8000

    Settings come from the environment or a .env file: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
    NEO4J_DATABASE, KB_STATE_DIR and more (see README, "Configuration").
    """


# --- neo4j -----------------------------------------------------------------------------------


@main.group()
def neo4j() -> None:
    """Run the project's own Neo4j 5.26 Community server (when NEO4J_URI is not set).

    The jars come from Maven Central (via mvn) into KB_STATE_DIR/neo4j/lib; data, logs and a
    generated password live beside them. The server listens on 127.0.0.1 only.
    """


@neo4j.command("fetch")
@friendly
def neo4j_fetch() -> None:
    """Download the Neo4j jars into the cache (done by `start` too)."""
    from kb.server import local
    from kb.settings import get_settings

    lay = local.fetch(get_settings())
    click.echo(f"Neo4j {local.NEO4J_VERSION} jars in {lay.lib}")


@neo4j.command("start")
@friendly
def neo4j_start() -> None:
    """Start the server and wait until it answers on Bolt; create the schema."""
    from kb import db, loader
    from kb.server import local
    from kb.settings import get_settings

    settings = get_settings()
    if settings.neo4j_uri:
        raise KBError(f"NEO4J_URI is set ({settings.neo4j_uri}); kb does not manage that server",
                      hint="Unset NEO4J_URI to use the project's own server.")
    lay, started = local.start(settings)
    with db.connect(settings) as driver:
        loader.ensure_schema(driver, settings)
    word = "started" if started else "already running"
    click.echo(f"Neo4j {word} at {local.local_uri(settings)} (data in {lay.data})")


@neo4j.command("stop")
@friendly
def neo4j_stop() -> None:
    """Stop the server."""
    from kb.server import local
    from kb.settings import get_settings

    was = local.stop(get_settings())
    click.echo("Neo4j stopped" if was else "Neo4j was not running")


@neo4j.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@friendly
def neo4j_status(as_json: bool) -> None:
    """Print the server version, URI and data folder; exit 2 when it does not answer."""
    from kb import db
    from kb.server import local
    from kb.settings import get_settings

    settings = get_settings()
    uri = db.target(settings)[0]
    info: dict[str, Any] = {"uri": uri, "managed": not settings.neo4j_uri}
    if not settings.neo4j_uri:
        info["data"] = str(local.layout(settings).data)
        info["pid"] = local.running_pid(settings)
    with db.connect(settings) as driver:
        row = db.run(driver, "server_version", settings=settings)[0]
        counts = db.run(driver, "count_nodes", settings=settings)[0]
    info.update(version=row["version"], edition=row["edition"], **counts)
    if as_json:
        click.echo(json.dumps(info, indent=2))
        return
    click.echo(f"Neo4j {info['version']} ({info['edition']}) at {uri}")
    if "data" in info:
        click.echo(f"data: {info['data']} (pid {info['pid']})")
    click.echo(f"{info['nodes']} nodes, {info['relationships']} relationships")


# --- the format --------------------------------------------------------------------------------


@main.command()
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file.")
def schema(out: Path | None) -> None:
    """Print the JSON Schema of the valuenet/1 ecosystem format."""
    from kb.model import json_schema

    text = json.dumps(json_schema(), indent=2) + "\n"
    if out:
        out.write_text(text)
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)


def _print_problems_json(problems: list[Any]) -> None:
    click.echo(json.dumps({"ok": False, "problems": [p.as_dict() for p in problems]}, indent=2))


@main.command()
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
    --offline is given.
    """
    from kb import db, loader

    if offline:
        result = loader.check(list(files))
    else:
        with db.connect() as driver:
            result = loader.check(list(files), driver)
    if fmt == "json":
        if result.ok:
            click.echo(json.dumps({"ok": True, "problems": []}))
        else:
            _print_problems_json(result.problems)
            sys.exit(1)
        return
    if result.ok:
        n = sum(len(v) for s in result.sources for v in s.sections.values())
        click.echo(f"ok: {len(files)} file(s), {n} records, no problems")
        return
    raise loader.ValidationFailed(result.problems)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--prune", is_flag=True,
              help="Also remove what an earlier load of the same ecosystem id listed and these "
              "files no longer do.")
@click.option("--dry-run", is_flag=True, help="Validate and count, then roll back.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@friendly
def load(files: tuple[Path, ...], prune: bool, dry_run: bool, fmt: str) -> None:
    """Validate ecosystem files, then load them into the knowledge base in one transaction.

    FILES are valuenet/1 files: .yaml, .yml, .json, or folders of CSV files (see README,
    "The ecosystem format"). Every file is checked first; on any problem each one is listed
    with its location and nothing is written. Loading the same file again changes nothing.
    After the write, the risk engine's snapshot of the graph is computed and kept under the
    state directory, so the next `kb risk`, `kb audit` or panel view only builds its rows.

    \b
    Examples:
      kb load examples/ebola-emr.yaml
      kb load partners.yaml funding.yaml --prune
      kb load my-ecosystem/ --dry-run
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from kb import db, loader

    with db.connect() as driver:
        loader.ensure_schema(driver)
        with Progress("[progress.description]{task.description}", BarColumn(),
                      MofNCompleteColumn(), TimeRemainingColumn(), transient=True,
                      disable=fmt == "json" or not sys.stderr.isatty(),
                      console=_stderr_console()) as bar:
            task = bar.add_task("writing", total=None)

            def progress(step: str, done: int, total: int) -> None:
                bar.update(task, description=step, completed=done, total=total)

            try:
                report = loader.load(driver, list(files), prune=prune, dry_run=dry_run,
                                     progress=progress)
            except loader.ValidationFailed as exc:
                if fmt == "json":
                    _print_problems_json(exc.problems)
                    sys.exit(1)
                raise
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2))
        return
    _print_report(report)


def _write(out: Path | None, text: str) -> None:
    """Write text to a file (and say so on stderr), or to standard output."""
    if out:
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def _print_report(report: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("section", "created", "updated", "unchanged", "pruned",
                  title="dry run: nothing written" if report.dry_run else None)
    for section, c in report.sections.items():
        table.add_row(section, str(c.created), str(c.updated), str(c.unchanged), str(c.pruned))
    t = report.as_dict()["totals"]
    table.add_row("total", str(t["created"]), str(t["updated"]), str(t["unchanged"]),
                  str(t["pruned"]), style="bold")
    Console().print(table)


@main.command()
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
    from kb import db
    from kb.export import collect, dump

    if fmt is None:
        fmt = "json" if out and out.suffix.lower() == ".json" else "yaml"
    with db.connect() as driver:
        text = dump(collect(driver), fmt)
    if out:
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)


@main.command()
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (for scripts).")
@friendly
def reset(yes: bool) -> None:
    """Delete everything in the knowledge base (asks first)."""
    from kb import db, loader

    with db.connect() as driver:
        counts = db.run(driver, "count_nodes")[0]
        if not yes:
            if not sys.stdin.isatty():
                raise KBError("kb reset needs confirmation",
                              hint="Run it in a terminal, or pass --yes.")
            click.confirm(f"Delete all {counts['nodes']} nodes and {counts['relationships']} "
                          "relationships?", abort=True)
        loader.reset(driver)
    click.echo(f"deleted {counts['nodes']} nodes and {counts['relationships']} relationships")


# --- analyses ----------------------------------------------------------------------------------

FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]),
                             default="table", show_default=True, help="Output format.")
AS_OF_OPTION = click.option("--as-of", "as_of", metavar="YYYY-MM-DD",
                            help="Evaluate on this day instead of today.")


@main.command()
@AS_OF_OPTION
@click.option("--horizon", default=180, show_default=True, metavar="DAYS",
              help="Days ahead in which an end of funding counts as a funding cliff.")
@click.option("--without", multiple=True, metavar="ACTOR",
              help="What if this actor withdrew: ignore its funding, every sub-grant passed on "
              "from it, and its paid maintenance. Repeatable. Nothing is written.")
@click.option("--engine", type=click.Choice(["fast", "cypher"]), default="fast",
              show_default=True, help="fast: in memory after a few bulk reads, or from "
              "the snapshot the last `kb load` left while the data has not changed; cypher: the "
              "reference query cypher/analyses/risk.cypher. Both give the same answer.")
@click.option("--limit", type=click.IntRange(min=0), metavar="N",
              help="Show only the N most urgent components; 0 shows all. Default: 50 in a "
              "table, all in JSON and CSV.")
@FORMAT_OPTION
@friendly
def risk(as_of: str | None, horizon: int, without: tuple[str, ...], engine: str,
         limit: int | None, fmt: str) -> None:
    """Hollow-core risk of every component, most urgent first.

    For each component: how many products and distinct actors rely on it (directly or through
    dependencies), whether its maintenance is funded on the day, by whom and until when, the
    first unfunded day within the horizon (funding cliff), active and paid maintainers, free
    riders, and a 0-100 risk score with its level and reasons (see README, "Analyses").

    \b
    Examples:
      kb risk
      kb risk --as-of 2027-01-01 --horizon 90
      kb risk --without ghrf --format json
      kb risk --limit 0            # every component in the table
    """
    from kb import analyses, db
    from kb.output import emit

    limit = (50 if fmt == "table" else 0) if limit is None else limit
    with db.connect() as driver:
        result = analyses.risk(driver, as_of, horizon, list(without), engine=engine,
                               limit=limit)
    total = result.total or len(result.rows)
    title = f"hollow-core risk on {result.data['as_of']}" + (
        f" without {', '.join(result.data['without'])}" if without else "")
    emit(result, fmt, title)
    if fmt == "table" and len(result.rows) < total:
        click.echo(f"showing the {len(result.rows)} most urgent of {total:,} components; "
                   "--limit 0 shows all, --format json or csv gives them all", err=True)


@main.command()
@click.argument("product")
@AS_OF_OPTION
@FORMAT_OPTION
@friendly
def ivn(product: str, as_of: str | None, fmt: str) -> None:
    """The inner value network of PRODUCT: who is in it, why, and the agreement gaps.

    An actor other than the owner is a member when, on the day, it develops the product, has
    a signed agreement in force with the owner about it (or about nothing in particular),
    performs a function for it, or plans jointly with the owner.

    \b
    Example:
      kb ivn ebola-emr --as-of 2026-01-01
    """
    from kb import analyses, db
    from kb.output import emit, print_table

    with db.connect() as driver:
        result = analyses.ivn(driver, product, as_of)
    if fmt != "table":
        emit(result, fmt)
        return
    print_table(result, f"inner value network of {product} (owner {result.data['owner']}) on "
                f"{result.data['as_of']}")
    gaps = result.data["gaps"]
    click.echo(f"\n{len(gaps)} gap(s):" if gaps else "\nno agreement gaps")
    for g in gaps:
        click.echo(f"  [{g['severity']}] {g['kind']}: {g['detail']}")


@main.command()
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter of the analysis; lists are comma-separated. Repeatable.")
@click.option("--list", "list_", is_flag=True, help="List the analyses and their parameters.")
@FORMAT_OPTION
@friendly
def analyze(name: str | None, params: tuple[str, ...], list_: bool, fmt: str) -> None:
    """Run any analysis by NAME (`kb analyze --list` shows them).

    \b
    Examples:
      kb analyze --list
      kb analyze funding_topology --param as_of=2026-06-01
      kb analyze ivn --param product=ebola-emr --format json
      kb analyze risk --param without=ghrf,atlantic-bank
    """
    from kb import analyses, db
    from kb.output import emit

    if list_ or not name:
        for key, spec in analyses.REGISTRY.items():
            ps = ", ".join(f"{p} ({t})" for p, t in spec.params.items()) or "no parameters"
            click.echo(f"{key:<18} {spec.description}  [{ps}]")
        return
    given: dict[str, str] = {}
    for p in params:
        if "=" not in p:
            raise KBError(f"--param needs KEY=VALUE, got {p!r}")
        k, _, v = p.partition("=")
        given[k.strip()] = v.strip()
    with db.connect() as driver:
        result = analyses.run(driver, name, given)
    emit(result, fmt, name)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@friendly
def serve(host: str, port: int) -> None:
    """Serve the web panel (risk dashboard, entity pages, Cypher console, import).

    Every page has a JSON twin (same URL + .json); the API docs are at /docs. The panel is
    read-only unless KB_EDITOR_TOKEN is set, which allows imports with that token. Every
    KB_PANEL_REFRESH seconds (5; 0 turns it off) it checks for writes made outside it and
    renews the risk snapshot in the background, so the next risk view is quick. Analysis
    tables show their first KB_PANEL_TABLE_ROWS rows (500); their JSON twins have every row.
    """
    import uvicorn

    from kb import db

    with db.connect():
        pass  # fail fast, with the usual one-line message, when Neo4j is not there
    click.echo(f"valuenet-kb panel on http://{host}:{port}/ (Ctrl+C stops it)", err=True)
    uvicorn.run("web.app:create_app", factory=True, host=host, port=port, log_level="warning")


# --- audit -------------------------------------------------------------------------------------


@main.group(invoke_without_command=True)
@AS_OF_OPTION
@click.option("--horizon", default=180, show_default=True, metavar="DAYS",
              help="Days ahead in which an end of funding counts as a funding cliff.")
@click.option("--months", default=12, show_default=True,
              help="How many months the funding-cliff timeline covers.")
@click.option("--without", multiple=True, metavar="ACTOR",
              help="Audit the what-if in which this actor withdrew. Repeatable.")
@click.option("--format", "fmt", type=click.Choice(["html", "pdf", "md", "json", "csv"]),
              default=None, help="Default: from the --out suffix, else md.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (needed for pdf); default standard output.")
@click.option("--save", is_flag=True, help="Also store the audit in the knowledge base, for "
              "`kb audit diff`.")
@click.pass_context
@friendly
def audit(ctx: click.Context, as_of: str | None, horizon: int, months: int,
          without: tuple[str, ...], fmt: str | None, out: Path | None, save: bool) -> None:
    """Ecosystem-wide sustainability audit: findings, charts, recommendations.

    The report has, in order: a summary (health per area, key figures, the five most urgent
    findings), hollow-core findings with their evidence, funding cliffs on a timeline, free
    riders, each product's inner value network and agreement coverage, the agreement
    scorecard, the funding topology with a flow diagram, power, the network stage, and
    recommendations that say how each was derived. On a large ecosystem the html, pdf and md
    reports show the first 100 entries of each long list and say how many more there are;
    json and csv hold everything.

    \b
    Examples:
      kb audit --out audit.html
      kb audit --format pdf --out audit.pdf
      kb audit --format json --save          # keep it for `kb audit diff`
      kb audit list
      kb audit diff                          # the two newest saved audits
    """
    if ctx.invoked_subcommand is not None:
        return
    from rich.progress import BarColumn, Progress

    from kb import audit as audit_mod
    from kb import db, report

    if fmt is None:
        suffix = out.suffix.lower().lstrip(".") if out else ""
        fmt = {"htm": "html", "markdown": "md"}.get(suffix, suffix) or "md"
        if fmt not in ("html", "pdf", "md", "json", "csv"):
            raise KBError(f"cannot tell the format from {out}", hint="Pass --format.")
    if fmt == "pdf" and out is None:
        raise KBError("PDF output needs --out PATH")
    with db.connect() as driver, Progress("{task.description}", BarColumn(),
                                          transient=True, console=_stderr_console(),
                                          disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("audit", total=len(audit_mod.STEPS))

        def progress(step: str, done: int, total: int) -> None:
            bar.update(task, description=f"audit: {step}", completed=done, total=total)

        data = audit_mod.build(driver, as_of, horizon, list(without), months, progress)
        saved_id = audit_mod.save(driver, data) if save else None
    if fmt == "pdf":
        assert out is not None
        report.pdf(data, out)
        click.echo(f"wrote {out}", err=True)
    else:
        _write(out, {"html": report.html, "md": report.markdown, "json": report.to_json,
                     "csv": report.to_csv}[fmt](data))
    if saved_id:
        click.echo(f"saved audit {saved_id}", err=True)


@audit.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@friendly
def audit_list(fmt: str) -> None:
    """List saved audits, newest first."""
    from kb import audit as audit_mod
    from kb import db

    with db.connect() as driver:
        rows = audit_mod.saved(driver)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("no saved audits; run `kb audit --save`")
    for r in rows:
        extra = f" without {', '.join(r['without'])}" if r["without"] else ""
        click.echo(f"{r['id']}  saved {r['created_at']}  as of {r['as_of']}  horizon "
                   f"{r['horizon']}{extra}")


@audit.command("diff")
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@friendly
def audit_diff(old: str | None, new: str | None, fmt: str) -> None:
    """What changed between two saved audits (default: the two newest).

    Reports new and resolved hollow cores, score changes, cliffs that moved, and agreements
    added, removed or expired.
    """
    from kb import audit as audit_mod
    from kb import db

    with db.connect() as driver:
        ids = [a["id"] for a in audit_mod.saved(driver)]
        if old is None or new is None:
            if len(ids) < 2:
                raise KBError(f"need two saved audits to compare, have {len(ids)}",
                              hint="Run `kb audit --save` before and after a change.")
            new_id, old_id = (new or ids[0]), (old or ids[1])
        else:
            old_id, new_id = old, new
        result = audit_mod.diff(audit_mod.load_saved(driver, old_id),
                                audit_mod.load_saved(driver, new_id))
    result = {"old": old_id, "new": new_id, **result}
    if fmt == "json":
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(f"audit {old_id} -> {new_id}")
    if audit_mod.diff_is_empty(result):
        click.echo("no changes")
    for key in ("new_hollow_cores", "resolved_hollow_cores", "components_added",
                "components_removed", "agreements_added", "agreements_removed",
                "agreements_expired", "agreements_in_force_again"):
        if result[key]:
            click.echo(f"{key.replace('_', ' ')}: {', '.join(result[key])}")
    for s in result["score_changes"]:
        click.echo(f"score of {s['component']}: {s['from']} -> {s['to']}")
    for c in result["cliffs_moved"]:
        click.echo(f"cliff of {c['component']}: {c['from'] or 'none'} -> {c['to'] or 'none'}")


# --- generate ----------------------------------------------------------------------------------


@main.command()
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
    from kb import generate as gen
    from kb.export import dump

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
        _write(out, json.dumps(doc) + "\n" if fmt == "json" else dump(doc, "yaml"))


# --- import --------------------------------------------------------------------------------------


@main.command("import")
@click.argument("fmt", metavar="FORMAT", required=False)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--list", "list_", is_flag=True, help="List the formats, a line each.")
@click.option("--dry-run", is_flag=True, help="Show what would be created and merged; write "
              "nothing.")
@click.option("--product", help="Product id for the files' product (lockfiles, SBOMs, "
              "publiccode.yml).")
@click.option("--owner", help="Actor id of the product's owner.")
@click.option("--map", "mapping", metavar="KEY=VALUE,...",
              help="For CSV formats, which column holds what (from=a,to=b; join columns with "
              "+; const:TEXT for a fixed value); for funding-yml, component=REPO_URL.")
@click.option("--prune", is_flag=True, help="Remove what an earlier import of the same file "
              "listed and this one no longer does.")
@click.option("--format", "out_fmt", type=click.Choice(["text", "json"]), default="text")
@friendly
def import_(fmt: str | None, paths: tuple[Path, ...], list_: bool, dry_run: bool,
            product: str | None, owner: str | None, mapping: str | None, prune: bool,
            out_fmt: str) -> None:
    """Import real files: lockfiles, registries, grant data, edge lists.

    Each FORMAT reads its files into valuenet/1 records; validation, atomic loading,
    idempotence and --prune are the same as `kb load`. `kb import --list` shows the formats
    and the README says what each can and cannot tell.

    \b
    Examples:
      kb import --list
      kb import npm-lock package-lock.json --product my-app --owner my-org
      kb import cyclonedx bom.json --owner my-org
      kb import publiccode publiccode.yml
      kb import funding-yml .github/FUNDING.yml --map component=https://github.com/o/r
      kb import dpg ../shared/data/dpg-nominees/*.json
      kb import grants-csv funding_data.csv --dry-run
      kb import edges-csv unweighted_graph.csv \\
          --map product=seed_repo_owner+seed_repo_name,owner=seed_repo_owner,to=package_repo_owner+package_repo_name,from=seed_repo_name,prefix=https://github.com/
    """
    from kb import db, importers, loader
    from kb.reader import RawFile
    from kb.settings import get_settings

    reg = importers.registry()
    if list_ or not fmt:
        for name, mod in reg.items():
            click.echo(f"{name:<12} {mod.SUMMARY}")
        return
    if fmt not in reg:
        raise KBError(f"unknown import format {fmt!r}",
                      hint="Valid formats: " + ", ".join(reg) + " (kb import --list)")
    if not paths:
        raise KBError(f"kb import {fmt} needs at least one file")
    mod = reg[fmt]
    pairs = {}
    for part in (mapping or "").split(","):
        if part.strip():
            if "=" not in part:
                raise KBError(f"--map needs KEY=COLUMN pairs, got {part!r}")
            k, _, v = part.partition("=")
            pairs[k.strip()] = v.strip()
    with db.connect() as driver:
        aliases = {r["name"]: r["id"] for r in db.run(driver, "alias_list")}
        def known(ids: list[str]) -> set[str]:
            return set(loader.kb_lookup(driver, get_settings())(ids))

        def fetch(cid: str) -> dict[str, Any] | None:
            rows = db.run(driver, "component_record", {"id": cid})
            return rows[0] if rows else None

        ctx = importers.Context(product=product, owner=owner, mapping=pairs, aliases=aliases,
                                known=known, fetch=fetch)
        docs = [mod.transform(p, ctx) for p in paths]
        doc = docs[0] if len(docs) == 1 else importers.merge(
            docs, f"{fmt}:{importers.slug(paths[0].parent.name or 'files')}",
            f"{fmt} import of {len(docs)} files from {paths[0].parent}")
        report = loader.load_raw(driver, [RawFile(f"{fmt} import", doc, [])], prune=prune,
                                 dry_run=dry_run)
        names = {r["id"]: r["name"] for r in db.run(driver, "actor_names")}
        for d in docs:
            names.update({a["id"]: a["name"] for a in d.get("actors", [])})
        dupes = importers.likely_duplicates(names)
    if out_fmt == "json":
        click.echo(json.dumps({**report.as_dict(), "likely_duplicates": dupes,
                               "notes": ctx.notes}, indent=2))
        return
    _print_report(report)
    for note in ctx.notes:
        click.echo(note)
    if dupes:
        click.echo(f"{len(dupes)} likely duplicate actor(s), not merged (merge with "
                   "`kb alias add NAME ID` and import again):")
        for x in dupes:
            click.echo(f"  {x['a_name']!r} ({x['a']}) ~ {x['b_name']!r} ({x['b']}): {x['why']}")


@main.group()
def alias() -> None:
    """The alias table: names in source files that mean the same actor."""


@alias.command("add")
@click.argument("name")
@click.argument("actor_id", metavar="ID")
@friendly
def alias_add(name: str, actor_id: str) -> None:
    """Record that NAME, as written in imported files, means actor ID.

    \b
    Example:
      kb alias add "UNICEF Venture Fund" unicef-ventures-fund
    """
    from kb import db

    with db.connect() as driver:
        db.run(driver, "alias_add", {"name": name, "id": actor_id})
    click.echo(f"{name!r} now means {actor_id}")


@alias.command("list")
@friendly
def alias_list() -> None:
    """Show the alias table."""
    from kb import db

    with db.connect() as driver:
        rows = db.run(driver, "alias_list")
    for r in rows:
        click.echo(f"{r['name']!r} -> {r['id']}")
    if not rows:
        click.echo("no aliases yet (kb alias add NAME ID)")
