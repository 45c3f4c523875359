// name: neighbours
// description: Every relationship of the given entities, with its direction, type, properties and the neighbour's id, label and name.
// mode: read
// param: ids: list | Entity ids.
// param: limit: int = 2000 | At most this many relationships.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(m:Entity)
RETURN n.id AS id, type(r) AS type, startNode(r) = n AS outgoing, properties(r) AS props,
       m.id AS other, [l IN labels(m) WHERE l <> 'Entity'][0] AS other_label,
       coalesce(m.name, m.title, m.topic, m.id) AS other_name
ORDER BY id, type, other
LIMIT $limit
