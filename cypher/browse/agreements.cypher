// name: browse_agreements
// description: Every agreement with its kind, title, parties, signing date and period.
// mode: read
// listed: yes
MATCH (g:Agreement)
RETURN g.id AS id, g.title AS title, g.kind AS kind, g.signed AS signed, g.start AS start,
       g.end AS end, [(a:Actor)-[:PARTY_TO]->(g) | a.id] AS parties,
       [(g)-[:CONCERNS]->(x) | x.id] AS concerns
ORDER BY id
