import { connect } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';
import { createApp } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { scratchDatabase } from '../test/scratch-database.js';
import { seedDemo } from '../../seeds/src/demo.seed.js';
import { firstTradingDayFrom } from '../../seeds/src/parameters.seed.js';
import { fig, measure } from './harness.js';
import { keptDatabase } from './kept-database.js';

/**
 * Every KPI endpoint (server/src/modules/kpis) through HTTP with the manager's session (the
 * branch comparison with head office's), on the demo branch at scale 1 with BENCH_KPI_DAYS
 * (default 250) trading days of history, on the engine DATABASE_URL selects: p50 and p95 of 20
 * requests after 2 warm-ups. BENCH_KEEP=1 on PostgreSQL reuses the report bench's database
 * bc_bench_preview (reports/bench/preview.bench.ts) when it holds as many days, and keeps it.
 */
const days = Number(process.env.BENCH_KPI_DAYS ?? 250);
const url = process.env.DATABASE_URL;
const keep = !!process.env.BENCH_KEEP && !!url;
const reuse = keep && (await keptDatabase(url!, 'bc_bench_preview', days));
const scratch = url
  ? reuse
    ? reuse
    : await scratchDatabase(url, keep ? 'bc_bench_preview' : `bc_bench_kpis_${process.pid}`)
  : undefined;
const conn = await connect(scratch ? { databaseUrl: scratch.url } : {});
await migrate(conn.db);
const built = reuse
  ? { seconds: 0 }
  : await measure(() =>
      seedDemo(conn.db, {
        seed: 1,
        scale: 1,
        days,
        open: firstTradingDayFrom('2026-12-01'),
        demoPassword: 'Bench2026x',
      }),
    );
const app = createApp({ db: conn.db, clock: systemClock, dbKind: conn.kind });

async function session(username: string) {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Bench2026x' }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return `sid=${/sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!}`;
}
const as = { manager: await session('manager'), hq: await session('hq') };

const last = (
  await conn.db
    .selectFrom('day_end_runs')
    .select((eb) => eb.fn.max('business_date').as('d'))
    .where('status', '=', 'completed')
    .executeTakeFirstOrThrow()
).d!;
const monthStart = `${last.slice(0, 8)}01`;
const yearBack = new Date(Date.parse(`${last}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);

const CALLS: [string, keyof typeof as][] = [
  ['/api/kpis/summary', 'manager'],
  [`/api/kpis/summary?date=${last}&period=day`, 'manager'],
  [`/api/kpis/summary?date=${last}&period=ytd`, 'manager'],
  [`/api/kpis/trend?from=${yearBack}&to=${last}&granularity=day`, 'manager'],
  [`/api/kpis/trend?from=${yearBack}&to=${last}&granularity=month`, 'manager'],
  [`/api/kpis/tiers?date=${last}`, 'manager'],
  [`/api/kpis/rankings?from=${monthStart}&to=${last}&by=clients&metric=turnover&top=10`, 'manager'],
  [`/api/kpis/rankings?from=${yearBack}&to=${last}&by=securities&metric=commission&top=10`, 'manager'],
  [`/api/kpis/managers?from=${monthStart}&to=${last}`, 'manager'],
  ['/api/kpis/summary', 'hq'],
  ['/api/kpis/branches?period=month', 'hq'],
];

const label = scratch ? 'PostgreSQL' : 'PGlite (embedded)';
console.log(
  `\n## KPI API on ${label}: demo branch scale 1, ${days} trading days, last closed ${last} (built in ${fig(built.seconds)} s${reuse ? ', reused bc_bench_preview' : ''})`,
);
console.log('| request | as | p50 ms | p95 ms |');
console.log('|---|---|---:|---:|');
for (const [path, who] of CALLS) {
  const times: number[] = [];
  for (let i = 0; i < 22; i++) {
    const t0 = performance.now();
    const res = await app.request(path, { headers: { cookie: as[who] } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    if (i >= 2) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const pct = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  console.log(`| \`${path.replace('/api/kpis/', '')}\` | ${who} | ${fig(pct(0.5), 0)} | ${fig(pct(0.95), 0)} |`);
}
await conn.close();
if (!keep) await scratch?.drop();
