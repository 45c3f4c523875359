// name: load_update_rels
// description: Replace the properties of existing relationship records, found by their key from the start node.
// mode: write
// param: rows: list | Maps with from, to, key, props, hash and source.
UNWIND $rows AS r
MATCH (:Entity {id: r.from})-[e]->(:Entity {id: r.to})
WHERE e.key = r.key
WITH e, r, coalesce(e._sources, []) AS old
SET e = r.props
SET e._hash = r.hash,
    e._sources = CASE WHEN r.source IN old THEN old ELSE old + r.source END
