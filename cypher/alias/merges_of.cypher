// name: alias_merges_of
// description: The merges an alias made (what `kb alias remove` undoes), newest first.
// mode: read
// param: name: str | The alias name.
MATCH (m:Merged {alias: $name})
RETURN m.id AS old, m.into AS new, m.undo AS undo
ORDER BY m.at DESC
