// name: load_source_nodes
// description: Ids of the nodes an earlier load of a source listed.
// mode: read
// param: source: str | Ecosystem id.
MATCH (n:Entity)
WHERE $source IN n._sources
RETURN n.id AS id
