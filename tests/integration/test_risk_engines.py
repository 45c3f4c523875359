"""The fast in-memory risk engine gives exactly the reference Cypher query's answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb import analyses, loader
from kb.generate import generate
from tests.conftest import EXAMPLES

FIX = Path(__file__).resolve().parent.parent / "fixtures"

CASES = [
    ("reach.yaml", "2026-06-15", 180, []),
    ("timing.yaml", "2026-06-15", 180, []),
    ("timing.yaml", "2026-06-15", 107, []),
    ("timing.yaml", "2026-06-15", 108, []),
    ("timing.yaml", "2026-10-05", 30, []),
    ("subgrants.yaml", "2026-06-15", 180, ["F"]),
    ("subgrants.yaml", "2026-06-15", 180, ["L", "H"]),
    ("ivn.yaml", "2026-06-15", 180, []),
    (str(EXAMPLES / "ebola-emr.yaml"), "2026-11-22", 180, []),
    (str(EXAMPLES / "ebola-emr.yaml"), "2026-11-22", 60, ["ghrf", "tessera"]),
]


@pytest.mark.parametrize(("name", "as_of", "horizon", "without"), CASES)
def test_engines_agree(empty_kb, settings, name: str, as_of: str, horizon: int,
                       without: list[str]) -> None:
    path = Path(name) if name.startswith("/") else FIX / name
    loader.load(empty_kb, [path], settings=settings)
    ref = analyses.risk(empty_kb, as_of, horizon, without, settings, engine="cypher").data
    fast = analyses.risk(empty_kb, as_of, horizon, without, settings, engine="fast").data
    assert fast == ref


def test_engines_agree_on_a_generated_ecosystem(empty_kb, settings, tmp_path: Path) -> None:
    f = tmp_path / "g.json"
    f.write_text(json.dumps(generate(1500, seed=11)))
    loader.load(empty_kb, [f], settings=settings)
    for as_of, without in (("2026-06-15", []), ("2027-01-15", ["funder-0000"])):
        ref = analyses.risk(empty_kb, as_of, 180, without, settings, engine="cypher").data
        fast = analyses.risk(empty_kb, as_of, 180, without, settings, engine="fast").data
        assert fast == ref
    assert sum(c["hollow_core"] for c in ref["components"]) > 0
