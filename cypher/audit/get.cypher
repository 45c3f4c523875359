// name: audit_get
// description: One saved audit's JSON body.
// mode: read
// param: id: str | Audit id.
MATCH (a:Audit {id: $id})
RETURN a.body AS body
