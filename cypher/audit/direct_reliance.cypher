// name: audit_direct_reliance
// description: Who relies on each component directly: products built on it and actors relying on it.
// mode: read
// listed: yes
MATCH (c:Component)
RETURN c.id AS component,
       [(p:Product)-[:BUILT_ON]->(c) | p.id] AS products,
       [(a:Actor)-[:RELIES_ON]->(c) | a.id] AS actors
ORDER BY component
