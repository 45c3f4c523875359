"""`kb risk`, `kb ivn` and `kb analyze`: the analyses as tables, JSON or CSV."""

from __future__ import annotations

import dataclasses
from typing import Any

import click

from kb import analysis
from kb.analysis import scoring
from kb.analysis.headlines import headlines
from kb.cli.common import AS_OF_OPTION, FORMAT_OPTION, friendly
from kb.cli.output import emit, emit_lines, names, print_table
from kb.errors import KBError
from kb.store import db

ASKS_SHOWN = 20  # kb plan's table view lists the best asks; JSON has them all
ID_LISTS = ("reliant_product_ids", "reliant_actor_ids")  # kb risk --ids
OUT_LIMIT = 1000  # kb risk's rows in JSON, JSON Lines and CSV unless --limit says otherwise


@click.command()
@AS_OF_OPTION
@click.option("--horizon", default=180, show_default=True, metavar="DAYS",
              help="Days ahead in which an end of funding counts as a funding cliff.")
@click.option("--withdraw", "--without", "without", multiple=True, metavar="ACTOR",
              help="What if this actor's money stopped: its fundings, every sub-grant passed "
              "on from them, and the maintenance they (or its own means) pay, which then "
              "counts as unpaid; its maintainers stay. Repeatable. --without is the same. "
              "Nothing is written.")
@click.option("--fund", multiple=True, metavar="COMPONENT[:AMOUNT[:MONTHS]]",
              help="What if this component got a maintenance grant from the day for MONTHS "
              "(12) months, of AMOUNT (unknown if not given). Repeatable. Nothing is written.")
@click.option("--leave", multiple=True, metavar="ACTOR",
              help="What if this actor left the network: as --withdraw, and its own "
              "maintenance, direct reliance and the products it owns are gone too. "
              "Repeatable. Nothing is written.")
@click.option("--engine", type=click.Choice(["fast", "cypher"]), default="fast",
              show_default=True, help="fast: in memory after a few bulk reads, or from "
              "the snapshot the last `kb load` left while the data has not changed; cypher: the "
              "reference query cypher/analyses/risk.cypher. Both give the same answer.")
@click.option("--limit", type=click.IntRange(min=0), metavar="N",
              help="Show only the N most urgent components; 0 shows all. Default: 50 in a "
              f"table, {OUT_LIMIT:,} in JSON, JSON Lines and CSV.")
@click.option("--ids", is_flag=True,
              help="In JSON and JSON Lines, also list every product and actor that relies on "
              "each component (reliant_product_ids, reliant_actor_ids); at a hub these run "
              "to tens of thousands. Left out by default: the counts are always there.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]),
              default="table", show_default=True,
              help="Output format. jsonl (JSON Lines): a first line with the answer's "
              "figures, then one component per line, written as they are made.")
@friendly
def risk(as_of: str | None, horizon: int, without: tuple[str, ...], fund: tuple[str, ...],
         leave: tuple[str, ...], engine: str, limit: int | None, ids: bool, fmt: str) -> None:
    """Hollow-core risk of every component, most urgent first.

    For each component: how many products and distinct actors rely on it (directly or through
    dependencies), whether its maintenance is funded on the day, by whom and until when, the
    first unfunded day within the horizon (funding cliff), active and paid maintainers, free
    riders, and a 0-100 risk score with its level and reasons (see README, "Analyses").

    Missing data is not a fact: where no source records a component's funding or maintenance,
    the reason is funding_unknown or maintenance_unknown (not unfunded or no_maintainer), the
    unknown input counts half, the level stops at high, and `confidence` says so. A line at
    the end says how much of the shared code's funding and maintenance is known.

    A what-if (--withdraw, --leave) adds a delta column (score after minus before) and a
    summary line of the ecosystem's totals before and after; its JSON holds both sides under
    `what_if` (README, "What-ifs").

    \b
    Examples:
      kb risk
      kb risk --as-of 2027-01-01 --horizon 90
      kb risk --withdraw ghrf --format json
      kb risk --leave tessera      # as if Tessera left: its money, work and reliance gone
      kb risk --fund json-codec:40000:24   # a two-year maintenance grant for json-codec
      kb risk --limit 0            # every component in the table
      kb risk --format jsonl --limit 0 > risk.jsonl   # all of a large ecosystem, streamed
      kb risk --format json --ids  # with who relies on each component, by id

    A large ecosystem's answer is long, so by default JSON, JSON Lines and CSV hold the
    1,000 most urgent components; `total_components` and a line on standard error say how
    many there are, and --limit 0 gives them all. Each row counts the products and actors
    that rely on it; --ids lists them too.
    """
    limit = (50 if fmt == "table" else OUT_LIMIT) if limit is None else limit
    with db.connect() as driver:
        result = analysis.risk(driver, as_of, horizon, list(without), engine=engine,
                               limit=limit, leave=list(leave), fund=list(fund))
    total = result.total or len(result.rows)
    title = f"hollow-core risk on {result.data['as_of']}" + (
        f" if {', '.join(result.data['without'])} withdrew" if without else "") + (
        f"{' and' if without else ''} if {', '.join(result.data['leave'])} left"
        if leave else "") + (
        f" with {len(fund)} hypothetical grant(s)" if fund else "")
    if fmt in ("json", "jsonl") and not ids:
        rows = [{k: v for k, v in r.items() if k not in ID_LISTS} for r in result.rows]
        result = dataclasses.replace(result, rows=rows,
                                     data={**result.data, "components": rows})
    if fmt == "jsonl":
        emit_lines({k: v for k, v in result.data.items() if k != "components"}, result.rows)
    else:
        emit(result, fmt, title)
    if fmt == "table" and "what_if" in result.data:
        click.echo(what_if_line(result.data["what_if"]), err=True)
    if len(result.rows) < total:
        click.echo(f"showing the {len(result.rows):,} most urgent of {total:,} components; "
                   "--limit 0 shows all", err=True)
    if fmt == "table":
        click.echo(scoring.coverage_line(result.data["coverage"]).capitalize()
                   + " (kb analyze unknowns: what to find out next)", err=True)


def what_if_line(w: dict[str, Any]) -> str:
    """A what-if's summary: the totals before -> after, and how many components changed."""
    b, a = w["before"], w["after"]
    return (f"what-if: hollow cores {b['hollow_cores']} -> {a['hollow_cores']}, critical "
            f"{b['critical']} -> {a['critical']}, reliance exposed {b['reliance_exposed']} "
            f"-> {a['reliance_exposed']}; {len(w['changes'])} component(s) changed")


@click.command()
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
    with db.connect() as driver:
        result = analysis.ivn(driver, product, as_of)
    if fmt != "table":
        emit(result, fmt)
        return
    print_table(result, f"inner value network of {product} (owner {result.data['owner']}) on "
                f"{result.data['as_of']}")
    gaps = result.data["gaps"]
    click.echo(f"\n{len(gaps)} gap(s):" if gaps else "\nno agreement gaps")
    for g in gaps:
        click.echo(f"  [{g['severity']}] {g['kind']}: {g['detail']}")


@click.command()
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
    if list_ or not name:
        for key, spec in analysis.REGISTRY.items():
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
        result = analysis.run(driver, name, given)
    emit(result, fmt, name)
    if fmt == "table":
        for line in headlines(result):  # what the JSON says beside the rows
            click.echo(line)


@click.command()
@click.option("--budget", type=float, required=True, metavar="AMOUNT",
              help="Money to allocate, in the knowledge base's currency.")
@click.option("--currency", metavar="CODE", help="The budget's currency (checked against the "
              "knowledge base's; default: its currency).")
@click.option("--horizon", default=365, show_default=True, metavar="DAYS",
              help="Days over which risk is measured; grants last at most this long.")
@AS_OF_OPTION
@click.option("--max-per-component", type=float, metavar="AMOUNT",
              help="Fund no component whose grant would cost more than this.")
@FORMAT_OPTION
@friendly
def plan(budget: float, currency: str | None, horizon: int, as_of: str | None,
         max_per_component: float | None, fmt: str) -> None:
    """Where the next money removes the most risk: grants within a budget.

    Chooses which components to fund with maintenance grants from the day, and for how many
    months, to remove the most reliance-weighted risk (actors relying on a component times
    the fall of its score, averaged over the horizon's days; a day counts only when the grant
    covers it, its score measured on one of four days spread across the horizon) within
    BUDGET.
    A grant costs the component's `maintenance_cost` a year (its record), else
    KB_MAINTENANCE_COST (50,000). Only components known to be unfunded, or to lose their
    funding within the horizon, are candidates; shared components whose funding is unknown
    are listed to find out first. The effect is measured by applying the
    grants as a what-if (kb risk --fund), and compared with the same budget split by usage
    alone. Each grant names who to ask: the actors that rely on it and fund nothing (where
    its maintenance or funding is unknown, who rides free is unknown too: then the actors
    relying on it that are not known to fund it).
    Nothing is written (README, "Planning").

    \b
    Examples:
      kb plan --budget 100000
      kb plan --budget 250000 --horizon 730 --max-per-component 60000 --format json
    """
    from kb.analysis.plan import plan as make_plan

    with db.connect() as driver:
        result = make_plan(driver, budget, as_of, horizon, currency, max_per_component)
    d = result.data
    if fmt != "table":
        emit(result, fmt)
        return
    emit(result, fmt, f"plan for {d['budget']:,.0f} {d['currency']} on {d['as_of']}, "
         f"risk measured on {', '.join(d['sample_days'])}")
    usage = d["usage_split"]
    share = (f" ({d['share_removed']:.1%} of the ecosystem's {d['risk_total']:,.1f})"
             if d["share_removed"] is not None else "")
    click.echo(f"spent {d['spent']:,.2f} of {d['budget']:,.2f} {d['currency']}; risk removed "
               f"{d['risk_removed']:,.1f}{share} (reliant actors x score points); the same "
               f"budget split by usage alone removes {usage['risk_removed']:,.1f} for "
               f"{usage['spent']:,.2f}", err=True)
    for ask in d["asks"][:ASKS_SHOWN]:
        who = names(ask["actors"]) or "nobody rides free: ask the current funders"
        if ask["actors"] and ask["basis"] == "relying":
            who += " (relying on them; who rides free is unknown)"
        share = f", {ask['share']:.1%} of all" if ask["share"] is not None else ""
        click.echo(f"{ask['rank']}. ask {who}: fund {names(ask['components'])} "
                   f"({ask['cost']:,.2f} {d['currency']}, risk removed "
                   f"{ask['risk_removed']:,.1f}{share})", err=True)
    if len(d["asks"]) > ASKS_SHOWN:
        click.echo(f"... and {len(d['asks']) - ASKS_SHOWN:,} more asks (--format json lists "
                   "all)", err=True)
    if d["find_out_first"]:
        click.echo(f"find out first (funding unknown, shared): "
                   f"{', '.join(d['find_out_first'][:10])}"
                   + (f" and {len(d['find_out_first']) - 10} more"
                      if len(d["find_out_first"]) > 10 else ""), err=True)
