import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';
import { checkChar } from '../clients/id-number.calc.js';
import { invariantViolations } from '../day-end/invariants.queries.js';

/**
 * The money campaign's concurrency half (Issue 14; the model half is ledger.model.test.ts): on one
 * account at once, through the HTTP API as the counter uses it — deposits, withdrawals, buy orders
 * (each freezes cash) and cancellations of orders placed before, every money request sent N times
 * in parallel under one idempotency key. Afterwards: each key posted at most once and every
 * accepted copy of it answered the same, the account equals its journal (the project's invariant
 * check, over the whole history), balance = opening + the accepted deposits − the accepted
 * withdrawals (no update lost), frozen = what the open orders hold, available ≥ 0; then day-end
 * runs over it. fast-check draws each round's mix; MONEY_SEED replays one, MONEY_FULL=1 runs more.
 *
 * As in ledger.concurrency.test.ts: real concurrency needs PostgreSQL (DATABASE_URL). PGlite is one
 * connection that server/src/db/pglite-pool.ts hands to one transaction at a time, so there the same
 * rounds run one request after another — the same assertions, no race.
 */
const PG = !!process.env.DATABASE_URL;
const FULL = process.env.MONEY_FULL === '1';
const ROUNDS = Number(process.env.MONEY_ROUNDS ?? (FULL ? 12 : PG ? 4 : 2));
const SEED = Number(process.env.MONEY_SEED ?? Date.now() % 2 ** 31);

let t: TestApp;
let teller: Session;
let clerk: Session;
const requests = { total: 0, byKind: {} as Record<string, number>, inFlight: 0, maxInFlight: 0 };

beforeAll(async () => {
  t = await testApp();
  teller = await t.login('teller');
  clerk = await t.login('clerk');
});
afterAll(() => t.close());

let seq = 0;
async function newClient() {
  const first17 = `210506${1970 + (++seq % 30)}0808${String(seq).padStart(3, '0')}`;
  const c = await t.call('POST', '/api/clients', {
    as: teller,
    body: { name: '资金并发', id_number: first17 + checkChar(first17) },
  });
  expect(c.status, JSON.stringify(c.json)).toBe(201);
  const h = await t.call('POST', '/api/shareholder_accounts', {
    as: teller,
    body: { client_id: c.json.id, market: 'SH-A' },
  });
  expect(h.status, JSON.stringify(h.json)).toBe(201);
  return { client: c.json.id as number, account: c.json.fund_account_id as number };
}

type Res = { status: number; json: any };
async function send(kind: string, method: string, path: string, body?: unknown): Promise<Res> {
  requests.total++;
  requests.byKind[kind] = (requests.byKind[kind] ?? 0) + 1;
  requests.maxInFlight = Math.max(requests.maxInFlight, ++requests.inFlight);
  try {
    const r = await t.call(method, path, { as: teller, ...(body === undefined ? {} : { body }) });
    return { status: r.status, json: r.json };
  } finally {
    requests.inFlight--;
  }
}

let keySeq = 0;
const key = () => `money-${process.pid}-${++keySeq}`;
const businessDate = async () =>
  (await t.db.selectFrom('system_params').select('value').where('key', '=', 'business_date').executeTakeFirstOrThrow())
    .value;
const account = (id: number) =>
  t.db.selectFrom('fund_accounts').select(['balance', 'frozen']).where('id', '=', id).executeTakeFirstOrThrow();

interface Mix {
  deposits: number;
  withdrawals: number;
  orders: number;
  cancels: number;
  /** copies of each request under its key, sent together */
  replays: number;
  depositCents: number;
  withdrawalCents: number;
  lots: number;
  /** the opening deposit, in multiples of one order's freeze: some requests must find too little */
  openingOrders: number;
}
const mixArb: fc.Arbitrary<Mix> = fc.record({
  deposits: fc.integer({ min: 3, max: PG ? 12 : 6 }),
  withdrawals: fc.integer({ min: 3, max: PG ? 12 : 6 }),
  orders: fc.integer({ min: 3, max: PG ? 12 : 6 }),
  cancels: fc.integer({ min: 1, max: 4 }),
  replays: fc.integer({ min: 2, max: PG ? 6 : 3 }),
  depositCents: fc.integer({ min: 1, max: 500_000 }),
  withdrawalCents: fc.integer({ min: 1, max: 800_000 }),
  lots: fc.integer({ min: 1, max: 5 }),
  openingOrders: fc.integer({ min: 1, max: 6 }),
});

const money = (c: number) => new Decimal(c).div(100).toFixed(2);

/** Fires every request: all at once on PostgreSQL, one after another on PGlite. */
async function fire(jobs: (() => Promise<Res>)[]): Promise<Res[]> {
  if (PG) return Promise.all(jobs.map((j) => j()));
  const out: Res[] = [];
  for (const j of jobs) out.push(await j());
  return out;
}

/** A small seeded generator (mulberry32): the order of sends follows from the round's drawn seed. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `xs` with the round's generator, so a seed replays the same interleaving of sends. */
function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

let rounds = 0;
async function round(mix: Mix, rand: () => number) {
  rounds++;
  const { client, account: id } = await newClient();
  const price = (
    await t.db.selectFrom('securities').select('prev_close').where('code', '=', '600000').executeTakeFirstOrThrow()
  ).prev_close;
  const order = { client_id: client, code: '600000', side: 'buy', price, quantity: mix.lots * 100 };
  const est = await send('estimate', 'POST', '/api/orders/estimate', order);
  expect(est.status, JSON.stringify(est.json)).toBe(200);
  const freeze = new Decimal(est.json.freeze);
  const opening = freeze
    .times(mix.openingOrders + mix.cancels)
    .plus('1000.00')
    .toFixed(2);
  expect(
    (
      await send('deposit', 'POST', '/api/fund_journal', {
        account_id: id,
        type: 'deposit',
        amount: opening,
        idempotency_key: key(),
      })
    ).status,
  ).toBe(201);
  // orders placed before the burst, to be cancelled in it (each cancel sent `replays` times)
  const standing: number[] = [];
  for (let i = 0; i < mix.cancels; i++) {
    const r = await send('order', 'POST', '/api/orders', { ...order, idempotency_key: key() });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    standing.push(r.json.id);
  }

  type Job = { kind: 'deposit' | 'withdrawal' | 'order' | 'cancel'; key: string; run: () => Promise<Res> };
  const jobs: Job[] = [];
  const keyed = (kind: 'deposit' | 'withdrawal' | 'order', n: number, body: () => Record<string, unknown>) => {
    for (let i = 0; i < n; i++) {
      const k = key();
      const b = { ...body(), idempotency_key: k };
      const path = kind === 'order' ? '/api/orders' : '/api/fund_journal';
      for (let r = 0; r < mix.replays; r++) jobs.push({ kind, key: k, run: () => send(kind, 'POST', path, b) });
    }
  };
  keyed('deposit', mix.deposits, () => ({ account_id: id, type: 'deposit', amount: money(mix.depositCents) }));
  keyed('withdrawal', mix.withdrawals, () => ({
    account_id: id,
    type: 'withdrawal',
    amount: money(mix.withdrawalCents),
  }));
  keyed('order', mix.orders, () => order);
  for (const o of standing)
    for (let r = 0; r < mix.replays; r++)
      jobs.push({ kind: 'cancel', key: `cancel-${o}`, run: () => send('cancel', 'POST', `/api/orders/${o}/cancel`) });
  const order_ = shuffle(jobs, rand);
  const results = await fire(order_.map((j) => j.run));

  // every answer is an acceptance or a refusal the client can read — never a server error
  const odd = results.filter((r) => ![200, 201, 400].includes(r.status));
  expect(odd.map((r) => `${r.status} ${JSON.stringify(r.json)}`)).toEqual([]);

  // per key: posted at most once, every accepted copy answered the same
  const byKey = new Map<string, { kind: Job['kind']; ok: Res[] }>();
  order_.forEach((j, i) => {
    const e = byKey.get(j.key) ?? { kind: j.kind, ok: [] };
    if (results[i]!.status < 300) e.ok.push(results[i]!);
    byKey.set(j.key, e);
  });
  let deposited = new Decimal(0);
  let withdrawn = new Decimal(0);
  const placed: number[] = [];
  for (const [k, { kind, ok }] of byKey) {
    if (!ok.length) continue;
    expect(new Set(ok.map((r) => r.json.id)).size, `${kind} ${k}`).toBe(1);
    if (kind === 'cancel') {
      // one cancel of an order wins; the others find it no longer open
      expect(ok, `cancel ${k}`).toHaveLength(1);
      continue;
    }
    for (const r of ok) expect(r.json, `${kind} ${k}`).toEqual(ok[0]!.json);
    if (kind === 'deposit') deposited = deposited.plus(money(mix.depositCents));
    if (kind === 'withdrawal') withdrawn = withdrawn.plus(money(mix.withdrawalCents));
    if (kind === 'order') placed.push(ok[0]!.json.id);
  }
  for (const o of standing) expect(byKey.get(`cancel-${o}`)!.ok, `cancel of order ${o}`).toHaveLength(1);

  // the journal holds each accepted posting once, under its answer's id
  const journal = await t.db
    .selectFrom('fund_journal')
    .select(['id', 'type', 'amount'])
    .where('account_id', '=', id)
    .orderBy('id')
    .execute();
  const acceptedPostings = [...byKey.values()]
    .filter((e) => (e.kind === 'deposit' || e.kind === 'withdrawal') && e.ok.length)
    .map((e) => Number(e.ok[0]!.json.id))
    .sort((a, b) => a - b);
  expect(
    journal
      .filter((e) => e.type === 'deposit' || e.type === 'withdrawal')
      .map((e) => Number(e.id))
      .slice(1),
  ).toEqual(acceptedPostings);
  const orders = await t.db
    .selectFrom('orders')
    .select(['id', 'status', 'frozen_cash'])
    .where('fund_account_id', '=', id)
    .orderBy('id')
    .execute();
  expect(orders.map((o) => Number(o.id))).toEqual([...standing, ...placed.sort((a, b) => a - b)]);
  // each idempotency key stored once
  const keys = [...byKey.keys()].filter((k) => !k.startsWith('cancel-'));
  const stored = await t.db
    .selectFrom('idempotency_keys')
    .select('key')
    .where(
      'key',
      'in',
      keys.map((k) => `${teller.me.id}:${k}`),
    )
    .execute();
  expect(stored.length).toBe([...byKey.values()].filter((e) => e.kind !== 'cancel' && e.ok.length).length);

  // no update lost: the account is the opening plus what was accepted, frozen what the open orders hold
  const a = await account(id);
  const held = orders.reduce((s, o) => s.plus(o.frozen_cash), new Decimal(0));
  expect(a).toEqual({
    balance: new Decimal(opening).plus(deposited).minus(withdrawn).toFixed(2),
    frozen: held.toFixed(2),
  });
  expect(orders.filter((o) => o.status === 'open').length).toBe(placed.length);
  expect(held.toFixed(2)).toBe(freeze.times(placed.length).toFixed(2));
  expect(new Decimal(a.balance).minus(a.frozen).isNegative(), `available ${a.balance} − ${a.frozen}`).toBe(false);
  expect(await invariantViolations(t.db, 'full')).toEqual([]);
  return { requests: results.length };
}

describe(`the money campaign: concurrent requests on one account (${PG ? 'PostgreSQL, in parallel' : 'PGlite, one after another'})`, () => {
  it(`${ROUNDS} rounds of deposits, withdrawals, orders, cancels and replays of each key; then day-end`, async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(mixArb, fc.nat(), async (mix, shuffleSeed) => {
        sent += (await round(mix, mulberry32(shuffleSeed))).requests;
      }),
      { numRuns: ROUNDS, endOnFailure: true, seed: SEED },
    );
    // day-end over what the bursts left: the orders expire and release their cash; every invariant holds
    const date = await businessDate();
    const pre = await t.call('GET', '/api/day_end_runs/precheck', { as: clerk });
    const run = await t.call('POST', '/api/day_end_runs', {
      as: clerk,
      body: { business_date: date, acknowledged: pre.json.warnings.map((w: { code: string }) => w.code) },
    });
    expect(run.status, JSON.stringify(run.json)).toBe(201);
    const frozenLeft = await t.db
      .selectFrom('fund_accounts')
      .select('id')
      .where('frozen', '<>', '0')
      .where('client_id', 'in', t.db.selectFrom('clients').select('id').where('name', '=', '资金并发'))
      .execute();
    expect(frozenLeft).toEqual([]);
    expect(await invariantViolations(t.db, 'full')).toEqual([]);
    console.log(
      `money concurrency (${PG ? 'PostgreSQL, parallel' : 'PGlite, sequential'}): seed ${SEED}, ${rounds} rounds, ` +
        `${sent} requests in the bursts (up to ${requests.maxInFlight} in flight at once), ${requests.total} requests in all; ` +
        `by kind ${JSON.stringify(requests.byKind)}`,
    );
    // on PostgreSQL the bursts did overlap
    if (PG) expect(requests.maxInFlight).toBeGreaterThan(10);
  }, 600_000);

  it('a teller cannot unfreeze or reverse away the cash an open order holds; the order still cancels', async () => {
    const { client, account: id } = await newClient();
    const price = (
      await t.db.selectFrom('securities').select('prev_close').where('code', '=', '600000').executeTakeFirstOrThrow()
    ).prev_close;
    const dep = await send('deposit', 'POST', '/api/fund_journal', {
      account_id: id,
      type: 'deposit',
      amount: '100000.00',
      idempotency_key: key(),
    });
    expect(dep.status).toBe(201);
    // a manual same-day freeze of 100.00, then a buy that holds most of the rest
    const manual = await send('freeze', 'POST', '/api/fund_journal', {
      account_id: id,
      type: 'freeze',
      amount: '100.00',
      idempotency_key: key(),
    });
    expect(manual.status).toBe(201);
    const o = await send('order', 'POST', '/api/orders', {
      client_id: client,
      code: '600000',
      side: 'buy',
      price,
      quantity: 100,
      idempotency_key: key(),
    });
    expect(o.status, JSON.stringify(o.json)).toBe(201);
    const held = new Decimal(o.json.frozen_cash);
    // the teller can release the manual 100.00, not a cent of the order's
    const tooMuch = await send('unfreeze', 'POST', '/api/fund_journal', {
      account_id: id,
      type: 'unfreeze',
      amount: '100.01',
      idempotency_key: key(),
    });
    expect(tooMuch.status, JSON.stringify(tooMuch.json)).toBe(400);
    expect(Object.keys(tooMuch.json.error.fields)).toEqual(['amount']);
    // nor by reversing the order's freeze entry
    const entry = await t.db
      .selectFrom('fund_journal')
      .select('id')
      .where('account_id', '=', id)
      .where('type', '=', 'freeze')
      .where('reference', 'like', '委托%')
      .executeTakeFirstOrThrow();
    const asked = await t.call('POST', `/api/fund_journal/${entry.id}/reverse`, {
      as: teller,
      body: { reason: '测试' },
    });
    expect(asked.status, JSON.stringify(asked.json)).toBe(202);
    const approved = await t.call('POST', `/api/approvals/${asked.json.approval_id}/approve`, { as: clerk, body: {} });
    expect(approved.status, JSON.stringify(approved.json)).toBe(400);
    expect(await account(id)).toEqual({ balance: '100000.00', frozen: held.plus(100).toFixed(2) });
    const ok = await send('unfreeze', 'POST', '/api/fund_journal', {
      account_id: id,
      type: 'unfreeze',
      amount: '100.00',
      idempotency_key: key(),
    });
    expect(ok.status).toBe(201);
    // the cash the order holds cannot be withdrawn either
    const out = await send('withdrawal', 'POST', '/api/fund_journal', {
      account_id: id,
      type: 'withdrawal',
      amount: new Decimal('100000.00').minus(held).plus('0.01').toFixed(2),
      idempotency_key: key(),
    });
    expect(out.status).toBe(400);
    const cancelled = await send('cancel', 'POST', `/api/orders/${o.json.id}/cancel`);
    expect(cancelled.status, JSON.stringify(cancelled.json)).toBe(200);
    expect(await account(id)).toEqual({ balance: '100000.00', frozen: '0.00' });
    expect(await invariantViolations(t.db, 'full')).toEqual([]);
  });
});

describe('freeze kinds through reversal and day-end (found by the money campaign)', () => {
  it('a reversed same-day freeze is not released again at day-end; a long-term unfreeze cannot take same-day cash', async () => {
    const { account: id } = await newClient();
    const post = (type: string, amount: string, freeze_kind?: string) =>
      send(type, 'POST', '/api/fund_journal', {
        account_id: id,
        type,
        amount,
        idempotency_key: key(),
        ...(freeze_kind ? { freeze_kind } : {}),
      });
    expect((await post('deposit', '1000.00')).status).toBe(201);
    expect((await post('freeze', '500.00', 'long_term')).status).toBe(201);
    const sameDay = await post('freeze', '100.00');
    expect(sameDay.status).toBe(201);
    // 冲销 of the same-day freeze: the reversal keeps its kind, so the day's same-day net is zero
    const asked = await t.call('POST', `/api/fund_journal/${sameDay.json.id}/reverse`, {
      as: teller,
      body: { reason: '录入错误' },
    });
    expect(asked.status, JSON.stringify(asked.json)).toBe(202);
    const approved = await t.call('POST', `/api/approvals/${asked.json.approval_id}/approve`, { as: clerk, body: {} });
    expect(approved.status, JSON.stringify(approved.json)).toBe(200);
    const reversal = await t.db
      .selectFrom('fund_journal')
      .select('freeze_kind')
      .where('reverses_id', '=', sameDay.json.id)
      .executeTakeFirstOrThrow();
    expect(reversal.freeze_kind).toBe('same_day');
    // a new same-day freeze of 200.00: a long-term unfreeze may take the 500.00, not these 200.00
    expect((await post('freeze', '200.00')).status).toBe(201);
    const tooMuch = await post('unfreeze', '500.01', 'long_term');
    expect(tooMuch.status, JSON.stringify(tooMuch.json)).toBe(400);
    expect((await post('unfreeze', '120.00', 'long_term')).status).toBe(201);
    expect(await account(id)).toEqual({ balance: '1000.00', frozen: '580.00' });
    // day-end releases the 200.00 same-day freeze only: the long-term 380.00 stays
    const date = await businessDate();
    const pre = await t.call('GET', '/api/day_end_runs/precheck', { as: clerk });
    const run = await t.call('POST', '/api/day_end_runs', {
      as: clerk,
      body: { business_date: date, acknowledged: pre.json.warnings.map((w: { code: string }) => w.code) },
    });
    expect(run.status, JSON.stringify(run.json)).toBe(201);
    expect(await account(id)).toEqual({ balance: '1000.00', frozen: '380.00' });
    expect(await invariantViolations(t.db, 'full')).toEqual([]);
  });
});
