// name: known_ids
// description: Which of the given ids belong to nodes with a given label (an index seek per id), to check user-supplied ids before an analysis runs.
// mode: read
// param: label: str | One of Actor, Product, Component, Agreement, Funding, Decision.
// param: ids: list | The ids to check.
UNWIND $ids AS wanted
MATCH (n:Entity {id: wanted})
WHERE $label IN labels(n)
RETURN n.id AS id
