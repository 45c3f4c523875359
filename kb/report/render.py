"""Renderings of an audit: self-contained HTML (inline SVG charts), PDF, Markdown, CSV, JSON."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from kb.analysis.scoring import coverage_line
from kb.errors import KBError
from kb.report import charts
from kb.report.jsontext import pretty

TEMPLATES = Path(__file__).resolve().parent / "templates"
# The HTML and PDF report: a summary that stands alone (at most four pages), the asks, a
# table per product and per funder, then the appendix (A to H): tables with many rows a page.
SECTIONS = ["Summary", "Asks and next steps", "Products", "Funders",
            "Hollow cores", "Funding cliffs", "Free riders", "Agreement scorecard",
            "Funding topology", "Power", "Network stage", "What to find out next"]
APPENDIX_FROM = 4  # SECTIONS[4:] are the appendix, lettered A, B, ...
TOP_RISKS = 10  # rows of the summary's top-risks table
SUMMARY_CLIFFS = 15  # bars of the summary's funding timeline
CSV_COLUMNS = ["id", "area", "severity", "subject", "title", "detail", "score",
               "recommendation"]
# The Markdown, HTML and PDF reports are for reading: each long list shows its first
# REPORT_LIMIT entries and says how many more the JSON holds (hollow cores and free riders
# come most urgent first, cliffs soonest first, products, agreements and decisions by id or
# date), recommendations the first REPORT_LIMIT of each kind, and a list of ids inside an
# entry ID_LIMIT of them. At 100k components the whole audit is 12,000 hollow-core cards:
# 31 MB of HTML that Chromium would not print.
REPORT_LIMIT = 50
RECS_PER_KIND = 20  # other next steps of one kind the Markdown report lists
STEPS_PER_KIND = 10  # ... and the HTML and PDF report
REPORT_ASKS = 30  # asks in the HTML and PDF report's table (the JSON keeps ASK_LIMIT)
ID_LIMIT = 25
# list in the audit -> (where it sits, what one entry is called in "N more ...")
LONG_LISTS = {"hollow_core": (("hollow_core",), "hollow cores"),
              "funding_cliffs": (("funding_cliffs",), "funding cliffs"),
              "free_riders": (("free_riders",), "components with free riders"),
              "products": (("products",), "products"),
              "funders": (("funders",), "funders"),
              "agreements": (("agreements", "agreements"), "agreements"),
              "decisions": (("power", "decisions"), "decisions"),
              "find_out_next": (("find_out_next",), "unknowns")}


def readable(audit: dict[str, Any], limit: int = REPORT_LIMIT
             ) -> tuple[dict[str, Any], dict[str, str]]:
    """The audit with each long list cut to its first `limit` entries, and for each list
    that was cut, a line saying how many entries were left out and where to find them."""
    view = dict(audit)
    more: dict[str, str] = {}
    cut = audit.get("cut", {})  # lists the audit itself holds only the first entries of

    def where(key: str) -> str:
        return ("kb audit --format json --limit 0 lists all" if key in cut
                else "the JSON format of the audit lists all")

    for key, (path, noun) in LONG_LISTS.items():
        *parents, last = path
        holder = view
        for part in parents:  # copy the mappings on the way, never change the audit itself
            holder[part] = dict(holder[part])
            holder = holder[part]
        items = holder[last]
        total = cut[key]["total"] if key in cut else len(items)
        if total > limit or len(items) < total:
            holder[last] = items[:limit]
            shown = len(holder[last])
            more[key] = (f"... and {total - shown:,} more {noun} (the first {shown:,} of "
                         f"{total:,} are shown; {where(key)})")
    # Recommendations come in the order of their findings (every hollow core first), so a
    # plain cut would keep only one kind on a large ecosystem: keep the first of each kind.
    recs, per_kind = audit["recommendations"], Counter[str]()
    kept = []
    per = min(limit, RECS_PER_KIND)
    for r in recs:
        per_kind[r["kind"]] += 1
        if per_kind[r["kind"]] <= per:
            kept.append(r)
    view["recommendations"] = kept
    total = cut["recommendations"]["total"] if "recommendations" in cut else len(recs)
    if len(kept) < total:
        more["recommendations"] = (
            f"... and {total - len(kept):,} more recommendations (the "
            f"first {per:,} of each kind are shown; {where('recommendations')})")
    return view, more


SUMMARY_ASKS = 5  # the summary names the best asks; the recommendations list them all


def asks_line(asks: dict[str, Any]) -> str:
    """One sentence for the asks as a whole: what they cost, what they remove, against the
    usage split, and what is left out."""
    cur = asks["currency"]
    head = (f"Within the budget of {asks['budget']:,.2f} {cur}" if asks["budget"] is not None
            else "Closing every gap")
    share = (f" ({asks['share_removed']:.1%} of the ecosystem's reliance-weighted risk)"
             if asks["share_removed"] is not None else "")
    usage = asks["usage_split"]
    line = (f"{head}: {asks['count']:,} ask(s) cost {asks['cost']:,.2f} {cur} over "
            f"{asks['months']} months and remove {asks['risk_removed']:,.1f}{share}; the same "
            f"money split by usage alone would remove {usage['risk_removed']:,.1f}.")
    if asks["more"]["asks"]:
        m = asks["more"]
        line += (f" The best {len(asks['asks'])} are listed; {m['asks']:,} more asks for "
                 f"{m['components']:,} components cost {m['cost']:,.2f} {cur} and remove "
                 f"{m['risk_removed']:,.1f}.")
    if asks["find_out_first"]:
        line += (f" {asks['find_out_first']:,} shared component(s) with unknown funding are in "
                 "no ask: find out first.")
    return line


def _funders(ask: dict[str, Any]) -> str:
    """Who an ask goes to when nobody rides free."""
    if not ask["funders_to_ask"]:
        return "-"
    return f"{ids(ask['funders_to_ask'], 8)} (nobody rides free: the funders of the products)"


def counted(values: list[str], empty: str = "none", shown: int = 3,
            total: int | None = None) -> str:
    """A long id list in a narrow cell: how many (`total` when the list holds only the
    first ids), then the first few."""
    if not values:
        return empty
    n = len(values) if total is None else total
    return f"{n:,}: {ids(values, shown, n)}" if n > 1 else values[0]


def total(entry: dict[str, Any], field: str) -> int:
    """How many ids an entry's id list has in all: the audit cuts long ones (`id_limit`)
    and gives their lengths under `id_totals`."""
    return int(entry.get("id_totals", {}).get(field, len(entry[field])))


def ids_in(entry: dict[str, Any], field: str, limit: int = ID_LIMIT) -> str:
    """An entry's id list as `ids` writes it, counting the ids the audit left out."""
    return ids(entry[field], limit, total(entry, field))


def counted_in(entry: dict[str, Any], field: str, empty: str = "none") -> str:
    """An entry's id list as `counted` writes it, counting the ids the audit left out."""
    return counted(entry[field], empty, total=total(entry, field))


def other_steps(audit: dict[str, Any], per_kind: int = STEPS_PER_KIND
                ) -> list[tuple[str, dict[str, Any]]]:
    """The next steps that are not asks, grouped by kind and derivation in the order they
    come: how a group was derived (said once), how many it holds, and its first
    `per_kind`."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    # an audit cut by --limit counts each group (kind of finding) under cut.recommendations
    totals = audit.get("cut", {}).get("recommendations", {}).get("groups", {})
    for r in audit["recommendations"]:
        if r["kind"] == "fund":
            continue
        g = groups.setdefault((r["kind"], r["derivation"]),
                              {"derivation": r["derivation"], "total": 0, "shown": [],
                               "group": r["finding"].split(":", 1)[0]})
        g["total"] += 1
        if len(g["shown"]) < per_kind:
            g["shown"].append(r)
    for g in groups.values():
        g["total"] = totals.get(g.pop("group"), g["total"])
    return [(kind, g) for (kind, _), g in groups.items()]


def ids(values: list[str], limit: int = ID_LIMIT, total: int | None = None) -> str:
    """Ids joined with commas, the first `limit` of them and how many more (of `total`,
    when `values` are the first of a longer list)."""
    shown = values[:limit]
    more = (len(values) if total is None else total) - len(shown)
    return ", ".join(shown) + (f" and {more:,} more" if more > 0 else "")


def chart_set(audit: dict[str, Any]) -> dict[str, str]:
    """The report's charts as inline SVG: the risk matrix of the components the audit lists,
    and the timeline of the soonest funding ends among those and its funding cliffs."""
    def counted(comps: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{**c, "reliant_actors": total(c, "reliant_actors")} for c in comps]

    listed = counted(list({c["id"]: c for c in audit["funding_cliffs"]
                           + audit["components"]}.values()))
    topo = audit["funding_topology"]
    months = audit["cliff_window"]["months"]
    return {
        "risk_matrix": charts.risk_matrix(counted(audit["components"]), audit["as_of"],
                                          audit["horizon_days"], link=None),
        "funding_flows": charts.funding_flows(
            [f for f in topo["flows"] if not f["withdrawn"]], topo["currency"]),
        "timeline": charts.cliff_timeline(listed, audit["as_of"], months),
        "timeline_summary": charts.cliff_timeline(listed, audit["as_of"], months,
                                                  limit=SUMMARY_CLIFFS),
    }


def html(audit: dict[str, Any], limit: int = REPORT_LIMIT) -> str:
    """The audit as one self-contained, printable HTML page (long lists cut, see
    `readable`; the charts are drawn from the whole audit)."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=select_autoescape(["html"]))
    env.filters["ids"] = ids
    env.filters["counted"] = counted
    env.filters["total"] = total
    env.filters["ids_in"] = ids_in
    env.filters["counted_in"] = counted_in
    view, more = readable(audit, limit)
    return env.get_template("audit.html").render(
        a=view, more=more, charts=chart_set(audit), sections=SECTIONS,
        coverage_line=coverage_line(audit["summary"]["coverage"]).capitalize(),
        asks_line=asks_line(audit["asks"]), summary_asks=SUMMARY_ASKS, top_risks=TOP_RISKS,
        report_asks=REPORT_ASKS, other_steps=other_steps(audit, min(limit, STEPS_PER_KIND)),
        crit=sum(c["risk_level"] == "critical" for c in audit["hollow_core"]))


def markdown(audit: dict[str, Any], limit: int = REPORT_LIMIT) -> str:
    """The audit as Markdown, for issues and wikis (long lists cut, see `readable`)."""
    audit, more = readable(audit, limit)

    def note(key: str) -> list[str]:
        return ["", f"_{more[key]}_"] if key in more else []

    s = audit["summary"]
    out = [f"# Sustainability audit, {audit['as_of']}", "",
           f"Horizon {audit['horizon_days']} days"
           + (f"; without {', '.join(audit['without'])}" if audit["without"] else "")
           + f"; generated {audit['generated_at']}.", "", "## Summary", "",
           "| area | health | detail |", "| --- | --- | --- |"]
    out += [f"| {k} | {v['status']} | {v['detail']} |" for k, v in s["health"].items()]
    out += ["", coverage_line(s["coverage"]).capitalize() + ".", "", "Most urgent:", ""]
    out += [f"1. **{f['title']}** ({f['severity']}). {f['recommendation']}" for f in s["urgent"]]
    funds = [r for r in audit["recommendations"] if r["kind"] == "fund"]
    if funds:
        out += ["", "Asks, best value first:", ""]
        out += [f"1. {r['action']}" for r in funds[:SUMMARY_ASKS]]
    out += ["", "## Hollow-core findings", ""]
    for c in audit["hollow_core"]:
        out.append(f"- **{c['id']}**: score {c['risk_score']} ({c['risk_level']}); reasons "
                   f"{', '.join(c['reasons'])}; relied on by {total(c, 'reliant_actors')} "
                   f"actors ({ids_in(c, 'reliant_actors')}), directly by "
                   f"{ids(c['direct_products'] + c['direct_actors']) or 'nobody'}; "
                   f"maintainers: {_maint(c)}")
    out += note("hollow_core")
    out += ["", f"## Funding cliffs (to {audit['cliff_window']['to']})", ""]
    out += [f"- **{c['id']}**: funded until {c['funded_until']} by "
            f"{ids(c['funders']) or 'paid maintainers'}" for c in audit["funding_cliffs"]]
    out += note("funding_cliffs")
    out += ["", "## Free riders", ""]
    out += [f"- {r['component']}: {ids_in(r, 'free_riders')}" for r in audit["free_riders"]]
    out += note("free_riders")
    out += ["", "## Products and their inner value networks", ""]
    for p in audit["products"]:
        cov = p["agreement_coverage"]
        out.append(f"### {p['product']} (owner {p['owner']})")
        out += [f"- {m['actor']}: {', '.join(m['criteria'])}" for m in p["members"]]
        out.append(f"- agreement coverage: {cov['with_agreement']} of {cov['members']} members")
        out += [f"- gap: {g['detail']}" for g in p["gaps"]]
        out.append("")
    if "products" in more:
        out += [f"_{more['products']}_", ""]
    cur = audit["funding_topology"]["currency"] or ""
    out += ["## Funders", "", f"| funder | grants ({cur}) | flows | for | hollow cores under "
            "what it funds | cliffs of what it funds |", "| --- | --- | --- | --- | --- | --- |"]
    out += [f"| {x['funder']} | {x['amount']:,.0f} | {x['flows']} | {counted_in(x, 'funds')} | "
            f"{counted_in(x, 'hollow_cores_under')} | {counted_in(x, 'cliffs')} |"
            for x in audit["funders"]] or ["| (no funding flow is active) | | | | | |"]
    out += note("funders")
    out += ["", "## Agreement scorecard", "", "| agreement | in force | missing | weak |",
            "| --- | --- | --- | --- |"]
    out += [f"| {g['id']} | {'yes' if g['in_force'] else 'no'} | {', '.join(g['missing'])} | "
            f"{', '.join(g.get('weak', []))} |" for g in audit["agreements"]["agreements"]]
    out += note("agreements")
    out += ["", "Most often missing: " + ", ".join(
        f"{m['area']} ({m['missing_in']})" for m in audit["agreements"]["most_missing"]), ""]
    t = audit["funding_topology"]
    out += ["## Funding topology", "", f"Classification: **{t['classification']}** "
            f"({t['reason']}). Lead agencies: "
            f"{', '.join(x['actor'] for x in t['lead_agencies']) or 'none'}. Herfindahl "
            f"index: {_num(t['herfindahl'])}.", ""]
    pw = audit["power"]
    out += ["## Power", ""]
    out += [f"- {d['topic']} ({d['date']}): decided {ids(d['decided'])}; consulted "
            f"{ids(d['consulted']) or '-'}; absent {ids(d['absent']) or '-'}"
            for d in pw["decisions"]]
    out += note("decisions")
    out += [f"- decided alone: {d['actor']} on '{d['topic']}'" for d in pw["decided_alone"]]
    st = audit["network_stage"]
    out += ["", "## Network stage", "", "No data: no tie is recorded and no source covers ties."
            if st["no_data"] else f"Stage reached: **{st['stage'] or 'none'}**.", ""]
    out += [f"- {x['stage']}: {x['reached_count']} of {x['members']} actors; cut off: "
            f"{ids(x['cut_off']) or 'nobody'}" for x in st["stages"]]
    out += ["", "## Recommendations", "", "### Asks, best value first", "",
            asks_line(audit["asks"]), ""]
    if audit["asks"]["asks"]:
        out += ["| # | ask | to fund | months | cost | removes | share |",
                "| --- | --- | --- | --- | --- | --- | --- |"]
        out += [f"| {x['rank']} | {ids(x['actors'], 8) or _funders(x)} | "
                f"{ids(x['components'], 8)} | {'/'.join(map(str, sorted(set(x['months']))))} | "
                f"{x['cost']:,.2f} | {x['risk_removed']:,.1f} | "
                f"{'' if x['share'] is None else format(x['share'], '.1%')} |"
                for x in audit["asks"]["asks"]]
        out += ["", f"_{audit['asks']['derivation']}_"]
    out += ["", "### Other steps", ""]
    out += [f"1. {r['action']} _({r['derivation']})_" for r in audit["recommendations"]
            if r["kind"] != "fund"] or ["Nothing else to recommend."]
    out += note("recommendations")
    out += ["", "## What to find out next", ""]
    out += [f"- **{u['component']}** ({u['reliant_actors']} actors rely on it): "
            f"{' and '.join(u['unknown'])} unknown; settle with {'; '.join(u['settle_with'])}"
            for u in audit["find_out_next"]] or ["Nothing: every shared component's funding "
                                                 "and maintenance are known."]
    out += note("find_out_next")
    return "\n".join(out) + "\n"


def _maint(c: dict[str, Any]) -> str:
    return ", ".join(f"{m['actor']} ({m['role']}, {'paid' if m['paid'] else 'volunteer'})"
                     for m in c["maintainers"]) or "nobody"


def _num(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def to_csv(audit: dict[str, Any]) -> str:
    """One row per finding."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for f in audit["findings"]:
        w.writerow(f)
    return buf.getvalue()


def to_json(audit: dict[str, Any]) -> str:
    """The audit as JSON."""
    return pretty(audit)


def find_chromium() -> str:
    """Chromium for printing PDFs: KB_CHROMIUM, else chromium on the PATH."""
    for cand in (os.environ.get("KB_CHROMIUM"), "chromium", "chromium-browser",
                 "google-chrome"):
        if cand and (shutil.which(cand) or Path(cand).exists()):
            return shutil.which(cand) or cand
    raise KBError("PDF output needs Chromium and none was found",
                  hint="Install it (apt-get install chromium, done by `make setup`) or set "
                  "KB_CHROMIUM; or use --format html and print that.")


PDF_TIMEOUT = 120  # seconds
PRINT_IT_YOURSELF = "Write the report with --format html and print it from a browser."


def pdf(audit: dict[str, Any], out: Path) -> None:
    """Print the HTML report to PDF with headless Chromium."""
    chrome = find_chromium()
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "audit.html"
        page.write_text(html(audit), encoding="utf-8")
        cmd = [chrome, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={Path(tmp) / 'profile'}",
               "--no-pdf-header-footer", f"--print-to-pdf={out.resolve()}", page.as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=PDF_TIMEOUT,
                                  check=False)
        except subprocess.TimeoutExpired:
            raise KBError(f"Chromium did not finish printing the PDF within {PDF_TIMEOUT} s",
                          hint=PRINT_IT_YOURSELF) from None
        if proc.returncode != 0 or not out.exists() or out.stat().st_size == 0:
            # Headless Chromium logs noise about its crash reporter even when it works.
            said = [line.strip() for line in (proc.stderr or "").splitlines()
                    if line.strip() and "crashpad" not in line]
            raise KBError(f"Chromium could not print the PDF (exit {proc.returncode})",
                          hint=(f"Chromium said: {said[-1]}\n" if said else "")
                          + PRINT_IT_YOURSELF)


FORMATS = ("html", "pdf", "md", "json", "csv")


def format_for(out: Path | None, fmt: str | None) -> str:
    """The report format asked for: `fmt`, else from the suffix of `out`, else Markdown;
    KBError when the suffix names no format, or a PDF has nowhere to go."""
    if fmt is None:
        suffix = out.suffix.lower().lstrip(".") if out else ""
        fmt = {"htm": "html", "markdown": "md"}.get(suffix, suffix) or "md"
        if fmt not in FORMATS:
            raise KBError(f"cannot tell the format from {out}", hint="Pass --format.")
    if fmt == "pdf" and out is None:
        raise KBError("PDF output needs --out PATH")
    return fmt


def text(audit: dict[str, Any], fmt: str) -> str:
    """The audit as text in one of the text formats (html, md, json, csv)."""
    return {"html": html, "md": markdown, "json": to_json, "csv": to_csv}[fmt](audit)
