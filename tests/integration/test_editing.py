"""Editing records one at a time against the real Neo4j: the loader's validation, every
change in the log with its author, exact undo, refusals that change nothing, the workshop
forms, and an export after editing that loads back to the same knowledge base."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from kb.ingest import edit, loader, records
from kb.report import export
from kb.store import changes, schema
from tests.conftest import EXAMPLES, count_nodes


@pytest.fixture()
def demo(driver, settings):  # type: ignore[no-untyped-def]
    schema.reset(driver, settings)
    loader.load(driver, [EXAMPLES / "ebola-emr.yaml"], settings=settings, author="loader")
    return driver


def stored(driver, settings, section: str, key: str) -> Any:  # type: ignore[no-untyped-def]
    return edit.dump(records.on(driver, settings), section, key)


def test_a_load_is_logged_with_its_author_and_counts(demo, settings) -> None:
    [entry] = changes.listing(demo, settings)
    assert (entry["author"], entry["via"], entry["action"]) == ("loader", "cli", "load")
    # examples/ebola-emr.yaml holds 81 records, all new here.
    assert entry["summary"] == "loaded ebola-emr: 81 created (0 unchanged)"


def test_an_update_is_logged_and_undone_exactly(demo, settings) -> None:
    before = stored(demo, settings, "actors", "tessera")
    rec = records.one(demo, "actors", "tessera", settings)
    assert rec == {"id": "tessera", "name": "Tessera Software", "kind": "business",
                   "country": "GB"}
    saved = edit.save(demo, "actors", {**rec, "name": "Tessera Ltd", "country": "IE"},
                      original="tessera", author="ada", settings=settings)
    assert saved.action == "update"
    entry = changes.get(demo, saved.seq, settings)
    assert entry["author"] == "ada" and entry["summary"] == "updated actor Tessera Ltd"
    assert entry["before"] == rec and entry["after"] == {**rec, "name": "Tessera Ltd",
                                                         "country": "IE"}
    assert edit.save(demo, "actors", {**rec, "name": "Tessera Ltd", "country": "IE"},
                     original="tessera", author="ada", settings=settings).action == "unchanged"
    undone = edit.undo(demo, saved.seq, author="bob", settings=settings)
    assert stored(demo, settings, "actors", "tessera") == before  # every property and edge
    assert changes.get(demo, saved.seq, settings)["undone_by"] == undone
    with pytest.raises(edit.Conflict, match=f"change {saved.seq} was undone already"):
        edit.undo(demo, saved.seq, author="bob", settings=settings)
    # The undo is itself undone: the edit is back.
    edit.undo(demo, undone, author="bob", settings=settings)
    assert records.one(demo, "actors", "tessera", settings)["name"] == "Tessera Ltd"


def test_undo_is_refused_when_the_record_changed_since(demo, settings) -> None:
    rec = records.one(demo, "actors", "tessera", settings)
    first = edit.save(demo, "actors", {**rec, "name": "One"}, original="tessera",
                      author="ada", settings=settings)
    second = edit.save(demo, "actors", {**rec, "name": "Two"}, original="tessera",
                       author="ada", settings=settings)
    with pytest.raises(edit.Conflict) as err:
        edit.undo(demo, first.seq, author="ada", settings=settings)
    assert err.value.message == (f"actors tessera has changed since change {first.seq} "
                                 f"(change {second.seq})")
    assert records.one(demo, "actors", "tessera", settings)["name"] == "Two"


def test_a_relationship_record_deleted_and_put_back(demo, settings) -> None:
    key = json.dumps(["maintenance", "emr-community", "concept-dictionary", "2012-01-01"])
    before = stored(demo, settings, "maintenance", key)
    assert before is not None
    seq = edit.delete(demo, "maintenance", key, author="ada", settings=settings)
    assert stored(demo, settings, "maintenance", key) is None
    assert changes.get(demo, seq, settings)["summary"] == (
        "deleted maintenance record emr-community maintains concept-dictionary")
    edit.undo(demo, seq, author="ada", settings=settings)
    assert stored(demo, settings, "maintenance", key) == before


def test_a_record_others_refer_to_is_not_deleted(demo, settings) -> None:
    nodes = count_nodes(demo, settings)
    with pytest.raises(edit.Conflict) as err:
        edit.delete(demo, "actors", "ghrf", author="ada", settings=settings)
    # ghrf grants f-ghrf-grant and is party to ag-ghrf-grant (examples/ebola-emr.yaml).
    assert err.value.message.startswith("ghrf cannot be deleted: other records refer to it (")
    assert "agreement ag-ghrf-grant" in err.value.message
    assert "funding f-ghrf-grant" in err.value.message
    assert count_nodes(demo, settings) == nodes


def test_every_problem_of_a_form_at_once_and_nothing_written(demo, settings) -> None:
    nodes = count_nodes(demo, settings)
    log = len(changes.listing(demo, settings))
    with pytest.raises(loader.ValidationFailed) as err:
        edit.save(demo, "fundings", {"id": "f-new", "from": "nobody", "to": "relief-ngo",
                                     "amount": "-5", "kind": "grant", "purpose": "often"},
                  author="ada", settings=settings)
    assert [str(p) for p in err.value.problems] == [
        "the form: fundings[0] (id=f-new) field 'amount': must not be negative, got '-5'",
        "the form: fundings[0] (id=f-new) field 'from': unknown id 'nobody': no record in "
        "actors of the loaded files or the knowledge base has it",
        "the form: fundings[0] (id=f-new) field 'purpose': input should be 'maintenance', "
        "'development', 'product', 'services', 'operations' or 'unknown', got 'often'"]
    assert count_nodes(demo, settings) == nodes and len(changes.listing(demo, settings)) == log


def test_the_panel_form_shows_problems_beside_their_fields(demo, settings,
                                                           tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from kb.store import users
    from tests.integration.test_accounts import EDITOR, sign_in
    from web.app import create_app

    s = settings.model_copy(update={"kb_state_dir": tmp_path})
    users.add(EDITOR[0], "editor", EDITOR[1], s)
    c = TestClient(create_app(s), base_url="https://testserver")
    token = sign_in(c, EDITOR)
    page = c.post("/edit/actors", data={"id": "x", "name": "X", "kind": "grp",
                                        "member_of": "nope", "csrf": token,
                                        "source": "ebola-emr"})
    assert page.status_code == 422
    assert "2 problem(s); nothing was saved" in page.text
    assert 'class="field invalid" id="field-kind"' in page.text
    assert 'class="field invalid" id="field-member_of"' in page.text
    assert 'value="X"' in page.text  # what was typed stays in the form
    moved = c.post("/edit/actors.json", data={"id": "tessera", "name": "T", "kind": "group",
                                              "original": "moh-sl", "csrf": token})
    assert moved.status_code == 400 and moved.json()["error"]["message"] == (
        "a record's id cannot change here ('moh-sl' to 'tessera')")


def test_workshop_forms_change_the_ivn_and_the_scorecard(demo, settings,
                                                         tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from kb.analysis import networks
    from kb.store import users
    from tests.integration.test_accounts import EDITOR, sign_in
    from web.app import create_app

    s = settings.model_copy(update={"kb_state_dir": tmp_path})
    users.add(EDITOR[0], "editor", EDITOR[1], s)
    c = TestClient(create_app(s), base_url="https://testserver")
    token = sign_in(c, EDITOR)
    members = {m["actor"] for m in networks.ivn(demo, "ebola-emr", "2026-11-22",
                                                settings).data["members"]}
    assert "northfield-uni" not in members
    r = c.post("/workshop/network.json?product=ebola-emr", data={
        "csrf": token, "actor.new": "northfield-uni", "joint_planning.new": "yes",
        "need.new": "evaluation", "need_kind.new": "intangible"})
    assert r.status_code == 200 and len(r.json()["changes"]) == 2
    after = {m["actor"]: m["criteria"] for m in networks.ivn(
        demo, "ebola-emr", "2026-11-22", settings).data["members"]}
    assert after["northfield-uni"] == ["joint_planning"]
    # Scoring the GHRF grant's roles 1 for clarity makes it covered weakly.
    card = c.get("/workshop/scorecard.json?agreement=ag-ghrf-grant").json()
    assert card["weak"] == []
    form = {"csrf": token, **{f"covered.{a['area']}": "yes" for a in card["areas"]
                              if a["covered"]},
            "comprehensive.roles": "3", "clear.roles": "1", "note.roles": "who reports?"}
    assert c.post("/workshop/scorecard.json?agreement=ag-ghrf-grant",
                  data=form).status_code == 200
    card = c.get("/workshop/scorecard.json?agreement=ag-ghrf-grant").json()
    assert card["weak"] == ["roles"] and card["missing"] == [a["area"] for a in card[
        "areas"] if not a["covered"]]
    gaps = networks.ivn(demo, "ebola-emr", "2026-11-22", settings).data["gaps"]
    assert any(g.get("agreement") == "ag-ghrf-grant" and "roles" in json.dumps(g)
               for g in gaps)
    # Half a score is refused with the loader's message, and nothing changes.
    bad = c.post("/workshop/scorecard.json?agreement=ag-ghrf-grant",
                 data={**form, "clear.roles": ""})
    assert bad.status_code == 422
    assert "clear" in bad.json()["error"]["message"]


def test_an_export_after_editing_loads_back_unchanged(demo, settings, tmp_path: Path) -> None:
    rec = records.one(demo, "agreements", "ag-ghrf-grant", settings)
    edit.save(demo, "agreements", {**rec, "scores": {"roles": {"comprehensive": 2,
                                                               "clear": 3}}},
              original="ag-ghrf-grant", author="ada", settings=settings)
    edit.save(demo, "actors", {"id": "panel-made", "name": "Made in the panel",
                               "kind": "individual"}, author="ada", settings=settings)
    first = export.dump(export.collect(demo, settings), "yaml")
    path = tmp_path / "export.yaml"
    path.write_text(first)
    again = loader.load(demo, [path], settings=settings)
    assert again.total("created") == 0 and again.total("updated") == 0
    schema.reset(demo, settings)
    loader.load(demo, [path], settings=settings)
    assert export.dump(export.collect(demo, settings), "yaml") == first
    doc = yaml.safe_load(first)
    assert "panel-made" in {a["id"] for a in doc["actors"]}
    [grant] = [g for g in doc["agreements"] if g["id"] == "ag-ghrf-grant"]
    assert grant["scores"] == {"roles": {"comprehensive": 2, "clear": 3}}


def test_kb_history_and_kb_author(demo, kb_cli, tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("format: valuenet/1\necosystem: {id: extra, name: Extra}\n"
                     "actors: [{id: newcomer, name: Newcomer, kind: group}]\n")
    done = kb_cli("load", str(extra), env={"KB_AUTHOR": "workshop laptop"})
    assert done.returncode == 0, done.stderr
    shown = kb_cli("history", "--format", "json", "--limit", "1")
    [entry] = json.loads(shown.stdout)
    assert entry["author"] == "workshop laptop" and entry["summary"] == (
        "loaded extra: 1 created (0 unchanged)")
    bad = kb_cli("history", "--record", "people/x")
    assert bad.returncode == 2 and "--record 'people/x' is not SECTION/ID" in bad.stderr
