// name: load_source_rels
// description: Keys and ends of the relationship records an earlier load of a source listed.
// mode: read
// param: source: str | Ecosystem id.
MATCH (a:Entity)-[e]->(b:Entity)
WHERE e.key IS NOT NULL AND $source IN e._sources
RETURN a.id AS from, b.id AS to, e.key AS key
