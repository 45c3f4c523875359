// name: alias_remove
// description: Remove an alias and the records of the merges it made; returns whether the alias existed.
// mode: write
// param: name: str | The alias name.
OPTIONAL MATCH (a:Alias {name: $name})
OPTIONAL MATCH (m:Merged {alias: $name})
WITH a, collect(m) AS merged
FOREACH (m IN merged | DELETE m)
WITH a, a IS NOT NULL AS existed
DELETE a
RETURN existed
