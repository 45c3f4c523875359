// name: risk
// description: Hollow-core risk of every component: reliance, funding, cliffs, maintainers, free riders, what is known of each, score and reasons (see README, "Analyses").
// mode: read
// param: as_of: date = today | The day to evaluate (YYYY-MM-DD).
// param: horizon: int = 180 | Days ahead in which an end of funding counts as a cliff.
// param: without: list = [] | Actor ids that withdraw their money (README, "What-ifs"): their fundings and every sub-grant passed on from them stop, and maintenance paid only by that money, or by the withdrawing actor's own means, counts as unpaid (the maintainer stays).
// param: leave: list = [] | Actor ids that leave the network: as withdrawing, and their own maintenance, direct reliance and the products they own are gone too.
// param: fund: list = [] | Hypothetical maintenance grants: maps with component, start and end (YYYY-MM-DD), funded by the funder id 'what-if'.
// param: scoring: map | The points, levels and caps of the score (kb.analysis.scoring.cypher_params()).
WITH date($as_of) AS d, $horizon AS horizon, coalesce($without, []) + coalesce($leave, []) AS without,
     coalesce($leave, []) AS leave, date('1000-01-01') AS early, date('9999-12-31') AS late
// Fundings withdrawn in the what-if: the withdrawing (or leaving) actors' own and every
// sub-grant below them.
CALL (without) {
  OPTIONAL MATCH (w:Actor)-[:GRANTS]->(root:Funding)
  WHERE w.id IN without
  OPTIONAL MATCH (root)-[:PASSES_ON*0..]->(f:Funding)
  RETURN collect(DISTINCT f.id) AS excluded
}
// Reliance, computed forwards: one distinct-node breadth-first expansion from each product
// (BUILT_ON then DEPENDS_ON*) and from each actor's direct reliance (RELIES_ON then
// DEPENDS_ON*), never enumerating paths; then grouped per component. The last branch makes
// every component appear, relied on or not.
CALL (leave) {
  MATCH (o:Actor)-[:OWNS]->(p:Product)
  WHERE NOT o.id IN leave
  MATCH (p)-[:BUILT_ON|DEPENDS_ON*1..]->(c:Component)
  WITH DISTINCT p, o, c
  RETURN c, p.id AS product, o.id AS actor
  UNION
  MATCH (a:Actor)-[:RELIES_ON|DEPENDS_ON*1..]->(c:Component)
  WHERE NOT a.id IN leave
  WITH DISTINCT a, c
  RETURN c, null AS product, a.id AS actor
  UNION
  MATCH (c:Component)
  RETURN c, null AS product, null AS actor
}
WITH c, excluded, without, leave, d, horizon, early, late,
     collect(DISTINCT product) AS products, collect(DISTINCT actor) AS actors
// Funding periods: maintenance flows for c that are not withdrawn, and paid maintenance.
WITH c, d, horizon, early, late, products, actors,
     [(g:Actor)-[:GRANTS]->(f:Funding {purpose: 'maintenance'})-[:FOR]->(c)
        WHERE NOT f.id IN excluded
        | {funder: g.id, s: coalesce(f.start, early), e: coalesce(f.end, late)}]
     + [x IN coalesce($fund, []) WHERE x.component = c.id
        | {funder: 'what-if', s: date(x.start), e: date(x.end)}] AS flows,
     [(a:Actor)-[m:MAINTAINS]->(c)
        WHERE NOT a.id IN leave
        | {actor: a.id,
           // Paid unless the money stopped: every funding that pays it is withdrawn, or it
           // names none and its maintainer withdraws (its own means).
           paid: m.paid AND NOT CASE WHEN size(coalesce(m.paid_by, [])) = 0
                                     THEN a.id IN without
                                     ELSE all(f IN m.paid_by WHERE f IN excluded) END,
           s: coalesce(m.since, early), e: coalesce(m.until, late)}]
       AS maint
// What is known: funding when a source covers it or any maintenance funding or paid
// maintenance is recorded (withdrawn in the what-if or not, ended or not); maintenance when a
// source covers it or any maintenance record exists.
WITH c, d, horizon, late, products, actors, flows, maint,
     flows + [m IN maint WHERE m.paid | {s: m.s, e: m.e}] AS periods,
     'funding' IN coalesce(c.covers, [])
       OR EXISTS { (:Actor)-[:GRANTS]->(:Funding {purpose: 'maintenance'})-[:FOR]->(c) }
       OR EXISTS { (:Actor)-[:MAINTAINS {paid: true}]->(c) } AS funding_known,
     'maintenance' IN coalesce(c.covers, []) OR EXISTS { (:Actor)-[:MAINTAINS]->(c) }
       AS maintenance_known
// Merge the funded periods into unbroken stretches (a period starting the day after another
// ends continues it).
CALL (periods) {
  UNWIND periods AS p
  WITH p ORDER BY p.s
  RETURN collect(p) AS sorted
}
WITH c, d, horizon, late, products, actors, flows, maint, funding_known, maintenance_known,
     reduce(acc = [], p IN sorted |
       CASE
         WHEN size(acc) > 0 AND p.s - duration('P1D') <= last(acc).e
         THEN acc[..-1] + [{s: last(acc).s,
                            e: CASE WHEN p.e > last(acc).e THEN p.e ELSE last(acc).e END}]
         ELSE acc + [{s: p.s, e: p.e}]
       END) AS stretches
WITH c, d, horizon, products, actors, funding_known, maintenance_known,
     [s IN stretches WHERE s.s <= d AND d <= s.e][0] AS stretch, late,
     reduce(ids = [], f IN [f IN flows WHERE f.s <= d AND d <= f.e] |
       CASE WHEN f.funder IN ids THEN ids ELSE ids + f.funder END) AS funders,
     [m IN maint WHERE m.s <= d AND d <= m.e] AS active
WITH c, d, horizon, products, actors, funders, funding_known, maintenance_known,
     stretch IS NOT NULL AS funded,
     CASE WHEN stretch IS NULL OR stretch.e = late THEN null ELSE stretch.e END AS funded_until,
     reduce(ids = [], m IN active | CASE WHEN m.actor IN ids THEN ids ELSE ids + m.actor END)
       AS maintainer_ids,
     reduce(ids = [], m IN [m IN active WHERE m.paid] |
       CASE WHEN m.actor IN ids THEN ids ELSE ids + m.actor END) AS paid_ids
// Free riders need both kinds of evidence: that an actor neither funds nor maintains it.
WITH c, products, actors, funders, funded, funded_until, maintainer_ids, funding_known,
     maintenance_known, size(maintainer_ids) AS maintainers, size(paid_ids) AS paid_maintainers,
     CASE WHEN funded_until IS NOT NULL AND funded_until < d + duration({days: horizon})
          THEN funded_until + duration('P1D') END AS cliff_date,
     CASE WHEN funding_known AND maintenance_known
          THEN [a IN actors WHERE NOT a IN funders AND NOT a IN maintainer_ids]
          ELSE [] END AS free_riders
WITH c, products, actors, funders, funded, funded_until, maintainers, paid_maintainers,
     cliff_date, free_riders, funding_known, maintenance_known, size(actors) AS n,
     CASE
       WHEN funded AND cliff_date IS NOT NULL THEN $scoring.cliff
       WHEN funded THEN 0
       WHEN funding_known THEN $scoring.unfunded
       ELSE $scoring.funding_unknown
     END
     + $scoring.reliance * CASE WHEN size(actors) >= $scoring.reliance_full_at THEN 1.0
                   ELSE log(1 + size(actors)) / log(1 + $scoring.reliance_full_at) END
     + CASE WHEN maintenance_known THEN coalesce($scoring.maintainers[maintainers], 0)
            ELSE $scoring.maintenance_unknown END
     + CASE WHEN maintainers > 0 AND paid_maintainers = 0 THEN $scoring.volunteer ELSE 0 END
     + CASE WHEN size(free_riders) > 0 THEN $scoring.free_riders ELSE 0 END AS raw
WITH c, products, actors, funders, funded, funded_until, maintainers, paid_maintainers,
     cliff_date, free_riders, funding_known, maintenance_known, n >= 2 AS shared,
     toInteger(round(CASE WHEN raw > $scoring.max THEN $scoring.max ELSE raw END)) AS score
RETURN c.id AS id,
       c.name AS name,
       size(products) AS reliant_products,
       size(actors) AS reliant_actors,
       shared,
       funded,
       funders,
       funded_until,
       cliff_date,
       maintainers,
       paid_maintainers,
       shared AND funding_known AND NOT funded AS hollow_core,
       free_riders,
       score AS risk_score,
       coalesce([l IN $scoring.levels
                 WHERE score >= l.min
                   AND (NOT l.needs_evidence OR (funding_known AND maintenance_known))][0].name,
                'low') AS risk_level,
       [r IN [CASE WHEN funding_known AND NOT funded THEN 'unfunded' END,
              CASE WHEN NOT funding_known THEN 'funding_unknown' END,
              CASE WHEN cliff_date IS NOT NULL THEN 'funding_cliff' END,
              CASE WHEN maintenance_known AND maintainers = 0 THEN 'no_maintainer' END,
              CASE WHEN NOT maintenance_known THEN 'maintenance_unknown' END,
              CASE WHEN maintainers = 1 THEN 'single_maintainer' END,
              CASE WHEN maintainers > 0 AND paid_maintainers = 0 THEN 'volunteer_only' END,
              CASE WHEN size(free_riders) > 0 THEN 'free_riders' END]
        WHERE r IS NOT NULL] AS reasons,
       funding_known,
       maintenance_known,
       [u IN [CASE WHEN NOT funding_known THEN 'funding' END,
              CASE WHEN NOT maintenance_known THEN 'maintenance' END] WHERE u IS NOT NULL]
         AS unknown,
       $scoring.confidence[toInteger(NOT funding_known) + toInteger(NOT maintenance_known)]
         AS confidence,
       products AS reliant_product_ids,
       actors AS reliant_actor_ids
ORDER BY risk_score DESC, reliant_actors DESC, reliant_products DESC, id ASC
