// name: kb_version
// description: The knowledge base's data version, which changes on every load and reset (for caching analysis results).
// mode: read
OPTIONAL MATCH (m:KbMeta {id: 'kb'})
RETURN coalesce(m.version, 'none') AS version
