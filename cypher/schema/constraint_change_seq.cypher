// name: schema_change_seq
// description: Change log entries are unique by their sequence number, and found by it.
// mode: write
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (n:Change) REQUIRE n.seq IS UNIQUE
