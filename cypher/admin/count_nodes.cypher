// name: count_nodes
// description: How many nodes (other than the data-version marker) and relationships the knowledge base holds.
// mode: read
CALL () { MATCH (n) WHERE NOT n:KbMeta RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
