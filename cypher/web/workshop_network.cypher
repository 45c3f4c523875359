// name: web_workshop_network
// description: The actors around one product, for the value network workshop: everyone involved in it, exchanging with its owner, party to an agreement with the owner about it, funding it or with a voice in a decision about it; with their involvement records, what the owner gives them and needs from them, and their agreements with the owner.
// mode: read
// param: product: str | Product id.
MATCH (owner:Actor)-[:OWNS]->(p:Product {id: $product})
CALL (owner, p) {
  MATCH (a:Actor)-[:INVOLVED_IN]->(p) RETURN a
  UNION
  MATCH (a:Actor)-[:GIVES]-(owner) RETURN a
  UNION
  MATCH (owner)-[:PARTY_TO]->(g:Agreement)<-[:PARTY_TO]-(a:Actor)
  WHERE NOT EXISTS { (g)-[:CONCERNS]->() } OR EXISTS { (g)-[:CONCERNS]->(p) }
  RETURN a
  UNION
  MATCH (a:Actor)-[:GRANTS]->(:Funding)-[:FOR]->(p) RETURN a
  UNION
  MATCH (a:Actor)-[:VOICE]->(:Decision)-[:ABOUT]->(p) RETURN a
}
WITH owner, p, a WHERE a <> owner
RETURN owner.id AS owner, a.id AS actor, a.name AS name, a.kind AS kind,
       [(a)-[i:INVOLVED_IN]->(p) | i.key] AS involvement,
       [(owner)-[e:GIVES]->(a) | {gives: e.what, kind: e.kind, key: e.key}] AS we_give,
       [(a)-[e:GIVES]->(owner) | {gives: e.what, kind: e.kind, key: e.key}] AS we_need,
       [(owner)-[:PARTY_TO]->(g:Agreement)<-[:PARTY_TO]-(a)
        WHERE NOT EXISTS { (g)-[:CONCERNS]->() } OR EXISTS { (g)-[:CONCERNS]->(p) }
        | {id: g.id, kind: g.kind, signed: toString(g.signed)}] AS agreements
ORDER BY name, actor
