"""Charts as inline SVG, drawn by matplotlib (and networkx for the flow diagram), offline.

Each function returns an `<svg>` element as text, ready to embed in a page or a report.
"""

from __future__ import annotations

import io
import re
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


def risk_matrix(components: list[dict[str, Any]], as_of: str, horizon: int,
                link: str | None = "/components/{id}", limit: int = 400) -> str:
    """Reliance (x) against funding coverage (y), one mark per component, coloured by level."""
    plt = _plt()
    comps = components[:limit]
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for level, colour in LEVEL_COLOURS.items():
        pts = [c for c in comps if c["risk_level"] == level]
        if not pts:
            continue
        sc = ax.scatter([c["reliant_actors"] for c in pts],
                        [funding_coverage(c, as_of, horizon) for c in pts],
                        s=[40 + 4 * c["risk_score"] for c in pts], c=colour, alpha=0.8,
                        edgecolors="#333", linewidths=0.5, label=level)
        if link:
            sc.set_urls([link.format(id=c["id"]) for c in pts])
    spots: dict[tuple[float, float], list[str]] = {}
    for c in comps[:12]:
        at = (c["reliant_actors"], funding_coverage(c, as_of, horizon))
        spots.setdefault(at, []).append(c["id"])
    for (x, y), ids in spots.items():
        text = ", ".join(ids[:3]) + (f" +{len(ids) - 3}" if len(ids) > 3 else "")
        ax.annotate(text, (x, y), textcoords="offset points", xytext=(7, 5), fontsize=8)
    ax.set_xlabel("actors relying on it (directly or through dependencies)")
    ax.set_ylabel(f"share of the next {horizon} days funded")
    ax.set_ylim(-0.08, 1.08)
    ax.set_xlim(left=0)
    ax.grid(alpha=0.3)
    if comps:  # an empty knowledge base has no levels to explain
        ax.legend(title="risk level", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    ax.set_title(f"Risk matrix on {as_of}" + (f" (top {limit})" if len(components) > limit
                                             else ""))
    return _svg(fig, "Risk matrix: reliance against funding coverage")


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
