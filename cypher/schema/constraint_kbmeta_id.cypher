// name: schema_kbmeta_id
// description: Bookkeeping nodes of kb itself (the load lock) are unique by id, so that two loads that create the lock at once still get one.
// mode: write
CREATE CONSTRAINT kbmeta_id IF NOT EXISTS FOR (n:KbMeta) REQUIRE n.id IS UNIQUE
