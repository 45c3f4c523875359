// name: schema_audit_id
// description: Saved audits are unique by id.
// mode: write
CREATE CONSTRAINT audit_id IF NOT EXISTS FOR (n:Audit) REQUIRE n.id IS UNIQUE
