// name: schema_agreement_id
// description: Agreement ids are unique, and looking one up by id uses an index.
// mode: write
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE
