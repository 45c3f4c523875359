// name: agreements
// description: Scorecard of every agreement: parties, what it concerns, whether it is signed and in force on as_of, and which key areas it covers and misses.
// mode: read
// listed: yes
// param: as_of: date = today | The day to evaluate (YYYY-MM-DD).
WITH date($as_of) AS d,
     ['roles', 'decision_making', 'resources', 'ip_licensing', 'code_after_funding',
      'community_after_funding', 'exit', 'review'] AS all_areas
MATCH (g:Agreement)
WITH g, d, all_areas, coalesce(g.areas, []) AS covered
RETURN g.id AS id, g.kind AS kind, g.title AS title,
       g.signed AS signed, g.start AS start, g.end AS end,
       g.signed IS NOT NULL AS is_signed,
       g.signed IS NOT NULL AND g.signed <= d
         AND (g.start IS NULL OR g.start <= d) AND (g.end IS NULL OR d <= g.end) AS in_force,
       g.end IS NOT NULL AND g.end < d AS expired,
       [(a:Actor)-[:PARTY_TO]->(g) | a.id] AS parties,
       [(g)-[:CONCERNS]->(x) | x.id] AS concerns,
       [a IN all_areas WHERE a IN covered] AS covered,
       [a IN all_areas WHERE NOT a IN covered] AS missing,
       [a IN ['code_after_funding', 'community_after_funding'] WHERE NOT a IN covered]
         AS missing_severe,
       g.scores AS scores
ORDER BY id
