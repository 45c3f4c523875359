"""`/actors`, `/components`, `/products`, `/fundings`, `/agreements`, `/decisions`: a list
page per node kind with search, facets, sort and pages (kb.views.browse), and its JSON twin."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from kb.analysis.common import parse_as_of
from kb.errors import UsageError
from kb.views import browse
from web.deps import AnswersDep, DriverDep, SettingsDep
from web.render import PanelError, render
from web.schemas import ERRORS, BrowseOut

router = APIRouter(tags=["browse"])


def _list(kind: str) -> Any:
    def handler(request: Request, driver: DriverDep, settings: SettingsDep,
                answers: AnswersDep, q: Annotated[str, Query(max_length=200)] = "",
                sort: Annotated[str | None, Query(max_length=40)] = None,
                order: Annotated[str | None, Query(max_length=4)] = None,
                page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                per_page: Annotated[int, Query(ge=1, le=browse.MAX_PER_PAGE)] = 100,
                as_of: str | None = None) -> Response:
        day = parse_as_of(as_of)
        spec = browse.KINDS[kind]
        filters = {f: request.query_params[f][:200] for f in request.query_params
                   if f in spec.facets}
        unknown = sorted(set(request.query_params) - set(spec.facets)
                         - {"q", "sort", "order", "page", "per_page", "as_of"})
        if unknown:
            raise PanelError(400, "bad_parameter",
                             f"{kind} has no parameter {', '.join(unknown)}",
                             f"Filter by {', '.join(spec.facets)}; or use q, sort, order, "
                             "page, per_page, as_of.")
        rows = answers.get(("browse", kind, day),
                           lambda: browse.table(driver, kind, day, settings))
        try:
            data = browse.page(rows, kind, q, filters, sort, order, page, per_page)
        except UsageError as exc:
            raise PanelError(400, "bad_parameter", exc.message, exc.hint) from None
        data["as_of"] = day
        data["as_of_given"] = as_of is not None
        return render(request, "browse.html", data)
    handler.__doc__ = (f"Every {browse.KINDS[kind].label.lower()}: search (q), filter by "
                       f"{', '.join(browse.KINDS[kind].facets)}, sort, pages.")
    return handler


for _kind, _spec in browse.KINDS.items():
    router.add_api_route(f"/{_kind}", _list(_kind), methods=["GET"], include_in_schema=False,
                         summary=_spec.title)
    router.add_api_route(f"/{_kind}.json", _list(_kind), methods=["GET"],
                         response_model=BrowseOut, responses=ERRORS,
                         summary=f"{_spec.title} (JSON): search, facets, sort, pages")
