import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRows, download, pdfPages, xlsxSheets } from '../../../../reports/test/files.js';
import { reportWorld, type World } from '../../../../reports/test/world.js';
import { reportById } from '../../../../reports/src/registry.js';
import { renderXlsx } from '../../../../reports/src/render/xlsx.js';
import { prepare } from '../../../../reports/src/run.js';

let w: World;
beforeAll(async () => {
  w = await reportWorld();
});
afterAll(() => w.t.close());

const get = (path: string, as = w.s.clerk, lang = 'zh') =>
  w.t.call('GET', path, { as, headers: { 'accept-language': lang } });

describe('reports: the catalogue and rights', () => {
  it('lists the reports an operator may run, with their parameters and the trading days', async () => {
    const clerk = await get('/api/reports');
    expect(clerk.status).toBe(200);
    expect(clerk.json.reports.map((r: { id: string }) => r.id)).toContain('daily_fund_statement');
    expect(clerk.json.default_date).toBe(w.last);
    expect(clerk.json.trading_days).toContain(w.last);
    const teller = await get('/api/reports', w.s.teller);
    expect(teller.json.reports.map((r: { id: string }) => r.id)).toEqual([
      'client_delivery',
      'client_statement',
      'cash_voucher',
    ]);
    const admin = await get('/api/reports', w.s.admin);
    expect(admin.json.reports).toEqual([]);
    // head office chooses a branch; a branch operator has no such parameter
    const hq = await get('/api/reports', w.s.hq);
    const params = (r: { params: { name: string }[] }) => r.params.map((p) => p.name);
    expect(params(hq.json.reports[0])).toContain('branch_id');
    expect(params(clerk.json.reports[0])).not.toContain('branch_id');
  });

  it('refuses a report without its right (403) and audits the refusal', async () => {
    const r = await get(`/api/reports/daily_fund_statement?date=${w.last}`, w.s.teller);
    expect(r.status).toBe(403);
    const f = await get(`/api/reports/daily_fund_statement/xlsx?date=${w.last}`, w.s.admin);
    expect(f.status).toBe(403);
  });

  it('a branch operator cannot ask for another branch (403); head office sees every branch with a branch column', async () => {
    const other = await w.t.db
      .insertInto('branches')
      .values({ code: '0997', name: '测试第三营业部' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = await get(`/api/reports/fund_balances?branch_id=${other.id}`);
    expect(r.status).toBe(403);
    const all = await get('/api/reports/fund_balances', w.s.hq);
    expect(all.json.columns[0].key).toBe('branch_name');
    expect(all.json.lines[0].cells.branch_name).toBe('本溪风光街营业部');
    // a report of the branch as a whole has no branch column: its lines are the branches' together
    const day = await get('/api/reports/daily_fund_statement', w.s.hq);
    expect(day.json.columns.map((c: { key: string }) => c.key)).not.toContain('branch_name');
    expect(all.json.header.branch).toBe('全部营业部');
    const one = await get(`/api/reports/fund_balances?branch_id=${other.id}`, w.s.hq);
    expect(one.json.header.branch).toBe('测试第三营业部');
    expect(one.json.total_rows).toBe(0);
    expect(one.json.columns[0].key).not.toBe('branch_name');
  });
});

describe('reports: bad input gets the field and the reason, in the user language', () => {
  it('invalid dates, a period longer than a year or reversed, a date after the open day', async () => {
    for (const date of ['2026-02-30', '2026-02-29', 'yesterday', '1900-01-01', '2026-1-5', "2026-11-25' OR 1=1--"]) {
      const r = await get(`/api/reports/daily_fund_statement?date=${encodeURIComponent(date)}`);
      expect(r.status, date).toBe(400);
      expect(r.json.error.fields.date, date).toBeTruthy();
    }
    const en = await get('/api/reports/daily_fund_statement?date=2026-02-30', w.s.clerk, 'en');
    expect(en.json.error.fields.date).toMatch(/^[\x20-\x7e]+$/); // worded in English
    const zh = await get('/api/reports/daily_fund_statement?date=2026-02-29');
    expect(zh.json.error.fields.date).toMatch(/\p{Script=Han}/u); // and in Chinese by default
    const long = await get('/api/reports/trade_details?date_from=2025-01-01&date_to=2026-11-25');
    expect(long.status).toBe(400);
    expect(long.json.error.fields.date_to).toContain('期间最长 366 天');
    const reversed = await get(`/api/reports/trade_details?date_from=${w.last}&date_to=${w.closed[0]}`);
    expect(reversed.json.error.fields.date_to).toBe('截止日期不能早于起始日期');
    const sunday = await get('/api/reports/daily_fund_statement?date=2026-11-22');
    expect(sunday.json.error.fields.date).toBe('2026-11-22 不是交易日');
    const noClient = await get('/api/reports/client_delivery', w.s.teller);
    expect(noClient.json.error.fields.client_id).toBe('请选择客户');
    const future = await get('/api/reports/daily_fund_statement?date=2099-01-04');
    expect(future.status).toBe(400);
    expect(future.json.error.fields.date).toContain('不能晚于当前业务日期');
  });

  it('unknown reports and parameters, bad choices and ids', async () => {
    expect((await get('/api/reports/no_such_report')).status).toBe(404);
    expect((await get('/api/reports/no_such_report/xlsx')).status).toBe(404);
    const unknown = await get('/api/reports/daily_fund_statement?colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.fields.colour).toBe('不是该报表的参数');
    for (const q of ['currency=EUR', 'client_id=0', 'client_id=abc', 'client_id=99999999', 'market=XX-Y']) {
      const r = await get(`/api/reports/fund_balances?${q}`);
      expect([400, 404], q).toContain(r.status);
    }
    const dim = await get('/api/reports/trade_ranking?dimension=operator');
    expect(dim.json.error.fields.dimension).toBeTruthy();
  });
});

describe('reports: files', () => {
  it('text that a spreadsheet would run as a formula is neutralised in .xlsx, CSV and PDF', async () => {
    const { rows } = await sql<{ id: number; client_id: number }>`
      SELECT a.id, a.client_id FROM fund_journal_all j JOIN fund_accounts a ON a.id = j.account_id
      WHERE j.business_date = ${w.last}::date ORDER BY j.id LIMIT 1`.execute(w.t.db);
    await w.t.db
      .updateTable('clients')
      .set({ name: '=HYPERLINK("http://x","y")' })
      .where('id', '=', rows[0]!.client_id)
      .execute();
    const q = `date_from=${w.last}&date_to=${w.last}&client_id=${rows[0]!.client_id}`;
    const csv = csvRows((await download(w.t, w.s.clerk, `/api/reports/fund_ledger/csv?${q}`)).bytes.toString('utf8'));
    expect(csv[1]).toContain(`'=HYPERLINK("http://x","y")`);
    const [sheet] = await xlsxSheets((await download(w.t, w.s.clerk, `/api/reports/fund_ledger/xlsx?${q}`)).bytes);
    expect(sheet!.rows[6]).toContain(`'=HYPERLINK("http://x","y")`);
    expect(JSON.stringify(sheet!.rows)).not.toContain('"formula"');
    const pdf = (await pdfPages((await download(w.t, w.s.clerk, `/api/reports/fund_ledger/pdf?${q}`)).bytes)).join(' ');
    expect(pdf).toContain(`'=HYPERLINK`);
  });

  it('every download is one audit row: who, which report, which parameters, rows, format', async () => {
    const before = await w.t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'download')
      .executeTakeFirstOrThrow();
    const r = await download(
      w.t,
      w.s.manager,
      `/api/reports/trade_details/csv?date_from=${w.last}&date_to=${w.last}&encoding=gbk`,
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('gbk');
    const text = new TextDecoder('gbk').decode(r.bytes);
    expect(text.startsWith('序号,成交日期,客户号')).toBe(true);
    // the audit row follows the file's last byte
    await new Promise((resolve) => setTimeout(resolve, 200));
    const rows = await w.t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'download')
      .orderBy('id', 'desc')
      .execute();
    expect(rows.length).toBe(Number(before.n) + 1);
    expect(rows[0]).toMatchObject({ username: 'manager', resource: 'trade_details' });
    const detail = JSON.parse(rows[0]!.detail);
    expect(detail).toMatchObject({ format: 'csv', params: { date_from: w.last, date_to: w.last } });
    expect(detail.rows).toBe(csvRows(text).length - 2);
  });

  it('a PDF over the row cap is refused with a message pointing to .xlsx or CSV', async () => {
    await w.t.db.updateTable('system_params').set({ value: '10' }).where('key', '=', 'report_pdf_max_rows').execute();
    const r = await get(`/api/reports/fund_balances/pdf?date=${w.last}`);
    expect(r.status).toBe(422);
    expect(r.json.error.message).toMatch(/超过 PDF 的上限 10 行：请下载 Excel 或 CSV/);
    await w.t.db
      .updateTable('system_params')
      .set({ value: '10000' })
      .where('key', '=', 'report_pdf_max_rows')
      .execute();
  });

  it('an empty report says so in words in every format', async () => {
    const q = `date_from=${w.last}&date_to=${w.last}&market=SH-B`;
    const x = await xlsxSheets((await download(w.t, w.s.clerk, `/api/reports/trade_details/xlsx?${q}`)).bytes);
    expect(x[0]!.rows[6]![0]).toBe('本期无数据');
    const pdf = await pdfPages((await download(w.t, w.s.clerk, `/api/reports/trade_details/pdf?${q}`)).bytes);
    expect(pdf.join(' ')).toContain('本期无数据');
    expect((await download(w.t, w.s.clerk, `/api/reports/trade_details/pdf?${q}`)).bytes.length).toBeLessThan(120_000);
  });

  it('goes on to a further sheet when one fills up (a sheet holds 1,048,576 rows)', async () => {
    const me = w.s.clerk.me;
    const p = await prepare(
      reportById('fund_balances')!,
      { date: w.last },
      {
        db: w.t.db,
        runner: {
          id: me.id,
          name: '张立新',
          branch: { id: me.branch.id, name: '本溪风光街营业部' },
          all_branches: false,
        },
        lang: 'zh',
        at: new Date(),
      },
    );
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const rows = await renderXlsx(p, out, { sheetRows: 60 });
    const sheets = await xlsxSheets(Buffer.concat(chunks));
    expect(sheets.length).toBeGreaterThan(2);
    expect(sheets[1]!.name).toBe('资金余额（续表 2）');
    const numbered = sheets.flatMap((s) => s.rows.filter((r) => typeof r[0] === 'number'));
    expect(numbered.length).toBe(rows);
    expect(numbered.map((r) => r[0])).toEqual(Array.from({ length: rows }, (_, i) => i + 1));
  });
});
