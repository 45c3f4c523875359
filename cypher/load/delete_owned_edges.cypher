// name: load_delete_owned_edges
// description: Remove the relationships that the given node records own, before rewriting them.
// mode: write
// param: ids: list | Ids of the records whose relationships are rewritten.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[e]-()
WHERE e._rec = id
DELETE e
