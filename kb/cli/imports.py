"""`kb import FORMAT PATH...` and the alias table (`kb alias ...`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from kb.cli.common import friendly, print_report
from kb.ingest import importers, imports
from kb.store import db

# --- import --------------------------------------------------------------------------------------


@click.command("import")
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
              "+; const:TEXT for a fixed value); for funding-yml and maintainers, "
              "component=REPO_URL; for "
              "git-log, component=REPO_URL (default: the clone's origin) and as_of=YYYY-MM-DD.")
@click.option("--prune", is_flag=True, help="Remove what an earlier import of the same file "
              "listed and this one no longer does.")
@click.option("--strict", is_flag=True, help="Refuse the whole import if the importer would "
              "skip anything (each skip is listed); nothing is written.")
@click.option("--format", "out_fmt", type=click.Choice(["text", "json"]), default="text")
@friendly
def import_(fmt: str | None, paths: tuple[Path, ...], list_: bool, dry_run: bool,
            product: str | None, owner: str | None, mapping: str | None, prune: bool,
            strict: bool, out_fmt: str) -> None:
    """Import real files: lockfiles, registries, grant data, edge lists, git clones.

    Each FORMAT reads its files into valuenet/1 records; validation, atomic loading,
    idempotence and --prune are the same as `kb load`. `kb import --list` shows the formats
    and the README says what each can and cannot tell.

    \b
    Examples:
      kb import --list
      kb import npm-lock package-lock.json --product my-app --owner my-org
      kb import cyclonedx bom.json --owner my-org      # CycloneDX JSON or XML
      kb import publiccode publiccode.yml
      kb import funding-yml .github/FUNDING.yml --map component=https://github.com/o/r
      kb import funding-json funding.json
      kb import maintainers MAINTAINERS --map component=https://github.com/o/r
      kb import dpg ../shared/data/dpg-nominees/*.json
      kb import grants-csv funding_data.csv --dry-run
      kb import git-log ~/src/ws ~/src/express   # local clones: who maintains them
      kb import edges-csv unweighted_graph.csv \\
          --map product=seed_repo_owner+seed_repo_name,owner=seed_repo_owner,to=package_repo_owner+package_repo_name,from=seed_repo_name,prefix=https://github.com/
    """
    if list_ or not fmt:
        for name, mod in importers.registry().items():
            click.echo(f"{name:<12} {mod.SUMMARY}")
        return
    imports.importer(fmt, list(paths))  # refused before connecting: bad format, no files
    pairs = imports.parse_mapping(mapping)
    with db.connect() as driver:
        done = imports.run(driver, fmt, list(paths), product=product, owner=owner,
                           mapping=pairs, prune=prune, dry_run=dry_run, strict=strict)
    if out_fmt == "json":
        click.echo(json.dumps(done.as_dict(), indent=2))
        return
    print_report(done.report)
    for note in done.notes:
        click.echo(note)
    click.echo(account_line(done.account))
    if dupes := done.likely_duplicates:
        click.echo(f"{len(dupes)} likely duplicate actor(s), not merged (`kb alias add NAME ID` "
                   "merges them at once; `kb alias distinct A B` marks a pair as two):")
        for x in dupes:
            click.echo(f"  {x['a_name']!r} ({x['a']}) ~ {x['b_name']!r} ({x['b']}): {x['why']}")


def account_line(acc: dict[str, Any]) -> str:
    """The import's closing account as one line."""
    records = ", ".join(f"{n} {s}" for s, n in acc["records"].items()) or "no records"
    money = "; ".join(f"{c} {v:,.2f}" for c, v in acc["money"].items()) or "none"
    unknown = acc["fundings_of_unknown_amount"]
    return (f"account: the file(s) gave {records}; {acc['merged_notes']} note(s) on records "
            f"given more than once; {len(acc['skipped'])} skip(s) (in the notes above); "
            f"money in funding flows: {money}"
            + (f", and {unknown} flow(s) of unknown amount" if unknown else ""))


@click.group()
def alias() -> None:
    """The alias table: names in source files that mean the same actor."""


@alias.command("add")
@click.argument("name")
@click.argument("actor_id", metavar="ID")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@friendly
def alias_add(name: str, actor_id: str, fmt: str) -> None:
    """Record that NAME, as written in imported files, means actor ID, and merge at once.

    Later imports give NAME the id ID. Actors the knowledge base already holds under NAME
    (by name, or by the id an import makes of it) are merged into ID now, in one
    transaction: their relationships move to ID, and every source keeps its records.
    `kb alias remove NAME` splits them again.

    \b
    Examples:
      kb alias add "UNICEF Venture Fund" unicef-ventures-fund
      kb alias add "SanteSuite Inc." santesuite-inc
    """
    from kb.ingest import aliases

    with db.connect() as driver:
        change = aliases.add(driver, name, actor_id)
    if fmt == "json":
        click.echo(json.dumps(change.as_dict(), indent=2))
        return
    click.echo(f"{name!r} now means {actor_id}")
    for x in change.merged:
        click.echo(f"  merged actor {x} into {actor_id} (relationships moved, sources kept)")
    for x in change.renamed:
        click.echo(f"  actor {x} is now {actor_id} (no actor had that id)")


@alias.command("remove")
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@friendly
def alias_remove(name: str, fmt: str) -> None:
    """Remove the alias NAME and split the actors it merged.

    Each actor the alias merged comes back as it was, with its relationships and sources,
    in one transaction. If a later load or import wrote to the merged actor, nothing is
    changed and the command says so.

    \b
    Example:
      kb alias remove "UNICEF Venture Fund"
    """
    from kb.ingest import aliases

    with db.connect() as driver:
        change = aliases.remove(driver, name)
    if fmt == "json":
        click.echo(json.dumps(change.as_dict(), indent=2))
        return
    click.echo(f"removed the alias {name!r}")
    for x in change.merged:
        click.echo(f"  split actor {x} from {change.actor} again")


@alias.command("distinct")
@click.argument("a")
@click.argument("b")
@friendly
def alias_distinct(a: str, b: str) -> None:
    """Record that actors A and B are different: imports stop listing them as likely
    duplicates.

    \b
    Example:
      kb alias distinct unicef unicef-innovation
    """
    from kb.ingest import aliases

    with db.connect() as driver:
        aliases.distinct(driver, a, b)
    click.echo(f"{a} and {b} are different actors; imports will not pair them again")


@alias.command("list")
@friendly
def alias_list() -> None:
    """Show the alias table and the pairs marked as different."""
    from kb.ingest import aliases

    with db.connect() as driver:
        rows = db.run(driver, "alias_list")
        apart = sorted(aliases.distinct_pairs(driver))
    for r in rows:
        click.echo(f"{r['name']!r} -> {r['id']}")
    if not rows:
        click.echo("no aliases yet (kb alias add NAME ID)")
    for a, b in apart:
        click.echo(f"{a} != {b}")
