"""`/healthz`: whether the panel can reach Neo4j, for a reverse proxy or a container check.
Always JSON, whatever the request accepts."""

from __future__ import annotations

import time

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from neo4j.exceptions import DriverError, Neo4jError

from kb.errors import ConnectionFailed
from kb.store import db
from web.deps import SettingsDep, get_driver
from web.render import error_body
from web.schemas import ERRORS, HealthOut

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthOut, responses={503: ERRORS[503]},
            summary="Health: the panel answers and Neo4j does")
def healthz(request: Request, settings: SettingsDep) -> Response:
    """200 with how long a bookmark read took; 503 in the error shape when Neo4j does not
    answer (within KB_CONNECT_TIMEOUT seconds)."""
    start = time.perf_counter()
    try:
        db.data_state(get_driver(request), settings=settings)
    except ConnectionFailed as exc:
        return JSONResponse(error_body(503, "neo4j_unavailable", exc.message, exc.hint), 503)
    except (DriverError, Neo4jError) as exc:
        request.app.state.driver = None
        return JSONResponse(error_body(503, "neo4j_unavailable", "Neo4j does not answer: "
                                       f"{type(exc).__name__}", "Check that the server runs."),
                            503)
    return JSONResponse({"status": "ok", "neo4j": "up",
                         "neo4j_ms": round(1000 * (time.perf_counter() - start), 1)})
