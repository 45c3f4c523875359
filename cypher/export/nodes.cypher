// name: export_nodes
// description: Every entity node with its label and properties, ordered by id.
// mode: read
MATCH (n:Entity)
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
ORDER BY n.id
