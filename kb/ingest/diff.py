"""What a load changes: every planned record classified against what the KB already holds.

`classify` is pure: given the plan and the existing nodes and relationships (their label,
record hash and sources), it says which records are created, updated or unchanged, which
existing records only gain a source, and which ids clash with a node of another kind. The
writer (`kb.ingest.write`) applies the result; unit tests check `classify` without a server.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from kb.ingest.plan import Edge, Plan
from kb.ingest.reader import Problem


@dataclass
class Counts:
    """Created / updated / unchanged records of one section."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    pruned: int = 0


@dataclass
class Report:
    """What a load did (or, in a dry run, would do), per section."""

    sections: dict[str, Counts] = field(default_factory=dict)
    dry_run: bool = False
    notes: list[str] = field(default_factory=list)  # what else the load did, in a sentence

    def total(self, what: str) -> int:
        """Sum of one count over all sections."""
        return sum(getattr(c, what) for c in self.sections.values())

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        out: dict[str, Any] = {
            "dry_run": self.dry_run,
            "sections": {s: c.__dict__ for s, c in self.sections.items()},
            "totals": {k: self.total(k) for k in ("created", "updated", "unchanged", "pruned")},
        }
        if self.notes:
            out["notes"] = self.notes
        return out


Row = dict[str, Any]


@dataclass
class Diff:
    """The writes one load needs, grouped as the writer sends them."""

    report: Report
    empty: bool  # the KB held nothing: every edge joins two nodes created by this load
    created: dict[str, list[Row]] = field(default_factory=dict)  # label -> new node rows
    updated: list[Row] = field(default_factory=list)  # node rows whose record changed
    edges: list[Edge] = field(default_factory=list)  # owned edges of created and updated nodes
    create_rels: list[Row] = field(default_factory=list)
    update_rels: list[Row] = field(default_factory=list)
    node_sources: dict[str, list[str]] = field(default_factory=dict)  # source -> unchanged ids
    rel_sources: dict[str, list[Row]] = field(default_factory=dict)  # source -> rel keys
    clashes: list[Problem] = field(default_factory=list)

    @property
    def writes(self) -> int:
        """Records and edges the writer sends (for progress)."""
        return (sum(map(len, self.created.values())) + len(self.updated) + len(self.edges)
                + len(self.create_rels) + len(self.update_rels))

    def updated_by_label(self) -> dict[str, list[str]]:
        """Ids of the updated nodes by label (their owned edges are replaced)."""
        out: dict[str, list[str]] = defaultdict(list)
        for r in self.updated:
            out[r["label"]].append(r["id"])
        return dict(out)


def _compare(rows: list[Row], existing: dict[str, Row], key: str, counts: Counts
             ) -> Iterator[tuple[str, Row]]:
    """Count each row as created, updated or unchanged against `existing` (by `key`), and
    yield what the writer must do: ("created" | "updated" | "gains_source", row)."""
    for r in rows:
        old = existing.get(r[key])
        if old is None:
            counts.created += 1
            yield "created", r
        elif old["hash"] != r["hash"]:
            counts.updated += 1
            yield "updated", r
        else:
            counts.unchanged += 1
            if r["source"] not in old["sources"]:
                yield "gains_source", r


def classify(plan: Plan, nodes: dict[str, Row], rels: dict[str, Row], empty: bool) -> Diff:
    """Compare `plan` with the existing `nodes` (by id: label, hash, sources) and `rels` (by
    key: hash, sources). A node whose id exists with another label is a clash: the diff then
    lists them and the caller must write nothing."""
    report = Report()
    diff = Diff(report, empty)
    diff.clashes = [
        Problem("(knowledge base)", f"id {r['id']!r} is already a {nodes[r['id']]['label']} "
                f"in the knowledge base; it cannot become a {r['label']}", section=section)
        for section, rows in plan.nodes.items() for r in rows
        if r["id"] in nodes and nodes[r["id"]]["label"] != r["label"]
    ]
    if diff.clashes:
        return diff
    written: list[Row] = []
    for section, rows in plan.nodes.items():
        for change, r in _compare(rows, nodes, "id", report.sections.setdefault(section, Counts())):
            if change == "created":
                diff.created.setdefault(r["label"], []).append(r)
                written.append(r)
            elif change == "updated":
                diff.updated.append(r)
                written.append(r)
            else:
                diff.node_sources.setdefault(r["source"], []).append(r["id"])
    diff.edges = [e for r in written for e in plan.edges[r["id"]]]
    for section, rows in plan.rels.items():
        for change, r in _compare(rows, rels, "key", report.sections.setdefault(section, Counts())):
            if change == "created":
                diff.create_rels.append(r)
            elif change == "updated":
                diff.update_rels.append(r)
            else:
                diff.rel_sources.setdefault(r["source"], []).append(
                    {"from": r["from"], "to": r["to"], "key": r["key"]})
    return diff
