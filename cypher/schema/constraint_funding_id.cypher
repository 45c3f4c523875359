// name: schema_funding_id
// description: Funding ids are unique, and looking one up by id uses an index.
// mode: write
CREATE CONSTRAINT funding_id IF NOT EXISTS FOR (n:Funding) REQUIRE n.id IS UNIQUE
