// name: load_node_records
// description: What the knowledge base holds of the given nodes, for combining or retracting sources' records: label, every property (bookkeeping included) and the relationships at each node that no record keys (the ones node records own).
// mode: read
// param: ids: list | Node ids.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       properties(n) AS props,
       coalesce(n._sources, []) AS sources,
       COLLECT { MATCH (n)-[e]->(o:Entity) WHERE e.key IS NULL
                 RETURN {type: type(e), other: o.id, voice: e.voice} } AS out,
       COLLECT { MATCH (n)<-[e]-(o:Entity) WHERE e.key IS NULL
                 RETURN {type: type(e), other: o.id, voice: e.voice} } AS in
