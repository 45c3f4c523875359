"""The console's history, kept by the panel per browser until accounts exist.

A browser is known by a random cookie the panel sets on its first console query. Its history
holds every query it ran, failed ones included, newest first, with the outcome; running the
same query and parameters again moves it to the top. It lives in the panel process's memory
only (nothing a visitor sends is written to disk), bounded in browsers, entries and characters,
and is gone when the panel restarts.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections import OrderedDict
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

COOKIE = "vn_console"
MAX_BROWSERS = 500  # least recently active browsers are forgotten first
MAX_ENTRIES = 200  # per browser
MAX_KEPT_CHARS = 20_000  # the console's own limit on a query's length


class History:
    """Per-browser console histories, bounded, safe to share between threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._browsers: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()

    @staticmethod
    def new_id() -> str:
        """A fresh browser id for the cookie."""
        return secrets.token_urlsafe(18)

    def record(self, browser: str, cypher: str, params: dict[str, Any], status: int,
               outcome: str, rows: int | None = None) -> None:
        """Add a query and how it went (`outcome`: "ok" or the error code) to `browser`'s
        history."""
        params_text = json.dumps(params, sort_keys=True, ensure_ascii=False)
        if len(cypher) + len(params_text) > MAX_KEPT_CHARS:
            return
        entry = {"cypher": cypher, "params": params, "status": status, "outcome": outcome,
                 "rows": rows, "at": datetime.now(UTC).isoformat(timespec="seconds"),
                 "url": "/query?" + urlencode({"cypher": cypher, "params": params_text,
                                               "run": "1"})}
        with self._lock:
            entries = self._browsers.pop(browser, [])
            entries = [e for e in entries if (e["cypher"], e["params"]) != (cypher, params)]
            entries.insert(0, entry)
            self._browsers[browser] = entries[:MAX_ENTRIES]
            while len(self._browsers) > MAX_BROWSERS:
                self._browsers.popitem(last=False)

    def entries(self, browser: str | None, search: str = "") -> list[dict[str, Any]]:
        """`browser`'s history, newest first; with `search`, only the queries containing it
        (case-insensitive)."""
        if not browser:
            return []
        with self._lock:
            entries = list(self._browsers.get(browser, []))
        needle = search.strip().lower()
        return [e for e in entries if needle in e["cypher"].lower()] if needle else entries
