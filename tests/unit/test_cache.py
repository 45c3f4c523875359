"""The one result cache: keyed by (data state, question), newest state only, bounded in
entries and bytes; and the disk slot that carries the risk snapshot between processes."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from kb.cache import DiskSlot, ResultCache, approx_size


def test_answers_are_kept_per_question_and_computed_once() -> None:
    c = ResultCache(max_entries=10, max_bytes=1 << 20)
    calls: list[str] = []

    def compute(v: str) -> str:
        calls.append(v)
        return v

    assert c.get_or_compute("s1", ("risk", 1), lambda: compute("a")) == "a"
    assert c.get_or_compute("s1", ("risk", 1), lambda: compute("b")) == "a"
    assert c.get_or_compute("s1", ("risk", 2), lambda: compute("c")) == "c"
    assert calls == ["a", "c"] and (c.hits, c.misses) == (1, 2)


def test_a_new_data_state_drops_every_older_answer() -> None:
    c = ResultCache()
    c.put("s1", "q1", [1])
    c.put("s1", "q2", [2])
    assert c.get("s2", "q1") is None  # asked in another state: no answer, nothing dropped yet
    c.put("s2", "q3", [3])
    assert len(c) == 1 and c.get("s1", "q1") is None and c.get("s2", "q3") == [3]
    assert c.held_states() == ["s2"] and c.find("q3") == ("s2", [3])


def test_the_entry_bound_drops_the_least_recently_used() -> None:
    c = ResultCache(max_entries=2, max_bytes=1 << 30)
    c.put("s", "a", 1)
    c.put("s", "b", 2)
    assert c.get("s", "a") == 1  # a is now more recent than b
    c.put("s", "c", 3)
    assert (c.get("s", "a"), c.get("s", "b"), c.get("s", "c")) == (1, None, 3)


def test_the_byte_bound_holds_and_an_answer_too_large_is_not_kept() -> None:
    c = ResultCache(max_entries=100, max_bytes=1000)
    c.put("s", "a", "x", size=400)
    c.put("s", "b", "y", size=400)
    c.put("s", "c", "z", size=400)  # 1,200 > 1,000: the oldest goes
    assert c.get("s", "a") is None and c.bytes == 800
    assert c.put("s", "huge", "w", size=5000) == "w"  # returned to the caller, not kept
    assert c.get("s", "huge") is None and c.bytes == 800
    c.discard("b")
    assert c.bytes == 400 and len(c) == 1


def test_approx_size_counts_arrays_and_extrapolates_long_lists() -> None:
    arr = np.zeros(1000, dtype=np.int64)
    assert approx_size(arr) >= 8000
    rows = [{"id": f"c{i:05d}", "score": i, "tags": ["a", "b"]} for i in range(10_000)]
    # Strings and numbers inside containers count as the containers' pointers: a row is its
    # dict and its list, and every row has the same shape.
    one = sys.getsizeof(rows[0]) + sys.getsizeof(rows[0]["tags"])
    assert approx_size(rows) == sys.getsizeof(rows) + 10_000 * one
    assert approx_size("x" * 1000) == sys.getsizeof("x" * 1000)  # alone, a string counts


def test_a_disk_slot_answers_only_for_its_format_and_state(tmp_path: Path) -> None:
    slot = DiskSlot(tmp_path / "cache" / "x.pickle", fmt=(1, ("a",)))
    assert slot.read("s1", dict) is None  # no file yet
    slot.write("s1", {"v": 1})
    assert slot.read("s1", dict) == {"v": 1}
    assert slot.read("s2", dict) is None  # another data state
    assert slot.read("s1", list) is None  # not the kind asked for
    assert DiskSlot(slot.path, fmt=(2, ("a",))).read("s1", dict) is None  # another format
    slot.path.write_bytes(b"not a pickle")
    assert slot.read("s1", dict) is None
    slot.remove()
    assert not slot.path.exists()
    assert not list(slot.path.parent.glob(".slot-*"))  # no temporary file left behind


def test_a_container_reached_twice_counts_once() -> None:
    rows = [{"id": f"c{i}", "score": i} for i in range(1000)]
    alone = approx_size(rows)
    both = approx_size({"rows": rows, "data": {"components": rows}})
    assert alone < both < alone + 2000  # the dict shells, not a second copy of the rows


def test_the_sample_spreads_over_a_ranked_list() -> None:
    # Ranked lists put their heaviest rows first: 100 rows with 1,000 ids, then 9,900 with 1.
    rows = [{"ids": [f"a{j}" for j in range(1000 if i < 100 else 1)]} for i in range(10_000)]
    exact = sys.getsizeof(rows) + sum(sys.getsizeof(r) + sys.getsizeof(r["ids"]) for r in rows)
    assert 0.5 * exact < approx_size(rows) < 2 * exact  # the head alone suggested 25x


def test_a_caller_can_size_an_answer_made_of_other_answers() -> None:
    c = ResultCache(max_entries=10, max_bytes=10_000)
    rows = [{"id": i} for i in range(1000)]  # about 200 kB: too big for this cache alone
    kept = c.get_or_compute("s", "subset", lambda: rows[:10], size=sys.getsizeof)
    assert kept == rows[:10] and c.get("s", "subset") is kept
    assert c.bytes == sys.getsizeof(kept)
