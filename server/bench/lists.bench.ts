import { connect } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';
import { createApp } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { scratchDatabase } from '../test/scratch-database.js';
import { seedDemo } from '../../seeds/src/demo.seed.js';
import { firstTradingDayFrom } from '../../seeds/src/parameters.seed.js';
import { fig, measure } from './harness.js';

/**
 * Every list's first page as the screen asks for it (25 rows, the default order, through HTTP
 * with the session), and the batched name lookup that follows it (getMany of the page's clients),
 * on the demo branch at scale 1 with BENCH_LIST_DAYS (default 30) days of history, on the engine
 * DATABASE_URL selects: p50 and p95 of 20 requests after 2 warm-ups. Target (issue 11): p95 < 300 ms.
 */
const days = Number(process.env.BENCH_LIST_DAYS ?? 30);
const url = process.env.DATABASE_URL;
const scratch = url ? await scratchDatabase(url, `bc_bench_lists_${process.pid}`) : undefined;
const conn = await connect(scratch ? { databaseUrl: scratch.url } : {});
await migrate(conn.db);
const built = await measure(() =>
  seedDemo(conn.db, { seed: 1, scale: 1, days, open: firstTradingDayFrom('2026-12-01'), demoPassword: 'Bench2026x' }),
);
const app = createApp({ db: conn.db, clock: systemClock, dbKind: conn.kind });

async function session(username: string) {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Bench2026x' }),
  });
  const cookie = /sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
  return { cookie: `sid=${cookie}` };
}
const as = { manager: await session('manager'), admin: await session('admin'), clerk: await session('clerk') };

/** The lists of the console and who opens them. */
const LISTS: [string, keyof typeof as][] = [
  ['clients', 'manager'],
  ['fund_accounts', 'manager'],
  ['fund_journal', 'manager'],
  ['orders', 'manager'],
  ['trades', 'manager'],
  ['positions', 'manager'],
  ['bank_transfers', 'clerk'],
  ['day_end_runs', 'manager'],
  ['audit_log', 'manager'],
  ['operators', 'admin'],
  ['roles', 'admin'],
  ['approvals', 'manager'],
  ['securities', 'admin'],
  ['trading_calendar', 'admin'],
  ['closing_prices', 'admin'],
  ['market_totals', 'admin'],
];

async function timed(path: string, who: keyof typeof as) {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 22; i++) {
    const t0 = performance.now();
    const res = await app.request(path, { headers: as[who] });
    const body = (await res.json()) as unknown[];
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    if (i >= 2) times.push(performance.now() - t0);
    rows = Array.isArray(body) ? body.length : 0;
  }
  times.sort((a, b) => a - b);
  const pct = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { rows, p50: pct(0.5), p95: pct(0.95) };
}

const label = scratch ? 'PostgreSQL 15' : 'PGlite (embedded)';
console.log(
  `\n## list first pages on ${label}: demo branch scale 1, ${days} trading days (built in ${fig(built.seconds)} s)`,
);
console.log('| list | rows | p50 ms | p95 ms |');
console.log('|---|---:|---:|---:|');
for (const [resource, who] of LISTS) {
  const r = await timed(`/api/${resource}?range=${encodeURIComponent('[0,24]')}`, who);
  console.log(`| ${resource} | ${r.rows} | ${fig(r.p50, 0)} | ${fig(r.p95, 0)} |`);
}
// the names a page of trades shows come in one batched request (react-admin's getMany)
const page = (await (
  await app.request(`/api/trades?range=${encodeURIComponent('[0,24]')}`, { headers: as.manager })
).json()) as {
  client_id: number;
}[];
const ids = [...new Set(page.map((t) => t.client_id))];
const names = await timed(`/api/clients?filter=${encodeURIComponent(JSON.stringify({ id: ids }))}`, 'manager');
console.log(
  `| clients getMany (the ${ids.length} names of a page of trades) | ${names.rows} | ${fig(names.p50, 0)} | ${fig(names.p95, 0)} |`,
);
await conn.close();
await scratch?.drop();
