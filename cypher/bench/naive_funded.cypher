// name: bench_naive_funded
// description: Components funded on a day (an active maintenance flow or paid maintenance), for the naive baseline.
// mode: read
// param: as_of: date = today | The day.
WITH date($as_of) AS d
MATCH (c:Component)
WHERE EXISTS { MATCH (f:Funding {purpose: 'maintenance'})-[:FOR]->(c)
               WHERE (f.start IS NULL OR f.start <= d) AND (f.end IS NULL OR d <= f.end) }
   OR EXISTS { MATCH (:Actor)-[m:MAINTAINS {paid: true}]->(c)
               WHERE (m.since IS NULL OR m.since <= d) AND (m.until IS NULL OR d <= m.until) }
RETURN c.id AS id
