import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { clientAssetsAt, openAt } from '../kpis/kpis.sql.js';
import { type Figures, INDICATORS, parseIndicators, type Segment, SEGMENTS } from './segments.rules.js';

/** The segmentation's parameters (system parameters, category kpi). */
export interface SegmentRules {
  indicators: (typeof INDICATORS)[number][];
  k: number;
  seed: number;
  window_days: number;
  daily: boolean;
}

export async function segmentRules(db: Db): Promise<SegmentRules> {
  const rows = await db
    .selectFrom('system_params')
    .select(['key', 'value'])
    .where('key', 'in', ['segment_indicators', 'segment_k', 'segment_seed', 'segment_window_days', 'segment_daily'])
    .execute();
  const v = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return {
    // the parameter's own check keeps a bad list out; the defaults are the migration's values
    indicators: parseIndicators(v.segment_indicators ?? '') ?? [...INDICATORS],
    k: Number(v.segment_k ?? 5),
    seed: Number(v.segment_seed ?? 20101231),
    window_days: Number(v.segment_window_days ?? 365),
    daily: v.segment_daily === 'true',
  };
}

/** The first business date whose day-end completed (null before any). */
export async function firstClosedDay(db: Db): Promise<string | null> {
  const r = await db
    .selectFrom('day_end_runs')
    .select((eb) => eb.fn.min('business_date').as('d'))
    .where('status', '=', 'completed')
    .executeTakeFirst();
  return (r?.d as string | null | undefined) ?? null;
}

/** A client's figures over the window as SQL gives them (decimals as text). */
export interface ClientFigures {
  client_id: number;
  assets: string;
  market_value: string;
  trade_count: number;
  commission: string;
  turnover: string;
  turnover_rate: string;
  pnl: string;
}

/**
 * Every client of the branch open at `asOf`, in id order, with the indicators of the research:
 * assets and market value at the close of `asOf` (as the KPIs and 资金余额/证券余额 count them),
 * trades, commission and turnover (buy + sell) in the window `from`…`asOf`, 换手率 = turnover over
 * the mean of the assets at the window's two ends, and 盈亏 = assets at the end − assets before the
 * window − net cash brought in (deposits and transfers in, less withdrawals and transfers out).
 */
export async function clientFigures(
  db: Db,
  scope: { branchId: number; openDate: string },
  asOf: string,
  from: string,
): Promise<ClientFigures[]> {
  const before = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const { rows } = await sql<ClientFigures>`
    WITH ca AS (${clientAssetsAt(scope, asOf)}),
    cb AS (${clientAssetsAt(scope, before)}),
    tr AS (SELECT client_id, count(*) AS n, sum(commission) AS commission, sum(amount) AS turnover FROM trades
           WHERE business_date BETWEEN ${from}::date AND ${asOf}::date AND branch_id = ${scope.branchId} GROUP BY client_id),
    fl AS (SELECT a.client_id, sum(j.amount) AS net_inflow FROM fund_journal_all j JOIN fund_accounts a ON a.id = j.account_id
           WHERE j.business_date BETWEEN ${from}::date AND ${asOf}::date AND j.branch_id = ${scope.branchId} AND a.currency = 'CNY'
             AND j.type IN ('deposit', 'bank_in', 'transfer_in', 'remit_in', 'withdrawal', 'bank_out', 'transfer_out', 'remit_out')
           GROUP BY a.client_id)
    SELECT c.id AS client_id,
      coalesce(ca.assets, 0)::text AS assets, coalesce(ca.market_value, 0)::text AS market_value,
      coalesce(tr.n, 0)::int AS trade_count, coalesce(tr.commission, 0)::text AS commission,
      coalesce(tr.turnover, 0)::text AS turnover,
      coalesce(round(tr.turnover / nullif((coalesce(cb.assets, 0) + coalesce(ca.assets, 0)) / 2, 0), 4), 0)::text AS turnover_rate,
      (coalesce(ca.assets, 0) - coalesce(cb.assets, 0) - coalesce(fl.net_inflow, 0))::text AS pnl
    FROM clients c
    LEFT JOIN ca ON ca.client_id = c.id LEFT JOIN cb ON cb.client_id = c.id
    LEFT JOIN tr ON tr.client_id = c.id LEFT JOIN fl ON fl.client_id = c.id
    WHERE c.branch_id = ${scope.branchId} AND ${openAt('c', asOf)}
    ORDER BY c.id`.execute(db);
  return rows;
}

/** The figures the clustering reads (numbers; the stored ones stay decimal text). */
export const asNumbers = (r: ClientFigures): Figures => ({
  assets: Number(r.assets),
  market_value: Number(r.market_value),
  trade_count: r.trade_count,
  commission: Number(r.commission),
  turnover: Number(r.turnover),
  turnover_rate: Number(r.turnover_rate),
  pnl: Number(r.pnl),
});

/** A group's profile: its size and sums, as the screen and the run's history show them. */
export interface GroupProfile {
  segment: Segment;
  clients: number;
  assets: string;
  market_value: string;
  commission: string;
  turnover: string;
  trade_count: number;
  avg_turnover_rate: string;
  pnl: string;
}

export interface RunRecord {
  branch_id: number;
  as_of: string;
  window_from: string;
  k: number;
  seed: number;
  indicators: string;
  iterations: number;
  converged: boolean;
  source: 'day_end' | 'manual' | 'seed';
  created_by: number | null;
  created_at: Date;
  ms: number;
}

/**
 * Stores a run: the clients' figures and groups (in batches, one statement each), the groups'
 * profiles computed in SQL from what was stored, and drops the branch's older runs' client rows.
 */
export async function saveRun(
  db: Db,
  run: RunRecord,
  clients: { figures: ClientFigures; segment: Segment }[],
): Promise<{ id: number; groups: GroupProfile[] }> {
  const { id } = await db
    .insertInto('segment_runs')
    .values({ ...run, clients: clients.length, groups: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < clients.length; i += 2_000)
    await db
      .insertInto('client_segments')
      .values(
        clients.slice(i, i + 2_000).map(({ figures: f, segment }) => ({
          run_id: id,
          client_id: f.client_id,
          branch_id: run.branch_id,
          segment,
          assets: f.assets,
          market_value: f.market_value,
          trade_count: f.trade_count,
          commission: f.commission,
          turnover: f.turnover,
          turnover_rate: f.turnover_rate,
          pnl: f.pnl,
        })),
      )
      .execute();
  const { rows } = await sql<GroupProfile>`
    SELECT s.segment, count(cs.client_id)::int AS clients, coalesce(sum(cs.assets), 0)::text AS assets,
      coalesce(sum(cs.market_value), 0)::text AS market_value, coalesce(sum(cs.commission), 0)::text AS commission,
      coalesce(sum(cs.turnover), 0)::text AS turnover, coalesce(sum(cs.trade_count), 0)::int AS trade_count,
      coalesce(round(avg(cs.turnover_rate), 4), 0)::text AS avg_turnover_rate, coalesce(sum(cs.pnl), 0)::text AS pnl
    FROM (VALUES ${sql.join(SEGMENTS.map((seg, i) => sql`(${seg}, ${i})`))}) AS s(segment, ord)
    LEFT JOIN client_segments cs ON cs.run_id = ${id} AND cs.segment = s.segment
    GROUP BY s.segment, s.ord ORDER BY s.ord`.execute(db);
  const groups = rows.filter((g) => g.clients > 0);
  await db
    .updateTable('segment_runs')
    .set({ groups: JSON.stringify(groups) })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('client_segments').where('branch_id', '=', run.branch_id).where('run_id', '<', id).execute();
  return { id, groups };
}

/** The branch's latest run (null before the first). */
export async function latestRun(db: Db, branchId: number) {
  return (
    (await db
      .selectFrom('segment_runs')
      .selectAll()
      .where('branch_id', '=', branchId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()) ?? null
  );
}

/** The latest run of every branch that has one (head office's view of all branches). */
export async function latestRuns(db: Db) {
  return db
    .selectFrom('segment_runs as r')
    .selectAll('r')
    .where(({ eb, selectFrom }) =>
      eb(
        'r.id',
        'in',
        selectFrom('segment_runs')
          .select((e) => e.fn.max('id').as('id'))
          .groupBy('branch_id'),
      ),
    )
    .orderBy('r.branch_id')
    .execute();
}
