// name: schema_ecosystem_id
// description: One :Ecosystem node per loaded source, unique by id.
// mode: write
CREATE CONSTRAINT ecosystem_id IF NOT EXISTS FOR (n:Ecosystem) REQUIRE n.id IS UNIQUE
