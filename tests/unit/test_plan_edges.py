"""The load plan's owned relationships are compact tuples that still read like rows, and a
load that owns its input gives it away as it goes (`build(consume=True)`)."""

from __future__ import annotations

import copy
import sys

from kb.ingest.plan import Edge, build
from kb.ingest.reader import RawFile
from kb.ingest.validate import validate_raw

DOC = {
    "format": "valuenet/1",
    "ecosystem": {"id": "eco", "name": "Eco"},
    "actors": [{"id": "org", "name": "Org", "kind": "organization"},
               {"id": "fund", "name": "Fund", "kind": "organization"}],
    "products": [{"id": "app", "name": "App", "owner": "org", "built_on": ["lib"]}],
    "components": [{"id": "lib", "name": "Lib", "depends_on": ["core"]},
                   {"id": "core", "name": "Core"}],
    "fundings": [{"id": "g1", "from": "fund", "to": "org", "amount": 10, "kind": "grant",
                  "purpose": "product", "for": ["app"]}],
    "decisions": [{"id": "d1", "topic": "Roadmap", "date": "2025-01-01", "about": ["app"],
                   "voices": {"org": "decided"}}],
    "relies_on": [{"actor": "fund", "component": "core"}],
}


def test_an_edge_reads_like_the_row_it_is_sent_as() -> None:
    e = Edge("VOICE", "org", "d1", "decided")
    assert (e["type"], e["from"], e["to"], e["voice"]) == ("VOICE", "org", "d1", "decided")
    assert e.get("voice") == "decided" and e.get("props", 7) == 7
    assert dict(e) == {"type": "VOICE", "from": "org", "to": "d1", "voice": "decided"}
    assert {**e, "to": 5} == {"type": "VOICE", "from": "org", "to": 5, "voice": "decided"}
    kind, src, dst, voice = Edge("DEPENDS_ON", "a", "b")
    assert (kind, src, dst, voice) == ("DEPENDS_ON", "a", "b", None)
    # a plain tuple with the same fields is the same key (sets of edges compare with both)
    assert Edge("DEPENDS_ON", "a", "b") == ("DEPENDS_ON", "a", "b", None)
    assert hash(Edge("DEPENDS_ON", "a", "b")) == hash(("DEPENDS_ON", "a", "b", None))
    assert e[0] == "VOICE" and e[1:3] == ("org", "d1")


def test_an_edge_is_far_smaller_than_the_dict_it_replaces() -> None:
    e = Edge("DEPENDS_ON", "a", "b")
    row = {"type": "DEPENDS_ON", "from": "a", "to": "b", "voice": None}
    assert not hasattr(e, "__dict__")
    # CPython 3.11: a 4-tuple is 72 bytes, a 4-key dict 184 (sys.getsizeof, no GC header)
    assert sys.getsizeof(e) <= 80 and sys.getsizeof(row) >= 2 * sys.getsizeof(e)


def test_the_plan_owns_edges_of_every_kind_and_consuming_gives_the_same_plan() -> None:
    kept = validate_raw([RawFile("eco.json", copy.deepcopy(DOC), [])])
    used = validate_raw([RawFile("eco.json", copy.deepcopy(DOC), [])])
    assert kept.ok and used.ok
    plan = build(kept.sources)
    consumed = build(used.sources, consume=True)
    assert consumed == plan
    # the consuming build left no record behind; the other kept every one
    assert all(not rows for rows in used.sources[0].sections.values())
    assert sum(map(len, kept.sources[0].sections.values())) == 8
    # by hand from DOC: one owner and one built-on edge for app, one dependency for lib, a
    # granter, a receiver and what it is for for g1, a voice and an about for d1
    assert plan.edges == {
        "org": [], "fund": [],
        "app": [("OWNS", "org", "app", None), ("BUILT_ON", "app", "lib", None)],
        "lib": [("DEPENDS_ON", "lib", "core", None)], "core": [],
        "g1": [("GRANTS", "fund", "g1", None), ("TO", "g1", "org", None),
               ("FOR", "g1", "app", None)],
        "d1": [("VOICE", "org", "d1", "decided"), ("ABOUT", "d1", "app", None)],
    }
    assert all(type(e) is Edge for edges in plan.edges.values() for e in edges)
    assert [r["key"] for r in plan.rels["relies_on"]] == ['["relies_on", "fund", "core"]']
