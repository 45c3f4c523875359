// name: load_create_edge_groups_by_node
// description: Create property-less relationships of one type between nodes created earlier in the same load, named by internal node id (as returned by load_create_nodes) and grouped by start node. Used when loading into an empty knowledge base: seeking a node by internal id is a third cheaper than a unique-index lookup, 1M edges in 4.6 s instead of 6.5 s.
// mode: write
// param: type: str | The relationship type of every edge.
// param: rows: list | Maps with from (an internal node id) and to (a list of internal node ids).
UNWIND $rows AS r
MATCH (a) WHERE id(a) = r.from
UNWIND r.to AS target
MATCH (b) WHERE id(b) = target
CREATE (a)-[:$($type)]->(b)
