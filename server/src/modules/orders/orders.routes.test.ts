import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let teller: Session;
let clientId: number;
let accountId: number;
let key = 0;
const k = () => `order-test-${++key}`;
const account = async () =>
  (await t.call('GET', `/api/fund_accounts/${accountId}`, { as: teller })).json as {
    balance: string;
    frozen: string;
    available: string;
  };
const position = async (code: string) =>
  (
    (
      await t.call('GET', `/api/positions?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId }))}`, {
        as: teller,
      })
    ).json as { code: string; quantity: number; frozen: number; sellable: number }[]
  ).find((p) => p.code === code);
const order = (body: Record<string, unknown>) =>
  t.call('POST', '/api/orders', {
    as: teller,
    body: { client_id: clientId, channel: 'counter', idempotency_key: k(), ...body },
  });

beforeAll(async () => {
  t = await testApp();
  teller = await t.login('teller');
  const c = await t.call('POST', '/api/clients', {
    as: teller,
    body: { name: '委托测试', id_number: '11010519491231002X', allow_phone: false },
  });
  clientId = c.json.id;
  accountId = c.json.fund_account_id;
  expect(
    (
      await t.call('POST', '/api/fund_journal', {
        as: teller,
        body: { account_id: accountId, type: 'deposit', amount: '200000.00', idempotency_key: k() },
      })
    ).status,
  ).toBe(201);
  for (const [market, code] of [
    ['SH-A', 'A123456789'],
    ['SZ-A', '0123456789'],
  ]) {
    expect(
      (await t.call('POST', '/api/shareholder_accounts', { as: teller, body: { client_id: clientId, market, code } }))
        .status,
    ).toBe(201);
  }
  const sh = (
    await t.call(
      'GET',
      `/api/shareholder_accounts?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId, market: 'SH-A' }))}`,
      { as: teller },
    )
  ).json[0];
  // 转托管转入: 250 shares of 600000 to sell from
  expect(
    (
      await t.call('POST', '/api/positions/transfer', {
        as: teller,
        body: {
          shareholder_account_id: sh.id,
          code: '600000',
          type: 'transfer_in',
          quantity: 250,
          cost: '2500.00',
          idempotency_key: k(),
        },
      })
    ).status,
  ).toBe(201);
});
afterAll(() => t.close());

describe('counter orders (柜台委托)', () => {
  it('estimates as the clerk types: fees, the freeze, the problem', async () => {
    const r = await t.call('POST', '/api/orders/estimate', {
      as: teller,
      body: { client_id: clientId, code: 'sh600519', side: 'buy', price: '1500.00', quantity: 100 },
    });
    expect(r.status).toBe(200);
    expect(r.json.security).toMatchObject({ market: 'SH-A', code: '600519' });
    // 150,000.00 + commission 45.00 + transfer 1.50 = 150,046.50 (prev close may put 1500 outside the band: the problem says so)
    expect(r.json.fees.net_amount).toBe('150046.50');
    expect(r.json.freeze).toBe('150046.50');
    // a client without a shareholder account on the market: the estimate says so before the clerk submits
    const bare = await t.call('POST', '/api/clients', {
      as: teller,
      body: { name: '无股东户', id_number: '440524199001010018' },
    });
    expect(bare.status, JSON.stringify(bare.json)).toBe(201);
    const none = await t.call('POST', '/api/orders/estimate', {
      as: teller,
      body: { client_id: bare.json.id, code: '000001', market: 'SZ-A', side: 'buy', price: '10.00', quantity: 100 },
    });
    expect(none.json.problem).toBe('no_shareholder_account');
    const leading = await t.call('POST', '/api/orders/estimate', {
      as: teller,
      body: { client_id: clientId, code: '1', market: 'SZ-A', side: 'buy', price: '10.00', quantity: 100 },
    });
    expect(leading.json.security.code).toBe('000001');
  });

  it('answers what the ticket shows: the band, the lot rule, the problem worded in the request language', async () => {
    const estimate = async (body: Record<string, unknown>, lang = 'zh') =>
      (
        await t.call('POST', '/api/orders/estimate', {
          as: teller,
          headers: { 'accept-language': lang },
          body: { client_id: clientId, code: 'sh600000', side: 'buy', ...body },
        })
      ).json;
    // as soon as the client and the code are typed: the security, its band and lot rule, no fees yet
    const first = await estimate({});
    expect(first).toMatchObject({
      security: { market: 'SH-A', code: '600000' },
      lot: { minimum: 100, step: 100 },
      fees: null,
      freeze: null,
      confirm: false,
      problem: null,
      problem_text: null,
    });
    const prev = new Decimal(first.security.prev_close);
    expect(first.band).toEqual({
      down: prev.times(0.9).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
      up: prev.times(1.1).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    });
    const { down, up } = first.band;
    const above = new Decimal(up).plus('0.01').toFixed(2);
    expect(await estimate({ price: above, quantity: 100 })).toMatchObject({
      problem: 'price_band',
      problem_text: `价格超出涨跌幅限制（${down} – ${up}）`,
    });
    expect((await estimate({ price: above, quantity: 100 }, 'en')).problem_text).toBe(
      `The price is outside the daily limit band (${down} – ${up})`,
    );
    expect(await estimate({ price: up, quantity: 150 })).toMatchObject({
      problem: 'lot_multiple',
      problem_text: '买入数量须为整手，即 100 的整数倍',
    });
    expect(await estimate({ price: up, quantity: 100 })).toMatchObject({ problem: null, problem_text: null });
    expect((await estimate({ side: 'sell', price: up, quantity: 100_000 })).problem_text).toMatch(
      /^可卖数量不足（可卖 \d+）$/,
    );
    // STAR: at least 200, then steps of 1
    expect((await estimate({ code: '688001' })).lot).toEqual({ minimum: 200, step: 1 });
    // the market by its name, not its code
    const bare = await t.call('POST', '/api/clients', {
      as: teller,
      body: { name: '无沪户', id_number: '440524199001010034' },
    });
    expect(bare.status, JSON.stringify(bare.json)).toBe(201);
    const none = await estimate({ client_id: bare.json.id });
    expect(none).toMatchObject({
      problem: 'no_shareholder_account',
      problem_text: '客户没有上海A股股东账户，请先开立',
    });
    expect((await estimate({ client_id: bare.json.id }, 'en')).problem_text).toBe(
      'The client has no shareholder account on Shanghai A shares: open one first',
    );
  });

  it('says when an order is large enough to be confirmed: its amount above confirm_order_above', async () => {
    const estimate = async (quantity: number) =>
      (
        await t.call('POST', '/api/orders/estimate', {
          as: teller,
          body: { client_id: clientId, code: '600000', side: 'buy', price: '10.00', quantity },
        })
      ).json;
    // 10.00 × 10,000 = 100,000.00: not above the line; 10,100 shares are
    expect(await estimate(10_000)).toMatchObject({ confirm_above: '100000', confirm: false });
    expect(await estimate(10_100)).toMatchObject({ confirm_above: '100000', confirm: true });
    await t.db.updateTable('system_params').set({ value: '0' }).where('key', '=', 'confirm_order_above').execute();
    expect(await estimate(100)).toMatchObject({ confirm_above: '0', confirm: true });
    await t.db.updateTable('system_params').set({ value: '100000' }).where('key', '=', 'confirm_order_above').execute();
  });

  it('lists holdings with their value: sellable, cost price, market value at the previous close, floating P/L', async () => {
    const p = (await position('600000')) as unknown as Record<string, string | number>;
    const prev = (
      await t.db.selectFrom('securities').select('prev_close').where('code', '=', '600000').executeTakeFirstOrThrow()
    ).prev_close;
    const value = new Decimal(p.quantity!).times(prev).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    expect(p).toMatchObject({
      prev_close: prev,
      market_value: value.toFixed(2),
      profit: value.minus(p.cost!).toFixed(2),
      cost_price: new Decimal(p.cost!).div(p.quantity!).toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toFixed(3),
    });
    // the one holding reads the same
    const one = await t.call('GET', `/api/positions/${p.id}`, { as: teller });
    expect(one.json).toMatchObject({ market_value: p.market_value, profit: p.profit, sellable: p.sellable });
  });

  it('a buy freezes amount + fees through the ledger; a cancel releases it', async () => {
    const est = (
      await t.call('POST', '/api/orders/estimate', {
        as: teller,
        body: { client_id: clientId, code: '600000', side: 'buy', price: '10.00', quantity: 1000 },
      })
    ).json;
    const price = est.security.prev_close as string;
    const before = await account();
    const r = await order({ code: '600000', side: 'buy', price, quantity: 1000 });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ status: 'open', side: 'buy', quantity: 1000 });
    const after = await account();
    expect(Number(after.frozen) - Number(before.frozen)).toBeCloseTo(Number(r.json.frozen_cash), 2);
    expect(after.balance).toBe(before.balance);
    const cancelled = await t.call('POST', `/api/orders/${r.json.id}/cancel`, { as: teller });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
    expect((await account()).frozen).toBe(before.frozen);
    expect((await t.call('POST', `/api/orders/${r.json.id}/cancel`, { as: teller })).status).toBe(400);
  });

  it('a sell freezes shares; no short selling; odd lots only to clear the holding', async () => {
    const prev = (
      await t.call('POST', '/api/orders/estimate', {
        as: teller,
        body: { client_id: clientId, code: '600000', side: 'sell', price: '10.00', quantity: 100 },
      })
    ).json.security.prev_close as string;
    expect((await order({ code: '600000', side: 'sell', price: prev, quantity: 300 })).json.error.fields.quantity).toBe(
      '可卖数量不足（可卖 250）',
    );
    expect((await order({ code: '600000', side: 'sell', price: prev, quantity: 50 })).json.error.fields.quantity).toBe(
      '零股须一次全部卖出（可卖 250），否则须为整手',
    );
    const sell = await order({ code: '600000', side: 'sell', price: prev, quantity: 200 });
    expect(sell.status).toBe(201);
    expect(await position('600000')).toMatchObject({ quantity: 250, frozen: 200, sellable: 50 });
    // the odd 50 left may go, all at once
    const odd = await order({ code: '600000', side: 'sell', price: prev, quantity: 50 });
    expect(odd.status).toBe(201);
    const batch = await t.call('POST', '/api/orders/cancel_batch', {
      as: teller,
      body: { ids: [sell.json.id, odd.json.id, 987654] },
    });
    expect(batch.json.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false]);
    expect(batch.json[2].error).toEqual({ code: 'NOT_FOUND', message: '记录不存在' });
    expect(await position('600000')).toMatchObject({ quantity: 250, frozen: 0, sellable: 250 });
  });

  it('refuses wrong lots, ticks, prices outside the band, channels and statuses with the reason, writing nothing', async () => {
    const prev = (
      await t.call('POST', '/api/orders/estimate', {
        as: teller,
        body: { client_id: clientId, code: '600000', side: 'buy', price: '10.00', quantity: 100 },
      })
    ).json.security.prev_close as string;
    const journal = async () =>
      (
        await t.call(
          'GET',
          `/api/fund_journal?filter=${encodeURIComponent(JSON.stringify({ account_id: accountId }))}&range=[0,0]`,
          { as: teller },
        )
      ).headers.get('content-range');
    const before = await journal();
    const cases: [Record<string, unknown>, string, string | RegExp][] = [
      [{ quantity: 150 }, 'quantity', '买入数量须为整手，即 100 的整数倍'],
      [{ price: (Number(prev) + 0.005).toFixed(3) }, 'price', '价格须为最小价位 0.01 元的整数倍'],
      [{ price: (Number(prev) * 1.2).toFixed(2) }, 'price', /^价格超出涨跌幅限制（\d+\.\d{2} – \d+\.\d{2}）$/],
      [{ channel: 'phone' }, 'channel', '客户未开通该委托方式'],
      [{ code: '999999' }, 'code', '找不到证券 999999'],
      [{ code: '茅台' }, 'code', '找不到证券 茅台'],
      [{ quantity: 100000 }, 'quantity', /^可用资金不足（可用 \d+\.\d{2} 元）$/],
      [{ code: '430047', market: 'BJ' }, 'code', ''],
    ];
    for (const [over, field, message] of cases) {
      const r = await order({ code: '600000', side: 'buy', price: prev, quantity: 100, ...over });
      expect(r.status, JSON.stringify(over)).toBe(400);
      expect(Object.keys(r.json.error.fields)).toContain(field);
      if (message) expect(r.json.error.fields[field]).toMatch(message);
    }
    expect(await journal()).toBe(before);
  });

  it('replays an order by its idempotency key instead of placing it twice', async () => {
    const prev = (
      await t.call('POST', '/api/orders/estimate', {
        as: teller,
        body: { client_id: clientId, code: '600000', side: 'buy', price: '10.00', quantity: 100 },
      })
    ).json.security.prev_close as string;
    const body = {
      client_id: clientId,
      code: '600000',
      side: 'buy',
      price: prev,
      quantity: 100,
      channel: 'counter',
      idempotency_key: 'same-order-key-1',
    };
    const a = await t.call('POST', '/api/orders', { as: teller, body });
    const b = await t.call('POST', '/api/orders', { as: teller, body });
    expect(b.json.id).toBe(a.json.id);
    expect((await t.call('POST', '/api/orders', { as: teller, body: { ...body, quantity: 200 } })).status).toBe(409);
  });

  it('freezes and unfreezes shares (证券冻结), never more than sellable, never what open sells hold', async () => {
    const p = (
      await t.call('GET', `/api/positions?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId }))}`, {
        as: teller,
      })
    ).json.find((x: { code: string }) => x.code === '600000');
    const freeze = (type: string, quantity: number) =>
      t.call('POST', '/api/positions/freeze', {
        as: teller,
        body: { position_id: p.id, type, quantity, reason: '司法冻结', idempotency_key: k() },
      });
    expect((await freeze('freeze', p.sellable + 1)).json.error.fields.quantity).toBe('可卖（可用）数量不足');
    expect((await freeze('freeze', 100)).status).toBe(200);
    expect(await position('600000')).toMatchObject({ frozen: 100, sellable: p.sellable - 100 });
    expect((await freeze('unfreeze', 101)).status).toBe(400);
    expect((await freeze('unfreeze', 100)).status).toBe(200);
    expect(await position('600000')).toMatchObject({ frozen: 0, sellable: p.sellable });
  });

  it('lists bank transfers per bank and client (银证转账查询)', async () => {
    expect(
      (
        await t.call('POST', '/api/fund_journal', {
          as: teller,
          body: { account_id: accountId, type: 'bank_in', amount: '5000.00', bank_code: 'ICBC', idempotency_key: k() },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await t.call('POST', '/api/fund_journal', {
          as: teller,
          body: { account_id: accountId, type: 'bank_in', amount: '5000.00', idempotency_key: k() },
        })
      ).json.error.fields.bank_code,
    ).toBe('银证转账须选择银行');
    const r = await t.call(
      'GET',
      `/api/bank_transfers?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId, bank_code: 'ICBC' }))}`,
      { as: teller },
    );
    expect(r.status).toBe(200);
    expect(r.json).toHaveLength(1);
    expect(r.json[0]).toMatchObject({ type: 'bank_in', amount: '5000.00', bank_code: 'ICBC', client_name: '委托测试' });
  });

  it('opens a USD fund account for B shares, once; a client with holdings cannot close', async () => {
    const usd = await t.call('POST', '/api/fund_accounts', {
      as: teller,
      body: { client_id: clientId, currency: 'USD' },
    });
    expect(usd.status).toBe(201);
    expect(usd.json).toMatchObject({ currency: 'USD', balance: '0.00' });
    expect(usd.json.account_no).toMatch(/02$/);
    expect(
      (await t.call('POST', '/api/fund_accounts', { as: teller, body: { client_id: clientId, currency: 'USD' } }))
        .status,
    ).toBe(400);
    expect(
      (await t.call('POST', '/api/fund_accounts', { as: teller, body: { client_id: clientId, currency: 'EUR' } }))
        .status,
    ).toBe(400);
    const c = (await t.call('GET', `/api/clients/${clientId}`, { as: teller })).json;
    const close = await t.call('POST', `/api/clients/${clientId}/status`, {
      as: teller,
      body: { status: 'closed', version: c.version },
    });
    expect(close.status).toBe(400);
  });

  it('a frozen client cannot trade', async () => {
    const c = (await t.call('GET', `/api/clients/${clientId}`, { as: teller })).json;
    expect(
      (
        await t.call('POST', `/api/clients/${clientId}/status`, {
          as: teller,
          body: { status: 'frozen', version: c.version },
        })
      ).status,
    ).toBe(200);
    const r = await order({ code: '600000', side: 'buy', price: '10.00', quantity: 100 });
    expect(r.json.error.fields.client_id).toBe('客户状态不允许交易（冻结、挂失或销户）');
  });
});
