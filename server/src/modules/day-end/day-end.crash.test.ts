import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../db/connect.js';
import { migrate } from '../../db/migrate.js';
import { seed } from '../../../../seeds/src/seed.js';
import { seedActivity } from '../../../../seeds/src/demo-activity.seed.js';
import { STEPS } from './day-end.steps.js';
import { scratchDatabase } from '../../../test/scratch-database.js';

/**
 * Kills the day-end process (SIGKILL, transaction open) in each step in turn, restarts it, and
 * shows the end state equals an uninterrupted run's: the same ledger hash. Runs on the embedded
 * database, and on PostgreSQL when DATABASE_URL is set.
 */
const DATE = '2026-11-24';
/**
 * The steps killed: in CI every other step on each engine (PGlite the even ones, PostgreSQL the
 * odd), so each CI run kills every step once; DAY_END_CRASH_FULL=1 kills every step on either.
 * (server/test/faults kills a real server inside a step too.)
 */
const CRASHED = STEPS.map((s) => s.name).filter(
  (_, i) => process.env.DAY_END_CRASH_FULL === '1' || i % 2 === (process.env.DATABASE_URL ? 1 : 0),
);
const url = process.env.DATABASE_URL;
const scratch = mkdtempSync(path.join(tmpdir(), 'bc-crash-'));
const made: { drop: () => Promise<void> }[] = [];

/** A place holding the seeded day D, still open, with orders and fills. */
async function prepare(): Promise<string> {
  if (url) {
    const db = await scratchDatabase(url, `bc_crash_base_${process.pid}`);
    made.push(db);
    const conn = await connect({ databaseUrl: db.url });
    await build(conn.db);
    await conn.close();
    return db.name;
  }
  const dir = path.join(scratch, 'base');
  const conn = await connect({ dataDir: dir });
  await build(conn.db);
  await conn.close();
  return dir;
}

async function build(db: Parameters<typeof migrate>[0]) {
  await migrate(db);
  await seed(db, { demoPassword: 'Crash2026x', businessDate: '2026-11-23' });
  await seedActivity(db, { seed: 5, clients: 15, days: 2, ordersPerDay: 25, leaveLastDayOpen: true });
}

/** A copy of the prepared place for one scenario. */
async function copyOf(
  base: string,
  label: string,
): Promise<{ env: NodeJS.ProcessEnv; open: () => ReturnType<typeof connect> }> {
  if (url) {
    const db = await scratchDatabase(url, `bc_crash_${label}_${process.pid}`, base);
    made.push(db);
    return { env: { DATABASE_URL: db.url }, open: () => connect({ databaseUrl: db.url }) };
  }
  const dir = path.join(scratch, label);
  cpSync(base, dir, { recursive: true });
  return { env: { DATABASE_URL: '', DATA_DIR: dir }, open: () => connect({ dataDir: dir }) };
}

/** `npm run day-end` in its own process; resolves with how it ended. */
function dayEnd(env: NodeJS.ProcessEnv): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/src/modules/day-end/day-end-cli.ts', '--date', DATE],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

/** The books, without ids and clocks (a crashed transaction still spends sequence numbers). */
async function ledgerHash(open: () => ReturnType<typeof connect>): Promise<string> {
  const conn = await open();
  const q = async (text: string) => JSON.stringify((await sql.raw(text).execute(conn.db)).rows);
  const parts = [
    await q(`SELECT value FROM system_params WHERE key = 'business_date'`),
    await q(
      `SELECT account_no, balance, frozen, unwithdrawable, interest_base, status FROM fund_accounts ORDER BY account_no`,
    ),
    await q(
      `SELECT a.account_no, j.business_date, j.type, j.amount, j.frozen_delta, j.balance_after, j.frozen_after, j.reference FROM fund_journal j JOIN fund_accounts a ON a.id = j.account_id ORDER BY a.account_no, j.balance_after, j.type, j.amount, j.reference`,
    ),
    await q(
      `SELECT client_id, security_id, quantity, frozen, today_bought, cost FROM positions ORDER BY client_id, security_id`,
    ),
    await q(`SELECT order_no, status, filled_quantity, frozen_cash FROM orders ORDER BY order_no`),
    await q(
      `SELECT business_date, branch_id, trades, turnover, commission, deposits, withdrawals, client_funds FROM daily_summaries ORDER BY business_date, branch_id`,
    ),
    await q(
      `SELECT business_date, market, seat_no, trades, net_payable FROM clearing_summaries ORDER BY business_date, market, seat_no`,
    ),
    await q(`SELECT business_date, status FROM day_end_runs WHERE status = 'completed' ORDER BY business_date`),
    await q(
      `SELECT c.business_date, s.market, s.code, c.close_price, c.source, s.prev_close FROM closing_prices c JOIN securities s ON s.id = c.security_id ORDER BY c.business_date, s.market, s.code`,
    ),
  ];
  await conn.close();
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

let base: string;
let reference: string;

beforeAll(async () => {
  base = await prepare();
  const ref = await copyOf(base, 'reference');
  const run = await dayEnd(ref.env);
  expect(run.code, run.out).toBe(0);
  reference = await ledgerHash(ref.open);
}, 300_000);

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  for (const db of made) await db.drop();
});

describe(`day-end survives a crash in any step (${url ? 'PostgreSQL' : 'PGlite'})`, () => {
  it.each(CRASHED)(
    'killed in %s, restarted: the same books as an uninterrupted run',
    async (step) => {
      const place = await copyOf(base, step);
      const before = await ledgerHash(place.open);
      const crashed = await dayEnd({ ...place.env, DAY_END_CRASH_AT: step });
      expect(crashed.signal, crashed.out).toBe('SIGKILL');
      // nothing of the killed run is left (and the run does change the books)
      expect(await ledgerHash(place.open)).toBe(before);
      expect(before).not.toBe(reference);
      const again = await dayEnd(place.env);
      expect(again.code, again.out).toBe(0);
      expect(await ledgerHash(place.open)).toBe(reference);
    },
    120_000,
  );
});
