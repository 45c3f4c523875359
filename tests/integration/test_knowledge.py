"""Unknown is not none: what no source records is unknown, scored as such and said so.
Every expected figure is worked out by hand in the comments (reliance points are
25 * ln(1 + actors) / ln(21): 9.02 for 2 actors, 5.69 for 1)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

from kb import analysis
from kb.ingest import imports, loader
from kb.report import audit, render
from tests.conftest import EXAMPLES

FIX = Path(__file__).resolve().parent.parent / "fixtures"
DAY = "2026-06-15"
LIB = "https://github.com/example/lib"


def rows(driver: Any, settings: Any, **kw: Any) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in analysis.risk(driver, DAY, settings=settings, **kw)
            .data["components"]}


def test_unrecorded_funding_and_maintenance_are_unknown(empty_kb, settings) -> None:
    loader.load(empty_kb, [FIX / "unknowns.yaml"], settings=settings)
    r = rows(empty_kb, settings)
    lib = r[LIB]  # 20 (funding unknown) + 9.02 + 15 (maintenance unknown) = 44.02
    assert (lib["risk_score"], lib["risk_level"], lib["confidence"]) == (44, "medium", "low")
    assert lib["reasons"] == ["funding_unknown", "maintenance_unknown"]
    assert lib["unknown"] == ["funding", "maintenance"]
    assert not lib["hollow_core"] and lib["free_riders"] == [] and lib["shared"]
    core = r["app-core"]  # funded (0) + 9.02 + one maintainer 12 + volunteer 10 + riders 5
    assert (core["risk_score"], core["confidence"], core["unknown"]) == (36, "high", [])
    assert core["reasons"] == ["single_maintainer", "volunteer_only", "free_riders"]
    widget = r["widget"]  # 20 + 5.69 + 15 = 40.69
    assert (widget["risk_score"], widget["shared"]) == (41, False)
    assert list(r) == [LIB, "widget", "app-core"]
    both = analysis.risk(empty_kb, DAY, settings=settings, engine="cypher").data
    assert both["components"] == list(r.values())


def test_a_file_that_covers_what_it_lists_turns_silence_into_evidence(
        empty_kb, settings, tmp_path: Path) -> None:
    text = (FIX / "unknowns.yaml").read_text().replace(
        "ecosystem: {id: unknowns, name: Unknowns fixture}",
        "ecosystem: {id: unknowns, name: Unknowns fixture, covers: [funding, maintenance]}")
    f = tmp_path / "covered.yaml"
    f.write_text(text)
    loader.load(empty_kb, [f], settings=settings)
    r = rows(empty_kb, settings)
    lib = r[LIB]  # 40 (unfunded) + 9.02 + 30 (no maintainer) + 5 (free riders o1, o2) = 84
    assert (lib["risk_score"], lib["risk_level"], lib["confidence"]) == (84, "critical", "high")
    assert lib["reasons"] == ["unfunded", "no_maintainer", "free_riders"]
    assert lib["hollow_core"] and lib["free_riders"] == ["o1", "o2"]
    assert r["widget"]["risk_score"] == 81  # 40 + 5.69 + 30 + 5 = 80.69


def test_a_git_history_moves_a_repository_from_unknown_to_known(
        empty_kb, settings, tmp_path: Path) -> None:
    loader.load(empty_kb, [FIX / "unknowns.yaml"], settings=settings)
    assert rows(empty_kb, settings)[LIB]["maintenance_known"] is False
    repo = tmp_path / "lib"
    repo.mkdir()

    def git(*args: str, when: str | None = None) -> None:
        env = {**os.environ, **({"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
                                if when else {})}
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                       env=env)

    git("init", "-q")
    git("remote", "add", "origin", "https://github.com/Example/lib.git")
    for i, (who, day) in enumerate([("Ana <ana@x.org>", "2026-03-01"),
                                    ("Ana <ana@x.org>", "2026-03-02"),
                                    ("Bo <bo@x.org>", "2026-04-01"),
                                    ("Cy <cy@x.org>", "2026-05-01")]):
        (repo / f"f{i}").write_text(str(i))
        git("add", f"f{i}")
        git("-c", "user.name=c", "-c", "user.email=c@x.org", "commit", "-q", "-m", "x",
            "--author", who, when=f"{day}T10:00:00+00:00")
    done = imports.run(empty_kb, "git-log", [repo], mapping={"as_of": DAY}, settings=settings)
    assert done.report.as_dict()["totals"]["created"] == 6  # 3 actors, 3 maintenance records
    lib = rows(empty_kb, settings)[LIB]
    # Funding still unknown (20) + 9.02 + three maintainers (0) + volunteers only (10) = 39
    assert (lib["maintenance_known"], lib["maintainers"], lib["risk_score"]) == (True, 3, 39)
    assert lib["reasons"] == ["funding_unknown", "volunteer_only"]
    assert lib["confidence"] == "medium" and lib["unknown"] == ["funding"]
    comp = {c["component"]: c
            for c in analysis.unknowns(empty_kb, DAY, settings).data["unknowns"]}
    assert comp[LIB]["unknown"] == ["funding"]


def test_coverage_figures_and_what_to_find_out_next(empty_kb, settings) -> None:
    loader.load(empty_kb, [FIX / "unknowns.yaml"], settings=settings)
    risk = analysis.risk(empty_kb, DAY, settings=settings).data
    # Shared: lib and app-core. Known: app-core's maintenance and funding. Reliances: 2 + 2,
    # of which lib's 2 rest on unknowns.
    assert risk["coverage"] == {
        "shared_components": 2, "maintenance_known": 1, "maintenance_known_share": 0.5,
        "funding_known": 1, "funding_known_share": 0.5, "reliance": 4,
        "reliance_on_unknown": 2, "reliance_on_unknown_share": 0.5}
    nxt = analysis.unknowns(empty_kb, DAY, settings).data["unknowns"]
    assert [(u["component"], u["unknown"]) for u in nxt] == [(LIB, ["funding", "maintenance"])]
    assert nxt[0]["settle_with"][1].startswith("maintenance: a maintenance record, its "
                                               "MAINTAINERS or CODEOWNERS file")


def test_an_audit_without_ties_says_no_data(empty_kb, settings) -> None:
    loader.load(empty_kb, [FIX / "unknowns.yaml"], settings=settings)
    a = audit.build(empty_kb, DAY, settings=settings)
    stage = a["summary"]["health"]["network_stage"]
    assert stage == {"status": "no_data", "detail": "no tie is recorded and no source covers "
                     "ties: the stage is unknown"}
    assert a["summary"]["health"]["hollow_core"]["status"] == "no_data"
    assert "No data: no tie is recorded and no source covers ties." in render.markdown(a)
    assert [u["component"] for u in a["find_out_next"]] == [LIB]
    assert "No data: no tie between actors is recorded" in render.html(a)


def test_the_demo_which_covers_everything_keeps_its_verdicts(empty_kb, settings) -> None:
    loader.load(empty_kb, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    risk = analysis.risk(empty_kb, "2026-11-22", settings=settings).data
    assert all(c["confidence"] == "high" for c in risk["components"])
    a = audit.build(empty_kb, "2026-11-22", settings=settings)
    assert a["summary"]["health"]["network_stage"]["status"] != "no_data"
    assert a["find_out_next"] == []


def test_an_ivn_member_without_a_recorded_agreement_is_unknown_unless_covered(
        empty_kb, settings, tmp_path: Path) -> None:
    base = (FIX / "unknowns.yaml").read_text() + (
        "involvement:\n  - {actor: v1, product: p1, develops: true}\n")
    f = tmp_path / "ivn.yaml"
    f.write_text(base)
    loader.load(empty_kb, [f], settings=settings)
    gaps = analysis.ivn(empty_kb, "p1", DAY, settings).data["gaps"]
    assert [(g["kind"], g["actor"]) for g in gaps] == [("agreement_unknown", "v1")]
    f.write_text(base.replace("name: Unknowns fixture}",
                              "name: Unknowns fixture, covers: [agreements]}"))
    loader.load(empty_kb, [f], settings=settings)
    gaps = analysis.ivn(empty_kb, "p1", DAY, settings).data["gaps"]
    assert [(g["kind"], g["actor"]) for g in gaps] == [("no_agreement", "v1")]
