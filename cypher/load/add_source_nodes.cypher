// name: load_add_source_nodes
// description: Record that an unchanged node is also listed by another source.
// mode: write
// param: ids: list | Node ids.
// param: source: str | Ecosystem id of the load.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n._sources = coalesce(n._sources, []) + $source
