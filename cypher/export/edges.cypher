// name: export_edges
// description: Every relationship between entities with its type, ends and properties.
// mode: read
MATCH (a:Entity)-[e]->(b:Entity)
RETURN type(e) AS type, a.id AS from, b.id AS to, properties(e) AS props
ORDER BY type, from, to, e.key
