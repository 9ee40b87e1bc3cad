-- Interest accrual without touching every account every day: interest_base holds the accrual
-- base (利息积数) through interest_accrued_to; an account untouched since then has closed every
-- trading day since at its present balance, so its base today is
--   interest_base + max(balance, 0) × (trading days after interest_accrued_to, through today).
-- Day-end brings forward only the accounts the day touched; capitalisation brings all.
ALTER TABLE fund_accounts ADD COLUMN interest_accrued_to date;
UPDATE fund_accounts SET interest_accrued_to = (SELECT max(business_date) FROM day_end_runs WHERE status = 'completed');
