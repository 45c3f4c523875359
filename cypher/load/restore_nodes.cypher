// name: load_restore_nodes
// description: Create nodes again from their dumps (the label is one of the fixed node labels of kb/ingest/model.py), to undo a merge.
// mode: write
// param: rows: list | Maps with label and props.
UNWIND $rows AS r
CREATE (n:Entity:$(r.label))
SET n = r.props
