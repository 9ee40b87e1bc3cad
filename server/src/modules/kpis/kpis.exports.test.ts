import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cell, csvRows, download, pdfPages, xlsxSheets } from '../../../../reports/test/files.js';
import { reportWorld, type World } from '../../../../reports/test/world.js';

let w: World;
beforeAll(async () => {
  w = await reportWorld();
});
afterAll(() => w.t.close());

const get = (path: string, as = w.s.manager) => w.t.call('GET', path, { as });
const HEADER_ROWS = 5;

/** The .xlsx of a KPI table: its header block, column titles and data rows (序号 first). */
async function xlsx(path: string, as = w.s.manager, lang = 'zh') {
  const file = await download(w.t, as, path, lang);
  expect(file.status, file.bytes.toString('utf8').slice(0, 300)).toBe(200);
  expect(file.headers.get('content-type')).toContain('spreadsheetml');
  const [sheet] = await xlsxSheets(file.bytes);
  const rows = sheet!.rows;
  const titles = rows[HEADER_ROWS] as string[];
  const body = rows.slice(HEADER_ROWS + 1).filter((r) => typeof r[0] === 'number');
  const col = (name: string) => {
    const i = titles.indexOf(name);
    expect(i, `${name} in ${titles.join('|')}`).toBeGreaterThan(0);
    return i;
  };
  return { file, sheet: sheet!.sheet, rows, titles, body, col, text: rows.flat().map((v) => String(v ?? '')) };
}

const fixed2 = (v: Cell | string | number) => new Decimal(String(v ?? 0)).toFixed(2);

describe('KPI exports', () => {
  it('trend by month: header in words, the JSON route’s numbers as money cells, a 合计', async () => {
    const q = `from=${w.closed[0]}&to=${w.last}&granularity=month`;
    const json = await get(`/api/kpis/trend?${q}`);
    expect(json.status).toBe(200);
    const x = await xlsx(`/api/kpis/trend/export?${q}&format=xlsx`);
    const branch = await w.t.db
      .selectFrom('branches')
      .select('name')
      .where('id', '=', w.s.manager.me.branch.id)
      .executeTakeFirstOrThrow();
    expect(x.rows[1]![0]).toBe(branch.name);
    expect(x.rows[2]![0]).toBe('经营趋势（按月）');
    expect(String(x.rows[3]![0])).toContain(`期间：${w.closed[0]} 至 ${w.last}`);
    expect(String(x.rows[4]![0])).toContain('粒度：按月');
    expect(x.titles).toContain('市场占有率（万分之）');
    expect(x.body.length).toBe(json.json.length);
    json.json.forEach((t: Record<string, string | number>, i: number) => {
      const row = x.body[i]!;
      expect(row[x.col('期间')]).toBe(t.period);
      expect(fixed2(row[x.col('交易额')]!)).toBe(fixed2(t.turnover!));
      expect(fixed2(row[x.col('佣金收入')]!)).toBe(fixed2(t.commission!));
      expect(fixed2(row[x.col('资金净流入')]!)).toBe(fixed2(t.net_inflow!));
      expect(row[x.col('新开户数')]).toBe(t.new_clients);
      expect(fixed2(row[x.col('市场占有率（万分之）')]!)).toBe(fixed2(t.market_share_bp!));
    });
    // money is a number cell with 千分位 and two decimals, not text
    const cell = x.sheet.getRow(HEADER_ROWS + 2).getCell(x.col('交易额') + 1);
    expect(typeof cell.value).toBe('number');
    expect(cell.numFmt).toContain('#,##0.00');
    expect(x.sheet.getRow(HEADER_ROWS + 2).getCell(x.col('市场占有率（万分之）') + 1).numFmt).toContain('0.00');
    const total = x.rows.find((r) => r[0] === '合计')!;
    const sum = json.json.reduce((s: Decimal, t: { turnover: string }) => s.plus(t.turnover), new Decimal(0));
    expect(fixed2(total[x.col('交易额')]!)).toBe(sum.toFixed(2));
  });

  it('tiers: the counts of the JSON route, tiers in words (zh and en), never codes', async () => {
    const json = await get(`/api/kpis/tiers?date=${w.last}`);
    const x = await xlsx(`/api/kpis/tiers/export?date=${w.last}`);
    expect(x.rows[2]![0]).toBe('客户分层');
    expect(String(x.rows[3]![0])).toContain(`业务日期：${w.last}`);
    const words = ['大户', '中户', '散户', '核心客户', '优质客户', '有效客户', '沉寂客户'];
    const all = [...json.json.by_assets, ...json.json.by_contribution];
    expect(x.body.map((r) => r[x.col('层级')])).toEqual(words);
    expect(x.body.map((r) => r[x.col('客户数')])).toEqual(all.map((t: { clients: number }) => t.clients));
    for (const code of ['large', 'medium', 'small', 'core', 'quality', 'active', 'dormant', 'assets', 'contribution'])
      expect(x.text).not.toContain(code);
    // 小计 per basis: every open client once in each
    const subtotals = x.rows.filter((r) => String(r[0]).startsWith('小计'));
    expect(subtotals.map((r) => r[0])).toEqual(['小计 按资产', '小计 按贡献']);
    const clients = json.json.by_assets.reduce((s: number, t: { clients: number }) => s + t.clients, 0);
    expect(subtotals.map((r) => r[x.col('客户数')])).toEqual([clients, clients]);

    const en = await xlsx(`/api/kpis/tiers/export?date=${w.last}`, w.s.manager, 'en');
    expect(en.rows[2]![0]).toBe('Client tiers');
    expect(en.body.map((r) => r[en.col('Tier')])).toEqual([
      'Large',
      'Medium',
      'Retail',
      'Core',
      'Quality',
      'Active',
      'Dormant',
    ]);
  });

  it('managers, rankings, summary and (head office) branches equal their JSON routes', async () => {
    const span = `from=${w.closed[0]}&to=${w.last}`;
    const mgr = await get(`/api/kpis/managers?${span}`);
    const m = await xlsx(`/api/kpis/managers/export?${span}`);
    expect(m.rows[2]![0]).toBe('客户经理业绩');
    expect(m.body.length).toBe(mgr.json.length);
    mgr.json.forEach((r: Record<string, string | number>, i: number) => {
      expect(m.body[i]![m.col('客户经理')]).toBe(r.name);
      expect(m.body[i]![m.col('客户数')]).toBe(r.clients);
      expect(fixed2(m.body[i]![m.col('客户资产')]!)).toBe(fixed2(r.assets!));
      expect(fixed2(m.body[i]![m.col('交易额')]!)).toBe(fixed2(r.turnover!));
    });

    const rq = `${span}&by=securities&metric=commission&top=5`;
    const rk = await get(`/api/kpis/rankings?${rq}`);
    const r = await xlsx(`/api/kpis/rankings/export?${rq}`);
    expect(r.rows[2]![0]).toBe('排名（证券）');
    expect(String(r.rows[4]![0])).toContain('排名对象：证券；排序：按佣金；前 5 名');
    expect(r.body.map((x) => x[r.col('代码')])).toEqual(rk.json.map((x: { code: string }) => x.code));
    expect(r.body.map((x) => fixed2(x[r.col('佣金')]!))).toEqual(
      rk.json.map((x: { commission: string }) => fixed2(x.commission)),
    );

    const sum = await get(`/api/kpis/summary?date=${w.last}&period=month`);
    const s = await xlsx(`/api/kpis/summary/export?date=${w.last}&period=month`);
    expect(s.rows[2]![0]).toBe('经营指标');
    expect(String(s.rows[3]![0])).toContain(`期间：${sum.json.period.from} 至 ${sum.json.period.to}`);
    expect(s.body.map((x) => x[s.col('项目')])).toEqual([
      '本期',
      '上期（环比期间）',
      '环比增减',
      '去年同期（同比期间）',
      '同比增减',
    ]);
    const [cur, prev, mom] = s.body;
    expect(fixed2(cur![s.col('交易额')]!)).toBe(fixed2(sum.json.figures.turnover));
    expect(fixed2(cur![s.col('佣金率（‰）')]!)).toBe(fixed2(sum.json.figures.commission_rate_permille));
    expect(s.sheet.getRow(HEADER_ROWS + 2).getCell(s.col('佣金率（‰）') + 1).numFmt).toContain('0.000');
    expect(cur![s.col('客户总数')]).toBe(sum.json.figures.accounts_total);
    expect(fixed2(prev![s.col('交易额')]!)).toBe(fixed2(sum.json.previous_figures.turnover));
    expect(fixed2(mom![s.col('交易额')]!)).toBe(
      new Decimal(sum.json.figures.turnover).minus(sum.json.previous_figures.turnover).toFixed(2),
    );

    const br = await get(`/api/kpis/branches?date=${w.last}`, w.s.hq);
    const b = await xlsx(`/api/kpis/branches/export?date=${w.last}`, w.s.hq);
    expect(b.rows[1]![0]).toBe('全部营业部');
    expect(b.body.map((x) => x[b.col('营业部')])).toEqual(br.json.map((x: { branch_name: string }) => x.branch_name));
    expect(b.body.map((x) => fixed2(x[b.col('交易额')]!))).toEqual(
      br.json.map((x: { turnover: string }) => fixed2(x.turnover)),
    );
  });

  it('CSV and PDF come from the same engine; the download is audited', async () => {
    const q = `from=${w.closed[0]}&to=${w.last}`;
    const csv = await download(w.t, w.s.manager, `/api/kpis/managers/export?${q}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain(encodeURIComponent('客户经理业绩'));
    expect(csvRows(csv.bytes.toString('utf8'))[0]).toEqual([
      '序号',
      '客户经理',
      '客户数',
      '新开户',
      '客户资产',
      '交易额',
      '佣金',
    ]);
    const pdf = await download(w.t, w.s.manager, `/api/kpis/tiers/export?date=${w.last}&format=pdf`);
    expect(pdf.status).toBe(200);
    expect((await pdfPages(pdf.bytes)).join(' ')).toContain('沉寂客户');
    const audit = await w.t.db
      .selectFrom('audit_log')
      .select(['action', 'resource', 'detail'])
      .where('resource', '=', 'kpis')
      .where('action', '=', 'download')
      .execute();
    expect(audit.some((a) => String(a.detail).includes('"table":"managers"'))).toBe(true);
  });

  it('403 without the right (teller), and for a branch operator on the branch comparison; 404 for another branch', async () => {
    const q = `from=${w.last}&to=${w.last}`;
    for (const p of [`trend/export?${q}`, `tiers/export`, `managers/export?${q}`, `summary/export`])
      expect((await get(`/api/kpis/${p}`, w.s.teller)).status, p).toBe(403);
    expect((await get('/api/kpis/branches/export')).status).toBe(403);
    const other = await w.t.db
      .insertInto('branches')
      .values({ code: '0995', name: '测试导出营业部' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await get(`/api/kpis/tiers/export?branch_id=${other.id}`)).status).toBe(404);
    expect((await get(`/api/kpis/managers/export?${q}&branch_id=${other.id}`)).status).toBe(404);
    // head office names the branch it asked for in the header
    const one = await xlsx(`/api/kpis/managers/export?${q}&branch_id=${other.id}`, w.s.hq);
    expect(one.rows[1]![0]).toBe('测试导出营业部');
    expect(one.text).toContain('本期无数据');
    const bad = await get(`/api/kpis/trend/export?from=${w.last}&to=${w.closed[0]}&format=docx`);
    expect(bad.status).toBe(400);
  });
});
