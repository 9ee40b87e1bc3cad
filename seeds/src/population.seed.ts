import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import type { Db } from '../../server/src/db/connect.js';
import { inTransaction } from '../../server/src/db/transaction.js';
import type { Actor } from '../../server/src/modules/audit/audit.service.js';
import { businessDate } from '../../server/src/modules/ledger/ledger.service.js';
import { DEMO_BRANCH } from './demo-branch.js';
import { tradingDaysBefore } from './parameters.seed.js';
import { closeDormantClients } from './population/close.js';
import { dayStream, type Streams } from './population/draws.js';
import { assignIdNumbers } from './population/id-numbers.js';
import { createPickTable } from './population/lookups.js';
import { CLIENT_FUNDS_PER_SCALE, CLIENTS_PER_SCALE, HISTORY_YEARS } from './population/profile.js';
import { stageClients } from './population/stage.js';
import {
  reserveIds,
  writeClients,
  writeFundAccounts,
  writeHoldings,
  writeOpeningCash,
  writeShareholderAccounts,
  type WriteContext,
} from './population/write.js';

/**
 * The branch's client population at scale (DOMAIN.md §6, §7), generated set-based in SQL and
 * deterministic for a seed: ≈ 14,300 × scale clients of the demo branch with ≈ 320 million ×
 * scale CNY of cash and holdings on top, in the tiers a real branch has (population/profile.ts).
 *
 * Opening balances are dated on the trading day BEFORE asOf, by the branch's teller (the
 * operator with the built-in teller role): they are what the branch brings into its first open
 * day — asOf, the open business date. That day is closed, so the entries (and the transfers in
 * of holdings) sit in the history journals and each account's and position's closing is its
 * opening for asOf, exactly as day-end leaves a day behind; asOf's own figures (deposits, net
 * inflow, new accounts) count only asOf's business, and the journals still explain every balance
 * and holding from zero (invariantViolations 'full').
 */
export interface PopulationOptions {
  seed: number;
  scale: number;
  /** the business date the population exists on: the open business date, 'YYYY-MM-DD' */
  asOf: string;
  /** default: the demo branch (seed.ts) */
  branchId?: number;
  /** when the load runs (audit time, created_at); default now */
  at?: Date;
}

export interface PopulationSummary {
  clients: number;
  fundAccounts: number;
  shareholderAccounts: number;
  positions: number;
  /** Σ of the CNY balances created, a decimal string */
  clientFunds: string;
  ms: number;
}

interface Context {
  branch: { id: number; code: string };
  actor: Actor & { operator_id: number; branch_id: number };
}

/** The branch and its teller, who is named on every row the counter would have written. */
async function contextOf(db: Db, opts: { seed: number; branchId?: number; at?: Date }, what: string): Promise<Context> {
  const q = db.selectFrom('branches').select(['id', 'code']);
  const branch = await (opts.branchId === undefined
    ? q.where('code', '=', DEMO_BRANCH.code)
    : q.where('id', '=', opts.branchId)
  ).executeTakeFirst();
  if (!branch) throw new Error(`${what}: branch ${opts.branchId ?? DEMO_BRANCH.code} not found (run seed() first)`);
  const teller = await db
    .selectFrom('operators as o')
    .innerJoin('operator_roles as r', 'r.operator_id', 'o.id')
    .innerJoin('roles as role', 'role.id', 'r.role_id')
    .select(['o.id', 'o.username'])
    .where('o.branch_id', '=', branch.id)
    .where('role.code', '=', 'teller')
    .where('o.status', '=', 'active')
    .orderBy('o.id')
    .executeTakeFirst();
  if (!teller) throw new Error(`${what}: branch ${branch.code} has no active teller`);
  return {
    branch,
    actor: {
      operator_id: teller.id,
      username: teller.username,
      branch_id: branch.id,
      ip: '',
      request_id: `seed-${what}-${opts.seed}`,
      at: opts.at ?? new Date(),
    },
  };
}

/** The open business date must be `date`: rows dated on a day day-end has closed would break §3.3. */
async function requireOpenDate(trx: Db, date: string, what: string) {
  const open = await businessDate(trx);
  if (open !== date) throw new Error(`${what}: ${date} is not the open business date (${open})`);
}

/** The trading day before `date`, by the calendar table (or the seeded holiday list before it starts). */
async function previousTradingDay(trx: Db, date: string): Promise<string> {
  const { rows } = await sql<{ d: string | null }>`
    SELECT max(date)::text AS d FROM trading_calendar WHERE market = 'SH-A' AND is_trading_day AND date < ${date}::date AND date >= ${date}::date - 20`.execute(
    trx,
  );
  return rows[0]!.d ?? tradingDaysBefore(date, 1);
}

async function depositLimit(trx: Db): Promise<string> {
  const row = await trx
    .selectFrom('system_params')
    .select('value')
    .where('key', '=', 'single_deposit_limit')
    .executeTakeFirst();
  return row && new Decimal(row.value).gt(0) ? row.value : '5000000';
}

/**
 * Serialises with the counter: openClient's per-branch numbering lock, and the tables whose ids
 * are reserved in blocks (no insert can take an id in between).
 */
async function lockForOpening(trx: Db, branchId: number) {
  await sql`SELECT pg_advisory_xact_lock(${7_000_000 + branchId}::bigint)`.execute(trx);
  await sql`LOCK TABLE clients, fund_accounts, fund_journal, positions, position_journal IN SHARE ROW EXCLUSIVE MODE`.execute(
    trx,
  );
}

/** Numbering continues after the branch's clients (as openClient counts them); ids are reserved in one block. */
async function startOfBatch(trx: Db, branchId: number, count: number) {
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM clients WHERE branch_id = ${branchId}::bigint`.execute(trx);
  return { baseNo: rows[0]!.n, firstClientId: await reserveIds(trx, 'clients', count) };
}

/** Refreshes the planner's statistics after a bulk load, so the next queries plan for its size. */
async function analyze(db: Db) {
  if (db.isTransaction) return; // the caller's transaction: they know when to
  for (const t of [
    'clients',
    'fund_accounts',
    'fund_journal_history',
    'shareholder_accounts',
    'positions',
    'position_journal_history',
  ])
    await sql`ANALYZE ${sql.table(t)}`.execute(db);
}

/** Creates the branch's population as it stands on `asOf` (see the module comment). */
export async function seedPopulation(db: Db, opts: PopulationOptions): Promise<PopulationSummary> {
  const started = performance.now();
  const count = Math.round(CLIENTS_PER_SCALE * opts.scale);
  if (!(count > 0)) throw new Error(`population: scale ${opts.scale} gives no clients`);
  const { branch, actor } = await contextOf(db, opts, 'population');
  const streams: Streams = { seed: opts.seed, stream: 0 };
  const summary = await inTransaction(db, async (trx) => {
    await requireOpenDate(trx, opts.asOf, 'population');
    const journalDate = await previousTradingDay(trx, opts.asOf);
    const closed = await sql<{
      d: string;
    }>`SELECT business_date::text AS d FROM day_end_runs WHERE status = 'completed' AND business_date >= ${journalDate}::date LIMIT 1`.execute(
      trx,
    );
    if (closed.rows.length)
      throw new Error(
        `population: ${journalDate} is already closed by day-end; seed the population before the first day-end`,
      );
    const start = new Date(`${opts.asOf}T00:00:00Z`);
    start.setUTCFullYear(start.getUTCFullYear() - HISTORY_YEARS);
    await lockForOpening(trx, branch.id);
    // sorts and hashes over a million staged rows stay in memory (this transaction only)
    await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
    const sizes = await createPickTable(trx, { seed: opts.seed, branchId: branch.id });
    const { baseNo, firstClientId } = await startOfBatch(trx, branch.id, count);
    await stageClients(trx, {
      streams,
      mode: 'population',
      count,
      firstKey: 0,
      firstClientId,
      lastDay: journalDate,
      windowStart: start.toISOString().slice(0, 10),
      sizes,
    });
    // scale the staged cash so the branch holds CLIENT_FUNDS_PER_SCALE × scale: the tiers are
    // drawn to that order already, this removes what the draws left over
    const { rows } = await sql<{ total: string | null }>`SELECT sum(cash_raw)::numeric AS total FROM pop_stage`.execute(
      trx,
    );
    const raw = new Decimal(rows[0]!.total ?? 0);
    const cashFactor = raw.gt(0) ? new Decimal(CLIENT_FUNDS_PER_SCALE).times(opts.scale).div(raw).toFixed(12) : '1';
    await assignIdNumbers(trx, streams);
    const ctx: WriteContext = {
      trx,
      actor,
      streams,
      branchCode: branch.code,
      baseNo,
      firstClientId,
      count,
      journalDate,
      intoHistory: true,
      cashFactor,
      depositLimit: await depositLimit(trx),
      batchAction: { accounts: 'import', postings: 'import', transfers: 'import' },
      reference: { cash: '期初余额结转', foreign: '期初外币余额结转', transfer: '转托管转入（期初持仓）' },
      detail: `期初数据移植（种子 ${opts.seed}）`,
    };
    await writeClients(ctx);
    const accounts = await writeFundAccounts(ctx);
    const cash = await writeOpeningCash(ctx, accounts);
    const shareholderAccounts = await writeShareholderAccounts(ctx);
    const holdings = await writeHoldings(ctx, sizes);
    return {
      clients: count,
      fundAccounts: accounts.cny + accounts.foreign,
      shareholderAccounts,
      positions: holdings.positions,
      clientFunds: cash.amount,
    };
  });
  await analyze(db);
  return { ...summary, ms: Math.round(performance.now() - started) };
}

/**
 * 开户 for the day-by-day history: `count` clients opened on `date` (the open business date),
 * made like the population's (names, ID numbers, accounts, managers, channels), each with a
 * small first deposit dated that day and now and then shares transferred in from another broker.
 */
export async function openDailyClients(
  db: Db,
  opts: { seed: number; date: string; count: number; branchId?: number; at?: Date },
): Promise<{ clients: number; deposits: string; positions: number }> {
  if (opts.count <= 0) return { clients: 0, deposits: '0.00', positions: 0 };
  const { branch, actor } = await contextOf(db, opts, 'open');
  const streams: Streams = { seed: opts.seed, stream: dayStream(opts.date) };
  return inTransaction(db, async (trx) => {
    await requireOpenDate(trx, opts.date, 'openDailyClients');
    await lockForOpening(trx, branch.id);
    const sizes = await createPickTable(trx, { seed: opts.seed, branchId: branch.id });
    const { baseNo, firstClientId } = await startOfBatch(trx, branch.id, opts.count);
    // keyed by the client's number: a second batch on the same day draws new people, not twins
    await stageClients(trx, {
      streams,
      mode: 'daily',
      count: opts.count,
      firstKey: baseNo,
      firstClientId,
      lastDay: opts.date,
      windowStart: opts.date,
      sizes,
    });
    await assignIdNumbers(trx, streams);
    const ctx: WriteContext = {
      trx,
      actor,
      streams,
      branchCode: branch.code,
      baseNo,
      firstClientId,
      count: opts.count,
      journalDate: opts.date,
      intoHistory: false,
      cashFactor: '1',
      depositLimit: await depositLimit(trx),
      batchAction: { accounts: 'create', postings: 'post_set', transfers: 'move_set' },
      reference: { cash: '开户首次存入', foreign: '开户外币存入', transfer: '转托管转入' },
      detail: '开户',
    };
    await writeClients(ctx);
    const accounts = await writeFundAccounts(ctx);
    const cash = await writeOpeningCash(ctx, accounts);
    await writeShareholderAccounts(ctx);
    const holdings = await writeHoldings(ctx, sizes);
    return { clients: opts.count, deposits: cash.amount, positions: holdings.positions };
  });
}

/**
 * 销户 for the day-by-day history: closes up to `count` dormant clients on `date` (the open
 * business date) — nothing held, no order for a year, under 10,000 yuan left, which is paid
 * out first (population/close.ts). Returns how many closed and what was paid out.
 */
export async function closeDailyClients(
  db: Db,
  opts: { seed: number; date: string; count: number; branchId?: number; at?: Date },
): Promise<{ closed: number; withdrawals: number; amount: string }> {
  const { branch, actor } = await contextOf(db, opts, 'close');
  return inTransaction(db, async (trx) => {
    await requireOpenDate(trx, opts.date, 'closeDailyClients');
    const r = await closeDormantClients(trx, {
      streams: { seed: opts.seed, stream: dayStream(opts.date) },
      date: opts.date,
      count: opts.count,
      branchId: branch.id,
      actor,
    });
    return { ...r, amount: new Decimal(r.amount).negated().toFixed(2) };
  });
}
