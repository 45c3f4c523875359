// name: import_products_on_repo
// description: Products built directly on the component of a repository (by id or by its repo property), so that an import describing that repository attaches to them.
// mode: read
// param: repo: str | A normalised repository URL.
MATCH (p:Product)-[:BUILT_ON]->(c:Component)
WHERE c.id = $repo OR c.repo = $repo
RETURN DISTINCT p.id AS id
ORDER BY id
