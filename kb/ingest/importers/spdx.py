"""SPDX 2.3 JSON."""

from kb.ingest.importers.sbom import SBOM_COVERS, SBOM_TELLS
from kb.ingest.importers.sbom import spdx as transform

NAME = "spdx"
SUMMARY = "SPDX 2.3 JSON: packages (purl ids), DEPENDS_ON / DEPENDENCY_OF, suppliers"
TELLS = SBOM_TELLS
COVERS = SBOM_COVERS
__all__ = ["COVERS", "NAME", "SUMMARY", "TELLS", "transform"]
