// name: saved_query_count
// description: How many saved queries users have stored.
// mode: read
MATCH (q:SavedQuery)
RETURN count(q) AS saved
