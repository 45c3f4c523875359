// name: audit_maintainers
// description: Maintenance records (component, actor, role, paid flag and period), of every component or of the ones named.
// mode: read
// listed: yes
// param: ids: list = null | Component ids; null means every component.
MATCH (a:Actor)-[m:MAINTAINS]->(c:Component)
WHERE $ids IS NULL OR c.id IN $ids
RETURN c.id AS component, a.id AS actor, m.role AS role, m.paid AS paid,
       m.since AS since, m.until AS until
ORDER BY component, actor
