// name: count_nodes
// description: How many nodes and relationships the knowledge base holds.
// mode: read
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
