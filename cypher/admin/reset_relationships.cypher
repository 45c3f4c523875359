// name: reset_relationships
// description: Delete every relationship, in batches, before `reset` deletes the nodes: a node with very many relationships would otherwise be detached in one inner transaction too large for the heap (seen at 1,000,000 components with a 6g heap).
// mode: write
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS
