// name: load_delete_rels
// description: Delete relationship records that no source lists any more.
// mode: write
// param: rows: list | Maps with from, to and key.
UNWIND $rows AS r
MATCH (:Entity {id: r.from})-[e]->(:Entity {id: r.to})
WHERE e.key = r.key
DELETE e
