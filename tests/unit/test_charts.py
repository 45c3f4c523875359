"""Charts and reports stay small on large ecosystems: they show the most urgent part and say so."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from kb.report.charts import cliff_timeline, funding_flows

DAY = "2026-06-15"


def _funded(i: int, until: str | None) -> dict[str, Any]:
    return {"id": f"c{i:03d}", "funded": True, "funded_until": until, "cliff_date": None}


def test_the_timeline_draws_the_stretches_that_end_soonest() -> None:
    # 100 funded components ending on days 1..100 after DAY, given in reverse, plus an
    # unfunded one: the 40 drawn must be c001..c040 (ends on days 1..40).
    start = date.fromisoformat(DAY)
    comps = [_funded(i, (start + timedelta(days=i)).isoformat()) for i in range(100, 0, -1)]
    comps.append({"id": "c999", "funded": False, "funded_until": None, "cliff_date": None})
    svg = cliff_timeline(comps, DAY, 12)
    assert all(f">c{i:03d}<" in svg for i in range(1, 41))
    assert not any(f">c{i:03d}<" in svg for i in range(41, 101)) and ">c999<" not in svg
    assert "the 40 ending soonest of 100 funded components" in svg


def test_a_small_timeline_is_whole_and_says_nothing_of_a_limit() -> None:
    comps = [_funded(1, None), _funded(2, "2026-07-01")]
    svg = cliff_timeline(comps, DAY, 12)
    assert ">c001<" in svg and ">c002<" in svg and "ending soonest" not in svg


def test_the_flow_diagram_draws_the_largest_totals_between_two_actors() -> None:
    # 60 funders give g00..g59 1,000 x (i + 1) each to one lead; g05 gives twice, so its total
    # is 12,000 and ranks as if it were g11. Another currency counts 0. The 40 largest totals
    # are g20..g59 (21,000 to 60,000), so g05 and g19 (20,000) are left out.
    flows = [{"from": f"g{i:02d}", "to": "lead", "amount": 1000 * (i + 1), "currency": "USD"}
             for i in range(60)]
    flows.append({"from": "g05", "to": "lead", "amount": 6000, "currency": "USD"})
    flows.append({"from": "x", "to": "lead", "amount": 10**9, "currency": "EUR"})
    svg = funding_flows(flows, "USD")
    assert all(f">g{i:02d}<" in svg for i in range(20, 60))
    assert ">g19<" not in svg and ">g05<" not in svg and ">x<" not in svg
    assert "60,000" in svg and "21,000" in svg and "20,000" not in svg
    assert "the 40 largest of 61 between two actors" in svg


def test_a_small_flow_diagram_adds_up_repeated_flows_and_draws_them_all() -> None:
    flows = [{"from": "a", "to": "b", "amount": 5, "currency": "USD"},
             {"from": "a", "to": "b", "amount": 7, "currency": "USD"},
             {"from": "b", "to": "c", "amount": 3, "currency": "USD"}]
    svg = funding_flows(flows, "USD")
    assert all(f">{n}<" in svg for n in "abc")
    assert ">12<" in svg and ">3<" in svg and "largest" not in svg


def test_id_lists_in_reports_show_the_first_ones_and_count_the_rest() -> None:
    from kb.report.render import ids

    assert ids([]) == ""
    assert ids(["a", "b"]) == "a, b"
    assert ids([f"x{i}" for i in range(30)]) == ", ".join(f"x{i}" for i in range(25)) + (
        " and 5 more")
    assert ids(["a", "b", "c"], limit=2) == "a, b and 1 more"


def _row(i: int, actors: int, score: int, funded: bool = False) -> dict[str, Any]:
    return {"id": f"c{i}", "reliant_actors": actors, "risk_score": score,
            "risk_level": "critical" if score >= 75 else "high" if score >= 50 else "medium",
            "funded": funded, "funded_until": None}


def test_a_matrix_where_nothing_is_funded_plots_the_score_and_says_why() -> None:
    """Imported registry data: no component's funding recorded, every share 0; the y axis
    would be one line. It shows the score instead, and the title says so."""
    from kb.report.charts import risk_matrix

    rows = [_row(i, actors=1 + i * 40, score=40 + i * 5) for i in range(10)]
    svg = risk_matrix(rows, "2026-01-01", 180, link=None)
    assert "risk score: funding coverage is the same for all" in svg
    assert "every component drawn is 0% funded over the next 180 days" in svg
    assert "log scale" in svg  # 1 to 361 relying actors: over two orders of magnitude
    varied = [*rows[:5], *(_row(i, 3, 30, funded=True) for i in range(5, 10))]
    assert "risk score" not in risk_matrix(varied, "2026-01-01", 180, link=None).split(
        "aria-label=")[1][:80]


def test_matrix_labels_never_overlap() -> None:
    """Twelve urgent components at two spots side by side: the ids that share one spot are
    joined into one label (two named, the rest counted), and the second label, which would
    cover the first, is left out."""
    import re

    from kb.report.charts import risk_matrix

    rows = [_row(i, actors=10 + (i % 2), score=80) for i in range(12)]
    svg = risk_matrix(rows, "2026-01-01", 180, link=None)
    shown = re.findall(r">(c\d+(?:, c\d+)*(?: \+\d+)?)</text>", svg)
    # Two spots (10 and 11 actors) side by side at one height: the second label would cover
    # the first, so only the first is drawn, its six ids joined.
    assert shown == ["c0, c2 +4"]


def test_long_ids_are_shortened_for_labels() -> None:
    from kb.report.charts import short_id

    assert short_id("https://github.com/debug-js/debug") == "debug-js/debug"
    assert short_id("pkg:npm/%40scope/a-very-long-package-name-indeed") == (
        "%40scope/a-very-long-packag…")
    assert short_id("json-codec") == "json-codec"


def test_a_large_matrix_draws_the_top_and_an_even_sample_of_the_rest() -> None:
    from kb.report.charts import spread

    rows = [{"id": f"c{i}"} for i in range(1000)]
    got = spread(rows, 400)
    assert len(got) == 400 and got[:100] == rows[:100]
    # 300 of the other 900, every third: c100, c103, ... c997.
    assert [r["id"] for r in got[100:103]] == ["c100", "c103", "c106"]
    assert got[-1]["id"] == "c997"
    assert spread(rows[:50], 400) == rows[:50]
