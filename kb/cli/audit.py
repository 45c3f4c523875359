"""`kb audit`, `kb audit list` and `kb audit diff`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.progress import BarColumn, Progress

from kb.cli.common import AS_OF_OPTION, friendly, stderr_console, write_out
from kb.errors import KBError
from kb.report import audit as audit_mod
from kb.report import history
from kb.report import render as report
from kb.store import db


@click.group(invoke_without_command=True)
@AS_OF_OPTION
@click.option("--horizon", default=180, show_default=True, metavar="DAYS",
              help="Days ahead in which an end of funding counts as a funding cliff.")
@click.option("--months", default=12, show_default=True,
              help="How many months the funding-cliff timeline covers.")
@click.option("--without", multiple=True, metavar="ACTOR",
              help="Audit the what-if in which this actor withdrew. Repeatable.")
@click.option("--budget", type=float, metavar="AMOUNT",
              help="Rank the asks within this budget (kb plan over the cliff window); "
              "default: what closing every gap costs.")
@click.option("--format", "fmt", type=click.Choice(["html", "pdf", "md", "json", "csv"]),
              default=None, help="Default: from the --out suffix, else md.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (needed for pdf); default standard output.")
@click.option("--limit", default=audit_mod.LIMIT, show_default=True, type=click.IntRange(min=0),
              help="Entries each long list of the audit holds (components, hollow cores, "
              "cliffs, free riders, products, funders, findings, unknowns; recommendations "
              "per kind), most urgent first; 0 for all. Figures count everything.")
@click.option("--id-limit", default=audit_mod.ID_LIMIT, show_default=True,
              type=click.IntRange(min=0),
              help="Ids each id list inside those entries holds (who relies on a component, "
              "its free riders, the hollow cores under a product or funder); an entry whose "
              "list was cut gives its length under id_totals. 0 for all.")
@click.option("--save", is_flag=True, help="Also store the audit in the knowledge base, for "
              "`kb audit diff`.")
@click.pass_context
@friendly
def audit(ctx: click.Context, as_of: str | None, horizon: int, months: int,
          without: tuple[str, ...], budget: float | None, fmt: str | None, out: Path | None,
          limit: int, id_limit: int, save: bool) -> None:
    """Ecosystem-wide sustainability audit: findings, charts, recommendations.

    The report has, in order: a summary (health per area, key figures, the five most urgent
    findings), hollow-core findings with their evidence, funding cliffs on a timeline, free
    riders, each product's inner value network and agreement coverage, the agreement
    scorecard, the funding topology with a flow diagram, power, the network stage, the asks
    (who to ask to fund what, ranked by risk removed per unit of money, each with its cost
    and effect: `kb plan` over the cliff window, within --budget when given), and the
    other recommendations, each saying how it was derived.

    Every figure, finding and ask covers the whole ecosystem. Each long list then holds its
    first --limit entries (1,000), most urgent first, and the audit's `cut` says how many
    there are in all; --limit 0 lists everything (with --id-limit 0, 187 MB of JSON at
    100,000 components, growing with them). Id lists inside those entries hold their first
    --id-limit ids (100) and give their length. The html, pdf and md reports show the first
    50 entries of each list and say how many more there are.

    \b
    Examples:
      kb audit --out audit.html
      kb audit --format pdf --out audit.pdf
      kb audit --budget 250000 --out audit.html   # the asks within 250,000
      kb audit --format json --save          # keep it for `kb audit diff`
      kb audit --format json --limit 0 --id-limit 0 --out all.json   # everything
      kb audit list
      kb audit diff                          # the two newest saved audits
    """
    if ctx.invoked_subcommand is not None:
        return
    fmt = report.format_for(out, fmt)
    with db.connect() as driver, Progress("{task.description}", BarColumn(),
                                          transient=True, console=stderr_console(),
                                          disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("audit", total=len(audit_mod.STEPS))

        def progress(step: str, done: int, total: int) -> None:
            bar.update(task, description=f"audit: {step}", completed=done, total=total)

        data = audit_mod.build(driver, as_of, horizon, list(without), months, progress,
                               budget=budget, limit=limit, id_limit=id_limit)
        saved_id = history.save(driver, data) if save else None
    if fmt == "pdf":
        assert out is not None
        report.pdf(data, out)
        click.echo(f"wrote {out}", err=True)
    else:
        write_out(out, report.text(data, fmt))
    if data["cut"]:
        cut = ", ".join(f"{name.replace('_', ' ')} {c['shown']:,} of {c['total']:,}"
                        for name, c in data["cut"].items())
        click.echo(f"the audit lists the first {limit:,} entries of long lists ({cut}); "
                   "--limit 0 lists all", err=True)
    if saved_id:
        click.echo(f"saved audit {saved_id}", err=True)


@audit.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@friendly
def audit_list(fmt: str) -> None:
    """List saved audits, newest first."""
    with db.connect() as driver:
        rows = history.saved(driver)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("no saved audits; run `kb audit --save`")
    for r in rows:
        extra = f" without {', '.join(r['without'])}" if r["without"] else ""
        click.echo(f"{r['id']}  saved {r['created_at']}  as of {r['as_of']}  horizon "
                   f"{r['horizon']}{extra}")


@audit.command("trend")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "svg"]), default="table")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file; default standard output.")
@friendly
def audit_trend(fmt: str, out: Path | None) -> None:
    """The saved audits as a series, by audit day: hollow cores, critical components,
    coverage (shares of shared components whose funding and maintenance are known) and the
    funded share (of the shared components whose funding is known). `--format svg` draws it.

    \b
    Examples:
      kb audit --save                  # one point: save an audit after each change
      kb audit trend
      kb audit trend --format svg --out trend.svg
    """
    from kb.report import charts

    with db.connect() as driver:
        points = history.trend(driver)
    if fmt == "json":
        write_out(out, json.dumps({"points": points}, indent=2) + "\n")
        return
    if fmt == "svg":
        write_out(out, charts.trend(points))
        return
    if not points:
        click.echo("no saved audits; run `kb audit --save`")
        return

    def share(v: float | None) -> str:
        return "unknown" if v is None else f"{v:.0%}"

    lines = ["as of        hollow  critical  funding known  maintenance known  funded  audit"]
    lines += [f"{p['as_of']}  {p['hollow_cores']:>6}  {p['critical']:>8}  "
              f"{share(p['funding_known_share']):>13}  {share(p['maintenance_known_share']):>17}"
              f"  {share(p['funded_share']):>6}  {p['id']}" for p in points]
    write_out(out, "\n".join(lines) + "\n")


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
    with db.connect() as driver:
        ids = [a["id"] for a in history.saved(driver)]
        if old is None or new is None:
            if len(ids) < 2:
                raise KBError(f"need two saved audits to compare, have {len(ids)}",
                              hint="Run `kb audit --save` before and after a change.")
            new_id, old_id = (new or ids[0]), (old or ids[1])
        else:
            old_id, new_id = old, new
        result = history.diff(history.load_saved(driver, old_id),
                                history.load_saved(driver, new_id))
    result = {"old": old_id, "new": new_id, **result}
    if fmt == "json":
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(f"audit {old_id} -> {new_id}")
    if history.diff_is_empty(result):
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
    if "partial" in result:
        click.echo(f"partial: {', '.join(result['partial']['lists'])}: "
                   f"{result['partial']['note']}")
