// name: browse_decisions
// description: Every decision with its date, topic, what it is about and who decided.
// mode: read
// listed: yes
MATCH (dec:Decision)
RETURN dec.id AS id, dec.topic AS topic, dec.date AS date,
       [(dec)-[:ABOUT]->(x) | x.id] AS about,
       [(a:Actor)-[:VOICE {voice: 'decided'}]->(dec) | a.id] AS decided
ORDER BY date, id
