// name: risk_inputs_flows
// description: Input of the fast risk engine: maintenance funding flows with their funder, component and period.
// mode: read
MATCH (g:Actor)-[:GRANTS]->(f:Funding {purpose: 'maintenance'})-[:FOR]->(c:Component)
RETURN c.id AS component, g.id AS funder, f.id AS funding, f.start AS start, f.end AS end
