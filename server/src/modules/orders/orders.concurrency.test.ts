import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';

/**
 * Parallel orders on one account never overdraw it (DOMAIN.md §3.2: a buy freezes the most it can
 * cost; it is refused when available cash is short). Real concurrency needs PostgreSQL: the
 * embedded PGlite has one connection and runs requests one after another, so there the same
 * requests are checked sequentially. The 20 refused there are refused by the ledger after the
 * order took its number: the day's 委托编号 still run 1, 2, 3 … with no gap.
 */
let t: TestApp;
let teller: Session;
let clientId: number;
let accountId: number;
let price: string;
let costOfOne: Decimal;

beforeAll(async () => {
  t = await testApp();
  teller = await t.login('teller');
  const c = await t.call('POST', '/api/clients', {
    as: teller,
    body: { name: '并发委托', id_number: '11010519491231002X' },
  });
  clientId = c.json.id;
  accountId = c.json.fund_account_id;
  await t.call('POST', '/api/shareholder_accounts', {
    as: teller,
    body: { client_id: clientId, market: 'SH-A', code: 'A300000001' },
  });
  price = (
    await t.db.selectFrom('securities').select('prev_close').where('code', '=', '600000').executeTakeFirstOrThrow()
  ).prev_close;
  const est = await t.call('POST', '/api/orders/estimate', {
    as: teller,
    body: { client_id: clientId, code: '600000', side: 'buy', price, quantity: 100 },
  });
  costOfOne = new Decimal(est.json.freeze);
  // cash for exactly 10 such orders, and a bit more
  const deposit = costOfOne.times(10).plus('0.99').toFixed(2);
  expect(
    (
      await t.call('POST', '/api/fund_journal', {
        as: teller,
        body: { account_id: accountId, type: 'deposit', amount: deposit, idempotency_key: 'conc-order-deposit' },
      })
    ).status,
  ).toBe(201);
});
afterAll(() => t.close());

async function fire(n: number, parallel: boolean) {
  const one = (i: number) =>
    t.call('POST', '/api/orders', {
      as: teller,
      body: {
        client_id: clientId,
        code: '600000',
        side: 'buy',
        price,
        quantity: 100,
        idempotency_key: `conc-order-${parallel ? 'p' : 's'}-${i}`,
      },
    });
  if (parallel) return Promise.all(Array.from({ length: n }, (_, i) => one(i)));
  const out = [];
  for (let i = 0; i < n; i++) out.push(await one(i));
  return out;
}

async function expectNoOverdraw(results: { status: number; json: any }[]) {
  expect(results.filter((r) => r.status === 201)).toHaveLength(10);
  expect(results.filter((r) => r.status === 400)).toHaveLength(results.length - 10);
  const a = (await t.call('GET', `/api/fund_accounts/${accountId}`, { as: teller })).json;
  expect(new Decimal(a.frozen).lte(a.balance)).toBe(true);
  expect(a.frozen).toBe(costOfOne.times(10).toFixed(2));
  const { business_date, branch_id } = results.find((r) => r.status === 201)!.json;
  const numbers = (
    await t.db
      .selectFrom('orders')
      .select('order_no')
      .where('business_date', '=', business_date)
      .where('branch_id', '=', branch_id)
      .orderBy('order_no')
      .execute()
  ).map((o) => Number(o.order_no.slice(-6)));
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));
}

describe.runIf(!!process.env.DATABASE_URL)('on PostgreSQL: 30 buy orders at once on one account', () => {
  it('exactly the 10 it can pay for are placed; nothing is overdrawn', async () =>
    expectNoOverdraw(await fire(30, true)));
});

describe.runIf(!process.env.DATABASE_URL)('on PGlite: the same 30 buy orders one after another', () => {
  it('exactly the 10 it can pay for are placed; nothing is overdrawn', async () =>
    expectNoOverdraw(await fire(30, false)));
});
