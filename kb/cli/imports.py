"""`kb import FORMAT PATH...` and the alias table (`kb alias ...`)."""

from __future__ import annotations

import json
from pathlib import Path

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
              "+; const:TEXT for a fixed value); for funding-yml, component=REPO_URL; for "
              "git-log, component=REPO_URL (default: the clone's origin) and as_of=YYYY-MM-DD.")
@click.option("--prune", is_flag=True, help="Remove what an earlier import of the same file "
              "listed and this one no longer does.")
@click.option("--format", "out_fmt", type=click.Choice(["text", "json"]), default="text")
@friendly
def import_(fmt: str | None, paths: tuple[Path, ...], list_: bool, dry_run: bool,
            product: str | None, owner: str | None, mapping: str | None, prune: bool,
            out_fmt: str) -> None:
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
                           mapping=pairs, prune=prune, dry_run=dry_run)
    if out_fmt == "json":
        click.echo(json.dumps(done.as_dict(), indent=2))
        return
    print_report(done.report)
    for note in done.notes:
        click.echo(note)
    if dupes := done.likely_duplicates:
        click.echo(f"{len(dupes)} likely duplicate actor(s), not merged (merge with "
                   "`kb alias add NAME ID` and import again):")
        for x in dupes:
            click.echo(f"  {x['a_name']!r} ({x['a']}) ~ {x['b_name']!r} ({x['b']}): {x['why']}")


@click.group()
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
    with db.connect() as driver:
        db.run(driver, "alias_add", {"name": name, "id": actor_id})
    click.echo(f"{name!r} now means {actor_id}")


@alias.command("list")
@friendly
def alias_list() -> None:
    """Show the alias table."""

    with db.connect() as driver:
        rows = db.run(driver, "alias_list")
    for r in rows:
        click.echo(f"{r['name']!r} -> {r['id']}")
    if not rows:
        click.echo("no aliases yet (kb alias add NAME ID)")
