// name: load_prune_nodes
// description: Drop a source from nodes it no longer lists; delete the nodes no source lists.
// mode: write
// param: ids: list | Node ids to drop the source from.
// param: source: str | Ecosystem id.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n._sources = [s IN n._sources WHERE s <> $source]
WITH n WHERE size(n._sources) = 0
DETACH DELETE n
RETURN count(*) AS deleted
