// name: load_delete_edges
// description: Remove the given owned relationships (those without a record key), each named by type, start id, end id and voice (null for all but VOICE): the ones an updated record no longer lists.
// mode: write
// param: rows: list | Maps with type, from, to and voice.
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})-[e]->(b:Entity {id: r.to})
WHERE type(e) = r.type AND e.key IS NULL AND coalesce(e.voice, '') = coalesce(r.voice, '')
DELETE e
