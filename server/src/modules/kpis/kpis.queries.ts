import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { accountsAt, inBranch, positionsAt } from '../../../../reports/src/sql.js';
import { tradeRanking } from '../../../../reports/src/trade-ranking.report.js';
import type { Span } from './kpis.periods.js';

/** What every KPI query needs: the database, the branch (null = every branch) and the open business date. */
export interface KpiScope {
  db: Db;
  branchId: number | null;
  openDate: string;
}

/** The KPI thresholds (system parameters, category kpi). */
export interface KpiRules {
  tier_large_min: string;
  tier_medium_min: string;
  active_account_days: number;
  active_account_assets: string;
  contribution_core_share: string;
  contribution_quality_share: string;
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

/**
 * Each client's assets at the close of `date`, in CNY: cash = the CNY fund balances as 资金余额
 * reads them (accountsAt), market value = holdings in CNY markets × that day's close, to the cent,
 * as 证券余额 computes it (positionsAt). One row per client with any of either.
 */
function clientAssetsAt(s: KpiScope, date: string): RawBuilder<unknown> {
  return sql`
    SELECT client_id, branch_id, sum(cash) AS cash, sum(market_value) AS market_value, sum(cash + market_value) AS assets
    FROM (
      SELECT acc.client_id, acc.branch_id, acc.balance AS cash, 0 AS market_value
      FROM (${accountsAt(s, date)}) acc WHERE acc.currency = 'CNY'
      UNION ALL
      SELECT pos.client_id, pos.branch_id, 0, round(pos.quantity * pos.close_price, 2)
      FROM (${positionsAt(s, date)}) pos JOIN securities sec ON sec.id = pos.security_id JOIN markets m ON m.code = sec.market
      WHERE pos.quantity > 0 AND m.currency = 'CNY'
    ) x GROUP BY client_id, branch_id`;
}

/** A client open at the close of `date`: opened on or before it, not closed by then. */
const openAt = (alias: string, date: string) =>
  sql`${sql.ref(`${alias}.opened_on`)} <= ${date}::date AND (${sql.ref(`${alias}.closed_on`)} IS NULL OR ${sql.ref(`${alias}.closed_on`)} > ${date}::date)`;

/**
 * 有效户 (DOMAIN.md §6): open at `date` and either traded within `active_account_days` up to
 * `date` or holding assets ≥ `active_account_assets`. Needs `ca` (clientAssetsAt(date)) and
 * `traded` (tradedWithin(date)) joined on the client.
 */
const isActive = (rules: KpiRules) =>
  sql`(coalesce(ca.assets, 0) >= ${rules.active_account_assets}::numeric OR traded.client_id IS NOT NULL)`;

/** The clients who traded within `active_account_days` up to `date` (one set-based pass over trades). */
const tradedWithin = (s: KpiScope, rules: KpiRules, date: string) => sql`
  SELECT DISTINCT client_id FROM trades
  WHERE business_date > ${date}::date - ${rules.active_account_days}::int AND business_date <= ${date}::date
    ${inBranch(s, 'branch_id')}`;

/**
 * The figures F of a period per branch (rows: branch_id and the raw sums), from trades (turnover =
 * stock + fund, buy + sell; commission gross and net of exchange fees, as daily_summaries), the
 * fund journal (net inflow: deposits, bank_in, transfer_in, remit_in less their outward kinds, as
 * daily_summaries), assets at the span's last day and the clients table.
 */
function figuresByBranch(s: KpiScope, span: Span, rules: KpiRules): RawBuilder<unknown> {
  const { from, to } = span;
  return sql`
    WITH ca AS (${clientAssetsAt(s, to)}),
    traded AS (${tradedWithin(s, rules, to)}),
    tr AS (SELECT branch_id, sum(amount) AS turnover, sum(commission) AS commission,
             sum(commission - handling_fee - regulatory_fee) AS net_commission
           FROM trades WHERE business_date BETWEEN ${from}::date AND ${to}::date ${inBranch(s, 'branch_id')} GROUP BY branch_id),
    fl AS (SELECT branch_id, sum(amount) AS net_inflow FROM fund_journal_all
           WHERE business_date BETWEEN ${from}::date AND ${to}::date
             AND type IN ('deposit', 'bank_in', 'transfer_in', 'remit_in', 'withdrawal', 'bank_out', 'transfer_out', 'remit_out')
             ${inBranch(s, 'branch_id')}
           GROUP BY branch_id),
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
    SELECT ${figureColumns(span)} FROM (${figuresByBranch(s, span, rules)}) fb`.execute(s.db);
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
    FROM (${figuresByBranch(s, span, rules)}) fb JOIN branches b ON b.id = fb.branch_id
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
 * Clients open at `date` in tiers.
 * By assets (cash + market value in CNY at that day's close): large ≥ tier_large_min, medium ≥
 * tier_medium_min, small below.
 * By contribution, from the commission each client paid in the year up to `date` (date − 1 year,
 * exclusive … date): of the clients who paid any, ranked by it, the top
 * contribution_core_share (cume_dist, default 20 %) are core 核心, the rest up to
 * contribution_quality_share (default 50 %) quality 优质; every other client is active 有效 when
 * 有效户 (traded within active_account_days or assets ≥ active_account_assets), else dormant 沉寂.
 */
export async function tiers(
  s: KpiScope,
  date: string,
  rules: KpiRules,
): Promise<{ by_assets: TierRow[]; by_contribution: TierRow[] }> {
  const { rows } = await sql<{ kind: string; tier: string; clients: number; assets: string }>`
    WITH ca AS (${clientAssetsAt(s, date)}),
    traded AS (${tradedWithin(s, rules, date)}),
    paid AS (SELECT client_id, sum(commission) AS commission FROM trades
             WHERE business_date > (${date}::date - interval '1 year')::date AND business_date <= ${date}::date
               ${inBranch(s, 'branch_id')}
             GROUP BY client_id HAVING sum(commission) > 0),
    base AS (
      SELECT c.id, coalesce(ca.assets, 0) AS assets, ${isActive(rules)} AS active, ranked.cd
      FROM clients c
      LEFT JOIN ca ON ca.client_id = c.id
      LEFT JOIN traded ON traded.client_id = c.id
      LEFT JOIN (SELECT p.client_id, cume_dist() OVER (ORDER BY p.commission DESC) AS cd
                 FROM paid p JOIN clients pc ON pc.id = p.client_id WHERE ${openAt('pc', date)}) ranked ON ranked.client_id = c.id
      WHERE ${openAt('c', date)} ${inBranch(s, 'c.branch_id')}
    ),
    tagged AS (
      SELECT assets,
        CASE WHEN assets >= ${rules.tier_large_min}::numeric THEN 'large'
             WHEN assets >= ${rules.tier_medium_min}::numeric THEN 'medium' ELSE 'small' END AS by_assets,
        CASE WHEN cd <= ${rules.contribution_core_share}::numeric THEN 'core'
             WHEN cd <= ${rules.contribution_quality_share}::numeric THEN 'quality'
             WHEN active THEN 'active' ELSE 'dormant' END AS by_contribution
      FROM base
    ),
    tiers (kind, tier, ord) AS (VALUES ('assets', 'large', 1), ('assets', 'medium', 2), ('assets', 'small', 3),
      ('contribution', 'core', 1), ('contribution', 'quality', 2), ('contribution', 'active', 3), ('contribution', 'dormant', 4))
    SELECT tiers.kind, tiers.tier, count(tagged.assets)::int AS clients, coalesce(sum(tagged.assets), 0)::text AS assets
    FROM tiers LEFT JOIN tagged
      ON (tiers.kind = 'assets' AND tagged.by_assets = tiers.tier) OR (tiers.kind = 'contribution' AND tagged.by_contribution = tiers.tier)
    GROUP BY tiers.kind, tiers.tier, tiers.ord ORDER BY tiers.kind, tiers.ord`.execute(s.db);
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

/**
 * Client managers' performance over a span: their clients open at its end, the clients opened in
 * it, those clients' assets at its end (as the tiers count them), and the turnover and commission
 * of their clients' trades in it. Ordered by turnover, then manager code.
 */
export async function managers(s: KpiScope, span: Span): Promise<ManagerRow[]> {
  const { rows } = await sql<ManagerRow>`
    WITH ca AS (${clientAssetsAt(s, span.to)}),
    cl AS (SELECT c.client_manager_id AS manager_id,
             count(*) FILTER (WHERE ${openAt('c', span.to)}) AS clients,
             count(*) FILTER (WHERE c.opened_on BETWEEN ${span.from}::date AND ${span.to}::date) AS new_clients,
             sum(ca.assets) FILTER (WHERE ${openAt('c', span.to)}) AS assets
           FROM clients c LEFT JOIN ca ON ca.client_id = c.id
           WHERE c.client_manager_id IS NOT NULL ${inBranch(s, 'c.branch_id')} GROUP BY c.client_manager_id),
    tr AS (SELECT c.client_manager_id AS manager_id, sum(t.amount) AS turnover, sum(t.commission) AS commission
           FROM trades t JOIN clients c ON c.id = t.client_id
           WHERE t.business_date BETWEEN ${span.from}::date AND ${span.to}::date AND c.client_manager_id IS NOT NULL
             ${inBranch(s, 't.branch_id')}
           GROUP BY c.client_manager_id)
    SELECT cm.id AS manager_id, cm.name, coalesce(cl.clients, 0)::int AS clients, coalesce(cl.new_clients, 0)::int AS new_clients,
      coalesce(cl.assets, 0)::text AS assets, coalesce(tr.turnover, 0)::text AS turnover, coalesce(tr.commission, 0)::text AS commission
    FROM client_managers cm LEFT JOIN cl ON cl.manager_id = cm.id LEFT JOIN tr ON tr.manager_id = cm.id
    WHERE true ${inBranch(s, 'cm.branch_id')}
    ORDER BY coalesce(tr.turnover, 0) DESC, cm.code`.execute(s.db);
  return rows;
}
