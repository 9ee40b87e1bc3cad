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

/**
 * Orders, cancels and fills against a model (DOMAIN.md §3.2–3.3): random sequences of buy and sell
 * orders at prices across the band, cancels, exchange fills and cash movements. After every step:
 * frozen cash equals the open orders' freezes, frozen shares equal the open sells' remainders, cash
 * and holdings move by exactly the trades' net amounts and quantities, a placement succeeds exactly
 * when the estimate found no problem, and the database invariants hold.
 */
const RUNS = Number(process.env.ORDER_MODEL_RUNS ?? 8);
const OPS = Number(process.env.ORDER_MODEL_OPS ?? 150);
const CODES = ['600000', '600519', '601318', '000001', '000858', '300750', '688981'];

type Op =
  | { kind: 'order'; client: number; side: 'buy' | 'sell'; code: number; lots: number; ticks: number }
  | { kind: 'cancel'; order: number }
  | { kind: 'fill'; seed: number }
  | { kind: 'deposit'; client: number; cents: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('order' as const), client: fc.nat(5), side: fc.constantFrom<'buy' | 'sell'>('buy', 'sell'), code: fc.nat(CODES.length - 1), lots: fc.integer({ min: 1, max: 30 }), ticks: fc.integer({ min: -1200, max: 1200 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cancel' as const), order: fc.nat(300) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fill' as const), seed: fc.nat(10_000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deposit' as const), client: fc.nat(5), cents: fc.integer({ min: 1, max: 50_000_000 }) }) },
);

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
  frozenCash: Decimal;
  open: boolean;
}

let t: TestApp;
let teller: Actor;
let clerk: Actor;
let seq = 0;
let key = 0;

beforeAll(async () => {
  t = await testApp();
  const op = async (u: string) => {
    const o = await t.db.selectFrom('operators').select(['id', 'branch_id']).where('username', '=', u).executeTakeFirstOrThrow();
    return { operator_id: o.id, username: u, branch_id: o.branch_id, ip: '', request_id: 'order-model', at: new Date('2026-11-23T03:00:00Z') };
  };
  teller = await op('teller');
  clerk = await op('clerk');
});
afterAll(() => t.close());

async function newClient(): Promise<ModelClient> {
  seq++;
  const first17 = `210503${1960 + (seq % 40)}0${1 + (seq % 9)}2${seq % 10}${String(seq % 1000).padStart(3, '0')}`;
  const c = await openClient(t.db, teller, teller.branch_id, { name: '委托模型', id_number: first17 + checkChar(first17), phone: '', address: '', client_class: seq % 3 ? 'retail' : 'vip', client_manager_id: null, allow_counter: true, allow_phone: true, allow_online: true, agent_name: '', agent_id_number: '', agent_phone: '' });
  await postEntry(t.db, teller, teller.branch_id, { account_id: c.fund_account_id, type: 'deposit', amount: '800000.00', idempotency_key: `om-${process.pid}-${++key}` });
  for (const [market, code] of [['SH-A', `A${String(700000000 + seq)}`], ['SZ-A', `0${String(700000000 + seq).padStart(9, '0')}`]] as const) {
    const h = await openShareholderAccount(t.db, teller, teller.branch_id, { client_id: c.id, market, code });
    for (const s of CODES.filter((x) => (market === 'SH-A') === x.startsWith('6'))) {
      await transferSecurities(t.db, teller, teller.branch_id, { shareholder_account_id: h.id, code: s, type: 'transfer_in', quantity: 3000, cost: '0.00', idempotency_key: `om-${process.pid}-${++key}` });
    }
  }
  return { id: c.id, account: c.fund_account_id, balance: new Decimal('800000.00'), frozen: new Decimal(0) };
}


async function check(clients: ModelClient[], orders: ModelOrder[]) {
  for (const c of clients) {
    const a = await t.db.selectFrom('fund_accounts').select(['balance', 'frozen']).where('id', '=', c.account).executeTakeFirstOrThrow();
    expect({ balance: a.balance, frozen: a.frozen }, `client ${c.id}`).toEqual({ balance: c.balance.toFixed(2), frozen: c.frozen.toFixed(2) });
    const open = orders.filter((o) => o.client === c && o.open && o.side === 'buy').reduce((s, o) => s.plus(o.frozenCash), new Decimal(0));
    expect(c.frozen.toFixed(2)).toBe(open.toFixed(2));
  }
  const { rows } = await sql<{ bad: number }>`
    SELECT (SELECT count(*) FROM fund_accounts a WHERE a.frozen < 0 OR a.balance - a.frozen < -a.credit_line
              OR a.balance <> (SELECT coalesce(sum(amount), 0) FROM fund_journal j WHERE j.account_id = a.id)
              OR a.frozen <> (SELECT coalesce(sum(frozen_delta), 0) FROM fund_journal j WHERE j.account_id = a.id))
         + (SELECT count(*) FROM positions p WHERE p.quantity < 0 OR p.frozen < 0 OR p.quantity - p.today_bought - p.frozen < 0
              OR p.quantity <> (SELECT coalesce(sum(quantity_delta), 0) FROM position_journal pj WHERE pj.position_id = p.id)
              OR p.frozen <> (SELECT coalesce(sum(frozen_delta), 0) FROM position_journal pj WHERE pj.position_id = p.id)
              OR p.frozen <> (SELECT coalesce(sum(o.quantity - o.filled_quantity), 0) FROM orders o WHERE o.side = 'sell' AND o.status IN ('open', 'partially_filled')
                               AND o.shareholder_account_id = p.shareholder_account_id AND o.security_id = p.security_id))
         AS bad`.execute(t.db);
  expect(Number(rows[0]!.bad)).toBe(0);
}

describe('orders, cancels and fills against a model', () => {
  it(`${RUNS} random sequences of ${OPS} operations`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: OPS, maxLength: OPS }), async (ops) => {
        const clients: ModelClient[] = [await newClient(), await newClient()];
        const orders: ModelOrder[] = [];
        for (const op of ops) {
          if (op.kind === 'deposit') {
            const c = clients[op.client % clients.length]!;
            const amount = new Decimal(op.cents).div(100);
            await postEntry(t.db, teller, teller.branch_id, { account_id: c.account, type: 'deposit', amount: amount.toFixed(2), idempotency_key: `om-${process.pid}-${++key}` });
            c.balance = c.balance.plus(amount);
          } else if (op.kind === 'order') {
            const c = clients[op.client % clients.length]!;
            const code = CODES[op.code]!;
            const s = await t.db.selectFrom('securities').select(['prev_close', 'tick', 'board', 'lot_size']).where('code', '=', code).executeTakeFirstOrThrow();
            const price = Decimal.max(s.tick, new Decimal(s.prev_close).plus(new Decimal(s.tick).times(op.ticks))).toFixed(3);
            const quantity = s.board === 'star' ? 200 + op.lots * 7 : op.lots * 100;
            const req = { client_id: c.id, code, side: op.side, price, quantity, channel: 'counter' as const };
            const est = await estimateOrder(t.db, teller.branch_id, req);
            const r = await attempt(() => placeOrder(t.db, teller, teller.branch_id, { ...req, idempotency_key: `om-${process.pid}-${++key}` }));
            expect(r instanceof AppError, `${op.side} ${quantity} ${code} @ ${price}: estimate said ${est.problem}, placing said ${r instanceof AppError ? JSON.stringify(r.fields) : 'ok'}`).toBe(est.problem !== null);
            if (!(r instanceof AppError)) {
              const frozenCash = new Decimal(String((r as unknown as { frozen_cash: string }).frozen_cash));
              if (op.side === 'buy') expect(frozenCash.toFixed(2)).toBe(est.freeze);
              orders.push({ id: (r as { id: number }).id, client: c, side: op.side, frozenCash, open: true });
              c.frozen = c.frozen.plus(frozenCash);
            }
          } else if (op.kind === 'cancel' && orders.length) {
            const o = orders[op.order % orders.length]!;
            const r = await attempt(() => cancelOrder(t.db, teller, teller.branch_id, o.id));
            expect(r instanceof AppError, `cancel #${o.id} (open: ${o.open})`).toBe(!o.open);
            if (o.open) {
              o.client.frozen = o.client.frozen.minus(o.frozenCash);
              o.frozenCash = new Decimal(0);
              o.open = false;
            }
          } else if (op.kind === 'fill') {
            const before = await t.db.selectFrom('trades' as never).select((eb) => eb.fn.max('id' as never).as('m')).executeTakeFirstOrThrow() as { m: number | null };
            const report = await simulateExchange(t.db, teller.branch_id, op.seed);
            const result = await importTradeReport(t.db, clerk, clerk.branch_id, report.csv, 'model.csv');
            expect(result.unmatched).toEqual([]);
            const trades = (await t.db.selectFrom('trades' as never).selectAll().where('id' as never, '>', (before.m ?? 0) as never).orderBy('id' as never).execute()) as { order_id: number; side: string; net_amount: string }[];
            expect(trades.length).toBe(result.recorded);
            for (const tr of trades) {
              // the exchange fills every open order of the branch, earlier runs' too: those are checked by the invariants only
              const o = orders.find((x) => x.id === tr.order_id);
              if (!o) continue;
              const now = await t.db.selectFrom('orders' as never).select(['frozen_cash' as never, 'status' as never]).where('id' as never, '=', o.id as never).executeTakeFirstOrThrow() as { frozen_cash: string; status: string };
              if (o.side === 'buy') {
                o.client.balance = o.client.balance.minus(tr.net_amount);
              } else {
                o.client.balance = o.client.balance.plus(tr.net_amount);
              }
              // what the fill released of the order's freeze (all of it on the last fill)
              o.client.frozen = o.client.frozen.minus(o.frozenCash.minus(now.frozen_cash));
              o.frozenCash = new Decimal(now.frozen_cash);
              o.open = now.status === 'open' || now.status === 'partially_filled';
            }
          }
          await check(clients, orders);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 900_000);
});
