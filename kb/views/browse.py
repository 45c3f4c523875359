"""List pages for every node kind (`/actors`, `/components`, ...): the rows of one
`cypher/browse/` query, searched, filtered by facets, sorted and cut into pages.

The table of a kind is read once per data state (the caller caches `table()`); a request
then only filters its rows. Facet counts follow the usual rule: each facet counts the rows
that match the search and every *other* facet's filter, so choosing a value never hides the
other values of the same facet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import Driver

from kb import analysis
from kb.errors import UsageError
from kb.settings import Settings
from kb.store import db
from kb.store.db import plain

MAX_PER_PAGE = 500
UNKNOWN = "(not recorded)"  # the facet value of a field no source gave


@dataclass(frozen=True)
class Kind:
    """One list page: its query, the label of its entity pages, its columns (in order), the
    columns people filter by (facets), the columns searched, and the default order."""

    query: str
    label: str
    columns: tuple[str, ...]
    facets: tuple[str, ...]
    search: tuple[str, ...]
    sort: str
    title: str


KINDS = {
    "actors": Kind("browse_actors", "Actor",
                   ("id", "name", "kind", "country", "grants", "receives", "maintains", "owns",
                    "relies_on"), ("kind", "country"), ("id", "name"), "id", "Actors"),
    "components": Kind("browse_components", "Component",
                       ("id", "name", "risk_score", "risk_level", "funding", "reliant_actors",
                        "maintainers", "license", "depends_on", "depended_on_by",
                        "products_built_on"),
                       ("risk_level", "funding", "license"), ("id", "name", "repo"),
                       "risk_score", "Components"),
    "products": Kind("browse_products", "Product", ("id", "name", "owner", "built_on"),
                     ("owner",), ("id", "name", "owner"), "id", "Products"),
    "fundings": Kind("browse_fundings", "Funding",
                     ("id", "from", "to", "amount", "currency", "kind", "purpose", "start",
                      "end", "parent", "for"),
                     ("kind", "purpose", "currency", "from"), ("id", "from", "to"), "id",
                     "Funding flows"),
    "agreements": Kind("browse_agreements", "Agreement",
                       ("id", "title", "kind", "signed", "start", "end", "parties",
                        "concerns"), ("kind", "state"), ("id", "title"), "id", "Agreements"),
    "decisions": Kind("browse_decisions", "Decision", ("id", "date", "topic", "about",
                                                       "decided"),
                      ("year",), ("id", "topic"), "date", "Decisions"),
}
DESCENDING_BY_DEFAULT = {"risk_score"}


def table(driver: Driver, kind: str, as_of: str, settings: Settings | None = None
          ) -> list[dict[str, Any]]:
    """Every row of a kind, plain (dates as ISO text), with the derived columns."""
    spec = KINDS[kind]
    rows: list[dict[str, Any]] = plain(db.run(driver, spec.query, settings=settings))
    if kind == "components":
        risk = {c["id"]: c for c in
                analysis.risk(driver, as_of, settings=settings).data["components"]}
        for r in rows:
            c = risk.get(r["id"], {})
            r["risk_score"], r["risk_level"] = c.get("risk_score"), c.get("risk_level")
            r["reliant_actors"] = c.get("reliant_actors")
            r["maintainers"] = (c.get("maintainers") if c.get("maintenance_known")
                                else None)
            r["funding"] = ("unknown" if not c.get("funding_known") else
                            "hollow core" if c.get("hollow_core") else
                            "funded" if c.get("funded") else "unfunded")
    elif kind == "agreements":
        # In force as the agreement scorecard says (signed, and its period holds the day).
        scorecard = {g["id"]: g for g in
                     analysis.agreements(driver, as_of, settings=settings).data["agreements"]}
        for r in rows:
            g = scorecard.get(r["id"], {})
            r["state"] = ("draft" if not g.get("is_signed") else
                          "in force" if g.get("in_force") else "not in force")
    elif kind == "decisions":
        for r in rows:
            r["year"] = (r["date"] or "")[:4] or None
    return rows


def _value(row: dict[str, Any], facet: str) -> str:
    v = row.get(facet)
    return UNKNOWN if v is None or v == "" else str(v)


def _key(value: Any) -> tuple[int, Any]:
    """Sorts numbers as numbers and text as text; missing values last either way."""
    if value is None or value == "":
        return (2, "")
    if isinstance(value, bool | int | float):
        return (0, value)
    if isinstance(value, list):
        return (1, len(value))
    return (1, str(value).lower())


def page(rows: list[dict[str, Any]], kind: str, q: str = "",
         filters: dict[str, str] | None = None, sort: str | None = None,
         order: str | None = None, page_no: int = 1, per_page: int = 100) -> dict[str, Any]:
    """One page of `rows`: searched (case-insensitive text in the search columns), filtered
    (facet = value; `(not recorded)` matches a missing value), sorted, with the facet counts
    and how many rows match. Unknown facets, sort columns and orders are refused with the
    valid choices."""
    spec = KINDS[kind]
    filters = {k: v for k, v in (filters or {}).items() if v != ""}
    bad = sorted(set(filters) - set(spec.facets))
    if bad:
        raise UsageError(f"{kind} cannot be filtered by {', '.join(bad)}",
                         hint=f"Filter by {', '.join(spec.facets)}.")
    sort = sort or spec.sort
    if sort not in spec.columns:
        raise UsageError(f"{kind} cannot be sorted by {sort!r}",
                         hint=f"Sort by one of {', '.join(spec.columns)}.")
    order = order or ("desc" if sort in DESCENDING_BY_DEFAULT else "asc")
    if order not in ("asc", "desc"):
        raise UsageError(f"order must be asc or desc, got {order!r}")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise UsageError(f"per_page must be 1 to {MAX_PER_PAGE}, got {per_page}")
    if page_no < 1:
        raise UsageError(f"page must be 1 or more, got {page_no}")
    needle = q.strip().lower()
    searched = [r for r in rows if not needle or any(
        needle in str(r.get(c) or "").lower() for c in spec.search)]

    def matches(row: dict[str, Any], skip: str | None = None) -> bool:
        return all(_value(row, f) == v for f, v in filters.items() if f != skip)

    facets = {}
    for f in spec.facets:
        counts: dict[str, int] = {}
        for r in searched:
            if matches(r, f):
                counts[_value(r, f)] = counts.get(_value(r, f), 0) + 1
        facets[f] = [{"value": v, "count": n, "selected": filters.get(f) == v}
                     for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    found = [r for r in searched if matches(r)]
    # Ties keep the query's order (by id), in either direction.
    found.sort(key=lambda r: _key(r.get(sort)), reverse=order == "desc")
    if order == "desc":  # missing values last, also when descending
        found = [r for r in found if _key(r.get(sort))[0] != 2] + [
            r for r in found if _key(r.get(sort))[0] == 2]
    pages = max(1, -(-len(found) // per_page))
    start = (page_no - 1) * per_page
    return {"kind": kind, "title": spec.title, "label": spec.label,
            "columns": list(spec.columns), "q": q, "filters": filters, "sort": sort,
            "order": order, "page": page_no, "per_page": per_page, "pages": pages,
            "total": len(rows), "matched": len(found), "facets": facets,
            "rows": [{c: r.get(c) for c in spec.columns} for r in found[start:start + per_page]]}
