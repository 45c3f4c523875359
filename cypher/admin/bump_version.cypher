// name: kb_bump_version
// description: Give the knowledge base a new data version after its data changed.
// mode: write
MERGE (m:KbMeta {id: 'kb'})
SET m.version = randomUUID(), m.changed_at = datetime()
