"""Users' saved queries: read-only Cypher with a name, a description and parameter values,
stored in the knowledge base (`:SavedQuery` nodes, outside the ecosystem data), created from
the console by editors and run by anyone through the console's guard.

The panel's "Saved queries" lists them beside the library's queries meant for people (the
`.cypher` files marked `// listed: yes`). A user's query is checked as the console checks a
query before it is stored: a plain read within the console's budget, that Neo4j can plan.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from neo4j import Driver

from kb.errors import UsageError
from kb.settings import Settings
from kb.store import db, events, queries
from kb.views import console
from kb.views.console_budget import strip_literals

NAME_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")
MAX_SAVED = 500
MAX_CYPHER = 20_000
MAX_DESCRIPTION = 500
MAX_PARAMS = 10_000  # characters of the parameters' JSON
_PARAM_RE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def params_in(cypher: str) -> list[str]:
    """The parameter names a query uses (`$name`; not inside strings or comments)."""
    return sorted(set(_PARAM_RE.findall(strip_literals(cypher))))


def listed() -> list[dict[str, Any]]:
    """The library's queries meant for people, by name."""
    return [{"name": name, "description": q.description, "origin": "library",
             "file": str(q.path.relative_to(queries.CYPHER_DIR.parent)),
             "params": [p.name for p in q.params]}
            for name, q in sorted(queries.library().items()) if q.listed]


def all_saved(driver: Driver, settings: Settings | None = None) -> list[dict[str, Any]]:
    """Users' saved queries, by name."""
    return [_shape(r) for r in db.run(driver, "saved_query_list", settings=settings)]


def get(driver: Driver, name: str, settings: Settings | None = None) -> dict[str, Any] | None:
    """A user's saved query, or None."""
    rows = db.run(driver, "saved_query_get", {"name": name}, settings=settings)
    return _shape(rows[0]) if rows else None


def _shape(row: dict[str, Any]) -> dict[str, Any]:
    params = json.loads(row["params"] or "{}")
    return {**row, "origin": "user", "params": params, "param_names": params_in(row["cypher"])}


def save(driver: Driver, name: str, description: str, cypher: str, params_json: str,
         settings: Settings, replace: bool = False) -> dict[str, Any]:
    """Check and store a saved query; UsageError naming every problem at once, and nothing is
    stored then. `replace` allows overwriting a user's query of the same name."""
    problems: list[str] = []
    name, description, cypher = name.strip(), description.strip(), cypher.strip()
    if not NAME_RE.fullmatch(name):
        problems.append(f"name {name[:80]!r} must be 1 to 60 lower-case letters, digits and "
                        "dashes, starting with a letter or digit")
    elif name in queries.library():
        problems.append(f"name {name!r} is the name of a query shipped in cypher/")
    if not description:
        problems.append("description is empty: say in a sentence what the query answers")
    elif len(description) > MAX_DESCRIPTION:
        problems.append(f"description is {len(description):,} characters; at most "
                        f"{MAX_DESCRIPTION:,}")
    if len(cypher) > MAX_CYPHER:
        problems.append(f"the query is {len(cypher):,} characters; at most {MAX_CYPHER:,}")
    params: dict[str, Any] = {}
    if len(params_json) > MAX_PARAMS:
        problems.append(f"the parameters are {len(params_json):,} characters of JSON; at most "
                        f"{MAX_PARAMS:,}")
    elif params_json.strip():
        try:
            loaded = json.loads(params_json)
        except ValueError as exc:
            problems.append(f"the parameters are not JSON: {exc}")
        else:
            if isinstance(loaded, dict):
                params = loaded
            else:
                problems.append("the parameters must be a JSON object, such as "
                                '{"product": "ebola-emr"}')
    existing = get(driver, name, settings) if not problems else None
    if existing is not None and not replace:
        problems.append(f"a saved query named {name!r} exists; choose another name or replace "
                        "it")
    if not problems and existing is None:
        count = db.run(driver, "saved_query_count", settings=settings)[0]["saved"]
        if count >= MAX_SAVED:
            problems.append(f"{count:,} queries are saved, the most the knowledge base keeps; "
                            "delete one first")
    if not problems and cypher:
        unknown = sorted(set(params) - set(params_in(cypher)))
        if unknown:
            problems.append(f"parameter(s) {', '.join(unknown)} are not used in the query")
    if not problems:
        # What the console would say of it, with every parameter it uses given (null where
        # no value is saved: one is asked for when it runs).
        given = {p: params.get(p) for p in params_in(cypher)}
        try:
            console.check(driver, cypher, given, settings)
        except (console.Refused, console.QueryFailed) as exc:
            told = console.failure(exc, settings)
            problems.append(f"the console would not run it: {told.message if told else exc}")
    if problems:
        raise UsageError("the query was not saved: " + "; ".join(problems),
                         hint="Fix each problem and save again.")
    db.run(driver, "saved_query_put",
           {"name": name, "description": description, "cypher": cypher,
            "params": json.dumps(params, sort_keys=True),
            "now": datetime.now(UTC).isoformat()}, settings=settings)
    events.publish(events.Committed(driver, settings, "saved query"))
    saved = get(driver, name, settings)
    assert saved is not None
    return saved


def delete(driver: Driver, name: str, settings: Settings) -> bool:
    """Delete a user's saved query; whether there was one."""
    deleted = db.run(driver, "saved_query_delete", {"name": name}, settings=settings)
    if deleted and deleted[0]["deleted"]:
        events.publish(events.Committed(driver, settings, "saved query deleted"))
        return True
    return False


def bind(saved: dict[str, Any], given: dict[str, str]) -> dict[str, Any]:
    """The parameters to run a saved query with: its saved values, replaced by those given
    (as text from a form: JSON when it reads as JSON, else the text itself); every parameter
    the query uses must have one (null is a value)."""
    out = {p: saved["params"][p] for p in saved["param_names"] if p in saved["params"]}
    for key, text in given.items():
        if key not in saved["param_names"]:
            raise UsageError(f"query '{saved['name']}' has no parameter {key!r}",
                             hint="Its parameters are: "
                                  f"{', '.join(saved['param_names']) or '(none)'}.")
        try:
            out[key] = json.loads(text)
        except ValueError:
            out[key] = text
    missing = [p for p in saved["param_names"] if p not in out]
    if missing:
        raise UsageError(f"query '{saved['name']}' needs a value for {', '.join(missing)}",
                         hint="Fill in each parameter and run it again.")
    return out
