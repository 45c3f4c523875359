// name: schema_actor_kind
// description: Index actors by kind, for questions such as "all government actors".
// mode: write
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind)
