// name: ivn
// description: Inner value network of each product (or one): the actors other than the owner that meet at least one criterion on as_of, with every criterion they meet.
// mode: read
// listed: yes
// param: as_of: date = today | The day to evaluate (YYYY-MM-DD).
// param: product: str = null | A product id; null means every product.
MATCH (owner:Actor)-[:OWNS]->(p:Product)
WHERE $product IS NULL OR p.id = $product
WITH owner, p, date($as_of) AS d
CALL (owner, p, d) {
  MATCH (a:Actor)-[i:INVOLVED_IN]->(p)
  WHERE a <> owner
    AND (i.since IS NULL OR i.since <= d) AND (i.until IS NULL OR d <= i.until)
  UNWIND [x IN [CASE WHEN i.develops THEN 'develops' END,
                CASE WHEN size(coalesce(i.performs, [])) > 0 THEN 'performs_function' END,
                CASE WHEN i.joint_planning THEN 'joint_planning' END]
          WHERE x IS NOT NULL] AS criterion
  RETURN a, criterion, null AS agreement
  UNION
  MATCH (owner)-[:PARTY_TO]->(g:Agreement)<-[:PARTY_TO]-(a:Actor)
  WHERE a <> owner
    AND g.signed IS NOT NULL AND g.signed <= d
    AND (g.start IS NULL OR g.start <= d) AND (g.end IS NULL OR d <= g.end)
    AND (NOT EXISTS { (g)-[:CONCERNS]->() } OR EXISTS { (g)-[:CONCERNS]->(p) })
  RETURN a, 'agreement' AS criterion, g.id AS agreement
}
WITH p, owner, a, collect(DISTINCT criterion) AS criteria, collect(DISTINCT agreement) AS agreements
RETURN p.id AS product, owner.id AS owner, a.id AS actor, a.name AS name, a.kind AS kind,
       criteria, agreements
ORDER BY product, actor
