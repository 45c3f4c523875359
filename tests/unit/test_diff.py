"""`classify`: what a load changes, worked out on a plan built by hand (no server)."""

from __future__ import annotations

from typing import Any

from kb.ingest.diff import classify
from kb.ingest.plan import Plan


def node(nid: str, label: str, h: str, source: str = "eco") -> dict[str, Any]:
    return {"id": nid, "label": label, "source": source, "hash": h, "props": {"name": nid}}


def rel(a: str, b: str, key: str, h: str, source: str = "eco") -> dict[str, Any]:
    return {"from": a, "to": b, "key": key, "hash": h, "source": source, "props": {}}


def plan() -> Plan:
    return Plan(
        nodes={"actors": [node("ana", "Actor", "h1"), node("bo", "Actor", "h2"),
                          node("cy", "Actor", "h3")],
               "components": [node("lib", "Component", "h4")]},
        edges={"ana": [{"type": "MEMBER_OF", "from": "ana", "to": "bo", "voice": None}],
               "bo": [], "cy": [{"type": "MEMBER_OF", "from": "cy", "to": "bo", "voice": None}],
               "lib": [{"type": "DEPENDS_ON", "from": "lib", "to": "lib2", "voice": None}]},
        rels={"maintenance": [rel("ana", "lib", "k1", "r1"), rel("bo", "lib", "k2", "r2")]},
        ecosystems=[{"id": "eco", "name": "Eco"}])


def test_into_an_empty_kb_everything_is_created() -> None:
    diff = classify(plan(), {}, {}, empty=True)
    counts = diff.report.as_dict()["totals"]
    assert counts == {"created": 6, "updated": 0, "unchanged": 0, "pruned": 0}
    assert [r["id"] for r in diff.created["Actor"]] == ["ana", "bo", "cy"]
    assert [r["id"] for r in diff.created["Component"]] == ["lib"]
    assert len(diff.edges) == 3 and len(diff.create_rels) == 2
    assert diff.writes == 4 + 3 + 2 and diff.empty and not diff.clashes


def test_changed_unchanged_and_new_records_against_a_kb() -> None:
    nodes = {"ana": {"label": "Actor", "hash": "h1", "sources": ["eco"]},  # unchanged
             "bo": {"label": "Actor", "hash": "old", "sources": ["eco"]},  # changed
             "lib": {"label": "Component", "hash": "h4", "sources": ["other"]}}  # gains eco
    rels = {"k1": {"hash": "r1", "sources": ["other"]}, "k2": {"hash": "stale", "sources": []}}
    diff = classify(plan(), nodes, rels, empty=False)
    sections = diff.report.as_dict()["sections"]
    assert sections["actors"] == {"created": 1, "updated": 1, "unchanged": 1, "pruned": 0}
    assert sections["components"] == {"created": 0, "updated": 0, "unchanged": 1, "pruned": 0}
    assert sections["maintenance"] == {"created": 0, "updated": 1, "unchanged": 1, "pruned": 0}
    assert [r["id"] for r in diff.created["Actor"]] == ["cy"]
    assert [r["id"] for r in diff.updated] == ["bo"]
    assert diff.updated_by_label() == {"Actor": ["bo"]}
    # Only the written nodes' edges are rewritten: bo owns none, cy one; ana's stay as they are.
    assert diff.edges == [{"type": "MEMBER_OF", "from": "cy", "to": "bo", "voice": None}]
    assert [r["key"] for r in diff.update_rels] == ["k2"] and diff.create_rels == []
    assert diff.node_sources == {"eco": ["lib"]}
    assert diff.rel_sources == {"eco": [{"from": "ana", "to": "lib", "key": "k1"}]}


def test_an_id_of_another_kind_is_a_clash_and_nothing_is_classified() -> None:
    nodes = {"lib": {"label": "Actor", "hash": "x", "sources": []}}
    diff = classify(plan(), nodes, {}, empty=False)
    assert len(diff.clashes) == 1
    assert "id 'lib' is already a Actor in the knowledge base; it cannot become a Component" in (
        diff.clashes[0].reason)
    assert diff.clashes[0].section == "components"
    assert diff.created == {} and diff.updated == [] and diff.writes == 0
