import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewAll, reportWorld, threeFormats, type World } from '../test/world.js';

let w: World;
beforeAll(async () => {
  w = await reportWorld();
  // a segmentation as at the last closed day (the 客户分群 screen's 重新分群)
  const r = await w.t.call('POST', '/api/segments/refresh', { as: w.s.manager, body: {} });
  expect(r.status).toBe(200);
});
afterAll(() => w.t.close());

const num = (s: string | undefined) => new Decimal((s ?? '0').replaceAll(',', '') || '0');

describe('客户分群名单 client-segments', () => {
  it('lists each group’s clients with the sums of its profile', async () => {
    const view = await w.t.call('GET', '/api/segments', { as: w.s.manager });
    const dormant = view.json.groups.find((g: { segment: string }) => g.segment === 'dormant');
    const list = await previewAll(w, w.s.manager, 'client_segments', `date=${w.last}&segment=dormant`);
    const rows = list.lines.filter((l) => l.kind === 'row');
    expect(rows).toHaveLength(dormant.clients);
    expect(rows.every((l) => l.cells.segment === '沉寂型')).toBe(true);
    const total = list.lines.find((l) => l.kind === 'total')!;
    expect(total.cells.assets!.replaceAll(',', '')).toBe(new Decimal(dormant.assets).toFixed(2));
    const all = await previewAll(w, w.s.manager, 'client_segments', `date=${w.last}`);
    expect(all.total_rows).toBe(view.json.groups.reduce((s: number, g: { clients: number }) => s + g.clients, 0));
  });

  it('every group’s 小计 equals its profile; the 合计 of assets equals the KPI’s client assets of that close', async () => {
    const view = await w.t.call('GET', '/api/segments', { as: w.s.manager });
    const { preview } = await threeFormats(w, w.s.manager, 'client_segments', `date=${w.last}`);
    const subtotals = preview.lines.filter((l) => l.kind === 'subtotal');
    expect(subtotals).toHaveLength(view.json.groups.length);
    for (const g of view.json.groups as {
      segment: string;
      assets: string;
      commission: string;
      trade_count: number;
    }[]) {
      const words = {
        conservative: '保守型',
        steady: '稳健型',
        balanced: '平衡型',
        aggressive: '进取型',
        dormant: '沉寂型',
      };
      const sub = subtotals.find((l) => l.label?.includes(words[g.segment as keyof typeof words]))!;
      expect(num(sub.cells.assets).toFixed(2), g.segment).toBe(new Decimal(g.assets).toFixed(2));
      expect(num(sub.cells.commission).toFixed(2), g.segment).toBe(new Decimal(g.commission).toFixed(2));
      expect(num(sub.cells.trade_count).toNumber(), g.segment).toBe(g.trade_count);
    }
    const total = preview.lines.find((l) => l.kind === 'total')!;
    const kpi = await w.t.call('GET', `/api/kpis/summary?date=${w.last}&period=day`, { as: w.s.manager });
    expect(num(total.cells.assets).toFixed(2)).toBe(new Decimal(kpi.json.figures.client_assets).toFixed(2));
  });

  it('another date has no segmentation: an empty list, not another day’s groups', async () => {
    const list = await previewAll(w, w.s.manager, 'client_segments', `date=${w.closed[0]}`);
    expect(list.total_rows).toBe(0);
  });
});
