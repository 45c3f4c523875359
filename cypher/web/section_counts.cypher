// name: web_section_counts
// description: How many records each section holds, for the editing hub (each count comes from Neo4j's count store, so it is instant at any size). Relationship records start at an Entity, which leaves out those of a batched load not yet switched (they start at KbPending nodes).
// mode: read
CALL () { MATCH (n:Actor) RETURN count(n) AS actors }
CALL () { MATCH (n:Product) RETURN count(n) AS products }
CALL () { MATCH (n:Component) RETURN count(n) AS components }
CALL () { MATCH (n:Agreement) RETURN count(n) AS agreements }
CALL () { MATCH (n:Funding) RETURN count(n) AS fundings }
CALL () { MATCH (n:Decision) RETURN count(n) AS decisions }
CALL () { MATCH (:Entity)-[r:RELIES_ON]->() RETURN count(r) AS relies_on }
CALL () { MATCH (:Entity)-[r:MAINTAINS]->() RETURN count(r) AS maintenance }
CALL () { MATCH (:Entity)-[r:INVOLVED_IN]->() RETURN count(r) AS involvement }
CALL () { MATCH (:Entity)-[r:GIVES]->() RETURN count(r) AS exchanges }
CALL () { MATCH (:Entity)-[r:TIE]->() RETURN count(r) AS ties }
RETURN actors, products, components, agreements, fundings, decisions, relies_on,
       maintenance, involvement, exchanges, ties
