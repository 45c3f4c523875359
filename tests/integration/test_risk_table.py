"""The columnar risk table the panel reads (issue 23): the same rows, filters, searches and
orders as the risk analysis's rows put through `kb.views.risk_table` (the list-based path,
tested on its own against hand-worked values), on the demo and on 1,100 generated
components."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest

from kb import analysis
from kb.analysis import fastrisk, scoring
from kb.ingest import loader
from kb.ingest.generate import generate
from kb.store import schema
from kb.views import risk_table
from tests.conftest import EXAMPLES

DAY = "2026-11-22"


@pytest.fixture(scope="module", params=["demo", "generated"])
def kb(request, driver, settings, tmp_path_factory):  # type: ignore[no-untyped-def]
    schema.reset(driver, settings)
    if request.param == "demo":
        loader.load(driver, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    else:
        path: Path = tmp_path_factory.mktemp("eco") / "eco.json"
        path.write_text(json.dumps(generate(1100, 5)))
        loader.load(driver, [path], settings=settings)
    rows = analysis.risk(driver, DAY, settings=settings).rows
    return driver, rows, fastrisk.risk_table(driver, DAY, settings=settings)


def ids(rows: Any) -> list[str]:
    return [r["id"] for r in rows]


def test_the_ranked_rows_are_the_analysis_rows(kb) -> None:  # type: ignore[no-untyped-def]
    _, rows, table = kb
    assert table.total == len(rows) and list(table.ranked()) == rows
    for r in rows[:: max(1, len(rows) // 50)]:
        assert table.find(r["id"]) == r
    assert table.find("no-such-component") is None
    assert table.head()["total_components"] == len(rows)


def test_filters_and_search_match_the_rows(kb) -> None:  # type: ignore[no-untyped-def]
    _, rows, table = kb
    queries = [None, "json", "C00", "component 1"]
    for level, reason, q, hollow in itertools.product(
            [None, *scoring.LEVEL_NAMES], [None, *scoring.REASONS], queries, [False, True]):
        expected = ids(risk_table.matching(rows, level, reason, q, hollow))
        got = ids(table.view(table.matching(level, reason, q, hollow)))
        assert got == expected, (level, reason, q, hollow)


def test_every_sort_matches_the_rows(kb) -> None:  # type: ignore[no-untyped-def]
    _, rows, table = kb
    for sort, direction, (level, hollow) in itertools.product(
            risk_table.SORTABLE, ["asc", "desc"], [(None, False), ("critical", False),
                                                   (None, True)]):
        expected = ids(risk_table.matching(rows, level, None, None, hollow, sort, direction))
        got = ids(table.view(table.matching(level, None, None, hollow, sort, direction)))
        assert got == expected, (sort, direction, level, hollow)


def test_views_slice_and_index_like_lists(kb) -> None:  # type: ignore[no-untyped-def]
    _, rows, table = kb
    view = table.ranked()
    assert len(view) == len(rows) and view[0] == rows[0] and view[-1] == rows[-1]
    assert list(view[2:7]) == rows[2:7] and list(view[::3]) == rows[::3]


def test_what_the_overview_reads_matches_the_analyses(kb, settings) -> None:  # type: ignore[no-untyped-def]
    driver, rows, table = kb
    riders = analysis.free_riders(driver, DAY, settings=settings).data["actors"]
    assert table.free_rider_actors() == len(riders)
    unknowns = analysis.unknowns(driver, DAY, settings=settings).data["unknowns"]
    assert ids(table.unknowns()) == [u["component"] for u in unknowns]
    cliffs = sorted((r for r in rows if r["cliff_date"]), key=lambda r: r["cliff_date"])
    assert ids(table.view(table.sorted_by("cliff_date"))) == ids(cliffs)
    funded = sorted((r for r in rows if r["funded"]),
                    key=lambda r: (r["funded_until"] or "9999", r["id"]))
    assert ids(table.view(table.funded_soonest())) == ids(funded)


def test_the_pages_read_the_table(kb, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """/risk pages through the table's rows, and counts with separators; the component page
    shows the table's row; the overview's figures are the analyses'."""
    from fastapi.testclient import TestClient

    from web.app import create_app

    driver, rows, _ = kb
    app = create_app(settings.model_copy(update={"kb_state_dir": tmp_path,
                                                 "kb_panel_refresh": 0}))
    with TestClient(app) as c:
        page = c.get(f"/risk.json?as_of={DAY}&sort=reliant_actors&dir=asc&page=2&per_page=7")
        expected = risk_table.matching(rows, sort="reliant_actors", direction="asc")[7:14]
        assert [r["id"] for r in page.json()["components"]] == ids(expected)
        assert page.json()["total"] == len(rows)
        html = c.get(f"/risk?as_of={DAY}").text
        assert f"{len(rows):,} of {len(rows):,} components match" in html
        top = rows[0]
        comp = c.get(f"/components/{top['id']}.json?as_of={DAY}").json()
        assert comp["risk"]["risk_score"] == top["risk_score"]
        assert comp["reliance"]["all_actors"] == top["reliant_actor_ids"]
        over = c.get(f"/index.json?as_of={DAY}").json()
        hollow = [r for r in rows if r["hollow_core"]]
        assert [r["id"] for r in over["top_risks"]] == ids((hollow or rows)[:5])
        assert [r["id"] for r in over["cliffs"]] == ids(
            sorted((r for r in rows if r["cliff_date"]), key=lambda r: r["cliff_date"]))
        riders = analysis.free_riders(driver, DAY, settings=settings).data["actors"]
        texts = {f["analysis"]: f["text"] for f in over["findings"]}
        assert texts["free_riders"].startswith(f"{len(riders)} actor(s) rely on code")
        assert texts["hollow_core"].startswith(f"{len(hollow)} shared component(s)")


def test_the_planner_memo_changes_no_score(kb, settings) -> None:  # type: ignore[no-untyped-def]
    """Scores with grants are the same whether each day's state before the grants is worked
    out afresh or kept between calls, for grants on funded and unfunded components, one or
    two per component, with open and closing ends."""
    driver, rows, _ = kb
    funded = [r["id"] for r in rows if r["funded"]][:6]
    unfunded = [r["id"] for r in rows if not r["funded"]][:6]
    days = ["2026-11-22", "2027-02-01", "2027-06-30"]
    sets = [
        [{"component": c, "start": "2026-11-22", "end": "2027-11-21"} for c in unfunded],
        [{"component": c, "start": "2026-11-22", "end": "2027-01-15"} for c in funded],
        [{"component": c, "start": s, "end": e} for c in funded[:2] + unfunded[:2]
         for s, e in (("2026-11-22", "2026-12-31"), ("2027-01-01", "9999-12-31"))],
    ]
    memo: dict[Any, Any] = {}
    fastrisk.scores(driver, days, 180, [], settings, memo)
    assert len(memo) == 2 + len(days)  # the snapshot, the id index and each day
    for fund in sets:
        _, _, fresh = fastrisk.scores(driver, days, 180, fund, settings)
        _, _, kept = fastrisk.scores(driver, days, 180, fund, settings, memo)
        assert (fresh == kept).all()
    # and the grants changed something, so the comparison could fail
    _, _, none = fastrisk.scores(driver, days, 180, [], settings)
    assert (fresh != none).any()


def test_what_ifs_in_columns_are_the_rows_what_ifs(kb, settings) -> None:  # type: ignore[no-untyped-def]
    """A funder withdrawing, an actor leaving, grants: the table's rows, `what_if` and
    figures equal `analysis.risk`'s, which compares every row with the baseline."""
    from kb.analysis.risk import risk_table as checked_table

    driver, rows, base = kb
    funders = [r["id"] for r in driver.execute_query(
        "MATCH (a:Actor)-[:GRANTS]->() RETURN DISTINCT a.id AS id ORDER BY id LIMIT 2",
        database_=settings.neo4j_database).records]
    owners = [r["id"] for r in driver.execute_query(
        "MATCH (a:Actor)-[:OWNS]->() RETURN DISTINCT a.id AS id ORDER BY id LIMIT 1",
        database_=settings.neo4j_database).records]
    hollow = [r["id"] for r in rows if r["hollow_core"]][:3]
    cases = [{"without": funders}, {"leave": owners}, {"fund": [f"{h}:1000:6" for h in hollow]},
             {"without": funders[:1], "fund": [f"{hollow[0]}:500"]}]
    for case in cases:
        expected = analysis.risk(driver, DAY, settings=settings, **case)
        table = checked_table(driver, DAY, settings=settings, before=base, **case)
        assert list(table.ranked()) == expected.rows, case
        head = {k: v for k, v in expected.data.items() if k != "components"}
        assert table.head() == head, case
        assert table.what_if is not None and table.what_if["changes"], case  # it changed
    bad = [{"without": ["no-such-actor"]}, {"fund": ["no-such-component:10"]}]
    for case in bad:
        with pytest.raises(Exception) as got:
            analysis.risk(driver, DAY, settings=settings, **case)
        with pytest.raises(type(got.value), match=re.escape(str(got.value.args[0]))):
            checked_table(driver, DAY, settings=settings, **case)
