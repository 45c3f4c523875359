// name: load_owned_edges
// description: The relationships that the given node records own (by type and direction), each as type, start id, end id and voice: a load compares them with the records' new ones and rewrites only those that differ.
// mode: read
// param: ids: list | Ids of the records.
// param: out_types: list | Outgoing relationship types the records own.
// param: in_types: list | Incoming relationship types the records own.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[e]-(o:Entity)
WHERE (type(e) IN $out_types AND startNode(e) = n) OR (type(e) IN $in_types AND endNode(e) = n)
RETURN type(e) AS type, startNode(e).id AS from, endNode(e).id AS to, e.voice AS voice
