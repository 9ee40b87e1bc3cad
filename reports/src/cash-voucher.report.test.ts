import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/src/modules/auth/password.js';
import { TEST_PASSWORD } from '../../server/test/harness.js';
import { csvRows, download, pdfPages, xlsxSheets } from '../test/files.js';
import { reportWorld, type World } from '../test/world.js';

let w: World;
let accountId: number;
beforeAll(async () => {
  w = await reportWorld();
  const { rows } = await sql<{ id: number }>`
    SELECT a.id FROM fund_accounts a JOIN clients c ON c.id = a.client_id
    WHERE a.currency = 'CNY' AND a.status = 'active' AND c.status = 'normal' ORDER BY a.id LIMIT 1`.execute(w.t.db);
  accountId = rows[0]!.id;
});
afterAll(() => w.t.close());

let key = 0;
const post = async (type: string, amount: string, reference = '') => {
  const r = await w.t.call('POST', '/api/fund_journal', {
    as: w.s.teller,
    body: { account_id: accountId, type, amount, reference, idempotency_key: `voucher-test-${++key}` },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json as { id: number; amount: string; balance_after: string; business_date: string };
};

/** The entry as the journal holds it, with what a voucher prints beside it. */
const entryOf = async (id: number) => {
  const { rows } = await sql<{
    amount: string;
    frozen_delta: string;
    balance_after: string;
    business_date: string;
    account_no: string;
    client_no: string;
    client_name: string;
    operator_name: string;
  }>`
    SELECT j.amount, j.frozen_delta, j.balance_after, j.business_date::text AS business_date, a.account_no,
      c.client_no, c.name AS client_name, op.name AS operator_name
    FROM fund_journal_all j JOIN fund_accounts a ON a.id = j.account_id JOIN clients c ON c.id = a.client_id
    LEFT JOIN operators op ON op.id = j.operator_id WHERE j.id = ${id}`.execute(w.t.db);
  return rows[0]!;
};

const grouped = (v: string) =>
  new Decimal(v)
    .abs()
    .toFixed(2)
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('资金业务凭证 cash-voucher', () => {
  it("prints a deposit's voucher: the amount in figures and in capitals, the balance, the teller, the lines to sign", async () => {
    const posted = await post('deposit', '1234567.80', '现金存入');
    const entry = await entryOf(posted.id);
    const preview = await w.t.call('GET', `/api/reports/cash_voucher?entry_id=${posted.id}`, { as: w.s.teller });
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    expect(preview.json.total_rows).toBe(1);
    expect(preview.json.header.title).toBe('资金业务凭证');
    expect(preview.json.header.period).toBe(`业务日期：${entry.business_date}`);
    expect(preview.json.header.params).toBe(`流水号：${posted.id}`);
    const cells = preview.json.lines[0].cells as Record<string, string>;
    // the voucher reconciles with the journal entry
    expect(cells).toMatchObject({
      id: String(posted.id),
      business_date: entry.business_date,
      account_no: entry.account_no,
      client_name: `${entry.client_no} ${entry.client_name}`,
      type: '存入',
      currency: '人民币',
      amount: '1,234,567.80',
      amount_words: '人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角整',
      balance_after: grouped(entry.balance_after),
      operator_name: '李晓梅',
      reference: '现金存入',
    });
    expect(new Decimal(cells.amount!.replaceAll(',', '')).toFixed(2)).toBe(new Decimal(entry.amount).toFixed(2));
    expect(preview.json.lines.some((l: { kind: string }) => l.kind === 'total')).toBe(false);

    const pdf = await download(w.t, w.s.teller, `/api/reports/cash_voucher/pdf?entry_id=${posted.id}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(decodeURIComponent(pdf.headers.get('content-disposition') ?? '')).toContain(`-${posted.id}.pdf`);
    const pages = await pdfPages(pdf.bytes);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    const compact = text.replaceAll(' ', '');
    expect(compact).toContain('资金业务凭证');
    for (const word of ['业务日期', '流水号', '资金账号', '客户', '业务类别', '金额', '余额', '柜员', '摘要'])
      expect(text, word).toContain(word);
    expect(text).toContain('1,234,567.80');
    expect(compact).toContain('人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角整');
    expect(text).toContain(grouped(entry.balance_after));
    expect(text).toContain(entry.account_no);
    expect(text).toContain(entry.client_name);
    expect(text).toContain('李晓梅');
    expect(text).toContain('现金存入');
    expect(compact).toContain('客户签字：__________');
    expect(compact).toContain('经办：__________');
    expect(compact).toContain('复核：__________');
    expect(text).not.toContain('序号');
    expect(text).toContain('第 1 页 / 共 1 页');

    // the .xlsx and CSV carry the same fields in a row
    const csv = csvRows(
      (await download(w.t, w.s.teller, `/api/reports/cash_voucher/csv?entry_id=${posted.id}`)).bytes.toString(),
    );
    expect(csv[1]).toContain('人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角整');
    expect(csv[1]).toContain('1234567.80');
    const [sheet] = await xlsxSheets(
      (await download(w.t, w.s.teller, `/api/reports/cash_voucher/xlsx?entry_id=${posted.id}`)).bytes,
    );
    expect(sheet!.rows[6]).toContain('人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角整');
    expect(sheet!.rows[6]).toContain(1234567.8);
    expect(sheet!.rows.some((r) => String(r[0] ?? '').includes('客户签字：'))).toBe(true);
  });

  it('a withdrawal, a freeze and an entry of a closed day: what moved, as a positive sum, and the balance after', async () => {
    const out = await post('withdrawal', '1005.00');
    const frozen = await post('freeze', '10');
    const { rows } = await sql<{ id: number }>`
      SELECT id FROM fund_journal_history WHERE business_date = ${w.last}::date ORDER BY id LIMIT 1`.execute(w.t.db);
    for (const [id, words] of [
      [out.id, '人民币壹仟零伍元整'],
      [frozen.id, '人民币壹拾元整'],
      [rows[0]!.id, undefined],
    ] as const) {
      const entry = await entryOf(id);
      const r = await w.t.call('GET', `/api/reports/cash_voucher?entry_id=${id}`, { as: w.s.clerk });
      expect(r.status).toBe(200);
      const cells = r.json.lines[0].cells as Record<string, string>;
      const moved = new Decimal(entry.amount).isZero() ? entry.frozen_delta : entry.amount;
      expect(cells.amount, String(id)).toBe(grouped(moved));
      expect(cells.balance_after).toBe(grouped(entry.balance_after));
      expect(cells.business_date).toBe(entry.business_date);
      if (words) expect(cells.amount_words).toBe(words);
      else expect(cells.amount_words).toMatch(/^人民币.+[元角分整]$/);
    }
    const closed = await w.t.call('GET', `/api/reports/cash_voucher?entry_id=${rows[0]!.id}`, { as: w.s.clerk });
    expect(closed.json.header.status).toBe('已日终');
  });

  it("the journal's readers print it; another branch's entry, an unknown one and a bad number are refused", async () => {
    const posted = await post('deposit', '88.00');
    for (const role of ['teller', 'clerk', 'manager', 'hq'] as const)
      expect((await w.t.call('GET', `/api/reports/cash_voucher?entry_id=${posted.id}`, { as: w.s[role] })).status).toBe(
        200,
      );
    expect((await w.t.call('GET', `/api/reports/cash_voucher?entry_id=${posted.id}`, { as: w.s.admin })).status).toBe(
      403,
    );
    // a teller of another branch, with the right: 404, never an empty voucher
    const other = await w.t.db
      .insertInto('branches')
      .values({ code: '0996', name: '测试凭证营业部' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const role = await w.t.db.selectFrom('roles').select('id').where('code', '=', 'teller').executeTakeFirstOrThrow();
    const op = await w.t.db
      .insertInto('operators')
      .values({
        username: 'voucher_other',
        name: '他部柜员',
        branch_id: other.id,
        password_hash: await hashPassword(TEST_PASSWORD),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await w.t.db.insertInto('operator_roles').values({ operator_id: op.id, role_id: role.id }).execute();
    const stranger = await w.t.login('voucher_other');
    for (const suffix of ['', '/pdf']) {
      const r = await w.t.call('GET', `/api/reports/cash_voucher${suffix}?entry_id=${posted.id}`, { as: stranger });
      expect(r.status, suffix).toBe(404);
    }
    expect((await w.t.call('GET', '/api/reports/cash_voucher?entry_id=987654321', { as: w.s.teller })).status).toBe(
      404,
    );
    const missing = await w.t.call('GET', '/api/reports/cash_voucher', { as: w.s.teller });
    expect(missing.status).toBe(400);
    expect(missing.json.error.fields.entry_id).toBe('请选择流水号');
    for (const bad of ['abc', '0', '-1', '1.5']) {
      const r = await w.t.call('GET', `/api/reports/cash_voucher?entry_id=${bad}`, { as: w.s.teller });
      expect(r.status, bad).toBe(400);
      expect(r.json.error.fields.entry_id, bad).toBeTruthy();
    }
  });

  it('every download of a voucher is an audit row', async () => {
    const posted = await post('deposit', '66.00');
    await download(w.t, w.s.teller, `/api/reports/cash_voucher/pdf?entry_id=${posted.id}`);
    await new Promise((r) => setTimeout(r, 200));
    const rows = await w.t.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'download')
      .where('resource', '=', 'cash_voucher')
      .execute();
    expect(rows.some((r) => String(r.detail).includes(`"entry_id":${posted.id}`))).toBe(true);
  });
});
