// name: withdrawn_fundings
// description: The fundings withdrawn in a what-if: those the given actors grant and every sub-grant passed on from them.
// mode: read
// param: without: list = [] | Actor ids that withdraw.
MATCH (w:Actor)-[:GRANTS]->(root:Funding)
WHERE w.id IN $without
MATCH (root)-[:PASSES_ON*0..]->(f:Funding)
RETURN DISTINCT f.id AS id
