// name: schema_await_indexes
// description: Wait (up to 10 minutes) until every index and constraint is online, after a bulk import built them on a full database.
// mode: read
CALL db.awaitIndexes(600)
