"""CycloneDX JSON or XML 1.2-1.6."""

from kb.ingest.importers.sbom import SBOM_COVERS, SBOM_TELLS
from kb.ingest.importers.sbom import cyclonedx as transform

NAME = "cyclonedx"
SUMMARY = "CycloneDX JSON or XML 1.2-1.6 SBOM: components by codebase, dependencies, suppliers"
TELLS = SBOM_TELLS
COVERS = SBOM_COVERS
__all__ = ["COVERS", "NAME", "SUMMARY", "TELLS", "transform"]
