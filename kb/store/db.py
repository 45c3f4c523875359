"""Every call into the Neo4j driver: connections, library queries by name, transactions,
the data-state token, bulk column reads and the console's guarded ad-hoc reads.

Nothing outside `kb.store` opens a session or runs a query on a driver itself, so the timeout,
database and routing rules live here once.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from typing import Any

from neo4j import Driver, GraphDatabase, Query, ResultSummary, RoutingControl
from neo4j.exceptions import AuthError, ConfigurationError, Neo4jError, ServiceUnavailable
from neo4j.time import Date, DateTime

from kb.errors import ConnectionFailed
from kb.settings import Settings, get_settings
from kb.store import queries
from kb.store.server import local


def server_uri(settings: Settings) -> str:
    """The URI of the server to use: the configured one, else the provisioned one."""
    return settings.neo4j_uri or local.local_uri(settings)


def target(settings: Settings) -> tuple[str, str, str | None]:
    """(uri, user, password) to use: the configured server, else the provisioned one."""
    if settings.neo4j_uri:
        return settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password
    return server_uri(settings), settings.neo4j_user, (
        settings.neo4j_password or local.read_password(settings)
    )


def open_driver(settings: Settings | None = None) -> Driver:
    """A verified driver, or ConnectionFailed with one line naming the URI and what to try."""
    settings = settings or get_settings()
    uri, user, password = target(settings)
    try:
        driver = GraphDatabase.driver(
            uri, auth=(user, password or ""), connection_timeout=settings.kb_connect_timeout,
            max_transaction_retry_time=settings.kb_retry_seconds,
            notifications_min_severity="OFF",
        )
    except (ValueError, ConfigurationError) as exc:
        raise ConnectionFailed(
            f"NEO4J_URI {uri!r} is not a Neo4j URI: {exc}",
            hint="Use bolt://host:7687, neo4j://host:7687 or neo4j+s://host.",
        ) from None
    try:
        driver.verify_connectivity()
    except AuthError:
        driver.close()
        raise ConnectionFailed(
            f"Neo4j at {uri} refused user '{user}'",
            hint="Check NEO4J_USER and NEO4J_PASSWORD.",
        ) from None
    except (ServiceUnavailable, OSError, Neo4jError) as exc:
        driver.close()
        hint = (
            "Start the project's own server with `kb neo4j start` (or `make run`)."
            if not settings.neo4j_uri
            else "Check that the server runs and NEO4J_URI is right."
        )
        raise ConnectionFailed(
            f"cannot reach Neo4j at {uri}: {type(exc).__name__}", hint=hint
        ) from None
    return driver


@contextmanager
def connect(settings: Settings | None = None) -> Iterator[Driver]:
    """Open a verified driver for the length of a `with` block."""
    driver = open_driver(settings)
    try:
        yield driver
    finally:
        driver.close()


def plain(value: Any) -> Any:
    """Neo4j temporal values to ISO strings, recursively; lists and maps kept."""
    if isinstance(value, Date | DateTime):
        return value.iso_format()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def run(
    driver: Driver,
    name: str,
    params: dict[str, Any] | None = None,
    *,
    timeout: float | None = None,
    settings: Settings | None = None,
) -> list[dict[str, Any]]:
    """Run the library query `name` with bound parameters; return its rows as dicts."""
    settings = settings or get_settings()
    q = queries.get(name)
    bound = q.bind(params or {})
    routing = RoutingControl.READ if q.mode == "read" else RoutingControl.WRITE
    records, _, _ = driver.execute_query(
        Query(q.text, timeout=timeout),  # type: ignore[arg-type]
        bound,
        database_=settings.neo4j_database,
        routing_=routing,
    )
    return [r.data() for r in records]


@contextmanager
def write_transaction(driver: Driver, settings: Settings | None = None) -> Iterator[Any]:
    """An explicit write transaction for one atomic unit of work. The block commits it with
    `tx.commit()` (or rolls it back); if the block ends without either, or raises, it is
    rolled back: nothing of it is written."""
    settings = settings or get_settings()
    with driver.session(database=settings.neo4j_database) as session:
        tx = session.begin_transaction()
        try:
            yield tx
        finally:
            if tx.closed() is False:
                tx.rollback()


def run_text(driver: Driver, name: str, settings: Settings | None = None) -> None:
    """Run a parameterless library query in an auto-commit transaction (for the few
    statements, such as a batched delete, that cannot run inside a managed one)."""
    settings = settings or get_settings()
    with driver.session(database=settings.neo4j_database) as session:
        session.run(queries.get(name).text).consume()


def explain(driver: Driver, cypher: str, params: dict[str, Any], timeout: float,
            settings: Settings | None = None) -> ResultSummary:
    """The summary of `EXPLAIN cypher` (its query type and plan); nothing is run."""
    settings = settings or get_settings()
    return driver.execute_query(
        Query("EXPLAIN " + cypher, timeout=timeout),  # type: ignore[arg-type]
        params, database_=settings.neo4j_database, routing_=RoutingControl.READ,
    ).summary


CONSOLE_FETCH = 20  # records per network round trip for ad-hoc text: a few large rows at most


def approx_bytes(value: Any) -> int:
    """About how many bytes `value` takes in a JSON answer (strings by length, containers by
    their members, numbers and the rest as a few bytes)."""
    if isinstance(value, (str, bytes)):
        return len(value) + 2
    if isinstance(value, dict):
        return sum(len(str(k)) + 3 + approx_bytes(v) for k, v in value.items()) + 2
    if isinstance(value, (list, tuple)):
        return sum(approx_bytes(v) + 1 for v in value) + 2
    if hasattr(value, "items") and hasattr(value, "element_id"):  # nodes, relationships
        return approx_bytes(dict(value.items())) + 64
    if hasattr(value, "nodes") and hasattr(value, "relationships"):  # paths
        return approx_bytes(list(value.nodes)) + approx_bytes(list(value.relationships))
    return 8


def read_capped(driver: Driver, cypher: str, params: dict[str, Any], *, cap: int,
                max_bytes: int, timeout: float, tag: str, settings: Settings | None = None
                ) -> tuple[list[str], list[list[Any]], str | None]:
    """Run ad-hoc text in a read transaction (the server refuses any write in it) with a
    timeout and `metaData.kb_console = tag`, once (no retries); return its keys, the rows
    that fit in `cap` rows and about `max_bytes` bytes, and why it stopped early ("rows",
    "bytes") or None when every row came back."""
    settings = settings or get_settings()
    with driver.session(database=settings.neo4j_database, default_access_mode="READ",
                        fetch_size=CONSOLE_FETCH) as session, \
            session.begin_transaction(timeout=timeout, metadata={"kb_console": tag}) as tx:
        result = tx.run(cypher, params)
        keys = list(result.keys())
        rows: list[list[Any]] = []
        size = 0
        for record in result:
            if len(rows) >= cap:
                return keys, rows, "rows"
            values = list(record.values())
            size += approx_bytes(values)
            if size > max_bytes:
                return keys, rows, "bytes"
            rows.append(values)
        return keys, rows, None


def terminate_tagged(driver: Driver, tag: str, settings: Settings | None = None) -> int:
    """Ask Neo4j to end the transactions of the console query tagged `tag`; how many."""
    found = run(driver, "console_transactions", {"tag": tag}, timeout=5, settings=settings)
    for row in found:
        run(driver, "terminate_transaction", {"id": row["transactionId"]}, timeout=5,
            settings=settings)
    return len(found)


def run_tx(tx: Any, name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run the library query `name` inside an open transaction."""
    q = queries.get(name)
    result = tx.run(q.text, q.bind(params or {}))
    rows = [r.data() for r in result]
    _let_go_of_parameters(result)
    return rows


def _let_go_of_parameters(result: Any) -> None:
    """The driver keeps every result of a transaction until the transaction ends, each with
    the parameters it was run with (for its summary, which kb does not read). A load's
    transaction sends millions of rows as parameters: once a result's rows are read, let go
    of them, so that a long transaction holds one batch at a time, not all of them."""
    meta = getattr(result, "_metadata", None)
    if isinstance(meta, dict):
        meta.pop("parameters", None)
    summary = getattr(result, "_summary", None)
    if summary is not None and hasattr(summary, "parameters"):
        summary.parameters = None


def _columns(tx: Any, names: list[str]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for name in names:
        q = queries.get(name)
        record = tx.run(q.text).single(strict=True)
        for key, value in record.items():
            out[f"{name}.{key}"] = value
    return out


def _ping(session: Any) -> str:
    """Run kb_ping in `session`; return the bookmark its read transaction ends with and
    the store's creation time. The bookmark alone repeats after `kb load --bulk`: the
    importer builds a new store whose transactions are numbered from the start again, under
    the same database id."""
    q = queries.get("kb_ping")
    created = session.execute_read(lambda tx: tx.run(q.text).single()["creationDate"])
    return ",".join(sorted(session.last_bookmarks().raw_values)) + f"@{created}"


def data_state(driver: Driver, *, settings: Settings | None = None) -> str:
    """A token for the database's current contents: equal tokens mean no write committed in
    between, by any client (a `kb load`, the console, cypher-shell, another program).

    It is the bookmark of an empty read transaction with the store's creation time. Neo4j
    ends every transaction with a bookmark naming the database and its last committed
    transaction, so the token changes with each commit and stays put across reads; the
    creation time tells apart two stores the bulk importer built, whose transactions are
    numbered alike. Tokens are compared, never parsed.
    """
    settings = settings or get_settings()
    with driver.session(database=settings.neo4j_database) as session:
        return _ping(session)


READ_ATTEMPTS = 3


def read_columns_with_state(driver: Driver, names: list[str], *,
                            settings: Settings | None = None
                            ) -> tuple[dict[str, list[Any]], str | None]:
    """Run several one-row library queries without parameters on one state of the data,
    and name the state they read.

    Each query returns a single row of aligned lists (columns); the answer maps
    "query.column" to each list. Meant for bulk reads: one row of lists moves through the
    Python driver many times faster than a row per item.

    The queries run at the same time, each in its own read transaction, so that Neo4j works
    on one while Python decodes another (a third less time at 100k components on 2 cores).
    When the data-state token (see `data_state`) is the same before and after, no write
    committed in between and all of them read that one state. Otherwise a write raced them
    (Neo4j reads at read-committed isolation, so even a single transaction could see a write
    part-way through), and they are read again, up to READ_ATTEMPTS times in all. If writes
    commit during every attempt, the last read is returned with None for its state: it may
    mix the states those writes produced, like any read-committed read, and must not be
    cached."""
    settings = settings or get_settings()
    for _ in range(READ_ATTEMPTS):
        with driver.session(database=settings.neo4j_database) as session:
            before = _ping(session)
            seen = session.last_bookmarks()

        def read(name: str, seen: Any = seen) -> dict[str, list[Any]]:
            with driver.session(database=settings.neo4j_database, bookmarks=seen) as own:
                return own.execute_read(lambda tx: _columns(tx, [name]))

        with ThreadPoolExecutor(max_workers=len(names) or 1) as pool:
            columns = {k: v for part in pool.map(read, names) for k, v in part.items()}
        if data_state(driver, settings=settings) == before:
            return columns, before
    return columns, None
