// name: load_create_edge_groups
// description: Create property-less relationships of one type (from kb/graph.py), grouped by start node: one lookup of the start node per group instead of one per edge.
// mode: write
// param: type: str | The relationship type of every edge.
// param: rows: list | Maps with from (an id) and to (a list of ids).
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
UNWIND r.to AS target
MATCH (b:Entity {id: target})
CREATE (a)-[:$($type)]->(b)
