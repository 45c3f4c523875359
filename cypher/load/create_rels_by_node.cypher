// name: load_create_rels_by_node
// description: Create relationship records (relies_on, maintenance, ...) between nodes created earlier in the same load, named by internal node id (as returned by load_create_nodes). Used when loading into an empty knowledge base, where it saves the two id-index lookups per record that load_create_rels makes.
// mode: write
// param: rows: list | Maps with type, from and to (internal node ids), props, hash and source.
UNWIND $rows AS r
MATCH (a) WHERE id(a) = r.from
MATCH (b) WHERE id(b) = r.to
CREATE (a)-[e:$(r.type)]->(b)
SET e = r.props
SET e._hash = r.hash, e._sources = [r.source]
