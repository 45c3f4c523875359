"""Agreement scorecards scored area by area (issue 22): validation, the gap analyses, the
audit, the agreement page and the export round trip, worked out by hand on the demo."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from kb import analysis
from kb.ingest import loader
from kb.report import audit
from kb.report.export import collect
from kb.store import schema
from tests.conftest import EXAMPLES

DAY = "2026-11-22"
MOU = "areas: [roles, decision_making, resources, ip_licensing, code_after_funding, exit, review]"
SCORED = MOU + """
    scores:
      roles: {comprehensive: 3, clear: 3}
      code_after_funding: {comprehensive: 1, clear: 2, note: "one line, no plan"}"""


def scored_demo(tmp_path: Path, scores: str = SCORED) -> Path:
    text = (EXAMPLES / "ebola-emr.yaml").read_text()
    assert text.count(MOU) == 1
    out = tmp_path / "scored.yaml"
    out.write_text(text.replace(MOU, scores))
    return out


def test_a_weakly_covered_area_is_a_gap(driver, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """ag-tessera-mou (relief-ngo and tessera, about ebola-emr, in force on DAY) covers
    code_after_funding, but scored 1 for comprehensiveness: covered weakly, and a severe
    area, so the gap is high; roles, scored 3 and 3, is not weak."""
    schema.reset(driver, settings)
    loader.load(driver, [scored_demo(tmp_path)], settings=settings)
    card = {g["id"]: g for g in analysis.agreements(driver, DAY, settings).data["agreements"]}
    mou = card["ag-tessera-mou"]
    assert mou["weak"] == ["code_after_funding"] and mou["weak_severe"] == [
        "code_after_funding"]
    assert mou["scores"]["roles"] == {"comprehensive": 3, "clear": 3, "note": None}
    assert card["ag-ghrf-grant"]["weak"] == [] and card["ag-ghrf-grant"]["scores"] == {}
    gaps = analysis.ivn(driver, "ebola-emr", DAY, settings).data["gaps"]
    weak = [g for g in gaps if g["kind"] == "weak_areas"]
    assert weak == [{"kind": "weak_areas", "agreement": "ag-tessera-mou",
                     "weak": ["code_after_funding"], "severity": "high",
                     "detail": "ag-tessera-mou covers code_after_funding only weakly (scored "
                               "1 or less for comprehensiveness or clarity)"}]
    built = audit.build(driver, DAY, settings=settings)
    findings = {f["id"]: f for f in built["findings"]}
    assert findings["agreement_weak:ag-tessera-mou"]["severity"] == "high"
    from kb.report import render

    assert "| ag-tessera-mou | yes | community_after_funding | code_after_funding |" in (
        render.markdown(built))
    assert "<td class=\"high\">code_after_funding</td>" in render.html(built)
    # The export gives back the scores as loaded (an absent note stays absent).
    doc = collect(driver, settings)
    exported = next(g for g in doc["agreements"] if g["id"] == "ag-tessera-mou")
    assert exported["scores"] == {
        "code_after_funding": {"comprehensive": 1, "clear": 2, "note": "one line, no plan"},
        "roles": {"comprehensive": 3, "clear": 3}}
    again = tmp_path / "again.yaml"
    again.write_text(yaml.safe_dump(doc, sort_keys=False))
    assert loader.load(driver, [again], settings=settings).total("updated") == 0


def test_the_agreement_page_shows_the_scores(driver, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from web.app import create_app

    schema.reset(driver, settings)
    loader.load(driver, [scored_demo(tmp_path)], settings=settings)
    with TestClient(create_app(settings.model_copy(update={"kb_state_dir": tmp_path}))) as c:
        page = c.get(f"/agreements/ag-tessera-mou?as_of={DAY}").text
        table = page[page.index('<table id="area-scores">'):]
        assert "code after funding <span class=\"level level-high\">weak</span>" in table
        assert "one line, no plan" in table
        twin = c.get(f"/agreements/ag-tessera-mou.json?as_of={DAY}").json()
        assert twin["scorecard"]["weak"] == ["code_after_funding"]


@pytest.mark.parametrize(("scores", "message"), [
    (MOU + "\n    scores: {community_after_funding: {comprehensive: 2, clear: 2}}",
     "scores community_after_funding, which areas does not list; add it to areas or remove "
     "its score"),
    (MOU + "\n    scores: {roles: {comprehensive: 4, clear: 2}}",
     "less than or equal to 3"),
    (MOU + "\n    scores: {roles: {comprehensive: 2, clear: 2, colour: red}}",
     "unknown field; valid fields are clear, comprehensive, note"),
])
def test_bad_scores_are_refused_with_where_and_why(tmp_path: Path, scores: str,
                                                   message: str) -> None:
    result = loader.check([scored_demo(tmp_path, scores)])
    assert not result.ok
    said = [(p.section, p.index, p.record_id, p.field, p.reason) for p in result.problems]
    assert any(section == "agreements" and index == 1 and rid == "ag-tessera-mou"
               and (field or "").startswith("scores") and message in reason
               for section, index, rid, field, reason in said), said


def test_scores_round_trip_through_the_csv_form(tmp_path: Path) -> None:
    from kb.ingest.generate import write_csv

    doc = yaml.safe_load(scored_demo(tmp_path).read_text())
    write_csv(doc, tmp_path / "csv")
    cell = (tmp_path / "csv" / "agreements.csv").read_text()
    assert '"roles=3/3;code_after_funding=1/2/one line, no plan"' in cell
    result = loader.check([tmp_path / "csv"])
    assert result.ok, [p.reason for p in result.problems]
    mou = next(g for g in result.sources[0].sections["agreements"]
               if g["id"] == "ag-tessera-mou")
    assert {str(k): dict(v) for k, v in mou["scores"].items()} == {
        "roles": {"comprehensive": 3, "clear": 3, "note": None},
        "code_after_funding": {"comprehensive": 1, "clear": 2, "note": "one line, no plan"}}
