"""The JSON twins' shapes, as pydantic models: FastAPI puts them in `/openapi.json`, so a
script author can read every JSON answer the panel gives. Handlers build plain dicts; these
models document them (a test checks that every `.json` route is in the schema)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Shape(BaseModel):
    """A documented answer; keys beyond the listed ones may be added in later versions."""

    model_config = ConfigDict(extra="allow")


class ErrorDetail(Shape):
    status: int
    code: str = Field(description="A stable code: not_found, bad_request, refused, ...")
    message: str
    hint: str | None = Field(description="What to do about it.")


class ErrorOut(Shape):
    """Every error, HTML or JSON, has this shape."""

    error: ErrorDetail


class Coverage(Shape):
    """What is known of the shared components (see README, "Known, unknown and coverage")."""

    shared_components: int
    maintenance_known: int
    maintenance_known_share: float | None
    funding_known: int
    funding_known_share: float | None
    reliance: int
    reliance_on_unknown: int
    reliance_on_unknown_share: float | None


class RiskRow(Shape):
    """One component's hollow-core risk (see README, "Analyses")."""

    id: str
    name: str | None
    reliant_products: int
    reliant_actors: int
    shared: bool
    funded: bool
    funders: list[str]
    funded_until: str | None
    cliff_date: str | None
    maintainers: int
    paid_maintainers: int
    hollow_core: bool
    free_riders: list[str]
    risk_score: int = Field(ge=0, le=100)
    risk_level: str
    reasons: list[str]
    funding_known: bool
    maintenance_known: bool
    unknown: list[str] = Field(description="The inputs no source records: funding, maintenance.")
    confidence: str = Field(description="high (nothing unknown), medium (one), low (both).")
    reliant_product_ids: list[str] | None = None
    reliant_actor_ids: list[str] | None = None


class RiskTableRow(RiskRow):
    """A risk-table row: no id lists, free riders cut to 50 with their total."""

    free_riders_total: int
    funding_coverage: float = Field(description="Share of the horizon funded, 0 to 1.")


class Finding(Shape):
    analysis: str
    link: str
    text: str


class OverviewOut(Shape):
    as_of: str
    horizon_days: int
    coverage: Coverage
    counts: dict[str, int]
    top_risks: list[RiskRow]
    cliffs: list[RiskRow]
    findings: list[Finding]


class RiskFilters(Shape):
    level: str | None
    reason: str | None
    q: str | None
    hollow: bool
    sort: str
    dir: str


class WhatIfTotals(Shape):
    hollow_cores: int
    critical: int
    reliance_exposed: int = Field(description="Actor-component reliance pairs on hollow cores.")


class WhatIfChange(Shape):
    id: str
    name: str
    score_before: int
    score_after: int
    level_before: str
    level_after: str
    delta: int


class WhatIf(Shape):
    """A what-if against the network as it is: both sides' totals and every change."""

    before: WhatIfTotals
    after: WhatIfTotals
    changes: list[WhatIfChange]


class RiskPageOut(Shape):
    as_of: str
    horizon_days: int
    without: list[str] = Field(description="Actors that withdraw their money (what-if).")
    leave: list[str] = Field(default_factory=list,
                             description="Actors that leave the network (what-if).")
    fund: list[dict[str, Any]] = Field(
        default_factory=list, description="Hypothetical maintenance grants (what-if): "
        "component, amount (null: unknown), months, start, end.")
    what_if: WhatIf | None = None
    coverage: Coverage
    filters: RiskFilters
    total: int = Field(description="Components in the analysis.")
    matching: int = Field(description="Components that pass the filters.")
    page: int
    per_page: int
    components: list[RiskTableRow]


class AnalysisRef(Shape):
    name: str
    description: str
    params: dict[str, str]
    url: str


class AnalysesOut(Shape):
    analyses: list[AnalysisRef]


class AnalysisOut(Shape):
    """One analysis: `result` is its JSON answer (for `ivn` without a product, `products`
    holds every product's network instead)."""

    analysis: str
    description: str
    params: dict[str, Any]
    result: dict[str, Any] | None = None
    products: list[dict[str, Any]] | None = None
    choices: list[dict[str, Any]] | None = None


class Neighbour(Shape):
    id: str
    label: str | None
    name: str | None
    url: str
    properties: dict[str, Any]
    sources: list[str] | None = None  # the sources of a relationship record


class PlanAllocation(Shape):
    component: str
    name: str
    months: int
    cost: float
    cost_source: str
    score_before: int
    score_after: int
    reliant_actors: int
    risk_removed: float
    ask: list[str]


class PlanOut(Shape):
    """A funding plan (README, "Planning"); without a budget, only the form's defaults."""

    as_of: str
    horizon_days: int
    budget: float | None
    allocations: list[PlanAllocation]
    spent: float | None = None
    risk_removed: float | None = None
    risk_total: float | None = None
    share_removed: float | None = None
    usage_split: dict[str, Any] | None = None
    asks: list[dict[str, Any]] | None = None
    find_out_first: list[str] | None = None


class SourceRow(Shape):
    id: str
    name: str
    origin: str
    first_loaded_at: str | None
    loaded_at: str | None
    covers: list[str]
    nodes: int
    nodes_only: int
    nodes_shared_differing: int
    rels: int
    rels_only: int


class SourcesOut(Shape):
    """Every source (a load or an import) and how many records it lists."""

    sources: list[SourceRow]


class Disagreement(Shape):
    field: str
    given: list[dict[str, Any]]  # {source, value}, oldest change first
    used: Any
    why: str


class Provenance(Shape):
    """Which sources said what about a record (README, "Sources and provenance")."""

    sources: list[str]
    fields: dict[str, list[str]]  # field -> the sources that give it (when they differ)
    disagreements: list[Disagreement]


class EntityOut(Shape):
    """A record: its properties, their sources, and its neighbours by relationship type and
    direction."""

    id: str
    label: str
    properties: dict[str, Any]
    provenance: Provenance
    relationships: dict[str, list[Neighbour]]


class ComponentOut(EntityOut):
    as_of: str
    risk: RiskRow
    reliance: dict[str, list[str]]
    maintainers: list[dict[str, Any]]


class ProductOut(EntityOut):
    ivn: dict[str, Any]


class ActorOut(EntityOut):
    fundings: list[dict[str, Any]]
    maintains: list[dict[str, Any]]
    owns: list[str]
    relies_on: list[str]
    voices: list[dict[str, Any]]


class AgreementOut(EntityOut):
    scorecard: dict[str, Any]


class GraphNode(Shape):
    id: str
    label: str | None
    name: str | None
    url: str
    depth: int


class GraphEdge(Shape):
    source: str
    target: str
    type: str


class GraphOut(Shape):
    id: str
    depth: int
    truncated: bool = Field(description="True when nodes past the cap of 300 were left out.")
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class ConsoleRulesOut(Shape):
    row_cap: int
    timeout_seconds: float
    answer_mb: float = Field(description="Megabytes (about, as JSON) an answer holds at most.")
    slots: int = Field(description="Console queries one panel process runs at once.")
    allowed_procedures: list[str]
    refused: list[str]
    api: str
    cypher: str
    params: str


class ConsoleResultOut(Shape):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = Field(description="True when the row cap or the size cap cut the answer.")
    cut: str | None = Field(default=None, description="What cut it: `rows` (the row cap) or "
                            "`bytes` (the answer size cap); null when every row came back.")
    graph: dict[str, Any] = Field(description="`nodes` and `edges` in the answer, the edges "
                                  "among the returned nodes that the query did not return "
                                  "marked `added`; `links`: how many were added, and whether "
                                  "the look-up was `skipped` (over 500 nodes) or `cut` (at "
                                  "2,000 relationships).")


class ConsoleHistoryOut(Shape):
    entries: list[dict[str, Any]] = Field(description="Newest first: `cypher`, `params`, "
                                          "`status`, `outcome` (ok or the error code), "
                                          "`rows`, `at`, `url`.")
    search: str


class ConsoleSchemaOut(Shape):
    labels: list[str]
    relationshipTypes: list[str]  # noqa: N815 (the editor support's own names)
    propertyKeys: list[str]  # noqa: N815
    procedures: list[dict[str, Any]]
    functions: list[dict[str, Any]]


class ConsolePlanOut(Shape):
    plan: dict[str, Any] = Field(description="The plan's root operator: `operator`, "
                                 "`details`, `estimated_rows`, `identifiers`, `children`.")
    warnings: list[str] = Field(description="Cartesian products and unbounded "
                                "variable-length patterns in the plan.")


class QueryParam(Shape):
    name: str
    type: str
    default: str | None
    doc: str


class QueryRef(Shape):
    name: str
    description: str
    mode: str
    origin: str = Field(description="`library` (a file in cypher/) or `user` (saved in the KB)")
    file: str | None
    params: list[QueryParam]
    url: str


class UserQueryRef(Shape):
    name: str
    description: str
    origin: str
    updated_at: str | None
    params: list[dict[str, str]]
    url: str


class QueriesOut(Shape):
    """The library's queries meant for people, and users' saved queries."""

    queries: list[QueryRef]
    user_queries: list[UserQueryRef]
    writable: bool


class SavedQueryOut(Shape):
    name: str
    description: str
    mode: str
    file: str | None
    cypher: str
    params: list[QueryParam]
    given: dict[str, str]
    result: ConsoleResultOut | None


class MapNode(Shape):
    id: str
    label: str
    name: str
    url: str
    level: str | None = None
    score: int | None = None
    shared: bool | None = None
    hollow_core: bool | None = None


class MapOut(Shape):
    """The network map: nodes, edges among them, and what was left out."""

    as_of: str
    nodes: list[MapNode]
    edges: list[dict[str, str]]
    counts: dict[str, int] = Field(description="Entities in the knowledge base, by kind.")
    drawn: int
    total: int
    left_out: dict[str, int] = Field(description="Entities not drawn, by kind: past "
                                     "`max_nodes`, the least urgent components.")
    max_nodes: int
    edges_cut: bool


class FacetValue(Shape):
    value: str
    count: int
    selected: bool


class BrowseOut(Shape):
    """A list page: the rows of one page, the facet counts and how many rows match."""

    kind: str
    title: str
    columns: list[str]
    q: str
    filters: dict[str, str]
    sort: str
    order: str
    page: int
    per_page: int
    pages: int
    total: int = Field(description="Rows of this kind in the knowledge base.")
    matched: int = Field(description="Rows matching the search and filters.")
    facets: dict[str, list[FacetValue]]
    rows: list[dict[str, Any]]
    as_of: str
    as_of_given: bool = Field(description="Whether the request named the day (its links "
                              "then keep it).")


class DeletedOut(Shape):
    deleted: str = Field(description="The name of the saved query deleted.")


class SessionOut(Shape):
    """Who is signed in: the account, its role and the form token its writes send."""

    user: str | None
    role: str | None
    csrf: str | None


class EditOut(Shape):
    """A record form (`/edit/SECTION`) or the editing hub (`/edit`)."""

    sources: list[dict[str, Any]]
    writable: bool


class SavedOut(Shape):
    """What a save or deletion did: the record, the action and its change log entry."""

    section: str
    key: str
    action: str = Field(description="create, update, unchanged or delete")
    change: int | None = Field(description="The change log entry (/history/N); null when "
                               "nothing changed")
    url: str


class PickOut(Shape):
    """Records found for a picker."""

    items: list[dict[str, Any]]


class ChangesOut(Shape):
    """The change log, newest first."""

    changes: list[dict[str, Any]]
    older: str | None


class ChangeOut(Shape):
    """One change: who, when, what, the record before and after, and whether it can be
    undone."""

    seq: int
    author: str
    action: str
    undoable: bool


class WorkshopOut(Shape):
    """A workshop page: its data, and whether the person asking may save its form."""

    writable: bool


class UsersOut(Shape):
    """The accounts (name, role, since), or what a change to them did."""


class LoginOut(Shape):
    """The sign-in page: where to go after, whether any account exists, whether the panel
    is private."""

    next: str
    accounts: bool
    private: bool


class ImportOut(Shape):
    """The import page: whether loading is allowed, a dry-run report, or what a load did."""

    writable: bool
    report: dict[str, Any] | None
    loaded: dict[str, Any] | None = None


class AuditPageOut(Shape):
    """The audit in the `valuenet-audit/1` shape (docs/audit.md, kb/report/audit_schema.json)."""

    schema_: str = Field(alias="schema")
    generated_at: str
    as_of: str
    horizon_days: int
    without: list[str]
    summary: dict[str, Any]
    hollow_core: list[dict[str, Any]]
    funding_cliffs: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    recommendations: list[dict[str, Any]]
    components: list[dict[str, Any]]
    limit: int = Field(default=0, description="Entries each long list holds at most (0: all).")
    cut: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="Per long list that was cut: entries shown, total.")


class TrendPoint(Shape):
    id: str
    as_of: str
    created_at: str
    hollow_cores: int
    critical: int
    funding_known_share: float | None
    maintenance_known_share: float | None
    funded_share: float | None


class AuditTrendOut(Shape):
    """Saved audits by audit day (README, "The audit": trend)."""

    points: list[TrendPoint]


class AuditSavedOut(Shape):
    id: str = Field(description="The saved audit's id (for `kb audit diff` and the trend).")
    as_of: str


class AuditDiffOut(Shape):
    old: str
    new: str
    empty: bool
    new_hollow_cores: list[str]
    resolved_hollow_cores: list[str]
    score_changes: list[dict[str, Any]]
    cliffs_moved: list[dict[str, Any]]
    partial: dict[str, Any] | None = Field(
        default=None, description="Present when either audit lists only its most urgent "
        "entries: the lists that were cut, and what that leaves out of the comparison.")


class HealthOut(Shape):
    status: str = Field(description="ok")
    neo4j: str = Field(description="up")
    neo4j_ms: float = Field(description="Milliseconds of a bookmark read.")


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut}, 404: {"model": ErrorOut}, 503: {"model": ErrorOut}}
