"""Saved queries as users' data (issue 21): the list shows the analyses' queries and users'
own, not the loader's internals; editors save from the console, everyone runs them by URL;
bad saves are refused with every reason and store nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kb.ingest import loader
from kb.settings import Settings
from kb.store import db, schema
from tests.conftest import EXAMPLES

TOKEN = "s3cret-token"
# The library's queries meant for people: the files marked `// listed: yes`, named by hand.
LISTED = {"agreements", "counts", "decisions", "funding_flows", "ivn", "network_stage",
          "reciprocity", "audit_maintainers", "audit_direct_reliance", "audit_product_funders",
          "funders", "browse_actors", "browse_components", "browse_products",
          "browse_fundings", "browse_agreements", "browse_decisions"}
WHO_MAINTAINS = ("MATCH (a:Actor)-[:MAINTAINS]->(c:Component {id: $component}) "
                 "RETURN a.id AS actor ORDER BY actor")


@pytest.fixture(scope="module")
def demo(driver, settings):  # type: ignore[no-untyped-def]
    schema.reset(driver, settings)
    loader.load(driver, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    return driver


def client_for(settings: Settings, **overrides: Any) -> TestClient:
    from web.app import create_app

    return TestClient(create_app(settings.model_copy(update=overrides)))


@pytest.fixture()
def editor(demo, settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    with client_for(settings, kb_state_dir=tmp_path, kb_editor_token=TOKEN) as c:
        yield c
    for row in db.run(demo, "saved_query_list", settings=settings):
        db.run(demo, "saved_query_delete", {"name": row["name"]}, settings=settings)


def save(c: TestClient, token: str | None = TOKEN, **body: Any) -> Any:
    headers = {"X-Editor-Token": token} if token else {}
    return c.post("/queries.json", json={"description": "Who maintains a component",
                                         "cypher": WHO_MAINTAINS,
                                         "params": '{"component": "json-codec"}', **body},
                  headers=headers)


def test_the_list_shows_the_analyses_queries_not_the_internals(editor: TestClient) -> None:
    page = editor.get("/queries.json").json()
    assert {q["name"] for q in page["queries"]} == LISTED
    assert all(q["origin"] == "library" and q["mode"] == "read" for q in page["queries"])
    # `writable` says whether the person asking is a signed-in editor; a script with the
    # editor token is not signed in, and writes through the API.
    assert page["user_queries"] == [] and page["writable"] is False
    html = editor.get("/queries").text
    assert "load_upsert_nodes" not in html and "risk_inputs_edges" not in html
    # An internal query still opens by its name, for anyone who wants to read it.
    assert editor.get("/queries/load_upsert_nodes.json").json()["origin"] == "library"


def test_an_editor_saves_and_anyone_runs_it_by_url(editor: TestClient, settings,
                                                   tmp_path: Path) -> None:
    made = save(editor, name="who-maintains")
    assert made.status_code == 201, made.text
    assert made.headers["location"] == "/queries/who-maintains"
    assert made.json()["params"] == [{"name": "component", "type": "any",
                                      "default": '"json-codec"', "doc": "JSON or text"}]
    # A read-only panel (no token) lists it and runs it: the demo's json-codec is kept by its
    # volunteers alone, emr-platform by emr-community and tessera (examples/ebola-emr.yaml).
    with client_for(settings, kb_state_dir=tmp_path) as anyone:
        listed = anyone.get("/queries.json").json()["user_queries"]
        assert [(q["name"], q["origin"]) for q in listed] == [("who-maintains", "user")]
        ran = anyone.get("/queries/who-maintains.json?run=1").json()["result"]
        assert ran["columns"] == ["actor"] and ran["rows"] == [["volunteers"]]
        other = anyone.get("/queries/who-maintains.json?run=1&component=emr-platform").json()
        assert other["result"]["rows"] == [["emr-community"], ["tessera"]]
        page = anyone.get("/queries/who-maintains").text
        assert "saved by a user" in page and "Who maintains a component" in page
        # Viewers cannot save or delete.
        refused = save(anyone, name="mine", token=None)
        assert refused.status_code == 401 and refused.json()["error"]["message"] == (
            "writing needs an editor's sign-in")
        gone = anyone.delete("/queries/who-maintains.json", headers={"X-Editor-Token": TOKEN})
        assert gone.status_code == 403 and gone.json()["error"]["message"] == (
            "this panel takes no editor token (KB_EDITOR_TOKEN is not set)")
    # The same name again needs `replace`.
    again = save(editor, name="who-maintains")
    assert again.status_code == 400 and "a saved query named 'who-maintains' exists" in (
        again.json()["error"]["message"])
    assert save(editor, name="who-maintains", replace=True,
                description="Who keeps a component").status_code == 201
    assert editor.delete("/queries/who-maintains.json",
                         headers={"X-Editor-Token": TOKEN}).json() == {"deleted": "who-maintains"}
    missing = editor.get("/queries/who-maintains.json")
    assert missing.status_code == 404 and missing.json()["error"]["message"] == (
        "no query named 'who-maintains'")


@pytest.mark.parametrize(("body", "message"), [
    ({"name": "wipe", "cypher": "MATCH (n) DETACH DELETE n", "params": "{}"},
     "the query was not saved: the console would not run it: the console only runs read "
     "queries; this one writes"),
    ({"name": "Bad Name!", "description": ""},
     "the query was not saved: name 'Bad Name!' must be 1 to 60 lower-case letters, digits "
     "and dashes, starting with a letter or digit; description is empty: say in a sentence "
     "what the query answers"),
    ({"name": "risk"}, "the query was not saved: name 'risk' is the name of a query shipped "
                       "in cypher/"),
    ({"name": "extra", "params": '{"component": "x", "day": "2026-01-01"}'},
     "the query was not saved: parameter(s) day are not used in the query"),
    ({"name": "notjson", "params": "{component: x}"},
     "the query was not saved: the parameters are not JSON: Expecting property name enclosed "
     "in double quotes: line 1 column 2 (char 1)"),
    ({"name": "syntax", "cypher": "MATCH (n RETURN n", "params": "{}"},
     "the query was not saved: the console would not run it: "),
])
def test_bad_saves_are_refused_with_every_reason_and_store_nothing(
        editor: TestClient, demo, settings, body: dict[str, Any], message: str) -> None:
    res = save(editor, **body)
    assert res.status_code == 400, res.text
    assert res.json()["error"]["message"].startswith(message)
    assert db.run(demo, "saved_query_count", settings=settings)[0]["saved"] == 0


def test_a_wrong_token_and_a_missing_value_are_clear_errors(editor: TestClient) -> None:
    wrong = save(editor, token="guess", name="x")
    assert wrong.status_code == 403 and wrong.json()["error"]["message"] == (
        "the editor token is wrong")
    none = save(editor, token=None, name="x")
    assert none.status_code == 401 and none.json()["error"]["message"] == (
        "writing needs an editor's sign-in")
    assert save(editor, name="no-default", params="{}").status_code == 201
    ran = editor.get("/queries/no-default.json?run=1")
    assert ran.status_code == 400 and ran.json()["error"]["message"] == (
        "query 'no-default' needs a value for component")
    unknown = editor.get("/queries/no-default.json?run=1&component=x&other=1")
    assert unknown.status_code == 200  # a parameter the query does not use is not read


def test_a_cross_site_save_is_refused(editor: TestClient) -> None:
    res = editor.post("/queries.json", json={"name": "x", "description": "d",
                                             "cypher": "RETURN 1 AS one"},
                      headers={"X-Editor-Token": TOKEN, "Origin": "https://evil.example"})
    assert res.status_code == 403 and res.json()["error"]["code"] == "cross_origin"
