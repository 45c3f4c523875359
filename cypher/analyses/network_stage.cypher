// name: network_stage
// description: For each development stage, how many actors have a tie at that stage or higher, the density of those ties, and who is cut off.
// mode: read
// listed: yes
WITH ['connection', 'knowledge_sharing', 'coordination', 'collaboration'] AS stages
MATCH (a:Actor)
WITH stages, collect(a.id) AS members
UNWIND range(0, size(stages) - 1) AS level
CALL (stages, level) {
  OPTIONAL MATCH (x:Actor)-[t:TIE]-(y:Actor)
  WHERE x.id < y.id
  WITH t, x, y,
       CASE t.stage WHEN 'connection' THEN 0 WHEN 'knowledge_sharing' THEN 1
                    WHEN 'coordination' THEN 2 WHEN 'collaboration' THEN 3 END AS rank
  WHERE t IS NOT NULL AND rank >= level
  RETURN count(t) AS ties, collect(DISTINCT x.id) + collect(DISTINCT y.id) AS tied
}
WITH stages[level] AS stage, level, members, ties,
     [m IN members WHERE m IN tied] AS reached,
     [m IN members WHERE NOT m IN tied] AS cut_off
RETURN stage, level, size(members) AS members, size(reached) AS reached_count, ties,
       CASE WHEN size(members) > 0 THEN toFloat(size(reached)) / size(members) ELSE 0.0 END
         AS reach,
       CASE WHEN size(members) > 1 THEN 2.0 * ties / (size(members) * (size(members) - 1))
            ELSE 0.0 END AS density,
       cut_off
ORDER BY level
