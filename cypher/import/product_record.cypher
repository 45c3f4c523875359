// name: import_product_record
// description: One product's id, name and owner, so that an import attaching to it (--product) says only what it adds.
// mode: read
// param: id: str | Product id.
MATCH (p:Product {id: $id})
OPTIONAL MATCH (o:Actor)-[:OWNS]->(p)
RETURN p.id AS id, p.name AS name, o.id AS owner
