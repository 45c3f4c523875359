"""The analyses: each reads the graph through `kb.store` and returns an `Analysis`.

`from kb import analysis` gives the public calls: `analysis.risk(...)`, `analysis.run(name,
params)` and the rest; the modules below hold them by topic.
"""

from kb.analysis.common import Analysis, parse_as_of
from kb.analysis.networks import AREAS, agreements, ivn, ivn_all
from kb.analysis.power import network_stage, power, reciprocity
from kb.analysis.registry import REGISTRY, Spec, run
from kb.analysis.risk import (
    RISK_COLUMNS,
    RISK_TABLE,
    free_riders,
    funding_cliffs,
    hollow_core,
    risk,
    unknowns,
)
from kb.analysis.topology import funding_topology, topology_from_flows

__all__ = [
    "AREAS", "REGISTRY", "RISK_COLUMNS", "RISK_TABLE", "Analysis", "Spec", "agreements",
    "free_riders", "funding_cliffs", "funding_topology", "hollow_core", "ivn", "ivn_all",
    "network_stage", "parse_as_of", "power", "reciprocity", "risk", "run",
    "topology_from_flows", "unknowns",
]
