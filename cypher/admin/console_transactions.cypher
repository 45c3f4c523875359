// name: console_transactions
// description: The transactions still running for one console query, found by the tag the panel gave it in the transaction's metadata.
// mode: read
// param: tag: str | The console query's tag (metaData.kb_console).
SHOW TRANSACTIONS YIELD transactionId, metaData
WHERE metaData.kb_console = $tag
RETURN transactionId
