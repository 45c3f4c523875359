// name: console_links
// description: The relationships among the nodes a console query returned (by element id), so the console draws them with the links between them.
// mode: read
// param: ids: list | Element ids of the returned nodes.
// param: limit: int = 2000 | At most this many relationships.
MATCH (n)-[r]->(m)
WHERE elementId(n) IN $ids AND elementId(m) IN $ids
RETURN elementId(r) AS id, type(r) AS type, elementId(n) AS source, elementId(m) AS target,
       properties(r) AS props
LIMIT $limit
