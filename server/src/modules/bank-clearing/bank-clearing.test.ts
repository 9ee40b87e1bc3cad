import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { csvRows, download, xlsxSheets } from '../../../../reports/test/files.js';
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
  it("writes the day's detail per bank: UTF-8 with a BOM, Chinese titles, the bank by code and name, directions in words, two decimals", async () => {
    const r = await download(t, clerk, `/api/bank_transfers/detail?date=${D}&bank=ICBC`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(decodeURIComponent(r.headers.get('content-disposition')!)).toContain(`银证转账清算明细-ICBC-${D}.csv`);
    expect(r.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const text = r.bytes.toString('utf8');
    const [titles, ...lines] = csvRows(text);
    expect(titles).toEqual([
      '序号',
      '业务日期',
      '银行代码',
      '银行名称',
      '流水号',
      '资金账号',
      '客户号',
      '客户名',
      '转账方向',
      '金额',
    ]);
    expect(lines.map((l) => [l[0], l[1], l[2], l[3], l[4], l[7], l[8], l[9]])).toEqual([
      ['1', D, 'ICBC', '中国工商银行', String(ids[0]), '银证测试', '银证转入', '5000.00'],
      ['2', D, 'ICBC', '中国工商银行', String(ids[1]), '银证测试', '银证转入', '300.00'],
      ['3', D, 'ICBC', '中国工商银行', String(ids[2]), '银证测试', '银证转出', '1200.50'],
    ]);
    // no code where a person reads a word
    expect(text).not.toMatch(/,(IN|OUT|bank_in|bank_out)(,|\r?\n)/);
    // audited like every other download (written as the file ends, so perhaps a moment after the last byte)
    await vi.waitFor(async () => {
      const trail = await t.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'download')
        .where('resource', '=', 'bank_transfers')
        .execute();
      expect(trail.some((a) => String(a.detail).includes('"rows":3'))).toBe(true);
    });
  });

  it('in English for an English request; GBK or .xlsx on request', async () => {
    const en = await download(t, clerk, `/api/bank_transfers/detail?date=${D}&bank=ICBC`, 'en');
    expect(en.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const [titles, first] = csvRows(en.bytes.toString('utf8'));
    expect(titles).toEqual([
      'No.',
      'Business date',
      'Bank code',
      'Bank',
      'Entry no.',
      'Account',
      'Client no.',
      'Client',
      'Direction',
      'Amount',
    ]);
    expect(first![3]).toBe('Industrial and Commercial Bank of China');
    expect(first![8]).toBe('Bank to securities');
    const gbk = await download(t, clerk, `/api/bank_transfers/detail?date=${D}&bank=ICBC&encoding=gbk`);
    expect(gbk.headers.get('content-type')).toBe('text/csv; charset=gbk');
    expect(gbk.bytes.subarray(0, 3).toString('hex')).not.toBe('efbbbf');
    const gbkRows = csvRows(iconv.decode(gbk.bytes, 'gbk'));
    expect(gbkRows[0]![9]).toBe('金额');
    expect(gbkRows.slice(1).map((l) => l[8])).toEqual(['银证转入', '银证转入', '银证转出']);
    const xlsx = await download(t, clerk, `/api/bank_transfers/detail?date=${D}&bank=ICBC&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const [sheet] = await xlsxSheets(xlsx.bytes);
    const titleAt = sheet!.rows.findIndex((row) => row[0] === '序号');
    expect(String(sheet!.rows[titleAt - 1]![0])).toContain(`银行：中国工商银行（ICBC）；业务日期：${D}`);
    const body = sheet!.rows.slice(titleAt + 1).filter((row) => typeof row[0] === 'number');
    expect(body.map((row) => [row[3], row[8], row[9]])).toEqual([
      ['中国工商银行', '银证转入', 5000],
      ['中国工商银行', '银证转入', 300],
      ['中国工商银行', '银证转出', 1200.5],
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
    const detail = await download(t, clerk, `/api/bank_transfers/detail?date=${D}&bank=CCB`);
    expect(csvRows(detail.bytes.toString('utf8'))).toHaveLength(1); // the titles alone
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
