// name: web_pick
// description: Records of one kind whose id or name contains the text typed, for the forms' reference pickers: ids that start with it first, then by id.
// mode: read
// param: label: str | Actor, Product, Component, Agreement, Funding or Decision.
// param: q: str | Text typed (lower case); empty lists the first ones.
// param: limit: int | At most this many.
MATCH (n:Entity)
WHERE $label IN labels(n)
  AND ($q = '' OR toLower(n.id) CONTAINS $q
       OR toLower(coalesce(n.name, n.title, n.topic, '')) CONTAINS $q)
RETURN n.id AS id, coalesce(n.name, n.title, n.topic, n.id) AS name
ORDER BY CASE WHEN toLower(n.id) STARTS WITH $q THEN 0 ELSE 1 END, id
LIMIT $limit
