// name: records_restore_rel
// description: Put a relationship record back exactly as the change log kept it (undo); returns nothing when an end is gone.
// mode: write
// param: type: str | The relationship type (RELIES_ON, MAINTAINS, ...).
// param: from: str | Id at its start.
// param: to: str | Id at its end.
// param: props: map | Every property, bookkeeping included.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
CREATE (a)-[r:$($type)]->(b)
SET r = $props
RETURN count(r) AS made
