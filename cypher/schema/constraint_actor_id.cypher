// name: schema_actor_id
// description: Actor ids are unique, and looking one up by id uses an index.
// mode: write
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE
