// name: terminate_transaction
// description: Ask Neo4j to end one transaction (a console query past its deadline); Neo4j stops it at its next check.
// mode: write
// param: id: str | The transaction id, as SHOW TRANSACTIONS gives it.
TERMINATE TRANSACTION $id
YIELD transactionId, message
RETURN transactionId, message
