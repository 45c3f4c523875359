// name: entity
// description: One entity by id: its label and properties.
// mode: read
// param: id: str | The entity id.
MATCH (n:Entity {id: $id})
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
