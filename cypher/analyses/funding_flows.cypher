// name: funding_flows
// description: Every funding flow active on as_of with its granting and receiving actor, amount, currency and the flow it passes on from; flows withdrawn in the what-if are marked.
// mode: read
// listed: yes
// param: as_of: date = today | The day to evaluate (YYYY-MM-DD).
// param: without: list = [] | Actor ids whose fundings, and every sub-grant passed on from them, are withdrawn.
WITH date($as_of) AS d, coalesce($without, []) AS without
CALL (without) {
  OPTIONAL MATCH (w:Actor)-[:GRANTS]->(root:Funding)
  WHERE w.id IN without
  OPTIONAL MATCH (root)-[:PASSES_ON*0..]->(f:Funding)
  RETURN collect(DISTINCT f.id) AS excluded
}
MATCH (g:Actor)-[:GRANTS]->(f:Funding)-[:TO]->(r:Actor)
WHERE (f.start IS NULL OR f.start <= d) AND (f.end IS NULL OR d <= f.end)
OPTIONAL MATCH (parent:Funding)-[:PASSES_ON]->(f)
RETURN f.id AS id, g.id AS from, r.id AS to, f.amount AS amount, f.currency AS currency,
       f.kind AS kind, f.purpose AS purpose, f.start AS start, f.end AS end,
       parent.id AS parent, f.id IN excluded AS withdrawn,
       [(f)-[:FOR]->(x) | x.id] AS for
ORDER BY id
