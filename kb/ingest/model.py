"""The `valuenet/1` ecosystem format, described once as pydantic models.

`kb schema` prints the JSON Schema generated from these models; the loader validates every
record against them before anything is written.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

FORMAT = "valuenet/1"

# No control characters (NUL, ESC, line breaks...) in ids and names: they break terminals, CSV
# and logs, and make two ids that look alike differ.
_PRINTABLE = r"^[^\x00-\x1f\x7f]*$"
Id = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False, pattern=_PRINTABLE)]
Name = Annotated[str, StringConstraints(pattern=_PRINTABLE)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, use_enum_values=True)


class ActorKind(StrEnum):
    individual = "individual"
    group = "group"
    organization = "organization"
    umbrella = "umbrella"
    business = "business"
    government = "government"
    civil_society = "civil_society"


class Role(StrEnum):
    lead = "lead"
    core = "core"
    contributor = "contributor"


class AgreementKind(StrEnum):
    mou = "mou"
    partnership = "partnership"
    contract = "contract"
    grant = "grant"
    subgrant = "subgrant"
    license = "license"
    other = "other"


class Area(StrEnum):
    """The scorecard areas a partnership agreement should cover."""

    roles = "roles"
    decision_making = "decision_making"
    resources = "resources"
    ip_licensing = "ip_licensing"
    code_after_funding = "code_after_funding"
    community_after_funding = "community_after_funding"
    exit = "exit"
    review = "review"


class FundingKind(StrEnum):
    grant = "grant"
    subgrant = "subgrant"
    contract = "contract"
    donation = "donation"
    revenue = "revenue"
    in_kind = "in_kind"


class Purpose(StrEnum):
    maintenance = "maintenance"
    development = "development"
    product = "product"
    services = "services"
    operations = "operations"
    unknown = "unknown"


class ExchangeKind(StrEnum):
    tangible = "tangible"
    intangible = "intangible"


class Voice(StrEnum):
    decided = "decided"
    consulted = "consulted"
    informed = "informed"
    absent = "absent"


class Stage(StrEnum):
    connection = "connection"
    knowledge_sharing = "knowledge_sharing"
    coordination = "coordination"
    collaboration = "collaboration"


class Aspect(StrEnum):
    """What a source can say it records completely (see README, "Known, unknown, coverage")."""

    funding = "funding"  # every maintenance funding of the components it lists
    maintenance = "maintenance"  # every maintainer of the components it lists
    ties = "ties"  # every tie between the actors
    agreements = "agreements"  # every agreement between the actors


COMPONENT_ASPECTS = ("funding", "maintenance")


class Ecosystem(_Record):
    """The file's header: which ecosystem this is, and the default currency of amounts."""

    id: Id
    name: Name
    currency: str = Field(default="USD", description="ISO 4217 code; default for amounts.")
    covers: list[Aspect] = Field(
        default_factory=list,
        description="What this file records completely. `funding` and `maintenance` apply to "
        "every component in its `components` section: a component it lists without a "
        "maintenance record is known to have no maintainer, not unknown. `ties` and "
        "`agreements` apply to the whole network. Without it, a missing record means unknown.")


class Actor(_Record):
    """Anyone who affects how a product is built, adopted or has impact."""

    id: Id
    name: Name
    kind: ActorKind
    country: str | None = None
    member_of: list[Id] = Field(default_factory=list, description="Actor ids (umbrella groups).")


class Product(_Record):
    """A digital product or service, owned by one actor."""

    id: Id
    name: Name
    owner: Id = Field(description="Actor id.")
    built_on: list[Id] = Field(default_factory=list, description="Component ids.")


class Component(_Record):
    """A piece of shared code."""

    id: Id
    name: Name
    repo: str | None = None
    license: str | None = None
    depends_on: list[Id] = Field(default_factory=list, description="Component ids.")
    packages: list[str] = Field(
        default_factory=list,
        description="Package URLs without version (`pkg:npm/ws`) whose code this component "
        "is: a package resolves to its codebase (README, \"One component per codebase\").")
    versions: list[str] = Field(
        default_factory=list,
        description="Package URLs with version (`pkg:npm/ws@8.21.1`) that sources saw in "
        "use. Versions do not split a codebase.")
    funding_channels: list[str] = Field(
        default_factory=list,
        description="Where money can be given (URLs). A channel is not a funding flow: it "
        "never makes the component funded.")
    covers: list[Literal["funding", "maintenance"]] = Field(
        default_factory=list,
        description="What the source records completely for this component: `maintenance` "
        "when its maintenance records (none included) are all there is, `funding` likewise "
        "for its maintenance funding. The file's `ecosystem.covers` adds to it.")
    maintenance_cost: float | None = Field(
        default=None, ge=0, allow_inf_nan=False,
        description="What maintaining it costs a year, in the ecosystem's currency (kb plan "
        "uses it; absent = the planner's default).")
    last_commit: date | None = Field(default=None, description="Newest commit seen in its "
                                     "repository (kb import git-log).")
    active_contributors: int | None = Field(
        default=None, ge=0, description="People with a commit in the 12 months before the "
        "newest one (kb import git-log).")
    bus_factor: int | None = Field(
        default=None, ge=0, description="The fewest people who made half of those commits "
        "(kb import git-log).")


class Reliance(_Record):
    """An actor that relies on a component directly (beyond the products it owns)."""

    actor: Id
    component: Id


class Maintenance(_Record):
    """Who maintains a component, in what role, paid or not, and when."""

    actor: Id
    component: Id
    role: Role
    paid: bool
    paid_by: list[Id] = Field(
        default_factory=list,
        description="Funding ids whose money pays this maintenance (a paid record naming "
        "none is paid by its maintainer's own means). What-ifs follow it: when that money "
        "stops, the maintainer stays, unpaid.")
    since: date | None = None
    until: date | None = None


class AreaScore(_Record):
    """How well an agreement covers one scorecard area, on the scale of README, "Agreement
    scorecard": 0 not at all, 1 mentioned, 2 partly, 3 fully (comprehensive); 0 unreadable,
    1 ambiguous, 2 mostly clear, 3 clear (clear)."""

    comprehensive: int = Field(ge=0, le=3)
    clear: int = Field(ge=0, le=3)
    note: str | None = Field(default=None, max_length=500)


class Agreement(_Record):
    """An MOU, partnership agreement or contract; `signed` absent means an unsigned draft."""

    id: Id
    kind: AgreementKind
    title: Name | None = None
    parties: list[Id] = Field(min_length=1, description="Actor ids.")
    signed: date | None = None
    start: date | None = None
    end: date | None = None
    concerns: list[Id] = Field(default_factory=list, description="Product or component ids.")
    areas: list[Area] = Field(default_factory=list, description="Scorecard areas it covers.")
    scores: dict[Area, AreaScore] = Field(
        default_factory=dict, description="How well it covers each area it covers: "
        "comprehensive and clear, 0-3 each, and a note (the workshop's scorecard). An area "
        "scored 1 or less on either is covered weakly, and the gap analyses say so.")


class Funding(_Record):
    """Money (or in-kind support) from one actor to another."""

    id: Id
    from_: Id = Field(alias="from", description="Granting actor id.")
    to: Id = Field(description="Receiving actor id.")
    amount: float | None = Field(default=None, ge=0, allow_inf_nan=False,
                                 description="Absent = unknown; finite.")
    currency: str | None = Field(default=None, description="ISO 4217; default: the ecosystem's.")
    start: date | None = None
    end: date | None = None
    kind: FundingKind
    purpose: Purpose
    for_: list[Id] = Field(default_factory=list, alias="for", description="Product/component ids.")
    parent: Id | None = Field(default=None, description="Funding id this one passes on.")
    agreement: Id | None = Field(default=None, description="Agreement id it falls under.")


class Involvement(_Record):
    """How an actor takes part in a product: develops it, performs functions, plans jointly."""

    actor: Id
    product: Id
    develops: bool = False
    performs: list[str] = Field(default_factory=list)
    joint_planning: bool = False
    since: date | None = None
    until: date | None = None


class Exchange(_Record):
    """Something one actor gives another."""

    from_: Id = Field(alias="from")
    to: Id
    gives: str
    kind: ExchangeKind


class Decision(_Record):
    """A decision point and each actor's voice in it."""

    id: Id
    topic: Name
    date: date
    about: list[Id] = Field(default_factory=list)
    voices: dict[Id, Voice] = Field(default_factory=dict)


class Tie(_Record):
    """A relationship between two actors and the development stage it has reached."""

    between: list[Id] = Field(min_length=2, max_length=2)
    stage: Stage


class EcosystemFile(_Record):
    """A whole `valuenet/1` file."""

    model_config = ConfigDict(
        extra="forbid", title="valuenet/1 ecosystem file", populate_by_name=True
    )

    format: Literal["valuenet/1"]
    ecosystem: Ecosystem
    actors: list[Actor] = Field(default_factory=list)
    products: list[Product] = Field(default_factory=list)
    components: list[Component] = Field(default_factory=list)
    relies_on: list[Reliance] = Field(default_factory=list)
    maintenance: list[Maintenance] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    fundings: list[Funding] = Field(default_factory=list)
    involvement: list[Involvement] = Field(default_factory=list)
    exchanges: list[Exchange] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    ties: list[Tie] = Field(default_factory=list)


# Section name -> record model, in the order records are written and exported.
SECTIONS: dict[str, type[_Record]] = {
    "actors": Actor,
    "products": Product,
    "components": Component,
    "relies_on": Reliance,
    "maintenance": Maintenance,
    "agreements": Agreement,
    "fundings": Funding,
    "involvement": Involvement,
    "exchanges": Exchange,
    "decisions": Decision,
    "ties": Tie,
}
# Sections whose records become nodes, with the node label.
NODE_SECTIONS: dict[str, str] = {
    "actors": "Actor",
    "products": "Product",
    "components": "Component",
    "agreements": "Agreement",
    "fundings": "Funding",
    "decisions": "Decision",
}
LABEL_SECTION = {label: section for section, label in NODE_SECTIONS.items()}


def json_schema() -> dict[str, object]:
    """The JSON Schema of a `valuenet/1` file."""
    schema = EcosystemFile.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://valuenet-kb.example/schema/valuenet-1.json"
    return schema
