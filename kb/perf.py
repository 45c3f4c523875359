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
garbage; and when something else has frozen objects, the move is skipped so as not to thaw
them.
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
    them (see the module's docstring); nothing is done when some objects are frozen."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
