// name: load_create_nodes
// description: Create nodes that the load found missing, all of one label (a fixed list in kb/model.py); CREATE skips the existence check that MERGE makes per row. Returns each new node's id with its internal node id, so that a load into an empty knowledge base can attach edges without index lookups.
// mode: write
// param: label: str | The node label of every row.
// param: rows: list | Maps with id, props, hash and source.
UNWIND $rows AS r
CREATE (n:Entity:$($label))
SET n = r.props, n._hash = r.hash, n._sources = [r.source]
RETURN collect(n.id) AS ids, collect(id(n)) AS nodes
