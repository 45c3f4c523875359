"""The record forms and the workshop forms, without a server: what a submitted form becomes,
worked out by hand."""

from __future__ import annotations

from datetime import date

from kb.ingest import edit
from kb.views import forms, workshop
from web.routes.workshop import decision_items, network_items, scorecard_record


def test_form_fields_follow_the_model() -> None:
    kinds = {f.name: (f.kind, f.required, f.refs) for f in forms.fields("fundings")}
    assert kinds["from"] == ("ref", True, ("actors",))
    assert kinds["for"] == ("refs", False, ("products", "components"))
    assert kinds["kind"][0] == "choice" and kinds["amount"][0] == "number"
    assert kinds["start"][0] == "date"
    assert [f.name for f in forms.fields("ties")] == ["between", "stage"]
    paid = next(f for f in forms.fields("maintenance") if f.name == "paid")
    assert paid.kind == "yesno" and not paid.required  # an unticked box is `false`


def test_a_form_becomes_a_record_and_back() -> None:
    given = {"id": "f1", "from": "ghrf", "to": "relief-ngo", "amount": "50000",
             "for": "json-codec\nemr-platform", "kind": "grant", "purpose": "maintenance",
             "start": "", "csrf": "ignored"}
    rec = forms.record("fundings", given)
    assert rec == {"id": "f1", "from": "ghrf", "to": "relief-ngo", "amount": "50000",
                   "for": ["json-codec", "emr-platform"], "kind": "grant",
                   "purpose": "maintenance"}  # empty start: unknown, left out
    shown = forms.values("fundings", {**rec, "for": ["emr-platform", "json-codec"]})
    assert shown["for"] == "emr-platform; json-codec" and shown["start"] == ""
    scored = forms.record("agreements", {"id": "g", "kind": "mou", "parties": "a; b",
                                         "scores": "roles=3/2/clear roles; exit=1/0"})
    assert scored["scores"] == {"roles": {"comprehensive": "3", "clear": "2",
                                          "note": "clear roles"},
                                "exit": {"comprehensive": "1", "clear": "0"}}
    assert forms.values("agreements", {"scores": {"roles": {"comprehensive": 3, "clear": 2}}}
                        )["scores"] == "roles=3/2"
    assert forms.record("maintenance", {"actor": "a", "component": "c", "role": "lead"}
                        )["paid"] is False


def test_stored_values_keep_their_types_through_the_log() -> None:
    held = {"props": {"signed": date(2025, 1, 2), "n": 3, "ids": ["a"]}}
    encoded = edit.encode(held)
    assert encoded == {"props": {"signed": {"$date": "2025-01-02"}, "n": 3, "ids": ["a"]}}
    assert edit.decode(encoded) == held


NETWORK = {"product": "p", "owner": "own", "actors": [
    {"actor": "a", "involvement": {"actor": "a", "product": "p", "develops": True,
                                   "joint_planning": False, "since": "2025-01-01",
                                   "key": "K-a"}},
    {"actor": "b", "involvement": None},
    {"actor": "c", "involvement": None},
]}


def test_the_value_network_form_writes_what_is_ticked() -> None:
    form = {"actor.0": "a", "develops.0": "", "joint_planning.0": "yes",
            "performs.0": "hosting; training", "give.0": "reports",
            "give_kind.0": "intangible",
            "actor.1": "b", "need.1": "server time", "need_kind.1": "tangible",
            "actor.new": "d", "develops.new": "yes"}  # row c is not in the form: left alone
    items = network_items(NETWORK, form)
    assert [(i.section, i.original) for i in items] == [
        ("involvement", "K-a"), ("exchanges", None), ("exchanges", None),
        ("involvement", None)]
    assert items[0].record == {"actor": "a", "product": "p", "develops": False,
                               "joint_planning": True, "since": "2025-01-01",
                               "performs": ["hosting", "training"]}
    assert items[1].record == {"from": "own", "to": "a", "gives": "reports",
                               "kind": "intangible"}
    assert items[2].record == {"from": "b", "to": "own", "gives": "server time",
                               "kind": "tangible"}  # b: nothing ticked, no involvement
    assert items[3].record == {"actor": "d", "product": "p", "develops": True,
                               "joint_planning": False}


def test_the_scorecard_form_writes_areas_and_scores() -> None:
    record = {"id": "g", "kind": "mou", "parties": ["a", "b"], "areas": ["exit"],
              "scores": {"exit": {"comprehensive": 1, "clear": 1}}}
    form = {"covered.roles": "yes", "comprehensive.roles": "3", "clear.roles": "2",
            "note.roles": " named ", "covered.review": "yes"}
    assert scorecard_record(record, form) == {
        "id": "g", "kind": "mou", "parties": ["a", "b"], "areas": ["roles", "review"],
        "scores": {"roles": {"comprehensive": "3", "clear": "2", "note": "named"}}}
    # Half a score is passed on for the loader to refuse with its own message.
    half = scorecard_record(record, {"comprehensive.exit": "2"})
    assert half["scores"] == {"exit": {"comprehensive": "2", "clear": None}}
    assert "areas" not in half


def test_the_decision_grid_keeps_voices_of_actors_not_shown() -> None:
    data = {"product": "p"}
    held = {"d1": {"id": "d1", "topic": "Hosting", "date": "2025-01-01",
                   "voices": {"own": "decided", "x": "informed", "gone": "absent"}}}
    form = {"person.0": "own", "person.1": "x", "decision.0": "d1", "voice.0.0": "decided",
            "voice.0.1": "", "id.new": "d2", "topic.new": "Licence", "date.new": "2025-02-01",
            "voice.new.1": "consulted"}
    items = decision_items(data, form, held)
    assert items[0].original == "d1" and items[0].record["voices"] == {
        "gone": "absent", "own": "decided"}  # x emptied: not recorded; gone kept
    assert items[1].original is None and items[1].record == {
        "id": "d2", "topic": "Licence", "about": ["p"], "date": "2025-02-01",
        "voices": {"x": "consulted"}}


def test_who_is_never_at_the_table() -> None:
    decisions = [{"voices": {"own": "decided", "m1": "absent", "m2": "consulted"}},
                 {"voices": {"own": "decided", "m1": "informed"}}]
    got = {p["actor"]: p for p in workshop.table_presence(decisions, ["own", "m1", "m2",
                                                                      "m3"])}
    assert got["own"]["at_table"] == 2 and not got["own"]["never_at_table"]
    assert got["m1"]["never_at_table"] and got["m1"]["absent"] == 1
    assert got["m2"]["at_table"] == 1 and got["m2"]["not_recorded"] == 1
    assert got["m3"]["unknown"] and not got["m3"]["never_at_table"]  # unknown, not absent
    assert workshop.table_presence([], ["own"])[0]["never_at_table"] is False
