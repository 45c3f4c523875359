"""Keeping the cyclic garbage collector out of bulk work.

Building a 100k-component answer creates millions of small objects that live on. Each
allocation burst triggers the collector, whose older-generation passes walk everything
alive: at 100k components that was a third of the risk analysis's time. None of those
objects form cycles that need the collector, so it is paused while they are built and
resumed afterwards (reference counting keeps freeing memory meanwhile).

Resuming alone only postpones the walk: the collector counts allocations while paused, and the
first allocation after it resumes triggers a young-generation pass over everything built in
the block (about 0.1 s after a 100k-component risk analysis). So what the block built is moved
into the oldest generation first, with `gc.freeze()` then `gc.unfreeze()`: two list splices,
no walk. It is still collected there, by the next full collection, if it becomes cyclic
garbage.

A long-running process that keeps such answers (the panel, through the result cache) goes one
step further: `hold_alive()` freezes what is alive after it keeps an answer, so the
collector's full passes stop walking the millions of objects it holds (at 100k components
they paused requests for 100-200 ms: the panel's p99 doubled without it); `release_held()`
thaws them when the cache drops them for a newer data state, so they can be collected. While
objects are held, a block's objects join them (frozen) instead of being promoted, which would
thaw the held ones. This module is the only one that touches `gc`.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0  # blocks inside collector_paused, across threads
_resume = False  # whether the collector was on when the first of them entered


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause automatic garbage collection inside the block; nesting and threads are fine,
    and the collector resumes (if it was on) when the last block ends."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                _promote()
                gc.enable()


def _promote() -> None:
    """Move every object the collector tracks into its oldest generation, without walking
    them (see the module's docstring); while objects are held, freeze them with those; when
    something else froze objects, do nothing rather than thaw them."""
    if _held:
        gc.freeze()
    elif gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


_held = False  # whether hold_alive() froze objects that release_held() has not thawed


def hold_alive() -> None:
    """Freeze everything alive now: a long-running process has just kept a large answer."""
    global _held
    with _lock:
        _held = True
        gc.freeze()


def release_held() -> None:
    """Thaw what hold_alive() froze (the answers it kept are being dropped)."""
    global _held
    with _lock:
        if _held:
            _held = False
            gc.unfreeze()
