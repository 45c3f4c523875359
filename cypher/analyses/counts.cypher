// name: counts
// description: How many actors, products, components, funding flows, agreements and decisions the knowledge base holds.
// mode: read
// listed: yes
CALL () { MATCH (n:Actor) RETURN count(n) AS actors }
CALL () { MATCH (n:Product) RETURN count(n) AS products }
CALL () { MATCH (n:Component) RETURN count(n) AS components }
CALL () { MATCH (n:Funding) RETURN count(n) AS fundings }
CALL () { MATCH (n:Agreement) RETURN count(n) AS agreements }
CALL () { MATCH (n:Decision) RETURN count(n) AS decisions }
RETURN actors, products, components, fundings, agreements, decisions
