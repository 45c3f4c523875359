// name: decisions
// description: Every decision with who decided, was consulted, was informed or was absent, what it was about, and which deciders fund that work (other than its owner) on the decision's date.
// mode: read
// listed: yes
MATCH (dec:Decision)
RETURN dec.id AS id, dec.topic AS topic, dec.date AS date,
       [(dec)-[:ABOUT]->(x) | x.id] AS about,
       [(a:Actor)-[v:VOICE {voice: 'decided'}]->(dec) | a.id] AS decided,
       [(a:Actor)-[v:VOICE {voice: 'consulted'}]->(dec) | a.id] AS consulted,
       [(a:Actor)-[v:VOICE {voice: 'informed'}]->(dec) | a.id] AS informed,
       [(a:Actor)-[v:VOICE {voice: 'absent'}]->(dec) | a.id] AS absent,
       [(a:Actor)-[:VOICE {voice: 'decided'}]->(dec)
          WHERE EXISTS {
            MATCH (a)-[:GRANTS]->(f:Funding)-[:FOR]->(x)<-[:ABOUT]-(dec)
            WHERE (f.start IS NULL OR f.start <= dec.date) AND (f.end IS NULL OR dec.date <= f.end)
              AND NOT (a)-[:OWNS]->(x)
          }
          | a.id] AS funders_deciding
ORDER BY date, id
