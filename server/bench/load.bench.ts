import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { serve } from '@hono/node-server';
import { connect } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';
import { createApp } from '../src/app.js';
import { ExportJobs } from '../src/modules/export-jobs/export-jobs.service.js';
import { ProgressHub } from '../src/progress/progress.js';
import { systemClock } from '../src/clock.js';
import { invariantViolations } from '../src/modules/day-end/invariants.queries.js';
import { scratchDatabase } from '../test/scratch-database.js';
import { seedDemo } from '../../seeds/src/demo.seed.js';
import { DEMO_BRANCH } from '../../seeds/src/demo-branch.js';
import { firstTradingDayFrom } from '../../seeds/src/parameters.seed.js';
import { fig, measure } from './harness.js';
import { keptDatabase } from './kept-database.js';
import { benchOperators, type Call, operatorRequests, percentile } from './operators.js';

/**
 * Issue 14 (load): the real server (createApp on @hono/node-server, 127.0.0.1, an ephemeral port,
 * in a child process so its memory is its own) under BENCH_LOAD_OPERATORS (default 50) signed-in
 * operators of the demo branch, one autocannon connection each, for BENCH_LOAD_SECONDS (default
 * 60), on the engine DATABASE_URL selects, at BENCH_LOAD_SCALE (default 1 ≈ 14,300 clients; 100
 * is the issue's size and takes hours to build) with BENCH_LOAD_DAYS (default 30) days of history.
 * BENCH_LOAD_RATE (requests a second per operator; default 0 = back to back, a closed loop) paces
 * the operators. BENCH_KEEP=1 on PostgreSQL keeps the database as bc_bench_load_s<scale> and reuses
 * it next time (the load's own orders and postings stay in it: the books still balance).
 *
 * Prints per call class the requests, rate, p50/p95/p99, non-2xx and errors; the overall
 * throughput; the server's peak RSS; then the whole-history invariant check (the demo seed's,
 * DOMAIN.md §3.3) over the database afterwards. Targets: p95 < 100 ms for lists and order entry,
 * no errors, no violations.
 */
const scale = Number(process.env.BENCH_LOAD_SCALE ?? 1);
const days = Number(process.env.BENCH_LOAD_DAYS ?? 30);
const operators = Number(process.env.BENCH_LOAD_OPERATORS ?? 50);
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const ratePerOperator = Number(process.env.BENCH_LOAD_RATE ?? 0);
/**
 * BENCH_LOAD_CHECK: 'full' (default) re-checks every account's and holding's whole journal chain
 * afterwards; 'day' checks the open day's journals against the day's opening balances, which is
 * where every posting of the load lands (at scale 100 the full check runs for more than 20 minutes).
 */
const checkScope = process.env.BENCH_LOAD_CHECK === 'day' ? 'day' : 'full';
const PASSWORD = 'Bench2026x';
/** operators per group: the first of each group is a 清算员 (clerk), the others 柜员 (tellers) */
const GROUP = 10;
/** clients (cash, buys, postings) and holdings (sells) each operator works on, none shared */
const POOL = 20;

interface PoolClient {
  client_id: number;
  account_id: number;
  available: number;
  withdrawable: number;
}
interface Holding {
  client_id: number;
  market: string;
  code: string;
  prev_close: string;
  sellable: number;
}
interface Fixture {
  port: number;
  label: string;
  reused: string | null;
  builtSeconds: number;
  open: string;
  last: string;
  baseMb: number;
  clientCount: number;
  pageClients: number[];
  securities: { market: string; code: string; prev_close: string }[];
  pools: { clients: PoolClient[]; holdings: Holding[] }[];
}
type FromServer =
  | ({ type: 'ready' } & Fixture)
  | {
      type: 'done';
      peakMb: number;
      violations: string[];
      checkSeconds: number;
      /** the server's event-loop delay during the load (ms): a busy or blocked loop */
      loop: { p50: number; p99: number; max: number };
      /** the server process's CPU seconds (user + system) over the load */
      cpuSeconds: number;
      /** PostgreSQL: what the bench database's backends were doing, sampled every 200 ms */
      backends?: { samples: number; busy: number; waits: [string, number][] };
    };

if (process.env.BENCH_LOAD_ROLE === 'server') await serverProcess();
else await loadProcess();

/** The child: the database, the 50 operators, the server; on 'finish' its peak RSS and the invariant check. */
async function serverProcess() {
  const send = (m: FromServer) => process.send!(m);
  const url = process.env.DATABASE_URL;
  const keep = !!process.env.BENCH_KEEP && !!url;
  const keptName = `bc_bench_load_s${scale}`;
  const reuse = keep ? await keptDatabase(url!, keptName, days) : undefined;
  const scratch = url
    ? (reuse ?? (await scratchDatabase(url, keep ? keptName : `bc_bench_load_${process.pid}`)))
    : undefined;
  const conn = await connect(scratch ? { databaseUrl: scratch.url } : {});
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await conn.close();
    if (!keep) await scratch?.drop();
  };
  // the bench process gone (killed, crashed): no server or scratch database is left behind
  process.on('disconnect', () => void cleanup().finally(() => process.exit(1)));
  await migrate(conn.db);
  const built = reuse
    ? { seconds: 0 }
    : await measure(() =>
        seedDemo(conn.db, {
          seed: 1,
          scale,
          days,
          open: firstTradingDayFrom('2026-12-01'),
          demoPassword: PASSWORD,
          onProgress: (line) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
        }),
      );
  const db = conn.db;
  const branch = await db
    .selectFrom('branches')
    .select('id')
    .where('code', '=', DEMO_BRANCH.code)
    .executeTakeFirstOrThrow();
  // the operators: every GROUP-th a clerk, the others tellers
  await benchOperators(db, {
    count: operators,
    username: (i) => `load${String(i + 1).padStart(3, '0')}`,
    name: (i) => `压测${i % GROUP === 0 ? '清算员' : '柜员'}${i + 1}`,
    branchId: branch.id,
    password: PASSWORD,
    roleOf: (i) => (i % GROUP === 0 ? 'clerk' : 'teller'),
  });
  const open = (
    await db.selectFrom('system_params').select('value').where('key', '=', 'business_date').executeTakeFirstOrThrow()
  ).value;
  const last = (
    await db
      .selectFrom('day_end_runs')
      .select((eb) => eb.fn.max('business_date').as('d'))
      .where('status', '=', 'completed')
      .executeTakeFirstOrThrow()
  ).d!;
  // tellers' clients: normal, counter allowed, a CNY account with ≥ 20,000 withdrawable, an SH-A holder account
  const { rows: clients } = await sql<PoolClient>`
    SELECT c.id AS client_id, a.id AS account_id, (a.balance - a.frozen)::float8 AS available,
           (a.balance - a.frozen - a.unwithdrawable)::float8 AS withdrawable
    FROM clients c
    JOIN fund_accounts a ON a.client_id = c.id AND a.currency = 'CNY' AND a.status = 'active'
    WHERE c.branch_id = ${branch.id} AND c.status = 'normal' AND c.allow_counter
      AND a.balance - a.frozen - a.unwithdrawable >= 20000
      AND (SELECT count(*) FROM fund_accounts x WHERE x.client_id = c.id AND x.currency = 'CNY') = 1
      AND EXISTS (SELECT 1 FROM shareholder_accounts h WHERE h.client_id = c.id AND h.market = 'SH-A' AND h.status = 'active')
    ORDER BY c.id LIMIT ${operators * POOL}`.execute(db);
  // main-board SH-A shares to buy, at the previous close (inside the band, on the tick)
  const { rows: securities } = await sql<{ market: string; code: string; prev_close: string }>`
    SELECT market, code, prev_close::text AS prev_close FROM securities
    WHERE market = 'SH-A' AND type = 'stock' AND board = 'main' AND status = 'listed' AND lot_size = 100
      AND tick = 0.01 AND prev_close BETWEEN 3 AND 40 AND prev_close = round(prev_close, 2)
    ORDER BY code LIMIT 50`.execute(db);
  // holdings to sell 100 shares of, at the previous close
  const { rows: holdings } = await sql<Holding>`
    SELECT h.client_id, s.market, s.code, s.prev_close::text AS prev_close,
           (p.quantity - p.today_bought - p.frozen)::int AS sellable
    FROM positions p
    JOIN shareholder_accounts h ON h.id = p.shareholder_account_id AND h.status = 'active'
    JOIN securities s ON s.id = p.security_id
    JOIN clients c ON c.id = h.client_id
    WHERE c.branch_id = ${branch.id} AND c.status = 'normal' AND c.allow_counter
      AND s.type = 'stock' AND s.board = 'main' AND s.status = 'listed' AND s.lot_size = 100 AND s.tick = 0.01
      AND s.prev_close = round(s.prev_close, 2) AND s.prev_close > 0
      AND p.quantity - p.today_bought - p.frozen >= 100
    ORDER BY p.id LIMIT ${operators * POOL}`.execute(db);
  const { rows: pageClients } = await sql<{ id: number }>`
    SELECT id FROM clients WHERE branch_id = ${branch.id} ORDER BY id`.execute(db);
  const pools = Array.from({ length: operators }, (_, i) => ({
    clients: clients.filter((_, k) => k % operators === i),
    holdings: holdings.filter((_, k) => k % operators === i),
  }));

  // as main.ts composes it: a report past export_job_threshold_rows becomes a background job
  const progress = new ProgressHub();
  const exportDir = mkdtempSync(path.join(tmpdir(), 'bench-load-exports-'));
  const jobs = new ExportJobs({ db, dir: exportDir, clock: systemClock, progress });
  await jobs.start();
  const app = createApp({ db, clock: systemClock, jobs, progress, dbKind: conn.kind });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  // PostgreSQL: the bench database's backends, busy (a query running, or in a transaction) and waiting on what
  const watcher = scratch ? new pg.Client({ connectionString: scratch.url }) : undefined;
  const backends = { samples: 0, busy: 0, waits: new Map<string, number>() };
  let watching: NodeJS.Timeout | undefined;
  let sampling: Promise<void> | undefined;
  let cpu = process.cpuUsage();
  process.on('message', async (m: { type: string }) => {
    if (m.type === 'start') {
      cpu = process.cpuUsage();
      loop.enable();
      if (watcher) {
        await watcher.connect();
        const sample = async () => {
          const { rows } = await watcher.query<{ wait: string; n: number }>(
            `SELECT coalesce(wait_event_type || ':' || wait_event, 'cpu') AS wait, count(*)::int AS n
             FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
               AND state IN ('active', 'idle in transaction') GROUP BY 1`,
          );
          backends.samples++;
          for (const r of rows) {
            backends.busy += r.n;
            backends.waits.set(r.wait, (backends.waits.get(r.wait) ?? 0) + r.n);
          }
        };
        watching = setInterval(() => {
          sampling ??= sample()
            .catch(() => {})
            .finally(() => (sampling = undefined));
        }, 200);
      }
      return;
    }
    if (m.type !== 'finish') return;
    const used = process.cpuUsage(cpu);
    clearInterval(sampler);
    clearInterval(watching);
    loop.disable();
    await sampling;
    await watcher?.end();
    const peakMb = Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // jobs the load started and that still run (a scale-100 资金余额 takes minutes) are cancelled
    const unfinished = await db
      .selectFrom('export_jobs')
      .select('id')
      .where('status', 'in', ['queued', 'running'])
      .execute();
    for (const j of unfinished) await jobs.cancel(j.id);
    await jobs.idle();
    rmSync(exportDir, { recursive: true, force: true });
    const t0 = performance.now();
    const violations = await invariantViolations(db, checkScope);
    send({
      type: 'done',
      peakMb,
      violations,
      checkSeconds: (performance.now() - t0) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
      loop: {
        p50: loop.percentile(50) / 1e6,
        p99: loop.percentile(99) / 1e6,
        max: loop.max / 1e6,
      },
      backends: watcher
        ? {
            samples: backends.samples,
            busy: backends.busy,
            waits: [...backends.waits].sort((a, b) => b[1] - a[1]).slice(0, 6),
          }
        : undefined,
    });
    await cleanup();
    process.exit(0);
  });
  send({
    type: 'ready',
    port: (server.address() as AddressInfo).port,
    label: scratch ? 'PostgreSQL' : 'PGlite (embedded)',
    reused: reuse ? keptName : null,
    builtSeconds: built.seconds,
    open,
    last,
    baseMb,
    clientCount: pageClients.length,
    pageClients: pageClients.map((c) => c.id),
    securities,
    pools,
  });
}

/** The parent: signs the operators in, drives the mix with autocannon, prints the figures. */
async function loadProcess() {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, BENCH_LOAD_ROLE: 'server' },
    // BENCH_LOAD_PROFILE=<dir>: the server's CPU profile (.cpuprofile) written there at its exit
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_LOAD_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_LOAD_PROFILE}`] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends FromServer['type']>(type: T) =>
    new Promise<Extract<FromServer, { type: T }>>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the server process exited (${code})`));
      child.once('exit', onExit);
      child.on('message', function onMessage(m: FromServer) {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as Extract<FromServer, { type: T }>);
      });
    });
  const stopChild = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('SIGINT', () => {
    stopChild();
    process.exit(130);
  });
  try {
    await run(child, await next('ready'), next);
  } finally {
    stopChild();
  }
}

type Next = <T extends FromServer['type']>(type: T) => Promise<Extract<FromServer, { type: T }>>;

async function run(child: ChildProcess, fx: Fixture, next: Next) {
  const base = `http://127.0.0.1:${fx.port}`;
  // sign-in (argon2id verify on the server): before the measured window, five at a time
  const sessions: { cookie: string; csrf: string }[] = [];
  const loginMs: number[] = [];
  for (let i = 0; i < operators; i += 5) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(5, operators - i) }, async (_, k) => {
        const username = `load${String(i + k + 1).padStart(3, '0')}`;
        const t0 = performance.now();
        const res = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: base },
          body: JSON.stringify({ username, password: PASSWORD }),
        });
        if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
        const { csrf_token } = (await res.json()) as { csrf_token: string };
        loginMs.push(performance.now() - t0);
        return { cookie: `sid=${/sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!}`, csrf: csrf_token };
      }),
    );
    sessions.push(...batch);
  }
  loginMs.sort((a, b) => a - b);

  /*
   * The mix, per operator. A teller (柜员, 9 in 10): 40 % filtered lists (clients, fund_journal,
   * orders, trades: filters, sort, a page of 25 among the first few), 20 % a client's page (the
   * client, its fund accounts, its positions: three requests), 15 % order estimates (试算),
   * 10 % order entries (valid: 70 % buys of 100 shares at the previous close within the client's
   * available cash, 30 % sells of 100 sellable shares; the open business date; a unique
   * idempotency key), 15 % cash postings (2/3 deposits of 1,000–5,000, 1/3 withdrawals of
   * 100–500 within the withdrawable). A clerk (清算员, 1 in 10): the lists only, and the group's
   * report download (资金余额 .xlsx at the last close) once a minute, the groups staggered.
   */
  const TELLER: [Kind, number][] = [
    ['list', 40],
    ['client', 20],
    ['estimate', 15],
    ['order', 10],
    ['cash', 15],
  ];
  type Kind = 'list' | 'client' | 'estimate' | 'order' | 'cash';
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const weighted = (w: [Kind, number][]) => {
    let r = Math.random() * w.reduce((s, [, n]) => s + n, 0);
    for (const [k, n] of w) {
      r -= n;
      if (r < 0) return k;
    }
    return w[0]![0];
  };
  const q = (o: Record<string, unknown>) =>
    Object.entries(o)
      .map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`)
      .join('&');
  const page = () => {
    const from = 25 * Math.floor(Math.random() * 4);
    return [from, from + 24];
  };
  const weekBack = new Date(Date.parse(`${fx.last}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
  const runId = Date.now().toString(36);

  const lists = (): Call => {
    const which = pick(['clients', 'fund_journal', 'orders', 'trades'] as const);
    if (which === 'clients')
      return {
        cls: 'list clients',
        method: 'GET',
        path: `/api/clients?${q({
          filter: pick([{ status: 'normal' }, { client_class: 'retail' }, {}]),
          sort: pick([
            ['name', 'ASC'],
            ['client_no', 'ASC'],
            ['opened_on', 'DESC'],
          ]),
          range: page(),
        })}`,
      };
    if (which === 'fund_journal')
      return {
        cls: 'list fund_journal',
        method: 'GET',
        path: `/api/fund_journal?${q({
          filter: pick([
            { type: 'deposit', business_date_gte: weekBack },
            { business_date_gte: fx.open },
            { type: 'withdrawal' },
          ]),
          sort: pick([
            ['id', 'DESC'],
            ['amount', 'DESC'],
          ]),
          range: page(),
        })}`,
      };
    if (which === 'orders')
      return {
        cls: 'list orders',
        method: 'GET',
        path: `/api/orders?${q({
          filter: pick([
            { business_date_gte: fx.open, business_date_lte: fx.open },
            { status: 'open' },
            { side: 'buy', business_date_gte: weekBack },
          ]),
          sort: pick([
            ['id', 'DESC'],
            ['created_at', 'DESC'],
            ['code', 'ASC'],
          ]),
          range: page(),
        })}`,
      };
    return {
      cls: 'list trades',
      method: 'GET',
      path: `/api/trades?${q({
        filter: pick([
          { business_date_gte: weekBack, business_date_lte: fx.last },
          { side: 'sell', business_date_gte: weekBack },
          { business_date_gte: fx.last },
        ]),
        sort: pick([
          ['id', 'DESC'],
          ['amount', 'DESC'],
          ['business_date', 'DESC'],
        ]),
        range: page(),
      })}`,
    };
  };
  const orderBody = (
    op: number,
  ): { body: Record<string, unknown>; ok?: () => void; failed?: () => void } | undefined => {
    const pool = fx.pools[op]!;
    const held = pool.holdings.filter((h) => h.sellable >= 100);
    if (Math.random() < 0.3 && held.length) {
      const h = pick(held);
      h.sellable -= 100;
      return {
        body: {
          client_id: h.client_id,
          market: h.market,
          code: h.code,
          side: 'sell',
          price: h.prev_close,
          quantity: 100,
        },
        failed: () => (h.sellable += 100),
      };
    }
    const s = pick(fx.securities);
    const cost = Number(s.prev_close) * 100 * 1.01 + 20;
    const cs = pool.clients.filter((c) => c.available >= cost && c.withdrawable >= cost);
    if (!cs.length) return undefined;
    const c = pick(cs);
    c.available -= cost;
    c.withdrawable -= cost;
    return {
      body: { client_id: c.client_id, market: s.market, code: s.code, side: 'buy', price: s.prev_close, quantity: 100 },
      failed: () => {
        c.available += cost;
        c.withdrawable += cost;
      },
    };
  };

  let seq = 0;
  const counter = (op: number, kind: Kind): Call[] => {
    const pool = fx.pools[op]!;
    if (kind === 'client') {
      const id = Math.random() < 0.5 && pool.clients.length ? pick(pool.clients).client_id : pick(fx.pageClients);
      return [
        { cls: 'client show', method: 'GET', path: `/api/clients/${id}` },
        { cls: 'client accounts', method: 'GET', path: `/api/fund_accounts?${q({ filter: { client_id: id } })}` },
        {
          cls: 'client positions',
          method: 'GET',
          path: `/api/positions?${q({ filter: { client_id: id, held: true } })}`,
        },
      ];
    }
    if (kind === 'estimate' || kind === 'order') {
      const o = orderBody(op);
      if (!o) return [lists()];
      if (kind === 'estimate') {
        o.failed?.();
        return [{ cls: 'order estimate', method: 'POST', path: '/api/orders/estimate', body: o.body }];
      }
      return [
        {
          cls: 'order entry',
          method: 'POST',
          path: '/api/orders',
          body: { ...o.body, idempotency_key: `load-${runId}-${op}-${++seq}` },
          failed: o.failed,
        },
      ];
    }
    if (kind === 'cash') {
      const c = pool.clients.length ? pick(pool.clients) : undefined;
      if (!c) return [lists()];
      const key = `load-${runId}-${op}-${++seq}`;
      const out = Math.random() < 1 / 3 ? 100 + Math.floor(Math.random() * 401) : 0;
      if (out && c.withdrawable >= out) {
        c.withdrawable -= out;
        c.available -= out;
        return [
          {
            cls: 'cash posting',
            method: 'POST',
            path: '/api/fund_journal',
            body: { account_id: c.account_id, type: 'withdrawal', amount: `${out}.00`, idempotency_key: key },
            failed: () => {
              c.withdrawable += out;
              c.available += out;
            },
          },
        ];
      }
      const amount = 1000 + Math.floor(Math.random() * 4001);
      return [
        {
          cls: 'cash posting',
          method: 'POST',
          path: '/api/fund_journal',
          body: {
            account_id: c.account_id,
            type: 'deposit',
            amount: `${amount}.50`,
            reference: '压测存款',
            idempotency_key: key,
          },
        },
      ];
    }
    return [lists()];
  };

  const start = performance.now();
  const groups = Math.ceil(operators / GROUP);
  // group g's clerk downloads at (g + ½) × 30 s ÷ groups, then every minute, and never in the
  // last 20 s: a download the load's end cuts off would crash the server (a client closing the
  // connection of a report download in flight kills the process: see the report of issue 14)
  const nextReport = Array.from({ length: groups }, (_, g) => ((g + 0.5) * 30_000) / groups);
  const plan = (op: number): Call[] => {
    if (op % GROUP === 0) {
      const g = op / GROUP;
      const now = performance.now() - start;
      if (now >= nextReport[g]!) {
        nextReport[g]! += 60_000;
        if (now > (seconds - 20) * 1000) return [lists()];
        return [{ cls: 'report xlsx', method: 'GET', path: `/api/reports/fund_balances/xlsx?date=${fx.last}` }];
      }
      return [lists()];
    }
    return counter(op, weighted(TELLER));
  };

  const { requests, stats, claimed } = operatorRequests({ base, sessions, plan });
  console.error(
    `[${new Date().toISOString().slice(11, 19)}] ${operators} operators signed in; load for ${seconds} s …`,
  );
  child.send({ type: 'start' });
  const load = [loadavg()[0]!];
  const result = await autocannon({
    url: base,
    connections: operators,
    duration: seconds,
    timeout: 60,
    requests,
    ...(ratePerOperator > 0 ? { connectionRate: ratePerOperator } : {}),
  });
  const elapsed = (performance.now() - start) / 1000;
  load.push(loadavg()[0]!);
  // the server process died under the load: the figures of the requests, and that
  const died = child.exitCode ?? (child.connected ? null : -1);
  if (died === null) child.send({ type: 'finish' });
  const done = died === null ? await next('done') : undefined;
  // the server process closes its database (and drops a scratch one) before it exits
  if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));

  const pct = percentile;
  const all: number[] = [];
  console.log(
    `\n## load on ${fx.label}: demo branch scale ${scale} (${fx.clientCount.toLocaleString('en-US')} clients), ${days} trading days, open ${fx.open}${fx.reused ? ` (reused ${fx.reused})` : ` (built in ${fig(fx.builtSeconds)} s)`}`,
  );
  console.log(
    `${operators} operators (${claimed()} connections; ${Math.ceil(operators / GROUP)} clerks, ${operators - Math.ceil(operators / GROUP)} tellers), ${seconds} s, ${ratePerOperator > 0 ? `${ratePerOperator} requests/s per operator` : 'back to back (closed loop)'}; sign-in p50 ${fig(pct(loginMs, 0.5), 0)} ms (argon2id)`,
  );
  console.log('| call | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const order = [
    'list clients',
    'list fund_journal',
    'list orders',
    'list trades',
    'client show',
    'client accounts',
    'client positions',
    'order estimate',
    'order entry',
    'cash posting',
    'report xlsx',
  ];
  let misses = 0;
  for (const cls of [...order, ...[...stats.keys()].filter((k) => !order.includes(k))]) {
    const s = stats.get(cls);
    if (!s) continue;
    s.ms.sort((a, b) => a - b);
    all.push(...s.ms);
    const p95 = pct(s.ms, 0.95);
    const targeted = cls.startsWith('list ') || cls === 'order entry';
    if (targeted && p95 >= 100) misses++;
    console.log(
      `| ${cls}${targeted ? ' †' : ''} | ${s.ms.length} | ${fig(s.ms.length / seconds)} | ${fig(pct(s.ms, 0.5))} | ${fig(p95)} | ${fig(pct(s.ms, 0.99))} | ${fig(s.ms.at(-1) ?? 0)} | ${s.non2xx} | ${s.errors} |`,
    );
  }
  all.sort((a, b) => a - b);
  console.log(
    `| **all** | ${all.length} | ${fig(all.length / seconds)} | ${fig(pct(all, 0.5))} | ${fig(pct(all, 0.95))} | ${fig(pct(all, 0.99))} | ${fig(all.at(-1) ?? 0)} | ${result.non2xx} | ${result.errors} |`,
  );
  console.log(
    `† target p95 < 100 ms. autocannon: ${result.requests.total} requests in ${fig(elapsed)} s (the last answers included), ${fig(result.requests.average, 0)} req/s on average, latency p50 ${result.latency.p50} / p99 ${result.latency.p99} ms, ${result.errors} errors (${result.timeouts} timeouts), ${result.non2xx} non-2xx`,
  );
  if (!done) console.log(`THE SERVER PROCESS DIED during the load (exit ${died}): see its error above`);
  else {
    console.log(
      `server CPU: ${fig(done.cpuSeconds)} s over the load, ${fig((done.cpuSeconds * 1000) / Math.max(1, all.length), 2)} ms a request (one core serves ≈ ${fig(all.length / Math.max(0.001, done.cpuSeconds), 0)} req/s)`,
    );
    console.log(
      `server RSS: ${fx.baseMb} MB before the load, ${done.peakMb} MB at peak; its event-loop delay p50 ${fig(done.loop.p50)} / p99 ${fig(done.loop.p99)} / max ${fig(done.loop.max)} ms; machine load average ${load.map((l) => fig(l, 2)).join(' → ')} (2 cores)`,
    );
    if (done.backends?.samples) {
      const b = done.backends;
      console.log(
        `PostgreSQL backends busy: ${fig(b.busy / b.samples)} on average (pool of 10); of which ${b.waits.map(([w, n]) => `${w} ${fig(n / b.samples)}`).join(', ')}`,
      );
    }
    console.log(
      `invariants (${checkScope === 'full' ? 'whole history' : 'the open day'}, DOMAIN.md §3.3) afterwards: ${done.violations.length ? `${done.violations.length} VIOLATED: ${done.violations.join(', ')}` : 'none violated'} (checked in ${fig(done.checkSeconds)} s)`,
    );
  }
  for (const [cls, s] of stats) if (s.sample) console.log(`first non-2xx of ${cls}: ${s.sample}`);
  const errors = [...stats.values()].reduce((n, s) => n + s.non2xx + s.errors, 0) + result.errors;
  console.log(
    `targets: ${misses === 0 ? 'p95 met' : `p95 missed by ${misses} call class(es)`}; ${errors === 0 ? '0 errors' : `${errors} errors/non-2xx`}; ${!done ? 'server died' : done.violations.length === 0 ? '0 violations' : 'violations'}`,
  );
}
