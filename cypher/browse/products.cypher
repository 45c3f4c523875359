// name: browse_products
// description: Every product with its owner and how many components it is built on directly.
// mode: read
// listed: yes
MATCH (p:Product)
OPTIONAL MATCH (o:Actor)-[:OWNS]->(p)
RETURN p.id AS id, p.name AS name, o.id AS owner,
       COUNT { (p)-[:BUILT_ON]->(:Component) } AS built_on
ORDER BY id
