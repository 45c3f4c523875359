// name: load_upsert_ecosystem
// description: Record the ecosystem a load came from (its id is the load's source): its name, currency, coverage, where it was read from and when it was first and last loaded.
// mode: write
// param: id: str | Ecosystem id.
// param: name: str | Ecosystem name.
// param: currency: str | Default currency.
// param: covers: list = [] | What the ecosystem's file records completely (funding, maintenance, ties, agreements).
// param: origin: str = "" | The file(s) or import the load read.
MERGE (e:Ecosystem {id: $id})
SET e.name = $name, e.currency = $currency, e.covers = $covers, e.origin = $origin,
    e.loaded_at = toString(datetime.truncate('second', datetime())),
    e.first_loaded_at = coalesce(e.first_loaded_at, toString(datetime.truncate('second', datetime())))
