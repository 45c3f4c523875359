// name: risk_inputs_components
// description: Input of the fast risk engine: every component as four aligned columns (internal node id, id, name, what its sources cover). One row of lists moves 100k components in a tenth of a second; a row per component takes twenty times longer in the Python driver.
// mode: read
MATCH (c:Component)
RETURN collect(id(c)) AS nodes, collect(c.id) AS ids, collect(c.name) AS names,
       collect(coalesce(c.covers, [])) AS covers
