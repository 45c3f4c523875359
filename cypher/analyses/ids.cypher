// name: ids
// description: Ids and names of the nodes with a given label (Actor, Product, Component, Agreement, Funding, Decision), for listing valid choices.
// mode: read
// param: label: str | One of Actor, Product, Component, Agreement, Funding, Decision.
MATCH (n:Entity)
WHERE $label IN labels(n)
RETURN n.id AS id, n.name AS name
ORDER BY id
