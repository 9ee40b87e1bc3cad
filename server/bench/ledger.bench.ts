import { benchDb, measure, fig } from './harness.js';
import type { Actor } from '../src/modules/audit/audit.service.js';
import { openClient } from '../src/modules/clients/clients.service.js';
import { checkChar } from '../src/modules/clients/id-number.calc.js';
import { postEntry } from '../src/modules/ledger/ledger.service.js';

/**
 * Ledger throughput: postings per second through the ledger service (postEntry: idempotency
 * check, account row lock, limits, journal entry, balances, audit row — one transaction each),
 * and the p95 latency of one posting.
 *   sequential   one worker, one client's account, deposits and withdrawals in turn
 *   16 accounts  16 concurrent workers, each on its own client's account
 *   1 account    16 concurrent workers all on ONE account (they queue on its row lock)
 * On PGlite every transaction runs alone (one connection), so concurrency cannot help there.
 */
const POSTINGS = Number(process.env.BENCH_POSTINGS ?? 2000);
const WORKERS = 16;

const conn = await benchDb();
const db = conn.db;
console.log(`\n## ledger on ${conn.label}`);

const teller = await db
  .selectFrom('operators')
  .select(['id', 'branch_id'])
  .where('username', '=', 'teller')
  .executeTakeFirstOrThrow();
const actor = (): Actor => ({
  operator_id: teller.id,
  username: 'teller',
  branch_id: teller.branch_id,
  ip: '127.0.0.1',
  request_id: 'bench',
  at: new Date(),
});

let seq = 0;
async function newAccount(): Promise<number> {
  seq++;
  const first17 = `210502${1950 + (seq % 50)}0${1 + (seq % 9)}1${seq % 10}${String(seq % 1000).padStart(3, '0')}`;
  const c = await openClient(db, actor(), teller.branch_id, {
    name: '压测客户',
    id_number: first17 + checkChar(first17),
    phone: '',
    address: '',
    client_class: 'retail',
    client_manager_id: null,
    allow_counter: true,
    allow_phone: true,
    allow_online: true,
    agent_name: '',
    agent_id_number: '',
    agent_phone: '',
  });
  // a float so withdrawals never run short
  await postEntry(db, actor(), teller.branch_id, {
    account_id: c.fund_account_id,
    type: 'deposit',
    amount: '1000000.00',
    idempotency_key: `bench-seed-${seq}`,
  });
  return c.fund_account_id;
}

let key = 0;
/** Deposits and withdrawals in turn; returns each posting's latency in ms. */
async function worker(accountId: number, n: number, latencies: number[]) {
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await postEntry(db, actor(), teller.branch_id, {
      account_id: accountId,
      type: i % 2 === 0 ? 'deposit' : 'withdrawal',
      amount: i % 2 === 0 ? '100.00' : '99.99',
      reference: 'bench',
      idempotency_key: `bench-${process.pid}-${++key}`,
    });
    latencies.push(performance.now() - start);
  }
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const split = (total: number, parts: number) =>
  Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));

/** `workers` concurrent workers share POSTINGS; worker i posts to accounts[i % accounts.length]. */
async function run(label: string, workers: number, accounts: number[]) {
  const latencies: number[] = [];
  const r = await measure(() =>
    Promise.all(split(POSTINGS, workers).map((n, i) => worker(accounts[i % accounts.length]!, n, latencies))),
  );
  console.log(
    `postings: ${label} ${latencies.length} in ${fig(r.seconds, 1)} s = ${Math.round(latencies.length / r.seconds)}/s, p95 ${fig(p95(latencies), 1)} ms per posting (peak RSS ${r.peakMb} MB)`,
  );
}

// a warm-up (JIT, plan caches) that is not measured
await worker(await newAccount(), Number(process.env.BENCH_WARMUP ?? 300), []);

await run('sequential', 1, [await newAccount()]);
const own: number[] = [];
for (let i = 0; i < WORKERS; i++) own.push(await newAccount());
await run(`${WORKERS} workers on ${WORKERS} accounts`, WORKERS, own);
await run(`${WORKERS} workers on 1 account`, WORKERS, [await newAccount()]);

// the books still balance: every account equals the sum of its journal
const bad = await db
  .selectFrom('fund_accounts as a')
  .leftJoin(
    db
      .selectFrom('fund_journal')
      .select(['account_id', (eb) => eb.fn.sum<string>('amount').as('s')])
      .groupBy('account_id')
      .as('j'),
    'j.account_id',
    'a.id',
  )
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .where((eb) => eb('a.balance', '<>', eb.fn.coalesce('j.s', eb.val('0'))))
  .executeTakeFirstOrThrow();
if (Number(bad.n) !== 0) throw new Error(`${bad.n} accounts differ from their journal`);
await conn.close();
