// name: load_set_merge_undo
// description: Keep what undoing a merge needs (both nodes and their relationships before it, and a fingerprint of the result) on its :Merged record.
// mode: write
// param: old: str | The id merged away.
// param: undo: str | JSON.
MATCH (m:Merged {id: $old})
SET m.undo = $undo
