// name: bench_funding_periods
// description: Maintenance funding flows and paid maintenance periods per component, for the in-memory baseline.
// mode: read
CALL () {
  MATCH (f:Funding {purpose: 'maintenance'})-[:FOR]->(c:Component)
  RETURN c.id AS component, f.start AS start, f.end AS end
  UNION ALL
  MATCH (:Actor)-[m:MAINTAINS {paid: true}]->(c:Component)
  RETURN c.id AS component, m.since AS start, m.until AS end
}
RETURN component, start, end
