// name: alias_actors_named
// description: Actors whose name is the given one (an alias merges them into its actor at once).
// mode: read
// param: name: str | The name as written in source files.
// param: slug: str | The id an import makes of that name.
MATCH (a:Actor)
WHERE a.name = $name OR a.id = $slug
RETURN a.id AS id, a.name AS name
ORDER BY id
