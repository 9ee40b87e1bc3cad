import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';
import { STATEMENT_HEADER } from './bank-files.csv.js';

let t: TestApp;
let teller: Session;
let clerk: Session;
let accountId: number;
const D = '2026-11-23';
const ids: number[] = [];

beforeAll(async () => {
  t = await testApp();
  teller = await t.login('teller');
  clerk = await t.login('clerk');
  const c = await t.call('POST', '/api/clients', {
    as: teller,
    body: { name: '银证测试', id_number: '11010519491231002X' },
  });
  accountId = c.json.fund_account_id;
  for (const [type, amount, bank, key] of [
    ['bank_in', '5000.00', 'ICBC', 'b1'],
    ['bank_in', '300.00', 'ICBC', 'b2'],
    ['bank_out', '1200.50', 'ICBC', 'b3'],
    ['bank_in', '777.00', 'CCB', 'b4'],
  ] as const) {
    const r = await t.call('POST', '/api/fund_journal', {
      as: teller,
      body: { account_id: accountId, type, amount, bank_code: bank, idempotency_key: `bank-clearing-${key}` },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    ids.push(r.json.id);
  }
});
afterAll(() => t.close());

describe('银证转账清算: detail files and bank reconciliation', () => {
  it("writes the day's detail per bank", async () => {
    const r = await t.app.request(`/api/bank_transfers/detail?date=${D}&bank=ICBC`, {
      headers: { cookie: clerk.cookie },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await r.text()).trim().split('\n');
    expect(lines[0]).toBe('business_date,bank_code,journal_id,account_no,client_no,client_name,direction,amount');
    expect(lines.slice(1).map((l) => l.split(',').slice(-2).join(' '))).toEqual([
      'IN 5000.00',
      'IN 300.00',
      'OUT 1200.50',
    ]);
  });

  it('reconciles a statement: matches, and lists every difference', async () => {
    const statement = [
      STATEMENT_HEADER,
      `${D},ICBC,${ids[0]},IN,5000.00`, // matches
      `${D},ICBC,${ids[1]},IN,30.00`, // amount differs
      `${D},ICBC,999999,IN,10.00`, // not ours
      `garbage`,
      // ids[2] (OUT 1200.50) is missing at the bank
    ].join('\n');
    const r = await t.call('POST', `/api/bank_transfers/reconcile?date=${D}&bank=ICBC`, {
      as: clerk,
      body: statement,
      headers: { 'content-type': 'text/csv' },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ ours: 3, theirs: 3, matched: 1, unreadable_lines: [5], net_ours: '4099.50' });
    expect(r.json.mismatches.map((m: { problem: string }) => m.problem).sort()).toEqual([
      'amount_differs',
      'missing_at_bank',
      'missing_here',
    ]);
  });

  it('a statement that agrees has no differences; a reversed transfer is not in the detail', async () => {
    // reverse the CCB transfer (the clerk approves it)
    const asked = await t.call('POST', `/api/fund_journal/${ids[3]}/reverse`, {
      as: teller,
      body: { reason: '银行退回' },
    });
    expect(
      (await t.call('POST', `/api/approvals/${asked.json.approval_id}/approve`, { as: clerk, body: {} })).status,
    ).toBe(200);
    const detail = await (
      await t.app.request(`/api/bank_transfers/detail?date=${D}&bank=CCB`, { headers: { cookie: clerk.cookie } })
    ).text();
    expect(detail.trim().split('\n')).toHaveLength(1);
    const statement = [
      STATEMENT_HEADER,
      `${D},ICBC,${ids[0]},IN,5000.00`,
      `${D},ICBC,${ids[1]},IN,300.00`,
      `${D},ICBC,${ids[2]},OUT,1200.50`,
    ].join('\n');
    const r = await t.call('POST', `/api/bank_transfers/reconcile?date=${D}&bank=ICBC`, {
      as: clerk,
      body: statement,
      headers: { 'content-type': 'text/csv' },
    });
    expect(r.json).toMatchObject({ matched: 3, mismatches: [], net_ours: '4099.50', net_theirs: '4099.50' });
  });

  it('needs the right, and a bank code and a date', async () => {
    expect((await t.call('GET', `/api/bank_transfers/detail?date=${D}&bank=ICBC`, { as: teller })).status).toBe(403);
    expect((await t.call('GET', `/api/bank_transfers/detail?date=tomorrow&bank=ICBC`, { as: clerk })).status).toBe(400);
  });
});
