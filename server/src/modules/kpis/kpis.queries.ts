import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { inBranch } from '../../../../reports/src/sql.js';
import { tradeRanking } from '../../../../reports/src/trade-ranking.report.js';
import { addDays, type Span } from './kpis.periods.js';
import { clientAssetsAt, isActive, type KpiRules, openAt, TIERS, tierCounts, tradedWithin } from './kpis.sql.js';

export type { KpiRules } from './kpis.sql.js';

/** What every KPI query needs: the database, the branch (null = every branch) and the open business date. */
export interface KpiScope {
  db: Db;
  branchId: number | null;
  openDate: string;
}

/** The open business date and the last closed one (max business_date of completed day-end runs). */
export async function businessDates(db: Db): Promise<{ openDate: string; lastClosed: string | null }> {
  const { rows } = await sql<{ open: string; closed: string | null }>`
    SELECT (SELECT value FROM system_params WHERE key = 'business_date') AS open,
           (SELECT max(business_date)::text FROM day_end_runs WHERE status = 'completed') AS closed`.execute(db);
  return { openDate: rows[0]!.open, lastClosed: rows[0]!.closed };
}

/** The SH-A trading calendar between two dates (the one the report forms and the day-end follow). */
export async function tradingCalendar(db: Db, from: string, to: string): Promise<Map<string, boolean>> {
  const { rows } = await sql<{ date: string; is_trading_day: boolean }>`
    SELECT date::text AS date, is_trading_day FROM trading_calendar
    WHERE market = 'SH-A' AND date BETWEEN ${from}::date AND ${to}::date`.execute(db);
  return new Map(rows.map((r) => [r.date, r.is_trading_day]));
}

export async function kpiRules(db: Db): Promise<KpiRules> {
  const rows = await db
    .selectFrom('system_params')
    .select(['key', 'value'])
    .where('key', 'in', [
      'tier_large_min',
      'tier_medium_min',
      'active_account_days',
      'active_account_assets',
      'contribution_core_share',
      'contribution_quality_share',
    ])
    .execute();
  const v = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return {
    tier_large_min: v.tier_large_min ?? '800000',
    tier_medium_min: v.tier_medium_min ?? '300000',
    active_account_days: Number(v.active_account_days ?? 365),
    active_account_assets: v.active_account_assets ?? '10000',
    contribution_core_share: v.contribution_core_share ?? '0.2',
    contribution_quality_share: v.contribution_quality_share ?? '0.5',
  };
}

export async function branchExists(db: Db, id: number): Promise<boolean> {
  return !!(await db.selectFrom('branches').select('id').where('id', '=', id).executeTakeFirst());
}

/** Trades per branch over from … to: turnover = stock + fund, buy + sell; commission gross and net of exchange fees. */
const tradeFlows = (s: KpiScope, from: string, to: string) => sql`
  SELECT branch_id, sum(amount) AS turnover, sum(commission) AS commission,
    sum(commission - handling_fee - regulatory_fee) AS net_commission
  FROM trades WHERE business_date BETWEEN ${from}::date AND ${to}::date ${inBranch(s, 'branch_id')} GROUP BY branch_id`;

/** Net inflow per branch over from … to: deposits, bank_in, transfer_in, remit_in less their outward kinds. */
const cashFlows = (s: KpiScope, from: string, to: string) => sql`
  SELECT branch_id, sum(amount) AS net_inflow FROM fund_journal_all
  WHERE business_date BETWEEN ${from}::date AND ${to}::date
    AND type IN ('deposit', 'bank_in', 'transfer_in', 'remit_in', 'withdrawal', 'bank_out', 'transfer_out', 'remit_out')
    ${inBranch(s, 'branch_id')}
  GROUP BY branch_id`;

/**
 * The figures F of a period per branch (rows: branch_id and the raw sums), from trades (turnover =
 * stock + fund, buy + sell; commission gross and net of exchange fees, as daily_summaries), the
 * fund journal (net inflow: deposits, bank_in, transfer_in, remit_in less their outward kinds, as
 * daily_summaries), assets at the span's last day and the clients table. Live: every client.
 */
function figuresByBranch(s: KpiScope, span: Span, rules: KpiRules): RawBuilder<unknown> {
  const { from, to } = span;
  return sql`
    WITH ca AS (${clientAssetsAt(s, to)}),
    traded AS (${tradedWithin(s, rules, to)}),
    tr AS (${tradeFlows(s, from, to)}),
    fl AS (${cashFlows(s, from, to)}),
    assets AS (SELECT branch_id, sum(cash) AS cash, sum(market_value) AS market_value FROM ca GROUP BY branch_id),
    cl AS (SELECT c.branch_id,
             count(*) FILTER (WHERE ${openAt('c', to)}) AS accounts_total,
             count(*) FILTER (WHERE c.opened_on BETWEEN ${from}::date AND ${to}::date) AS accounts_new,
             count(*) FILTER (WHERE c.closed_on BETWEEN ${from}::date AND ${to}::date) AS accounts_closed,
             count(*) FILTER (WHERE ${openAt('c', to)} AND ${isActive(rules)}) AS accounts_active
           FROM clients c LEFT JOIN ca ON ca.client_id = c.id LEFT JOIN traded ON traded.client_id = c.id
           WHERE true ${inBranch(s, 'c.branch_id')} GROUP BY c.branch_id)
    SELECT b.id AS branch_id, b.name AS branch_name,
      coalesce(tr.turnover, 0) AS turnover, coalesce(tr.commission, 0) AS commission,
      coalesce(tr.net_commission, 0) AS net_commission, coalesce(fl.net_inflow, 0) AS net_inflow,
      coalesce(assets.cash, 0) AS cash, coalesce(assets.market_value, 0) AS market_value,
      coalesce(cl.accounts_total, 0) AS accounts_total, coalesce(cl.accounts_new, 0) AS accounts_new,
      coalesce(cl.accounts_closed, 0) AS accounts_closed, coalesce(cl.accounts_active, 0) AS accounts_active
    FROM branches b
    LEFT JOIN tr ON tr.branch_id = b.id LEFT JOIN fl ON fl.branch_id = b.id
    LEFT JOIN assets ON assets.branch_id = b.id LEFT JOIN cl ON cl.branch_id = b.id
    WHERE true ${inBranch(s, 'b.id')}`;
}

/** The closed days a span can read from day-end's KPI summaries (summaryDays). */
interface SummaryDays {
  /** the first day with KPI summaries (days before it were closed before the migration, or never) */
  first: string;
  /** the span's last summarised day: its stocks (assets, accounts, tiers, managers' clients) */
  last: string;
}

/**
 * Whether a span ending on `to` reads day-end's KPI summaries: yes when `to` is before the open
 * business date and on or after the first summarised day. Its stocks are then those of the last
 * closed day on or before `to` (DOMAIN.md §6: a period's snapshot is its last day; nothing moves
 * on a day without trading), its flows the sums of the summarised days in it plus, for any part
 * before the first summarised day, the same flows computed live. A span ending on the open
 * business date, or before the first summary, is computed live from every client.
 */
async function summaryDays(s: KpiScope, to: string): Promise<SummaryDays | null> {
  if (to >= s.openDate) return null;
  const { rows } = await sql<{ first: string | null; last: string | null }>`
    SELECT min(business_date)::text AS first, max(business_date) FILTER (WHERE business_date <= ${to}::date)::text AS last
    FROM daily_summaries WHERE accounts_total IS NOT NULL`.execute(s.db);
  const { first, last } = rows[0] ?? { first: null, last: null };
  return first && last ? { first, last } : null;
}

/** The part of a span before the first summarised day, when there is one. */
function livePart(span: Span, days: SummaryDays): Span | null {
  return span.from < days.first ? { from: span.from, to: addDays(days.first, -1) } : null;
}
const later = (a: string, b: string) => (a > b ? a : b);

/** figuresByBranch's rows from day-end's summaries (summaryDays says when a span may). */
function summarisedFiguresByBranch(s: KpiScope, span: Span, days: SummaryDays): RawBuilder<unknown> {
  const live = livePart(span, days);
  const none = sql`SELECT NULL::bigint AS branch_id, 0 AS turnover, 0 AS commission, 0 AS net_commission, 0 AS net_inflow,
    0 AS accounts_new, 0 AS accounts_closed WHERE false`;
  const liveFlows = live
    ? sql`SELECT b.id AS branch_id, tr.turnover, tr.commission, tr.net_commission, fl.net_inflow, cl.accounts_new, cl.accounts_closed
        FROM branches b LEFT JOIN (${tradeFlows(s, live.from, live.to)}) tr ON tr.branch_id = b.id
        LEFT JOIN (${cashFlows(s, live.from, live.to)}) fl ON fl.branch_id = b.id
        LEFT JOIN (SELECT branch_id,
                     count(*) FILTER (WHERE opened_on BETWEEN ${live.from}::date AND ${live.to}::date) AS accounts_new,
                     count(*) FILTER (WHERE closed_on BETWEEN ${live.from}::date AND ${live.to}::date) AS accounts_closed
                   FROM clients WHERE (opened_on BETWEEN ${live.from}::date AND ${live.to}::date OR closed_on BETWEEN ${live.from}::date AND ${live.to}::date)
                     ${inBranch(s, 'branch_id')}
                   GROUP BY branch_id) cl ON cl.branch_id = b.id
        WHERE true ${inBranch(s, 'b.id')}`
    : none;
  return sql`
    WITH st AS (SELECT branch_id, cash, market_value, accounts_total, accounts_active FROM daily_summaries
                WHERE business_date = ${days.last}::date ${inBranch(s, 'branch_id')}),
    sm AS (SELECT branch_id, sum(turnover) AS turnover, sum(commission) AS commission, sum(net_commission) AS net_commission,
             sum(deposits - withdrawals) AS net_inflow, sum(new_clients) AS accounts_new, sum(closed_clients) AS accounts_closed
           FROM daily_summaries WHERE business_date BETWEEN ${later(span.from, days.first)}::date AND ${span.to}::date ${inBranch(s, 'branch_id')}
           GROUP BY branch_id),
    lv AS (${liveFlows})
    SELECT b.id AS branch_id, b.name AS branch_name,
      coalesce(sm.turnover, 0) + coalesce(lv.turnover, 0) AS turnover, coalesce(sm.commission, 0) + coalesce(lv.commission, 0) AS commission,
      coalesce(sm.net_commission, 0) + coalesce(lv.net_commission, 0) AS net_commission,
      coalesce(sm.net_inflow, 0) + coalesce(lv.net_inflow, 0) AS net_inflow,
      coalesce(st.cash, 0) AS cash, coalesce(st.market_value, 0) AS market_value,
      coalesce(st.accounts_total, 0) AS accounts_total, coalesce(sm.accounts_new, 0) + coalesce(lv.accounts_new, 0) AS accounts_new,
      coalesce(sm.accounts_closed, 0) + coalesce(lv.accounts_closed, 0) AS accounts_closed, coalesce(st.accounts_active, 0) AS accounts_active
    FROM branches b
    LEFT JOIN st ON st.branch_id = b.id LEFT JOIN sm ON sm.branch_id = b.id LEFT JOIN lv ON lv.branch_id = b.id
    WHERE true ${inBranch(s, 'b.id')}`;
}

/** F per branch of a span: from the summaries when summaryDays allows, else live. */
async function figureRows(s: KpiScope, span: Span, rules: KpiRules): Promise<RawBuilder<unknown>> {
  const days = await summaryDays(s, span.to);
  return days ? summarisedFiguresByBranch(s, span, days) : figuresByBranch(s, span, rules);
}

/** The market's turnover over a span (market_totals, every market entered). */
const marketTurnover = (span: Span) =>
  sql`(SELECT coalesce(sum(turnover), 0) FROM market_totals WHERE business_date BETWEEN ${span.from}::date AND ${span.to}::date)`;

/**
 * The figures' outer select over `fb` (rows of figuresByBranch): decimals as text, counts as
 * integers, 市场占有率 in 万分之 (2 decimals), 佣金率 in ‰ (3 decimals), 净增 = new − closed,
 * 沉寂 = total − active.
 */
const figureColumns = (span: Span) => sql`
  sum(fb.turnover)::text AS turnover, ${marketTurnover(span)}::text AS market_turnover,
  coalesce(round(sum(fb.turnover) * 10000 / nullif(${marketTurnover(span)}, 0), 2), 0)::text AS market_share_bp,
  sum(fb.commission)::text AS commission, sum(fb.net_commission)::text AS net_commission,
  coalesce(round(sum(fb.commission) * 1000 / nullif(sum(fb.turnover), 0), 3), 0)::text AS commission_rate_permille,
  (sum(fb.cash) + sum(fb.market_value))::text AS client_assets, sum(fb.cash)::text AS cash,
  sum(fb.market_value)::text AS market_value, sum(fb.net_inflow)::text AS net_inflow,
  sum(fb.accounts_total)::int AS accounts_total, sum(fb.accounts_new)::int AS accounts_new,
  sum(fb.accounts_closed)::int AS accounts_closed, (sum(fb.accounts_new) - sum(fb.accounts_closed))::int AS accounts_net,
  sum(fb.accounts_active)::int AS accounts_active, (sum(fb.accounts_total) - sum(fb.accounts_active))::int AS accounts_dormant`;

export interface Figures {
  turnover: string;
  market_turnover: string;
  market_share_bp: string;
  commission: string;
  net_commission: string;
  commission_rate_permille: string;
  client_assets: string;
  cash: string;
  market_value: string;
  net_inflow: string;
  accounts_total: number;
  accounts_new: number;
  accounts_closed: number;
  accounts_net: number;
  accounts_active: number;
  accounts_dormant: number;
}

/** F of a span over the scope (one branch or all of them, summed in SQL). */
export async function figures(s: KpiScope, span: Span, rules: KpiRules): Promise<Figures> {
  const { rows } = await sql<Figures>`
    SELECT ${figureColumns(span)} FROM (${await figureRows(s, span, rules)}) fb`.execute(s.db);
  return normalise(rows[0]!);
}

/** F of a span for each branch but head office itself (head office's comparison of branches). */
export async function figuresPerBranch(
  s: KpiScope,
  span: Span,
  rules: KpiRules,
): Promise<({ branch_id: number; branch_name: string } & Figures)[]> {
  const { rows } = await sql<{ branch_id: number; branch_name: string } & Figures>`
    SELECT fb.branch_id, fb.branch_name, ${figureColumns(span)}
    FROM (${await figureRows(s, span, rules)}) fb JOIN branches b ON b.id = fb.branch_id
    WHERE NOT b.is_head_office
    GROUP BY fb.branch_id, fb.branch_name, b.code ORDER BY b.code`.execute(s.db);
  return rows.map((r) => ({ ...r, ...normalise(r) }));
}

/** numeric::text keeps the scale of its inputs; sums of no rows are null: both made plain here. */
function normalise<T extends Figures>(r: T): T {
  const out = { ...r };
  for (const k of [
    'turnover',
    'market_turnover',
    'market_share_bp',
    'commission',
    'net_commission',
    'commission_rate_permille',
    'client_assets',
    'cash',
    'market_value',
    'net_inflow',
  ] as const)
    out[k] = out[k] ?? '0';
  for (const k of [
    'accounts_total',
    'accounts_new',
    'accounts_closed',
    'accounts_net',
    'accounts_active',
    'accounts_dormant',
  ] as const)
    out[k] = Number(out[k] ?? 0);
  return out;
}

export interface TrendRow {
  period: string;
  turnover: string;
  commission: string;
  net_commission: string;
  net_inflow: string;
  client_funds: string;
  new_clients: number;
  closed_clients: number;
  market_share_bp: string;
}

/**
 * The trend of closed days from daily_summaries (day-end's 数据汇总): per day or per month, the
 * sums of the period; client funds at the period's last summarised day; market share over the
 * period's market_totals.
 */
export async function trend(s: KpiScope, span: Span, granularity: 'day' | 'month'): Promise<TrendRow[]> {
  const fmt = granularity === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM';
  const { rows } = await sql<TrendRow>`
    WITH d AS (
      SELECT to_char(business_date, ${fmt}) AS period, business_date, turnover, commission, net_commission,
        deposits - withdrawals AS net_inflow, client_funds, new_clients, closed_clients
      FROM daily_summaries WHERE business_date BETWEEN ${span.from}::date AND ${span.to}::date ${inBranch(s, 'branch_id')}
    ),
    last AS (SELECT period, max(business_date) AS day FROM d GROUP BY period),
    mk AS (SELECT to_char(business_date, ${fmt}) AS period, sum(turnover) AS turnover FROM market_totals
           WHERE business_date BETWEEN ${span.from}::date AND ${span.to}::date GROUP BY 1)
    SELECT d.period, sum(d.turnover)::text AS turnover, sum(d.commission)::text AS commission,
      sum(d.net_commission)::text AS net_commission, sum(d.net_inflow)::text AS net_inflow,
      coalesce(sum(d.client_funds) FILTER (WHERE d.business_date = last.day), 0)::text AS client_funds,
      sum(d.new_clients)::int AS new_clients, sum(d.closed_clients)::int AS closed_clients,
      coalesce(round(sum(d.turnover) * 10000 / nullif(max(mk.turnover), 0), 2), 0)::text AS market_share_bp
    FROM d JOIN last ON last.period = d.period LEFT JOIN mk ON mk.period = d.period
    GROUP BY d.period ORDER BY d.period`.execute(s.db);
  return rows;
}

export interface TierRow {
  tier: string;
  clients: number;
  assets: string;
}

/**
 * Clients open at `date` in tiers, by assets and by contribution, as tierCounts defines them; a
 * closed date reads the tiers day-end stored at that close (daily_tier_summaries), the open date
 * (or one before the first summary) counts them live.
 */
export async function tiers(
  s: KpiScope,
  date: string,
  rules: KpiRules,
): Promise<{ by_assets: TierRow[]; by_contribution: TierRow[] }> {
  const days = await summaryDays(s, date);
  const counted = days
    ? sql`SELECT tiers.kind, tiers.tier, tiers.ord, coalesce(t.clients, 0) AS clients, coalesce(t.assets, 0) AS assets
          FROM ${TIERS} LEFT JOIN daily_tier_summaries t ON t.business_date = ${days.last}::date
            AND t.branch_id IS NOT DISTINCT FROM ${s.branchId}::bigint AND t.kind = tiers.kind AND t.tier = tiers.tier`
    : tierCounts(s, date, rules);
  const { rows } = await sql<{ kind: string; tier: string; clients: number; assets: string }>`
    SELECT t.kind, t.tier, t.clients::int AS clients, t.assets::text AS assets
    FROM (${counted}) t ORDER BY t.kind, t.ord`.execute(s.db);
  const pick = (kind: string) =>
    rows.filter((r) => r.kind === kind).map(({ tier, clients, assets }) => ({ tier, clients, assets }));
  return { by_assets: pick('assets'), by_contribution: pick('contribution') };
}

export interface RankingRow {
  rank: number;
  id: number | null;
  name: string;
  code: string;
  turnover: string;
  commission: string;
  trades: number;
}

const DIMENSION = { clients: 'client', securities: 'security', managers: 'client_manager' } as const;

/** The top clients, securities or client managers: 成交排名's own statement (tradeRanking), not a copy. */
export async function rankings(
  s: KpiScope,
  span: Span,
  by: keyof typeof DIMENSION,
  metric: 'turnover' | 'commission',
  top: number,
): Promise<RankingRow[]> {
  const ranked = tradeRanking(s, { date_from: span.from, date_to: span.to, dimension: DIMENSION[by], by: metric, top });
  const { rows } = await sql<RankingRow>`
    SELECT r.rank::int AS rank, r.id, r.name, ${by === 'managers' ? sql`''` : sql`r.code`} AS code,
      r.turnover::text AS turnover, r.commission::text AS commission, r.trades::int AS trades
    FROM (${ranked}) r ORDER BY r.rank`.execute(s.db);
  return rows;
}

export interface ManagerRow {
  manager_id: number;
  name: string;
  clients: number;
  new_clients: number;
  assets: string;
  turnover: string;
  commission: string;
}

/** Turnover and commission of each client manager's clients' trades over from … to. */
const managerTrades = (s: KpiScope, from: string, to: string) => sql`
  SELECT c.client_manager_id AS manager_id, sum(t.amount) AS turnover, sum(t.commission) AS commission
  FROM trades t JOIN clients c ON c.id = t.client_id
  WHERE t.business_date BETWEEN ${from}::date AND ${to}::date AND c.client_manager_id IS NOT NULL
    ${inBranch(s, 't.branch_id')}
  GROUP BY c.client_manager_id`;

/**
 * Client managers' performance over a span: their clients open at its end, the clients opened in
 * it, those clients' assets at its end (as the tiers count them), and the turnover and commission
 * of their clients' trades in it. Ordered by turnover, then manager code. A span summaryDays allows
 * reads daily_manager_summaries (each day's clients by the manager they had at that close).
 */
export async function managers(s: KpiScope, span: Span): Promise<ManagerRow[]> {
  const days = await summaryDays(s, span.to);
  if (days) return summarisedManagers(s, span, days);
  const { rows } = await sql<ManagerRow>`
    WITH ca AS (${clientAssetsAt(s, span.to)}),
    cl AS (SELECT c.client_manager_id AS manager_id,
             count(*) FILTER (WHERE ${openAt('c', span.to)}) AS clients,
             count(*) FILTER (WHERE c.opened_on BETWEEN ${span.from}::date AND ${span.to}::date) AS new_clients,
             sum(ca.assets) FILTER (WHERE ${openAt('c', span.to)}) AS assets
           FROM clients c LEFT JOIN ca ON ca.client_id = c.id
           WHERE c.client_manager_id IS NOT NULL ${inBranch(s, 'c.branch_id')} GROUP BY c.client_manager_id),
    tr AS (${managerTrades(s, span.from, span.to)})
    SELECT cm.id AS manager_id, cm.name, coalesce(cl.clients, 0)::int AS clients, coalesce(cl.new_clients, 0)::int AS new_clients,
      coalesce(cl.assets, 0)::text AS assets, coalesce(tr.turnover, 0)::text AS turnover, coalesce(tr.commission, 0)::text AS commission
    FROM client_managers cm LEFT JOIN cl ON cl.manager_id = cm.id LEFT JOIN tr ON tr.manager_id = cm.id
    WHERE true ${inBranch(s, 'cm.branch_id')}
    ORDER BY coalesce(tr.turnover, 0) DESC, cm.code`.execute(s.db);
  return rows;
}

async function summarisedManagers(s: KpiScope, span: Span, days: SummaryDays): Promise<ManagerRow[]> {
  const live = livePart(span, days);
  const liveFlows = live
    ? sql`SELECT coalesce(n.manager_id, tr.manager_id) AS manager_id, n.new_clients, tr.turnover, tr.commission
        FROM (SELECT client_manager_id AS manager_id, count(*) AS new_clients FROM clients c
              WHERE c.opened_on BETWEEN ${live.from}::date AND ${live.to}::date AND c.client_manager_id IS NOT NULL ${inBranch(s, 'c.branch_id')}
              GROUP BY client_manager_id) n
        FULL JOIN (${managerTrades(s, live.from, live.to)}) tr ON tr.manager_id = n.manager_id`
    : sql`SELECT NULL::bigint AS manager_id, 0 AS new_clients, 0 AS turnover, 0 AS commission WHERE false`;
  const { rows } = await sql<ManagerRow>`
    WITH st AS (SELECT manager_id, sum(clients) AS clients, sum(assets) AS assets FROM daily_manager_summaries
                WHERE business_date = ${days.last}::date ${inBranch(s, 'branch_id')} GROUP BY manager_id),
    fl AS (SELECT manager_id, sum(new_clients) AS new_clients, sum(turnover) AS turnover, sum(commission) AS commission
           FROM daily_manager_summaries
           WHERE business_date BETWEEN ${later(span.from, days.first)}::date AND ${span.to}::date ${inBranch(s, 'branch_id')}
           GROUP BY manager_id),
    lv AS (${liveFlows}),
    m AS (SELECT cm.id AS manager_id, cm.name, cm.code, coalesce(st.clients, 0) AS clients,
            coalesce(fl.new_clients, 0) + coalesce(lv.new_clients, 0) AS new_clients, coalesce(st.assets, 0) AS assets,
            coalesce(fl.turnover, 0) + coalesce(lv.turnover, 0) AS turnover, coalesce(fl.commission, 0) + coalesce(lv.commission, 0) AS commission
          FROM client_managers cm LEFT JOIN st ON st.manager_id = cm.id LEFT JOIN fl ON fl.manager_id = cm.id
            LEFT JOIN lv ON lv.manager_id = cm.id
          WHERE true ${inBranch(s, 'cm.branch_id')})
    SELECT manager_id, name, clients::int AS clients, new_clients::int AS new_clients, assets::text AS assets,
      turnover::text AS turnover, commission::text AS commission
    FROM m ORDER BY m.turnover DESC, m.code`.execute(s.db);
  return rows;
}
