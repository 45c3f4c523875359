"""Outputs are written completely, or the command fails and says how far it got."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kb.cli import common
from kb.cli.common import write_out
from kb.errors import KBError


def test_a_file_gets_every_byte_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    out = tmp_path / "audit.json"
    data = b"x" * (3 * common.CHUNK + 5)  # several chunks
    write_out(out, data)
    assert out.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["audit.json"]


def test_a_full_disk_is_an_error_that_says_so() -> None:
    with pytest.raises(KBError) as err:
        write_out(Path("/dev/full"), "{}")
    assert err.value.message == ("could not write /dev/full: No space left on device; nothing "
                                 "complete was written")


def test_a_missing_folder_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(KBError, match=r"could not write .*nope/x.md: No such file or directory; "
                       "nothing complete was written"):
        write_out(tmp_path / "nope" / "x.md", "# audit")


class Trickle(io.RawIOBase):
    """A stream that takes at most 7 bytes a write, like a pipe under pressure."""

    def __init__(self, stop_after: int | None = None) -> None:
        self.got = bytearray()
        self.stop_after = stop_after

    def writable(self) -> bool:
        return True

    def write(self, b: object) -> int:
        chunk = bytes(b)[:7]  # type: ignore[call-overload]
        if self.stop_after is not None and len(self.got) >= self.stop_after:
            return 0
        self.got += chunk
        return len(chunk)


def test_short_writes_are_continued_until_everything_is_out(
        monkeypatch: pytest.MonkeyPatch) -> None:
    sink = Trickle()
    monkeypatch.setattr(common, "stdout", lambda: sink)
    write_out(None, "é" * 1000)
    assert bytes(sink.got) == ("é" * 1000).encode()


def test_a_stream_that_stops_taking_bytes_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    sink = Trickle(stop_after=21)
    monkeypatch.setattr(common, "stdout", lambda: sink)
    with pytest.raises(KBError) as err:
        write_out(None, b"x" * 100)
    assert err.value.message == ("could not write standard output (21 of 100 bytes written): "
                                 "the write moved 0 bytes after 21")
