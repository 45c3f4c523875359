// name: bench_edges
// description: Every relationship the reliance definition uses (OWNS, BUILT_ON, DEPENDS_ON, RELIES_ON), for the in-memory baseline.
// mode: read
MATCH (a:Entity)-[r:OWNS|BUILT_ON|DEPENDS_ON|RELIES_ON]->(b:Entity)
RETURN type(r) AS type, a.id AS from, b.id AS to
