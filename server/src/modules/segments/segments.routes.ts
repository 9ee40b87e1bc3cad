import { Decimal } from 'decimal.js';
import type { Context } from 'hono';
import type { Db } from '../../db/connect.js';
import { type AppEnv, branchScope } from '../../http/context.js';
import { badRequest, notFound } from '../../http/errors.js';
import { jsonBody, route, router, z } from '../../http/route.js';
import { actorOf } from '../audit/audit.service.js';
import { branchExists, businessDates } from '../kpis/kpis.queries.js';
import { type GroupProfile, latestRuns } from './segments.repository.js';
import { branchesWithClients, refreshSegments } from './segments.service.js';

const branchId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional();
const tags = ['kpis'];
type C = Context<AppEnv>;

/** The branch a request covers: an operator's own (another's id → 404); head office all or the one named. */
async function branchOf(c: C, requested: number | undefined): Promise<number | null> {
  const own = branchScope(c.get('me')!);
  if (
    requested !== undefined &&
    ((own !== null && requested !== own) || !(await branchExists(c.get('deps').db, requested)))
  )
    throw notFound();
  return requested ?? own;
}

/**
 * The segmentation as the screen shows it: the latest run of the branch (or of every branch,
 * for head office, with the groups summed across them: sizes and sums add, the average turnover
 * rate is weighted by each branch's group size) and the runs it is made of.
 */
async function view(db: Db, branch: number | null) {
  const runs = (await latestRuns(db)).filter((r) => branch === null || r.branch_id === branch);
  const names = new Map(
    (await db.selectFrom('branches').select(['id', 'name']).execute()).map((b) => [b.id, b.name] as const),
  );
  const bySegment = new Map<string, GroupProfile & { rate_weight: number }>();
  for (const run of runs)
    for (const g of run.groups as unknown as GroupProfile[]) {
      const acc = bySegment.get(g.segment);
      if (!acc) {
        bySegment.set(g.segment, { ...g, rate_weight: Number(g.avg_turnover_rate) * g.clients });
        continue;
      }
      for (const k of ['assets', 'market_value', 'commission', 'turnover', 'pnl'] as const)
        acc[k] = new Decimal(acc[k]).plus(g[k]).toFixed(2);
      acc.clients += g.clients;
      acc.trade_count += g.trade_count;
      acc.rate_weight += Number(g.avg_turnover_rate) * g.clients;
    }
  const groups = [...bySegment.values()].map(({ rate_weight, ...g }) => ({
    ...g,
    avg_turnover_rate: (rate_weight / Math.max(g.clients, 1)).toFixed(4),
  }));
  return {
    branch_id: branch,
    runs: runs.map((r) => ({
      branch_id: r.branch_id,
      branch_name: names.get(r.branch_id) ?? '',
      as_of: r.as_of,
      window_from: r.window_from,
      k: r.k,
      seed: r.seed,
      indicators: r.indicators.split(','),
      clients: r.clients,
      iterations: r.iterations,
      converged: r.converged,
      source: r.source,
      created_at: r.created_at,
      ms: r.ms,
    })),
    groups,
  };
}

export const segmentRoutes = router()
  .openapi(
    route('kpis.list', {
      method: 'get',
      path: '/segments',
      tags,
      summary:
        '客户分群 The latest behavioural segmentation of the branch (head office: every branch, or the one named): each group’s size, assets, commission and average turnover rate',
      request: { query: z.object({ branch_id: branchId }) },
    }),
    async (c) => c.json(await view(c.get('deps').db, await branchOf(c, c.req.valid('query').branch_id)), 200),
  )
  .openapi(
    route('kpis.run', {
      method: 'post',
      path: '/segments/refresh',
      tags,
      summary:
        '刷新客户分群 Re-segment the branch’s clients (head office: the branch named, or every branch) as at the last closed business date, with the parameters in force',
      request: jsonBody(z.strictObject({ branch_id: branchId })),
    }),
    async (c) => {
      const { db } = c.get('deps');
      const branch = await branchOf(c, c.req.valid('json').branch_id);
      const { openDate, lastClosed } = await businessDates(db);
      if (!lastClosed)
        throw badRequest({
          branch_id:
            c.get('lang') === 'zh'
              ? '尚无已日终的业务日，无法分群'
              : 'No business day has been closed yet: there is nothing to segment',
        });
      const branchIds = branch === null ? await branchesWithClients(db) : [branch];
      await db
        .transaction()
        .execute((trx) =>
          refreshSegments(trx, { asOf: lastClosed, openDate, branchIds, source: 'manual', actor: actorOf(c) }),
        );
      return c.json(await view(db, branch), 200);
    },
  );
