-- 委托编号 (order numbers) run 000001, 000002 … per branch and business date, with no gap. Until now
-- each order counted the day's orders of its branch under a per-branch advisory lock held to
-- commit: the count grew with the day. One counter row per branch and day makes the next number
-- one indexed UPDATE; concurrent order entry of a branch still queues on that row until commit,
-- which is what keeps the numbers gap-free.
CREATE TABLE order_numbers (
  branch_id      bigint NOT NULL REFERENCES branches(id),
  business_date  date NOT NULL,
  last_no        integer NOT NULL CHECK (last_no > 0),
  PRIMARY KEY (branch_id, business_date)
);
