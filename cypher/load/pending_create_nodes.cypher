// name: load_pending_create_nodes
// description: Create nodes of a batched load as pending: labelled KbPending only, so that no analysis (they all match Entity or a section label) sees them until the final switch gives them their labels. Returns each id with its internal node id, which the load's later batches and the switch use to find them without an index.
// mode: write
// param: rows: list | Maps with id, props, hash and source.
UNWIND $rows AS r
CREATE (n:KbPending)
SET n = r.props, n._hash = r.hash, n._sources = [r.source]
RETURN collect(n.id) AS ids, collect(id(n)) AS nodes
