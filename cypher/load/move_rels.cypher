// name: load_move_rels
// description: Create relationships with given properties and sources (a merged node's relationships, moved to the node it was merged into); types come from kb/ingest/plan.py.
// mode: write
// param: rows: list | Maps with type, from, to, props (may be empty) and sources (may be null for relationships a node record owns).
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
CREATE (a)-[e:$(r.type)]->(b)
SET e = r.props
SET e._sources = r.sources
