// name: load_lookup_nodes
// description: Label, record hash and sources of the nodes with the given ids that exist.
// mode: read
// param: ids: list | Node ids to look up.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       n._hash AS hash,
       coalesce(n._sources, []) AS sources
