// name: alias_distinct_list
// description: Pairs of actors marked as different (kb alias distinct).
// mode: read
MATCH (d:Distinct)
RETURN d.a AS a, d.b AS b
ORDER BY a, b
