// name: component_records
// description: Components as valuenet/1 records (properties and dependencies), for an importer that adds one fact to many of them and keeps everything else.
// mode: read
// param: ids: list | Component ids.
MATCH (c:Component) WHERE c.id IN $ids
RETURN c.id AS id, c.name AS name, c.repo AS repo, c.license AS license,
       c.funding_channels AS funding_channels, c.covers AS covers,
       c.last_commit AS last_commit, c.active_contributors AS active_contributors,
       c.bus_factor AS bus_factor,
       [(c)-[:DEPENDS_ON]->(d:Component) | d.id] AS depends_on
