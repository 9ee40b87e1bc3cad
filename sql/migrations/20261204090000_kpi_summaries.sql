-- 数据汇总 for the KPI screen: what the KPIs read of a closed day, stored by day-end's summaries
-- step at that day's close, so the KPI API reads a handful of rows instead of every client.
-- Days closed before this migration keep NULL here (no backfill: their close cannot be rebuilt
-- cheaply in SQL); the KPI queries compute those days live, as before.

-- stocks at the close, per branch: cash and market value in CNY (as 资金余额 and 证券余额 value
-- them), accounts open and 有效户 among them (kpi system parameters in force at that close).
-- Amounts here and below are plain numeric, kept as computed, so they read as the live figures.
ALTER TABLE daily_summaries
  ADD COLUMN cash            numeric,
  ADD COLUMN market_value    numeric,
  ADD COLUMN accounts_total  bigint,
  ADD COLUMN accounts_active bigint;

-- 客户分层 at the close: per branch, and (branch_id NULL) over every branch together, since the
-- contribution tiers rank the clients of the scope they are asked for
CREATE TABLE daily_tier_summaries (
  business_date date NOT NULL,
  branch_id     bigint REFERENCES branches(id),
  kind          text NOT NULL CHECK (kind IN ('assets', 'contribution')),
  tier          text NOT NULL,
  clients       bigint NOT NULL,
  assets        numeric NOT NULL,
  CONSTRAINT daily_tier_summaries_key UNIQUE NULLS NOT DISTINCT (business_date, branch_id, kind, tier)
);

-- 客户经理业绩 per day: the manager's clients open and their assets at the close (stocks), the
-- clients opened that day and the turnover and commission of the manager's clients' trades (flows),
-- split by the clients' branch (a branch's KPIs count its own clients and trades)
CREATE TABLE daily_manager_summaries (
  business_date date NOT NULL,
  manager_id    bigint NOT NULL REFERENCES client_managers(id),
  branch_id     bigint NOT NULL REFERENCES branches(id),
  clients       bigint NOT NULL,
  new_clients   bigint NOT NULL,
  assets        numeric NOT NULL,
  turnover      numeric NOT NULL,
  commission    numeric NOT NULL,
  PRIMARY KEY (business_date, manager_id, branch_id)
);

-- the live part of a KPI span (days before the first summary) counts clients opened or closed in it
CREATE INDEX clients_opened_on_idx ON clients (opened_on);
CREATE INDEX clients_closed_on_idx ON clients (closed_on) WHERE closed_on IS NOT NULL;
