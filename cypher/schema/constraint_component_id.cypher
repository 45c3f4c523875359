// name: schema_component_id
// description: Component ids are unique, and looking one up by id uses an index.
// mode: write
CREATE CONSTRAINT component_id IF NOT EXISTS FOR (n:Component) REQUIRE n.id IS UNIQUE
