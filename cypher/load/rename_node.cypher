// name: load_rename_node
// description: Give a node a new id (a merge into an id no node has yet), with its rewritten kept records.
// mode: write
// param: old: str | Its id now.
// param: new: str | Its new id.
// param: records: str = "" | Its kept records (`_records`) with ids rewritten; empty for none.
MATCH (n:Entity {id: $old})
SET n.id = $new, n._records = CASE WHEN $records = '' THEN null ELSE $records END
