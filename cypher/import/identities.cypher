// name: import_identities
// description: What the knowledge base knows about codebase identity: every package URL a component holds (its `packages`) and every id merged into another, each with the component id it resolves to.
// mode: read
CALL {
  MATCH (c:Component) WHERE c.packages IS NOT NULL
  UNWIND c.packages AS key
  RETURN key, c.id AS id
  UNION
  MATCH (m:Merged)
  RETURN m.id AS key, m.into AS id
}
RETURN key, id
