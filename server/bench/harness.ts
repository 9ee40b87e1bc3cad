import { scratchDatabase } from '../test/scratch-database.js';
import { connect, type Connection } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';
import { createApp } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { seed } from '../../seeds/src/seed.js';
import { DEMO_BUSINESS_DATE } from '../../seeds/src/demo-branch.js';

export const BENCH_PASSWORD = 'Bench2026x';

/** A fresh seeded database for a benchmark: PGlite in memory, or a new PostgreSQL database when DATABASE_URL is set. */
export async function benchDb(): Promise<Connection & { label: string }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const scratch = await scratchDatabase(url, `bc_bench_${process.pid}`);
    const conn = await connect({ databaseUrl: scratch.url });
    await migrate(conn.db);
    await seed(conn.db, { demoPassword: BENCH_PASSWORD, businessDate: DEMO_BUSINESS_DATE });
    return {
      ...conn,
      label: 'PostgreSQL 15',
      async close() {
        await conn.close();
        await scratch.drop();
      },
    };
  }
  const conn = await connect({});
  await migrate(conn.db);
  await seed(conn.db, { demoPassword: BENCH_PASSWORD, businessDate: DEMO_BUSINESS_DATE });
  return { ...conn, label: 'PGlite (embedded)' };
}

export async function benchApp(conn: Connection, username = 'admin') {
  const app = createApp({ db: conn.db, clock: systemClock });
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  const cookie = /sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
  const me = (await res.json()) as { csrf_token: string };
  return { app, headers: { cookie: `sid=${cookie}`, 'x-csrf-token': me.csrf_token } };
}

/** Samples resident memory while `fn` runs; returns its result, the seconds it took and the peak RSS in MB. */
export async function measure<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakMb: number; baseMb: number }> {
  const baseMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const start = performance.now();
  try {
    const result = await fn();
    return {
      result,
      baseMb,
      seconds: (performance.now() - start) / 1000,
      peakMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024),
    };
  } finally {
    clearInterval(timer);
  }
}

/** A measured figure (seconds, milliseconds, megabytes) with `digits` decimals, for the printed report. */
export const fig = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
