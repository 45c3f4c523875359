// name: load_replace_nodes
// description: Rewrite nodes whose sources changed (a source retracted): properties, record hash and the exact list of sources.
// mode: write
// param: rows: list | Maps with id, props, hash and sources.
UNWIND $rows AS r
MATCH (n:Entity {id: r.id})
SET n = r.props
SET n._hash = r.hash, n._sources = r.sources
