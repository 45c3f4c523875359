// name: count_nodes
// description: How many nodes and relationships the knowledge base holds; a KbMeta node (the data-version marker kb kept before it used Neo4j's data-state token, and the change log's counter) and the change log's entries are not counted, nor the pending records of a batched load not yet switched.
// mode: read
CALL () { MATCH (n) WHERE NOT n:KbMeta AND NOT n:Change AND NOT n:KbPending RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS total }
CALL () { MATCH (:KbPending)-[r]->() RETURN count(r) AS pending }
RETURN nodes, total - pending AS relationships
