import { sql } from 'kysely';
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
 * branch comparison with head office's), on the demo branch at BENCH_KPI_SCALE (default 1; 100 ≈
 * 1.43 M clients) with BENCH_KPI_DAYS (default 250) trading days of history, on the engine
 * DATABASE_URL selects: p50 and p95 of BENCH_KPI_RUNS (default 20) requests after 2 warm-ups, and the seconds of day-end's
 * summaries step. BENCH_KEEP=1 on PostgreSQL reuses the report bench's database bc_bench_preview
 * (reports/bench/preview.bench.ts; bc_bench_kpis_s<scale> at another scale) when it holds as many
 * days, and keeps it.
 */
const days = Number(process.env.BENCH_KPI_DAYS ?? 250);
const scale = Number(process.env.BENCH_KPI_SCALE ?? 1);
/** requests measured per call after 2 warm-ups (0: build and keep the database only) */
const runs = Number(process.env.BENCH_KPI_RUNS ?? 20);
const url = process.env.DATABASE_URL;
const keep = !!process.env.BENCH_KEEP && !!url;
const keptName = scale === 1 ? 'bc_bench_preview' : `bc_bench_kpis_s${scale}`;
const reuse = keep && (await keptDatabase(url!, keptName, days));
const scratch = url
  ? reuse
    ? reuse
    : await scratchDatabase(url, keep ? keptName : `bc_bench_kpis_${process.pid}`)
  : undefined;
const conn = await connect(scratch ? { databaseUrl: scratch.url } : {});
await migrate(conn.db);
const built = reuse
  ? { seconds: 0 }
  : await measure(() =>
      seedDemo(conn.db, {
        seed: 1,
        scale,
        days,
        open: firstTradingDayFrom('2026-12-01'),
        demoPassword: 'Bench2026x',
        onProgress: (line) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
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
  const { csrf_token } = (await res.json()) as { csrf_token: string };
  return { cookie: `sid=${/sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!}`, csrf: csrf_token };
}
const sessions = { manager: await session('manager'), hq: await session('hq') };
const as = { manager: sessions.manager.cookie, hq: sessions.hq.cookie };
const csrf = { manager: sessions.manager.csrf };

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

const step = await conn.db
  .selectFrom('day_end_steps')
  .select((eb) => [
    eb.fn.countAll<number>().as('n'),
    sql<string>`avg(extract(epoch FROM finished_at - started_at))::numeric(10,2)::text`.as('avg'),
    sql<string>`max(extract(epoch FROM finished_at - started_at))::numeric(10,2)::text`.as('max'),
  ])
  .where('name', '=', 'summaries')
  .where('status', '=', 'completed')
  .executeTakeFirstOrThrow();
const label = scratch ? 'PostgreSQL' : 'PGlite (embedded)';
console.log(
  `\n## KPI API on ${label}: demo branch scale ${scale}, ${days} trading days, last closed ${last} (built in ${fig(built.seconds)} s${reuse ? `, reused ${keptName}` : ''})`,
);
console.log(`day-end step summaries: ${step.n} runs, ${step.avg} s on average, ${step.max} s at most`);
console.log('| request | as | p50 ms | p95 ms |');
console.log('|---|---|---:|---:|');
// BENCH_KPI_ONLY=segments skips the API calls; BENCH_KPI_CALLS=trend,tiers,… runs only those (at
// scale 100 a short history's 环比/同比 lie before its first summary and are computed live: minutes)
const only = process.env.BENCH_KPI_CALLS?.split(',');
const chosen = CALLS.filter(([path]) => !only || only.some((o) => path.startsWith(`/api/kpis/${o}`)));
for (const [path, who] of runs > 0 && process.env.BENCH_KPI_ONLY !== 'segments' ? chosen : []) {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
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
// 客户分群: a refresh by hand (the day-end step does the same at month-end), three times
if (runs > 0 && process.env.BENCH_SEGMENTS !== '0') {
  const seconds: number[] = [];
  let clients = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const res = await app.request('/api/segments/refresh', {
      method: 'POST',
      headers: { cookie: as.manager, 'content-type': 'application/json', 'x-csrf-token': csrf.manager },
      body: '{}',
    });
    if (res.status !== 200) throw new Error(`segments: ${res.status} ${await res.text()}`);
    clients = ((await res.json()) as { runs: { clients: number }[] }).runs.reduce((n, r) => n + r.clients, 0);
    seconds.push((performance.now() - t0) / 1000);
  }
  console.log(
    `segmentation (POST /api/segments/refresh): ${clients.toLocaleString('en-US')} clients, ${seconds.map((x) => fig(x, 1)).join(' / ')} s`,
  );
}
await conn.close();
if (!keep) await scratch?.drop();
