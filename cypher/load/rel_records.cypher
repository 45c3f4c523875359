// name: load_rel_records
// description: Every property (bookkeeping included) of the relationship records with the given keys, for combining or retracting sources' records.
// mode: read
// param: rows: list | Maps with from, to and key.
UNWIND $rows AS r
MATCH (:Entity {id: r.from})-[e]->(:Entity {id: r.to})
WHERE e.key = r.key
RETURN e.key AS key, type(e) AS type, r.from AS from, r.to AS to, properties(e) AS props,
       coalesce(e._sources, []) AS sources
