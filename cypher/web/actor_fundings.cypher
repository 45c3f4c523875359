// name: actor_fundings
// description: The funding flows an actor grants and receives, with what each is for.
// mode: read
// param: id: str | Actor id.
MATCH (a:Actor {id: $id})
CALL (a) {
  MATCH (a)-[:GRANTS]->(f:Funding)-[:TO]->(other:Actor)
  RETURN 'grants' AS direction, f, other
  UNION
  MATCH (other:Actor)-[:GRANTS]->(f:Funding)-[:TO]->(a)
  RETURN 'receives' AS direction, f, other
}
RETURN direction, f.id AS id, other.id AS other, f.amount AS amount, f.currency AS currency,
       f.purpose AS purpose, f.kind AS kind, f.start AS start, f.end AS end,
       [(f)-[:FOR]->(x) | x.id] AS for
ORDER BY direction, id
