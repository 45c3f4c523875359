// name: schema_product_id
// description: Product ids are unique, and looking one up by id uses an index.
// mode: write
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE
