// name: alias_distinct_add
// description: Record that two actors a likely-duplicates report pairs are different (the report stops pairing them).
// mode: write
// param: a: str | One actor id (the smaller).
// param: b: str | The other actor id.
MERGE (d:Distinct {a: $a, b: $b})
SET d.at = toString(datetime.truncate('second', datetime()))
