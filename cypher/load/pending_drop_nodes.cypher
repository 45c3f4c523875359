// name: load_pending_drop_nodes
// description: Remove pending nodes (after load_pending_drop_rels), 10,000 to a transaction; DETACH in case a relationship was added in between. Runs as an auto-commit query.
// mode: write
MATCH (n:KbPending)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
