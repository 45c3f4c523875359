// name: schema_funding_purpose
// description: Index funding flows by purpose; the risk analysis looks for maintenance funding.
// mode: write
CREATE INDEX funding_purpose IF NOT EXISTS FOR (n:Funding) ON (n.purpose)
