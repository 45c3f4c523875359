// name: component_record
// description: One component as a valuenet/1 record (properties and dependencies), so an importer that knows one more thing about it can keep everything else.
// mode: read
// param: id: str | Component id.
MATCH (c:Component {id: $id})
RETURN c.id AS id, c.name AS name, c.repo AS repo, c.license AS license,
       c.funding_channels AS funding_channels, c.covers AS covers,
       c.last_commit AS last_commit, c.active_contributors AS active_contributors,
       c.bus_factor AS bus_factor,
       [(c)-[:DEPENDS_ON]->(d:Component) | d.id] AS depends_on
