import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';
import { invariantViolations } from '../day-end/invariants.queries.js';

/**
 * 销户 at the counter (DOMAIN.md §3.4): 销户结息 — the accrual base brought forward to the day
 * before and interest = base × rate / 360 (half-up to the cent) posted as a journal entry of type
 * 'interest' through the ledger — then the whole balance paid out, then the close. Closing is
 * refused while a base is unsettled or cash is left.
 */
let t: TestApp;
let teller: Session;
let clerk: Session;
let key = 0;
const k = () => `closing-${++key}`;
const q = (filter: unknown) => `?filter=${encodeURIComponent(JSON.stringify(filter))}`;

const businessDate = async () =>
  (await t.db.selectFrom('system_params').select('value').where('key', '=', 'business_date').executeTakeFirstOrThrow())
    .value;
/** Day-end of the open date, the pre-check's warnings acknowledged as the clerk would. */
async function dayEnd() {
  const pre = await t.call('GET', '/api/day_end_runs/precheck', { as: clerk });
  const r = await t.call('POST', '/api/day_end_runs', {
    as: clerk,
    body: {
      business_date: pre.json.business_date,
      acknowledged: pre.json.warnings.map((w: { code: string }) => w.code),
    },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return pre.json.business_date as string;
}
async function open(name: string, idNumber: string) {
  const c = await t.call('POST', '/api/clients', { as: teller, body: { name, id_number: idNumber } });
  expect(c.status, JSON.stringify(c.json)).toBe(201);
  return { id: c.json.id as number, account: c.json.fund_account_id as number };
}
const post = (account: number, type: string, amount: string) =>
  t.call('POST', '/api/fund_journal', {
    as: teller,
    body: { account_id: account, type, amount, idempotency_key: k() },
  });
const close = async (id: number) => {
  const { version } = await t.db.selectFrom('clients').select('version').where('id', '=', id).executeTakeFirstOrThrow();
  return t.call('POST', `/api/clients/${id}/status`, { as: teller, body: { status: 'closed', version } });
};
const accountRow = (id: number) =>
  t.db
    .selectFrom('fund_accounts')
    .select(['balance', 'status', 'interest_base', 'interest_accrued_to', 'interest_settled_to'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

let saver: { id: number; account: number };
const days: string[] = [];

beforeAll(async () => {
  t = await testApp();
  teller = await t.login('teller');
  clerk = await t.login('clerk');
  saver = await open('销户测试', '11010519491231002X');
  expect((await post(saver.account, 'deposit', '1000000.00')).status).toBe(201);
  days.push(await dayEnd()); // closes at 1,000,000.00
  expect((await post(saver.account, 'deposit', '500000.00')).status).toBe(201);
  days.push(await dayEnd()); // closes at 1,500,000.00
  days.push(await dayEnd()); // untouched: 1,500,000.00 again, implicitly
});
afterAll(() => t.close());

describe('销户: interest, pay out, close', () => {
  it('refuses to close while the base is unsettled, saying what is due', async () => {
    const r = await close(saver.id);
    expect(r.status).toBe(400);
    // 1,000,000 + 1,500,000 + 1,500,000 = 4,000,000 × 0.0035 / 360 = 38.888… → 38.89
    expect(r.json.error.fields.status).toBe(
      '销户前须先销户结息（利息积数 4000000.00，应计利息 38.89 元），再取出全部余额',
    );
    expect((await accountRow(saver.account)).status).toBe('active');
  });

  it('销户结息 posts base × rate / 360 through the ledger and restarts the base; a replay posts nothing', async () => {
    const body = { idempotency_key: 'closing-settle-1' };
    const r = await t.call('POST', `/api/clients/${saver.id}/settle_interest`, { as: teller, body });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({
      client_id: saver.id,
      business_date: await businessDate(),
      accounts: [{ account_id: saver.account, base: '4000000.00', interest: '38.89', through: days.at(-1) }],
    });
    const entry = await t.db
      .selectFrom('fund_journal')
      .selectAll()
      .where('id', '=', r.json.accounts[0].journal_id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      type: 'interest',
      amount: '38.89',
      balance_after: '1500038.89',
      reference: `销户结息 ${days.at(-1)}`,
    });
    expect(await accountRow(saver.account)).toMatchObject({
      balance: '1500038.89',
      interest_base: '0.00',
      interest_accrued_to: days.at(-1),
      interest_settled_to: days.at(-1),
    });
    // the posting and the settlement are on the audit trail
    const { rows } = await sql<{ action: string }>`
      SELECT action FROM audit_log WHERE (resource = 'fund_accounts' AND record_id = ${String(saver.account)} AND action = 'settle_interest')
        OR (resource = 'fund_journal' AND record_id = ${String(entry.id)}) ORDER BY id`.execute(t.db);
    expect(rows.map((x) => x.action)).toEqual(['post', 'settle_interest']);
    const again = await t.call('POST', `/api/clients/${saver.id}/settle_interest`, { as: teller, body });
    expect(again.json).toEqual(r.json);
    const n = await t.db
      .selectFrom('fund_journal')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', saver.account)
      .where('type', '=', 'interest')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
    // settled again the same day: nothing more is due
    const twice = await t.call('POST', `/api/clients/${saver.id}/settle_interest`, {
      as: teller,
      body: { idempotency_key: k() },
    });
    expect(twice.json.accounts[0]).toMatchObject({ base: '0.00', interest: '0.00', journal_id: null });
    expect(await invariantViolations(t.db, 'full')).toEqual([]);
  });

  it('the interest entry cannot be reversed (its base is gone)', async () => {
    const entry = await t.db
      .selectFrom('fund_journal')
      .select('id')
      .where('account_id', '=', saver.account)
      .where('type', '=', 'interest')
      .executeTakeFirstOrThrow();
    const r = await t.call('POST', `/api/fund_journal/${entry.id}/reverse`, { as: teller, body: { reason: '测试' } });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.id).toBe('结息流水不能冲销');
  });

  it('then the balance must go, then the client closes; the closed account accrues nothing', async () => {
    const refused = await close(saver.id);
    expect(refused.status).toBe(400);
    expect(refused.json.error.fields.status).toBe('销户前资金余额和冻结资金必须为零');
    expect((await post(saver.account, 'withdrawal', '1000000.00')).status).toBe(201);
    expect((await post(saver.account, 'withdrawal', '500038.89')).status).toBe(201);
    const closed = await close(saver.id);
    expect(closed.status, JSON.stringify(closed.json)).toBe(200);
    expect(closed.json.status).toBe('closed');
    expect((await accountRow(saver.account)).status).toBe('closed');
    await dayEnd();
    expect(await accountRow(saver.account)).toMatchObject({ interest_base: '0.00', balance: '0.00' });
    expect(await invariantViolations(t.db, 'full')).toEqual([]);
    const late = await t.call('POST', `/api/clients/${saver.id}/settle_interest`, {
      as: teller,
      body: { idempotency_key: k() },
    });
    expect(late.status).toBe(400);
    expect(late.json.error.fields.status).toBe('客户已销户');
  });

  it('a client who emptied the account earlier is still paid the interest the old balance earned', async () => {
    const c = await open('先取后销', '110105195001010012');
    expect((await post(c.account, 'deposit', '72000.00')).status).toBe(201);
    await dayEnd(); // 72,000 at the close
    expect((await post(c.account, 'withdrawal', '72000.00')).status).toBe(201);
    await dayEnd(); // 0 at the close
    const r = await close(c.id);
    expect(r.status).toBe(400);
    expect(r.json.error.fields.status).toContain('应计利息 0.70 元'); // 72,000 × 0.0035 / 360
    const s = await t.call('POST', `/api/clients/${c.id}/settle_interest`, {
      as: teller,
      body: { idempotency_key: k() },
    });
    expect(s.json.accounts[0]).toMatchObject({ base: '72000.00', interest: '0.70' });
    expect((await post(c.account, 'withdrawal', '0.70')).status).toBe(201);
    expect((await close(c.id)).status).toBe(200);
    expect(await invariantViolations(t.db, 'full')).toEqual([]);
  });

  it('only the teller settles (a money right); another branch sees no such client', async () => {
    const r = await t.call('POST', `/api/clients/${saver.id}/settle_interest`, {
      as: clerk,
      body: { idempotency_key: k() },
    });
    expect(r.status).toBe(403);
    const bad = await t.call('POST', `/api/clients/${saver.id}/settle_interest`, { as: teller, body: {} });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toContain('idempotency_key');
  });

  it('lists say so: the journal shows the interest entries by type', async () => {
    const r = await t.call('GET', `/api/fund_journal${q({ type: 'interest' })}`, { as: teller });
    expect(r.json.length).toBe(2);
  });
});
