// name: changes_list
// description: The change log, newest first: every entry, one record's (section and id) or one author's, before a sequence number, at most `limit`.
// mode: read
// param: section: str | A section, or null for every entry.
// param: record: str | A record id or relationship key, or null.
// param: before_seq: int | Only entries older than this sequence number.
// param: author: str | Only this author's entries, or null.
// param: limit: int | At most this many entries.
MATCH (c:Change)
WHERE c.seq < $before_seq
  AND ($record IS NULL OR (c.record = $record AND c.section = $section))
  AND ($author IS NULL OR c.author = $author)
RETURN c.seq AS seq, toString(c.at) AS at, c.author AS author, c.via AS via,
       c.action AS action, c.section AS section, c.record AS record, c.summary AS summary,
       c.before AS before, c.after AS after, c.undoes AS undoes, c.undone_by AS undone_by
ORDER BY c.seq DESC
LIMIT $limit
