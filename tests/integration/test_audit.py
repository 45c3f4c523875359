"""The sustainability audit of the demo: findings, schema, HTML, PDF, history."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from kb.errors import KBError
from kb.ingest import loader
from kb.report import audit, history
from kb.report import render as report
from kb.store import schema
from tests.conftest import EXAMPLES

DAY = "2026-11-22"
SCHEMA = json.loads((Path(audit.__file__).parent / "audit_schema.json").read_text())


@pytest.fixture(scope="module")
def demo_audit(driver, settings):  # type: ignore[no-untyped-def]
    schema.reset(driver, settings)
    loader.load(driver, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    return audit.build(driver, DAY, settings=settings)


def test_findings_by_name(demo_audit) -> None:  # type: ignore[no-untyped-def]
    a = demo_audit
    assert [c["id"] for c in a["hollow_core"]] == [
        "reporting-module", "json-codec", "rest-api", "fhir-adapter", "form-engine"]
    assert [c["id"] for c in a["funding_cliffs"]] == ["sync-service", "emr-platform"]
    assert a["summary"]["health"]["hollow_core"]["status"] == "critical"
    assert a["summary"]["health"]["network_stage"]["status"] == "warning"
    assert len(a["summary"]["urgent"]) == 5
    assert a["summary"]["urgent"][0]["id"] == "hollow_core:reporting-module"
    assert a["funding_topology"]["classification"] == "hub_and_spoke"
    assert a["power"]["decided_alone"][0]["decision"] == "d-hosting"
    codec = next(c for c in a["hollow_core"] if c["id"] == "json-codec")
    assert codec["maintainers"] == [{"actor": "volunteers", "role": "contributor",
                                     "paid": False, "since": "2016-02-01", "until": None}]
    assert codec["direct_products"] == [] and codec["reliant_products"] == [
        "clinic-dashboard", "district-hmis", "ebola-emr"]
    ebola = next(p for p in a["products"] if p["product"] == "ebola-emr")
    assert ebola["agreement_coverage"] == {"members": 7, "with_agreement": 2,
                                           "share": pytest.approx(2 / 7)}


def test_recommendations_name_actors_and_say_how(demo_audit) -> None:  # type: ignore[no-untyped-def]
    recs = {r["finding"]: r for r in demo_audit["recommendations"]}
    grant = recs["agreement_missing:ag-ghrf-grant"]
    assert grant["actors"] == ["ghrf", "relief-ngo"]
    assert "code_after_funding and community_after_funding" in grant["action"]
    assert recs["no_maintainer:reporting-module"]["actors"] == ["cloudclinic", "northfield-uni"]
    assert all(r["derivation"] for r in demo_audit["recommendations"])


def test_the_asks_are_ranked_with_cost_and_effect(demo_audit) -> None:  # type: ignore[no-untyped-def]
    """By hand, on the demo (2026-11-22, a 12-month window of 365 days, the default cost of
    50,000 a year): json-codec and rest-api are hollow cores that the same six actors rely on
    and nobody funds. A 12-month grant funds each through 2027-11-21, the day before the
    window ends: funded with a cliff (20 points) instead of unfunded (40) on every day, so
    each removes 6 actors x 20 = 120, together 240 for 100,000: the best value. fhir-adapter,
    form-engine and reporting-module (two free riders each) remove 2 x 20 = 40 for 50,000.
    sync-service's relying actors all fund or maintain something: its ask goes to the funder
    of the products relying on it, atlantic-bank."""
    asks = demo_audit["asks"]
    assert asks["budget"] is None and asks["months"] == 12 and asks["horizon_days"] == 365
    top = asks["asks"][0]
    assert top["rank"] == 1 and top["components"] == ["json-codec", "rest-api"]
    assert top["actors"] == ["cloudclinic", "kampala-leads", "lakeside-school", "moh-sl",
                             "northfield-uni", "relief-ngo"]
    assert top["cost"] == 100_000 and top["risk_removed"] == pytest.approx(240)
    assert top["months"] == [12, 12]
    by_comp = {tuple(x["components"]): x for x in asks["asks"]}
    for c in ("fhir-adapter", "form-engine", "reporting-module"):
        assert by_comp[(c,)]["cost"] == 50_000
        assert by_comp[(c,)]["risk_removed"] == pytest.approx(40)
    sync = by_comp[("sync-service",)]
    assert sync["actors"] == [] and sync["funders_to_ask"] == ["atlantic-bank"]
    # Ranked by risk removed per unit of money; totals add up; nothing left over.
    values = [x["risk_removed"] / x["cost"] for x in asks["asks"]]
    assert values == sorted(values, reverse=True)
    assert asks["cost"] == sum(x["cost"] for x in asks["asks"])
    assert asks["risk_removed"] == pytest.approx(sum(x["risk_removed"] for x in asks["asks"]))
    assert asks["count"] == len(asks["asks"]) and asks["more"]["asks"] == 0
    # One recommendation per ask, first; each hollow core's finding points to its ask.
    recs = demo_audit["recommendations"]
    assert [r["finding"] for r in recs[:len(asks["asks"])]] == [
        f"ask:{x['rank']}" for x in asks["asks"]]
    assert recs[0]["action"].startswith("Ask cloudclinic, kampala-leads, lakeside-school, "
                                         "moh-sl, northfield-uni, relief-ngo to fund json-codec,"
                                         " rest-api for 12 months: 100,000.00 USD, removing "
                                         "240.0")
    sync_rec = next(r for r in recs[:len(asks["asks"])] if r["components"] == ["sync-service"])
    assert sync_rec["actors"] == ["atlantic-bank"]
    findings = {f["id"]: f for f in demo_audit["findings"]}
    assert findings["hollow_core:json-codec"]["recommendation"].startswith(
        "Ask 1 of 6: 100,000.00 USD for json-codec, rest-api removes 240.0")


def test_a_budget_ranks_the_asks_within_it(demo_audit, driver, settings) -> None:  # type: ignore[no-untyped-def]
    """With 100,000: the best value is the two grants of the first ask (240 for 100,000),
    which spends it all."""
    whole = audit.build(driver, DAY, settings=settings, budget=100_000)
    a = whole["asks"]
    assert a["budget"] == 100_000 and a["cost"] <= 100_000
    findings = {f["id"]: f["recommendation"] for f in whole["findings"]}
    assert findings["hollow_core:fhir-adapter"] == (
        "Not among the grants chosen within the budget of 100,000.00 USD.")
    assert [x["components"] for x in a["asks"]] == [["json-codec", "rest-api"]]
    assert a["risk_removed"] == pytest.approx(240)


def test_json_matches_its_schema(demo_audit) -> None:  # type: ignore[no-untyped-def]
    jsonschema.validate(json.loads(report.to_json(demo_audit)), SCHEMA)


def test_html_has_every_section_and_three_svg_charts(demo_audit) -> None:  # type: ignore[no-untyped-def]
    page = report.html(demo_audit)
    # Four numbered parts, then the appendix lettered A to H.
    labels = [f"{i}. {t}" for i, t in enumerate(report.SECTIONS[:report.APPENDIX_FROM], 1)]
    labels += [f"{chr(ord('A') + i)}. {t}"
               for i, t in enumerate(report.SECTIONS[report.APPENDIX_FROM:])]
    assert labels[4] == "A. Hollow cores" and labels[-1] == "H. What to find out next"
    positions = [page.index(label) for label in labels]
    assert positions == sorted(positions)  # in order
    assert len(re.findall(r"<svg\b", page)) >= 3
    assert not re.search(r'(src|href)="https?://', page)  # self-contained: nothing to fetch
    assert "<script" not in page


def test_markdown_and_csv(demo_audit) -> None:  # type: ignore[no-untyped-def]
    md = report.markdown(demo_audit)
    assert md.startswith("# Sustainability audit, 2026-11-22")
    assert "## Recommendations" in md and "**json-codec**" in md
    rows = report.to_csv(demo_audit).splitlines()
    assert rows[0] == ",".join(report.CSV_COLUMNS)
    assert len(rows) == 1 + len(demo_audit["findings"])


def test_pdf_has_pages_that_render(demo_audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "audit.pdf"
    report.pdf(demo_audit, out)
    assert out.read_bytes()[:5] == b"%PDF-"
    assert shutil.which("pdftoppm"), "make setup installs poppler-utils"
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(out),
                    str(tmp_path / "page")], check=True)
    # pdftoppm pads the page number to the width of the page count (page-1, page-01...).
    (first,) = tmp_path.glob("page-*1.png")
    assert first.stat().st_size > 5000
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert pages >= 3
    assert summary_pages(out) <= 4


def summary_pages(pdf: Path) -> int:
    """The pages before the one where part 2 (the asks) starts: the summary's length."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.split("\f")
    return next(i for i, page in enumerate(pages) if "2. Asks and next steps" in page)


def test_a_large_audit_is_a_short_report(demo_audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The demo's audit with every list made 40 times longer (copies with new ids), as a large
    ecosystem gives: the summary stays within 4 pages and the appendix tables hold many
    rows a page (hollow cores: 200 in the audit, 50 listed)."""
    import copy

    big = copy.deepcopy(demo_audit)
    for key in ("hollow_core", "funding_cliffs", "free_riders", "find_out_next"):
        items = big[key]
        big[key] = [{**x, **({"id": f"{x['id']}-{k}"} if "id" in x else {})}
                    for k in range(40) for x in items]
    big["products"] = [{**p, "product": f"{p['product']}-{k}"} for k in range(40)
                       for p in big["products"]]
    out = tmp_path / "big.pdf"
    report.pdf(big, out)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert summary_pages(out) <= 4
    assert pages <= 25, pages
    html = report.html(big)
    assert html.count('<tr id="c-') == report.REPORT_LIMIT
    assert "... and 150 more hollow cores (the first 50 of 200 are shown" in html


def test_diff_of_two_saved_audits_reports_exactly_the_changed_funding(
        driver, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    schema.reset(driver, settings)
    demo = EXAMPLES / "ebola-emr.yaml"
    loader.load(driver, [demo], settings=settings)
    first = history.save(driver, audit.build(driver, DAY, settings=settings), settings)
    # Extend the ministry's maintenance contract for the sync service by two years.
    changed = tmp_path / "changed.yaml"
    text = demo.read_text()
    old = "start: 2026-01-01, end: 2026-12-31, kind: contract, purpose: maintenance"
    assert text.count(old) == 1
    changed.write_text(text.replace(old, old.replace("2026-12-31", "2028-12-31")))
    report_ = loader.load(driver, [changed], settings=settings)
    assert report_.total("updated") == 1
    second = history.save(driver, audit.build(driver, DAY, settings=settings), settings)
    assert [a["id"] for a in history.saved(driver, settings)] == [second, first]
    d = history.diff(history.load_saved(driver, first, settings),
                   history.load_saved(driver, second, settings))
    # sync-service: paid maintenance still ends 2026-12-31, but the contract now runs to
    # 2028-12-31, so the cliff (2027-01-01) disappears and the score drops by the 20 cliff
    # points: 38 -> 18.
    assert d["cliffs_moved"] == [{"component": "sync-service", "from": "2027-01-01",
                                  "to": None}]
    assert d["score_changes"] == [{"component": "sync-service", "from": 38, "to": 18}]
    for key in ("new_hollow_cores", "resolved_hollow_cores", "agreements_added",
                "agreements_removed", "agreements_expired", "components_added",
                "components_removed"):
        assert d[key] == [], key


def test_what_no_source_records_is_no_data_not_good(driver, settings) -> None:  # type: ignore[no-untyped-def]
    """tests/fixtures/unknowns.yaml records no agreement and no decision, and covers nothing:
    of its two shared components (lib, app-core) only app-core's funding is known (f-core).
    The audit judges none of these areas good."""
    schema.reset(driver, settings)
    loader.load(driver, [Path(__file__).parent.parent / "fixtures" / "unknowns.yaml"],
                settings=settings)
    health = audit.build(driver, "2026-06-15", settings=settings)["summary"]["health"]
    assert health["agreements"] == {"status": "no_data", "detail": "no agreement is recorded"}
    assert health["power"] == {"status": "no_data", "detail": "no decision is recorded"}
    # app-core's funding ends 2026-12-31, inside the 12-month window, 199 days on.
    assert health["funding"] == {
        "status": "warning",
        "detail": "1 cliff(s) in the window, 0 within 90 days; funding is horizontal; funding "
                  "known for 1 of 2 shared component(s)"}


def test_the_trend_of_saved_audits(driver, settings, kb_cli) -> None:  # type: ignore[no-untyped-def]
    """By hand from examples/ebola-emr.yaml. Seven components are shared (relied on by two
    actors or more; sync-service only by moh-sl). On 2026-11-22 five are hollow cores, all
    critical (json-codec 83, rest-api 83, reporting-module 84, form-engine and fhir-adapter 76);
    emr-platform and concept-dictionary are funded: 2 of 7. On 2027-03-01 the commons'
    maintenance grant and tessera's paid maintenance of emr-platform have ended (2027-01-31):
    it is a sixth hollow core, critical at 78 (40 unfunded + 11.4 for its 3 relying owners + 12
    for one maintainer + 10 volunteer-only + 5 free riders); 1 of 7 is funded. sync-service
    is critical too, though not shared: its contract and tessera's paid maintenance ended on
    2026-12-31 (40 unfunded + 5.7 for moh-sl alone + 30 no maintainer + 5 free rider = 81).
    The
    file covers funding and maintenance, so both are known for every shared component."""
    schema.reset(driver, settings)
    loader.load(driver, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    later = history.save(driver, audit.build(driver, "2027-03-01", settings=settings), settings)
    first = history.save(driver, audit.build(driver, DAY, settings=settings), settings)
    points = history.trend(driver, settings)
    assert [p["id"] for p in points] == [first, later]  # by audit day, not by save time
    assert [(p["as_of"], p["hollow_cores"], p["critical"], p["funding_known_share"],
             p["maintenance_known_share"]) for p in points] == [
        (DAY, 5, 5, 1.0, 1.0), ("2027-03-01", 6, 7, 1.0, 1.0)]
    assert [p["funded_share"] for p in points] == [pytest.approx(2 / 7, abs=1e-4),
                                                   pytest.approx(1 / 7, abs=1e-4)]
    table = kb_cli("audit", "trend").stdout.splitlines()
    assert table[1].startswith(f"{DAY}       5         5           100%               100%"
                               "     29%")
    assert table[2].startswith("2027-03-01       6         7           100%")
    svg = kb_cli("audit", "trend", "--format", "svg").stdout
    assert svg.startswith("<svg") and "Saved audits over time" in svg


def test_cli_audit_formats_and_diff(kb_cli, driver, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    schema.reset(driver, settings)
    kb_cli("load", str(EXAMPLES / "ebola-emr.yaml"))
    out = tmp_path / "a.html"
    res = kb_cli("audit", "--as-of", DAY, "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert out.read_text().count("<svg") >= 3
    js = json.loads(kb_cli("audit", "--as-of", DAY, "--format", "json").stdout)
    assert js["schema"] == "valuenet-audit/1"
    none = kb_cli("audit", "diff")
    assert none.returncode == 1 and "need two saved audits to compare, have 0" in none.stderr
    assert kb_cli("audit", "--as-of", DAY, "--format", "csv", "--save").returncode == 0
    assert kb_cli("audit", "--as-of", DAY, "--format", "csv", "--save").returncode == 0
    diff = kb_cli("audit", "diff")
    assert diff.returncode == 0 and diff.stdout.splitlines()[1] == "no changes"
    listing = kb_cli("audit", "list").stdout.splitlines()
    assert len(listing) == 2 and "as of 2026-11-22" in listing[0]
    bad = kb_cli("audit", "diff", "nope", "nada")
    assert bad.returncode == 2 and "no saved audit 'nope'" in bad.stderr
    pdf = kb_cli("audit", "--format", "pdf")
    assert pdf.returncode == 1 and "PDF output needs --out PATH" in pdf.stderr


def test_long_lists_are_cut_in_the_reports_and_the_json_keeps_them(demo_audit) -> None:  # type: ignore[no-untyped-def]
    import copy

    before = copy.deepcopy(demo_audit)
    hollow = [c["id"] for c in demo_audit["hollow_core"]]
    recs = demo_audit["recommendations"]
    assert len(hollow) >= 2 and len(recs) >= 2  # the demo has enough to cut at one
    md = report.markdown(demo_audit, limit=1)
    # one hollow-core entry (the most urgent), and a line naming the rest
    assert f"**{hollow[0]}**" in md and not any(f"**{h}**" in md for h in hollow[1:])
    assert (f"_... and {len(hollow) - 1:,} more hollow cores (the first 1 of {len(hollow):,} "
            "are shown; the JSON format of the audit lists all)_") in md
    kinds = {r["kind"] for r in recs}  # one of each kind is kept
    assert len(recs) > len(kinds)
    assert (f"_... and {len(recs) - len(kinds):,} more recommendations (the first 1 of each "
            "kind are shown; the JSON format of the audit lists all)_") in md
    assert all(f"1. {next(r for r in recs if r['kind'] == k)['action']}" in md for k in kinds)
    page = report.html(demo_audit, limit=1)
    assert page.count('<tr id="c-') == 1
    assert f"... and {len(hollow) - 1:,} more hollow cores" in page
    # the defaults cut nothing on the demo, and the audit itself is left whole
    assert "more hollow cores" not in report.markdown(demo_audit)
    assert 'class="muted more"' not in report.html(demo_audit)
    assert demo_audit == before


def _fake_chromium(tmp_path: Path, body: str) -> str:
    script = tmp_path / "chromium"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(0o755)
    return str(script)


def test_a_pdf_chromium_does_not_write_is_a_clear_error(demo_audit, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         monkeypatch) -> None:
    # Stand-ins for Chromium failing: kb's handling of the failure is what is tested.
    out = tmp_path / "audit.pdf"
    monkeypatch.setenv("KB_CHROMIUM", _fake_chromium(
        tmp_path, "echo '[1122/1:ERROR:crashpad/file_io_posix.cc:145] open failed' >&2"))
    with pytest.raises(KBError) as err:
        report.pdf(demo_audit, out)
    assert err.value.message == "Chromium could not print the PDF (exit 0)"
    assert err.value.hint == "Write the report with --format html and print it from a browser."
    monkeypatch.setenv("KB_CHROMIUM", _fake_chromium(
        tmp_path, "echo 'Fontconfig error: no fonts' >&2; echo 'crashpad noise' >&2; exit 3"))
    with pytest.raises(KBError) as err:
        report.pdf(demo_audit, out)
    assert err.value.message == "Chromium could not print the PDF (exit 3)"
    assert err.value.hint == ("Chromium said: Fontconfig error: no fonts\n"
                              "Write the report with --format html and print it from a browser.")
    assert not out.exists()


def test_a_pdf_that_takes_too_long_is_a_clear_error(demo_audit, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    monkeypatch) -> None:
    monkeypatch.setenv("KB_CHROMIUM", _fake_chromium(tmp_path, "exec sleep 30"))
    monkeypatch.setattr(report, "PDF_TIMEOUT", 1)
    with pytest.raises(KBError) as err:
        report.pdf(demo_audit, tmp_path / "audit.pdf")
    assert err.value.message == "Chromium did not finish printing the PDF within 1 s"
    assert err.value.hint == "Write the report with --format html and print it from a browser."
