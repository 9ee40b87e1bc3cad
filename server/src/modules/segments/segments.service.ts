import type { Db } from '../../db/connect.js';
import { type Actor, audit } from '../audit/audit.service.js';
import { nextTradingDayOf } from '../calendar/calendar.service.js';
import type { Step } from '../day-end/day-end.step.js';
import {
  asNumbers,
  clientFigures,
  firstClosedDay,
  type GroupProfile,
  saveRun,
  segmentRules,
} from './segments.repository.js';
import { segment } from './segments.rules.js';

const dayBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export interface RefreshResult {
  branch_id: number;
  run_id: number;
  clients: number;
  groups: GroupProfile[];
  ms: number;
}

/**
 * Segments the clients of each branch that has any, as at the close of `asOf`, with the
 * parameters in force now (so a changed k, seed or indicator list shows from this refresh on).
 * Each branch is clustered on its own: a branch manager's groups are their own clients'.
 */
export async function refreshSegments(
  db: Db,
  opts: { asOf: string; openDate: string; branchIds: number[]; source: 'day_end' | 'manual' | 'seed'; actor: Actor },
): Promise<RefreshResult[]> {
  const rules = await segmentRules(db);
  // the window starts no earlier than the day after the books' first closed day: before it the
  // journals know nothing (a branch's opening balances are taken on that day), and a client's
  // holdings would count as profit
  const first = await firstClosedDay(db);
  let from = dayBefore(opts.asOf, rules.window_days - 1);
  if (first && first < opts.asOf && from <= first) from = dayBefore(first, -1);
  const out: RefreshResult[] = [];
  for (const branchId of opts.branchIds) {
    const started = Date.now();
    const figures = await clientFigures(db, { branchId, openDate: opts.openDate }, opts.asOf, from);
    if (figures.length === 0) continue;
    const c = segment(figures.map(asNumbers), rules);
    if (c.segments.length === 0) continue;
    const ms = Date.now() - started;
    const saved = await saveRun(
      db,
      {
        branch_id: branchId,
        as_of: opts.asOf,
        window_from: from,
        k: rules.k,
        seed: rules.seed,
        indicators: rules.indicators.join(','),
        iterations: c.iterations,
        converged: c.converged,
        source: opts.source,
        created_by: opts.actor.operator_id,
        created_at: opts.actor.at,
        ms,
      },
      figures.map((f, i) => ({ figures: f, segment: c.segments[i]! })),
    );
    out.push({ branch_id: branchId, run_id: saved.id, clients: figures.length, groups: saved.groups, ms });
  }
  if (opts.source === 'manual')
    await audit(db, opts.actor, {
      action: 'segment_refresh',
      resource: 'kpis',
      after: {
        as_of: opts.asOf,
        branches: out.map((r) => ({ branch_id: r.branch_id, run_id: r.run_id, clients: r.clients })),
      },
    });
  return out;
}

/** The branches that have clients (head office itself has none in the demo, but may). */
export async function branchesWithClients(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('clients').select('branch_id').distinct().orderBy('branch_id').execute();
  return rows.map((r) => r.branch_id);
}

/**
 * Day-end's 客户分群: on the month's last trading day (or every day when `segment_daily` is on),
 * re-segments every branch as at the day's close. Other days it does nothing and says so.
 */
export const segmentStep: Step = {
  name: 'segments',
  run: async ({ trx, date, actor }) => {
    const rules = await segmentRules(trx);
    const next = await nextTradingDayOf(trx, 'SH-A', date);
    const monthEnd = !next || next.slice(0, 7) !== date.slice(0, 7);
    if (!rules.daily && !monthEnd) return { rows: 0, detail: { key: 'day_end_step_segments_skipped' } };
    const runs = await refreshSegments(trx, {
      asOf: date,
      openDate: date,
      branchIds: await branchesWithClients(trx),
      source: 'day_end',
      actor,
    });
    const n = runs.reduce((s, r) => s + r.clients, 0);
    return { rows: n, detail: { key: 'day_end_step_segments', params: { branches: runs.length, clients: n } } };
  },
};
