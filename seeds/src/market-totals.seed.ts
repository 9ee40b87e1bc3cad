import { sql } from 'kysely';
import type { Db } from '../../server/src/db/connect.js';
import { DEMO_BRANCH } from './demo-branch.js';
import { draw } from './population/draws.js';

/** DOMAIN.md §6/§7: the branch's market share, 万分之三点八六. */
export const MARKET_SHARE = 0.000386;

/**
 * §7: the branch turns over 16.85亿 CNY a year in about 243 trading days. A day without branch
 * turnover to derive from (none at all in the range) takes the market that implies.
 */
const BRANCH_DAILY_TURNOVER = 1_685_000_000 / 243;

/** Shanghai's part of the two A-share markets' turnover, around which days vary (Shenzhen trades more). */
const SH_PART = { mid: 0.43, spread: 0.06 } as const;

/** Day-to-day noise of the branch's share: the market's figure is branch / (share × [0.8, 1.2]). */
const NOISE = 0.2;

/**
 * Fills 市场成交总额 (market_totals) for each SH-A trading day in [from, to] so that the branch's
 * turnover (daily_summaries, written by day-end) over the SH-A + SZ-A total is `share` give or
 * take NOISE, split between the two markets in a realistic ratio. A day the branch did not
 * trade gets the market of a typical day of the range (the median of the branch's trading days)
 * with the same noise, so the series has no holes. Deterministic per seed and date (the figure
 * of a day does not depend on the range asked for); a day already present is replaced, so
 * running it after more history is built brings the figures in line.
 *
 * Like the other parameter tables filled by the seed, no audit row: this is reference data the
 * install starts with, not something an operator entered. Returns the number of days filled.
 */
export async function seedMarketTotals(
  db: Db,
  opts: { seed: number; from: string; to: string; share: number; branchId?: number },
): Promise<{ days: number }> {
  if (!(opts.share > 0 && opts.share < 1)) throw new Error(`market totals: share ${opts.share} must lie in (0, 1)`);
  const branch =
    opts.branchId ??
    (await db.selectFrom('branches').select('id').where('code', '=', DEMO_BRANCH.code).executeTakeFirstOrThrow()).id;
  const streams = { seed: opts.seed, stream: 0 };
  const day = sql`(d.date - '2000-01-01'::date)`;
  const noise = sql`(${1 - NOISE}::float8 + ${2 * NOISE}::float8 * ${draw(streams, 62, day)})::numeric`;
  const shPart = sql`(${SH_PART.mid - SH_PART.spread / 2}::float8 + ${SH_PART.spread}::float8 * ${draw(streams, 63, day)})::numeric`;
  const r = await sql`
    WITH d AS (
      SELECT c.date, coalesce(s.turnover, 0) AS turnover
      FROM trading_calendar c LEFT JOIN daily_summaries s ON s.business_date = c.date AND s.branch_id = ${branch}::bigint
      WHERE c.market = 'SH-A' AND c.is_trading_day AND c.date BETWEEN ${opts.from}::date AND ${opts.to}::date
    ),
    typical AS (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY turnover)::numeric AS turnover FROM d WHERE turnover > 0),
    total AS (
      SELECT d.date, d.turnover > 0 AS traded,
        CASE WHEN d.turnover > 0 THEN d.turnover ELSE coalesce((SELECT turnover FROM typical), ${BRANCH_DAILY_TURNOVER}::numeric) END / (${opts.share}::numeric * ${noise}) AS total,
        ${shPart} AS sh
      FROM d
    )
    INSERT INTO market_totals (business_date, market, turnover, note)
    SELECT t.date, m.market, round(t.total * m.part, 2),
      CASE WHEN t.traded THEN '演示数据：按本营业部当日成交额推算' ELSE '演示数据：本营业部当日无成交，按典型交易日推算' END
    FROM total t CROSS JOIN LATERAL (VALUES ('SH-A', t.sh), ('SZ-A', 1 - t.sh)) AS m(market, part)
    ORDER BY t.date, m.market
    ON CONFLICT (business_date, market) DO UPDATE SET turnover = EXCLUDED.turnover, note = EXCLUDED.note, version = market_totals.version + 1, updated_at = now()`.execute(
    db,
  );
  return { days: Number(r.numAffectedRows ?? 0) / 2 };
}
