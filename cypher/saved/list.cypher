// name: saved_query_list
// description: Users' saved queries, by name, with their text.
// mode: read
MATCH (q:SavedQuery)
RETURN q.name AS name, q.description AS description, q.cypher AS cypher, q.params AS params,
       toString(q.created_at) AS created_at, toString(q.updated_at) AS updated_at
ORDER BY q.name
