// name: risk_inputs_maintenance
// description: Input of the fast risk engine: every maintenance record with its actor, paid flag and period.
// mode: read
MATCH (a:Actor)-[m:MAINTAINS]->(c:Component)
RETURN c.id AS component, a.id AS actor, m.paid AS paid, m.since AS start, m.until AS end
