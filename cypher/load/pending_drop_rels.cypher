// name: load_pending_drop_rels
// description: Remove the relationships of pending nodes (a batched load that failed, or one a crash interrupted), 50,000 to a transaction. Every relationship a batched load makes before its switch starts at a pending node; both directions are matched all the same. Runs as an auto-commit query.
// mode: write
MATCH (:KbPending)-[r]-()
CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS
