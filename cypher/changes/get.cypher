// name: changes_get
// description: One change log entry with everything it kept, for its page and for undo.
// mode: read
// param: seq: int | Sequence number.
MATCH (c:Change {seq: $seq})
RETURN c.seq AS seq, toString(c.at) AS at, c.author AS author, c.via AS via,
       c.action AS action, c.section AS section, c.record AS record, c.summary AS summary,
       c.before AS before, c.after AS after, c.before_dump AS before_dump,
       c.after_dump AS after_dump, c.undoes AS undoes, c.undone_by AS undone_by
