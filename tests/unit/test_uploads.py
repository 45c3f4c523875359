"""Checked uploads are kept only between the dry run and the load, and only so many."""

from __future__ import annotations

import os
from pathlib import Path

from web.routes.imports import MAX_UPLOADS, UPLOAD_TTL, prune_uploads


def test_old_uploads_go_and_at_most_max_minus_one_stay(tmp_path: Path) -> None:
    now = 1_000_000.0
    for i in range(30):  # 5 past the time to live, 25 recent, oldest first
        f = tmp_path / f"u{i:02d}.yaml"
        f.write_text("x")
        age = UPLOAD_TTL + 100 - i if i < 5 else 60 * (30 - i)
        os.utime(f, (now - age, now - age))
    prune_uploads(tmp_path, now)
    left = sorted(p.name for p in tmp_path.iterdir())
    # The 5 expired ones go; of the 25 recent ones the newest MAX_UPLOADS - 1 (19) stay.
    assert len(left) == MAX_UPLOADS - 1
    assert left == [f"u{i:02d}.yaml" for i in range(30 - (MAX_UPLOADS - 1), 30)]
