"""JSON text for people and pipes: two-space indent, non-ASCII kept, key order kept.

orjson writes the same layout as `json.dumps(value, indent=2, ensure_ascii=False)` about
twenty times faster, which matters for a 100k-component risk answer (80 MB of JSON).
"""

from __future__ import annotations

from typing import Any

import orjson


def pretty(value: Any) -> str:
    """`value` as indented JSON text ending in a newline."""
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode() + "\n"
