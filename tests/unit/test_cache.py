"""The one result cache: keyed by (data state, question), newest state only, bounded in
entries and bytes; and the disk slot that carries the risk snapshot between processes."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Any

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


def _ask_together(c: ResultCache, callers: int, compute: Any, question: Any = "q",
                  size: Any = None) -> tuple[list[Any], list[BaseException]]:
    """`callers` threads ask `question` at once; the first computes, and is let go only
    once every other caller is waiting for it (`c.waits`)."""
    answers: list[Any] = []
    errors: list[BaseException] = []
    started = threading.Event()
    release = threading.Event()

    def slow() -> Any:
        started.set()
        assert release.wait(10)
        return compute()

    def ask() -> None:
        try:
            answers.append(c.get_or_compute("s", question, slow, size))
        except BaseException as exc:  # noqa: BLE001 - collected for the assertions
            errors.append(exc)

    first = threading.Thread(target=ask)
    first.start()
    assert started.wait(10)
    rest = [threading.Thread(target=ask) for _ in range(callers - 1)]
    for t in rest:
        t.start()
    deadline = time.monotonic() + 10
    while c.waits < callers - 1 and time.monotonic() < deadline:
        time.sleep(0.005)
    release.set()
    for t in [first, *rest]:
        t.join(10)
    return answers, errors


def test_callers_asking_at_once_share_one_computation() -> None:
    c = ResultCache(max_entries=10, max_bytes=1 << 20)
    made: list[list[int]] = []

    def compute() -> list[int]:
        made.append([1, 2, 3])
        return made[-1]

    answers, errors = _ask_together(c, 16, compute)
    assert not errors and len(made) == 1
    assert len(answers) == 16 and all(a is made[0] for a in answers)
    assert (c.misses, c.waits, c.hits) == (1, 15, 0)
    assert c.get_or_compute("s", "q", compute) is made[0] and c.hits == 1


def test_an_answer_too_large_to_keep_still_reaches_every_waiting_caller() -> None:
    c = ResultCache(max_entries=10, max_bytes=100)
    made: list[object] = []

    def compute() -> object:
        made.append(object())
        return made[-1]

    answers, errors = _ask_together(c, 4, compute, size=lambda _: 10_000)
    assert not errors and len(made) == 1 and all(a is made[0] for a in answers)
    assert len(c) == 0  # not kept: the next question computes it again
    c.get_or_compute("s", "q", compute, lambda _: 10_000)
    assert len(made) == 2


def test_a_failed_computation_fails_its_waiters_and_is_not_kept() -> None:
    c = ResultCache()
    calls: list[int] = []

    def broken() -> int:
        calls.append(1)
        raise ValueError("the server went away")

    answers, errors = _ask_together(c, 5, broken)
    assert not answers and len(calls) == 1
    assert len(errors) == 5 and all(str(e) == "the server went away" for e in errors)
    assert c.get_or_compute("s", "q", lambda: 7) == 7 and len(calls) == 1


def test_a_computation_asking_its_own_question_does_not_wait_for_itself() -> None:
    c = ResultCache()
    inner: list[int] = []

    def outer() -> int:
        inner.append(c.get_or_compute("s", "q", lambda: 41))
        return inner[0] + 1

    done: list[int] = []
    t = threading.Thread(target=lambda: done.append(c.get_or_compute("s", "q", outer)))
    t.start()
    t.join(5)
    assert not t.is_alive() and done == [42] and inner == [41]
    assert c.get("s", "q") == 42  # the outer answer, the last one kept


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
