"""Grant events in the OSO / DAOIP-5 CSV shape (to_project_name, amount, funding_date,
from_funder_name, grant_pool_name), or any CSV with --map."""

from __future__ import annotations

import csv
import hashlib
import io
import math
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from kb.ingest.importers import (
    Context,
    ImportFailed,
    document,
    read_text,
    repo_url,
    with_covers,
)

NAME = "grants-csv"
SUMMARY = "dated grant events: funders, recipients and funding flows (OSO / DAOIP-5 shape)"
TELLS = ("Who granted how much to which project and when. Not what the money was for (the "
         "flows get purpose `unknown`, so they never count as maintenance funding unless "
         "--map purpose=const:maintenance says so), nor how long it lasts: a grant dated D "
         "runs from D for one year, and one without a date is open-ended. With "
         "--map component=COL the flow is FOR that component (a repository URL), and rows "
         "whose component is not in the knowledge base are skipped and counted.")
COVERS = ("Funding, of every component the file names, when --map component=COL and "
          "purpose=const:maintenance are given: the file lists each repository with its "
          "amount, zeros included, so a component with no positive grant is known to be "
          "unfunded (not unknown). Otherwise nothing.")
DEFAULT_MAP = {"to": "to_project_name", "amount": "amount", "date": "funding_date",
               "from": "from_funder_name", "pool": "grant_pool_name"}
KNOWN_KEYS = {"to", "amount", "date", "from", "pool", "purpose", "component"}


def _money(text: str) -> float:
    """An amount cell of a skipped row, for the account: 0 when it is not a finite number."""
    try:
        value = float(text or 0)
    except ValueError:
        return 0.0
    return value if math.isfinite(value) and value > 0 else 0.0


def transform(path: Path, ctx: Context) -> dict[str, Any]:
    """One funding flow per row; funders and recipients become actors."""
    m = {**DEFAULT_MAP, **ctx.mapping}
    unknown = sorted(set(ctx.mapping) - KNOWN_KEYS)
    if unknown:
        raise ImportFailed(f"{path}: unknown --map key {', '.join(unknown)}; use "
                           + ", ".join(sorted(KNOWN_KEYS)))
    text = read_text(path, "a CSV file")
    reader = csv.DictReader(io.StringIO(text))
    cols = set(reader.fieldnames or [])
    for optional in ("date", "pool"):  # used when the file has them or the user maps them
        if optional not in ctx.mapping and m[optional] not in cols:
            del m[optional]
    need = {m[k] for k in ("to", "amount", "from", "date") if k in m
            and not m[k].startswith("const:")}
    if not need <= cols:
        raise ImportFailed(f"{path}: not a grants CSV: no column "
                           f"{', '.join(sorted(need - cols))} (columns: "
                           f"{', '.join(sorted(cols)) or 'none'}); map yours with --map")
    purpose = m.get("purpose", "const:unknown").removeprefix("const:")

    def val(row: dict[str, str], key: str) -> str:
        spec = m[key]
        return spec[6:] if spec.startswith("const:") else (row.get(spec) or "").strip()

    actors: dict[str, dict[str, Any]] = {}
    flows: list[dict[str, Any]] = []
    named: set[str] = set()  # components the file gives an amount for, zero or not
    unnamed: list[int] = []  # lines of rows without a recipient or funder name
    unnamed_money = read_money = 0.0
    zero = rows = 0
    for i, row in enumerate(reader, start=2):
        rows += 1
        to_name, from_name = val(row, "to"), val(row, "from")
        if not to_name or not from_name:
            unnamed.append(i)
            money = _money(val(row, "amount"))
            unnamed_money += money
            read_money += money
            continue
        if "component" in m and val(row, "component"):
            named.add(repo_url(val(row, "component")) or val(row, "component"))
        try:
            amount = float(val(row, "amount") or 0)
        except ValueError:
            raise ImportFailed(f"{path}:{i}: amount {val(row, 'amount')!r} is not a number"
                               ) from None
        if not math.isfinite(amount):
            raise ImportFailed(f"{path}:{i}: amount {val(row, 'amount')!r} is not a finite "
                               "number; give the amount in the file's currency") from None
        read_money += max(amount, 0.0)
        if amount <= 0:
            zero += 1
            continue
        start: date | None = None
        if "date" in m and val(row, "date"):
            try:
                start = date.fromisoformat(val(row, "date")[:10])
            except ValueError:
                raise ImportFailed(f"{path}:{i}: date {val(row, 'date')!r} is not YYYY-MM-DD"
                                   ) from None
        fid, tid = ctx.actor_id(from_name), ctx.actor_id(to_name)
        actors.setdefault(fid, {"id": fid, "name": from_name, "kind": "organization"})
        actors.setdefault(tid, {"id": tid, "name": to_name, "kind": "group"})
        pool = val(row, "pool") if "pool" in m else ""
        key = f"{fid}|{tid}|{start}|{amount}|{pool}|{i}"
        flow: dict[str, Any] = {
            "id": "grant:" + hashlib.sha1(key.encode()).hexdigest()[:16], "from": fid,
            "to": tid, "amount": amount, "kind": "grant", "purpose": purpose}
        if start:
            flow["start"] = start.isoformat()
            flow["end"] = (start + timedelta(days=364)).isoformat()
        if "component" in m:
            flow["for"] = [repo_url(val(row, "component")) or val(row, "component")]
        flows.append(flow)
    if unnamed:
        lines = ", ".join(map(str, unnamed[:5])) + (" ..." if len(unnamed) > 5 else "")
        ctx.skip(f"{len(unnamed)} row(s) skipped: no recipient or no funder name "
                 f"(lines {lines}); together they hold {unnamed_money:,.2f} of the "
                 f"{read_money:,.2f} the file's {rows} row(s) give")
    if zero:
        ctx.skip(f"{zero} row(s) with an amount of 0 or less made no funding flow")
    covered: list[dict[str, Any]] = []
    if "component" in m and ctx.known is not None:
        wanted = sorted({f["for"][0] for f in flows})
        have = ctx.known(wanted)
        kept = [f for f in flows if f["for"][0] in have]
        if len(kept) < len(flows):
            ctx.skip(f"{len(flows) - len(kept)} grant(s) skipped: their component is "
                     "not in the knowledge base (import the dependency graph first)")
        flows = kept
        used = {f["from"] for f in flows} | {f["to"] for f in flows}
        actors = {k: v for k, v in actors.items() if k in used}
        if purpose == "maintenance":
            covered = with_covers(ctx, sorted(named), "funding")
            ctx.notes.append(f"funding of {len(covered)} component(s) is now known from this "
                             f"file ({len(named) - len(covered)} it names are not in the "
                             "knowledge base)")
    imported = sum(f["amount"] for f in flows)
    ctx.notes.append(f"{path}: {rows} row(s) read giving {read_money:,.2f} in all; "
                     f"{len(flows)} funding flow(s) of {imported:,.2f} imported")
    return document(f"grants-csv:{path.name}", f"Grants from {path.name}",
                    actors=list(actors.values()), fundings=flows, components=covered)
