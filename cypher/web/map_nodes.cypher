// name: map_nodes
// description: Every entity for the network map: its id, kind (label), a name to show and how many relationships it has.
// mode: read
MATCH (n:Entity)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       coalesce(n.name, n.title, n.topic, n.id) AS name, COUNT { (n)--() } AS degree
