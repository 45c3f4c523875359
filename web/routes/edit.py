"""`/edit`: add, change and delete records from the panel (signed-in editors), and the
pickers that find records to refer to.

Each form is the record's `valuenet/1` fields (`kb.views.forms`); a submitted form becomes a
one-record document saved through the loader (`kb.ingest.edit`): the same validation and
messages as `kb load`, every problem at once beside its field, and nothing written until all
pass. Every save, deletion and undo goes into the change log (`/history`).
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from kb.errors import NotFound
from kb.ingest import edit, loader, records
from kb.ingest.model import FORMAT, NODE_SECTIONS, SECTIONS
from kb.ingest.reader import RawFile
from kb.store import db
from kb.views import forms
from web.accounts import can_write, writer
from web.deps import DriverDep, SettingsDep
from web.render import PanelError, render, wants_json
from web.schemas import ERRORS, EditOut, PickOut, SavedOut

router = APIRouter(tags=["edit"])
MAX_FIELD = 20_000  # characters in one input (a long list of ids)


def _section(section: str) -> str:
    if section not in SECTIONS:
        raise PanelError(404, "not_found", f"no section {section!r}",
                         f"Sections: {', '.join(SECTIONS)}.")
    return section


def _sources(driver: Any, settings: Any) -> list[dict[str, Any]]:
    return db.run(driver, "export_ecosystems", settings=settings)


def record_url(section: str, key: str) -> str:
    """Where a saved record is shown: its entity page, or its form for a relationship."""
    if section in NODE_SECTIONS:
        return f"/{section}/{quote(key, safe='')}"
    return f"/edit/{section}?key={quote(key, safe='')}"


@router.get("/edit", summary="Editing hub", include_in_schema=False)
@router.get("/edit.json", response_model=EditOut, responses=ERRORS,
            summary="What can be edited: sections with their counts, and the sources")
def hub(request: Request, driver: DriverDep, settings: SettingsDep) -> Response:
    """Every section with how many records it holds and a link to add one; the sources a
    record can go into, and a form to start one."""
    counts = db.run(driver, "web_section_counts", settings=settings)[0]
    sections = [{"section": s, "title": forms.TITLES[s], "count": counts.get(s, 0),
                 "add": f"/edit/{s}", "list": f"/{s}" if s in NODE_SECTIONS else None}
                for s in SECTIONS]
    return render(request, "edit_hub.html", {"sections": sections,
                                             "sources": _sources(driver, settings),
                                             "writable": can_write(request)})


def _form_data(request: Request, driver: Any, settings: Any, section: str,
               key: str | None, given: dict[str, str] | None = None,
               problems: dict[str, list[str]] | None = None,
               source: str | None = None) -> dict[str, Any]:
    current = records.one(driver, section, key, settings) if key else None
    if key and current is None:
        raise PanelError(404, "not_found", f"no {forms.TITLES[section]} {key!r}",
                         f"Add it at /edit/{section}.")
    preset = {k: v for k, v in request.query_params.items()
              if k in {f.name for f in forms.fields(section)}}
    return {"section": section, "title": forms.TITLES[section], "key": key,
            "record": current, "node": section in NODE_SECTIONS,
            "fields": [f.__dict__ for f in forms.fields(section)],
            "given": given if given is not None else {**forms.values(section, current),
                                                       **preset},
            "problems": problems or {}, "sources": _sources(driver, settings),
            "source": source or request.query_params.get("source") or "",
            "writable": can_write(request), "format": FORMAT,
            "history": f"/history?section={section}&record={quote(key, safe='')}" if key
            else None}


@router.get("/edit/{section}", summary="A record's form (new, or ?key=ID to change one)",
            include_in_schema=False)
@router.get("/edit/{section}.json", response_model=EditOut, responses=ERRORS,
            summary="A record's form: its fields, and its values when ?key= names one")
def edit_form(request: Request, driver: DriverDep, settings: SettingsDep, section: str,
              key: str | None = None) -> Response:
    """The form of a new record of `section`, or of the record `key` (an id, or a
    relationship record's key). Query parameters named like fields fill them in."""
    _section(section)
    return render(request, "edit.html", _form_data(request, driver, settings, section, key))


@router.post("/edit/source", summary="Start a source", include_in_schema=False)
@router.post("/edit/source.json", response_model=SavedOut,
             responses={**ERRORS, 401: ERRORS[400], 403: ERRORS[400], 422: ERRORS[400]},
             summary="Start a source (an ecosystem) that records can be added to (editors)")
def new_source(request: Request, driver: DriverDep, settings: SettingsDep,
               id: Annotated[str, Form(max_length=200)],
               name: Annotated[str, Form(max_length=500)],
               currency: Annotated[str, Form(max_length=3)] = "USD",
               csrf: Annotated[str, Form(max_length=100)] = "",
               token: Annotated[str, Form(max_length=500)] = "") -> Response:
    """Load an empty `valuenet/1` document with this ecosystem header, as `kb init` and
    `kb load` would: the source exists, and records can be added to it."""
    author = writer(request, csrf, token)
    doc = {"format": FORMAT, "ecosystem": {"id": id.strip(), "name": name.strip(),
                                           "currency": currency.strip().upper() or "USD"}}
    try:
        loader.load_raw(driver, [RawFile("the form", doc, [])], settings=settings,
                        author=author, via="panel")
    except loader.ValidationFailed as exc:
        raise PanelError(422, "invalid_source", "; ".join(str(p) for p in exc.problems),
                         "Give an id (letters, digits, dashes), a name and an ISO 4217 "
                         "currency code.", {"problems": [p.as_dict() for p in exc.problems]}
                         ) from None
    if wants_json(request):
        return JSONResponse({"section": "ecosystem", "key": id, "action": "create",
                             "change": None, "url": "/edit"}, status_code=201)
    return RedirectResponse("/edit", status_code=303)


@router.post("/edit/{section}", summary="Save a record", include_in_schema=False)
@router.post("/edit/{section}.json", response_model=SavedOut,
             responses={**ERRORS, 401: ERRORS[400], 403: ERRORS[400], 422: ERRORS[400]},
             summary="Save a record (signed-in editors with the form token, or the editor "
             "token): the form's fields as form data")
async def edit_save(request: Request, driver: DriverDep, settings: SettingsDep,
                    section: str) -> Response:
    """Validate the form as `kb load` would and save it: a new record, or the record named
    by the hidden field `original`. Every problem is shown at once and nothing is written
    until there are none."""
    _section(section)
    form = await request.form(max_fields=200, max_files=0)
    given = {k: v for k, v in form.items() if isinstance(v, str)}
    for k, v in given.items():
        if len(v) > MAX_FIELD:
            raise PanelError(413, "too_large", f"field {k!r} holds {len(v):,} characters; at "
                             f"most {MAX_FIELD:,} are taken", "Load long lists from a file.")
    author = writer(request, given.get("csrf", ""), given.get("token", ""))
    original = given.get("original") or None
    rec = forms.record(section, given)
    try:
        saved = edit.save(driver, section, rec, author=author, original=original,
                          source=given.get("source") or None, settings=settings)
    except loader.ValidationFailed as exc:
        problems = edit.problems_by_field(exc.problems)
        if wants_json(request):
            raise PanelError(422, "invalid_record", f"{len(exc.problems)} problem(s); nothing "
                             "was written", "Fix them and send the form again.",
                             {"problems": [p.as_dict() for p in exc.problems]}) from None
        data = _form_data(request, driver, settings, section, original, given, problems,
                          given.get("source"))
        return render(request, "edit.html", data, status=422)
    except edit.Conflict as exc:
        raise PanelError(409, "conflict", exc.message, exc.hint) from None
    out = {"section": section, "key": saved.key, "action": saved.action,
           "change": saved.seq or None, "url": record_url(section, saved.key)}
    if wants_json(request):
        return JSONResponse(out, status_code=201 if saved.action == "create" else 200)
    target = str(out["url"])
    sep = "&" if "?" in target else "?"
    return RedirectResponse(f"{target}{sep}saved={saved.seq}" if saved.seq else target,
                            status_code=303)


@router.post("/edit/{section}/delete", summary="Delete a record", include_in_schema=False)
@router.post("/edit/{section}/delete.json", response_model=SavedOut,
             responses={**ERRORS, 401: ERRORS[400], 403: ERRORS[400], 409: ERRORS[400]},
             summary="Delete a record (editors); refused while other records refer to it")
def edit_delete(request: Request, driver: DriverDep, settings: SettingsDep, section: str,
                key: Annotated[str, Form(max_length=4000)],
                csrf: Annotated[str, Form(max_length=100)] = "",
                token: Annotated[str, Form(max_length=500)] = "") -> Response:
    """Delete the record `key` from every source that lists it; the change log keeps it,
    and undo puts it back."""
    _section(section)
    author = writer(request, csrf, token)
    try:
        seq = edit.delete(driver, section, key, author=author, settings=settings)
    except edit.Conflict as exc:
        raise PanelError(409, "conflict", exc.message, exc.hint) from None
    except NotFound as exc:
        raise PanelError(404, "not_found", exc.message, exc.hint) from None
    if wants_json(request):
        return JSONResponse({"section": section, "key": key, "action": "delete",
                             "change": seq, "url": f"/history/{seq}"})
    return RedirectResponse(f"/history/{seq}", status_code=303)


@router.get("/pick.json", response_model=PickOut, responses=ERRORS,
            summary="Records of some kinds whose id or name contains q (for pickers)")
def pick(driver: DriverDep, settings: SettingsDep, kind: str, q: str = "",
         limit: int = 20) -> Response:
    """Up to `limit` (at most 50) records of each kind in `kind` (comma-separated
    sections: actors, products, components, agreements, fundings, decisions) whose id or
    name contains `q`, ids starting with it first."""
    kinds = [k for k in kind.split(",") if k]
    bad = [k for k in kinds if k not in NODE_SECTIONS]
    if bad or not kinds:
        raise PanelError(400, "bad_kind", f"kind {kind[:80]!r} names no record kind",
                         f"Use one or more of {', '.join(NODE_SECTIONS)}, comma-separated.")
    limit = max(1, min(limit, 50))
    out = []
    for k in kinds:
        for row in db.run(driver, "web_pick", {"label": NODE_SECTIONS[k],
                                               "q": q.strip().lower()[:200], "limit": limit},
                          settings=settings):
            out.append({"id": row["id"], "name": row["name"], "kind": k})
    return JSONResponse({"items": out[:limit]})
