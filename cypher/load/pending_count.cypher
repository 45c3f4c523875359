// name: load_pending_count
// description: How many pending nodes a batched load has left (from the count store, so instant), and the marker of the batched load in progress, if any.
// mode: read
CALL () { MATCH (n:KbPending) RETURN count(n) AS pending }
OPTIONAL MATCH (m:KbMeta {id: 'batched-load'})
RETURN pending, m.load AS load, m.by AS by, toString(m.started) AS started,
       toString(m.beat) AS beat, duration.inSeconds(m.beat, datetime()).seconds AS quiet
