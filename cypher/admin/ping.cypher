// name: kb_ping
// description: A read that touches no data. Its transaction's bookmark names the database's last committed transaction, which kb/db.py uses as a data-state token for caches.
// mode: read
RETURN 1 AS ok
