// name: changes_add
// description: Append one entry to the change log under the next sequence number (the counter node serialises writers); an undo marks the entry it undoes.
// mode: write
// param: at: str | ISO timestamp.
// param: author: str | Who wrote: an account name, `token` (the editor token) or the operating-system user of a command.
// param: via: str | panel, cli or import.
// param: action: str | load, forget, create, update, delete or undo.
// param: section: str | The record's section, or null for a whole load.
// param: record: str | The record's id (or relationship key), or null.
// param: summary: str | One line saying what changed.
// param: before: str | The record before, as JSON (null when created).
// param: after: str | The record after, as JSON (null when deleted).
// param: before_dump: str | The stored node or relationship before, as JSON, for undo.
// param: after_dump: str | The stored node or relationship after, as JSON, for undo.
// param: undoes: int | The entry this one undoes, or null.
MERGE (m:KbMeta {id: 'changes'})
SET m.seq = coalesce(m.seq, 0) + 1
WITH m.seq AS seq
CREATE (c:Change {seq: seq, at: datetime($at), author: $author, via: $via, action: $action,
                  section: $section, record: $record, summary: $summary, before: $before,
                  after: $after, before_dump: $before_dump, after_dump: $after_dump,
                  undoes: $undoes})
WITH c
OPTIONAL MATCH (u:Change {seq: $undoes})
SET u.undone_by = c.seq
RETURN c.seq AS seq
