// name: load_create_edges_by_node
// description: Create owned relationships that carry a property (VOICE) between nodes named by internal node id, as load_create_edge_groups_by_node does for the property-less ones.
// mode: write
// param: rows: list | Maps with type, from and to (internal node ids) and voice.
UNWIND $rows AS r
MATCH (a) WHERE id(a) = r.from
MATCH (b) WHERE id(b) = r.to
CREATE (a)-[:$(r.type) {voice: r.voice}]->(b)
