// name: funders
// description: Actors that grant funding or maintain code as paid maintainers: the choices for the what-if.
// mode: read
MATCH (a:Actor)
WHERE EXISTS { (a)-[:GRANTS]->(:Funding) } OR EXISTS { (a)-[:MAINTAINS {paid: true}]->() }
RETURN a.id AS id, a.name AS name
ORDER BY id
