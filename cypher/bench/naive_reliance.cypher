// name: bench_naive_reliance
// description: The naive baseline: reliance counted by enumerating every dependency path (the path variable forbids pruning), then de-duplicating.
// mode: read
CALL () {
  MATCH path = (o:Actor)-[:OWNS]->(p:Product)-[:BUILT_ON]->(:Component)-[:DEPENDS_ON*0..]->(c:Component)
  RETURN c, p.id AS product, o.id AS actor, length(path) AS hops
  UNION ALL
  MATCH path = (a:Actor)-[:RELIES_ON]->(:Component)-[:DEPENDS_ON*0..]->(c:Component)
  RETURN c, null AS product, a.id AS actor, length(path) AS hops
}
RETURN c.id AS id, count(DISTINCT product) AS products, count(DISTINCT actor) AS actors,
       max(hops) AS longest_path
