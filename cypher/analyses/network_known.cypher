// name: network_known
// description: What the network-wide sources cover: whether any source says it records every tie, or every agreement, and whether any tie is recorded at all.
// mode: read
RETURN EXISTS { MATCH (e:Ecosystem) WHERE 'ties' IN coalesce(e.covers, []) } AS ties_covered,
       EXISTS { MATCH (e:Ecosystem) WHERE 'agreements' IN coalesce(e.covers, []) }
         AS agreements_covered,
       EXISTS { MATCH (:Actor)-[:TIE]-(:Actor) } AS ties_recorded
