// name: load_lookup_rels
// description: Hash and sources of the relationship records with the given keys that exist.
// mode: read
// param: rows: list | Maps with from, to and key.
UNWIND $rows AS r
MATCH (:Entity {id: r.from})-[e]->(:Entity {id: r.to})
WHERE e.key = r.key
RETURN e.key AS key, e._hash AS hash, coalesce(e._sources, []) AS sources
