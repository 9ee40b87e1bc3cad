import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let teller: Session;
let clerk: Session;
let clientId: number;
let accountId: number;
let key = 0;
const k = () => `day-end-${++key}`;
const D = '2026-11-23';
const businessDate = async () =>
  (await t.db.selectFrom('system_params').select('value').where('key', '=', 'business_date').executeTakeFirstOrThrow())
    .value;
const account = async () => (await t.call('GET', `/api/fund_accounts/${accountId}`, { as: teller })).json;

beforeAll(async () => {
  t = await testApp();
  teller = await t.login('teller');
  clerk = await t.login('clerk');
  const c = await t.call('POST', '/api/clients', {
    as: teller,
    body: { name: '日终测试', id_number: '11010519491231002X' },
  });
  clientId = c.json.id;
  accountId = c.json.fund_account_id;
  await t.call('POST', '/api/fund_journal', {
    as: teller,
    body: { account_id: accountId, type: 'deposit', amount: '500000.00', idempotency_key: k() },
  });
  const sh = await t.call('POST', '/api/shareholder_accounts', {
    as: teller,
    body: { client_id: clientId, market: 'SH-A', code: 'A400000001' },
  });
  await t.call('POST', '/api/shareholder_accounts', {
    as: teller,
    body: { client_id: clientId, market: 'SZ-A', code: '0400000001' },
  });
  await t.call('POST', '/api/positions/transfer', {
    as: teller,
    body: {
      shareholder_account_id: sh.json.id,
      code: '600000',
      type: 'transfer_in',
      quantity: 3000,
      cost: '30000.00',
      idempotency_key: k(),
    },
  });
  for (const [code, side, q] of [
    ['601318', 'buy', 500],
    ['000001', 'buy', 2000],
    ['600000', 'sell', 2000],
    ['600036', 'buy', 300],
  ] as const) {
    const prev = (
      await t.db.selectFrom('securities').select('prev_close').where('code', '=', code).executeTakeFirstOrThrow()
    ).prev_close;
    expect(
      (
        await t.call('POST', '/api/orders', {
          as: teller,
          body: { client_id: clientId, code, side, price: prev, quantity: q, idempotency_key: k() },
        })
      ).status,
    ).toBe(201);
  }
  expect((await t.call('POST', '/api/trades/simulate', { as: clerk, body: { seed: 7 } })).status).toBe(200);
  // a manual same-day freeze (released tonight) and a long-term one (kept)
  await t.call('POST', '/api/fund_journal', {
    as: teller,
    body: { account_id: accountId, type: 'freeze', amount: '100.00', freeze_kind: 'same_day', idempotency_key: k() },
  });
  await t.call('POST', '/api/fund_journal', {
    as: teller,
    body: { account_id: accountId, type: 'freeze', amount: '50.00', freeze_kind: 'long_term', idempotency_key: k() },
  });
});
afterAll(() => t.close());

describe('day-end (日终)', () => {
  it('pre-checks the day', async () => {
    const r = await t.call('GET', '/api/day_end_runs/precheck', { as: clerk });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ business_date: D, invariants_hold: true });
    expect(r.json.trades).toBeGreaterThan(0);
    // the day's report was imported (the simulated exchange's) and no bank transfer waits: nothing to acknowledge
    expect(r.json.warnings).toEqual([]);
  });

  it('refuses operators without the run right, and dates other than the open one', async () => {
    expect((await t.call('POST', '/api/day_end_runs', { as: teller, body: { business_date: D } })).status).toBe(403);
    const wrong = await t.call('POST', '/api/day_end_runs', { as: clerk, body: { business_date: '2026-11-24' } });
    expect(wrong.status).toBe(409);
    expect(wrong.json.error.code).toBe('DAY_END_NOT_OPEN');
    expect(await businessDate()).toBe(D);
  });

  it('clears, releases, accrues, checks, summarises and rolls the date — in one run', async () => {
    const trades = (
      await t.call('GET', `/api/trades?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId }))}`, {
        as: teller,
      })
    ).json as { amount: string; commission: string }[];
    const r = await t.call('POST', '/api/day_end_runs', { as: clerk, body: { business_date: D } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ business_date: D, status: 'completed', next_date: '2026-11-24' });
    expect(r.json.steps.map((s: { name: string }) => s.name)).toEqual([
      'snapshot_before',
      'close_day',
      'match_trades',
      'clearing',
      'delivery',
      'release_freezes',
      'closing_prices',
      'interest',
      'check_invariants',
      'summaries',
      'segments',
      'bank_detail',
      'archive',
      'roll_date',
      'report_package',
      'snapshot_after',
    ]);
    // the steps' details read like the rest of the console: amounts with 千分位, banks by name
    const details = r.json.steps.map((s: { detail: string }) => s.detail).join(' ');
    expect(details).toMatch(/净额 -?[\d,]+\.\d{2} 元/);
    expect(details).not.toMatch(/\d{4}\.\d{2}/);
    expect(details).not.toMatch(/\b(?:ICBC|SPDB|ABC|CCB|BOC)\b/);
    // a step's detail is stored as data (a message key and its parameters) and worded when read: in
    // Chinese for this clerk, in English for an English reader
    const stored = await t.db
      .selectFrom('day_end_steps')
      .select(['name', 'detail', 'detail_key', 'detail_params'])
      .where('run_id', '=', r.json.id)
      .orderBy('seq')
      .execute();
    expect(stored.find((s) => s.name === 'roll_date')).toEqual({
      name: 'roll_date',
      detail: '',
      detail_key: 'day_end_step_roll_date',
      detail_params: { next: '2026-11-24' },
    });
    expect(stored.every((s) => s.detail_key !== null && s.detail === '')).toBe(true);
    const rollDate = (steps: { name: string; detail: string }[]) => steps.find((s) => s.name === 'roll_date')!.detail;
    expect(rollDate(r.json.steps)).toBe('下一业务日 2026-11-24');
    const en = await t.call('GET', `/api/day_end_runs/${r.json.id}`, {
      as: clerk,
      headers: { 'accept-language': 'en' },
    });
    expect(rollDate(en.json.steps)).toBe('Next business date 2026-11-24');
    // the books before and after the run are on file (清算前/后备份)
    const snaps = await t.db
      .selectFrom('backups' as never)
      .select(['kind' as never, 'business_date' as never])
      .where('business_date' as never, '=', D as never)
      .orderBy('id' as never)
      .execute();
    expect(snaps).toEqual([
      { kind: 'before_clearing', business_date: D },
      { kind: 'after_clearing', business_date: D },
    ]);
    expect(await businessDate()).toBe('2026-11-24');
    // unfilled orders expired and released everything; only the long-term freeze remains
    const orders = (
      await t.call('GET', `/api/orders?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId }))}`, {
        as: teller,
      })
    ).json as { status: string }[];
    expect(orders.every((o) => ['filled', 'expired'].includes(o.status))).toBe(true);
    const a = await account();
    expect(a.frozen).toBe('50.00');
    expect(a.withdrawable).toBe(new Decimal(a.balance).minus('50.00').toFixed(2));
    // today's buys are sellable tomorrow
    const positions = (
      await t.call('GET', `/api/positions?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId }))}`, {
        as: teller,
      })
    ).json as { quantity: number; frozen: number; today_bought: number; sellable: number }[];
    for (const p of positions) expect(p).toMatchObject({ today_bought: 0, frozen: 0, sellable: p.quantity });
    // the interest base took today's closing balance
    expect(
      (
        await t.db
          .selectFrom('fund_accounts')
          .select('interest_base')
          .where('id', '=', accountId)
          .executeTakeFirstOrThrow()
      ).interest_base,
    ).toBe(a.balance);
    // the day's figures, for the KPIs and first-level clearing
    const summary = (await t.db
      .selectFrom('daily_summaries' as never)
      .selectAll()
      .where('business_date' as never, '=', D as never)
      .where('branch_id' as never, '=', teller.me.branch.id as never)
      .executeTakeFirstOrThrow()) as { trades: number; turnover: string; commission: string; new_clients: number };
    expect(Number(summary.trades)).toBe(trades.length);
    expect(summary.turnover).toBe(trades.reduce((s, x) => s.plus(x.amount), new Decimal(0)).toFixed(2));
    expect(summary.commission).toBe(trades.reduce((s, x) => s.plus(x.commission), new Decimal(0)).toFixed(2));
    const { rows } = await sql<{
      n: number;
    }>`SELECT sum(trades)::int AS n FROM clearing_summaries WHERE business_date = ${D}`.execute(t.db);
    expect(rows[0]!.n).toBe(trades.length);
  });

  it('never runs a completed date again, and nothing changes', async () => {
    const before = await account();
    const again = await t.call('POST', '/api/day_end_runs', { as: clerk, body: { business_date: D } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('DAY_END_DONE');
    expect(await account()).toEqual(before);
    expect(await businessDate()).toBe('2026-11-24');
  });

  it('closed days cannot be posted to: new entries date on the next day, old ones cannot be reversed', async () => {
    const entry = await t.call('POST', '/api/fund_journal', {
      as: teller,
      body: { account_id: accountId, type: 'deposit', amount: '1.00', idempotency_key: k() },
    });
    expect(entry.json.business_date).toBe('2026-11-24');
    const old = (
      await t.db
        .selectFrom('fund_journal_all')
        .select('id')
        .where('business_date', '=', D)
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow()
    ).id;
    const r = await t.call('POST', `/api/fund_journal/${old}/reverse`, { as: teller, body: { reason: '测试' } });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.id).toBe('只能冲销当日的流水');
  });

  it('a broken invariant aborts the run with nothing committed, and the failure is recorded', async () => {
    // bypass the ledger on purpose: the journal no longer explains the balance
    await sql`UPDATE fund_accounts SET balance = balance + 0.01 WHERE id = ${accountId}`.execute(t.db);
    const before = await account();
    const r = await t.call('POST', '/api/day_end_runs', { as: clerk, body: { business_date: '2026-11-24' } });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('DAY_END_INVARIANT');
    expect(await businessDate()).toBe('2026-11-24');
    expect(await account()).toEqual(before);
    expect(
      await t.db
        .selectFrom('daily_summaries' as never)
        .select('branch_id' as never)
        .where('business_date' as never, '=', '2026-11-24' as never)
        .execute(),
    ).toEqual([]);
    const runs = (await t.call('GET', '/api/day_end_runs', { as: clerk })).json as {
      id: number;
      status: string;
      error: string;
      error_params: { what: string };
    }[];
    expect(runs[0]).toMatchObject({
      status: 'failed',
      failed_step: 'check_invariants',
      error_key: 'day_end_invariant',
    });
    expect(runs[0]!.error_params).toEqual({ what: expect.stringMatching(/\S/) });
    // worded when read, as the run wrote it before keys were stored
    expect(runs[0]!.error).toBe(`check_invariants: 账务检查不通过，日终中止：${runs[0]!.error_params.what}`);
    const failed = await t.call('GET', `/api/day_end_runs/${runs[0]!.id}`, { as: clerk });
    expect(failed.json.steps.at(-1)).toMatchObject({
      name: 'check_invariants',
      status: 'failed',
      detail_key: 'day_end_invariant',
      detail: `账务检查不通过，日终中止：${runs[0]!.error_params.what}`,
    });
    expect(
      await t.db.selectFrom('day_end_runs').select('error').where('id', '=', runs[0]!.id).executeTakeFirstOrThrow(),
    ).toEqual({ error: '' });
    await sql`UPDATE fund_accounts SET balance = balance - 0.01 WHERE id = ${accountId}`.execute(t.db);
  });

  it('capitalises interest on 转息日: base × rate / 360, half-up, then the base restarts', async () => {
    await t.db
      .updateTable('system_params')
      .set({ value: '11-24' })
      .where('key', '=', 'interest_capitalisation_dates')
      .execute();
    const base = new Decimal(
      (
        await t.db
          .selectFrom('fund_accounts')
          .select('interest_base')
          .where('id', '=', accountId)
          .executeTakeFirstOrThrow()
      ).interest_base,
    );
    const balance = new Decimal((await account()).balance);
    const r = await t.call('POST', '/api/day_end_runs', { as: clerk, body: { business_date: '2026-11-24' } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const expected = base.plus(balance).times('0.0035').div(360).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const entry = await t.db
      .selectFrom('fund_journal_all')
      .select(['amount', 'business_date'])
      .where('account_id', '=', accountId)
      .where('type', '=', 'interest')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ amount: expected.toFixed(2), business_date: '2026-11-24' });
    expect(
      (
        await t.db
          .selectFrom('fund_accounts')
          .select('interest_base')
          .where('id', '=', accountId)
          .executeTakeFirstOrThrow()
      ).interest_base,
    ).toBe('0.00');
    expect(await businessDate()).toBe('2026-11-25');
  });

  it('a run recorded before keys were stored shows its stored text', async () => {
    const at = new Date();
    const { id } = await t.db
      .insertInto('day_end_runs')
      .values({
        business_date: '2026-11-20',
        status: 'failed',
        started_at: at,
        finished_at: at,
        error: 'clearing: 旧的失败原因',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('day_end_steps')
      .values({
        run_id: id,
        seq: 1,
        name: 'clearing',
        status: 'failed',
        started_at: at,
        finished_at: at,
        detail: '旧的失败原因',
      })
      .execute();
    const r = await t.call('GET', `/api/day_end_runs/${id}`, { as: clerk, headers: { 'accept-language': 'en' } });
    expect(r.json).toMatchObject({ error: 'clearing: 旧的失败原因', error_key: null });
    expect(r.json.steps).toMatchObject([{ detail: '旧的失败原因', detail_key: null }]);
    await t.db.deleteFrom('day_end_steps').where('run_id', '=', id).execute();
    await t.db.deleteFrom('day_end_runs').where('id', '=', id).execute();
  });
});
