// name: records_restore_node
// description: Put a node record back exactly as the change log kept it (undo): the node with its label and every property, then every relationship it had; returns how many relationships were made, so a caller can tell when an end is gone.
// mode: write
// param: label: str | The node's label (Actor, Product, ...).
// param: props: map | Every property, bookkeeping included.
// param: edges: list | Maps with type, from, to and props.
CREATE (n:Entity:$($label))
SET n = $props
WITH n
CALL (n) {
  UNWIND $edges AS e
  MATCH (a:Entity {id: e.from})
  MATCH (b:Entity {id: e.to})
  CREATE (a)-[r:$(e.type)]->(b)
  SET r = e.props
  RETURN count(r) AS made
}
RETURN made
