"""JSON text for people and pipes: two-space indent, non-ASCII kept, key order kept.

orjson writes the same layout as `json.dumps(value, indent=2, ensure_ascii=False)` about
twenty times faster, which matters for a 100k-component risk answer (80 MB of JSON).
"""

from __future__ import annotations

from typing import Any

import orjson


def pretty_bytes(value: Any) -> bytes:
    """`value` as indented JSON text ending in a newline, encoded as UTF-8: what goes to a
    pipe. For a 100k-component risk answer (80 MB), skipping the round trip through `str`
    took `kb risk --format json` from 1.39-1.70 s to 1.26-1.53 s."""
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS) + b"\n"


def pretty(value: Any) -> str:
    """`value` as indented JSON text ending in a newline."""
    return pretty_bytes(value).decode()
