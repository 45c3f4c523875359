// name: records_node
// description: One node record as stored: its label, properties and every relationship at it (with properties), for reading the record back and for the change log.
// mode: read
// param: id: str | Node id.
// param: label: str | The section's label (Actor, Product, ...).
MATCH (n:Entity {id: $id})
WHERE $label IN labels(n)
RETURN $label AS label, properties(n) AS props,
       COLLECT { MATCH (n)-[e]-(o:Entity)
                 RETURN {type: type(e), from: startNode(e).id, to: endNode(e).id,
                         props: properties(e)} AS e
                 ORDER BY e.type, e.from, e.to } AS edges
