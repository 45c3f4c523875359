"""What the store tells the rest of the application: a write committed.

Ingest (a load) and the audit history (a save) publish `Committed` after their transaction
commits; whoever keeps data derived from the graph subscribes where the application is wired
(the CLI's entry point, the panel's `create_app`), so the write path never imports the
analyses. Subscribers run in the publishing thread, in the order they subscribed; one that
fails is logged and skipped, since the write has already committed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from neo4j import Driver

from kb.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Committed:
    """A write by kb committed: which driver and settings reach the data, and what wrote."""

    driver: Driver
    settings: Settings
    what: str  # "load", "audit save", ...


Subscriber = Callable[[Committed], None]
_subscribers: list[Subscriber] = []
_lock = threading.Lock()


def subscribe(fn: Subscriber) -> None:
    """Call `fn` after every committed write; subscribing the same function twice is a no-op."""
    with _lock:
        if fn not in _subscribers:
            _subscribers.append(fn)


def unsubscribe(fn: Subscriber) -> None:
    """Stop calling `fn` (for tests and for a panel that shuts down)."""
    with _lock:
        if fn in _subscribers:
            _subscribers.remove(fn)


def subscribers() -> list[Subscriber]:
    """The current subscribers, in calling order."""
    with _lock:
        return list(_subscribers)


def publish(event: Committed) -> None:
    """Tell every subscriber that a write committed."""
    for fn in subscribers():
        try:
            fn(event)
        except Exception:  # the write stands; a derived cache is renewed by its next reader
            log.exception("a subscriber to %s failed", event.what)
