"""`/import`: upload a valuenet/1 file, see a dry-run validation report, then load it.

Anyone may check a file; only an upload that passes and comes with the editor token is kept
(under KB_STATE_DIR/uploads, an hour at most, MAX_UPLOADS at most) for the load step, which
needs the token again. Nothing a visitor without the token sends stays on disk."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response

from kb.ingest import loader
from web import security
from web.accounts import can_write, writer
from web.deps import DriverDep
from web.render import PanelError, render
from web.schemas import ERRORS, ImportOut

router = APIRouter(tags=["import"])
SUFFIXES = {".yaml", ".yml", ".json"}
MAX_UPLOAD = security.MAX_UPLOAD


UPLOAD_TTL = 3600  # seconds a checked upload waits for its load step
MAX_UPLOADS = 20  # checked uploads kept at once


def _upload_dir(request: Request) -> Path:
    d = Path(request.app.state.settings.kb_state_dir) / "uploads"
    d.mkdir(parents=True, exist_ok=True)
    return d


def prune_uploads(folder: Path, now: float | None = None) -> None:
    """Uploads live only between the dry run and the load: remove those older than
    UPLOAD_TTL, then the oldest past MAX_UPLOADS - 1 (room for the one being stored)."""
    now = time.time() if now is None else now
    files = sorted((p for p in folder.iterdir() if p.is_file()), key=lambda p: p.stat().st_mtime)
    for p in files:
        if now - p.stat().st_mtime > UPLOAD_TTL:
            p.unlink(missing_ok=True)
    files = [p for p in files if p.exists()]
    for p in files[:max(0, len(files) - (MAX_UPLOADS - 1))]:
        p.unlink(missing_ok=True)


@router.get("/import", summary="Import page", include_in_schema=False)
@router.get("/import.json", response_model=ImportOut, summary="Import page (JSON)")
def import_page(request: Request) -> Response:
    """The upload form; says whether loading is allowed."""
    return render(request, "import.html", {"writable": can_write(request), "report": None})


@router.post("/import", summary="Validate an upload (dry run)", include_in_schema=False)
@router.post("/import.json", response_model=ImportOut, responses={**ERRORS, 422: ERRORS[400]},
             summary="Validate an upload (dry run)")
async def import_check(request: Request, driver: DriverDep,
                       file: Annotated[UploadFile, File()],
                       token: Annotated[str, Form(max_length=500)] = "") -> Response:
    """Validate an uploaded file against the knowledge base; nothing is written. The upload
    is kept for the load step only when it passes and comes from a signed-in editor or with
    the editor token (form field `token` or header `X-Editor-Token`); otherwise it is checked
    in a temporary folder and deleted before the answer."""
    name = Path(file.filename or "upload.yaml").name
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise PanelError(400, "bad_file", f"{name}: unknown file type {suffix!r}",
                         "Upload a .yaml, .yml or .json valuenet/1 file.")
    content = await file.read(MAX_UPLOAD + 1)
    if len(content) > MAX_UPLOAD:
        raise PanelError(413, "too_large", f"{name} is larger than {MAX_UPLOAD // 2**20} MiB",
                         "Load large files with `kb load` instead.")
    settings = request.app.state.settings
    given = token or request.headers.get("x-editor-token", "")
    editor = bool(writer(request, token=given)) if given else can_write(request)
    digest = hashlib.sha256(content).hexdigest()[:32]
    with tempfile.TemporaryDirectory(prefix="kb-check-") as scratch:
        checked = Path(scratch) / f"{digest}{suffix}"
        checked.write_bytes(content)
        result = loader.check([checked], driver, settings)
        problems = [{**p.as_dict(), "file": name,
                     "where": p.where().replace(str(checked), name)} for p in result.problems]
        report: dict[str, Any] = {"file": name, "ok": result.ok, "problems": problems,
                                  "kept": False}
        if result.ok:
            report["records"] = {k: len(v) for k, v in result.sources[0].sections.items()}
            if editor:
                folder = _upload_dir(request)
                prune_uploads(folder)
                shutil.copyfile(checked, folder / checked.name)
                report.update(upload=checked.name, kept=True)
    return render(request, "import.html", {"writable": editor, "report": report},
                  status=200 if result.ok else 422)


@router.post("/import/load", summary="Load a validated upload (editors)",
             include_in_schema=False)
@router.post("/import/load.json", response_model=ImportOut,
             responses={**ERRORS, 403: ERRORS[400], 422: ERRORS[400]},
             summary="Load a validated upload (a signed-in editor, or the editor token)")
def import_load(request: Request, driver: DriverDep, upload: Annotated[str, Form()],
                token: Annotated[str, Form(max_length=500)] = "",
                csrf: Annotated[str, Form(max_length=100)] = "") -> Response:
    """Load a file checked before; needs a signed-in editor (with the form's token) or the
    editor token from KB_EDITOR_TOKEN."""
    author = writer(request, csrf, token)
    path = _upload_dir(request) / Path(upload).name
    if not path.exists():
        raise PanelError(404, "not_found", f"no checked upload named {upload!r}",
                         "Upload the file again.")
    try:
        report = loader.load(driver, [path], settings=request.app.state.settings,
                             author=author, via="panel")
    except loader.ValidationFailed as exc:
        raise PanelError(422, "invalid_file", f"{len(exc.problems)} problem(s); nothing was "
                         "written", None, {"problems": [p.as_dict() for p in exc.problems]}
                         ) from None
    return render(request, "import.html", {"writable": True, "report": None,
                                           "loaded": report.as_dict()})
