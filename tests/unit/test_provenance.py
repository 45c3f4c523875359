"""How sources' records combine (kb.ingest.provenance), checked against hand-worked cases."""

from __future__ import annotations

from kb.ingest import provenance as pv


def rec(props: dict, edges: list | None = None) -> dict:
    return {"props": props, "edges": edges or []}


def test_lists_unite_and_other_values_take_the_newest_given() -> None:
    old = rec({"id": "c", "name": "old", "license": "MIT", "covers": ["funding"]},
              [("DEPENDS_ON", "c", "x", None)])
    new = rec({"id": "c", "name": "new", "covers": ["maintenance"]},
              [("DEPENDS_ON", "c", "y", None)])
    out = pv.combine("c", [("a", old), ("b", new)])
    assert out["props"] == {"id": "c", "name": "new", "license": "MIT",
                            "covers": ["funding", "maintenance"]}
    assert out["edges"] == [("DEPENDS_ON", "c", "x", None), ("DEPENDS_ON", "c", "y", None)]


def test_single_relationships_and_voices_take_the_newest() -> None:
    a = rec({"id": "f"}, [("GRANTS", "funder-a", "f", None), ("FOR", "f", "x", None)])
    b = rec({"id": "f"}, [("GRANTS", "funder-b", "f", None)])
    assert pv.combine("f", [("a", a), ("b", b)])["edges"] == [
        ("FOR", "f", "x", None), ("GRANTS", "funder-b", "f", None)]
    d1 = rec({"id": "d"}, [("VOICE", "p", "d", "decided"), ("VOICE", "q", "d", "absent")])
    d2 = rec({"id": "d"}, [("VOICE", "p", "d", "consulted")])
    assert pv.combine("d", [("a", d1), ("b", d2)])["edges"] == [
        ("VOICE", "p", "d", "consulted"), ("VOICE", "q", "d", "absent")]


def test_an_unchanged_record_keeps_its_place_a_changed_one_moves_last() -> None:
    a, b = rec({"id": "c", "name": "A"}), rec({"id": "c", "name": "B"})
    records = [("a", a), ("b", b)]
    assert pv.with_source(records, "a", rec({"id": "c", "name": "A"})) == records
    moved = pv.with_source(records, "a", rec({"id": "c", "name": "A2"}))
    assert [s for s, _ in moved] == ["b", "a"]


def test_sources_that_agree_need_no_kept_records() -> None:
    same = rec({"id": "c", "name": "A"})
    row, _ = pv.node_row("Component", "c", "b", [("a", same), ("b", same)])
    assert pv.RECORDS not in row["props"]
    row, _ = pv.node_row("Component", "c", "b", [("a", same), ("b", rec({"id": "c",
                                                                         "name": "B"}))])
    assert row["props"]["name"] == "B" and pv.loads(row["props"][pv.RECORDS])[0][0] == "a"


def test_attribution_lists_disagreements_not_list_fields() -> None:
    props = {"name": "B", "depends_on": ["x", "y"], pv.RECORDS: pv.dumps([
        ("a", rec({"name": "A", "depends_on": ["x"]})),
        ("b", rec({"name": "B", "depends_on": ["y"]}))])}
    out = pv.attribution(props, ["a", "b"])
    # The name in use is b's; the list is made of what both gave.
    assert out["fields"] == {"name": ["b"], "depends_on": ["a", "b"]}
    assert [(d["field"], d["used"]) for d in out["disagreements"]] == [("name", "B")]
