// name: load_create_edges
// description: Create the relationships a node record owns; types come from kb/graph.py, and only VOICE has a property.
// mode: write
// param: rows: list | Maps with type, from, to and voice (null for all but VOICE).
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
CREATE (a)-[:$(r.type) {voice: r.voice}]->(b)
