// name: load_create_rels
// description: Create relationship records (relies_on, maintenance, ...) that do not exist yet; types come from kb/graph.py.
// mode: write
// param: rows: list | Maps with type, from, to, props, hash and source.
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
CREATE (a)-[e:$(r.type)]->(b)
SET e = r.props
SET e._hash = r.hash, e._sources = [r.source]
