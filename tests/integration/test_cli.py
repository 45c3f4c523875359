"""The `kb` command as a user runs it: messages, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kb import analysis
from tests.conftest import EXAMPLES, ROOT

DEMO = str(EXAMPLES / "ebola-emr.yaml")


def test_status_reports_version_uri(kb_cli, neo4j_env) -> None:
    res = kb_cli("neo4j", "status", "--json")
    assert res.returncode == 0, res.stderr
    info = json.loads(res.stdout)
    assert info["version"].startswith("5.26.")
    assert info["uri"] == neo4j_env["NEO4J_URI"]


def test_load_reports_counts_then_nothing_created(kb_cli, empty_kb) -> None:
    first = kb_cli("load", DEMO, "--format", "json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["totals"]["created"] == 81
    second = json.loads(kb_cli("load", DEMO, "--format", "json").stdout)
    assert second["totals"] == {"created": 0, "updated": 0, "unchanged": 81, "pruned": 0}


def test_bad_file_lists_every_problem_without_traceback(kb_cli, empty_kb,
                                                        tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: valuenet/1\necosystem: {id: b, name: B}\n"
                   "actors:\n  - {id: a, name: A, kind: alien}\n"
                   "fundings:\n  - {id: f, from: a, to: ghost, kind: grant, purpose: maintenance,"
                   " amount: -1, start: 2025-02-30}\n")
    res = kb_cli("load", str(bad))
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert res.stderr.startswith("error: 4 problems found; nothing was written:")
    assert f"{bad}: actors[0] (id=a) field 'kind': input should be 'individual'" in res.stderr
    assert f"{bad}: fundings[0] (id=f) field 'amount': must not be negative, got -1" in res.stderr
    assert f"{bad}: fundings[0] (id=f) field 'start': not a valid YYYY-MM-DD date" in res.stderr
    assert f"{bad}: fundings[0] (id=f) field 'to': unknown id 'ghost'" in res.stderr
    assert res.stderr.rstrip().endswith("Fix them and run the command again.")
    assert kb_cli("neo4j", "status", "--json").stdout.count('"nodes": 0') == 1


def test_unreachable_server_gives_one_clear_line_and_exit_2(kb_cli) -> None:
    res = kb_cli("load", DEMO, env={"NEO4J_URI": "bolt://127.0.0.1:1"})
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    first = res.stderr.splitlines()[0]
    assert first.startswith("error: cannot reach Neo4j at bolt://127.0.0.1:1")
    assert res.stderr.splitlines()[1] == "Check that the server runs and NEO4J_URI is right."


def test_wrong_password_is_named(kb_cli) -> None:
    res = kb_cli("neo4j", "status", env={"NEO4J_PASSWORD": "not-the-password"})
    assert res.returncode == 2
    assert "refused user 'neo4j'" in res.stderr and "Traceback" not in res.stderr


def test_reset_asks_and_yes_skips(kb_cli, empty_kb) -> None:
    kb_cli("load", DEMO)
    refused = kb_cli("reset")
    assert refused.returncode == 1 and "pass --yes" in refused.stderr
    done = kb_cli("reset", "--yes")
    assert done.returncode == 0 and done.stdout.startswith("deleted 43 nodes")


def test_export_is_deterministic(kb_cli, empty_kb, tmp_path: Path) -> None:
    kb_cli("load", DEMO)
    a, b = kb_cli("export").stdout, kb_cli("export", "--format", "yaml").stdout
    assert a == b and a.startswith("format: valuenet/1\n")
    out = tmp_path / "x.json"
    assert kb_cli("export", "--out", str(out)).returncode == 0
    assert json.loads(out.read_text())["ecosystem"]["id"] == "ebola-emr"


def test_schema_command_prints_json_schema(kb_cli) -> None:
    res = kb_cli("schema")
    schema = json.loads(res.stdout)
    assert schema["properties"]["format"]["const"] == "valuenet/1"
    assert "fundings" in schema["properties"]


def test_risk_json_shape_and_order(kb_cli, empty_kb) -> None:
    kb_cli("load", DEMO)
    res = kb_cli("risk", "--as-of", "2026-11-22", "--format", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert (data["as_of"], data["horizon_days"], data["without"]) == ("2026-11-22", 180, [])
    keys = {"id", "name", "reliant_products", "reliant_actors", "shared", "funded", "funders",
            "funded_until", "cliff_date", "maintainers", "paid_maintainers", "hollow_core",
            "free_riders", "risk_score", "risk_level", "reasons"}
    assert all(keys <= set(c) for c in data["components"])
    scores = [c["risk_score"] for c in data["components"]]
    assert scores == sorted(scores, reverse=True) and len(scores) == 8


def test_risk_csv_and_what_if(kb_cli, empty_kb) -> None:
    kb_cli("load", DEMO)
    csv_out = kb_cli("risk", "--as-of", "2026-11-22", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("id,name,risk_score,risk_level")
    assert len(csv_out) == 9
    res = kb_cli("risk", "--as-of", "2026-11-22", "--without", "ghrf", "--format", "json")
    assert json.loads(res.stdout)["without"] == ["ghrf"]
    # --withdraw is the same option: the same answer.
    same = kb_cli("risk", "--as-of", "2026-11-22", "--withdraw", "ghrf", "--format", "json")
    assert json.loads(same.stdout) == json.loads(res.stdout)


def test_withdraw_and_leave_differ_where_the_actor_maintains_code(kb_cli, empty_kb) -> None:
    kb_cli("load", DEMO)

    def answer(*args: str) -> dict:  # type: ignore[type-arg]
        res = kb_cli("risk", "--as-of", "2026-11-22", *args, "--format", "json")
        assert res.returncode == 0, res.stderr
        return json.loads(res.stdout)  # type: ignore[no-any-return]

    # By hand: tessera grants nothing, and both of its paid records name the fundings that
    # pay them (f-sub-tessera, f-moh-sync), so withdrawing its money changes nothing...
    assert answer("--withdraw", "tessera")["what_if"]["changes"] == []
    # ...but when it leaves, its maintenance goes: sync-service keeps no maintainer and
    # emr-platform keeps emr-community alone, a volunteer.
    left = answer("--leave", "tessera")
    rows = {c["id"]: c for c in left["components"]}
    assert [c["id"] for c in left["what_if"]["changes"]] == ["sync-service", "emr-platform"]
    assert rows["sync-service"]["maintainers"] == 0 and "no_maintainer" in rows[
        "sync-service"]["reasons"]
    assert (rows["emr-platform"]["maintainers"], rows["emr-platform"]["paid_maintainers"]) == (
        1, 0)
    assert all(c["delta"] == c["score_after"] - c["score_before"] > 0
               for c in left["what_if"]["changes"])
    table = kb_cli("risk", "--as-of", "2026-11-22", "--leave", "tessera")
    assert "if tessera left" in table.stdout
    b, a = left["what_if"]["before"], left["what_if"]["after"]
    assert (f"what-if: hollow cores {b['hollow_cores']} -> {a['hollow_cores']}, critical "
            f"{b['critical']} -> {a['critical']}, reliance exposed {b['reliance_exposed']} -> "
            f"{a['reliance_exposed']}; 2 component(s) changed") in table.stderr
    bad = kb_cli("risk", "--leave", "nobody")
    assert bad.returncode == 2 and bad.stderr.startswith("error: unknown actor 'nobody'")


def test_risk_outputs_of_a_large_ecosystem(kb_cli, empty_kb, tmp_path: Path) -> None:
    """JSON, JSON Lines and CSV hold the 1,000 most urgent components unless --limit says
    otherwise; the count of all of them is given. 1,100 components are generated."""
    from kb.ingest.generate import generate

    eco = tmp_path / "eco.json"
    eco.write_text(json.dumps(generate(1100, 5)))
    assert kb_cli("load", str(eco)).returncode == 0
    top = kb_cli("risk", "--as-of", "2026-11-22", "--format", "json")
    assert top.returncode == 0, top.stderr
    data = json.loads(top.stdout)
    assert len(data["components"]) == 1000 and data["total_components"] == 1100
    assert "showing the 1,000 most urgent of 1,100 components; --limit 0 shows all" in top.stderr
    full = json.loads(kb_cli("risk", "--as-of", "2026-11-22", "--format", "json",
                             "--limit", "0").stdout)
    assert len(full["components"]) == 1100 and full["components"][:1000] == data["components"]
    lines = kb_cli("risk", "--as-of", "2026-11-22", "--format", "jsonl", "--limit", "0")
    assert lines.returncode == 0 and lines.stderr == ""
    head, *rows = [json.loads(x) for x in lines.stdout.splitlines()]
    assert head == {k: v for k, v in full.items() if k != "components"}
    assert rows == full["components"]
    # Counts by default; --ids adds who relies on each component, as the analysis gives it.
    assert not any("reliant_product_ids" in c or "reliant_actor_ids" in c for c in rows)
    with_ids = json.loads(kb_cli("risk", "--as-of", "2026-11-22", "--format", "json",
                                 "--limit", "0", "--ids").stdout)["components"]
    direct = analysis.risk(empty_kb, "2026-11-22").rows
    assert [(c["id"], c["reliant_product_ids"], c["reliant_actor_ids"]) for c in with_ids] == [
        (c["id"], c["reliant_product_ids"], c["reliant_actor_ids"]) for c in direct]
    assert all(len(c["reliant_actor_ids"]) == c["reliant_actors"] for c in with_ids)
    assert [{k: v for k, v in c.items() if not k.endswith("_ids")} for c in with_ids] == rows
    csv_rows = kb_cli("risk", "--as-of", "2026-11-22", "--format", "csv").stdout.splitlines()
    assert len(csv_rows) == 1 + 1000
    ten = kb_cli("risk", "--as-of", "2026-11-22", "--format", "jsonl", "--limit", "10")
    assert len(ten.stdout.splitlines()) == 11
    assert [json.loads(x)["id"] for x in ten.stdout.splitlines()[1:]] == [
        c["id"] for c in full["components"][:10]]


def test_risk_limit_keeps_the_most_urgent(kb_cli, empty_kb) -> None:
    kb_cli("load", DEMO)
    full = json.loads(kb_cli("risk", "--as-of", "2026-11-22", "--format", "json").stdout)
    top = json.loads(kb_cli("risk", "--as-of", "2026-11-22", "--limit", "3",
                            "--format", "json").stdout)
    assert top["components"] == full["components"][:3]
    table = kb_cli("risk", "--as-of", "2026-11-22", "--limit", "3")
    assert table.returncode == 0
    shared = [c for c in full["components"] if c["reliant_actors"] >= 2]
    reliances = sum(c["reliant_actors"] for c in shared)
    coverage = (f"Coverage of {len(shared)} shared components: maintenance known for "
                f"{len(shared)} (100%), funding for {len(shared)} (100%); 0 of {reliances} "
                "reliances (0%) rest on unknowns (kb analyze unknowns: what to find out next)")
    assert table.stderr.strip().splitlines() == [
        "showing the 3 most urgent of 8 components; --limit 0 shows all", coverage]
    # 8 rows fit the default 50: only the coverage line
    assert kb_cli("risk", "--as-of", "2026-11-22").stderr.strip() == coverage
    bad = kb_cli("risk", "--limit", "-1")
    assert bad.returncode == 2 and "'--limit': -1 is not in the range x>=0" in bad.stderr


def test_unknown_names_list_valid_choices(kb_cli, empty_kb) -> None:
    kb_cli("load", DEMO)
    res = kb_cli("ivn", "no-such-product")
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert res.stderr.splitlines() == [
        "error: unknown product 'no-such-product'",
        "Valid products: clinic-dashboard, district-hmis, ebola-emr"]
    res = kb_cli("risk", "--without", "ghost")
    assert res.returncode == 2 and res.stderr.startswith("error: unknown actor 'ghost'")
    res = kb_cli("analyze", "nope")
    assert res.returncode == 2 and "Valid analyses: risk, hollow_core" in res.stderr
    res = kb_cli("analyze", "risk", "--param", "colour=red")
    assert "has no parameter colour" in res.stderr and res.returncode == 2
    res = kb_cli("risk", "--as-of", "yesterday")
    assert res.stderr.startswith("error: --as-of must be a date as YYYY-MM-DD")


def test_ivn_and_analyze(kb_cli, empty_kb) -> None:
    kb_cli("load", DEMO)
    data = json.loads(kb_cli("ivn", "ebola-emr", "--as-of", "2026-11-22", "--format",
                             "json").stdout)
    assert data["product"] == "ebola-emr" and data["owner"] == "relief-ngo"
    assert {m["actor"] for m in data["members"]} == {
        "emr-community", "ghrf", "kampala-leads", "kerry-town-dht", "lakeside-school", "moh-sl",
        "tessera"}
    listing = kb_cli("analyze", "--list").stdout
    assert listing.count("\n") == 11 and "funding_topology" in listing
    topo = json.loads(kb_cli("analyze", "funding_topology", "--param", "as_of=2026-11-22",
                             "--format", "json").stdout)
    assert topo["classification"] == "hub_and_spoke"
    # The table form says the same headline results under its rows.
    table = kb_cli("analyze", "funding_topology", "--param", "as_of=2026-11-22").stdout
    assert "Funding is hub-and-spoke: " in table
    assert f"the largest hub is {topo['largest_hub']}, carrying {topo['hub_share']:.1%}" in table
    power = kb_cli("analyze", "power", "--param", "as_of=2026-11-22").stdout
    assert ("decided alone: relief-ngo on 'Choose the hosting provider for the EMR'." in power)


def test_an_output_that_cannot_be_written_whole_is_an_error(kb_cli, empty_kb,
                                                            neo4j_env) -> None:
    kb_cli("load", DEMO)
    res = kb_cli("export", "--out", "/dev/full")  # a disk with no room
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert res.stderr.startswith("error: could not write /dev/full")
    with open("/dev/full", "wb") as full:  # standard output with no room
        res = subprocess.run([sys.executable, "-m", "kb", "risk", "--format", "json"],
                             stdout=full, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, **neo4j_env}, cwd=ROOT, check=False)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert res.stderr.startswith("error: could not write standard output")


def test_init_writes_a_starter_that_loads(kb_cli, empty_kb, settings, tmp_path: Path) -> None:
    """By hand from kb/ingest/templates/starter.yaml, on 2025-06-01: shared-lib is relied on
    by our-org (its product is built on it) and dev-partner (directly), and funded for its
    maintenance by f-sub (2025-03-01 to 2026-02-28); tiny-dep, which it depends on, is relied
    on by the same two and funded by nobody: the one hollow core."""
    made = kb_cli("init", str(tmp_path))
    assert made.returncode == 0, made.stderr
    starter = tmp_path / "ecosystem.yaml"
    assert starter.read_text().startswith("# A valuenet/1 ecosystem file")
    assert kb_cli("check", "--offline", str(starter)).stdout.startswith(
        "ok: 1 file(s), 17 records, no problems")
    again = kb_cli("init", str(tmp_path))
    assert again.returncode == 1 and again.stderr.startswith(
        f"error: {starter} exists; nothing was written")
    assert kb_cli("load", str(starter)).returncode == 0
    rows = {c["id"]: c for c in analysis.risk(empty_kb, "2025-06-01",
                                              settings=settings).data["components"]}
    assert [i for i, c in rows.items() if c["hollow_core"]] == ["tiny-dep"]
    assert rows["shared-lib"]["funded"] and rows["shared-lib"]["reliant_actors"] == 2
    sheets = kb_cli("init", str(tmp_path / "sheets"), "--format", "csv")
    assert sheets.returncode == 0
    assert {p.name for p in (tmp_path / "sheets" / "ecosystem").iterdir()} >= {
        "ecosystem.csv", "actors.csv", "fundings.csv", "decisions.csv", "ties.csv"}
    assert kb_cli("check", "--offline", str(tmp_path / "sheets" / "ecosystem")).returncode == 0
