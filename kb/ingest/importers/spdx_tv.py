"""SPDX 2.2 and 2.3 tag-value documents, read into the shape of SPDX JSON.

A parser written for what the SPDX importer reads, rather than spdx-tools (whose reader
brings rdflib and a dozen other packages for formats kb does not read). Tag-value is
line-based: `Tag: Value`, a value between `<text>` and `</text>` may span lines, `#` starts a
comment. A `PackageName:` line opens a package and a `FileName:` or `SnippetSPDXID:` line
closes it, so an `SPDXID:` belongs to the element opened last. Read: the document's version,
name and what it DESCRIBES; each package's SPDXID, name, version, supplier, download
location, licences and purl external references; every `Relationship:` line.
"""

from __future__ import annotations

import re
from typing import Any

_TAG = re.compile(r"^([A-Za-z][A-Za-z0-9_]*):\s?(.*)$")
_PACKAGE_TAGS = {"PackageVersion": "versionInfo", "PackageSupplier": "supplier",
                 "PackageDownloadLocation": "downloadLocation",
                 "PackageLicenseConcluded": "licenseConcluded",
                 "PackageLicenseDeclared": "licenseDeclared"}


class TagValueError(ValueError):
    """A line that is not `Tag: Value`; the message names the line."""


def looks_like(text: str) -> bool:
    """True for text that starts (after blank and comment lines) with an SPDX document tag."""
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        return bool(re.match(r"(SPDXVersion|DataLicense|DocumentName|SPDXID)\s*:", s))
    return False


def pairs(text: str) -> list[tuple[int, str, str]]:
    """(line number, tag, value) of every tag, `<text>` values joined across lines."""
    out: list[tuple[int, str, str]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        raw = lines[i]
        s = raw.strip()
        i += 1
        if not s or s.startswith("#"):
            continue
        m = _TAG.match(s)
        if not m:
            raise TagValueError(f"line {i}: expected 'Tag: Value', found {s[:60]!r}")
        tag, value, start = m.group(1), m.group(2).strip(), i
        if value.startswith("<text>") and "</text>" not in value:
            parts = [value[len("<text>"):]]
            while i < len(lines) and "</text>" not in lines[i]:
                parts.append(lines[i])
                i += 1
            if i == len(lines):
                raise TagValueError(f"line {start}: <text> is never closed with </text>")
            parts.append(lines[i].split("</text>")[0])
            i += 1
            value = "\n".join(parts)
        elif value.startswith("<text>"):
            value = value[len("<text>"):].split("</text>")[0]
        out.append((start, tag, value))
    return out


def read(text: str) -> dict[str, Any]:
    """The document in the shape of SPDX JSON (only the fields the importer reads)."""
    doc: dict[str, Any] = {"packages": [], "relationships": [], "documentDescribes": []}
    current: dict[str, Any] | None = None  # the package being read
    in_other = False  # inside a file or snippet: its SPDXID is not the package's
    for line, tag, value in pairs(text):
        if tag == "SPDXVersion":
            doc["spdxVersion"] = value
        elif tag == "DocumentName":
            doc["name"] = value
        elif tag == "PackageName":
            current = {"name": value, "externalRefs": [], "_line": line}
            doc["packages"].append(current)
            in_other = False
        elif tag in ("FileName", "SnippetSPDXID"):
            in_other = True
        elif tag == "SPDXID" and current is not None and not in_other \
                and "SPDXID" not in current:
            current["SPDXID"] = value
        elif current is not None and not in_other and tag in _PACKAGE_TAGS:
            current[_PACKAGE_TAGS[tag]] = value
        elif current is not None and not in_other and tag == "ExternalRef":
            parts = value.split(None, 2)
            if len(parts) == 3:
                current["externalRefs"].append({"referenceCategory": parts[0],
                                                "referenceType": parts[1],
                                                "referenceLocator": parts[2]})
        elif tag == "Relationship":
            parts = value.split()
            if len(parts) != 3:
                raise TagValueError(f"line {line}: a Relationship needs 'A TYPE B', found "
                                    f"{value[:60]!r}")
            doc["relationships"].append({"spdxElementId": parts[0],
                                         "relationshipType": parts[1],
                                         "relatedSpdxElement": parts[2]})
    for p in doc["packages"]:
        if "SPDXID" not in p:
            raise TagValueError(f"line {p.pop('_line')}: package {p['name']!r} has no SPDXID")
        p.pop("_line")
    return doc
