// name: browse_components
// description: Every component with its licence and repository, how many components it depends on and that depend on it, products built on it directly, and its maintenance records.
// mode: read
// listed: yes
MATCH (c:Component)
RETURN c.id AS id, c.name AS name, c.license AS license, c.repo AS repo,
       COUNT { (c)-[:DEPENDS_ON]->(:Component) } AS depends_on,
       COUNT { (:Component)-[:DEPENDS_ON]->(c) } AS depended_on_by,
       COUNT { (:Product)-[:BUILT_ON]->(c) } AS products_built_on,
       COUNT { (:Actor)-[:MAINTAINS]->(c) } AS maintenance_records
ORDER BY id
