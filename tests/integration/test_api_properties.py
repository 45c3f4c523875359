"""Property tests of the panel's API (issue 19): schemathesis reads `/openapi.json` and, for
every documented operation, generates requests that fit the schema and requests that do not,
a bounded number of each. No answer may be a server error, and every JSON error comes in the
error shape with its status.

(schemathesis's own pytest plugin does not run under pytest 9, so the test walks the
operations itself and drives each one's Hypothesis strategy.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hyp_settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from kb.ingest import loader
from kb.store import schema as kb_schema
from tests.conftest import EXAMPLES

EXAMPLES_PER_MODE = 10  # per operation, for valid and for invalid requests each


@pytest.fixture(scope="module")
def api_schema(driver, settings, tmp_path_factory: pytest.TempPathFactory) -> Any:  # type: ignore[no-untyped-def]
    from web.app import create_app

    kb_schema.reset(driver, settings)
    loader.load(driver, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    state: Path = tmp_path_factory.mktemp("api")
    app = create_app(settings.model_copy(update={"kb_state_dir": state,
                                                 "kb_query_timeout": 2.0}))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _problem(case: Any, response: Any) -> str | None:
    where = f"{case.method} {case.formatted_path} query={case.query} body={str(case.body)[:80]}"
    if response.status_code >= 500:
        return f"{where}: {response.status_code} {response.text[:200]}"
    ctype = response.headers.get("content-type", [""])
    ctype = ctype[0] if isinstance(ctype, list) else ctype
    if response.status_code >= 400 and ctype.startswith("application/json"):
        error = response.json().get("error")
        if not (isinstance(error, dict) and error.get("status") == response.status_code
                and error.get("code") and error.get("message")):
            return f"{where}: {response.status_code} not in the error shape: {response.text[:200]}"
    return None


def test_no_operation_answers_a_server_error(api_schema: Any) -> None:
    problems: list[str] = []
    probed = 0
    calls: list[int] = []
    operations = [r.ok() for r in api_schema.get_all_operations()]
    assert len(operations) >= 20  # every JSON twin and the console are documented
    for op in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=op.as_strategy(generation_mode=mode))
            @hyp_settings(max_examples=EXAMPLES_PER_MODE, deadline=None, derandomize=True,
                          database=None, phases=[Phase.explicit, Phase.generate],
                          suppress_health_check=list(HealthCheck))
            def probe(case: Any) -> None:
                calls.append(1)
                found = _problem(case, case.call())
                if found and len(problems) < 30:
                    problems.append(found)

            try:
                probe()
            except Unsatisfiable:  # no invalid request exists for an operation without inputs
                assert mode is GenerationMode.NEGATIVE, op.label
                continue
            probed += 1
    assert problems == [], "\n".join(problems)
    assert probed >= len(operations)
    assert len(calls) > 5 * len(operations)  # 314 requests over 22 operations when written
