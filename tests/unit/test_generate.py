"""The generator: deterministic, valid, and shaped like a package ecosystem."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from kb.ingest.generate import LEVELS, generate, write_csv
from kb.ingest.validate import validate_files


def test_same_seed_same_file_and_a_different_seed_differs() -> None:
    a = json.dumps(generate(500, seed=4))
    assert a == json.dumps(generate(500, seed=4))
    assert a != json.dumps(generate(500, seed=5))


def test_generated_file_is_valid_in_json_and_csv(tmp_path: Path) -> None:
    doc = generate(300, seed=2)
    f = tmp_path / "g.json"
    f.write_text(json.dumps(doc))
    write_csv(doc, tmp_path / "csv")
    a = validate_files([f])
    b = validate_files([tmp_path / "csv"])
    assert a.problems == [] and b.problems == []
    assert a.sources[0].sections == b.sources[0].sections


def test_shape_power_law_in_degree_and_bounded_depth() -> None:
    doc = generate(5000, seed=7)
    comps = doc["components"]
    edges = sum(len(c["depends_on"]) for c in comps)
    assert 8 * 5000 < edges < 12 * 5000  # about 10 per component
    indeg = Counter(d for c in comps for d in c["depends_on"])
    top = indeg.most_common(1)[0][1]
    median = sorted(indeg.values())[len(indeg) // 2]
    assert top > 50 * median  # heavy tail: a few hubs
    index = {c["id"]: c["depends_on"] for c in comps}
    depth: dict[str, int] = {}
    for c in comps:  # dependencies always come earlier, so one pass suffices
        depth[c["id"]] = 1 + max((depth[d] for d in c["depends_on"]), default=0)
    assert max(depth.values()) <= LEVELS and len(index) == 5000
