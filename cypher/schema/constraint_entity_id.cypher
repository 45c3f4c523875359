// name: schema_entity_id
// description: Every node of the knowledge base carries :Entity with a unique id.
// mode: write
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE
