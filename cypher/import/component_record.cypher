// name: component_record
// description: One component as a valuenet/1 record (properties and dependencies), so an importer that knows one more thing about it can keep everything else.
// mode: read
// param: id: str | Component id.
MATCH (c:Component {id: $id})
RETURN c.id AS id, c.name AS name, c.repo AS repo, c.license AS license,
       c.funding_channels AS funding_channels,
       [(c)-[:DEPENDS_ON]->(d:Component) | d.id] AS depends_on
