// name: saved_query_delete
// description: Delete a user's saved query by name; returns how many were deleted (0 or 1).
// mode: write
// param: name: str | The query's name.
OPTIONAL MATCH (q:SavedQuery {name: $name})
WITH q, count(q) AS found
DETACH DELETE q
RETURN found AS deleted
