// name: load_add_source_rels
// description: Record that an unchanged relationship record is also listed by another source.
// mode: write
// param: rows: list | Maps with from, to and key.
// param: source: str | Ecosystem id of the load.
UNWIND $rows AS r
MATCH (:Entity {id: r.from})-[e]->(:Entity {id: r.to})
WHERE e.key = r.key
SET e._sources = coalesce(e._sources, []) + $source
