// name: reset
// description: Delete every node and relationship of the knowledge base, in batches.
// mode: write
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
