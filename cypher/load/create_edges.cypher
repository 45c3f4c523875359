// name: load_create_edges
// description: Create relationships between existing nodes; types come from kb/graph.py.
// mode: write
// param: rows: list | Maps with type, from, to and props.
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
CREATE (a)-[e:$(r.type)]->(b)
SET e = r.props
