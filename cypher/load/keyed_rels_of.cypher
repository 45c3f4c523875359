// name: load_keyed_rels_of
// description: Every relationship record (one with a key) at a node, in either direction, with all its properties; for merging the node into another.
// mode: read
// param: id: str | Node id.
MATCH (n:Entity {id: $id})-[e]-(o:Entity)
WHERE e.key IS NOT NULL
RETURN type(e) AS type, startNode(e).id AS from, endNode(e).id AS to, e.key AS key,
       properties(e) AS props, coalesce(e._sources, []) AS sources
