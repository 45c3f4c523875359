// name: load_lock
// description: Take the write lock on kb's load-lock node for the rest of the load's transaction: a second load waits here until the first commits or rolls back, then sees what it wrote.
// mode: write
MERGE (l:KbMeta {id: 'load-lock'})
SET l.id = 'load-lock'
RETURN l.id AS lock
