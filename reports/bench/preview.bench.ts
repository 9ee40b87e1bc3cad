import { connect } from '../../server/src/db/connect.js';
import { migrate } from '../../server/src/db/migrate.js';
import { scratchDatabase } from '../../server/test/scratch-database.js';
import { fig, measure } from '../../server/bench/harness.js';
import { seedDemo } from '../../seeds/src/demo.seed.js';
import { firstTradingDayFrom } from '../../seeds/src/parameters.seed.js';
import { REPORTS } from '../src/registry.js';
import { prepare, preview } from '../src/run.js';
import { keptDatabase } from '../../server/bench/kept-database.js';

/**
 * The on-screen preview's first page (50 rows, with its 小计/合计 from SQL) of every report, on
 * the demo branch at scale 1 with a year of history (BENCH_PREVIEW_DAYS, default 250 trading days),
 * on the engine DATABASE_URL selects (PGlite when unset): p50 and p95 of 20 runs after 2 warm-ups,
 * with the default parameters (the last closed day; the month to date) and, for the period
 * reports, the whole year.
 */
const days = Number(process.env.BENCH_PREVIEW_DAYS ?? 250);
const url = process.env.DATABASE_URL;
// BENCH_KEEP=1 keeps the PostgreSQL database (bc_bench_preview) and reuses it on the next run
const keep = !!process.env.BENCH_KEEP && !!url;
const reuse = keep && (await keptDatabase(url!, 'bc_bench_preview', days));
const scratch = url
  ? reuse
    ? reuse
    : await scratchDatabase(url, keep ? 'bc_bench_preview' : `bc_bench_preview_${process.pid}`)
  : undefined;
const conn = await connect(scratch ? { databaseUrl: scratch.url } : {});
await migrate(conn.db);
const open = firstTradingDayFrom('2026-12-01');
const built = reuse
  ? {
      seconds: 0,
      result: {
        start: (
          await conn.db
            .selectFrom('day_end_runs')
            .select((eb) => eb.fn.min('business_date').as('d'))
            .executeTakeFirstOrThrow()
        ).d!,
      },
    }
  : await measure(() => seedDemo(conn.db, { seed: 1, scale: 1, days, open, demoPassword: 'Bench2026x' }));
const label = scratch ? 'PostgreSQL 15' : 'PGlite (embedded)';
console.log(
  `\n## report preview, first page, on ${label}: demo branch scale 1, ${days} trading days (built in ${fig(built.seconds)} s)`,
);
const op = await conn.db
  .selectFrom('operators')
  .innerJoin('branches', 'branches.id', 'operators.branch_id')
  .select(['operators.id', 'operators.name', 'branches.id as branch_id', 'branches.name as branch_name'])
  .where('username', '=', 'manager')
  .executeTakeFirstOrThrow();
const runner = { id: op.id, name: op.name, branch: { id: op.branch_id, name: op.branch_name }, all_branches: false };
const client = await conn.db
  .selectFrom('trades')
  .select('client_id')
  .groupBy('client_id')
  .orderBy((eb) => eb.fn.countAll(), 'desc')
  .limit(1)
  .executeTakeFirstOrThrow();
// a voucher's entry: the last deposit of the history
const deposit = await conn.db
  .selectFrom('fund_journal_all')
  .select((eb) => eb.fn.max('id').as('id'))
  .where('type', '=', 'deposit')
  .executeTakeFirstOrThrow();
const last = (
  await conn.db
    .selectFrom('day_end_runs')
    .select((eb) => eb.fn.max('business_date').as('d'))
    .executeTakeFirstOrThrow()
).d!;
// the longest period a report reads: 366 days back from the last closed day, or the history's start
const before = new Date(Date.parse(`${last}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
const yearBack = built.result.start > before ? built.result.start : before;
console.log('| report | parameters | rows | p50 ms | p95 ms |');
console.log('|---|---|---:|---:|---:|');
for (const def of REPORTS) {
  const variants: [string, Record<string, string>][] = [['default', {}]];
  if (def.params.some((p) => p.kind === 'date_from')) variants.push(['a year', { date_from: yearBack }]);
  for (const [name, extra] of variants) {
    const raw = {
      ...extra,
      ...(def.params.some((p) => p.kind === 'client' && p.required) ? { client_id: String(client.client_id) } : {}),
      ...(def.params.some((p) => p.name === 'entry_id') ? { entry_id: String(deposit.id) } : {}),
    };
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 22; i++) {
      const t0 = performance.now();
      const p = await prepare(def, raw, { db: conn.db, cursor: !!scratch, runner, lang: 'zh', at: new Date() });
      const page = await preview(p, 1, 50);
      if (i >= 2) times.push(performance.now() - t0);
      rows = page.total_rows;
    }
    times.sort((a, b) => a - b);
    const pct = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
    console.log(
      `| ${def.title.zh} ${def.id} | ${name} | ${rows.toLocaleString('en-US')} | ${fig(pct(0.5), 0)} | ${fig(pct(0.95), 0)} |`,
    );
  }
}
await conn.close();
if (!keep) await scratch?.drop();
