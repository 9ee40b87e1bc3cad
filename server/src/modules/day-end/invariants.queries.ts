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
 * less the entries after it; and every account's interest accrual base (利息积数) to its journal
 * (`accrualBaseViolations`). Returns what is broken.
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
  const bases = full ? await accrualBaseViolations(db) : [];
  return [
    ...accounts.map((a) => `fund account ${a.account_no}`),
    ...holdings.map((h) => `position #${h.id}`),
    ...bases.map((a) => `interest base of ${a}`),
  ];
}

/**
 * The accrual base (利息积数, DOMAIN.md §3.4) against the journal, for every account:
 *
 *   interest_base = Σ max(closing(d), 0) over the SH-A trading days d with
 *                   interest_settled_to < d ≤ interest_accrued_to
 *
 * where closing(d) is the balance after the account's last journal entry dated d or earlier (0
 * before its first), read from the whole history (fund_journal_all), and interest_settled_to is the
 * last day whose closing was paid interest on — capitalisation (转息日) settles through that day,
 * the interest a closing settles (销户结息) through the day before the closing — or no day at all
 * (NULL). Day-end stores the base through interest_accrued_to; an account untouched since has
 * closed at the same balance, which is what its stored base leaves out and what this sum leaves
 * out too. Besides: a closed account (销户) holds no base — its interest was settled before it closed.
 *
 * Computed per stretch of days an account's closing held (from a date with entries to the next
 * one), counting its trading days inside the window with a running count of the calendar's trading
 * days, so the cost is one row per account and date with entries, not per account and day.
 */
export async function accrualBaseViolations(db: Db): Promise<string[]> {
  const { rows } = await sql<{ account_no: string }>`
    WITH cal AS (
      SELECT date, (count(*) FILTER (WHERE is_trading_day) OVER (ORDER BY date))::int AS n
      FROM trading_calendar WHERE market = 'SH-A'
    ),
    closings AS (
      SELECT DISTINCT ON (account_id, business_date) account_id, business_date AS d, balance_after
      FROM fund_journal_all ORDER BY account_id, business_date, id DESC
    ),
    stretches AS (
      SELECT account_id, d, lead(d) OVER (PARTITION BY account_id ORDER BY d) AS next_d, balance_after FROM closings
    ),
    expected AS (
      SELECT s.account_id, sum(greatest(s.balance_after, 0) * greatest(0, coalesce(hi.n, 0) - coalesce(lo.n, 0))) AS base
      FROM stretches s JOIN fund_accounts a ON a.id = s.account_id
      -- trading days d with max(stretch start, settled + 1) ≤ d ≤ min(stretch end, accrued_to): n(hi) − n(lo)
      LEFT JOIN cal hi ON hi.date = least(coalesce(s.next_d - 1, a.interest_accrued_to), a.interest_accrued_to)
      LEFT JOIN cal lo ON lo.date = greatest(s.d - 1, coalesce(a.interest_settled_to, s.d - 1))
      WHERE a.interest_accrued_to IS NOT NULL
      GROUP BY s.account_id
    )
    SELECT a.account_no FROM fund_accounts a LEFT JOIN expected e ON e.account_id = a.id
    WHERE a.interest_base <> coalesce(e.base, 0) OR (a.status = 'closed' AND a.interest_base <> 0)
    ORDER BY a.account_no
    LIMIT 20`.execute(db);
  return rows.map((r) => r.account_no);
}
