// name: load_upsert_rels
// description: Create or replace relationship records (relies_on, maintenance, ...) by key.
// mode: write
// param: rows: list | Maps with type, from, to, key, props, hash and source.
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
MERGE (a)-[e:$(r.type) {key: r.key}]->(b)
WITH e, r, coalesce(e._sources, []) AS old
SET e = r.props
SET e._hash = r.hash,
    e._sources = CASE WHEN r.source IN old THEN old ELSE old + r.source END
