"""`kb neo4j ...` (the project's own server) and `kb serve` (the panel)."""

from __future__ import annotations

import json
from typing import Any

import click
import uvicorn

from kb.cli.common import friendly
from kb.errors import KBError
from kb.ingest import batched
from kb.settings import get_settings
from kb.store import db
from kb.store import schema as store_schema
from kb.store.server import local

# --- neo4j -----------------------------------------------------------------------------------


@click.group()
def neo4j() -> None:
    """Run the project's own Neo4j 5.26 Community server (when NEO4J_URI is not set).

    The jars come from Maven Central (via mvn) into KB_STATE_DIR/neo4j/lib; data, logs and a
    generated password live beside them. The server listens on 127.0.0.1 only.
    """


@neo4j.command("fetch")
@friendly
def neo4j_fetch() -> None:
    """Download the Neo4j jars into the cache (done by `start` too)."""

    lay = local.fetch(get_settings())
    click.echo(f"Neo4j {local.NEO4J_VERSION} jars in {lay.lib}")


@neo4j.command("start")
@friendly
def neo4j_start() -> None:
    """Start the server and wait until it answers on Bolt; create the schema."""

    settings = get_settings()
    if settings.neo4j_uri:
        raise KBError(f"NEO4J_URI is set ({settings.neo4j_uri}); kb does not manage that server",
                      hint="Unset NEO4J_URI to use the project's own server.")
    lay, started = local.start(settings)
    with db.connect(settings) as driver:
        store_schema.ensure_schema(driver, settings)
    word = "started" if started else "already running"
    click.echo(f"Neo4j {word} at {local.local_uri(settings)} (data in {lay.data})")


@neo4j.command("stop")
@friendly
def neo4j_stop() -> None:
    """Stop the server."""

    was = local.stop(get_settings())
    click.echo("Neo4j stopped" if was else "Neo4j was not running")


@neo4j.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@friendly
def neo4j_status(as_json: bool) -> None:
    """Print the server version, URI and data folder; exit 2 when it does not answer."""

    settings = get_settings()
    uri = db.target(settings)[0]
    info: dict[str, Any] = {"uri": uri, "managed": not settings.neo4j_uri}
    if not settings.neo4j_uri:
        info["data"] = str(local.layout(settings).data)
        info["pid"] = local.running_pid(settings)
    with db.connect(settings) as driver:
        row = db.run(driver, "server_version", settings=settings)[0]
        counts = db.run(driver, "count_nodes", settings=settings)[0]
        pending = batched.pending_state(driver, settings)
    info.update(version=row["version"], edition=row["edition"], **counts)
    if pending["pending"] or pending["load"] is not None:
        info["pending"] = pending
    if as_json:
        click.echo(json.dumps(info, indent=2))
        return
    click.echo(f"Neo4j {info['version']} ({info['edition']}) at {uri}")
    if "data" in info:
        click.echo(f"data: {info['data']} (pid {info['pid']})")
    click.echo(f"{info['nodes']} nodes, {info['relationships']} relationships")
    if "pending" in info:
        p = info["pending"]
        who = (f" of batched load {p['load']} by {p['by']}, started {p['started']}, last "
               f"batch {p['quiet']} s ago" if p["load"] is not None else
               " left by an interrupted batched load")
        click.echo(f"pending: {p['pending']:,} records not yet live{who}; a batched load "
                   "that crashed has its records removed by the next one")



@click.command()
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
    with db.connect():
        pass  # fail fast, with the usual one-line message, when Neo4j is not there
    click.echo(f"valuenet-kb panel on http://{host}:{port}/ (Ctrl+C stops it)", err=True)
    uvicorn.run("web.app:create_app", factory=True, host=host, port=port, log_level="warning")
