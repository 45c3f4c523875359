"""`kb alias add` merges at once, `kb alias remove` splits again, `kb alias distinct` stops
a pair being suggested (issue 18). Expected values come from the DPG registry files read
here, and from the graph as it was before the alias (read with plain Cypher)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kb.errors import KBError, NotFound
from kb.ingest import aliases, imports, loader
from tests.conftest import EXAMPLES, SHARED

DPG = sorted((SHARED / "data" / "dpg-nominees").glob("*.json"))
NAME, KEEP, GONE = "UNICEF Venture Fund", "unicef-ventures-fund", "unicef-venture-fund"


def everything(driver: Any) -> tuple[set[Any], set[Any]]:
    """Every node and relationship with every property, bookkeeping included."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n:Entity) RETURN labels(n) AS l, properties(n) AS p")
    rels, _, _ = driver.execute_query(
        "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS a, type(r) AS t, b.id AS b, "
        "properties(r) AS p")

    def freeze(d: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(sorted((k, json.dumps(v, sort_keys=True, default=str))
                            for k, v in d.items()))

    return ({(tuple(sorted(r["l"])), freeze(r["p"])) for r in nodes},
            {(r["a"], r["t"], r["b"], freeze(r["p"])) for r in rels})


def funded_by(names: set[str]) -> set[str]:
    """DPG product names whose entry names one of `names` as a funder."""
    out = set()
    for f in DPG:
        e = json.loads(f.read_text())
        if any(o["name"] in names and o.get("org_type") == "funder" for o in e["organizations"]):
            out.add(e["name"])
    return out


def test_alias_add_merges_at_once_and_remove_splits_exactly(empty_kb, settings) -> None:
    imports.run(empty_kb, "dpg", DPG, settings=settings)
    before = everything(empty_kb)
    change = aliases.add(empty_kb, NAME, KEEP, settings=settings)
    assert change.merged == [GONE] and change.renamed == []
    records, _, _ = empty_kb.execute_query(
        "MATCH (a:Actor) WHERE a.id IN [$k, $g] RETURN a.id AS id", k=KEEP, g=GONE)
    assert [r["id"] for r in records] == [KEEP]
    records, _, _ = empty_kb.execute_query(
        "MATCH (:Actor {id: $k})-[:GRANTS]->(:Funding)-[:FOR]->(p:Product) "
        "RETURN collect(DISTINCT p.name) AS names", k=KEEP)
    expected = funded_by({"UNICEF Venture Fund", "UNICEF Ventures Fund"})
    assert len(expected) > len(funded_by({"UNICEF Ventures Fund"}))  # the merge adds some
    assert set(records[0]["names"]) == expected
    undone = aliases.remove(empty_kb, NAME, settings=settings)
    assert undone.merged == [GONE] and undone.actor == KEEP
    assert everything(empty_kb) == before


def test_a_later_import_resolves_the_alias(empty_kb, settings) -> None:
    imports.run(empty_kb, "dpg", DPG, settings=settings)
    aliases.add(empty_kb, NAME, KEEP, settings=settings)
    again = imports.run(empty_kb, "dpg", DPG, settings=settings)
    assert again.report.total("created") == 0  # the name resolves to KEEP: nothing new
    assert not any(GONE in (d["a"], d["b"]) for d in again.likely_duplicates)


def test_remove_refuses_when_the_merged_actor_changed_since(empty_kb, settings,
                                                             tmp_path) -> None:
    imports.run(empty_kb, "dpg", DPG, settings=settings)
    aliases.add(empty_kb, NAME, KEEP, settings=settings)
    later = tmp_path / "later.yaml"
    later.write_text("format: valuenet/1\necosystem: {id: later, name: Later}\n"
                     f"actors:\n  - {{id: {KEEP}, name: UNICEF Ventures, kind: organization}}\n")
    loader.load(empty_kb, [later], settings=settings)
    before = everything(empty_kb)
    with pytest.raises(KBError) as err:
        aliases.remove(empty_kb, NAME, settings=settings)
    assert f"'{KEEP}' has changed since '{GONE}' was merged into it" in err.value.message
    assert "kb forget" in err.value.hint
    assert everything(empty_kb) == before  # the alias stays too


def test_distinct_pairs_are_not_suggested_again(empty_kb, settings) -> None:
    first = imports.run(empty_kb, "dpg", DPG, settings=settings)
    pair = {"unicef", "unicef-innovation"}
    assert any({d["a"], d["b"]} == pair for d in first.likely_duplicates)
    aliases.distinct(empty_kb, "unicef-innovation", "unicef", settings=settings)
    again = imports.run(empty_kb, "dpg", DPG, settings=settings)
    assert not any({d["a"], d["b"]} == pair for d in again.likely_duplicates)
    assert len(again.likely_duplicates) == len(first.likely_duplicates) - 1


def test_bad_alias_commands_say_what_is_wrong(kb_cli, empty_kb) -> None:
    assert kb_cli("load", str(EXAMPLES / "ebola-emr.yaml")).returncode == 0
    res = kb_cli("alias", "remove", "Nobody")
    assert res.returncode == 2 and "no alias 'Nobody'" in res.stderr
    assert "Traceback" not in res.stderr
    res = kb_cli("alias", "distinct", "ghost-a", "ghost-b")
    assert res.returncode == 2 and "no actor 'ghost-a'" in res.stderr
    res = kb_cli("alias", "add", "  ", "x")
    assert res.returncode == 1 and "needs a NAME and an ID, neither empty" in res.stderr


def test_an_alias_cannot_name_a_record_that_is_not_an_actor(empty_kb, settings) -> None:
    imports.run(empty_kb, "dpg", DPG, settings=settings)
    with pytest.raises(KBError) as err:
        aliases.add(empty_kb, NAME, "dpg:aam-digital", settings=settings)
    assert "'dpg:aam-digital' is a Product, not an actor" in err.value.message
    with pytest.raises(NotFound):
        aliases.remove(empty_kb, NAME, settings=settings)  # nothing was recorded
