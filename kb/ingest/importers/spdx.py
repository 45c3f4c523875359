"""SPDX 2.3 JSON."""

from kb.ingest.importers.sbom import SBOM_COVERS, SBOM_TELLS
from kb.ingest.importers.sbom import spdx as transform

NAME = "spdx"
SUMMARY = ("SPDX 2.2/2.3 JSON or tag-value: packages by codebase, dependency relationships, "
           "suppliers")
TELLS = SBOM_TELLS
COVERS = SBOM_COVERS
__all__ = ["COVERS", "NAME", "SUMMARY", "TELLS", "transform"]
