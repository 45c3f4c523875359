// name: kb_ping
// description: A read that touches no data but names the store: its transaction's bookmark names the database's last committed transaction, and the store's creation time tells a store rebuilt by the bulk importer (whose transaction numbers start again) from the one before. kb/store/db.py makes the data-state token for caches of both.
// mode: read
CALL db.info() YIELD creationDate
RETURN creationDate
