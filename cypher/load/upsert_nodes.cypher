// name: load_upsert_nodes
// description: Create or replace nodes by id; the label comes from a fixed list in kb/model.py.
// mode: write
// param: rows: list | Maps with id, label, props, hash and source.
UNWIND $rows AS r
MERGE (n:Entity {id: r.id})
WITH n, r, coalesce(n._sources, []) AS old
SET n = r.props
SET n._hash = r.hash,
    n._sources = CASE WHEN r.source IN old THEN old ELSE old + r.source END
SET n:$(r.label)
