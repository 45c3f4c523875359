"""Importer helpers: identity keys and the likely-duplicate report."""

from __future__ import annotations

from kb.ingest.importers import likely_duplicates, repo_url, slug
from kb.ingest.importers.npm_lock import purl


def test_repository_urls_normalise_to_one_key() -> None:
    want = "https://github.com/websockets/ws"
    for url in ("https://github.com/websockets/ws", "https://github.com/WebSockets/ws.git",
                "git+https://github.com/websockets/ws.git", "git@github.com:websockets/ws.git",
                "git://github.com/websockets/ws", "http://github.com/websockets/ws/"):
        assert repo_url(url) == want, url
    assert repo_url(None) is None


def test_package_urls() -> None:
    assert purl("@angular/core", "17.0.0") == "pkg:npm/%40angular/core@17.0.0"
    assert purl("ws", None) == "pkg:npm/ws"


def test_slug() -> None:
    assert slug("Health Information Systems Programme (HISP), University of Oslo") == (
        "health-information-systems-programme-hisp-university-of-oslo")


def test_likely_duplicates_case_punctuation_one_word_one_letter() -> None:
    found = likely_duplicates({
        "a": "UNICEF Venture Fund", "b": "UNICEF Ventures Fund", "c": "Norad", "d": "NORAD.",
        "e": "Digital Square", "f": "Digital Square Inc", "g": "Gates Foundation",
        "h": "Bill & Melinda Gates Foundation"})
    pairs = {(x["a"], x["b"]): x["why"] for x in found}
    assert pairs == {("a", "b"): "differ by one letter",
                     ("c", "d"): "same words, different case or punctuation",
                     ("e", "f"): "differ by one word"}
