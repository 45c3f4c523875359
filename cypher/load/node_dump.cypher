// name: load_node_dump
// description: Everything a node is: its label, all its properties and every relationship at it with its properties, for a merge that can be undone.
// mode: read
// param: id: str | Node id.
MATCH (n:Entity {id: $id})
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props,
       COLLECT { MATCH (n)-[e]-(o:Entity)
                 RETURN {type: type(e), from: startNode(e).id, to: endNode(e).id,
                         props: properties(e)} } AS rels
