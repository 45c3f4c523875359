// name: web_workshop_decisions
// description: The decision points about one product or the components it is built on, with each actor's recorded voice, oldest first.
// mode: read
// param: product: str | Product id.
MATCH (p:Product {id: $product})
CALL (p) {
  MATCH (d:Decision)-[:ABOUT]->(p) RETURN d
  UNION
  MATCH (d:Decision)-[:ABOUT]->(:Component)<-[:BUILT_ON]-(p) RETURN d
}
RETURN d.id AS id, d.topic AS topic, toString(d.date) AS date,
       [(a:Actor)-[v:VOICE]->(d) | {actor: a.id, voice: v.voice}] AS voices
ORDER BY date, id
