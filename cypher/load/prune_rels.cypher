// name: load_prune_rels
// description: Drop a source from relationship records it no longer lists; delete orphans.
// mode: write
// param: rows: list | Maps with from, to and key.
// param: source: str | Ecosystem id.
UNWIND $rows AS r
MATCH (:Entity {id: r.from})-[e]->(:Entity {id: r.to})
WHERE e.key = r.key
SET e._sources = [s IN e._sources WHERE s <> $source]
WITH e WHERE size(e._sources) = 0
DELETE e
RETURN count(*) AS deleted
