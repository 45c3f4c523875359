"""CycloneDX XML (1.2-1.6) read into the shape of CycloneDX JSON, so one importer reads both.

Parsed with defusedxml: a document type declaration or an entity (the way into billion-laughs
and external-entity attacks) is refused, not expanded.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from kb.ingest.importers import ImportFailed

_NS = re.compile(r"^\{http://cyclonedx\.org/schema/bom/(\d+\.\d+)\}bom$")


def looks_like_xml(text: str) -> bool:
    """Whether the text is XML rather than JSON."""
    return text.lstrip().startswith("<")


def read(path: Path, text: str) -> dict[str, Any]:
    """The BOM in `text` as CycloneDX JSON would hold it (the fields the importer reads)."""
    try:
        root = fromstring(text)
    except DefusedXmlException as exc:
        raise ImportFailed(f"{path}: the XML declares a document type or entities "
                           f"({type(exc).__name__}); a CycloneDX BOM needs neither, and they "
                           "are refused") from None
    except ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise ImportFailed(f"{path}" + (f" at line {line}" if line else "")
                           + f": malformed XML: {exc}; expected a CycloneDX XML BOM") from None
    m = _NS.match(root.tag)
    if not m:
        raise ImportFailed(f"{path}: not a CycloneDX XML BOM (the root element is {root.tag!r}, "
                           "not bom in a http://cyclonedx.org/schema/bom/1.x namespace)")
    ns = "{" + root.tag[1:].split("}")[0] + "}"

    def text_of(el: Element, name: str) -> str | None:
        found = el.find(ns + name)
        return found.text.strip() if found is not None and found.text else None

    def component(el: Element) -> dict[str, Any]:
        out: dict[str, Any] = {"bom-ref": el.get("bom-ref"), "name": text_of(el, "name"),
                               "version": text_of(el, "version"), "purl": text_of(el, "purl"),
                               "publisher": text_of(el, "publisher"),
                               "author": text_of(el, "author")}
        supplier = el.find(ns + "supplier")
        if supplier is not None:
            out["supplier"] = {"name": text_of(supplier, "name")}
        authors = el.find(ns + "authors")
        if authors is not None:
            out["authors"] = [{"name": text_of(a, "name")} for a in authors.findall(ns + "author")]
        licences = el.find(ns + "licenses")
        if licences is not None:
            out["licenses"] = [{"license": {"id": text_of(lic, "id")}}
                               for lic in licences.findall(ns + "license")]
        refs = el.find(ns + "externalReferences")
        if refs is not None:
            out["externalReferences"] = [{"type": r.get("type"), "url": text_of(r, "url")}
                                         for r in refs.findall(ns + "reference")]
        children = el.find(ns + "components")
        if children is not None:
            out["components"] = [component(c) for c in children.findall(ns + "component")]
        return {k: v for k, v in out.items() if v is not None}

    bom: dict[str, Any] = {"bomFormat": "CycloneDX", "specVersion": m.group(1)}
    meta = root.find(ns + "metadata")
    if meta is not None and meta.find(ns + "component") is not None:
        bom["metadata"] = {"component": component(meta.find(ns + "component"))}  # type: ignore[arg-type]
    comps = root.find(ns + "components")
    if comps is not None:
        bom["components"] = [component(c) for c in comps.findall(ns + "component")]
    deps = root.find(ns + "dependencies")
    if deps is not None:
        bom["dependencies"] = [{"ref": d.get("ref"),
                                "dependsOn": [x.get("ref") for x in d.findall(ns + "dependency")]}
                               for d in deps.findall(ns + "dependency")]
    return bom
