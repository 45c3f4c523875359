"""Local git clones: who committed in the last 12 months, the newest commit, the bus factor,
and the maintainers a CODEOWNERS or MAINTAINERS file names."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from kb.ingest.importers import Context, ImportFailed, document, repo_url, slug

NAME = "git-log"
SUMMARY = "local git clones: active contributors, newest commit, bus factor, CODEOWNERS"
TELLS = ("Who made commits to a repository in the 12 months before the day (today, or "
         "--map as_of=YYYY-MM-DD), each recorded as a volunteer maintainer (`core` for the "
         "fewest people who made half of those commits, `contributor` for the rest): a commit "
         "log cannot tell whether anyone is paid. The newest commit's date, the number of "
         "active contributors and the bus factor (the fewest people making half of the "
         "commits) go on the component. People a CODEOWNERS or MAINTAINERS file names are "
         "recorded as `lead` maintainers. The component is the clone's `origin` remote "
         "(normalised) unless --map component=URL names it. Commit authors are matched by "
         "e-mail address; a person who commits under two addresses counts twice.")
COVERS = ("Maintenance of the repository's component: the history says who maintains it, "
          "and a history with no commit in the 12 months means it is known to have no active "
          "maintainer. Not funding.")
WINDOW_DAYS = 365
OWNER_FILES = ("CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS",
               "MAINTAINERS", "MAINTAINERS.md", "MAINTAINERS.txt", "MAINTAINERS.rst")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HANDLE = re.compile(r"(?<![\w@])@([A-Za-z0-9][\w.-]*(?:/[\w.-]+)?)")


def _git(clone: Path, *args: str) -> str:
    """The output of a git command in `clone`; ImportFailed when it fails."""
    try:
        done = subprocess.run(["git", "-C", str(clone), *args], capture_output=True,
                              text=True, encoding="utf-8", errors="replace", timeout=300)
    except subprocess.TimeoutExpired:
        raise ImportFailed(f"{clone}: git {args[0]} took longer than 300 s") from None
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["(no message)"])[0]
        raise ImportFailed(f"{clone}: git {args[0]} failed: {first}")
    return done.stdout


def commits(clone: Path) -> list[tuple[date, str, str]]:
    """(author date, name, e-mail) of every non-merge commit reachable from HEAD."""
    out = _git(clone, "log", "--no-merges", "--format=%aI%x09%aN%x09%aE")
    rows = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[0]:
            rows.append((datetime.fromisoformat(parts[0]).date(), parts[1].strip(),
                         parts[2].strip().lower()))
    return rows


def bus_factor(counts: list[int]) -> int:
    """The fewest people whose commits make at least half of all commits (0 for none)."""
    total, running = sum(counts), 0
    for i, n in enumerate(sorted(counts, reverse=True), start=1):
        running += n
        if 2 * running >= total:
            return i
    return 0


def _committed_file(clone: Path, name: str) -> str | None:
    """The text of `name` in the clone's work tree, else as committed at HEAD (a bare or
    mirror clone has no work tree), else None."""
    f = clone / name
    if f.is_file():
        return f.read_text(encoding="utf-8", errors="replace")
    done = subprocess.run(["git", "-C", str(clone), "show", f"HEAD:{name}"],
                          capture_output=True, timeout=60, check=False)
    return done.stdout.decode("utf-8", errors="replace") if done.returncode == 0 else None


def owners(clone: Path) -> list[str]:
    """Handles (`@name`, `@org/team`) and e-mail addresses in CODEOWNERS and MAINTAINERS
    files, in the order they first appear."""
    found: list[str] = []
    for name in OWNER_FILES:
        text_of_file = _committed_file(clone, name)
        if text_of_file is None:
            continue
        for line in text_of_file.splitlines():
            text = line.split("#", 1)[0] if "CODEOWNERS" in name else line
            for who in [*("@" + h for h in _HANDLE.findall(text)), *_EMAIL.findall(text)]:
                who = who.lower()
                if who not in found:
                    found.append(who)
    return found


def transform(path: Path, ctx: Context) -> dict[str, Any]:
    """The clone's component with its maintenance: active committers and named owners."""
    if shutil.which("git") is None:
        raise ImportFailed("git-log needs the `git` command, and it is not installed")
    if not path.is_dir():
        raise ImportFailed(f"{path}: not a folder; give the folder of a git clone")
    if not (path / ".git").exists():
        _git(path, "rev-parse", "--git-dir")  # a bare repository or a worktree passes here
    as_of = date.today()
    if ctx.mapping.get("as_of"):
        try:
            as_of = date.fromisoformat(ctx.mapping["as_of"])
        except ValueError:
            raise ImportFailed(f"--map as_of must be YYYY-MM-DD, got "
                               f"{ctx.mapping['as_of']!r}") from None
    target = ctx.mapping.get("component")
    if not target:
        try:
            target = _git(path, "remote", "get-url", "origin").strip()
        except ImportFailed:
            raise ImportFailed(f"{path}: the clone has no `origin` remote; say which component "
                               "it is: --map component=https://github.com/OWNER/REPO") from None
    cid = repo_url(target) or target
    history = commits(path)
    since = as_of - timedelta(days=WINDOW_DAYS)
    recent = [c for c in history if since < c[0] <= as_of]
    per_author = Counter(email or name for _, name, email in recent)
    names = {email or name: name for _, name, email in recent}
    first: dict[str, date] = {}
    for day, name, email in sorted(recent):
        first.setdefault(email or name, day)
    core_n = bus_factor(list(per_author.values()))
    core = {a for a, _ in per_author.most_common(core_n)}
    # What the history says of the component, and no more (README, "Sources and
    # provenance"): the load adds it to what other sources said. The name is the KB's when it
    # has one, so that the two do not disagree over a name the history does not give.
    existing = ctx.fetch(cid) if ctx.fetch is not None else None
    record: dict[str, Any] = {"id": cid, "name": (existing or {}).get("name")
                              or cid.rstrip("/").rsplit("/", 1)[-1]}
    if cid.startswith("http"):
        record["repo"] = cid
    record["covers"] = ["maintenance"]
    record["active_contributors"] = len(per_author)
    record["bus_factor"] = core_n
    newest = max((c[0] for c in history if c[0] <= as_of), default=None)
    if newest is not None:
        record["last_commit"] = newest.isoformat()
    actors: dict[str, dict[str, Any]] = {}
    maintenance = []
    for author, _ in sorted(per_author.items(), key=lambda kv: (-kv[1], kv[0])):
        aid = ctx.actor_id(names[author])
        actors.setdefault(aid, {"id": aid, "name": names[author], "kind": "individual"})
        maintenance.append({"actor": aid, "component": cid, "paid": False,
                            "role": "core" if author in core else "contributor",
                            "since": first[author].isoformat()})
    for who in owners(path):
        aid = ctx.aliases.get(who) or slug(who.lstrip("@"))
        actors.setdefault(aid, {"id": aid, "name": who, "kind": "group" if "/" in who
                                else "individual"})
        if all(m["actor"] != aid for m in maintenance):
            maintenance.append({"actor": aid, "component": cid, "role": "lead", "paid": False})
    ctx.notes.append(f"{path}: {len(recent)} commit(s) by {len(per_author)} people in the 12 "
                     f"months to {as_of}; bus factor {core_n}; newest commit "
                     f"{newest or 'none'}")
    return document(f"git-log:{cid}", f"git history of {cid}", actors=list(actors.values()),
                    components=[record], maintenance=maintenance)
