import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';
import { invariantViolations } from '../day-end/invariants.queries.js';
import { formatTradeReport } from '../trades/trade-report.csv.js';

/**
 * 持仓成本 in the position journal: every entry records the change of cost it made, so a holding's
 * cost at a past date is its cost less the entries after that date (the 证券余额 report at D).
 */
let t: TestApp;
let teller: Session;
let clerk: Session;
let clientId: number;
let holderId: number;
let key = 0;
const k = () => `cost-test-${++key}`;
const D1 = '2026-11-23';
const D2 = '2026-11-24';

const prevClose = async (code: string) =>
  (await t.db.selectFrom('securities').select('prev_close').where('code', '=', code).executeTakeFirstOrThrow())
    .prev_close;

/** Places the orders and has the exchange fill each in full at its price (a trade-report file), as the clerk imports it. */
async function fillAll(orders: { code: string; side: 'buy' | 'sell'; quantity: number }[]) {
  const ids: number[] = [];
  for (const o of orders) {
    const r = await t.call('POST', '/api/orders', {
      as: teller,
      body: { client_id: clientId, ...o, price: await prevClose(o.code), idempotency_key: k() },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    ids.push(r.json.id);
  }
  const rows = await t.db
    .selectFrom('orders as o')
    .innerJoin('shareholder_accounts as h', 'h.id', 'o.shareholder_account_id')
    .select([
      'o.order_no',
      'o.business_date',
      'o.market',
      'o.code',
      'o.side',
      'o.price',
      'o.quantity',
      'o.seat_no',
      'h.code as holder',
    ])
    .where('o.id', 'in', ids)
    .orderBy('o.id')
    .execute();
  const csv = formatTradeReport(
    rows.map((o) => ({
      trade_date: o.business_date,
      market: o.market,
      seat: o.seat_no,
      shareholder_account: o.holder,
      security_code: o.code,
      side: o.side,
      quantity: Number(o.quantity),
      price: o.price,
      order_no: o.order_no,
      trade_id: `COST${o.order_no}`,
    })),
  );
  const imported = await t.call('POST', '/api/trades/import', {
    as: clerk,
    body: csv,
    headers: { 'content-type': 'text/csv' },
  });
  expect(imported.json).toMatchObject({ recorded: rows.length, unmatched: [] });
}

const dayEnd = async (date: string) => {
  const r = await t.call('POST', '/api/day_end_runs', { as: clerk, body: { business_date: date } });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
};

/** Every position of the client: its cost, and the sum of its journal's cost deltas (all of them, or up to a date). */
async function costs(upTo?: string) {
  const { rows } = await sql<{ code: string; quantity: number; cost: string; journal: string; at: string }>`
    SELECT s.code, p.quantity, p.cost,
      coalesce((SELECT sum(j.cost_delta) FROM position_journal_all j WHERE j.position_id = p.id), 0) AS journal,
      p.cost - coalesce((SELECT sum(j.cost_delta) FROM position_journal_all j WHERE j.position_id = p.id AND j.business_date > ${upTo ?? '9999-12-31'}::date), 0) AS at
    FROM positions p JOIN securities s ON s.id = p.security_id WHERE p.client_id = ${clientId} ORDER BY s.code`.execute(
    t.db,
  );
  return rows;
}

beforeAll(async () => {
  t = await testApp();
  teller = await t.login('teller');
  clerk = await t.login('clerk');
  const c = await t.call('POST', '/api/clients', {
    as: teller,
    body: { name: '成本测试', id_number: '11010519491231002X' },
  });
  clientId = c.json.id;
  await t.call('POST', '/api/fund_journal', {
    as: teller,
    body: { account_id: c.json.fund_account_id, type: 'deposit', amount: '900000.00', idempotency_key: k() },
  });
  const sh = await t.call('POST', '/api/shareholder_accounts', {
    as: teller,
    body: { client_id: clientId, market: 'SH-A', code: 'A500000001' },
  });
  holderId = sh.json.id;
  await t.call('POST', '/api/shareholder_accounts', {
    as: teller,
    body: { client_id: clientId, market: 'SZ-A', code: '0500000001' },
  });
  const moved = await t.call('POST', '/api/positions/transfer', {
    as: teller,
    body: {
      shareholder_account_id: holderId,
      code: '600000',
      type: 'transfer_in',
      quantity: 3000,
      cost: '30123.45',
      idempotency_key: k(),
    },
  });
  expect(moved.status, JSON.stringify(moved.json)).toBe(201);
});
afterAll(() => t.close());

describe('the cost of a holding, journaled', () => {
  let afterDay1: Awaited<ReturnType<typeof costs>>;

  it('a transfer in carries its cost; buys delivered by day-end carry their net cost, new holdings included', async () => {
    expect(await costs()).toEqual([
      { code: '600000', quantity: 3000, cost: '30123.45', journal: '30123.45', at: '30123.45' },
    ]);
    await fillAll([
      { code: '600000', side: 'buy', quantity: 1000 },
      { code: '601318', side: 'buy', quantity: 500 },
      { code: '000001', side: 'buy', quantity: 2000 },
    ]);
    await dayEnd(D1);
    afterDay1 = await costs();
    expect(afterDay1.map((p) => p.code)).toEqual(['000001', '600000', '601318']);
    const trades = await t.db
      .selectFrom('trades')
      .select(['code', 'net_amount'])
      .where('client_id', '=', clientId)
      .execute();
    const net = (code: string) => trades.find((x) => x.code === code)!.net_amount;
    expect(afterDay1.find((p) => p.code === '601318')!.cost).toBe(net('601318'));
    expect(afterDay1.find((p) => p.code === '600000')!.cost).toBe(
      new Decimal('30123.45').plus(net('600000')).toFixed(2),
    );
    for (const p of afterDay1) expect(p.journal, p.code).toBe(p.cost);
  });

  it('a partial sell and a transfer out take their share of the cost; the cost at the earlier date is still known', async () => {
    await fillAll([
      { code: '600000', side: 'sell', quantity: 1300 },
      { code: '601318', side: 'sell', quantity: 200 },
    ]);
    const out = await t.call('POST', '/api/positions/transfer', {
      as: teller,
      body: {
        shareholder_account_id: holderId,
        code: '600000',
        type: 'transfer_out',
        quantity: 700,
        idempotency_key: k(),
      },
    });
    expect(out.status, JSON.stringify(out.json)).toBe(201);
    // freezes move no cost
    const held = await t.db
      .selectFrom('positions')
      .select('id')
      .where('client_id', '=', clientId)
      .where('security_id', '=', (eb) => eb.selectFrom('securities').select('id').where('code', '=', '000001'))
      .executeTakeFirstOrThrow();
    expect(
      (
        await t.call('POST', '/api/positions/freeze', {
          as: teller,
          body: { position_id: held.id, type: 'freeze', quantity: 100, reason: '司法冻结', idempotency_key: k() },
        })
      ).status,
    ).toBe(200);
    await dayEnd(D2);
    const now = await costs();
    for (const p of now) expect(p.journal, p.code).toBe(p.cost);
    // the sells took cost in proportion: 600000 held 4000 (3000 + 1000) and sold 1300, then 700 of 2700 left
    const before600000 = new Decimal(afterDay1.find((p) => p.code === '600000')!.cost);
    const afterSell = before600000.minus(before600000.times(1300).div(4000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
    const afterOut = afterSell.minus(afterSell.times(700).div(2700).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
    expect(now.find((p) => p.code === '600000')).toMatchObject({ quantity: 2000, cost: afterOut.toFixed(2) });
    expect(now.find((p) => p.code === '000001')!.cost).toBe(afterDay1.find((p) => p.code === '000001')!.cost);
    // cost at D1 = cost − Σ cost_delta after D1
    expect((await costs(D1)).map((p) => [p.code, p.at])).toEqual(afterDay1.map((p) => [p.code, p.cost]));
    expect(await invariantViolations(t.db, 'full')).toEqual([]);
  });

  it('the whole-history check finds a cost the journal does not explain', async () => {
    await sql`UPDATE positions SET cost = cost + 0.01 WHERE client_id = ${clientId} AND security_id = (SELECT id FROM securities WHERE code = '601318')`.execute(
      t.db,
    );
    const broken = await invariantViolations(t.db, 'full');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^position #\d+$/);
    expect(await invariantViolations(t.db, 'day')).toEqual([]);
  });
});
