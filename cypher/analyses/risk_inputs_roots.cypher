// name: risk_inputs_roots
// description: Input of the fast risk engine: products with their owner and what they are built on, and actors with what they rely on directly, as aligned columns (owner is empty for actors).
// mode: read
CALL () {
  MATCH (o:Actor)-[:OWNS]->(p:Product)
  RETURN 'product' AS kind, p.id AS id, o.id AS owner, [(p)-[:BUILT_ON]->(c:Component) | c.id] AS targets
  UNION ALL
  MATCH (a:Actor)
  WHERE EXISTS { (a)-[:RELIES_ON]->(:Component) }
  RETURN 'actor' AS kind, a.id AS id, null AS owner, [(a)-[:RELIES_ON]->(c:Component) | c.id] AS targets
}
RETURN collect(kind) AS kinds, collect(id) AS ids, collect(coalesce(owner, '')) AS owners,
       collect(targets) AS targets
