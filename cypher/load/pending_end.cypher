// name: load_pending_end
// description: Remove the marker of a batched load (in its switch transaction, or after its pending records were removed).
// mode: write
MATCH (m:KbMeta {id: 'batched-load'})
DELETE m
