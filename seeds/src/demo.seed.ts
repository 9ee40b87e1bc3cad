import type { Db } from '../../server/src/db/connect.js';
import { invariantViolations } from '../../server/src/modules/day-end/invariants.queries.js';
import { seed } from './seed.js';
import { seedPopulation, type PopulationSummary } from './population.seed.js';
import { seedHistory } from './history.seed.js';
import { tradingDaysBefore } from './parameters.seed.js';
import { MARKET_SHARE, seedMarketTotals } from './market-totals.seed.js';
import { grouped } from '../../reports/src/format.js';
import { branchesWithClients, refreshSegments } from '../../server/src/modules/segments/segments.service.js';

export interface DemoOptions {
  seed: number;
  /** 1 = the branch of DOMAIN.md §7 (≈ 14,300 clients, ≈ 350 trades a day); 100 = a large branch */
  scale: number;
  /** trading days of history before `open` */
  days: number;
  /** the business date the console opens on once the history is built */
  open: string;
  demoPassword: string;
  onProgress?: (line: string) => void;
}

/**
 * The demo branch from nothing: parameters and operators (seed), the client population as it
 * stood `days` trading days before `open`, then each of those days lived through the rules of
 * live operation ending with the real day-end, so the console opens on `open` with a history
 * behind it. Finally the whole-history invariant check of DOMAIN.md §3.3 proves the books.
 */
export async function seedDemo(db: Db, opts: DemoOptions) {
  const started = Date.now();
  const start = tradingDaysBefore(opts.open, opts.days);
  await seed(db, { demoPassword: opts.demoPassword, businessDate: start });
  let population: PopulationSummary | undefined;
  if (opts.scale > 0) {
    population = await seedPopulation(db, {
      seed: opts.seed,
      scale: opts.scale,
      asOf: start,
      at: new Date(`${start}T01:00:00Z`),
    });
    opts.onProgress?.(
      `population: ${population.clients.toLocaleString('en-US')} clients, ${grouped(population.clientFunds, 2)} CNY in ${(population.ms / 1000).toFixed(1)} s`,
    );
  }
  const history = await seedHistory(db, {
    seed: opts.seed,
    scale: opts.scale,
    days: opts.days,
    onDay: (date, i) => {
      if ((i + 1) % 20 === 0 || i + 1 === opts.days)
        opts.onProgress?.(
          `history: ${i + 1}/${opts.days} trading days (through ${date}) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
        );
    },
  });
  // per-day market totals, so the branch's market share comes out near 万分之3.86 (DOMAIN.md §7)
  const last = (await db
    .selectFrom('day_end_runs')
    .select((eb) => eb.fn.max('business_date').as('d'))
    .executeTakeFirst()) as { d: string | null } | undefined;
  if (last?.d) await seedMarketTotals(db, { seed: opts.seed, from: start, to: last.d, share: MARKET_SHARE });
  // a fresh install's 客户分群 screen shows groups as at the last closed day (day-end refreshes
  // them at month-end); the clustering reads the history just built
  if (last?.d) {
    const open = await db
      .selectFrom('system_params')
      .select('value')
      .where('key', '=', 'business_date')
      .executeTakeFirstOrThrow();
    const at = new Date(`${last.d}T10:00:00Z`);
    const runs = await db.transaction().execute(async (trx) =>
      refreshSegments(trx, {
        asOf: last.d!,
        openDate: open.value,
        branchIds: await branchesWithClients(trx),
        source: 'seed',
        actor: { operator_id: null, username: 'system', branch_id: null, ip: '', request_id: '', at },
      }),
    );
    const n = runs.reduce((s, r) => s + r.clients, 0);
    if (n)
      opts.onProgress?.(`segments: ${n.toLocaleString('en-US')} clients in ${runs.reduce((s, r) => s + r.ms, 0)} ms`);
  }
  const checked = Date.now();
  const broken = await invariantViolations(db, 'full');
  if (broken.length) throw new Error(`the seeded books break DOMAIN.md §3.3: ${broken.join(', ')}`);
  return {
    start,
    population,
    history,
    checkSeconds: (Date.now() - checked) / 1000,
    seconds: (Date.now() - started) / 1000,
  };
}
