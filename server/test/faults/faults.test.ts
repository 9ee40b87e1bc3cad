import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { connect, type Connection } from '../../src/db/connect.js';
import { createApp } from '../../src/app.js';
import { systemClock } from '../../src/clock.js';
import { backupContext, takeSnapshot } from '../../src/modules/backups/backups.service.js';
import { restoreDatabase } from '../../src/modules/backups/backups.engine.js';
import { snapshotPath } from '../../src/modules/backups/backups.files.js';
import { STEPS } from '../../src/modules/day-end/day-end.steps.js';
import { invariantViolations } from '../../src/modules/day-end/invariants.queries.js';
import { scratchDatabase } from '../scratch-database.js';
import { TEST_PASSWORD } from '../constants.js';
import { booksHash, KEY_PREFIX, partialStates } from './books.js';
import { setReportArchive } from '../../src/modules/report-packages/report-packages.service.js';
import JSZip from 'jszip';
import { xlsxSheets } from '../../../reports/test/files.js';

/** A package's files in manifest order: name, rows, and every number of an .xlsx (what a restore must keep). */
async function packageNumbers(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
    files: { name: string; rows: number }[];
  };
  const out: { name: string; rows: number; numbers?: number[] }[] = [];
  for (const f of manifest.files) {
    const entry: { name: string; rows: number; numbers?: number[] } = { name: f.name, rows: f.rows };
    if (f.name.endsWith('.xlsx')) {
      const sheets = await xlsxSheets(await zip.file(f.name)!.async('nodebuffer'));
      entry.numbers = sheets.flatMap((s) => s.rows.flat().filter((v): v is number => typeof v === 'number'));
    }
    out.push(entry);
  }
  return out;
}

/**
 * Crash faults (Issue 14): the real server in a child process (child-server.ts) is killed with
 * SIGKILL in the middle of postings, order entry, a trade import, a day-end step and a report
 * download, restarted on the same database, and every request is sent again with its idempotency
 * key. After each restart the invariants of DOMAIN.md §3.3 hold and no request is half done; at the
 * end every key has posted once and the books hash equal to an uninterrupted run of the same
 * requests on a fresh copy. Then a backup restored into a new database holds every invariant and
 * gives the day's reports with the same numbers.
 *
 * PGlite by default, PostgreSQL when DATABASE_URL is set. The CI form kills at five points (one
 * day-end step); FAULTS_FULL=1 runs a chain per day-end step instead. FAULTS_TRACE=1 prints where
 * the time goes (server starts dominate: tsx compiling the app, PGlite opening its directory).
 */
const url = process.env.DATABASE_URL;
const FULL = process.env.FAULTS_FULL === '1';
const engine = url ? 'PostgreSQL' : 'PGlite';
const scratch = mkdtempSync(path.join(tmpdir(), 'bc-faults-'));
const made: { drop: () => Promise<void> }[] = [];
const REPORTS = ['fund_balances', 'daily_fund_statement'] as const;

// ---------------------------------------------------------------- places and processes

interface Place {
  label: string;
  env: Record<string, string>;
  open: () => Promise<Connection>;
  /** removes the database (and its snapshots) once a chain on it has passed */
  drop: () => Promise<void>;
}

let base: string;

/** The history test database (a few closed days, the next one open and empty) as a place of its own. */
async function prepareBase(): Promise<string> {
  if (url) return inject('pgHistoryTemplate')!;
  const dir = path.join(scratch, 'base');
  const conn = await connect({
    dataDir: dir,
    loadDataDir: new Blob([readFileSync(inject('pgliteHistorySnapshot')!)]),
  });
  await conn.close();
  return dir;
}

async function placeOf(label: string): Promise<Place> {
  const backupDir = path.join(scratch, `${label}-backups`);
  mkdirSync(backupDir, { recursive: true });
  const exportDir = path.join(scratch, `${label}-exports`);
  if (url) {
    const db = await scratchDatabase(url, `bc_faults_${label}_${process.pid}`, base);
    made.push(db);
    return {
      label,
      env: { FAULT_DATABASE_URL: db.url, FAULT_BACKUP_DIR: backupDir, FAULT_EXPORT_DIR: exportDir },
      open: () => connect({ databaseUrl: db.url }),
      drop: async () => {
        await db.drop();
        rmSync(backupDir, { recursive: true, force: true });
        rmSync(exportDir, { recursive: true, force: true });
      },
    };
  }
  const dir = path.join(scratch, label);
  cpSync(base, dir, { recursive: true });
  return {
    label,
    env: { FAULT_DATA_DIR: dir, FAULT_BACKUP_DIR: backupDir, FAULT_EXPORT_DIR: exportDir },
    open: () => connect({ dataDir: dir }),
    drop: async () => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(backupDir, { recursive: true, force: true });
      rmSync(exportDir, { recursive: true, force: true });
    },
  };
}

interface Child {
  proc: ChildProcess;
  port: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  out: () => string;
}

/** every server started, so none outlives the suite when an assertion fails mid-chain */
const children = new Set<ChildProcess>();

type Faults = {
  FAULT_KILL_AT?: string;
  FAULT_KILL_EXPORT?: string;
  DAY_END_CRASH_AT?: string;
  FAULT_KILL_JOB?: string;
};

/** Starts the server on the place, with the given fault armed; resolves once it listens. */
function start(place: Place, faults: Faults): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/test/faults/child-server.ts'], {
    env: {
      ...process.env,
      FAULT_KILL_AT: '',
      FAULT_KILL_EXPORT: '',
      DAY_END_CRASH_AT: '',
      FAULT_KILL_JOB: '',
      ...place.env,
      FAULT_SINCE: plan.date,
      ...faults,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve({ proc, port: Number(m[1]), exited, out: () => out });
    });
    proc.stderr!.on('data', (d) => (out += d));
    void exited.then((e) => reject(new Error(`server exited before listening (${e.code ?? e.signal}): ${out}`)));
  });
}

async function stop(child: Child) {
  child.proc.kill('SIGTERM');
  const e = await child.exited;
  expect(e.code, child.out()).toBe(0);
}

// ---------------------------------------------------------------- requests

/** The server went away under a request (the kill we armed, or a crash we did not). */
class Killed extends Error {}

interface Session {
  cookie: string;
  csrf: string;
}

async function call(
  child: Child,
  method: string,
  p: string,
  opts: { as?: Session; body?: unknown; csv?: string } = {},
): Promise<{ status: number; json: any; text: string }> {
  const headers: Record<string, string> = { origin: `http://127.0.0.1:${child.port}` };
  if (opts.as) {
    headers.cookie = opts.as.cookie;
    headers['x-csrf-token'] = opts.as.csrf;
  }
  let body: string | undefined;
  if (opts.csv !== undefined) {
    headers['content-type'] = 'text/csv';
    body = opts.csv;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let text: string;
  let status: number;
  try {
    const res = await fetch(`http://127.0.0.1:${child.port}${p}`, { method, headers, body });
    status = res.status;
    text = await res.text();
  } catch (e) {
    throw new Killed(`${method} ${p}: ${(e as Error).message}`);
  }
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status, json, text };
}

async function login(child: Child, username: string): Promise<Session> {
  const res = await fetch(`http://127.0.0.1:${child.port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  }).catch((e) => {
    throw new Killed(`login: ${(e as Error).message}`);
  });
  const json = (await res.json()) as { csrf_token: string };
  expect(res.status, JSON.stringify(json)).toBe(200);
  return { cookie: `sid=${/sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]}`, csrf: json.csrf_token };
}

// ---------------------------------------------------------------- the day's requests

interface Posting {
  account_id: number;
  type: 'deposit' | 'withdrawal' | 'freeze' | 'unfreeze';
  amount: string;
  reference: string;
  freeze_kind?: 'same_day';
  idempotency_key: string;
}
interface OrderReq {
  client_id: number;
  code: string;
  side: 'buy' | 'sell';
  price: string;
  quantity: number;
  idempotency_key: string;
}
interface Plan {
  date: string;
  /** one lane per account: a lane's postings go one after another, the lanes at once */
  lanes: Posting[][];
  orders: OrderReq[];
  /** shareholder account code per shareholder account id (the trade file names the holder) */
  holders: Record<number, string>;
}

/** The requests of the day, drawn from the base database (the same list for every run). */
async function makePlan(conn: Connection): Promise<Plan> {
  const q = async <T>(text: string) => (await sql.raw(text).execute(conn.db)).rows as T[];
  const date = (await q<{ value: string }>(`SELECT value FROM system_params WHERE key = 'business_date'`))[0]!.value;
  const accounts = await q<{ id: number }>(
    `SELECT a.id FROM fund_accounts a JOIN clients c ON c.id = a.client_id
     WHERE a.status = 'active' AND c.status = 'normal' AND a.currency = 'CNY' AND a.branch_id = 2
     ORDER BY a.account_no LIMIT 6`,
  );
  const lanes = accounts.map((a, i) => {
    const p = (j: number, type: Posting['type'], amount: string): Posting => {
      const key = `${KEY_PREFIX}p-${i}-${j}`;
      return {
        account_id: a.id,
        type,
        amount,
        reference: key,
        ...(type === 'freeze' ? { freeze_kind: 'same_day' as const } : {}),
        idempotency_key: key,
      };
    };
    return [
      p(0, 'deposit', `${10_000 + i * 111}.00`),
      p(1, 'withdrawal', '1234.56'),
      p(2, 'freeze', '300.00'),
      p(3, 'unfreeze', '100.00'),
      p(4, 'deposit', '88.88'),
    ];
  });
  const buyers = await q<{ client_id: number }>(
    `SELECT c.id AS client_id FROM clients c
     JOIN fund_accounts a ON a.client_id = c.id AND a.currency = 'CNY' AND a.status = 'active'
     JOIN shareholder_accounts h ON h.client_id = c.id AND h.market = 'SH-A' AND h.status = 'active'
     WHERE c.status = 'normal' AND c.branch_id = 2 AND a.balance - a.frozen >= 20000
     ORDER BY c.client_no LIMIT 4`,
  );
  const sellers = await q<{ client_id: number; code: string; price: string }>(
    `SELECT p.client_id, s.code, s.prev_close AS price FROM positions p
     JOIN securities s ON s.id = p.security_id AND s.market = 'SH-A' AND s.status = 'listed' AND s.board = 'main' AND s.type = 'stock' AND s.lot_size = 100
     JOIN shareholder_accounts h ON h.id = p.shareholder_account_id AND h.status = 'active'
     JOIN clients c ON c.id = p.client_id AND c.status = 'normal' AND c.branch_id = 2
     WHERE p.quantity - p.today_bought - p.frozen >= 100 AND p.quantity % 100 = 0 AND p.frozen = 0
     ORDER BY c.client_no, s.code LIMIT 2`,
  );
  const prices = Object.fromEntries(
    (
      await q<{ code: string; prev_close: string }>(
        `SELECT code, prev_close FROM securities WHERE market = 'SH-A' AND code IN ('600000', '600036')`,
      )
    ).map((r) => [r.code, r.prev_close]),
  );
  const orders: OrderReq[] = [];
  const order = (o: Omit<OrderReq, 'idempotency_key'>) =>
    orders.push({ ...o, idempotency_key: `${KEY_PREFIX}o-${String(orders.length).padStart(3, '0')}` });
  buyers.forEach((b, i) => {
    order({ client_id: b.client_id, code: '600000', side: 'buy', price: prices['600000']!, quantity: 100 });
    if (i % 2 === 0)
      order({ client_id: b.client_id, code: '600036', side: 'buy', price: prices['600036']!, quantity: 200 });
  });
  for (const s of sellers) order({ client_id: s.client_id, code: s.code, side: 'sell', price: s.price, quantity: 100 });
  const holders = Object.fromEntries(
    (await q<{ id: number; code: string }>(`SELECT id, code FROM shareholder_accounts`)).map((h) => [h.id, h.code]),
  );
  return { date, lanes, orders, holders };
}

type Phase = 'postings' | 'orders' | 'import' | 'day_end' | 'exports';

interface Run {
  sent: number;
  replayed: number;
  /** the id each key was first answered with, and how many replays answered with the same one */
  answers: Map<string, number>;
  intact: number;
  seen: Set<string>;
  done: Set<Phase>;
  orders: Record<string, any>;
  exports: Record<string, string>;
}

/**
 * Sends the day's requests. Postings and orders are all sent again after every restart, each with
 * its idempotency key (a key already posted answers as it did the first time and posts nothing);
 * the trade import, day-end and the downloads are sent again if they had not answered.
 */
const TRACE = process.env.FAULTS_TRACE === '1';
let t0 = Date.now();
const trace = (what: string) => {
  if (TRACE) console.log(`  +${((Date.now() - t0) / 1000).toFixed(1)} s ${what}`);
  t0 = Date.now();
};

async function sendAll(child: Child, plan: Plan, run: Run) {
  const count = (id: string) => {
    run.sent++;
    if (run.seen.has(id)) run.replayed++;
    run.seen.add(id);
  };
  // an answer given before a kill is still the answer after it: what was acknowledged survived
  const answered = (key: string, id: number) => {
    const first = run.answers.get(key);
    if (first === undefined) run.answers.set(key, id);
    else {
      expect(id, `${key} answered ${first} before the restart`).toBe(first);
      run.intact++;
    }
  };
  const teller = await login(child, 'teller');
  const clerk = await login(child, 'clerk');
  trace('logins');

  const lanes = await Promise.allSettled(
    plan.lanes.map(async (lane) => {
      for (const p of lane) {
        count(p.idempotency_key);
        const r = await call(child, 'POST', '/api/fund_journal', { as: teller, body: p });
        expect(r.status, `${p.idempotency_key}: ${r.text}`).toBe(201);
        answered(p.idempotency_key, r.json.id);
      }
    }),
  );
  const failed = lanes.find((l) => l.status === 'rejected') as PromiseRejectedResult | undefined;
  if (failed) throw failed.reason;
  run.done.add('postings');
  trace('postings');

  for (const o of plan.orders) {
    count(o.idempotency_key);
    const r = await call(child, 'POST', '/api/orders', { as: teller, body: o });
    expect(r.status, `${o.idempotency_key}: ${r.text}`).toBe(201);
    answered(o.idempotency_key, r.json.id);
    run.orders[o.idempotency_key] = r.json;
  }
  run.done.add('orders');
  trace('orders');

  if (!run.done.has('import')) {
    count('import');
    const lines = plan.orders.map((o, i) => {
      const x = run.orders[o.idempotency_key];
      return [
        plan.date,
        x.market,
        x.seat_no,
        plan.holders[x.shareholder_account_id],
        x.code,
        x.side === 'buy' ? 'B' : 'S',
        x.quantity,
        x.price,
        x.order_no,
        `FLT${plan.date.replaceAll('-', '')}${String(i).padStart(4, '0')}`,
      ].join(',');
    });
    const csv = `trade_date,market,seat,shareholder_account,security_code,side,quantity,price,order_no,trade_id\n${lines.join('\n')}\n`;
    const r = await call(child, 'POST', '/api/trades/import', { as: clerk, csv });
    expect(r.status, r.text).toBe(200);
    expect(r.json.unmatched, r.text).toEqual([]);
    expect(r.json.recorded + r.json.duplicates).toBe(plan.orders.length);
    run.done.add('import');
    trace('import');
  }

  if (!run.done.has('day_end')) {
    count('day_end');
    const pre = await call(child, 'GET', '/api/day_end_runs/precheck', { as: clerk });
    const acknowledged = (pre.json.warnings ?? []).map((w: { code: string }) => w.code);
    const r = await call(child, 'POST', '/api/day_end_runs', {
      as: clerk,
      body: { business_date: plan.date, acknowledged },
    });
    // 409 DAY_END_DONE: the run had committed when the server was killed, before it answered
    if (r.status !== 201) expect(r.json?.error?.code, r.text).toBe('DAY_END_DONE');
    run.done.add('day_end');
    trace('day-end');
  }

  for (const report of REPORTS) {
    if (run.exports[report]) continue;
    count(`export ${report}`);
    const r = await call(child, 'GET', `/api/reports/${report}/csv?date=${plan.date}`, { as: clerk });
    expect(r.status, r.text).toBe(200);
    run.exports[report] = r.text;
  }
  run.done.add('exports');
  trace('exports');
}

interface ChainResult {
  hash: string;
  kills: number;
  sent: number;
  replayed: number;
  intact: number;
  exports: Record<string, string>;
  postedOnce: number;
  ordersOnce: number;
}

/**
 * Runs the day on `place`, arming `kills[i]` in the i-th server process; each kill must happen
 * (the process ends by SIGKILL), the next process starts on the same database and is checked
 * for invariants and partial states before the requests are sent again.
 */
async function chain(place: Place, plan: Plan, kills: Faults[]): Promise<ChainResult> {
  const run: Run = {
    sent: 0,
    replayed: 0,
    answers: new Map(),
    intact: 0,
    seen: new Set(),
    done: new Set(),
    orders: {},
    exports: {},
  };
  trace('chain');
  let child = await start(place, kills[0] ?? {});
  trace('started');
  let killed = 0;
  for (;;) {
    try {
      await sendAll(child, plan, run);
      break;
    } catch (e) {
      if (!(e instanceof Killed)) {
        child.proc.kill('SIGKILL');
        throw e;
      }
      const exit = await child.exited;
      expect(exit.signal, `${e.message}\n${child.out()}`).toBe('SIGKILL');
      killed++;
      trace(`killed ${killed}`);
      child = await start(place, kills[killed] ?? {});
      trace('restarted');
      const check = await call(child, 'GET', '/__faults/check');
      expect(check.json, `after kill ${killed} (${JSON.stringify(kills[killed - 1])})`).toEqual({
        invariants: [],
        partial: [],
      });
      trace('checked');
    }
  }
  await stop(child);
  expect(killed, `every armed fault fired (${JSON.stringify(kills)})`).toBe(kills.length);

  const conn = await place.open();
  try {
    expect(await invariantViolations(conn.db, 'full')).toEqual([]);
    expect(await partialStates(conn.db, plan.date)).toEqual([]);
    const q = async (text: string) => (await sql.raw(text).execute(conn.db)).rows as Record<string, any>[];
    // every posting key: one journal entry, one idempotency record
    const postingKeys = plan.lanes.flat().map((p) => p.idempotency_key);
    const posted = await q(
      `SELECT j.reference, count(*)::int AS n FROM fund_journal_all j WHERE j.reference LIKE '${KEY_PREFIX}p-%' GROUP BY 1`,
    );
    const keyed = await q(`SELECT key FROM idempotency_keys WHERE key LIKE '%:${KEY_PREFIX}%'`);
    expect(posted.map((r) => r.reference).sort()).toEqual([...postingKeys].sort());
    expect(posted.every((r) => r.n === 1)).toBe(true);
    // every order key: one order, the one its record names
    const orders = await q(`SELECT id, order_no FROM orders WHERE business_date = '${plan.date}'`);
    expect(orders.length).toBe(plan.orders.length);
    expect(new Set(Object.values(run.orders).map((o) => o.order_no))).toEqual(new Set(orders.map((o) => o.order_no)));
    expect(keyed.length).toBe(postingKeys.length + plan.orders.length);
    return {
      hash: await booksHash(conn.db),
      kills: killed,
      sent: run.sent,
      replayed: run.replayed,
      intact: run.intact,
      exports: run.exports,
      postedOnce: posted.length,
      ordersOnce: orders.length,
    };
  } finally {
    await conn.close();
  }
}

// ---------------------------------------------------------------- the suite

let plan: Plan;
let reference: ChainResult;
let referencePlace: Place;

beforeAll(async () => {
  base = await prepareBase();
  const first = await placeOf('plan');
  const conn = await first.open();
  plan = await makePlan(conn);
  await conn.close();
  await first.drop();
  expect(plan.lanes.length).toBe(6);
  expect(plan.orders.length).toBeGreaterThanOrEqual(6);
  referencePlace = await placeOf('reference');
  reference = await chain(referencePlace, plan, []);
  console.log(
    `faults ${engine}: uninterrupted run: ${reference.sent} requests, ${reference.postedOnce} postings and ${reference.ordersOnce} orders, books ${reference.hash.slice(0, 12)}`,
  );
}, 300_000);

afterAll(async () => {
  for (const proc of children) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
  for (const db of made) await db.drop();
});

/** The kill points of one chain: mid-postings, mid-order entry, mid-import, in a day-end step, mid-download. */
const killsWith = (step: string, n: number): Faults[] => [
  { FAULT_KILL_AT: `fund_journal:${7 + n}` },
  { FAULT_KILL_AT: `orders:${2 + (n % 4)}` },
  { FAULT_KILL_AT: `trades:${2 + (n % 3)}` },
  { DAY_END_CRASH_AT: step },
  { FAULT_KILL_EXPORT: 'fund_balances' },
];
const CI_STEPS = ['delivery'];
const steps = FULL ? STEPS.map((s) => s.name) : CI_STEPS;

describe(`crash faults: SIGKILL, restart, replay (${engine})`, () => {
  it.each(steps.map((s, i) => [s, i] as const))(
    'killed in postings, order entry, trade import, day-end step %s and a report download: no partial state, each key once, the same books',
    async (step, n) => {
      const place = await placeOf(`kill_${n}`);
      const kills = killsWith(step, n);
      const r = await chain(place, plan, kills);
      console.log(
        `faults ${engine} [${step}]: ${r.kills} kills, ${r.sent} requests sent, ${r.replayed} replayed (${r.intact} answered as before the kill), ${r.postedOnce}/${plan.lanes.flat().length} posting keys posted once, ${r.ordersOnce}/${plan.orders.length} order keys once, books ${r.hash === reference.hash ? 'equal' : 'DIFFERENT'}`,
      );
      expect(r.hash).toBe(reference.hash);
      for (const report of REPORTS) expect(r.exports[report], report).toBe(reference.exports[report]);
      await place.drop();
    },
    420_000,
  );

  it('a background export killed mid-way is failed at restart with its reason, nothing half-written offered; asked again, it completes', async () => {
    const place = await placeOf('job');
    const dir = place.env.FAULT_EXPORT_DIR!;
    const lowered = await place.open();
    await lowered.db
      .updateTable('system_params')
      .set({ value: '10' })
      .where('key', '=', 'export_job_threshold_rows')
      .execute();
    await lowered.close();
    const report = `/api/reports/fund_balances/csv?date=${plan.date}`;
    let child = await start(place, { FAULT_KILL_JOB: '1' });
    const clerk = await login(child, 'clerk');
    // the 202 may or may not reach us before the kill: the job's row says what was asked
    await call(child, 'GET', report, { as: clerk }).catch((e) => {
      if (!(e instanceof Killed)) throw e;
    });
    expect((await child.exited).signal).toBe('SIGKILL');
    expect(readdirSync(dir).filter((f) => f.endsWith('.part')).length).toBe(1);
    const dead = await place.open();
    const left = await dead.db.selectFrom('export_jobs').select(['id', 'status']).execute();
    await dead.close();
    expect(left).toEqual([{ id: left[0]!.id, status: 'running' }]);

    child = await start(place, {});
    const again = await login(child, 'clerk');
    const failed = await call(child, 'GET', `/api/export_jobs/${left[0]!.id}`, { as: again });
    expect(failed.json).toMatchObject({ status: 'failed', error: 'SERVER_RESTARTED' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect((await call(child, 'GET', `/api/export_jobs/${left[0]!.id}/download`, { as: again })).status).toBe(409);
    // asked again, the export runs to its end and its file is whole
    const retry = await call(child, 'GET', report, { as: again });
    expect(retry.status).toBe(202);
    let job = retry.json.job;
    for (let i = 0; i < 600 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await call(child, 'GET', `/api/export_jobs/${job.id}`, { as: again })).json;
    }
    expect(job).toMatchObject({ status: 'completed', rows_done: job.rows_expected });
    const file = await call(child, 'GET', `/api/export_jobs/${job.id}/download`, { as: again });
    expect(file.status).toBe(200);
    expect(file.text.trim().split('\n').length).toBeGreaterThan(job.rows_expected);
    await stop(child);
    await place.drop();
  }, 180_000);

  it('backup → restore into a new database: every invariant holds, the day’s reports and report package give the same numbers', async () => {
    const conn = await referencePlace.open();
    const backupDir = path.join(scratch, 'restore-backups');
    const ctx = backupContext(conn, { backupDir });
    const admin = await conn.db
      .selectFrom('operators')
      .select(['id', 'branch_id'])
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const backup = await takeSnapshot(
      ctx,
      {
        operator_id: admin.id,
        username: 'admin',
        branch_id: admin.branch_id,
        ip: 'test',
        request_id: 'faults',
        at: new Date(),
      },
      { kind: 'manual', business_date: plan.date, note: 'fault suite' },
    );
    // a new, empty database of the same engine, then the snapshot restored into it
    let restored: Connection;
    if (url) {
      const db = await scratchDatabase(url, `bc_faults_restored_${process.pid}`);
      made.push(db);
      restored = await connect({ databaseUrl: db.url });
    } else {
      restored = await connect({ dataDir: path.join(scratch, 'restored') });
    }
    try {
      await restoreDatabase(restored, snapshotPath(backupDir, backup.file));
      expect(await invariantViolations(restored.db, 'full')).toEqual([]);
      expect(await partialStates(restored.db, plan.date)).toEqual([]);
      expect(await booksHash(restored.db)).toBe(await booksHash(conn.db));
      // the day's reports, run by the app over each database
      const figures = async (c: Connection) => {
        const app = createApp({
          db: c.db,
          clock: systemClock,
          backups: backupContext(c, { backupDir: path.join(scratch, `reports-${c === conn ? 'a' : 'b'}`) }),
          dbKind: c.kind,
        });
        const res = await app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'clerk', password: TEST_PASSWORD }),
        });
        expect(res.status).toBe(200);
        const cookie = `sid=${/sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]}`;
        const csrf = ((await res.json()) as { csrf_token: string }).csrf_token;
        const out: Record<string, string> = {};
        for (const report of REPORTS) {
          const r = await app.request(`/api/reports/${report}/csv?date=${plan.date}`, { headers: { cookie } });
          expect(r.status).toBe(200);
          out[report] = await r.text();
        }
        // the day's report package, built over this database: its files' rows and every number in them
        setReportArchive(path.join(scratch, `archive-${c === conn ? 'a' : 'b'}`));
        try {
          const built = await app.request('/api/report_packages', {
            method: 'POST',
            headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
            body: JSON.stringify({ business_date: plan.date }),
          });
          expect(built.status, await built.clone().text()).toBe(201);
          const { id } = (await built.json()) as { id: number };
          const zip = await app.request(`/api/report_packages/${id}/download`, { headers: { cookie } });
          out.package = JSON.stringify(await packageNumbers(Buffer.from(await zip.arrayBuffer())));
        } finally {
          setReportArchive(undefined);
        }
        return out;
      };
      const before = await figures(conn);
      const after = await figures(restored);
      // the report package: the same files with the same rows and the same numbers in every .xlsx
      expect(after.package).toBe(before.package);
      expect(JSON.parse(after.package!).length).toBeGreaterThan(0);
      for (const report of REPORTS) {
        expect(after[report], report).toBe(before[report]);
        // and the same as the download the uninterrupted run's server gave that day
        expect(after[report], report).toBe(reference.exports[report]);
      }
      console.log(
        `faults ${engine}: backup ${backup.file} (${backup.bytes} bytes) restored into a new database: 0 invariant violations, books equal, ${REPORTS.length} reports and the report package's numbers equal`,
      );
    } finally {
      await restored.close();
      await conn.close();
    }
  }, 240_000);
});
