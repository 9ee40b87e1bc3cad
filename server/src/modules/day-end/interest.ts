import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { postInTransaction } from '../ledger/ledger.service.js';
import { interestOn } from './interest.calc.js';

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

/**
 * An account's base through the day before `date` (alias `a` = fund_accounts), the open day not
 * yet closed: the stored base plus yesterday's closing (today's opening) for every trading day
 * after it was last brought forward and before `date` — the account was untouched on those days.
 */
export const baseBefore = (date: string) =>
  sql<string>`(a.interest_base + greatest(a.opening_balance, 0) * ${tradingDays(sql`a.interest_accrued_to`, sql`${date}::date`, false)})`;

/** The last trading day (SH-A) before `date`: the last day whose closing a settlement covers. */
export const lastTradingDayBefore = (date: string) =>
  sql<string>`coalesce((SELECT max(c.date) FROM trading_calendar c WHERE c.market = 'SH-A' AND c.is_trading_day AND c.date < ${date}::date), ${date}::date - 1)`;

export interface Settlement {
  account_id: number;
  account_no: string;
  /** the base settled: the closings up to and including `through` */
  base: string;
  interest: string;
  through: string;
  journal_id: number | null;
}

/**
 * 销户结息 (DOMAIN.md §3.4), inside the caller's transaction: brings the account's base forward to
 * the day before the open date `date` (the closing day's own balance leaves with the client, so it
 * earns nothing), posts interest = base × rate / 360 (half-up to the cent) as a journal entry of
 * type 'interest' through the ledger service, and restarts the base: settled and accrued through
 * that day. An interest of 0.00 posts nothing but still settles the base. One audit row besides
 * the posting's.
 */
export async function settleInterest(
  trx: Db,
  actor: Actor,
  accountId: number,
  date: string,
  rate: string,
): Promise<Settlement> {
  const { rows } = await sql<{
    account_no: string;
    base: string;
    through: string;
    interest_base: string;
    interest_accrued_to: string | null;
    interest_settled_to: string | null;
  }>`SELECT a.account_no, ${baseBefore(date)} AS base, ${lastTradingDayBefore(date)}::text AS through,
      a.interest_base, a.interest_accrued_to::text AS interest_accrued_to, a.interest_settled_to::text AS interest_settled_to
    FROM fund_accounts a WHERE a.id = ${accountId} FOR UPDATE`.execute(trx);
  const a = rows[0]!;
  const interest = interestOn(a.base, rate);
  const entry =
    interest === '0.00'
      ? null
      : await postInTransaction(trx, actor, null, {
          account_id: accountId,
          type: 'interest',
          amount: interest,
          reference: `销户结息 ${a.through}`,
        });
  await sql`UPDATE fund_accounts SET interest_base = 0, interest_accrued_to = ${a.through}::date, interest_settled_to = ${a.through}::date,
      version = version + 1, updated_at = ${actor.at} WHERE id = ${accountId}`.execute(trx);
  await audit(trx, actor, {
    action: 'settle_interest',
    resource: 'fund_accounts',
    record_id: accountId,
    before: {
      interest_base: a.interest_base,
      interest_accrued_to: a.interest_accrued_to,
      interest_settled_to: a.interest_settled_to,
    },
    after: { interest_base: '0.00', interest_accrued_to: a.through, interest_settled_to: a.through },
    detail: `销户结息 ${a.account_no} 至 ${a.through}：积数 ${a.base} × ${rate} / 360 = ${interest}`,
  });
  return {
    account_id: accountId,
    account_no: a.account_no,
    base: a.base,
    interest,
    through: a.through,
    journal_id: entry ? Number(entry.id) : null,
  };
}

/** The annual rate the interest is paid at (system parameter `interest_rate_annual`). */
export async function annualRate(db: Db): Promise<string> {
  const row = await db
    .selectFrom('system_params')
    .select('value')
    .where('key', '=', 'interest_rate_annual')
    .executeTakeFirst();
  return row?.value ?? '0';
}

/** On 转息日: every account's base through D, for the interest posting, then the base restarts. */
export async function bringAllForward(trx: Db, date: string) {
  await sql`UPDATE fund_accounts a SET interest_base = ${accruedBase(sql`${date}::date`)}, interest_accrued_to = ${date}::date
    WHERE a.interest_accrued_to IS DISTINCT FROM ${date}::date AND a.status = 'active' AND a.balance > 0`.execute(trx);
}
