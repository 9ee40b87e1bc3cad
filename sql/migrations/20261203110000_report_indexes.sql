-- Reports read each security's close on or before a date (证券余额, 资金余额's market value): the
-- latest row per security is an index probe with (security_id, business_date), where the unique
-- (business_date, security_id) made it a scan per holding.
CREATE INDEX closing_prices_security_date_idx ON closing_prices (security_id, business_date DESC);
