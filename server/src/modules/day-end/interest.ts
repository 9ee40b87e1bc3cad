import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';

/** Trading days (SH-A calendar) after `from`, up to `to` — inclusive when `through`. */
const tradingDays = (from: RawBuilder<unknown>, to: RawBuilder<unknown>, through: boolean) =>
  sql<number>`(SELECT count(*) FROM trading_calendar c WHERE c.market = 'SH-A' AND c.is_trading_day AND c.date > ${from} AND c.date ${through ? sql`<=` : sql`<`} ${to})`;

/**
 * An account's accrual base (利息积数) through day `through` (alias `a` = fund_accounts): the
 * stored base plus the present balance for every trading day closed since it was last brought
 * forward — an account untouched since then closed each of those days at that balance.
 */
export const accruedBase = (through: RawBuilder<unknown>) =>
  sql<string>`(a.interest_base + greatest(a.balance, 0) * ${tradingDays(sql`a.interest_accrued_to`, through, true)})`;

/** The base as of the last completed day-end, for the screens. */
export const accruedBaseNow = () =>
  accruedBase(sql`(SELECT max(business_date) FROM day_end_runs WHERE status = 'completed')`);

/**
 * Day-end's accrual for day D: only the accounts D's journal touched are brought forward — their
 * closings since the last accrual at yesterday's closing (the opening), then today's closing.
 * The others keep accruing implicitly at their unchanged balance (DOMAIN.md §3.4).
 */
export async function accrue(trx: Db, date: string) {
  const r = await sql`
    UPDATE fund_accounts a SET interest_base = a.interest_base
        + greatest(a.opening_balance, 0) * ${tradingDays(sql`a.interest_accrued_to`, sql`${date}::date`, false)}
        + greatest(a.balance, 0),
      interest_accrued_to = ${date}::date
    WHERE a.status = 'active' AND a.id IN (SELECT account_id FROM fund_journal WHERE business_date = ${date})`.execute(
    trx,
  );
  return Number(r.numAffectedRows ?? 0);
}

/** On 转息日: every account's base through D, for the interest posting, then the base restarts. */
export async function bringAllForward(trx: Db, date: string) {
  await sql`UPDATE fund_accounts a SET interest_base = ${accruedBase(sql`${date}::date`)}, interest_accrued_to = ${date}::date
    WHERE a.interest_accrued_to IS DISTINCT FROM ${date}::date AND a.status = 'active' AND a.balance > 0`.execute(trx);
}
