// name: audit_direct_reliance
// description: Who relies on each component (every one, or the ones named) directly: products built on it and actors relying on it.
// mode: read
// listed: yes
// param: ids: list = null | Component ids; null means every component.
MATCH (c:Component)
WHERE $ids IS NULL OR c.id IN $ids
RETURN c.id AS component,
       [(p:Product)-[:BUILT_ON]->(c) | p.id] AS products,
       [(a:Actor)-[:RELIES_ON]->(c) | a.id] AS actors
ORDER BY component
