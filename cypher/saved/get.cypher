// name: saved_query_get
// description: One user's saved query by name.
// mode: read
// param: name: str | The query's name.
MATCH (q:SavedQuery {name: $name})
RETURN q.name AS name, q.description AS description, q.cypher AS cypher, q.params AS params,
       toString(q.created_at) AS created_at, toString(q.updated_at) AS updated_at
