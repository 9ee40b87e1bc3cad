import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';

/**
 * The invariants of DOMAIN.md §3.3, checked in the database: for every account, balance = Σ its
 * journal amounts and frozen = Σ its frozen deltas, 0 ≤ frozen, balance − frozen ≥ −credit line,
 * and the last entry's running balance is the balance; for every holding, quantity = Σ its journal
 * movements, frozen ≥ 0, sellable (quantity − today's buys − frozen) ≥ 0. Returns what is broken.
 */
export async function invariantViolations(db: Db): Promise<string[]> {
  const { rows: accounts } = await sql<{ account_no: string }>`
    SELECT a.account_no FROM fund_accounts a
    LEFT JOIN (SELECT account_id, sum(amount) s, sum(frozen_delta) f, max(id) last FROM fund_journal GROUP BY account_id) j ON j.account_id = a.id
    LEFT JOIN fund_journal l ON l.id = j.last
    WHERE a.balance <> coalesce(j.s, 0) OR a.frozen <> coalesce(j.f, 0) OR a.frozen < 0 OR a.balance - a.frozen < -a.credit_line
       OR (l.id IS NOT NULL AND (l.balance_after <> a.balance OR l.frozen_after <> a.frozen))
    LIMIT 20`.execute(db);
  const { rows: holdings } = await sql<{ id: number }>`
    SELECT p.id FROM positions p
    LEFT JOIN (SELECT position_id, sum(quantity_delta) q, sum(frozen_delta) f FROM position_journal GROUP BY position_id) j ON j.position_id = p.id
    WHERE p.quantity <> coalesce(j.q, 0) OR p.frozen <> coalesce(j.f, 0) OR p.frozen < 0 OR p.quantity - p.today_bought - p.frozen < 0
    LIMIT 20`.execute(db);
  return [...accounts.map((a) => `fund account ${a.account_no}`), ...holdings.map((h) => `position #${h.id}`)];
}
