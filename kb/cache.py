"""The one result cache: answers keyed by (data-state token, question), bounded in entries
and in bytes.

The data-state token (`kb.store.db.data_state`) changes with every committed write by any
client, so an entry can never outlive the data it was computed from. Only the newest state
is worth keeping: when a question arrives for a new state, every entry of older states is
dropped at once. Within a state, the least recently used entries go first once either bound
is reached. Sizes are estimates (`approx_size`), enough to keep a 100k-component answer from
pushing the process past its memory.

Two things use it: the risk engine's snapshot of the graph (`kb.analysis.fastrisk`), in every
process, and the panel's computed results (risk rows, overview findings, charts, audits). The
snapshot is also kept on disk between processes (`DiskSlot`), so that the first question in a
new process after `kb load` does not recompute it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import pickle
import sys
import tempfile
import threading
from collections.abc import Callable, Hashable
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from cachetools import LRUCache

from kb import perf

T = TypeVar("T")
log = logging.getLogger(__name__)
SAMPLE = 64  # items of a long list or dict measured; the rest are assumed alike


LEAVES = (str, bytes, int, float, bool, type(None))


def approx_size(value: Any, _seen: set[int] | None = None, _depth: int = 0) -> int:
    """An estimate of the bytes `value` holds: numpy arrays exactly, containers (extrapolated
    from their first SAMPLE items when long) and dataclasses field by field. A container
    reached twice (an answer's rows are often also inside its data) counts once, and strings
    and numbers inside a container count only as the container's pointer to them: an
    answer's ids and names are mostly references to strings the snapshot already holds
    (counting each reference as a copy made a 100k-component risk answer look ten times its
    size)."""
    seen = set() if _seen is None else _seen
    if id(value) in seen or (_depth and isinstance(value, LEAVES)):
        return 0
    if isinstance(value, np.ndarray):
        seen.add(id(value))
        return int(value.nbytes) + 112
    size = sys.getsizeof(value)
    if _depth > 8:
        return size
    if isinstance(value, dict):
        seen.add(id(value))
        items = _spread(value.items(), len(value))
        if items:
            part = sum(approx_size(k, seen, _depth + 1) + approx_size(v, seen, _depth + 1)
                       for k, v in items)
            size += part * len(value) // len(items)
    elif isinstance(value, list | tuple | set | frozenset):
        seen.add(id(value))
        items = _spread(value, len(value))
        if items:
            size += sum(approx_size(v, seen, _depth + 1) for v in items) * len(value) // len(items)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        seen.add(id(value))
        size += sum(approx_size(getattr(value, f.name), seen, _depth + 1)
                    for f in dataclasses.fields(value))
    return size


def _spread(items: Any, n: int) -> list[Any]:
    """At most SAMPLE of `items`, evenly spread over all `n` of them: the head of a ranked
    list (the most relied-upon components, with the longest id lists) is not typical of it."""
    if n <= SAMPLE:
        return list(items)
    step = n // SAMPLE
    return list(islice(items, 0, step * SAMPLE, step))


class _Flight:
    """One answer being computed: the callers who ask for it meanwhile wait for it."""

    __slots__ = ("done", "error", "owner", "value")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.owner = threading.get_ident()
        self.value: Any = None
        self.error: BaseException | None = None


class ResultCache:
    """Answers by (state, question); the newest state only, LRU within it, bounded in
    entries and approximate bytes. Thread-safe; the cached objects are shared between
    callers, who must not change them."""

    def __init__(self, max_entries: int = 256, max_bytes: int = 2 << 30) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._state: str | None = None
        self._lru: LRUCache[Hashable, tuple[Any, int]] = LRUCache(
            maxsize=max_bytes, getsizeof=lambda entry: max(1, entry[1]))
        self._flights: dict[tuple[str, Hashable], _Flight] = {}
        self.hits = self.misses = self.waits = 0

    def _enter(self, state: str) -> None:
        if state != self._state:
            if len(self._lru):
                perf.release_held()  # what the old state's answers held may now be freed
            self._lru.clear()
            self._state = state

    def get(self, state: str, question: Hashable) -> Any | None:
        """The answer kept for `question` in data state `state`, else None."""
        with self._lock:
            if state != self._state:
                return None
            entry = self._lru.get(question)
            if entry is None:
                return None
            return entry[0]

    def put(self, state: str, question: Hashable, value: T, size: int | None = None) -> T:
        """Keep `value` (unless it alone exceeds the byte bound) and return it."""
        size = approx_size(value) if size is None else size
        if size > self.max_bytes:
            log.warning("an answer of about %d MiB is larger than the whole cache "
                        "(KB_CACHE_MB=%d): it is computed again each time it is asked for",
                        size >> 20, self.max_bytes >> 20)
        with self._lock:
            self._enter(state)
            if size <= self.max_bytes:
                with contextlib.suppress(ValueError):
                    self._lru[question] = (value, size)
                while len(self._lru) > self.max_entries:
                    self._lru.popitem()
        return value

    def get_or_compute(self, state: str, question: Hashable, compute: Callable[[], T],
                       size: Callable[[T], int] | None = None) -> T:
        """The kept answer, or `compute()` kept for next time. A question is computed once
        at a time: callers who ask while another computes it wait for that answer (or its
        error) instead of computing it again beside it. Sixteen panel clients asking for a
        what-if nobody asked before cost one computation, not sixteen at once, each with
        its own copy in memory. An answer too large to keep still reaches every waiting
        caller. `size` measures an answer whose parts other entries already hold (a
        filtered list of cached rows costs only its own list), instead of `approx_size`."""
        key = (state, question)
        with self._lock:
            entry = self._lru.get(question) if state == self._state else None
            if entry is not None:
                self.hits += 1
                return entry[0]  # type: ignore[no-any-return]
            flight = self._flights.get(key)
            # A computation that asks for its own question again (it cannot wait for itself)
            # computes it beside, as before.
            mine = flight is None or flight.owner == threading.get_ident()
            if mine:
                flight = _Flight()
                self._flights.setdefault(key, flight)
                self.misses += 1
            else:
                self.waits += 1
        assert flight is not None
        if not mine:
            flight.done.wait()
            if flight.error is not None:
                raise flight.error
            return flight.value  # type: ignore[no-any-return]
        try:
            value = compute()
            flight.value = self.put(state, question, value,
                                    None if size is None else size(value))
            return flight.value  # type: ignore[no-any-return]
        except BaseException as exc:
            flight.error = exc
            raise
        finally:
            with self._lock:
                if self._flights.get(key) is flight:
                    del self._flights[key]
            flight.done.set()

    def held_states(self) -> list[str]:
        """The state whose answers are kept (empty when none are)."""
        with self._lock:
            return [self._state] if self._state is not None and len(self._lru) else []

    def find(self, question: Hashable) -> tuple[str, Any] | None:
        """(state, answer) for `question` in whatever state is held, if any."""
        with self._lock:
            entry = self._lru.get(question)
            if entry is None or self._state is None:
                return None
            return self._state, entry[0]

    def discard(self, question: Hashable) -> None:
        """Drop the answer to `question`, whatever the state."""
        with self._lock:
            self._lru.pop(question, None)

    def clear(self) -> None:
        """Drop every entry."""
        with self._lock:
            self._lru.clear()
            self._state = None

    @property
    def bytes(self) -> int:
        """Approximate bytes held."""
        with self._lock:
            return int(self._lru.currsize)

    def __len__(self) -> int:
        with self._lock:
            return len(self._lru)


results = ResultCache()
"""The process's cache; `configure` sets its bounds from the settings."""


def configure(max_entries: int, max_mb: int) -> None:
    """Give the process a cache with these bounds (KB_CACHE_ENTRIES, KB_CACHE_MB); what the
    old one held is dropped. Callers reach the cache as `cache.results` at call time."""
    global results
    results = ResultCache(max_entries, max_mb << 20)


class DiskSlot:
    """One object kept in a file for other processes, tagged with what it was computed from
    (a format tag and a data state): a reader gets it only when both tags match, and reads
    no further than the tag of a stale file. Written to a temporary file (mode 0600) and
    renamed, so a reader sees the old file or the new one. A cache: a missing, unreadable or
    unwritable file only means the object is computed again."""

    def __init__(self, path: Path, fmt: Any) -> None:
        self.path, self.fmt = path, fmt

    def read(self, state: str, kind: type[T]) -> T | None:
        """The object kept for `state`, if the file holds one of type `kind`."""
        try:
            with self.path.open("rb") as f:
                if pickle.load(f) != (self.fmt, state):
                    return None
                value = pickle.load(f)
        except Exception:  # a cache: missing, unreadable or foreign files are computed again
            return None
        return value if isinstance(value, kind) else None

    def write(self, state: str, value: Any) -> None:
        """Keep `value` as the object of `state`."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".slot-", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump((self.fmt, state), f, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def remove(self) -> None:
        """Delete the file."""
        self.path.unlink(missing_ok=True)
