// name: risk_inputs_edges
// description: Input of the fast risk engine: every DEPENDS_ON edge as two aligned columns of internal node ids. Internal ids are only compared with those of risk_inputs_components read in the same transaction; as integers they move several times faster than element ids.
// mode: read
MATCH (c:Component)-[:DEPENDS_ON]->(d:Component)
RETURN collect(id(c)) AS sources, collect(id(d)) AS targets
