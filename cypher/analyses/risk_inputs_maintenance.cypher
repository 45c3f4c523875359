// name: risk_inputs_maintenance
// description: Input of the fast risk engine: every maintenance record as aligned columns (component, actor, paid, since, until); open ends are empty strings, because collect() would drop nulls and break the alignment.
// mode: read
MATCH (a:Actor)-[m:MAINTAINS]->(c:Component)
RETURN collect(c.id) AS components, collect(a.id) AS actors, collect(coalesce(m.paid, false)) AS paid,
       collect(coalesce(toString(m.since), '')) AS since, collect(coalesce(toString(m.until), '')) AS until
