// name: load_pending_begin
// description: Mark a batched load as in progress (one at a time): its id, who runs it, when it started, and a heartbeat that each batch renews, so that a later load can tell a crashed one from a running one.
// mode: write
// param: load: str | An id for this load.
// param: by: str | Who runs it, and where.
MERGE (m:KbMeta {id: 'batched-load'})
SET m.load = $load, m.by = $by, m.started = datetime(), m.beat = datetime()
RETURN m.load AS load
