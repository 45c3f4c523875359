// name: left_products
// description: The products owned by actors that leave the network in a what-if (their reliance goes with them).
// mode: read
// param: leave: list = [] | Actor ids that leave.
MATCH (o:Actor)-[:OWNS]->(p:Product)
WHERE o.id IN $leave
RETURN p.id AS id
