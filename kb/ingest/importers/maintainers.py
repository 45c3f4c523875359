"""MAINTAINERS and CODEOWNERS files: who a repository says maintains it.

Read as their projects write them: a plain list (one person a line, `Name (since 2015)`), a
Markdown list (`* Name (email / @handle)`, subsystems as nested bullets), Docker's TOML
(`[Org."Core maintainers"] people = [...]` with `[people.HANDLE]` tables), or a CODEOWNERS
file (`PATTERN @owner @org/team e-mail`). The file does not say which repository it belongs
to: `--map component=URL` names it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from kb.ingest.importers import Context, ImportFailed, document, read_text, repo_url, slug

NAME = "maintainers"
SUMMARY = "MAINTAINERS (plain, Markdown, TOML) and CODEOWNERS: who maintains a repository"
TELLS = ("Who a repository's own file names as its maintainers or code owners, each recorded "
         "as a maintainer of the repository's component (--map component=URL): `lead` for "
         "the general or core maintainers and the owners of the whole tree (`*`), `core` for "
         "maintainers of a part, `contributor` for other named groups (curators, docs "
         "reviewers); alumni are left out. People are known by their handle where the file "
         "gives one, else by name; a team (`@org/team`) is one group actor. A file cannot "
         "tell whether anyone is paid, so they count as volunteers; it may be out of date, "
         "and its date is not known.")
COVERS = ("Nothing beyond its records: the people it names make the repository's maintenance "
          "known; a file can be incomplete, so it never says that nobody else maintains it.")

_HANDLE = re.compile(r"(?<![\w.])@([A-Za-z0-9][A-Za-z0-9-]*(?:/[A-Za-z0-9][\w.-]*)?)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _person(name: str | None, handle: str | None, email: str | None = None
            ) -> tuple[str | None, str, str]:
    """(handle or None, display name, kind) of one named maintainer."""
    if handle:
        return handle.lower(), name or f"@{handle}", "group" if "/" in handle else "individual"
    return None, name or email or "", "individual"


def plain(text: str) -> list[tuple[tuple[str | None, str, str], str]]:
    """One person a line (`Name (since YYYY)`), each a lead maintainer."""
    out = []
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        handle = _HANDLE.search(s)
        name = re.split(r"\s*[(<]", s, maxsplit=1)[0].strip()
        out.append((_person(name or None, handle.group(1) if handle else None), "lead"))
    return out


def markdown(text: str) -> list[tuple[tuple[str | None, str, str], str]]:
    """Bullets naming people `Name (email / @handle)`: the general list's are leads, those
    of a part of the codebase (nested, or after a `part:` label) are core maintainers."""
    out = []
    general = True
    for line in text.splitlines():
        s = line.strip()
        if not s.startswith(("*", "-")):
            if s and not s.startswith("#"):
                general = "general" in s.lower() or (general and "maintainer" not in s.lower())
            continue
        body = s.lstrip("*- ").strip()
        if ":" in body and not re.match(r"^[^(]*@", body.split(":", 1)[0]):
            body = body.split(":", 1)[1]  # `promtool`: Name (...)
            part = True
        else:
            part = line.startswith((" ", "\t"))
        for chunk in re.findall(r"([^,(]+?)\s*\(([^)]*)\)?", body):
            name, inside = chunk[0].strip(" ,`"), chunk[1]
            handle = _HANDLE.search(inside)
            if not name and not handle:
                continue
            email = _EMAIL.search(inside)
            out.append((_person(name or None, handle.group(1) if handle else None,
                                email.group(0) if email else None),
                        "lead" if general and not part else "core"))
    return out


PAST = ("alumni", "emeritus", "former", "past")


def toml_file(path: Path, data: dict[str, Any], ctx: Context
              ) -> list[tuple[tuple[str | None, str, str], str]]:
    """Docker's format: groups under [Org] list handles; [people.HANDLE] gives names.
    Alumni (and emeritus or former) groups are past maintainers: left out, with a note."""
    people = data.get("people") or {}
    out = []
    for group, body in (data.get("Org") or {}).items():
        if not isinstance(body, dict):
            continue
        g = group.lower()
        if any(w in g for w in PAST):
            ctx.notes.append(f"{path}: the {len(body.get('people') or [])} people of "
                             f"[Org.{group}] are past maintainers; not recorded as maintainers")
            continue
        role = ("lead" if "core" in g else "core") if "maintainer" in g else "contributor"
        for handle in body.get("people") or []:
            info = people.get(handle) or {}
            out.append((_person(info.get("Name"), str(info.get("GitHub") or handle)), role))
    return out


def codeowners(path: Path, text: str, ctx: Context
               ) -> list[tuple[tuple[str | None, str, str], str]]:
    """`PATTERN owner...` lines: owners of `*` (the whole tree) are leads, other owners core
    maintainers. A line with owners and no pattern is read, with a note: GitHub ignores it."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        s = line.split("#", 1)[0].strip()
        if not s:
            continue
        tokens = s.split()
        pattern_less = tokens[0].startswith("@") or _EMAIL.fullmatch(tokens[0]) is not None
        if pattern_less:
            ctx.notes.append(f"{path} line {n}: owners without a path pattern (GitHub ignores "
                             "such a line); read as owners of the whole tree")
        owners = tokens if pattern_less else tokens[1:]
        role = "lead" if pattern_less or tokens[0] in ("*", "/", "/*", "**") else "core"
        for t in owners:
            if t.startswith("@"):
                out.append((_person(None, t[1:]), role))
            elif _EMAIL.fullmatch(t):
                out.append((_person(None, None, t), role))
    return out


def transform(path: Path, ctx: Context) -> dict[str, Any]:
    """The repository's component, with a maintenance record for everyone the file names
    (the highest role where someone is named more than once)."""
    target = ctx.mapping.get("component")
    if not target:
        raise ImportFailed(f"{path}: a MAINTAINERS or CODEOWNERS file does not say which "
                           "repository it belongs to: add --map component=https://github.com/"
                           "OWNER/REPO")
    cid = repo_url(target) or target
    text = read_text(path, "a MAINTAINERS or CODEOWNERS file")
    if "codeowners" in path.name.lower():
        named = codeowners(path, text, ctx)
    elif re.search(r"^\s*\[", text, re.M):
        try:
            named = toml_file(path, tomllib.loads(text), ctx)
        except tomllib.TOMLDecodeError as exc:
            raise ImportFailed(f"{path}: looks like a TOML MAINTAINERS file but is not valid "
                               f"TOML: {exc}") from None
    elif re.search(r"^\s*[*-]\s", text, re.M):
        named = markdown(text)
    else:
        named = plain(text)
    if not named:
        raise ImportFailed(f"{path}: names no maintainer (no person, handle or e-mail found)",
                           hint="Check that it is a MAINTAINERS or CODEOWNERS file.")
    rank = {"lead": 0, "core": 1, "contributor": 2}
    actors: dict[str, dict[str, Any]] = {}
    roles: dict[str, str] = {}
    for (handle, name, kind), role in named:
        aid = ctx.aliases.get(f"@{handle}") if handle else None
        aid = aid or (slug(handle) if handle else ctx.actor_id(name))
        actors.setdefault(aid, {"id": aid, "name": name, "kind": kind})
        if aid not in roles or rank[role] < rank[roles[aid]]:
            roles[aid] = role
    component = {"id": cid, "name": cid.rstrip("/").rsplit("/", 1)[-1]}
    if cid.startswith("https://"):
        component["repo"] = cid
    maintenance = [{"actor": aid, "component": cid, "role": role, "paid": False}
                   for aid, role in roles.items()]
    return document(f"maintainers:{cid}:{path.name}", f"{path.name} of {cid}",
                    actors=list(actors.values()), components=[component],
                    maintenance=maintenance)
