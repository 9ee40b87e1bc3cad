-- 流水入历史库: day-end moves each closed day's fund and position journal into history tables, so
-- the current journals hold only the open day (what postings, reversals and the day's invariant
-- check touch) while every query over a date range reads both through the *_all views.
-- A row may leave a current journal only once its copy is in history; history is append-only.

CREATE TABLE fund_journal_history (LIKE fund_journal INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE fund_journal_history ADD PRIMARY KEY (id);
CREATE UNIQUE INDEX fund_journal_history_reverses_idx ON fund_journal_history (reverses_id);
CREATE INDEX fund_journal_history_account_idx ON fund_journal_history (account_id, id);
CREATE INDEX fund_journal_history_date_idx ON fund_journal_history (business_date, branch_id);

CREATE TABLE position_journal_history (LIKE position_journal INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE position_journal_history ADD PRIMARY KEY (id);
CREATE INDEX position_journal_history_position_idx ON position_journal_history (position_id, id);
CREATE INDEX position_journal_history_date_idx ON position_journal_history (business_date, branch_id);

CREATE TRIGGER fund_journal_history_no_update BEFORE UPDATE OR DELETE ON fund_journal_history
  FOR EACH ROW EXECUTE FUNCTION fund_journal_append_only();
CREATE TRIGGER fund_journal_history_no_truncate BEFORE TRUNCATE ON fund_journal_history
  FOR EACH STATEMENT EXECUTE FUNCTION fund_journal_append_only();
CREATE TRIGGER position_journal_history_no_update BEFORE UPDATE OR DELETE ON position_journal_history
  FOR EACH ROW EXECUTE FUNCTION fund_journal_append_only();

-- The current journals refuse UPDATE always, and a DELETE whose rows are not all in history
-- (checked once per statement over the deleted rows, so moving a day costs one anti-join).
CREATE FUNCTION journal_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE FUNCTION fund_journal_moved_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM gone g WHERE NOT EXISTS (SELECT 1 FROM fund_journal_history h WHERE h.id = g.id)) THEN
    RAISE EXCEPTION 'fund_journal is append-only: DELETE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END;
$$;
CREATE FUNCTION position_journal_moved_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM gone g WHERE NOT EXISTS (SELECT 1 FROM position_journal_history h WHERE h.id = g.id)) THEN
    RAISE EXCEPTION 'position_journal is append-only: DELETE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END;
$$;
DROP TRIGGER fund_journal_no_update ON fund_journal;
CREATE TRIGGER fund_journal_no_update BEFORE UPDATE ON fund_journal
  FOR EACH ROW EXECUTE FUNCTION journal_refuse_update();
CREATE TRIGGER fund_journal_moved_only AFTER DELETE ON fund_journal
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION fund_journal_moved_only();
DROP TRIGGER position_journal_no_update ON position_journal;
CREATE TRIGGER position_journal_no_update BEFORE UPDATE ON position_journal
  FOR EACH ROW EXECUTE FUNCTION journal_refuse_update();
CREATE TRIGGER position_journal_moved_only AFTER DELETE ON position_journal
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION position_journal_moved_only();

-- A journal entry's operator and branch are written by the ledger and positions services from
-- the acting operator and the account's own branch; the entry's account (position) reference
-- keeps its foreign key. Checking the other two per row doubled the cost of settling a day.
ALTER TABLE fund_journal DROP CONSTRAINT fund_journal_operator_id_fkey, DROP CONSTRAINT fund_journal_branch_id_fkey;
ALTER TABLE position_journal DROP CONSTRAINT position_journal_operator_id_fkey, DROP CONSTRAINT position_journal_branch_id_fkey;

-- Day-end updates every row it settles (fees, balances, holdings, orders): room on each page
-- lets PostgreSQL update in place (HOT, no index entries) as none of those columns is indexed.
ALTER TABLE trades SET (fillfactor = 70);
ALTER TABLE orders SET (fillfactor = 70);
ALTER TABLE positions SET (fillfactor = 70);
ALTER TABLE fund_accounts SET (fillfactor = 70);

CREATE VIEW fund_journal_all AS
  SELECT * FROM fund_journal_history UNION ALL SELECT * FROM fund_journal;
CREATE VIEW position_journal_all AS
  SELECT * FROM position_journal_history UNION ALL SELECT * FROM position_journal;

-- The open day's starting point, so the day's invariant check reads only the open day:
-- balance = opening + Σ today's entries (the history was checked on the days it was written).
ALTER TABLE fund_accounts ADD COLUMN opening_balance numeric(18,2) NOT NULL DEFAULT 0,
                          ADD COLUMN opening_frozen numeric(18,2) NOT NULL DEFAULT 0;
ALTER TABLE positions ADD COLUMN opening_quantity bigint NOT NULL DEFAULT 0,
                      ADD COLUMN opening_frozen bigint NOT NULL DEFAULT 0;

-- Existing databases: days before the open business date are closed, so their rows go to history.
INSERT INTO fund_journal_history
  SELECT * FROM fund_journal WHERE business_date < (SELECT value::date FROM system_params WHERE key = 'business_date');
DELETE FROM fund_journal WHERE business_date < (SELECT value::date FROM system_params WHERE key = 'business_date');
INSERT INTO position_journal_history
  SELECT * FROM position_journal WHERE business_date < (SELECT value::date FROM system_params WHERE key = 'business_date');
DELETE FROM position_journal WHERE business_date < (SELECT value::date FROM system_params WHERE key = 'business_date');
UPDATE fund_accounts a SET opening_balance = a.balance - coalesce(j.s, 0), opening_frozen = a.frozen - coalesce(j.f, 0)
  FROM fund_accounts a2 LEFT JOIN (SELECT account_id, sum(amount) s, sum(frozen_delta) f FROM fund_journal GROUP BY account_id) j ON j.account_id = a2.id
  WHERE a2.id = a.id;
UPDATE positions p SET opening_quantity = p.quantity - coalesce(j.q, 0), opening_frozen = p.frozen - coalesce(j.f, 0)
  FROM positions p2 LEFT JOIN (SELECT position_id, sum(quantity_delta) q, sum(frozen_delta) f FROM position_journal GROUP BY position_id) j ON j.position_id = p2.id
  WHERE p2.id = p.id;
