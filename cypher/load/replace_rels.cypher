// name: load_replace_rels
// description: Rewrite relationship records whose sources changed (a source retracted): properties, record hash and the exact list of sources.
// mode: write
// param: rows: list | Maps with from, to, key, props, hash and sources.
UNWIND $rows AS r
MATCH (:Entity {id: r.from})-[e]->(:Entity {id: r.to})
WHERE e.key = r.key
SET e = r.props
SET e._hash = r.hash, e._sources = r.sources
