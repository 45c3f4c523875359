"""The garbage-collector pause and the fast JSON writer."""

from __future__ import annotations

import gc
import json
import threading
from collections.abc import Iterator

import pytest

from kb import perf
from kb.perf import collector_paused
from kb.report.jsontext import pretty, pretty_bytes


@pytest.fixture(autouse=True)
def nothing_held() -> Iterator[None]:
    """Start from a collector nobody holds: a panel test run earlier in the same process
    may have kept answers (`hold_alive`), which freezes what is alive."""
    perf.release_held()
    gc.unfreeze()
    yield


def test_the_collector_is_off_inside_and_back_on_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block is still running
    assert gc.isenabled()


def test_the_collector_comes_back_after_an_error() -> None:
    try:
        with collector_paused():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_blocks_in_two_threads_resume_only_at_the_end() -> None:
    inside, release = threading.Event(), threading.Event()

    def worker() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    t = threading.Thread(target=worker)
    with collector_paused():
        t.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the worker's block is still open
    release.set()
    t.join(5)
    assert gc.isenabled()


def _in_generation(obj: object, generation: int) -> bool:
    return any(o is obj for o in gc.get_objects(generation=generation))


def test_what_a_block_built_goes_to_the_oldest_generation_without_a_young_pass() -> None:
    gc.unfreeze()  # in case anything in this process froze objects before
    gc.collect()
    with collector_paused():
        built = [[i] for i in range(5000)]  # 5,001 tracked lists, far over the 700 threshold
    # Without the move, the first allocation after the block runs a young pass, which walks
    # all 5,001 lists and leaves them in the middle generation.
    assert _in_generation(built, 2) and _in_generation(built[-1], 2)
    assert not _in_generation(built, 1)
    assert gc.get_freeze_count() == 0  # nothing is left frozen


def test_cyclic_garbage_made_in_a_block_is_still_collected() -> None:
    import weakref

    class Node:
        other: object = None

    with collector_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
    del a, b
    assert gone() is not None  # a cycle: reference counting alone cannot free it
    gc.collect()
    assert gone() is None


def test_objects_someone_else_froze_stay_frozen() -> None:
    keep = [[1], [2]]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with collector_paused():
            made = [[i] for i in range(1000)]
        assert gc.get_freeze_count() == frozen  # not thawed by the block's move
        assert made and keep
    finally:
        gc.unfreeze()


def test_pretty_json_has_the_standard_library_layout() -> None:
    value = {"id": "pkg:npm/é", "n": [1, 2, None, True], "empty": [], "m": {},
             "rows": [{"a": 0.5, "b": "x\"y"}]}
    # The expected text comes from the standard library, not from orjson.
    assert pretty(value) == json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    assert pretty_bytes(value) == (json.dumps(value, indent=2, ensure_ascii=False)
                                   + "\n").encode("utf-8")


def test_held_answers_stay_out_of_full_collections_until_released() -> None:
    from kb.perf import hold_alive, release_held

    gc.unfreeze()
    gc.collect()
    answer = [[i] for i in range(1000)]
    hold_alive()
    try:
        held = gc.get_freeze_count()
        assert held >= 1000 and not _in_generation(answer[0], 2)  # frozen: no generation walks it
        with collector_paused():
            more = [[i] for i in range(1000)]
        assert gc.get_freeze_count() >= held + 1000  # a block's objects join the held ones
        assert more
    finally:
        release_held()
    assert gc.get_freeze_count() == 0 and _in_generation(answer[0], 2)
