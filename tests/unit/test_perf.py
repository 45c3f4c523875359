"""The garbage-collector pause and the fast JSON writer."""

from __future__ import annotations

import gc
import json
import threading

from kb.jsontext import pretty, pretty_bytes
from kb.perf import collector_paused


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


def test_pretty_json_has_the_standard_library_layout() -> None:
    value = {"id": "pkg:npm/é", "n": [1, 2, None, True], "empty": [], "m": {},
             "rows": [{"a": 0.5, "b": "x\"y"}]}
    # The expected text comes from the standard library, not from orjson.
    assert pretty(value) == json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    assert pretty_bytes(value) == (json.dumps(value, indent=2, ensure_ascii=False)
                                   + "\n").encode("utf-8")
