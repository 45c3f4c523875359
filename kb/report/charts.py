"""Charts as inline SVG, drawn by matplotlib (and networkx for the flow diagram), offline.

Each function returns an `<svg>` element as text, ready to embed in a page or a report.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from kb.analysis.risk import funding_coverage

LEVEL_COLOURS = {"critical": "#b2182b", "high": "#ef8a62", "medium": "#f4c542", "low": "#67a9cf"}


def _plt() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "font.size": 9, "font.family": "sans-serif",
                         "svg.hashsalt": "valuenet-kb"})
    return plt


def _svg(fig: Any, title: str) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    _plt().close(fig)
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"<svg ", f'<svg role="img" aria-label="{_esc(title)}" class="chart" ', text,
                  count=1)
    return text


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def risk_matrix(components: Sequence[dict[str, Any]], as_of: str, horizon: int,
                link: str | None = "/components/{id}", limit: int = 400) -> str:
    """Reliance (x) against funding coverage (y), one mark per component, coloured by level.

    Readable at every size: when every component drawn has the same funded share (real
    registry data, where nothing records funding, puts every point at 0), the y axis shows the
    risk score instead and the title says why; reliance goes on a log scale when it spans more
    than two orders of magnitude; the labels of the most urgent points are placed so that none
    overlaps another, and those that would are left out (the table names every component)."""
    plt = _plt()
    comps = spread(components, limit)
    shares = [funding_coverage(c, as_of, horizon) for c in comps]
    flat = bool(comps) and max(shares) - min(shares) < 0.05
    ys = [float(c["risk_score"]) for c in comps] if flat else shares
    xs = [max(int(c["reliant_actors"]), 0) for c in comps]
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for level, colour in LEVEL_COLOURS.items():
        at = [i for i, c in enumerate(comps) if c["risk_level"] == level]
        if not at:
            continue
        sc = ax.scatter([xs[i] for i in at], [ys[i] for i in at],
                        s=[size(len(comps), comps[i]["risk_score"]) for i in at], c=colour,
                        alpha=0.8 if len(comps) <= 50 else 0.55,
                        edgecolors="#333", linewidths=0.5, label=level)
        if link:
            sc.set_urls([link.format(id=comps[i]["id"]) for i in at])
    positive = [x for x in xs if x > 0]
    log_x = bool(positive) and max(positive) >= 100 * min(positive)
    if log_x:
        ax.set_xscale("symlog", linthresh=1)
    ax.set_xlabel("actors relying on it (directly or through dependencies)"
                  + (", log scale" if log_x else ""))
    if flat:
        ax.set_ylabel("risk score")
        ax.set_ylim(-5, 105)
    else:
        ax.set_ylabel(f"share of the next {horizon} days funded")
        ax.set_ylim(-0.08, 1.08)
    ax.set_xlim(left=0 if not log_x else None)
    ax.grid(alpha=0.3)
    _label_without_overlap(fig, ax, comps[:12], xs, ys)
    if comps:  # an empty knowledge base has no levels to explain
        ax.legend(title="risk level", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    title = f"Risk matrix on {as_of}" + (
        f" ({len(comps)} of {len(components):,}: the {limit // 4} most urgent and an even "
        "sample of the rest)" if len(components) > limit else "")
    if flat:
        title += (f"\nevery component drawn is {shares[0]:.0%} funded over the next {horizon} "
                  "days, so the y axis shows the risk score")
    ax.set_title(title, fontsize=9)
    return _svg(fig, "Risk matrix: reliance against funding coverage"
                + (" (risk score: funding coverage is the same for all)" if flat else ""))


def spread(components: Sequence[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """At most `limit` of `components` (most urgent first) to draw: all when few, else the
    most urgent quarter of the limit and an even sample of the rest, so that the chart shows
    the whole range and not only the top, where every score may be the same. Only the rows
    drawn are read (`components` may build its rows when read, as the panel's do)."""
    if len(components) <= limit:
        return list(components)
    top = limit // 4
    rest = len(components) - top
    step = rest / (limit - top)
    return ([components[i] for i in range(top)]
            + [components[top + int(i * step)] for i in range(limit - top)])


def size(n: int, score: int) -> float:
    """A mark's area: by score, smaller when many marks share the plot."""
    return (40 + 4 * score) if n <= 50 else (10 + 1.2 * score)


def _label_without_overlap(fig: Any, ax: Any, comps: list[dict[str, Any]], xs: list[int],
                           ys: list[float]) -> None:
    """Label the given (most urgent) points, ids at one spot joined; a label whose box would
    overlap one already placed is left out."""
    spots: dict[tuple[float, float], list[str]] = {}
    for i, c in enumerate(comps):
        spots.setdefault((xs[i], ys[i]), []).append(short_id(c["id"]))
    renderer = fig.canvas.get_renderer()
    inside = ax.get_window_extent(renderer)
    placed: list[Any] = []
    for (x, y), names in spots.items():
        text = ", ".join(names[:2]) + (f" +{len(names) - 2}" if len(names) > 2 else "")
        # To the right of the point, or to its left when that would leave the plot.
        for dx, align in ((7, "left"), (-7, "right")):
            note = ax.annotate(text, (x, y), textcoords="offset points", xytext=(dx, 5),
                               fontsize=8, ha=align)
            box = note.get_window_extent(renderer)
            fits = inside.x0 <= box.x0 and box.x1 <= inside.x1
            if fits and not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            note.remove()


def short_id(cid: str, width: int = 28) -> str:
    """An id short enough to label a point: a URL or purl by its last two path parts, and
    anything longer than `width` cut with an ellipsis."""
    if "/" in cid and len(cid) > width:
        cid = "/".join(cid.rstrip("/").split("/")[-2:])
    return cid if len(cid) <= width else cid[:width - 1] + "…"


def cliff_timeline(components: list[dict[str, Any]], as_of: str, months: int = 12,
                   limit: int = 40) -> str:
    """Funded stretches over the coming months, with each funding cliff marked: a bar per
    funded component, the `limit` whose funding ends soonest (a bar each for 13,000 funded
    components at 100k took two minutes and 11 MB of SVG)."""
    plt = _plt()
    start = date.fromisoformat(as_of)
    end = start + timedelta(days=round(months * 30.44))
    funded = [c for c in components if c["funded"]]
    funded.sort(key=lambda c: (c["funded_until"] or "9999", c["id"]))
    rows = funded[:limit]
    fig, ax = plt.subplots(figsize=(7, 0.9 + 0.32 * max(1, len(rows))))
    for i, c in enumerate(rows):
        until = date.fromisoformat(c["funded_until"]) if c["funded_until"] else end
        stop = min(until, end)
        colour = "#b2182b" if c["cliff_date"] else "#4d9221"
        ax.barh(i, (stop - start).days + 1, left=start, height=0.5, color=colour, alpha=0.75)
        if c["funded_until"] and until <= end:
            ax.plot([until + timedelta(days=1)], [i], marker="v", color="#b2182b",
                    markersize=9)
            ax.annotate(f"cliff {until + timedelta(days=1)}", (until, i),
                        textcoords="offset points", xytext=(6, -3), fontsize=8)
    ax.set_yticks(range(len(rows)), [c["id"] for c in rows])
    ax.set_xlim(start, end)
    ax.invert_yaxis()
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(f"Maintenance funding from {as_of}, next {months} months"
                 + ("" if rows else ": nothing funded")
                 + (f"\n(the {len(rows)} ending soonest of {len(funded):,} funded components)"
                    if len(funded) > len(rows) else ""))
    fig.autofmt_xdate()
    return _svg(fig, "Funding timeline with cliffs marked")


def funding_flows(flows: list[dict[str, Any]], currency: str | None, limit: int = 40) -> str:
    """The funding network as a layered flow diagram; edge width follows the amount. Flows
    between the same two actors are added up, and only the `limit` largest of those are
    drawn (all 3,080 at 100k components took 18 s and 5 MB of SVG)."""
    import networkx as nx

    plt = _plt()
    totals: dict[tuple[str, str], float] = {}
    for f in flows:
        amount = f["amount"] if f["currency"] == currency and f["amount"] is not None else 0
        key = (f["from"], f["to"])
        totals[key] = totals.get(key, 0) + amount
    largest = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    g = nx.DiGraph()
    for (source, target), amount in largest:
        g.add_edge(source, target, amount=amount)
    fig, ax = plt.subplots(figsize=(7, 4.2))
    if g.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no active funding flows", ha="center", va="center")
        ax.axis("off")
        return _svg(fig, "Funding flow diagram")
    # Layer = length of the longest chain of flows leading to the actor.
    layer: dict[str, int] = {}
    order = list(nx.topological_sort(g)) if nx.is_directed_acyclic_graph(g) else list(g)
    for n in order:
        preds = [layer.get(p, 0) + 1 for p in g.predecessors(n) if p in layer]
        layer[n] = max(preds, default=0)
    nx.set_node_attributes(g, layer, "layer")
    pos = nx.multipartite_layout(g, subset_key="layer")
    top = max((d["amount"] for _, _, d in g.edges(data=True)), default=0) or 1
    widths = [1 + 9 * d["amount"] / top for _, _, d in g.edges(data=True)]
    nx.draw_networkx_edges(g, pos, ax=ax, width=widths, edge_color="#8c6bb1", alpha=0.6,
                           arrows=True, arrowsize=12, node_size=900)
    nx.draw_networkx_nodes(g, pos, ax=ax, node_color="#f7f7f7", edgecolors="#555",
                           node_size=900)
    nx.draw_networkx_labels(g, pos, ax=ax, font_size=7)
    labels = {(u, v): f"{d['amount']:,.0f}" for u, v, d in g.edges(data=True) if d["amount"]}
    nx.draw_networkx_edge_labels(g, pos, edge_labels=labels, ax=ax, font_size=7)
    ax.set_title(f"Funding flows ({currency or 'no amounts'}); width follows the amount"
                 + (f"\n(the {len(largest)} largest of {len(totals):,} between two actors)"
                    if len(totals) > len(largest) else ""))
    ax.axis("off")
    return _svg(fig, "Funding flow diagram")


def trend(points: list[dict[str, Any]]) -> str:
    """Saved audits over time: hollow cores and critical components (counts, left), coverage
    and the funded share (shares, right). A figure an audit could not measure is left out of
    its line, not drawn as 0."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7, 3.6))
    days = [date.fromisoformat(p["as_of"]) for p in points]
    share_ax = ax.twinx()
    for key, label, colour, axis, style in (
            ("hollow_cores", "hollow cores", "#b2182b", ax, "-"),
            ("critical", "critical components", "#ef8a62", ax, "-"),
            ("funding_known_share", "funding known (share)", "#2166ac", share_ax, "--"),
            ("maintenance_known_share", "maintenance known (share)", "#67a9cf", share_ax, "--"),
            ("funded_share", "funded, of known (share)", "#1a9850", share_ax, ":")):
        xs = [d for d, p in zip(days, points, strict=True) if p[key] is not None]
        ys = [p[key] for p in points if p[key] is not None]
        if xs:
            axis.plot(xs, ys, style, marker="o", color=colour, label=label, markersize=4)
    ax.set_ylabel("components")
    ax.set_ylim(bottom=0)
    if days and max(days) - min(days) < timedelta(days=60):  # one day, or a few close ones
        ax.set_xlim(min(days) - timedelta(days=30), max(days) + timedelta(days=30))
    share_ax.set_ylabel("share")
    share_ax.set_ylim(0, 1.05)
    handles = ax.get_legend_handles_labels()[0] + share_ax.get_legend_handles_labels()[0]
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.12, 1), fontsize=8)
    ax.grid(alpha=0.3)
    ax.set_title("Saved audits over time" if points else "No saved audit yet")
    fig.autofmt_xdate()
    return _svg(fig, "Trend of saved audits: hollow cores, critical, coverage, funded share")
