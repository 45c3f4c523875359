// name: reciprocity
// description: Actors that only give or only receive in the recorded exchanges, with what they give and receive.
// mode: read
// listed: yes
MATCH (a:Actor)
WITH a,
     [(a)-[g:GIVES]->(b:Actor) | {to: b.id, what: g.what, kind: g.kind}] AS gives,
     [(b:Actor)-[g:GIVES]->(a) | {from: b.id, what: g.what, kind: g.kind}] AS receives
WHERE size(gives) + size(receives) > 0
RETURN a.id AS actor, a.name AS name,
       CASE WHEN size(receives) = 0 THEN 'only_gives'
            WHEN size(gives) = 0 THEN 'only_receives'
            ELSE 'reciprocal' END AS pattern,
       gives, receives
ORDER BY pattern, actor
