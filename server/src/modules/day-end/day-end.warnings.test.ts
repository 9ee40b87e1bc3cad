import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';

/**
 * The day-end pre-check's warnings (DOMAIN.md §3.5): orders placed and no trade report imported,
 * a bank's transfers not reconciled. Each must be acknowledged by its code before the run goes
 * ahead; the server refuses a run that leaves one out (400, naming it), before any snapshot, and
 * records nothing of it.
 */
let t: TestApp;
let teller: Session;
let clerk: Session;
let clientId: number;
let accountId: number;
let key = 0;
const k = () => `day-end-warn-${++key}`;

const businessDate = async () =>
  (await t.db.selectFrom('system_params').select('value').where('key', '=', 'business_date').executeTakeFirstOrThrow())
    .value;
const precheck = async () => (await t.call('GET', '/api/day_end_runs/precheck', { as: clerk })).json;
const count = async (table: 'day_end_runs' | 'backups') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const run = (body: Record<string, unknown>, headers?: Record<string, string>) =>
  t.call('POST', '/api/day_end_runs', { as: clerk, body, headers });
const bankIn = async (amount: string) => {
  const r = await t.call('POST', '/api/fund_journal', {
    as: teller,
    body: { account_id: accountId, type: 'bank_in', amount, bank_code: 'ICBC', idempotency_key: k() },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json as { id: number; business_date: string };
};
const reconcile = (date: string, lines: string[]) =>
  t.call('POST', `/api/bank_transfers/reconcile?date=${date}&bank=ICBC`, {
    as: clerk,
    body: ['business_date,bank_code,journal_id,direction,amount', ...lines].join('\n'),
    headers: { 'content-type': 'text/csv' },
  });
const order = async () => {
  const prev = (
    await t.db.selectFrom('securities').select('prev_close').where('code', '=', '600000').executeTakeFirstOrThrow()
  ).prev_close;
  const r = await t.call('POST', '/api/orders', {
    as: teller,
    body: { client_id: clientId, code: '600000', side: 'buy', price: prev, quantity: 100, idempotency_key: k() },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
};

beforeAll(async () => {
  t = await testApp();
  teller = await t.login('teller');
  clerk = await t.login('clerk');
  const c = await t.call('POST', '/api/clients', {
    as: teller,
    body: { name: '预检测试', id_number: '11010519491231002X' },
  });
  clientId = c.json.id;
  accountId = c.json.fund_account_id;
  await t.call('POST', '/api/shareholder_accounts', {
    as: teller,
    body: { client_id: clientId, market: 'SH-A', code: 'A400000002' },
  });
});
afterAll(() => t.close());

describe('day-end pre-check warnings', () => {
  let D: string;
  let first: { id: number };

  it('a quiet day has none', async () => {
    D = await businessDate();
    expect((await precheck()).warnings).toEqual([]);
  });

  it('warns about orders without a trade report and a bank not reconciled', async () => {
    first = await bankIn('3000.00');
    await order();
    const p = await precheck();
    expect(p.warnings).toEqual([
      { code: 'no_trade_report', kind: 'no_trade_report', params: { orders: 1, branches: '本溪风光街营业部' } },
      {
        code: 'bank_unreconciled:ICBC',
        kind: 'bank_unreconciled',
        params: {
          bank_code: 'ICBC',
          bank_name_zh: '中国工商银行',
          bank_name_en: 'Industrial and Commercial Bank of China',
          transfers: 1,
          net: '3000.00',
          state: 'none',
        },
      },
    ]);
  });

  it('refuses a run with a warning not acknowledged, naming it, before any snapshot; nothing recorded', async () => {
    const runs = await count('day_end_runs');
    const snapshots = await count('backups');
    const none = await run({ business_date: D });
    expect(none.status).toBe(400);
    expect(none.json.error.code).toBe('DAY_END_UNACKNOWLEDGED');
    expect(none.json.error.fields.acknowledged).toBe(
      '日终预检提示尚未确认：当日有委托 1 笔，但未导入成交回报（本溪风光街营业部）；中国工商银行：当日银证转账 1 笔，尚未对账',
    );
    const one = await run({ business_date: D, acknowledged: ['no_trade_report'] });
    expect(one.status).toBe(400);
    expect(one.json.error.fields.acknowledged).not.toContain('成交回报');
    expect(one.json.error.fields.acknowledged).toContain('中国工商银行');
    const en = await run({ business_date: D, acknowledged: ['bank_unreconciled:ICBC'] }, { 'accept-language': 'en' });
    expect(en.json.error.fields.acknowledged).toBe(
      'Day-end pre-check warnings not acknowledged: 1 orders today but no trade report imported (本溪风光街营业部)',
    );
    expect(await count('day_end_runs')).toBe(runs);
    expect(await count('backups')).toBe(snapshots);
    expect(await businessDate()).toBe(D);
    const bad = await run({ business_date: D, acknowledged: 'all' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toContain('acknowledged');
  });

  it('a reconciliation with differences leaves the bank outstanding; a clean one clears it; a later transfer reopens it', async () => {
    expect((await reconcile(D, [`${D},ICBC,${first.id},IN,3000.01`])).json.mismatches).toHaveLength(1);
    expect((await precheck()).warnings[1].params.state).toBe('differences');
    expect((await reconcile(D, [`${D},ICBC,${first.id},IN,3000.00`])).json.mismatches).toEqual([]);
    expect((await precheck()).warnings.map((w: { code: string }) => w.code)).toEqual(['no_trade_report']);
    const second = await bankIn('500.00');
    const p = await precheck();
    expect(p.warnings[1]).toMatchObject({
      code: 'bank_unreconciled:ICBC',
      params: { transfers: 2, net: '3500.00', state: 'changed' },
    });
    expect(
      (await reconcile(D, [`${D},ICBC,${first.id},IN,3000.00`, `${D},ICBC,${second.id},IN,500.00`])).json.mismatches,
    ).toEqual([]);
    expect((await precheck()).warnings.map((w: { code: string }) => w.code)).toEqual(['no_trade_report']);
  });

  it('importing the day’s trade report clears the last warning; the run needs no acknowledgement then', async () => {
    expect((await t.call('POST', '/api/trades/simulate', { as: clerk, body: { seed: 3 } })).status).toBe(200);
    expect((await precheck()).warnings).toEqual([]);
    const r = await run({ business_date: D });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.status).toBe('completed');
  });

  it('runs with the warnings acknowledged, and the run’s audit row says which', async () => {
    const next = await businessDate();
    await bankIn('100.00');
    await order();
    const codes = (await precheck()).warnings.map((w: { code: string }) => w.code);
    expect(codes).toEqual(['no_trade_report', 'bank_unreconciled:ICBC']);
    // codes of warnings the day no longer has are ignored
    const r = await run({ business_date: next, acknowledged: [...codes, 'bank_unreconciled:BOC'] });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['after', 'detail'])
      .where('action', '=', 'run')
      .where('resource', '=', 'day_end_runs')
      .where('record_id', '=', String(r.json.id))
      .executeTakeFirstOrThrow();
    expect(audit.after).toEqual({ acknowledged: codes });
  });
});
