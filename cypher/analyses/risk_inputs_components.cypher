// name: risk_inputs_components
// description: Input of the fast risk engine: every component with its name and the ids it depends on (one row per component keeps the transfer small).
// mode: read
MATCH (c:Component)
RETURN c.id AS id, c.name AS name, [(c)-[:DEPENDS_ON]->(d:Component) | d.id] AS deps
