// name: audit_maintainers
// description: Every maintenance record, with the component, actor, role, paid flag and period.
// mode: read
// listed: yes
MATCH (a:Actor)-[m:MAINTAINS]->(c:Component)
RETURN c.id AS component, a.id AS actor, m.role AS role, m.paid AS paid,
       m.since AS since, m.until AS until
ORDER BY component, actor
