"""The list pages' search, facets, sort and pages (kb.views.browse.page), on rows made here."""

from __future__ import annotations

import pytest

from kb.errors import UsageError
from kb.views.browse import page

ROWS = [
    {"id": "a", "name": "Alpha", "kind": "group", "country": "GB", "grants": 2},
    {"id": "b", "name": "Beta", "kind": "business", "country": None, "grants": 0},
    {"id": "c", "name": "Gamma alpha", "kind": "group", "country": "SL", "grants": 5},
    {"id": "d", "name": "Delta", "kind": "group", "country": "GB", "grants": None},
]


def test_search_filter_and_facet_counts() -> None:
    got = page(ROWS, "actors", q="ALPHA")
    assert [r["id"] for r in got["rows"]] == ["a", "c"] and got["matched"] == 2
    assert got["total"] == 4
    # Each facet counts the rows matching the search and the *other* facets' filters.
    got = page(ROWS, "actors", filters={"kind": "group", "country": "GB"})
    assert [r["id"] for r in got["rows"]] == ["a", "d"]
    assert got["facets"]["kind"] == [{"value": "group", "count": 2, "selected": True}]
    assert got["facets"]["country"] == [{"value": "GB", "count": 2, "selected": True},
                                        {"value": "SL", "count": 1, "selected": False}]
    # A missing value is a value of its own, never lumped with a recorded one.
    missing = page(ROWS, "actors", filters={"country": "(not recorded)"})
    assert [r["id"] for r in missing["rows"]] == ["b"]


def test_sort_puts_missing_values_last_both_ways_and_pages() -> None:
    up = page(ROWS, "actors", sort="grants")
    assert [r["id"] for r in up["rows"]] == ["b", "a", "c", "d"]
    down = page(ROWS, "actors", sort="grants", order="desc")
    assert [r["id"] for r in down["rows"]] == ["c", "a", "b", "d"]
    second = page(ROWS, "actors", page_no=2, per_page=3)
    assert [r["id"] for r in second["rows"]] == ["d"] and second["pages"] == 2
    assert page(ROWS, "actors", page_no=9, per_page=3)["rows"] == []


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"filters": {"colour": "red"}}, "actors cannot be filtered by colour"),
    ({"sort": "colour"}, "actors cannot be sorted by 'colour'"),
    ({"order": "up"}, "order must be asc or desc, got 'up'"),
    ({"per_page": 501}, "per_page must be 1 to 500, got 501"),
    ({"page_no": 0}, "page must be 1 or more, got 0"),
])
def test_bad_requests_are_refused_with_the_choices(kwargs: dict, message: str) -> None:
    with pytest.raises(UsageError) as err:
        page(ROWS, "actors", **kwargs)
    assert err.value.message == message
