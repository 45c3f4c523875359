// name: schema_change_record
// description: Index change log entries by the record they changed, for a record's history.
// mode: write
CREATE INDEX change_record IF NOT EXISTS FOR (n:Change) ON (n.record)
