// name: records_rel
// description: One relationship record as stored (relies_on, maintenance, involvement, exchanges, ties), found by its ends and its key.
// mode: read
// param: from: str | Id at its start (the key's second item).
// param: to: str | Id at its end (the key's third item).
// param: key: str | The record's key, as the loader makes it.
MATCH (a:Entity {id: $from})-[e]->(b:Entity {id: $to})
WHERE e.key = $key
RETURN type(e) AS type, a.id AS from, b.id AS to, properties(e) AS props
LIMIT 1
