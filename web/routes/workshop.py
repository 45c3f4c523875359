"""`/workshop`: the workshop pages (kb.views.workshop), each usable with a group in one
sitting and each ending in a printable summary: a product's value network, an agreement's
scorecard, a product's decision points. Their forms save through `kb.ingest.edit.save_many`:
one transaction per form, one change log entry per record changed."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from kb.errors import NotFound, UsageError
from kb.ingest import edit, loader, records
from kb.store import db
from kb.views import workshop
from web.accounts import can_write, writer
from web.deps import DriverDep, SettingsDep, StateDep
from web.render import PanelError, render, wants_json
from web.routes.edit import MAX_FIELD
from web.schemas import ERRORS, SavedOut, WorkshopOut

router = APIRouter(tags=["workshop"])
MAX_ROWS = 500


async def _form(request: Request) -> dict[str, str]:
    form: FormData = await request.form(max_fields=5000, max_files=0)
    given = {k: v for k, v in form.items() if isinstance(v, str)}
    for k, v in given.items():
        if len(v) > MAX_FIELD:
            raise PanelError(413, "too_large", f"field {k!r} holds {len(v):,} characters; at "
                             f"most {MAX_FIELD:,} are taken")
    return given


def _not_found(exc: NotFound) -> PanelError:
    return PanelError(404, "not_found", exc.message, exc.hint)


def _saved(request: Request, saved: list[edit.Saved], back: str) -> Response:
    changed = [s for s in saved if s.action != "unchanged"]
    if wants_json(request):
        return JSONResponse({"section": "workshop", "key": back, "action": "save",
                             "change": changed[-1].seq if changed else None, "url": back,
                             "changes": [s.seq for s in changed]})
    sep = "&" if "?" in back else "?"
    return RedirectResponse(f"{back}{sep}saved={len(changed)}", status_code=303)


def _save(request: Request, driver: Any, settings: Any, items: list[edit.Item],
          author: str, source: str | None) -> list[edit.Saved]:
    if not items:
        return []
    try:
        return edit.save_many(driver, items, author=author, source=source, settings=settings)
    except loader.ValidationFailed as exc:
        raise PanelError(422, "invalid_record", f"{len(exc.problems)} problem(s); nothing was "
                         "saved: " + "; ".join(f"{p.section}[{p.index}] {p.field or ''}: "
                                               f"{p.reason}" for p in exc.problems[:10]),
                         "Go back, fix them and send the form again.",
                         {"problems": [p.as_dict() for p in exc.problems]}) from None
    except edit.Conflict as exc:
        raise PanelError(409, "conflict", exc.message, exc.hint) from None
    except NotFound as exc:
        raise _not_found(exc) from None
    except UsageError as exc:
        raise PanelError(400, "bad_request", exc.message, exc.hint) from None


def _source_of(driver: Any, settings: Any, section: str, key: str) -> str | None:
    held = edit.dump(records.on(driver, settings), section, key)
    sources = ((held or {}).get("props") or {}).get("_sources") or []
    return str(sources[-1]) if sources else None


@router.get("/workshop", summary="Workshop pages", include_in_schema=False)
@router.get("/workshop.json", response_model=WorkshopOut, responses=ERRORS,
            summary="The workshop pages of each product and agreement")
def hub(request: Request, driver: DriverDep, settings: SettingsDep,
        state: StateDep) -> Response:
    """Every product with its value network and decision points page, and every
    agreement with its scorecard."""
    rows = db.run(driver, "web_pick", {"label": "Product", "q": "", "limit": 1000},
                  settings=settings)
    ags = db.run(driver, "web_pick", {"label": "Agreement", "q": "", "limit": 1000},
                 settings=settings)
    return render(request, "workshop.html", {"products": rows, "agreements": ags,
                                             "writable": can_write(request)})


@router.get("/workshop/network", summary="Value network workshop", include_in_schema=False)
@router.get("/workshop/network.json", response_model=WorkshopOut, responses=ERRORS,
            summary="A product's value network: actors, exchanges, IVN criteria")
def network(request: Request, driver: DriverDep, settings: SettingsDep, state: StateDep,
            product: str, as_of: str | None = None) -> Response:
    """Every actor around `product`: what the owner gives it and needs from it, the four
    IVN criteria, and whether the IVN counts it a member."""
    try:
        data = workshop.value_network(driver, product, as_of, settings)
    except NotFound as exc:
        raise _not_found(exc) from None
    return render(request, "workshop_network.html", {**data, "writable": can_write(request)})


def network_items(data: dict[str, Any], form: dict[str, str]) -> list[edit.Item]:
    """The records a submitted value network form asks for. Each row names its actor
    (`actor.N`); its involvement is written when a criterion is ticked or it had one (the
    form shows every criterion, so an unticked box means no), and each new thing given or
    needed becomes an exchange. Rows not in the form are left alone."""
    items: list[edit.Item] = []
    held = {str(r["actor"]): r["involvement"] for r in data["actors"]}
    tags = [k.split(".", 1)[1] for k in form if k.startswith("actor.")]
    if len(tags) > MAX_ROWS:
        raise PanelError(413, "too_large", f"{len(tags)} rows; at most {MAX_ROWS}")
    for tag in tags:
        actor = form[f"actor.{tag}"].strip()
        if not actor:
            continue
        develops = form.get(f"develops.{tag}") == "yes"
        joint = form.get(f"joint_planning.{tag}") == "yes"
        performs = [p.strip() for p in form.get(f"performs.{tag}", "").replace("\n", ";")
                    .split(";") if p.strip()]
        old = held.get(actor)
        if old is not None or develops or joint or performs or tag == "new":
            rec: dict[str, Any] = {k: v for k, v in (old or {}).items() if k != "key"}
            rec.update({"actor": actor, "product": data["product"], "develops": develops,
                        "joint_planning": joint, "performs": performs})
            if not performs:
                rec.pop("performs")
            items.append(edit.Item("involvement", rec, old["key"] if old else None))
        for side in ("give", "need"):
            what = form.get(f"{side}.{tag}", "").strip()
            if what:
                ends = ((data["owner"], actor) if side == "give" else (actor, data["owner"]))
                items.append(edit.Item("exchanges", {
                    "from": ends[0], "to": ends[1], "gives": what,
                    "kind": form.get(f"{side}_kind.{tag}", "intangible")}))
    return items


@router.post("/workshop/network", summary="Save the value network", include_in_schema=False)
@router.post("/workshop/network.json", response_model=SavedOut,
             responses={**ERRORS, 401: ERRORS[400], 403: ERRORS[400], 422: ERRORS[400]},
             summary="Save the value network form (editors): involvement and exchanges")
async def network_save(request: Request, driver: DriverDep, settings: SettingsDep,
                       product: str) -> Response:
    """Write each row's involvement (the criteria ticked) and each new exchange, in one
    transaction; every record changed gets a change log entry."""
    form = await _form(request)
    author = writer(request, form.get("csrf", ""), form.get("token", ""))
    try:
        data = workshop.value_network(driver, product, None, settings)
    except NotFound as exc:
        raise _not_found(exc) from None
    items = network_items(data, form)
    saved = _save(request, driver, settings, items, author,
                  _source_of(driver, settings, "products", product))
    return _saved(request, saved, f"/workshop/network?product={quote(product, safe='')}")


@router.get("/workshop/scorecard", summary="Agreement scorecard workshop",
            include_in_schema=False)
@router.get("/workshop/scorecard.json", response_model=WorkshopOut, responses=ERRORS,
            summary="An agreement's scorecard: each area covered or not, and its scores")
def scorecard(request: Request, driver: DriverDep, settings: SettingsDep, state: StateDep,
              agreement: str) -> Response:
    """Each scorecard area of `agreement`: covered or not, comprehensive and clear (0-3
    each) and a note, on the documented scale."""
    try:
        data = workshop.scorecard(driver, agreement, settings)
    except NotFound as exc:
        raise _not_found(exc) from None
    return render(request, "workshop_scorecard.html", {**data,
                                                       "writable": can_write(request)})


def scorecard_record(record: dict[str, Any], form: dict[str, str]) -> dict[str, Any]:
    """The agreement record a submitted scorecard describes: the areas ticked as covered,
    and the scores given (an area needs both scores, or neither)."""
    out = {k: v for k, v in record.items() if k not in ("areas", "scores")}
    areas, scores = [], {}
    for a in workshop.Area:
        name = a.value
        if form.get(f"covered.{name}") == "yes":
            areas.append(name)
        comp, clear = form.get(f"comprehensive.{name}", ""), form.get(f"clear.{name}", "")
        note = form.get(f"note.{name}", "").strip()
        if comp or clear or note:
            scores[name] = {"comprehensive": comp or None, "clear": clear or None,
                            **({"note": note} if note else {})}
    if areas:
        out["areas"] = areas
    if scores:
        out["scores"] = scores
    return out


@router.post("/workshop/scorecard", summary="Save the scorecard", include_in_schema=False)
@router.post("/workshop/scorecard.json", response_model=SavedOut,
             responses={**ERRORS, 401: ERRORS[400], 403: ERRORS[400], 422: ERRORS[400]},
             summary="Save an agreement's scorecard (editors)")
async def scorecard_save(request: Request, driver: DriverDep, settings: SettingsDep,
                         agreement: str) -> Response:
    """Write the agreement with the areas ticked and the scores given, through the loader's
    validation (a score needs both numbers, 0-3, and its area ticked)."""
    form = await _form(request)
    author = writer(request, form.get("csrf", ""), form.get("token", ""))
    record = records.one(driver, "agreements", agreement, settings)
    if record is None:
        raise PanelError(404, "not_found", f"no agreement {agreement!r}")
    saved = _save(request, driver, settings, [edit.Item(
        "agreements", scorecard_record(record, form), agreement)], author, None)
    return _saved(request, saved, f"/workshop/scorecard?agreement={quote(agreement, safe='')}")


@router.get("/workshop/decisions", summary="Decision points workshop",
            include_in_schema=False)
@router.get("/workshop/decisions.json", response_model=WorkshopOut, responses=ERRORS,
            summary="A product's decision points: every member's voice, who is never at the "
            "table")
def decisions(request: Request, driver: DriverDep, settings: SettingsDep, state: StateDep,
              product: str, as_of: str | None = None) -> Response:
    """Each decision about `product` (or the components it is built on) with the voice of
    its owner and each IVN member, and who is never at the table."""
    try:
        data = workshop.decision_points(driver, product, as_of, settings)
    except NotFound as exc:
        raise _not_found(exc) from None
    return render(request, "workshop_decisions.html", {**data,
                                                       "writable": can_write(request)})


def decision_items(data: dict[str, Any], form: dict[str, str],
                   held: dict[str, dict[str, Any]]) -> list[edit.Item]:
    """The decision records a submitted grid asks for. Rows name their decision
    (`decision.N`) and columns their actor (`person.M`); each decision's voices are the
    cells (an empty cell: not recorded), and voices of actors not in the grid are kept. A
    new decision is added when one is named."""
    people = {k.split(".", 1)[1]: v for k, v in form.items() if k.startswith("person.")}
    items = []
    for key, decision in form.items():
        if not key.startswith("decision.") or decision not in held:
            continue
        i = key.split(".", 1)[1]
        rec = dict(held[decision])
        voices = {a: v for a, v in (rec.pop("voices", None) or {}).items()
                  if a not in people.values()}
        voices.update({a: form[f"voice.{i}.{j}"] for j, a in people.items()
                       if form.get(f"voice.{i}.{j}")})
        if voices:
            rec["voices"] = voices
        items.append(edit.Item("decisions", rec, decision))
    new_id = form.get("id.new", "").strip()
    if new_id or form.get("topic.new", "").strip():
        new: dict[str, Any] = {"id": new_id, "topic": form.get("topic.new", "").strip(),
                               "about": [data["product"]]}
        if form.get("date.new", "").strip():
            new["date"] = form["date.new"].strip()
        voices = {a: form[f"voice.new.{j}"] for j, a in people.items()
                  if form.get(f"voice.new.{j}")}
        if voices:
            new["voices"] = voices
        items.append(edit.Item("decisions", new))
    return items


@router.post("/workshop/decisions", summary="Save the decision points",
             include_in_schema=False)
@router.post("/workshop/decisions.json", response_model=SavedOut,
             responses={**ERRORS, 401: ERRORS[400], 403: ERRORS[400], 422: ERRORS[400]},
             summary="Save the decision points grid (editors)")
async def decisions_save(request: Request, driver: DriverDep, settings: SettingsDep,
                         product: str) -> Response:
    """Write each decision's voices as the grid says, and a new decision when one is
    named, in one transaction."""
    form = await _form(request)
    author = writer(request, form.get("csrf", ""), form.get("token", ""))
    try:
        data = workshop.decision_points(driver, product, None, settings)
    except NotFound as exc:
        raise _not_found(exc) from None
    held = {d["id"]: records.one(driver, "decisions", d["id"], settings) or {}
            for d in data["decisions"]}
    if len(form) > 5000:
        raise PanelError(413, "too_large", "the grid has too many cells")
    saved = _save(request, driver, settings, decision_items(data, form, held), author,
                  _source_of(driver, settings, "products", product))
    return _saved(request, saved, f"/workshop/decisions?product={quote(product, safe='')}")

