// name: load_internal_ids
// description: The internal node ids of live nodes, by id: a batched load names the live ends of its pending relationships by internal id, and its switch checks that each still names the same node.
// mode: read
// param: ids: list | Node ids.
UNWIND $ids AS i
MATCH (n:Entity {id: i})
RETURN n.id AS id, id(n) AS node
