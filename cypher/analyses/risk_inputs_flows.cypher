// name: risk_inputs_flows
// description: Input of the fast risk engine: maintenance funding flows as aligned columns (component as internal node id, funder, funding, start, end); open ends are empty strings.
// mode: read
MATCH (g:Actor)-[:GRANTS]->(f:Funding {purpose: 'maintenance'})-[:FOR]->(c)
RETURN collect(id(c)) AS components, collect(g.id) AS funders, collect(f.id) AS fundings,
       collect(coalesce(toString(f.start), '')) AS starts, collect(coalesce(toString(f.end), '')) AS ends
