// name: alias_list
// description: The alias table: names from source files and the actor ids they mean.
// mode: read
MATCH (a:Alias)
RETURN a.name AS name, a.id AS id
ORDER BY name
