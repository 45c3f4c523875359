// name: schema_decision_id
// description: Decision ids are unique, and looking one up by id uses an index.
// mode: write
CREATE CONSTRAINT decision_id IF NOT EXISTS FOR (n:Decision) REQUIRE n.id IS UNIQUE
