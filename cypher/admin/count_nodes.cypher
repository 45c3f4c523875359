// name: count_nodes
// description: How many nodes and relationships the knowledge base holds; a KbMeta node (the data-version marker kb kept before it used Neo4j's data-state token, and the change log's counter) and the change log's entries are not counted.
// mode: read
CALL () { MATCH (n) WHERE NOT n:KbMeta AND NOT n:Change RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
