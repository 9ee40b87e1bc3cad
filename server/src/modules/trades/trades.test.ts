import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';
import { simulateExchange } from './exchange.sim.js';
import { formatTradeReport, parseTradeReport } from './trade-report.csv.js';

let t: TestApp;
let teller: Session;
let clerk: Session;
let clientId: number;
let accountId: number;
let key = 0;
const k = () => `trade-test-${++key}`;
const prevClose = async (code: string) =>
  (await t.db.selectFrom('securities').select('prev_close').where('code', '=', code).executeTakeFirstOrThrow())
    .prev_close;

beforeAll(async () => {
  t = await testApp();
  teller = await t.login('teller');
  clerk = await t.login('clerk');
  const c = await t.call('POST', '/api/clients', {
    as: teller,
    body: { name: '成交测试', id_number: '11010519491231002X' },
  });
  clientId = c.json.id;
  accountId = c.json.fund_account_id;
  await t.call('POST', '/api/fund_journal', {
    as: teller,
    body: { account_id: accountId, type: 'deposit', amount: '1000000.00', idempotency_key: k() },
  });
  const sh = await t.call('POST', '/api/shareholder_accounts', {
    as: teller,
    body: { client_id: clientId, market: 'SH-A', code: 'A223456789' },
  });
  await t.call('POST', '/api/shareholder_accounts', {
    as: teller,
    body: { client_id: clientId, market: 'SZ-A', code: '0223456789' },
  });
  await t.call('POST', '/api/positions/transfer', {
    as: teller,
    body: {
      shareholder_account_id: sh.json.id,
      code: '600000',
      type: 'transfer_in',
      quantity: 5000,
      cost: '50000.00',
      idempotency_key: k(),
    },
  });
  for (const [code, market, side, quantity] of [
    ['600519', 'SH-A', 'buy', 100],
    ['000001', 'SZ-A', 'buy', 2000],
    ['600000', 'SH-A', 'sell', 3000],
    ['601318', 'SH-A', 'buy', 500],
    ['000858', 'SZ-A', 'buy', 300],
  ] as const) {
    const r = await t.call('POST', '/api/orders', {
      as: teller,
      body: { client_id: clientId, code, market, side, price: await prevClose(code), quantity, idempotency_key: k() },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
  }
});
afterAll(() => t.close());

describe('the trade-report file', () => {
  it('round-trips and names what is wrong with a line', () => {
    const csv = formatTradeReport([
      {
        trade_date: '2026-11-23',
        market: 'SH-A',
        seat: '38614',
        shareholder_account: 'A1',
        security_code: '600000',
        side: 'buy',
        quantity: 100,
        price: '10.520',
        order_no: 'X1',
        trade_id: 'T1',
      },
    ]);
    expect(parseTradeReport(csv).lines[0]).toMatchObject({
      line: 2,
      side: 'buy',
      quantity: 100,
      price: '10.520',
      trade_id: 'T1',
    });
    const bad = parseTradeReport(
      csv +
        '2026-11-23,SH-A,38614,A1,600000,X,100,10.52,X1,T2\n2026-11-23,SH-A\n2026-11-23,SH-A,38614,A1,600000,B,-5,10.52,X1,T3\n',
    );
    expect(bad.problems.map((p) => p.reason)).toEqual(['side', 'columns', 'quantity']);
  });
});

describe('simulated exchange and trade-report import (成交回报)', () => {
  it('fills deterministically for a seed', async () => {
    const a = await simulateExchange(t.db, null, 42);
    const b = await simulateExchange(t.db, null, 42);
    const c = await simulateExchange(t.db, null, 43);
    expect(a.csv).toBe(b.csv);
    expect(a.lines).toBeGreaterThan(0);
    expect(c.csv).not.toBe(a.csv);
  });

  it('records fills: cash, holdings and orders agree to the cent; a second import adds nothing', async () => {
    const before = (await t.call('GET', `/api/fund_accounts/${accountId}`, { as: teller })).json;
    const r = await t.call('POST', '/api/trades/simulate', { as: clerk, body: { seed: 42 } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.recorded).toBeGreaterThan(0);
    expect(r.json.unmatched).toEqual([]);
    const trades = (
      await t.call(
        'GET',
        `/api/trades?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId }))}&range=[0,99]`,
        { as: teller },
      )
    ).json as {
      side: string;
      net_amount: string;
      amount: string;
      commission: string;
      stamp_duty: string;
      transfer_fee: string;
      order_id: number;
      quantity: number;
    }[];
    expect(trades.length).toBe(r.json.recorded);
    for (const tr of trades) {
      // net = amount ± (commission + stamp duty + transfer fee)
      const fees = new Decimal(tr.commission).plus(tr.stamp_duty).plus(tr.transfer_fee);
      expect(tr.net_amount).toBe(
        (tr.side === 'buy' ? new Decimal(tr.amount).plus(fees) : new Decimal(tr.amount).minus(fees)).toFixed(2),
      );
    }
    // nothing settles before day-end delivery: buys stay frozen by their orders, sold shares stay frozen
    const after = (await t.call('GET', `/api/fund_accounts/${accountId}`, { as: teller })).json;
    expect(after.balance).toBe(before.balance);
    const orders = (
      await t.call('GET', `/api/orders?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId }))}`, {
        as: teller,
      })
    ).json as {
      id: number;
      frozen_cash: string;
      side: string;
      filled_quantity: number;
      quantity: number;
      status: string;
    }[];
    expect(after.frozen).toBe(orders.reduce((s, o) => s.plus(o.frozen_cash), new Decimal(0)).toFixed(2));
    for (const o of orders.filter((o) => o.side === 'buy')) {
      const cost = trades.filter((tr) => tr.order_id === o.id).reduce((s, tr) => s.plus(tr.net_amount), new Decimal(0));
      expect(new Decimal(o.frozen_cash).gte(cost), `order ${o.id} keeps what its fills cost frozen`).toBe(true);
    }
    const sold = orders.filter((o) => o.side === 'sell').reduce((s, o) => s + Number(o.quantity), 0);
    const holding = (
      await t.call('GET', `/api/positions?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId }))}`, {
        as: teller,
      })
    ).json as { code: string; quantity: number; frozen: number }[];
    expect(holding.find((p) => p.code === '600000')).toMatchObject({ quantity: 5000, frozen: sold });

    const again = await t.call('POST', '/api/trades/import', {
      as: clerk,
      body: r.json.csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(again.json).toMatchObject({ recorded: 0, duplicates: r.json.recorded });
    expect((await t.call('GET', `/api/fund_accounts/${accountId}`, { as: teller })).json.balance).toBe(after.balance);
  });

  it('lists the lines it cannot match, with the reason', async () => {
    const open = (
      await t.call('GET', `/api/orders?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId }))}`, {
        as: teller,
      })
    ).json.find((o: { status: string }) => o.status === 'open' || o.status === 'partially_filled');
    const date = (
      await t.db
        .selectFrom('system_params')
        .select('value')
        .where('key', '=', 'business_date')
        .executeTakeFirstOrThrow()
    ).value;
    const line = (over: Record<string, unknown>) => ({
      trade_date: date,
      market: 'SH-A',
      seat: '38614',
      shareholder_account: 'A223456789',
      security_code: '600000',
      side: 'buy' as const,
      quantity: 100,
      price: '1.00',
      order_no: 'NOPE',
      trade_id: `X${++key}`,
      ...over,
    });
    const csv = `${formatTradeReport([
      line({}),
      ...(open
        ? [
            line({
              order_no: open.order_no,
              market: open.market,
              security_code: open.code,
              side: open.side,
              seat: open.seat_no,
              quantity: 99_999_999,
            }),
          ]
        : []),
    ])}${date},SH-A,garbage\n`;
    const form = new FormData();
    form.append('file', new Blob([csv]), 'bad.csv');
    const r = await t.call('POST', '/api/trades/import', { as: clerk, form });
    expect(r.status).toBe(200);
    expect(r.json.recorded).toBe(0);
    expect(r.json.unmatched.map((u: { reason: string }) => u.reason)).toEqual(
      expect.arrayContaining(['unknown_order', 'format_columns', ...(open ? ['account_mismatch'] : [])]),
    );
  });

  it('day-end delivery settles the fills: one entry per market and seat, holdings moved, to the cent', async () => {
    const before = (await t.call('GET', `/api/fund_accounts/${accountId}`, { as: teller })).json;
    const trades = (
      await t.call(
        'GET',
        `/api/trades?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId }))}&range=[0,99]`,
        { as: teller },
      )
    ).json as { side: string; net_amount: string; quantity: number; code: string; market: string; seat_no: string }[];
    const net = trades.reduce(
      (s, tr) => (tr.side === 'buy' ? s.minus(tr.net_amount) : s.plus(tr.net_amount)),
      new Decimal(0),
    );
    const date = (
      await t.db
        .selectFrom('system_params')
        .select('value')
        .where('key', '=', 'business_date')
        .executeTakeFirstOrThrow()
    ).value;
    const r = await t.call('POST', '/api/day_end_runs', { as: clerk, body: { business_date: date } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const after = (await t.call('GET', `/api/fund_accounts/${accountId}`, { as: teller })).json;
    expect(after.balance).toBe(new Decimal(before.balance).plus(net).toFixed(2));
    expect(after.frozen).toBe('0.00');
    const entries = await t.db
      .selectFrom('fund_journal_all')
      .select(['type', 'amount', 'reference'])
      .where('account_id', '=', accountId)
      .where('business_date', '=', date)
      .where('type', 'in', ['trade_buy', 'trade_sell'])
      .execute();
    expect(entries.length).toBe(new Set(trades.map((tr) => `${tr.market} ${tr.seat_no}`)).size);
    expect(entries.reduce((s, e) => s.plus(e.amount), new Decimal(0)).toFixed(2)).toBe(net.toFixed(2));
    const positions = (
      await t.call('GET', `/api/positions?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId }))}`, {
        as: teller,
      })
    ).json as { code: string; quantity: number; frozen: number }[];
    const moved = (code: string) =>
      trades
        .filter((tr) => tr.code === code)
        .reduce((s, tr) => s + (tr.side === 'buy' ? tr.quantity : -tr.quantity), 0);
    for (const code of new Set(trades.map((tr) => tr.code)))
      expect(positions.find((p) => p.code === code)?.quantity ?? 0).toBe((code === '600000' ? 5000 : 0) + moved(code));
    expect(positions.every((p) => p.frozen === 0)).toBe(true);
  });

  it('needs the right to import', async () => {
    expect((await t.call('POST', '/api/trades/simulate', { as: teller, body: { seed: 1 } })).status).toBe(403);
  });
});
