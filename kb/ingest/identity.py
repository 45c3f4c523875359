"""One identity per codebase: canonical package URLs, one repository-URL form, and the
renaming of a document's ids to the codebase they belong to.

The unit of risk is the codebase. A package version (`pkg:npm/ws@8.21.1`) resolves to its
package (`pkg:npm/ws`), and a package to the repository that holds its code
(`https://github.com/websockets/ws`) when a source says so. The component's id is the
repository URL when one is known, else the package URL without version; the component keeps
every package URL that resolves to it (`packages`) and every version seen (`versions`).
"""

from __future__ import annotations

import re
from typing import Any

from packageurl import PackageURL

from kb.ingest.validate import REL_KEYS

# Where ids are referenced, per section: (field, holds a list).
REFERENCES: dict[str, list[tuple[str, bool]]] = {
    "products": [("built_on", True)],
    "components": [("id", False), ("depends_on", True)],
    "relies_on": [("component", False)],
    "maintenance": [("component", False)],
    "fundings": [("for", True)],
    "agreements": [("concerns", True)],
    "decisions": [("about", True)],
}
SET_FIELDS = ("depends_on", "funding_channels", "covers", "packages", "versions")


def package(text: str | None) -> tuple[str, str | None] | None:
    """(the package URL without version, qualifiers or subpath, the version) of a package
    URL, each part in the spec's canonical form; None when `text` is not a package URL."""
    if not text or not text.startswith("pkg:"):
        return None
    try:
        p = PackageURL.from_string(text.strip())
    except ValueError:
        return None
    base = PackageURL(type=p.type, namespace=p.namespace, name=p.name).to_string()
    return base, p.version or None


def versioned(base: str, version: str | None) -> str | None:
    """`base@version` in canonical form (the version percent-encoded as the spec says)."""
    if not version:
        return None
    p = PackageURL.from_string(base)
    return PackageURL(type=p.type, namespace=p.namespace, name=p.name,
                      version=version).to_string()


def repo_url(url: str | None) -> str | None:
    """A repository URL in one normal form: https, lower-case host, no .git, no slash, no
    fragment, and no `scm:git:`/`scm:svn:` (Maven) or `git+` prefix; on GitHub, GitLab and Bitbucket
    the path is lower-cased too (they treat it so), and on GitHub it is owner/name only."""
    if not url:
        return None
    u = url.strip()
    # Maven's SCM URLs (scm:git:git@host:owner/name.git, scm:svn:https://...) and a provider
    # written before a URL (svn:https://...); git://host stays a URL.
    u = re.sub(r"^scm:", "", u)
    u = re.sub(r"^(git|svn|hg):(?=[a-z][a-z+.-]*://|git@)", "", u)
    u = re.sub(r"^git\+", "", u)
    u = re.sub(r"^git@([^:]+):", r"https://\1/", u)
    u = re.sub(r"^(git|ssh|http)://(git@)?", "https://", u)
    m = re.match(r"^https://([^/]+)(/.*)?$", u)
    if not m:
        return u
    host, path = m.group(1).lower(), (m.group(2) or "")
    path = re.sub(r"#.*$", "", path)  # a query may name the repository (gitweb's ?p=)
    path = re.sub(r"\.git$", "", path.rstrip("/")).rstrip("/")
    if host in ("github.com", "gitlab.com", "bitbucket.org"):
        path = path.lower()
        parts = path.split("/")
        if host == "github.com" and len(parts) > 3:  # /owner/repo/tree/main/x
            path = "/".join(parts[:3])
    return f"https://{host}{path}"


def package_component(purl: str | None, name: str, repo: str | None = None
                      ) -> dict[str, Any] | None:
    """The component record a package URL stands for: id = its repository when given, else
    the package URL without version; `packages` and `versions` say what resolved to it."""
    parsed = package(purl)
    if parsed is None:
        return None
    base, version = parsed
    rec: dict[str, Any] = {"id": repo_url(repo) or base, "name": name, "packages": [base]}
    v = versioned(base, version)
    if v:
        rec["versions"] = [v]
    if repo:
        rec["repo"] = repo_url(repo)
    return rec


def rename(doc: dict[str, Any], mapping: dict[str, str]) -> int:
    """Rewrite component ids and every reference to them in `doc` by `mapping` (old -> new),
    then fold components that now share an id into one (`fold`). Returns how many component
    records were folded away."""
    if not mapping:
        return 0
    for section, fields in REFERENCES.items():
        for rec in doc.get(section, []):
            for f, many in fields:
                if f not in rec:
                    continue
                if many:
                    rec[f] = sorted({mapping.get(x, x) for x in rec[f]})
                else:
                    rec[f] = mapping.get(rec[f], rec[f])
    for section, key in REL_KEYS.items():  # records that became one: the first is kept
        if section in doc:
            seen: dict[Any, dict[str, Any]] = {}
            for rec in doc[section]:
                seen.setdefault(key(rec), rec)
            doc[section] = list(seen.values())
    before = len(doc.get("components", []))
    if "components" in doc:
        doc["components"] = fold(doc["components"])
        for c in doc["components"]:
            if c["id"] in c.get("depends_on", []):
                c["depends_on"] = [d for d in c["depends_on"] if d != c["id"]]
    return before - len(doc.get("components", []))


def fold(components: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Components of one document that share an id, as one record: set-like lists united,
    other fields from the first record that gives them."""
    out: dict[str, dict[str, Any]] = {}
    for c in components:
        if c["id"] not in out:
            out[c["id"]] = dict(c)
            continue
        have = out[c["id"]]
        for k, v in c.items():
            if k in SET_FIELDS and isinstance(v, list):
                have[k] = sorted(set(have.get(k) or []) | set(v))
            elif have.get(k) in (None, [], "") and v not in (None, [], ""):
                have[k] = v
    return list(out.values())


def unify(components: list[dict[str, Any]]) -> dict[str, str]:
    """Components of one document that share a package URL are one codebase (a package whose
    versions name two repositories, such as a repository that moved): id -> the id the group
    keeps, for every id of a group of two or more. A group keeps a repository id before a
    package URL, then the first in alphabetical order."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[str, str] = {}
    for c in components:
        find(c["id"])
        for p in c.get("packages", []):
            if p in owner:
                a, b = find(owner[p]), find(c["id"])
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                owner[p] = c["id"]
    groups: dict[str, list[str]] = {}
    for x in parent:
        groups.setdefault(find(x), []).append(x)
    out: dict[str, str] = {}
    for members in groups.values():
        if len(members) > 1:
            keep = min(members, key=lambda i: (i.startswith("pkg:"), i))
            out.update({m: keep for m in members if m != keep})
    return out


def links(components: list[dict[str, Any]]) -> dict[str, str]:
    """What a document says about identity: each package URL of a component whose id is not
    that package URL (a repository) maps to the component's id."""
    return {p: c["id"] for c in components for p in c.get("packages", []) if p != c["id"]}
