// name: load_pending_switch_nodes
// description: The switch of a batched load, one batch of it inside the final transaction: pending nodes of one section take their labels (Entity and the section's, a fixed list in kb/ingest/model.py) and stop being pending. Until that transaction commits nobody else sees the change, and if it rolls back they stay pending and are removed.
// mode: write
// param: label: str | The section label of every node in the batch.
// param: nodes: list | Internal node ids of pending nodes.
UNWIND $nodes AS i
MATCH (n:KbPending) WHERE id(n) = i
SET n:Entity:$($label)
REMOVE n:KbPending
RETURN count(n) AS switched
