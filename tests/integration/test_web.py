"""The panel's pages, JSON twins, error shape and console safety, against the real Neo4j."""

from __future__ import annotations

import io
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kb import analysis
from kb.ingest import loader
from kb.settings import Settings
from kb.store import schema
from tests.conftest import EXAMPLES

DAY = "2026-11-22"


@pytest.fixture(scope="module")
def demo_kb(driver, settings):  # type: ignore[no-untyped-def]
    schema.reset(driver, settings)
    loader.load(driver, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    return driver


def client_for(settings: Settings, **overrides: Any) -> TestClient:
    from web.app import create_app

    return TestClient(create_app(settings.model_copy(update=overrides)))


@pytest.fixture()
def client(demo_kb, settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    with client_for(settings, kb_state_dir=tmp_path) as c:
        yield c


PAGES = ["/", "/risk", "/analyses", "/analyses/funding_topology", "/analyses/power",
         "/analyses/network_stage", "/analyses/reciprocity", "/analyses/agreements",
         "/analyses/free_riders", "/analyses/funding_cliffs", "/analyses/hollow_core",
         "/analyses/ivn", "/components/json-codec", "/products/ebola-emr", "/actors/relief-ngo",
         "/agreements/ag-ghrf-grant", "/fundings/f-sub-commons", "/decisions/d-hosting",
         "/graph?id=relief-ngo", "/query", "/queries", "/queries/risk", "/import", "/audit",
         "/actors", "/components", "/products", "/fundings", "/agreements", "/decisions",
         "/map", "/login", "/edit", "/edit/actors", "/edit/fundings?key=f-sub-commons",
         "/workshop", "/workshop/network?product=ebola-emr",
         "/workshop/scorecard?agreement=ag-ghrf-grant", "/workshop/decisions?product=ebola-emr",
         "/history"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_and_its_json_twin(client: TestClient, path: str) -> None:
    html = client.get(path)
    assert html.status_code == 200, html.text[:300]
    assert html.headers["content-type"].startswith("text/html")
    base, _, query = path.partition("?")
    twin = "/index.json" if base == "/" else base + ".json" + (f"?{query}" if query else "")
    assert f'href="{twin}' in html.text.replace("&amp;", "&")
    js = client.get(twin)
    assert js.status_code == 200 and js.headers["content-type"] == "application/json"
    accept = client.get(path, headers={"Accept": "application/json"})
    assert accept.json() == js.json()


def test_risk_json_carries_what_the_analysis_computes(client: TestClient, demo_kb,
                                                      settings) -> None:
    page = client.get(f"/risk.json?as_of={DAY}").json()
    direct = analysis.risk(demo_kb, DAY, settings=settings).data
    assert [c["id"] for c in page["components"]] == [c["id"] for c in direct["components"]]
    assert page["components"][0]["risk_score"] == direct["components"][0]["risk_score"]


def test_risk_filters_search_sort_and_what_if(client: TestClient) -> None:
    medium = client.get(f"/risk.json?as_of={DAY}&level=medium").json()["components"]
    assert {c["id"] for c in medium} == {"emr-platform", "sync-service", "concept-dictionary"}
    cliff = client.get(f"/risk.json?as_of={DAY}&reason=funding_cliff").json()["components"]
    assert {c["id"] for c in cliff} == {"emr-platform", "sync-service"}
    found = client.get(f"/risk.json?as_of={DAY}&q=codec").json()["components"]
    assert [c["id"] for c in found] == ["json-codec"]
    by_actors = client.get(f"/risk.json?as_of={DAY}&sort=reliant_actors&dir=desc").json()
    assert [c["reliant_actors"] for c in by_actors["components"]][:2] == [6, 6]
    base = client.get(f"/risk.json?as_of={DAY}").json()["components"]
    what_if = client.get(f"/risk.json?as_of={DAY}&without=emr-foundation").json()
    assert what_if["without"] == ["emr-foundation"]
    dictionary = {c["id"]: c for c in what_if["components"]}["concept-dictionary"]
    assert dictionary["hollow_core"] and not {c["id"]: c for c in base}[
        "concept-dictionary"]["hollow_core"]


def test_a_page_revalidates_with_its_etag_until_the_data_changes(
        client: TestClient, demo_kb, settings, tmp_path: Path) -> None:
    url = f"/risk?as_of={DAY}&q=fresh"
    first = client.get(url)
    assert "fresh-lib" not in first.text
    tag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    again = client.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    # The JSON twin and another query string are other pages, with other validators.
    twin_tag = client.get(f"/risk.json?as_of={DAY}&q=fresh").headers["etag"]
    assert twin_tag != tag
    assert client.get(f"/risk?as_of={DAY}&q=fres").headers["etag"] != tag
    extra = tmp_path / "fresh.yaml"
    extra.write_text("format: valuenet/1\necosystem: {id: fresh, name: Fresh}\n"
                     "components: [{id: fresh-lib, name: Fresh lib}]\n")
    loader.load(demo_kb, [extra], settings=settings)
    try:
        changed = client.get(url, headers={"If-None-Match": tag})
        assert changed.status_code == 200 and "fresh-lib" in changed.text
        assert changed.headers["etag"] != tag
        twin = client.get(f"/risk.json?as_of={DAY}&q=fresh",
                          headers={"If-None-Match": twin_tag})
        assert twin.status_code == 200
        assert [c["id"] for c in twin.json()["components"]] == ["fresh-lib"]
    finally:
        extra.write_text("format: valuenet/1\necosystem: {id: fresh, name: Fresh}\n")
        loader.load(demo_kb, [extra], prune=True, settings=settings)
    assert client.get(f"/risk.json?as_of={DAY}&q=fresh").json()["matching"] == 0


def test_openapi_documents_every_json_twin(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    def paths(routes: list[Any]) -> list[str]:  # routers the app includes, walked through
        out = []
        for r in routes:
            if hasattr(r, "original_router"):
                out += paths(r.original_router.routes)
            elif hasattr(r, "path"):
                out.append(r.path)
        return out

    twins = sorted({p for p in paths(client.app.routes)  # type: ignore[attr-defined]
                    if p.endswith(".json") and p != "/openapi.json"})
    assert len(twins) >= 18, twins
    documented = {p.replace("{entity_id}", "{entity_id:path}"): ops
                  for p, ops in schema["paths"].items()}
    for path in twins:
        assert path in documented, f"{path} is not in /openapi.json"
        for op in documented[path].values():
            ok = op["responses"]["200"]["content"]["application/json"]["schema"]
            assert "$ref" in ok, f"{path} has no response model"
    risk = schema["components"]["schemas"]["RiskTableRow"]
    assert {"risk_score", "reasons", "free_riders_total"} <= set(risk["properties"])


def _rename_outside_kb(driver, settings, name: str) -> None:  # type: ignore[no-untyped-def]
    driver.execute_query("MATCH (c:Component {id: 'json-codec'}) SET c.name = $name",
                         name=name, database_=settings.neo4j_database)


def test_a_write_outside_kb_also_renews_the_panel(client: TestClient, demo_kb,
                                                  settings) -> None:
    # cypher-shell or another program writes without bumping kb's own version; the panel
    # must not keep serving what it rendered before.
    url = f"/risk.json?as_of={DAY}&q=json-codec"
    (row,) = client.get(url).json()["components"]
    old = row["name"]
    assert client.get(url).json()["components"][0]["name"] == old  # served from the cache
    _rename_outside_kb(demo_kb, settings, "Renamed by cypher-shell")
    try:
        assert client.get(url).json()["components"][0]["name"] == "Renamed by cypher-shell"
        assert "Renamed by cypher-shell" in client.get("/components/json-codec").text
    finally:
        _rename_outside_kb(demo_kb, settings, old)
    assert client.get(url).json()["components"][0]["name"] == old


@pytest.mark.parametrize("every", [0.2, 0])
def test_the_keeper_renews_the_snapshot_after_a_write_outside_kb(demo_kb, settings,
                                                                 tmp_path: Path,
                                                                 every: float) -> None:
    from kb.analysis import fastrisk
    from kb.store import db

    with client_for(settings, kb_state_dir=tmp_path, kb_panel_refresh=every) as c:
        old = c.get(f"/risk.json?as_of={DAY}&q=json-codec").json()["components"][0]["name"]
        _rename_outside_kb(demo_kb, settings, "Renamed while the panel ran")
        try:
            state = db.data_state(demo_kb, settings=settings)
            assert fastrisk.held_state() != state
            keeper = c.app.state.keeper  # type: ignore[attr-defined]

            def renewed() -> bool:
                # the keeper counts a renewal just after the engine holds the new state
                return fastrisk.held_state() == state and (keeper is None or keeper.renewals > 0)

            deadline = time.monotonic() + (15 if every else 2)
            while not renewed() and time.monotonic() < deadline:
                time.sleep(0.1)
            # with the keeper, renewed before anyone asked; without it, only when asked
            assert (fastrisk.held_state() == state) is bool(every)
            assert (keeper is None) is not bool(every)
            if every:
                assert keeper.renewals >= 1
                # ...and today's risk table, overview and timeline are computed for the
                # new state too
                from kb import analysis, cache
                today = analysis.parse_as_of(None)
                deadline = time.monotonic() + 15
                while (cache.results.get(state, ("timeline", today)) is None
                       and time.monotonic() < deadline):
                    time.sleep(0.1)
                held = cache.results.get(state, ("risk-table", today, 180))
                assert held is not None and held.day.isoformat() == today
                assert "Renamed while the panel ran" in {c["name"] for c in held.ranked()}
                overview = cache.results.get(state, ("overview", today))
                assert overview is not None and overview["as_of"] == today
                assert cache.results.get(state, ("timeline", today)).startswith("<svg")
            row = c.get(f"/risk.json?as_of={DAY}&q=json-codec").json()["components"][0]
            assert row["name"] == "Renamed while the panel ran"
            assert fastrisk.held_state() == state
        finally:
            _rename_outside_kb(demo_kb, settings, old)


def test_the_keeper_stops_computing_a_risk_table_too_large_to_keep(demo_kb, settings,
                                                                   tmp_path: Path) -> None:
    from kb import cache

    with client_for(settings, kb_state_dir=tmp_path, kb_panel_refresh=0.2) as c:
        keeper = c.app.state.keeper  # type: ignore[attr-defined]
        old = c.get(f"/risk.json?as_of={DAY}&q=json-codec").json()["components"][0]["name"]
        cache.results.max_bytes = 100  # smaller than any risk table
        before = keeper.renewals
        _rename_outside_kb(demo_kb, settings, "Too large to keep")
        try:
            deadline = time.monotonic() + 15
            while ((keeper.warm_risk or keeper.renewals == before)
                   and time.monotonic() < deadline):
                time.sleep(0.1)
            assert keeper.warm_risk is False and keeper.renewals > before
            # the page still answers, computing what it needs itself
            row = c.get(f"/risk.json?as_of={DAY}&q=json-codec").json()["components"][0]
            assert row["name"] == "Too large to keep"
        finally:
            _rename_outside_kb(demo_kb, settings, old)


def test_errors_share_one_shape(client: TestClient) -> None:
    for resp in (client.get("/components/nope.json"), client.get("/nope.json"),
                 client.get("/risk.json?level=purple"),
                 client.post("/query.json", json={"cypher": "CREATE (n)"}),
                 client.get("/analyses/nope.json"),
                 client.post("/query.json", json={"nope": 1})):
        body = resp.json()
        assert set(body) == {"error"}, body
        assert {"status", "code", "message", "hint"} <= set(body["error"])
        assert body["error"]["status"] == resp.status_code >= 400
    assert client.get("/components/nope.json").json()["error"]["message"] == (
        "no component with id 'nope'")
    assert client.get("/risk.json?level=purple").json()["error"]["hint"] == (
        "Valid levels: critical, high, medium, low")


@pytest.mark.parametrize(("cypher", "message"), [
    ("MATCH (n) SET n.hacked = true", "the console only runs read queries; this one writes"),
    ("CREATE (n:X) RETURN n", "the console only runs read queries; this one writes"),
    ("MATCH (n) DETACH DELETE n", "the console only runs read queries; this one writes"),
    ("CREATE INDEX x FOR (n:X) ON (n.y)",
     "the console only runs read queries; this one is a schema or administration command"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
     "LOAD CSV is not allowed: the console cannot read files or URLs"),
    ("load   csv from 'https://example.org/x.csv' as l return l",
     "LOAD CSV is not allowed: the console cannot read files or URLs"),
    ("CALL dbms.listConfig()",
     "the console only runs read queries; this one is a schema or administration command"),
    ("CALL db.info()", "procedure db.info is not allowed; the console allows db.labels, "
     "db.propertyKeys, db.relationshipTypes, db.schema.nodeTypeProperties, "
     "db.schema.relTypeProperties, db.schema.visualization"),
    ("USE system SHOW USERS", "USE clauses are not allowed: the console only reads the "
     "knowledge base's own database"),
    ("SHOW TRANSACTIONS", "SHOW commands are not allowed in the console"),
    ("MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS RETURN 1",
     "CALL ... IN TRANSACTIONS is not allowed in the console"),
])
def test_console_refuses_with_a_reason(client: TestClient, cypher: str, message: str) -> None:
    resp = client.post("/query.json", json={"cypher": cypher})
    assert resp.status_code == 400
    assert resp.json()["error"]["code"] == "refused"
    assert resp.json()["error"]["message"] == message


def test_console_leaves_the_data_unchanged(client: TestClient, demo_kb, settings) -> None:
    from tests.integration.test_loader import graph_snapshot

    before = graph_snapshot(demo_kb, settings)
    for c in ("MATCH (n) SET n.hacked = true", "MATCH (n) DETACH DELETE n",
              "MERGE (x:Actor {id: 'evil'}) RETURN x"):
        client.post("/query.json", json={"cypher": c})
    assert graph_snapshot(demo_kb, settings) == before


def test_the_server_itself_refuses_writes_in_a_read_transaction(demo_kb, settings) -> None:
    from neo4j.exceptions import ClientError

    with demo_kb.session(database=settings.neo4j_database, default_access_mode="READ") as s:
        with pytest.raises(ClientError, match="(?i)read"):
            s.execute_read(lambda tx: tx.run("CREATE (:Evil)").consume())


def test_console_reads_with_params_row_cap_and_graph(client: TestClient) -> None:
    ok = client.post("/query.json", json={
        "cypher": "MATCH (a:Actor {id: $id})-[g:GIVES]->(b) RETURN a, g, b ORDER BY b.id",
        "params": {"id": "relief-ngo"}}).json()
    assert ok["columns"] == ["a", "g", "b"] and ok["truncated"] is False
    assert [r[2]["properties"]["id"] for r in ok["rows"]] == ["kerry-town-dht", "tessera"]
    # The two GIVES returned, and relief-ngo's TIE to tessera drawn as a link among them.
    assert len(ok["graph"]["nodes"]) == 3
    assert sorted((e["type"], e.get("added", False)) for e in ok["graph"]["edges"]) == [
        ("GIVES", False), ("GIVES", False), ("TIE", True)]
    many = client.post("/query.json", json={"cypher": "UNWIND range(1, 1500) AS x RETURN x"})
    assert len(many.json()["rows"]) == 1000 and many.json()["truncated"] is True


def test_console_syntax_error_has_neo4j_message_and_position(client: TestClient) -> None:
    err = client.post("/query.json", json={"cypher": "MATCH (n RETURN n"}).json()["error"]
    assert err["code"] == "cypher_error"
    assert err["message"].startswith("Invalid input 'RETURN'")
    assert err["position"] == {"line": 1, "column": 10, "offset": 9}


def test_console_timeout(demo_kb, settings, tmp_path: Path) -> None:
    with client_for(settings, kb_query_timeout=0.5, kb_state_dir=tmp_path) as slow:
        resp = slow.post("/query.json", json={
            # 10^9 rows, each range within the console's budget: the server's timeout ends it
            "cypher": "UNWIND range(1, 1000000) AS x UNWIND range(1, 1000) AS y "
                      "WITH x, y WHERE x + y < 0 RETURN count(*)"})
    assert resp.status_code == 408, resp.text
    assert resp.json()["error"]["code"] == "timeout"


def test_saved_query_runs_with_its_form_parameters(client: TestClient) -> None:
    res = client.get("/queries/ivn.json?run=1&as_of=2026-11-22&product=ebola-emr").json()
    assert res["result"]["columns"][:3] == ["product", "owner", "actor"]
    assert len(res["result"]["rows"]) == 7
    refused = client.get("/queries/load_upsert_nodes.json?run=1&rows=[]")
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "refused"


HOSTILE = """format: valuenet/1
ecosystem: {id: hostile, name: "<b>bold</b>"}
actors:
  - {id: x-script, name: "<script>window.pwned=1</script>Evil & Co", kind: business}
components:
  - {id: c-img, name: "<img src=x onerror=window.pwned=2>"}
products:
  - {id: p-h, name: "<i>P</i>", owner: x-script, built_on: [c-img]}
"""


def test_text_from_the_data_is_escaped(client: TestClient, demo_kb, settings,
                                       tmp_path: Path) -> None:
    f = tmp_path / "hostile.yaml"
    f.write_text(HOSTILE)
    loader.load(demo_kb, [f], settings=settings)
    try:
        page = client.get("/actors/x-script").text
        assert "<script>window.pwned" not in page
        assert "&lt;script&gt;window.pwned=1&lt;/script&gt;Evil &amp; Co" in page
        comp = client.get("/components/c-img").text
        assert "<img src=x" not in comp and "&lt;img src=x onerror=window.pwned=2&gt;" in comp
    finally:
        schema.reset(demo_kb, settings)
        loader.load(demo_kb, [EXAMPLES / "ebola-emr.yaml"], settings=settings)


BROKEN = b"""format: valuenet/1
ecosystem: {id: broken, name: Broken}
actors:
  - {id: a, name: A, kind: martian}
fundings:
  - {id: f, from: a, to: nobody, kind: grant, purpose: maintenance, amount: -5}
"""


def test_import_reports_every_error_and_is_read_only_without_a_token(client: TestClient
                                                                    ) -> None:
    resp = client.post("/import.json", files={"file": ("broken.yaml", io.BytesIO(BROKEN))})
    assert resp.status_code == 422
    report = resp.json()["report"]
    assert report["ok"] is False
    wheres = [p["where"] for p in report["problems"]]
    assert wheres == ["broken.yaml: actors[0] (id=a) field 'kind'",
                      "broken.yaml: fundings[0] (id=f) field 'amount'",
                      "broken.yaml: fundings[0] (id=f) field 'to'"]
    good = client.post("/import.json", files={"file": ("demo.yaml", io.BytesIO(
        (EXAMPLES / "ebola-emr.yaml").read_bytes()))}).json()["report"]
    assert good["ok"] and sum(good["records"].values()) == 81
    assert good["kept"] is False and "upload" not in good  # a read-only panel keeps nothing
    uploads = Path(client.app.state.settings.kb_state_dir) / "uploads"  # type: ignore[attr-defined]
    assert not uploads.exists() or list(uploads.iterdir()) == []
    denied = client.post("/import/load.json", data={"upload": "anything.yaml", "token": "x"})
    assert denied.status_code == 403 and denied.json()["error"]["message"] == (
        "this panel takes no editor token (KB_EDITOR_TOKEN is not set)")
    anonymous = client.post("/import/load.json", data={"upload": "anything.yaml"})
    assert anonymous.status_code == 401 and anonymous.json()["error"]["code"] == "sign_in"
    assert "read-only" in client.get("/import").text


def test_import_with_the_editor_token(demo_kb, settings, tmp_path: Path) -> None:
    with client_for(settings, kb_editor_token="s3cret", kb_state_dir=tmp_path) as editor:
        _import_with_token(editor)


def _import_with_token(editor: TestClient) -> None:
    extra = (b"format: valuenet/1\necosystem: {id: extra, name: Extra}\n"
             b"actors: [{id: newcomer, name: Newcomer, kind: group}]\n")
    uploads = Path(editor.app.state.settings.kb_state_dir) / "uploads"  # type: ignore[attr-defined]
    # Without the token the file is checked, not kept: nothing stays on disk.
    anonymous = editor.post("/import.json", files={"file": ("extra.yaml", io.BytesIO(extra))})
    assert anonymous.status_code == 200 and anonymous.json()["report"]["kept"] is False
    assert "loading it needs an editor's sign-in" in editor.post(
        "/import", files={"file": ("extra.yaml", io.BytesIO(extra))}).text
    assert not uploads.exists() or list(uploads.iterdir()) == []
    guessed = editor.post("/import.json", files={"file": ("extra.yaml", io.BytesIO(extra))},
                          data={"token": "guess"})
    assert guessed.status_code == 403 and guessed.json()["error"]["code"] == "bad_token"
    checked = editor.post("/import.json", files={"file": ("extra.yaml", io.BytesIO(extra))},
                          data={"token": "s3cret"})
    upload = checked.json()["report"]["upload"]
    assert [p.name for p in uploads.iterdir()] == [upload]
    missing = editor.post("/import/load.json", data={"upload": upload})
    assert missing.status_code == 401 and missing.json()["error"]["message"] == (
        "writing needs an editor's sign-in")
    wrong = editor.post("/import/load.json", data={"upload": upload, "token": "guess"})
    assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "bad_token"
    done = editor.post("/import/load.json", data={"upload": upload, "token": "s3cret"})
    assert done.status_code == 200 and done.json()["loaded"]["totals"]["created"] == 1
    assert editor.get("/actors/newcomer.json").json()["properties"]["name"] == "Newcomer"


def test_audit_report_and_diff_pages(client: TestClient) -> None:
    page = client.get(f"/audit/report.html?as_of={DAY}")
    assert page.status_code == 200 and page.text.count("<svg") >= 3
    twin = client.get(f"/audit.json?as_of={DAY}").json()
    assert twin["schema"] == "valuenet-audit/1" and twin["as_of"] == DAY
    none = client.get("/audit/diff.json")
    assert none.status_code == 404 and none.json()["error"]["code"] == "not_enough_audits"


def test_the_audit_takes_a_budget_for_its_asks(client: TestClient) -> None:
    """100,000 buys the demo's best ask, json-codec and rest-api for a year (see test_audit)."""
    asks = client.get(f"/audit.json?as_of={DAY}&budget=100000").json()["asks"]
    assert asks["budget"] == 100000 and [x["components"] for x in asks["asks"]] == [
        ["json-codec", "rest-api"]]
    page = client.get(f"/audit/report.html?as_of={DAY}&budget=100000").text
    table = page[page.index('<table id="asks-table">'):]
    table = table[:table.index("</table>")]
    assert table.count("<tr>") == 2 and "json-codec, rest-api" in table
    assert "Within the budget of 100,000.00 USD: 1 ask(s) cost 100,000.00 USD" in page
    every = client.get(f"/audit/report.html?as_of={DAY}").text
    assert "Closing every gap: 6 ask(s) cost 350,000.00 USD over 12 months" in every
    bad = client.get(f"/audit.json?as_of={DAY}&budget=lots")
    assert bad.status_code == 400 and bad.json()["error"]["message"] == (
        "budget must be a positive amount up to 10^12, got 'lots'")


def test_openapi_docs(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert "/query.json" in paths and "post" in paths["/query.json"]


def test_a_long_analysis_table_shows_its_first_rows_and_says_so(demo_kb, settings,
                                                                tmp_path: Path) -> None:
    with client_for(settings, kb_state_dir=tmp_path, kb_panel_table_rows=2) as c:
        every = c.get(f"/analyses/free_riders.json?as_of={DAY}").json()["result"]["components"]
        assert len(every) > 2  # the demo has 7 components with free riders
        html = c.get(f"/analyses/free_riders?as_of={DAY}").text
        table = html[html.index('<table class="result">'):html.index("</table>")]
        assert table.count("<tr>") == 1 + 2  # the header and the first two rows
        assert all(f">{r['component']}</a>" in table for r in every[:2])
        assert not any(f">{r['component']}</a>" in table for r in every[2:])
        assert (f"Showing the first 2 of {len(every)} rows; <a href=\"/analyses/free_riders.json"
                f"?as_of={DAY}\">this page as JSON</a> has them all.") in html
    with client_for(settings, kb_state_dir=tmp_path) as c:  # 500 by default: nothing cut
        assert 'id="rows-cut"' not in c.get(f"/analyses/free_riders?as_of={DAY}").text


def test_a_rendered_page_is_served_from_the_one_cache(client: TestClient, demo_kb,
                                                     settings) -> None:
    from kb import cache

    url = f"/risk.json?as_of={DAY}&q=codec"
    first = client.get(url)
    key = ("page", "/risk.json", f"as_of={DAY}&q=codec", "json", date.today().isoformat(), "")
    kept = cache.results.find(key)
    assert kept is not None and kept[1][0] == first.content
    again = client.get(url)
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    _rename_outside_kb(demo_kb, settings, "Codec renamed for the cache test")
    try:
        renamed = client.get(url)
        assert renamed.json()["components"][0]["name"] == "Codec renamed for the cache test"
        assert renamed.headers["etag"] != first.headers["etag"]
    finally:
        _rename_outside_kb(demo_kb, settings, "JSON codec library")


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/risk.json", "/query", "/nope", "/static/app.js"):
        h = client.get(path).headers
        assert h["x-content-type-options"] == "nosniff", path
        assert h["x-frame-options"] == "SAMEORIGIN" and h["referrer-policy"] == "same-origin"
        csp = h["content-security-policy"]
        assert "script-src 'self';" in csp and "unsafe-inline" not in csp.split(";")[1], path
    assert "content-security-policy" not in client.get("/docs").headers  # Swagger UI's CDN


def test_no_page_carries_inline_script() -> None:
    import re

    templates = Path(__file__).resolve().parents[2] / "web" / "templates"
    for t in templates.glob("*.html"):
        text = t.read_text()
        assert not re.search(r"<script>|<script [^>]*>[^<]", text), t.name
        assert not re.search(r"\son[a-z]+=\"", text), t.name


def test_request_bodies_are_bounded(client: TestClient) -> None:
    big = {"cypher": "RETURN 1", "params": {"x": "a" * (1 << 20)}}
    resp = client.post("/query.json", json=big)
    assert resp.status_code == 413
    err = resp.json()["error"]
    assert err["code"] == "too_large" and "at most 1,048,576 are accepted" in err["message"]
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert client.post("/query.json", json={"cypher": "RETURN 1"}).status_code == 200


def test_healthz(client: TestClient, settings) -> None:
    ok = client.get("/healthz")
    assert ok.status_code == 200 and ok.json()["status"] == "ok" and ok.json()["neo4j"] == "up"
    with client_for(settings, neo4j_uri="bolt://127.0.0.1:9", kb_connect_timeout=2) as down:
        start = time.monotonic()
        resp = down.get("/healthz")
        assert resp.status_code == 503 and time.monotonic() - start < 6
        assert resp.json()["error"]["code"] == "neo4j_unavailable"


@pytest.mark.parametrize(("cypher", "reason"), [
    ("RETURN size([x IN range(1, 50000000) | [x, x, x]]) AS s", "too_large"),
    ("RETURN " + "(" * 3000 + "1" + ")" * 3000, "too_deep"),
    ("RETURN reduce(s=0, i IN range(1,2000000000) | s+i)", "too_large"),
    ("RETURN [x IN range(1,3000000) | x]", "too_large"),
    ("RETURN " + " OR ".join(["true"] * 1500), "too_many_terms"),
])
def test_the_queries_that_hurt_the_server_are_refused_at_once(client: TestClient, cypher: str,
                                                              reason: str) -> None:
    start = time.monotonic()
    resp = client.post("/query.json", json={"cypher": cypher})
    assert time.monotonic() - start < 2
    assert resp.status_code == 400
    err = resp.json()["error"]
    assert (err["code"], err["reason"]) == ("refused", reason)
    assert client.post("/query.json", json={"cypher": "RETURN 1 AS one"}).json()["rows"] == [[1]]


def test_a_cross_site_post_is_refused(client: TestClient) -> None:
    forged = client.post("/query.json", json={"cypher": "RETURN 1"},
                         headers={"Origin": "https://evil.example"})
    assert forged.status_code == 403
    err = forged.json()["error"]
    assert err["code"] == "cross_origin"
    assert err["message"].startswith("a request from https://evil.example to testserver is "
                                     "refused")
    upload = client.post("/import.json", files={"file": ("x.yaml", io.BytesIO(b"format: x"))},
                         headers={"Origin": "null"})
    assert upload.status_code == 403
    same = client.post("/query.json", json={"cypher": "RETURN 1 AS one"},
                       headers={"Origin": "http://testserver"})
    assert same.status_code == 200 and same.json()["rows"] == [[1]]
    assert client.post("/query.json", json={"cypher": "RETURN 1 AS one"}).status_code == 200


def test_console_history_is_per_browser_and_keeps_failures(demo_kb, settings,
                                                          tmp_path: Path) -> None:
    with client_for(settings, kb_state_dir=tmp_path) as one, \
            client_for(settings, kb_state_dir=tmp_path) as other:
        assert one.post("/query.json", json={"cypher": "RETURN 1 AS x"}).status_code == 200
        cookie = one.cookies.get("vn_console")
        assert cookie and len(cookie) >= 16
        assert one.post("/query.json", json={"cypher": "CREATE (n)"}).status_code == 400
        got = one.get("/query/history.json").json()["entries"]
        assert [(e["cypher"], e["status"], e["outcome"], e["rows"]) for e in got] == [
            ("CREATE (n)", 400, "refused", None), ("RETURN 1 AS x", 200, "ok", 1)]
        assert other.get("/query/history.json").json()["entries"] == []
        assert [e["cypher"] for e in one.get("/query/history.json?q=return").json()[
            "entries"]] == ["RETURN 1 AS x"]
        page = one.get(got[1]["url"])
        assert page.status_code == 200 and "RETURN 1 AS x" in page.text


def test_the_plan_twin_and_its_bad_amounts(client: TestClient) -> None:
    form = client.get("/plan.json").json()
    assert form["budget"] is None and form["allocations"] == []
    done = client.get(f"/plan.json?as_of={DAY}&budget=100000&max_per_component=").json()
    assert done["spent"] <= 100000 and done["allocations"]
    for bad in ("abc", "-5", "nan", "1e13"):
        res = client.get(f"/plan.json?budget={bad}")
        assert res.status_code == 400, bad
        err = res.json()["error"]
        assert err["code"] == "bad_amount"
        assert err["message"].startswith("budget must be a positive amount up to 10^12, got")


def test_list_pages_for_every_kind(client: TestClient, demo_kb, settings) -> None:
    """Counts by hand from examples/ebola-emr.yaml (loaded afresh: other tests here add to
    the knowledge base)."""
    schema.reset(demo_kb, settings)
    loader.load(demo_kb, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    actors = client.get("/actors.json").json()
    assert actors["total"] == 15 and actors["matched"] == 15
    assert {v["value"]: v["count"] for v in actors["facets"]["kind"]} == {
        "organization": 5, "business": 3, "group": 3, "government": 2, "umbrella": 1,
        "civil_society": 1}
    money = client.get("/fundings.json?purpose=maintenance&sort=amount&order=desc").json()
    assert [(r["id"], r["amount"]) for r in money["rows"]] == [
        ("f-sub-commons", 80000), ("f-moh-sync", 60000), ("f-foundation-dict", 30000)]
    hollow = client.get(f"/components.json?as_of={DAY}&funding=hollow%20core").json()
    assert {r["id"] for r in hollow["rows"]} == {
        "reporting-module", "json-codec", "rest-api", "fhir-adapter", "form-engine"}
    assert hollow["sort"] == "risk_score" and hollow["order"] == "desc"
    states = client.get(f"/agreements.json?as_of={DAY}").json()["facets"]["state"]
    assert {v["value"]: v["count"] for v in states} == {"in force": 3, "draft": 1,
                                                         "not in force": 1}
    assert client.get("/products.json?q=dashboard").json()["rows"][0]["owner"] == "cloudclinic"
    assert [r["id"] for r in client.get("/decisions.json").json()["rows"]] == [
        "d-dictionary", "d-hosting", "d-roadmap"]
    page = client.get("/actors?kind=government").text
    assert 'href="/actors/moh-sl"' in page and 'href="/actors/kerry-town-dht"' in page
    assert 'href="/actors/relief-ngo"' not in page.split('id="browse-table"')[1]
    bad = client.get("/actors.json?colour=red")
    assert bad.status_code == 400 and bad.json()["error"]["message"] == (
        "actors has no parameter colour")
    assert client.get("/actors/relief-ngo.json").status_code == 200  # entity pages stay


def test_audit_downloads_save_and_trend(client: TestClient, demo_kb, settings,
                                        tmp_path: Path) -> None:
    md = client.get(f"/audit/report.md?as_of={DAY}")
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert md.headers["content-disposition"] == f'attachment; filename="audit-{DAY}.md"'
    assert md.text.startswith(f"# Sustainability audit, {DAY}")
    csv_ = client.get(f"/audit/report.csv?as_of={DAY}")
    assert csv_.text.splitlines()[0] == ("id,area,severity,subject,title,detail,score,"
                                         "recommendation")
    pdf = client.get(f"/audit/report.pdf?as_of={DAY}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    bad = client.get(f"/audit/report.xls?as_of={DAY}", headers={"Accept": "application/json"})
    assert bad.status_code == 404 and bad.json()["error"]["message"] == "no audit format 'xls'"
    page = client.get(f"/audit?as_of={DAY}").text
    assert f'href="/audit/report.pdf?as_of={DAY}' in page.replace("&amp;", "&")
    assert 'id="audit-save"' not in page  # read-only: no save form
    refused = client.post("/audit/save.json", data={"as_of": DAY})
    assert refused.status_code == 401 and refused.json()["error"]["message"] == (
        "writing needs an editor's sign-in")
    assert client.get("/audit/trend.json").json() == {"points": []}
    try:
        with client_for(settings, kb_state_dir=tmp_path, kb_editor_token="tok") as editor:
            # The token is for scripts: the page offers the form to signed-in editors only
            # (tests/integration/test_accounts.py).
            assert 'id="audit-save"' not in editor.get(f"/audit?as_of={DAY}").text
            wrong = editor.post("/audit/save", data={"as_of": DAY, "token": "nope"})
            assert wrong.status_code == 403
            saved = editor.post("/audit/save", data={"as_of": DAY, "token": "tok"},
                                follow_redirects=False)
            assert saved.status_code == 303 and saved.headers["location"].startswith(
                "/audit?saved=")
            what_if = editor.post("/audit/save.json", data={"as_of": DAY, "token": "tok",
                                                             "without": ["ghrf"]})
            assert what_if.status_code == 201
            stored = demo_kb.execute_query("MATCH (a:Audit) RETURN a.without AS w ORDER BY "
                                           "size(a.without)",
                                           database_=settings.neo4j_database).records
            assert [r["w"] for r in stored] == [[], ["ghrf"]]  # the what-if is saved as such
            demo_kb.execute_query("MATCH (a:Audit) WHERE a.without <> [] DETACH DELETE a",
                                  database_=settings.neo4j_database)
            points = editor.get("/audit/trend.json").json()["points"]
            # The demo on DAY: 5 hollow cores, all critical (see test_audit's trend test).
            assert [(p["as_of"], p["hollow_cores"], p["critical"]) for p in points] == [
                (DAY, 5, 5)]
            trend = editor.get("/audit/trend").text
            assert 'id="trend-chart"' in trend and "<svg" in trend
    finally:
        demo_kb.execute_query("MATCH (a:Audit) DETACH DELETE a",
                              database_=settings.neo4j_database)


def test_console_answers_carry_the_links_among_their_nodes(client: TestClient, demo_kb,
                                                          settings) -> None:
    """emr-platform -> rest-api -> json-codec (DEPENDS_ON) in examples/ebola-emr.yaml."""
    schema.reset(demo_kb, settings)
    loader.load(demo_kb, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    body = client.post("/query.json", json={
        "cypher": "MATCH (c:Component) WHERE c.id IN $ids RETURN c",
        "params": {"ids": ["rest-api", "json-codec", "emr-platform"]}}).json()
    graph = body["graph"]
    ids = {n["id"]: n["properties"]["id"] for n in graph["nodes"]}
    links = sorted((ids[e["source"]], e["type"], ids[e["target"]]) for e in graph["edges"])
    assert links == [("emr-platform", "DEPENDS_ON", "rest-api"),
                     ("rest-api", "DEPENDS_ON", "json-codec")]
    assert all(e["added"] for e in graph["edges"])
    assert graph["links"] == {"added": 2, "skipped": False, "cut": False}
    # A relationship the query returns is not added again.
    own = client.post("/query.json", json={
        "cypher": "MATCH (a:Component {id: 'emr-platform'})-[r:DEPENDS_ON]->(b:Component "
                  "{id: 'rest-api'}) RETURN a, r, b"}).json()["graph"]
    assert len(own["edges"]) == 1 and "added" not in own["edges"][0]
    assert own["links"]["added"] == 0


def test_the_network_map_data(client: TestClient, demo_kb, settings, tmp_path: Path) -> None:
    """By hand from examples/ebola-emr.yaml: 15 actors, 3 products, 8 components, 8
    fundings, 5 agreements and 3 decisions, 42 records."""
    schema.reset(demo_kb, settings)
    loader.load(demo_kb, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    whole = client.get(f"/map.json?as_of={DAY}").json()
    assert whole["counts"] == {"Actor": 15, "Agreement": 5, "Component": 8, "Decision": 3,
                               "Funding": 8, "Product": 3}
    assert whole["drawn"] == whole["total"] == 42 and whole["left_out"] == {}
    codec = next(n for n in whole["nodes"] if n["id"] == "json-codec")
    assert (codec["label"], codec["level"], codec["hollow_core"]) == ("Component", "critical",
                                                                      True)
    assert {"source": "rest-api", "type": "DEPENDS_ON", "target": "json-codec"} in whole["edges"]
    # Past the limit: the most urgent components fill half (the five hollow cores, all
    # critical), then products (3) and the most connected actors (2).
    cut = client.get(f"/map.json?as_of={DAY}&max_nodes=10").json()
    assert cut["drawn"] == 10 and cut["left_out"] == {
        "Actor": 13, "Agreement": 5, "Component": 3, "Decision": 3, "Funding": 8}
    kinds: dict[str, set[str]] = {}
    for n in cut["nodes"]:
        kinds.setdefault(n["label"], set()).add(n["id"])
    assert kinds["Component"] == {"reporting-module", "json-codec", "rest-api", "fhir-adapter",
                                  "form-engine"}
    assert kinds["Product"] == {"ebola-emr", "clinic-dashboard", "district-hmis"}
    assert "relief-ngo" in kinds["Actor"] and len(kinds["Actor"]) == 2
    assert all(e["source"] in {n["id"] for n in cut["nodes"]} for e in cut["edges"])
    page = client.get("/map").text
    assert 'src="/static/vendor/network-map/network-map.js"' in page
    bad = client.get("/map.json?max_nodes=5")
    assert bad.status_code == 422 or bad.status_code == 400
