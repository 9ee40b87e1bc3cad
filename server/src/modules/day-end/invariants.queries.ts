import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';

/**
 * The invariants of DOMAIN.md §3.3, checked in the database. For every account: each entry's
 * running balance and frozen amount follow from the previous one (the first from the opening),
 * the last one is the account's, 0 ≤ frozen and balance − frozen ≥ −credit line; for every holding
 * likewise, with frozen ≥ 0 and sellable (quantity − today's buys − frozen) ≥ 0.
 *
 * 'day' reads the open day's journals against each account's opening (yesterday's closing, set by
 * day-end once the day had passed this check), so day-end's cost does not grow with history;
 * 'full' walks the whole history from zero (the seed's proof, and a test's), and also holds every
 * holding's cost to its journal: cost = Σ cost_delta, so the cost at any past date is the cost
 * less the entries after it. Returns what is broken.
 */
export async function invariantViolations(db: Db, scope: 'day' | 'full' = 'day'): Promise<string[]> {
  const full = scope === 'full';
  const journal = full ? sql`fund_journal_all` : sql`fund_journal`;
  const positionJournal = full ? sql`position_journal_all` : sql`position_journal`;
  const { rows: accounts } = await sql<{ account_no: string }>`
    WITH j AS (
      SELECT account_id, id, amount, frozen_delta, balance_after, frozen_after,
             lag(balance_after) OVER w AS prev_balance, lag(frozen_after) OVER w AS prev_frozen,
             row_number() OVER w AS n, count(*) OVER (PARTITION BY account_id) AS entries
      FROM ${journal} WINDOW w AS (PARTITION BY account_id ORDER BY id)
    ),
    broken_chain AS (
      SELECT j.account_id FROM j JOIN fund_accounts a ON a.id = j.account_id
      WHERE j.balance_after <> coalesce(j.prev_balance, ${full ? sql`0` : sql`a.opening_balance`}) + j.amount
         OR j.frozen_after <> coalesce(j.prev_frozen, ${full ? sql`0` : sql`a.opening_frozen`}) + j.frozen_delta
         OR (j.n = j.entries AND (j.balance_after <> a.balance OR j.frozen_after <> a.frozen))
    )
    SELECT a.account_no FROM fund_accounts a
    WHERE a.id IN (SELECT account_id FROM broken_chain)
       OR a.frozen < 0 OR a.balance - a.frozen < -a.credit_line
       OR (NOT EXISTS (SELECT 1 FROM ${journal} x WHERE x.account_id = a.id)
           AND (a.balance <> ${full ? sql`0` : sql`a.opening_balance`} OR a.frozen <> ${full ? sql`0` : sql`a.opening_frozen`}))
    LIMIT 20`.execute(db);
  const { rows: holdings } = await sql<{ id: number }>`
    WITH j AS (
      SELECT position_id, quantity_delta, frozen_delta, quantity_after, frozen_after,
             lag(quantity_after) OVER w AS prev_quantity, lag(frozen_after) OVER w AS prev_frozen,
             row_number() OVER w AS n, count(*) OVER (PARTITION BY position_id) AS entries
      FROM ${positionJournal} WINDOW w AS (PARTITION BY position_id ORDER BY id)
    ),
    broken_chain AS (
      SELECT j.position_id FROM j JOIN positions p ON p.id = j.position_id
      WHERE j.quantity_after <> coalesce(j.prev_quantity, ${full ? sql`0` : sql`p.opening_quantity`}) + j.quantity_delta
         OR j.frozen_after <> coalesce(j.prev_frozen, ${full ? sql`0` : sql`p.opening_frozen`}) + j.frozen_delta
         OR (j.n = j.entries AND (j.quantity_after <> p.quantity OR j.frozen_after <> p.frozen))
    )
    ${
      full
        ? sql`, broken_cost AS (
      SELECT p.id FROM positions p
      LEFT JOIN (SELECT position_id, sum(cost_delta) AS cost FROM position_journal_all GROUP BY position_id) c ON c.position_id = p.id
      WHERE p.cost <> coalesce(c.cost, 0)
    )`
        : sql``
    }
    SELECT p.id FROM positions p
    WHERE p.id IN (SELECT position_id FROM broken_chain)
       OR p.frozen < 0 OR p.quantity < 0 OR p.quantity - p.today_bought - p.frozen < 0
       OR (NOT EXISTS (SELECT 1 FROM ${positionJournal} x WHERE x.position_id = p.id)
           AND (p.quantity <> ${full ? sql`0` : sql`p.opening_quantity`} OR p.frozen <> ${full ? sql`0` : sql`p.opening_frozen`}))
       ${full ? sql`OR p.id IN (SELECT id FROM broken_cost)` : sql``}
    LIMIT 20`.execute(db);
  return [...accounts.map((a) => `fund account ${a.account_no}`), ...holdings.map((h) => `position #${h.id}`)];
}
