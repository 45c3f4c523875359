// name: load_pending_beat
// description: Renew the heartbeat of the batched load in progress (after each batch).
// mode: write
// param: load: str | The load's id.
MATCH (m:KbMeta {id: 'batched-load', load: $load})
SET m.beat = datetime()
RETURN m.load AS load
