// name: map_edges
// description: The relationships among the given entities, for the network map (each once, by its start and end id and type).
// mode: read
// param: ids: list | The ids of the entities drawn.
// param: limit: int = 200000 | At most this many relationships.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE b.id IN $ids
RETURN a.id AS source, type(r) AS type, b.id AS target
LIMIT $limit
