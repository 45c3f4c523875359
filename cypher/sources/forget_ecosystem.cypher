// name: sources_forget_ecosystem
// description: Remove a source's ecosystem record, after its records have been retracted.
// mode: write
// param: id: str | Ecosystem id.
MATCH (e:Ecosystem {id: $id})
DELETE e
RETURN count(*) AS deleted
