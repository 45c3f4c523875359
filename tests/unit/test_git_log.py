"""`kb import git-log` on repositories made here with real `git` commands: dated commits by
several authors, an origin remote, CODEOWNERS and MAINTAINERS files. Expected values are
counted by hand from the commits each test makes."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from kb.ingest.importers import Context, ImportFailed
from kb.ingest.importers.git_log import bus_factor, owners, transform

AS_OF = "2026-11-30"


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={**os.environ, **(env or {})})


def commit(repo: Path, name: str, email: str, day: str, n: int = 1) -> None:
    for i in range(n):
        f = repo / f"{email}-{day}-{i}.txt"
        f.write_text("x")
        git(repo, "add", f.name)
        stamp = f"{day}T12:00:00+00:00"
        git(repo, "-c", "user.name=committer", "-c", "user.email=c@example.org", "commit",
            "-q", "-m", f"change {i}", "--author", f"{name} <{email}>",
            env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    r = tmp_path / "lib"
    r.mkdir()
    git(r, "init", "-q", "-b", "main")
    git(r, "remote", "add", "origin", "git@github.com:Example/Lib.git")
    # Inside the 12 months to 2026-11-30: Ana 6 commits, Bo 3, Cy 1 (10 in all).
    commit(r, "Ana Lima", "ana@example.org", "2026-02-01", 6)
    commit(r, "Bo Chen", "bo@example.org", "2026-05-10", 3)
    commit(r, "Cy Diaz", "CY@example.org", "2026-11-29")
    # Before the window: Old Timer made 20 commits, which count for nothing now.
    commit(r, "Old Timer", "old@example.org", "2024-01-15", 20)
    return r


def test_active_contributors_bus_factor_and_roles(repo: Path) -> None:
    ctx = Context(mapping={"as_of": AS_OF})
    doc = transform(repo, ctx)
    comp = doc["components"][0]
    assert comp["id"] == "https://github.com/example/lib"  # from origin, normalised
    # Ana alone made 6 of 10 commits: half of them, so the bus factor is 1.
    assert (comp["active_contributors"], comp["bus_factor"]) == (3, 1)
    assert comp["last_commit"] == "2026-11-29" and comp["covers"] == ["maintenance"]
    m = {r["actor"]: r for r in doc["maintenance"]}
    assert set(m) == {"ana-lima", "bo-chen", "cy-diaz"}
    assert m["ana-lima"]["role"] == "core" and m["bo-chen"]["role"] == "contributor"
    assert m["cy-diaz"]["since"] == "2026-11-29" and m["ana-lima"]["since"] == "2026-02-01"
    assert not any(r["paid"] for r in doc["maintenance"])  # a log cannot say who is paid
    assert "10 commit(s) by 3 people" in ctx.notes[0]


def test_a_quiet_repository_is_known_to_have_no_active_maintainer(repo: Path) -> None:
    doc = transform(repo, Context(mapping={"as_of": "2029-01-01"}))
    comp = doc["components"][0]
    assert (comp["active_contributors"], comp["bus_factor"]) == (0, 0)
    assert comp["covers"] == ["maintenance"] and doc.get("maintenance", []) == []
    assert comp["last_commit"] == "2026-11-29"


def test_codeowners_and_maintainers_files_name_lead_maintainers(repo: Path) -> None:
    (repo / ".github").mkdir()
    (repo / ".github" / "CODEOWNERS").write_text(
        "# owners\n*       @ana-lima @example/core-team\n/docs/  docs@example.org  # writers\n")
    (repo / "MAINTAINERS").write_text("Dee Park <dee@example.org> (@deepark)\n")
    assert owners(repo) == ["@ana-lima", "@example/core-team", "docs@example.org", "@deepark",
                            "dee@example.org"]
    doc = transform(repo, Context(mapping={"as_of": AS_OF}))
    leads = sorted(r["actor"] for r in doc["maintenance"] if r["role"] == "lead")
    # @ana-lima is the committer Ana Lima (same id): she stays `core`, not listed twice.
    assert leads == ["dee-example-org", "deepark", "docs-example-org", "example-core-team"]


@pytest.mark.parametrize(("counts", "factor"), [([], 0), ([5], 1), ([6, 3, 1], 1),
                                                 ([4, 4, 2], 2), ([5, 4, 1], 1), ([3, 3, 3, 1], 2),
                                                 ([1, 1, 1, 1], 2)])
def test_bus_factor_by_hand(counts: list[int], factor: int) -> None:
    assert bus_factor(counts) == factor


def test_bad_paths_are_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="not a folder"):
        transform(tmp_path / "missing", Context())
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(ImportFailed, match="git rev-parse failed"):
        transform(plain, Context())
    bare = tmp_path / "noremote"
    bare.mkdir()
    git(bare, "init", "-q")
    with pytest.raises(ImportFailed, match="no `origin` remote"):
        transform(bare, Context())
    with pytest.raises(ImportFailed, match="as_of must be YYYY-MM-DD, got 'soon'"):
        transform(bare, Context(mapping={"as_of": "soon"}))


def test_this_projects_own_clone(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    if not (root / ".git").exists():
        pytest.skip("not a git clone")
    doc = transform(root, Context(mapping={"component": "https://example.org/valuenet-kb"}))
    comp = doc["components"][0]
    expected = subprocess.run(["git", "-C", str(root), "log", "--no-merges", "-1",
                               "--format=%aI"], capture_output=True, text=True,
                              check=True).stdout.strip()[:10]
    assert comp["id"] == "https://example.org/valuenet-kb"
    assert comp["last_commit"] == expected and comp["active_contributors"] >= 1


def test_owner_files_are_read_from_a_clone_without_a_work_tree(repo: Path,
                                                               tmp_path: Path) -> None:
    (repo / "CODEOWNERS").write_text("* @ana-lima @zed\n")
    git(repo, "add", "CODEOWNERS")
    git(repo, "-c", "user.name=c", "-c", "user.email=c@example.org", "commit", "-q", "-m", "o")
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repo), str(bare)], check=True)
    assert owners(bare) == ["@ana-lima", "@zed"]
    doc = transform(bare, Context(mapping={"as_of": AS_OF,
                                           "component": "https://github.com/example/lib"}))
    assert {r["actor"] for r in doc["maintenance"] if r["role"] == "lead"} == {"zed"}
