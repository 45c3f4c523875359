// name: audit_product_funders
// description: The actors funding each product through flows active on as_of.
// mode: read
// listed: yes
// param: as_of: date = today | The day to evaluate (YYYY-MM-DD).
WITH date($as_of) AS d
MATCH (g:Actor)-[:GRANTS]->(f:Funding)-[:FOR]->(p:Product)
WHERE (f.start IS NULL OR f.start <= d) AND (f.end IS NULL OR d <= f.end)
RETURN p.id AS product, collect(DISTINCT g.id) AS funders
ORDER BY product
