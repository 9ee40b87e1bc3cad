import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewAll, reportWorld, type World } from '../../../../reports/test/world.js';

let w: World;
beforeAll(async () => {
  w = await reportWorld();
});
afterAll(() => w.t.close());

const num = (s: string | undefined) => new Decimal((s ?? '0').replaceAll(',', '') || '0');
const get = (path: string, as = w.s.manager) => w.t.call('GET', path, { as });
const totalOf = (lines: { kind: string; cells: Record<string, string> }[], key: string) =>
  lines.filter((l) => l.kind === 'row').reduce((s, l) => s.plus(num(l.cells[key])), new Decimal(0));

describe('KPIs agree with the reports', () => {
  it("the month's turnover and commission equal 成交明细's totals; cash equals 资金余额's; new accounts the clients opened", async () => {
    const r = await get(`/api/kpis/summary?date=${w.last}&period=month`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const { period, figures: f } = r.json;
    expect(period).toEqual({ from: `${w.last.slice(0, 8)}01`, to: w.last });
    const details = await previewAll(w, w.s.manager, 'trade_details', `date_from=${period.from}&date_to=${period.to}`);
    expect(totalOf(details.lines, 'amount').gt(0)).toBe(true);
    expect(num(f.turnover).toFixed(2)).toBe(totalOf(details.lines, 'amount').toFixed(2));
    expect(num(f.commission).toFixed(2)).toBe(totalOf(details.lines, 'commission').toFixed(2));
    expect(new Decimal(f.commission_rate_permille).toFixed(3)).toBe(
      num(f.commission).times(1000).div(num(f.turnover)).toDecimalPlaces(3).toFixed(3),
    );

    const balances = await previewAll(w, w.s.manager, 'fund_balances', `date=${w.last}&currency=CNY`);
    expect(num(f.cash).toFixed(2)).toBe(totalOf(balances.lines, 'balance').toFixed(2));
    expect(num(f.market_value).toFixed(2)).toBe(totalOf(balances.lines, 'market_value').toFixed(2));
    expect(num(f.client_assets).toFixed(2)).toBe(num(f.cash).plus(num(f.market_value)).toFixed(2));

    const branch = w.s.manager.me.branch.id;
    const { rows } = await sql<{ opened: number; open: number }>`
      SELECT count(*) FILTER (WHERE opened_on BETWEEN ${period.from}::date AND ${period.to}::date)::int AS opened,
             count(*) FILTER (WHERE opened_on <= ${period.to}::date AND (closed_on IS NULL OR closed_on > ${period.to}::date))::int AS open
      FROM clients WHERE branch_id = ${branch}`.execute(w.t.db);
    expect(f.accounts_new).toBe(rows[0]!.opened);
    expect(f.accounts_total).toBe(rows[0]!.open);
    expect(f.accounts_net).toBe(f.accounts_new - f.accounts_closed);
    expect(f.accounts_active + f.accounts_dormant).toBe(f.accounts_total);
    for (const k of ['turnover', 'market_share_bp', 'net_inflow', 'client_assets']) expect(typeof f[k]).toBe('string');
  });

  it('the top clients (and securities, managers) equal 成交排名 for the same parameters', async () => {
    const from = w.closed[0]!;
    for (const [by, dimension] of [
      ['clients', 'client'],
      ['securities', 'security'],
      ['managers', 'client_manager'],
    ] as const)
      for (const metric of ['turnover', 'commission'] as const) {
        const r = await get(`/api/kpis/rankings?from=${from}&to=${w.last}&by=${by}&metric=${metric}&top=5`);
        expect(r.status).toBe(200);
        const report = await previewAll(
          w,
          w.s.manager,
          'trade_ranking',
          `date_from=${from}&date_to=${w.last}&dimension=${dimension}&by=${metric}&top=5`,
        );
        const rows = report.lines.filter((l) => l.kind === 'row');
        expect(r.json.length).toBe(rows.length);
        r.json.forEach((k: Record<string, string | number>, i: number) => {
          expect(k.rank).toBe(i + 1);
          expect(k.name).toBe(rows[i]!.cells.name);
          if (by !== 'managers') expect(k.code).toBe(rows[i]!.cells.code);
          else expect(k.code).toBe('');
          expect(num(String(k.turnover)).toFixed(2)).toBe(num(rows[i]!.cells.turnover).toFixed(2));
          expect(num(String(k.commission)).toFixed(2)).toBe(num(rows[i]!.cells.commission).toFixed(2));
          expect(String(k.trades)).toBe(rows[i]!.cells.trades);
        });
      }
  });

  it('环比 and 同比 periods; a day period; trend, tiers and managers add up', async () => {
    const day = await get(`/api/kpis/summary?date=${w.last}&period=day`);
    expect(day.status).toBe(200);
    expect(day.json.period).toEqual({ from: w.last, to: w.last });
    expect(day.json.previous.to).toBe(w.closed[w.closed.length - 2]);
    const ytd = await get(`/api/kpis/summary?date=${w.last}&period=ytd`);
    expect(ytd.json.previous).toEqual(ytd.json.year_ago);
    expect(ytd.json.previous.from).toBe(`${Number(w.last.slice(0, 4)) - 1}-01-01`);
    const dflt = await get('/api/kpis/summary');
    expect(dflt.json.period.to).toBe(w.last);
    expect(dflt.json.branch_id).toBe(w.s.manager.me.branch.id);

    const trend = await get(`/api/kpis/trend?from=${w.closed[0]}&to=${w.last}&granularity=day`);
    expect(trend.status).toBe(200);
    expect(trend.json.map((t: { period: string }) => t.period)).toEqual(w.closed);
    const month = await get(`/api/kpis/summary?period=range&from=${w.closed[0]}&to=${w.last}`);
    const trendTurnover = trend.json.reduce(
      (s: Decimal, t: { turnover: string }) => s.plus(t.turnover),
      new Decimal(0),
    );
    expect(trendTurnover.toFixed(2)).toBe(num(month.json.figures.turnover).toFixed(2));
    const trendInflow = trend.json.reduce(
      (s: Decimal, t: { net_inflow: string }) => s.plus(t.net_inflow),
      new Decimal(0),
    );
    expect(trendInflow.toFixed(2)).toBe(num(month.json.figures.net_inflow).toFixed(2));

    const tiers = await get(`/api/kpis/tiers?date=${w.last}`);
    expect(tiers.status).toBe(200);
    expect(tiers.json.by_assets.map((t: { tier: string }) => t.tier)).toEqual(['large', 'medium', 'small']);
    expect(tiers.json.by_contribution.map((t: { tier: string }) => t.tier)).toEqual([
      'core',
      'quality',
      'active',
      'dormant',
    ]);
    const f = dflt.json.figures;
    const sum = (xs: { clients: number; assets: string }[]) => ({
      clients: xs.reduce((s, x) => s + x.clients, 0),
      assets: xs.reduce((s, x) => s.plus(x.assets), new Decimal(0)).toFixed(2),
    });
    expect(sum(tiers.json.by_assets).clients).toBe(f.accounts_total);
    expect(sum(tiers.json.by_contribution)).toEqual(sum(tiers.json.by_assets));
    expect(tiers.json.by_contribution[3].clients).toBe(f.accounts_dormant);

    const mgr = await get(`/api/kpis/managers?from=${w.closed[0]}&to=${w.last}`);
    expect(mgr.status).toBe(200);
    expect(mgr.json.length).toBeGreaterThan(0);
    const ranked = await get(`/api/kpis/rankings?from=${w.closed[0]}&to=${w.last}&by=managers&top=1000`);
    const named = ranked.json.filter((r: { id: number | null }) => r.id !== null);
    for (const r of named) {
      const m = mgr.json.find((x: { manager_id: number }) => x.manager_id === r.id);
      expect(num(m.turnover).toFixed(2)).toBe(num(r.turnover).toFixed(2));
    }
  });
});

describe('KPIs: rights and bad input', () => {
  it('401 without a session, 403 for a teller, 404 for another branch, head office sees all', async () => {
    expect((await w.t.call('GET', '/api/kpis/summary')).status).toBe(401);
    for (const p of ['summary', 'tiers', `rankings?from=${w.last}&to=${w.last}`])
      expect((await get(`/api/kpis/${p}`, w.s.teller)).status).toBe(403);
    const other = await w.t.db
      .insertInto('branches')
      .values({ code: '0996', name: '测试指标营业部' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await get(`/api/kpis/summary?branch_id=${other.id}`)).status).toBe(404);
    expect((await get(`/api/kpis/tiers?branch_id=${other.id}`)).status).toBe(404);
    expect((await get(`/api/kpis/branches`)).status).toBe(403);
    const all = await get('/api/kpis/summary', w.s.hq);
    expect(all.status).toBe(200);
    expect(all.json.branch_id).toBeNull();
    const mine = await get('/api/kpis/summary');
    expect(all.json.figures.turnover).toBe(mine.json.figures.turnover); // one branch trades in the test world
    const one = await get(`/api/kpis/summary?branch_id=${other.id}`, w.s.hq);
    expect(one.json.branch_id).toBe(other.id);
    expect(one.json.figures.accounts_total).toBe(0);
    const branches = await get('/api/kpis/branches', w.s.hq);
    expect(branches.status).toBe(200);
    const demo = branches.json.find((b: { branch_id: number }) => b.branch_id === w.s.manager.me.branch.id);
    expect(demo.turnover).toBe(mine.json.figures.turnover);
    expect(demo.accounts_total).toBe(mine.json.figures.accounts_total);
    expect((await get('/api/kpis/summary?branch_id=999999', w.s.hq)).status).toBe(404);
  });

  it('400 with the field and the reason, in the user language', async () => {
    const bad: [string, string][] = [
      ['summary?date=2026-02-30', 'date'],
      ['summary?date=yesterday', 'date'],
      ['summary?period=week', 'period'],
      ['summary?date=2099-01-05', 'date'],
      ['summary?period=range', 'from'],
      [`summary?period=range&from=${w.last}&to=${w.closed[0]}`, 'to'],
      ['trend?from=2025-01-01&to=2026-12-01', 'to'],
      ['trend', 'from'],
      [`rankings?from=${w.last}&to=${w.last}&top=0`, 'top'],
      [`rankings?from=${w.last}&to=${w.last}&by=banks`, 'by'],
      [`rankings?from=${w.last}&to=${w.last}&metric=x`, 'metric'],
      ['managers?from=2026-01-01', 'to'],
      ['summary?branch_id=abc', 'branch_id'],
    ];
    if (w.closed.length > 1 || w.closed[0] !== w.last) {
      // a weekend is not a day of its own
      const { rows } = await sql<{ d: string }>`SELECT date::text AS d FROM trading_calendar
        WHERE market = 'SH-A' AND NOT is_trading_day AND date < ${w.last}::date ORDER BY date DESC LIMIT 1`.execute(
        w.t.db,
      );
      if (rows[0]) bad.push([`summary?period=day&date=${rows[0].d}`, 'date']);
    }
    for (const [q, field] of bad) {
      const r = await get(`/api/kpis/${q}`);
      expect(r.status, q).toBe(400);
      expect(r.json.error.fields[field], `${q}: ${JSON.stringify(r.json)}`).toBeTruthy();
    }
    const en = await w.t.call('GET', '/api/kpis/summary?date=2099-01-05', {
      as: w.s.manager,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json.error.fields.date).toContain('open business date');
  });
});
