// name: plan_inputs
// description: What the funding planner needs beyond the risk rows: each component's yearly maintenance cost (-1 when its records give none: collect() would drop a null) and the currencies of the loaded ecosystems.
// mode: read
CALL () {
  MATCH (c:Component)
  RETURN collect(c.id) AS ids, collect(coalesce(c.maintenance_cost, -1.0)) AS costs
}
CALL () {
  MATCH (e:Ecosystem)
  RETURN collect(DISTINCT e.currency) AS currencies
}
RETURN ids, costs, currencies
