// name: saved_query_put
// description: Store a user's saved query (create it, or replace the one of that name).
// mode: write
// param: name: str | The query's name (lower-case letters, digits and dashes).
// param: description: str | What it answers, in a sentence.
// param: cypher: str | The read-only Cypher text.
// param: params: str | Its parameters' values as a JSON object.
// param: now: str | ISO timestamp of the save.
MERGE (q:SavedQuery {name: $name})
ON CREATE SET q.created_at = datetime($now)
SET q.description = $description, q.cypher = $cypher, q.params = $params,
    q.updated_at = datetime($now)
RETURN q.name AS name
