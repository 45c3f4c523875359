// name: records_ecosystem
// description: The header of one source (ecosystem id, name, currency, covers), for writing a record into it from the panel.
// mode: read
// param: id: str | The source's ecosystem id.
MATCH (e:Ecosystem {id: $id})
RETURN e.id AS id, e.name AS name, e.currency AS currency, e.covers AS covers
