// name: load_is_empty
// description: True when the knowledge base holds no records yet (read from the count store, so instant); a load into an empty knowledge base skips looking up what exists.
// mode: read
MATCH (n:Entity)
RETURN count(n) = 0 AS empty
