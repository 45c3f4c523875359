// name: audit_save
// description: Store an audit (its JSON, parameters and time) in the knowledge base.
// mode: write
// param: id: str | Audit id.
// param: created_at: str | ISO timestamp.
// param: as_of: str | The audit's as_of day.
// param: horizon: int | The audit's horizon in days.
// param: without: list | Actors left out in the what-if.
// param: body: str | The audit as JSON.
// param: figures: str | The trend's figures of the audit as JSON.
CREATE (a:Audit {id: $id, created_at: datetime($created_at), as_of: date($as_of),
                 horizon: $horizon, without: $without, body: $body, figures: $figures})
RETURN a.id AS id
