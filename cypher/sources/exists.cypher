// name: sources_exists
// description: Whether a source (ecosystem id) is known, and the known ids, for a clear refusal of an unknown one.
// mode: read
// param: id: str | Ecosystem id.
MATCH (e:Ecosystem)
RETURN collect(e.id) AS ids, $id IN collect(e.id) AS found
