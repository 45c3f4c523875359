// name: alias_add
// description: Record that an actor name, as it appears in imported files, means an actor id.
// mode: write
// param: name: str | The name as written in source files.
// param: id: str | The actor id it stands for.
MERGE (a:Alias {name: $name})
SET a.id = $id
RETURN a.name AS name, a.id AS id
