"""`/history`: the change log (every load, import, forget, and every record added, changed,
deleted or undone, with its author), one change with the record before and after, and undo."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from kb.errors import NotFound
from kb.ingest import edit, records
from kb.store import changes
from web.accounts import can_write, writer
from web.deps import DriverDep, SettingsDep, StateDep
from web.render import PanelError, render, wants_json
from web.routes.edit import record_url
from web.schemas import ERRORS, ChangeOut, ChangesOut

router = APIRouter(tags=["history"])
PAGE = 50
UNDOABLE = ("create", "update", "delete", "undo")


def fields_changed(section: str | None, before: dict[str, Any] | None,
                   after: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Each field of a record with its value before and after, changed ones marked, in
    the format's field order."""
    order = records.FIELD_ORDER.get(section or "", [])
    names = [n for n in order if n in (before or {}) or n in (after or {})]
    names += [n for n in dict.fromkeys([*(before or {}), *(after or {})]) if n not in names]
    return [{"field": n, "before": (before or {}).get(n), "after": (after or {}).get(n),
             "changed": (before or {}).get(n) != (after or {}).get(n)} for n in names]


@router.get("/history", summary="The change log", include_in_schema=False)
@router.get("/history.json", response_model=ChangesOut, responses=ERRORS,
            summary="The change log, newest first (50 a page)")
def history(request: Request, driver: DriverDep, settings: SettingsDep, state: StateDep,
            section: str | None = None, record: str | None = None,
            author: str | None = None, before: int | None = None) -> Response:
    """Every change, newest first; or one record's (`section` and `record`), or one
    author's. `before` pages back."""
    rows = changes.listing(driver, settings, section=section if record else None,
                           record=record, author=author, before_seq=before, limit=PAGE + 1)
    older = None
    if len(rows) > PAGE:
        rows = rows[:PAGE]
        kept = {k: v for k, v in (("section", section), ("record", record),
                                  ("author", author)) if v}
        older = "/history?" + urlencode({**kept, "before": rows[-1]["seq"]})
    for r in rows:
        r["url"] = f"/history/{r['seq']}"
        r.pop("before", None)
        r.pop("after", None)
    return render(request, "history.html", {
        "changes": rows, "older": older, "section": section, "record": record,
        "author": author, "record_url": record_url(section, record)
        if section and record else None})


@router.get("/history/{seq}", summary="One change", include_in_schema=False)
@router.get("/history/{seq}.json", response_model=ChangeOut, responses=ERRORS,
            summary="One change: the record before and after, field by field")
def change(request: Request, driver: DriverDep, settings: SettingsDep, state: StateDep,
           seq: int) -> Response:
    """Who changed what and when, the record before and after, and an undo button for
    editors while the change can still be undone."""
    try:
        entry = changes.get(driver, seq, settings)
    except NotFound as exc:
        raise PanelError(404, "not_found", exc.message, exc.hint) from None
    entry.pop("before_dump", None)
    entry.pop("after_dump", None)
    entry["fields"] = fields_changed(entry["section"], entry["before"], entry["after"])
    entry["undoable"] = entry["action"] in UNDOABLE and entry["undone_by"] is None
    entry["writable"] = can_write(request)
    entry["record_url"] = (record_url(entry["section"], entry["record"])
                           if entry["section"] and entry["record"] and entry["after"]
                           else None)
    return render(request, "change.html", entry)


@router.post("/history/{seq}/undo", summary="Undo a change", include_in_schema=False)
@router.post("/history/{seq}/undo.json", response_model=ChangeOut,
             responses={**ERRORS, 401: ERRORS[400], 403: ERRORS[400], 409: ERRORS[400]},
             summary="Undo one record's change (editors): puts back exactly what was stored")
def undo(request: Request, driver: DriverDep, settings: SettingsDep, seq: int,
         csrf: Annotated[str, Form(max_length=100)] = "",
         token: Annotated[str, Form(max_length=500)] = "") -> Response:
    """Undo change `seq`; refused (409) when the record changed since or the change was
    undone already."""
    author = writer(request, csrf, token)
    try:
        new = edit.undo(driver, seq, author=author, settings=settings)
    except edit.Conflict as exc:
        raise PanelError(409, "conflict", exc.message, exc.hint) from None
    except NotFound as exc:
        raise PanelError(404, "not_found", exc.message, exc.hint) from None
    except edit.UsageError as exc:
        raise PanelError(400, "not_undoable", exc.message, exc.hint) from None
    if wants_json(request):
        return JSONResponse({"seq": new, "author": author, "action": "undo",
                             "undoable": True, "undoes": seq, "url": f"/history/{new}"})
    return RedirectResponse(f"/history/{new}", status_code=303)
