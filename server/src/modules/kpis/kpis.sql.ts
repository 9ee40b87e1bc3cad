import { type RawBuilder, sql } from 'kysely';
import { accountsAt, inBranch, positionsAt } from '../../../../reports/src/sql.js';

/** The branch (null = every branch) and the open business date a KPI fragment reads under. */
export interface KpiSqlScope {
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

/**
 * Each client's assets at the close of `date`, in CNY: cash = the CNY fund balances as 资金余额
 * reads them (accountsAt), market value = holdings in CNY markets × that day's close, to the cent,
 * as 证券余额 computes it (positionsAt). One row per client with any of either. Shared by the live
 * KPI queries and day-end's 数据汇总, which stores it per branch at each close.
 */
export function clientAssetsAt(s: KpiSqlScope, date: string): RawBuilder<unknown> {
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
export const openAt = (alias: string, date: string) =>
  sql`${sql.ref(`${alias}.opened_on`)} <= ${date}::date AND (${sql.ref(`${alias}.closed_on`)} IS NULL OR ${sql.ref(`${alias}.closed_on`)} > ${date}::date)`;

/**
 * 有效户 (DOMAIN.md §6): open at `date` and either traded within `active_account_days` up to
 * `date` or holding assets ≥ `active_account_assets`. Needs `ca` (clientAssetsAt(date)) and
 * `traded` (tradedWithin(date)) joined on the client.
 */
export const isActive = (rules: KpiRules) =>
  sql`(coalesce(ca.assets, 0) >= ${rules.active_account_assets}::numeric OR traded.client_id IS NOT NULL)`;

/** The clients who traded within `active_account_days` up to `date` (one set-based pass over trades). */
export const tradedWithin = (s: Pick<KpiSqlScope, 'branchId'>, rules: KpiRules, date: string) => sql`
  SELECT DISTINCT client_id FROM trades
  WHERE business_date > ${date}::date - ${rules.active_account_days}::int AND business_date <= ${date}::date
    ${inBranch(s, 'branch_id')}`;

/**
 * Where the tier fragment reads each client's assets and the recent traders from: by default the
 * fragments above; day-end passes tables it filled with them once for every scope it stores.
 */
export interface TierSources {
  ca: RawBuilder<unknown>;
  traded: RawBuilder<unknown>;
}

/**
 * Clients open at `date` in tiers (rows kind, tier, ord, clients, assets; every tier, empty ones
 * with 0). By assets (cash + market value in CNY at that day's close): large ≥ tier_large_min,
 * medium ≥ tier_medium_min, small below. By contribution, from the commission each client paid in
 * the year up to `date` (date − 1 year, exclusive … date): of the clients who paid any, ranked by
 * it, the top contribution_core_share (cume_dist, default 20 %) are core 核心, the rest up to
 * contribution_quality_share (default 50 %) quality 优质; every other client is active 有效 when
 * 有效户, else dormant 沉寂. The ranking is over the scope's clients (a branch, or all of them).
 */
export function tierCounts(s: KpiSqlScope, date: string, rules: KpiRules, from?: TierSources): RawBuilder<unknown> {
  const src = from ?? { ca: clientAssetsAt(s, date), traded: tradedWithin(s, rules, date) };
  return sql`
    WITH ca AS (${src.ca}),
    traded AS (${src.traded}),
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
    )
    SELECT tiers.kind, tiers.tier, tiers.ord, count(tagged.assets) AS clients, coalesce(sum(tagged.assets), 0) AS assets
    FROM ${TIERS} LEFT JOIN tagged
      ON (tiers.kind = 'assets' AND tagged.by_assets = tiers.tier) OR (tiers.kind = 'contribution' AND tagged.by_contribution = tiers.tier)
    GROUP BY tiers.kind, tiers.tier, tiers.ord`;
}

/** Every tier of both kinds, in display order. */
export const TIERS = sql`(VALUES ('assets', 'large', 1), ('assets', 'medium', 2), ('assets', 'small', 3),
      ('contribution', 'core', 1), ('contribution', 'quality', 2), ('contribution', 'active', 3), ('contribution', 'dormant', 4))
      AS tiers (kind, tier, ord)`;
