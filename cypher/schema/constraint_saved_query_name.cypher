// name: schema_saved_query_name
// description: Users' saved queries are unique by name.
// mode: write
CREATE CONSTRAINT saved_query_name IF NOT EXISTS FOR (n:SavedQuery) REQUIRE n.name IS UNIQUE
