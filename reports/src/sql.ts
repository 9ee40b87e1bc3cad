import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Lang } from '../../server/src/http/lang.js';
import type { ReportContext, ReportQuery, Row } from './define-report.js';

/**
 * A report's rows from one SQL statement: `SELECT * FROM (<statement>) q`. Reports that need
 * CTEs and window functions say them in SQL; every value goes in as a bound parameter
 * (`${value}` in a `sql` template), never as text.
 */
export function rows(ctx: ReportContext, statement: RawBuilder<unknown>): ReportQuery {
  return ctx.db.selectFrom(sql<Row>`(${statement})`.as('q')).selectAll() as unknown as ReportQuery;
}

/**
 * A list's own Kysely query (joined tables, aliases) as a report query: the engine reads it as a
 * subquery by its output columns only, so the tables it joined no longer matter.
 */
// biome-ignore lint/suspicious/noExplicitAny: any builder of any tables; only its output columns are read
export const asReportQuery = (q: SelectQueryBuilder<any, any, any>) => q as unknown as ReportQuery;

/** `AND <column> = <branch>` when the report covers one branch, nothing for every branch. */
export function inBranch(ctx: Pick<ReportContext, 'branchId'>, column: string): RawBuilder<unknown> {
  return ctx.branchId === null ? sql`` : sql`AND ${sql.ref(column)} = ${ctx.branchId}`;
}

/** `AND <column> = <value>` when the parameter is given. */
export function when(value: unknown, column: string): RawBuilder<unknown> {
  return value === undefined || value === null ? sql`` : sql`AND ${sql.ref(column)} = ${value}`;
}

const CURRENCY: Record<string, { zh: string; en: string }> = {
  CNY: { zh: '人民币', en: 'CNY' },
  USD: { zh: '美元', en: 'USD' },
  HKD: { zh: '港币', en: 'HKD' },
};
/** A currency's name for a 小计 label (the cells show the dictionary's words). */
export const currencyLabel = (code: string, lang: Lang) => CURRENCY[code]?.[lang] ?? code;

/** The market's name in the report's language. */
export const marketName = (ctx: ReportContext, alias: string) =>
  sql.ref(`${alias}.${ctx.lang === 'zh' ? 'name_zh' : 'name_en'}`);

/**
 * Each position as it stood at the close of `date`: what the position journal moved after that
 * day is taken back from today's figures (quantity, frozen, cost), and its close is that day's
 * closing price (the latest one on or before the date; the security's previous close before any
 * was recorded). Sellable on a closed day is quantity − frozen (day-end made the day's buys sellable);
 * on the open day it excludes today's buys (T+1).
 */
export function positionsAt(ctx: Pick<ReportContext, 'branchId' | 'openDate'>, date: string): RawBuilder<unknown> {
  return sql`
    SELECT p.id, p.client_id, p.shareholder_account_id, p.security_id, p.branch_id,
      p.quantity - coalesce(j.q, 0) AS quantity,
      p.frozen - coalesce(j.f, 0) AS frozen,
      p.cost - coalesce(j.c, 0) AS cost,
      CASE WHEN ${date}::date >= ${ctx.openDate}::date THEN p.today_bought ELSE 0 END AS today_bought,
      coalesce((SELECT cp.close_price FROM closing_prices cp WHERE cp.security_id = p.security_id AND cp.business_date <= ${date}::date
                ORDER BY cp.business_date DESC LIMIT 1), s.prev_close) AS close_price
    FROM positions p
    JOIN securities s ON s.id = p.security_id
    LEFT JOIN (SELECT position_id, sum(quantity_delta) AS q, sum(frozen_delta) AS f, sum(cost_delta) AS c
               FROM position_journal_all WHERE business_date > ${date}::date GROUP BY position_id) j ON j.position_id = p.id
    WHERE true ${inBranch(ctx, 'p.branch_id')}`;
}

/**
 * Each fund account as it stood at the close of `date`: today's balance and frozen less what the
 * journal moved after that day. Accounts opened after the date are left out.
 */
export function accountsAt(ctx: Pick<ReportContext, 'branchId' | 'openDate'>, date: string): RawBuilder<unknown> {
  return sql`
    SELECT a.id, a.account_no, a.client_id, a.currency, a.branch_id, a.status,
      a.balance - coalesce(j.amount, 0) AS balance,
      a.frozen - coalesce(j.frozen, 0) AS frozen,
      CASE WHEN ${date}::date >= ${ctx.openDate}::date THEN a.unwithdrawable ELSE 0 END AS unwithdrawable
    FROM fund_accounts a
    LEFT JOIN (SELECT account_id, sum(amount) AS amount, sum(frozen_delta) AS frozen
               FROM fund_journal_all WHERE business_date > ${date}::date GROUP BY account_id) j ON j.account_id = a.id
    WHERE a.opened_on <= ${date}::date ${inBranch(ctx, 'a.branch_id')}`;
}

/**
 * A timestamp as the branch's local time text, "2026-12-01 08:32:10" (REPORTS.md: local time,
 * `YYYY-MM-DD HH:mm:ss`; the branch keeps Beijing time, UTC+8, with no daylight saving).
 */
export const localTimeText = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} AT TIME ZONE INTERVAL '+08:00', 'YYYY-MM-DD HH24:MI:SS')`;

/**
 * The fund journal's business types in finance's order (资金日计表's lines, REPORTS.md): the
 * order every report that counts the journal by type lists them in.
 */
export const JOURNAL_TYPES = [
  'deposit',
  'withdrawal',
  'transfer_in',
  'transfer_out',
  'remit_in',
  'remit_out',
  'bank_in',
  'bank_out',
  'trade_buy',
  'trade_sell',
  'fee',
  'interest',
  'reversal',
  'freeze',
  'unfreeze',
] as const;

/** `(seq, type)` rows for `VALUES`, one per journal type in finance's order. */
export const journalTypeValues = () => sql.join(JOURNAL_TYPES.map((t, i) => sql`(${i + 1}::int, ${t}::text)`));

/** The ordering number of a currency in reports: 人民币, then 美元, then 港币. */
export const currencyOrder = (column: string) =>
  sql`CASE ${sql.ref(column)} WHEN 'CNY' THEN 1 WHEN 'USD' THEN 2 ELSE 3 END`;
