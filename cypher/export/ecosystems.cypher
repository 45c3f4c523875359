// name: export_ecosystems
// description: The ecosystems (sources) loaded into the knowledge base.
// mode: read
MATCH (e:Ecosystem)
RETURN e.id AS id, e.name AS name, e.currency AS currency, coalesce(e.covers, []) AS covers
ORDER BY id
