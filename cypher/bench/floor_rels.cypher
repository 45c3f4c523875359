// name: bench_floor_rels
// description: The write floor: $rels DEPENDS_ON relationships between the components made by bench_floor_nodes in the same transaction, spread by a fixed stride (no data sent).
// mode: write
// param: rels: int | How many relationships to create.
MATCH (n:Component)
WITH collect(n) AS ns
UNWIND range(0, $rels - 1) AS i
WITH ns[i % size(ns)] AS a, ns[(i * 7919 + 13) % size(ns)] AS b
CREATE (a)-[:DEPENDS_ON]->(b)
