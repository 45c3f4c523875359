"""The registry of analyses: how `kb analyze` and the panel find and call each one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver

from kb.analysis.common import Analysis
from kb.analysis.networks import agreements, ivn
from kb.analysis.power import network_stage, power, reciprocity
from kb.analysis.risk import free_riders, funding_cliffs, hollow_core, risk, unknowns
from kb.analysis.topology import funding_topology
from kb.errors import UsageError
from kb.settings import Settings


@dataclass(frozen=True)
class Spec:
    """How `kb analyze` and the panel call an analysis."""

    fn: Callable[..., Analysis]
    description: str
    params: dict[str, str] = field(default_factory=dict)


_RISK_PARAMS = {"as_of": "date", "horizon": "int", "without": "list"}
REGISTRY: dict[str, Spec] = {
    "risk": Spec(risk, "Hollow-core risk of every component, most urgent first; what-ifs: "
                 "without (actors whose money stops), leave (actors that leave), fund "
                 "(COMPONENT[:AMOUNT[:MONTHS]], hypothetical grants).",
                 {**_RISK_PARAMS, "leave": "list", "fund": "list"}),
    "hollow_core": Spec(hollow_core, "Shared components nobody funds, ranked.", _RISK_PARAMS),
    "funding_cliffs": Spec(funding_cliffs, "Maintenance funding that stops within the horizon.",
                           _RISK_PARAMS),
    "free_riders": Spec(free_riders, "Actors relying on code they neither fund nor maintain.",
                        _RISK_PARAMS),
    "unknowns": Spec(unknowns, "What to find out next: shared components whose funding or "
                     "maintenance is unknown, most relied upon first.", {"as_of": "date"}),
    "ivn": Spec(ivn, "A product's inner value network, with criteria and gaps.",
                {"product": "str", "as_of": "date"}),
    "agreements": Spec(agreements, "Agreement scorecard: covered and missing areas.",
                       {"as_of": "date"}),
    "funding_topology": Spec(funding_topology,
                             "Funders, lead agencies, hub share, concentration, shape.",
                             {"as_of": "date", "without": "list"}),
    "power": Spec(power, "Decisions: who decides, who is absent, decisions taken alone.",
                  {"as_of": "date"}),
    "network_stage": Spec(network_stage, "Development stage the ties reach; who is cut off."),
    "reciprocity": Spec(reciprocity, "Actors that only give or only receive."),
}


def run(driver: Driver, name: str, params: dict[str, Any],
        settings: Settings | None = None) -> Analysis:
    """Run an analysis by name with string or typed parameters."""
    if name not in REGISTRY:
        raise UsageError(f"no analysis named {name!r}",
                         hint="Valid analyses: " + ", ".join(REGISTRY))
    spec = REGISTRY[name]
    unknown = sorted(set(params) - set(spec.params))
    if unknown:
        raise UsageError(f"analysis {name!r} has no parameter {', '.join(unknown)}",
                         hint=f"Its parameters are: {', '.join(spec.params) or '(none)'}.")
    typed: dict[str, Any] = {}
    for key, value in params.items():
        kind = spec.params[key]
        if kind == "int" and isinstance(value, str):
            try:
                value = int(value)
            except ValueError:
                raise UsageError(f"parameter {key!r} must be a whole number, got {value!r}"
                                 ) from None
        if kind == "list" and isinstance(value, str):
            value = [v for v in value.split(",") if v]
        typed[key] = value
    if name == "ivn" and "product" not in typed:
        raise UsageError("analysis 'ivn' needs parameter 'product'",
                         hint="Give it with --param product=ID.")
    return spec.fn(driver, settings=settings, **typed)
