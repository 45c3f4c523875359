// name: browse_fundings
// description: Every funding flow with who grants it to whom, amount, currency, kind, purpose, period, the flow it passes on from and what it is for.
// mode: read
// listed: yes
MATCH (g:Actor)-[:GRANTS]->(f:Funding)-[:TO]->(r:Actor)
OPTIONAL MATCH (parent:Funding)-[:PASSES_ON]->(f)
RETURN f.id AS id, g.id AS from, r.id AS to, f.amount AS amount, f.currency AS currency,
       f.kind AS kind, f.purpose AS purpose, f.start AS start, f.end AS end,
       parent.id AS parent, [(f)-[:FOR]->(x) | x.id] AS for
ORDER BY id
