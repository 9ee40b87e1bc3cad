import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { serve } from '@hono/node-server';
import { connect } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';
import { createApp } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import type { Actor } from '../src/modules/audit/audit.service.js';
import { ExportJobs } from '../src/modules/export-jobs/export-jobs.service.js';
import { buildPackage, setReportArchive } from '../src/modules/report-packages/report-packages.service.js';
import { ProgressHub } from '../src/progress/progress.js';
import { scratchDatabase } from '../test/scratch-database.js';
import { seedDemo } from '../../seeds/src/demo.seed.js';
import { DEMO_BRANCH } from '../../seeds/src/demo-branch.js';
import { firstTradingDayFrom } from '../../seeds/src/parameters.seed.js';
import { fig, measure } from './harness.js';
import { keptDatabase } from './kept-database.js';
import { benchOperators, type Call, operatorRequests, percentile } from './operators.js';

/**
 * Long exports on PostgreSQL (skipped on PGlite), on the demo branch at BENCH_EXPORTS_SCALE
 * (default 1 ≈ 14,300 clients) with 30 trading days of history; BENCH_KEEP=1 keeps the database
 * as bc_bench_exports_s<scale> and reuses it. The real server (createApp with ExportJobs and a
 * ProgressHub, on @hono/node-server, 127.0.0.1) runs in a child process so its RSS is its own.
 *
 * 1. 报表包: the daily report package of the last closed day (buildPackage in a transaction, as
 *    POST /api/report_packages does; rolled back afterwards, its file in a temporary archive).
 * 2. Counter latency (an order estimate, a client's page: show, fund accounts, positions — formed as
 *    load.bench.ts forms them) from BENCH_EXPORTS_CONNECTIONS (10) connections at BENCH_EXPORTS_RATE
 *    (20) requests/s in all for BENCH_EXPORTS_SECONDS (20): with no job; then while a background job
 *    exports 成交明细 (trade_details .xlsx) of 1,000,000 rows, and that job's rows/s. The demo has
 *    ≈ 11,000 trades, so the bench writes 1,000,000 synthetic filled orders and their trades (source
 *    'bench-synthetic', ten days of 100,000 before the demo's history starts, set-based as
 *    reports/bench/trade-details.bench.ts does). They have no settlement postings (a trade alone
 *    moves no journal: the invariant check still holds, but these trades are not booked) — they
 *    exist to be exported.
 * 3. 对账单: every client's statement of the month of the last closed day as one zip, through the
 *    server (POST /api/export_jobs/statements as clerk, the job polled until it completes): seconds,
 *    clients, zip bytes, the server's peak RSS; the counter latency while it runs too.
 *    BENCH_EXPORTS_STATEMENTS_WAIT=<s> stops waiting after that long (the job is then cancelled and
 *    the progress, rate and the extrapolated whole are printed); default 0 = until it completes.
 */
const scale = Number(process.env.BENCH_EXPORTS_SCALE ?? 1);
const DAYS = 30;
const PASSWORD = 'Bench2026x';
const connections = Number(process.env.BENCH_EXPORTS_CONNECTIONS ?? 10);
const rate = Number(process.env.BENCH_EXPORTS_RATE ?? 20);
const seconds = Number(process.env.BENCH_EXPORTS_SECONDS ?? 20);
const statementsWait = Number(process.env.BENCH_EXPORTS_STATEMENTS_WAIT ?? 0);
const SYNTHETIC_DAYS = 10;
const SYNTHETIC_PER_DAY = 100_000;
const SYNTHETIC_SOURCE = 'bench-synthetic';
const stamp = () => new Date().toISOString().slice(11, 19);
const log = (line: string) => console.error(`[${stamp()}] ${line}`);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => fig(bytes / 1048576);

if (process.env.BENCH_EXPORTS_ROLE === 'server') await serverProcess();
else await benchProcess();

/** The child: the app with its export jobs on the bench database, until the parent goes. */
async function serverProcess() {
  const conn = await connect({ databaseUrl: process.env.DATABASE_URL! });
  const progress = new ProgressHub();
  const jobs = new ExportJobs({ db: conn.db, dir: process.env.BENCH_EXPORTS_DIR!, clock: systemClock, progress });
  await jobs.start();
  const app = createApp({ db: conn.db, clock: systemClock, jobs, progress, dbKind: conn.kind });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const stop = () => {
    server.close();
    void conn.close().finally(() => process.exit(0));
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.send!({ type: 'ready', port: (server.address() as AddressInfo).port });
}

/** A process's resident memory (MB), sampled every 100 ms: its peak between start and stop. */
function rssOf(pid: number) {
  const read = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  let peak = 0;
  let timer: NodeJS.Timeout | undefined;
  return {
    now: () => Math.round(read()),
    start() {
      peak = read();
      timer = setInterval(() => (peak = Math.max(peak, read())), 100);
    },
    stop() {
      clearInterval(timer);
      return Math.round(Math.max(peak, read()));
    },
  };
}

async function benchProcess() {
  const load = [loadavg()[0]!];
  const began = performance.now();
  const url = process.env.DATABASE_URL;
  console.log(`\n## long exports: report package, 对账单 zip, counter latency under a 1,000,000-row export`);
  if (!url) {
    console.log('skipped: PostgreSQL only (DATABASE_URL is not set; PGlite runs no background export of this size)');
    return;
  }
  console.log(`machine load average at start ${fig(load[0]!, 2)} (2 cores)`);
  const keep = !!process.env.BENCH_KEEP;
  const keptName = `bc_bench_exports_s${scale}`;
  const reuse = keep ? await keptDatabase(url, keptName, DAYS) : undefined;
  const scratch = reuse ?? (await scratchDatabase(url, keep ? keptName : `bc_bench_exports_${process.pid}`));
  const conn = await connect({ databaseUrl: scratch.url });
  const temp = mkdtempSync(path.join(tmpdir(), 'bc-bench-exports-'));
  const jobIds: number[] = [];
  let child: ReturnType<typeof fork> | undefined;
  const cleanup = async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child!.once('exit', resolve));
    }
    // the bench's own jobs: their files went with the temporary directory
    if (keep && jobIds.length) await conn.db.deleteFrom('export_jobs').where('id', 'in', jobIds).execute();
    await conn.close();
    if (!keep) await scratch.drop();
    rmSync(temp, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void cleanup().finally(() => process.exit(130)));
  try {
    await migrate(conn.db);
    const db = conn.db;
    const built = reuse
      ? undefined
      : await measure(() =>
          seedDemo(db, {
            seed: 1,
            scale,
            days: DAYS,
            open: firstTradingDayFrom('2026-12-01'),
            demoPassword: PASSWORD,
            onProgress: log,
          }),
        );
    const branch = await db
      .selectFrom('branches')
      .select('id')
      .where('code', '=', DEMO_BRANCH.code)
      .executeTakeFirstOrThrow();
    const clerk = await db
      .selectFrom('operators')
      .select(['id', 'username'])
      .where('username', '=', 'clerk')
      .executeTakeFirstOrThrow();
    const last = String(
      (
        await db
          .selectFrom('day_end_runs')
          .select((eb) => eb.fn.max('business_date').as('d'))
          .where('status', '=', 'completed')
          .executeTakeFirstOrThrow()
      ).d,
    );
    const first = String(
      (
        await db
          .selectFrom('day_end_runs')
          .select((eb) => eb.fn.min('business_date').as('d'))
          .executeTakeFirstOrThrow()
      ).d,
    );
    const { n: clientCount } = await db
      .selectFrom('clients')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('branch_id', '=', branch.id)
      .executeTakeFirstOrThrow();
    console.log(
      `PostgreSQL, demo branch scale ${scale} (${int(Number(clientCount))} clients), ${DAYS} trading days ${first} … ${last}${reuse ? ` (reused ${keptName})` : ` (built in ${fig(built!.seconds)} s)`}`,
    );

    // ---- 1. the daily report package of the last closed day ----
    setReportArchive(path.join(temp, 'archive'));
    const actor: Actor = {
      operator_id: clerk.id,
      username: clerk.username,
      branch_id: branch.id,
      ip: '127.0.0.1',
      request_id: 'exports-bench',
      at: new Date(),
    };
    const ROLLBACK = new Error('rollback: the bench keeps no package');
    log(`report package of ${last} …`);
    const pkg = await measure(async () => {
      let got: { files: number; bytes: number; list: { name: string; rows: number; bytes: number }[] } | undefined;
      await db
        .transaction()
        .execute(async (trx) => {
          const b = await buildPackage(trx, actor, { branchId: branch.id, date: last, source: 'manual' });
          const row = await trx
            .selectFrom('report_packages')
            .select(['bytes', 'manifest'])
            .where('id', '=', b.id)
            .executeTakeFirstOrThrow();
          const m = (typeof row.manifest === 'string' ? JSON.parse(row.manifest) : row.manifest) as {
            files: { name: string; rows: number; bytes: number }[];
          };
          got = { files: b.files, bytes: Number(row.bytes), list: m.files };
          throw ROLLBACK;
        })
        .catch((e) => {
          if (e !== ROLLBACK) throw e;
        });
      return got!;
    });
    console.log(
      `\n### 1. 报表包 (daily report package) of ${last}, demo branch scale ${scale}: ${fig(pkg.seconds, 2)} s, ${pkg.result.files} files, zip ${int(pkg.result.bytes)} bytes (${mb(pkg.result.bytes)} MB); bench process RSS ${pkg.baseMb} → ${pkg.peakMb} MB`,
    );
    console.log('| file | rows | bytes |');
    console.log('|---|---:|---:|');
    for (const f of pkg.result.list) console.log(`| ${f.name} | ${int(f.rows)} | ${int(f.bytes)} |`);
    console.log('(built in a transaction as POST /api/report_packages does, then rolled back: the bench keeps none)');

    // ---- the fixture: counter operators, estimate inputs, the synthetic trades ----
    await benchOperators(db, {
      count: connections,
      username: (i) => `exb${String(i + 1).padStart(3, '0')}`,
      name: (i) => `导出压测柜员${i + 1}`,
      branchId: branch.id,
      password: PASSWORD,
      roleOf: () => 'teller',
    });
    const { rows: estimateClients } = await sql<{ client_id: number }>`
      SELECT c.id AS client_id FROM clients c
      JOIN fund_accounts a ON a.client_id = c.id AND a.currency = 'CNY' AND a.status = 'active'
      WHERE c.branch_id = ${branch.id} AND c.status = 'normal' AND c.allow_counter
        AND a.balance - a.frozen - a.unwithdrawable >= 20000
        AND (SELECT count(*) FROM fund_accounts x WHERE x.client_id = c.id AND x.currency = 'CNY') = 1
        AND EXISTS (SELECT 1 FROM shareholder_accounts h WHERE h.client_id = c.id AND h.market = 'SH-A' AND h.status = 'active')
      ORDER BY c.id LIMIT 500`.execute(db);
    const { rows: securities } = await sql<{ market: string; code: string; prev_close: string }>`
      SELECT market, code, prev_close::text AS prev_close FROM securities
      WHERE market = 'SH-A' AND type = 'stock' AND board = 'main' AND status = 'listed' AND lot_size = 100
        AND tick = 0.01 AND prev_close BETWEEN 3 AND 40 AND prev_close = round(prev_close, 2)
      ORDER BY code LIMIT 50`.execute(db);
    const { rows: pageClients } = await sql<{ id: number }>`
      SELECT id FROM clients WHERE branch_id = ${branch.id} ORDER BY id`.execute(db);
    const synthetic = await syntheticTrades(db, branch.id, clerk.id, first);
    console.log(
      `\nsynthetic trades for the 1,000,000-row export: ${int(synthetic.rows)} filled orders and their trades (source '${SYNTHETIC_SOURCE}'), ${SYNTHETIC_DAYS} days ${synthetic.from} … ${synthetic.to} before the demo's history, ${synthetic.seconds === null ? 'kept from an earlier run' : `written in ${fig(synthetic.seconds)} s`}; no postings (not booked: rows to export)`,
    );

    // ---- the server ----
    const exportsDir = path.join(temp, 'exports');
    child = fork(fileURLToPath(import.meta.url), [], {
      env: { ...process.env, BENCH_EXPORTS_ROLE: 'server', DATABASE_URL: scratch.url, BENCH_EXPORTS_DIR: exportsDir },
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const server = child;
    const port = await new Promise<number>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`the server process exited (${code})`)));
      server.on('message', (m: { type: string; port: number }) => m.type === 'ready' && resolve(m.port));
    });
    const rss = rssOf(server.pid!);
    const base = `http://127.0.0.1:${port}`;
    const login = async (username: string) => {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      const { csrf_token } = (await res.json()) as { csrf_token: string };
      return { cookie: `sid=${/sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!}`, csrf: csrf_token };
    };
    const clerkSession = await login('clerk');
    const sessions: { cookie: string; csrf: string }[] = [];
    for (let i = 0; i < connections; i++) sessions.push(await login(`exb${String(i + 1).padStart(3, '0')}`));
    console.log(`server: pid ${server.pid}, RSS ${rss.now()} MB after start and sign-in`);

    const api = async <T>(method: 'GET' | 'POST', p: string, body?: unknown) => {
      const res = await fetch(`${base}${p}`, {
        method,
        headers: {
          cookie: clerkSession.cookie,
          'accept-language': 'zh',
          ...(method === 'POST'
            ? { 'content-type': 'application/json', 'x-csrf-token': clerkSession.csrf, origin: base }
            : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${p}: ${res.status} ${text.slice(0, 300)}`);
      return { status: res.status, body: JSON.parse(text) as T };
    };
    interface Job {
      id: number;
      status: string;
      rows_done: number;
      rows_expected: number | null;
      bytes: number | null;
      created_at: string;
      started_at: string | null;
      finished_at: string | null;
      error: string | null;
    }
    const job = async (id: number) => (await api<Job>('GET', `/api/export_jobs/${id}`)).body;
    const jobSeconds = (j: Job, now = Date.now()) =>
      j.started_at ? ((j.finished_at ? Date.parse(j.finished_at) : now) - Date.parse(j.started_at)) / 1000 : 0;
    /** Polls a job until it ends (or `limit` seconds pass); returns its last state. */
    const until = async (id: number, limit = 0) => {
      const t0 = performance.now();
      for (;;) {
        const j = await job(id);
        if (!['queued', 'running'].includes(j.status)) return j;
        if (limit && (performance.now() - t0) / 1000 >= limit) return j;
        await new Promise((r) => setTimeout(r, 1000));
      }
    };

    // ---- the counter calls ----
    const q = (o: Record<string, unknown>) =>
      Object.entries(o)
        .map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`)
        .join('&');
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
    const plan = (): Call[] => {
      if (Math.random() < 0.5 && estimateClients.length && securities.length) {
        const s = pick(securities);
        return [
          {
            cls: 'order estimate',
            method: 'POST',
            path: '/api/orders/estimate',
            body: {
              client_id: pick(estimateClients).client_id,
              market: s.market,
              code: s.code,
              side: 'buy',
              price: s.prev_close,
              quantity: 100,
            },
          },
        ];
      }
      const id = pick(pageClients).id;
      return [
        { cls: 'client show', method: 'GET', path: `/api/clients/${id}` },
        { cls: 'client accounts', method: 'GET', path: `/api/fund_accounts?${q({ filter: { client_id: id } })}` },
        {
          cls: 'client positions',
          method: 'GET',
          path: `/api/positions?${q({ filter: { client_id: id, held: true } })}`,
        },
      ];
    };
    const CLASSES = ['order estimate', 'client show', 'client accounts', 'client positions'];
    const counter = async () => {
      const { requests, stats } = operatorRequests({ base, sessions, plan: () => plan() });
      const result = await autocannon({
        url: base,
        connections,
        duration: seconds,
        timeout: 60,
        overallRate: rate,
        requests,
      });
      return { stats, result };
    };
    const pct = percentile;
    const rowsOf = (label: string, r: Awaited<ReturnType<typeof counter>>) => {
      const lines: string[] = [];
      const all: number[] = [];
      let bad = 0;
      for (const cls of CLASSES) {
        const s = r.stats.get(cls);
        if (!s) continue;
        s.ms.sort((a, b) => a - b);
        all.push(...s.ms);
        bad += s.non2xx + s.errors;
        lines.push(
          `| ${label} | ${cls} | ${s.ms.length} | ${fig(pct(s.ms, 0.5))} | ${fig(pct(s.ms, 0.95))} | ${fig(pct(s.ms, 0.99))} | ${fig(s.ms.at(-1) ?? 0)} | ${s.non2xx + s.errors} |`,
        );
      }
      all.sort((a, b) => a - b);
      lines.push(
        `| ${label} | **all** (${fig(all.length / seconds)} req/s) | ${all.length} | ${fig(pct(all, 0.5))} | ${fig(pct(all, 0.95))} | ${fig(pct(all, 0.99))} | ${fig(all.at(-1) ?? 0)} | ${bad + r.result.errors} |`,
      );
      for (const [cls, s] of r.stats) if (s.sample) lines.push(`first non-2xx of ${cls}: ${s.sample}`);
      return lines;
    };
    const header = () => {
      console.log('| while | call | requests | p50 ms | p95 ms | p99 ms | max ms | non-2xx/errors |');
      console.log('|---|---|---:|---:|---:|---:|---:|---:|');
    };

    // ---- 2. counter latency: no job, then under the 1,000,000-row export ----
    log(`counter calls with no job, ${seconds} s …`);
    rss.start();
    const idle = await counter();
    const idlePeak = rss.stop();
    log('submitting the 1,000,000-row 成交明细 .xlsx …');
    const rssBefore = rss.now();
    rss.start();
    const submitted = await api<{ job: Job }>(
      'GET',
      `/api/reports/trade_details/xlsx?date_from=${synthetic.from}&date_to=${synthetic.to}`,
    );
    if (submitted.status !== 202) throw new Error(`the export answered ${submitted.status}, not 202 (a job)`);
    const bigId = submitted.body.job.id;
    jobIds.push(bigId);
    const busy = await counter();
    const duringPeak = rss.stop();
    const atEnd = await job(bigId);
    rss.start();
    const big = await until(bigId);
    const bigPeak = Math.max(duringPeak, rss.stop());
    const bigSeconds = jobSeconds(big);
    console.log(
      `\n### 2. counter latency, ${connections} connections (tellers), ${rate} requests/s in all, ${seconds} s each: half order estimates (试算), half a client's page (3 requests)`,
    );
    header();
    for (const l of rowsOf('no job', idle)) console.log(l);
    for (const l of rowsOf('1M-row export job', busy)) console.log(l);
    console.log(
      `export job #${bigId} 成交明细 (trade_details) .xlsx: ${big.status}, ${int(big.rows_done)} of ${int(big.rows_expected ?? 0)} rows in ${fig(bigSeconds)} s (started → finished) = ${int(big.rows_done / Math.max(0.001, bigSeconds))} rows/s, file ${int(big.bytes ?? 0)} bytes (${mb(big.bytes ?? 0)} MB); at the end of the measured window it was ${atEnd.status} at ${int(atEnd.rows_done)} rows`,
    );
    console.log(
      `server RSS: ${idlePeak} MB peak with no job; ${rssBefore} MB before the export, ${bigPeak} MB at peak while it ran`,
    );

    // ---- 3. 对账单 of every client for the month of the last closed day ----
    const month = last.slice(0, 7);
    log(`对账单 zip of ${month} …`);
    const stRssBefore = rss.now();
    rss.start();
    const t0 = performance.now();
    const st = await api<Job>('POST', '/api/export_jobs/statements', { month });
    jobIds.push(st.body.id);
    const stBusy = await counter();
    const stRssCounter = rss.stop();
    rss.start();
    let stmt = await until(st.body.id, statementsWait ? Math.max(1, statementsWait - seconds) : 0);
    const wall = (performance.now() - t0) / 1000;
    const stPeak = Math.max(stRssCounter, rss.stop());
    const ran = jobSeconds(stmt);
    const statementsRate = stmt.rows_done / Math.max(0.001, ran);
    console.log(
      `\n### 3. 对账单 (client_statement) of ${month}, every client of the branch, one PDF each in one zip (POST /api/export_jobs/statements as clerk)`,
    );
    if (stmt.status === 'completed') {
      console.log(
        `completed: ${int(stmt.rows_done)} clients in ${fig(ran)} s (job started → finished; ${fig(wall)} s from the POST to the poll that saw it), ${fig(statementsRate)} statements/s (${fig(1000 / statementsRate, 0)} ms each), zip ${int(stmt.bytes ?? 0)} bytes (${mb(stmt.bytes ?? 0)} MB)`,
      );
    } else {
      const expected = stmt.rows_expected ?? 0;
      console.log(
        `NOT WAITED FOR (BENCH_EXPORTS_STATEMENTS_WAIT=${statementsWait}): ${stmt.status} at ${int(stmt.rows_done)} of ${int(expected)} clients after ${fig(ran)} s of the job (rows_done as last persisted), ${fig(statementsRate, 2)} statements/s (${fig(1000 / Math.max(0.001, statementsRate), 0)} ms each) → the whole ≈ ${fig(expected / Math.max(0.001, statementsRate) / 60)} min`,
      );
      if (stmt.status === 'running' || stmt.status === 'queued') {
        await api('POST', `/api/export_jobs/${stmt.id}/cancel`, {});
        stmt = await job(stmt.id);
        console.log(`job #${stmt.id} cancelled by the bench (${stmt.status})`);
      }
    }
    console.log(`server RSS: ${stRssBefore} MB before, ${stPeak} MB at peak while the statements ran`);
    console.log(`counter latency while the statements job ran (its first ${seconds} s):`);
    header();
    for (const l of rowsOf('statements job', stBusy)) console.log(l);
    load.push(loadavg()[0]!);
    console.log(
      `\nmachine load average ${load.map((l) => fig(l, 2)).join(' → ')} (start → end, 2 cores); the whole bench ${fig((performance.now() - began) / 1000)} s`,
    );
  } finally {
    await cleanup();
  }
}

/**
 * 1,000,000 filled orders and their trades (ten days of 100,000 before the demo's first day) for the
 * export, set-based; kept with the database. Each over a client's CNY account and shareholder
 * account of the security's market, at its previous close. Not booked: no fund or position postings.
 */
async function syntheticTrades(
  db: Awaited<ReturnType<typeof connect>>['db'],
  branchId: number,
  operatorId: number,
  firstDay: string,
) {
  const days = (
    await sql<{ date: string }>`
      SELECT date::text FROM trading_calendar WHERE market = 'SH-A' AND is_trading_day AND date < ${firstDay}::date
      ORDER BY date DESC LIMIT ${SYNTHETIC_DAYS}`.execute(db)
  ).rows
    .map((r) => r.date)
    .reverse();
  const from = days[0]!;
  const to = days.at(-1)!;
  const count = async () =>
    Number(
      (
        await sql<{ n: string }>`SELECT count(*) AS n FROM trades WHERE source = ${SYNTHETIC_SOURCE}
          AND business_date BETWEEN ${from}::date AND ${to}::date`.execute(db)
      ).rows[0]!.n,
    );
  const want = SYNTHETIC_DAYS * SYNTHETIC_PER_DAY;
  if ((await count()) === want) return { rows: want, from, to, seconds: null };
  const t0 = performance.now();
  await db.transaction().execute(async (trx) => {
    await sql`DELETE FROM trades WHERE source = ${SYNTHETIC_SOURCE}`.execute(trx);
    await sql`DELETE FROM orders WHERE order_no LIKE '________B%'`.execute(trx);
    // the clients' (CNY account, shareholder account) pairs and the securities, numbered, so each
    // synthetic order picks one of each by an equality the planner can hash
    await sql`
      CREATE TEMP TABLE bench_pairs ON COMMIT DROP AS
      SELECT a.id AS fund_account_id, a.client_id, h.id AS sh_id, h.market,
             (row_number() OVER (ORDER BY a.id, h.id) - 1)::bigint AS k
      FROM fund_accounts a
      JOIN clients c ON c.id = a.client_id AND c.branch_id = ${branchId}
      JOIN shareholder_accounts h ON h.client_id = a.client_id AND h.market IN ('SH-A', 'SZ-A')
      WHERE a.currency = 'CNY'`.execute(trx);
    await sql`
      CREATE TEMP TABLE bench_secs ON COMMIT DROP AS
      SELECT id, market, code, prev_close, (row_number() OVER (PARTITION BY market ORDER BY id) - 1)::bigint AS k
      FROM securities WHERE type = 'stock' AND market IN ('SH-A', 'SZ-A') AND prev_close BETWEEN 1 AND 200 AND board <> 'star'`.execute(
      trx,
    );
    await sql`CREATE INDEX ON bench_pairs (k)`.execute(trx);
    await sql`CREATE INDEX ON bench_secs (market, k)`.execute(trx);
    await sql`ANALYZE bench_pairs`.execute(trx);
    await sql`ANALYZE bench_secs`.execute(trx);
    const n = async (q: ReturnType<typeof sql<{ n: string }>>) => Number((await q.execute(trx)).rows[0]!.n);
    const np = await n(sql<{ n: string }>`SELECT count(*) AS n FROM bench_pairs`);
    const nsh = await n(sql<{ n: string }>`SELECT count(*) AS n FROM bench_secs WHERE market = 'SH-A'`);
    const nsz = await n(sql<{ n: string }>`SELECT count(*) AS n FROM bench_secs WHERE market = 'SZ-A'`);
    for (const [i, day] of days.entries()) {
      log(`synthetic trades: day ${i + 1}/${days.length} (${day}) …`);
      await sql`
        WITH picks AS (
          SELECT g, p.client_id, p.fund_account_id, p.sh_id, s.id AS security_id, s.market, s.code, s.prev_close
          FROM generate_series(1::bigint, ${SYNTHETIC_PER_DAY}::bigint) g
          JOIN bench_pairs p ON p.k = (g * 7919 + ${i}) % ${np}
          JOIN bench_secs s ON s.market = p.market
            AND s.k = (g * 104729 + ${i}) % (CASE WHEN p.market = 'SH-A' THEN ${nsh} ELSE ${nsz} END)::bigint
        )
        INSERT INTO orders (order_no, business_date, client_id, fund_account_id, shareholder_account_id, security_id, market, code,
          side, price, quantity, filled_quantity, filled_amount, status, channel, seat_no, operator_id, branch_id)
        SELECT ${day.replaceAll('-', '')} || 'B' || lpad(p.g::text, 9, '0'), ${day}::date, p.client_id, p.fund_account_id, p.sh_id,
          p.security_id, p.market, p.code, CASE WHEN p.g % 2 = 0 THEN 'buy' ELSE 'sell' END, p.prev_close,
          100 * (1 + p.g % 5), 100 * (1 + p.g % 5), round(p.prev_close * 100 * (1 + p.g % 5), 2), 'filled', 'online', '38614',
          ${operatorId}, ${branchId}
        FROM picks p`.execute(trx);
      await sql`
        INSERT INTO trades (market, trade_no, business_date, order_id, client_id, security_id, code, side, quantity, price, amount,
          commission, stamp_duty, transfer_fee, handling_fee, regulatory_fee, net_amount, seat_no, shareholder_code, source, branch_id)
        SELECT o.market, 'B' || o.id, o.business_date, o.id, o.client_id, o.security_id, o.code, o.side, o.quantity, o.price,
          o.filled_amount, greatest(5, round(o.filled_amount * 0.0003, 2)),
          CASE WHEN o.side = 'sell' THEN round(o.filled_amount * 0.0005, 2) ELSE 0 END,
          round(o.filled_amount * 0.00001, 2), round(o.filled_amount * 0.0000341, 2), round(o.filled_amount * 0.00002, 2),
          o.filled_amount, o.seat_no, sh.code, ${SYNTHETIC_SOURCE}, o.branch_id
        FROM orders o JOIN shareholder_accounts sh ON sh.id = o.shareholder_account_id
        WHERE o.business_date = ${day}::date AND o.order_no LIKE ${`${day.replaceAll('-', '')}B%`}`.execute(trx);
    }
  });
  await sql`ANALYZE orders`.execute(db);
  await sql`ANALYZE trades`.execute(db);
  const rows = await count();
  return { rows, from, to, seconds: (performance.now() - t0) / 1000 };
}
