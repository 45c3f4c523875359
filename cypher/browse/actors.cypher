// name: browse_actors
// description: Every actor with its kind and country, and how many fundings it grants and receives, components it maintains, products it owns and components it relies on directly.
// mode: read
// listed: yes
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country,
       COUNT { (a)-[:GRANTS]->(:Funding) } AS grants,
       COUNT { (:Funding)-[:TO]->(a) } AS receives,
       COUNT { (a)-[:MAINTAINS]->(:Component) } AS maintains,
       COUNT { (a)-[:OWNS]->(:Product) } AS owns,
       COUNT { (a)-[:RELIES_ON]->(:Component) } AS relies_on
ORDER BY id
