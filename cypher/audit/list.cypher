// name: audit_list
// description: Saved audits, newest first, without their bodies.
// mode: read
MATCH (a:Audit)
RETURN a.id AS id, toString(a.created_at) AS created_at, a.as_of AS as_of,
       a.horizon AS horizon, a.without AS without, a.figures AS figures
ORDER BY a.created_at DESC, a.id DESC
