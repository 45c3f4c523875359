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
    u = url.removeprefix("scm:git:").removeprefix("scm:").removeprefix("git+").split("#")[0]
    if u.startswith("git@"):
        u = "https://" + u[4:].replace(":", "/", 1)
    u = u.replace("git://", "https://").replace("ssh://git@", "https://").replace(
        "http://", "https://")
    u = u.rstrip("/").removesuffix(".git").rstrip("/")
    host, _, path = u.removeprefix("https://").partition("/")
    if host.lower() == "github.com":
        path = "/".join(path.lower().split("/")[:2])
    return f"https://{host.lower()}/{path}"
