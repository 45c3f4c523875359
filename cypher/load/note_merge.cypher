// name: load_note_merge
// description: Record that an id was merged into another (so later imports resolve it), why, by which alias if any, and what undoing it needs.
// mode: write
// param: old: str | The id merged away.
// param: new: str | The id it now means.
// param: why: str | Why (the source that said they are one, or the alias).
// param: snapshot: str | The merged record's sources and records, as JSON.
// param: alias: str = "" | The alias that made the merge (empty for an import).
MERGE (m:Merged {id: $old})
SET m.into = $new, m.why = $why, m.snapshot = $snapshot,
    m.alias = CASE WHEN $alias = '' THEN null ELSE $alias END,
    m.at = toString(datetime.truncate('second', datetime()))
