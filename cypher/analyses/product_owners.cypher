// name: product_owners
// description: Every product with its owner.
// mode: read
MATCH (o:Actor)-[:OWNS]->(p:Product)
RETURN p.id AS product, p.name AS name, o.id AS owner
ORDER BY product
