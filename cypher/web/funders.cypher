// name: funders
// description: Actors that grant funding: the choices the what-if control offers (any actor id can still be given in the URL).
// mode: read
// listed: yes
MATCH (a:Actor)
WHERE EXISTS { (a)-[:GRANTS]->(:Funding) }
RETURN a.id AS id, a.name AS name
ORDER BY id
