"""Walks over real files written for the tests, independent of the importers' code: the
purl spec's canonical package, the README's repository-URL rules, and codebases as groups of
elements that share a package or a repository."""

from __future__ import annotations


def _package(purl: str) -> str:
    """A package URL without version, qualifiers or subpath, by the purl spec's rules
    (written for the test with string operations, not with packageurl-python): npm, GitHub
    and Bitbucket names are lower-case; PyPI names lower-case with '_' as '-'."""
    base = purl.split("#")[0].split("?")[0]
    head, _, last = base.rpartition("/")
    base = f"{head}/{last.split('@')[0]}"
    kind = base[4:].split("/")[0].lower()
    rest = base[4 + len(kind):]
    if kind in ("npm", "github", "bitbucket"):
        rest = rest.lower()
    if kind == "pypi":
        rest = rest.lower().replace("_", "-")
    return f"pkg:{kind}{rest}"


def _codebases(pairs: list[tuple[str | None, str]]) -> set[frozenset[str]]:
    """Codebases from (repository or None, package) pairs, one per element of an SBOM: the
    elements that share a package or a repository are one codebase (a union of sets,
    written for the test)."""
    groups: list[set[str]] = []
    for repo, pkg in pairs:
        keys = {pkg} | ({repo} if repo else set())
        hit = [g for g in groups if g & keys]
        merged = keys.union(*hit)
        groups = [g for g in groups if not g & keys] + [merged]
    return {frozenset(g) for g in groups}


def _repo(url: str) -> str:
    """A repository URL by the README's rules: https, no scm:git: or git+, no .git, no
    trailing slash, no fragment; on github.com a lower-case owner/name only."""
    u = url.removeprefix("scm:")
    for provider in ("git:", "svn:", "hg:"):  # a provider before a URL: svn:https://...
        if u.startswith(provider) and ("://" in u[len(provider):len(provider) + 10]
                                       or u[len(provider):].startswith("git@")):
            u = u[len(provider):]
    u = u.removeprefix("git+").split("#")[0]
    if u.startswith("git@"):
        u = "https://" + u[4:].replace(":", "/", 1)
    u = u.replace("git://", "https://").replace("ssh://git@", "https://").replace(
        "http://", "https://")
    u = u.rstrip("/").removesuffix(".git").rstrip("/")
    host, _, path = u.removeprefix("https://").partition("/")
    if host.lower() == "github.com":
        path = "/".join(path.lower().split("/")[:2])
    return f"https://{host.lower()}/{path}"


def spdx_json_codebases(doc: dict) -> tuple[set[frozenset[str]], str | None]:  # type: ignore[type-arg]
    """The codebases of an SPDX JSON document's packages (the described package, the
    product, aside when it is the only one described), and that product's SPDXID."""
    rels = doc.get("relationships") or []
    described = list(doc.get("documentDescribes") or []) + [
        r["relatedSpdxElement"] for r in rels
        if r["spdxElementId"] == "SPDXRef-DOCUMENT" and r["relationshipType"] == "DESCRIBES"]
    product = described[0] if len(set(described)) == 1 else None

    def key(p: dict) -> str:  # type: ignore[type-arg]
        purl = next((r["referenceLocator"] for r in p.get("externalRefs") or []
                     if r["referenceType"] == "purl"), None)
        return _package(purl) if purl else f"{p['name']}@{p.get('versionInfo')}"

    def repo(p: dict) -> str | None:  # type: ignore[type-arg]
        loc = p.get("downloadLocation") or ""
        return _repo(loc) if loc.startswith(("git+", "https://github.com/")) else None

    pkgs = [p for p in doc["packages"] if p["SPDXID"] != product]
    return _codebases([(repo(p), key(p)) for p in pkgs]), product


def npm_lock_names(lock: dict) -> set[str]:  # type: ignore[type-arg]
    """Every package name of an npm lockfile (v1 nested `dependencies`, v2/v3 `packages`,
    links and the root aside), lower-case as npm package URLs are."""
    if lock.get("lockfileVersion") == 1:
        names: set[str] = set()
        stack = [lock.get("dependencies") or {}]
        while stack:
            for name, entry in stack.pop().items():
                names.add(name.lower())
                stack.append(entry.get("dependencies") or {})
        return names
    packages = lock["packages"]
    linked = {p.get("resolved"): k.rsplit("node_modules/", 1)[-1]
              for k, p in packages.items() if p.get("link")}
    return {(p.get("name") or linked.get(k) or k.rsplit("node_modules/", 1)[-1]).lower()
            for k, p in packages.items() if k and not p.get("link")}


def spdx_tv_packages(text: str) -> list[dict[str, str]]:
    """Each package of an SPDX tag-value document with its SPDXID, PackageVersion,
    PackageDownloadLocation and purl, read line by line (a FileName or SnippetSPDXID line
    ends a package)."""
    pkgs: list[dict[str, str]] = []
    inside = False
    for line in text.splitlines():
        tag, _, value = line.partition(":")
        value = value.strip()
        if tag == "PackageName":
            pkgs.append({"name": value})
            inside = True
        elif tag in ("FileName", "SnippetSPDXID"):
            inside = False
        elif inside and tag in ("SPDXID", "PackageVersion", "PackageDownloadLocation"):
            pkgs[-1].setdefault(tag, value)
        elif inside and line.startswith("ExternalRef: PACKAGE-MANAGER purl "):
            pkgs[-1].setdefault("purl", value.split()[-1])
    return pkgs
