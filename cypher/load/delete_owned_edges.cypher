// name: load_delete_owned_edges
// description: Remove the relationships that the given node records own (by type and direction), before rewriting them.
// mode: write
// param: ids: list | Ids of the records whose relationships are rewritten.
// param: out_types: list | Outgoing relationship types the record owns.
// param: in_types: list | Incoming relationship types the record owns.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[e]-()
WHERE (type(e) IN $out_types AND startNode(e) = n) OR (type(e) IN $in_types AND endNode(e) = n)
DELETE e
