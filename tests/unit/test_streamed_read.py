"""The streamed load's reader and index (`kb.ingest.streamed`), without a server: the records
read one at a time are the records `json.loads` reads whole; what is not one well-formed JSON
object is refused; the index finds repeats and pages through its tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kb.ingest import streamed

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"


def whole(path: Path) -> dict[str, Any]:
    """The file put together again from `items`."""
    out: dict[str, Any] = {}
    for key, i, value in streamed.items(path):
        if i is None:
            out[key] = value
        else:
            assert i == len(out.setdefault(key, [])), "indexes count up from 0"
            out[key].append(value)
    return out


def json_files() -> list[Path]:
    """Every real JSON file of ../shared/data/real-files (SBOMs, lockfiles, funding.json),
    and the first 20 DPG nominee records: files nobody wrote for this reader."""
    if not SHARED.is_dir():
        return []
    real = sorted((SHARED / "real-files").glob("*.json"))
    nominees = sorted((SHARED / "dpg-nominees").glob("*.json"))[:20]
    return [p for p in real + nominees if p.stat().st_size < 20_000_000]


def test_items_give_what_json_loads_gives(tmp_path: Path) -> None:
    doc = {"format": "valuenet/1", "ecosystem": {"id": "e", "name": "É ∑ 😀"},
           "components": [{"id": f"c{i}", "n": i, "x": i / 3, "big": 2**62, "t": True,
                           "none": None, "nested": {"a": [1, [2, {"b": []}]]}}
                          for i in range(7)],
           "empty": [], "ties": [[1, 2], [], {}]}
    p = tmp_path / "doc.json"
    p.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert whole(p) == {k: v for k, v in doc.items() if k != "empty"}


@pytest.mark.parametrize("path", json_files(), ids=lambda p: p.name)
def test_items_of_real_json_objects(path: Path) -> None:
    """Real files from ../shared/data (funding.json and the like) read the same both ways;
    a file whose top level is no object is refused."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(doc, dict):
        with pytest.raises(streamed._Malformed, match="the top level must be a mapping"):
            whole(path)
        return
    expected = {k: v for k, v in doc.items() if v != []}
    assert whole(path) == expected


@pytest.mark.parametrize(("text", "message"), [
    ('{"a": 1, "a": 2}', "malformed JSON: duplicate key 'a'"),
    ('{"s": [{"id": "x", "id": "y"}]}', "malformed JSON: duplicate key 'id'; a key may appear"),
    ('{"s": [{"id": "x"}', "malformed JSON"),
    ('{"s": [1, 2,]}', "malformed JSON"),
    ('[1, 2]', "the top level must be a mapping"),
    ('{"a": 1} {"b": 2}', "malformed JSON"),
    ('', "malformed JSON: parse error: premature EOF"),
])
def test_what_is_not_one_json_object_is_refused(tmp_path: Path, text: str, message: str) -> None:
    p = tmp_path / "bad.json"
    p.write_text(text)
    with pytest.raises(streamed._Malformed) as exc:
        whole(p)
    assert str(exc.value).startswith(message)


def test_a_number_past_64_bits_is_left_to_the_whole_file_reader(tmp_path: Path) -> None:
    """ijson's C parser stops at 64-bit integers; `json.loads` reads them, so the whole-file
    path (which the loader falls back to) decides."""
    p = tmp_path / "big.json"
    p.write_text('{"fundings": [{"amount": 100000000000000000000000000000}]}')
    with pytest.raises(streamed._Malformed, match="malformed JSON: parse error: integer "
                       "overflow"):
        whole(p)


def test_a_byte_order_mark_or_utf16_is_left_to_the_whole_file_reader(tmp_path: Path) -> None:
    for name, data in (("bom", b"\xef\xbb\xbf{}"), ("utf16", '{"a": 1}'.encode("utf-16"))):
        p = tmp_path / f"{name}.json"
        p.write_bytes(data)
        with pytest.raises(streamed._Malformed, match="not plain UTF-8 JSON"):
            whole(p)


def test_slices_cut_each_list_at_the_size_and_at_its_end(tmp_path: Path) -> None:
    p = tmp_path / "doc.json"
    p.write_text(json.dumps({"a": [1, 2, 3, 4, 5], "meta": {"k": 1}, "b": [6, 7]}))
    assert list(streamed.slices(p, 2)) == [
        ("a", 0, [1, 2]), ("a", 2, [3, 4]), ("a", 4, [5]), ("meta", None, [{"k": 1}]),
        ("b", 0, [6, 7])]


def test_the_index_finds_a_repeat_and_what_it_repeats(tmp_path: Path) -> None:
    index = streamed.Index(tmp_path)
    assert index.add("ids", [("a", 0, 0, 0), ("b", 2, 0, 1)]) is None
    # Against the table: nothing of the batch is inserted.
    assert index.add("ids", [("c", 2, 1, 0), ("a", 2, 1, 1)]) == (
        ("a", 2, 1, 1), ("a", 0, 0, 0))
    assert index.find("ids", ["a", "b", "c"]) == {"a": (0, 0, 0), "b": (2, 0, 1)}
    # Within the batch.
    assert index.add("ids", [("d", 2, 1, 5), ("d", 2, 1, 9)]) == (
        ("d", 2, 1, 9), ("d", 2, 1, 5))
    # Relationship keys repeat only within one file.
    assert index.add("rels", [("k", 0, 3), ("k", 1, 4)], key=2) is None
    assert index.add("rels", [("k", 1, 8)], key=2) == (("k", 1, 8), ("k", 1, 4))
    index.close()


def test_the_index_pages_through_a_table_in_key_order(tmp_path: Path) -> None:
    index = streamed.Index(tmp_path)
    ids = [f"id-{i:03d}" for i in range(7)]
    index.put("live", [(i, n) for n, i in enumerate(reversed(ids))])
    index.put("live", [("id-000", 99)])  # the first stays
    pages = list(index.each("live", "id, node", 3))
    assert [len(p) for p in pages] == [3, 3, 1]
    assert [r[0] for p in pages for r in p] == ids
    assert pages[0][0] == ("id-000", 6)
    index.put("rels", [("k", 0, 0), ("k", 1, 0), ("j", 0, 1)])
    assert [r for p in index.each("rels", "key", 10, distinct=True) for r in p] == [
        ("j",), ("k",)]
    index.close()


class _Recorder:
    """Stands in for the batch sender: records what it is given, fails on request."""

    def __init__(self, fail_at: int | None = None) -> None:
        self.sent: list[tuple[str, int]] = []
        self.fail_at = fail_at

    def send(self, query: str, rows: list[Any], count: int, **params: Any) -> list[Any]:
        if self.fail_at is not None and len(self.sent) == self.fail_at:
            raise RuntimeError(f"batch {self.fail_at} failed")
        self.sent.append((query, count))
        return [{"ids": [r.get("id") for r in rows], "nodes": list(range(len(rows)))}]


def test_the_writer_sends_in_order_and_gives_back_what_it_created() -> None:
    rec = _Recorder()
    out = streamed._Writer(rec)  # type: ignore[arg-type]
    out.send("nodes", [{"id": "a"}, {"id": "b"}], 2, label="Actor")
    out.send("edges", [{"x": 1}], 1)
    out.send("nodes", [{"id": "c"}], 1, label="Component")
    out.flush()
    assert rec.sent == [("nodes", 2), ("edges", 1), ("nodes", 1)]
    assert list(out.created()) == [("a", "Actor", 0), ("b", "Actor", 1), ("c", "Component", 0)]
    assert list(out.created()) == []
    out.stop()
    assert not out.thread.is_alive()


def test_the_writer_stops_at_the_first_failure_and_says_so() -> None:
    rec = _Recorder(fail_at=1)
    out = streamed._Writer(rec)  # type: ignore[arg-type]
    out.send("a", [], 0)
    out.send("b", [], 0)
    out.send("c", [], 0)  # dropped: it comes after the failure
    with pytest.raises(RuntimeError, match="batch 1 failed"):
        out.flush()
    with pytest.raises(RuntimeError, match="batch 1 failed"):
        out.send("d", [], 0)
    out.stop()
    assert rec.sent == [("a", 0)]
    assert not out.thread.is_alive()
