// name: actor_names
// description: Every actor's id and name, for reporting likely duplicates after an import.
// mode: read
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name
ORDER BY id
