// name: load_upsert_ecosystem
// description: Record the ecosystem a load came from (its id is the load's source).
// mode: write
// param: id: str | Ecosystem id.
// param: name: str | Ecosystem name.
// param: currency: str | Default currency.
// param: covers: list = [] | What the ecosystem's file records completely (funding, maintenance, ties, agreements).
MERGE (e:Ecosystem {id: $id})
SET e.name = $name, e.currency = $currency, e.covers = $covers
