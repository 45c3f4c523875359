// name: sources_list
// description: Every source (the ecosystem id of a load or import) with where it was read from, when, and how many records it lists: in all, and those no other source lists (what `kb forget` would delete).
// mode: read
MATCH (e:Ecosystem)
CALL (e) {
  MATCH (n:Entity) WHERE e.id IN n._sources
  RETURN count(n) AS nodes, count(CASE WHEN size(n._sources) = 1 THEN 1 END) AS nodes_only,
         count(CASE WHEN n._records IS NOT NULL THEN 1 END) AS nodes_shared_differing
}
CALL (e) {
  MATCH (:Entity)-[r]->(:Entity) WHERE r.key IS NOT NULL AND e.id IN r._sources
  RETURN count(r) AS rels, count(CASE WHEN size(r._sources) = 1 THEN 1 END) AS rels_only
}
RETURN e.id AS id, e.name AS name, coalesce(e.origin, '') AS origin,
       e.first_loaded_at AS first_loaded_at, e.loaded_at AS loaded_at,
       coalesce(e.covers, []) AS covers, nodes, nodes_only, nodes_shared_differing, rels,
       rels_only
ORDER BY id
