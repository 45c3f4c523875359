// name: load_delete_nodes
// description: Delete nodes (with their relationships) that no source lists any more.
// mode: write
// param: ids: list | Node ids.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DETACH DELETE n
