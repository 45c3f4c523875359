// name: load_upsert_ecosystem
// description: Record the ecosystem a load came from (its id is the load's source).
// mode: write
// param: id: str | Ecosystem id.
// param: name: str | Ecosystem name.
// param: currency: str | Default currency.
MERGE (e:Ecosystem {id: $id})
SET e.name = $name, e.currency = $currency
