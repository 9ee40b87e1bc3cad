import fc from 'fast-check';
import { sql } from 'kysely';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attempt, testApp, type TestApp } from '../../../test/harness.js';
import type { Actor } from '../audit/audit.service.js';
import { AppError } from '../../http/errors.js';
import { openClient } from '../clients/clients.service.js';
import { checkChar } from '../clients/id-number.calc.js';
import { postEntry } from '../ledger/ledger.service.js';
import { cancelOrder, estimateOrder, placeOrder } from './orders.service.js';
import { openShareholderAccount, transferSecurities } from './positions.service.js';
import { simulateExchange } from '../trades/exchange.sim.js';
import { importTradeReport } from '../trades/trades.service.js';
import { dayEndWarnings, runDayEnd } from '../day-end/day-end.service.js';
import { invariantViolations } from '../day-end/invariants.queries.js';
import { interestOn } from '../day-end/interest.calc.js';
import { setClientStatus, settleClosingInterest } from '../clients/clients.service.js';

/**
 * Orders, cancels, fills and day-ends against a model (DOMAIN.md §3.2–3.5): random sequences of
 * buy and sell orders at prices across the band, cancels, exchange fills, cash movements and
 * day-end runs. After every step: frozen cash equals what the day's orders still hold (a filled
 * buy keeps its freeze until delivery), frozen shares equal what the day's sells hold, cash moves
 * at delivery by exactly the trades' net amounts, a placement succeeds exactly when the estimate
 * found no problem, and every database invariant holds over the whole history (the accrual bases
 * included). Beside the traders, a saver keeps cash only and closes at the counter now and then:
 * 销户 is refused while interest is unsettled or cash is left; 销户结息 pays the base its day-ends
 * accrued (the model's own sum of the saver's closings) × rate / 360; the saver takes the whole
 * balance out and closes; a closed account takes nothing more and accrues nothing. A day-end with
 * warnings (orders and no trade report) is refused until they are acknowledged.
 */
const RUNS = Number(process.env.ORDER_MODEL_RUNS ?? 8);
const OPS = Number(process.env.ORDER_MODEL_OPS ?? 150);
const CODES = ['600000', '600519', '601318', '000001', '000858', '300750', '688981'];

type Op =
  | { kind: 'order'; client: number; side: 'buy' | 'sell'; code: number; lots: number; ticks: number }
  | { kind: 'cancel'; order: number }
  | { kind: 'fill'; seed: number }
  | { kind: 'deposit'; client: number; cents: number }
  | { kind: 'save'; cents: number }
  | { kind: 'close'; direct: boolean }
  | { kind: 'day_end' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      client: fc.nat(5),
      side: fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
      code: fc.nat(CODES.length - 1),
      lots: fc.integer({ min: 1, max: 30 }),
      ticks: fc.integer({ min: -1200, max: 1200 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cancel' as const), order: fc.nat(300) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fill' as const), seed: fc.nat(10_000) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deposit' as const),
      client: fc.nat(5),
      cents: fc.integer({ min: 1, max: 50_000_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('day_end' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('save' as const), cents: fc.integer({ min: 1, max: 50_000_000 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), direct: fc.boolean() }) },
);

/** A client with cash only (no shares, no orders): the one who closes. */
interface ModelSaver {
  id: number;
  account: number;
  balance: Decimal;
  /** the accrual base: the sum of the saver's closings since its interest was last settled */
  base: Decimal;
}

interface ModelClient {
  id: number;
  account: number;
  balance: Decimal;
  frozen: Decimal;
}
interface ModelOrder {
  id: number;
  client: ModelClient;
  side: 'buy' | 'sell';
  /** what the order still holds frozen (a buy's fills keep their cost frozen until delivery) */
  frozenCash: Decimal;
  /** the net cash of its fills so far, settled at delivery: − buys' cost, + sells' proceeds */
  settles: Decimal;
  open: boolean;
}

let t: TestApp;
let teller: Actor;
let clerk: Actor;
let seq = 0;
let key = 0;
let rate = '0';

beforeAll(async () => {
  t = await testApp();
  const op = async (u: string) => {
    const o = await t.db
      .selectFrom('operators')
      .select(['id', 'branch_id'])
      .where('username', '=', u)
      .executeTakeFirstOrThrow();
    return {
      operator_id: o.id,
      username: u,
      branch_id: o.branch_id,
      ip: '',
      request_id: 'order-model',
      at: new Date('2026-11-23T03:00:00Z'),
    };
  };
  teller = await op('teller');
  clerk = await op('clerk');
  // interest capitalisation has its own test (day-end.test.ts); here the model's cash is the trades'
  await t.db
    .updateTable('system_params')
    .set({ value: '' })
    .where('key', '=', 'interest_capitalisation_dates')
    .execute();
  rate = (
    await t.db
      .selectFrom('system_params')
      .select('value')
      .where('key', '=', 'interest_rate_annual')
      .executeTakeFirstOrThrow()
  ).value;
});

async function newSaver(): Promise<ModelSaver> {
  seq++;
  const first17 = `210504${1960 + (seq % 40)}0${1 + (seq % 9)}1${seq % 10}${String(seq % 1000).padStart(3, '0')}`;
  const c = await openClient(t.db, teller, teller.branch_id, {
    name: '储蓄模型',
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
  return { id: c.id, account: c.fund_account_id, balance: new Decimal(0), base: new Decimal(0) };
}

const clientVersion = async (id: number) =>
  (await t.db.selectFrom('clients').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
afterAll(() => t.close());

async function newClient(): Promise<ModelClient> {
  seq++;
  // born on a day 20–28: the 29th is not a date in every February
  const first17 = `210503${1960 + (seq % 40)}0${1 + (seq % 9)}2${seq % 9}${String(seq % 1000).padStart(3, '0')}`;
  const c = await openClient(t.db, teller, teller.branch_id, {
    name: '委托模型',
    id_number: first17 + checkChar(first17),
    phone: '',
    address: '',
    client_class: seq % 3 ? 'retail' : 'vip',
    client_manager_id: null,
    allow_counter: true,
    allow_phone: true,
    allow_online: true,
    agent_name: '',
    agent_id_number: '',
    agent_phone: '',
  });
  await postEntry(t.db, teller, teller.branch_id, {
    account_id: c.fund_account_id,
    type: 'deposit',
    amount: '800000.00',
    idempotency_key: `om-${process.pid}-${++key}`,
  });
  for (const [market, code] of [
    ['SH-A', `A${String(700000000 + seq)}`],
    ['SZ-A', `0${String(700000000 + seq).padStart(9, '0')}`],
  ] as const) {
    const h = await openShareholderAccount(t.db, teller, teller.branch_id, { client_id: c.id, market, code });
    for (const s of CODES.filter((x) => (market === 'SH-A') === x.startsWith('6'))) {
      await transferSecurities(t.db, teller, teller.branch_id, {
        shareholder_account_id: h.id,
        code: s,
        type: 'transfer_in',
        quantity: 3000,
        cost: '0.00',
        idempotency_key: `om-${process.pid}-${++key}`,
      });
    }
  }
  return { id: c.id, account: c.fund_account_id, balance: new Decimal('800000.00'), frozen: new Decimal(0) };
}

async function check(clients: ModelClient[], orders: ModelOrder[]) {
  for (const c of clients) {
    const a = await t.db
      .selectFrom('fund_accounts')
      .select(['balance', 'frozen'])
      .where('id', '=', c.account)
      .executeTakeFirstOrThrow();
    expect({ balance: a.balance, frozen: a.frozen }, `client ${c.id}`).toEqual({
      balance: c.balance.toFixed(2),
      frozen: c.frozen.toFixed(2),
    });
    const open = orders
      .filter((o) => o.client === c && o.side === 'buy')
      .reduce((s, o) => s.plus(o.frozenCash), new Decimal(0));
    expect(c.frozen.toFixed(2)).toBe(open.toFixed(2));
  }
  expect(await invariantViolations(t.db, 'full')).toEqual([]);
  // frozen shares are what the open day's sells hold: all of an open one, the filled part of a cancelled one
  const { rows } = await sql<{ bad: number }>`
    SELECT count(*)::int AS bad FROM positions p
    WHERE p.frozen <> (SELECT coalesce(sum(CASE WHEN o.status IN ('cancelled', 'partially_cancelled') THEN o.filled_quantity ELSE o.quantity END), 0) FROM orders o
                       WHERE o.side = 'sell' AND o.status <> 'expired' AND o.business_date = (SELECT value::date FROM system_params WHERE key = 'business_date')
                         AND o.shareholder_account_id = p.shareholder_account_id AND o.security_id = p.security_id)`.execute(
    t.db,
  );
  expect(rows[0]!.bad).toBe(0);
}

describe('orders, cancels, fills and day-ends against a model', () => {
  it(`${RUNS} random sequences of ${OPS} operations`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: OPS, maxLength: OPS }), async (ops) => {
        const clients: ModelClient[] = [await newClient(), await newClient()];
        const orders: ModelOrder[] = [];
        let saver = await newSaver();
        for (const op of ops) {
          if (op.kind === 'save') {
            const amount = new Decimal(op.cents).div(100);
            await postEntry(t.db, teller, teller.branch_id, {
              account_id: saver.account,
              type: 'deposit',
              amount: amount.toFixed(2),
              idempotency_key: `om-${process.pid}-${++key}`,
            });
            saver.balance = saver.balance.plus(amount);
          } else if (op.kind === 'close') {
            // 销户 straight away: refused while a base is unsettled or cash is left
            if (op.direct) {
              const version = await clientVersion(saver.id);
              const r = await attempt(() =>
                setClientStatus(t.db, teller, teller.branch_id, saver.id, 'closed', version),
              );
              const expected = saver.base.gt(0)
                ? 'close_needs_interest'
                : saver.balance.gt(0)
                  ? 'close_needs_zero'
                  : null;
              expect(r instanceof AppError ? (r.fields?.status as { key: string } | undefined)?.key : null).toBe(
                expected,
              );
              if (!expected) saver = await newSaver();
              await check(clients, orders);
              continue;
            }
            // the counter's way: 销户结息, pay everything out, 销户
            const settled = await settleClosingInterest(
              t.db,
              teller,
              teller.branch_id,
              saver.id,
              `om-${process.pid}-${++key}`,
            );
            const interest = interestOn(saver.base, rate);
            expect(settled.accounts).toMatchObject([
              { account_id: saver.account, base: saver.base.toFixed(2), interest },
            ]);
            saver.balance = saver.balance.plus(interest);
            saver.base = new Decimal(0);
            for (let left = saver.balance; left.gt(0); ) {
              const take = Decimal.min(left, '1000000.00');
              await postEntry(t.db, teller, teller.branch_id, {
                account_id: saver.account,
                type: 'withdrawal',
                amount: take.toFixed(2),
                idempotency_key: `om-${process.pid}-${++key}`,
              });
              left = left.minus(take);
            }
            saver.balance = new Decimal(0);
            await setClientStatus(t.db, teller, teller.branch_id, saver.id, 'closed', await clientVersion(saver.id));
            const late = await attempt(() =>
              postEntry(t.db, teller, teller.branch_id, {
                account_id: saver.account,
                type: 'deposit',
                amount: '1.00',
                idempotency_key: `om-${process.pid}-${++key}`,
              }),
            );
            expect((late as AppError).fields?.account_id).toEqual({ key: 'account_closed' });
            saver = await newSaver();
          } else if (op.kind === 'deposit') {
            const c = clients[op.client % clients.length]!;
            const amount = new Decimal(op.cents).div(100);
            await postEntry(t.db, teller, teller.branch_id, {
              account_id: c.account,
              type: 'deposit',
              amount: amount.toFixed(2),
              idempotency_key: `om-${process.pid}-${++key}`,
            });
            c.balance = c.balance.plus(amount);
          } else if (op.kind === 'order') {
            const c = clients[op.client % clients.length]!;
            const code = CODES[op.code]!;
            const s = await t.db
              .selectFrom('securities')
              .select(['prev_close', 'tick', 'board', 'lot_size'])
              .where('code', '=', code)
              .executeTakeFirstOrThrow();
            const price = Decimal.max(
              s.tick,
              new Decimal(s.prev_close).plus(new Decimal(s.tick).times(op.ticks)),
            ).toFixed(3);
            const quantity = s.board === 'star' ? 200 + op.lots * 7 : op.lots * 100;
            const req = { client_id: c.id, code, side: op.side, price, quantity, channel: 'counter' as const };
            const est = await estimateOrder(t.db, teller.branch_id, req);
            const r = await attempt(() =>
              placeOrder(t.db, teller, teller.branch_id, { ...req, idempotency_key: `om-${process.pid}-${++key}` }),
            );
            expect(
              r instanceof AppError,
              `${op.side} ${quantity} ${code} @ ${price}: estimate said ${est.problem}, placing said ${r instanceof AppError ? JSON.stringify(r.fields) : 'ok'}`,
            ).toBe(est.problem !== null);
            if (!(r instanceof AppError)) {
              const frozenCash = new Decimal(String((r as unknown as { frozen_cash: string }).frozen_cash));
              if (op.side === 'buy') expect(frozenCash.toFixed(2)).toBe(est.freeze);
              orders.push({
                id: (r as { id: number }).id,
                client: c,
                side: op.side,
                frozenCash,
                settles: new Decimal(0),
                open: true,
              });
              c.frozen = c.frozen.plus(frozenCash);
            }
          } else if (op.kind === 'cancel' && orders.length) {
            const o = orders[op.order % orders.length]!;
            const r = await attempt(() => cancelOrder(t.db, teller, teller.branch_id, o.id));
            expect(r instanceof AppError, `cancel #${o.id} (open: ${o.open})`).toBe(!o.open);
            if (o.open) {
              // a buy keeps frozen what its fills will cost at delivery
              const held = o.side === 'buy' ? Decimal.min(o.frozenCash, o.settles.neg()) : new Decimal(0);
              o.client.frozen = o.client.frozen.minus(o.frozenCash.minus(held));
              o.frozenCash = held;
              o.open = false;
            }
          } else if (op.kind === 'fill') {
            const before = (await t.db
              .selectFrom('trades' as never)
              .select((eb) => eb.fn.max('id' as never).as('m'))
              .executeTakeFirstOrThrow()) as { m: number | null };
            const report = await simulateExchange(t.db, teller.branch_id, op.seed);
            const result = await importTradeReport(t.db, clerk, clerk.branch_id, report.csv, 'model.csv');
            expect(result.unmatched).toEqual([]);
            const trades = (await t.db
              .selectFrom('trades' as never)
              .selectAll()
              .where('id' as never, '>', (before.m ?? 0) as never)
              .orderBy('id' as never)
              .execute()) as { order_id: number; side: string; net_amount: string }[];
            expect(trades.length).toBe(result.recorded);
            for (const tr of trades) {
              // the exchange fills every open order of the branch, earlier runs' too: those are checked by the invariants only
              const o = orders.find((x) => x.id === tr.order_id);
              if (!o) continue;
              const now = (await t.db
                .selectFrom('orders' as never)
                .select(['status' as never])
                .where('id' as never, '=', o.id as never)
                .executeTakeFirstOrThrow()) as { status: string };
              // nothing moves until delivery
              o.settles = o.side === 'buy' ? o.settles.minus(tr.net_amount) : o.settles.plus(tr.net_amount);
              o.open = now.status === 'open' || now.status === 'partially_filled';
            }
          } else if (op.kind === 'day_end') {
            const date = (
              await t.db
                .selectFrom('system_params')
                .select('value')
                .where('key', '=', 'business_date')
                .executeTakeFirstOrThrow()
            ).value;
            // orders without a trade report: refused until the clerk acknowledges it
            const warnings = await dayEndWarnings(t.db, date);
            if (warnings.length) {
              const refused = await attempt(() => runDayEnd(t.db, { ...clerk, at: new Date() }, date));
              expect((refused as AppError).code).toBe('DAY_END_UNACKNOWLEDGED');
            }
            const run = await runDayEnd(t.db, { ...clerk, at: new Date() }, date, {
              acknowledged: warnings.map((w) => w.code),
            });
            expect(run?.status).toBe('completed');
            // the saver's closing of the day joins its base (an untouched day too, implicitly)
            saver.base = saver.base.plus(Decimal.max(saver.balance, 0));
            // delivery settles every fill netted; everything the day's orders froze is released
            for (const o of orders) {
              o.client.balance = o.client.balance.plus(o.settles);
              o.client.frozen = o.client.frozen.minus(o.frozenCash);
            }
            orders.length = 0;
          }
          await check(clients, orders);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 900_000);
});
