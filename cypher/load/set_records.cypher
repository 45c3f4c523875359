// name: load_set_records
// description: Replace the kept records (`_records`) of nodes, after an id they mention was merged into another.
// mode: write
// param: rows: list | Maps with id and records (JSON text).
UNWIND $rows AS r
MATCH (n:Entity {id: r.id})
SET n._records = r.records
