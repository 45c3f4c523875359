"""Committed writes are published to subscribers in order; a failing one does not stop the
others (the write has committed either way)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

from kb.settings import Settings
from kb.store import events


@pytest.fixture()
def clean() -> Iterator[None]:
    before = events.subscribers()
    for fn in before:
        events.unsubscribe(fn)
    yield
    for fn in events.subscribers():
        events.unsubscribe(fn)
    for fn in before:
        events.subscribe(fn)


def test_subscribers_hear_each_commit_once_in_order(clean: None) -> None:
    heard: list[tuple[str, str]] = []

    def first(e: events.Committed) -> None:
        heard.append(("first", e.what))

    def second(e: events.Committed) -> None:
        heard.append(("second", e.what))

    events.subscribe(first)
    events.subscribe(second)
    events.subscribe(first)  # no second registration
    event = events.Committed(driver=Any, settings=Settings(_env_file=None),  # type: ignore[call-arg,arg-type]
                             what="load")
    events.publish(event)
    assert heard == [("first", "load"), ("second", "load")]
    events.unsubscribe(first)
    events.publish(event)
    assert heard[-1] == ("second", "load") and len(heard) == 3


def test_a_failing_subscriber_is_logged_and_skipped(clean: None,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    heard: list[str] = []

    def broken(e: events.Committed) -> None:
        raise RuntimeError("snapshot file not writable")

    events.subscribe(broken)
    events.subscribe(lambda e: heard.append(e.what))
    with caplog.at_level(logging.ERROR, logger="kb.store.events"):
        events.publish(events.Committed(driver=None, settings=None, what="audit save"))  # type: ignore[arg-type]
    assert heard == ["audit save"]
    assert "a subscriber to audit save failed" in caplog.text
